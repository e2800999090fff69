"""A typical week inferred from the last four weeks (``--from-history``): the pure
inference on activities made in the test, then the demo runner's six real weeks
imported into a store."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

import footfall
from footfall.errors import UsageError
from footfall.plan.model import PlanOptions
from footfall.plan.sources import PastActivity, past_activities, plan_from_history, typical_week
from footfall.settings import Athlete
from footfall.store.database import Store, open_store
from tests_support import DEMO_END

MONDAY = dt.date(2026, 12, 7)
EASY_S_PER_KM = 360.0  # 6:00 min/km


def run(
    day: dt.date,
    minutes: float,
    s_per_km: float | None = EASY_S_PER_KM,
    fast_share: float | None = None,
    sport: str = "run",
) -> PastActivity:
    seconds = minutes * 60
    metres = None if s_per_km is None else seconds / s_per_km * 1000
    return PastActivity(day, sport, seconds, seconds, metres, metres, fast_share)


def walk(day: dt.date, minutes: float) -> PastActivity:
    return PastActivity(day, "walk", minutes * 60, 0.0, minutes * 60 * 1.6, None)


def weeks_before(week_start: dt.date, offset: int) -> list[dt.date]:
    """The day ``offset`` days into each of the four weeks before ``week_start``."""
    return [
        week_start - dt.timedelta(days=7 * back) + dt.timedelta(days=offset)
        for back in (4, 3, 2, 1)
    ]


def a_runners_month() -> list[PastActivity]:
    """Mondays easy (30-36 min), Wednesdays tempo at 5:00/km, Sundays long (90-120 min),
    one Thursday run, and a walk most days."""
    activities: list[PastActivity] = []
    for index, monday in enumerate(weeks_before(MONDAY, 0)):
        activities.append(run(monday, 30 + 2 * index))
        activities.append(run(monday + dt.timedelta(days=2), 40, s_per_km=300.0))
        activities.append(run(monday + dt.timedelta(days=6), 90 + 10 * index, s_per_km=375.0))
        activities.extend(walk(monday + dt.timedelta(days=d), 30) for d in range(7))
    activities.append(run(weeks_before(MONDAY, 3)[1], 45))
    return activities


def test_a_runners_usual_days_become_the_planned_week() -> None:
    plan = typical_week(a_runners_month(), MONDAY)
    got = [(s.date, s.type, s.minutes) for s in plan.sessions]
    assert got == [
        (MONDAY, "easy", 33.0),  # median of 30, 32, 34, 36
        (dt.date(2026, 12, 9), "workout", 40.0),  # 5:00/km: faster than the usual 6:00
        (dt.date(2026, 12, 13), "long", 105.0),  # median of 90, 100, 110, 120
    ]
    long_run = plan.sessions[-1]
    assert long_run.distance_m == pytest.approx(105 * 60 / 375 * 1000)
    assert plan.week_start == MONDAY
    assert plan.source == "history: 13 runs in the 4 weeks before 2026-12-07 (2026-11-09 on)"


def test_the_athlete_and_options_given_are_kept() -> None:
    athlete = Athlete().set(units="km")
    options = PlanOptions(swap_easy_runs=1)
    plan = typical_week(a_runners_month(), MONDAY, athlete=athlete, options=options)
    assert plan.athlete is athlete and plan.options is options
    assert plan.baseline_steps is None


def test_a_day_run_in_two_of_four_weeks_is_a_habit_and_one_week_is_not() -> None:
    twice = [run(day, 30) for day in weeks_before(MONDAY, 1)[2:]]
    once = [run(weeks_before(MONDAY, 4)[0], 50)]
    plan = typical_week(twice + once, MONDAY)
    assert [(s.date.weekday(), s.type) for s in plan.sessions] == [(1, "easy")]


def test_runs_of_about_the_same_length_have_no_long_run() -> None:
    activities = [
        run(day, minutes)
        for offset, minutes in ((0, 40), (2, 45), (4, 42))
        for day in weeks_before(MONDAY, offset)
    ]
    plan = typical_week(activities, MONDAY)
    assert [s.type for s in plan.sessions] == ["easy", "easy", "easy"]


def test_a_lone_run_is_long_only_from_ninety_minutes() -> None:
    short = typical_week([run(d, 60) for d in weeks_before(MONDAY, 5)], MONDAY)
    assert [s.type for s in short.sessions] == ["easy"]
    long = typical_week([run(d, 95) for d in weeks_before(MONDAY, 5)], MONDAY)
    assert [s.type for s in long.sessions] == ["long"]


def test_intervals_hidden_in_an_average_pace_are_a_workout_by_their_fast_share() -> None:
    activities = [run(d, 45) for d in weeks_before(MONDAY, 0)]
    activities += [run(d, 48, fast_share=0.3) for d in weeks_before(MONDAY, 1)]
    activities += [run(d, 45, fast_share=0.05) for d in weeks_before(MONDAY, 3)]
    plan = typical_week(activities, MONDAY)
    assert [(s.date.weekday(), s.type) for s in plan.sessions] == [
        (0, "easy"),
        (1, "workout"),
        (3, "easy"),
    ]


def test_a_run_just_under_eight_percent_faster_stays_easy() -> None:
    activities = [run(d, 40) for d in weeks_before(MONDAY, 0)]
    activities += [run(d, 40) for d in weeks_before(MONDAY, 4)]
    activities += [run(d, 40, s_per_km=EASY_S_PER_KM / 1.07) for d in weeks_before(MONDAY, 2)]
    plan = typical_week(activities, MONDAY)
    assert [s.type for s in plan.sessions] == ["easy", "easy", "easy"]
    faster = [run(d, 40, s_per_km=EASY_S_PER_KM / 1.10) for d in weeks_before(MONDAY, 2)]
    plan = typical_week(activities[:8] + faster, MONDAY)
    assert [s.type for s in plan.sessions] == ["easy", "workout", "easy"]


def test_two_runs_on_one_day_add_up() -> None:
    days = weeks_before(MONDAY, 2)
    activities = [run(d, 30) for d in days] + [run(d, 20) for d in days[:2]]
    plan = typical_week(activities, MONDAY)
    assert [s.minutes for s in plan.sessions] == [40.0]  # median of 50, 50, 30, 30


def test_a_treadmill_run_has_no_distance_but_is_planned() -> None:
    plan = typical_week([run(d, 35, s_per_km=None) for d in weeks_before(MONDAY, 3)], MONDAY)
    assert [(s.type, s.minutes, s.distance_m) for s in plan.sessions] == [("easy", 35.0, None)]


def test_a_week_may_start_on_any_day() -> None:
    sunday = dt.date(2026, 12, 6)
    activities = [run(d, 100) for d in weeks_before(sunday, 0)]
    activities += [run(d, 30) for d in weeks_before(sunday, 2)]
    plan = typical_week(activities, sunday)
    assert [(s.date, s.type) for s in plan.sessions] == [
        (sunday, "long"),
        (dt.date(2026, 12, 8), "easy"),
    ]


def test_runs_outside_the_four_weeks_and_walks_are_not_counted() -> None:
    old = [run(MONDAY - dt.timedelta(days=29 + 7 * k), 60) for k in range(3)]
    after = [run(MONDAY + dt.timedelta(days=7 * k), 60) for k in range(3)]
    walks = [walk(d, 60) for d in weeks_before(MONDAY, 2)]
    run_walks = [run(d, 30, sport="run_walk") for d in weeks_before(MONDAY, 4)]
    plan = typical_week(old + after + walks + run_walks, MONDAY)
    assert [(s.date.weekday(), s.minutes) for s in plan.sessions] == [(4, 30.0)]


def test_no_runs_at_all_is_a_usage_error_naming_the_window() -> None:
    with pytest.raises(UsageError) as caught:
        typical_week([walk(d, 40) for d in weeks_before(MONDAY, 0)], MONDAY)
    assert str(caught.value) == (
        "no runs in the 4 weeks before 2026-12-07 (2026-11-09 on): "
        "import some activities or give a plan file"
    )


def test_runs_without_a_weekly_pattern_are_a_usage_error() -> None:
    scattered = [run(MONDAY - dt.timedelta(days=days), 40) for days in (3, 9, 15, 21)]
    with pytest.raises(UsageError) as caught:
        typical_week(scattered, MONDAY)
    assert "fall on no day of the week in 2 of the 4 weeks" in str(caught.value)


# --- the demo runner, imported into a store ----------------------------------------------


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory, demo_folder: Path) -> Iterator[Store]:
    db = tmp_path_factory.mktemp("history") / "demo.sqlite"
    report = footfall.import_paths([demo_folder], db=str(db))
    assert not report.errors
    store = open_store(str(db))
    yield store
    store.close()


def test_the_demo_runners_usual_week_comes_back_from_the_store(demo_store: Store) -> None:
    """Mon/Wed/Sat easy, Tue intervals, Thu run/walk, Fri easy in 2 of the 4 weeks, Sun
    long run of 18, 20, 22, 24 km (demo/runner.py)."""
    week_start = DEMO_END + dt.timedelta(days=1)
    plan = plan_from_history(demo_store, week_start)
    assert [(s.date.strftime("%a"), s.type) for s in plan.sessions] == [
        ("Mon", "easy"),
        ("Tue", "workout"),
        ("Wed", "easy"),
        ("Thu", "easy"),
        ("Fri", "easy"),
        ("Sat", "easy"),
        ("Sun", "long"),
    ]
    long_run = plan.sessions[-1]
    assert long_run.distance_m == pytest.approx(21_000, rel=0.01)
    workout = plan.sessions[1]
    assert workout.minutes == pytest.approx(48.0, abs=0.5)  # 15 + 5 x 3 + 4 x 2 + 10


def test_the_stores_activities_carry_local_dates_running_parts_and_fast_shares(
    demo_store: Store,
) -> None:
    week_start = DEMO_END + dt.timedelta(days=1)
    activities = past_activities(demo_store, week_start)
    assert min(a.date for a in activities) == week_start - dt.timedelta(days=28)
    assert max(a.date for a in activities) == DEMO_END
    intervals = [a for a in activities if a.date.weekday() == 1 and a.is_run]
    assert len(intervals) == 4
    assert all(a.fast_share is not None and a.fast_share > 0.25 for a in intervals)
    run_walks = [a for a in activities if a.sport == "run_walk"]
    assert len(run_walks) == 4
    assert all(a.run_s < a.moving_s for a in run_walks)
    assert all(
        a.run_distance_m is not None and a.run_distance_m < (a.distance_m or 0) for a in run_walks
    )
