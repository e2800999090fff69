"""A running week from an iCalendar (.ics) file: the runs a calendar app or a coach's
platform holds, read with the ``icalendar`` package.

- Each VEVENT whose words name a run (see :mod:`event_words`) is a session; other
  events (meetings, rides, yoga) are ignored, and so are cancelled ones.
- Its type and amounts come from SUMMARY, then DESCRIPTION; a timed event without a
  written amount lasts DTEND - DTSTART (or DURATION).
- Repeating events are expanded (:mod:`ics_repeats`); days are the runner's local days.
- The week is ``week_start`` .. +6 when given, else the Monday-to-Sunday week of the
  earliest run in the file; runs outside the week are left out (a calendar holds many
  weeks, a plan one).

A mistake names the event's line (its ``BEGIN:VEVENT``) and the property at fault.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from footfall.errors import PlanError
from footfall.plan.model import PlanInput, RunSession, SessionType
from footfall.plan.sources import event_words
from footfall.plan.sources import sessions as check
from footfall.plan.sources.event_words import Amounts
from footfall.plan.sources.ics_repeats import Start, local_date, occurrence_dates
from footfall.plan.sources.sessions import Mistake
from footfall.settings import Athlete


@dataclass(frozen=True, slots=True)
class _Run:
    """A run event: what it says, and where it is in the file."""

    event: Event
    line: int | None
    summary: str
    type: SessionType
    amounts: Amounts


def read_ics_plan(
    text: str, path: Path, *, athlete: Athlete, week_start: dt.date | None = None
) -> PlanInput:
    """The week of runs in a calendar; a PlanError naming the event for a mistake."""
    events = _events(text, path)
    zone = ZoneInfo(athlete.time_zone) if athlete.time_zone else None
    runs = [run for event, line in events if (run := _run(event, line)) is not None]
    if not runs:
        raise PlanError(path, None, None, "holds no runs: no event names a run or a session type")
    start = week_start or check.monday_of(min(_first_day(run, path, zone) for run in runs))
    moved = _moved_occurrences(events)
    sessions = [session for run in runs for session in _sessions(run, path, start, zone, moved)]
    if not sessions:
        end = check.week_end(start)
        raise PlanError(path, None, None, f"holds no runs from {start} to {end}")
    return PlanInput(
        week_start=start,
        sessions=check.in_date_order(sessions),
        athlete=athlete,
        source=str(path),
    )


def _events(text: str, path: Path) -> list[tuple[Event, int | None]]:
    """Every VEVENT with the line of its BEGIN:VEVENT (None if they cannot be paired)."""
    try:
        calendars = Calendar.from_ical(text, multiple=True)
    except ValueError as exc:
        problem = f"is not a readable calendar ({_one_line(str(exc))})"
        raise PlanError(path, None, None, problem) from exc
    events = [
        component
        for calendar in calendars
        for component in calendar.walk("VEVENT")
        if isinstance(component, Event)
    ]
    lines = [
        number
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip().upper() == "BEGIN:VEVENT"
    ]
    if len(lines) != len(events):
        return [(event, None) for event in events]
    return list(zip(events, lines, strict=True))


def _run(event: Event, line: int | None) -> _Run | None:
    """The event as a run, or None when it is not one (or is cancelled)."""
    if str(event.get("STATUS", "")).upper() == "CANCELLED":
        return None
    summary = _one_line(str(event.get("SUMMARY", "")))
    description = str(event.get("DESCRIPTION", ""))
    if event_words.is_run(summary):
        words = (summary, description)
    elif not event_words.OTHER_SPORTS.search(summary) and event_words.is_run(description):
        words = (description, summary)
    else:
        return None
    kind = event_words.session_type_in(words[0]) or event_words.session_type_in(words[1])
    amounts = event_words.amounts_in(words[0]) or event_words.amounts_in(words[1])
    return _Run(event, line, summary or _one_line(description)[:40], kind or "easy", amounts)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _first_day(run: _Run, path: Path, zone: dt.tzinfo | None) -> dt.date:
    return local_date(_start(run, path), zone)


def _start(run: _Run, path: Path) -> Start:
    try:
        return run.event.start
    except ValueError as exc:  # icalendar: IncompleteComponent, InvalidCalendar
        problem = "is missing" if "DTSTART" not in run.event else f"cannot be read ({exc})"
        problem = _one_line(problem)
        raise PlanError(path, run.line, "DTSTART", f"{problem} in '{run.summary}'") from exc


def _moved_occurrences(events: list[tuple[Event, int | None]]) -> dict[str, list[Start]]:
    """Occurrences of repeating events that another event (same UID, RECURRENCE-ID)
    moves or cancels, by UID."""
    moved: dict[str, list[Start]] = defaultdict(list)
    for event, _ in events:
        recurrence = event.get("RECURRENCE-ID")
        if recurrence is not None and hasattr(recurrence, "dt"):
            moved[str(event.get("UID", ""))].append(recurrence.dt)
    return moved


def _sessions(
    run: _Run,
    path: Path,
    week_start: dt.date,
    zone: dt.tzinfo | None,
    moved: dict[str, list[Start]],
) -> list[RunSession]:
    """One session for each day of the week the event happens on."""
    _start(run, path)
    uid = str(run.event.get("UID", ""))
    try:
        days = occurrence_dates(
            run.event, week_start, check.week_end(week_start), zone, moved.get(uid, ())
        )
    except Mistake as exc:
        raise PlanError(path, run.line, "RRULE", f"of '{run.summary}' {exc.problem}") from exc
    if not days:
        return []
    try:
        minutes, distance_m = _amounts(run)
    except Mistake as exc:
        raise PlanError(path, run.line, "SUMMARY", f"'{run.summary}' {exc.problem}") from exc
    return [RunSession(day, run.type, minutes, distance_m, run.line) for day in days]


def _amounts(run: _Run) -> tuple[float | None, float | None]:
    """Minutes and metres of a run: written in its words, else the event's own length."""
    if run.type == "rest":
        return None, None
    minutes = run.amounts.minutes
    if minutes is None:
        minutes = _event_minutes(run.event)
    distance_m = run.amounts.distance_m
    if minutes is None and distance_m is None:
        raise Mistake(
            "gives neither minutes nor distance: write '30 min' or '5 mi' in its title, "
            "or give the event an end time"
        )
    if minutes is not None:
        check.positive(minutes, "minutes", check.MAX_SESSION_MIN)
    if distance_m is not None:
        check.positive(distance_m, "m", check.MAX_SESSION_M)
    return minutes, distance_m


def _event_minutes(event: Event) -> float | None:
    """DTEND - DTSTART (or DURATION) of a timed event; None for an all-day event or one
    without an end."""
    if not isinstance(event.start, dt.datetime):
        return None
    try:
        length = event.duration
    except ValueError:
        return None
    minutes = length.total_seconds() / 60
    return minutes if minutes > 0 else None
