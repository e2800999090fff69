"""Stage 3: write what one file gave into the store, in one transaction.

The file's content hash is unique, so a second import of the same bytes (or a second
process importing the same folder at the same time) stops at the constraint and is a
duplicate; an activity already stored from another file (same start and device) is
skipped. Either everything from the file is committed or nothing is.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

import numpy as np
from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from footfall.activity import Activity, DaySteps, Decoded
from footfall.importer.same_workout import detail, stored_same_workouts
from footfall.store.models import ActivityRow, DayStepsRow, LapRow, SourceFile, StreamRow
from footfall.store.streams import samples_to_parquet


def known_hash(session: Session, sha256: str) -> bool:
    return session.scalar(select(SourceFile.id).where(SourceFile.sha256 == sha256)) is not None


@dataclass(slots=True)
class Saved:
    """What storing one file did: the rows stored (with their activity), the
    activities already stored from another file, and the stored activities a richer
    recording of the same workout replaced (their ids and files, and whether the new one
    holds more, or only wins the tie between recordings alike)."""

    stored: list[tuple[ActivityRow, Activity]] = field(default_factory=list)
    duplicates: list[Activity] = field(default_factory=list)
    replaced: list[tuple[int, str, bool]] = field(default_factory=list)


def save_file(
    session: Session, *, path: str, sha256: str, size_bytes: int, decoded: Decoded
) -> Saved:
    """Store a decoded file in ``session`` (the caller's transaction)."""
    record = SourceFile(
        sha256=sha256,
        path=path,
        format=decoded.format,
        size_bytes=size_bytes,
        imported_at=dt.datetime.now(dt.UTC),
    )
    session.add(record)
    session.flush()  # the unique hash is checked here
    saved = Saved()
    for activity in decoded.activities:
        same = stored_same_workouts(session, activity)
        mine = detail(
            len(activity.samples), activity.samples.has("lat_deg"), decoded.format, sha256
        )
        if any(mine <= _detail_of(row) for row in same):
            saved.duplicates.append(activity)
            continue
        for row in same:  # a poorer recording of this workout: the new one replaces it
            richer = mine[:3] > _detail_of(row)[:3]
            saved.replaced.append((row.id, row.source_file.path, richer))
            session.delete(row)
        session.flush()
        row = activity_row(activity, record)
        session.add(row)
        session.flush()
        saved.stored.append((row, activity))
    _save_day_steps(session, decoded.day_steps, record)
    session.flush()
    return saved


def _detail_of(row: ActivityRow) -> tuple[int, bool, int, str]:
    source = row.source_file
    return detail(row.samples, row.has_position, source.format, source.sha256)


def activity_row(activity: Activity, source: SourceFile) -> ActivityRow:
    samples, totals = activity.samples, activity.totals
    row = ActivityRow(
        source_file=source,
        index_in_file=activity.index,
        start_epoch_s=int(activity.start_s),
        start=activity.start,
        end=dt.datetime.fromtimestamp(activity.end_s, tz=dt.UTC),
        utc_offset_s=activity.utc_offset_s,
        device=activity.device,
        name=activity.name,
        source_sport=activity.source_sport,
        samples=len(samples),
        has_position=samples.has("lat_deg"),
        duration_s=duration_s(activity),
        distance_m=distance_m(activity),
        device_elapsed_s=_finite(totals.elapsed_s),
        device_timer_s=_finite(totals.timer_s),
        device_distance_m=_finite(totals.distance_m),
        device_cycles=_finite(totals.cycles),
        device_steps=_finite(totals.steps),
        device_calories_kcal=_finite(totals.calories_kcal),
    )
    row.stream = StreamRow(parquet=samples_to_parquet(samples))
    row.laps = [
        LapRow(
            index=i,
            start=dt.datetime.fromtimestamp(lap.start_s, tz=dt.UTC),
            elapsed_s=_finite(lap.elapsed_s),
            timer_s=_finite(lap.timer_s),
            distance_m=_finite(lap.distance_m),
            cycles=_finite(lap.cycles),
        )
        for i, lap in enumerate(activity.laps)
    ]
    return row


def duration_s(activity: Activity) -> float:
    """The longer of the device's elapsed time and the span of the samples (a device
    that lost its last lap states less than it recorded)."""
    elapsed = activity.totals.elapsed_s
    span = max(0.0, activity.end_s - activity.start_s)
    if math.isfinite(elapsed) and elapsed >= 0:
        return max(float(elapsed), span)
    return span


def distance_m(activity: Activity) -> float | None:
    """The device's total distance, else the last recorded cumulative distance."""
    total = activity.totals.distance_m
    if math.isfinite(total) and total >= 0:
        return float(total)
    recorded = activity.samples.distance_m
    finite = recorded[np.isfinite(recorded)]
    return float(finite.max()) if finite.size else None


def _save_day_steps(session: Session, days: list[DaySteps], source: SourceFile) -> None:
    """Upsert: the newest import of a (date, source) total wins (exports grow)."""
    if not days:
        return
    merged: dict[tuple[dt.date, str], int] = {}
    for day in days:
        merged[(day.date, day.source)] = day.steps
    values = [
        {"date": d, "source": s, "steps": n, "source_file_id": source.id}
        for (d, s), n in merged.items()
    ]
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    for start in range(0, len(values), _ROWS_PER_STATEMENT):
        statement = insert(DayStepsRow).values(values[start : start + _ROWS_PER_STATEMENT])
        statement = statement.on_conflict_do_update(
            index_elements=["date", "source"],
            set_={"steps": statement.excluded.steps, "source_file_id": source.id},
        )
        session.execute(statement)


_ROWS_PER_STATEMENT = 500  # 4 parameters a row stays far below SQLite's variable limit


def _finite(value: float) -> float | None:
    return float(value) if math.isfinite(value) else None
