"""Grade (rise over horizontal distance) along an activity, and where it is steep.

Altitude is smoothed first (a rolling median over :attr:`Thresholds.altitude_smoothing_s`),
then each sample's grade is the altitude change across a centred stretch of
:attr:`Thresholds.grade_span_m` of ground; where less than half that ground was covered
(standing, or the edges of the activity) the grade is unknown.
"""

from __future__ import annotations

import numpy as np

from footfall.metrics.series import (
    BoolArray,
    FloatArray,
    fill_gaps,
    hysteresis,
    rolling_median,
    window_samples,
)
from footfall.metrics.thresholds import Thresholds


def interval_grades(
    altitude_m: FloatArray,
    along_m: FloatArray,
    paused: BoolArray,
    typical_dt_s: float,
    thresholds: Thresholds,
) -> FloatArray:
    """Grade of each interval between samples (NaN where unknown). ``along_m`` is the
    cumulative ground covered at each sample; no grade is measured across a pause
    (the altitude changes, the credited ground does not)."""
    n = len(altitude_m)
    low, high = thresholds.lowest_altitude_m, thresholds.highest_altitude_m
    valid = np.where((altitude_m >= low) & (altitude_m <= high), altitude_m, np.nan)
    if n < 2 or np.isfinite(valid).mean() < thresholds.min_altitude_share:
        return np.full(max(n - 1, 0), np.nan)
    window = window_samples(thresholds.altitude_smoothing_s, typical_dt_s)
    altitude = rolling_median(fill_gaps(valid), window)
    half = thresholds.grade_span_m / 2
    lo = np.searchsorted(along_m, along_m - half, side="left")
    hi = np.searchsorted(along_m, along_m + half, side="right") - 1
    ground = along_m[hi] - along_m[lo]
    pauses = np.concatenate(([0], np.cumsum(paused)))
    with np.errstate(invalid="ignore", divide="ignore"):
        grades = (altitude[hi] - altitude[lo]) / ground
    grades = np.where((ground >= half) & (pauses[hi] == pauses[lo]), grades, np.nan)
    return np.asarray(grades[1:], dtype=np.float64)


def steep(grades: FloatArray, thresholds: Thresholds) -> BoolArray:
    """Where the ground is steep enough to hike: |grade| reaches the hiking grade and
    stays steep until it falls under the leaving grade (unknown grades keep the state)."""
    size = np.abs(grades)
    high = size >= thresholds.hike_grade
    low = size <= thresholds.hike_grade_leave
    return hysteresis(high, low, initial=False)
