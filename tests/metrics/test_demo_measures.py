"""The demo runner's six weeks, decoded from the files the demo writes and measured:
each activity's sport, time and steps against the plan and tracks behind it; the
stride calibration from the runner's own files; and how fast it all is."""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

import numpy as np
import pytest

from footfall.activity import Activity, Samples, Totals
from footfall.demo import HEIGHT_CM, demo_schedule, demo_tracks
from footfall.demo.build import STEPS_FILE
from footfall.demo.tracks import Track
from footfall.formats import decode
from footfall.formats.source import file_source
from footfall.metrics.activity import calibrate_strides, measure_activity
from footfall.metrics.measured import ActivityMeasures
from footfall.settings import Athlete
from tests_support import DEMO_END

RUNNER = Athlete().set(height_cm=HEIGHT_CM)
SPORT_OF_KIND = {
    "easy": "run",
    "workout": "run",
    "long": "run",
    "run_walk": "run_walk",
    "walk": "walk",
    "treadmill_walk": "walk",
    "finisher": "walk",
}


@pytest.fixture(scope="module")
def demo(demo_folder: Path) -> list[tuple[Activity, Track]]:
    """Each demo activity as decoded from its file, with the track it was written from."""
    files = sorted(p for p in demo_folder.iterdir() if p.name != STEPS_FILE)
    activities = [a for path in files for a in decode(file_source(path)).activities]
    tracks = sorted(demo_tracks(demo_schedule(DEMO_END)), key=lambda t: t.plan.start)
    assert len(activities) == len(tracks) == 64
    return list(zip(activities, tracks, strict=True))


def planned_seconds(track: Track, gait: str) -> float:
    return float(sum(s.seconds for s in track.plan.segments if s.gait == gait))


def test_every_demo_activity_gets_its_planned_sport_time_and_steps(
    demo: list[tuple[Activity, Track]],
) -> None:
    for activity, track in demo:
        m = measure_activity(activity, RUNNER)
        assert m.sport == SPORT_OF_KIND[track.plan.kind], track.plan.file_name
        assert m.run_s == pytest.approx(planned_seconds(track, "run"), rel=0.05, abs=1)
        walking = m.walk_s + m.hike_s
        assert walking == pytest.approx(planned_seconds(track, "walk"), rel=0.05, abs=1)
        assert m.steps == pytest.approx(track.steps, rel=0.02), track.plan.file_name
        assert m.steps_source == "measured"


def test_the_stop_at_a_traffic_light_is_a_stopped_bout(
    demo: list[tuple[Activity, Track]],
) -> None:
    with_stop = [(a, t) for a, t in demo if any(s.gait == "stop" for s in t.plan.segments)]
    assert with_stop
    for activity, _ in with_stop:
        gaits = [b.gait for b in measure_activity(activity, RUNNER).bouts]
        assert gaits == ["run", "stopped", "run"]


def test_treadmill_walks_are_brisk_and_slow_evening_walks_are_not(
    demo: list[tuple[Activity, Track]],
) -> None:
    for activity, track in demo:
        m = measure_activity(activity, RUNNER)
        if track.plan.kind == "treadmill_walk":
            assert m.brisk_walk_s == pytest.approx(m.walk_s, rel=0.05)
        if track.plan.kind == "walk" and track.plan.segments[0].speed_m_s < 1.06:
            assert m.brisk_walk_s < 0.1 * m.walk_s


def test_measuring_the_whole_demo_takes_well_under_a_second(
    demo: list[tuple[Activity, Track]],
) -> None:
    activities = [a for a, _ in demo]
    started = time.perf_counter()
    for activity in activities:
        measure_activity(activity, RUNNER)
    seconds = time.perf_counter() - started
    print(f"\nmeasured {len(activities)} demo activities in {seconds * 1000:.0f} ms")
    assert seconds < 1.0


def without_cadence(activity: Activity) -> Activity:
    columns = {name: activity.samples.column(name) for name in Samples.__slots__}
    columns["cadence_cpm"] = np.full(len(activity.samples), np.nan)
    return dataclasses.replace(activity, samples=Samples(**columns), totals=Totals())


def estimate_errors(
    demo: list[tuple[Activity, Track]], measures: list[ActivityMeasures]
) -> np.ndarray:
    return np.array([m.steps / t.steps - 1 for (_, t), m in zip(demo, measures, strict=True)])


def test_the_runners_own_calibration_brings_estimated_steps_closer(
    demo: list[tuple[Activity, Track]],
) -> None:
    calibration = calibrate_strides([a for a, _ in demo], RUNNER)
    assert calibration.run_activities >= 30 and calibration.walk_activities >= 20
    # the demo runner steps quicker than the running model (150 + 7 v steps/min)
    assert 0.85 < calibration.run_ratio < 0.98
    blind = [without_cadence(a) for a, _ in demo]
    model = estimate_errors(demo, [measure_activity(a, RUNNER) for a in blind])
    own = estimate_errors(demo, [measure_activity(a, RUNNER, calibration) for a in blind])
    print(
        f"\nsteps estimated without cadence, median |error|: model {np.median(np.abs(model)):.1%}"
        f", calibrated {np.median(np.abs(own)):.1%}"
    )
    assert np.median(np.abs(own)) < 0.03
    assert np.median(np.abs(own)) < np.median(np.abs(model))
