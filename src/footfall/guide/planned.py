"""A planned walk (from ``footfall plan``) as a guided walk: which style coaches it."""

from __future__ import annotations

import datetime as dt

from footfall.errors import UsageError
from footfall.guide.model import PastWalks, Timeline
from footfall.guide.styles import STYLES
from footfall.guide.timeline import build_timeline
from footfall.plan.model import Plan, PlannedSession
from footfall.settings import Units


def planned_walks(plan: Plan, day: dt.date) -> list[PlannedSession]:
    return [s for s in plan.sessions() if s.date == day and s.kind == "walk"]


def pick_walk(walks: list[PlannedSession], day: dt.date, role: str | None) -> PlannedSession:
    """The day's planned walk (the one of ``role`` when there are several)."""
    if not walks:
        raise UsageError(f"--planned: the plan has no walk on {day.isoformat()}")
    chosen = [w for w in walks if role is None or w.role == role]
    if not chosen:
        roles = ", ".join(w.role for w in walks)
        raise UsageError(f"--role: the walks on {day.isoformat()} are {roles}")
    if len(chosen) > 1 and role is None:
        roles = ", ".join(w.role for w in walks)
        raise UsageError(
            f"--planned: {day.isoformat()} has several walks ({roles}); pick one with --role"
        )
    return chosen[0]


def style_for(walk: PlannedSession) -> str:
    """A light walk is coached as a recovery walk; a moderate one as a brisk walk, in
    the pace band the plan gave it (R6), so the cues, the watch and the calendar agree."""
    return "recovery" if walk.intensity == "light" else "brisk"


def planned_timeline(walk: PlannedSession, *, units: Units, past: PastWalks | None) -> Timeline:
    """The guided walk for a planned one: its minutes, its pace band, its style."""
    style = style_for(walk)
    shortest = STYLES[style].min_minutes
    if walk.minutes < shortest:
        raise UsageError(
            f"the planned {walk.role} walk is {walk.minutes:.1f} min: too short to guide "
            f"(a guided walk lasts {shortest:g} min or more), so just walk it"
        )
    return build_timeline(
        walk.minutes,
        style,
        units=units,
        pace_min_per_mi=walk.pace_min_per_mi,
        past=past,
    )
