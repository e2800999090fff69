"""R1 finisher: 30-60 s of walking per mile after a long run (default 45 s/mi)."""

from __future__ import annotations

import pytest
from rules_support import MILE, default_rates, run

from footfall import evidence
from footfall.plan.rules.finisher import finisher_minutes, finisher_walk, finisher_walks, is_long
from footfall.settings import Athlete


@pytest.mark.parametrize(("s_per_mile", "minutes"), [(30, 10.0), (45, 15.0), (60, 20.0)])
def test_a_20_mile_long_run_gets_10_to_20_minutes_of_walking(
    s_per_mile: float, minutes: float
) -> None:
    long_run = run("long", 6, miles=20)
    walk = finisher_walk(long_run, s_per_mile, default_rates())
    assert walk.minutes == minutes


def test_the_default_finisher_after_20_miles_is_15_minutes() -> None:
    assert finisher_minutes(20 * MILE, evidence.FINISHER_DEFAULT_S_PER_MILE) == 15.0


@pytest.mark.parametrize(("s_per_mile", "minutes"), [(10, 10.0), (90, 20.0)])
def test_seconds_per_mile_are_held_inside_30_to_60(s_per_mile: float, minutes: float) -> None:
    assert finisher_minutes(20 * MILE, s_per_mile) == minutes


def test_the_finisher_is_a_brisk_walk_that_cites_the_coach() -> None:
    rates = default_rates()
    walk = finisher_walk(run("long", 6, miles=20), 45, rates)
    assert (walk.kind, walk.role, walk.rule, walk.intensity) == (
        "walk",
        "finisher",
        "R1",
        "moderate",
    )
    assert walk.date == run("long", 6, miles=20).date
    assert walk.distance_m == pytest.approx(15 * 60 * rates.brisk_speed_m_s)
    assert walk.steps == round(15 * rates.brisk_cadence_spm)
    assert walk.impact_bw_steps == pytest.approx(walk.steps * evidence.WALK_GRF_BW)
    assert "Walk 15 min after your long run of 20 mi" in walk.why
    assert "J. Hamilton" in walk.why
    assert "45 s here" in walk.why


def test_a_runner_in_km_reads_the_distance_in_km() -> None:
    rates = default_rates(athlete=Athlete(units="km"))
    walk = finisher_walk(run("long", 6, miles=20, rates=rates), 45, rates)
    assert "32.2 km" in walk.why


def test_a_short_run_the_plan_calls_long_is_long() -> None:
    short = run("long", 5, minutes=45)
    assert is_long(short, [run("easy", 1, minutes=50), short])


def test_a_run_much_longer_than_the_weeks_others_is_long_whatever_its_label() -> None:
    week = [run("easy", 0, minutes=40), run("easy", 2, minutes=45), run("easy", 5, minutes=95)]
    assert is_long(week[2], week)
    assert not is_long(week[0], week)


def test_an_hour_run_in_a_week_of_hour_runs_is_not_long() -> None:
    week = [run("easy", i, minutes=60) for i in range(4)]
    assert not any(is_long(r, week) for r in week)


def test_a_run_under_an_hour_is_only_long_when_called_long() -> None:
    week = [run("easy", 0, minutes=20), run("easy", 3, minutes=55)]
    assert not is_long(week[1], week)


def test_only_the_long_runs_get_finishers() -> None:
    week = [run("easy", 0, minutes=30), run("workout", 2, minutes=50), run("long", 6, miles=20)]
    walks = finisher_walks(week, 45, default_rates())
    assert [(w.date, w.minutes) for w in walks] == [(week[2].date, 15.0)]
