"""Where a running week comes from: a plan file (YAML, SPEC §4), a calendar (.ics), a
CSV (``date,type,minutes,distance``), or the runner's own last four weeks.

:func:`read_plan` reads any of the three files, choosing the reader by content first
(a calendar opens with ``BEGIN:VCALENDAR``; a plan CSV's first line names ``date`` and
``type`` columns), then by extension (``.ics``, ``.csv``), else YAML. Every mistake is a
:class:`~footfall.errors.PlanError` naming the file, the line and the field.

The history source is :func:`typical_week` (pure) and :func:`plan_from_history` (from
the store).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from footfall.plan.model import PlanInput
from footfall.plan.sources.csv_file import read_csv_plan
from footfall.plan.sources.history import PastActivity, typical_week
from footfall.plan.sources.ics_file import read_ics_plan
from footfall.plan.sources.plan_text import MAX_PLAN_BYTES, read_plan_text
from footfall.plan.sources.stored import past_activities, plan_from_history
from footfall.plan.sources.yaml_file import read_yaml_plan
from footfall.settings import Athlete

Reader = Callable[..., PlanInput]
ICS, CSV, YAML = "ics", "csv", "yaml"
READERS: dict[str, Reader] = {ICS: read_ics_plan, CSV: read_csv_plan, YAML: read_yaml_plan}
_EXTENSIONS = {".ics": ICS, ".ical": ICS, ".ifb": ICS, ".csv": CSV}


def read_plan(path: Path, *, athlete: Athlete, week_start: dt.date | None = None) -> PlanInput:
    """The running week in ``path``. ``athlete`` is the stored settings (a YAML plan's
    athlete block overrides them for this plan); ``week_start`` picks the week when the
    file does not say (a calendar holds many weeks)."""
    text = read_plan_text(path)
    reader = READERS[plan_kind(path, text)]
    return reader(text, path, athlete=athlete, week_start=week_start)


def plan_kind(path: Path, text: str) -> str:
    """``ics``, ``csv`` or ``yaml``: by content, then by extension, else YAML."""
    head = text.lstrip()
    if head[:15].upper() == "BEGIN:VCALENDAR":
        return ICS
    first_line = head.split("\n", 1)[0]
    columns = {cell.strip().strip('"').lower() for cell in first_line.split(",")}
    if {"date", "type"} <= columns:
        return CSV
    return _EXTENSIONS.get(path.suffix.lower(), YAML)


__all__ = [
    "MAX_PLAN_BYTES",
    "PastActivity",
    "past_activities",
    "plan_from_history",
    "plan_kind",
    "read_plan",
    "typical_week",
]
