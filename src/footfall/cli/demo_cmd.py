"""``footfall demo``: the whole path on the sample runner the package ships."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer
from sqlalchemy import select

from footfall.cli.common import DbOption, JsonOption, chosen_db, one_line_errors, out, print_json
from footfall.cli.import_cmd import import_with_progress, print_problems, print_summary
from footfall.cli.plan_cmd import print_plan
from footfall.cli.week_cmd import print_week
from footfall.demo.build import write_demo
from footfall.errors import UsageError
from footfall.metrics.weeks import week_start_of
from footfall.plan.model import Plan
from footfall.plan.service import PlanChanges, make_plan, plan_input, with_changes
from footfall.report import write_report
from footfall.settings import Athlete
from footfall.store.database import Store, open_store
from footfall.store.location import default_db_path
from footfall.store.models import SourceFile
from footfall.store.read import load_week

OutOption = Annotated[
    Path | None,
    typer.Option(
        "--out",
        help="Folder for the demo's files, database and report "
        "(default: demo/ in footfall's data folder; its database is made afresh).",
        show_default=False,
    ),
]


@one_line_errors
def demo_command(
    ctx: typer.Context, out_dir: OutOption = None, db: DbOption = None, json: JsonOption = False
) -> None:
    """The whole path on a sample runner: write six weeks of their files, import and
    measure them, show their last week, plan their next one, and write their report.

    Touches nothing of yours: everything lives in its own folder and, unless --db or
    FOOTFALL_DB names one, its own fresh database (a named database that holds
    anything but the demo runner is refused).
    """
    folder = out_dir or default_db_path().parent / "demo"
    files = folder / "files"
    end = last_sunday(dt.datetime.now(dt.UTC).date())
    written = write_demo(files, end=end)
    named = chosen_db(ctx, db)
    if named is None:
        database: str = str(folder / "demo.sqlite")
        for stale in folder.glob("demo.sqlite*"):
            stale.unlink()
    else:
        database = named
    store = open_store(database)
    try:
        _refuse_foreign_activities(store, files)
        report = import_with_progress(store, [files])
        week = load_week(store, week_start_of(end))
        plan = _plan_next_week(store, end)
        files_of_report = write_report(store, folder / "report", weeks=6, today=end)
    finally:
        store.close()
    if json:
        print_json(
            {
                "import": report.to_json(),
                "week": week.to_json(),
                "plan": plan.to_json(),
                "report": files_of_report.to_json(),
            }
        )
    else:
        out.print(f"demo runner: {len(written)} files written to {files}")
        print_summary(report, brief=True)
        print_week(week)
        print_plan(plan, "mi")
        out.print(f"database: {database} (footfall --db {database} activities)")
        out.print(f"report: {files_of_report.html}")
    print_problems(report)
    raise typer.Exit(report.exit_code)


def _refuse_foreign_activities(store: Store, files: Path) -> None:
    """The demo never mixes its runner into a database that holds someone's files."""
    with store.session() as session:
        paths = session.scalars(select(SourceFile.path)).all()
    foreign = [p for p in paths if not p.startswith(str(files))]
    if foreign:
        raise UsageError(
            f"the database {store.url} holds your own activities ({foreign[0]}, ...); "
            "the demo needs one of its own: leave out --db and FOOTFALL_DB, or name a new one"
        )


def _plan_next_week(store: Store, end: dt.date) -> Plan:
    """The runner's typical week planned for the week after the demo: one easy run
    swapped for a walk (R3) and a second session on the workout day (R2)."""
    athlete = Athlete()
    typical = plan_input(store, None, end + dt.timedelta(days=1), athlete)
    workouts = tuple(s.date for s in typical.sessions if s.type == "workout")
    changes = PlanChanges(swap_easy_runs=1, two_a_day=workouts[:1])
    return make_plan(store, with_changes(typical, changes), end)


def last_sunday(today: dt.date) -> dt.date:
    """The last day of the most recent Monday–Sunday week (today, on a Sunday)."""
    return today - dt.timedelta(days=today.isoweekday() % 7)
