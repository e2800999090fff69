"""The cue timeline of a guided walk (issue 5, SPEC R5-R8): pure, no I/O.

:func:`build_timeline` splits the walk into parts (:mod:`footfall.guide.parts`), then
places its cues, most important first, so that none overlaps another by its estimated
spoken length (:func:`footfall.guide.words.spoken_seconds`) and none is said in the last
:data:`~footfall.guide.model.QUIET_TAIL_S` seconds:

1. the closing question (R8), ending exactly where the quiet tail begins;
2. the welcome, then each part's cue (warm-up, main or the walk/run switches, cool-down);
3. the time markers (halfway, minutes to go);
4. the first R7 form cue (every walk gets one, even a 3-minute one);
5. the rest of the form cues and the pace reminders (R6) at the style's rhythm, each
   moved up to :data:`FILLER_SLACK_S` later when its moment is taken, else left out.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from footfall.errors import UsageError
from footfall.guide import styles
from footfall.guide.closing import closing_question
from footfall.guide.model import MIN_GAP_S, QUIET_TAIL_S, Cue, Part, PastWalks, Timeline
from footfall.guide.parts import brisk_band, build_parts
from footfall.guide.schedule import Schedule
from footfall.guide.styles import Style
from footfall.guide.validate import check_walk
from footfall.guide.words import (
    say_duration,
    say_minutes,
    say_number,
    say_pace_band,
    spoken_seconds,
)
from footfall.settings import Units

__all__ = ["Cue", "Part", "PastWalks", "Timeline", "build_timeline", "spoken_seconds"]

#: A form cue or pace reminder may be said up to this long after its moment.
FILLER_SLACK_S = 45.0
#: A part's cue may slip this long into its part (a switch between walk and run: less).
PART_SLACK_S = 20.0
SWITCH_SLACK_S = 3.0
#: Time markers: halfway from walks this long, "N minutes to go" from walks this long.
HALFWAY_FROM_MIN = 6.0
TO_GO: tuple[tuple[float, float], ...] = ((10.0, 25.0), (5.0, 12.0))
MARKER_SLACK_S = 30.0


def build_timeline(
    minutes: float,
    style: str,
    *,
    units: Units = "mi",
    pace_min_per_mi: tuple[float, float] | None = None,
    incline_pct: float | None = None,
    intervals: tuple[int, int] = (4, 1),
    past: PastWalks | None = None,
    seed: int = 0,
    words_per_minute: int = 160,
) -> Timeline:
    """A ``minutes``-long walk of ``style`` (see :data:`styles.STYLES`), its cues in
    the runner's ``units``. Wrong values raise :class:`UsageError` naming the value.

    ``pace_min_per_mi``: the runner's brisk band (default: centred on
    ``past.brisk_pace_min_per_mi``, else E4). ``incline_pct``: a treadmill incline for a
    hike. ``intervals``: walk and run minutes of a walk/run cycle. ``seed`` varies where
    the form cues start and how they are worded. ``words_per_minute``: the speaking
    rate the cues are spaced for.
    """
    chosen = check_walk(
        minutes,
        style,
        units=units,
        pace_min_per_mi=pace_min_per_mi,
        incline_pct=incline_pct,
        intervals=intervals,
        words_per_minute=words_per_minute,
    )
    total_s = minutes * 60.0
    brisk = brisk_band(pace_min_per_mi, past)
    parts = build_parts(chosen, total_s, brisk, incline_pct, intervals)
    words = _Words(chosen, units, minutes, brisk, seed)
    placer = _Placer(Schedule(total_s - QUIET_TAIL_S, MIN_GAP_S), parts, words_per_minute)
    placer.require_last(closing_question(chosen, minutes, past), "question")
    _place_parts(placer, words, parts)
    _place_markers(placer, total_s)
    _place_form_and_pace(placer, words, parts)
    cues = tuple(sorted(placer.cues, key=lambda cue: cue.at_s))
    return Timeline(minutes, chosen.name, parts, cues, words_per_minute)


@dataclass(frozen=True, slots=True)
class _Words:
    """What this walk says, beyond the style's templates."""

    style: Style
    units: Units
    minutes: float
    brisk: tuple[float, float]
    seed: int

    def part(self, template: str, part: Part) -> str:
        band = part.pace_min_per_mi or self.brisk
        return template.format(
            minutes=say_minutes(self.minutes).replace("minutes", "minute"),
            duration=say_duration(part.seconds),
            band=say_pace_band(band, self.units),
            incline=self.incline(part),
        )

    def incline(self, part: Part) -> str:
        if part.incline_pct is None:
            return ""
        if part.incline_pct == 0:
            return styles.FLAT_INCLINE
        return styles.INCLINE.format(percent=say_number(part.incline_pct))

    def pace(self, index: int, band: tuple[float, float]) -> str:
        reminders = self.style.pace_reminders
        template = reminders[(self.seed + index) % len(reminders)]
        return template.format(band=say_pace_band(band, self.units))


class _Placer:
    """Places cues on a :class:`Schedule`, naming each by the part it falls in."""

    def __init__(self, schedule: Schedule, parts: tuple[Part, ...], words_per_minute: int):
        self.schedule = schedule
        self.parts = parts
        self.words_per_minute = words_per_minute
        self.cues: list[Cue] = []

    def place(
        self, text: str, kind: str, *, at: float, latest: float, end_by: float = math.inf
    ) -> bool:
        """Say ``text`` at the first free moment in ``at..latest`` (ending by
        ``end_by``); False when there is none."""
        length = spoken_seconds(text, self.words_per_minute)
        start = self.schedule.earliest(max(at, 0.0), length, latest_s=latest, end_by_s=end_by)
        if start is None:
            return False
        self.schedule.take(start, length)
        self.cues.append(Cue(start, text, kind, self.part_at(start).name))
        return True

    def require(self, text: str, kind: str, *, at: float, latest: float = math.inf) -> None:
        """Place ``text`` or say why the walk cannot hold it (too short, too slow)."""
        if not self.place(text, kind, at=at, latest=latest):
            minutes = (self.schedule.end_s + QUIET_TAIL_S) / 60.0
            raise UsageError(
                f"a {minutes:g}-minute walk is too short for its cues at "
                f"{self.words_per_minute} words a minute: choose a longer walk or faster speech"
            )

    def require_last(self, text: str, kind: str) -> None:
        """Place ``text`` to end exactly where the quiet tail begins."""
        at = self.schedule.end_s - spoken_seconds(text, self.words_per_minute)
        self.require(text, kind, at=at, latest=at)

    def part_at(self, at_s: float) -> Part:
        return next((p for p in self.parts if p.start_s <= at_s < p.end_s), self.parts[-1])


def _place_parts(placer: _Placer, words: _Words, parts: tuple[Part, ...]) -> None:
    """The welcome, then each part's cue at the part's start."""
    style = words.style
    placer.require(words.part(style.welcome, parts[0]), "welcome", at=0.0)
    placer.require(words.part(style.warm_up, parts[0]), "part", at=0.0, latest=parts[0].end_s)
    blocks = parts[1:-1]
    if style.name == "intervals":
        _place_switches(placer, words, blocks)
    else:
        main = blocks[0]
        text = words.part(style.main, main)
        placer.require(text, "part", at=main.start_s, latest=main.start_s + PART_SLACK_S)
    cool = parts[-1]
    text = words.part(style.cool_down, cool)
    placer.require(text, "part", at=cool.start_s, latest=cool.start_s + PART_SLACK_S)


def _place_switches(placer: _Placer, words: _Words, blocks: tuple[Part, ...]) -> None:
    """Intervals: the plan at the first walk block, then "walk now" / "run now"."""
    first, run = blocks[0], blocks[1]
    cycles = len(blocks) // 2
    start = styles.INTERVALS_START.format(
        walk=say_duration(first.seconds),
        run=say_duration(run.seconds),
        times="once" if cycles == 1 else f"{cycles} times",
        band=say_pace_band(words.brisk, words.units),
    )
    placer.require(start, "interval", at=first.start_s, latest=first.start_s + SWITCH_SLACK_S)
    for block in blocks[1:]:
        template = styles.INTERVAL_RUN if block.kind == "run" else styles.INTERVAL_WALK
        text = template.format(duration=say_duration(block.seconds))
        placer.require(text, "interval", at=block.start_s, latest=block.start_s + SWITCH_SLACK_S)


def _place_markers(placer: _Placer, total_s: float) -> None:
    """Halfway and "N minutes to go", where the walk is long enough for them."""
    minutes = total_s / 60.0
    markers: list[tuple[float, str]] = []
    if minutes >= HALFWAY_FROM_MIN:
        markers.append((total_s / 2, styles.HALFWAY.format(done=say_minutes(minutes / 2))))
    for left, from_minutes in TO_GO:
        if minutes >= from_minutes:
            at = total_s - left * 60.0
            markers.append((at, styles.MINUTES_LEFT.format(left=say_minutes(left))))
    for at, text in markers:
        placer.place(text, "time", at=at, latest=at + MARKER_SLACK_S)


def _place_form_and_pace(placer: _Placer, words: _Words, parts: tuple[Part, ...]) -> None:
    """R7 form cues rotate through the walking parts before the cool-down (the first
    one is required); pace reminders (R6) through the parts that hold a band."""
    form = styles.form_sequence(words.style, words.seed)
    placer.require(form[0], "form", at=0.0, latest=parts[-1].start_s)
    first_form = max(c.at_s for c in placer.cues if c.kind == "form")
    moments = _moments(first_form, words.style.form_every_s, parts, "form")
    moments += _moments(parts[1].start_s, words.style.pace_every_s, parts, "pace")
    said = {"form": 1, "pace": 0}
    for at, kind, part in sorted(moments, key=lambda moment: moment[:2]):
        if kind == "form":
            text = form[said["form"] % len(form)]
        elif part.pace_min_per_mi is not None and words.style.pace_reminders:
            text = words.pace(said["pace"], part.pace_min_per_mi)
        else:
            continue
        latest = min(at + FILLER_SLACK_S, part.end_s)
        if placer.place(text, kind, at=at, latest=latest, end_by=part.end_s):
            said[kind] += 1


def _moments(
    after_s: float, every_s: float, parts: tuple[Part, ...], kind: str
) -> list[tuple[float, str, Part]]:
    """Moments every ``every_s`` after ``after_s`` that fall in a walking part before
    the cool-down, each with its part."""
    moments: list[tuple[float, str, Part]] = []
    at = after_s + every_s
    cool_start = parts[-1].start_s
    while at < cool_start:
        part = next(p for p in parts if p.start_s <= at < p.end_s)
        if part.kind == "walk":
            moments.append((at, kind, part))
        at += every_s
    return moments
