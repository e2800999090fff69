"""How the pages write numbers, times and plan sessions: Jinja filters over the wording
the calendar and watch exports already use (:mod:`footfall.export.wording`), so a walk
reads the same on a page as in the runner's calendar."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

from fastapi.templating import Jinja2Templates

from footfall.export.wording import (
    day_text,
    distance_text,
    duration_text,
    pace_text,
    session_name,
    session_title,
)
from footfall.metrics.timezone import zone_named
from footfall.settings import METRES_PER_UNIT, Units

TEMPLATES = Path(__file__).with_name("templates")
NOTHING = "—"
FLOOR_WORDS = {True: "met", False: "under", None: "unknown"}


def _finite(value: float | None) -> float | None:
    """``value`` when it is a real number, else None (unknown or NaN)."""
    return value if value is not None and math.isfinite(value) else None


def minutes_of(seconds: float | None) -> str:
    """``42 min`` from seconds; a dash when unknown or none."""
    known = _finite(seconds)
    return duration_text(known / 60.0) if known else NOTHING


def minutes_text(minutes: float | None) -> str:
    known = _finite(minutes)
    return duration_text(known) if known else NOTHING


def whole(value: float | None) -> str:
    """``12,345``; a dash when unknown."""
    known = _finite(value)
    return NOTHING if known is None else f"{round(known):,}"


def distance(distance_m: float | None, units: Units) -> str:
    known = _finite(distance_m)
    return distance_text(known, units) if known else NOTHING


def average_pace(distance_m: float | None, moving_s: float | None, units: Units) -> str:
    """The average pace over the moving time, ``9:41 /mi``."""
    metres, seconds = _finite(distance_m), _finite(moving_s)
    if not metres or not seconds:
        return NOTHING
    per_unit_s = round(seconds / (metres / METRES_PER_UNIT[units]))
    return f"{per_unit_s // 60}:{per_unit_s % 60:02d} /{units}"


def pace_band(band: tuple[float, float] | list[float] | None, units: Units) -> str:
    return pace_text((band[0], band[1]), units) if band else ""


def local_time(moment: dt.datetime, zone_name: str | None) -> str:
    """``Mon 16 Mar 2026 06:19`` in the activity's own zone (UTC when unknown)."""
    local = moment.astimezone(zone_named(zone_name)) if zone_name else moment
    return f"{day_text(local.date())} {local.year} {local:%H:%M}"


def day(date: dt.date) -> str:
    """``Mon 16 Mar``."""
    return day_text(date)


def floor_word(met: bool | None) -> str:
    return FLOOR_WORDS[met]


def make_templates() -> Jinja2Templates:
    """The app's templates with these filters."""
    templates = Jinja2Templates(directory=str(TEMPLATES))
    templates.env.filters.update(
        minutes_of=minutes_of,
        minutes=minutes_text,
        whole=whole,
        distance=distance,
        average_pace=average_pace,
        pace_band=pace_band,
        local_time=local_time,
        day=day,
        floor_word=floor_word,
        session_title=session_title,
        session_name=session_name,
    )
    templates.env.globals["timedelta"] = dt.timedelta
    return templates
