"""The same workout recorded twice: a watch's FIT and the TCX or GPX exported from it,
an Apple Health workout synced from Garmin or Strava, a heart-rate strap's own file.

Two activities are the same workout when their times overlap for most of the shorter
one and neither is more than twice as long as the other (or, when one has no length,
they start within a minute of each other). Of the two the store keeps the one with more
samples, and with as many, the one with positions, then the one from the richer format
(FIT, then TCX, then GPX; see :func:`detail`): a newer file with more detail replaces
the older one, a poorer one is a duplicate, and which is kept does not depend on which
came first. The length rule keeps a recording
whose clock jumped (a 20-day "run" of 567 samples) from swallowing every activity it
spans.
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
#: The longer of two recordings of one workout is at most this many times the shorter.
MOST_LENGTH_RATIO = 2.0
#: Formats by the detail they carry, for two recordings with as many samples.
FORMAT_RANK = {"fit": 3, "tcx": 2, "gpx": 1}


def overlaps(start_a: float, end_a: float, start_b: float, end_b: float) -> bool:
    """True when two stretches of time are one workout (see the module docstring)."""
    shorter = min(end_a - start_a, end_b - start_b)
    if shorter <= 0:
        return abs(start_a - start_b) <= SAME_START_S
    longer = max(end_a - start_a, end_b - start_b)
    return (
        longer <= MOST_LENGTH_RATIO * shorter
        and min(end_a, end_b) - max(start_a, start_b) >= OVERLAP_SHARE * shorter
    )


def detail(
    samples: int, has_position: bool, file_format: str, sha256: str
) -> tuple[int, bool, int, str]:
    """How much a recording holds, to choose between two of one workout: its samples,
    then whether it has positions, then its format; last its file's content hash, so
    that even two recordings alike in all of these are chosen between the same way
    whichever came first."""
    return samples, has_position, FORMAT_RANK.get(file_format, 0), sha256


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
