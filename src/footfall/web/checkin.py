"""``/checkin``: how a walk felt (legs, energy, a note) for a walk or a day, and the
check-ins so far (R8). A check-in counts as a walk done on the habit ladder (R5), as
``footfall checkin`` counts it."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Form, Query, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse
from pydantic import BaseModel

from footfall.errors import FootfallError
from footfall.store.checkins import ENERGY, LEGS, list_checkins
from footfall.store.ladder import check_in, ladder_started, load_ladder
from footfall.web.forms import day_or_none, int_or_none
from footfall.web.problems import one_line, status_of
from footfall.web.queries import recent_walks
from footfall.web.state import State, WebState

router = APIRouter(tags=["pages"])
#: The walks offered in the form: those of the last four weeks.
RECENT = dt.timedelta(days=28)


class CheckinForm(BaseModel):
    legs: str = ""
    energy: str = ""
    note: str = ""
    walk: str = ""
    date: str = ""


@router.get("/checkin", response_class=HTMLResponse, summary="Check in after a walk")
def checkin_page(
    request: Request,
    state: State,
    date: Annotated[str | None, Query(description="The walk's day, YYYY-MM-DD")] = None,
    saved: Annotated[str | None, Query(description="The check-in just saved")] = None,
) -> HTMLResponse:
    form = CheckinForm(date=date or "")
    return _render(request, state, form, saved=int_or_none(saved, "saved"))


@router.post("/checkin", response_class=HTMLResponse, summary="Save a check-in")
def checkin_save(request: Request, state: State, form: Annotated[CheckinForm, Form()]) -> Response:
    try:
        saved, _ = check_in(
            state.store,
            legs=form.legs,
            energy=form.energy,
            note=form.note,
            walk=int_or_none(form.walk, "walk"),
            date=day_or_none(form.date, "date"),
        )
    except FootfallError as error:
        return _render(request, state, form, problem=one_line(error), status=status_of(error))
    return RedirectResponse(f"/checkin?saved={saved.id}", status_code=303)


def _render(
    request: Request,
    state: WebState,
    form: CheckinForm,
    *,
    saved: int | None = None,
    problem: str | None = None,
    status: int = 200,
) -> HTMLResponse:
    with state.store.session() as session:
        checkins = list_checkins(session)
        ladder = load_ladder(session) if ladder_started(session) else None
    since = dt.datetime.now(dt.UTC) - RECENT
    context = {
        "page": "checkin",
        "form": form,
        "problem": problem,
        "saved": next((c for c in checkins if c.id == saved), None),
        "checkins": list(reversed(checkins)),
        "walks": recent_walks(state.store, since=since),
        "legs": LEGS,
        "energy": ENERGY,
        "ladder": ladder,
    }
    return state.templates.TemplateResponse(request, "checkin.html", context, status_code=status)
