"""R5 habit ladder: a reluctant walker's finishers start at 100 ft and grow x 1.5."""

from __future__ import annotations

import pytest
from rules_support import default_rates, run

from footfall import evidence
from footfall.plan.model import LadderState
from footfall.plan.rules.ladder import advance, ladder_walks, rung_cap_ft, rung_minutes
from footfall.settings import Athlete


def test_a_reluctant_runners_finishers_go_100_150_225_ft_as_walks_are_done() -> None:
    ladder = LadderState()
    steps = []
    for _ in range(3):
        steps.append(ladder.step_ft)
        ladder = advance(ladder, True)
    assert steps == [100.0, 150.0, 225.0]
    assert ladder.walks_done == 3


def test_a_missed_walk_holds_the_step() -> None:
    ladder = advance(LadderState(), True)
    assert advance(ladder, False) == ladder
    assert advance(advance(ladder, False), True).step_ft == 225.0


def test_growth_stops_at_the_weekly_goal_spread_over_the_weeks_runs() -> None:
    cap = rung_cap_ft(5.0, 4)
    assert cap == pytest.approx(6600.0)  # 5 miles = 26,400 ft over 4 runs
    assert advance(LadderState(step_ft=5000.0), True, runs_per_week=4).step_ft == pytest.approx(cap)
    assert advance(LadderState(step_ft=cap), True, runs_per_week=4).step_ft == pytest.approx(cap)


def test_a_rung_beyond_the_goal_is_held_not_cut() -> None:
    assert advance(LadderState(step_ft=9000.0), True, runs_per_week=4).step_ft == 9000.0


def test_the_first_rung_is_a_third_of_a_minute_at_the_brisk_pace() -> None:
    rates = default_rates()
    seconds = 100 * evidence.FOOT_M / rates.brisk_speed_m_s
    assert seconds == pytest.approx(21.0, abs=0.1)
    assert rung_minutes(100.0, rates) == 0.3


def test_the_planned_week_climbs_the_ladder_run_after_run() -> None:
    runs = [run("long", 6, miles=20), run("easy", 0, minutes=30), run("workout", 2, minutes=50)]
    walks = ladder_walks(runs, LadderState(), default_rates())
    feet = [round(w.distance_m / evidence.FOOT_M) for w in walks if w.distance_m]
    assert feet == [100, 150, 225]
    assert [w.date for w in walks] == sorted(r.date for r in runs)
    assert {(w.role, w.rule, w.intensity) for w in walks} == {("finisher", "R5", "moderate")}
    assert "just 100 ft" in walks[0].why and "M. Cannon" in walks[0].why
    assert "rung 3" in walks[2].why


def test_the_week_starts_from_the_stored_ladder() -> None:
    walks = ladder_walks([run("easy", 1, minutes=30)], LadderState(225.0, 2), default_rates())
    assert walks[0].distance_m == pytest.approx(225 * evidence.FOOT_M)
    assert "rung 3" in walks[0].why


def test_a_runner_in_km_reads_the_rung_in_metres() -> None:
    rates = default_rates(athlete=Athlete(units="km"))
    walks = ladder_walks([run("easy", 1, minutes=30, rates=rates)], LadderState(), rates)
    assert "just 30 m" in walks[0].why
