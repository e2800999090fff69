"""The ``footfall`` command: a thin veneer over the library, one module per command."""

from __future__ import annotations

from typing import Annotated

import typer

from footfall.cli.activities_cmd import activities_command
from footfall.cli.athlete_cmd import athlete_command
from footfall.cli.checkin_cmd import checkin_command
from footfall.cli.demo_cmd import demo_command
from footfall.cli.import_cmd import import_command
from footfall.cli.plan_cmd import plan_command
from footfall.cli.recompute_cmd import recompute_command
from footfall.cli.report_cmd import report_command
from footfall.cli.serve_cmd import serve_command
from footfall.cli.walk_cmd import walk_command
from footfall.cli.week_cmd import week_command

app = typer.Typer(
    name="footfall",
    help="Walking as training for runners: import, measure, plan, coach.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def root(
    db: Annotated[
        str | None,
        typer.Option(
            "--db", help="Database URL or SQLite path for every command.", show_default=False
        ),
    ] = None,
) -> None:
    """Walking as training for runners: import, measure, plan, coach."""


app.command("import")(import_command)
app.command("activities")(activities_command)
app.command("week")(week_command)
app.command("plan")(plan_command)
app.command("walk")(walk_command)
app.command("checkin")(checkin_command)
app.command("report")(report_command)
app.command("serve")(serve_command)
app.command("athlete")(athlete_command)
app.command("recompute")(recompute_command)
app.command("demo")(demo_command)


def main() -> None:
    app()
