"""The runner's recent activities from the store, as :class:`PastActivity` for
:func:`~footfall.plan.sources.history.typical_week` (``footfall plan --from-history``).

What the store gives for each activity of the window:

- its **local date**, in the zone its days were measured in (the athlete's setting,
  else where it started, else its file's offset; UTC when none was known);
- its **running part**: the measured run time, and the distance of its run bouts;
- its **fast share**, from its laps: the share of lap time at a speed more than 8 %
  above the runner's median run speed over the window. Laps are what a watch records
  for every rep of an interval session, so they show intervals an average pace hides;
  an activity without laps has no fast share (None).
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from footfall.metrics.timezone import fixed_offset, zone_named
from footfall.plan.model import PlanInput, PlanOptions
from footfall.plan.sources.history import (
    HISTORY_WEEKS,
    WORKOUT_SPEED_RATIO,
    PastActivity,
    typical_week,
)
from footfall.settings import Athlete
from footfall.sports import sport_from_label
from footfall.store.database import Store
from footfall.store.models import ActivityRow, LapRow

#: Activities are selected by UTC start with a day's margin on both sides, then kept or
#: dropped by their local date (a zone is at most 14 hours from UTC).
_MARGIN = dt.timedelta(days=1)


def past_activities(store: Store, week_start: dt.date) -> list[PastActivity]:
    """The activities of the four weeks before ``week_start`` (local days), oldest first."""
    first = week_start - dt.timedelta(weeks=HISTORY_WEEKS)
    low = dt.datetime.combine(first - _MARGIN, dt.time(0), tzinfo=dt.UTC)
    high = dt.datetime.combine(week_start + _MARGIN, dt.time(0), tzinfo=dt.UTC)
    query = (
        select(ActivityRow)
        .where(ActivityRow.start >= low, ActivityRow.start < high)
        .order_by(ActivityRow.start)
        .options(selectinload(ActivityRow.bouts), selectinload(ActivityRow.laps))
    )
    with store.session() as session:
        rows = [row for row in session.scalars(query) if first <= _local_date(row) < week_start]
        plain = [(_past(row), list(row.laps)) for row in rows]
    median = _median_run_speed([activity for activity, _ in plain])
    return [_with_fast_share(activity, laps, median) for activity, laps in plain]


def plan_from_history(
    store: Store,
    week_start: dt.date,
    *,
    athlete: Athlete | None = None,
    options: PlanOptions | None = None,
) -> PlanInput:
    """The runner's typical week from the store (UsageError when it holds no runs)."""
    activities = past_activities(store, week_start)
    return typical_week(activities, week_start, athlete=athlete, options=options)


def _local_date(row: ActivityRow) -> dt.date:
    return row.start.astimezone(_zone(row)).date()


def _zone(row: ActivityRow) -> dt.tzinfo:
    """The zone the activity's days were measured in (stored as its name)."""
    if row.time_zone:
        return zone_named(row.time_zone)
    return fixed_offset(row.utc_offset_s) or dt.UTC


def _past(row: ActivityRow) -> PastActivity:
    run_bouts = [bout for bout in row.bouts if bout.gait == "run"]
    run_s = row.run_s if row.run_s is not None else sum(b.moving_s for b in run_bouts)
    return PastActivity(
        date=_local_date(row),
        sport=row.sport or sport_from_label(row.source_sport),
        moving_s=row.moving_s if row.moving_s is not None else row.duration_s,
        run_s=run_s,
        distance_m=row.distance_m,
        run_distance_m=sum(b.distance_m for b in run_bouts) if run_bouts else None,
    )


def _median_run_speed(activities: Sequence[PastActivity]) -> float | None:
    speeds = [a.run_distance_m / a.run_s for a in activities if a.is_run and a.run_distance_m]
    return statistics.median(speeds) if speeds else None


def _with_fast_share(
    activity: PastActivity, laps: list[LapRow], median_speed: float | None
) -> PastActivity:
    if not activity.is_run or median_speed is None:
        return activity
    timed = [(lap_s, lap.distance_m) for lap in laps if (lap_s := _lap_s(lap)) and lap.distance_m]
    total = sum(lap_s for lap_s, _ in timed)
    if total <= 0:
        return activity
    fast = sum(s for s, m in timed if m / s > WORKOUT_SPEED_RATIO * median_speed)
    return replace(activity, fast_share=fast / total)


def _lap_s(lap: LapRow) -> float | None:
    """A lap's moving (timer) time, else its elapsed time."""
    seconds = lap.timer_s if lap.timer_s else lap.elapsed_s
    return seconds if seconds and seconds > 0 else None
