"""A running week from an .ics calendar: events that are runs become sessions (with
repeats expanded and days local), the rest is ignored, and mistakes name the event's
line. Calendars are made in each test, with the icalendar package or as text."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar, Event

from footfall.errors import PlanError
from footfall.evidence import MILE_M
from footfall.plan.model import PlanInput
from footfall.plan.sources import read_plan
from footfall.settings import Athlete

MONDAY = dt.date(2026, 12, 7)
LONDON = ZoneInfo("Europe/London")


def calendar(*events: Event) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//footfall tests//EN")
    cal.add("version", "2.0")
    for event in events:
        cal.add_component(event)
    return cal.to_ical()


def event(summary: str, start: dt.date | dt.datetime, **props: object) -> Event:
    made = Event()
    made.add("uid", f"{summary}-{start.isoformat()}@footfall.test")
    made.add("summary", summary)
    made.add("dtstart", start)
    for name, value in props.items():
        made.add(name.replace("_", "-"), value)
    return made


def read(
    tmp_path: Path,
    content: bytes | str,
    athlete: Athlete | None = None,
    week: dt.date | None = None,
) -> PlanInput:
    path = tmp_path / "runs.ics"
    if isinstance(content, str):
        content = content.replace("\n", "\r\n").encode()
    path.write_bytes(content)
    return read_plan(path, athlete=athlete or Athlete(), week_start=week)


def mistake(tmp_path: Path, content: bytes | str, week: dt.date | None = None) -> PlanError:
    with pytest.raises(PlanError) as caught:
        read(tmp_path, content, week=week)
    return caught.value


def at(day: int, hour: int, minute: int = 0, tz: dt.tzinfo = LONDON) -> dt.datetime:
    return dt.datetime(2026, 12, day, hour, minute, tzinfo=tz)


def test_it_reads_runs_types_and_amounts_and_ignores_other_events(tmp_path: Path) -> None:
    content = calendar(
        event("Easy run", at(7, 7), dtend=at(7, 7, 40)),
        event("Team meeting", at(7, 10), dtend=at(7, 11)),
        event("Intervals", at(9, 6, 30), description="15 min warm-up, 5 x 3 min, 10 min cool-down"),
        event("Easy spin on the bike", at(10, 18), dtend=at(10, 19)),
        event("Recovery jog 25 min", at(11, 7)),
        event("Long run 20 mi", dt.date(2026, 12, 13)),
        event("Rest day", dt.date(2026, 12, 12)),
    )
    plan = read(tmp_path, content)
    assert plan.week_start == MONDAY
    got = [(s.date.day, s.type, s.minutes, s.distance_m) for s in plan.sessions]
    assert got == [
        (7, "easy", 40.0, None),
        (9, "workout", 40.0, None),
        (11, "recovery", 25.0, None),
        (12, "rest", None, None),
        (13, "long", None, pytest.approx(20 * MILE_M)),
    ]
    assert plan.source.endswith("runs.ics")


def test_a_race_gets_its_named_distance(tmp_path: Path) -> None:
    plan = read(tmp_path, calendar(event("Valencia Marathon", dt.date(2026, 12, 6))))
    assert plan.week_start == dt.date(2026, 11, 30)
    assert [(s.type, s.distance_m) for s in plan.sessions] == [("race", 42_195.0)]


def test_repeating_runs_are_expanded_in_the_week_minus_exceptions(tmp_path: Path) -> None:
    repeating = event(
        "Easy run 30 min",
        at(1, 7),
        rrule={
            "freq": "weekly",
            "byday": ["TU", "TH"],
            "until": dt.datetime(2026, 12, 31, tzinfo=dt.UTC),
        },
        exdate=at(10, 7),
    )
    plan = read(tmp_path, calendar(repeating), week=MONDAY)
    assert [(s.date, s.minutes) for s in plan.sessions] == [(dt.date(2026, 12, 8), 30.0)]
    next_week = read(tmp_path, calendar(repeating), week=MONDAY + dt.timedelta(days=7))
    assert [s.date.day for s in next_week.sessions] == [15, 17]


def test_a_repeat_ends_on_its_until_date_and_after_its_count(tmp_path: Path) -> None:
    until = event(
        "Easy run 30 min",
        dt.date(2026, 12, 1),
        rrule={"freq": "daily", "until": dt.date(2026, 12, 8)},
    )
    assert [s.date.day for s in read(tmp_path, calendar(until), week=MONDAY).sessions] == [7, 8]
    counted = event("Easy run 30 min", at(5, 7), rrule={"freq": "daily", "count": 4})
    assert [s.date.day for s in read(tmp_path, calendar(counted), week=MONDAY).sessions] == [7, 8]


def test_a_moved_occurrence_replaces_the_repeat_on_that_day(tmp_path: Path) -> None:
    master = event("Easy run 30 min", at(1, 7), rrule={"freq": "weekly", "byday": ["TU"]})
    moved = event("Easy run 45 min", at(9, 18), recurrence_id=at(8, 7))
    moved["uid"] = master["uid"]
    plan = read(tmp_path, calendar(master, moved), week=MONDAY)
    assert [(s.date.day, s.minutes) for s in plan.sessions] == [(9, 45.0)]


def test_a_cancelled_run_is_left_out(tmp_path: Path) -> None:
    content = calendar(
        event("Easy run 30 min", at(7, 7)),
        event("Tempo 40 min", at(9, 7), status="CANCELLED"),
    )
    assert [s.date.day for s in read(tmp_path, content).sessions] == [7]


def test_times_become_the_runners_local_days(tmp_path: Path) -> None:
    late_utc = event("Easy run 30 min", dt.datetime(2026, 12, 8, 23, 30, tzinfo=dt.UTC))
    content = calendar(late_utc)
    own_zone = read(tmp_path, content, week=MONDAY)
    assert [s.date.day for s in own_zone.sessions] == [8]
    sydney = Athlete().set(time_zone="Australia/Sydney")
    local = read(tmp_path, content, athlete=sydney, week=MONDAY)
    assert [s.date.day for s in local.sessions] == [9]


def test_a_floating_time_keeps_its_wall_clock_day(tmp_path: Path) -> None:
    text = (
        "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:x\nBEGIN:VEVENT\nUID:1\nSUMMARY:Easy run\n"
        "DTSTART:20261208T233000\nDURATION:PT35M\nEND:VEVENT\nEND:VCALENDAR\n"
    )
    plan = read(tmp_path, text, athlete=Athlete().set(time_zone="Asia/Tokyo"))
    assert [(s.date.day, s.minutes) for s in plan.sessions] == [(8, 35.0)]


def test_only_the_asked_week_is_planned(tmp_path: Path) -> None:
    content = calendar(
        event("Easy run 30 min", at(1, 7)),
        event("Easy run 40 min", at(8, 7)),
        event("Long run 2 hours", at(13, 8)),
        event("Easy run 50 min", at(15, 7)),
    )
    plan = read(tmp_path, content, week=MONDAY)
    assert [(s.date.day, s.type, s.minutes) for s in plan.sessions] == [
        (8, "easy", 40.0),
        (13, "long", 120.0),
    ]
    first_week = read(tmp_path, content)
    assert first_week.week_start == dt.date(2026, 11, 30)
    assert [s.date.day for s in first_week.sessions] == [1]


# --- mistakes -----------------------------------------------------------------------------

HEAD = "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:x\n"
TAIL = "END:VCALENDAR\n"
MEETING = "BEGIN:VEVENT\nUID:m\nSUMMARY:Meeting\nDTSTART:20261207T100000Z\nEND:VEVENT\n"


def test_a_run_without_an_amount_names_its_event_line(tmp_path: Path) -> None:
    text = (
        HEAD
        + MEETING
        + "BEGIN:VEVENT\nUID:r\nSUMMARY:Easy run\nDTSTART;VALUE=DATE:20261208\nEND:VEVENT\n"
        + TAIL
    )
    error = mistake(tmp_path, text)
    assert (error.line, error.field) == (9, "SUMMARY")
    assert error.problem.startswith("'Easy run' gives neither minutes nor distance")
    assert str(error).startswith(f"{tmp_path / 'runs.ics'}:9: field 'SUMMARY'")


def test_a_run_without_a_start_is_named(tmp_path: Path) -> None:
    text = HEAD + "BEGIN:VEVENT\nUID:r\nSUMMARY:Tempo 40 min\nEND:VEVENT\n" + TAIL
    error = mistake(tmp_path, text)
    assert (error.line, error.field) == (4, "DTSTART")
    assert error.problem == "is missing in 'Tempo 40 min'"


def test_a_broken_start_is_named(tmp_path: Path) -> None:
    text = (
        HEAD + "BEGIN:VEVENT\nUID:r\nSUMMARY:Tempo 40 min\nDTSTART:2026-12-08\nEND:VEVENT\n" + TAIL
    )
    error = mistake(tmp_path, text)
    assert (error.line, error.field) == (4, "DTSTART")
    assert error.problem.startswith("cannot be read")


def test_a_repeat_rule_that_cannot_be_read_is_named(tmp_path: Path) -> None:
    text = (
        HEAD
        + (
            "BEGIN:VEVENT\nUID:r\nSUMMARY:Easy run 30 min\nDTSTART:20261201T070000Z\n"
            "RRULE:FREQ=FORTNIGHTLY\nEND:VEVENT\n"
        )
        + TAIL
    )
    error = mistake(tmp_path, text, week=MONDAY)
    assert (error.line, error.field) == (4, "RRULE")
    assert "repeat rule that cannot be read" in error.problem


@pytest.mark.parametrize(
    "rule",
    [{"freq": "hourly"}, {"freq": "daily", "byhour": list(range(24)), "byminute": [0, 30]}],
)
def test_a_run_repeating_more_than_once_a_day_is_refused_quickly(
    tmp_path: Path, rule: dict[str, object]
) -> None:
    since_1900 = event("Easy run 30 min", dt.datetime(1900, 1, 1, 7, tzinfo=dt.UTC), rrule=rule)
    started = time.perf_counter()
    error = mistake(tmp_path, calendar(since_1900), week=MONDAY)
    assert error.field == "RRULE" and "repeats more often than daily" in error.problem
    assert time.perf_counter() - started < 1.0


def test_a_calendar_without_runs_says_so(tmp_path: Path) -> None:
    error = mistake(tmp_path, HEAD + MEETING + TAIL)
    assert error.line is None and "holds no runs" in error.problem


def test_a_week_without_runs_says_which_week(tmp_path: Path) -> None:
    error = mistake(tmp_path, calendar(event("Easy run 30 min", at(1, 7))), week=MONDAY)
    assert error.problem == "holds no runs from 2026-12-07 to 2026-12-13"


def test_a_file_that_is_not_a_calendar_is_refused(tmp_path: Path) -> None:
    error = mistake(tmp_path, "BEGIN:VCALENDAR\nthis is not a content line\nEND:VCALENDAR\n")
    assert "is not a readable calendar" in error.problem
    assert "\n" not in str(error)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    body=st.lists(
        st.sampled_from(
            [
                "BEGIN:VEVENT",
                "END:VEVENT",
                "SUMMARY:Easy run 30 min",
                "SUMMARY:Long run",
                "DTSTART:20261208T070000Z",
                "DTSTART;VALUE=DATE:20261209",
                "DTSTART:garbage",
                "DTEND:20261208T080000Z",
                "DURATION:PT-30M",
                "RRULE:FREQ=DAILY;COUNT=3",
                "RRULE:FREQ=WEEKLY;UNTIL=2026",
                "EXDATE:20261209T070000Z",
                "UID:a",
                "RECURRENCE-ID:20261208T070000Z",
                "STATUS:CANCELLED",
                "BEGIN:VALARM",
                "END:VALARM",
                "X-JUNK;;:",
                "DESCRIPTION:6 x 800m",
            ]
        ),
        max_size=14,
    )
)
def test_any_calendar_gives_a_plan_or_a_plan_error(tmp_path: Path, body: list[str]) -> None:
    text = HEAD + "\n".join(body) + "\n" + TAIL
    try:
        read(tmp_path, text, week=MONDAY)
    except PlanError as error:
        assert "\n" not in str(error)
