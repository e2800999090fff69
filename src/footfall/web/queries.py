"""Reads the pages need that the library does not offer: pure queries over the store.

- :func:`activity_page`: the activity list filtered (sport, local dates, text in the
  name or file) and cut into pages, newest first;
- :func:`activity_detail`: one activity with its bouts and samples;
- :func:`recent_walks`: walks a check-in can be about;
- :func:`planned_weeks`: the first days of the weeks that have a stored plan.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import TypeVarTuple

from sqlalchemy import ColumnElement, Select, exists, func, or_, select

from footfall.activity import Samples
from footfall.store.database import Store
from footfall.store.models import ActivityDayRow, ActivityRow, BoutRow, PlanRow, SourceFile
from footfall.store.read import (
    ActivitySummary,
    summary_from_columns,
    summary_of,
    summary_select,
)
from footfall.store.streams import parquet_to_samples

SPORTS = ("run", "walk", "hike", "run_walk", "other")
PER_PAGE = 25
WALK_SPORTS = ("walk", "hike", "run_walk")
Ts = TypeVarTuple("Ts")


@dataclass(frozen=True, slots=True)
class ActivityFilter:
    """What the runner narrowed the list to; every field is optional. ``since`` and
    ``until`` are local days (inclusive)."""

    sport: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    text: str = ""
    page: int = 1
    per_page: int = PER_PAGE


@dataclass(frozen=True, slots=True)
class ActivityPage:
    rows: list[ActivitySummary]
    total: int
    page: int
    pages: int


@dataclass(frozen=True, slots=True)
class StoredBout:
    """A bout as the store keeps it (a stretch of one gait)."""

    gait: str
    start: dt.datetime
    end: dt.datetime
    moving_s: float
    distance_m: float
    steps: float
    brisk_s: float
    impact_bw_steps: float


@dataclass(frozen=True, slots=True)
class ActivityDetail:
    summary: ActivitySummary
    bouts: list[StoredBout]
    samples: Samples


def activity_page(store: Store, wanted: ActivityFilter) -> ActivityPage:
    """One page of the activities ``wanted`` selects, newest first."""
    query = _filtered(summary_select(), wanted)
    count_query = _filtered(select(func.count(ActivityRow.id)).join(SourceFile), wanted)
    with store.session() as session:
        total = session.scalar(count_query) or 0
        pages = max(1, math.ceil(total / wanted.per_page))
        page = min(max(1, wanted.page), pages)
        ordered = query.order_by(ActivityRow.start.desc(), ActivityRow.id.desc())
        window = ordered.offset((page - 1) * wanted.per_page).limit(wanted.per_page)
        rows = [summary_from_columns(row) for row in session.execute(window).all()]
    return ActivityPage(rows, total, page, pages)


def _filtered(query: Select[*Ts], wanted: ActivityFilter) -> Select[*Ts]:
    if wanted.sport:
        query = query.where(ActivityRow.sport == wanted.sport)
    if wanted.text.strip():
        text = wanted.text.strip()
        query = query.where(
            or_(
                ActivityRow.name.icontains(text, autoescape=True),
                SourceFile.path.icontains(text, autoescape=True),
            )
        )
    if wanted.since or wanted.until:
        query = query.where(_on_local_days(wanted.since, wanted.until))
    return query


def _on_local_days(since: dt.date | None, until: dt.date | None) -> ColumnElement[bool]:
    """Activities that gave any of the local days ``since``..``until``; one that was
    never measured (it has no days) by the UTC date of its start."""
    first, last = since or dt.date.min, until or dt.date.max
    gave = exists().where(
        ActivityDayRow.activity_id == ActivityRow.id, ActivityDayRow.date.between(first, last)
    )
    unmeasured = ~exists().where(ActivityDayRow.activity_id == ActivityRow.id)
    by_start = unmeasured
    if since is not None:
        by_start = by_start & (ActivityRow.start >= _utc_midnight(since))
    if until is not None:
        by_start = by_start & (ActivityRow.start < _utc_midnight(until + dt.timedelta(days=1)))
    return or_(gave, by_start)


def _utc_midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)


def activity_detail(store: Store, activity_id: int) -> ActivityDetail | None:
    """The activity with its bouts and samples, or None when there is no such id."""
    with store.session() as session:
        found = session.execute(
            select(ActivityRow, SourceFile.path)
            .join(SourceFile)
            .where(ActivityRow.id == activity_id)
        ).first()
        if found is None:
            return None
        row, path = found
        bouts = [_bout(bout) for bout in row.bouts]
        samples = parquet_to_samples(row.stream.parquet) if row.stream is not None else Samples()
        return ActivityDetail(summary_of(row, path), bouts, samples)


def _bout(row: BoutRow) -> StoredBout:
    return StoredBout(
        row.gait,
        row.start,
        row.end,
        row.moving_s,
        row.distance_m,
        row.steps,
        row.brisk_s,
        row.impact_bw_steps,
    )


def recent_walks(store: Store, *, since: dt.datetime, limit: int = 30) -> list[ActivitySummary]:
    """Walks (and hikes, run-walks) started since ``since``, newest first."""
    query = (
        summary_select()
        .where(ActivityRow.sport.in_(WALK_SPORTS), ActivityRow.start >= since)
        .order_by(ActivityRow.start.desc())
        .limit(limit)
    )
    with store.session() as session:
        return [summary_from_columns(row) for row in session.execute(query).all()]


def planned_weeks(store: Store, *, limit: int = 20) -> list[dt.date]:
    """The first days of the weeks with a stored plan, newest first."""
    query = (
        select(PlanRow.week_start)
        .group_by(PlanRow.week_start)
        .order_by(PlanRow.week_start.desc())
        .limit(limit)
    )
    with store.session() as session:
        return list(session.scalars(query))
