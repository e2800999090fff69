"""``footfall import PATH...``: files, folders, .gz, Strava and Apple Health exports."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from footfall.cli.common import (
    DbOption,
    JsonOption,
    err,
    one_line_errors,
    opened_store,
    out,
    print_json,
    say,
)
from footfall.cli.progress import progress_bar, short_label
from footfall.importer.pipeline import import_paths
from footfall.importer.report import ImportReport
from footfall.store.database import Store

PathsArgument = Annotated[
    list[Path],
    typer.Argument(
        help="Files, folders, .gz, or export .zip files.",
        show_default=False,
        readable=False,  # an unreadable file is one error of the import, not a usage error
    ),
]


@one_line_errors
def import_command(
    ctx: typer.Context, paths: PathsArgument, db: DbOption = None, json: JsonOption = False
) -> None:
    """Import activity files, daily steps and exports. Re-importing a file is a no-op.

    Exit code 0 when every file was fine, 1 when some failed (the others are kept).
    """
    with opened_store(ctx, db) as store:
        report = import_with_progress(store, paths)
    if json:
        print_json(report.to_json())
    else:
        print_summary(report)
    print_problems(report)
    raise typer.Exit(report.exit_code)


def import_with_progress(store: Store, paths: list[Path]) -> ImportReport:
    """The import, with a progress bar on stderr (stdout stays for results)."""
    with progress_bar("importing") as bar:
        return import_paths(store, paths, bar.counting)


def print_problems(report: ImportReport) -> None:
    """One line per warning and per failed file, on stderr."""
    for warning in report.warnings:
        say(err, "warning:", f"{warning.path}: {warning.error}", style="yellow")
    for problem in report.errors:
        say(err, "error:", f"{problem.path}: {problem.error}", style="red")


def print_summary(report: ImportReport, *, brief: bool = False) -> None:
    """The imported activities as a table (or, ``brief``, only the counts), then what was
    skipped and which files gave daily steps."""
    if report.imported and not brief:
        table = Table(title="Imported", title_justify="left")
        for column in ("id", "start (UTC)", "sport", "samples", "km", "file"):
            table.add_column(
                column, justify="right" if column in {"id", "samples", "km"} else "left"
            )
        for item in report.imported:
            km = "" if item.distance_m is None else f"{item.distance_m / 1000:.2f}"
            table.add_row(
                str(item.id),
                item.start[:16].replace("T", " "),
                item.sport,
                str(item.samples),
                km,
                short_label(item.path, 50),
            )
        out.print(table)
    for skipped in report.skipped:
        out.print(f"skipped: {skipped.path}: {skipped.reason}", soft_wrap=True)
    for days in report.day_steps:
        out.print(f"daily steps: {days.path}: {days.days} days ({days.first} to {days.last})")
    out.print(
        f"{len(report.imported)} imported, {len(report.duplicates)} already stored, "
        f"{len(report.skipped)} skipped, {len(report.errors)} failed"
    )
