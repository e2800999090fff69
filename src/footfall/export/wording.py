"""How a planned session reads on a calendar or a watch, in the runner's units.

One place for the words both exporters use, so a calendar event and the watch
workout of the same walk carry the same title: ``Finisher walk 15 min``,
``Easy run 30 min``, ``Long run 3 h``. A walk's title never says "run" or "jog",
so a calendar that holds an exported week still reads as the runner's plan (the
plan's ``.ics`` source takes events that say "run" for runs).

Distances and paces follow the runner's units (``mi`` or ``km``); tiny distances (an
R5 ladder walk of 100 ft) are given in feet or metres. Paces are written fast to slow,
``16:00–18:00 /mi``.
"""

from __future__ import annotations

import datetime as dt

from footfall.evidence import MILE_M
from footfall.plan.model import Flag, PlannedSession
from footfall.settings import METRES_PER_UNIT, Units

FOOT_M = 0.3048
#: Below this many of the runner's units a distance is given in feet or metres.
_SMALL_DISTANCE = 0.1
_SMALL_UNIT: dict[Units, tuple[str, float]] = {"mi": ("ft", FOOT_M), "km": ("m", 1.0)}

RUN_TITLES: dict[str, str] = {
    "easy": "Easy run",
    "recovery": "Recovery run",
    "long": "Long run",
    "workout": "Run workout",
    "race": "Race",
    "rest": "Rest day",
}
WALK_TITLES: dict[str, str] = {
    "finisher": "Finisher walk",
    "second": "Second-session walk",
    "swap": "Swap walk",
    "step_floor": "Step-floor walk",
    "main": "Walk",
}
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def session_name(session: PlannedSession) -> str:
    """``Finisher walk``, ``Easy run``, ``Rest day``."""
    if session.type == "rest":
        return RUN_TITLES["rest"]
    if session.kind == "walk":
        return WALK_TITLES.get(session.role, "Walk")
    return RUN_TITLES.get(session.type, f"{session.type.capitalize()} run")


def session_title(session: PlannedSession) -> str:
    """``Finisher walk 15 min``, ``Easy run 30 min``, ``Rest day``."""
    name = session_name(session)
    if session.type == "rest":
        return name
    return f"{name} {duration_text(session.minutes)}"


def duration_text(minutes: float) -> str:
    """``18 s`` under a minute, ``7.5 min`` under ten, ``39 min``, ``2 h 30 min`` from 90
    minutes."""
    seconds = round(minutes * 60)
    if seconds < 60:
        return f"{seconds} s"
    if minutes < 90:
        whole = round(minutes)
        short = minutes < 10 and abs(minutes - whole) >= 0.05
        return f"{minutes:.1f} min" if short else f"{whole} min"
    hours, rest = divmod(round(minutes), 60)
    return f"{hours} h" if rest == 0 else f"{hours} h {rest} min"


def distance_text(distance_m: float, units: Units) -> str:
    """``20.0 mi``, ``6.4 km``; ``100 ft`` or ``30 m`` for tiny distances."""
    amount = distance_m / METRES_PER_UNIT[units]
    if amount >= _SMALL_DISTANCE:
        return f"{amount:.1f} {units}"
    name, size_m = _SMALL_UNIT[units]
    return f"{round(distance_m / size_m)} {name}"


def pace_text(band_min_per_mi: tuple[float, float], units: Units) -> str:
    """A pace band fast to slow in the runner's units: ``16:00–18:00 /mi``."""
    per_unit = METRES_PER_UNIT[units] / MILE_M
    fast, slow = sorted(band_min_per_mi)
    return f"{_clock(fast * per_unit)}–{_clock(slow * per_unit)} /{units}"


def _clock(minutes: float) -> str:
    seconds = round(minutes * 60)
    return f"{seconds // 60}:{seconds % 60:02d}"


def figures_line(session: PlannedSession, units: Units) -> str:
    """The session's figures in one sentence: length, distance, pace, intensity, steps."""
    if session.type == "rest":
        return "Rest day: no running planned."
    parts = [duration_text(session.minutes)]
    if session.distance_m is not None:
        parts.append(distance_text(session.distance_m, units))
    if session.pace_min_per_mi is not None:
        parts.append(f"pace {pace_text(session.pace_min_per_mi, units)}")
    parts.append(f"{session.intensity} intensity")
    if session.steps > 0:
        parts.append(f"about {session.steps:,} steps")
    return f"{session_name(session)}: {', '.join(parts)}."


def reason_line(session: PlannedSession) -> str:
    """``Why (R1): …`` — the rule that placed the session and its reason."""
    return f"Why ({session.rule}): {session.why}"


def flag_line(flag: Flag) -> str:
    return f"Warning ({flag.rule}): {flag.why}"


def describe(session: PlannedSession, units: Units, flags: tuple[Flag, ...] = ()) -> str:
    """The text of a calendar event: figures, reason, and any warning about that day."""
    lines = [figures_line(session, units), reason_line(session)]
    lines += [flag_line(flag) for flag in flags]
    return "\n".join(lines)


def day_text(date: dt.date) -> str:
    """``Sun 13 Dec``, independent of the machine's locale."""
    return f"{WEEKDAYS[date.weekday()]} {date.day} {MONTHS[date.month - 1]}"
