"""``footfall activities``: what the store holds."""

from __future__ import annotations

import dataclasses

import typer
from rich.table import Table

from footfall.cli.common import DbOption, JsonOption, one_line_errors, opened_store, out, print_json
from footfall.importer.pipeline import iso_utc
from footfall.store.read import ActivitySummary, list_activities


@one_line_errors
def activities_command(ctx: typer.Context, db: DbOption = None, json: JsonOption = False) -> None:
    """List the imported activities with their measures."""
    with opened_store(ctx, db) as store:
        rows = list_activities(store)
    if json:
        print_json([activity_json(row) for row in rows])
    else:
        print_activities(rows)


def print_activities(rows: list[ActivitySummary]) -> None:
    table = Table(title=f"{len(rows)} activities", title_justify="left")
    for column in ("id", "start (UTC)", "sport", "label", "min", "km", "samples", "name"):
        table.add_column(
            column, justify="right" if column in {"id", "min", "km", "samples"} else "left"
        )
    for row in rows:
        km = "" if row.distance_m is None else f"{row.distance_m / 1000:.2f}"
        table.add_row(
            str(row.id),
            iso_utc(row.start)[:16].replace("T", " "),
            row.sport,
            row.source_sport,
            f"{row.duration_s / 60:.0f}",
            km,
            str(row.samples),
            row.name,
        )
    out.print(table)


def activity_json(row: ActivitySummary) -> dict[str, object]:
    document = dataclasses.asdict(row)
    document["start"] = iso_utc(row.start)
    return document
