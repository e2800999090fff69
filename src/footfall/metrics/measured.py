"""What measuring one activity gives: its bouts and its totals.

Pure data: ``footfall.metrics.activity.measure_activity`` makes them, the store keeps
them, days and weeks add them up.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from footfall.evidence import WALK_MINUTES_PER_RUN_MINUTE

Gait = Literal["run", "walk", "hike", "stopped"]
Sport = Literal["run", "walk", "hike", "run_walk", "other"]
StepsSource = Literal["measured", "estimated"]


@dataclass(frozen=True, slots=True)
class Bout:
    """A stretch of one gait. Times are UTC epoch seconds; ``moving_s`` excludes pauses
    inside the stretch (auto-pause gaps), so it can be less than ``end_s - start_s``.
    ``brisk_s`` is walking or hiking time in the brisk band (E4, or E5 by cadence
    where the stream has no speed); 0 for runs and stops. ``impact_bw_steps`` is the
    bout's steps times its ground-reaction multiple (E1)."""

    gait: Gait
    start_s: float
    end_s: float
    moving_s: float
    distance_m: float
    steps: float
    brisk_s: float
    impact_bw_steps: float


@dataclass(frozen=True, slots=True)
class ActivityMeasures:
    """SPEC §2 for one activity. ``sport`` is decided from the stream (the file's label
    is only a prior); ``steps_source`` is None when no step figure could be made (an
    activity that is not on foot)."""

    sport: Sport
    moving_s: float
    run_s: float
    walk_s: float
    hike_s: float
    brisk_walk_s: float
    steps: int
    steps_source: StepsSource | None
    impact_bw_steps: float
    bouts: tuple[Bout, ...]

    @property
    def time_on_feet_s(self) -> float:
        """Moving time of run + walk + hike."""
        return self.run_s + self.walk_s + self.hike_s

    @property
    def run_equiv_min(self) -> float:
        """E3: run minutes + brisk-walk minutes / 3."""
        return (self.run_s + self.brisk_walk_s / WALK_MINUTES_PER_RUN_MINUTE) / 60.0
