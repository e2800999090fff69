"""Read what the store holds, in the shapes of SPEC §3."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from footfall.sports import sport_from_label
from footfall.store.database import Store
from footfall.store.models import ActivityRow, SourceFile


@dataclass(frozen=True, slots=True)
class ActivitySummary:
    """One stored activity, as ``footfall activities`` lists it. Fields the measures fill
    are None until they are computed."""

    id: int
    start: dt.datetime
    sport: str
    source_sport: str
    name: str
    device: str
    path: str
    samples: int
    has_position: bool
    duration_s: float
    moving_s: float | None
    distance_m: float | None
    steps: int | None
    steps_source: str | None
    run_s: float | None
    walk_s: float | None
    brisk_walk_s: float | None
    impact_bw_steps: float | None


def list_activities(store: Store, *, since: dt.datetime | None = None) -> list[ActivitySummary]:
    """Stored activities, oldest first."""
    query = select(ActivityRow, SourceFile.path).join(SourceFile).order_by(ActivityRow.start)
    if since is not None:
        query = query.where(ActivityRow.start >= since)
    with store.session() as session:
        return [_summary(row, path) for row, path in session.execute(query).all()]


def _summary(row: ActivityRow, path: str) -> ActivitySummary:
    return ActivitySummary(
        id=row.id,
        start=row.start,
        sport=sport_from_label(row.source_sport),
        source_sport=row.source_sport,
        name=row.name,
        device=row.device,
        path=path,
        samples=row.samples,
        has_position=row.has_position,
        duration_s=row.duration_s,
        moving_s=None,
        distance_m=row.distance_m,
        steps=None,
        steps_source=None,
        run_s=None,
        walk_s=None,
        brisk_walk_s=None,
        impact_bw_steps=None,
    )
