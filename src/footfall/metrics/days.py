"""Days in the runner's local time: what each activity gave each calendar day, and a
day's figures (SPEC §2, §3 ``week.days[]``).

A local day is ``[midnight, next midnight)`` in the activity's zone with that zone's
real rules, so a day is 23 or 25 hours long when the clocks change. A bout that crosses
midnight is shared between the days in proportion to the time it spent in each.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from typing import Any, Literal

from footfall.activity import DaySteps
from footfall.evidence import WALK_MINUTES_PER_RUN_MINUTE
from footfall.metrics.measured import Bout

DaySource = Literal["device", "activities", "none"]
ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class DayShare:
    """One activity's contribution to one local calendar day.

    ``run_s``/``walk_s``/``hike_s`` are moving seconds; ``other_steps`` are every step
    that is not a run's (walks, hikes and stops), so all of them are outside runs.
    """

    date: dt.date
    run_s: float = 0.0
    walk_s: float = 0.0
    hike_s: float = 0.0
    brisk_s: float = 0.0
    run_steps: float = 0.0
    other_steps: float = 0.0
    impact_bw_steps: float = 0.0
    run_distance_m: float = 0.0
    walk_distance_m: float = 0.0  # walk + hike
    run_impact_bw_steps: float = 0.0  # the runs' part of impact_bw_steps

    @property
    def steps(self) -> float:
        return self.run_steps + self.other_steps

    @property
    def time_on_feet_s(self) -> float:
        """Moving time of run + walk + hike."""
        return self.run_s + self.walk_s + self.hike_s

    @property
    def run_equiv_s(self) -> float:
        """E3: run seconds + brisk-walk seconds / 3."""
        return self.run_s + self.brisk_s / WALK_MINUTES_PER_RUN_MINUTE

    def is_empty(self) -> bool:
        return not any(getattr(self, f.name) for f in fields(self) if f.name != "date")


_AMOUNTS: tuple[str, ...] = tuple(f.name for f in fields(DayShare) if f.name != "date")


# --- local calendar days ---------------------------------------------------------------


def local_date(time_s: float, zone: dt.tzinfo) -> dt.date:
    """The calendar date a UTC instant falls on in ``zone``."""
    return dt.datetime.fromtimestamp(time_s, zone).date()


def day_start_s(day: dt.date, zone: dt.tzinfo) -> float:
    """The UTC instant (epoch seconds) local ``day`` begins at in ``zone``."""
    return dt.datetime.combine(day, dt.time(0), tzinfo=zone).timestamp()


def day_length_s(day: dt.date, zone: dt.tzinfo) -> float:
    """Seconds in local ``day``: 86,400, or 82,800 / 90,000 when the clocks change."""
    return day_start_s(day + ONE_DAY, zone) - day_start_s(day, zone)


def day_cuts(start_s: float, end_s: float, zone: dt.tzinfo) -> list[tuple[dt.date, float]]:
    """The local days a span touches, each with the fraction of the span done by that
    day's end (cumulative, rising to exactly 1.0). A span of no length is all on the
    day of its start."""
    day = local_date(start_s, zone)
    if not end_s > start_s:
        return [(day, 1.0)]
    cuts: list[tuple[dt.date, float]] = []
    time_s = start_s
    while time_s < end_s:
        next_midnight = day_start_s(day + ONE_DAY, zone)
        if next_midnight > time_s:  # always, except where midnight itself repeats
            time_s = min(next_midnight, end_s)
            cuts.append((day, (time_s - start_s) / (end_s - start_s)))
        day += ONE_DAY
    cuts[-1] = (cuts[-1][0], 1.0)
    return cuts


# --- shares of bouts -------------------------------------------------------------------


def day_shares(bouts: Iterable[Bout], zone: dt.tzinfo) -> list[DayShare]:
    """What an activity's bouts gave each local day in ``zone``, in date order; a day
    given nothing (a stop that ran past midnight) is left out."""
    by_date: dict[dt.date, list[DayShare]] = {}
    for bout in bouts:
        for share in split_bout(bout, zone):
            by_date.setdefault(share.date, []).append(share)
    summed = (add_shares(day, shares) for day, shares in sorted(by_date.items()))
    return [share for share in summed if not share.is_empty()]


def split_bout(bout: Bout, zone: dt.tzinfo) -> list[DayShare]:
    """One bout as shares of the local days it touches, in proportion to the time it
    spent in each: its moving seconds, distance, steps, brisk seconds and impact."""
    total = _bout_share(bout)
    shares: list[DayShare] = []
    done = 0.0
    for day, fraction in day_cuts(bout.start_s, bout.end_s, zone):
        # Each share is the difference of two cumulative amounts, so the shares are
        # never negative and the last one ends exactly on the bout's total.
        values = {name: _part(getattr(total, name), done, fraction) for name in _AMOUNTS}
        shares.append(DayShare(day, **values))
        done = fraction
    return shares


def add_shares(day: dt.date, shares: Iterable[DayShare]) -> DayShare:
    """The sum of ``shares`` as one share of ``day``."""
    listed = list(shares)
    values = {name: math.fsum(getattr(s, name) for s in listed) for name in _AMOUNTS}
    return DayShare(day, **values)


def _bout_share(bout: Bout) -> DayShare:
    run = bout.gait == "run"
    on_walk = bout.gait in ("walk", "hike")
    return DayShare(
        date=dt.date.min,
        run_s=bout.moving_s if run else 0.0,
        walk_s=bout.moving_s if bout.gait == "walk" else 0.0,
        hike_s=bout.moving_s if bout.gait == "hike" else 0.0,
        brisk_s=bout.brisk_s,
        run_steps=bout.steps if run else 0.0,
        other_steps=0.0 if run else bout.steps,
        impact_bw_steps=bout.impact_bw_steps,
        run_distance_m=bout.distance_m if run else 0.0,
        walk_distance_m=bout.distance_m if on_walk else 0.0,
        run_impact_bw_steps=bout.impact_bw_steps if run else 0.0,
    )


def _part(total: float, done: float, upto: float) -> float:
    return total * upto - total * done


# --- device day totals -----------------------------------------------------------------


def device_total(rows: Iterable[DaySteps], day: dt.date) -> DaySteps | None:
    """The day's device step total: the largest any one source gives, never a sum.

    Sources overlap: an iPhone in the pocket and a Watch on the wrist both count the
    same walk, and a phone, a watch and a CSV may each hold the same day. Summing them
    counts steps twice. Each source can only miss steps (phone on the desk, watch on
    the charger), never invent them, so the largest total is the closest lower bound.
    """
    mine = [row for row in rows if row.date == day]
    return max(mine, key=lambda row: (row.steps, row.source), default=None)


# --- a day's figures -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DayFigures:
    """SPEC §3 ``week.days[]`` for one local day (unrounded; rounded in JSON only).

    ``steps`` is the device total, raised to the steps of the day's activities where
    it is smaller (a device total below the recorded workouts does not contain them);
    without a device total it is the activities' steps, a lower bound. ``steps_source``
    says which: ``device``, ``activities`` or ``none``. ``steps_outside_runs`` is
    ``steps`` minus the day's run steps (E2), so a workout is never counted twice.
    ``floor_met`` is None when the figures cannot tell, and ``floor_note`` says why.
    """

    date: dt.date
    steps: float = 0.0
    steps_source: DaySource = "none"
    steps_outside_runs: float = 0.0
    floor_met: bool | None = None
    floor_note: str | None = "no step count for this day"
    run_min: float = 0.0
    walk_min: float = 0.0  # walk + hike
    brisk_min: float = 0.0
    time_on_feet_min: float = 0.0
    impact_bw_steps: float = 0.0
    run_equiv_min: float = 0.0
    run_steps: float = 0.0
    device_steps: int | None = None
    device_source: str | None = None
    run_distance_m: float = 0.0
    walk_distance_m: float = 0.0

    def to_json(self) -> dict[str, Any]:
        """SPEC §3's day: minutes to 0.1, steps to whole numbers; extra fields after. A
        day nothing counted steps on has them unknown (null), not 0."""
        counted = self.steps_source != "none"
        return {
            "date": self.date.isoformat(),
            "steps": whole(self.steps) if counted else None,
            "steps_source": self.steps_source,
            "steps_outside_runs": whole(self.steps_outside_runs) if counted else None,
            "floor_met": self.floor_met,
            "run_min": tenth(self.run_min),
            "walk_min": tenth(self.walk_min),
            "brisk_min": tenth(self.brisk_min),
            "time_on_feet_min": tenth(self.time_on_feet_min),
            "impact_bw_steps": whole(self.impact_bw_steps),
            "run_equiv_min": tenth(self.run_equiv_min),
            "floor_note": self.floor_note,
            "run_steps": whole(self.run_steps),
            "device_steps": self.device_steps,
            "device_source": self.device_source,
            "run_distance_m": whole(self.run_distance_m),
            "walk_distance_m": whole(self.walk_distance_m),
        }


def day_figures(
    day: dt.date, shares: Iterable[DayShare], device_rows: Iterable[DaySteps], floor: int
) -> DayFigures:
    """The figures of local ``day`` from every activity's shares and every device's day
    totals (rows of other days are ignored), against a step floor of ``floor``."""
    mine = [share for share in shares if share.date == day]
    recorded = add_shares(day, mine)
    device = device_total(device_rows, day)
    source = _source_of_steps(recorded.steps, device, has_activities=bool(mine))
    steps = max(float(device.steps) if device else 0.0, recorded.steps)
    outside = max(0.0, steps - recorded.run_steps)
    met, note = floor_verdict(outside, floor, source, recorded, device)
    return DayFigures(
        date=day,
        steps=steps,
        steps_source=source,
        steps_outside_runs=outside,
        floor_met=met,
        floor_note=note,
        run_min=recorded.run_s / 60.0,
        walk_min=(recorded.walk_s + recorded.hike_s) / 60.0,
        brisk_min=recorded.brisk_s / 60.0,
        time_on_feet_min=recorded.time_on_feet_s / 60.0,
        impact_bw_steps=recorded.impact_bw_steps,
        run_equiv_min=recorded.run_equiv_s / 60.0,
        run_steps=recorded.run_steps,
        device_steps=device.steps if device else None,
        device_source=device.source if device else None,
        run_distance_m=recorded.run_distance_m,
        walk_distance_m=recorded.walk_distance_m,
    )


def _source_of_steps(
    activity_steps: float, device: DaySteps | None, *, has_activities: bool
) -> DaySource:
    if device is not None and device.steps >= whole(activity_steps):
        return "device"
    return "activities" if has_activities else "none"


def floor_verdict(
    outside: float,
    floor: int,
    source: DaySource,
    recorded: DayShare,
    device: DaySteps | None,
) -> tuple[bool | None, str | None]:
    """Whether the day's steps outside runs reached the floor (E2), and, when that
    cannot be told, why.

    The steps outside runs are a lower bound in every case, so reaching the floor is
    always a sure yes. Falling short is a sure no only when a device total holds the
    whole day; otherwise the day stays unknown.
    """
    if whole(outside) >= floor:
        return True, None
    if source == "device":
        return False, None
    if device is not None:
        return None, (
            f"the device total ({device.steps:,} steps, {device.source}) is less than the "
            f"recorded activities ({whole(recorded.steps):,}), so it missed part of the day"
        )
    if source == "activities":
        return None, (
            f"no device step total for this day; recorded walking gives "
            f"{whole(outside):,} of {floor:,} steps"
        )
    return None, "no step count for this day"


def whole(value: float) -> int:
    """Steps as a whole number, halves rounded up (never banker's rounding)."""
    return math.floor(value + 0.5)


def tenth(minutes: float) -> float:
    """Minutes to 0.1."""
    return round(minutes, 1)


def days_of(
    dates: Sequence[dt.date],
    shares: Iterable[DayShare],
    device_rows: Iterable[DaySteps],
    floor: int,
) -> list[DayFigures]:
    """The figures of each of ``dates``."""
    listed_shares, listed_rows = list(shares), list(device_rows)
    return [day_figures(day, listed_shares, listed_rows, floor) for day in dates]
