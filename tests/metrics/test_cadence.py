"""Per foot or per step: which unit a file's cadence is in, and when it is not
footsteps at all."""

from __future__ import annotations

import numpy as np
import pytest
from metrics_streams import Leg, Recording, build, run, walk

from footfall.metrics.activity import measure_activity
from footfall.metrics.cadence import PER_FOOT, PER_STEP, StrideModel, cadence_unit
from footfall.metrics.thresholds import DEFAULT
from footfall.settings import Athlete

MODEL = StrideModel(height_m=1.70)


def unit(cadence_cpm: float, speed_m_s: float, prior: str = "unknown") -> int:
    cadence = np.full(60, cadence_cpm)
    speed = np.full(60, speed_m_s)
    return cadence_unit(cadence, speed, prior, MODEL, DEFAULT).per_cycle  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("cadence", "speed", "expected"),
    [
        (84.0, 3.0, PER_FOOT),  # a runner's strides/min
        (168.0, 3.0, PER_STEP),  # the same runner in steps/min
        (57.0, 1.4, PER_FOOT),  # a walker's strides/min
        (114.0, 1.4, PER_STEP),  # the same walker in steps/min
        (120.0, 1.71, PER_STEP),  # the corpus treadmill file with "doubled" cadence
    ],
)
def test_step_lengths_tell_per_foot_from_per_step(
    cadence: float, speed: float, expected: int
) -> None:
    assert unit(cadence, speed) == expected


@pytest.mark.parametrize(
    ("cadence", "prior", "expected"),
    [
        (85.0, "run", PER_FOOT),
        (105.0, "run", PER_FOOT),  # a quick runner's strides
        (165.0, "run", PER_STEP),
        (55.0, "walk", PER_FOOT),
        (95.0, "walk", PER_STEP),  # a slow walker's steps
        (85.0, "unknown", PER_FOOT),
        (112.0, "unknown", PER_STEP),
    ],
)
def test_without_speed_the_cadence_range_and_label_decide(
    cadence: float, prior: str, expected: int
) -> None:
    assert unit(cadence, float("nan"), prior) == expected


def test_swim_strokes_are_not_footsteps() -> None:
    cadence = np.full(60, 28.0)
    speed = np.full(60, 1.0)
    assert not cadence_unit(cadence, speed, "unknown", MODEL, DEFAULT).footsteps
    strides = cadence_unit(np.full(60, 84.0), np.full(60, 3.0), "run", MODEL, DEFAULT)
    assert strides.footsteps


def test_a_stream_of_strokes_without_a_foot_label_is_other() -> None:
    swim = Recording(label="other", cadence="steps")
    activity, _, _ = build([Leg(1800, 1.0, 28.0, "swim")], swim)
    assert measure_activity(activity, Athlete()).sport == "other"


def test_a_stretch_of_halved_cadence_is_not_believed() -> None:
    legs = [run(600, 3.1, 168), run(600, 3.1, 168), run(600, 3.1, 168)]
    activity, truth, _ = build(legs, Recording(label="running"))
    cadence = activity.samples.cadence_cpm
    cadence[601:1201] /= 2  # the watch reports half the cadence for ten minutes
    m = measure_activity(activity, Athlete())
    assert m.sport == "run" and m.walk_s == 0
    assert m.steps == pytest.approx(truth.steps, rel=0.05)


def test_a_column_of_zero_cadence_is_no_cadence() -> None:
    activity, _, _ = build([walk(1200, 1.4, 112)], Recording(label="walking"))
    activity.samples.cadence_cpm[:] = 0.0
    m = measure_activity(activity, Athlete())
    assert m.sport == "walk" and m.steps_source == "estimated" and m.steps > 1000
