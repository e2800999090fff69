"""footfall: walking as training for runners.

The library under the ``footfall`` command; every command is one call here::

    import footfall
    report = footfall.import_paths(["~/garmin"], db="runs.sqlite")
    rows = footfall.activities(db="runs.sqlite")
    plan = footfall.plan_week("week.yaml", db="runs.sqlite")
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from os import PathLike
from pathlib import Path

from footfall.errors import FootfallError
from footfall.guide.model import Timeline
from footfall.guide.service import WalkRequest, prepare_walk
from footfall.importer.measure import recompute as _recompute
from footfall.importer.pipeline import Progress
from footfall.importer.pipeline import import_paths as _import_paths
from footfall.importer.report import ImportReport
from footfall.metrics.timezone import today_in
from footfall.metrics.weeks import Week, week_start_of
from footfall.plan.model import Plan
from footfall.plan.service import PlanChanges, make_plan, plan_input, with_changes
from footfall.report import write_report
from footfall.store.athlete import load_athlete
from footfall.store.database import Store, open_store
from footfall.store.read import ActivitySummary, list_activities, load_week
from footfall.version import __version__


def import_paths(
    paths: Iterable[str | PathLike[str]], *, db: str | None = None, progress: Progress | None = None
) -> ImportReport:
    """Import files, folders and archives into the store named by ``db`` (an SQLAlchemy
    URL or SQLite path; default ``$FOOTFALL_DB`` or the user's data folder)."""
    store = open_store(db)
    try:
        return _import_paths(store, [Path(p).expanduser() for p in paths], progress)
    finally:
        store.close()


def activities(*, db: str | None = None) -> list[ActivitySummary]:
    """Every stored activity with its measures, oldest first."""
    store = open_store(db)
    try:
        return list_activities(store)
    finally:
        store.close()


def week(start: str | dt.date, *, db: str | None = None) -> Week:
    """The local week (Monday to Sunday) holding ``start``, day by day."""
    day = dt.date.fromisoformat(start) if isinstance(start, str) else start
    store = open_store(db)
    try:
        return load_week(store, week_start_of(day))
    finally:
        store.close()


def plan_week(
    plan_file: str | PathLike[str] | None = None,
    *,
    db: str | None = None,
    week_start: str | dt.date | None = None,
    changes: PlanChanges | None = None,
) -> Plan:
    """Plan a week (``footfall plan``): the running week of ``plan_file`` (YAML, ICS or
    CSV), or without one the runner's typical week, with walks placed by R1-R6 and R9's
    flags; the plan is stored."""
    start = dt.date.fromisoformat(week_start) if isinstance(week_start, str) else week_start
    store = open_store(db)
    try:
        with store.session() as session:
            athlete = load_athlete(session)
        path = Path(plan_file).expanduser() if plan_file is not None else None
        planned = with_changes(plan_input(store, path, start, athlete), changes or PlanChanges())
        return make_plan(store, planned, today_in(athlete))
    finally:
        store.close()


def guided_walk(request: WalkRequest, *, db: str | None = None) -> Timeline:
    """A guided walk's timeline (``footfall walk``): minutes and a style, or the stored
    plan's walk of a day."""
    store = open_store(db)
    try:
        return prepare_walk(store, request).timeline
    finally:
        store.close()


def report(out_dir: str | PathLike[str], *, db: str | None = None, weeks: int = 12) -> Path:
    """Write the self-contained HTML report (``footfall report``); its path."""
    store = open_store(db)
    try:
        return write_report(store, Path(out_dir), weeks=weeks).html
    finally:
        store.close()


def recompute(*, db: str | None = None) -> int:
    """Measure every stored activity again with the current settings."""
    store = open_store(db)
    try:
        return _recompute(store)
    finally:
        store.close()


__all__ = [
    "ActivitySummary",
    "FootfallError",
    "ImportReport",
    "Plan",
    "PlanChanges",
    "Store",
    "Timeline",
    "WalkRequest",
    "Week",
    "__version__",
    "activities",
    "guided_walk",
    "import_paths",
    "open_store",
    "plan_week",
    "recompute",
    "report",
    "week",
]
