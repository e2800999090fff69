"""The stride model against the published figures it stands on."""

from __future__ import annotations

import numpy as np
import pytest

from footfall.metrics.stride import (
    StrideCalibration,
    combine_ratios,
    running_cadence_spm,
    running_step_m,
    step_length_m,
    walking_step_m,
)
from footfall.metrics.thresholds import DEFAULT


def test_the_walking_step_is_the_pedometer_rule_at_the_usual_walking_pace() -> None:
    for height in (1.55, 1.70, 1.90):
        assert walking_step_m(np.array([1.31]), height)[0] == pytest.approx(0.414 * height)


def test_walking_steps_grow_with_the_square_root_of_speed() -> None:
    # constant walk ratio (step length / cadence) means speed = ratio x cadence^2
    slow, fast = walking_step_m(np.array([1.2, 1.8]), 1.70)
    assert fast / slow == pytest.approx(np.sqrt(1.8 / 1.2))


def test_a_fast_walk_meets_the_outdoor_meta_analysis() -> None:
    # Murtagh et al. 2021: fast pace 1.72 m/s at 126.75 steps/min, a 0.814 m step
    step = walking_step_m(np.array([1.72]), 1.70)[0]
    assert step == pytest.approx(1.72 * 60 / 126.75, rel=0.02)


def test_very_slow_walking_keeps_the_step_of_62_m_per_min() -> None:
    steps = walking_step_m(np.array([0.5, 0.8, 62 / 60]), 1.70)
    assert steps[0] == steps[1] == steps[2]


def test_running_cadence_follows_van_oeveren() -> None:
    # self-selected 77, 79, 80 strides/min at 2.4, 2.6, 2.9 m/s
    cadence = running_cadence_spm(np.array([2.4, 2.6, 2.9]))
    assert cadence == pytest.approx([154, 158, 160], abs=2)


def test_running_steps_lengthen_with_speed_and_height() -> None:
    steps = running_step_m(np.array([2.5, 3.5, 5.0]), 1.70)
    assert np.all(np.diff(steps) > 0)
    assert steps[1] == pytest.approx(3.5 * 60 / (154 + 12 * 1.1))
    assert running_step_m(np.array([3.0]), 1.87)[0] == pytest.approx(
        running_step_m(np.array([3.0]), 1.70)[0] * 1.1
    )


def test_a_calibration_scales_each_gait_by_its_own_ratio() -> None:
    own = StrideCalibration(run_ratio=0.9, walk_ratio=1.05, run_activities=3, walk_activities=2)
    speed = np.array([3.0, 1.4])
    running = np.array([True, False])
    plain = step_length_m(running, speed, 1.7)
    assert step_length_m(running, speed, 1.7, own) == pytest.approx(plain * [0.9, 1.05])


def test_implausible_ratios_are_left_out_of_a_calibration() -> None:
    assert combine_ratios([0.95, 1.0, 1.05, 3.1, 0.2], DEFAULT) == (1.0, 3)
    assert combine_ratios([], DEFAULT) == (1.0, 0)
