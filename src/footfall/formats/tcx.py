"""Garmin TrainingCenterDatabase (TCX) -> one :class:`Activity` per ``Activity`` element.

Each ``Activity`` (also those inside a ``MultiSportSession``) becomes an Activity,
numbered by ``index`` in file order. ``Sport`` -> ``source_sport`` (lower case), ``Id``
-> start, ``Creator/Name`` -> device. Trackpoints give time, position, altitude,
``DistanceMeters``, heart rate, ``Cadence`` and the ActivityExtension's ``Speed`` and
``RunCadence`` (``RunCadence`` is preferred and kept as recorded, strides per minute
on Garmin). Namespaces are ignored (see :mod:`footfall.formats._xml`).

Decisions
---------
- Trackpoints without a ``Time`` are dropped (they cannot be placed in time).
- An Activity with laps but no timed trackpoints (Polar indoor sessions) is still an
  activity: empty samples, totals from its laps, start from ``Id`` or the first lap.
- Lap ``TotalTimeSeconds`` is the lap's timer time (Garmin leaves pauses out), so the
  totals' ``timer_s`` is its sum; ``elapsed_s`` is the wall-clock span from the start
  to the end of the last lap or trackpoint, whichever is later. ``distance_m`` and
  ``calories_kcal`` are the sums of what the laps state.
- When no trackpoint records ``DistanceMeters`` but they have positions, the distance
  column is the great-circle distance along them, as for GPX.
- A file with only ``Courses`` (a planned route) is not an activity.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import cast

import numpy as np

from footfall.activity import Activity, Decoded, Lap, Samples, Totals
from footfall.errors import NotAnActivity
from footfall.formats._xml import (
    Element,
    child_text,
    decimal,
    local_name,
    number_block,
    time_column,
    timestamp,
)
from footfall.formats._xml_columns import Column, ColumnReader
from footfall.formats._xml_runs import iter_runs
from footfall.formats.gpx import cumulative_distance_m
from footfall.formats.source import Source

_TAGS = frozenset({"Trackpoint", "Lap", "Activity", "Course"})
#: How long before the first trackpoint a stated start (Id, lap start) is believed.
_EARLY_START_S = 600.0
_POINT_FIELDS = {
    "time_s": "Time",
    "lat_deg": "LatitudeDegrees",
    "lon_deg": "LongitudeDegrees",
    "altitude_m": "AltitudeMeters",
    "distance_m": "DistanceMeters",
    "speed_m_s": "Speed",
    "heart_rate_bpm": "Value",  # HeartRateBpm/Value: the only Value in a Trackpoint
    "run_cadence": "RunCadence",
    "cadence": "Cadence",
}
_POINT_NAMES = tuple(_POINT_FIELDS.values())


@dataclass(frozen=True, slots=True)
class _LapFigures:
    start_s: float
    timer_s: float
    distance_m: float
    calories_kcal: float


@dataclass
class _Recording:
    """One Activity element being read: its timed trackpoints' texts by column (None
    where a trackpoint has no such value), its laps."""

    texts: dict[str, list[str | None]] = field(
        default_factory=lambda: {column: [] for column in _POINT_FIELDS}
    )
    laps: list[_LapFigures] = field(default_factory=list)

    def add_points(self, found: list[Column]) -> None:
        """The columns of a run of trackpoints; those without a Time are dropped."""
        times = found[0]
        if None in times:
            timed = [i for i, time in enumerate(times) if time is not None]
            found = [[column[i] for i in timed] for column in found]
        for texts, column in zip(self.texts.values(), found, strict=True):
            texts.extend(column)


def decode(source: Source) -> Decoded:
    """Every activity in a TCX file; NotAnActivity for a courses-only file."""
    activities: list[Activity] = []
    recording, courses = _Recording(), 0
    read = ColumnReader(_POINT_NAMES)
    walk = iter_runs(source, _TAGS, repeated="Trackpoint", read=read, root="TrainingCenterDatabase")
    for name, elements, run in walk:
        if run is not None:
            recording.add_points(run)
            continue
        element = elements[0]
        if name == "Lap" and _parent_name(element) == "Activity":
            recording.laps.append(_lap(element, source.display))
        elif name == "Activity":
            found = _activity(element, recording, len(activities), source.display)
            activities.extend([found] if found is not None else [])
            recording = _Recording()
        elif name == "Course":  # a planned route: its points and laps are not a recording
            recording, courses = _Recording(), courses + 1
    if not activities:
        raise NotAnActivity(source.display, _empty_reason(courses))
    return Decoded(activities=activities, format="tcx")


def _parent_name(element: Element) -> str:
    parent = element.getparent()
    return local_name(parent.tag) if parent is not None else ""


def _empty_reason(courses: int) -> str:
    if courses:
        return "a TCX course (a planned route) with no recorded activity, not an activity"
    return "a TCX file with no recorded activity in it, not an activity"


def _lap(lap: Element, display: str) -> _LapFigures:
    values = child_text(lap)
    start = lap.get("StartTime")
    return _LapFigures(
        start_s=timestamp(start, lap, display).timestamp() if start else math.nan,
        timer_s=decimal(values.get("TotalTimeSeconds"), lap, "TotalTimeSeconds", display),
        distance_m=decimal(values.get("DistanceMeters"), lap, "DistanceMeters", display),
        calories_kcal=decimal(values.get("Calories"), lap, "Calories", display),
    )


def _activity(element: Element, recording: _Recording, index: int, display: str) -> Activity | None:
    """The Activity element just read, or None when it recorded nothing at all."""
    samples = _samples(recording, display)
    stated = _stated_start(element, display)
    start_s = _start_s(samples, stated, recording)
    if math.isnan(start_s):
        return None
    offset = stated.utcoffset() if stated is not None else None
    return Activity(
        samples=samples,
        start_s=start_s,
        source_sport=(element.get("Sport") or "").strip().lower(),
        device=_device(element),
        laps=_laps(recording, samples, start_s),
        totals=_totals(recording, samples, start_s),
        utc_offset_s=int(offset.total_seconds()) if offset else None,
        index=index,
    )


def _stated_start(activity: Element, display: str) -> dt.datetime | None:
    """The ``Id``, a dateTime by the schema (a few writers put other identifiers)."""
    text = child_text(activity).get("Id", "")
    if len(text) < 10 or text[4] != "-" or text[7] != "-":
        return None
    return timestamp(text, activity, display)


def _start_s(samples: Samples, stated: dt.datetime | None, recording: _Recording) -> float:
    """When the activity started.

    The schema's answer is ``Id`` (and the first ``Lap StartTime``), but the corpus
    shows ``Id`` wrong both ways: the end time (runalyze Power-ns2-extension.tcx) and
    hours off the track (runalyze Dakota.tcx). So the first timed trackpoint decides,
    and a stated start counts only when it precedes that point by at most
    :data:`_EARLY_START_S` (a timer started before the first point was written).
    """
    starts = [lap.start_s for lap in recording.laps[:1] if math.isfinite(lap.start_s)]
    if stated is not None:
        starts.append(stated.timestamp())
    if not len(samples):
        return min(starts) if starts else math.nan
    first = float(samples.time_s[0])
    return min([first, *(s for s in starts if first - _EARLY_START_S <= s <= first)])


def _device(activity: Element) -> str:
    for child in activity:
        if local_name(child.tag) == "Creator":
            return child_text(child).get("Name", "")
    return ""


def _samples(recording: _Recording, display: str) -> Samples:
    texts = dict(recording.texts)
    times = cast(list[str], texts.pop("time_s"))
    if not times:
        return Samples()
    time_s = time_column(times, display)
    block = number_block(list(texts.values()), [_POINT_FIELDS[name] for name in texts], display)
    if len(time_s) > 1 and (time_s[1:] < time_s[:-1]).any():  # put in time order
        order = np.argsort(time_s, kind="stable")
        time_s, block = time_s[order], block[:, order]
    columns = dict(zip(texts, block, strict=True))
    given = {name for name, column in texts.items() if any(column)}  # the others are all NaN
    run_cadence, cadence = columns.pop("run_cadence"), columns.pop("cadence")
    if "run_cadence" in given:
        cadence = np.where(np.isnan(run_cadence), cadence, run_cadence)
    columns["cadence_cpm"] = cadence
    lat, lon = columns["lat_deg"], columns["lon_deg"]
    no_distance = "distance_m" not in given or not np.isfinite(columns["distance_m"]).any()
    if no_distance and "lat_deg" in given and np.isfinite(lat).any():
        same_segment = np.zeros(len(lat), dtype=np.int_)
        columns["distance_m"] = cumulative_distance_m(lat, lon, same_segment, time_s)
    return Samples.from_columns(len(time_s), time_s=time_s, **columns)


def _laps(recording: _Recording, samples: Samples, start_s: float) -> tuple[Lap, ...]:
    laps = recording.laps
    ends = [lap.start_s for lap in laps[1:]] + [_end_s(recording, samples, start_s)]
    return tuple(
        Lap(lap.start_s, _lap_elapsed_s(lap, end), lap.timer_s, lap.distance_m)
        for lap, end in zip(laps, ends, strict=True)
    )


def _lap_elapsed_s(lap: _LapFigures, end_s: float) -> float:
    """Wall-clock length of a lap: to the next lap's start (or the activity's end),
    never shorter than its timer time."""
    span = end_s - lap.start_s
    if not math.isfinite(span):
        return lap.timer_s
    return max(span, lap.timer_s) if math.isfinite(lap.timer_s) else span


def _end_s(recording: _Recording, samples: Samples, start_s: float) -> float:
    """When the activity ended: its last trackpoint or the end of its last lap."""
    candidates = [float(samples.time_s[-1])] if len(samples) else []
    last = recording.laps[-1] if recording.laps else None
    if last is not None and math.isfinite(last.timer_s):
        lap_start = last.start_s if math.isfinite(last.start_s) else start_s
        candidates.append(lap_start + last.timer_s)
    return max(candidates) if candidates else math.nan


def _totals(recording: _Recording, samples: Samples, start_s: float) -> Totals:
    laps = recording.laps
    return Totals(
        elapsed_s=_end_s(recording, samples, start_s) - start_s,
        timer_s=_sum([lap.timer_s for lap in laps]),
        distance_m=_sum([lap.distance_m for lap in laps]),
        calories_kcal=_sum([lap.calories_kcal for lap in laps]),
    )


def _sum(values: list[float]) -> float:
    """The sum of the values the file stated; NaN when it stated none."""
    present = [value for value in values if math.isfinite(value)]
    return math.fsum(present) if present else math.nan
