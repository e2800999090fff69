"""What makes one session of a running week valid, whatever file it came from.

The parsers (YAML, CSV, ICS) each know where a value sits (a line, a field); this
module knows what the value must be. A check that fails raises :class:`Mistake` with
the problem in the runner's words, and the parser turns it into a
:class:`~footfall.errors.PlanError` naming the line and the field.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

from footfall.day_range import day_problem
from footfall.plan.model import SESSION_TYPES, RunSession, SessionType
from footfall.settings import METRES_PER_UNIT, Units

#: A session lasts at most a day; more is a typo (seconds typed as minutes).
MAX_SESSION_MIN = 24 * 60.0
#: No single session in a plan is longer than this (the longest one-day ultras are
#: about 250 km); more is a typo (metres typed as kilometres).
MAX_SESSION_M = 400_000.0
WEEK_DAYS = 7

_CLOCK = re.compile(r"(?P<h>\d{1,2}):(?P<m>[0-5]\d)(?::(?P<s>[0-5]\d))?")


class Mistake(ValueError):
    """One value is wrong; ``problem`` says how, in a phrase that follows the field
    name ("must be more than 0 (got -3)"), kept on one line whatever the value held."""

    def __init__(self, problem: str) -> None:
        self.problem = " ".join(problem.split())
        super().__init__(self.problem)


def session_type(value: object) -> SessionType:
    """The session type a cell or field names (case and spaces ignored)."""
    text = str(value).strip().lower()
    for known in SESSION_TYPES:
        if text == known:
            return known
    raise Mistake(f"is '{value}', not a session type ({', '.join(SESSION_TYPES)})")


def one_of(value: object, options: tuple[str, ...], what: str) -> Any:
    """``value`` when it is one of ``options``; ``what`` names the set ("a swap mode")."""
    if value not in options:
        raise Mistake(f"is '{value}', not {what} ({', '.join(options)})")
    return value


def whole_number(value: object, low: int, high: int, unit: str) -> int:
    """A whole number from ``low`` to ``high``."""
    if isinstance(value, bool):
        raise Mistake(f"must be a whole number of {unit}, not yes/no")
    if not isinstance(value, int):
        raise Mistake(f"must be a whole number of {unit} (got '{value}')")
    if not low <= value <= high:
        raise Mistake(f"must be from {low} to {high} {unit} (got {value})")
    return value


def between(value: object, low: float, high: float, unit: str) -> float:
    """A number from ``low`` to ``high``."""
    amount = number(value, unit)
    if not low <= amount <= high:
        raise Mistake(f"must be from {low:g} to {high:g} {unit} (got {amount:g})")
    return amount


def number(value: object, unit: str) -> float:
    """A finite number (not a yes/no); ``unit`` names what it counts, for the message."""
    if isinstance(value, bool):
        raise Mistake(f"must be a number of {unit}, not yes/no")
    if not isinstance(value, int | float):
        raise Mistake(f"must be a number of {unit} (got '{value}')")
    if not math.isfinite(value):
        raise Mistake(f"must be a finite number of {unit} (got {value})")
    return float(value)


def positive(value: float, unit: str, most: float) -> float:
    """``value`` when it is above 0 and at most ``most``."""
    if value <= 0:
        raise Mistake(f"must be more than 0 {unit} (got {value:g})")
    if value > most:
        raise Mistake(f"must be at most {most:g} {unit} (got {value:g})")
    return value


def session_minutes(value: object) -> float:
    """Minutes of a session: a number, or a clock reading ``h:mm`` / ``h:mm:ss``."""
    if isinstance(value, str) and (clock := clock_minutes(value)) is not None:
        return positive(clock, "minutes", MAX_SESSION_MIN)
    return positive(number(value, "minutes"), "minutes", MAX_SESSION_MIN)


def clock_minutes(text: str) -> float | None:
    """``1:15`` -> 75.0, ``1:15:30`` -> 75.5; None when ``text`` is not such a reading."""
    match = _CLOCK.fullmatch(text.strip())
    if match is None:
        return None
    return int(match["h"]) * 60 + int(match["m"]) + int(match["s"] or 0) / 60


def session_distance_m(value: object, units: Units) -> float:
    """A distance written in the plan's ``units``, in metres."""
    amount = number(value, units)
    per_unit = METRES_PER_UNIT[units]
    return positive(amount, units, MAX_SESSION_M / per_unit) * per_unit


def check_amounts(kind: SessionType, minutes: float | None, distance_m: float | None) -> None:
    """A run needs minutes or a distance; a rest day takes neither."""
    given = minutes is not None or distance_m is not None
    if kind == "rest" and given:
        raise Mistake("a rest day takes no minutes or distance")
    if kind != "rest" and not given:
        article = "an" if kind[0] in "aeiou" else "a"
        raise Mistake(f"gives neither minutes nor distance: {article} {kind} session needs one")


def week_end(week_start: dt.date) -> dt.date:
    """The last day of the seven-day week that begins on ``week_start``."""
    return week_start + dt.timedelta(days=WEEK_DAYS - 1)


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def check_in_week(day: dt.date, week_start: dt.date) -> dt.date:
    """``day`` when it lies in the week ``week_start`` .. ``week_start + 6``."""
    if not week_start <= day <= week_end(week_start):
        raise Mistake(
            f"{day.isoformat()} is outside the week "
            f"{week_start.isoformat()} to {week_end(week_start).isoformat()}"
        )
    return day


def iso_date(value: object) -> dt.date:
    """A calendar date: a date value, or text ``YYYY-MM-DD``."""
    if isinstance(value, dt.datetime):
        raise Mistake(f"must be a date like 2026-12-07, not a time ({value})")
    if isinstance(value, dt.date):
        day = value
    else:
        text = str(value).strip()
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise Mistake(f"must be a date like 2026-12-07 (got '{value}')")
        try:
            day = dt.date.fromisoformat(text)
        except ValueError as exc:
            raise Mistake(f"'{text}' is not a date ({exc})") from exc
    if problem := day_problem(day):
        raise Mistake(problem)
    return day


def in_date_order(sessions: list[RunSession]) -> tuple[RunSession, ...]:
    """The sessions sorted by date, keeping the file's order within a day."""
    return tuple(sorted(sessions, key=lambda session: session.date))
