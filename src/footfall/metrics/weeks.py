"""A week, Monday to Sunday in the runner's local days, and its totals (SPEC §3
``week``)."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from footfall.activity import DaySteps
from footfall.metrics.days import DayFigures, DayShare, days_of, tenth

DAYS_IN_WEEK = 7

#: Totals that are sums of the day's figures of the same name.
_SUMMED_STEPS: tuple[str, ...] = (
    "steps",
    "steps_outside_runs",
    "impact_bw_steps",
    "run_steps",
    "run_distance_m",
    "walk_distance_m",
)
_SUMMED_MINUTES: tuple[str, ...] = (
    "run_min",
    "walk_min",
    "brisk_min",
    "time_on_feet_min",
    "run_equiv_min",
)


@dataclass(frozen=True, slots=True)
class WeekTotals:
    """Sums of a week's days; ``floor_days`` counts days whose floor is surely met,
    ``floor_unknown_days`` those that cannot tell."""

    steps: float
    steps_outside_runs: float
    impact_bw_steps: float
    run_steps: float
    run_distance_m: float
    walk_distance_m: float
    run_min: float
    walk_min: float
    brisk_min: float
    time_on_feet_min: float
    run_equiv_min: float
    floor_days: int
    floor_unknown_days: int


@dataclass(frozen=True, slots=True)
class Week:
    """Seven local days from a Monday."""

    start: dt.date
    days: tuple[DayFigures, ...]

    @property
    def totals(self) -> WeekTotals:
        return totals_of(self.days)

    def to_json(self) -> dict[str, Any]:
        """SPEC §3: ``{"start", "days": [...], "totals": {...}}``. Each total is the sum
        of the days as printed, so the printed columns add up."""
        days = [day.to_json() for day in self.days]
        return {"start": self.start.isoformat(), "days": days, "totals": json_totals(days)}


def week_start_of(day: dt.date) -> dt.date:
    """The Monday of the week ``day`` is in."""
    return day - dt.timedelta(days=day.weekday())


def week_dates(start: dt.date) -> list[dt.date]:
    """Monday to Sunday from ``start``, which must be a Monday."""
    if start.weekday() != 0:
        raise ValueError(f"a week starts on a Monday; {start.isoformat()} is a {start:%A}")
    return [start + dt.timedelta(days=n) for n in range(DAYS_IN_WEEK)]


def week(start: dt.date, days: Iterable[DayFigures]) -> Week:
    """The week from Monday ``start``: its days taken from ``days`` (days of other
    weeks are ignored; a date not given is a day with nothing recorded)."""
    dates = week_dates(start)
    given: dict[dt.date, DayFigures] = {}
    for day in days:
        if day.date in given:
            raise ValueError(f"{day.date.isoformat()} is given twice")
        given[day.date] = day
    return Week(start, tuple(given.get(date, DayFigures(date)) for date in dates))


def build_week(
    start: dt.date, shares: Iterable[DayShare], device_rows: Iterable[DaySteps], floor: int
) -> Week:
    """The week from Monday ``start`` from every activity's day shares and every
    device's day totals."""
    return Week(start, tuple(days_of(week_dates(start), shares, device_rows, floor)))


def totals_of(days: Iterable[DayFigures]) -> WeekTotals:
    """The sums of ``days`` (unrounded)."""
    listed = list(days)
    sums = {
        name: math.fsum(getattr(day, name) for day in listed)
        for name in (*_SUMMED_STEPS, *_SUMMED_MINUTES)
    }
    return WeekTotals(
        **sums,
        floor_days=sum(day.floor_met is True for day in listed),
        floor_unknown_days=sum(day.floor_met is None for day in listed),
    )


def json_totals(days: list[dict[str, Any]]) -> dict[str, Any]:
    """Totals of days already in JSON form: whole steps add up exactly (over the days
    that have them), minutes to 0.1."""
    totals: dict[str, Any] = {
        name: sum(day[name] for day in days if day[name] is not None) for name in _SUMMED_STEPS
    }
    totals |= {name: tenth(math.fsum(day[name] for day in days)) for name in _SUMMED_MINUTES}
    totals["floor_days"] = sum(day["floor_met"] is True for day in days)
    totals["floor_unknown_days"] = sum(day["floor_met"] is None for day in days)
    return totals
