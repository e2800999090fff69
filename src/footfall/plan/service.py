"""Planning a week against the store: read the source, apply the runner's changes,
count the habit ladder, plan with the runner's history, keep the plan, export it.

The command line and the web app both plan through here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from footfall.errors import UsageError
from footfall.export.fit_workout import plan_to_fit_dir
from footfall.export.ics import plan_to_ics
from footfall.importer.measure import usual_zone
from footfall.metrics.timezone import today_in, zone_named
from footfall.plan.compose import plan_week
from footfall.plan.model import ATTITUDES, SWAP_MODES, Plan, PlanInput, PlanOptions
from footfall.plan.sources import plan_from_history, read_plan
from footfall.settings import Athlete
from footfall.store.database import Store
from footfall.store.history import history_before
from footfall.store.ladder import start_ladder, update_ladder
from footfall.store.plans import save_plan


def make_plan(store: Store, planned: PlanInput, now: dt.date) -> Plan:
    """Plan the week with the runner's history, and store it (the ladder is counted
    first, so walks done since the last plan move it)."""
    with store.transaction() as session:
        if planned.walking_attitude == "reluctant":
            start_ladder(session, now)
            update_ladder(session, now)
        history = history_before(session, planned.week_start)
        plan = plan_week(planned, history)
        save_plan(session, plan, source=planned.source)
    return plan


def next_monday(day: dt.date) -> dt.date:
    return day + dt.timedelta(days=7 - day.weekday())


def plan_input(
    store: Store, plan_file: Path | None, start: dt.date | None, athlete: Athlete
) -> PlanInput:
    """The running week from a plan file (YAML, ICS, CSV), or, without one, the
    runner's typical week of the last four weeks. Without a time zone setting, a
    calendar's times are read in the zone most of the runner's activities are in."""
    if plan_file is not None:
        if plan_file.is_dir():
            raise UsageError(f"{plan_file}: a folder, not a plan file (YAML, .ics or .csv)")
        if not plan_file.is_file():
            raise UsageError(f"{plan_file}: no such plan file")
        if not athlete.time_zone:
            with store.session() as session:
                usual = usual_zone(session)
            if usual:
                athlete = replace(athlete, time_zone=usual)
        return read_plan(plan_file, athlete=athlete, week_start=start)
    return plan_from_history(store, start or next_monday(today_in(athlete)), athlete=athlete)


@dataclass(frozen=True, slots=True)
class PlanChanges:
    """Options given beside the plan source (command line, web form); each one set
    wins over the source's."""

    swap_easy_runs: int | None = None
    swap_mode: str | None = None
    two_a_day: tuple[dt.date, ...] = ()
    finisher_s_per_mile: float | None = None
    daily_cap_min: float | None = None
    attitude: str | None = None
    baseline_steps: int | None = None


def with_changes(planned: PlanInput, changes: PlanChanges) -> PlanInput:
    """``planned`` with ``changes`` applied (UsageError naming a bad value)."""
    swap_easy_runs, swap_mode, two_a_day = (
        changes.swap_easy_runs,
        changes.swap_mode,
        changes.two_a_day,
    )
    finisher_s_per_mile, daily_cap_min = changes.finisher_s_per_mile, changes.daily_cap_min
    attitude, baseline_steps = changes.attitude, changes.baseline_steps
    options = planned.options
    if swap_easy_runs is not None:
        if not 0 <= swap_easy_runs <= 7:
            raise UsageError("--swap-easy-runs: must be between 0 and 7")
        options = _replace(options, swap_easy_runs=swap_easy_runs)
    if swap_mode is not None:
        if swap_mode not in SWAP_MODES:
            raise UsageError(f"--swap-mode: must be one of {', '.join(SWAP_MODES)}")
        options = _replace(options, swap_mode=swap_mode)
    if two_a_day:
        options = _replace(options, two_a_day=two_a_day)
    if finisher_s_per_mile is not None:
        if not 30 <= finisher_s_per_mile <= 60:
            raise UsageError("--finisher-s-per-mile: must be between 30 and 60 (R1)")
        options = _replace(options, finisher_s_per_mile=finisher_s_per_mile)
    if daily_cap_min is not None:
        if daily_cap_min <= 0:
            raise UsageError("--daily-cap-min: must be more than 0")
        options = _replace(options, daily_cap_min=daily_cap_min)
    if attitude is not None and attitude not in ATTITUDES:
        raise UsageError(f"--attitude: must be one of {', '.join(ATTITUDES)}")
    if baseline_steps is not None and baseline_steps < 0:
        raise UsageError("--baseline-steps: must not be negative")
    return PlanInput(
        week_start=planned.week_start,
        sessions=planned.sessions,
        athlete=planned.athlete,
        options=options,
        walking_attitude=attitude or planned.walking_attitude,
        baseline_steps=planned.baseline_steps if baseline_steps is None else baseline_steps,
        source=planned.source,
    )


def _replace(options: PlanOptions, **changes: Any) -> PlanOptions:
    return replace(options, **changes)


def write_exports(
    plan: Plan, athlete: Athlete, ics: Path | None, fit_dir: Path | None
) -> list[Path]:
    """The plan as a calendar (``ics``) and as watch workouts (``fit_dir``)."""
    written: list[Path] = []
    if ics is not None:
        zone = zone_named(athlete.time_zone) if athlete.time_zone else None
        try:
            ics.write_bytes(plan_to_ics(plan, zone=zone, units=athlete.units))
        except OSError as exc:
            raise UsageError(f"--ics: cannot write {ics} ({exc.strerror or exc})") from None
        written.append(ics)
    if fit_dir is not None:
        written.extend(plan_to_fit_dir(plan, fit_dir))
    return written
