"""Six weeks of one runner's training, as plain data.

:func:`demo_schedule` lays out 42 days ending on a given date: per week three or four
easy runs, one interval workout, one long run growing from 14 to 24 km, a run/walk,
a treadmill walk, and two to four outdoor walks (brisk lunch walks, slow evening walks,
a walk that crosses local midnight, and from the third week a finisher walk right after
the long run). Every activity is a list of :class:`Segment` (steady efforts), so its
planned duration and distance are exact; the tracks add realistic noise around them.

The same ``(end, seed)`` always gives the same schedule.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

import numpy as np

from footfall.demo.places import TIME_ZONE
from footfall.demo.planned import Format, PlannedActivity, Segment

DAYS = 42
MASS_KG = 68.0
HEIGHT_CM = 172.0


def demo_schedule(end: dt.date, seed: int = 7) -> list[PlannedActivity]:
    """The runner's 42 days ending on ``end`` (inclusive), in start order."""
    rng = np.random.default_rng(seed)
    first = end - dt.timedelta(days=DAYS - 1)
    walks = [_week_walks(week, rng) for week in range(DAYS // 7)]
    activities: list[PlannedActivity] = []
    for offset in range(DAYS):
        day = first + dt.timedelta(days=offset)
        activities.extend(_day(day, offset // 7, walks[offset // 7], rng))
    return sorted(activities, key=lambda activity: activity.start)


def _day(
    day: dt.date, week: int, walks: tuple[str, ...], rng: np.random.Generator
) -> list[PlannedActivity]:
    """The sessions of one day, by weekday (Monday 0 … Sunday 6) and week index."""
    weekday = day.weekday()
    sessions: list[PlannedActivity] = []
    if weekday in (0, 2, 5) or (weekday == 4 and week % 2 == 1):
        sessions.append(easy_run(day, week, rng))
    if weekday == 1:
        sessions.append(workout(day, week, rng))
    if weekday == 2:
        sessions.append(treadmill_walk(day, rng))
    if weekday == 3:
        sessions.append(run_walk(day, week, rng))
    if weekday == 6:
        long = long_run(day, week, rng)
        sessions.append(long)
        if week >= 2:
            sessions.append(finisher_walk(long, rng))
    sessions.extend(
        outdoor_walk(day, name, rng) for name in walks if WALKS[name].weekday == weekday
    )
    return sessions


def _week_walks(week: int, rng: np.random.Generator) -> tuple[str, ...]:
    """Which optional walks a week holds: two to four walks in all, counting the
    finisher (from the third week on) and a late walk across midnight (in the second
    and fifth weeks; ``week`` counts from 0)."""
    wanted = int(rng.integers(2, 5))
    chosen = ["friday_late"] if week in (1, 4) else []
    wanted -= len(chosen) + (1 if week >= 2 else 0)
    others = [name for name in WALKS if name != "friday_late"]
    picks = sorted(int(i) for i in rng.permutation(len(others))[: max(wanted, 0)])
    return (*chosen, *(others[i] for i in picks))


class WalkSlot(NamedTuple):
    """An optional outdoor walk: when it happens, how fast, where, and which app records it."""

    name: str
    weekday: int
    hour: int
    minute: int
    brisk: bool
    route: str
    format: Format


WALKS: dict[str, WalkSlot] = {
    "monday_lunch": WalkSlot("Lunch Walk", 0, 12, 10, True, "park_blocks_loop", "gpx"),
    "tuesday_evening": WalkSlot("Evening Walk", 1, 19, 30, False, "ladd_loop", "fit"),
    "thursday_lunch": WalkSlot("Lunch Walk", 3, 12, 10, True, "park_blocks_loop", "fit"),
    "friday_late": WalkSlot("Late Walk", 4, 23, 40, False, "ladd_loop", "fit"),
    "saturday_afternoon": WalkSlot("Afternoon Walk", 5, 15, 0, True, "waterfront_loop", "gpx"),
}
#: Walking speeds, km/h: brisk sits inside the 2.5–4 mph band (4.0–6.4 km/h),
#: slow just under it (about 4 km/h, 2.4 mph).
BRISK_KMH = (6.0, 6.3)
SLOW_KMH = (3.7, 3.9)
#: Easy running pace, seconds per km (5:30–6:15 min/km).
EASY_PACE_S = (330.0, 375.0)


def local(
    day: dt.date, hour: int, minute: int, rng: np.random.Generator, spread: int
) -> dt.datetime:
    """A local start time on ``day``, up to ``spread`` minutes after hour:minute."""
    at = dt.datetime.combine(day, dt.time(hour, minute), tzinfo=TIME_ZONE)
    return at + dt.timedelta(
        minutes=int(rng.integers(0, spread + 1)), seconds=int(rng.integers(60))
    )


def pace_speed(rng: np.random.Generator, seconds_per_km: tuple[float, float]) -> float:
    return round(1000.0 / rng.uniform(*seconds_per_km), 3)


def kmh_speed(rng: np.random.Generator, kmh: tuple[float, float]) -> float:
    return round(rng.uniform(*kmh) / 3.6, 3)


def easy_run(day: dt.date, week: int, rng: np.random.Generator) -> PlannedActivity:
    """30–50 min at 5:30–6:15 min/km; one of them waits 40 s at a traffic light."""
    weekday = day.weekday()
    seconds = int(rng.integers(30, 51)) * 60 + int(rng.integers(60))
    speed = pace_speed(rng, EASY_PACE_S)
    segments: tuple[Segment, ...] = (Segment(seconds, speed, "run"),)
    if week == 1 and weekday == 0:
        segments = (
            Segment(720, speed, "run"),
            Segment(40, 0.0, "stop"),
            Segment(seconds - 760, speed, "run"),
        )
    saturday = weekday == 5
    start = local(day, 7, 30, rng, 30) if saturday else local(day, 6, 0, rng, 40)
    route = {0: "laurelhurst_loop", 2: "mt_tabor_loop", 4: "laurelhurst_loop"}.get(
        weekday, "waterfront_loop"
    )
    fmt: Format = (
        "gpx" if saturday and week in (0, 3) else "tcx" if weekday == 4 and week == 3 else "fit"
    )
    return PlannedActivity("easy", "Morning Run", start, segments, fmt, route)


def workout(day: dt.date, week: int, rng: np.random.Generator) -> PlannedActivity:
    """Warm-up 15 min, 5 × 3 min fast (4:05–4:20 min/km) with 2 min jogs, cool-down 10 min."""
    segments = [Segment(900, pace_speed(rng, (355.0, 365.0)), "run", "warmup")]
    for rep in range(5):
        if rep:
            segments.append(Segment(120, pace_speed(rng, (405.0, 420.0)), "run", "recovery"))
        segments.append(Segment(180, pace_speed(rng, (245.0, 260.0)), "run", "active"))
    segments.append(Segment(600, pace_speed(rng, (370.0, 380.0)), "run", "cooldown"))
    fmt: Format = "tcx" if week in (2, 5) else "fit"
    start = local(day, 6, 15, rng, 15)
    return PlannedActivity(
        "workout",
        "Intervals 5x3 min",
        start,
        tuple(segments),
        fmt,
        "waterfront_loop",
        laps="segments",
    )


def long_run(day: dt.date, week: int, rng: np.random.Generator) -> PlannedActivity:
    """14 km in the first week, 2 km more each week, at 6:00–6:20 min/km."""
    distance_m = 14_000.0 + 2_000.0 * week
    seconds = round(distance_m / pace_speed(rng, (360.0, 380.0)))
    fmt: Format = "gpx" if week == 1 else "tcx" if week == 3 else "fit"
    segment = Segment(seconds, distance_m / seconds, "run")
    return PlannedActivity(
        "long", "Long Run", local(day, 7, 0, rng, 20), (segment,), fmt, "river_long_loop"
    )


def finisher_walk(long: PlannedActivity, rng: np.random.Generator) -> PlannedActivity:
    """10–15 min of walking straight after the long run, from where it ended (R1)."""
    start = long.end + dt.timedelta(seconds=int(rng.integers(60, 151)))
    seconds = int(rng.integers(10, 16)) * 60
    segment = Segment(seconds, kmh_speed(rng, (4.8, 5.2)), "walk")
    return PlannedActivity(
        "finisher",
        "Finisher Walk",
        start,
        (segment,),
        "fit",
        long.route,
        route_start_m=long.distance_m,
    )


def run_walk(day: dt.date, week: int, rng: np.random.Generator) -> PlannedActivity:
    """Seven to nine rounds of 4 min running and 1 min walking."""
    segments: list[Segment] = []
    for _ in range(int(rng.integers(7, 10))):
        segments.append(Segment(240, pace_speed(rng, (370.0, 390.0)), "run"))
        segments.append(Segment(60, kmh_speed(rng, (5.6, 6.0)), "walk"))
    fmt: Format = "gpx" if week % 2 == 0 else "fit"
    start = local(day, 6, 30, rng, 20)
    return PlannedActivity(
        "run_walk",
        "Run/Walk 4:1",
        start,
        tuple(segments),
        fmt,
        "laurelhurst_loop",
        gzipped=week == 0,
    )


def treadmill_walk(day: dt.date, rng: np.random.Generator) -> PlannedActivity:
    """An indoor walk at the gym: 5 min easy, 20–35 min brisk, 3 min easy; no GPS."""
    main = int(rng.integers(20, 36)) * 60
    segments = (
        Segment(300, kmh_speed(rng, (4.8, 5.0)), "walk", "warmup"),
        Segment(main, kmh_speed(rng, (5.8, 6.1)), "walk"),
        Segment(180, kmh_speed(rng, (4.6, 4.8)), "walk", "cooldown"),
    )
    return PlannedActivity(
        "treadmill_walk", "Treadmill Walk", local(day, 17, 40, rng, 15), segments, "fit", ""
    )


def outdoor_walk(day: dt.date, slot: str, rng: np.random.Generator) -> PlannedActivity:
    """One of the optional walks of :data:`WALKS`: brisk 30–50 min or slow 25–40 min."""
    walk = WALKS[slot]
    seconds = int(rng.integers(30, 51) if walk.brisk else rng.integers(25, 41)) * 60
    speed = kmh_speed(rng, BRISK_KMH if walk.brisk else SLOW_KMH)
    start = local(day, walk.hour, walk.minute, rng, 5 if slot == "friday_late" else 20)
    segment = Segment(seconds, speed, "walk")
    return PlannedActivity("walk", walk.name, start, (segment,), walk.format, walk.route)
