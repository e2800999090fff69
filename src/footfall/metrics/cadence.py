"""Cadence as the file records it, turned into steps per minute.

FIT, and Garmin's GPX and TCX, record foot-sport cadence per foot (strides/min), so
steps/min is twice it; other devices record steps/min. Which one a file holds is
decided per activity from what each reading implies: at speed v and recorded cadence
c, a step is v / (k c / 60) long for k = 1 or 2, and the k whose step lengths sit
closer to the stride model (:mod:`footfall.metrics.stride`) wins. Without speed, the
recorded cadence's median decides (per foot if below a threshold that depends on the
label, :class:`~footfall.metrics.thresholds.Thresholds`).

The same comparison tells a cadence that is not footsteps at all (swim strokes, ski
poles: even the better k leaves steps far from the model) and single readings that
cannot be right (a watch halving the cadence for a while: steps twice as long as a
runner's at that speed); neither is used.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from footfall.metrics.labels import Prior
from footfall.metrics.motion import Motion
from footfall.metrics.series import FloatArray
from footfall.metrics.stride import UNCALIBRATED, StrideCalibration, step_length_m
from footfall.metrics.thresholds import Thresholds

PER_FOOT = 2
PER_STEP = 1


@dataclass(frozen=True, slots=True)
class CadenceUnit:
    """Steps per recorded cycle (2: per foot, 1: steps/min) and whether the recorded
    cadence looks like footsteps at all (False only when speed showed it does not)."""

    per_cycle: int
    footsteps: bool = True


@dataclass(frozen=True, slots=True)
class StrideModel:
    """The stride model for one athlete: height and calibration."""

    height_m: float
    calibration: StrideCalibration = UNCALIBRATED

    def step_m(self, running: np.ndarray, speed_m_s: FloatArray) -> FloatArray:
        return step_length_m(running, speed_m_s, self.height_m, self.calibration)


def cadence_unit(
    cadence_cpm: FloatArray,
    speed_m_s: FloatArray,
    prior: Prior,
    model: StrideModel,
    thresholds: Thresholds,
) -> CadenceUnit:
    """How to read ``cadence_cpm``; ``speed_m_s`` are the paired speeds (NaN where
    unknown)."""
    stepping = np.isfinite(cadence_cpm) & (cadence_cpm >= thresholds.min_recorded_cpm)
    moving = stepping & (speed_m_s >= thresholds.step_length_min_speed_m_s)
    readings = np.count_nonzero(moving)
    if readings >= thresholds.min_step_readings or (
        readings and readings == np.count_nonzero(stepping)
    ):
        return _by_step_length(cadence_cpm[moving], speed_m_s[moving], model, thresholds)
    if stepping.any():
        median = float(np.median(cadence_cpm[stepping]))
        return CadenceUnit(_by_cadence_range(median, prior, thresholds))
    return CadenceUnit(PER_FOOT)


def _by_step_length(
    cadence: FloatArray, speed: FloatArray, model: StrideModel, thresholds: Thresholds
) -> CadenceUnit:
    misfit = {}
    for k in (PER_STEP, PER_FOOT):
        spm = k * cadence
        ratio = _step_ratio(spm, speed, model, thresholds)
        misfit[k] = float(np.median(np.abs(np.log(ratio))))
    best = PER_FOOT if misfit[PER_FOOT] <= misfit[PER_STEP] else PER_STEP
    return CadenceUnit(best, misfit[best] <= math.log(thresholds.max_step_ratio))


def _step_ratio(
    spm: FloatArray, speed: FloatArray, model: StrideModel, thresholds: Thresholds
) -> FloatArray:
    """Step length implied by each reading over the model's for its gait."""
    implied = speed * 60.0 / spm
    return implied / model.step_m(spm >= thresholds.run_cadence_spm, speed)


def _by_cadence_range(median_cpm: float, prior: Prior, thresholds: Thresholds) -> int:
    if prior == "run":
        below = thresholds.per_foot_below_cpm_run
    elif prior in ("walk", "hike"):
        below = thresholds.per_foot_below_cpm_walk
    else:
        below = thresholds.per_foot_below_cpm_unknown
    return PER_FOOT if median_cpm < below else PER_STEP


def footstep_cadence(
    motion: Motion, unit: CadenceUnit, model: StrideModel, thresholds: Thresholds
) -> tuple[FloatArray, FloatArray]:
    """Raw and smoothed steps/min per interval, NaN where unknown or not believable;
    all NaN when the column is not footsteps or shows stepping for too little of the
    time to be a real cadence."""
    nothing = np.full(len(motion), np.nan)
    if not unit.footsteps:
        return nothing, nothing
    spm = motion.cadence_cpm * unit.per_cycle
    smooth = motion.smooth_cadence_cpm * unit.per_cycle
    speed = motion.smooth_speed_m_s
    with np.errstate(invalid="ignore", divide="ignore"):
        judged = (speed >= thresholds.step_length_min_speed_m_s) & (
            smooth >= thresholds.min_recorded_cpm * unit.per_cycle
        )
        too_long = judged & (
            _step_ratio(smooth, speed, model, thresholds) > thresholds.max_step_ratio
        )
    spm[too_long] = np.nan
    smooth[too_long] = np.nan
    if not _steps_often(motion, spm, thresholds):
        return nothing, nothing
    return spm, smooth


def _steps_often(motion: Motion, spm: FloatArray, thresholds: Thresholds) -> bool:
    """The cadence shows stepping for enough of the unpaused (moving) time."""
    unpaused = ~motion.paused
    if motion.has_speed:
        unpaused &= motion.smooth_speed_m_s >= thresholds.stop_speed_m_s
    time = float(np.sum(motion.dt_s[unpaused]))
    stepping = unpaused & (spm >= thresholds.stepping_min_spm)
    return time > 0 and float(np.sum(motion.dt_s[stepping])) >= thresholds.cadence_min_share * time
