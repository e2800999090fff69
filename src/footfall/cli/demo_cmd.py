"""``footfall demo``: the whole path on the sample runner the package ships."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from footfall.cli.activities_cmd import activities_command
from footfall.cli.common import JsonOption, one_line_errors, out
from footfall.cli.import_cmd import import_command
from footfall.demo.build import write_demo

KeepOption = Annotated[
    Path | None,
    typer.Option(
        "--keep", help="Write the demo files and database here instead of a temporary folder."
    ),
]


@one_line_errors
def demo_command(ctx: typer.Context, keep: KeepOption = None, json: JsonOption = False) -> None:
    """Import six weeks of a sample runner into a fresh database and show them."""
    with tempfile.TemporaryDirectory(prefix="footfall-demo-") as scratch:
        folder = keep or Path(scratch)
        files = folder / "files"
        files.mkdir(parents=True, exist_ok=True)
        written = write_demo(files, end=last_sunday(dt.datetime.now(dt.UTC).date()))
        db = str(folder / "demo.sqlite")
        if not json:
            out.print(f"demo runner: {len(written)} files written to {files}")
        try:
            ctx.invoke(import_command, ctx, paths=[files], db=db, json=False)
        except typer.Exit as done:
            if done.exit_code:
                raise
        ctx.invoke(activities_command, ctx, db=db, json=json)


def last_sunday(today: dt.date) -> dt.date:
    """The last day of the most recent complete Monday–Sunday week."""
    return today - dt.timedelta(days=today.isoweekday() % 7)
