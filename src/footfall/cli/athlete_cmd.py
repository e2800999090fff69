"""``footfall athlete``: show and set the runner's settings; says which are assumed."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.table import Table

from footfall.cli.common import DbOption, JsonOption, one_line_errors, opened_store, out, print_json
from footfall.cli.recompute_cmd import recompute_with_progress
from footfall.settings import AUTO_ZONE, MEASURE_INPUTS, SETTING_NAMES, Athlete
from footfall.store.athlete import load_athlete, save_athlete

_DESCRIPTIONS = {
    "mass_kg": "body mass, kg",
    "height_cm": "height, cm (stride model for estimated steps)",
    "units": "mi or km",
    "step_floor": "steps outside runs a day should reach (E2)",
    "time_zone": "IANA zone for your days; auto = from each activity's position",
    "impact_model": "fixed (E1: run 2.5, walk 1.2 x body weight) or speed (Keller 1996)",
}


@one_line_errors
def athlete_command(
    ctx: typer.Context,
    mass_kg: Annotated[float | None, typer.Option(help="Body mass in kg.")] = None,
    height_cm: Annotated[float | None, typer.Option(help="Height in cm.")] = None,
    units: Annotated[str | None, typer.Option(help="mi or km.")] = None,
    step_floor: Annotated[int | None, typer.Option(help="Daily steps outside runs (E2).")] = None,
    time_zone: Annotated[
        str | None, typer.Option(help=f"IANA zone such as Europe/London, or '{AUTO_ZONE}'.")
    ] = None,
    impact_model: Annotated[str | None, typer.Option(help="fixed or speed.")] = None,
    db: DbOption = None,
    json: JsonOption = False,
) -> None:
    """Show the runner's settings, or set some; values never set are marked assumed."""
    given: dict[str, Any] = {
        "mass_kg": mass_kg,
        "height_cm": height_cm,
        "units": units,
        "step_floor": step_floor,
        "time_zone": time_zone,
        "impact_model": impact_model,
    }
    changes = {name: value for name, value in given.items() if value is not None}
    if changes.get("time_zone") == AUTO_ZONE:
        changes["time_zone"] = None
    with opened_store(ctx, db) as store:
        with store.transaction() as session:
            athlete = load_athlete(session).set(**changes)
            if changes:
                save_athlete(session, athlete)
        recomputed = None
        if MEASURE_INPUTS & set(changes):
            recomputed = recompute_with_progress(store)
    if json:
        print_json(athlete.to_json())
        return
    _print(athlete)
    if recomputed is not None:
        out.print(f"measures recomputed for {recomputed} activities")


def _print(athlete: Athlete) -> None:
    table = Table(title="athlete", title_justify="left")
    for column in ("setting", "value", "", "meaning"):
        table.add_column(column)
    for name in SETTING_NAMES:
        value = getattr(athlete, name)
        shown = AUTO_ZONE if name == "time_zone" and value is None else str(value)
        table.add_row(
            name, shown, "assumed" if name in athlete.assumed else "set", _DESCRIPTIONS[name]
        )
    out.print(table)
