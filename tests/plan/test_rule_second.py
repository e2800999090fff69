"""R2 second workout: on a two-a-day, a walk lower in intensity than the first session."""

from __future__ import annotations

import dataclasses

import pytest
from rules_support import day, default_rates, run

from footfall import evidence
from footfall.plan.estimate import planned_walk
from footfall.plan.model import INTENSITY_ORDER, SessionType
from footfall.plan.rules.second import second_walk, second_walks


@pytest.mark.parametrize("kind", ["easy", "workout", "long", "race"])
def test_the_second_walk_is_lower_in_intensity_than_the_run(kind: SessionType) -> None:
    first = run(kind, 2, minutes=50)
    walk = second_walk([first], default_rates())
    assert walk is not None
    assert INTENSITY_ORDER[walk.intensity] < INTENSITY_ORDER[first.intensity]
    assert (first.intensity, walk.intensity) == ("vigorous", "moderate")
    assert (walk.kind, walk.role, walk.rule, walk.date) == ("walk", "second", "R2", day(2))
    assert walk.minutes == evidence.SECOND_WALK_MIN
    assert "R2" in walk.why and "lower in intensity" in walk.why


def test_after_a_recovery_run_the_second_walk_is_light_and_slower() -> None:
    rates = default_rates()
    walk = second_walk([run("recovery", 3, minutes=30)], rates)
    assert walk is not None
    assert walk.intensity == "light"
    speed = walk.distance_m / (walk.minutes * 60) if walk.distance_m else 0.0
    assert speed == pytest.approx(rates.light_speed_m_s)
    assert speed < evidence.BRISK_LOW_M_S
    assert walk.steps == round(walk.minutes * rates.light_cadence_spm)


def test_the_second_walk_follows_the_days_hardest_session() -> None:
    day_runs = [run("recovery", 1, minutes=20), run("workout", 1, minutes=45)]
    walk = second_walk(day_runs, default_rates())
    assert walk is not None and walk.intensity == "moderate"


def test_nothing_is_lower_than_a_light_session() -> None:
    rates = default_rates()
    light = planned_walk(day(4), 20, role="swap", rule="R3", why="", intensity="light", rates=rates)
    assert second_walk([light], rates) is None


def test_a_two_a_day_without_a_session_gets_no_second() -> None:
    walks = second_walks(
        {day(2): [run("workout", 2, minutes=50)]}, [day(2), day(3)], default_rates()
    )
    assert [w.date for w in walks] == [day(2)]


def test_after_a_brisk_swap_walk_the_second_is_light() -> None:
    rates = default_rates()
    swap = planned_walk(
        day(4), 60, role="swap", rule="R3", why="", intensity="moderate", rates=rates
    )
    walk = second_walk([dataclasses.replace(swap)], rates)
    assert walk is not None and walk.intensity == "light"
    assert "moderate walk" in walk.why
