"""The calendar days footfall handles, 1900-01-01 to 2199-12-31.

Weeks, plans and trends count days forward and back from the days they are given;
Python's dates end at 0001-01-01 and 9999-12-31, so a day near either end would overflow
half way through. Every day a runner types (an option, a form field, a plan file, a
steps CSV) is checked against this range where it comes in, and a day outside it gets
one line naming where it came from.
"""

from __future__ import annotations

import datetime as dt

from footfall.errors import UsageError

FIRST_DAY = dt.date(1900, 1, 1)
LAST_DAY = dt.date(2199, 12, 31)


def day_problem(day: dt.date) -> str | None:
    """Why footfall cannot take ``day``, or None when it can."""
    if FIRST_DAY <= day <= LAST_DAY:
        return None
    return (
        f"{day.isoformat()} is outside the days footfall handles "
        f"({FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()})"
    )


def in_range(day: dt.date) -> dt.date:
    """``day`` itself; ValueError saying why when it is outside the range."""
    if problem := day_problem(day):
        raise ValueError(problem)
    return day


def parse_day(text: str, field: str) -> dt.date:
    """A day the runner typed (``YYYY-MM-DD``) for ``field`` (an option, a form field);
    a UsageError naming the field when it is no date or one outside the range."""
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{field}: '{text}' is not a date (use YYYY-MM-DD)") from None
    if problem := day_problem(day):
        raise UsageError(f"{field}: {problem}")
    return day
