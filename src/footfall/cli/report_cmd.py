"""``footfall report [--out DIR] [--weeks N]``: the runner's own trend as one HTML file
that opens with no network, with its charts as PNG and SVG beside it."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated

import typer

from footfall.cli.common import DbOption, JsonOption, one_line_errors, opened_store, print_json
from footfall.errors import UsageError

DEFAULT_OUT = Path("footfall-report")

OutOption = Annotated[
    Path,
    typer.Option(
        "--out",
        help="Folder to write footfall-report.html and its charts/ into (made if missing).",
    ),
]
WeeksOption = Annotated[
    int, typer.Option("--weeks", help="How many whole weeks to show, the last one first.")
]
UntilOption = Annotated[
    str | None,
    typer.Option(
        "--until",
        help="Report as of this day (YYYY-MM-DD): the last whole week on or before it is "
        "the last shown, and the plan is the following week's. Default: today.",
        show_default=False,
    ),
]


@one_line_errors
def report_command(
    ctx: typer.Context,
    out_dir: OutOption = DEFAULT_OUT,
    weeks: WeeksOption = 12,
    until: UntilOption = None,
    db: DbOption = None,
    json: JsonOption = False,
) -> None:
    """Write a self-contained HTML report of your own trend: time on feet, run and walk
    minutes, impact load by gait, steps outside runs against the floor, brisk minutes,
    the habit ladder, how you felt, last week against the 4 before, and the coming
    week's plan. Prints the report's path."""
    from footfall.report import write_report  # noqa: PLC0415 - charts load only when asked

    today = _day(until) if until else None
    with opened_store(ctx, db) as store:
        files = write_report(store, out_dir, weeks=weeks, today=today)
    if json:
        print_json(files.to_json())
    else:
        sys.stdout.write(f"{files.html}\n")


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--until: '{text}' is not a date (use YYYY-MM-DD)") from None
