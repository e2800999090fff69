"""What an import did, file by file: the summary the CLI prints and ``--json`` emits."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Imported:
    id: int
    path: str
    sport: str
    start: str  # ISO 8601, UTC
    samples: int
    distance_m: float | None


@dataclass(frozen=True, slots=True)
class Problem:
    path: str
    error: str


@dataclass(frozen=True, slots=True)
class Skipped:
    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class StepDays:
    path: str
    days: int
    first: str
    last: str


@dataclass(slots=True)
class ImportReport:
    """SPEC §3 ``import`` shape, plus ``skipped`` (readable files that hold no activity),
    ``day_steps`` (files that gave daily step totals) and ``warnings`` (gaps that lost
    nothing the file holds, such as an Apple Health route file missing from its export)."""

    imported: list[Imported] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    day_steps: list[StepDays] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    #: Activities stored earlier that a richer recording of the same workout replaced.
    replaced_ids: set[int] = field(default_factory=set)

    @property
    def exit_code(self) -> int:
        """0 when every file was fine, 1 when some failed (the rest are kept)."""
        return 1 if self.errors else 0

    def to_json(self) -> dict[str, Any]:
        return {
            "imported": [_fields(i) for i in self.imported],
            "duplicates": list(self.duplicates),
            "errors": [_fields(p) for p in self.errors],
            "skipped": [_fields(s) for s in self.skipped],
            "day_steps": [_fields(d) for d in self.day_steps],
            "warnings": [_fields(w) for w in self.warnings],
        }

    def merge(self, other: ImportReport) -> None:
        self.imported.extend(other.imported)
        self.duplicates.extend(other.duplicates)
        self.errors.extend(other.errors)
        self.skipped.extend(other.skipped)
        self.day_steps.extend(other.day_steps)
        self.warnings.extend(other.warnings)
        self.replaced_ids |= other.replaced_ids


def _fields(item: Any) -> dict[str, Any]:
    return {name: getattr(item, name) for name in item.__slots__}
