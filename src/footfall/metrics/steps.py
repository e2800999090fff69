"""Steps per interval, and where the figure comes from.

Measured: the device's own total (Apple Health and Strava state steps; FIT's
total_cycles / total_strides count strides on foot sports, so steps are twice them
unless the cadence test says the device counts steps), spread over the moving
intervals in proportion to the cadence-integrated steps so the bouts add up to it; or,
without a total, the cadence integrated over the moving time. A cadence zero or absent
over the whole moving time was not recorded: the device total is then taken as it is.
Estimated: distance / the stride model's step length (:mod:`footfall.metrics.stride`)
where there is no cadence and no device total. Intervals with a cadence gap inside a
measured activity are estimated the same way; the activity counts as measured when
cadence covers at least half its moving time.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from footfall.activity import Totals
from footfall.metrics.bouts import RUN, Classified
from footfall.metrics.cadence import StrideModel
from footfall.metrics.measured import StepsSource
from footfall.metrics.motion import Motion
from footfall.metrics.series import FloatArray
from footfall.metrics.thresholds import Thresholds


@dataclass(frozen=True, slots=True)
class IntervalSteps:
    """Steps taken in each interval (0 where not moving) and their source (None when
    no step figure could be made: no cadence, no distance, no device total)."""

    steps: FloatArray
    source: StepsSource | None


def count_steps(
    motion: Motion,
    spm: FloatArray,
    classified: Classified,
    *,
    device_total: float | None,
    model: StrideModel,
    thresholds: Thresholds,
) -> IntervalSteps:
    """The steps of every interval; ``spm`` is the raw cadence in steps/min. A device
    total far from the stream's own count (a broken counter, a session that
    counts something else) is not used. Cadence zero or absent over the whole moving
    time is no cadence recorded, not no steps: then a device total is the count (the
    estimate from distance is no measurement to doubt it by), and without one the
    steps are estimated from distance."""
    moving = classified.moving
    measured = moving & (spm >= thresholds.stepping_min_spm)
    by_cadence = np.where(measured, np.nan_to_num(spm) * motion.dt_s / 60.0, 0.0)
    length = model.step_m(classified.codes == RUN, motion.smooth_speed_m_s)
    by_distance = np.where(moving & ~measured, motion.distance_m / length, 0.0)
    own = by_cadence + by_distance
    if device_total is not None and _trusted(device_total, own, measured, thresholds):
        placed = _placed(device_total, own, motion, spm, moving=moving, thresholds=thresholds)
        return IntervalSteps(placed, "measured")
    return IntervalSteps(own, _source(motion, spm, moving, measured, thresholds))


def _placed(
    total: float,
    own: FloatArray,
    motion: Motion,
    spm: FloatArray,
    *,
    moving: np.ndarray,
    thresholds: Thresholds,
) -> FloatArray:
    """The device's total shared out over the moving intervals by the stream's own
    count. With no moving time at all (a few short walks, each merged into the stops
    around it) it goes where the cadence shows stepping, else over the unpaused time:
    steps the device counted are not lost for want of a bout to hold them."""
    placed = spread(own, np.where(moving, motion.dt_s, 0.0), total)
    if np.sum(placed) > 0:
        return placed
    unpaused = np.where(motion.paused, 0.0, motion.dt_s)
    stepping = np.where(spm >= thresholds.stepping_min_spm, np.nan_to_num(spm) * unpaused, 0.0)
    return spread(stepping, unpaused, total)


def _trusted(
    device_total: float, own: FloatArray, measured: np.ndarray, thresholds: Thresholds
) -> bool:
    """The device total is the count unless a cadence recorded over the moving time
    counts far from it."""
    return not measured.any() or _agrees(device_total, float(np.sum(own)), thresholds)


def _agrees(device_total: float, own: float, thresholds: Thresholds) -> bool:
    """Close enough to the stream's own count (or nothing to compare with)."""
    agreement = thresholds.device_agreement
    return own <= 0 or 1 / agreement <= device_total / own <= agreement


def _source(
    motion: Motion,
    spm: FloatArray,
    moving: np.ndarray,
    measured: np.ndarray,
    thresholds: Thresholds,
) -> StepsSource | None:
    has_cadence = bool(np.isfinite(spm).any())
    moving_s = float(np.sum(motion.dt_s[moving]))
    cadence_s = float(np.sum(motion.dt_s[measured]))
    if has_cadence and (moving_s <= 0 or cadence_s >= thresholds.measured_share * moving_s):
        return "measured"
    if motion.has_speed or has_cadence:
        return "estimated"
    return None


def device_steps(totals: Totals, per_cycle: int) -> float | None:
    """The device's own step total: stated steps, else cycles x steps per cycle."""
    if math.isfinite(totals.steps) and totals.steps > 0:
        return totals.steps
    if math.isfinite(totals.cycles) and totals.cycles > 0:
        return totals.cycles * per_cycle
    return None


def spread(weights: FloatArray, seconds: FloatArray, total: float) -> FloatArray:
    """``total`` shared out in proportion to ``weights`` (to ``seconds`` where the
    weights are all zero); all zeros when both are."""
    for share in (weights, seconds):
        whole = float(np.sum(share))
        if whole > 0:
            return np.asarray(share * (total / whole), dtype=np.float64)
    return np.zeros_like(weights)
