"""R6 pace band: every walk carries the brisk band (E4), centred on the runner's pace."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rules_support import day, default_rates

from footfall import evidence
from footfall.plan.estimate import planned_walk
from footfall.plan.model import History
from footfall.plan.rules.pace_band import band_in_units, band_text, brisk_band, with_pace_band

MPH = evidence.MPH_TO_M_S


def test_without_history_the_band_is_centred_on_the_middle_of_e4() -> None:
    fast, slow = brisk_band(default_rates())
    assert (fast + slow) / 2 == pytest.approx(60 / 3.25)  # 18.46 min/mi at 3.25 mph
    assert (fast, slow) == pytest.approx((17.46, 19.46), abs=0.01)


def test_the_band_is_centred_on_the_runners_recent_brisk_pace() -> None:
    band = brisk_band(default_rates(History(brisk_speed_m_s=3.5 * MPH)))
    assert band == pytest.approx((60 / 3.5 - 1, 60 / 3.5 + 1))


@pytest.mark.parametrize(
    ("mph", "band"),
    [(3.9, (15.0, 17.0)), (4.5, (15.0, 17.0)), (2.6, (22.0, 24.0)), (2.0, (22.0, 24.0))],
)
def test_near_an_edge_of_e4_the_band_slides_inside_it(
    mph: float, band: tuple[float, float]
) -> None:
    assert brisk_band(default_rates(History(brisk_speed_m_s=mph * MPH))) == pytest.approx(band)


@given(st.floats(0.3, 3.0))
def test_every_brisk_band_lies_inside_e4(speed: float) -> None:
    fast, slow = brisk_band(default_rates(History(brisk_speed_m_s=speed)))
    assert 60 / evidence.BRISK_HIGH_MPH - 1e-9 <= fast < slow <= 60 / evidence.BRISK_LOW_MPH + 1e-9
    assert slow - fast == pytest.approx(2.0)


def test_every_walk_gets_its_band_and_runs_none() -> None:
    rates = default_rates()
    brisk = planned_walk(
        day(0), 30, role="second", rule="R2", why="", intensity="moderate", rates=rates
    )
    light = planned_walk(
        day(0), 30, role="second", rule="R2", why="", intensity="light", rates=rates
    )
    assert with_pace_band(brisk, rates).pace_min_per_mi == brisk_band(rates)
    assert with_pace_band(light, rates).pace_min_per_mi == pytest.approx((24.0, 30.0))


def test_the_band_reads_in_the_runners_units() -> None:
    band = (17.46, 19.46)
    assert band_in_units(band, "km") == pytest.approx((10.85, 12.09), abs=0.01)
    assert band_text(band, "mi") == "17:28-19:28 min/mi"
    assert band_text(band, "km") == "10:51-12:06 min/km"
