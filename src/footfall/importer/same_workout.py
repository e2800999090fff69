"""The same workout recorded twice: a watch's FIT and the TCX or GPX exported from it,
an Apple Health workout synced from Garmin or Strava, a heart-rate strap's own file.

Two activities are the same workout when their times overlap for most of the shorter
one (or, when one has no length, they start within a minute of each other). Of the two
the store keeps the one with more samples: a newer file with more detail replaces the
older one, a poorer one is a duplicate.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from footfall.activity import Activity
from footfall.store.models import ActivityRow

#: The share of the shorter activity's time both must cover to be one workout.
OVERLAP_SHARE = 0.8
#: Activities without a length (a logged workout) match a start this close.
SAME_START_S = 60.0


def overlaps(start_a: float, end_a: float, start_b: float, end_b: float) -> bool:
    """True when two stretches of time are one workout (see the module docstring)."""
    shorter = min(end_a - start_a, end_b - start_b)
    if shorter <= 0:
        return abs(start_a - start_b) <= SAME_START_S
    return min(end_a, end_b) - max(start_a, start_b) >= OVERLAP_SHARE * shorter


def stored_same_workouts(session: Session, activity: Activity) -> list[ActivityRow]:
    """Stored activities that are the same workout as ``activity``."""
    start, end = activity.start_s, max(activity.end_s, activity.start_s)
    near = session.scalars(
        select(ActivityRow).where(
            ActivityRow.start_epoch_s <= int(end + SAME_START_S),
            ActivityRow.start_epoch_s >= int(start - 2 * 86_400),
        )
    )
    return [
        row
        for row in near
        if overlaps(start, end, row.start.timestamp(), max(row.end, row.start).timestamp())
    ]
