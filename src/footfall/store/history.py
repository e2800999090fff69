"""What the runner's own recent past says, for the planner (plan.model.History).

Everything comes from the stored measures (day shares, bouts, device day totals), so
planning never rereads a stream.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import defaultdict

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from footfall.evidence import MILE_M
from footfall.guide.model import PastWalks
from footfall.plan.model import History
from footfall.store.ladder import load_ladder
from footfall.store.models import ActivityDayRow, ActivityRow, BoutRow, DayStepsRow

#: The planner learns from the four weeks before the planned one (SPEC §4, R6, R4).
LOOKBACK_DAYS = 28
#: R9 compares with the longest run of the previous 30 days.
SPIKE_WINDOW_DAYS = 30
#: Less running than this in the window says too little about the runner's pace.
MIN_RUN_S = 600.0
#: A walk bout counts as brisk walking when most of it was in the brisk band.
BRISK_SHARE = 0.5
MIN_WALK_BOUT_S = 120.0


def history_before(session: Session, week_start: dt.date) -> History:
    """The runner's figures from the weeks before ``week_start``."""
    since = week_start - dt.timedelta(days=LOOKBACK_DAYS)
    run_speed, run_cadence = _running(session, since, week_start)
    brisk_speed, walk_cadence = _brisk_walking(session, since, week_start)
    return History(
        run_speed_m_s=run_speed,
        run_cadence_spm=run_cadence,
        brisk_speed_m_s=brisk_speed,
        walk_cadence_spm=walk_cadence,
        longest_run_30d_m=_longest_run(session, week_start),
        baseline_steps_by_weekday=_baseline_by_weekday(session, since, week_start),
        ladder=load_ladder(session),
    )


def _running(session: Session, since: dt.date, until: dt.date) -> tuple[float | None, float | None]:
    seconds, metres, steps = session.execute(
        select(
            func.sum(ActivityDayRow.run_s),
            func.sum(ActivityDayRow.run_distance_m),
            func.sum(ActivityDayRow.run_steps),
        ).where(ActivityDayRow.date >= since, ActivityDayRow.date < until)
    ).one()
    if not seconds or seconds < MIN_RUN_S:
        return None, None
    return (metres / seconds if metres else None), (steps * 60.0 / seconds if steps else None)


def _brisk_walking(
    session: Session, since: dt.date, until: dt.date
) -> tuple[float | None, float | None]:
    start = dt.datetime.combine(since, dt.time(), tzinfo=dt.UTC)
    end = dt.datetime.combine(until, dt.time(), tzinfo=dt.UTC)
    seconds, metres, steps = session.execute(
        select(
            func.sum(BoutRow.moving_s), func.sum(BoutRow.distance_m), func.sum(BoutRow.steps)
        ).where(
            BoutRow.gait == "walk",
            BoutRow.start >= start,
            BoutRow.start < end,
            BoutRow.moving_s >= MIN_WALK_BOUT_S,
            BoutRow.brisk_s >= BRISK_SHARE * BoutRow.moving_s,
        )
    ).one()
    if not seconds:
        return None, None
    return (metres / seconds if metres else None), (steps * 60.0 / seconds if steps else None)


def _longest_run(session: Session, week_start: dt.date) -> float | None:
    """The most running distance in one activity over the 30 days before the week."""
    since = dt.datetime.combine(
        week_start - dt.timedelta(days=SPIKE_WINDOW_DAYS), dt.time(), tzinfo=dt.UTC
    )
    until = dt.datetime.combine(week_start, dt.time(), tzinfo=dt.UTC)
    per_activity = (
        select(func.sum(BoutRow.distance_m).label("run_m"))
        .where(BoutRow.gait == "run", BoutRow.start >= since, BoutRow.start < until)
        .group_by(BoutRow.activity_id)
        .subquery()
    )
    longest = session.scalar(select(func.max(per_activity.c.run_m)))
    return float(longest) if longest else None


def _baseline_by_weekday(session: Session, since: dt.date, until: dt.date) -> dict[int, float]:
    """Median steps outside every recorded activity, per weekday: the device's day total
    (largest source) minus the steps of the day's activities, on days with a total."""
    totals = session.execute(
        select(DayStepsRow.date, func.max(DayStepsRow.steps))
        .where(DayStepsRow.date >= since, DayStepsRow.date < until)
        .group_by(DayStepsRow.date)
    ).all()
    recorded = dict(
        session.execute(
            select(
                ActivityDayRow.date,
                func.sum(ActivityDayRow.run_steps + ActivityDayRow.other_steps),
            )
            .where(ActivityDayRow.date >= since, ActivityDayRow.date < until)
            .group_by(ActivityDayRow.date)
        ).all()
    )
    by_weekday: dict[int, list[float]] = defaultdict(list)
    for day, steps in totals:
        by_weekday[day.weekday()].append(max(0.0, steps - float(recorded.get(day) or 0.0)))
    return {weekday: statistics.median(values) for weekday, values in by_weekday.items()}


def past_walks(session: Session, today: dt.date) -> PastWalks:
    """The runner's own recent walking, for a guided walk's pace band and its closing
    question (R6, R8): the last walk, how many in four weeks, the brisk pace."""
    since = dt.datetime.combine(today - dt.timedelta(days=LOOKBACK_DAYS), dt.time(), tzinfo=dt.UTC)
    until = dt.datetime.combine(today + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC)
    walks = session.scalars(
        select(ActivityRow)
        .where(ActivityRow.sport.in_(("walk", "hike")), ActivityRow.start < until)
        .order_by(ActivityRow.start.desc())
    )
    last = next(iter(walks), None)
    count = session.scalar(
        select(func.count())
        .select_from(ActivityRow)
        .where(
            ActivityRow.sport.in_(("walk", "hike")),
            ActivityRow.start >= since,
            ActivityRow.start < until,
        )
    )
    speed, _ = _brisk_walking(session, today - dt.timedelta(days=LOOKBACK_DAYS), today)
    moving = last.moving_s if last is not None else None
    return PastWalks(
        last_minutes=moving / 60.0 if moving else None,
        last_brisk_share=min(1.0, (last.brisk_walk_s or 0.0) / moving) if last and moving else None,
        walks_last_4_weeks=count,
        brisk_pace_min_per_mi=MILE_M / speed / 60.0 if speed else None,
    )
