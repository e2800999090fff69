"""R3 easy swap: easy runs become walks of 3 x the minutes (E3) or the same time on feet."""

from __future__ import annotations

import pytest
from rules_support import day, default_rates, run

from footfall import evidence
from footfall.plan.rules.swap import pick_easy_runs, swap_easy_runs, swap_walk


def test_a_20_minute_easy_run_becomes_a_60_minute_walk_in_equivalent_mode() -> None:
    walk = swap_walk(run("easy", 3, minutes=20), "equivalent", default_rates())
    assert walk.minutes == 60.0
    assert (walk.kind, walk.role, walk.rule, walk.intensity) == ("walk", "swap", "R3", "moderate")
    assert "E3" in walk.why and "R3" in walk.why and "20 min easy run" in walk.why


def test_a_20_minute_easy_run_becomes_a_20_minute_walk_in_time_on_feet_mode() -> None:
    walk = swap_walk(run("easy", 3, minutes=20), "time_on_feet", default_rates())
    assert walk.minutes == 20.0
    assert "time on your feet" in walk.why


def test_the_swap_walk_covers_ground_at_the_brisk_pace() -> None:
    rates = default_rates()
    walk = swap_walk(run("easy", 3, minutes=20), "equivalent", rates)
    assert walk.distance_m == pytest.approx(60 * 60 * rates.brisk_speed_m_s)
    assert walk.steps == round(60 * rates.brisk_cadence_spm)
    assert walk.impact_bw_steps == pytest.approx(walk.steps * evidence.WALK_GRF_BW)


WEEK = [
    run("easy", 0, minutes=30),
    run("workout", 1, minutes=50),
    run("easy", 2, minutes=30),
    run("easy", 3, minutes=30),
    run("long", 5, minutes=100),
    run("easy", 6, minutes=30),
]


@pytest.mark.parametrize(
    ("count", "days"),
    [(1, [6]), (2, [6, 2]), (3, [6, 2, 3]), (4, [6, 2, 3, 0]), (9, [6, 2, 3, 0])],
)
def test_it_swaps_the_easy_runs_after_the_hardest_sessions_first(
    count: int, days: list[int]
) -> None:
    chosen = pick_easy_runs(WEEK, count)
    assert [r.date for r in chosen] == [day(n) for n in days]


def test_the_swapped_run_leaves_the_plan_and_its_walk_says_what_came_before() -> None:
    kept, walks = swap_easy_runs(WEEK, 1, "equivalent", default_rates())
    assert WEEK[5] not in kept and len(kept) == len(WEEK) - 1
    assert [(w.date, w.minutes) for w in walks] == [(day(6), 90.0)]
    assert "the day after your long run" in walks[0].why


def test_recovery_runs_and_race_day_runs_are_not_swapped() -> None:
    week = [run("race", 2, minutes=25), run("easy", 2, minutes=15), run("recovery", 3, minutes=30)]
    kept, walks = swap_easy_runs(week, 2, "equivalent", default_rates(), keep_dates={day(2)})
    assert walks == [] and kept == week


def test_no_swaps_asked_none_made() -> None:
    kept, walks = swap_easy_runs(WEEK, 0, "equivalent", default_rates())
    assert (kept, walks) == (WEEK, [])
