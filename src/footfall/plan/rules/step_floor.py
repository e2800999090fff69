"""R4 step floor: a day whose steps outside runs are planned under the floor (E2) gets a
walk sized to close the gap at a brisk cadence (E5).

Steps outside runs on a planned day = the runner's baseline (steps on a day without
sessions: the plan's ``baseline_steps``, else their own median for that weekday from
history) + the steps of the walks already planned that day. Under
``athlete.step_floor`` (8,000 by E2), the day gets a brisk walk of
``ceil(gap / brisk cadence)`` whole minutes: a rest day with 3,500 baseline steps and
an 8,000 floor gets a 39-minute walk of about 4,600 steps at 118 steps/min. A walk is
at least 5 minutes (a choice: a 1-minute "session" for a gap of 50 steps is not worth a
calendar entry; five minutes over-shoots such a gap by a few hundred steps).

Without a baseline, the day's steps cannot be projected: nothing is added, and the
figures do not count the day as meeting the floor (unknown stays unknown).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence

from footfall import evidence
from footfall.plan.estimate import Rates, planned_walk
from footfall.plan.model import History, PlanInput, PlannedSession
from footfall.plan.rules.words import cite, minutes_text, steps_text

#: The shortest step-floor walk.
SHORTEST_MIN = 5.0


def baseline_steps(date: dt.date, plan: PlanInput, history: History) -> int | None:
    """Steps outside sessions on ``date``: the plan's, else history's for its weekday."""
    if plan.baseline_steps is not None:
        return max(plan.baseline_steps, 0)
    learned = history.baseline_steps_by_weekday.get(date.weekday())
    if learned is None or not math.isfinite(learned):
        return None
    return max(round(learned), 0)


def steps_outside_runs(baseline: int, sessions: Sequence[PlannedSession]) -> int:
    """The baseline plus the steps of the day's walks."""
    return baseline + sum(s.steps for s in sessions if s.kind == "walk")


def floor_walk(
    date: dt.date,
    baseline: int | None,
    sessions: Sequence[PlannedSession],
    floor: int,
    rates: Rates,
) -> PlannedSession | None:
    """The R4 walk for ``date`` (None: the floor is met, or the baseline is unknown)."""
    if baseline is None:
        return None
    projected = steps_outside_runs(baseline, sessions)
    gap = floor - projected
    if gap <= 0:
        return None
    minutes = max(float(math.ceil(gap / rates.brisk_cadence_spm)), SHORTEST_MIN)
    steps = minutes * rates.brisk_cadence_spm
    why = (
        f"Walk {minutes_text(minutes)} briskly (about {steps_text(steps)} steps): your "
        f"steps outside runs are planned at {steps_text(projected)}, under the "
        f"{steps_text(floor)}-step floor below which exercise loses much of its benefit for "
        f"burning fat {cite(evidence.R4)}."
    )
    return planned_walk(
        date, minutes, role="step_floor", rule="R4", why=why, intensity="moderate", rates=rates
    )


def floor_walks(
    days: Mapping[dt.date, Sequence[PlannedSession]],
    baselines: Mapping[dt.date, int | None],
    floor: int,
    rates: Rates,
) -> list[PlannedSession]:
    """The R4 walks of the week: one on each day planned under the floor."""
    walks = [
        floor_walk(date, baselines.get(date), days.get(date, ()), floor, rates)
        for date in sorted(baselines)
    ]
    return [walk for walk in walks if walk is not None]
