"""A time of day for sessions that have none, and a name for each session of a day.

A plan says *which day*, never *what time*. Calendars need times, so each session
gets a default slot by its role (all of them settable through :class:`Schedule`):

==============  =========================================================
main run        07:00
finisher walk   right after the run it follows ends (``finisher_gap_min``
                later); with no run before it on the day, at the main-run time
swap walk       07:00 (the time of the run it replaces)
step-floor walk 12:30
second session  18:00
rest day        all day (no slot)
==============  =========================================================

A run and the finisher walks that follow it form one block. Blocks are laid out in
the order of their wanted start (the plan's order breaks ties), and a block that would
overlap the one before starts when that one ends: sessions of a day never overlap,
and each lasts exactly its planned minutes (to the second).

Each session is also numbered among the sessions of its role on its day (1, 2, …):
``(date, role, number)`` names it in calendar UIDs and watch-workout file names, and
stays the same when other sessions of the day are added or removed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from footfall.plan.model import PlanDay, PlannedSession


@dataclass(frozen=True, slots=True)
class Schedule:
    """The wall-clock time each kind of session starts at (see the module docstring)."""

    main_run: dt.time = dt.time(7, 0)
    swap_walk: dt.time = dt.time(7, 0)
    step_floor_walk: dt.time = dt.time(12, 30)
    second_session: dt.time = dt.time(18, 0)
    finisher_gap_min: float = 0.0

    @classmethod
    def everything_at(cls, time: dt.time) -> Schedule:
        """A schedule that starts every kind of session at ``time``."""
        return cls(main_run=time, swap_walk=time, step_floor_walk=time, second_session=time)

    def wanted(self, session: PlannedSession) -> dt.timedelta:
        """When a session would start on its own, from the day's midnight."""
        times = {
            "swap": self.swap_walk,
            "step_floor": self.step_floor_walk,
            "second": self.second_session,
        }
        return _since_midnight(times.get(session.role, self.main_run))


DEFAULT_SCHEDULE = Schedule()


@dataclass(frozen=True, slots=True)
class Slot:
    """One session placed on its day: ``start``/``end`` are wall-clock offsets from
    the day's midnight (None for a rest day), ``number`` its rank within its role."""

    session: PlannedSession
    number: int
    start: dt.timedelta | None
    end: dt.timedelta | None


def numbered(day: PlanDay) -> list[tuple[PlannedSession, int]]:
    """Each session of the day with its 1-based number among the day's sessions of the
    same role, in the plan's order."""
    seen: dict[str, int] = {}
    result = []
    for session in day.sessions:
        seen[session.role] = seen.get(session.role, 0) + 1
        result.append((session, seen[session.role]))
    return result


def day_slots(day: PlanDay, schedule: Schedule = DEFAULT_SCHEDULE) -> list[Slot]:
    """The day's sessions with their times, in the plan's order."""
    sessions = day.sessions
    blocks = _blocks(sessions)
    blocks.sort(key=lambda block: schedule.wanted(sessions[block[0]]))
    times: dict[int, tuple[dt.timedelta, dt.timedelta]] = {}
    cursor = dt.timedelta(0)
    for block in blocks:
        cursor = max(cursor, schedule.wanted(sessions[block[0]]))
        for place, index in enumerate(block):
            if place:
                cursor += dt.timedelta(minutes=schedule.finisher_gap_min)
            times[index] = (cursor, cursor + duration(sessions[index]))
            cursor = times[index][1]
    return [
        Slot(session, number, *times.get(index, (None, None)))
        for index, (session, number) in enumerate(numbered(day))
    ]


def duration(session: PlannedSession) -> dt.timedelta:
    """The session's planned minutes, to the whole second."""
    return dt.timedelta(seconds=round(session.minutes * 60))


def _blocks(sessions: tuple[PlannedSession, ...]) -> list[list[int]]:
    """Positions of the day's timed sessions, grouped: each run with the finisher walks
    placed after it (the nearest run before them); every other session stands alone."""
    blocks: list[list[int]] = []
    for index, session in enumerate(sessions):
        if session.type == "rest":
            continue
        runs = [block for block in blocks if sessions[block[0]].kind == "run"]
        if session.role == "finisher" and runs:
            runs[-1].append(index)
        else:
            blocks.append([index])
    return blocks


def _since_midnight(time: dt.time) -> dt.timedelta:
    return dt.timedelta(hours=time.hour, minutes=time.minute, seconds=time.second)
