"""The activities: ``/activities`` lists them with filters (sport, local dates, text in
the name or file), a page at a time; ``/activities/{id}`` shows one with its figures,
its bouts, its track and its streams."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse

from footfall.errors import UsageError
from footfall.store.athlete import load_calibration
from footfall.web.activity_charts import activity_charts
from footfall.web.forms import day_or_none, int_or_none, one_of
from footfall.web.params import RowId
from footfall.web.queries import SPORTS, ActivityFilter, activity_detail, activity_page
from footfall.web.state import State

router = APIRouter(tags=["pages"])
Text = Annotated[str | None, Query()]


@router.get("/activities", response_class=HTMLResponse, summary="The activities, filtered")
def activities_page(
    request: Request,
    state: State,
    *,
    sport: Text = None,
    since: Annotated[str | None, Query(description="First local day, YYYY-MM-DD")] = None,
    until: Annotated[str | None, Query(description="Last local day, YYYY-MM-DD")] = None,
    q: Annotated[str, Query(description="Text in the name or file name")] = "",
    page: Text = None,
) -> HTMLResponse:
    wanted = ActivityFilter(
        sport=one_of(sport, SPORTS, "sport"),
        since=day_or_none(since, "since"),
        until=day_or_none(until, "until"),
        text=q,
        page=int_or_none(page, "page") or 1,
    )
    if wanted.since and wanted.until and wanted.since > wanted.until:
        raise UsageError(
            f"since: {wanted.since.isoformat()} is after until ({wanted.until.isoformat()})"
        )
    found = activity_page(state.store, wanted)
    context = {
        "page": "activities",
        "found": found,
        "wanted": wanted,
        "sports": SPORTS,
        "units": state.athlete().units,
        "page_url": lambda number: page_url(wanted, number),
    }
    partial = request.headers.get("HX-Request") and request.headers.get("HX-Request-Type") != "full"
    name = "fragments/activity_list.html" if partial else "activities.html"
    return state.templates.TemplateResponse(request, name, context)


def page_url(wanted: ActivityFilter, number: int) -> str:
    """The list's address with the same filters, at page ``number``."""
    given = {
        "sport": wanted.sport or "",
        "since": wanted.since.isoformat() if wanted.since else "",
        "until": wanted.until.isoformat() if wanted.until else "",
        "q": wanted.text,
        "page": str(number),
    }
    return "/activities?" + urlencode({k: v for k, v in given.items() if v})


@router.get("/activities/{activity_id}", response_class=HTMLResponse, summary="One activity")
def activity_page_view(
    request: Request, state: State, activity_id: Annotated[RowId, Path()]
) -> HTMLResponse:
    detail = activity_detail(state.store, activity_id)
    if detail is None:
        raise HTTPException(404, f"there is no activity {activity_id}")
    athlete = state.athlete()
    with state.store.session() as session:
        calibration = load_calibration(session)
    context = {
        "page": "activities",
        "detail": detail,
        "a": detail.summary,
        "charts": activity_charts(detail, athlete, calibration),
        "units": athlete.units,
    }
    return state.templates.TemplateResponse(request, "activity.html", context)
