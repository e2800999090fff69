"""The planned week as an iCalendar file (RFC 5545), one event per session.

    data = plan_to_ics(plan, zone=ZoneInfo("Europe/London"), units="mi")

Each event has:

- ``SUMMARY``: ``Finisher walk 15 min``, ``Easy run 30 min`` (see :mod:`.wording`);
- ``DESCRIPTION``: the session's figures (length, distance in the runner's units, pace
  band, intensity, steps), ``Why (rule): reason``, and any R9 warning about that day;
- ``UID``: ``<plan start>-<date>-<role>-<n>@<namespace>``, so exporting the plan again
  gives the same UIDs and a calendar app updates its events instead of doubling them;
- ``DTSTAMP``: midnight UTC of the plan's first day unless ``stamp`` is given — the
  output depends on the plan only, never on the wall clock;
- ``DTSTART``/``DTEND``: the default time of day of :mod:`.schedule` (overridable);
- ``CATEGORIES:footfall,<run|walk|rest>`` and ``X-FOOTFALL-ROLE``/``X-FOOTFALL-RULE``
  (``finisher``/``R1``): what footfall placed, for programs (a plan source reading the
  calendar back can leave footfall's walks out).

Times zones: with a :class:`~zoneinfo.ZoneInfo` the times carry its ``TZID`` and the
calendar a ``VTIMEZONE`` for the plan's dates; with a fixed offset (``dt.timezone``)
they are converted to UTC (a ``TZID`` needs a named zone); with ``zone=None`` they are
*floating* local times (RFC 5545 §3.3.5, form 1): 07:00 wherever the runner is, the
one place footfall writes a datetime without a zone, on purpose. A rest day (a session
of type ``rest``) is an all-day event.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar

from footfall.errors import UsageError
from footfall.evidence import E4
from footfall.export.schedule import DEFAULT_SCHEDULE, Schedule, Slot, day_slots
from footfall.export.wording import describe, session_title
from footfall.plan.model import Flag, Plan, PlanDay, PlannedSession
from footfall.settings import Units

PRODID = "-//footfall//planned week//EN"
NAMESPACE = "footfall"


def plan_to_ics(
    plan: Plan,
    *,
    zone: dt.tzinfo | None,
    units: Units,
    schedule: Schedule = DEFAULT_SCHEDULE,
    stamp: dt.datetime | None = None,
    namespace: str = NAMESPACE,
) -> bytes:
    """The week as an ``.ics`` file: one VEVENT per session of every day.

    ``namespace`` ends every UID (``@footfall``); a server holding several runners
    gives each their own so their calendars never share an event.
    """
    calendar = _calendar(f"footfall: week of {plan.start.isoformat()}")
    stamp = stamp or _midnight_utc(plan.start)
    for day in plan.days:
        flags = tuple(flag for flag in plan.flags if flag.date == day.date)
        for slot in day_slots(day, schedule):
            text = describe(slot.session, units, _flags_for(slot.session, day, flags))
            uid = session_uid(plan.start, slot.session, slot.number, namespace)
            calendar.add_component(_event(slot, zone, uid=uid, stamp=stamp, description=text))
    last = plan.start + dt.timedelta(days=max(len(plan.days), 7) + 1)
    return _finish(calendar, zone, plan.start, last)


def walk_to_ics(
    session: PlannedSession,
    *,
    zone: dt.tzinfo | None,
    units: Units,
    script: str | None = None,
    at: dt.time | None = None,
    stamp: dt.datetime | None = None,
    uid: str | None = None,
) -> bytes:
    """One walk as an ``.ics`` file with a longer description: its figures, its reason,
    what the pace band means, then ``script`` (a guided walk's cues) when given.

    It starts at ``at``, else at the default time for its role. ``uid`` defaults to
    ``walk-<date>-<role>@footfall``; pass :func:`session_uid` of the plan's event to
    replace that event instead of adding one.
    """
    schedule = DEFAULT_SCHEDULE if at is None else Schedule.everything_at(at)
    (slot,) = day_slots(PlanDay(session.date, (session,)), schedule)
    text = (
        describe(session, units) + _band_note(session) + (f"\n\n{script.strip()}" if script else "")
    )
    event_uid = uid or f"walk-{session.date.isoformat()}-{session.role}@{NAMESPACE}"
    calendar = _calendar(session_title(session))
    calendar.add_component(
        _event(
            slot, zone, uid=event_uid, stamp=stamp or _midnight_utc(session.date), description=text
        )
    )
    return _finish(calendar, zone, session.date, session.date + dt.timedelta(days=2))


def session_uid(
    plan_start: dt.date, session: PlannedSession, number: int = 1, namespace: str = NAMESPACE
) -> str:
    """The UID of a session's event in the plan's calendar: plan start, date, role, and
    its number among the day's sessions of that role (see :func:`.schedule.numbered`)."""
    return f"{plan_start:%Y%m%d}-{session.date:%Y%m%d}-{session.role}-{number}@{namespace}"


def _calendar(name: str) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    return calendar


def _event(
    slot: Slot, zone: dt.tzinfo | None, *, uid: str, stamp: dt.datetime, description: str
) -> icalendar.Event:
    session = slot.session
    event = icalendar.Event()
    event.add("uid", uid)
    event.add("dtstamp", _utc(stamp))
    event.add("summary", session_title(session))
    event.add("description", description)
    event.add("categories", ["footfall", "rest" if session.type == "rest" else session.kind])
    event.add("x-footfall-role", session.role)
    event.add("x-footfall-rule", session.rule)
    if slot.start is None or slot.end is None:  # a rest day: all day long
        event.add("dtstart", session.date)
        event.add("dtend", session.date + dt.timedelta(days=1))
        event.add("transp", "TRANSPARENT")
    else:
        event.add("dtstart", _moment(session.date, slot.start, zone))
        event.add("dtend", _moment(session.date, slot.end, zone))
    return event


def _moment(date: dt.date, since_midnight: dt.timedelta, zone: dt.tzinfo | None) -> dt.datetime:
    """The wall-clock time ``since_midnight`` on ``date``: in ``zone`` (a named zone
    kept, a fixed offset turned into UTC), else floating."""
    if zone is None:
        return _floating(date, since_midnight)
    local = dt.datetime.combine(date, dt.time(0, 0), tzinfo=zone) + since_midnight
    return local if isinstance(zone, ZoneInfo) else local.astimezone(dt.UTC)


def _floating(date: dt.date, since_midnight: dt.timedelta) -> dt.datetime:
    """A floating local time (RFC 5545 §3.3.5 form 1): deliberately without a zone,
    because the runner gave none and 07:00 means 07:00 wherever they are."""
    return dt.datetime.combine(date, dt.time(0, 0)) + since_midnight


def _flags_for(session: PlannedSession, day: PlanDay, flags: tuple[Flag, ...]) -> tuple[Flag, ...]:
    """R9 warnings go on the day's runs (on every session if the day has no run)."""
    has_run = any(s.kind == "run" for s in day.sessions)
    return flags if session.kind == "run" or not has_run else ()


def _band_note(session: PlannedSession) -> str:
    if session.pace_min_per_mi is None:
        return ""
    return (
        f"\nThe pace band is centred on your own recent brisk pace (R6). {E4.claim} "
        f"({E4.id}, {E4.source})"
    )


def _utc(stamp: dt.datetime) -> dt.datetime:
    if stamp.tzinfo is None or stamp.utcoffset() is None:
        raise UsageError("the calendar's stamp must be an aware datetime (it is written in UTC)")
    return stamp.astimezone(dt.UTC)


def _midnight_utc(date: dt.date) -> dt.datetime:
    return dt.datetime.combine(date, dt.time(0, 0), tzinfo=dt.UTC)


def _finish(
    calendar: icalendar.Calendar, zone: dt.tzinfo | None, first: dt.date, last: dt.date
) -> bytes:
    if isinstance(zone, ZoneInfo):
        calendar.add_missing_timezones(first_date=first, last_date=last)
    data: bytes = calendar.to_ical()  # icalendar leaves to_ical untyped
    return data
