"""A running week from a CSV: ``date,type,minutes,distance``, one session a row.

::

    date,type,minutes,distance
    2026-12-07,easy,30,
    2026-12-13,long,,20

- The header names the columns, in any order, case and spaces ignored; ``date`` and
  ``type`` are required, ``minutes`` and ``distance`` optional; any other column is a
  mistake (a misspelt ``minuts`` would otherwise lose every row's minutes).
- ``distance`` is in the athlete's units; ``minutes`` is a number or ``h:mm``. A run
  needs one of them; a rest row neither. Blank lines and lines starting with ``#``
  are skipped.
- The week is ``week_start`` .. +6 when given, else the Monday-to-Sunday week of the
  earliest row. A CSV is one week's plan, so a row outside that week is a mistake.

A mistake names the line (as a spreadsheet numbers it) and the column.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

from footfall.errors import PlanError
from footfall.plan.model import PlanInput, RunSession
from footfall.plan.sources import sessions as check
from footfall.plan.sources.sessions import Mistake
from footfall.settings import Athlete, Units

COLUMNS = ("date", "type", "minutes", "distance")
REQUIRED = ("date", "type")
T = TypeVar("T")
Row = tuple[int, dict[str, str]]


def read_csv_plan(
    text: str, path: Path, *, athlete: Athlete, week_start: dt.date | None = None
) -> PlanInput:
    """The week a plan CSV lists; a PlanError (line, column) for its first mistake."""
    rows = list(_rows(text, path))
    if not rows:
        raise PlanError(path, None, None, "lists no sessions under its header")
    dated = [(row, _cell(path, row, "date", check.iso_date)) for row in rows]
    start = week_start or check.monday_of(min(day for _, day in dated))
    sessions = [
        _session(path, row, day, week_start=start, units=athlete.units) for row, day in dated
    ]
    return PlanInput(
        week_start=start,
        sessions=check.in_date_order(sessions),
        athlete=athlete,
        source=str(path),
    )


def _rows(text: str, path: Path) -> Iterator[Row]:
    """(line, {column: cell}) for every row with content, after the header."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header: list[str] | None = None
    try:
        for cells in reader:
            if not any(cell.strip() for cell in cells) or cells[0].lstrip().startswith("#"):
                continue
            if header is None:
                header = _header(cells, path, reader.line_num)
                continue
            if len(cells) > len(header):
                raise PlanError(
                    path,
                    reader.line_num,
                    None,
                    f"has {len(cells)} cells but the header names {len(header)} columns",
                )
            yield (
                reader.line_num,
                {name: cell.strip() for name, cell in zip(header, cells, strict=False)},
            )
    except csv.Error as exc:
        raise PlanError(path, reader.line_num, None, f"is not a readable CSV ({exc})") from exc
    if header is None:
        raise PlanError(path, None, None, "has no header (date,type,minutes,distance)")


def _header(cells: list[str], path: Path, line: int) -> list[str]:
    names = [cell.strip().lower() for cell in cells]
    for name in names:
        if name not in COLUMNS:
            problem = f"is not a column of a plan CSV (use {','.join(COLUMNS)})"
            raise PlanError(path, line, name or "(empty)", problem)
        if names.count(name) > 1:
            raise PlanError(path, line, name, "is a column named twice")
    for name in REQUIRED:
        if name not in names:
            raise PlanError(path, line, name, "is a required column, missing from the header")
    return names


def _cell(path: Path, row: Row, column: str, rule: Callable[..., T], *extra: object) -> T:
    """``rule`` applied to one cell of ``row``; a mistake names the line and column."""
    line, cells = row
    try:
        return rule(cells.get(column, ""), *extra)
    except Mistake as exc:
        raise PlanError(path, line, column, exc.problem) from exc


def _session(
    path: Path, row: Row, day: dt.date, *, week_start: dt.date, units: Units
) -> RunSession:
    line, cells = row
    _cell(path, row, "date", lambda _: check.check_in_week(day, week_start))
    kind = _cell(path, row, "type", check.session_type)
    minutes = _cell(path, row, "minutes", _minutes)
    distance_m = _cell(path, row, "distance", _distance_m, units)
    try:
        check.check_amounts(kind, minutes, distance_m)
    except Mistake as exc:
        given = minutes is not None if kind == "rest" else "minutes" in cells
        column = "minutes" if given else "distance"
        raise PlanError(path, line, column, exc.problem) from exc
    return RunSession(day, kind, minutes, distance_m, line)


def _minutes(text: str) -> float | None:
    """An empty cell, a number of minutes, or ``h:mm``."""
    if not text:
        return None
    return check.session_minutes(text if ":" in text else _number(text))


def _distance_m(text: str, units: Units) -> float | None:
    """An empty cell, or a distance in ``units``."""
    return None if not text else check.session_distance_m(_number(text), units)


def _number(text: str) -> object:
    """The cell as a number when it reads as one; else the text, for the message."""
    try:
        return float(text)
    except ValueError:
        return text
