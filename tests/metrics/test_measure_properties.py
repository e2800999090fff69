"""Properties that hold for any stream: bouts in time order without overlap, moving
time that adds up, impact load = steps x multiple, nothing negative or NaN."""

from __future__ import annotations

import math

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from metrics_streams import Leg, Recording, build

from footfall.activity import Activity, Samples, Totals
from footfall.metrics.activity import measure_activity
from footfall.metrics.measured import ActivityMeasures
from footfall.settings import Athlete

MULTIPLE = {"run": 2.5, "walk": 1.2, "hike": 1.2, "stopped": 0.0}

legs = st.lists(
    st.one_of(
        st.builds(
            Leg,
            seconds=st.integers(5, 400),
            speed_m_s=st.floats(0.6, 6.0),
            spm=st.floats(90.0, 190.0),
            gait=st.sampled_from(["run", "walk"]),
            grade=st.sampled_from([0.0, 0.0, 0.05, 0.15, -0.2]),
        ),
        st.builds(Leg, st.integers(5, 200), st.just(0.0), st.just(0.0), st.just("stop")),
        st.builds(Leg, st.integers(12, 900), st.just(0.0), st.just(0.0), st.just("pause")),
        st.builds(
            Leg, st.integers(20, 600), st.floats(6.0, 11.0), st.floats(60, 95), st.just("ride")
        ),
    ),
    min_size=1,
    max_size=8,
).filter(lambda ls: any(leg.gait != "pause" for leg in ls))

recordings = st.builds(
    Recording,
    label=st.sampled_from(["running", "walking", "hiking", "", "generic", "cycling", "other"]),
    cadence=st.sampled_from(["per_foot", "steps", "none"]),
    speed_column=st.booleans(),
    distance_column=st.booleans(),
    positions=st.booleans(),
    altitude=st.booleans(),
    speed_noise=st.floats(0.0, 0.2),
    totals=st.one_of(st.just(Totals()), st.builds(Totals, cycles=st.floats(1, 20_000))),
)


def check(m: ActivityMeasures) -> None:
    figures = (m.moving_s, m.run_s, m.walk_s, m.hike_s, m.brisk_walk_s, m.impact_bw_steps)
    assert all(math.isfinite(f) and f >= 0 for f in figures)
    assert m.steps >= 0
    for bout in m.bouts:
        values = (bout.moving_s, bout.distance_m, bout.steps, bout.brisk_s, bout.impact_bw_steps)
        assert all(math.isfinite(v) and v >= 0 for v in values)
        assert bout.start_s <= bout.end_s
        assert bout.moving_s <= bout.end_s - bout.start_s + 1e-6
        assert bout.brisk_s <= bout.moving_s + 1e-6
    for before, after in zip(m.bouts, m.bouts[1:], strict=False):
        assert before.end_s <= after.start_s
        assert before.gait != after.gait
    if m.sport == "other":
        assert m.bouts == () and m.steps == 0 and m.steps_source is None
        return
    moving = sum(b.moving_s for b in m.bouts)
    assert math.isclose(moving, m.moving_s, abs_tol=1e-6)
    assert math.isclose(m.moving_s, m.run_s + m.walk_s + m.hike_s, abs_tol=1e-6)
    impact = sum(b.steps * MULTIPLE[b.gait] for b in m.bouts)
    assert math.isclose(m.impact_bw_steps, impact, rel_tol=1e-9, abs_tol=1e-6)
    assert abs(m.steps - sum(b.steps for b in m.bouts)) <= 0.5 + 1e-9
    assert m.brisk_walk_s <= m.walk_s + m.hike_s + 1e-6


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(legs=legs, recording=recordings, seed=st.integers(0, 10))
def test_any_stream_gives_sound_measures(legs: list[Leg], recording: Recording, seed: int) -> None:
    activity, _, _ = build(legs, recording, seed)
    check(measure_activity(activity, Athlete()))


garbage = st.floats(allow_nan=True, allow_infinity=True, width=32)


@settings(max_examples=60, deadline=None)
@given(
    n=st.integers(0, 40),
    data=st.data(),
    label=st.sampled_from(["running", "walking", "", "cycling"]),
)
def test_garbage_columns_never_break_the_measures(n: int, data: st.DataObject, label: str) -> None:
    def column() -> np.ndarray:
        return np.array(data.draw(st.lists(garbage, min_size=n, max_size=n)), dtype=np.float64)

    times = 1_767_250_800.0 + np.sort(
        np.array(data.draw(st.lists(st.floats(0, 5000), min_size=n, max_size=n)))
    )
    samples = Samples(
        time_s=times,
        lat_deg=column(),
        lon_deg=column(),
        altitude_m=column(),
        distance_m=column(),
        speed_m_s=column(),
        cadence_cpm=column(),
        heart_rate_bpm=column(),
    )
    totals = Totals(*(data.draw(garbage) for _ in range(6)))
    check(measure_activity(Activity(samples, 1_767_250_800.0, label, totals=totals), Athlete()))
