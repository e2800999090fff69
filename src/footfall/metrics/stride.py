"""How long a step is, from height and speed, walking or running, and the runner's own
correction of it (a :class:`StrideCalibration`).

Steps are estimated as distance / step length where a file has no cadence, and the
model's step length is what tells per-foot cadence from steps per minute.

Walking: the pedometer rule, step length = 0.413 x height (women) or 0.415 x height
(men), taken here as 0.414 x height, holds at the usual outdoor walking pace of
1.31 m/s (Murtagh et al., "Outdoor walking speeds of apparently healthy adults",
Sports Med 2021;51:125-141). Over walking speeds step length / cadence (the "walk
ratio") stays constant (Sekiya & Nagasaki 1998; Murakami & Otaka, J Phys Ther Sci
2017;29:722-725), and speed = step length x cadence, so step length grows with the
square root of speed. Below 62 m/min (1.03 m/s) that constancy breaks (Murakami &
Otaka), and the step length is held at its 1.03 m/s value.

Running: self-selected stride frequency rises with speed, 77, 79 and 80 strides/min
at 2.4, 2.6 and 2.9 m/s (van Oeveren et al., "Optimal stride frequencies in running at
different speeds", PLoS ONE 2017;12:e0184273), that is 12 steps/min more per m/s from
154 steps/min at 2.4 m/s; step length = speed / cadence. Lieberman et al. (J Exp Biol
2015;218:3406) find ~85 strides/min at 3.0 m/s, which the line meets within 6 %.
Step length is taken as proportional to height around 1.70 m (an assumed typical
adult; the running study reports no height-specific relation).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from footfall.metrics.series import FloatArray
from footfall.metrics.thresholds import Thresholds

#: The pedometer rule's step length per metre of height (0.413 women, 0.415 men).
WALK_STEP_PER_HEIGHT = 0.414
#: Usual outdoor walking speed (Murtagh et al. 2021), where the pedometer rule applies.
USUAL_WALK_M_S = 1.31
#: Below this the walk ratio is no longer constant (Murakami & Otaka 2017: 62 m/min).
WALK_RATIO_FLOOR_M_S = 62.0 / 60.0
#: van Oeveren et al. 2017: 154 steps/min at 2.4 m/s, +12 steps/min per m/s.
RUN_CADENCE_AT_2_4_SPM = 154.0
RUN_CADENCE_SLOPE_SPM_PER_M_S = 12.0
#: Clamp the running line to cadences runners use (slow joggers to fast racers).
RUN_CADENCE_RANGE_SPM = (140.0, 200.0)
#: The height the running line stands for (assumed typical adult).
RUN_REFERENCE_HEIGHT_M = 1.70


@dataclass(frozen=True, slots=True)
class StrideCalibration:
    """The runner's own step length as a ratio of the model's, per gait (hiking uses
    the walking ratio), and how many activities each ratio comes from (0: the model
    as published)."""

    run_ratio: float = 1.0
    walk_ratio: float = 1.0
    run_activities: int = 0
    walk_activities: int = 0

    def ratio(self, running: bool) -> float:
        return self.run_ratio if running else self.walk_ratio


UNCALIBRATED = StrideCalibration()


def walking_step_m(speed_m_s: FloatArray, height_m: float) -> FloatArray:
    """Model walking step length (m) at each speed."""
    speed = np.maximum(np.nan_to_num(speed_m_s, nan=USUAL_WALK_M_S), WALK_RATIO_FLOOR_M_S)
    return np.asarray(
        WALK_STEP_PER_HEIGHT * height_m * np.sqrt(speed / USUAL_WALK_M_S), dtype=np.float64
    )


def running_cadence_spm(speed_m_s: FloatArray) -> FloatArray:
    """Model running cadence (steps/min) at each speed."""
    line = RUN_CADENCE_AT_2_4_SPM + RUN_CADENCE_SLOPE_SPM_PER_M_S * (speed_m_s - 2.4)
    return np.asarray(np.clip(line, *RUN_CADENCE_RANGE_SPM), dtype=np.float64)


def running_step_m(speed_m_s: FloatArray, height_m: float) -> FloatArray:
    """Model running step length (m) at each speed."""
    speed = np.maximum(np.nan_to_num(speed_m_s, nan=2.4), 1.0)
    scale = height_m / RUN_REFERENCE_HEIGHT_M
    return np.asarray(speed * 60.0 / running_cadence_spm(speed) * scale, dtype=np.float64)


def step_length_m(
    running: bool | NDArray[np.bool_],
    speed_m_s: FloatArray,
    height_m: float,
    calibration: StrideCalibration = UNCALIBRATED,
) -> FloatArray:
    """The (calibrated) model step length for each reading; ``running`` is one flag
    or one per reading."""
    length = np.where(
        np.asarray(running, dtype=bool),
        running_step_m(speed_m_s, height_m) * calibration.run_ratio,
        walking_step_m(speed_m_s, height_m) * calibration.walk_ratio,
    )
    return np.asarray(length, dtype=np.float64)


def combine_ratios(ratios: list[float], thresholds: Thresholds) -> tuple[float, int]:
    """The median of the per-activity ratios that are plausible, and how many there were."""
    low, high = thresholds.calibration_low, thresholds.calibration_high
    kept = [r for r in ratios if low <= r <= high]
    if not kept:
        return 1.0, 0
    return float(np.median(kept)), len(kept)
