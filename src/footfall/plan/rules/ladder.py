"""R5 habit ladder: a reluctant walker's finishers start tiny and grow.

For a runner whose ``walking_attitude`` is ``reluctant``, the walk after each run is a
rung of the ladder instead of R1's 45 s/mile: ``step_ft`` feet (100 ft first) at a brisk
pace, its minutes to 0.1 min. Each walk done multiplies the step by 1.5 (100, 150, 225
ft...); a missed walk holds it (:func:`advance`). Growth stops at the weekly goal
(5 extra miles a week) spread over the week's runs: with four runs a week, a rung never
exceeds 1.25 miles.

The stored :class:`~footfall.plan.model.LadderState` is advanced by imported walks and
check-ins. A planned week projects the ladder as it will be if every walk before is
done (100, 150, 225 ft over three runs); a miss holds the step, and the next plan starts
from the stored state.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from footfall import evidence
from footfall.plan.estimate import Rates, planned_walk
from footfall.plan.model import LadderState, PlannedSession
from footfall.plan.rules.words import cite, minutes_text, short_distance_text

#: Without the week's run count, the goal is spread over seven walks (one a day), the
#: smallest share, so the ladder stops growing early rather than late.
DEFAULT_RUNS_PER_WEEK = 7
#: The shortest walk a plan shows (R5's first rung is about a third of a minute).
SHORTEST_MIN = 0.1


def rung_cap_ft(goal_miles_per_week: float, runs_per_week: int) -> float:
    """The longest rung: the weekly goal spread over the week's runs, in feet."""
    goal_ft = goal_miles_per_week * evidence.MILE_M / evidence.FOOT_M
    return goal_ft / max(runs_per_week, 1)


def advance(
    ladder: LadderState, done: bool, *, runs_per_week: int = DEFAULT_RUNS_PER_WEEK
) -> LadderState:
    """The ladder after one walk: done -> the step grows x 1.5 (up to the goal's share
    per run), missed -> the step holds."""
    if not done:
        return ladder
    cap = max(rung_cap_ft(ladder.goal_miles_per_week, runs_per_week), ladder.step_ft)
    grown = min(ladder.step_ft * evidence.LADDER_GROWTH, cap)
    return dataclasses.replace(ladder, step_ft=grown, walks_done=ladder.walks_done + 1)


def rung_minutes(step_ft: float, rates: Rates) -> float:
    """Minutes of a rung of ``step_ft`` feet at the runner's brisk speed (0.1 min steps)."""
    minutes = step_ft * evidence.FOOT_M / rates.brisk_speed_m_s / 60
    return max(round(minutes, 1), SHORTEST_MIN)


def ladder_walk(run: PlannedSession, ladder: LadderState, rates: Rates) -> PlannedSession:
    """The R5 walk after ``run``: ``ladder.step_ft`` feet, the ladder's next rung."""
    distance_m = ladder.step_ft * evidence.FOOT_M
    minutes = rung_minutes(ladder.step_ft, rates)
    growth = f"{evidence.LADDER_GROWTH:g}"
    why = (
        f"Walk just {short_distance_text(distance_m, rates.units)} ({minutes_text(minutes)}) "
        f"after your {run.type} run, rung {ladder.walks_done + 1} of your ladder: start tiny "
        f"and grow x {growth} with each walk done (a missed walk holds the step), toward "
        f"{ladder.goal_miles_per_week:g} extra miles a week {cite(evidence.R5)}."
    )
    return planned_walk(
        run.date,
        minutes,
        role="finisher",
        rule="R5",
        why=why,
        intensity="moderate",
        rates=rates,
        distance_m=distance_m,
    )


def ladder_walks(
    runs: Sequence[PlannedSession], ladder: LadderState, rates: Rates
) -> list[PlannedSession]:
    """A rung after each run of the week, in date order, as if each walk is done."""
    walks: list[PlannedSession] = []
    state = ladder
    cap = rung_cap_ft(ladder.goal_miles_per_week, len(runs))
    for run in sorted(runs, key=lambda r: r.date):
        rung = dataclasses.replace(state, step_ft=min(state.step_ft, cap))
        walks.append(ladder_walk(run, rung, rates))
        state = advance(state, True, runs_per_week=len(runs))
    return walks
