"""Brisk walking: walking or hiking time in the moderate-intensity band.

E4: walking at 2.5-4 mph is moderate-intensity ("brisk"), judged on the speed over
about a minute within each walking bout
(:attr:`~footfall.metrics.thresholds.Thresholds.brisk_smoothing_s`). Where the stream
has no speed (a treadmill without a foot pod's speed), E5: a cadence of at least 100
steps/min is about moderate intensity.
"""

from __future__ import annotations

import math

import numpy as np

from footfall import evidence
from footfall.metrics.bouts import HIKE, WALK, Classified
from footfall.metrics.measured import Gait
from footfall.metrics.motion import Motion
from footfall.metrics.series import BoolArray, FloatArray, rolling_median, window_samples
from footfall.metrics.thresholds import Thresholds


def brisk_intervals(
    motion: Motion, spm: FloatArray, classified: Classified, thresholds: Thresholds
) -> BoolArray:
    """Moving walking/hiking intervals at a brisk speed (or, without speed, cadence)."""
    brisk = np.zeros(len(motion), dtype=bool)
    window = window_samples(thresholds.brisk_smoothing_s, motion.typical_dt_s)
    for start, end, code in zip(
        classified.starts, classified.ends, classified.bout_codes, strict=True
    ):
        if code in (WALK, HIKE):
            brisk[start:end] = _brisk(motion.speed_m_s[start:end], spm[start:end], window)
    return brisk & classified.moving


def _brisk(speed: FloatArray, spm: FloatArray, window: int) -> BoolArray:
    if np.isfinite(speed).all():
        sustained = rolling_median(speed, window)
        return (sustained >= evidence.BRISK_LOW_M_S) & (sustained <= evidence.BRISK_HIGH_M_S)
    with np.errstate(invalid="ignore"):
        return np.asarray(spm >= evidence.MODERATE_CADENCE_SPM, dtype=bool)


def brisk_seconds_of_average(gait: Gait, moving_s: float, distance_m: float) -> float:
    """For an activity known only by its totals: all of its walking time is brisk when
    its average speed is in the E4 band, none otherwise."""
    if gait not in ("walk", "hike") or moving_s <= 0 or not math.isfinite(distance_m):
        return 0.0
    speed = distance_m / moving_s
    return moving_s if evidence.BRISK_LOW_M_S <= speed <= evidence.BRISK_HIGH_M_S else 0.0
