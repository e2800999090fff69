"""The demo's 1 Hz streams: speeds, cadence, heart rate, positions and daily steps that
look like a real runner's."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from footfall.demo import PlannedActivity, demo_schedule, demo_tracks
from footfall.demo.laps import laps_of
from footfall.demo.places import EARTH_RADIUS_M, ROUTES
from footfall.demo.steps import activity_steps_by_day, daily_steps
from footfall.demo.tracks import Track, recorded_points

END = dt.date(2026, 3, 22)


@pytest.fixture(scope="module")
def tracks() -> list[Track]:
    return demo_tracks(demo_schedule(END, seed=7), seed=7)


def of_kind(tracks: list[Track], kind: str) -> list[Track]:
    return [t for t in tracks if t.plan.kind == kind]


def moving(track: Track) -> np.ndarray:
    return track.speed_m_s > 0.3


def test_the_recorded_distance_and_duration_are_exactly_the_plan(tracks: list[Track]) -> None:
    for track in tracks:
        assert track.distance_m[-1] == pytest.approx(track.plan.distance_m, rel=1e-9)
        assert track.time_s[-1] == track.plan.seconds
        assert np.all(np.diff(track.distance_m) >= 0)


def test_running_cadence_is_160_to_182_steps_and_walking_100_to_128(
    tracks: list[Track],
) -> None:
    for track in tracks:
        for gait, low, high in (("run", 160, 182), ("walk", 100, 128)):
            steps_per_min = track.cadence_spm[moving(track) & (track.gait == gait)]
            if steps_per_min.size:
                assert low <= steps_per_min.min() and steps_per_min.max() <= high
    easy = of_kind(tracks, "easy")[0]
    assert 80 <= np.median(easy.strides_per_min[moving(easy)]) <= 90  # what files store


def test_speed_wobbles_around_the_plan_by_a_few_percent(tracks: list[Track]) -> None:
    long = of_kind(tracks, "long")[-1]
    speed = long.speed_m_s[60:]
    assert speed.std() / speed.mean() == pytest.approx(0.04, abs=0.025)
    treadmill = of_kind(tracks, "treadmill_walk")[0]
    main = treadmill.speed_m_s[400:-300]
    assert main.std() / main.mean() < 0.02  # a treadmill belt barely wobbles


def test_one_run_stands_40_seconds_at_a_traffic_light(tracks: list[Track]) -> None:
    stopped = [t for t in tracks if np.any(t.gait == "stop")]
    assert len(stopped) == 1 and stopped[0].plan.kind == "easy"
    still = stopped[0].speed_m_s == 0.0
    assert int(still[1:].sum()) == 40
    assert np.all(stopped[0].cadence_spm[still] == 0)


def test_heart_rate_follows_effort(tracks: list[Track]) -> None:
    workout = of_kind(tracks, "workout")[0]
    laps = laps_of(workout)
    fast = [lap.avg_heart_rate for lap in laps if lap.intensity == "active"]
    jogs = [lap.avg_heart_rate for lap in laps if lap.intensity == "recovery"]
    assert min(fast) > max(jogs)
    assert 160 <= max(fast) <= 190
    slow_walk = min(of_kind(tracks, "walk"), key=lambda t: t.plan.distance_m / t.plan.seconds)
    assert 75 <= np.median(slow_walk.heart_rate_bpm) <= 100
    long = of_kind(tracks, "long")[-1]
    assert long.heart_rate_bpm[-1200:].mean() > long.heart_rate_bpm[600:1800].mean() + 5  # drift


def test_gps_error_is_a_few_metres_around_the_route(tracks: list[Track]) -> None:
    track = of_kind(tracks, "easy")[0]
    route = ROUTES[track.plan.route]
    lat, lon, _ = route.at(track.plan.route_start_m + track.distance_m)
    north = np.radians(track.lat_deg - lat) * EARTH_RADIUS_M
    east = np.radians(track.lon_deg - lon) * EARTH_RADIUS_M * np.cos(np.radians(lat))
    error = np.hypot(north, east)
    assert 1.0 < np.sqrt(np.mean(error**2)) < 6.0
    assert error.max() < 15.0


def test_tracks_stay_in_portland_and_the_treadmill_walk_has_no_positions(
    tracks: list[Track],
) -> None:
    for track in tracks:
        if track.plan.indoor:
            assert np.all(np.isnan(track.lat_deg)) and np.all(np.isnan(track.altitude_m))
        else:
            assert track.lat_deg.min() > 45.45 and track.lat_deg.max() < 45.55
            assert track.lon_deg.min() > -122.71 and track.lon_deg.max() < -122.57
            assert track.altitude_m.min() > 0 and track.altitude_m.max() < 200


def test_a_finisher_walk_starts_where_its_long_run_ended(tracks: list[Track]) -> None:
    finisher = of_kind(tracks, "finisher")[0]
    day = finisher.plan.start.date()
    long = next(t for t in of_kind(tracks, "long") if t.plan.start.date() == day)
    gap = np.hypot(
        (finisher.lat_deg[0] - long.lat_deg[-1]) * 111_000,
        (finisher.lon_deg[0] - long.lon_deg[-1]) * 78_000,
    )
    assert gap < 20.0


def test_km_laps_split_every_kilometre_and_add_up(tracks: list[Track]) -> None:
    long = of_kind(tracks, "long")[0]
    laps = laps_of(long)
    assert len(laps) == 14
    assert all(lap.distance_m == pytest.approx(1000, abs=4) for lap in laps[:-1])
    assert sum(lap.distance_m for lap in laps) == pytest.approx(14_000)
    assert sum(lap.elapsed_s for lap in laps) == long.plan.seconds
    assert sum(lap.strides for lap in laps) == pytest.approx(long.steps / 2, abs=len(laps))


def test_gps_apps_keep_a_point_every_one_to_five_seconds() -> None:
    points = recorded_points(3001, np.random.default_rng(1))
    gaps = np.diff(points)
    assert points[0] == 0 and points[-1] == 3000
    assert gaps.min() >= 1 and gaps.max() <= 5
    assert 2.5 < gaps.mean() < 3.5


def test_a_late_walk_s_steps_after_midnight_count_for_the_next_day(tracks: list[Track]) -> None:
    late = next(t for t in tracks if t.plan.name == "Late Walk")
    by_day = activity_steps_by_day(late)
    day = late.plan.start.date()
    assert set(by_day) == {day, day + dt.timedelta(days=1)}
    minutes_before_midnight = 24 * 60 - (late.plan.start.hour * 60 + late.plan.start.minute)
    share = by_day[day] / sum(by_day.values())
    assert share == pytest.approx(minutes_before_midnight / late.plan.minutes, abs=0.06)


def test_a_day_s_device_total_includes_its_activities_and_leaves_3000_to_14000_outside_runs(
    tracks: list[Track],
) -> None:
    first = END - dt.timedelta(days=41)
    totals = dict(daily_steps(tracks, first, END, np.random.default_rng(0)))
    assert sorted(totals) == [first + dt.timedelta(days=d) for d in range(42)]
    runs: dict[dt.date, float] = {}
    for track in tracks:
        if track.plan.sport == "running":
            for day, steps in activity_steps_by_day(track).items():
                runs[day] = runs.get(day, 0.0) + steps
    outside = [totals[day] - runs.get(day, 0.0) for day in totals]
    assert min(outside) >= 3000 and max(outside) <= 14_000
    assert sum(v < 8000 for v in outside) >= 5  # days under the step floor, for the planner
    assert sum(v >= 8000 for v in outside) >= 5
    sunday_long = max(totals.values())
    assert sunday_long > 25_000  # a 24 km run alone is over 20,000 steps


def _walk_speed_kmh(plan: PlannedActivity) -> float:
    return plan.distance_m / plan.seconds * 3.6


def test_brisk_walks_step_faster_than_slow_walks(tracks: list[Track]) -> None:
    walks = sorted(of_kind(tracks, "walk"), key=lambda t: _walk_speed_kmh(t.plan))
    slow, brisk = walks[0], walks[-1]
    assert (
        np.median(brisk.cadence_spm[moving(brisk)]) > np.median(slow.cadence_spm[moving(slow)]) + 10
    )
