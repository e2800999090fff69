"""Strava's ``activities.csv``: the index of a bulk export (FORMATS.md §1).

Each row names an activity file of the export through its ``Filename`` column
(``activities/8328132174.gpx.gz``); the number in it is not always the Activity ID, so
files are found through ``Filename`` only. The header repeats names (``Distance`` is
both a rounded display value and, the second time, metres) and the 2023 export wraps
twelve names in raw HTML ``<span>`` tags, so columns are located by cleaned name and
occurrence, then read by position. ``Activity Date`` is UTC with no zone marker.

The index alone holds no samples; imported on its own it is :class:`NotAnActivity`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from footfall.activity import Decoded
from footfall.errors import DecodeError, FileProblem, NotAnActivity, UnsafeInput
from footfall.formats.source import Hints, MiB, Source, file_source

INDEX_NAME = "activities.csv"
#: An activities.csv larger than this is not an index (the corpus's biggest is 0.8 MB).
MAX_INDEX_BYTES = 256 * MiB
OUTSIDE_EXPORT = "activities.csv points outside the export; refused"
STANDALONE_INDEX = "a Strava activities.csv index; import the whole export (zip or folder) instead"
_HEADER_START = b"activity id,activity date"
_TAG = re.compile(r"<[^>]*>")
_MONTHS = {
    name: number
    for number, name in enumerate(
        ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1
    )
}
_DATE = re.compile(
    r"(?P<month>[A-Z][a-z]{2}) (?P<day>\d{1,2}), (?P<year>\d{4}), "
    r"(?P<hour>\d{1,2}):(?P<minute>\d{2}):(?P<second>\d{2}) (?P<half>AM|PM)"
)


@dataclass(frozen=True, slots=True)
class StravaEntry:
    """One row of activities.csv. NaN / None where the row leaves a value empty."""

    path: str  # archive-relative, as written: "activities/123.fit.gz"
    activity_id: int | None
    name: str
    sport: str  # Strava's display name: "Run", "Walk", "Nordic Ski"
    start: dt.datetime | None  # UTC
    elapsed_s: float
    moving_s: float
    distance_m: float
    steps: float  # "Total Steps", empty in every corpus row
    line: int

    @property
    def hints(self) -> Hints:
        return Hints(name=self.name, sport=self.sport)


@dataclass(frozen=True, slots=True)
class _Columns:
    """Positions (0-based) of the columns read; None where the header lacks one."""

    filename: int
    activity_id: int | None
    date: int | None
    name: int | None
    sport: int | None
    elapsed: int | None
    moving: int | None
    distance_m: int | None
    steps: int | None


def looks_like_index(head: bytes) -> bool:
    """True for the first bytes of a Strava activities.csv."""
    return head.lstrip(b"\xef\xbb\xbf").lower().startswith(_HEADER_START)


def decode(source: Source) -> Decoded:
    """An activities.csv on its own holds no activity: refuse it with a pointer to the
    export it belongs to (the zip and folder expanders read it for hints instead)."""
    if not looks_like_index(source.head(len(_HEADER_START) + 3)):
        raise DecodeError(source.display, "not a Strava activities.csv (no 'Activity ID' header)")
    raise NotAnActivity(source.display, STANDALONE_INDEX)


def read_index(stream: BinaryIO, display: str) -> list[StravaEntry]:
    """Every row that names a file, in file order."""
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    rows = _rows(text, display)
    header = next(rows, None)
    if header is None:
        raise DecodeError(display, "the Strava activities.csv is empty")
    columns = _locate(header[1], display)
    entries = (_entry(cells, line, columns) for line, cells in rows)
    return [entry for entry in entries if entry.path]


def index_by_path(entries: list[StravaEntry]) -> dict[str, StravaEntry]:
    """``{"activities/123.gpx.gz": entry}``; a path listed twice keeps its first row."""
    found: dict[str, StravaEntry] = {}
    for entry in entries:
        found.setdefault(normalise_path(entry.path), entry)
    return found


def expand_folder(folder: Path) -> list[Source | FileProblem]:
    """An unzipped export: one source per file the index names, with its hints; a
    file listed but absent, or pointing outside the folder, is one problem each."""
    index = file_source(folder / INDEX_NAME, limit=MAX_INDEX_BYTES)
    with index.open() as stream:
        entries = read_index(stream, index.display)
    root = folder.resolve()

    def find(relative: str, entry: StravaEntry) -> Source | FileProblem:
        path = folder / relative
        if not path.resolve().is_relative_to(root):
            return UnsafeInput(path, OUTSIDE_EXPORT)
        if not path.is_file():
            return missing_file(str(path), entry.line)
        return file_source(path)

    return sources_for(entries, find)


def sources_for(
    entries: list[StravaEntry], find: Callable[[str, StravaEntry], Source | FileProblem]
) -> list[Source | FileProblem]:
    """For each file the index names (by its normalised relative path), the source
    ``find`` gives, carrying the row's hints, or the problem it reports."""
    found: list[Source | FileProblem] = []
    for relative, entry in index_by_path(entries).items():
        item = find(relative, entry)
        found.append(replace(item, hints=entry.hints) if isinstance(item, Source) else item)
    return found


def missing_file(display: str, line: int) -> FileProblem:
    return DecodeError(
        display, f"listed in activities.csv (line {line}) but missing from the export"
    )


def normalise_path(path: str) -> str:
    """Forward slashes and no leading ``./``; safety is the caller's business."""
    cleaned = path.strip().replace("\\", "/")
    while cleaned.startswith("./"):
        cleaned = cleaned[2:]
    return cleaned


def _rows(text: io.TextIOWrapper, display: str) -> Iterator[tuple[int, list[str]]]:
    reader = csv.reader(text)
    line = 1
    try:
        for cells in reader:
            if cells:
                yield line, cells
            line = reader.line_num + 1
    except UnicodeDecodeError as exc:
        raise DecodeError(display, f"line {line}: not UTF-8 text ({exc.reason})") from exc
    except csv.Error as exc:
        raise DecodeError(display, f"line {line}: not valid CSV ({exc})") from exc


def _locate(header: list[str], display: str) -> _Columns:
    names = [_TAG.sub("", cell).strip().lower() for cell in header]

    def nth(name: str, occurrence: int = 0) -> int | None:
        positions = [i for i, cell in enumerate(names) if cell == name]
        return positions[occurrence] if len(positions) > occurrence else None

    filename = nth("filename")
    if filename is None or nth("activity id") is None:
        raise DecodeError(display, "not a Strava activities.csv (no 'Filename' column)")
    return _Columns(
        filename=filename,
        activity_id=nth("activity id"),
        date=nth("activity date"),
        name=nth("activity name"),
        sport=nth("activity type"),
        elapsed=nth("elapsed time", 1)
        if nth("elapsed time", 1) is not None
        else nth("elapsed time"),
        moving=nth("moving time"),
        # The first "Distance" is rounded, in a display unit (km, nautical miles...).
        distance_m=nth("distance", 1),
        steps=nth("total steps"),
    )


def _entry(cells: list[str], line: int, columns: _Columns) -> StravaEntry:
    def cell(position: int | None) -> str:
        if position is None or position >= len(cells):
            return ""
        return cells[position].strip()

    activity_id = cell(columns.activity_id)
    return StravaEntry(
        path=normalise_path(cell(columns.filename)),
        activity_id=int(activity_id) if activity_id.isdigit() else None,
        name=cell(columns.name),
        sport=cell(columns.sport),
        start=parse_activity_date(cell(columns.date)),
        elapsed_s=_number(cell(columns.elapsed)),
        moving_s=_number(cell(columns.moving)),
        distance_m=_number(cell(columns.distance_m)),
        steps=_number(cell(columns.steps)),
        line=line,
    )


def parse_activity_date(text: str) -> dt.datetime | None:
    """``Oct 5, 2014, 4:15:21 PM`` (UTC, English month) -> aware datetime, else None."""
    match = _DATE.fullmatch(text.strip())
    if match is None or match["month"] not in _MONTHS:
        return None
    hour = int(match["hour"]) % 12 + (12 if match["half"] == "PM" else 0)
    try:
        return dt.datetime(
            int(match["year"]),
            _MONTHS[match["month"]],
            int(match["day"]),
            hour,
            int(match["minute"]),
            int(match["second"]),
            tzinfo=dt.UTC,
        )
    except ValueError:
        return None


def _number(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        return math.nan
    return value if math.isfinite(value) else math.nan
