"""Builders the rule and composer tests share: a week from Monday 7 December 2026
(SPEC §4's example), runs as the composer plans them, and the default rates."""

from __future__ import annotations

import datetime as dt

from footfall import evidence
from footfall.plan.estimate import Rates, planned_run, rates_for
from footfall.plan.model import History, PlannedSession, RunSession, SessionType
from footfall.settings import Athlete

MONDAY = dt.date(2026, 12, 7)
MILE = evidence.MILE_M


def day(n: int) -> dt.date:
    """The ``n``-th day of the week (0 = Monday)."""
    return MONDAY + dt.timedelta(days=n)


def default_rates(history: History | None = None, athlete: Athlete | None = None) -> Rates:
    return rates_for(history or History(), athlete or Athlete())


def session(
    kind: SessionType, on: int, minutes: float | None = None, miles: float | None = None
) -> RunSession:
    """A session of the runner's plan, as a source would give it."""
    distance = None if miles is None else miles * MILE
    return RunSession(day(on), kind, minutes, distance)


def run(
    kind: SessionType,
    on: int = 0,
    minutes: float | None = None,
    miles: float | None = None,
    rates: Rates | None = None,
) -> PlannedSession:
    """A run of the runner's plan, estimated as the composer does."""
    return planned_run(session(kind, on, minutes, miles), rates or default_rates(), "plan.yaml")
