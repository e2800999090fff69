"""Band-limited resampling of speech (espeak-ng speaks at 22,050 Hz; the walk's audio
may be written at another rate), in numpy.

Each output sample is a Blackman-windowed sinc over the input samples around it, cut
off below the lower of the two Nyquist frequencies so nothing folds back as aliasing.
Between two rates in the ratio ``up:down`` (lowest terms) an output sample falls at one
of only ``up`` fractional input positions, so the kernels are computed once per phase
(polyphase) and each output is a dot product with one of them.
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np
from numpy.typing import NDArray

#: Input samples either side of each output sample.
HALF_WIDTH = 24
#: The cut-off as a share of the lower Nyquist frequency (the rest is the filter's
#: transition band).
CUTOFF_SHARE = 0.9
#: Output samples computed at once (bounds the working memory to a few MB).
BLOCK = 16384


def resample(samples: NDArray[np.int16], from_hz: int, to_hz: int) -> NDArray[np.int16]:
    """``samples`` at ``from_hz`` as int16 samples at ``to_hz``; the length becomes
    ``round(len * to_hz / from_hz)``."""
    if from_hz == to_hz:
        return samples
    common = math.gcd(from_hz, to_hz)
    up, down = to_hz // common, from_hz // common
    kernels = _kernels(up, down)
    out_count = round(len(samples) * to_hz / from_hz)
    padded = np.concatenate(
        [np.zeros(HALF_WIDTH), samples.astype(np.float64), np.zeros(HALF_WIDTH + 1)]
    )
    offsets = np.arange(-HALF_WIDTH + 1, HALF_WIDTH + 1)
    out = np.empty(out_count, dtype=np.float64)
    for first in range(0, out_count, BLOCK):
        index = np.arange(first, min(first + BLOCK, out_count), dtype=np.int64)
        base, phase = np.divmod(index * down, up)
        taps = padded[base[:, None] + offsets[None, :] + HALF_WIDTH]
        out[first : first + len(index)] = np.einsum("ij,ij->i", taps, kernels[phase])
    return np.clip(np.round(out), -32768, 32767).astype(np.int16)


@lru_cache(maxsize=16)
def _kernels(up: int, down: int) -> NDArray[np.float64]:
    """One windowed-sinc kernel per phase: row ``p`` weighs the input samples around
    the position ``p / up`` past a whole input sample."""
    cutoff = 0.5 * min(1.0, up / down) * CUTOFF_SHARE  # cycles per input sample
    offsets = np.arange(-HALF_WIDTH + 1, HALF_WIDTH + 1)
    distance = (np.arange(up) / up)[:, None] - offsets[None, :]
    window = 0.42 + 0.5 * np.cos(np.pi * distance / HALF_WIDTH)
    window += 0.08 * np.cos(2 * np.pi * distance / HALF_WIDTH)
    kernels: NDArray[np.float64] = 2 * cutoff * np.sinc(2 * cutoff * distance) * window
    kernels.flags.writeable = False
    return kernels
