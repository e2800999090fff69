"""GPX 1.0 / 1.1 tracks -> one :class:`Activity` per file.

Every ``trk`` and ``trkseg`` of a file belongs to one recording, so their points are
put together and sorted by time (a stable sort: points sharing a second keep their
order). Namespaces are ignored (see :mod:`footfall.formats._xml`): Garmin's
TrackPointExtension v1/v2 ``hr``/``cad``/``speed``, Cluetrust ``gpxdata:hr``/
``cadence``/``speed``, GPX 1.0's ``speed`` and the un-namespaced ``speed``/``hr``/
``heartrate``/``cadence`` that OpenTracks and Apple Health write all land in the same
columns. SportTracks writes heart rate as a separate ``heartRateTrack``; it is matched
to the points by time.

Decisions
---------
- ``distance_m`` is the great-circle (haversine) distance summed along the points in
  time order. A step from the last point of one ``trkseg`` (or ``trk``) to the first
  point of the next adds nothing: writers start a new segment on pause/resume or when
  the signal is lost, and the straight line across that gap is not a distance the
  runner was recorded covering (a pause may be a car ride). This is also how gpxpy's
  ``length_2d`` counts.
- A step between two points faster than :data:`MAX_TRAVEL_SPEED_M_S` adds nothing
  either: no one on foot or on a bicycle covers it, so it is the position jumping (a
  GPS outlier, a fix re-acquired kilometres off), not ground covered. gpxpy counts it.
- Points more than six hours apart are separate recordings (a multi-day hike, tracks of
  several days collected in one file): one activity each, never one across a night.
- Points without a ``time`` are dropped: a sample must sit on the time axis, and a
  point without a time cannot be placed in the recording. A file whose points have no
  time at all (a route drawn on a map) or with only a ``rte`` is not an activity.
- Times without an offset are UTC (GPX 1.1 says so); offsets are honoured, and the
  first point's explicit offset becomes ``utc_offset_s``.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field, replace

import numpy as np
from numpy.typing import NDArray

from footfall.activity import Activity, Decoded, FloatArray, Samples
from footfall.errors import DecodeError, NotAnActivity
from footfall.formats._xml import (
    MISSING,
    Element,
    children_text,
    decimal,
    iter_elements,
    local_name,
    number_column,
    time_column,
    timestamp,
    xsd_datetime,
)
from footfall.formats.source import Source

EARTH_RADIUS_M = 6_371_008.8  # IUGG mean radius
#: Faster than any human-powered travel (sprinters reach 12 m/s, cyclists descending
#: passes ~30 m/s): a step between points at a higher speed is a GPS jump.
MAX_TRAVEL_SPEED_M_S = 50.0
#: Times in GPX and TCX files are mostly whole seconds: two points stamped with the
#: same second may be up to a second apart, so a step's time is at least this.
TIME_RESOLUTION_S = 1.0
#: Points further apart in time than this belong to separate recordings.
RECORDING_GAP_S = 6 * 3600.0

_TAGS = frozenset({"gpx", "trk", "trkseg", "trkpt", "rtept", "name", "type", "heartRate"})
_HEART_RATE = ("hr", "heartrate", "heartRate")
_CADENCE = ("cad", "cadence", "RunCadence")
#: Number columns read from each point, with what a runner would call them.
_NUMBER_COLUMNS = {
    "lat_deg": "latitude",
    "lon_deg": "longitude",
    "altitude_m": "elevation",
    "speed_m_s": "speed",
    "cadence_cpm": "cadence",
}
_NO_POINTS = "the GPX file holds no track or route points (metadata only): nothing to import"
_NO_TRACK = "a GPX route/course with no recorded times, not an activity"


@dataclass
class _Found:
    """What a pass over the file found: per-point texts in file order, and labels."""

    columns: dict[str, list[str]] = field(
        default_factory=lambda: {name: [] for name in ("time_s", *_NUMBER_COLUMNS, "hr")}
    )
    segment: list[int] = field(default_factory=list)
    hr_track: dict[float, float] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # parent local name -> name
    sport: str = ""
    creator: str = ""
    untimed_points: int = 0
    route_points: int = 0


def decode(source: Source) -> Decoded:
    """The activity recorded in a GPX file; NotAnActivity for a route (points without
    times), DecodeError for a file with no points at all (an export that failed)."""
    found = _scan(source)
    if not found.segment:
        if found.untimed_points or found.route_points:
            raise NotAnActivity(source.display, _NO_TRACK)
        raise DecodeError(source.display, _NO_POINTS)
    return Decoded(activities=split_at_gaps(_activity(found, source.display)), format="gpx")


def _scan(source: Source) -> _Found:
    found = _Found()
    segment = 0  # trkseg and trk ends seen so far: the segment the next points are in
    for name, element in iter_elements(source, _TAGS, root="gpx"):
        if name == "trkpt":
            _add_point(found, element, segment)
        elif name in {"trkseg", "trk"}:
            segment += 1
        elif name == "rtept":
            found.route_points += 1
        elif name == "heartRate":
            _add_heart_rate(found, element, source.display)
        elif name == "gpx":
            found.creator = (element.get("creator") or "").strip()
        else:
            _add_label(found, name, element)
    return found


def _add_label(found: _Found, name: str, element: Element) -> None:
    """trk/name, metadata/name, gpx/name (GPX 1.0) and trk/type."""
    parent = element.getparent()
    where = local_name(parent.tag) if parent is not None else ""
    text = (element.text or "").strip()
    if not text:
        return
    if name == "name" and where in {"trk", "metadata", "gpx"}:
        found.names.setdefault(where, text)
    elif name == "type" and where == "trk" and not found.sport:
        found.sport = text.lower()


def _add_point(found: _Found, point: Element, segment: int) -> None:
    values = children_text(point)
    stamp = values.get("time")
    if stamp is None:
        found.untimed_points += 1
        return
    columns = found.columns
    columns["time_s"].append(stamp)
    columns["lat_deg"].append(point.get("lat") or MISSING)
    columns["lon_deg"].append(point.get("lon") or MISSING)
    columns["altitude_m"].append(values.get("ele", MISSING))
    columns["speed_m_s"].append(values.get("speed", MISSING))
    columns["cadence_cpm"].append(_first(values, _CADENCE))
    columns["hr"].append(_first(values, _HEART_RATE))
    found.segment.append(segment)


def _first(values: dict[str, str], names: tuple[str, ...]) -> str:
    for name in names:
        if name in values:
            return values[name]
    return MISSING


def _add_heart_rate(found: _Found, element: Element, display: str) -> None:
    """SportTracks' ``<st:heartRate time=... bpm=.../>`` in a separate track."""
    stamp, bpm = element.get("time"), element.get("bpm")
    if stamp and bpm:
        when = timestamp(stamp, element, display)
        found.hr_track[when.timestamp()] = decimal(bpm, element, "bpm", display)


def _utc_offset_s(first_time: str) -> int | None:
    """The offset the first point's time states, when it states a local one."""
    stamp = xsd_datetime(first_time)
    offset = stamp.utcoffset() if not first_time.endswith(("Z", "z")) else None
    return int(offset.total_seconds()) if offset else None


def _activity(found: _Found, display: str) -> Activity:
    texts = found.columns
    time_s = time_column(texts["time_s"], display)
    order = np.argsort(time_s, kind="stable")
    columns = {
        name: number_column(texts[name], label, display)[order]
        for name, label in _NUMBER_COLUMNS.items()
    }
    time_s = time_s[order]
    lat, lon = columns["lat_deg"], columns["lon_deg"]
    segment = _break_at_markers(lat, lon, np.asarray(found.segment)[order])
    heart_rate = number_column(texts["hr"], "heart rate", display)[order]
    samples = Samples.from_columns(
        len(time_s),
        time_s=time_s,
        distance_m=cumulative_distance_m(lat, lon, segment, time_s),
        heart_rate_bpm=_heart_rate(heart_rate, time_s, found.hr_track),
        **columns,
    )
    names = found.names
    return Activity(
        samples=samples,
        start_s=float(time_s[0]),
        source_sport=found.sport,
        device=found.creator,
        name=names.get("trk") or names.get("metadata") or names.get("gpx") or "",
        utc_offset_s=_utc_offset_s(texts["time_s"][0]),
    )


def split_at_gaps(activity: Activity) -> list[Activity]:
    """One activity per stretch of points with no gap over :data:`RECORDING_GAP_S`
    between them, numbered in order, each with its distance counted from its own start.
    A file of several days' tracks is several recordings, not one activity spanning
    the nights."""
    time_s = activity.samples.time_s
    cuts = np.flatnonzero(np.diff(time_s) > RECORDING_GAP_S) + 1
    if not cuts.size:
        return [activity]
    bounds = [0, *cuts.tolist(), len(time_s)]
    parts = []
    for index, (first, end) in enumerate(itertools.pairwise(bounds)):
        samples = activity.samples.take(np.arange(first, end))
        distance = samples.distance_m
        known = distance[np.isfinite(distance)]
        if known.size:
            distance -= known[0]
        parts.append(replace(activity, samples=samples, start_s=float(time_s[first]), index=index))
    return parts


def _break_at_markers(
    lat: FloatArray, lon: FloatArray, segment: NDArray[np.int_]
) -> NDArray[np.int_]:
    """Positions off the globe are not places: OpenTracks' legacy files mark a pause
    with lat 100 and the resume with lat 200. They become NaN, and the distance does
    not bridge them (as across a new trkseg). Returns the segment ids so adjusted."""
    off_globe = (np.abs(lat) > 90) | (np.abs(lon) > 180)
    lat[off_globe] = np.nan
    lon[off_globe] = np.nan
    adjusted: NDArray[np.int_] = segment * (len(segment) + 1) + np.cumsum(off_globe)
    return adjusted


def _heart_rate(recorded: FloatArray, time_s: FloatArray, track: dict[float, float]) -> FloatArray:
    """Fill heart rate from a separate time-stamped track where the points had none."""
    if not track:
        return recorded
    from_track = np.array([track.get(float(t), math.nan) for t in time_s])
    return np.where(np.isnan(recorded), from_track, recorded)


def cumulative_distance_m(
    lat: FloatArray, lon: FloatArray, segment: NDArray[np.int_], time_s: FloatArray
) -> FloatArray:
    """Haversine distance summed along the points, not across a change of segment nor
    across a GPS jump (see :func:`gps_jumps`).

    Points without a position get NaN; the distance resumes from the last point that
    had one (within the same segment).
    """
    has_position = np.isfinite(lat) & np.isfinite(lon)
    result = np.full(len(lat), np.nan)
    where = np.flatnonzero(has_position)
    if len(where) == 0:
        return result
    phi, lam = np.radians(lat[where]), np.radians(lon[where])
    step = _haversine_m(phi[:-1], lam[:-1], phi[1:], lam[1:])
    step[segment[where][1:] != segment[where][:-1]] = 0.0
    step[gps_jumps(step, np.diff(time_s[where]))] = 0.0
    result[where] = np.concatenate(([0.0], np.cumsum(step)))
    return result


def gps_jumps(step_m: FloatArray, dt_s: FloatArray) -> NDArray[np.bool_]:
    """Steps between consecutive points that imply a speed no human-powered activity
    reaches (over :data:`MAX_TRAVEL_SPEED_M_S`, the time taken as at least
    :data:`TIME_RESOLUTION_S`, so a large jump within one second counts too).

    One outlier 5 km off and back would otherwise add 10 km to a 2.6 km walk: the
    receiver lost its fix, not the walker their way. A step whose time is unknown (NaN)
    is kept.
    """
    speed = step_m / np.maximum(dt_s, TIME_RESOLUTION_S)
    jumps: NDArray[np.bool_] = speed > MAX_TRAVEL_SPEED_M_S
    return jumps


def _haversine_m(
    phi1: FloatArray, lam1: FloatArray, phi2: FloatArray, lam2: FloatArray
) -> FloatArray:
    half = (
        np.sin((phi2 - phi1) / 2) ** 2
        + np.cos(phi1) * np.cos(phi2) * np.sin((lam2 - lam1) / 2) ** 2
    )
    distance: FloatArray = 2 * EARTH_RADIUS_M * np.arcsin(np.sqrt(np.clip(half, 0.0, 1.0)))
    return distance
