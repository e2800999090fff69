"""``footfall recompute``: measure every stored activity again (after settings change)."""

from __future__ import annotations

import typer

from footfall.cli.common import (
    DbOption,
    JsonOption,
    one_line_errors,
    opened_store,
    out,
    print_json,
)
from footfall.cli.progress import progress_bar
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
    with progress_bar("measuring") as bar:
        return recompute(store, bar.counting)
