"""Apple Health ``export.xml``: workouts as activities, step records as daily totals.

Streamed through :mod:`footfall.formats._xml`, every element cleared once read: a
multi-gigabyte export decodes in flat memory. See FORMATS.md §2.

- Each ``Workout`` becomes an :class:`Activity`: ``source_sport`` is its
  ``workoutActivityType`` in lower case, the start comes from ``startDate`` with its
  offset (kept as ``utc_offset_s``), totals from ``duration``/``totalDistance``/
  ``totalEnergyBurned`` with their units, else from its ``WorkoutStatistics``. Samples
  come from inline ``WorkoutRoute/Location`` points (exports before iOS 13) or from the
  route GPX a ``FileReference`` names, found through ``source.resolve``. A workout
  without a route is an activity without samples.
- ``totalDistance="0"`` is read as *not recorded* (NaN): Apple writes 0 when the app
  that logged the workout sent no distance (four-minute "Human" walks of 0 km).
- A workout of zero duration (a hand-entered run, start == end) is kept with an unknown
  (NaN) time: it is a run the runner logged, and its distance counts for the longest-run
  guard and estimated steps. One with no time, distance, energy or route is skipped.
- ``StepCount`` records become :class:`DaySteps` per local day (the day of the record's
  own offset) per ``sourceName``, as ``apple_health:<sourceName>``; a record spanning
  local midnight is split in proportion to its time on each side. Sources overlap (an
  iPhone and a watch count the same steps), so they are never summed here.
- Records inside a ``Correlation`` repeat top-level ones and are not counted twice.
- A record or workout with an unreadable date or value is skipped and reported in
  ``Decoded.problems`` (the rest of the export is kept).
- ``export_cda.xml`` (an HL7 clinical document) is :class:`NotAnActivity`.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from dataclasses import dataclass, field, replace

import numpy as np

from footfall.activity import STREAM_COLUMNS, Activity, DaySteps, Decoded, Samples, Totals
from footfall.errors import DecodeError, FileProblem, NotAnActivity
from footfall.formats import gpx
from footfall.formats import sniff as sniffing
from footfall.formats._health_cleaner import cleaned_export
from footfall.formats._xml import Element, iter_elements, local_name
from footfall.formats.source import MAX_HEALTH_EXPORT_BYTES, Source

STEP_COUNT = "HKQuantityTypeIdentifierStepCount"
DISTANCE_WALKING_RUNNING = "HKQuantityTypeIdentifierDistanceWalkingRunning"
ACTIVE_ENERGY = "HKQuantityTypeIdentifierActiveEnergyBurned"
SOURCE_PREFIX = "apple_health:"
#: Problems listed one by one before the rest are only counted.
MAX_LISTED_PROBLEMS = 20
_HEAD_BYTES = 64 * 1024
_TAGS = ("Record", "Workout", "Correlation", "ActivitySummary")
_METRES = {"m": 1.0, "km": 1000.0, "mi": 1609.344, "ft": 0.3048, "yd": 0.9144, "cm": 0.01}
_SECONDS = {"s": 1.0, "sec": 1.0, "min": 60.0, "hr": 3600.0, "h": 3600.0, "d": 86400.0}
_KCAL = {"kcal": 1.0, "Cal": 1.0, "cal": 0.001, "kJ": 1 / 4.184, "J": 1 / 4184.0}
#: C0 control bytes XML 1.0 forbids (all but tab, newline and carriage return).
_CDA = "an Apple Health clinical document (export_cda.xml) with no workouts or steps"


def decode(source: Source) -> Decoded:
    """Workouts and daily step totals of an Apple Health export.xml.

    The activity size limit guards decoders that read a whole file; this one streams,
    so a source is read up to :data:`MAX_HEALTH_EXPORT_BYTES` (real exports reach GiBs).
    """
    source = replace(source, limit=max(source.limit, MAX_HEALTH_EXPORT_BYTES))
    _check_root(source)
    reader = _ExportReader(source)
    for name, element in iter_elements(cleaned_export(source), _TAGS):
        if name == "Record":
            reader.record(element)
        elif name == "Workout":
            reader.workout(element)
    return reader.decoded()


def looks_like_health_export(head: bytes) -> bool:
    """True for the first bytes of an export.xml, whatever its (translated) file name.
    The DTD of recent exports is longer than a short sniffing head, so its name counts."""
    return sniffing.sniff(head) == sniffing.APPLE_HEALTH or b"<!DOCTYPE HealthData" in head


def _check_root(source: Source) -> None:
    head = source.head(_HEAD_BYTES)
    if looks_like_health_export(head):
        return
    if b"<ClinicalDocument" in head:
        raise NotAnActivity(source.display, _CDA)
    raise DecodeError(source.display, "not an Apple Health export (no HealthData element)")


def parse_health_date(text: str | None) -> dt.datetime:
    """``2017-06-19 08:30:31 +0200`` -> an aware datetime; ValueError when unreadable
    or without an offset."""
    if not text:
        raise ValueError("no date")
    stamp = dt.datetime.fromisoformat(text[:19] + text[19:].replace(" ", ""))
    if stamp.tzinfo is None:
        raise ValueError(f"date '{text}' has no UTC offset")
    return stamp


@dataclass
class _ExportReader:
    """What the stream has given so far."""

    source: Source
    steps: defaultdict[tuple[dt.date, str], float] = field(
        default_factory=lambda: defaultdict(float)
    )
    activities: list[Activity] = field(default_factory=list)
    problems: list[FileProblem] = field(default_factory=list)
    warnings: list[FileProblem] = field(default_factory=list)
    skipped: int = 0

    def record(self, element: Element) -> None:
        if element.get("type") != STEP_COUNT or not _top_level(element):
            return
        try:
            start = parse_health_date(element.get("startDate"))
            end = parse_health_date(element.get("endDate"))
            count = float(element.get("value") or "")
        except ValueError as exc:
            self.problem(element, f"a step record is unreadable ({exc}); skipped")
            return
        if not math.isfinite(count) or count < 0:
            self.problem(element, f"a step record counts {count} steps; skipped")
            return
        source = SOURCE_PREFIX + (element.get("sourceName") or "unknown")
        for day, share in split_by_local_day(start, end):
            self.steps[day, source] += count * share

    def workout(self, element: Element) -> None:
        try:
            activity = _workout(element, self.source, len(self.activities), self.warnings)
        except ValueError as exc:
            self.problem(element, f"a workout is unreadable ({exc}); skipped")
            return
        if activity is None:
            self.problem(element, "a workout states no time, distance, energy or route; skipped")
        else:
            self.activities.append(activity)

    def problem(self, element: Element, text: str) -> None:
        self.skipped += 1
        if self.skipped <= MAX_LISTED_PROBLEMS:
            self.problems.append(
                DecodeError(self.source.display, f"line {element.sourceline}: {text}")
            )

    def decoded(self) -> Decoded:
        if self.skipped > MAX_LISTED_PROBLEMS:
            more = self.skipped - MAX_LISTED_PROBLEMS
            self.problems.append(
                DecodeError(self.source.display, f"and {more} more unreadable records skipped")
            )
        day_steps = [
            DaySteps(day, round(total), source)
            for (day, source), total in sorted(self.steps.items())
        ]
        return Decoded(
            self.activities, day_steps, self.problems, "apple_health", warnings=self.warnings
        )


def _top_level(element: Element) -> bool:
    """True for a child of the root (not a Record repeated inside a Correlation)."""
    parent = element.getparent()
    return parent is None or parent.getparent() is None


def split_by_local_day(start: dt.datetime, end: dt.datetime) -> list[tuple[dt.date, float]]:
    """The local days (in ``start``'s offset) an interval covers, with the share of its
    time on each; an empty or backwards interval belongs wholly to its start day."""
    end_local = end.astimezone(start.tzinfo)
    span_s = (end_local - start).total_seconds()
    if span_s <= 0 or end_local.date() == start.date():
        return [(start.date(), 1.0)]
    shares: list[tuple[dt.date, float]] = []
    cursor = start
    while cursor < end_local:
        midnight = dt.datetime.combine(
            cursor.date() + dt.timedelta(days=1), dt.time(), tzinfo=start.tzinfo
        )
        piece_end = min(midnight, end_local)
        shares.append((cursor.date(), (piece_end - cursor).total_seconds() / span_s))
        cursor = piece_end
    return shares


# --- workouts -------------------------------------------------------------------------


def _workout(
    element: Element, source: Source, index: int, route_warnings: list[FileProblem]
) -> Activity | None:
    start = parse_health_date(element.get("startDate"))
    end = parse_health_date(element.get("endDate"))
    statistics = _statistics(element)
    totals = Totals(
        elapsed_s=_elapsed_s(element, start, end),
        distance_m=_distance_m(element, statistics),
        steps=statistics.get(STEP_COUNT, (math.nan, ""))[0],
        calories_kcal=_energy_kcal(element, statistics),
    )
    samples = _route_samples(element, source, route_warnings)
    if not len(samples) and all(
        math.isnan(value) for value in (totals.elapsed_s, totals.distance_m, totals.calories_kcal)
    ):
        return None
    offset = start.utcoffset()
    return Activity(
        samples=samples,
        start_s=start.timestamp(),
        source_sport=(element.get("workoutActivityType") or "").lower(),
        device=element.get("sourceName") or "",
        totals=totals,
        utc_offset_s=int(offset.total_seconds()) if offset is not None else None,
        index=index,
    )


def _statistics(element: Element) -> dict[str, tuple[float, str]]:
    """``{type: (sum, unit)}`` of the workout's WorkoutStatistics (iOS 16+ exports)."""
    found: dict[str, tuple[float, str]] = {}
    for child in element:
        if local_name(child.tag) == "WorkoutStatistics" and child.get("sum") is not None:
            found[child.get("type") or ""] = (
                _number(child.get("sum")),
                child.get("unit") or "",
            )
    return found


def _elapsed_s(element: Element, start: dt.datetime, end: dt.datetime) -> float:
    """``duration`` in its unit; else end - start; NaN when both are zero."""
    factor = _SECONDS.get(element.get("durationUnit") or "min", math.nan)
    duration = _number(element.get("duration")) * factor
    if math.isfinite(duration) and duration > 0:
        return duration
    span = (end - start).total_seconds()
    return span if span > 0 else math.nan


def _distance_m(element: Element, statistics: dict[str, tuple[float, str]]) -> float:
    unit = element.get("totalDistanceUnit") or ""
    metres = _number(element.get("totalDistance")) * _METRES.get(unit, math.nan)
    if math.isfinite(metres) and metres > 0:
        return metres
    total, unit = statistics.get(DISTANCE_WALKING_RUNNING, (math.nan, ""))
    metres = total * _METRES.get(unit, math.nan)
    return metres if math.isfinite(metres) and metres > 0 else math.nan


def _energy_kcal(element: Element, statistics: dict[str, tuple[float, str]]) -> float:
    unit = element.get("totalEnergyBurnedUnit") or ""
    kcal = _number(element.get("totalEnergyBurned")) * _KCAL.get(unit, math.nan)
    if math.isfinite(kcal):
        return kcal
    total, unit = statistics.get(ACTIVE_ENERGY, (math.nan, ""))
    return total * _KCAL.get(unit, math.nan)


def _number(text: str | None) -> float:
    try:
        value = float(text) if text is not None else math.nan
    except ValueError:
        return math.nan
    return value if math.isfinite(value) else math.nan


# --- routes -----------------------------------------------------------------------------


def _route_samples(element: Element, source: Source, problems: list[FileProblem]) -> Samples:
    parts: list[Samples] = []
    for route in element:
        if local_name(route.tag) != "WorkoutRoute":
            continue
        parts.append(_inline_points(route))
        for reference in route:
            if local_name(reference.tag) == "FileReference":
                parts.append(_route_file(reference.get("path") or "", source, problems))
    return join_samples(parts)


_LOCATION = {"latitude": "lat_deg", "longitude": "lon_deg", "altitude": "altitude_m",
             "speed": "speed_m_s"}  # fmt: skip


def _inline_points(route: Element) -> Samples:
    """The ``Location`` children of an iOS 12-era WorkoutRoute."""
    rows: list[list[float]] = []
    for point in route:
        if local_name(point.tag) == "Location":
            try:
                time_s = parse_health_date(point.get("date")).timestamp()
            except ValueError:
                continue
            rows.append([time_s, *(_number(point.get(name)) for name in _LOCATION)])
    table = np.array(rows, dtype=np.float64).reshape(-1, 1 + len(_LOCATION)).T
    columns = dict(zip(_LOCATION.values(), table[1:], strict=True))
    columns["speed_m_s"][columns["speed_m_s"] < 0] = np.nan  # -1 marks "no speed"
    return Samples.from_columns(len(rows), time_s=table[0], **columns)


def _route_file(path: str, source: Source, problems: list[FileProblem]) -> Samples:
    """The samples of a workout-routes GPX; a missing or broken one is noted in
    ``problems`` (the workout's warnings) and the workout keeps no track."""
    found = source.resolve(path) if source.resolve is not None and path else None
    if found is None:
        problems.append(
            DecodeError(
                source.display,
                f"workout route '{path}' is not in the export; the workout is kept without it",
            )
        )
        return Samples()
    try:
        decoded = gpx.decode(found)
    except FileProblem as problem:
        problems.append(problem)
        return Samples()
    problems.extend(decoded.problems)
    return join_samples([activity.samples for activity in decoded.activities])


def join_samples(parts: list[Samples]) -> Samples:
    """Samples of several parts (or one unsorted part) in one time-sorted table,
    stable for equal times."""
    filled = [part for part in parts if len(part)]
    if not filled:
        return Samples()
    joined = Samples(
        **{name: np.concatenate([part.column(name) for part in filled]) for name in STREAM_COLUMNS}
    )
    order = np.argsort(joined.time_s, kind="stable")
    return joined.take(order)
