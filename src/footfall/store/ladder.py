"""R5's habit ladder in the store: one row, made when a reluctant walker first plans.

Each local day with a walk done — an imported activity with walking in it, or a
check-in — moves the ladder one step (R5: the next finisher grows x 1.5); a day
without one holds it. A day is counted once, and today stays open until a walk is
done on it.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from footfall.errors import UsageError
from footfall.metrics.timezone import today_in
from footfall.plan.model import LadderState
from footfall.plan.rules.ladder import advance
from footfall.store.athlete import load_athlete
from footfall.store.checkins import CheckIn, add_checkin, checkin_dates
from footfall.store.database import Store
from footfall.store.models import ActivityDayRow, LadderRow

_LADDER_ID = 1


def load_ladder(session: Session) -> LadderState:
    row = session.get(LadderRow, _LADDER_ID)
    if row is None:
        return LadderState()
    return LadderState(row.step_ft, row.walks_done, row.goal_miles_per_week)


def ladder_started(session: Session) -> bool:
    return session.get(LadderRow, _LADDER_ID) is not None


def start_ladder(session: Session, today: dt.date) -> None:
    """Make the ladder (at its first step) if there is none; walks count from today."""
    if session.get(LadderRow, _LADDER_ID) is not None:
        return
    first = LadderState()
    session.add(
        LadderRow(
            id=_LADDER_ID,
            step_ft=first.step_ft,
            walks_done=first.walks_done,
            goal_miles_per_week=first.goal_miles_per_week,
            counted_through=today - dt.timedelta(days=1),
        )
    )
    session.flush()


def update_ladder(session: Session, today: dt.date) -> LadderState:
    """Advance the ladder by the walks done since it was last counted."""
    row = session.get(LadderRow, _LADDER_ID)
    if row is None:
        return LadderState()
    done = walk_dates(session, row.counted_through, today) | checkin_dates(
        session, row.counted_through, today
    )
    state = LadderState(row.step_ft, row.walks_done, row.goal_miles_per_week)
    for _ in sorted(done):
        state = advance(state, done=True)
    row.step_ft, row.walks_done = state.step_ft, state.walks_done
    yesterday = today - dt.timedelta(days=1)
    row.counted_through = max([*done, yesterday, *(c for c in [row.counted_through] if c)])
    return state


def walk_dates(session: Session, after: dt.date | None, through: dt.date) -> set[dt.date]:
    """Local days with any walking or hiking recorded."""
    query = select(ActivityDayRow.date).where(
        ActivityDayRow.date <= through, ActivityDayRow.walk_s + ActivityDayRow.hike_s > 0
    )
    if after is not None:
        query = query.where(ActivityDayRow.date > after)
    return set(session.scalars(query))


def check_in(
    store: Store,
    *,
    legs: str,
    energy: str,
    note: str = "",
    walk: int | None = None,
    date: dt.date | None = None,
) -> tuple[CheckIn, LadderState | None]:
    """Store a check-in (R8) and count it on the habit ladder when one is started (R5);
    the ladder's new state, or None."""
    if walk is not None and date is not None:
        raise UsageError("give the walk or the date, not both")
    with store.transaction() as session:
        now = today_in(load_athlete(session))
        saved = add_checkin(
            session, legs=legs, energy=energy, note=note, walk_id=walk, date=date, today=now
        )
        ladder = update_ladder(session, now) if ladder_started(session) else None
    return saved, ladder
