"""What the demo runner does, as plain data: activities made of steady segments.

A :class:`PlannedActivity` is the schedule's word for one session before it becomes a
file; its duration and distance are exact sums over its :class:`Segment` list, and
the tracks add realistic noise around them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

Kind = Literal["easy", "workout", "long", "walk", "run_walk", "treadmill_walk", "finisher"]
Gait = Literal["run", "walk", "stop"]
Format = Literal["fit", "gpx", "tcx"]
#: FIT lap intensity names.
Intensity = Literal["active", "warmup", "cooldown", "recovery"]

RUNNING_KINDS: frozenset[Kind] = frozenset({"easy", "workout", "long", "run_walk"})


@dataclass(frozen=True, slots=True)
class Segment:
    """A steady stretch of one activity: ``seconds`` at ``speed_m_s`` in one gait."""

    seconds: int
    speed_m_s: float
    gait: Gait
    intensity: Intensity = "active"

    @property
    def distance_m(self) -> float:
        return self.seconds * self.speed_m_s


@dataclass(frozen=True, slots=True)
class PlannedActivity:
    """One activity of the demo runner, before it becomes a file.

    ``start`` is local time in Portland (an aware datetime); ``distance_m`` and
    ``minutes`` are what the device records (moving or not: a stop at a traffic light
    counts in the minutes). ``laps`` is ``km`` for auto laps every kilometre or
    ``segments`` for workout laps. ``route_start_m`` is how far along the route the
    activity begins (a finisher walk starts where its long run ended).
    """

    kind: Kind
    name: str
    start: dt.datetime
    segments: tuple[Segment, ...]
    format: Format
    route: str  # a key of places.ROUTES; "" indoors
    laps: Literal["km", "segments"] = "km"
    route_start_m: float = 0.0
    gzipped: bool = False

    @property
    def seconds(self) -> int:
        return sum(segment.seconds for segment in self.segments)

    @property
    def minutes(self) -> float:
        return self.seconds / 60

    @property
    def distance_m(self) -> float:
        return sum(segment.distance_m for segment in self.segments)

    @property
    def end(self) -> dt.datetime:
        return self.start + dt.timedelta(seconds=self.seconds)

    @property
    def sport(self) -> Literal["running", "walking"]:
        return "running" if self.kind in RUNNING_KINDS else "walking"

    @property
    def indoor(self) -> bool:
        return not self.route

    @property
    def file_name(self) -> str:
        suffix = f".{self.format}" + (".gz" if self.gzipped else "")
        return f"{self.start:%Y-%m-%d_%H%M}_{self.kind}{suffix}"
