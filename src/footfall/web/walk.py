"""``/walk``: pick a planned walk of the week, or choose minutes and a style, then take
it: its script, its audio playing in the page (rendered offline by the guide, served
with ranges so the player can seek), and its watch workout and calendar event.
Walks are made by :mod:`footfall.guide.service`, as ``footfall walk`` makes them."""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.responses import FileResponse, HTMLResponse

from footfall.errors import FootfallError, UsageError
from footfall.guide import STYLE_NAMES, STYLES
from footfall.guide.service import GuidedWalk, WalkRequest, clock_text, parse_intervals, write_walk
from footfall.guide.service import prepare_walk as prepare
from footfall.plan.model import Plan
from footfall.store.plans import latest_plan, plan_covering
from footfall.web.forms import day_or_none, number_or_none, text_or_none
from footfall.web.problems import one_line, status_of
from footfall.web.state import State, WebState
from footfall.web.walk_audio import AUDIO_SUFFIX, MEDIA_TYPES, walk_audio

router = APIRouter(tags=["pages"])
Text = Annotated[str | None, Query()]


@dataclass(frozen=True, slots=True)
class WalkQuery:
    """The walk asked for in the address, as typed: minutes and a style, or the planned
    walk of a day (and its role when the day has several)."""

    minutes: str | None = None
    style: str | None = None
    planned: str | None = None
    role: str | None = None
    incline: str | None = None
    intervals: str | None = None

    def asked(self) -> bool:
        return bool(text_or_none(self.minutes) or text_or_none(self.planned))

    def request(self) -> WalkRequest:
        return WalkRequest(
            minutes=number_or_none(self.minutes, "minutes"),
            style=text_or_none(self.style) or "brisk",
            planned=day_or_none(self.planned, "planned"),
            role=text_or_none(self.role),
            incline_pct=number_or_none(self.incline, "incline"),
            intervals=parse_intervals(text_or_none(self.intervals) or "4:1"),
        )

    def address(self) -> str:
        """The query string asking for this same walk (the audio's, the downloads')."""
        given = {name: getattr(self, name) for name in self.__slots__}
        return urlencode({name: value for name, value in given.items() if value})


def walk_query(
    *,
    minutes: Text = None,
    style: Text = None,
    planned: Annotated[str | None, Query(description="A planned walk's day, YYYY-MM-DD")] = None,
    role: Text = None,
    incline: Text = None,
    intervals: Annotated[str | None, Query(description="walk:run minutes, e.g. 4:1")] = None,
) -> WalkQuery:
    return WalkQuery(minutes, style, planned, role, incline, intervals)


Asked = Annotated[WalkQuery, Depends(walk_query)]


def guided_walk(state: WebState, asked: WalkQuery) -> GuidedWalk:
    if not asked.asked():
        raise UsageError("choose the walk: its minutes, or a planned walk's day")
    return prepare(state.store, asked.request())


@router.get("/walk", response_class=HTMLResponse, summary="Pick a walk and take it")
def walk_page(
    request: Request,
    state: State,
    asked: Asked,
    day: Annotated[str | None, Query(description="A day of the plan to pick from")] = None,
) -> HTMLResponse:
    walk, plan, problem, status = None, None, None, 200
    try:
        plan = _plan_near(state, day_or_none(day, "day"))
    except FootfallError as error:
        problem, status = one_line(error), status_of(error)
    if asked.asked() and problem is None:
        try:
            walk = guided_walk(state, asked)
        except FootfallError as error:  # the planned walks stay on the page beside it
            problem, status = one_line(error), status_of(error)
    context = {
        "page": "walk",
        "plan": plan,
        "walk": walk,
        "asked": asked,
        "problem": problem,
        "styles": STYLE_NAMES,
        "shortest": min(style.min_minutes for style in STYLES.values()),
        "clock": clock_text,
        "audio_suffix": AUDIO_SUFFIX,
        "units": state.athlete().units,
    }
    return state.templates.TemplateResponse(request, "walk.html", context, status_code=status)


def _plan_near(state: WebState, day: dt.date | None) -> Plan | None:
    """The plan covering ``day``; without one, the plan of today, else the latest."""
    with state.store.session() as session:
        if day is None:
            return plan_covering(session, state.today()) or latest_plan(session)
        return plan_covering(session, day)


@router.get(f"/walk/audio{AUDIO_SUFFIX}", summary="The walk's spoken cues as audio")
def walk_audio_file(state: State, asked: Asked) -> FileResponse:
    path = walk_audio(guided_walk(state, asked), state.audio_folder)
    return FileResponse(path, media_type=MEDIA_TYPES[AUDIO_SUFFIX], filename=f"walk{AUDIO_SUFFIX}")


@router.get("/walk/workout.fit", summary="The walk as a FIT watch workout")
def walk_workout(state: State, asked: Asked) -> Response:
    return _walk_file(guided_walk(state, asked), "fit", "application/vnd.ant.fit")


@router.get("/walk/event.ics", summary="The walk as a calendar event")
def walk_event(state: State, asked: Asked) -> Response:
    return _walk_file(guided_walk(state, asked), "ics", "text/calendar")


def _walk_file(walk: GuidedWalk, suffix: str, media_type: str) -> Response:
    with tempfile.TemporaryDirectory(prefix="footfall-walk-") as scratch:
        path = Path(scratch) / f"walk.{suffix}"
        write_walk(
            walk, fit=path if suffix == "fit" else None, ics=path if suffix == "ics" else None
        )
        data = path.read_bytes()
    name = f"{walk.timeline.style}-walk-{walk.timeline.minutes:g}min.{suffix}"
    return Response(
        data,
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
