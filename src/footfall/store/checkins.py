"""Check-ins (R8): how the runner felt after a walk. A check-in also counts as a walk
done for the habit ladder (R5)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from footfall.errors import UsageError
from footfall.store.models import ActivityDayRow, ActivityRow, CheckInRow

Legs = Literal["weaker", "same", "stronger"]
Energy = Literal["lower", "same", "higher"]
LEGS: tuple[Legs, ...] = ("weaker", "same", "stronger")
ENERGY: tuple[Energy, ...] = ("lower", "same", "higher")


@dataclass(frozen=True, slots=True)
class CheckIn:
    id: int
    date: dt.date
    activity_id: int | None
    legs: str
    energy: str
    note: str

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "date": self.date.isoformat(),
            "walk": self.activity_id,
            "legs": self.legs,
            "energy": self.energy,
            "note": self.note,
        }


def add_checkin(
    session: Session,
    *,
    legs: str,
    energy: str,
    note: str = "",
    walk_id: int | None = None,
    date: dt.date | None = None,
    today: dt.date,
) -> CheckIn:
    """Store a check-in for a walk (by id: its local day is the date) or a day."""
    if legs not in LEGS:
        raise UsageError(f"--legs: '{legs}' is not one of {', '.join(LEGS)}")
    if energy not in ENERGY:
        raise UsageError(f"--energy: '{energy}' is not one of {', '.join(ENERGY)}")
    day = _walk_day(session, walk_id) if walk_id is not None else (date or today)
    if day > today:
        raise UsageError(f"--date: {day.isoformat()} is in the future; check in after the walk")
    row = CheckInRow(
        date=day,
        activity_id=walk_id,
        legs=legs,
        energy=energy,
        note=note.strip(),
        created_at=dt.datetime.now(dt.UTC),
    )
    session.add(row)
    session.flush()
    return _checkin(row)


def list_checkins(session: Session) -> list[CheckIn]:
    rows = session.scalars(select(CheckInRow).order_by(CheckInRow.date, CheckInRow.id))
    return [_checkin(row) for row in rows]


def checkin_dates(session: Session, after: dt.date | None, through: dt.date) -> set[dt.date]:
    query = select(CheckInRow.date).where(CheckInRow.date <= through)
    if after is not None:
        query = query.where(CheckInRow.date > after)
    return set(session.scalars(query))


def _walk_day(session: Session, walk_id: int) -> dt.date:
    row = session.get(ActivityRow, walk_id)
    if row is None:
        raise UsageError(f"--walk: there is no activity {walk_id} (see footfall activities)")
    if row.sport not in {"walk", "hike", "run_walk"}:
        raise UsageError(f"--walk: activity {walk_id} is a {row.sport or 'activity'}, not a walk")
    first = session.scalar(
        select(ActivityDayRow.date)
        .where(ActivityDayRow.activity_id == walk_id)
        .order_by(ActivityDayRow.date)
    )
    return first or row.start.date()


def _checkin(row: CheckInRow) -> CheckIn:
    return CheckIn(row.id, row.date, row.activity_id, row.legs, row.energy, row.note)
