"""``footfall activities``: what the store holds, with its measures."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer
from rich import box
from rich.table import Table

from footfall.cli.common import DbOption, JsonOption, one_line_errors, opened_store, out, print_json
from footfall.metrics.timezone import zone_named
from footfall.settings import METRES_PER_UNIT, Units
from footfall.store.athlete import load_athlete
from footfall.store.read import ActivitySummary, list_activities

LastOption = Annotated[
    int | None, typer.Option("--last", help="Only the most recent N activities.", min=1)
]


@one_line_errors
def activities_command(
    ctx: typer.Context, last: LastOption = None, db: DbOption = None, json: JsonOption = False
) -> None:
    """List the imported activities with their measures (oldest first)."""
    with opened_store(ctx, db) as store:
        rows = list_activities(store)
        with store.session() as session:
            units = load_athlete(session).units
    if last is not None:
        rows = rows[-last:]
    if json:
        print_json([row.to_json() for row in rows])
    else:
        print_activities(rows, units)


def print_activities(rows: list[ActivitySummary], units: Units) -> None:
    table = Table(
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        collapse_padding=True,
        show_edge=False,
        title=f"{len(rows)} activities",
        title_justify="left",
        caption="start in the activity's local time; minutes of moving time",
        caption_justify="left",
    )
    columns = ("id", "start", "sport", units, "min", "run", "walk", "brisk", "steps", "impact")
    for column in columns:
        table.add_column(column, justify="left" if column in {"start", "sport"} else "right")
    for row in rows:
        table.add_row(*_cells(row, units))
    out.print(table)


def _cells(row: ActivitySummary, units: Units) -> tuple[str, ...]:
    per_unit = METRES_PER_UNIT[units]
    distance = "" if row.distance_m is None else f"{row.distance_m / per_unit:.1f}"
    walk = None if row.walk_s is None else row.walk_s + (row.hike_s or 0.0)
    steps = (
        ""
        if row.steps is None
        else f"{row.steps:,}" + ("~" if row.steps_source == "estimated" else "")
    )
    return (
        str(row.id), f"{_local(row):%Y-%m-%d %H:%M}", row.sport, distance,
        _minutes(row.moving_s), _minutes(row.run_s), _minutes(walk), _minutes(row.brisk_walk_s),
        steps, "" if row.impact_bw_steps is None else f"{row.impact_bw_steps:,.0f}",
    )  # fmt: skip


def _minutes(seconds: float | None) -> str:
    return "" if seconds is None else f"{seconds / 60:.0f}"


def _local(row: ActivitySummary) -> dt.datetime:
    return row.start.astimezone(zone_named(row.time_zone)) if row.time_zone else row.start
