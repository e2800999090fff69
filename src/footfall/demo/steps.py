"""The watch's daily step totals, as a ``date,steps`` CSV.

A day's total is what a wrist device counts from local midnight to midnight: the steps
of daily life (3,000–6,500, drawn per day) plus every step of that day's recorded
activities, runs included — steps taken after midnight on a late walk count for the
next day. Steps outside runs stay within 3,000–14,000; days with a long run go far
above that, because the run's own steps are in the total, as on a real watch.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import numpy as np

from footfall.demo.tracks import Track

DAILY_LIFE_STEPS = (3_000, 6_500)
MOST_STEPS_OUTSIDE_RUNS = 14_000
SECONDS_PER_DAY = 86_400


def activity_steps_by_day(track: Track) -> dict[dt.date, float]:
    """The steps of one activity, split at local midnight."""
    offset = track.plan.start.utcoffset() or dt.timedelta(0)
    local_s = track.start_utc.timestamp() + offset.total_seconds() + track.time_s
    day_numbers = np.floor_divide(local_s - 0.5, SECONDS_PER_DAY).astype(np.int64)
    epoch = dt.date(1970, 1, 1)
    steps = track.step_per_sample
    return {
        epoch + dt.timedelta(days=int(day)): float(steps[day_numbers == day].sum())
        for day in np.unique(day_numbers)
    }


def daily_steps(
    tracks: list[Track], first: dt.date, last: dt.date, rng: np.random.Generator
) -> list[tuple[dt.date, int]]:
    """(date, device total) for every local day from ``first`` to ``last``."""
    running: defaultdict[dt.date, float] = defaultdict(float)
    other: defaultdict[dt.date, float] = defaultdict(float)
    for track in tracks:
        into = running if track.plan.sport == "running" else other
        for day, steps in activity_steps_by_day(track).items():
            into[day] += steps
    totals = []
    for offset in range((last - first).days + 1):
        day = first + dt.timedelta(days=offset)
        life = int(rng.integers(*DAILY_LIFE_STEPS))
        life = max(min(life, MOST_STEPS_OUTSIDE_RUNS - round(other[day])), 0)
        totals.append((day, life + round(other[day] + running[day])))
    return totals


def steps_csv(totals: list[tuple[dt.date, int]]) -> bytes:
    lines = ["date,steps", *(f"{day.isoformat()},{steps}" for day, steps in totals)]
    return ("\n".join(lines) + "\n").encode("ascii")
