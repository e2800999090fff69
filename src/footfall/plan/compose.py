"""The composer: the runner's week in, the same week with walks placed by R1-R9 out.

The rules are applied in this order, each seeing what the ones before it placed:

1. **The runner's plan**: every session of the week but ``rest`` becomes a planned
   run (:mod:`footfall.plan.estimate` fills in minutes or distance, steps, impact and
   intensity). Sessions outside the seven days from ``week_start`` are left out (the
   plan source refuses them).
2. **R3 easy swaps** first, since a swapped run takes its finisher and its two-a-day
   with it: the easy runs after the hardest days become brisk walks (never on a race
   day, and only where the walk fits under the daily cap).
3. **R1 finishers** after the long runs that are left, or, for a reluctant walker,
   **R5 ladder** rungs after every run.
4. **R2 second sessions** on the two-a-day dates, below the day's hardest session.
5. **R4 step floor** walks on the days still planned under the floor, counting the
   walks placed so far - except for a reluctant walker: R5 starts them with walks of a
   hundred feet, and a forty-minute walk on the same day would defeat it (the figures
   still count the days under the floor).
6. **Conflicts**:
   - a race day keeps nothing added but its finisher;
   - no walk is more intense than the day's main session (its hardest run, or the walk
     that replaced it): a walk above it is walked at the main session's intensity;
   - ``options.daily_cap_min`` caps a day's walking minutes: the lowest-priority walks
     are trimmed first, and dropped when nothing is left of them - step-floor walks
     (the floor is a daily-life target, the least tied to training), then second
     sessions (an extra), then finishers (short, and the recovery of a run the runner
     does anyway). A swap walk is the day's training in place of a run; R3 only swaps
     where it fits under the cap, so it is never cut.
7. **R6 pace bands** on every walk that is left.
8. **R9 flags** on the runs that are left, and a flag for each thing asked that the week
   could not give (:mod:`footfall.plan.asks`).

Then the figures: ``before`` is the runner's runs alone, ``after`` the planned week.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence

from footfall.plan.asks import unmet_asks
from footfall.plan.estimate import Rates, planned_run, rates_for, resized_walk
from footfall.plan.figures import week_figures
from footfall.plan.model import (
    INTENSITY_ORDER,
    Given,
    History,
    Plan,
    PlanDay,
    PlanInput,
    PlannedSession,
    Role,
)
from footfall.plan.rules.finisher import finisher_walks
from footfall.plan.rules.ladder import ladder_walks
from footfall.plan.rules.pace_band import with_pace_band
from footfall.plan.rules.second import hardest, second_walks
from footfall.plan.rules.spike import spike_flags
from footfall.plan.rules.step_floor import baseline_steps, floor_walks
from footfall.plan.rules.swap import swap_easy_runs
from footfall.plan.rules.words import minutes_text

DAYS_IN_WEEK = 7
#: How sessions are listed within a day.
ROLE_ORDER: dict[Role, int] = {"main": 0, "swap": 0, "finisher": 1, "second": 2, "step_floor": 3}
#: Which walks a daily cap trims first.
TRIM_ORDER: tuple[Role, ...] = ("step_floor", "second", "finisher", "swap")

Sessions = list[PlannedSession]


def plan_week(plan: PlanInput, history: History) -> Plan:
    """The week of ``plan`` with walks placed where they help, flags and figures."""
    rates = rates_for(history, plan.athlete)
    dates = week_dates(plan.week_start)
    baselines = {date: baseline_steps(date, plan, history) for date in dates}
    runs = runner_runs(plan, rates, dates)
    sessions = place_walks(plan, history, rates, runs, baselines)
    sessions = resolve_conflicts(sessions, plan.options.daily_cap_min, rates)
    sessions = [with_pace_band(session, rates) for session in sessions]
    kept_runs = [s for s in sessions if s.kind == "run"]
    floor = plan.athlete.step_floor
    after = week_figures(sessions, baselines, floor)
    return Plan(
        start=plan.week_start,
        days=tuple(PlanDay(date, tuple(day_sessions(sessions, date))) for date in dates),
        flags=(
            *spike_flags(kept_runs, history.longest_run_30d_m, rates.units),
            *unmet_asks(plan, runs, sessions, after, baselines),
        ),
        before=week_figures(runs, baselines, floor),
        after=after,
        given=Given.of(plan),
    )


def week_dates(start: dt.date) -> list[dt.date]:
    """The seven days from ``start`` (a plan's week may start on any day)."""
    return [start + dt.timedelta(days=i) for i in range(DAYS_IN_WEEK)]


def runner_runs(plan: PlanInput, rates: Rates, dates: Sequence[dt.date]) -> Sessions:
    """The runner's own sessions of the week as planned runs (``rest`` is no run)."""
    week = set(dates)
    return [
        planned_run(run, rates, plan.source)
        for run in plan.sessions
        if run.type != "rest" and run.date in week
    ]


def place_walks(
    plan: PlanInput,
    history: History,
    rates: Rates,
    runs: Sessions,
    baselines: dict[dt.date, int | None],
) -> Sessions:
    """Steps 2-5 of the module docstring: swaps, finishers, seconds, step floor."""
    options = plan.options
    kept, swaps = swap_easy_runs(
        runs,
        options.swap_easy_runs,
        options.swap_mode,
        rates,
        keep_dates=race_days(runs),
        daily_cap_min=options.daily_cap_min,
    )
    sessions = kept + swaps
    if plan.walking_attitude == "reluctant":
        sessions += ladder_walks(kept, history.ladder, rates)
    else:
        sessions += finisher_walks(kept, options.finisher_s_per_mile, rates, week=runs)
    two_a_day = [date for date in options.two_a_day if date in baselines]
    sessions += second_walks(by_day(sessions), two_a_day, rates)
    if plan.walking_attitude != "reluctant":
        sessions += floor_walks(by_day(sessions), baselines, plan.athlete.step_floor, rates)
    return sessions


def resolve_conflicts(sessions: Sessions, daily_cap_min: float | None, rates: Rates) -> Sessions:
    """Step 6: race days, intensity, the daily cap - day by day."""
    resolved: Sessions = []
    for _, day in sorted(by_day(sessions).items()):
        resolved += resolved_day(day, daily_cap_min, rates)
    return resolved


def resolved_day(day: Sessions, daily_cap_min: float | None, rates: Rates) -> Sessions:
    """One day's sessions after the race-day, intensity and cap rules."""
    settled = no_walk_above_main(race_day_walks(day), rates)
    return settled if daily_cap_min is None else capped_day(settled, daily_cap_min, rates)


def race_days(runs: Iterable[PlannedSession]) -> set[dt.date]:
    return {run.date for run in runs if run.type == "race"}


def race_day_walks(day: Sessions) -> Sessions:
    """On a race day, nothing added but a finisher."""
    if not race_days(s for s in day if s.kind == "run"):
        return day
    return [s for s in day if s.role in ("main", "finisher")]


def main_sessions(day: Sequence[PlannedSession]) -> Sessions:
    return [s for s in day if s.role in ("main", "swap")]


def no_walk_above_main(day: Sessions, rates: Rates) -> Sessions:
    """Walks more intense than the day's main session, walked at its intensity."""
    main = hardest(main_sessions(day))
    if main is None:
        return day
    ceiling = INTENSITY_ORDER[main.intensity]
    return [
        s
        if s.kind == "run" or INTENSITY_ORDER[s.intensity] <= ceiling
        else eased_walk(s, main, rates)
        for s in day
    ]


def eased_walk(walk: PlannedSession, main: PlannedSession, rates: Rates) -> PlannedSession:
    """``walk`` at ``main``'s intensity, saying so."""
    why = (
        f"{walk.why.rstrip('.')}; walked at a {main.intensity} pace so it stays no harder "
        f"than the day's {main.type} session."
    )
    eased = resized_walk(walk, walk.minutes, rates, why, intensity=main.intensity)
    return dataclasses.replace(eased, pace_min_per_mi=None)


def capped_day(day: Sessions, cap_min: float, rates: Rates) -> Sessions:
    """The day's walks trimmed to ``cap_min`` minutes, lowest priority first."""
    excess = sum(s.minutes for s in day if s.kind == "walk") - max(cap_min, 0.0)
    trimmed: list[PlannedSession | None] = list(day)
    for index in trim_order(day):
        if excess <= 0:
            break
        walk = day[index]
        cut = min(walk.minutes, excess)
        excess -= cut
        left = walk.minutes - cut
        trimmed[index] = trimmed_walk(walk, left, cap_min, rates) if left > 0 else None
    return [s for s in trimmed if s is not None]


def trim_order(day: Sequence[PlannedSession]) -> list[int]:
    """Indexes of the day's walks, in the order a cap trims them (last placed first)."""
    walks = [i for i, s in enumerate(day) if s.kind == "walk"]
    return sorted(walks, key=lambda i: (TRIM_ORDER.index(day[i].role), -i))


def trimmed_walk(
    walk: PlannedSession, minutes: float, cap_min: float, rates: Rates
) -> PlannedSession:
    why = (
        f"{walk.why.rstrip('.')}; trimmed from {minutes_text(walk.minutes)} to "
        f"{minutes_text(minutes)} to fit your daily walking cap of {minutes_text(cap_min)}."
    )
    return resized_walk(walk, minutes, rates, why)


def by_day(sessions: Iterable[PlannedSession]) -> dict[dt.date, Sessions]:
    days: defaultdict[dt.date, Sessions] = defaultdict(list)
    for session in sessions:
        days[session.date].append(session)
    return dict(days)


def day_sessions(sessions: Sequence[PlannedSession], date: dt.date) -> Sessions:
    """The sessions of ``date``, runs and their replacements first, as placed."""
    that_day = [s for s in sessions if s.date == date]
    return sorted(that_day, key=lambda s: ROLE_ORDER[s.role])
