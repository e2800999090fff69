"""How the rules put numbers into a runner's sentences: distances in the runner's units,
minutes, step counts, and the citation every ``why`` ends with."""

from __future__ import annotations

from footfall import evidence
from footfall.evidence import Evidence
from footfall.settings import METRES_PER_UNIT, Units


def distance_text(distance_m: float, units: Units) -> str:
    """``20 mi`` or ``32.2 km``: one decimal, none when it is whole."""
    value = distance_m / METRES_PER_UNIT[units]
    return f"{_one_decimal(value)} {units}"


def short_distance_text(distance_m: float, units: Units) -> str:
    """A short walk's length: feet for a runner in miles, metres for one in km."""
    if units == "mi":
        return f"{round(distance_m / evidence.FOOT_M):,} ft"
    return f"{round(distance_m):,} m"


def minutes_text(minutes: float) -> str:
    """``15 min`` (whole minutes from ten up), or ``0.3 min`` for a short walk that is
    not whole."""
    if minutes >= 10:
        return f"{round(minutes)} min"
    return f"{_one_decimal(minutes)} min"


def steps_text(steps: float) -> str:
    return f"{round(steps):,}"


def seconds_text(seconds: float) -> str:
    return f"{_one_decimal(seconds)} s"


def cite(*sources: Evidence) -> str:
    """``(R1: coach J. Hamilton, ...; E3: ...)``: every ``why`` names its sources."""
    return "(" + "; ".join(f"{source.id}: {source.source}" for source in sources) + ")"


def _one_decimal(value: float) -> str:
    rounded = round(value, 1)
    return f"{rounded:,.0f}" if rounded == int(rounded) else f"{rounded:,.1f}"
