"""Times that FIT stores as the low bits of a running clock.

A compressed record header keeps the low 5 bits of the message's time; a monitoring
message's ``timestamp_16`` keeps the low 16. Each is read against the time of the
message before it (a full timestamp, or an earlier short one already resolved):

    t = previous + ((low - previous) mod 2**bits)

Because ``previous mod 2**bits`` is the previous message's own low bits, each step
only needs the two low values, so a whole file resolves with cumulative sums.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]


def resolve_rolling(
    full_pos: IntArray,
    full_time: FloatArray,
    short_pos: IntArray,
    short_low: IntArray,
    bits: int,
) -> FloatArray:
    """Times of the short stamps ``short_low`` (at file positions ``short_pos``),
    given the full times ``full_time`` at ``full_pos``. NaN where no full time came
    before. Positions order the messages; the result follows ``short_pos``."""
    if not len(short_pos):
        return np.empty(0, dtype=np.float64)
    modulus = 1 << bits
    keep = np.isfinite(full_time)
    times = full_time[keep].astype(np.int64)
    pos = np.concatenate([full_pos[keep], short_pos])
    is_short = np.concatenate([np.zeros(len(times), bool), np.ones(len(short_pos), bool)])
    value = np.concatenate([times, short_low.astype(np.int64)])
    order = np.argsort(pos, kind="stable")
    is_short, value = is_short[order], value[order]
    low = np.where(is_short, value, value % modulus)
    step = np.where(is_short, (value - np.roll(low, 1)) % modulus, 0)
    total = np.cumsum(step)
    index = np.arange(len(value))
    last_full = np.maximum.accumulate(np.where(is_short, -1, index))
    anchor = np.maximum(last_full, 0)
    resolved = (value[anchor] + total - total[anchor]).astype(np.float64)
    resolved[last_full < 0] = np.nan
    result = np.empty(len(short_pos), dtype=np.float64)
    result[order[is_short] - len(times)] = resolved[is_short]
    return result
