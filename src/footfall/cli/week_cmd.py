"""``footfall week [--start DATE]``: one week, day by day, in the runner's local time."""

from __future__ import annotations

from typing import Annotated

import typer
from rich import box
from rich.table import Table

from footfall.cli.common import DbOption, JsonOption, one_line_errors, opened_store, out, print_json
from footfall.day_range import parse_day
from footfall.metrics.days import DayFigures
from footfall.metrics.timezone import today_in
from footfall.metrics.weeks import Week, week_start_of
from footfall.store.athlete import load_athlete
from footfall.store.read import load_week

StartOption = Annotated[
    str | None,
    typer.Option(
        "--start",
        help="Any day of the week to show (YYYY-MM-DD); the week runs Monday to Sunday. "
        "Default: this week.",
        show_default=False,
    ),
]
_FLOOR_MARK = {True: "met", False: "under", None: "unknown"}


@one_line_errors
def week_command(
    ctx: typer.Context, start: StartOption = None, db: DbOption = None, json: JsonOption = False
) -> None:
    """Show one week day by day: steps, steps outside runs against the floor, run and
    walk minutes, brisk minutes, time on feet, impact load, run-equivalent minutes."""
    with opened_store(ctx, db) as store:
        with store.session() as session:
            athlete = load_athlete(session)
        monday = week_start_of(
            parse_day(start, "--start") if start is not None else today_in(athlete)
        )
        week = load_week(store, monday)
    if json:
        print_json(week.to_json())
    else:
        print_week(week)


def print_week(week: Week) -> None:
    table = Table(
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        collapse_padding=True,
        title=f"week of {week.start:%a %d %b %Y}",
        title_justify="left",
        caption="minutes; off runs = steps outside runs (E2); impact in body-weight·steps (E1); "
        "run-eq = run + brisk walk / 3 (E3)",
        caption_justify="left",
    )
    columns = ("day", "steps", "off runs", "floor", "run", "walk", "brisk", "on feet",
               "impact", "run-eq")  # fmt: skip
    table.show_edge = False
    for column in columns:
        left = column in {"day", "floor"}
        table.add_column(column, justify="left" if left else "right", no_wrap=True)
    for day in week.days:
        table.add_row(*_cells(day))
    totals = week.to_json()["totals"]  # the figures --json gives, so the two agree
    table.add_section()
    table.add_row(
        "week", f"{totals['steps']:,}", f"{totals['steps_outside_runs']:,}",
        f"{totals['floor_days']}/7", f"{totals['run_min']:.0f}", f"{totals['walk_min']:.0f}",
        f"{totals['brisk_min']:.0f}", f"{totals['time_on_feet_min']:.0f}",
        f"{totals['impact_bw_steps']:,}", f"{totals['run_equiv_min']:.0f}",
    )  # fmt: skip
    out.print(table)
    if any(day.steps_source == "activities" for day in week.days):
        out.print("* steps of the recorded activities only: no device total for the day")
    unknown = [day for day in week.days if day.floor_met is None and day.floor_note]
    for day in unknown:
        out.print(f"{day.date:%a %d %b}: floor unknown — {day.floor_note}")


def _cells(day: DayFigures) -> tuple[str, ...]:
    source = {"device": "", "activities": "*", "none": ""}[day.steps_source]
    counted = day.steps_source != "none"
    steps = f"{day.steps:,.0f}{source}" if counted else "—"
    outside = f"{day.steps_outside_runs:,.0f}" if counted else "—"
    return (
        f"{day.date:%a %d}", steps, outside,
        _FLOOR_MARK[day.floor_met], f"{day.run_min:.0f}", f"{day.walk_min:.0f}",
        f"{day.brisk_min:.0f}", f"{day.time_on_feet_min:.0f}",
        f"{day.impact_bw_steps:,.0f}", f"{day.run_equiv_min:.0f}",
    )  # fmt: skip
