"""Impact load multiples (E1): fixed, or Keller 1996 by speed."""

from __future__ import annotations

import math

import pytest

from footfall.metrics.impact import grf_multiple, impact_load, keller_running_bw


def test_fixed_multiples_are_2_5_for_running_and_1_2_for_walking() -> None:
    assert grf_multiple("run", 3.0, "fixed") == 2.5
    assert grf_multiple("walk", 1.5, "fixed") == grf_multiple("hike", 0.8, "fixed") == 1.2
    assert grf_multiple("stopped", 0.0, "fixed") == 0.0
    assert impact_load(1000.0, "run", 3.0, "fixed") == 2500.0


def test_keller_slow_jogging_is_half_again_walking_and_6_m_s_is_2_5() -> None:
    assert keller_running_bw(2.0) == pytest.approx(1.8)  # > 50 % above 1.2
    assert keller_running_bw(6.0) == pytest.approx(2.5)
    assert keller_running_bw(4.0) == pytest.approx(2.15)
    assert keller_running_bw(1.5) == pytest.approx(1.8)
    assert keller_running_bw(8.0) == pytest.approx(2.5)


def test_the_speed_model_keeps_walking_at_1_2_and_unknown_speed_at_the_fixed_multiple() -> None:
    assert grf_multiple("walk", 1.9, "speed") == 1.2
    assert grf_multiple("run", math.nan, "speed") == 2.5
    assert grf_multiple("run", 3.0, "speed") == pytest.approx(1.975)
