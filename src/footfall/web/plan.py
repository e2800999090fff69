"""``/plan``: the stored plan of a week with each walk's rule and reason, a form to plan
it again (the runs or the typical week, and the options), and its downloads: the week
as a calendar (``.ics``), its walks as watch workouts (a ``.zip`` of ``.fit``, or one).
Planning goes through :mod:`footfall.plan.service`, as ``footfall plan`` does."""

from __future__ import annotations

import datetime as dt
import io
import tempfile
import zipfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Query, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse

from footfall.errors import FootfallError, UsageError
from footfall.export.fit_workout import plan_to_fit_dir, walk_to_fit, workout_name
from footfall.export.ics import plan_to_ics
from footfall.export.schedule import numbered
from footfall.guide.planned import planned_walks
from footfall.metrics.timezone import zone_named
from footfall.metrics.weeks import DAYS_IN_WEEK, week_start_of
from footfall.plan.model import ATTITUDES, SESSION_TYPES, SWAP_MODES, Plan
from footfall.plan.service import make_plan, next_monday
from footfall.store.plans import latest_plan, plan_covering
from footfall.web.forms import day_or_none, int_or_none
from footfall.web.plan_form import PlanForm, form_for, planned_from_form
from footfall.web.problems import one_line, status_of
from footfall.web.queries import planned_weeks
from footfall.web.state import State, WebState

router = APIRouter(tags=["pages"])
WeekQuery = Annotated[str | None, Query(description="Any day of the planned week, YYYY-MM-DD")]
FIT_TYPE = "application/vnd.ant.fit"


@router.get("/plan", response_class=HTMLResponse, summary="The week's plan and its options")
def plan_page(request: Request, state: State, week: WeekQuery = None) -> HTMLResponse:
    day = day_or_none(week, "week")
    today = state.today()
    with state.store.session() as session:
        plan = plan_covering(session, day or today) or (
            latest_plan(session) if day is None else None
        )
    start = plan.start if plan else (week_start_of(day) if day else next_monday(today))
    form = form_for(plan, start, state.athlete())
    return _render(request, state, plan, form)


@router.post("/plan", response_class=HTMLResponse, summary="Plan a week from the form")
def plan_again(request: Request, state: State, form: Annotated[PlanForm, Form()]) -> Response:
    athlete = state.athlete()
    try:
        planned = planned_from_form(state.store, form, athlete)
        plan = make_plan(state.store, planned, state.today())
    except FootfallError as error:
        return _render(request, state, None, form, problem=one_line(error), status=status_of(error))
    return RedirectResponse(f"/plan?week={plan.start.isoformat()}", status_code=303)


def _render(
    request: Request,
    state: WebState,
    plan: Plan | None,
    form: PlanForm,
    *,
    problem: str | None = None,
    status: int = 200,
) -> HTMLResponse:
    context = {
        "page": "plan",
        "plan": plan,
        "form": form,
        "problem": problem,
        "weeks": planned_weeks(state.store),
        "units": state.athlete().units,
        "session_types": SESSION_TYPES,
        "swap_modes": SWAP_MODES,
        "attitudes": ATTITUDES,
        "numbered": numbered,
        "day_names": day_names(form.week_start),
    }
    return state.templates.TemplateResponse(request, "plan.html", context, status_code=status)


def stored_plan(state: WebState, week: str | None) -> Plan:
    """The stored plan covering ``week`` (404 when there is none)."""
    day = day_or_none(week, "week") or state.today()
    with state.store.session() as session:
        plan = plan_covering(session, day)
    if plan is None:
        raise HTTPException(404, f"no stored plan covers {day.isoformat()} (plan the week first)")
    return plan


def _download(data: bytes, media_type: str, name: str) -> Response:
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    return Response(data, media_type=media_type, headers=headers)


@router.get("/plan/calendar.ics", summary="The planned week as a calendar")
def plan_calendar(state: State, week: WeekQuery = None) -> Response:
    plan = stored_plan(state, week)
    athlete = state.athlete()
    zone = zone_named(athlete.time_zone) if athlete.time_zone else None
    data = plan_to_ics(plan, zone=zone, units=athlete.units)
    return _download(data, "text/calendar", f"footfall-week-{plan.start.isoformat()}.ics")


@router.get("/plan/workouts.zip", summary="Every planned walk as a FIT watch workout")
def plan_workouts(state: State, week: WeekQuery = None) -> Response:
    plan = stored_plan(state, week)
    buffer = io.BytesIO()
    with tempfile.TemporaryDirectory(prefix="footfall-fit-") as scratch:
        written = plan_to_fit_dir(plan, Path(scratch))
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in written:
                archive.write(path, path.name)
    if not written:
        raise HTTPException(404, f"the plan of {plan.start.isoformat()} has no walks")
    return _download(buffer.getvalue(), "application/zip", f"footfall-walks-{plan.start}.zip")


@router.get("/plan/walk.fit", summary="One planned walk as a FIT watch workout")
def plan_walk_workout(
    state: State,
    date: Annotated[str, Query(description="The walk's day, YYYY-MM-DD")],
    role: Annotated[str, Query(description="finisher, second, swap or step_floor")],
    number: Annotated[str, Query(description="Which walk of that role on the day, from 1")] = "1",
) -> Response:
    day = day_or_none(date, "date")
    if day is None:
        raise UsageError("date: give the walk's day (YYYY-MM-DD)")
    plan = stored_plan(state, day.isoformat())
    wanted = int_or_none(number, "number") or 1
    plan_day = next(d for d in plan.days if d.date == day)
    for session, n in numbered(plan_day):
        if session.kind == "walk" and session.role == role and n == wanted:
            name = f"{day.isoformat()}_{role}_{n}.fit"
            return _download(walk_to_fit(session, name=workout_name(session)), FIT_TYPE, name)
    roles = ", ".join(s.role for s in planned_walks(plan, day)) or "none"
    raise HTTPException(404, f"no {role} walk {wanted} on {day.isoformat()} (its walks: {roles})")


def day_names(week_start: str) -> list[str]:
    """The two-a-day boxes' labels: the days of the week from its first, or 1..7 while
    the first day is not a date yet."""
    try:
        start = dt.date.fromisoformat(week_start)
    except ValueError:
        return [str(n + 1) for n in range(DAYS_IN_WEEK)]
    return [f"{start + dt.timedelta(days=n):%a}" for n in range(DAYS_IN_WEEK)]
