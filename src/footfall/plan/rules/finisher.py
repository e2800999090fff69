"""R1 finisher: after a long run, walk 30-60 s for every mile run (default 45 s/mi).

A run is **long** when the plan says ``long``, or when it is at least an hour and at
least 1.5 x the median of the week's other runs (a 95-minute "easy" run in a week of
40-minute runs is the week's long run whatever its label; a lone hour-long run is the
week's longest). Races count like any run: a half marathon gets its finisher.

Finisher minutes = miles run x seconds per mile / 60, the seconds held inside R1's
30..60 and rounded to whole minutes (at least one): a 20-mile long run gets 10 min at
30 s/mi, 15 at the default 45, 20 at 60. The walk is brisk (moderate), below the run's
vigorous effort.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence

from footfall import evidence
from footfall.plan.estimate import Rates, planned_walk
from footfall.plan.model import PlannedSession
from footfall.plan.rules.words import cite, distance_text, minutes_text, seconds_text

#: A run shorter than this is only long when the plan calls it ``long``.
LONG_MIN_MINUTES = 60.0
#: ...and it must be this many times the median of the week's other runs.
LONG_VS_WEEK_MEDIAN = 1.5


def clamped_s_per_mile(s_per_mile: float) -> float:
    """R1's seconds per mile, held inside 30..60."""
    return min(max(s_per_mile, evidence.FINISHER_MIN_S_PER_MILE), evidence.FINISHER_MAX_S_PER_MILE)


def finisher_minutes(distance_m: float, s_per_mile: float) -> float:
    """Whole minutes of walking for a run of ``distance_m`` (at least one)."""
    seconds = distance_m / evidence.MILE_M * clamped_s_per_mile(s_per_mile)
    return float(max(1, math.floor(seconds / 60 + 0.5)))


def is_long(run: PlannedSession, week_runs: Sequence[PlannedSession]) -> bool:
    """Whether ``run`` is a long run in the week of ``week_runs`` (see the module)."""
    if run.type == "long":
        return True
    if run.minutes < LONG_MIN_MINUTES:
        return False
    others = [other.minutes for other in week_runs if other is not run]
    return not others or run.minutes >= LONG_VS_WEEK_MEDIAN * statistics.median(others)


def finisher_walk(run: PlannedSession, s_per_mile: float, rates: Rates) -> PlannedSession:
    """The R1 walk after ``run``."""
    distance_m = run.distance_m or 0.0
    minutes = finisher_minutes(distance_m, s_per_mile)
    low, high = evidence.FINISHER_MIN_S_PER_MILE, evidence.FINISHER_MAX_S_PER_MILE
    why = (
        f"Walk {minutes_text(minutes)} after your {run.type} run of "
        f"{distance_text(distance_m, rates.units)}: {low:g}-{high:g} s "
        f"of walking per mile run ({seconds_text(clamped_s_per_mile(s_per_mile))} here) "
        f"speeds recovery {cite(evidence.R1)}."
    )
    return planned_walk(
        run.date, minutes, role="finisher", rule="R1", why=why, intensity="moderate", rates=rates
    )


def finisher_walks(
    runs: Sequence[PlannedSession],
    s_per_mile: float,
    rates: Rates,
    week: Sequence[PlannedSession] | None = None,
) -> list[PlannedSession]:
    """One finisher after each long run among ``runs``; what is long is judged against
    ``week``, the runner's whole plan (default: ``runs``)."""
    whole = runs if week is None else week
    return [finisher_walk(run, s_per_mile, rates) for run in runs if is_long(run, whole)]
