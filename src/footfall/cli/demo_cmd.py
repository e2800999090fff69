"""``footfall demo``: the whole path on the sample runner the package ships."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from footfall.cli.activities_cmd import activity_json
from footfall.cli.common import JsonOption, one_line_errors, out, print_json
from footfall.cli.import_cmd import import_with_progress, print_problems, print_summary
from footfall.cli.week_cmd import print_week
from footfall.demo.build import write_demo
from footfall.metrics.weeks import week_start_of
from footfall.store.database import open_store
from footfall.store.read import list_activities, load_week

KeepOption = Annotated[
    Path | None,
    typer.Option(
        "--keep",
        help="Write the demo files and database into this folder instead of a temporary one.",
    ),
]


@one_line_errors
def demo_command(keep: KeepOption = None, json: JsonOption = False) -> None:
    """Import six weeks of a sample runner into a fresh database and show them.

    Touches nothing of yours: the files and the database live in a temporary folder
    (or in --keep).
    """
    with tempfile.TemporaryDirectory(prefix="footfall-demo-") as scratch:
        folder = keep or Path(scratch)
        files = folder / "files"
        end = last_sunday(dt.datetime.now(dt.UTC).date())
        written = write_demo(files, end=end)
        store = open_store(str(folder / "demo.sqlite"))
        try:
            report = import_with_progress(store, [files])
            rows = list_activities(store)
            week = load_week(store, week_start_of(end))
        finally:
            store.close()
    if json:
        print_json(
            {
                "import": report.to_json(),
                "activities": [activity_json(r) for r in rows],
                "week": week.to_json(),
            }
        )
    else:
        where = str(files) if keep else "a temporary folder (--keep DIR keeps them)"
        out.print(f"demo runner: {len(written)} files written to {where}")
        print_summary(report, brief=True)
        print_week(week)
    print_problems(report)
    raise typer.Exit(report.exit_code)


def last_sunday(today: dt.date) -> dt.date:
    """The last day of the most recent Monday–Sunday week (today, on a Sunday)."""
    return today - dt.timedelta(days=today.isoweekday() % 7)
