"""Reading the values of a page's form or query: an empty field means "not given", and
a value that is not what the field takes is a :class:`~footfall.errors.UsageError`
naming the field, shown on the page as one line."""

from __future__ import annotations

import datetime as dt
import math

from footfall.day_range import parse_day
from footfall.errors import UsageError

#: The largest whole number a field takes: what a database keeps in 64 bits.
LARGEST_WHOLE = 2**63 - 1


def text_or_none(value: str | None) -> str | None:
    """The stripped text, or None for an empty field."""
    stripped = (value or "").strip()
    return stripped or None


def day_or_none(value: str | None, field: str) -> dt.date | None:
    text = text_or_none(value)
    return None if text is None else parse_day(text, field)


def int_or_none(value: str | None, field: str) -> int | None:
    text = text_or_none(value)
    if text is None:
        return None
    try:
        number = int(text)
    except ValueError:
        raise UsageError(f"{field}: '{text}' is not a whole number") from None
    if abs(number) > LARGEST_WHOLE:
        raise UsageError(f"{field}: {text} is too large")
    return number


def number_or_none(value: str | None, field: str) -> float | None:
    text = text_or_none(value)
    if text is None:
        return None
    try:
        number = float(text)
    except ValueError:
        raise UsageError(f"{field}: '{text}' is not a number") from None
    if not math.isfinite(number):
        raise UsageError(f"{field}: '{text}' is not a number")
    return number


def one_of(value: str | None, options: tuple[str, ...], field: str) -> str | None:
    text = text_or_none(value)
    if text is not None and text not in options:
        raise UsageError(f"{field}: '{text}' is not one of {', '.join(options)}")
    return text
