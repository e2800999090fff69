"""R9 spike guard: a planned run longer than 110 % of the longest run in the previous
30 days is flagged, with the suggestion to move the excess into walking (a race, which
is not cut short, gets advice about the days around it instead).

A run's length is its distance (given, or its minutes at the runner's pace). The
longest of the 30 days comes from history; within the planned week, a run raises it
for the runs after it, by as much as the guard allows (it assumes the runner takes the
advice: a flagged 14-mile run counts as the 11 miles it should be cut to). Without a
30-day longest (no runs recorded) there is nothing to compare with, and no flag.
"""

from __future__ import annotations

from collections.abc import Sequence

from footfall import evidence
from footfall.plan.model import Flag, PlannedSession
from footfall.plan.rules.words import cite, distance_text
from footfall.settings import Units


def spike_limit_m(longest_30d_m: float) -> float:
    """The longest a run may be without a flag."""
    return longest_30d_m * evidence.SPIKE_LIMIT


def spike_flag(run: PlannedSession, longest_30d_m: float, units: Units) -> Flag | None:
    """The R9 flag of ``run`` (None: within the limit)."""
    distance_m = run.distance_m or 0.0
    limit_m = spike_limit_m(longest_30d_m)
    if distance_m <= limit_m:
        return None
    share = distance_m / longest_30d_m * 100
    if run.type == "race":  # a race is not cut short: the advice is about around it
        advice = (
            "a race is run as it is, so keep the days after it to easy walks and build "
            "up to the distance before the next one"
        )
    else:
        advice = (
            f"keep the run at {distance_text(limit_m, units)} and walk the remaining "
            f"{distance_text(distance_m - limit_m, units)} as a finisher"
        )
    why = (
        f"Your {run.type} run of {distance_text(distance_m, units)} is {share:.0f} % of your "
        f"longest run in the last {evidence.SPIKE_WINDOW_DAYS} days "
        f"({distance_text(longest_30d_m, units)}), and single runs over "
        f"{evidence.SPIKE_LIMIT * 100:.0f} % of it predict injury {cite(evidence.R9)}: "
        f"{advice}."
    )
    return Flag(run.date, "R9", why)


def spike_flags(
    runs: Sequence[PlannedSession], longest_30d_m: float | None, units: Units
) -> list[Flag]:
    """The week's R9 flags, in date order."""
    if longest_30d_m is None or not longest_30d_m > 0:
        return []
    flags: list[Flag] = []
    longest = longest_30d_m
    for run in sorted(runs, key=lambda r: r.date):
        flag = spike_flag(run, longest, units)
        if flag is not None:
            flags.append(flag)
        longest = max(longest, min(run.distance_m or 0.0, spike_limit_m(longest)))
    return flags
