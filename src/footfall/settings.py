"""The athlete's settings, passed explicitly to whatever needs them (no global config).

Every value has a default; :attr:`Athlete.assumed` names the ones the runner has not
set, so output can say "assumed" instead of passing a guess off as a fact.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields, replace
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from footfall import evidence
from footfall.errors import UsageError

Units = Literal["mi", "km"]
ImpactModel = Literal["fixed", "speed"]

UNITS: tuple[Units, ...] = ("mi", "km")
#: Metres in one of the runner's distance units.
METRES_PER_UNIT: dict[Units, float] = {"mi": evidence.MILE_M, "km": 1000.0}
#: Settings the stored measures depend on: changing one measures every activity again.
MEASURE_INPUTS = frozenset({"height_cm", "time_zone", "impact_model"})
#: The time_zone value that means "from each activity's position" (no setting).
AUTO_ZONE = "auto"
IMPACT_MODELS: tuple[ImpactModel, ...] = ("fixed", "speed")


@dataclass(frozen=True, slots=True)
class Athlete:
    """One runner's settings.

    - ``mass_kg`` / ``height_cm``: height feeds the stride model that estimates steps
      where a file has no cadence; mass is kept for energy figures.
    - ``units``: distances and paces shown in miles or kilometres.
    - ``step_floor``: steps outside runs a day should reach (E2).
    - ``time_zone``: an IANA zone; None means "from each activity's position, else the
      offset its file states".
    - ``impact_model``: ``fixed`` multiples (E1: run 2.5, walk 1.2) or ``speed`` (Keller).
    """

    mass_kg: float = 70.0
    height_cm: float = 170.0
    units: Units = "mi"
    step_floor: int = evidence.STEP_FLOOR
    time_zone: str | None = None
    impact_model: ImpactModel = "fixed"
    assumed: frozenset[str] = field(
        default_factory=lambda: frozenset(
            {"mass_kg", "height_cm", "units", "step_floor", "time_zone", "impact_model"}
        )
    )

    def set(self, **values: Any) -> Athlete:
        """A copy with ``values`` set (checked); they are no longer assumed."""
        for name, value in values.items():
            check_setting(name, value)
        return replace(self, **values, assumed=self.assumed - set(values))

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "assumed"}

    def to_json(self) -> dict[str, Any]:
        """Every setting, and which of them are assumed (never set by the runner)."""
        return {**self.as_dict(), "assumed": sorted(self.assumed)}


SETTING_NAMES: tuple[str, ...] = tuple(f.name for f in fields(Athlete) if f.name != "assumed")


def check_setting(name: str, value: Any) -> None:
    """Raise UsageError naming the setting when ``value`` is not allowed."""
    if name not in SETTING_NAMES:
        raise UsageError(f"unknown setting '{name}' (known: {', '.join(SETTING_NAMES)})")
    check = _CHECKS[name]
    problem = check(value)
    if problem:
        raise UsageError(f"{name}: {problem}")


def _positive_between(low: float, high: float, unit: str) -> Any:
    def check(value: Any) -> str | None:
        if not isinstance(value, int | float) or not math.isfinite(value):
            return "must be a number"
        if not low <= value <= high:
            return f"must be between {low:g} and {high:g} {unit}"
        return None

    return check


def _one_of(options: tuple[str, ...]) -> Any:
    def check(value: Any) -> str | None:
        return None if value in options else f"must be one of {', '.join(options)}"

    return check


def _zone(value: Any) -> str | None:
    if value is None:
        return None
    try:
        ZoneInfo(str(value))
    except (ZoneInfoNotFoundError, ValueError):
        return f"'{value}' is not a time zone (use a name like Europe/London)"
    return None


def _floor(value: Any) -> str | None:
    if not isinstance(value, int) or isinstance(value, bool):
        return "must be a whole number of steps"
    return None if 0 < value <= 100_000 else "must be between 1 and 100000 steps"


_CHECKS: dict[str, Any] = {
    "mass_kg": _positive_between(20, 300, "kg"),
    "height_cm": _positive_between(100, 250, "cm"),
    "units": _one_of(UNITS),
    "step_floor": _floor,
    "time_zone": _zone,
    "impact_model": _one_of(IMPACT_MODELS),
}
