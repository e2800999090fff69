"""``footfall recompute``: measure every stored activity again (after settings change)."""

from __future__ import annotations

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from footfall.cli.common import (
    DbOption,
    JsonOption,
    err,
    one_line_errors,
    opened_store,
    out,
    print_json,
)
from footfall.importer.measure import recompute
from footfall.store.database import Store


@one_line_errors
def recompute_command(ctx: typer.Context, db: DbOption = None, json: JsonOption = False) -> None:
    """Measure every stored activity again with the current settings."""
    with opened_store(ctx, db) as store:
        count = recompute_with_progress(store)
    if json:
        print_json({"recomputed": count})
    else:
        out.print(f"measures recomputed for {count} activities")


def recompute_with_progress(store: Store) -> int:
    with Progress(
        TextColumn("measuring"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    ) as progress:
        task = progress.add_task("measuring", total=None)

        def advance(total: int | None, _label: str) -> None:
            if total is not None:
                progress.update(task, total=total, completed=0)
            else:
                progress.update(task, advance=1)

        return recompute(store, advance)
