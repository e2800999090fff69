"""R2 second workout: on a two-a-day, the second session is a walk of lower intensity
than the first.

On each of ``options.two_a_day``'s dates that has a session, the day gets a 30-minute
walk one intensity step below its hardest session (the first, on the usual one-run
day): after a vigorous run (easy, long, workout, race) a brisk, moderate walk; after a
moderate session (a recovery run, or the brisk walk that replaced a swapped run) a
light walk; after a light one, nothing, as nothing is lower. A two-a-day date without a
session has no first session to follow and gets no second (R4 may still add a walk).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

from footfall import evidence
from footfall.plan.estimate import Rates, planned_walk
from footfall.plan.model import INTENSITY_ORDER, Intensity, PlannedSession
from footfall.plan.rules.words import cite, minutes_text

#: The next intensity down.
LOWER: dict[Intensity, Intensity | None] = {
    "vigorous": "moderate",
    "moderate": "light",
    "light": None,
}
WALK_NAME: dict[Intensity, str] = {"moderate": "brisk", "light": "easy, light"}


def hardest(sessions: Iterable[PlannedSession]) -> PlannedSession | None:
    """The day's most intense session (the first of equals)."""
    ordered = sorted(sessions, key=lambda s: -INTENSITY_ORDER[s.intensity])
    return ordered[0] if ordered else None


def second_walk(day: Sequence[PlannedSession], rates: Rates) -> PlannedSession | None:
    """The R2 walk for a two-a-day with sessions ``day`` (None: nothing is lower)."""
    first = hardest(day)
    if first is None:
        return None
    intensity = LOWER[first.intensity]
    if intensity is None:
        return None
    minutes = evidence.SECOND_WALK_MIN
    what = f"{first.type} run" if first.kind == "run" else "walk"
    why = (
        f"A {minutes_text(minutes)} {WALK_NAME[intensity]} walk as your second session: "
        f"a {intensity} walk, lower in intensity than your {first.intensity} {what}, as "
        f"a two-a-day's second session should be {cite(evidence.R2)}."
    )
    return planned_walk(
        first.date, minutes, role="second", rule="R2", why=why, intensity=intensity, rates=rates
    )


def second_walks(
    days: Mapping[dt.date, Sequence[PlannedSession]],
    two_a_day: Iterable[dt.date],
    rates: Rates,
) -> list[PlannedSession]:
    """The R2 walks of the week's two-a-day dates."""
    walks = [second_walk(days.get(date, ()), rates) for date in sorted(set(two_a_day))]
    return [walk for walk in walks if walk is not None]
