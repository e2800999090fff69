"""When a calendar event happens, in the runner's days: its start, or every start of a
repeating event (RRULE, RDATE, minus EXDATE and moved occurrences) inside a window.

A calendar of runs is often a handful of repeating events ("Easy run, every Tuesday
and Thursday"), so reading only DTSTART would lose most of the week. Repetition rules
are expanded with dateutil's ``rrule`` (icalendar's own dependency).

Days are local: an all-day event's date is its day; a floating time (no zone) is the
runner's wall clock; a time with a zone is converted to the runner's ``zone`` when
their time_zone setting names one, else its own zone's date is kept.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from dateutil.rrule import rrulestr
from icalendar import Event
from icalendar.prop import vRecur

from footfall.plan.sources.sessions import Mistake

_ONE_DAY = dt.timedelta(days=1)
_TOO_OFTEN = frozenset({"SECONDLY", "MINUTELY", "HOURLY"})
Start = dt.date | dt.datetime


def local_date(start: Start, zone: dt.tzinfo | None) -> dt.date:
    """The runner's day of an event start (see the module docstring)."""
    if isinstance(start, dt.datetime) and start.tzinfo is not None and zone is not None:
        return start.astimezone(zone).date()
    return start.date() if isinstance(start, dt.datetime) else start


def occurrence_dates(
    event: Event,
    first: dt.date,
    last: dt.date,
    zone: dt.tzinfo | None,
    moved: Iterable[Start] = (),
) -> list[dt.date]:
    """The local dates from ``first`` to ``last`` on which ``event`` starts. ``moved``
    are occurrences another event (same UID, RECURRENCE-ID) replaces."""
    start: Start = event.start
    if not event.rrules and not event.rdates:
        day = local_date(start, zone)
        return [day] if first <= day <= last else []
    anchor = _aware(start)
    low = dt.datetime.combine(first - _ONE_DAY, dt.time(0), tzinfo=anchor.tzinfo)
    high = dt.datetime.combine(last + 2 * _ONE_DAY, dt.time(0), tzinfo=anchor.tzinfo)
    starts = {anchor} if low <= anchor <= high else set()
    for rule in event.rrules:
        starts.update(_expand(rule, anchor, low, high))
    starts.update(_aware(rdate, anchor.tzinfo) for rdate, _ in event.rdates)
    starts.difference_update(_aware(d, anchor.tzinfo) for d in (*event.exdates, *moved))
    days = {local_date(_as_written(s, start), zone) for s in starts}
    return sorted(day for day in days if first <= day <= last)


def _expand(
    rule: object, anchor: dt.datetime, low: dt.datetime, high: dt.datetime
) -> set[dt.datetime]:
    """Starts of one RRULE between ``low`` and ``high``. UNTIL is applied here rather than
    by dateutil, which refuses an UNTIL whose zone differs from the start's."""
    if not isinstance(rule, vRecur):
        raise Mistake(f"has a repeat rule that cannot be read ({rule})")
    within_a_day = (len(rule.get(part, [])) > 1 for part in ("BYHOUR", "BYMINUTE", "BYSECOND"))
    if set(rule.get("FREQ", [])) & _TOO_OFTEN or any(within_a_day):
        raise Mistake("repeats more often than daily: not a running session")
    until = rule.get("UNTIL", [None])[0]
    parts = vRecur({key: value for key, value in rule.items() if key != "UNTIL"})
    try:
        text = parts.to_ical().decode()  # type: ignore[no-untyped-call]
        found = rrulestr(text, dtstart=anchor).between(low, high, inc=True)
    except (ValueError, TypeError) as exc:
        raise Mistake(f"has a repeat rule that cannot be read ({exc})") from exc
    if until is not None:
        end = _aware(until, anchor.tzinfo, end_of_day=True)
        found = [occurrence for occurrence in found if occurrence <= end]
    return set(found)


def _aware(value: Start, zone: dt.tzinfo | None = None, *, end_of_day: bool = False) -> dt.datetime:
    """A date or floating time as an aware datetime in ``zone`` (UTC when None), so all
    starts of one event compare; a date is its midnight (or its last instant)."""
    tz = zone or dt.UTC
    if not isinstance(value, dt.datetime):
        return dt.datetime.combine(value, dt.time.max if end_of_day else dt.time(0), tzinfo=tz)
    return value if value.tzinfo is not None else value.replace(tzinfo=tz)


def _as_written(start: dt.datetime, written: Start) -> Start:
    """An expanded start back in the kind DTSTART was written in: a date for an
    all-day event, the wall clock for a floating time."""
    if not isinstance(written, dt.datetime):
        return start.date()
    if written.tzinfo is None:
        return start.date()
    return start
