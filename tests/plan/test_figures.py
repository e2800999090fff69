"""A week's figures: run and walk minutes, impact, run-equivalent minutes, floor days."""

from __future__ import annotations

import pytest
from rules_support import day, default_rates, run

from footfall.plan.estimate import planned_walk
from footfall.plan.figures import week_figures
from footfall.plan.model import Intensity, PlannedSession


def walk(on: int, minutes: float, intensity: Intensity = "moderate") -> PlannedSession:
    rates = default_rates()
    return planned_walk(
        day(on), minutes, role="second", rule="R2", why="", intensity=intensity, rates=rates
    )


def test_brisk_walks_count_a_third_toward_run_equivalent_minutes_and_light_walks_nothing() -> None:
    sessions = [run("easy", 0, minutes=30), walk(0, 45), walk(1, 30, "light")]
    figures = week_figures(sessions, {}, 8000)
    assert figures.run_min == 30
    assert figures.walk_min == 75
    assert figures.time_on_feet_min == 105
    assert figures.run_equiv_min == pytest.approx(30 + 45 / 3)
    assert figures.impact_bw_steps == pytest.approx(sum(s.impact_bw_steps for s in sessions))


def test_floor_days_count_walk_steps_but_not_run_steps_and_not_unknown_days() -> None:
    brisk = walk(1, 45)
    sessions = [run("long", 0, miles=20), brisk]
    baselines = {day(0): 7000, day(1): 8000 - brisk.steps, day(2): None, day(3): 9000}
    assert week_figures(sessions, baselines, 8000).floor_days == 2  # days 1 and 3
