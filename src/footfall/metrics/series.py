"""Operations on one time series: fill gaps, rolling median, hysteresis, stretches.

Vectorised numpy; every function takes and returns plain arrays.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]
BoolArray = NDArray[np.bool_]
IntArray = NDArray[np.intp]


def fill_gaps(values: FloatArray) -> FloatArray:
    """NaNs replaced by linear interpolation between their finite neighbours (the
    nearest finite value at the ends); all-NaN stays all-NaN."""
    finite = np.isfinite(values)
    if finite.all() or not finite.any():
        return values.copy()
    index = np.arange(len(values))
    return np.interp(index, index[finite], values[finite])


def rolling_median(values: FloatArray, window: int) -> FloatArray:
    """Centred rolling median over ``window`` samples (made odd), edges padded with the
    edge values. ``values`` must be NaN-free."""
    half = max(int(window) // 2, 0)
    if half == 0 or len(values) < 3:
        return values.copy()
    padded = np.pad(values, half, mode="edge")
    windows = np.lib.stride_tricks.sliding_window_view(padded, 2 * half + 1)
    return np.asarray(np.median(windows, axis=1), dtype=np.float64)


def window_samples(seconds: float, typical_dt_s: float) -> int:
    """How many samples span ``seconds`` at the typical interval (odd, at least 1)."""
    if not np.isfinite(typical_dt_s) or typical_dt_s <= 0:
        return 1
    count = round(seconds / typical_dt_s)
    return max(count | 1, 1)


def hysteresis(high: BoolArray, low: BoolArray, initial: bool | None) -> BoolArray:
    """A state that turns on where ``high``, off where ``low``, and otherwise keeps the
    last decided value. Before the first decision it is ``initial``, or (when None)
    the first decision that follows."""
    n = len(high)
    decided = high | low
    if not decided.any():
        return np.full(n, bool(initial))
    index = np.where(decided, np.arange(n), -1)
    last = np.maximum.accumulate(index)
    state = high[np.maximum(last, 0)]
    first = int(np.argmax(decided))
    state[:first] = high[first] if initial is None else initial
    return state


def stretches(labels: NDArray[np.int8]) -> tuple[IntArray, IntArray]:
    """Start (inclusive) and end (exclusive) indices of the runs of equal labels."""
    if len(labels) == 0:
        empty = np.empty(0, dtype=np.intp)
        return empty, empty
    change = np.flatnonzero(labels[1:] != labels[:-1]) + 1
    starts = np.concatenate(([0], change)).astype(np.intp)
    ends = np.concatenate((change, [len(labels)])).astype(np.intp)
    return starts, ends


def sums_over(values: FloatArray, starts: IntArray, ends: IntArray) -> FloatArray:
    """The sum of ``values[start:end]`` for each stretch (empty stretches give 0)."""
    if len(starts) == 0:
        return np.empty(0, dtype=np.float64)
    total = np.concatenate(([0.0], np.cumsum(values, dtype=np.float64)))
    return np.asarray(total[ends] - total[starts], dtype=np.float64)
