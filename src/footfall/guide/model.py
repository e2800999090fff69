"""What a guided walk is made of: its parts, its cues, and the runner's own past that
the closing question compares with. Plain frozen data; renderers (audio, FIT, ICS,
live) read it."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Any

from footfall.errors import UsageError

#: No cue is said in the last seconds of a walk: every cue's (estimated) speech ends at
#: least this long before the end, so the walk finishes in quiet, not mid-sentence.
QUIET_TAIL_S = 10.0
#: At least this much silence (by the estimate) between one cue's end and the next.
MIN_GAP_S = 1.5


@dataclass(frozen=True, slots=True)
class Cue:
    """One thing said (and shown) during the walk, ``at_s`` seconds from its start.

    ``kind``: "part" | "form" | "pace" | "time" | "interval" | "question" | "welcome";
    ``part``: "warm-up" | "main" | "cool-down" | "walk" | "run" (the interval blocks).
    """

    at_s: float
    text: str
    kind: str
    part: str


@dataclass(frozen=True, slots=True)
class Part:
    """One stretch of the walk's structure (the FIT workout's steps are these).

    ``kind``: "walk" | "run" | "rest"; ``pace_min_per_mi``: the band to hold, None for
    "by feel"; ``incline_pct``: the treadmill incline, None where none was asked.
    """

    name: str
    start_s: float
    end_s: float
    kind: str
    pace_min_per_mi: tuple[float, float] | None
    incline_pct: float | None

    @property
    def seconds(self) -> float:
        return self.end_s - self.start_s


@dataclass(frozen=True, slots=True)
class Timeline:
    """A whole guided walk: ``parts`` cover 0..minutes*60 without gaps; ``cues`` are
    in time order and never overlap (by their estimated spoken length at
    ``words_per_minute``, the rate they were spaced for)."""

    minutes: float
    style: str
    parts: tuple[Part, ...]
    cues: tuple[Cue, ...]
    words_per_minute: int = 160

    @property
    def seconds(self) -> float:
        return self.minutes * 60.0

    def to_json(self) -> dict[str, Any]:
        """The walk as ``footfall walk --json`` prints it: minutes, style, parts, cues."""
        return {
            "minutes": self.minutes,
            "style": self.style,
            "parts": [asdict(part) for part in self.parts],
            "cues": [asdict(cue) for cue in self.cues],
        }


@dataclass(frozen=True, slots=True)
class PastWalks:
    """The runner's own recent walking, for the closing question (R8) and the pace band
    (R6). Every field may be unknown (None).

    - ``last_minutes``: the last walk's length; ``last_style``: its style, if guided.
    - ``last_brisk_share``: the share (0..1) of the last walk that was brisk (E4).
    - ``walks_last_4_weeks``: how many walks in the 28 days before today.
    - ``brisk_pace_min_per_mi``: the runner's average brisk pace; the band centres on it.
    """

    last_minutes: float | None = None
    last_style: str | None = None
    last_brisk_share: float | None = None
    walks_last_4_weeks: int | None = None
    brisk_pace_min_per_mi: float | None = None

    def __post_init__(self) -> None:
        _check_positive("last_minutes", self.last_minutes)
        _check_positive("brisk_pace_min_per_mi", self.brisk_pace_min_per_mi)
        share = self.last_brisk_share
        if share is not None and not (math.isfinite(share) and 0.0 <= share <= 1.0):
            raise UsageError(f"past walks: last_brisk_share must be 0..1, not {share}")
        count = self.walks_last_4_weeks
        if count is not None and count < 0:
            raise UsageError(f"past walks: walks_last_4_weeks cannot be negative ({count})")


def _check_positive(name: str, value: float | None) -> None:
    if value is not None and not (math.isfinite(value) and value > 0):
        raise UsageError(f"past walks: {name} must be a positive number, not {value}")
