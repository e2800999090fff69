"""Daily step totals from a plain CSV: a ``date,steps`` header, then one day a line.

The header is found by name, case and spaces ignored (``Date, Steps`` works), and other
columns are ignored, so a spreadsheet export with extra columns imports as it is. Dates
are ISO (``2024-03-02``) and steps whole numbers. A row that breaks these rules stops
the file with a :class:`DecodeError` naming the file and the line: a step total that is
silently dropped would make that day look like a rest day.

Duplicate dates: the same day written twice with the same total is harmless (a file
pasted together from two exports) and counts once; the same day with two different
totals is an error naming both lines. There is no safe way to choose: the last line
wins in one export tool and the first in another, and guessing wrong can flip the day's
step floor (SPEC E2). Fixing the file takes the runner a few seconds.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterator

from footfall.activity import DaySteps, Decoded
from footfall.day_range import day_problem
from footfall.errors import DecodeError, NotAnActivity
from footfall.formats.source import Source

SOURCE_NAME = "csv"
#: More than about 200 km on foot in one day; a bigger value is a unit mix-up (a
#: cumulative counter, a yearly total) rather than a day's steps.
MAX_DAILY_STEPS = 300_000
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_WHOLE = re.compile(r"[+-]?\d+")


def decode(source: Source) -> Decoded:
    """The days of a ``date,steps`` CSV, in date order, as :class:`DaySteps`."""
    with source.open() as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
        days = _read_days(source.display, text)
    steps = [DaySteps(day, count, SOURCE_NAME) for day, (count, _line) in sorted(days.items())]
    return Decoded(day_steps=steps, format="csv_steps")


def _read_days(display: str, text: io.TextIOWrapper) -> dict[dt.date, tuple[int, int]]:
    """``{date: (steps, line)}`` from the whole file."""
    rows = _rows(display, text)
    header = next(rows, None)
    if header is None:
        raise DecodeError(display, "the file is empty; expected a 'date,steps' header")
    date_col, steps_col = _header_columns(display, *header)
    days: dict[dt.date, tuple[int, int]] = {}
    for line, cells in rows:
        day, steps = _parse_row(display, line, cells, date_col, steps_col)
        _add_day(display, days, day, steps, line)
    if not days:
        raise NotAnActivity(display, "has a 'date,steps' header but no days")
    return days


def _rows(display: str, text: io.TextIOWrapper) -> Iterator[tuple[int, list[str]]]:
    """Non-blank rows with the line number each starts on; text and CSV errors named."""
    reader = csv.reader(text)
    line = 1
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                yield line, cells
            line = reader.line_num + 1
    except UnicodeDecodeError as exc:
        raise DecodeError(display, f"line {line}: not UTF-8 text ({exc.reason})") from exc
    except csv.Error as exc:
        raise DecodeError(display, f"line {line}: not valid CSV ({exc})") from exc


def _header_columns(display: str, line: int, header: list[str]) -> tuple[int, int]:
    names = [cell.strip().lower().replace(" ", "") for cell in header]
    missing = [name for name in ("date", "steps") if name not in names]
    if missing:
        found = ",".join(cell.strip() for cell in header)[:80]
        raise DecodeError(
            display, f"line {line}: the header needs 'date' and 'steps' columns, found '{found}'"
        )
    return names.index("date"), names.index("steps")


def _parse_row(
    display: str, line: int, cells: list[str], date_col: int, steps_col: int
) -> tuple[dt.date, int]:
    if len(cells) <= max(date_col, steps_col):
        raise DecodeError(
            display, f"line {line}: expected a date and a steps value, found {len(cells)} cell(s)"
        )
    return _parse_date(display, line, cells[date_col]), _parse_steps(
        display, line, cells[steps_col]
    )


def _parse_date(display: str, line: int, cell: str) -> dt.date:
    text = cell.strip()
    if _ISO_DATE.fullmatch(text):
        try:
            day = dt.date.fromisoformat(text)
        except ValueError:
            pass
        else:
            if problem := day_problem(day):
                raise DecodeError(display, f"line {line}: date {problem}")
            return day
    raise DecodeError(display, f"line {line}: date '{text}' is not a calendar date (YYYY-MM-DD)")


def _parse_steps(display: str, line: int, cell: str) -> int:
    text = cell.strip()
    if not _WHOLE.fullmatch(text):
        raise DecodeError(display, f"line {line}: steps '{text}' is not a whole number")
    steps = int(text)
    if steps < 0:
        raise DecodeError(display, f"line {line}: steps {steps} is negative")
    if steps > MAX_DAILY_STEPS:
        raise DecodeError(
            display,
            f"line {line}: steps {steps} is more than anyone walks in a day "
            f"(limit {MAX_DAILY_STEPS:,})",
        )
    return steps


def _add_day(
    display: str, days: dict[dt.date, tuple[int, int]], day: dt.date, steps: int, line: int
) -> None:
    earlier = days.get(day)
    if earlier is None:
        days[day] = (steps, line)
        return
    earlier_steps, earlier_line = earlier
    if earlier_steps != steps:
        raise DecodeError(
            display,
            f"line {line}: {day.isoformat()} appears again with {steps} steps "
            f"(line {earlier_line} says {earlier_steps}); keep one of them",
        )
