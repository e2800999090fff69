"""A typical running week, inferred from the runner's last four weeks of activities.

``footfall plan --from-history``: no plan file, so footfall plans the week the runner
usually runs. :func:`typical_week` is pure (activities in, :class:`PlanInput` out); the
store side lives in :mod:`footfall.plan.sources.stored`.

How the week is inferred, and why:

- **The window** is the 28 days before ``week_start``, cut into four 7-day weeks that
  line up with the planned week (so any ``week_start`` works, not only Mondays).
- **A habit, not a one-off.** A day of the week gets a run when the runner ran on it
  in at least 2 of the 4 weeks: one run is a coincidence, two is a pattern. Runs on
  the same day are added up (a double day is one day's running load).
- **How much.** Its minutes and distance are the medians over the weeks it was run:
  medians shrug off the one week cut short or stretched for a race.
- **Long.** The longest typical run (by minutes, which every file has) is ``long``
  when it is at least 25 % longer than the median of the other typical runs - a long
  run stands out from the rest of the week; a runner whose runs are all about the same
  length has no long run. A lone typical run is long from 90 minutes.
- **Workout.** A typical run whose median speed is more than 8 % faster than the
  runner's median run speed over the window, or that spends at least 20 % of its
  running time well faster than usual (the ``fast_share`` hint: intervals hide inside
  an average pace), is a ``workout``.
- **Easy** is everything else.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from footfall.errors import UsageError
from footfall.plan.model import PlanInput, PlanOptions, RunSession, SessionType
from footfall.settings import Athlete

HISTORY_WEEKS = 4
MIN_WEEKS_FOR_A_HABIT = 2
LONG_RATIO = 1.25
LONG_ALONE_MIN = 90.0
WORKOUT_SPEED_RATIO = 1.08
WORKOUT_FAST_SHARE = 0.2
RUNNING_SPORTS = frozenset({"run", "run_walk"})
_WEEK = 7


@dataclass(frozen=True, slots=True)
class PastActivity:
    """One stored activity, as the history needs it.

    ``date`` is the local date it started on; ``sport`` is footfall's (run, walk, hike,
    run_walk, other); ``run_s`` and ``run_distance_m`` are its running part (all of a
    run, the run bouts of a run/walk); ``fast_share`` is the share of its running time
    more than 8 % faster than the runner's median run pace (None: unknown).
    """

    date: dt.date
    sport: str
    moving_s: float
    run_s: float
    distance_m: float | None = None
    run_distance_m: float | None = None
    fast_share: float | None = None

    @property
    def is_run(self) -> bool:
        return self.sport in RUNNING_SPORTS and self.run_s > 0


@dataclass(frozen=True, slots=True)
class _Day:
    """One day's running in one week of the window."""

    run_s: float = 0.0
    run_m: float | None = 0.0
    fast_s: float = 0.0
    known_fast_s: float = 0.0

    def plus(self, run: PastActivity) -> _Day:
        distance = run.run_distance_m
        fast_known = run.fast_share is not None
        return _Day(
            run_s=self.run_s + run.run_s,
            run_m=None if self.run_m is None or distance is None else self.run_m + distance,
            fast_s=self.fast_s + (run.fast_share or 0.0) * run.run_s,
            known_fast_s=self.known_fast_s + (run.run_s if fast_known else 0.0),
        )

    @property
    def speed_m_s(self) -> float | None:
        return None if not self.run_m or self.run_s <= 0 else self.run_m / self.run_s

    @property
    def fast_share(self) -> float | None:
        return self.fast_s / self.known_fast_s if self.known_fast_s > 0 else None


@dataclass(frozen=True, slots=True)
class _Typical:
    """A day of the week the runner habitually runs on, and how."""

    offset: int
    minutes: float
    distance_m: float | None
    speed_m_s: float | None
    fast_share: float | None


def typical_week(
    activities: Sequence[PastActivity],
    week_start: dt.date,
    *,
    athlete: Athlete | None = None,
    options: PlanOptions | None = None,
) -> PlanInput:
    """The runner's usual week, placed on the seven days from ``week_start``.

    Raises UsageError when the four weeks before hold no runs, or no weekly pattern.
    """
    first = week_start - dt.timedelta(days=HISTORY_WEEKS * _WEEK)
    runs = [a for a in activities if a.is_run and first <= a.date < week_start]
    window = f"the 4 weeks before {week_start.isoformat()} ({first.isoformat()} on)"
    if not runs:
        raise UsageError(f"no runs in {window}: import some activities or give a plan file")
    typical = _typical_days(runs, week_start)
    if not typical:
        raise UsageError(
            f"the runs in {window} fall on no day of the week in 2 of the 4 weeks: give a plan file"
        )
    kinds = _session_types(typical, _median_speed(runs))
    sessions = tuple(
        RunSession(
            week_start + dt.timedelta(days=t.offset), kinds[t.offset], t.minutes, t.distance_m
        )
        for t in typical
    )
    return PlanInput(
        week_start=week_start,
        sessions=sessions,
        athlete=athlete or Athlete(),
        options=options or PlanOptions(),
        source=f"history: {len(runs)} runs in {window}",
    )


def _typical_days(runs: list[PastActivity], week_start: dt.date) -> list[_Typical]:
    """The days of the week run on in at least 2 of the 4 weeks, in week order."""
    days: dict[tuple[int, int], _Day] = defaultdict(_Day)
    for run in runs:
        back = (week_start - run.date).days - 1
        key = (back // _WEEK, (run.date - week_start).days % _WEEK)
        days[key] = days[key].plus(run)
    by_offset: dict[int, list[_Day]] = defaultdict(list)
    for (_, offset), day in days.items():
        by_offset[offset].append(day)
    return [
        _typical(offset, weeks)
        for offset, weeks in sorted(by_offset.items())
        if len(weeks) >= MIN_WEEKS_FOR_A_HABIT
    ]


def _typical(offset: int, weeks: list[_Day]) -> _Typical:
    distances = [day.run_m for day in weeks if day.run_m]
    speeds = [speed for day in weeks if (speed := day.speed_m_s) is not None]
    shares = [share for day in weeks if (share := day.fast_share) is not None]
    return _Typical(
        offset=offset,
        minutes=statistics.median(day.run_s for day in weeks) / 60,
        distance_m=statistics.median(distances) if distances else None,
        speed_m_s=statistics.median(speeds) if speeds else None,
        fast_share=statistics.median(shares) if shares else None,
    )


def _median_speed(runs: list[PastActivity]) -> float | None:
    """The runner's median run speed over the window, run by run."""
    speeds = [r.run_distance_m / r.run_s for r in runs if r.run_distance_m]
    return statistics.median(speeds) if speeds else None


def _session_types(typical: list[_Typical], median_speed: float | None) -> dict[int, SessionType]:
    """Long for the run that stands out by length, workout for the fast ones, else easy."""
    kinds: dict[int, SessionType] = {
        t.offset: "workout" if _is_fast(t, median_speed) else "easy" for t in typical
    }
    longest = max(typical, key=lambda t: t.minutes)
    others = [t.minutes for t in typical if t is not longest]
    if others:
        stands_out = longest.minutes >= LONG_RATIO * statistics.median(others)
    else:
        stands_out = longest.minutes >= LONG_ALONE_MIN
    if stands_out:
        kinds[longest.offset] = "long"
    return kinds


def _is_fast(day: _Typical, median_speed: float | None) -> bool:
    if day.fast_share is not None and day.fast_share >= WORKOUT_FAST_SHARE:
        return True
    if day.speed_m_s is None or median_speed is None:
        return False
    return day.speed_m_s > WORKOUT_SPEED_RATIO * median_speed
