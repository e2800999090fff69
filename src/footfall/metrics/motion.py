"""An activity's samples as the intervals between them: how long, paused or not, how
fast, how far, at what cadence and on what grade.

Interval ``i`` runs from sample ``i`` to sample ``i + 1``; its speed and cadence are
the values recorded at its end (what a watch reports for the second that just
ended). Speed comes from the device's speed column when it agrees with the recorded
distance, else from the cumulative distance, else from positions; GPS jumps (speeds
no human on foot reaches, or changes faster than a body accelerates) are thrown out
and filled from their neighbours. An auto-pause gap is credited with nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from footfall.activity import STREAM_COLUMNS, Samples
from footfall.metrics import grade
from footfall.metrics.series import (
    BoolArray,
    FloatArray,
    fill_gaps,
    rolling_median,
    window_samples,
)
from footfall.metrics.thresholds import Thresholds

#: Mean Earth radius (IUGG), metres: haversine distances between positions.
EARTH_RADIUS_M = 6_371_008.8


@dataclass(frozen=True, slots=True)
class Motion:
    """Per interval: times (UTC epoch s), whether paused, cleaned and smoothed speed
    (NaN everywhere when the stream has no speed at all), ground covered (0 when
    paused or unknown), cadence as the file records it (NaN where unknown), smoothed
    cadence, and grade (NaN where unknown); the typical recording interval, and
    whether the stream has positions (outdoors) at all."""

    start_s: FloatArray
    end_s: FloatArray
    paused: BoolArray
    speed_m_s: FloatArray
    smooth_speed_m_s: FloatArray
    distance_m: FloatArray
    cadence_cpm: FloatArray
    smooth_cadence_cpm: FloatArray
    grade: FloatArray
    typical_dt_s: float
    has_positions: bool

    def __len__(self) -> int:
        return len(self.start_s)

    @property
    def dt_s(self) -> FloatArray:
        return self.end_s - self.start_s

    @property
    def has_speed(self) -> bool:
        return bool(np.isfinite(self.speed_m_s).any())

    @property
    def has_cadence(self) -> bool:
        return bool(np.isfinite(self.cadence_cpm).any())


def prepare(samples: Samples, thresholds: Thresholds) -> Motion:
    """The intervals of ``samples`` (none when there are fewer than two usable times)."""
    s = _finite(samples.take(_usable_rows(samples)))
    time = s.time_s
    dt = np.diff(time)
    typical = float(np.median(dt)) if len(dt) else float("nan")
    gap = dt > max(thresholds.pause_min_s, thresholds.pause_factor * typical)
    travel = _travel_speed(s, dt)
    on_the_move = (travel >= thresholds.stop_speed_m_s) & (travel <= thresholds.max_speed_m_s)
    paused = gap & ~on_the_move
    raw = np.where(gap & on_the_move, travel, _raw_speed(s, dt, travel, thresholds))
    window = window_samples(thresholds.smoothing_s, typical)
    speed = _clean_speed(raw, dt, paused, thresholds)
    smooth = rolling_median(speed, window) if np.isfinite(speed).all() else speed
    distance = np.where(paused | ~np.isfinite(speed), 0.0, np.nan_to_num(speed) * dt)
    cadence = _cadence(s.cadence_cpm[1:], thresholds)
    along = np.concatenate(([0.0], np.cumsum(distance)))
    return Motion(
        start_s=time[:-1],
        end_s=time[1:],
        paused=paused,
        speed_m_s=speed,
        smooth_speed_m_s=smooth,
        distance_m=distance,
        cadence_cpm=cadence,
        smooth_cadence_cpm=_smooth_cadence(cadence, window),
        grade=grade.interval_grades(s.altitude_m, along, paused, typical, thresholds),
        typical_dt_s=typical,
        has_positions=bool(np.isfinite(_haversine(s.lat_deg, s.lon_deg)).any()),
    )


def _finite(samples: Samples) -> Samples:
    """Infinities (a broken file's) become NaN: not known."""
    columns = {name: samples.column(name) for name in STREAM_COLUMNS}
    return Samples(**{k: np.where(np.isfinite(v), v, np.nan) for k, v in columns.items()})


def _usable_rows(samples: Samples) -> np.ndarray:
    """Rows with a finite time, in time order, the first of any repeated time."""
    time = samples.time_s
    finite = np.flatnonzero(np.isfinite(time))
    _, first = np.unique(time[finite], return_index=True)
    return finite[first]


def _travel_speed(s: Samples, dt: FloatArray) -> FloatArray:
    """Average speed over each interval from the recorded distance, else positions."""
    travelled = np.diff(s.distance_m)
    from_distance = _positive(np.where(travelled >= 0, travelled / dt, np.nan))
    from_positions = _haversine(s.lat_deg, s.lon_deg) / dt
    return np.where(np.isfinite(from_distance), from_distance, from_positions)


def _raw_speed(
    s: Samples, dt: FloatArray, travel: FloatArray, thresholds: Thresholds
) -> FloatArray:
    """Speed over each interval from the best source the stream has: the device's
    speed column, unless it does not add up to the distance travelled."""
    device = _positive(s.speed_m_s[1:])
    if _disagree(device, travel, dt, thresholds.speed_agreement):
        device = np.full_like(device, np.nan)
    return np.where(np.isfinite(device), device, travel)


def _positive(values: FloatArray) -> FloatArray:
    return np.where((values >= 0) & np.isfinite(values), values, np.nan)


def _disagree(
    device: FloatArray, from_distance: FloatArray, dt: FloatArray, agreement: float
) -> bool:
    """True when the device speed column does not add up to the recorded distance."""
    both = np.isfinite(device) & np.isfinite(from_distance)
    by_speed = float(np.sum(device[both] * dt[both]))
    by_distance = float(np.sum(from_distance[both] * dt[both]))
    if by_distance < 100.0:
        return False
    ratio = by_speed / by_distance
    return not 1 / agreement <= ratio <= agreement


def _haversine(lat_deg: FloatArray, lon_deg: FloatArray) -> FloatArray:
    """Great-circle distance between consecutive positions (NaN where one is missing
    or is no place on Earth)."""
    on_earth = (np.abs(lat_deg) <= 90) & (np.abs(lon_deg) <= 180)
    lat = np.radians(np.where(on_earth, lat_deg, np.nan))
    lon = np.radians(np.where(on_earth, lon_deg, np.nan))
    dlat = np.diff(lat)
    dlon = np.diff(lon)
    a = np.sin(dlat / 2) ** 2 + np.cos(lat[:-1]) * np.cos(lat[1:]) * np.sin(dlon / 2) ** 2
    return np.asarray(2 * EARTH_RADIUS_M * np.arcsin(np.sqrt(np.clip(a, 0, 1))), np.float64)


def _clean_speed(
    speed: FloatArray, dt: FloatArray, paused: BoolArray, thresholds: Thresholds
) -> FloatArray:
    """Speeds with GPS jumps removed and every hole filled from its neighbours."""
    raw = np.where(paused, np.nan, speed)
    if not np.isfinite(raw).any():
        return np.full_like(speed, np.nan)
    raw[raw > thresholds.max_speed_m_s] = np.nan
    reference = rolling_median(fill_gaps(raw), thresholds.jump_window_samples)
    jump = np.abs(raw - reference) > thresholds.max_acceleration_m_s2 * dt
    raw[jump] = np.nan
    return fill_gaps(raw)


def _cadence(cadence: FloatArray, thresholds: Thresholds) -> FloatArray:
    believable = (cadence >= 0) & (cadence <= thresholds.max_recorded_cpm)
    return np.where(believable, cadence, np.nan)


def _smooth_cadence(cadence: FloatArray, window: int) -> FloatArray:
    finite = np.isfinite(cadence)
    if not finite.any():
        return cadence.copy()
    smooth = rolling_median(fill_gaps(cadence), window)
    return np.where(finite, smooth, np.nan)
