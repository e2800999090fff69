"""Reading the values of a page's form or query: an empty field means "not given", and
a value that is not what the field takes is a :class:`~footfall.errors.UsageError`
naming the field, shown on the page as one line."""

from __future__ import annotations

import datetime as dt
import math

from footfall.errors import UsageError


def text_or_none(value: str | None) -> str | None:
    """The stripped text, or None for an empty field."""
    stripped = (value or "").strip()
    return stripped or None


def day_or_none(value: str | None, field: str) -> dt.date | None:
    text = text_or_none(value)
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{field}: '{text}' is not a date (use YYYY-MM-DD)") from None


def int_or_none(value: str | None, field: str) -> int | None:
    text = text_or_none(value)
    if text is None:
        return None
    try:
        return int(text)
    except ValueError:
        raise UsageError(f"{field}: '{text}' is not a whole number") from None


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
