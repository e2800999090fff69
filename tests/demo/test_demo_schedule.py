"""The demo runner's six weeks, as a schedule: what a week holds, when, how far, how fast."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from footfall.demo import TIME_ZONE, PlannedActivity, demo_schedule

END = dt.date(2026, 3, 22)  # a Sunday; the six weeks hold the switch to summer time (8 March)
FIRST = END - dt.timedelta(days=41)


@pytest.fixture(scope="module")
def schedule() -> list[PlannedActivity]:
    return demo_schedule(END, seed=7)


def week_of(activity: PlannedActivity) -> int:
    return (activity.start.date() - FIRST).days // 7


def by_week(schedule: list[PlannedActivity], *kinds: str) -> Counter[int]:
    return Counter(week_of(a) for a in schedule if a.kind in kinds)


def pace_min_per_km(activity: PlannedActivity) -> float:
    return activity.minutes / (activity.distance_m / 1000)


def test_it_covers_the_42_days_ending_on_the_given_day(schedule: list[PlannedActivity]) -> None:
    days = {a.start.date() for a in schedule}
    assert min(days) == FIRST
    assert max(days) == END
    assert [a.start for a in schedule] == sorted(a.start for a in schedule)


def test_every_week_has_three_or_four_easy_runs(schedule: list[PlannedActivity]) -> None:
    easy = by_week(schedule, "easy")
    assert sorted(easy) == list(range(6))
    assert set(easy.values()) == {3, 4}


def test_every_week_has_one_workout_one_long_run_one_run_walk_and_a_treadmill_walk(
    schedule: list[PlannedActivity],
) -> None:
    for kind in ("workout", "long", "run_walk", "treadmill_walk"):
        assert by_week(schedule, kind) == Counter(dict.fromkeys(range(6), 1)), kind


def test_the_long_run_grows_from_14_to_24_km(schedule: list[PlannedActivity]) -> None:
    longs = [a.distance_m for a in schedule if a.kind == "long"]
    assert longs == pytest.approx([14_000, 16_000, 18_000, 20_000, 22_000, 24_000])
    paces = [pace_min_per_km(a) for a in schedule if a.kind == "long"]
    assert all(6.0 <= pace <= 6.34 for pace in paces)


def test_easy_runs_last_30_to_50_minutes_at_5_30_to_6_15_per_km(
    schedule: list[PlannedActivity],
) -> None:
    for run in (a for a in schedule if a.kind == "easy"):
        assert 30 <= run.minutes <= 51
        assert 5.5 <= pace_min_per_km(run) <= 6.26  # 6:15 plus the 40 s traffic light


def test_the_workout_is_five_fast_three_minute_reps_between_warm_up_and_cool_down(
    schedule: list[PlannedActivity],
) -> None:
    workout = next(a for a in schedule if a.kind == "workout")
    intensities = [s.intensity for s in workout.segments]
    assert intensities[0] == "warmup" and intensities[-1] == "cooldown"
    reps = [s for s in workout.segments if s.intensity == "active"]
    assert [s.seconds for s in reps] == [180] * 5
    assert all(1000 / s.speed_m_s / 60 < 4.4 for s in reps)  # faster than 4:24 min/km
    assert workout.laps == "segments"


def test_the_run_walk_alternates_four_minutes_running_and_one_walking(
    schedule: list[PlannedActivity],
) -> None:
    run_walk = next(a for a in schedule if a.kind == "run_walk")
    pattern = [(s.gait, s.seconds) for s in run_walk.segments]
    assert pattern[:4] == [("run", 240), ("walk", 60), ("run", 240), ("walk", 60)]
    assert 7 <= len(pattern) // 2 <= 9


def test_every_week_has_two_to_four_walks(schedule: list[PlannedActivity]) -> None:
    walks = by_week(schedule, "walk", "finisher")
    assert sorted(walks) == list(range(6))
    assert all(2 <= count <= 4 for count in walks.values())


def test_walks_are_brisk_inside_the_pace_band_or_slow_below_it(
    schedule: list[PlannedActivity],
) -> None:
    kmh = [a.distance_m / a.minutes * 60 / 1000 for a in schedule if a.kind == "walk"]
    brisk = [v for v in kmh if v >= 5.9]
    slow = [v for v in kmh if v < 4.0]
    assert brisk and slow and len(brisk) + len(slow) == len(kmh)
    assert max(brisk) <= 6.44  # 4 mph, the top of the brisk band
    assert min(slow) >= 3.6


def test_a_finisher_walk_starts_within_three_minutes_of_a_long_run_ending(
    schedule: list[PlannedActivity],
) -> None:
    finishers = [a for a in schedule if a.kind == "finisher"]
    assert len(finishers) >= 3
    for walk in finishers:
        run = next(a for a in schedule if a.kind == "long" and a.start.date() == walk.start.date())
        assert dt.timedelta(0) < walk.start - run.end <= dt.timedelta(minutes=3)
        assert 10 <= walk.minutes <= 15
        assert walk.route == run.route and walk.route_start_m == run.distance_m


def test_a_late_walk_crosses_local_midnight(schedule: list[PlannedActivity]) -> None:
    crossing = [a for a in schedule if a.start.date() != a.end.astimezone(TIME_ZONE).date()]
    assert crossing
    assert all(a.kind == "walk" and a.start.hour == 23 for a in crossing)


def test_starts_are_local_times_in_portland_at_plausible_hours(
    schedule: list[PlannedActivity],
) -> None:
    assert all(a.start.tzinfo is TIME_ZONE for a in schedule)
    morning = [a.start.hour for a in schedule if a.kind in ("easy", "workout", "run_walk")]
    assert min(morning) >= 6 and max(morning) <= 8


def test_the_weeks_hold_the_switch_to_summer_time(schedule: list[PlannedActivity]) -> None:
    offsets = {a.start.utcoffset() for a in schedule}
    assert offsets == {dt.timedelta(hours=-8), dt.timedelta(hours=-7)}


def test_the_files_mix_fit_gpx_tcx_and_a_gzip_with_most_runs_in_fit(
    schedule: list[PlannedActivity],
) -> None:
    formats = Counter(a.format for a in schedule)
    assert set(formats) == {"fit", "gpx", "tcx"}
    runs = Counter(a.format for a in schedule if a.sport == "running")
    assert runs["fit"] > runs["gpx"] + runs["tcx"]
    assert sum(a.gzipped for a in schedule) == 1
    assert all(a.format == "fit" and a.indoor for a in schedule if a.kind == "treadmill_walk")
    assert len({a.file_name for a in schedule}) == len(schedule)


def test_the_same_seed_gives_the_same_schedule_and_another_seed_another() -> None:
    assert demo_schedule(END, seed=7) == demo_schedule(END, seed=7)
    assert demo_schedule(END, seed=8) != demo_schedule(END, seed=7)


def test_six_weeks_ending_mid_week_still_hold_every_kind() -> None:
    schedule = demo_schedule(dt.date(2026, 11, 11), seed=3)  # a Wednesday; 1 Nov DST ends
    kinds = Counter(a.kind for a in schedule)
    assert kinds["long"] == 6 and kinds["workout"] == 6 and kinds["treadmill_walk"] == 6
    assert {a.start.utcoffset() for a in schedule} == {
        dt.timedelta(hours=-8),
        dt.timedelta(hours=-7),
    }
