"""``footfall plan``: the running week with walks placed by R1–R6 (and R9's flags)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any

import typer
from rich import box
from rich.table import Table

from footfall.cli.common import DbOption, JsonOption, one_line_errors, opened_store, out, print_json
from footfall.cli.week_cmd import parse_day, today
from footfall.errors import UsageError
from footfall.export.fit_workout import plan_to_fit_dir
from footfall.export.ics import plan_to_ics
from footfall.export.wording import pace_text, session_title
from footfall.metrics.timezone import zone_named
from footfall.plan.compose import plan_week
from footfall.plan.model import (
    ATTITUDES,
    SWAP_MODES,
    Figures,
    Plan,
    PlanInput,
    PlanOptions,
)
from footfall.plan.sources import plan_from_history, read_plan
from footfall.settings import Athlete, Units
from footfall.store.athlete import load_athlete
from footfall.store.database import Store
from footfall.store.history import history_before
from footfall.store.ladder import start_ladder, update_ladder
from footfall.store.plans import save_plan

PlanArgument = Annotated[
    Path | None,
    typer.Argument(
        help="The running week: a plan file (YAML, SPEC §4), an .ics calendar or a CSV "
        "(date,type,minutes,distance). Leave out with --from-history.",
        show_default=False,
    ),
]


@one_line_errors
def plan_command(
    ctx: typer.Context,
    plan_file: PlanArgument = None,
    from_history: Annotated[
        bool, typer.Option("--from-history", help="Plan your typical week of the last 4 weeks.")
    ] = False,
    week_start: Annotated[
        str | None,
        typer.Option(help="First day of the week to plan (default: the file's, else next Monday)."),
    ] = None,
    ics: Annotated[Path | None, typer.Option("--ics", help="Write the week as a calendar.")] = None,
    fit_dir: Annotated[
        Path | None, typer.Option("--fit-dir", help="Write each walk as a FIT watch workout.")
    ] = None,
    swap_easy_runs: Annotated[int | None, typer.Option(help="R3: easy runs to swap.")] = None,
    swap_mode: Annotated[str | None, typer.Option(help="equivalent or time_on_feet.")] = None,
    two_a_day: Annotated[
        list[str] | None, typer.Option(help="R2: a date with a second session (repeatable).")
    ] = None,
    finisher_s_per_mile: Annotated[float | None, typer.Option(help="R1: 30 to 60.")] = None,
    daily_cap_min: Annotated[float | None, typer.Option(help="Most walking minutes a day.")] = None,
    attitude: Annotated[str | None, typer.Option(help="keen, neutral or reluctant (R5).")] = None,
    baseline_steps: Annotated[
        int | None, typer.Option(help="Steps on a day without sessions (R4).")
    ] = None,
    db: DbOption = None,
    json: JsonOption = False,
) -> None:
    """Place walks in a running week: finishers, second sessions, easy-run swaps and
    step-floor walks, each with its rule and reason; the week before and after."""
    if (plan_file is None) == (not from_history):
        raise UsageError("give a plan file, or --from-history (not both)")
    start = parse_day(week_start) if week_start else None
    with opened_store(ctx, db) as store:
        with store.session() as session:
            athlete = load_athlete(session)
        planned = _input(store, plan_file, start, athlete)
        planned = _with_overrides(
            planned,
            swap_easy_runs=swap_easy_runs,
            swap_mode=swap_mode,
            two_a_day=two_a_day,
            finisher_s_per_mile=finisher_s_per_mile,
            daily_cap_min=daily_cap_min,
            attitude=attitude,
            baseline_steps=baseline_steps,
        )
        plan = make_plan(store, planned, today(athlete))
    written = _exports(plan, planned.athlete, ics, fit_dir)
    if json:
        print_json(plan.to_json())
        return
    print_plan(plan, planned.athlete.units)
    for path in written:
        out.print(f"wrote {path}")


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


def _input(
    store: Store, plan_file: Path | None, start: dt.date | None, athlete: Athlete
) -> PlanInput:
    if plan_file is not None:
        if not plan_file.is_file():
            raise UsageError(f"{plan_file}: no such plan file")
        return read_plan(plan_file, athlete=athlete, week_start=start)
    return plan_from_history(store, start or next_monday(today(athlete)), athlete=athlete)


def _with_overrides(
    planned: PlanInput,
    *,
    swap_easy_runs: int | None,
    swap_mode: str | None,
    two_a_day: list[str] | None,
    finisher_s_per_mile: float | None,
    daily_cap_min: float | None,
    attitude: str | None,
    baseline_steps: int | None,
) -> PlanInput:
    """The options given on the command line win over the plan source's."""
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
        options = _replace(options, two_a_day=tuple(parse_day(d) for d in two_a_day))
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


def _exports(plan: Plan, athlete: Athlete, ics: Path | None, fit_dir: Path | None) -> list[Path]:
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


def print_plan(plan: Plan, units: Units) -> None:
    table = Table(
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        title=f"plan for the week of {plan.start:%a %d %b %Y}",
        title_justify="left",
    )
    for column in ("day", "session", "pace", "rule"):
        table.add_column(column, overflow="fold")
    for day in plan.days:
        label = f"{day.date:%a %d}"
        if not day.sessions:
            table.add_row(label, "rest", "", "")
        for session in day.sessions:
            pace = pace_text(session.pace_min_per_mi, units) if session.pace_min_per_mi else ""
            table.add_row(label, session_title(session), pace, session.rule)
            if session.rule != "plan":
                table.add_row("", f"[dim]{session.why}[/]", "", "")
            label = ""
    out.print(table)
    for flag in plan.flags:
        out.print(f"[bold yellow]{flag.rule}[/] {flag.date:%a %d}: {flag.why}")
    print_figures(plan.before, plan.after)


def print_figures(before: Figures, after: Figures) -> None:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, title="the week, before and after")
    for column in ("", "run min", "walk min", "on feet min", "impact", "run-eq min", "floor days"):
        table.add_column(column, justify="right")
    for name, figures in (("before", before), ("after", after)):
        table.add_row(
            name,
            f"{figures.run_min:.0f}",
            f"{figures.walk_min:.0f}",
            f"{figures.time_on_feet_min:.0f}",
            f"{figures.impact_bw_steps:,.0f}",
            f"{figures.run_equiv_min:.0f}",
            f"{figures.floor_days}",
        )
    out.print(table)
