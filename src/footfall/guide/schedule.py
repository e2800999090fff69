"""Where a cue may go: the stretches already taken by spoken cues, each followed by a
gap of silence, inside a walk whose last seconds stay quiet."""

from __future__ import annotations

from dataclasses import dataclass, field

#: Rounding slack: a cue placed to end exactly at the limit may overshoot by an ulp.
EPSILON_S = 1e-6


@dataclass(slots=True)
class Schedule:
    """Spoken stretches ``(start_s, end_s)`` already taken. No stretch may end after
    ``end_s``; between two stretches there are at least ``gap_s`` seconds."""

    end_s: float
    gap_s: float
    taken: list[tuple[float, float]] = field(default_factory=list)

    def is_free(self, start_s: float, length_s: float) -> bool:
        """True when ``length_s`` of speech from ``start_s`` touches no taken stretch."""
        end = start_s + length_s
        if start_s < 0 or end > self.end_s + EPSILON_S:
            return False
        return all(end + self.gap_s <= a or start_s >= b + self.gap_s for a, b in self.taken)

    def earliest(
        self, start_s: float, length_s: float, *, latest_s: float, end_by_s: float
    ) -> float | None:
        """The earliest free start in ``start_s..latest_s`` whose speech ends by
        ``end_by_s``; None when there is none. Only ``start_s`` itself and the ends of
        taken stretches (plus the gap) can be earliest, so only those are tried."""
        candidates = sorted(
            {start_s} | {b + self.gap_s for _, b in self.taken if b + self.gap_s > start_s}
        )
        for candidate in candidates:
            if candidate > latest_s:
                break
            if candidate + length_s <= end_by_s and self.is_free(candidate, length_s):
                return candidate
        return None

    def take(self, start_s: float, length_s: float) -> None:
        self.taken.append((start_s, start_s + length_s))
        self.taken.sort()
