"""What the report says, gathered from the store and put in the runner's words: the
trend, the sentences comparing last week with the weeks before, a week-by-week table,
and the coming week's plan with each session's rule and reason.

Nothing here is computed anew: the figures are the trend's (:mod:`footfall.trends`)
and the plan's as the planner stored it; the words are the exporters'
(:mod:`footfall.export.wording`), so the report reads like the calendar and the watch.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from footfall.export.wording import MONTHS, day_text, figures_line, flag_line, session_title
from footfall.metrics.timezone import today_in
from footfall.metrics.weeks import DAYS_IN_WEEK, week_start_of
from footfall.plan.model import Figures, Plan
from footfall.settings import Units
from footfall.store.athlete import load_athlete
from footfall.store.database import Store
from footfall.store.plans import plan_covering
from footfall.store.read import latest_activity_day
from footfall.trends import Trend, WeekPoint, last_full_week_end, runner_trend, self_comparison

NO_PLAN = "No plan yet: run footfall plan (with your plan file, or --from-history)."
EMPTY_STORE = (
    "Nothing to show yet: import your activities with footfall import (or see the "
    "whole path on a sample runner with footfall demo)."
)


@dataclass(frozen=True, slots=True)
class SessionView:
    title: str
    figures: str
    reason: str
    kind: str
    rule: str


@dataclass(frozen=True, slots=True)
class PlanDayView:
    label: str
    sessions: tuple[SessionView, ...]
    warnings: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PlanView:
    """The coming week's plan as the page lists it; ``figures`` are rows of (what,
    before, after) for the week's totals before and after the walks."""

    heading: str
    days: tuple[PlanDayView, ...]
    figures: tuple[tuple[str, str, str], ...]


@dataclass(frozen=True, slots=True)
class ReportData:
    """Everything the page shows, before the charts are drawn."""

    today: dt.date
    until: dt.date
    trend: Trend
    summary: tuple[str, ...]
    plan: PlanView | None
    #: Why there is no trend to chart (an empty store, or no data in these weeks).
    nothing: str | None

    @property
    def first(self) -> dt.date:
        return self.trend.weeks[0].start

    @property
    def period(self) -> str:
        weeks = len(self.trend.weeks)
        span = "1 week" if weeks == 1 else f"{weeks} weeks"
        return f"{span}, {_long_day(self.first)} to {_long_day(self.until)}"


def gather(store: Store, *, weeks: int, today: dt.date | None = None) -> ReportData:
    """The report's content for the ``weeks`` whole weeks up to ``today`` (default: today
    in the runner's zone) and the plan of the week after."""
    with store.session() as session:
        athlete = load_athlete(session)
    day = today or today_in(athlete)
    plan = coming_plan(store, day)
    until = last_full_week_end(day)
    trend = runner_trend(store, weeks=weeks, until=until)
    recorded = any(point.has_record() for point in trend.weeks)
    return ReportData(
        today=day,
        until=until,
        trend=trend,
        summary=tuple(self_comparison(trend.weeks)) if recorded else (),
        plan=None if plan is None else plan_view(plan, athlete.units),
        nothing=None if recorded else _why_nothing(store, len(trend.weeks), until),
    )


def coming_plan(store: Store, today: dt.date) -> Plan | None:
    """The newest plan of the coming week (from next Monday), else of this week."""
    monday = today + dt.timedelta(days=DAYS_IN_WEEK - today.weekday())
    with store.session() as session:
        return plan_covering(session, monday) or plan_covering(session, today)


def plan_view(plan: Plan, units: Units) -> PlanView:
    """The plan day by day: each session's title, figures, and rule with its reason."""
    days = []
    for day in plan.days:
        sessions = tuple(
            SessionView(
                title=session_title(s),
                figures=figures_line(s, units),
                reason=s.why,
                kind=s.kind,
                rule=s.rule,
            )
            for s in day.sessions
        )
        warnings = tuple(flag_line(f) for f in plan.flags if f.date == day.date)
        days.append(PlanDayView(day_text(day.date), sessions, warnings))
    heading = f"The week of {_long_day(plan.start)}"
    return PlanView(heading, tuple(days), figure_rows(plan.before, plan.after))


def figure_rows(before: Figures, after: Figures) -> tuple[tuple[str, str, str], ...]:
    """The plan's week before and after its walks, row by row."""
    rows = (
        ("Run minutes", before.run_min, after.run_min),
        ("Walk minutes", before.walk_min, after.walk_min),
        ("Time on feet, minutes", before.time_on_feet_min, after.time_on_feet_min),
        ("Impact load, body-weight steps", before.impact_bw_steps, after.impact_bw_steps),
        ("Run-equivalent minutes", before.run_equiv_min, after.run_equiv_min),
        ("Days at the step floor", before.floor_days, after.floor_days),
    )
    return tuple((name, f"{old:,.0f}", f"{new:,.0f}") for name, old, new in rows)


def week_rows(weeks: tuple[WeekPoint, ...]) -> list[tuple[str, ...]]:
    """The trend as table rows, newest week first: the week, then its figures."""
    return [
        (
            f"{point.start.day} {MONTHS[point.start.month - 1]} {point.start.year}",
            f"{point.time_on_feet_min:,.0f}",
            f"{point.run_min:,.0f}",
            f"{point.walk_min:,.0f}",
            f"{point.brisk_min:,.0f}",
            f"{point.run_equiv_min:,.0f}",
            f"{point.run_impact_bw_steps:,.0f}",
            f"{point.walk_impact_bw_steps:,.0f}",
            f"{point.floor_days}",
            f"{point.checkins}",
        )
        for point in reversed(weeks)
    ]


WEEK_COLUMNS = (
    "Week of",
    "On feet, min",
    "Run, min",
    "Walk, min",
    "Brisk, min",
    "Run-eq, min",
    "Impact, runs",
    "Impact, walks",
    "Floor days",
    "Check-ins",
)


def _why_nothing(store: Store, weeks: int, until: dt.date) -> str:
    latest = latest_activity_day(store)
    if latest is None:
        return EMPTY_STORE
    if latest > until:
        return (
            f"Your activities so far are all in the week in progress; the report shows "
            f"whole weeks, so this one is in it from {_long_day(_week_end(latest))}."
        )
    return (
        f"Nothing recorded in these {weeks} weeks; your latest activity is on "
        f"{_long_day(latest)}. Ask for more weeks with footfall report --weeks N."
    )


def _week_end(day: dt.date) -> dt.date:
    return week_start_of(day) + dt.timedelta(days=DAYS_IN_WEEK - 1)


def _long_day(day: dt.date) -> str:
    """``Sun 22 Mar 2026``, independent of the machine's locale."""
    return f"{day_text(day)} {day.year}"
