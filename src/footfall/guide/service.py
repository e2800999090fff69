"""A guided walk against the store: the walk asked for (or the stored plan's walk of a
day), the runner's own past for its pace band and closing question, and its files.

The command line and the web app both make guided walks through here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from footfall.errors import UsageError
from footfall.export.fit_workout import timeline_to_fit
from footfall.export.ics import walk_to_ics
from footfall.guide.audio import render_audio
from footfall.guide.model import Timeline
from footfall.guide.planned import pick_walk, planned_timeline, planned_walks
from footfall.guide.timeline import build_timeline
from footfall.metrics.timezone import today_in, zone_named
from footfall.plan.model import PlannedSession
from footfall.settings import Athlete
from footfall.store.athlete import load_athlete
from footfall.store.database import Store
from footfall.store.history import past_walks
from footfall.store.plans import plan_covering

#: Walk and run minutes of an intervals walk when the runner names none.
DEFAULT_INTERVALS = (4, 1)


@dataclass(frozen=True, slots=True)
class WalkRequest:
    """What the runner asked for: minutes and a style, or the planned walk of a day."""

    minutes: float | None = None
    style: str = "brisk"
    planned: dt.date | None = None
    role: str | None = None
    incline_pct: float | None = None
    intervals: tuple[int, int] = DEFAULT_INTERVALS


@dataclass(frozen=True, slots=True)
class GuidedWalk:
    timeline: Timeline
    day: dt.date
    athlete: Athlete
    planned: PlannedSession | None


def prepare_walk(store: Store, request: WalkRequest) -> GuidedWalk:
    """The timeline of the walk asked for (UsageError naming what is missing)."""
    with store.session() as session:
        athlete = load_athlete(session)
        now = today_in(athlete)
        past = past_walks(session, now)
        if request.planned is not None:
            day = request.planned
            plan = plan_covering(session, day)
            if plan is None:
                raise UsageError(f"--planned: no stored plan covers {day} (run footfall plan)")
            walk = pick_walk(planned_walks(plan, day), day, request.role)
            timeline = planned_timeline(walk, units=athlete.units, past=past)
            return GuidedWalk(timeline, day, athlete, walk)
    if request.minutes is None:
        raise UsageError("give --minutes (or --planned DATE)")
    timeline = build_timeline(
        request.minutes,
        request.style,
        units=athlete.units,
        incline_pct=request.incline_pct,
        intervals=request.intervals,
        past=past,
    )
    return GuidedWalk(timeline, now, athlete, None)


def parse_intervals(text: str) -> tuple[int, int]:
    """``4:1`` -> (4, 1): walk and run minutes of an intervals walk."""
    try:
        walk, run = (int(part) for part in text.split(":"))
    except ValueError:
        raise UsageError(f"--intervals: '{text}' is not walk:run minutes such as 4:1") from None
    return walk, run


def write_walk(
    walk: GuidedWalk,
    *,
    audio: Path | None = None,
    fit: Path | None = None,
    ics: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[Path]:
    """Write the walk's audio, FIT workout and calendar event where asked."""
    timeline, day, athlete = walk.timeline, walk.day, walk.athlete
    written: list[Path] = []
    name = f"{timeline.style.capitalize()} walk {timeline.minutes:g} min"
    if audio is not None:
        written.append(render_audio(timeline, audio, progress=progress))
    if fit is not None:
        _save(fit, timeline_to_fit(timeline, name=name, day=day))
        written.append(fit)
    if ics is not None:
        zone = zone_named(athlete.time_zone) if athlete.time_zone else None
        session = walk.planned or _as_session(timeline, day)
        _save(ics, walk_to_ics(session, zone=zone, units=athlete.units, script=script(timeline)))
        written.append(ics)
    return written


def _save(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise UsageError(f"cannot write {path} ({exc.strerror or exc})") from None


def _as_session(timeline: Timeline, day: dt.date) -> PlannedSession:
    """A walk outside any plan, as a calendar exporter takes it."""
    band = next((p.pace_min_per_mi for p in timeline.parts if p.pace_min_per_mi), None)
    return PlannedSession(
        date=day,
        kind="walk",
        role="second" if timeline.style == "recovery" else "swap",
        type="walk",
        minutes=timeline.minutes,
        distance_m=None,
        pace_min_per_mi=band,
        intensity="light" if timeline.style in {"recovery", "mindful"} else "moderate",
        steps=0,
        impact_bw_steps=0.0,
        rule="R7",
        why=f"A guided {timeline.style} walk with form cues (R7: the source article).",
    )


def script(timeline: Timeline) -> str:
    """The cues as text, one line each with its time: the walk's script."""
    return "\n".join(f"{clock_text(cue.at_s)}  {cue.text}" for cue in timeline.cues)


def clock_text(seconds: float) -> str:
    """``4:05``: minutes and seconds into the walk."""
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"
