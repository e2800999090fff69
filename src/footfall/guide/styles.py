"""What each guided-walk style is: how long it may be, how it is split into warm-up,
main part and cool-down, which pace band it reminds, and the words it says.

The five styles follow the market the source article names (SPEC §1): a *brisk* walk
(E4 band), a *recovery* walk (R1's finisher after a run, lighter than brisk: R2), walk/run
*intervals* (Peloton's walk/run classes, 4:1 by default), an incline *hike* (Peloton's
incline hike; a treadmill incline where asked) and a *mindful* walk (Headspace's walking
meditations, 3-40 minutes). Every style carries the R7 form cues (:data:`FORM_CUES`).

Templates take ``{minutes}`` (the whole walk, spoken), ``{duration}`` (the part's length,
spoken), ``{band}`` (the pace band in the runner's units) and ``{incline}``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

StyleName = Literal["brisk", "recovery", "intervals", "hike", "mindful"]
PaceKind = Literal["brisk", "easy"]


@dataclass(frozen=True, slots=True)
class FormCue:
    """One R7 form cue: what it is about (``key``) and the ways footfall says it.
    ``mindful`` is the same cue said as an invitation to notice."""

    key: str
    said: tuple[str, ...]
    mindful: str


#: R7, in the order the source article lists them.
FORM_CUES: tuple[FormCue, ...] = (
    FormCue(
        "stand tall",
        (
            "Stand tall: lift through the top of your head, shoulders easy.",
            "Tall posture. Imagine a string lifting the crown of your head.",
        ),
        "Notice your posture. Let yourself stand tall, shoulders soft.",
    ),
    FormCue(
        "eyes up",
        (
            "Eyes up: look well ahead, not down at your feet.",
            "Lift your gaze to the path ahead; your chin stays level.",
        ),
        "Let your eyes rest on the path well ahead, not on your feet.",
    ),
    FormCue(
        "arm swing",
        (
            "Elbows bent, close to your sides; let your arms swing, relaxed and natural.",
            "Bend your elbows and let the arms swing easily, front to back.",
        ),
        "Feel your arms swinging, elbows bent, relaxed and natural.",
    ),
    FormCue(
        "feet under you",
        (
            "Land with your feet under you, not out in front; quick, light steps.",
            "Keep your feet under your hips: short, quick steps.",
        ),
        "Feel each foot land beneath you, light and quiet.",
    ),
    FormCue(
        "glutes",
        (
            "Squeeze your glutes as you push off behind you.",
            "Push off from the back foot, and squeeze your glutes.",
        ),
        "As each foot pushes off, notice your glutes working.",
    ),
)


@dataclass(frozen=True, slots=True)
class Style:
    """One kind of guided walk.

    Warm-up and cool-down take ``*_share`` of the walk, rounded to half a minute, at
    least half a minute (the cool-down: a minute, room for the closing question) and at
    most ``part_cap_s``; the main part is the rest. Form
    cues come about every ``form_every_s``, pace reminders every ``pace_every_s`` in
    the main part (``pace`` None: this style reminds no pace). ``extras`` are the
    style's own cues, said between the R7 cues.
    """

    name: StyleName
    title: str
    min_minutes: float
    max_minutes: float
    warm_up_share: float
    cool_down_share: float
    part_cap_s: float
    pace: PaceKind | None
    welcome: str
    warm_up: str
    main: str
    cool_down: str
    pace_reminders: tuple[str, ...]
    extras: tuple[str, ...] = ()
    form_every_s: float = 150.0
    pace_every_s: float = 300.0
    mindful: bool = False


_BRISK_PACE = (
    "Check your pace: {band}.",
    "Brisk means you can talk, but not sing. Aim for {band}.",
    "Quick steps now, about 100 or more a minute. Your band is {band}.",
)
_EASY_PACE = (
    "Keep it easy: {band}, slower is fine.",
    "No need to push. {band} is plenty.",
)

BRISK = Style(
    name="brisk",
    title="brisk walk",
    min_minutes=3,
    max_minutes=180,
    warm_up_share=0.15,
    cool_down_share=0.10,
    part_cap_s=300,
    pace="brisk",
    welcome="Welcome to your {minutes} brisk walk.",
    warm_up="Warm up for {duration} at an easy pace.",
    main="Brisk walking now, for {duration}. Aim for {band}.",
    cool_down="Cool down for {duration}: let your pace ease off.",
    pace_reminders=_BRISK_PACE,
)
RECOVERY = Style(
    name="recovery",
    title="recovery walk",
    min_minutes=3,
    max_minutes=90,
    warm_up_share=0.20,
    cool_down_share=0.15,
    part_cap_s=240,
    pace="easy",
    welcome="Welcome to your {minutes} recovery walk. The hard part is done.",
    warm_up="For {duration}, walk slowly and let your breathing settle.",
    main="Easy walking now, for {duration}, at {band}.",
    cool_down="Slow right down now, for {duration}.",
    pace_reminders=_EASY_PACE,
    extras=("Shake out your hands and let your shoulders drop.",),
    form_every_s=120.0,
)
INTERVALS = Style(
    name="intervals",
    title="walk and run",
    min_minutes=3,
    max_minutes=180,
    warm_up_share=0.15,
    cool_down_share=0.10,
    part_cap_s=300,
    pace="brisk",
    welcome="Welcome to your {minutes} walk and run.",
    warm_up="Warm up for {duration}, walking at an easy pace.",
    main="",  # the intervals say their own start: see timeline
    cool_down="Cool down for {duration}, walking easy.",
    pace_reminders=_BRISK_PACE,
)
HIKE = Style(
    name="hike",
    title="hike",
    min_minutes=3,
    max_minutes=180,
    warm_up_share=0.15,
    cool_down_share=0.12,
    part_cap_s=300,
    pace="easy",
    welcome="Welcome to your {minutes} hike.",
    warm_up="Warm up for {duration} on the flat{incline}.",
    main="Climb now, for {duration}{incline}. Go by effort: breathing harder, still able to talk.",
    cool_down="Cool down for {duration}{incline}.",
    pace_reminders=(
        "Uphill, the pace drops. {band} is fine; keep the effort steady.",
        "Check your effort, not your watch: {band} is plenty on a climb.",
    ),
    extras=(
        "On the climb, take shorter steps and push through the whole foot.",
        "Lean slightly forward from your ankles, not from your waist.",
    ),
)
MINDFUL = Style(
    name="mindful",
    title="mindful walk",
    min_minutes=3,
    max_minutes=40,
    warm_up_share=0.15,
    cool_down_share=0.15,
    part_cap_s=300,
    pace=None,
    welcome="Welcome to your {minutes} mindful walk. There is nowhere to hurry to.",
    warm_up="For the next {duration}, simply arrive. Notice your feet meeting the ground.",
    main="For {duration}, walk at a natural pace, attention on your breath and your steps.",
    cool_down="Slow down gently now, for {duration}.",
    pace_reminders=(),
    extras=(
        "Breathe in for three steps, and out for four.",
        "Notice three sounds around you, near and far.",
        "Feel the air on your face and on your hands.",
    ),
    form_every_s=120.0,
    mindful=True,
)

STYLES: dict[str, Style] = {s.name: s for s in (BRISK, RECOVERY, INTERVALS, HIKE, MINDFUL)}
STYLE_NAMES: tuple[str, ...] = tuple(STYLES)

#: Intervals: what the switches say. ``{walk}``/``{run}`` are spoken durations.
INTERVALS_START = "Intervals: walk {walk}, run {run}, {times}. Walk now, brisk: {band}."
INTERVAL_WALK = "Walk now, for {duration}."
INTERVAL_RUN = "Run now, for {duration}: an easy jog, tall and relaxed."

#: Hike: the incline as said, when the runner gave a treadmill incline.
INCLINE = ", incline at {percent} percent"
FLAT_INCLINE = ", incline back to zero"

#: Time markers.
HALFWAY = "Halfway: {done} done."
MINUTES_LEFT = "{left} to go."


def form_sequence(style: Style, seed: int) -> tuple[str, ...]:
    """The form cues of ``style`` in the order they rotate: the five R7 cues, starting
    at ``seed`` and each said the ``seed``-th way, with one of the style's own cues
    after every second R7 cue."""
    r7: list[str] = []
    for i in range(len(FORM_CUES)):
        cue = FORM_CUES[(seed + i) % len(FORM_CUES)]
        r7.append(cue.mindful if style.mindful else cue.said[(seed // 5 + i) % len(cue.said)])
    sequence: list[str] = []
    extras = list(style.extras)
    for i, text in enumerate(r7):
        sequence.append(text)
        if i % 2 == 1 and extras:
            sequence.append(extras.pop(0))
    return (*sequence, *extras)


def r7_key(text: str) -> str | None:
    """Which R7 form cue ``text`` says (None: not an R7 cue)."""
    for cue in FORM_CUES:
        if text in cue.said or text == cue.mindful:
            return cue.key
    return None
