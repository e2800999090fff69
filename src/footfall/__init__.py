"""footfall: walking as training for runners.

The library under the ``footfall`` command; every command is one call here::

    import footfall
    report = footfall.import_paths(["~/garmin"], db="runs.sqlite")
    rows = footfall.activities(db="runs.sqlite")
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from os import PathLike
from pathlib import Path

from footfall.errors import FootfallError
from footfall.importer.measure import recompute as _recompute
from footfall.importer.pipeline import Progress
from footfall.importer.pipeline import import_paths as _import_paths
from footfall.importer.report import ImportReport
from footfall.metrics.weeks import Week, week_start_of
from footfall.store.database import Store, open_store
from footfall.store.read import ActivitySummary, list_activities, load_week

__version__ = "0.1.0"


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
    "Store",
    "Week",
    "__version__",
    "activities",
    "import_paths",
    "open_store",
    "recompute",
    "week",
]
