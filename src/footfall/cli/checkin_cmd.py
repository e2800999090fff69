"""``footfall checkin``: how the runner felt after a walk (R8); feeds the ladder (R5)."""

from __future__ import annotations

from typing import Annotated

import typer
from rich import box
from rich.table import Table

from footfall.cli.common import DbOption, JsonOption, one_line_errors, opened_store, out, print_json
from footfall.day_range import parse_day
from footfall.errors import UsageError
from footfall.store.checkins import ENERGY, LEGS, CheckIn, list_checkins
from footfall.store.ladder import check_in


@one_line_errors
def checkin_command(
    ctx: typer.Context,
    legs: Annotated[
        str | None, typer.Option(help=f"How your legs felt: {', '.join(LEGS)}.", show_default=False)
    ] = None,
    energy: Annotated[
        str | None, typer.Option(help=f"Your energy: {', '.join(ENERGY)}.", show_default=False)
    ] = None,
    note: Annotated[str, typer.Option(help="Anything else worth remembering.")] = "",
    walk: Annotated[
        int | None,
        typer.Option("--walk", min=1, max=2**63 - 1, help="The walk's id (footfall activities)."),
    ] = None,
    date: Annotated[
        str | None, typer.Option("--date", help="The walk's day (YYYY-MM-DD); default today.")
    ] = None,
    show: Annotated[bool, typer.Option("--list", help="List the check-ins instead.")] = False,
    db: DbOption = None,
    json: JsonOption = False,
) -> None:
    """Say how a walk felt: legs weaker/same/stronger, energy lower/same/higher."""
    if show:
        with opened_store(ctx, db) as store, store.session() as session:
            _print_list(list_checkins(session), json)
        return
    if legs is None or energy is None:
        raise UsageError("give both --legs and --energy (or --list to see check-ins)")
    if walk is not None and date is not None:
        raise UsageError("give --walk or --date, not both")
    day = parse_day(date, "--date") if date is not None else None
    with opened_store(ctx, db) as store:
        saved, ladder = check_in(store, legs=legs, energy=energy, note=note, walk=walk, date=day)
    if json:
        document = saved.to_json()
        document["ladder_next_ft"] = None if ladder is None else round(ladder.step_ft)
        print_json(document)
        return
    out.print(f"checked in for {saved.date:%a %d %b}: legs {saved.legs}, energy {saved.energy}")
    if ladder is not None:
        out.print(f"habit ladder: your next finisher walk is {ladder.step_ft:,.0f} ft")


def _print_list(checkins: list[CheckIn], json: bool) -> None:
    if json:
        print_json([c.to_json() for c in checkins])
        return
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, title=f"{len(checkins)} check-ins")
    for column in ("date", "walk", "legs", "energy", "note"):
        table.add_column(column)
    for c in checkins:
        walk = "" if c.activity_id is None else str(c.activity_id)
        table.add_row(c.date.isoformat(), walk, c.legs, c.energy, c.note)
    out.print(table)
