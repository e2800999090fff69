"""Brisk walking: E4's 2.5-4 mph band on speed, E5's 100 steps/min without speed."""

from __future__ import annotations

import pytest
from metrics_streams import Recording, build, run, walk

from footfall.metrics.activity import measure_activity
from footfall.settings import Athlete

MPH = 0.44704
STEADY = Recording(label="walking", speed_noise=0.0)


def brisk_share(speed_mph: float) -> float:
    activity, _, _ = build([walk(900, speed_mph * MPH, 110)], STEADY)
    m = measure_activity(activity, Athlete())
    return m.brisk_walk_s / m.walk_s


@pytest.mark.parametrize(
    ("mph", "share"), [(2.3, 0.0), (2.6, 1.0), (3.5, 1.0), (3.9, 1.0), (4.2, 0.0)]
)
def test_walking_is_brisk_inside_the_e4_band_only(mph: float, share: float) -> None:
    assert brisk_share(mph) == pytest.approx(share, abs=0.01)


def test_without_speed_walking_at_100_steps_a_minute_or_more_is_brisk() -> None:
    treadmill = Recording(
        label="walking", cadence="steps", speed_column=False, distance_column=False,
        positions=False, altitude=False,
    )  # fmt: skip
    legs = [walk(300, 1.1, 92), walk(900, 1.5, 112), walk(300, 1.1, 92)]
    activity, _, _ = build(legs, treadmill)
    m = measure_activity(activity, Athlete())
    assert m.brisk_walk_s == pytest.approx(900, rel=0.05)


def test_a_slow_jog_at_a_walking_speed_is_running_not_brisk_walking() -> None:
    activity, _, _ = build([run(900, 3.9 * MPH, 152)], Recording(label="", speed_noise=0.0))
    m = measure_activity(activity, Athlete())
    assert m.sport == "run" and m.brisk_walk_s == 0
