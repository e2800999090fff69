"""A week Monday..Sunday in local days: DST weeks, its totals, its JSON (SPEC §3)."""

from __future__ import annotations

import datetime as dt
import math
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from footfall.activity import DaySteps
from footfall.evidence import RUN_GRF_BW, WALK_GRF_BW
from footfall.metrics.days import DayFigures, DayShare, day_figures, day_shares
from footfall.metrics.measured import Bout, Gait
from footfall.metrics.weeks import build_week, totals_of, week, week_dates, week_start_of

FLOOR = 8000
LONDON = ZoneInfo("Europe/London")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")
SPEC_DAY_KEYS = [
    "date",
    "steps",
    "steps_source",
    "steps_outside_runs",
    "floor_met",
    "run_min",
    "walk_min",
    "brisk_min",
    "time_on_feet_min",
    "impact_bw_steps",
    "run_equiv_min",
]


def at(zone: dt.tzinfo, day: dt.date, hour: int, minute: int = 0) -> float:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=zone).timestamp()


def bout(gait: Gait, start_s: float, minutes: float) -> Bout:
    """A bout without pauses: runs at 170 steps/min, brisk walks at 110."""
    seconds = minutes * 60.0
    steps = seconds / 60.0 * (170.0 if gait == "run" else 110.0)
    multiple = RUN_GRF_BW if gait == "run" else WALK_GRF_BW
    brisk = 0.0 if gait == "run" else seconds
    return Bout(
        gait, start_s, start_s + seconds, seconds, seconds * 2, steps, brisk, steps * multiple
    )


def test_the_week_of_a_day_starts_on_its_monday() -> None:
    assert week_start_of(dt.date(2026, 3, 29)) == dt.date(2026, 3, 23)  # a Sunday
    assert week_start_of(dt.date(2026, 3, 23)) == dt.date(2026, 3, 23)
    assert week_start_of(dt.date(2027, 1, 1)) == dt.date(2026, 12, 28)  # across the year


def test_a_week_must_start_on_a_monday() -> None:
    with pytest.raises(ValueError, match="2026-03-25 is a Wednesday"):
        week_dates(dt.date(2026, 3, 25))


def test_a_london_week_where_summer_time_starts_puts_each_activity_on_its_day() -> None:
    monday, sunday = dt.date(2026, 3, 23), dt.date(2026, 3, 29)
    activities = [
        [bout("run", at(LONDON, dt.date(2026, 3, 22), 23, 50), 20)],  # Sunday before
        [bout("walk", at(LONDON, sunday, 0, 30), 120)],  # through the missing hour
        [bout("run", at(LONDON, sunday, 23, 50), 20)],  # BST: 22:50 UTC
    ]
    shares = [s for one in activities for s in day_shares(one, LONDON)]

    figures = build_week(monday, shares, [], FLOOR)

    minutes = {d.date: (round(d.run_min, 6), round(d.walk_min, 6)) for d in figures.days}
    assert minutes[monday] == (10.0, 0.0)
    assert minutes[sunday] == (10.0, 120.0)
    assert [d.date for d in figures.days] == [monday + dt.timedelta(n) for n in range(7)]
    assert figures.totals.run_min == pytest.approx(20.0)
    assert figures.totals.walk_min == pytest.approx(120.0)


def test_a_los_angeles_week_where_summer_time_ends_puts_each_activity_on_its_day() -> None:
    monday, saturday, sunday = dt.date(2026, 10, 26), dt.date(2026, 10, 31), dt.date(2026, 11, 1)
    one_run = [bout("run", at(LOS_ANGELES, saturday, 23, 50), 20)]  # 06:50 UTC Sunday
    late = [bout("walk", at(LOS_ANGELES, sunday, 23, 0), 30)]  # PST: 07:00 UTC Monday
    rows = [DaySteps(sunday, 12000, "watch"), DaySteps(sunday, 11000, "phone")]
    shares = day_shares(one_run, LOS_ANGELES) + day_shares(late, LOS_ANGELES)

    figures = build_week(monday, shares, rows, FLOOR)

    by_date = {d.date: d for d in figures.days}
    assert by_date[saturday].run_min == pytest.approx(10.0)
    assert by_date[sunday].run_min == pytest.approx(10.0)
    assert by_date[sunday].walk_min == pytest.approx(30.0)
    assert by_date[sunday].steps == 12000
    assert by_date[sunday].steps_outside_runs == pytest.approx(12000 - 1700)
    assert by_date[sunday].floor_met is True
    assert by_date[saturday].floor_met is None


def test_a_los_angeles_week_where_summer_time_starts_counts_a_23_hour_sunday() -> None:
    monday, sunday = dt.date(2026, 3, 2), dt.date(2026, 3, 8)
    start, end = at(LOS_ANGELES, sunday, 0), at(LOS_ANGELES, sunday + dt.timedelta(days=1), 0)
    spanning = Bout("walk", start, end, end - start, 0, 0, 0, 0)

    figures = build_week(monday, day_shares([spanning], LOS_ANGELES), [], FLOOR)

    assert figures.days[-1].walk_min == pytest.approx(23 * 60)
    assert figures.totals.walk_min == pytest.approx(23 * 60)


def test_a_london_week_where_summer_time_ends_counts_a_25_hour_sunday() -> None:
    monday, sunday = dt.date(2026, 10, 19), dt.date(2026, 10, 25)
    start, end = at(LONDON, sunday, 0), at(LONDON, sunday + dt.timedelta(days=1), 0)
    spanning = Bout("hike", start, end, end - start, 0, 0, 0, 0)

    figures = build_week(monday, day_shares([spanning], LONDON), [], FLOOR)

    assert figures.days[-1].walk_min == pytest.approx(25 * 60)
    assert figures.days[-1].time_on_feet_min == pytest.approx(25 * 60)


def test_the_week_json_has_exactly_the_spec_shape() -> None:
    monday = dt.date(2026, 12, 7)
    shares = day_shares([bout("run", at(LONDON, monday, 7), 30)], LONDON)

    document = build_week(monday, shares, [DaySteps(monday, 11234, "csv")], FLOOR).to_json()

    assert list(document)[:3] == ["start", "days", "totals"]
    assert document["start"] == "2026-12-07"
    assert len(document["days"]) == 7
    first = document["days"][0]
    assert list(first)[: len(SPEC_DAY_KEYS)] == SPEC_DAY_KEYS
    assert first["steps"] == 11234
    assert first["steps_outside_runs"] == 11234 - 5100
    assert first["run_min"] == 30.0
    assert first["run_equiv_min"] == 30.0
    assert first["impact_bw_steps"] == 12750
    assert first["floor_met"] is False
    assert document["days"][1]["steps_source"] == "none"
    for key in ("run_min", "walk_min", "time_on_feet_min", "impact_bw_steps", "run_equiv_min"):
        assert key in document["totals"]
    assert document["totals"]["floor_days"] == 0


def test_days_of_other_weeks_are_left_out_and_missing_days_are_empty() -> None:
    monday = dt.date(2026, 12, 7)
    given = [
        DayFigures(monday + dt.timedelta(days=2), steps=500.0),
        DayFigures(monday - dt.timedelta(1)),
    ]

    built = week(monday, given)

    assert [d.steps for d in built.days] == [0, 0, 500.0, 0, 0, 0, 0]


def test_a_day_given_twice_is_refused() -> None:
    monday = dt.date(2026, 12, 7)
    with pytest.raises(ValueError, match="2026-12-07 is given twice"):
        week(monday, [DayFigures(monday), DayFigures(monday)])


# --- properties ---------------------------------------------------------------------------

MONDAY = dt.date(2026, 10, 19)  # the week London's summer time ends
START = at(LONDON, MONDAY, 0)


@st.composite
def shares_and_rows(draw: st.DrawFn) -> tuple[list[DayShare], list[DaySteps]]:
    many = draw(
        st.lists(
            st.builds(
                bout,
                st.sampled_from(["run", "walk", "hike"]),
                st.floats(START - 86400, START + 8 * 86400),
                st.floats(0, 600),
            ),
            max_size=15,
        )
    )
    rows = draw(
        st.lists(
            st.builds(
                DaySteps,
                st.dates(MONDAY - dt.timedelta(days=1), MONDAY + dt.timedelta(days=7)),
                st.integers(0, 40000),
                st.sampled_from(["watch", "phone", "csv"]),
            ),
            max_size=12,
        )
    )
    return day_shares(many, LONDON), rows


@settings(max_examples=200, deadline=None)
@given(shares_and_rows(), st.integers(1, 20000))
def test_day_figures_add_up_to_the_week_totals(
    made: tuple[list[DayShare], list[DaySteps]], floor: int
) -> None:
    shares, rows = made

    built = build_week(MONDAY, shares, rows, floor)

    totals = built.totals
    for name in ("steps", "steps_outside_runs", "run_min", "walk_min", "brisk_min"):
        assert getattr(totals, name) == pytest.approx(
            math.fsum(getattr(d, name) for d in built.days)
        )
    assert totals.time_on_feet_min == pytest.approx(totals.run_min + totals.walk_min)
    assert totals.run_equiv_min == pytest.approx(totals.run_min + totals.brisk_min / 3)
    assert totals.floor_days == sum(d.floor_met is True for d in built.days)
    document = built.to_json()
    printed = document["days"]
    for name in ("steps", "steps_outside_runs", "impact_bw_steps", "run_distance_m"):
        assert document["totals"][name] == sum(day[name] or 0 for day in printed)
    for day in printed:  # a day nothing counted steps on has them unknown, not 0
        unknown = day["steps_source"] == "none"
        assert (day["steps"] is None, day["steps_outside_runs"] is None) == (unknown, unknown)
    for name in ("run_min", "walk_min", "brisk_min", "time_on_feet_min", "run_equiv_min"):
        assert document["totals"][name] == pytest.approx(sum(day[name] for day in printed))
    assert document["totals"]["floor_days"] == sum(day["floor_met"] is True for day in printed)


@settings(max_examples=200, deadline=None)
@given(shares_and_rows(), st.integers(1, 20000))
def test_the_week_holds_every_share_of_its_days_and_no_other(
    made: tuple[list[DayShare], list[DaySteps]], floor: int
) -> None:
    shares, rows = made
    dates = set(week_dates(MONDAY))

    built = build_week(MONDAY, shares, rows, floor)

    inside = [s for s in shares if s.date in dates]
    assert built.totals.impact_bw_steps == pytest.approx(
        math.fsum(s.impact_bw_steps for s in inside)
    )
    assert built.totals.run_min * 60 == pytest.approx(math.fsum(s.run_s for s in inside))
    assert totals_of(built.days) == built.totals
    for day in built.days:
        assert day == day_figures(day.date, shares, rows, floor)
        assert day.steps >= 0 and day.steps_outside_runs >= 0
