"""The JSON API under ``/api``: the command line's JSON (SPEC §3), the same documents
from the same library calls, so a script can use either. Bad input answers 4xx with
``{"detail": "<one line>"}`` (:mod:`footfall.web.problems`), never a 500."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Body, File, HTTPException, Path, Query, Request, UploadFile
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from footfall.guide.service import WalkRequest, parse_intervals, prepare_walk, script
from footfall.importer.measure import recompute
from footfall.importer.pipeline import iso_utc
from footfall.metrics.weeks import week_start_of
from footfall.plan.service import PlanChanges, make_plan, plan_input, with_changes
from footfall.settings import AUTO_ZONE, MEASURE_INPUTS
from footfall.store.athlete import load_athlete, save_athlete
from footfall.store.checkins import list_checkins
from footfall.store.ladder import check_in
from footfall.store.plans import latest_plan, plan_covering
from footfall.store.read import list_activities, load_week
from footfall.web.params import Day, RowId
from footfall.web.plan_body import OPENAPI_BODY, plan_from_body
from footfall.web.queries import activity_detail
from footfall.web.state import State, WebState
from footfall.web.uploads import Upload, import_uploads
from footfall.web.walk import WalkQuery
from footfall.web.walk_audio import AUDIO_SUFFIX

router = APIRouter(prefix="/api", tags=["api"])
Json = dict[str, Any]


@router.get("/activities", summary="The activities with their measures (footfall activities)")
def api_activities(
    state: State, last: Annotated[int | None, Query(ge=1, description="Only the last N")] = None
) -> JSONResponse:
    rows = list_activities(state.store)
    # Sent as it is: the documents are plain JSON already, and checking a year of
    # activities against a response model would take longer than reading them.
    return JSONResponse([row.to_json() for row in (rows[-last:] if last else rows)])


@router.get("/activities/{activity_id}", summary="One activity with its bouts")
def api_activity(state: State, activity_id: Annotated[RowId, Path()]) -> Json:
    detail = activity_detail(state.store, activity_id)
    if detail is None:
        raise HTTPException(404, f"there is no activity {activity_id}")
    bouts = [
        {**_rounded(asdict(bout)), "start": iso_utc(bout.start), "end": iso_utc(bout.end)}
        for bout in detail.bouts
    ]
    return {**detail.summary.to_json(), "bouts": bouts}


def _rounded(document: Json) -> Json:
    return {k: round(v, 1) if isinstance(v, float) else v for k, v in document.items()}


@router.get("/week", summary="One week, day by day (footfall week)")
def api_week(
    state: State,
    start: Annotated[Day | None, Query(description="Any day of the week")] = None,
) -> Json:
    monday = week_start_of(start or state.today())
    return load_week(state.store, monday).to_json()


@router.post("/import", summary="Import uploaded files (footfall import)")
def api_import(
    state: State,
    files: Annotated[list[UploadFile], File(description="Activity files or export zips")],
) -> Json:
    uploads = [Upload(f.filename or "upload", f.file) for f in files]
    return import_uploads(state.store, uploads).to_json()


@router.post("/plan", summary="Plan a week (footfall plan)", openapi_extra=OPENAPI_BODY)
async def api_plan(
    request: Request,
    state: State,
    *,
    from_history: Annotated[bool, Query(description="Plan the typical week")] = False,
    week_start: Annotated[Day | None, Query()] = None,
    swap_easy_runs: Annotated[int | None, Query()] = None,
    swap_mode: Annotated[str | None, Query()] = None,
    two_a_day: Annotated[list[Day] | None, Query()] = None,
    finisher_s_per_mile: Annotated[float | None, Query()] = None,
    daily_cap_min: Annotated[float | None, Query()] = None,
    attitude: Annotated[str | None, Query()] = None,
    baseline_steps: Annotated[int | None, Query()] = None,
) -> Json:
    raw = await request.body()
    changes = PlanChanges(
        swap_easy_runs=swap_easy_runs,
        swap_mode=swap_mode,
        two_a_day=tuple(two_a_day or ()),
        finisher_s_per_mile=finisher_s_per_mile,
        daily_cap_min=daily_cap_min,
        attitude=attitude,
        baseline_steps=baseline_steps,
    )
    content_type = request.headers.get("content-type", "")
    return await run_in_threadpool(
        _plan,
        state,
        raw,
        content_type,
        from_history=from_history,
        start=week_start,
        changes=changes,
    )


def _plan(
    state: WebState,
    raw: bytes,
    content_type: str,
    *,
    from_history: bool,
    start: dt.date | None,
    changes: PlanChanges,
) -> Json:
    athlete = state.athlete()
    if from_history == bool(raw.strip()):
        raise HTTPException(400, "send a plan document, or from_history=true (not both)")
    if from_history:
        planned = plan_input(state.store, None, start, athlete)
    else:
        planned = plan_from_body(raw, content_type, athlete=athlete, week_start=start)
    plan = make_plan(state.store, with_changes(planned, changes), state.today())
    return plan.to_json()


@router.get("/plan", summary="The stored plan of a week")
def api_stored_plan(
    state: State,
    week: Annotated[Day | None, Query(description="Any day of the week")] = None,
) -> Json:
    with state.store.session() as session:
        plan = plan_covering(session, week) if week else latest_plan(session)
    if plan is None:
        where = f"covers {week.isoformat()}" if week else "is stored yet"
        raise HTTPException(404, f"no plan {where} (POST /api/plan makes one)")
    return plan.to_json()


@router.get("/athlete", summary="The runner's settings (footfall athlete)")
def api_athlete(state: State) -> Json:
    return state.athlete().to_json()


@router.put("/athlete", summary="Set some of the runner's settings")
def api_set_athlete(
    state: State,
    settings: Annotated[
        dict[str, Any], Body(examples=[{"mass_kg": 68, "units": "km", "time_zone": "auto"}])
    ],
) -> Json:
    changes = dict(settings)
    if changes.get("time_zone") == AUTO_ZONE:
        changes["time_zone"] = None
    with state.store.transaction() as session:
        athlete = load_athlete(session).set(**changes)
        save_athlete(session, athlete)
    recomputed = recompute(state.store) if MEASURE_INPUTS & set(changes) else None
    return {**athlete.to_json(), "recomputed": recomputed}


class CheckinBody(BaseModel):
    """A check-in: legs and energy against usual, for a walk (its id) or a day."""

    model_config = ConfigDict(extra="forbid")
    legs: str = Field(description="weaker, same or stronger")
    energy: str = Field(description="lower, same or higher")
    note: str = ""
    walk: RowId | None = None
    date: Day | None = None


@router.post("/checkins", summary="Check in after a walk (footfall checkin)")
def api_checkin(state: State, body: CheckinBody) -> Json:
    saved, ladder = check_in(
        state.store,
        legs=body.legs,
        energy=body.energy,
        note=body.note,
        walk=body.walk,
        date=body.date,
    )
    return {**saved.to_json(), "ladder_next_ft": None if ladder is None else round(ladder.step_ft)}


@router.get("/checkins", summary="The check-ins (footfall checkin --list)")
def api_checkins(state: State) -> list[Json]:
    with state.store.session() as session:
        return [checkin.to_json() for checkin in list_checkins(session)]


class WalkBody(BaseModel):
    """A guided walk: minutes and a style, or the stored plan's walk of a day."""

    model_config = ConfigDict(extra="forbid")
    minutes: float | None = None
    style: str = "brisk"
    planned: dt.date | None = None
    role: str | None = None
    incline: float | None = None
    intervals: str = "4:1"


@router.post("/walk", summary="A guided walk's timeline (footfall walk --json)")
def api_walk(state: State, body: WalkBody) -> Json:
    request = WalkRequest(
        minutes=body.minutes,
        style=body.style,
        planned=body.planned,
        role=body.role,
        incline_pct=body.incline,
        intervals=parse_intervals(body.intervals),
    )
    walk = prepare_walk(state.store, request)
    asked = WalkQuery(
        minutes=None if body.minutes is None else f"{body.minutes:g}",
        style=body.style,
        planned=body.planned.isoformat() if body.planned else None,
        role=body.role,
        incline=None if body.incline is None else f"{body.incline:g}",
        intervals=body.intervals,
    )
    return {
        **walk.timeline.to_json(),
        "files": [],
        "script": script(walk.timeline),
        "audio_url": f"/walk/audio{AUDIO_SUFFIX}?{asked.address()}",
    }
