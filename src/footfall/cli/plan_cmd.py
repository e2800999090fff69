"""``footfall plan``: the running week with walks placed by R1–R6 (and R9's flags)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.table import Table
from rich.text import Text

from footfall.cli.common import (
    DbOption,
    JsonOption,
    one_line_errors,
    opened_store,
    out,
    print_json,
    say,
)
from footfall.day_range import parse_day
from footfall.errors import UsageError
from footfall.export.wording import pace_text, session_title
from footfall.metrics.timezone import today_in
from footfall.plan.model import Figures, Plan
from footfall.plan.service import PlanChanges, make_plan, plan_input, with_changes, write_exports
from footfall.settings import Units
from footfall.store.athlete import load_athlete

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
    start = parse_day(week_start, "--week-start") if week_start is not None else None
    with opened_store(ctx, db) as store:
        with store.session() as session:
            athlete = load_athlete(session)
        changes = PlanChanges(
            swap_easy_runs=swap_easy_runs,
            swap_mode=swap_mode,
            two_a_day=tuple(parse_day(d, "--two-a-day") for d in two_a_day or ()),
            finisher_s_per_mile=finisher_s_per_mile,
            daily_cap_min=daily_cap_min,
            attitude=attitude,
            baseline_steps=baseline_steps,
        )
        planned = with_changes(plan_input(store, plan_file, start, athlete), changes)
        plan = make_plan(store, planned, today_in(athlete))
    written = write_exports(plan, planned.athlete, ics, fit_dir)
    if json:
        print_json(plan.to_json())
        return
    print_plan(plan, planned.athlete.units)
    for path in written:
        out.print(f"wrote {path}")


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
                table.add_row("", Text(session.why, style="dim"), "", "")
            label = ""
    out.print(table)
    for flag in plan.flags:
        say(out, flag.rule, f"{flag.date:%a %d}: {flag.why}", style="bold yellow")
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
