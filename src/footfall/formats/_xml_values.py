"""Numbers and times from the texts an XML decoder collected, parsed a column at a time.

Decoders collect each point's texts (:data:`MISSING` or None where the file gave none)
and turn every column into a float64 array in one go: ``number_column`` /
``number_block`` for numbers, ``time_column`` for XML Schema dateTimes. Unreadable
text raises a :class:`DecodeError` naming the value and the point (counted from 1, in
file order). ``timestamp`` and ``decimal`` read a single time or number of an element
and name its line instead.

A long column of times written alike (``YYYY-MM-DDThh:mm:ss[.ffffff]`` then ``Z``,
``±hh:mm`` or nothing, every one the same length, as GPS writers do) is read as one
block of ASCII digits, the calendar computed with numpy; any other column by numpy's or
Python's own parser, value by value. Both give the same seconds to the last bit: the
block is only trusted when every field is in its range, and within 2**53 microseconds
of 1970.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Sequence
from typing import cast

import numpy as np
from lxml import etree
from numpy.typing import NDArray

from footfall.activity import FloatArray
from footfall.errors import DecodeError

Element = etree._Element

#: What a text column holds where the file gave no value (None does as well).
MISSING = "nan"

Text = str | None
#: Shorter columns are parsed value by value (the block costs more to set up): by numpy
#: when all are UTC (``Z``), else by Python, which is slower.
_BLOCK_FROM_UTC = 256
_BLOCK_FROM = 64
_BLOCK_ROWS = 65_536  # times read as one block at most: bounds the memory it takes


def decimal(text: str | None, element: Element, what: str, display: str) -> float:
    """A number from the file: NaN where absent, empty or not finite; DecodeError naming
    the line where it is not a number at all."""
    if text is None:
        return math.nan
    try:
        value = float(text)
    except ValueError:
        if not text.strip():
            return math.nan
        raise DecodeError(
            display, f"unreadable {what} {text[:40]!r} at line {element.sourceline}"
        ) from None
    return value if math.isfinite(value) else math.nan


def timestamp(text: str, element: Element, display: str) -> dt.datetime:
    """:func:`xsd_datetime`, with DecodeError naming the line where it is unreadable."""
    try:
        return xsd_datetime(text)
    except ValueError:
        raise DecodeError(
            display, f"unreadable time {text[:40]!r} at line {element.sourceline}"
        ) from None


def xsd_datetime(text: str) -> dt.datetime:
    """An XML Schema dateTime as an aware datetime.

    ``Z`` and ``±hh:mm`` offsets are honoured. A time without an offset is taken as
    UTC, as GPX 1.1 requires and TCX writers mean. Raises ValueError when unreadable.
    """
    stamp = dt.datetime.fromisoformat(text.strip())
    return stamp if stamp.tzinfo is not None else stamp.replace(tzinfo=dt.UTC)


def number_column(texts: Sequence[Text], what: str, display: str) -> FloatArray:
    """Floats from texts collected per point, parsed in one go; non-finite values become
    NaN. DecodeError names the first unreadable one and which point holds it."""
    if _all_missing(texts):
        return _nan(len(texts))
    try:
        values: FloatArray = np.array(texts, dtype=np.float64)
    except ValueError:
        index, bad = next((i, t or "") for i, t in enumerate(texts) if not _is_number(t))
        raise DecodeError(display, f"unreadable {what} {bad[:40]!r} (point {index + 1})") from None
    values[~np.isfinite(values)] = np.nan
    return values


def number_block(
    columns: Sequence[Sequence[Text]], whats: Sequence[str], display: str
) -> FloatArray:
    """:func:`number_column` of each column (``whats`` say what they hold), as the rows of
    one array, parsed in one go; errors are those of the first column that has one."""
    present = [row for row, texts in enumerate(columns) if not _all_missing(texts)]
    try:
        values = np.array([columns[row] for row in present], dtype=np.float64)
    except ValueError:  # the first unreadable value, column by column
        pairs = zip(columns, whats, strict=True)
        return np.array([number_column(texts, what, display) for texts, what in pairs])
    if present:
        values[~np.isfinite(values)] = np.nan
        if len(present) == len(columns):
            return values
    block = np.full((len(columns), len(columns[0]) if columns else 0), np.nan)
    if present:
        block[present] = values
    return block


def _all_missing(texts: Sequence[Text]) -> bool:
    return texts.count(MISSING) + texts.count(None) == len(texts)


def _nan(size: int) -> FloatArray:
    return np.full(size, np.nan)


def _is_number(text: Text) -> bool:
    if text is None:
        return True
    try:
        float(text)
    except ValueError:
        return False
    return True


def time_column(texts: list[str], display: str) -> FloatArray:
    """Epoch seconds (UTC) of XML Schema dateTimes collected per point (stripped)."""
    if len(texts) >= (_BLOCK_FROM_UTC if texts[0].endswith("Z") else _BLOCK_FROM):
        blocks = [
            _block_seconds(texts[at : at + _BLOCK_ROWS]) for at in range(0, len(texts), _BLOCK_ROWS)
        ]
        if all(block is not None for block in blocks):
            return np.concatenate(cast(list[FloatArray], blocks))
    if all(text.endswith("Z") for text in texts):
        try:
            stamps = np.array([text[:-1] for text in texts], dtype="datetime64[us]")
        except ValueError:
            stamps = None
        micros = stamps.view(np.int64) if stamps is not None else None  # since 1970
        if micros is not None and (not len(micros) or micros.min() != _NOT_A_TIME):
            seconds: FloatArray = micros / 1e6
            return seconds
    return np.array(
        [_epoch_s(text, index, display) for index, text in enumerate(texts)], dtype=np.float64
    )


_NOT_A_TIME = np.iinfo(np.int64).min  # numpy's NaT, seen as an integer


def _epoch_s(text: str, index: int, display: str) -> float:
    try:
        return xsd_datetime(text).timestamp()
    except ValueError:
        raise DecodeError(display, f"unreadable time {text[:40]!r} (point {index + 1})") from None


# --- times written alike, as one block ----------------------------------------------

Ints = NDArray[np.int64]
_MAX_MICROSECONDS = 2**53  # beyond this an int64 -> float64 would round
#: The fields of a time, what each is worth in microseconds (the calendar aside), and
#: their ranges: year, month, day, hour, minute, second, microsecond, offset hh and mm.
_SCALE = np.array([0, 0, 0, 3600, 60, 1, 0, -3600, -60], dtype=np.int64) * 1_000_000
_SCALE[6] = 1
_LOW = np.array([1, 1, 1, 0, 0, 0, 0, 0, 0], dtype=np.int64)
_HIGH = np.array([9999, 12, 31, 23, 59, 59, 999_999, 23, 59], dtype=np.int64)
_MONTH_DAYS = np.array([0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], dtype=np.int64)


def _block_seconds(texts: list[str]) -> FloatArray | None:
    """Seconds of times that all share one layout, ``YYYY-MM-DDThh:mm:ss``, then 1 to 6
    digits of a second or none, then ``Z``, ``±hh:mm`` or nothing (UTC); None when they
    do not, or a field is out of its range (the caller then parses them one by one).

    The digits are read as a block of bytes, the calendar computed with numpy: what
    numpy's and Python's parsers give for such times, to the microsecond.
    """
    layout = _layout(texts[0])
    if layout is None or set(map(len, texts)) != {len(layout)}:
        return None
    try:
        grid = np.frombuffer("".join(texts).encode("ascii"), dtype=np.uint8)
    except UnicodeEncodeError:
        return None
    grid = grid.reshape(len(texts), len(layout))
    if not _matches(grid, layout):
        return None
    digits = grid[:, [i for i, mark in enumerate(layout) if mark == "0"]] - np.float64(ord("0"))
    fields = (digits @ _weights(layout)).astype(np.int64)  # exact: small whole numbers
    if not ((fields >= _LOW).all() and (fields <= _HIGH).all()):
        return None
    if "±" in layout:
        fields[:, 7:] *= np.where(grid[:, layout.index("±")] == ord("-"), -1, 1)[:, None]
    micros = _micros(fields)
    if micros is None or not (np.abs(micros) < _MAX_MICROSECONDS).all():
        return None
    seconds: FloatArray = micros / 1e6
    return seconds


def _layout(first: str) -> str | None:
    """The first time's layout: ``0`` for a digit, ``±`` for a sign, else the character."""
    rest = first[19:]
    zone = "Z" if rest.endswith("Z") else "±00:00" if rest[-6:-5] in ("+", "-") else ""
    fraction = rest[: len(rest) - len(zone)]
    if fraction and not (2 <= len(fraction) <= 7 and fraction[0] == "."):
        return None
    return "0000-00-00T00:00:00" + ("." + "0" * (len(fraction) - 1) if fraction else "") + zone


def _matches(grid: NDArray[np.uint8], layout: str) -> bool:
    """Every row has a digit where the layout has 0, a sign where it has ±, and the
    layout's own character everywhere else."""
    low = np.frombuffer(layout.replace("±", "+").encode("ascii"), dtype=np.uint8)
    high = np.where(low == ord("0"), ord("9"), low)
    high[low == ord("+")] = ord("-")  # + , - : the comma is refused below
    if not ((grid >= low) & (grid <= high)).all():
        return False
    return "±" not in layout or not (grid[:, layout.index("±")] == ord(",")).any()


@functools.cache
def _weights(layout: str) -> NDArray[np.float64]:
    """What each digit of the layout is worth in each of the 9 fields."""
    fraction = layout.count("0") - 14 - (4 if "±" in layout else 0)
    widths = [4, 2, 2, 2, 2, 2, fraction, 2 if "±" in layout else 0, 2 if "±" in layout else 0]
    weights = np.zeros((sum(widths), len(widths)))
    row = 0
    for field, width in enumerate(widths):
        for place in range(width):
            weights[row, field] = 10.0 ** (width - 1 - place + (6 - width if field == 6 else 0))
            row += 1
    return weights


def _micros(fields: Ints) -> Ints | None:
    """UTC microseconds since 1970 of checked fields (offsets signed), or None when a day
    is past the end of its month."""
    year, month, day = fields[:, 0], fields[:, 1], fields[:, 2]
    if (day > 28).any() and (day > _days_in_month(year, month)).any():
        return None
    micros: Ints = _days_since_1970(year, month, day) * 86_400_000_000 + fields @ _SCALE
    return micros


def _days_in_month(year: Ints, month: Ints) -> Ints:
    leap = (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))
    days: Ints = _MONTH_DAYS[month] + (leap & (month == 2))
    return days


def _days_since_1970(year: Ints, month: Ints, day: Ints) -> Ints:
    """Days from 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's algorithm)."""
    shifted = year - (month <= 2)
    era = shifted // 400
    year_of_era = shifted - era * 400
    day_of_year = (153 * ((month + 9) % 12) + 2) // 5 + day - 1
    day_of_era = year_of_era * 365 + year_of_era // 4 - year_of_era // 100 + day_of_year
    days: Ints = era * 146097 + day_of_era - 719468
    return days
