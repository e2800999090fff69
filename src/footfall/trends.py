"""The runner's own trend (R8): week by week, and last week against the weeks before.

Pure queries over the store, shared by the report and the web dashboard. Each week's
figures come from :func:`footfall.store.read.load_week` (device totals and the step
floor already merged), so a week here always agrees with ``footfall week``; the split
of the impact load by gait adds the runs' part of each day's impact, and the feelings
come from the check-ins of the week's days.

The comparison never looks at anyone else: it sets the last week beside the mean of
the (up to) four weeks before it, in the runner's own numbers.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import func, select

from footfall.errors import UsageError
from footfall.metrics.days import DayFigures
from footfall.metrics.weeks import DAYS_IN_WEEK, Week, week_start_of
from footfall.plan.model import LadderState
from footfall.plan.rules.ladder import advance
from footfall.store.athlete import load_athlete
from footfall.store.database import Store
from footfall.store.ladder import ladder_started, load_ladder
from footfall.store.models import ActivityDayRow, CheckInRow
from footfall.store.read import load_weeks

#: The weeks the last week is compared with (R8: "e.g. last 4 weeks").
COMPARED_WEEKS = 4
#: The longest trend a report or dashboard asks for (ten years of weeks).
MOST_WEEKS = 520
#: A change smaller than this share of the mean reads "about the same".
SAME_WITHIN = 0.05
NOT_ENOUGH_WEEKS = (
    "Not enough weeks yet: your last week is compared with the weeks before it once "
    "two weeks hold your activities or step counts."
)


@dataclass(frozen=True, slots=True)
class WeekPoint:
    """One Monday-Sunday week in the runner's local days. Minutes and steps are the
    sums of the week's days; the impact load is split into its runs' and walks'
    (walk + hike) parts; the last five count the check-ins of the week's days."""

    start: dt.date
    time_on_feet_min: float
    run_min: float
    walk_min: float
    brisk_min: float
    run_impact_bw_steps: float
    walk_impact_bw_steps: float
    run_equiv_min: float
    floor_days: int
    floor_unknown_days: int
    steps_outside_runs: float
    checkins: int
    legs_stronger: int
    legs_weaker: int
    energy_higher: int
    energy_lower: int

    @property
    def end(self) -> dt.date:
        """The week's Sunday."""
        return self.start + dt.timedelta(days=DAYS_IN_WEEK - 1)

    @property
    def impact_bw_steps(self) -> float:
        return self.run_impact_bw_steps + self.walk_impact_bw_steps

    def has_record(self) -> bool:
        """Whether anything at all was recorded in the week (activities, device step
        counts or check-ins)."""
        return (
            self.time_on_feet_min > 0
            or self.steps_outside_runs > 0
            or self.floor_unknown_days < DAYS_IN_WEEK
            or self.checkins > 0
        )

    def to_json(self) -> dict[str, Any]:
        """Minutes to 0.1, steps whole, the date in ISO form."""
        document = asdict(self)
        for name, value in document.items():
            if isinstance(value, float):
                document[name] = round(value) if "steps" in name else round(value, 1)
        document["start"] = self.start.isoformat()
        return document


@dataclass(frozen=True, slots=True)
class DayPoint:
    """One local day's steps outside runs against the floor (E2); ``floor_met`` is
    None when the day's figures cannot tell."""

    date: dt.date
    steps_outside_runs: float
    floor_met: bool | None
    steps_source: str


@dataclass(frozen=True, slots=True)
class LadderPoint:
    """R5's habit ladder as stored: the next finisher's length, the walks done on it,
    the weekly goal, and the rungs climbed so far (the first walk's length first, the
    next walk's last)."""

    step_ft: float
    walks_done: int
    goal_miles_per_week: float
    rungs_ft: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class Trend:
    """Everything a report or dashboard shows of the runner's own trend."""

    weeks: tuple[WeekPoint, ...]
    days: tuple[DayPoint, ...]
    step_floor: int
    ladder: LadderPoint | None


def weekly_trend(store: Store, *, weeks: int, until: dt.date) -> list[WeekPoint]:
    """``weeks`` weeks, oldest first, the week holding ``until`` last."""
    return [point for _, point in _weeks(store, weeks, until)]


def runner_trend(store: Store, *, weeks: int, until: dt.date) -> Trend:
    """The weekly trend, the days of those weeks against the floor, and the ladder."""
    loaded = _weeks(store, weeks, until)
    with store.session() as session:
        floor = load_athlete(session).step_floor
    days = [_day_point(day) for week, _ in loaded for day in week.days]
    return Trend(tuple(p for _, p in loaded), tuple(days), floor, ladder_point(store))


def ladder_point(store: Store) -> LadderPoint | None:
    """The habit ladder, or None when the runner has not started one (R5 starts when a
    reluctant walker first plans)."""
    with store.session() as session:
        if not ladder_started(session):
            return None
        state = load_ladder(session)
    return LadderPoint(
        state.step_ft, state.walks_done, state.goal_miles_per_week, rungs_climbed(state)
    )


def rungs_climbed(state: LadderState) -> tuple[float, ...]:
    """The length of each walk done on the ladder, replayed from its first rung by
    R5's own rule, then the next walk's (the stored step)."""
    rung = LadderState(goal_miles_per_week=state.goal_miles_per_week)
    done: list[float] = []
    for _ in range(state.walks_done):
        done.append(rung.step_ft)
        rung = advance(rung, done=True)
    return (*done, state.step_ft)


def last_full_week_end(today: dt.date) -> dt.date:
    """The Sunday that ends the last whole week on or before ``today`` (today itself on a
    Sunday), so the last week compared is a complete one."""
    return today - dt.timedelta(days=(today.weekday() + 1) % DAYS_IN_WEEK)


def check_weeks(weeks: int) -> int:
    """``weeks`` when it is a sensible length for a trend, else a UsageError."""
    if not 1 <= weeks <= MOST_WEEKS:
        raise UsageError(f"--weeks: give 1 to {MOST_WEEKS} weeks, not {weeks}")
    return weeks


# --- loading ---------------------------------------------------------------------------


def _weeks(store: Store, weeks: int, until: dt.date) -> list[tuple[Week, WeekPoint]]:
    mondays = _mondays(check_weeks(weeks), until)
    first, last = mondays[0], mondays[-1] + dt.timedelta(days=DAYS_IN_WEEK - 1)
    run_impact = run_impact_by_day(store, first, last)
    feelings = checkins_by_day(store, first, last)
    return [(week, week_point(week, run_impact, feelings)) for week in load_weeks(store, mondays)]


def _mondays(weeks: int, until: dt.date) -> list[dt.date]:
    last = week_start_of(until)
    return [last - dt.timedelta(weeks=weeks - 1 - n) for n in range(weeks)]


def run_impact_by_day(store: Store, first: dt.date, last: dt.date) -> dict[dt.date, float]:
    """The runs' part of each local day's impact load (body-weight steps, E1)."""
    query = (
        select(ActivityDayRow.date, func.sum(ActivityDayRow.run_impact_bw_steps))
        .where(ActivityDayRow.date.between(first, last))
        .group_by(ActivityDayRow.date)
    )
    with store.session() as session:
        return {day: float(total or 0.0) for day, total in session.execute(query).all()}


def checkins_by_day(
    store: Store, first: dt.date, last: dt.date
) -> dict[dt.date, list[tuple[str, str]]]:
    """The (legs, energy) answers of each day's check-ins."""
    query = (
        select(CheckInRow.date, CheckInRow.legs, CheckInRow.energy)
        .where(CheckInRow.date.between(first, last))
        .order_by(CheckInRow.date, CheckInRow.id)
    )
    answers: dict[dt.date, list[tuple[str, str]]] = {}
    with store.session() as session:
        for day, legs, energy in session.execute(query).all():
            answers.setdefault(day, []).append((legs, energy))
    return answers


def week_point(
    week: Week,
    run_impact: dict[dt.date, float],
    feelings: dict[dt.date, list[tuple[str, str]]],
) -> WeekPoint:
    """One week's point from its days, the runs' impact by day and the check-ins."""
    totals = week.totals
    run_part = math.fsum(run_impact.get(day.date, 0.0) for day in week.days)
    answers = [answer for day in week.days for answer in feelings.get(day.date, [])]
    return WeekPoint(
        start=week.start,
        time_on_feet_min=totals.time_on_feet_min,
        run_min=totals.run_min,
        walk_min=totals.walk_min,
        brisk_min=totals.brisk_min,
        run_impact_bw_steps=run_part,
        walk_impact_bw_steps=max(0.0, totals.impact_bw_steps - run_part),
        run_equiv_min=totals.run_equiv_min,
        floor_days=totals.floor_days,
        floor_unknown_days=totals.floor_unknown_days,
        steps_outside_runs=totals.steps_outside_runs,
        checkins=len(answers),
        legs_stronger=sum(legs == "stronger" for legs, _ in answers),
        legs_weaker=sum(legs == "weaker" for legs, _ in answers),
        energy_higher=sum(energy == "higher" for _, energy in answers),
        energy_lower=sum(energy == "lower" for _, energy in answers),
    )


def _day_point(day: DayFigures) -> DayPoint:
    return DayPoint(day.date, day.steps_outside_runs, day.floor_met, day.steps_source)


# --- you against your last weeks ---------------------------------------------------------


def self_comparison(points: Sequence[WeekPoint]) -> list[str]:
    """Sentences setting the last week beside the mean of the (up to) four before it,
    in the runner's own numbers only (R8). Weeks before the first one with anything
    recorded are left out, so a new runner is not compared with empty weeks."""
    recorded = _from_first_record(points)
    if len(recorded) < 2:
        return [NOT_ENOUGH_WEEKS]
    last, before = recorded[-1], recorded[-1 - COMPARED_WEEKS : -1]
    return [
        _minutes_sentence("Time on feet", last.time_on_feet_min, before, "time_on_feet_min"),
        _minutes_sentence(
            "Run-equivalent minutes (run + brisk walk / 3, E3)",
            last.run_equiv_min,
            before,
            "run_equiv_min",
        ),
        _minutes_sentence("Brisk walking (E4)", last.brisk_min, before, "brisk_min"),
        _impact_sentence(last, before),
        _floor_sentence(last, before),
        _feelings_sentence(last, before),
    ]


def _from_first_record(points: Sequence[WeekPoint]) -> list[WeekPoint]:
    for index, point in enumerate(points):
        if point.has_record():
            return list(points[index:])
    return []


def _mean(points: Iterable[WeekPoint], name: str) -> float:
    values = [float(getattr(point, name)) for point in points]
    return math.fsum(values) / len(values)


def weeks_before_text(count: int) -> str:
    """``the week before`` or ``the 4 weeks before``."""
    return "the week before" if count == 1 else f"the {count} weeks before"


def change_text(last: float, mean: float, unit: str) -> str:
    """How ``last`` compares with ``mean``: ``up 18% on``, ``down 7% on``, ``about
    the same as`` (within 5%), ending in the mean with its unit."""
    if mean <= 0:
        return "up from none in" if last > 0 else "the same as in"
    change = (last - mean) / mean
    if abs(change) < SAME_WITHIN:
        wording = "about the same as"
    else:
        wording = f"{'up' if change > 0 else 'down'} {abs(change):.0%} on"
    return f"{wording} your mean of {round(mean):,}{unit} a week over"


def _minutes_sentence(label: str, last: float, before: list[WeekPoint], name: str) -> str:
    mean = _mean(before, name)
    return (
        f"{label}: {round(last):,} min last week, "
        f"{change_text(last, mean, ' min')} {weeks_before_text(len(before))}."
    )


def _impact_sentence(last: WeekPoint, before: list[WeekPoint]) -> str:
    mean = _mean(before, "impact_bw_steps")
    split = (
        f" ({round(last.run_impact_bw_steps):,} from runs, "
        f"{round(last.walk_impact_bw_steps):,} from walks)"
        if last.impact_bw_steps > 0
        else ""
    )
    return (
        f"Impact load (E1): {round(last.impact_bw_steps):,} body-weight steps last "
        f"week{split}, {change_text(last.impact_bw_steps, mean, '')} "
        f"{weeks_before_text(len(before))}."
    )


def _floor_sentence(last: WeekPoint, before: list[WeekPoint]) -> str:
    mean = math.floor(_mean(before, "floor_days") * 10 + 0.5) / 10  # halves up: 2.25 -> 2.3
    unknown = (
        f" ({last.floor_unknown_days} more could not tell: no full step count)"
        if last.floor_unknown_days
        else ""
    )
    return (
        f"Step floor (E2, steps outside runs): met on {last.floor_days} of "
        f"{DAYS_IN_WEEK} days last week{unknown}, against {mean:.1f} days a week over "
        f"{weeks_before_text(len(before))}."
    )


def _feelings_sentence(last: WeekPoint, before: list[WeekPoint]) -> str:
    earlier = sum(point.checkins for point in before)
    if last.checkins == 0 and earlier == 0:
        return (
            "How you felt: no check-ins yet; run footfall checkin after a walk to see "
            "how walking feels over the weeks (R8)."
        )
    if last.checkins == 0:
        return f"How you felt: no check-ins last week; {_earlier_feelings(before)}."
    return (
        f"How you felt: {_count(last.checkins, 'check-in')} last week, legs stronger "
        f"after {last.legs_stronger} and weaker after {last.legs_weaker}, energy higher "
        f"after {last.energy_higher} and lower after {last.energy_lower}; "
        f"{_earlier_feelings(before)}."
    )


def _earlier_feelings(before: list[WeekPoint]) -> str:
    earlier = sum(point.checkins for point in before)
    where = f"in {weeks_before_text(len(before))}"
    if earlier == 0:
        return f"none {where}"
    stronger = sum(point.legs_stronger for point in before)
    higher = sum(point.energy_higher for point in before)
    return (
        f"{where}, legs felt stronger after {stronger} of {_count(earlier, 'check-in')} "
        f"and energy higher after {higher}"
    )


def _count(number: int, thing: str) -> str:
    return f"{number} {thing}" if number == 1 else f"{number} {thing}s"
