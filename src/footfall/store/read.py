"""Read what the store holds, in the shapes of SPEC §3."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, Select, select

from footfall.activity import DaySteps
from footfall.evidence import WALK_MINUTES_PER_RUN_MINUTE
from footfall.metrics.days import DayShare
from footfall.metrics.weeks import Week, build_week, week_dates
from footfall.sports import sport_from_label
from footfall.store.athlete import load_athlete
from footfall.store.database import Store
from footfall.store.models import ActivityDayRow, ActivityRow, DayStepsRow, SourceFile


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
    hike_s: float | None
    brisk_walk_s: float | None
    impact_bw_steps: float | None
    time_zone: str | None

    @property
    def time_on_feet_s(self) -> float | None:
        """Moving time of run + walk + hike."""
        if self.run_s is None or self.walk_s is None:
            return None
        return self.run_s + self.walk_s + (self.hike_s or 0.0)

    def to_json(self) -> dict[str, object]:
        """SPEC §3's activity, plus the fields footfall adds (never renamed)."""
        document: dict[str, object] = {
            name: getattr(self, name) for name in self.__dataclass_fields__
        }
        document["start"] = self.start.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")
        document["time_on_feet_s"] = self.time_on_feet_s
        document["run_equiv_min"] = self.run_equiv_min
        for name, value in document.items():
            if isinstance(value, float):
                document[name] = round(value, 1)
        return document

    @property
    def run_equiv_min(self) -> float | None:
        """E3: run minutes + brisk-walk minutes / 3."""
        if self.run_s is None or self.brisk_walk_s is None:
            return None
        return (self.run_s + self.brisk_walk_s / WALK_MINUTES_PER_RUN_MINUTE) / 60.0


def list_activities(store: Store, *, since: dt.datetime | None = None) -> list[ActivitySummary]:
    """Stored activities, oldest first."""
    query = summary_select().order_by(ActivityRow.start)
    if since is not None:
        query = query.where(ActivityRow.start >= since)
    with store.session() as session:
        return [summary_from_columns(row) for row in session.execute(query).all()]


#: :class:`ActivitySummary`'s fields in order, each a stored column.
_SUMMARY_COLUMNS = tuple(
    SourceFile.path if name == "path" else getattr(ActivityRow, name)
    for name in ActivitySummary.__dataclass_fields__
)


def summary_select() -> Select[Any]:
    """The columns of :class:`ActivitySummary`, in its order, without loading whole
    activity rows: a year of activities reads about twice as fast."""
    return select(*_SUMMARY_COLUMNS).join_from(ActivityRow, SourceFile)


def summary_from_columns(row: Row[Any] | tuple[Any, ...]) -> ActivitySummary:
    """One :func:`summary_select` result as :class:`ActivitySummary`; an activity not yet
    measured has the sport its file's label gives."""
    id_, start, sport, source_sport, *rest = tuple(row)
    return ActivitySummary(id_, start, sport or sport_from_label(source_sport), source_sport, *rest)


def summary_of(row: ActivityRow, path: str) -> ActivitySummary:
    """A loaded activity row and its file's path as :class:`ActivitySummary`."""
    return summary_from_columns(
        tuple(
            path if name == "path" else getattr(row, name)
            for name in ActivitySummary.__dataclass_fields__
        )
    )


def load_week(store: Store, start: dt.date) -> Week:
    """The local days Monday ``start`` to Sunday, from the stored day shares of every
    activity and every device's day totals."""
    (week,) = load_weeks(store, [start])
    return week


def load_weeks(store: Store, mondays: list[dt.date]) -> list[Week]:
    """Several weeks (each from its Monday) read with one query per table."""
    if not mondays:
        return []
    first, last = min(mondays), max(mondays) + dt.timedelta(days=6)
    with store.session() as session:
        floor = load_athlete(session).step_floor
        shares = [
            _share(row)
            for row in session.scalars(
                select(ActivityDayRow).where(ActivityDayRow.date.between(first, last))
            )
        ]
        device = [
            DaySteps(row.date, row.steps, row.source)
            for row in session.scalars(
                select(DayStepsRow).where(DayStepsRow.date.between(first, last))
            )
        ]
    weeks = []
    for monday in mondays:
        dates = set(week_dates(monday))
        weeks.append(
            build_week(
                monday,
                [s for s in shares if s.date in dates],
                [d for d in device if d.date in dates],
                floor,
            )
        )
    return weeks


def latest_activity_day(store: Store) -> dt.date | None:
    """The last local day any activity touched, or None for an empty store."""
    with store.session() as session:
        return session.scalar(select(ActivityDayRow.date).order_by(ActivityDayRow.date.desc()))


def _share(row: ActivityDayRow) -> DayShare:
    return DayShare(
        date=row.date,
        run_s=row.run_s,
        walk_s=row.walk_s,
        hike_s=row.hike_s,
        brisk_s=row.brisk_s,
        run_steps=row.run_steps,
        other_steps=row.other_steps,
        impact_bw_steps=row.impact_bw_steps,
        run_distance_m=row.run_distance_m,
        walk_distance_m=row.walk_distance_m,
        run_impact_bw_steps=row.run_impact_bw_steps,
    )
