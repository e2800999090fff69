"""R4 step floor: a day planned under the floor (E2) gets a walk that closes the gap."""

from __future__ import annotations

import math

import pytest
from rules_support import MONDAY, day, default_rates, run

from footfall import evidence
from footfall.plan.estimate import planned_walk
from footfall.plan.model import History, PlanInput
from footfall.plan.rules.step_floor import baseline_steps, floor_walk, floor_walks


def test_a_rest_day_with_3500_baseline_steps_gets_a_walk_of_about_4500_steps() -> None:
    rates = default_rates()
    walk = floor_walk(day(1), 3500, [], evidence.STEP_FLOOR, rates)
    assert walk is not None
    assert 4500 <= walk.steps < 4500 + rates.brisk_cadence_spm
    assert walk.minutes == math.ceil(4500 / rates.brisk_cadence_spm)
    assert walk.minutes == 39.0  # at 118 steps/min, the default brisk cadence of a 1.70 m walker
    assert (walk.kind, walk.role, walk.rule, walk.intensity) == (
        "walk",
        "step_floor",
        "R4",
        "moderate",
    )
    assert "3,500" in walk.why and "8,000" in walk.why and "Burton & Coyle" in walk.why


def test_the_walk_is_sized_at_the_runners_own_cadence() -> None:
    rates = default_rates(History(walk_cadence_spm=125.0))
    walk = floor_walk(day(1), 3500, [], 8000, rates)
    assert walk is not None
    assert walk.minutes == 36.0  # 4,500 / 125 = 36
    assert walk.steps == 4500


def test_walks_already_planned_count_toward_the_floor() -> None:
    rates = default_rates()
    finisher = planned_walk(
        day(6), 15, role="finisher", rule="R1", why="", intensity="moderate", rates=rates
    )
    walk = floor_walk(day(6), 3500, [run("long", 6, miles=20), finisher], 8000, rates)
    assert walk is not None
    gap = 8000 - 3500 - finisher.steps
    assert walk.minutes == math.ceil(gap / rates.brisk_cadence_spm)


def test_the_runs_own_steps_do_not_count() -> None:
    walk = floor_walk(day(6), 3500, [run("long", 6, miles=20)], 8000, default_rates())
    assert walk is not None and walk.minutes == 39.0


def test_a_day_at_the_floor_gets_nothing() -> None:
    assert floor_walk(day(2), 8000, [], 8000, default_rates()) is None


def test_without_a_baseline_nothing_is_added() -> None:
    assert floor_walk(day(2), None, [], 8000, default_rates()) is None


def test_the_baseline_is_learned_per_weekday_from_history() -> None:
    history = History(baseline_steps_by_weekday={0: 6000.4, 2: 9100.0})
    plan = PlanInput(week_start=MONDAY, sessions=())
    assert baseline_steps(day(0), plan, history) == 6000
    assert baseline_steps(day(2), plan, history) == 9100
    assert baseline_steps(day(1), plan, history) is None


def test_the_plans_baseline_wins_over_history() -> None:
    history = History(baseline_steps_by_weekday={0: 6000.0})
    plan = PlanInput(week_start=MONDAY, sessions=(), baseline_steps=3500)
    assert baseline_steps(day(0), plan, history) == 3500


def test_a_higher_floor_gets_a_walk_on_each_day_under_it() -> None:
    baselines = {day(0): 3500, day(1): 10_500, day(2): None}
    walks = floor_walks({}, baselines, 10_000, default_rates())
    assert [w.date for w in walks] == [day(0)]
    assert walks[0].steps >= 6500


@pytest.mark.parametrize("baseline", [0, 1, 2000, 7999])
def test_the_day_reaches_the_floor_with_its_walk(baseline: int) -> None:
    walk = floor_walk(day(3), baseline, [], 8000, default_rates())
    assert walk is not None and baseline + walk.steps >= 8000


def test_a_small_gap_still_gets_a_five_minute_walk() -> None:
    walk = floor_walk(day(3), 7955, [], 8000, default_rates())
    assert walk is not None and walk.minutes == 5.0
    assert walk.steps == round(5 * default_rates().brisk_cadence_spm)
