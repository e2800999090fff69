"""The measure stage: an activity's measures, bouts and local-day shares, written into
its row in the same transaction that stores it (and again by ``footfall recompute``).

The stride calibration is learned from the runner's own files: each activity keeps its
own step-length ratios, so a new import updates the calibration with one query, and
only activities whose steps were estimated need measuring again.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session, selectinload

from footfall.activity import Activity
from footfall.metrics.activity import calibration_from, measure_activity, own_stride_ratios
from footfall.metrics.days import day_shares
from footfall.metrics.stride import StrideCalibration
from footfall.metrics.timezone import activity_zone, first_position
from footfall.settings import Athlete
from footfall.store.activities import activity_from_row
from footfall.store.athlete import load_athlete, load_calibration, save_calibration
from footfall.store.database import Store
from footfall.store.models import ActivityDayRow, ActivityRow, BoutRow

#: Called once with the number of activities, then once per activity measured.
Progress = Callable[[int | None, str], None]
#: Rows measured per transaction by a recompute (a kill loses at most one batch).
RECOMPUTE_BATCH = 50
#: A calibration that moves less than this leaves estimated steps as they are.
CALIBRATION_TOLERANCE = 0.005


@dataclass(frozen=True, slots=True)
class Measurer:
    """What measuring needs: the athlete's settings and the stride calibration."""

    athlete: Athlete
    calibration: StrideCalibration
    usual_zone: str | None = None

    @classmethod
    def load(cls, session: Session) -> Measurer:
        return cls(load_athlete(session), load_calibration(session), usual_zone(session))

    def measure(self, session: Session, row: ActivityRow, activity: Activity) -> None:
        """Fill ``row``'s measures, bouts and day shares from ``activity``."""
        measures = measure_activity(activity, self.athlete, self.calibration)
        position = first_position(activity.samples.lat_deg, activity.samples.lon_deg)
        lat, lon = position if position else (None, None)
        zone = activity_zone(lat, lon, activity.utc_offset_s, self.athlete, self.usual_zone)
        row.first_lat_deg, row.first_lon_deg = lat, lon
        row.time_zone, row.zone_origin = zone.name, zone.origin
        row.sport = measures.sport
        row.moving_s = measures.moving_s
        row.run_s, row.walk_s, row.hike_s = measures.run_s, measures.walk_s, measures.hike_s
        row.brisk_walk_s = measures.brisk_walk_s
        row.steps, row.steps_source = measures.steps, measures.steps_source
        row.impact_bw_steps = measures.impact_bw_steps
        ratios = dict(own_stride_ratios(activity, self.athlete))
        row.own_run_stride_ratio = ratios.get(True)
        row.own_walk_stride_ratio = ratios.get(False)
        _replace_children(session, row)
        row.bouts.extend(
            BoutRow(
                index=i,
                gait=bout.gait,
                start=_utc(bout.start_s),
                end=_utc(bout.end_s),
                moving_s=bout.moving_s,
                distance_m=bout.distance_m,
                steps=bout.steps,
                brisk_s=bout.brisk_s,
                impact_bw_steps=bout.impact_bw_steps,
            )
            for i, bout in enumerate(measures.bouts)
        )
        row.days.extend(
            ActivityDayRow(
                date=share.date,
                run_s=share.run_s,
                walk_s=share.walk_s,
                hike_s=share.hike_s,
                brisk_s=share.brisk_s,
                run_steps=share.run_steps,
                other_steps=share.other_steps,
                impact_bw_steps=share.impact_bw_steps,
                run_distance_m=share.run_distance_m,
                walk_distance_m=share.walk_distance_m,
                run_impact_bw_steps=share.run_impact_bw_steps,
            )
            for share in day_shares(measures.bouts, zone.tz)
        )


def _replace_children(session: Session, row: ActivityRow) -> None:
    """Drop the bouts and day shares of an earlier measurement (flushed first, so new
    rows with the same keys do not collide)."""
    if row.id is None or not (row.bouts or row.days):
        return
    row.bouts.clear()
    row.days.clear()
    session.flush()


def _utc(epoch_s: float) -> dt.datetime:
    return dt.datetime.fromtimestamp(epoch_s, tz=dt.UTC)


def usual_zone(session: Session) -> str | None:
    """The zone most of the runner's activities were found in by their position."""
    return session.scalar(
        select(ActivityRow.time_zone)
        .where(ActivityRow.zone_origin == "position")
        .group_by(ActivityRow.time_zone)
        .order_by(func.count().desc(), ActivityRow.time_zone)
        .limit(1)
    )


def refresh_zones(store: Store, progress: Progress | None = None) -> int:
    """Measure again the activities whose days had to be counted in UTC, or in a usual
    zone that is no longer the usual one, now that the runner's usual zone is known.
    Returns how many."""
    with store.session() as session:
        usual = usual_zone(session)
    if usual is None:
        return 0
    stale = select(ActivityRow.id).where(
        or_(
            ActivityRow.zone_origin == "assumed UTC",
            (ActivityRow.zone_origin == "usual zone") & (ActivityRow.time_zone != usual),
        )
    )
    return _measure_again(store, stale, progress)


# --- calibration ------------------------------------------------------------------------


def refresh_calibration(store: Store, progress: Progress | None = None) -> int:
    """Learn the stride calibration again from every activity's own ratios; when it
    moved, measure every activity again: not only those estimated as a whole, but any
    with a stretch the cadence missed (and where a device total is shared out over the
    bouts), so the figures do not depend on the order files were imported in. Returns
    how many were measured again."""
    with store.transaction() as session:
        old = load_calibration(session)
        new = _stored_calibration(session)
        moved = _moved(old, new)
        # Within the tolerance the ratios in use stay, so every activity is measured
        # with the same ones; the counts say what they now rest on.
        kept = new if moved else replace(new, run_ratio=old.run_ratio, walk_ratio=old.walk_ratio)
        save_calibration(session, kept)
    if not moved:
        return 0
    return _measure_again(store, select(ActivityRow.id), progress)


def _stored_calibration(session: Session) -> StrideCalibration:
    rows = session.execute(
        select(ActivityRow.own_run_stride_ratio, ActivityRow.own_walk_stride_ratio)
    ).all()
    runs = [r for r, _ in rows if r is not None]
    walks = [w for _, w in rows if w is not None]
    return calibration_from(runs, walks)


def _moved(old: StrideCalibration, new: StrideCalibration) -> bool:
    return not math.isclose(
        old.run_ratio, new.run_ratio, abs_tol=CALIBRATION_TOLERANCE
    ) or not math.isclose(old.walk_ratio, new.walk_ratio, abs_tol=CALIBRATION_TOLERANCE)


# --- recompute --------------------------------------------------------------------------


def recompute(store: Store, progress: Progress | None = None) -> int:
    """Measure every stored activity again (after the settings changed), then learn the
    calibration again from their ratios. Returns how many activities were measured."""
    count = _measure_again(store, select(ActivityRow.id), progress)
    refresh_calibration(store, progress)
    return count


def _measure_again(store: Store, which: Select[int], progress: Progress | None) -> int:
    notify = progress or (lambda _total, _label: None)
    with store.session() as session:
        ids = list(session.scalars(which))
    notify(len(ids), "")
    for batch in _batches(ids, RECOMPUTE_BATCH):
        with store.transaction() as session:
            measurer = Measurer.load(session)
            for row in _rows(session, batch):
                measurer.measure(session, row, activity_from_row(row))
                notify(None, row.name or row.start.isoformat())
    return len(ids)


def _rows(session: Session, ids: list[int]) -> Iterator[ActivityRow]:
    query = (
        select(ActivityRow)
        .where(ActivityRow.id.in_(ids))
        .options(
            selectinload(ActivityRow.stream),
            selectinload(ActivityRow.laps),
            selectinload(ActivityRow.bouts),
            selectinload(ActivityRow.days),
        )
    )
    yield from session.scalars(query)


def _batches(ids: list[int], size: int) -> Iterator[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]
