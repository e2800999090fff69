"""Estimating a planned session: the runner's history first, published defaults else."""

from __future__ import annotations

import math

import pytest
from rules_support import MILE, default_rates, run, session

from footfall import evidence
from footfall.errors import PlanError
from footfall.plan.estimate import planned_run, rates_for
from footfall.plan.model import History, RunSession
from footfall.settings import Athlete

SIX_MPH = 6 * evidence.MPH_TO_M_S


def test_without_history_runs_are_at_e3s_6_mph_reference_pace() -> None:
    rates = default_rates()
    assert rates.run_speed_m_s == pytest.approx(SIX_MPH)
    assert run("easy", minutes=30).distance_m == pytest.approx(3 * MILE)
    assert run("long", miles=20).minutes == pytest.approx(200.0)
    assert rates.assumed == {
        "run_speed_m_s",
        "run_cadence_spm",
        "brisk_speed_m_s",
        "brisk_cadence_spm",
    }


def test_a_run_given_in_minutes_gets_its_distance_at_the_runners_own_speed() -> None:
    rates = default_rates(History(run_speed_m_s=3.0))
    assert run("easy", minutes=30, rates=rates).distance_m == pytest.approx(5400.0)
    assert "run_speed_m_s" not in rates.assumed


def test_a_run_given_both_ways_keeps_both() -> None:
    both = run("workout", minutes=50, miles=7)
    assert (both.minutes, both.distance_m) == (50.0, pytest.approx(7 * MILE))


def test_the_default_run_cadence_is_the_stride_models_157_at_6_mph() -> None:
    assert default_rates().run_cadence_spm == pytest.approx(157.4, abs=0.1)
    tall = default_rates(athlete=Athlete(height_cm=190))
    assert tall.run_cadence_spm < default_rates().run_cadence_spm


def test_run_steps_are_minutes_times_cadence_at_2_5_body_weights() -> None:
    rates = default_rates(History(run_cadence_spm=170.0))
    easy = run("easy", minutes=30, rates=rates)
    assert easy.steps == 5100
    assert easy.impact_bw_steps == pytest.approx(5100 * evidence.RUN_GRF_BW)


def test_the_speed_impact_model_uses_kellers_multiple() -> None:
    athlete = Athlete(impact_model="speed")
    rates = rates_for(History(run_speed_m_s=4.0), athlete)
    assert rates.run_grf_bw == pytest.approx(1.8 + 0.7 * 0.5)  # halfway from 2 to 6 m/s


def test_runs_are_vigorous_and_recovery_runs_moderate() -> None:
    kinds = {
        kind: run(kind, minutes=30).intensity
        for kind in ("easy", "long", "workout", "race", "recovery")
    }
    assert kinds == {
        "easy": "vigorous",
        "long": "vigorous",
        "workout": "vigorous",
        "race": "vigorous",
        "recovery": "moderate",
    }


def test_the_runners_own_session_says_it_comes_from_their_plan() -> None:
    easy = run("easy", minutes=30)
    assert (easy.kind, easy.role, easy.rule) == ("run", "main", "plan")
    assert "plan.yaml" in easy.why


def test_the_default_brisk_walk_is_the_middle_of_e4_at_118_steps_a_minute() -> None:
    rates = default_rates()
    assert rates.brisk_speed_m_s == pytest.approx(3.25 * evidence.MPH_TO_M_S)
    assert rates.brisk_cadence_spm == pytest.approx(117.6, abs=0.1)
    assert rates.light_speed_m_s < evidence.BRISK_LOW_M_S


def test_a_brisk_walk_is_never_under_e5s_100_steps_a_minute() -> None:
    assert default_rates(History(walk_cadence_spm=90.0)).brisk_cadence_spm == 100.0
    assert default_rates(athlete=Athlete(height_cm=250)).brisk_cadence_spm == 100.0


@pytest.mark.parametrize(
    ("speed", "held"), [(0.8, evidence.BRISK_LOW_M_S), (2.2, evidence.BRISK_HIGH_M_S)]
)
def test_the_runners_brisk_speed_is_held_inside_e4(speed: float, held: float) -> None:
    assert default_rates(History(brisk_speed_m_s=speed)).brisk_speed_m_s == pytest.approx(held)


@pytest.mark.parametrize("nonsense", [0.0, -3.0, math.nan, math.inf])
def test_unusable_history_falls_back_to_the_defaults(nonsense: float) -> None:
    history = History(run_speed_m_s=nonsense, run_cadence_spm=nonsense, walk_cadence_spm=nonsense)
    assert default_rates(history) == default_rates()


def test_a_run_with_neither_minutes_nor_distance_is_a_plan_error_naming_its_line() -> None:
    bare = RunSession(session("easy", 0, minutes=1).date, "easy", line=12)
    with pytest.raises(PlanError) as caught:
        planned_run(bare, default_rates(), "week.yaml")
    assert caught.value.line == 12
    assert str(caught.value).startswith("week.yaml:12:")


def test_e3s_three_walking_minutes_per_running_minute_match_its_energy_check() -> None:
    """3 min of a 3 mph walk (3.5 METs) spend about what 1 min of a 6 mph run (9.8) does."""
    walk = evidence.WALK_MINUTES_PER_RUN_MINUTE * evidence.WALK_REFERENCE_METS
    assert walk / evidence.RUN_REFERENCE_METS == pytest.approx(1.0, abs=0.08)
