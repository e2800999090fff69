"""Classify an activity's intervals into run / walk / hike / stopped stretches.

Each interval is first judged on its own: standing (slow and no stepping cadence),
else running or walking by cadence where there is one (the strongest signal) and by
speed where not, with hysteresis between the thresholds and the file's label as a
prior; walking on a sustained steep grade, or under a hiking label, is hiking. Auto-
pause gaps take the gait around them and are credited nothing. Then stretches shorter
than a minimum merge into their neighbours, shortest first. Every threshold is a field
of :class:`~footfall.metrics.thresholds.Thresholds`.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from footfall.metrics.labels import Prior
from footfall.metrics.measured import Gait
from footfall.metrics.motion import Motion
from footfall.metrics.series import (
    BoolArray,
    FloatArray,
    IntArray,
    hysteresis,
    stretches,
    sums_over,
)
from footfall.metrics.thresholds import Thresholds

STOPPED, WALK, HIKE, RUN = 0, 1, 2, 3
GAIT_OF_CODE: tuple[Gait, ...] = ("stopped", "walk", "hike", "run")
Codes = NDArray[np.int8]


@dataclass(frozen=True, slots=True)
class Classified:
    """Per interval: the gait of its bout and whether the interval itself is credited
    as moving time (not paused, not standing, not inside a stopped bout); and the
    bouts as index ranges ``starts[j]:ends[j]`` over the intervals."""

    codes: Codes
    moving: BoolArray
    starts: IntArray
    ends: IntArray

    @property
    def bout_codes(self) -> Codes:
        return self.codes[self.starts]


def classify(
    motion: Motion, spm: FloatArray, steep: BoolArray, prior: Prior, thresholds: Thresholds
) -> Classified:
    """The bouts of ``motion``; ``spm`` is the smoothed cadence in steps/min (NaN where
    unknown) and ``steep`` where the ground is steep enough to hike."""
    standing = _standing(motion, spm, thresholds)
    running = _running(motion, spm, prior, thresholds)
    codes = np.where(running, RUN, WALK).astype(np.int8)
    if prior == "hike":
        codes[codes == WALK] = HIKE
    codes[(codes == WALK) & steep] = HIKE
    codes[standing] = STOPPED
    codes = _through_pauses(codes, motion.paused)
    credited = np.where(motion.paused, 0.0, motion.dt_s)
    codes = merge_short(codes, credited, thresholds)
    starts, ends = stretches(codes)
    moving = ~motion.paused & ~standing & (codes != STOPPED)
    return Classified(codes, moving, starts, ends)


def _standing(motion: Motion, spm: FloatArray, thresholds: Thresholds) -> BoolArray:
    """Slow (or no speed at all) and no stepping cadence."""
    stepping = spm >= thresholds.stepping_min_spm  # NaN: not stepping
    if not motion.has_speed:
        return np.asarray(~stepping, dtype=bool)
    slow = motion.smooth_speed_m_s < thresholds.stop_speed_m_s
    return np.asarray(slow & ~stepping, dtype=bool)


def _running(motion: Motion, spm: FloatArray, prior: Prior, thresholds: Thresholds) -> BoolArray:
    """Running (True) or walking, by cadence where it shows stepping, else by speed."""
    shift = {"run": -1.0, "walk": 1.0, "hike": 1.0}.get(prior, 0.0)
    shift *= thresholds.label_speed_shift_m_s
    speed = motion.smooth_speed_m_s
    by_cadence = spm >= thresholds.stepping_min_spm
    high = np.where(
        by_cadence, spm >= thresholds.run_cadence_spm, speed >= thresholds.run_speed_m_s + shift
    )
    low = np.where(
        by_cadence, spm <= thresholds.walk_cadence_spm, speed <= thresholds.walk_speed_m_s + shift
    )
    initial = {"run": True, "walk": False, "hike": False}.get(prior)
    return hysteresis(np.asarray(high, bool), np.asarray(low, bool), initial)


def _through_pauses(codes: Codes, paused: BoolArray) -> Codes:
    """Paused intervals take the gait before them (after them at the very start)."""
    if not paused.any() or paused.all():
        return codes
    n = len(codes)
    index = np.where(paused, -1, np.arange(n))
    before = np.maximum.accumulate(index)
    after = np.minimum.accumulate(np.where(paused, n, np.arange(n))[::-1])[::-1]
    source = np.where(before >= 0, before, after)
    return codes[source]


def merge_short(codes: Codes, seconds: FloatArray, thresholds: Thresholds) -> Codes:
    """Stretches shorter than their gait's minimum merge into a neighbour, shortest
    first: into both when the neighbours share a gait, else into the longer one."""
    starts, ends = stretches(codes)
    if len(starts) < 2:
        return codes
    merged = _Stretches(codes[starts].tolist(), sums_over(seconds, starts, ends).tolist())
    merged.merge_below(_minimum(thresholds))
    out = codes.copy()
    for index in merged.alive():
        first, last = merged.span(index)
        out[starts[first] : ends[last]] = merged.code[index]
    return out


def _minimum(thresholds: Thresholds) -> dict[int, float]:
    return {
        STOPPED: thresholds.min_stop_s,
        WALK: thresholds.min_bout_s,
        HIKE: max(thresholds.min_bout_s, thresholds.hike_min_s),
        RUN: thresholds.min_bout_s,
    }


class _Stretches:
    """Stretches in a doubly linked list, merged shortest first through a heap."""

    def __init__(self, code: list[int], seconds: list[float]) -> None:
        n = len(code)
        self.code: list[int] = code
        self.seconds: list[float] = seconds
        self.prev: list[int] = list(range(-1, n - 1))
        self.next: list[int] = [*range(1, n), -1]
        self.first: list[int] = list(range(n))
        self.last: list[int] = list(range(n))
        self.live: list[bool] = [True] * n

    def merge_below(self, minimum: dict[int, float]) -> None:
        heap = [(s, i) for i, s in enumerate(self.seconds) if s < minimum[self.code[i]]]
        heapq.heapify(heap)
        while heap:
            seconds, i = heapq.heappop(heap)
            if not self.live[i] or seconds != self.seconds[i]:
                continue
            target = self._absorb(i)
            if target < 0:
                return
            if self.seconds[target] < minimum[self.code[target]]:
                heapq.heappush(heap, (self.seconds[target], target))

    def _absorb(self, i: int) -> int:
        """Merge stretch ``i`` into its neighbour(s); the surviving stretch, or -1."""
        p, q = self.prev[i], self.next[i]
        if p < 0 and q < 0:
            return -1
        if p >= 0 and q >= 0 and self.code[p] == self.code[q]:
            self._join(p, i)
            self._join(p, q)
            return p
        if q < 0 or (p >= 0 and self.seconds[p] >= self.seconds[q]):
            self._join(p, i)
            return p
        self._join(i, q, keep_right=True)
        return q

    def _join(self, left: int, right: int, *, keep_right: bool = False) -> None:
        """Adjacent stretches ``left`` and ``right`` become one, keeping one's gait."""
        keep, gone = (right, left) if keep_right else (left, right)
        self.seconds[keep] += self.seconds[gone]
        self.first[keep] = self.first[left]
        self.last[keep] = self.last[right]
        self.live[gone] = False
        outer_prev, outer_next = self.prev[left], self.next[right]
        self.prev[keep], self.next[keep] = outer_prev, outer_next
        if outer_prev >= 0:
            self.next[outer_prev] = keep
        if outer_next >= 0:
            self.prev[outer_next] = keep

    def alive(self) -> list[int]:
        return [i for i, live in enumerate(self.live) if live]

    def span(self, index: int) -> tuple[int, int]:
        return self.first[index], self.last[index]
