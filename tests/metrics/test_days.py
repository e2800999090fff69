"""Local days: bouts shared across midnight, DST days, device totals, the step floor."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from footfall.activity import DaySteps
from footfall.evidence import RUN_GRF_BW, WALK_GRF_BW
from footfall.formats import decode
from footfall.formats.source import file_source
from footfall.metrics.days import (
    DayShare,
    day_figures,
    day_length_s,
    day_shares,
    device_total,
    split_bout,
    whole,
)
from footfall.metrics.measured import Bout, Gait

LONDON = ZoneInfo("Europe/London")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")
FLOOR = 8000
#: Zones with odd rules: 30-minute DST (Lord Howe), +05:45, +12:45/+13:45, DST at
#: midnight (Santiago), a fixed offset, and UTC.
ZONES = [
    LONDON,
    LOS_ANGELES,
    ZoneInfo("Australia/Lord_Howe"),
    ZoneInfo("Asia/Kathmandu"),
    ZoneInfo("Pacific/Chatham"),
    ZoneInfo("America/Santiago"),
    dt.timezone(dt.timedelta(hours=-7)),
    dt.UTC,
]
MULTIPLE = {"run": RUN_GRF_BW, "walk": WALK_GRF_BW, "hike": WALK_GRF_BW, "stopped": 0.0}
SPM = {"run": 170.0, "walk": 115.0, "hike": 95.0, "stopped": 0.0}
SPEED_M_S = {"run": 3.0, "walk": 1.6, "hike": 1.0, "stopped": 0.0}


def local(zone: dt.tzinfo, *when: int, fold: int = 0) -> float:
    """Epoch seconds of a local wall-clock time (year, month, day, hour, minute)."""
    year, month, day, hour, minute = when
    return dt.datetime(year, month, day, hour, minute, tzinfo=zone, fold=fold).timestamp()


def bout(gait: Gait, start_s: float, end_s: float, *, brisk: bool = True) -> Bout:
    """A bout with no pauses, steps at a typical cadence, impact by E1."""
    moving = end_s - start_s
    steps = SPM[gait] * moving / 60.0
    on_walk = gait in ("walk", "hike")
    return Bout(
        gait=gait,
        start_s=start_s,
        end_s=end_s,
        moving_s=moving,
        distance_m=SPEED_M_S[gait] * moving,
        steps=steps,
        brisk_s=moving if on_walk and brisk else 0.0,
        impact_bw_steps=steps * MULTIPLE[gait],
    )


# --- the length of a local day ----------------------------------------------------------


@pytest.mark.parametrize(
    ("zone", "day", "hours"),
    [
        (LONDON, dt.date(2026, 3, 29), 23),
        (LONDON, dt.date(2026, 10, 25), 25),
        (LONDON, dt.date(2026, 10, 26), 24),
        (LOS_ANGELES, dt.date(2026, 3, 8), 23),
        (LOS_ANGELES, dt.date(2026, 11, 1), 25),
    ],
)
def test_a_day_when_the_clocks_change_is_23_or_25_hours(
    zone: ZoneInfo, day: dt.date, hours: int
) -> None:
    start = dt.datetime.combine(day, dt.time(0), tzinfo=zone).timestamp()
    whole_day = bout("walk", start, start + hours * 3600)

    shares = day_shares([whole_day], zone)

    assert day_length_s(day, zone) == hours * 3600
    assert [s.date for s in shares] == [day]
    assert shares[0].walk_s == hours * 3600


# --- bouts near midnight ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("zone", "saturday"),
    [
        (LONDON, dt.date(2026, 3, 28)),  # BST starts at 01:00 on Sunday
        (LONDON, dt.date(2026, 10, 24)),  # BST ends at 02:00 on Sunday
        (LOS_ANGELES, dt.date(2026, 3, 7)),  # PDT starts at 02:00 on Sunday
        (LOS_ANGELES, dt.date(2026, 10, 31)),  # PDT ends at 02:00 on Sunday
    ],
)
def test_a_run_from_2350_is_shared_between_saturday_and_sunday(
    zone: ZoneInfo, saturday: dt.date
) -> None:
    start = local(zone, saturday.year, saturday.month, saturday.day, 23, 50)

    shares = day_shares([bout("run", start, start + 20 * 60)], zone)

    sunday = saturday + dt.timedelta(days=1)
    assert [(s.date, s.run_s) for s in shares] == [(saturday, 600.0), (sunday, 600.0)]
    assert shares[0].run_steps == pytest.approx(1700.0)
    assert shares[1].impact_bw_steps == pytest.approx(1700.0 * RUN_GRF_BW)


def test_a_late_walk_in_los_angeles_stays_on_its_local_day_not_the_utc_one() -> None:
    start = local(LOS_ANGELES, 2026, 3, 7, 23, 10)  # 07:10 UTC on Sunday

    shares = day_shares([bout("walk", start, start + 40 * 60)], LOS_ANGELES)

    assert [(s.date, s.walk_s) for s in shares] == [(dt.date(2026, 3, 7), 2400.0)]


def test_a_walk_through_the_missing_hour_counts_its_real_time() -> None:
    start = local(LONDON, 2026, 3, 29, 0, 30)  # GMT
    end = local(LONDON, 2026, 3, 29, 3, 30)  # BST: two real hours later

    shares = day_shares([bout("walk", start, end)], LONDON)

    assert [(s.date, s.walk_s) for s in shares] == [(dt.date(2026, 3, 29), 7200.0)]


def test_a_walk_through_the_repeated_hour_counts_its_real_time() -> None:
    start = local(LOS_ANGELES, 2026, 11, 1, 0, 30)
    end = local(LOS_ANGELES, 2026, 11, 1, 1, 30, fold=1)  # the second 01:30 (PST)

    shares = day_shares([bout("hike", start, end)], LOS_ANGELES)

    assert [(s.date, s.hike_s) for s in shares] == [(dt.date(2026, 11, 1), 7200.0)]


def test_a_bout_of_no_length_belongs_to_the_day_it_happens_on() -> None:
    at = local(LONDON, 2026, 6, 1, 0, 0)

    (share,) = split_bout(Bout("walk", at, at, 0.0, 0.0, 12.0, 0.0, 14.4), LONDON)

    assert (share.date, share.other_steps, share.impact_bw_steps) == (dt.date(2026, 6, 1), 12, 14.4)


def test_a_stop_past_midnight_gives_the_next_day_nothing() -> None:
    start = local(LONDON, 2026, 6, 1, 23, 0)
    walk = bout("walk", start, start + 1800)
    stop = bout("stopped", start + 1800, start + 7200)

    shares = day_shares([walk, stop], LONDON)

    assert [s.date for s in shares] == [dt.date(2026, 6, 1)]


# --- device totals and a day's steps ------------------------------------------------------


def test_device_totals_from_two_overlapping_sources_are_not_summed() -> None:
    day = dt.date(2026, 5, 4)
    rows = [
        DaySteps(day, 9100, "apple_health:Watch"),
        DaySteps(day, 7400, "apple_health:iPhone"),
        DaySteps(day + dt.timedelta(days=1), 20000, "apple_health:Watch"),
    ]

    figures = day_figures(day, [], rows, FLOOR)

    assert (figures.steps, figures.steps_source) == (9100, "device")
    assert (figures.device_steps, figures.device_source) == (9100, "apple_health:Watch")
    assert figures.floor_met is True


def test_a_runs_steps_are_subtracted_once_from_the_device_total() -> None:
    day = dt.date(2026, 5, 4)
    start = local(LONDON, 2026, 5, 4, 7, 0)
    run = bout("run", start, start + 40 * 60)  # 6,800 steps
    walk = bout("walk", start + 3600, start + 3600 + 20 * 60)  # 2,300 steps
    rows = [DaySteps(day, 14000, "watch"), DaySteps(day, 13000, "phone")]

    figures = day_figures(day, day_shares([run, walk], LONDON), rows, FLOOR)

    assert figures.steps == 14000
    assert figures.steps_outside_runs == pytest.approx(14000 - 6800)
    assert figures.floor_met is False
    assert figures.floor_note is None
    assert figures.run_min == pytest.approx(40.0)
    assert figures.walk_min == pytest.approx(20.0)
    assert figures.time_on_feet_min == pytest.approx(60.0)
    assert figures.run_equiv_min == pytest.approx(40.0 + 20.0 / 3)
    assert figures.impact_bw_steps == pytest.approx(6800 * 2.5 + 2300 * 1.2)


def test_a_device_total_smaller_than_the_workouts_is_raised_to_them() -> None:
    day = dt.date(2026, 5, 4)
    start = local(LONDON, 2026, 5, 4, 7, 0)
    run = bout("run", start, start + 60 * 60)  # 10,200 steps
    rows = [DaySteps(day, 4000, "phone left at home")]

    figures = day_figures(day, day_shares([run], LONDON), rows, FLOOR)

    assert figures.steps == pytest.approx(10200)
    assert figures.steps_source == "activities"
    assert figures.steps_outside_runs == 0
    assert figures.floor_met is None
    assert figures.floor_note is not None
    assert "less than the recorded activities (10,200)" in figures.floor_note


def test_without_a_device_total_long_walks_alone_can_meet_the_floor() -> None:
    day = dt.date(2026, 5, 4)
    start = local(LONDON, 2026, 5, 4, 9, 0)
    walk = bout("walk", start, start + 75 * 60)  # 8,625 steps

    figures = day_figures(day, day_shares([walk], LONDON), [], FLOOR)

    assert (figures.steps_source, figures.floor_met) == ("activities", True)
    assert whole(figures.steps) == 8625


def test_without_a_device_total_short_walks_leave_the_floor_unknown() -> None:
    day = dt.date(2026, 5, 4)
    start = local(LONDON, 2026, 5, 4, 9, 0)
    run, walk = bout("run", start, start + 3600), bout("walk", start + 3600, start + 4200)
    shares = day_shares([run, walk], LONDON)

    figures = day_figures(day, shares, [], FLOOR)

    assert (figures.steps_source, figures.floor_met) == ("activities", None)
    assert figures.floor_note == (
        "no device step total for this day; recorded walking gives 1,150 of 8,000 steps"
    )


def test_a_day_with_nothing_recorded_says_so() -> None:
    figures = day_figures(dt.date(2026, 5, 4), [], [], FLOOR)

    assert (figures.steps, figures.steps_source, figures.floor_met) == (0, "none", None)
    assert figures.floor_note == "no step count for this day"


def test_an_apple_health_export_day_takes_its_largest_source(corpus: Path) -> None:
    export = decode(file_source(corpus / "other" / "hkimport__export.xml"))
    day = dt.date(2017, 3, 5)

    total = device_total(export.day_steps, day)
    figures = day_figures(day, [], export.day_steps, FLOOR)

    sources = {row.source: row.steps for row in export.day_steps if row.date == day}
    assert sources == {"apple_health:Health": 76, "apple_health:Jonathan’s iPhone": 1307}
    assert total == DaySteps(day, 1307, "apple_health:Jonathan’s iPhone")
    assert (figures.steps, figures.floor_met) == (1307, False)


# --- properties ---------------------------------------------------------------------------

START_2020 = dt.datetime(2020, 1, 1, tzinfo=dt.UTC).timestamp()
END_2030 = dt.datetime(2030, 12, 31, tzinfo=dt.UTC).timestamp()


@st.composite
def bouts(draw: st.DrawFn, near: float | None = None) -> Bout:
    """A bout of up to three days; ``moving_s``, brisk time and steps within reason."""
    low, high = (START_2020, END_2030) if near is None else (near, near + 7 * 86400)
    start = draw(st.floats(low, high))
    length = draw(st.floats(0, 3 * 86400))
    gait: Gait = draw(st.sampled_from(["run", "walk", "hike", "stopped"]))
    moving = length * draw(st.floats(0, 1))
    steps = 0.0 if gait == "stopped" else moving * draw(st.floats(0, 4))
    brisk = moving * draw(st.floats(0, 1)) if gait in ("walk", "hike") else 0.0
    distance = moving * draw(st.floats(0, 6))
    return Bout(gait, start, start + length, moving, distance, steps, brisk, steps * MULTIPLE[gait])


AMOUNTS = ("moving_s", "distance_m", "steps", "brisk_s", "impact_bw_steps")


def _totals(shares: list[DayShare]) -> dict[str, float]:
    return {
        "moving_s": math.fsum(s.time_on_feet_s for s in shares),
        "distance_m": math.fsum(s.run_distance_m + s.walk_distance_m for s in shares),
        "steps": math.fsum(s.steps for s in shares),
        "brisk_s": math.fsum(s.brisk_s for s in shares),
        "impact_bw_steps": math.fsum(s.impact_bw_steps for s in shares),
    }


@settings(max_examples=300, deadline=None)
@given(bouts(), st.sampled_from(ZONES))
def test_splitting_a_bout_by_day_conserves_its_seconds_steps_and_impact(
    one: Bout, zone: dt.tzinfo
) -> None:
    shares = split_bout(one, zone)

    totals = _totals(shares)
    for name in AMOUNTS:
        expected = 0.0 if one.gait == "stopped" and name in ("moving_s", "distance_m") else None
        want = getattr(one, name) if expected is None else expected
        assert totals[name] == pytest.approx(want, rel=1e-9, abs=1e-6), name
    days = [s.date for s in shares]
    assert days == [days[0] + dt.timedelta(days=n) for n in range(len(days))]


@settings(max_examples=300, deadline=None)
@given(bouts(), st.sampled_from(ZONES))
def test_no_day_gets_more_of_a_bout_than_the_day_is_long(one: Bout, zone: dt.tzinfo) -> None:
    unpaused = Bout("walk", one.start_s, one.end_s, one.end_s - one.start_s, 0, 0, 0, 0)

    for share in split_bout(unpaused, zone):
        assert share.walk_s <= day_length_s(share.date, zone) + 1e-6
        assert share.walk_s >= 0


@settings(max_examples=200, deadline=None)
@given(st.lists(bouts(), max_size=12), st.sampled_from(ZONES))
def test_impact_load_is_the_sum_of_steps_times_their_multiple(
    many: list[Bout], zone: dt.tzinfo
) -> None:
    for share in day_shares(many, zone):
        walk_like = share.other_steps * WALK_GRF_BW
        assert share.impact_bw_steps == pytest.approx(
            share.run_steps * RUN_GRF_BW + walk_like, rel=1e-9, abs=1e-6
        )


@settings(max_examples=200, deadline=None)
@given(st.lists(bouts(), max_size=12), st.sampled_from(ZONES))
def test_nothing_a_day_gets_is_negative(many: list[Bout], zone: dt.tzinfo) -> None:
    for share in day_shares(many, zone):
        assert min(share.run_s, share.walk_s, share.hike_s, share.brisk_s) >= 0
        assert min(share.run_steps, share.other_steps, share.impact_bw_steps) >= 0
        assert share.brisk_s <= share.walk_s + share.hike_s + 1e-6


DAY = dt.date(2026, 5, 4)
DAY_START = local(LONDON, 2026, 5, 4, 0, 0)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(bouts(near=DAY_START - 86400), max_size=8),
    st.lists(st.integers(0, 30000), max_size=3),
    st.integers(1, 20000),
)
def test_the_floor_is_met_surely_missed_or_unknown_as_the_counts_allow(
    many: list[Bout], device_counts: list[int], floor: int
) -> None:
    rows = [DaySteps(DAY, n, f"source {i}") for i, n in enumerate(device_counts)]
    shares = day_shares(many, LONDON)
    mine = [s for s in shares if s.date == DAY]

    figures = day_figures(DAY, shares, rows, floor)

    recorded = math.fsum(s.steps for s in mine)
    run_steps = math.fsum(s.run_steps for s in mine)
    device = max(device_counts, default=None)
    assert figures.steps == pytest.approx(max(device or 0, recorded))
    assert figures.steps_outside_runs == pytest.approx(max(0.0, figures.steps - run_steps))
    assert figures.steps_outside_runs >= 0
    reached = whole(figures.steps_outside_runs) >= floor
    device_holds_day = device is not None and device >= whole(recorded)
    if reached:
        assert figures.floor_met is True
    elif device_holds_day:
        assert figures.floor_met is False
    else:
        assert figures.floor_met is None
    assert (figures.floor_note is None) == (figures.floor_met is not None)
    assert figures.steps_source == (
        "device" if device_holds_day else ("activities" if mine else "none")
    )
