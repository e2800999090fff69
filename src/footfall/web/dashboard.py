"""The dashboard ``/``: one week planned against done, the step floor day by day, the
impact load split by gait, the habit ladder, and the runner's own trend (R8)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup

from footfall.metrics.days import DayFigures
from footfall.metrics.timezone import today_in
from footfall.metrics.weeks import DAYS_IN_WEEK, Week, week_start_of
from footfall.plan.model import Plan, PlannedSession
from footfall.store.plans import plan_covering
from footfall.store.read import load_week
from footfall.trends import (
    LadderPoint,
    WeekPoint,
    last_full_week_end,
    run_impact_by_day,
    runner_trend,
    self_comparison,
)
from footfall.web.display import day, floor_word, whole
from footfall.web.forms import day_or_none
from footfall.web.state import State, WebState
from footfall.web.svg import Bar, bar_chart

router = APIRouter(tags=["pages"])

#: Weeks of trend the dashboard draws.
TREND_WEEKS = 12
#: Rungs of the habit ladder drawn (the most recent, and the next walk's).
LADDER_RUNGS = 12


@dataclass(frozen=True, slots=True)
class DayRow:
    """One day: what the plan said, what was done."""

    figures: DayFigures
    planned: tuple[PlannedSession, ...]


@dataclass(frozen=True, slots=True)
class Dashboard:
    week: Week
    plan: Plan | None
    days: list[DayRow]
    floor: int
    trend: list[WeekPoint]
    comparison: list[str]
    compared_week: dt.date
    ladder: LadderPoint | None
    charts: dict[str, Markup]


@router.get("/", response_class=HTMLResponse, summary="Dashboard: the week planned against done")
def dashboard_page(
    request: Request,
    state: State,
    week: Annotated[str | None, Query(description="Any day of the week to show")] = None,
) -> HTMLResponse:
    athlete = state.athlete()
    today = today_in(athlete)
    monday = week_start_of(day_or_none(week, "week") or today)
    view = dashboard(state, monday, today)
    context = {"page": "dashboard", "view": view, "units": athlete.units, "today": today}
    return state.templates.TemplateResponse(request, "dashboard.html", context)


def dashboard(state: WebState, monday: dt.date, today: dt.date) -> Dashboard:
    store = state.store
    sunday = monday + dt.timedelta(days=DAYS_IN_WEEK - 1)
    week = load_week(store, monday)
    with store.session() as session:
        plan = plan_covering(session, monday)
    trend = runner_trend(store, weeks=TREND_WEEKS, until=sunday)
    compared = min(sunday, last_full_week_end(today))
    points = [p for p in trend.weeks if p.end <= compared] or list(trend.weeks)
    run_impact = run_impact_by_day(store, monday, sunday)
    return Dashboard(
        week=week,
        plan=plan,
        days=[DayRow(d, _planned_on(plan, d.date)) for d in week.days],
        floor=trend.step_floor,
        trend=list(trend.weeks),
        comparison=self_comparison(points),
        compared_week=points[-1].start,
        ladder=trend.ladder,
        charts=_charts(week, trend.step_floor, run_impact, list(trend.weeks), trend.ladder),
    )


def _planned_on(plan: Plan | None, date: dt.date) -> tuple[PlannedSession, ...]:
    if plan is None:
        return ()
    return next((d.sessions for d in plan.days if d.date == date), ())


def _charts(
    week: Week,
    floor: int,
    run_impact: dict[dt.date, float],
    trend: list[WeekPoint],
    ladder: LadderPoint | None,
) -> dict[str, Markup]:
    charts = {
        "floor": _floor_chart(week, floor),
        "impact": _impact_chart(week, run_impact),
        "trend": _trend_chart(trend),
    }
    if ladder is not None:
        charts["ladder"] = _ladder_chart(ladder)
    return charts


def _floor_chart(week: Week, floor: int) -> Markup:
    bars = [
        Bar(
            day(d.date)[:3],
            ((d.steps_outside_runs, floor_word(d.floor_met)),),
            f"{day(d.date)}: {whole(d.steps_outside_runs)} steps outside runs, "
            f"floor {floor_word(d.floor_met)}",
        )
        for d in week.days
    ]
    return bar_chart(
        bars,
        label=f"steps outside runs per day against the floor of {floor:,} (E2)",
        css="floor",
        reference=(float(floor), f"step floor {floor:,}"),
    )


def _impact_chart(week: Week, run_impact: dict[dt.date, float]) -> Markup:
    bars = []
    for d in week.days:
        runs = run_impact.get(d.date, 0.0)
        walks = max(0.0, d.impact_bw_steps - runs)
        note = f"{day(d.date)}: {whole(runs)} from runs, {whole(walks)} from walks"
        bars.append(Bar(day(d.date)[:3], ((runs, "run"), (walks, "walk")), note))
    return bar_chart(bars, label="impact load per day, body-weight steps (E1)", css="impact")


def _trend_chart(trend: list[WeekPoint]) -> Markup:
    bars = [
        Bar(
            f"{p.start.day} {day(p.start)[-3:]}",
            ((p.run_min, "run"), (p.walk_min, "walk")),
            f"week of {day(p.start)}: {p.run_min:.0f} min running, {p.walk_min:.0f} min "
            f"walking, {p.brisk_min:.0f} brisk",
        )
        for p in trend
    ]
    return bar_chart(bars, label="time on feet per week, minutes (run and walk)", css="trend")


def _ladder_chart(ladder: LadderPoint) -> Markup:
    rungs = ladder.rungs_ft[-LADDER_RUNGS:]
    first = len(ladder.rungs_ft) - len(rungs)
    bars = [
        Bar(
            "next" if n == len(rungs) - 1 else str(first + n + 1),
            ((ft, "next" if n == len(rungs) - 1 else "walk"),),
            f"{'next walk' if n == len(rungs) - 1 else f'walk {first + n + 1}'}: {ft:,.0f} ft",
        )
        for n, ft in enumerate(rungs)
    ]
    return bar_chart(bars, label="habit ladder (R5): each walk's length in feet", css="ladder")
