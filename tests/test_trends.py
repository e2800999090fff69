"""The runner's own trend (R8): weekly points that agree with ``footfall week``, the
impact split by gait, check-ins in their weeks, the habit ladder, and the sentences
that set last week beside the four before it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import math
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import footfall
from footfall.errors import UsageError
from footfall.evidence import RUN_GRF_BW
from footfall.metrics.weeks import week_start_of
from footfall.plan.model import LadderState
from footfall.store.checkins import add_checkin
from footfall.store.database import Store, open_store
from footfall.store.ladder import start_ladder
from footfall.store.read import load_week
from footfall.trends import (
    NOT_ENOUGH_WEEKS,
    WeekPoint,
    ladder_point,
    last_full_week_end,
    rungs_climbed,
    runner_trend,
    self_comparison,
    weekly_trend,
)
from tests_support import DEMO_END, store_copy

DEMO_FIRST_MONDAY = dt.date(2026, 2, 9)  # six weeks before DEMO_END


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory, demo_folder: Path) -> Path:
    db = tmp_path_factory.mktemp("trends") / "demo.sqlite"
    report = footfall.import_paths([demo_folder], db=str(db))
    assert not report.errors
    return db


@pytest.fixture(scope="module")
def demo_store(demo_db: Path) -> Iterator[Store]:
    store = open_store(str(demo_db))
    yield store
    store.close()


@pytest.fixture
def own_store(demo_db: Path, tmp_path: Path) -> Iterator[Store]:
    """A copy of the demo store this test may change."""
    with store_copy(demo_db, tmp_path / "copy.sqlite") as store:
        yield store


def point(**figures: float) -> WeekPoint:
    """A week with the given figures, nothing else recorded (the start is set later)."""
    empty = {field.name: 0 for field in dataclasses.fields(WeekPoint) if field.name != "start"}
    empty["floor_unknown_days"] = 7
    return WeekPoint(start=dt.date(2026, 1, 5), **(empty | figures))  # type: ignore[arg-type]


def weeks_of(*points: WeekPoint) -> list[WeekPoint]:
    return [
        dataclasses.replace(p, start=dt.date(2026, 1, 5) + dt.timedelta(weeks=n))
        for n, p in enumerate(points)
    ]


# --- weekly points against the store ------------------------------------------------------


@settings(max_examples=25, deadline=None)
@given(
    until=st.dates(DEMO_FIRST_MONDAY - dt.timedelta(days=20), DEMO_END + dt.timedelta(days=20)),
    weeks=st.integers(1, 9),
)
def test_each_week_is_the_sum_of_the_days_footfall_week_shows(
    demo_store: Store, until: dt.date, weeks: int
) -> None:
    points = weekly_trend(demo_store, weeks=weeks, until=until)
    assert len(points) == weeks
    assert points[-1].start == week_start_of(until)
    for earlier, later in itertools.pairwise(points):
        assert later.start - earlier.start == dt.timedelta(weeks=1)
    for p in points:
        days = load_week(demo_store, p.start).days
        for name in ("time_on_feet_min", "run_min", "walk_min", "brisk_min", "run_equiv_min",
                     "steps_outside_runs"):  # fmt: skip
            assert getattr(p, name) == pytest.approx(math.fsum(getattr(d, name) for d in days))
        assert p.impact_bw_steps == pytest.approx(math.fsum(d.impact_bw_steps for d in days))
        assert p.floor_days == sum(d.floor_met is True for d in days)
        assert p.floor_unknown_days == sum(d.floor_met is None for d in days)


def test_the_runs_part_of_the_impact_is_their_steps_times_two_and_a_half_body_weights(
    demo_store: Store,
) -> None:
    points = weekly_trend(demo_store, weeks=6, until=DEMO_END)
    for p in points:
        run_steps = load_week(demo_store, p.start).totals.run_steps
        assert run_steps > 20_000  # the demo runner runs every week
        assert p.run_impact_bw_steps == pytest.approx(run_steps * RUN_GRF_BW, rel=1e-9)
        assert 0 < p.walk_impact_bw_steps < p.run_impact_bw_steps


def test_the_demo_runners_last_week_is_as_footfall_week_prints_it(demo_store: Store) -> None:
    last = weekly_trend(demo_store, weeks=1, until=DEMO_END)[0]
    printed = footfall.week(DEMO_END, db=demo_store.url).to_json()["totals"]
    assert last.start == dt.date(2026, 3, 16)
    # The printed totals add up the printed days (each to 0.1 min): within 7 x 0.05 min.
    assert last.time_on_feet_min == pytest.approx(printed["time_on_feet_min"], abs=0.35)
    assert last.run_min == pytest.approx(printed["run_min"], abs=0.35)
    assert last.floor_days == printed["floor_days"]
    assert round(last.impact_bw_steps) == pytest.approx(printed["impact_bw_steps"], abs=1)


def test_weeks_before_the_first_import_are_empty(demo_store: Store) -> None:
    points = weekly_trend(demo_store, weeks=8, until=DEMO_END)
    assert [p.has_record() for p in points] == [False, False] + [True] * 6
    assert points[0].time_on_feet_min == 0 and points[0].floor_unknown_days == 7


def test_check_ins_count_in_the_week_of_their_day(own_store: Store) -> None:
    answers = [
        (dt.date(2026, 3, 10), "stronger", "higher"),
        (dt.date(2026, 3, 15), "weaker", "higher"),  # a Sunday: still that week
        (dt.date(2026, 3, 16), "stronger", "lower"),
        (dt.date(2026, 3, 18), "same", "same"),
    ]
    with own_store.transaction() as session:
        for day, legs, energy in answers:
            add_checkin(session, legs=legs, energy=energy, date=day, today=DEMO_END)
    before, last = weekly_trend(own_store, weeks=2, until=DEMO_END)
    assert (before.checkins, before.legs_stronger, before.legs_weaker) == (2, 1, 1)
    assert (before.energy_higher, before.energy_lower) == (2, 0)
    assert (last.checkins, last.legs_stronger, last.legs_weaker) == (2, 1, 0)
    assert (last.energy_higher, last.energy_lower) == (0, 1)


def test_a_trend_needs_a_sensible_number_of_weeks(demo_store: Store) -> None:
    for weeks in (0, -3, 521):
        with pytest.raises(UsageError, match="--weeks"):
            weekly_trend(demo_store, weeks=weeks, until=DEMO_END)


def test_the_trend_holds_every_day_of_its_weeks_against_the_floor(demo_store: Store) -> None:
    trend = runner_trend(demo_store, weeks=4, until=DEMO_END)
    assert len(trend.days) == 28
    assert trend.days[0].date == dt.date(2026, 2, 23) and trend.days[-1].date == DEMO_END
    assert trend.step_floor == 8000
    met = [d for d in trend.days if d.floor_met]
    assert met and all(d.steps_outside_runs >= 8000 for d in met)
    assert sum(d.floor_met is True for d in trend.days) == sum(p.floor_days for p in trend.weeks)


def test_a_week_point_in_json_has_whole_steps_and_tenths_of_minutes(demo_store: Store) -> None:
    document = weekly_trend(demo_store, weeks=1, until=DEMO_END)[0].to_json()
    assert document["start"] == "2026-03-16"
    assert isinstance(document["run_impact_bw_steps"], int)
    assert isinstance(document["steps_outside_runs"], int)
    assert document["time_on_feet_min"] == round(document["time_on_feet_min"], 1)


# --- the habit ladder ---------------------------------------------------------------------


def test_there_is_no_ladder_until_a_reluctant_walker_plans(demo_store: Store) -> None:
    assert ladder_point(demo_store) is None
    assert runner_trend(demo_store, weeks=1, until=DEMO_END).ladder is None


def test_a_started_ladder_shows_its_first_rung(own_store: Store) -> None:
    with own_store.transaction() as session:
        start_ladder(session, DEMO_END)
    ladder = ladder_point(own_store)
    assert ladder is not None
    assert (ladder.step_ft, ladder.walks_done, ladder.rungs_ft) == (100.0, 0, (100.0,))


def test_the_rungs_climbed_grow_one_and_a_half_times_a_walk() -> None:
    assert rungs_climbed(LadderState(337.5, 3, 5.0)) == (100.0, 150.0, 225.0, 337.5)


# --- whole weeks ----------------------------------------------------------------------------


@given(st.dates(dt.date(2000, 1, 1), dt.date(2100, 1, 1)))
def test_the_last_full_week_ends_on_the_sunday_on_or_before_today(today: dt.date) -> None:
    sunday = last_full_week_end(today)
    assert sunday.weekday() == 6
    assert today - dt.timedelta(days=6) <= sunday <= today


# --- you against your last weeks -------------------------------------------------------------


def test_one_recorded_week_is_not_enough_to_compare() -> None:
    assert self_comparison([]) == [NOT_ENOUGH_WEEKS]
    empty_then_one = weeks_of(point(), point(), point(time_on_feet_min=300))
    assert self_comparison(empty_then_one) == [NOT_ENOUGH_WEEKS]
    assert "Not enough weeks yet" in NOT_ENOUGH_WEEKS


def test_last_week_is_set_beside_the_mean_of_the_four_before_it() -> None:
    minutes = [900, 200, 250, 300, 250, 300]  # the 900 is five weeks back: left out
    sentences = self_comparison(weeks_of(*(point(time_on_feet_min=m) for m in minutes)))
    on_feet = sentences[0]
    assert on_feet.startswith("Time on feet: 300 min last week")
    assert "up 20% on your mean of 250 min a week over the 4 weeks before" in on_feet


def test_a_fall_and_a_small_change_read_as_such() -> None:
    def walked(**figures: float) -> WeekPoint:
        return point(time_on_feet_min=300, **figures)

    down = self_comparison(weeks_of(walked(brisk_min=100), walked(brisk_min=60)))
    assert "Brisk walking (E4): 60 min last week, down 40% on your mean of 100 min" in down[2]
    assert "over the week before" in down[2]
    same = self_comparison(weeks_of(walked(run_equiv_min=200), walked(run_equiv_min=204)))
    assert "about the same as your mean of 200 min" in same[1]
    start = self_comparison(weeks_of(walked(run_equiv_min=0), walked(run_equiv_min=30)))
    assert "30 min last week, up from none in the week before" in start[1]


def test_the_impact_sentence_splits_last_week_by_gait() -> None:
    weeks = weeks_of(
        point(time_on_feet_min=300, run_impact_bw_steps=100_000, walk_impact_bw_steps=20_000),
        point(time_on_feet_min=300, run_impact_bw_steps=120_000, walk_impact_bw_steps=24_000),
    )
    impact = self_comparison(weeks)[3]
    assert impact.startswith("Impact load (E1): 144,000 body-weight steps last week")
    assert "(120,000 from runs, 24,000 from walks)" in impact
    assert "up 20% on your mean of 120,000 a week" in impact


def test_the_floor_sentence_counts_days_met_and_days_that_cannot_tell() -> None:
    weeks = weeks_of(
        point(floor_days=2, floor_unknown_days=0, steps_outside_runs=40_000),
        point(floor_days=3, floor_unknown_days=0, steps_outside_runs=45_000),
        point(floor_days=4, floor_unknown_days=2, steps_outside_runs=50_000),
    )
    floor = self_comparison(weeks)[4]
    assert "met on 4 of 7 days last week (2 more could not tell" in floor
    assert "against 2.5 days a week over the 2 weeks before" in floor


def test_how_the_runner_felt_is_counted_from_their_check_ins() -> None:
    weeks = weeks_of(
        point(time_on_feet_min=100, checkins=3, legs_stronger=1, energy_higher=2),
        point(time_on_feet_min=100, checkins=2, legs_stronger=2, energy_lower=1),
    )
    felt = self_comparison(weeks)[5]
    assert "2 check-ins last week, legs stronger after 2 and weaker after 0" in felt
    assert "energy higher after 0 and lower after 1" in felt
    assert "in the week before, legs felt stronger after 1 of 3 check-ins" in felt
    none_yet = self_comparison(weeks_of(point(time_on_feet_min=9), point(time_on_feet_min=9)))
    assert "no check-ins yet" in none_yet[5] and "footfall checkin" in none_yet[5]


def test_the_demo_runners_sentences_use_their_own_numbers(demo_store: Store) -> None:
    points = weekly_trend(demo_store, weeks=6, until=DEMO_END)
    last = load_week(demo_store, dt.date(2026, 3, 16)).totals
    before = [load_week(demo_store, p.start).totals for p in points[1:5]]
    mean_on_feet = math.fsum(t.time_on_feet_min for t in before) / 4
    sentences = self_comparison(points)
    assert len(sentences) == 6
    assert f"{round(last.time_on_feet_min):,} min last week" in sentences[0]
    assert f"your mean of {round(mean_on_feet):,} min" in sentences[0]
    assert f"{round(last.impact_bw_steps):,} body-weight steps" in sentences[3]
    assert f"met on {last.floor_days} of 7 days" in sentences[4]
    mean_floor = sum(t.floor_days for t in before) / 4
    assert f"against {math.floor(mean_floor * 10 + 0.5) / 10:.1f} days a week" in sentences[4]
