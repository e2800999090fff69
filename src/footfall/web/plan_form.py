"""The plan page's form: the week's runs (or "my typical week") and its options, read
into the planner's own input by the planner's own readers.

The runs the runner types become a plan CSV (``date,type,minutes,distance``) read by
:func:`~footfall.plan.sources.csv_file.read_csv_plan`, so a run typed on the page is
checked exactly like one in a file; its mistakes are named by the row of the form.
The options become :class:`~footfall.plan.service.PlanChanges`, checked by
:func:`~footfall.plan.service.with_changes` as the command line's are.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict

from footfall.errors import PlanError, UsageError
from footfall.metrics.weeks import DAYS_IN_WEEK
from footfall.plan.model import Plan, PlanInput
from footfall.plan.service import PlanChanges, plan_input, with_changes
from footfall.plan.sources.csv_file import COLUMNS, read_csv_plan
from footfall.settings import METRES_PER_UNIT, Athlete
from footfall.store.database import Store
from footfall.web.forms import day_or_none, int_or_none, number_or_none, text_or_none

#: Rows of runs the form offers (a week has seven days; a two-a-day needs more).
RUN_ROWS = 10
FORM_SOURCE = Path("the plan page")


class PlanForm(BaseModel):
    """The plan page's fields, as typed (every value is text; an empty one means "as
    the runs or the defaults say"). ``two_a_day`` holds days of the week, 0 = its
    first day."""

    model_config = ConfigDict(extra="ignore")

    week_start: str = ""
    source: Literal["runs", "history"] = "runs"
    run_date: list[str] = []
    run_type: list[str] = []
    run_minutes: list[str] = []
    run_distance: list[str] = []
    swap_easy_runs: str = ""
    swap_mode: str = ""
    two_a_day: list[str] = []
    finisher_s_per_mile: str = ""
    daily_cap_min: str = ""
    attitude: str = ""
    baseline_steps: str = ""

    def rows(self) -> list[tuple[str, str, str, str]]:
        """The run rows, padded with empty ones to :data:`RUN_ROWS`."""
        columns = (self.run_date, self.run_type, self.run_minutes, self.run_distance)
        count = max(RUN_ROWS, *(len(column) for column in columns))
        date, kind, minutes, distance = ([*c, *[""] * (count - len(c))] for c in columns)
        return list(zip(date, kind, minutes, distance, strict=True))


def form_for(plan: Plan | None, start: dt.date, athlete: Athlete) -> PlanForm:
    """The form showing what the runner gave for ``plan`` (their runs, swapped ones too,
    and the options), so planning it again changes only what they change; an older
    stored plan without that shows its own runs. No plan: an empty week from ``start``."""
    if plan is None:
        return PlanForm(week_start=start.isoformat())
    per_unit = METRES_PER_UNIT[athlete.units]
    if plan.given is None:
        runs = [s for s in plan.sessions() if s.rule == "plan" and s.kind == "run"]
        given: list[tuple[dt.date, str, float | None, float | None]] = [
            (s.date, s.type, s.minutes, s.distance_m) for s in runs
        ]
        return _with_runs(PlanForm(week_start=plan.start.isoformat()), given, per_unit)
    options, said = plan.given.options, plan.given
    form = PlanForm(
        week_start=plan.start.isoformat(),
        swap_easy_runs=str(options.swap_easy_runs),
        swap_mode=options.swap_mode,
        two_a_day=[str((day - plan.start).days) for day in options.two_a_day],
        finisher_s_per_mile=f"{options.finisher_s_per_mile:g}",
        daily_cap_min="" if options.daily_cap_min is None else f"{options.daily_cap_min:g}",
        attitude=said.walking_attitude,
        baseline_steps="" if said.baseline_steps is None else str(said.baseline_steps),
    )
    sessions = [(s.date, s.type, s.minutes, s.distance_m) for s in said.sessions]
    return _with_runs(form, sessions, per_unit)


def _with_runs(
    form: PlanForm,
    runs: Sequence[tuple[dt.date, str, float | None, float | None]],
    per_unit: float,
) -> PlanForm:
    return form.model_copy(
        update={
            "run_date": [day.isoformat() for day, _, _, _ in runs],
            "run_type": [kind for _, kind, _, _ in runs],
            "run_minutes": ["" if m is None else f"{m:g}" for _, _, m, _ in runs],
            "run_distance": ["" if d is None else f"{d / per_unit:.1f}" for _, _, _, d in runs],
        }
    )


def planned_from_form(store: Store, form: PlanForm, athlete: Athlete) -> PlanInput:
    """The week to plan: the typed runs or the typical week, with the options applied."""
    start = day_or_none(form.week_start, "week start")
    if start is None:
        raise UsageError("week start: choose the first day of the week to plan")
    if form.source == "history":
        planned = plan_input(store, None, start, athlete)
    else:
        planned = _typed_runs(form, start, athlete)
    return with_changes(planned, changes_of(form, start))


def _typed_runs(form: PlanForm, start: dt.date, athlete: Athlete) -> PlanInput:
    text, row_of_line = runs_csv(form)
    if not row_of_line:
        raise UsageError("runs: type the week's runs, or plan your typical week instead")
    try:
        return read_csv_plan(text, FORM_SOURCE, athlete=athlete, week_start=start)
    except PlanError as error:
        row = row_of_line.get(error.line or 0)
        where = f"run {row}" if row else "runs"
        what = f" {error.field}" if error.field else ""
        raise UsageError(f"{where}{what}: {error.problem}") from None


def runs_csv(form: PlanForm) -> tuple[str, dict[int, int]]:
    """The typed runs as a plan CSV, and which form row (from 1) each line came from."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    row_of_line: dict[int, int] = {}
    for number, cells in enumerate(form.rows(), start=1):
        if any(cell.strip() for cell in cells):
            writer.writerow([cell.strip() for cell in cells])
            row_of_line[len(row_of_line) + 2] = number
    return buffer.getvalue(), row_of_line


def changes_of(form: PlanForm, start: dt.date) -> PlanChanges:
    """The options typed beside the runs (each empty one leaves the source's value)."""
    return PlanChanges(
        swap_easy_runs=int_or_none(form.swap_easy_runs, "swap easy runs"),
        swap_mode=text_or_none(form.swap_mode),
        two_a_day=tuple(_day_of_week(start, value) for value in form.two_a_day if value),
        finisher_s_per_mile=number_or_none(form.finisher_s_per_mile, "finisher s per mile"),
        daily_cap_min=number_or_none(form.daily_cap_min, "daily cap"),
        attitude=text_or_none(form.attitude),
        baseline_steps=int_or_none(form.baseline_steps, "baseline steps"),
    )


def _day_of_week(start: dt.date, value: str) -> dt.date:
    offset = int_or_none(value, "two-a-day")
    if offset is None or not 0 <= offset < DAYS_IN_WEEK:
        raise UsageError(f"two-a-day: '{value}' is not a day of the week (0 to 6)")
    return start + dt.timedelta(days=offset)
