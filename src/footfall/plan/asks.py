"""What the runner asked of the week that it could not give, each said as a flag:
a two-a-day with nothing to follow or on a race day (R2), fewer easy runs swapped than
asked (R3), and days left under the step floor for a reluctant walker (R4 gives way to
R5). A plan never drops what was asked for in silence."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from footfall import evidence
from footfall.plan.model import Figures, Flag, PlanInput, PlannedSession
from footfall.plan.rules.words import cite, minutes_text


def unmet_asks(
    plan: PlanInput,
    runs: Sequence[PlannedSession],
    sessions: Sequence[PlannedSession],
    after: Figures,
    baselines: dict[dt.date, int | None],
) -> list[Flag]:
    """Every flag of this module for one planned week."""
    return [
        *lonely_two_a_days(plan.options.two_a_day, sessions),
        *race_day_two_a_days(plan.options.two_a_day, runs),
        *fewer_swaps(plan, runs, sessions),
        *floor_left_to_the_ladder(plan, after, baselines),
    ]


def lonely_two_a_days(dates: Iterable[dt.date], sessions: Sequence[PlannedSession]) -> list[Flag]:
    """A two-a-day date with no session to be second to gets no walk, and says so."""
    busy = {s.date for s in sessions if s.role in ("main", "swap")}
    return [
        Flag(
            date,
            "R2",
            f"{date:%a %d %b} is marked a two-a-day, but nothing is planned that day, so "
            f"there is no first session for a second walk to follow {cite(evidence.R2)}.",
        )
        for date in sorted(set(dates))
        if date not in busy
    ]


def race_day_two_a_days(dates: Iterable[dt.date], runs: Sequence[PlannedSession]) -> list[Flag]:
    """A two-a-day on a race day gets no second walk: a race day keeps only its finisher."""
    races = {run.date for run in runs if run.type == "race"}
    return [
        Flag(
            date,
            "R2",
            f"{date:%a %d %b} is marked a two-a-day, but it is a race day: nothing is added to "
            f"a race but its finisher walk {cite(evidence.R2)}.",
        )
        for date in sorted(set(dates) & races)
    ]


def fewer_swaps(
    plan: PlanInput, runs: Sequence[PlannedSession], sessions: Sequence[PlannedSession]
) -> list[Flag]:
    """Fewer easy runs became walks than ``swap_easy_runs`` asked: say how many, and why."""
    asked = plan.options.swap_easy_runs
    done = sum(s.role == "swap" for s in sessions)
    if done >= asked:
        return []
    races = {run.date for run in runs if run.type == "race"}
    easy = [r for r in runs if r.type == "easy" and r.date not in races]
    if len(easy) <= done:
        reason = f"the week has {len(easy)} easy run{'s' if len(easy) != 1 else ''} to swap"
    elif plan.options.daily_cap_min is not None:
        cap = minutes_text(plan.options.daily_cap_min)
        reason = f"the other walks would not fit under your daily walking cap of {cap}"
    else:
        reason = "the other easy runs are on days that keep their run"
    return [
        Flag(
            plan.week_start,
            "R3",
            f"You asked for {asked} easy run{'s' if asked != 1 else ''} to become walks and "
            f"{done} did: {reason} {cite(evidence.R3)}.",
        )
    ]


def floor_left_to_the_ladder(
    plan: PlanInput, after: Figures, baselines: dict[dt.date, int | None]
) -> list[Flag]:
    """A reluctant walker gets no step-floor walks (R5's short walks come first): the
    days still planned under the floor are counted, not silently left."""
    if plan.walking_attitude != "reluctant":
        return []
    known = sum(baseline is not None for baseline in baselines.values())
    under = known - after.floor_days
    if under <= 0:
        return []
    floor = plan.athlete.step_floor
    return [
        Flag(
            plan.week_start,
            "R4",
            f"{under} day{'s are' if under != 1 else ' is'} planned under the {floor:,}-step "
            "floor. As a reluctant walker you get the habit ladder's short walks first (R5), "
            f"not long floor walks; the floor stays the goal {cite(evidence.R4, evidence.R5)}.",
        )
    ]
