"""measure_activity on generated streams with known answers: sport, bout seconds
(within 5 %), steps (within 2 %), brisk seconds (within 5 %)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from metrics_streams import (
    Recording,
    Truth,
    build,
    hike,
    pause,
    ride,
    run,
    stop,
    walk,
    with_gps_jumps,
)

from footfall.activity import Activity, Samples, Totals
from footfall.formats.fit import decode_bytes
from footfall.formats.fit.encode import FitWriter
from footfall.metrics.activity import measure_activity
from footfall.metrics.measured import ActivityMeasures
from footfall.metrics.stride import walking_step_m
from footfall.settings import Athlete

ATHLETE = Athlete().set(height_cm=170.0)
WATCH_WALK = Recording(label="walking")
WATCH_RUN = Recording(label="running")


def measured(legs: list, recording: Recording, seed: int = 1) -> tuple[ActivityMeasures, Truth]:
    activity, truth, _ = build(legs, recording, seed)
    return measure_activity(activity, ATHLETE), truth


def assert_bouts_add_up(m: ActivityMeasures) -> None:
    assert sum(b.moving_s for b in m.bouts) == pytest.approx(m.moving_s)
    assert m.moving_s == pytest.approx(m.run_s + m.walk_s + m.hike_s)
    assert sum(b.steps for b in m.bouts) == pytest.approx(m.steps, abs=0.5)


def test_a_steady_brisk_walk_is_all_brisk_walking() -> None:
    m, truth = measured([walk(1800, speed=1.55, spm=118)], WATCH_WALK)
    assert m.sport == "walk"
    assert m.walk_s == pytest.approx(truth.of("walk"), rel=0.05)
    assert m.brisk_walk_s == pytest.approx(truth.brisk_s, rel=0.05)
    assert m.brisk_walk_s == pytest.approx(1800, rel=0.05)
    assert m.steps == pytest.approx(truth.steps, rel=0.02)
    assert m.steps_source == "measured"
    assert m.run_equiv_min == pytest.approx(m.brisk_walk_s / 180.0)
    assert_bouts_add_up(m)


def test_a_slow_walk_under_2_5_mph_is_walking_but_not_brisk() -> None:
    m, truth = measured([walk(1500, speed=1.0, spm=98)], WATCH_WALK)
    assert m.sport == "walk"
    assert m.walk_s == pytest.approx(truth.of("walk"), rel=0.05)
    assert m.brisk_walk_s == pytest.approx(truth.brisk_s, abs=0.05 * 1500)
    assert m.brisk_walk_s < 60
    assert m.steps == pytest.approx(truth.steps, rel=0.02)


def test_a_steady_run_is_running_with_its_steps() -> None:
    m, truth = measured([run(2400, speed=3.0, spm=168)], WATCH_RUN)
    assert m.sport == "run"
    assert m.run_s == pytest.approx(truth.of("run"), rel=0.05)
    assert m.walk_s == 0 and m.brisk_walk_s == 0
    assert m.steps == pytest.approx(truth.steps, rel=0.02)
    assert m.impact_bw_steps == pytest.approx(sum(b.steps for b in m.bouts) * 2.5)
    assert_bouts_add_up(m)


def test_four_one_run_walk_intervals_are_run_walk_in_alternating_bouts() -> None:
    legs = [leg for _ in range(8) for leg in (run(240, 2.8, 166), walk(60, 1.6, 118))]
    m, truth = measured(legs, WATCH_RUN)
    assert m.sport == "run_walk"
    assert m.run_s == pytest.approx(truth.of("run"), rel=0.05)
    assert m.walk_s == pytest.approx(truth.of("walk"), rel=0.05)
    assert m.brisk_walk_s == pytest.approx(truth.brisk_s, rel=0.05)
    assert m.steps == pytest.approx(truth.steps, rel=0.02)
    assert [b.gait for b in m.bouts] == ["run", "walk"] * 8
    walking_impact = sum(b.steps for b in m.bouts if b.gait == "walk") * 1.2
    running_impact = sum(b.steps for b in m.bouts if b.gait == "run") * 2.5
    assert m.impact_bw_steps == pytest.approx(walking_impact + running_impact)


def test_walking_up_a_steep_grade_is_hiking() -> None:
    legs = [walk(300, 1.4, 112), hike(1200, 0.9, 100, grade=0.18), walk(300, 1.4, 112)]
    m, truth = measured(legs, WATCH_WALK)
    assert m.sport == "hike"
    assert m.hike_s == pytest.approx(truth.of("hike"), rel=0.05)
    assert m.walk_s == pytest.approx(truth.of("walk"), rel=0.05)
    assert m.steps == pytest.approx(truth.steps, rel=0.02)


def test_a_walk_under_a_hiking_label_is_a_hike() -> None:
    m, truth = measured([walk(1200, 1.2, 108)], Recording(label="hiking"))
    assert m.sport == "hike"
    assert m.hike_s == pytest.approx(truth.of("walk"), rel=0.05)


def test_a_treadmill_run_without_gps_is_measured_from_the_foot_pod() -> None:
    indoor = Recording(label="running/treadmill", positions=False, altitude=False)
    m, truth = measured([run(1800, 2.9, 164)], indoor)
    assert m.sport == "run"
    assert m.run_s == pytest.approx(truth.of("run"), rel=0.05)
    assert m.steps == pytest.approx(truth.steps, rel=0.02)
    assert m.bouts[0].distance_m == pytest.approx(truth.distance_m, rel=0.02)


def test_a_treadmill_run_with_only_cadence_is_still_a_run() -> None:
    cadence_only = Recording(
        label="running/treadmill",
        positions=False,
        altitude=False,
        speed_column=False,
        distance_column=False,
        totals=Totals(distance_m=5000.0),
    )
    m, truth = measured([run(1800, 2.9, 164)], cadence_only)
    assert m.sport == "run"
    assert m.run_s == pytest.approx(truth.of("run"), rel=0.05)
    assert m.steps == pytest.approx(truth.steps, rel=0.02)
    assert sum(b.distance_m for b in m.bouts) == pytest.approx(5000.0)


def test_a_treadmill_walk_without_speed_is_brisk_by_cadence() -> None:
    cadence_only = Recording(
        label="walking", positions=False, altitude=False, speed_column=False,
        distance_column=False,
    )  # fmt: skip
    legs = [walk(600, 1.2, 96), walk(1200, 1.6, 118)]
    m, _ = measured(legs, cadence_only)
    assert m.sport == "walk"
    assert m.brisk_walk_s == pytest.approx(1200, rel=0.05)


def test_gps_jumps_in_a_walk_add_no_distance_and_no_running() -> None:
    phone = Recording(label="", speed_column=False, distance_column=False)
    activity, truth, _ = build([walk(2400, 1.45, 114)], phone)
    jumpy = with_gps_jumps(activity, np.random.default_rng(5), count=12)
    m = measure_activity(jumpy, ATHLETE)
    assert m.sport == "walk"
    assert m.run_s == 0
    assert m.walk_s == pytest.approx(truth.of("walk"), rel=0.05)
    assert sum(b.distance_m for b in m.bouts) == pytest.approx(truth.distance_m, rel=0.03)
    assert m.steps == pytest.approx(truth.steps, rel=0.02)


def test_a_ten_minute_pause_credits_no_time_steps_or_distance() -> None:
    legs = [run(1200, 3.0, 168), pause(600), run(1200, 3.0, 168)]
    m, truth = measured(legs, WATCH_RUN)
    assert m.sport == "run"
    assert m.moving_s == pytest.approx(2400, rel=0.05)
    assert m.steps == pytest.approx(truth.steps, rel=0.02)
    (bout,) = m.bouts
    assert bout.end_s - bout.start_s == pytest.approx(3000, abs=2)
    assert bout.moving_s == pytest.approx(2400, rel=0.05)
    assert bout.distance_m == pytest.approx(truth.distance_m, rel=0.02)


def test_standing_at_a_light_inside_a_run_is_a_stop_not_moving_time() -> None:
    m, truth = measured([run(720, 3.0, 168), stop(40), run(720, 3.0, 168)], WATCH_RUN)
    assert [b.gait for b in m.bouts] == ["run", "stopped", "run"]
    stopped = m.bouts[1]
    assert stopped.end_s - stopped.start_s == pytest.approx(40, abs=5)
    assert stopped.moving_s == 0 and stopped.steps == 0
    assert m.run_s == pytest.approx(truth.of("run"), rel=0.05)
    assert m.moving_s == pytest.approx(1440, rel=0.05)
    assert m.steps == pytest.approx(truth.steps, rel=0.02)


def test_a_short_stop_merges_into_the_run_but_is_not_moving_time() -> None:
    m, _ = measured([run(600, 3.0, 168), stop(12), run(600, 3.0, 168)], WATCH_RUN)
    assert [b.gait for b in m.bouts] == ["run"]
    assert m.moving_s == pytest.approx(1200, abs=10)


def test_cadence_recorded_as_steps_per_minute_is_not_doubled() -> None:
    per_step = Recording(label="running", cadence="steps")
    m, truth = measured([run(1800, 2.8, 166)], per_step)
    assert m.steps == pytest.approx(truth.steps, rel=0.02)
    per_foot, _ = measured([run(1800, 2.8, 166)], WATCH_RUN)
    assert per_foot.steps == pytest.approx(m.steps, rel=0.005)


def test_a_walk_recorded_as_steps_per_minute_without_speed_is_read_right() -> None:
    indoor = Recording(
        label="walking", cadence="steps", speed_column=False, distance_column=False,
        positions=False, altitude=False,
    )  # fmt: skip
    m, truth = measured([walk(1200, 1.5, 112)], indoor)
    assert m.steps == pytest.approx(truth.steps, rel=0.02)


def test_a_walk_without_cadence_has_steps_estimated_from_distance() -> None:
    m, truth = measured([walk(1800, 1.5, 116)], Recording(label="walking", cadence="none"))
    assert m.steps_source == "estimated"
    model_step = float(walking_step_m(np.array([1.5]), 1.70)[0])
    assert m.steps == pytest.approx(truth.distance_m / model_step, rel=0.02)
    assert m.steps == pytest.approx(truth.steps, rel=0.10)


def test_device_totals_are_the_steps_and_the_bouts_add_up_to_them() -> None:
    legs = [run(1200, 3.0, 168), walk(300, 1.5, 116), run(1200, 3.0, 168)]
    strides = 3600.0
    m, _ = measured(legs, Recording(label="running", totals=Totals(cycles=strides)))
    assert m.steps == 2 * strides
    assert m.steps_source == "measured"
    assert sum(b.steps for b in m.bouts) == pytest.approx(2 * strides)
    walk_bout = next(b for b in m.bouts if b.gait == "walk")
    assert walk_bout.steps == pytest.approx(2 * strides * 580 / (2 * 3360 + 580), rel=0.05)


def test_a_device_total_far_from_the_cadence_is_not_trusted() -> None:
    broken = Recording(label="running", totals=Totals(cycles=400.0))
    m, truth = measured([run(2400, 3.0, 168)], broken)
    assert m.steps == pytest.approx(truth.steps, rel=0.02)


def walking_fit(legs: list[tuple[int, float, float]], total_strides: int) -> Activity:
    """A watch's FIT walk, decoded: ``legs`` of (seconds, speed m/s, cadence in
    strides/min) at 1 Hz, and a session stating ``total_strides``."""
    start = dt.datetime(2026, 1, 1, 7, 0, tzinfo=dt.UTC)
    speed = np.concatenate([np.full(seconds, v) for seconds, v, _ in legs])
    cadence = np.concatenate([np.full(seconds, c) for seconds, _, c in legs])
    distance = np.concatenate(([0.0], np.cumsum(speed[1:])))
    w = FitWriter()
    w.write("file_id", type="activity", manufacturer="garmin", product="fr935",
            serial_number=7, time_created=start)  # fmt: skip
    for i in range(len(speed)):
        w.write("record", timestamp=start + dt.timedelta(seconds=i), distance=distance[i],
                speed=speed[i], cadence=int(cadence[i]))  # fmt: skip
    end = start + dt.timedelta(seconds=len(speed) - 1)
    w.write("session", timestamp=end, start_time=start, total_elapsed_time=len(speed) - 1.0,
            total_timer_time=len(speed) - 1.0, total_distance=distance[-1],
            total_strides=total_strides, sport="walking")  # fmt: skip
    (activity,) = decode_bytes(w.to_bytes(), "walk.fit").activities
    return activity


def test_a_device_total_is_the_steps_when_each_walk_is_too_short_for_a_bout() -> None:
    # three 25 s walks at 110 steps/min between stops (the shape of the Garmin SDK's
    # HrmPluginTestActivity.fit): no bout to credit them, but the steps were taken
    legs = [(5, 0.0, 0), (25, 1.2, 55), (200, 0.0, 0), (25, 1.2, 55), (40, 0.0, 0), (25, 1.2, 55)]
    m = measure_activity(walking_fit(legs, total_strides=66), ATHLETE)
    assert m.sport == "walk"
    assert (m.steps, m.steps_source) == (132, "measured")
    assert sum(b.steps for b in m.bouts) == pytest.approx(132)


def test_a_walk_with_cadence_all_zeros_takes_its_steps_from_the_device_total() -> None:
    # zeros are no cadence recorded, not no steps; nor a cadence to doubt the total by
    m = measure_activity(walking_fit([(600, 1.3, 0)], total_strides=300), ATHLETE)
    assert m.sport == "walk" and m.walk_s == pytest.approx(599, rel=0.02)
    assert (m.steps, m.steps_source) == (600, "measured")


def test_a_walk_with_cadence_all_zeros_and_no_device_total_estimates_its_steps() -> None:
    m = measure_activity(walking_fit([(600, 1.3, 0)], total_strides=0), ATHLETE)
    walked_m = 599 * 1.3
    assert m.steps_source == "estimated"
    step_m = float(walking_step_m(np.array([1.3]), 1.70)[0])
    assert m.steps == pytest.approx(walked_m / step_m, rel=0.05)


def test_a_bike_ride_without_a_label_is_other() -> None:
    bike_computer = Recording(label="", cadence="steps")
    m, _ = measured([ride(3600)], bike_computer)
    assert m.sport == "other"
    assert m.steps == 0 and m.steps_source is None and m.bouts == ()
    assert m.run_s == m.walk_s == m.hike_s == m.brisk_walk_s == 0
    assert m.moving_s == pytest.approx(3600, rel=0.02)


def test_a_labelled_ride_is_other_whatever_its_stream() -> None:
    m, _ = measured([walk(1200, 1.4, 110)], Recording(label="cycling"))
    assert m.sport == "other" and m.bouts == () and m.steps == 0


def test_an_activity_without_samples_is_one_bout_from_its_label_and_totals() -> None:
    workout = Activity(
        Samples(),
        1_767_250_800.0,
        "hkworkoutactivitytypewalking",
        totals=Totals(elapsed_s=1800.0, distance_m=2500.0),
    )
    m = measure_activity(workout, ATHLETE)
    assert m.sport == "walk"
    assert m.moving_s == 1800.0 and m.walk_s == 1800.0
    (bout,) = m.bouts
    assert (bout.gait, bout.start_s, bout.end_s) == (
        "walk",
        workout.start_s,
        workout.start_s + 1800,
    )
    assert m.steps_source == "estimated"
    average = 2500.0 / 1800.0
    assert m.steps == round(2500.0 / float(walking_step_m(np.array([average]), 1.70)[0]))
    assert m.brisk_walk_s == 1800.0  # 1.39 m/s = 3.1 mph, inside E4


def test_an_activity_without_samples_uses_stated_steps() -> None:
    workout = Activity(
        Samples(), 1_767_250_800.0, "running", totals=Totals(timer_s=1500.0, steps=4200.0)
    )
    m = measure_activity(workout, ATHLETE)
    assert (m.sport, m.run_s, m.steps, m.steps_source) == ("run", 1500.0, 4200, "measured")
    assert m.impact_bw_steps == pytest.approx(4200 * 2.5)


def test_an_activity_without_samples_or_distance_estimates_steps_from_its_time() -> None:
    # an Apple Health walk logged with only its length: 10 min at the usual walking pace
    workout = Activity(Samples(), 1_767_250_800.0, "walking", totals=Totals(elapsed_s=600.0))
    m = measure_activity(workout, ATHLETE)
    assert m.sport == "walk" and m.walk_s == 600.0
    assert m.steps_source == "estimated"
    assert 900 <= m.steps <= 1300  # 100-130 steps/min, a normal walking cadence (E5)
    assert m.brisk_walk_s == 0.0  # its pace is unknown, so not counted as brisk
    assert m.impact_bw_steps == pytest.approx(m.steps * 1.2, abs=1.2)


def test_an_activity_without_samples_of_an_unknown_sport_is_other() -> None:
    yoga = Activity(
        Samples(), 1_767_250_800.0, "hkworkoutactivitytypeyoga", totals=Totals(elapsed_s=3600.0)
    )
    m = measure_activity(yoga, ATHLETE)
    assert m.sport == "other" and m.bouts == () and m.moving_s == 3600.0


def test_samples_without_usable_times_fall_back_to_the_totals() -> None:
    no_times = Samples.from_columns(3, time_s=np.full(3, np.nan), speed_m_s=np.full(3, 1.4))
    workout = Activity(no_times, 1_767_250_800.0, "walking", totals=Totals(elapsed_s=600.0))
    m = measure_activity(workout, ATHLETE)
    (bout,) = m.bouts
    assert (m.sport, m.walk_s, bout.end_s) == ("walk", 600.0, workout.start_s + 600.0)


def test_the_speed_impact_model_follows_keller() -> None:
    activity, _, _ = build([run(1800, 4.0, 172)], WATCH_RUN)
    fixed = measure_activity(activity, ATHLETE)
    by_speed = measure_activity(activity, ATHLETE.set(impact_model="speed"))
    assert fixed.steps == by_speed.steps
    keller_at_4 = 1.8 + (2.5 - 1.8) * (4.0 - 2.0) / (6.0 - 2.0)
    assert by_speed.impact_bw_steps == pytest.approx(by_speed.steps * keller_at_4, rel=0.01)
