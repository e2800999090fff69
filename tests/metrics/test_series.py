"""The time-series helpers the bouts are built with."""

from __future__ import annotations

import numpy as np

from footfall.metrics.bouts import RUN, STOPPED, WALK, merge_short
from footfall.metrics.series import fill_gaps, hysteresis, rolling_median, stretches, sums_over
from footfall.metrics.thresholds import DEFAULT


def test_hysteresis_holds_its_state_between_the_thresholds() -> None:
    cadence = np.array([120, 135, 145, 135, 132, 128, 135, 150.0])
    running = hysteresis(cadence >= 140, cadence <= 130, initial=None)
    assert running.tolist() == [False, False, True, True, True, False, False, True]


def test_hysteresis_starts_from_the_prior_or_from_the_first_decision() -> None:
    undecided = np.array([135, 135, 150.0])
    assert hysteresis(undecided >= 140, undecided <= 130, initial=False).tolist() == [
        False, False, True,
    ]  # fmt: skip
    assert hysteresis(undecided >= 140, undecided <= 130, initial=None).tolist() == [True] * 3


def test_a_rolling_median_drops_a_spike_and_keeps_a_step() -> None:
    speed = np.array([1.4] * 10 + [30.0] + [1.4] * 10 + [3.0] * 10)
    smooth = rolling_median(speed, 5)
    assert smooth.max() == 3.0
    assert smooth[:21].tolist() == [1.4] * 21
    assert smooth[-9:].tolist() == [3.0] * 9


def test_gaps_are_filled_from_their_neighbours() -> None:
    filled = fill_gaps(np.array([np.nan, 1.0, np.nan, 3.0, np.nan]))
    assert filled.tolist() == [1.0, 1.0, 2.0, 3.0, 3.0]
    assert np.isnan(fill_gaps(np.full(3, np.nan))).all()


def test_stretches_and_their_sums() -> None:
    labels = np.array([1, 1, 3, 3, 3, 1], dtype=np.int8)
    starts, ends = stretches(labels)
    assert (starts.tolist(), ends.tolist()) == ([0, 2, 5], [2, 5, 6])
    assert sums_over(np.arange(6.0), starts, ends).tolist() == [1.0, 9.0, 5.0]


def gaits(*runs: tuple[int, int]) -> np.ndarray:
    return np.concatenate([np.full(n, code, dtype=np.int8) for code, n in runs])


def test_a_short_walk_between_runs_becomes_running() -> None:
    codes = gaits((RUN, 200), (WALK, 10), (RUN, 200))
    merged = merge_short(codes, np.ones(len(codes)), DEFAULT)
    assert (merged == RUN).all()


def test_a_short_stretch_joins_its_longer_neighbour() -> None:
    codes = gaits((RUN, 200), (WALK, 12), (STOPPED, 100))
    merged = merge_short(codes, np.ones(len(codes)), DEFAULT)
    assert stretches(merged)[0].tolist() == [0, 212]


def test_flickers_merge_shortest_first() -> None:
    codes = gaits((WALK, 100), (RUN, 5), (WALK, 3), (RUN, 25), (WALK, 100))
    merged = merge_short(codes, np.ones(len(codes)), DEFAULT)
    starts, ends = stretches(merged)
    assert merged[starts].tolist() == [WALK, RUN, WALK]
    assert (ends - starts).tolist() == [100, 33, 100]
    shorter = gaits((WALK, 100), (RUN, 5), (WALK, 3), (RUN, 15), (WALK, 100))
    assert (merge_short(shorter, np.ones(len(shorter)), DEFAULT) == WALK).all()


def test_paused_time_does_not_count_towards_a_bouts_length() -> None:
    codes = gaits((WALK, 100), (RUN, 3), (WALK, 100))
    seconds = np.ones(len(codes))
    seconds[100] = 0.0  # the run's first interval is a pause: 2 s of running left
    merged = merge_short(codes, seconds, DEFAULT)
    assert (merged == WALK).all()
