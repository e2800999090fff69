"""R3 easy swap: ``options.swap_easy_runs`` easy runs become walks.

The walk is ``3 x`` the run's minutes in ``equivalent`` mode (E3: 15 minutes of brisk
walking ~ 5 of running, so the run-equivalent minutes are kept) or the same minutes in
``time_on_feet`` mode. It is brisk (moderate: E3's equivalence is for brisk walking), and
the run leaves the plan.

Which easy runs: those that follow the hardest sessions first - the day after a race,
then after a long run or a workout, then after an easy run, a recovery run, a day
without a run. Among equals, the longer session the day before goes first, then the
earlier date. With a daily walking cap, a run is only swapped when its walk fits under
the cap (in equivalent mode a 20-minute run needs a cap of 60 minutes or more): a walk
the cap would cut short would take the run away and leave little in its place. Only
``easy`` runs are swapped: a ``recovery`` run is already the gentlest
running a plan has, and a coach who writes one wants the legs turned over.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence

from footfall import evidence
from footfall.plan.estimate import Rates, planned_walk
from footfall.plan.model import PlannedSession, SwapMode
from footfall.plan.rules.words import cite, minutes_text

#: How hard a session is to recover from, for choosing which easy run to swap.
HARDNESS: dict[str, int] = {"race": 3, "long": 2, "workout": 2, "easy": 1, "recovery": 0}
NO_RUN = (-1, 0.0)


def day_hardness(runs: Sequence[PlannedSession], date: dt.date) -> tuple[int, float]:
    """(how hard, how long) the hardest run on ``date`` was; a day without one: lowest."""
    that_day = [(HARDNESS[run.type], run.minutes) for run in runs if run.date == date]
    return max(that_day, default=NO_RUN)


def pick_easy_runs(
    runs: Sequence[PlannedSession],
    count: int,
    keep_dates: Collection[dt.date] = (),
    *,
    mode: SwapMode = "equivalent",
    daily_cap_min: float | None = None,
) -> list[PlannedSession]:
    """The ``count`` easy runs to swap, those after the hardest days first; runs on
    ``keep_dates`` (race days), and runs whose walk would not fit under the daily cap,
    are never swapped."""

    def order(run: PlannedSession) -> tuple[int, float, dt.date]:
        hard, minutes = day_hardness(runs, run.date - dt.timedelta(days=1))
        return (-hard, -minutes, run.date)

    easy = [run for run in runs if run.type == "easy" and run.date not in keep_dates]
    chosen: list[PlannedSession] = []
    walking: dict[dt.date, float] = {}
    for run in sorted(easy, key=order):
        if len(chosen) >= count:
            break
        minutes = walking.get(run.date, 0.0) + swap_minutes(run.minutes, mode)
        if daily_cap_min is not None and minutes > daily_cap_min:
            continue
        walking[run.date] = minutes
        chosen.append(run)
    return chosen


def swap_minutes(run_minutes: float, mode: SwapMode) -> float:
    """The walk's minutes: 3 x the run's (equivalent) or the same (time on feet)."""
    if mode == "equivalent":
        return run_minutes * evidence.WALK_MINUTES_PER_RUN_MINUTE
    return run_minutes


def day_before(runs: Sequence[PlannedSession], run: PlannedSession) -> str:
    """`` the day after your long run``, or nothing when the day before had no run."""
    before = [r for r in runs if r.date == run.date - dt.timedelta(days=1)]
    if not before:
        return ""
    hardest = max(before, key=lambda r: (HARDNESS[r.type], r.minutes))
    return f", the day after your {hardest.type} run"


def swap_walk(run: PlannedSession, mode: SwapMode, rates: Rates, when: str = "") -> PlannedSession:
    """The brisk walk that replaces ``run``; ``when`` places it (see :func:`day_before`)."""
    minutes = swap_minutes(run.minutes, mode)
    if mode == "equivalent":
        ratio = f"{evidence.WALK_MINUTES_PER_RUN_MINUTE:g}"
        reason = (
            f"every {ratio} min of brisk walking is worth about 1 min of running, so "
            f"{ratio} x the minutes keeps the training with less impact"
        )
    else:
        reason = "the same time on your feet, with less impact on your legs"
    why = (
        f"Walk {minutes_text(minutes)} briskly instead of your {minutes_text(run.minutes)} "
        f"easy run{when}: {reason} {cite(evidence.R3, evidence.E3)}."
    )
    return planned_walk(
        run.date, minutes, role="swap", rule="R3", why=why, intensity="moderate", rates=rates
    )


def swap_easy_runs(
    runs: Sequence[PlannedSession],
    count: int,
    mode: SwapMode,
    rates: Rates,
    *,
    keep_dates: Collection[dt.date] = (),
    daily_cap_min: float | None = None,
) -> tuple[list[PlannedSession], list[PlannedSession]]:
    """(the runs that stay, the walks that replace the others)."""
    chosen = pick_easy_runs(runs, count, keep_dates, mode=mode, daily_cap_min=daily_cap_min)
    kept = [run for run in runs if all(run is not swapped for swapped in chosen)]
    return kept, [swap_walk(run, mode, rates, day_before(runs, run)) for run in chosen]
