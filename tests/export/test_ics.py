"""The planned week as a calendar: every session an event on its day, at a sensible
time, saying what it is and why; stable UIDs; zones named, fixed or floating."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import garmin_fit_sdk
import icalendar
import pytest
from export_plan import BAND, FINISHER_WHY, WEEK, check_golden, day, fixed_plan, run, walk
from hypothesis import given, settings
from hypothesis import strategies as st

from footfall.errors import UsageError
from footfall.evidence import MILE_M
from footfall.export import Schedule, plan_to_fit_dir, plan_to_ics, session_uid, walk_to_ics
from footfall.export.schedule import day_slots
from footfall.plan.compose import plan_week
from footfall.plan.model import (
    History,
    Plan,
    PlanDay,
    PlanInput,
    PlannedSession,
    PlanOptions,
    Role,
    RunSession,
)
from footfall.plan.sources.ics_file import read_ics_plan
from footfall.settings import UNITS, Athlete, Units

LA = ZoneInfo("America/Los_Angeles")


def events(data: bytes) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(data)
    return [event for event in calendar.walk("VEVENT") if isinstance(event, icalendar.Event)]


def by_summary(data: bytes) -> dict[str, icalendar.Event]:
    return {str(event["summary"]): event for event in events(data)}


def garmin_steps(data: bytes) -> list[dict[str, Any]]:
    messages: Any
    messages, errors = garmin_fit_sdk.Decoder(
        garmin_fit_sdk.Stream.from_byte_array(bytearray(data))
    ).read()
    assert errors == []
    return list(messages["workout_step_mesgs"])


def start_end(event: icalendar.Event) -> tuple[Any, Any]:
    return event.decoded("dtstart"), event.decoded("dtend")


def at(date: dt.date, hour: int, minute: int = 0, zone: dt.tzinfo | None = None) -> dt.datetime:
    return dt.datetime.combine(date, dt.time(hour, minute), tzinfo=zone)


def test_every_session_becomes_one_event_on_its_date() -> None:
    plan = fixed_plan()
    found = events(plan_to_ics(plan, zone=None, units="mi"))
    assert len(found) == len(plan.sessions()) == 8
    event_days = sorted(_date_of(event.decoded("dtstart")) for event in found)
    assert event_days == sorted(session.date for session in plan.sessions())


def _date_of(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def test_each_event_says_why_with_its_rule() -> None:
    plan = fixed_plan()
    found = events(plan_to_ics(plan, zone=None, units="mi"))
    for session in plan.sessions():
        (event,) = [e for e in found if session.why in str(e["description"])
                    and _date_of(e.decoded("dtstart")) == session.date
                    and f"Why ({session.rule}):" in str(e["description"])]  # fmt: skip
        kind = "rest" if session.type == "rest" else session.kind
        assert f"CATEGORIES:footfall,{kind}".encode() in event.to_ical()


def test_summaries_name_the_session_and_its_length() -> None:
    summaries = set(by_summary(plan_to_ics(fixed_plan(), zone=None, units="mi")))
    assert summaries == {
        "Easy run 30 min", "Step-floor walk 43 min", "Run workout 50 min",
        "Second-session walk 25 min", "Swap walk 60 min", "Rest day",
        "Long run 3 h", "Finisher walk 15 min",
    }  # fmt: skip


def test_the_description_gives_the_figures_in_miles() -> None:
    finisher = by_summary(plan_to_ics(fixed_plan(), zone=None, units="mi"))["Finisher walk 15 min"]
    text = str(finisher["description"])
    # 15 min at 17:00 min/mi is 0.88 mi; 105 steps/min
    assert text.startswith(
        "Finisher walk: 15 min, 0.9 mi, pace 16:00–18:00 /mi, moderate intensity, "
        "about 1,575 steps.\n"
    )
    assert text.endswith(f"Why (R1): {FINISHER_WHY}")


def test_the_description_gives_the_figures_in_kilometres() -> None:
    found = by_summary(plan_to_ics(fixed_plan(), zone=None, units="km"))
    # 0.88 mi = 1.42 km; 16:00 and 18:00 min/mi are 9:57 and 11:11 min/km
    assert "15 min, 1.4 km, pace 9:57–11:11 /km" in str(
        found["Finisher walk 15 min"]["description"]
    )
    assert "3 h, 32.2 km, vigorous intensity" in str(found["Long run 3 h"]["description"])


def test_sessions_get_the_default_times_of_day() -> None:
    found = by_summary(plan_to_ics(fixed_plan(), zone=None, units="mi"))
    assert start_end(found["Easy run 30 min"]) == (at(day(0), 7), at(day(0), 7, 30))
    assert start_end(found["Step-floor walk 43 min"]) == (at(day(1), 12, 30), at(day(1), 13, 13))
    assert start_end(found["Run workout 50 min"]) == (at(day(2), 7), at(day(2), 7, 50))
    assert start_end(found["Second-session walk 25 min"]) == (at(day(2), 18), at(day(2), 18, 25))
    assert start_end(found["Swap walk 60 min"]) == (at(day(3), 7), at(day(3), 8))
    assert start_end(found["Long run 3 h"]) == (at(day(6), 7), at(day(6), 10))
    # the finisher starts as the long run ends
    assert start_end(found["Finisher walk 15 min"]) == (at(day(6), 10), at(day(6), 10, 15))


def test_the_times_of_day_can_be_changed() -> None:
    schedule = Schedule(main_run=dt.time(5, 30), second_session=dt.time(19, 15),
                        finisher_gap_min=5)  # fmt: skip
    found = by_summary(plan_to_ics(fixed_plan(), zone=None, units="mi", schedule=schedule))
    assert start_end(found["Long run 3 h"]) == (at(day(6), 5, 30), at(day(6), 8, 30))
    assert start_end(found["Finisher walk 15 min"]) == (at(day(6), 8, 35), at(day(6), 8, 50))
    assert start_end(found["Second-session walk 25 min"])[0] == at(day(2), 19, 15)


def test_a_rest_day_is_an_all_day_event() -> None:
    rest = by_summary(plan_to_ics(fixed_plan(), zone=None, units="mi"))["Rest day"]
    assert start_end(rest) == (day(5), day(6))
    assert str(rest["transp"]) == "TRANSPARENT"


def test_the_spike_warning_rides_on_the_long_run_only() -> None:
    found = by_summary(plan_to_ics(fixed_plan(), zone=None, units="mi"))
    assert "Warning (R9): 20.0 mi is over 110 %" in str(found["Long run 3 h"]["description"])
    assert "Warning" not in str(found["Finisher walk 15 min"]["description"])


def test_exporting_again_gives_the_same_bytes_and_a_stamp_from_the_plan() -> None:
    first = plan_to_ics(fixed_plan(), zone=LA, units="mi")
    assert first == plan_to_ics(fixed_plan(), zone=LA, units="mi")
    stamps = {event.decoded("dtstamp") for event in events(first)}
    assert stamps == {dt.datetime(2026, 12, 7, tzinfo=dt.UTC)}


def test_uids_are_unique_and_survive_a_changed_plan() -> None:
    plan = fixed_plan()
    uids = [str(event["uid"]) for event in events(plan_to_ics(plan, zone=None, units="mi"))]
    assert len(set(uids)) == len(uids)
    assert "20261207-20261213-finisher-1@footfall" in uids
    longer = _with_finisher_minutes(plan, 20.0)
    again = [str(event["uid"]) for event in events(plan_to_ics(longer, zone=None, units="mi"))]
    assert again == uids
    other = plan_to_ics(plan, zone=None, units="mi", namespace="runner-17.footfall")
    assert all(str(e["uid"]).endswith("@runner-17.footfall") for e in events(other))


def _with_finisher_minutes(plan: Plan, minutes: float) -> Plan:
    days = tuple(
        PlanDay(d.date, tuple(dataclasses.replace(s, minutes=minutes) if s.role == "finisher"
                              else s for s in d.sessions))
        for d in plan.days
    )  # fmt: skip
    return dataclasses.replace(plan, days=days)


def test_a_named_zone_gives_tzid_times_and_its_vtimezone() -> None:
    data = plan_to_ics(fixed_plan(), zone=LA, units="mi")
    assert b"DTSTART;TZID=America/Los_Angeles:20261213T070000" in data
    calendar = icalendar.Calendar.from_ical(data)
    (zone,) = calendar.walk("VTIMEZONE")
    assert str(zone["tzid"]) == "America/Los_Angeles"
    long_run = by_summary(data)["Long run 3 h"]
    start = long_run.decoded("dtstart")
    assert start == at(day(6), 7, zone=LA)
    assert start.astimezone(dt.UTC) == dt.datetime(2026, 12, 13, 15, 0, tzinfo=dt.UTC)  # PST


def test_a_fixed_offset_is_written_in_utc() -> None:
    plus_two = dt.timezone(dt.timedelta(hours=2))
    data = plan_to_ics(fixed_plan(), zone=plus_two, units="mi")
    assert b"TZID" not in data
    start = by_summary(data)["Easy run 30 min"].decoded("dtstart")
    assert start == dt.datetime(2026, 12, 7, 5, 0, tzinfo=dt.UTC)


def test_without_a_zone_times_float() -> None:
    data = plan_to_ics(fixed_plan(), zone=None, units="mi")
    assert b"TZID" not in data and b"VTIMEZONE" not in data
    start = by_summary(data)["Easy run 30 min"].decoded("dtstart")
    assert start.tzinfo is None and (start.hour, start.minute) == (7, 0)


def test_the_file_folds_its_lines_as_rfc_5545_says() -> None:
    data = plan_to_ics(fixed_plan(), zone=LA, units="km")
    lines = data.split(b"\r\n")
    assert lines[-1] == b"" and all(b"\n" not in line for line in lines)
    assert max(len(line) for line in lines) <= 75
    assert lines[0] == b"BEGIN:VCALENDAR"


def test_one_walk_carries_its_script_and_what_the_band_means() -> None:
    walk_session = walk(day(3), "swap", 60, "R3", "Swapped for an easy run (E3).")
    script = "0:00 Stand tall, eyes up.\n5:00 Elbows bent, relaxed arm swing."
    data = walk_to_ics(walk_session, zone=LA, units="mi", script=script)
    (event,) = events(data)
    text = str(event["description"])
    assert text.startswith("Swap walk: 60 min, 3.5 mi, pace 16:00–18:00 /mi")
    assert "Why (R3): Swapped for an easy run (E3)." in text
    assert "2.5-4 mph" in text and "(E4, US CDC" in text
    assert text.endswith(script)
    assert start_end(event) == (at(day(3), 7, zone=LA), at(day(3), 8, zone=LA))
    assert str(event["uid"]) == "walk-2026-12-10-swap@footfall"


def test_one_walk_can_be_placed_and_made_to_update_its_event_of_the_plan() -> None:
    plan = fixed_plan()
    walk_session = plan.days[1].sessions[0]
    uid = session_uid(plan.start, walk_session)
    data = walk_to_ics(walk_session, zone=None, units="mi", at=dt.time(17, 45), uid=uid)
    (event,) = events(data)
    assert start_end(event) == (at(day(1), 17, 45), at(day(1), 18, 28))
    plan_uids = {str(e["uid"]) for e in events(plan_to_ics(plan, zone=None, units="mi"))}
    assert str(event["uid"]) == "20261207-20261208-step_floor-1@footfall"
    assert str(event["uid"]) in plan_uids


def test_a_stamp_without_a_zone_is_refused() -> None:
    with pytest.raises(UsageError, match="aware datetime"):
        plan_to_ics(fixed_plan(), zone=None, units="mi", stamp=dt.datetime(2026, 12, 1, 9, 0))  # noqa: DTZ001 (on purpose)


def test_a_walk_on_the_day_clocks_change_keeps_its_wall_time() -> None:
    spring_forward = dt.date(2026, 3, 8)  # US daylight saving time starts at 02:00
    session = walk(spring_forward, "swap", 30, "R3", "Swapped (E3).")
    (event,) = events(walk_to_ics(session, zone=LA, units="mi"))
    start, end = start_end(event)
    assert start.astimezone(dt.UTC) == dt.datetime(2026, 3, 8, 14, 0, tzinfo=dt.UTC)  # 07:00 PDT
    assert end - start == dt.timedelta(minutes=30)


def test_a_ladder_walk_reads_in_feet_and_seconds() -> None:
    tiny = dataclasses.replace(walk(day(0), "finisher", 0.3, "R5", "Start tiny (R5)."),
                               distance_m=100 * 0.3048, steps=32)  # fmt: skip
    (event,) = events(walk_to_ics(tiny, zone=None, units="mi"))
    assert str(event["summary"]) == "Finisher walk 18 s"
    assert str(event["description"]).startswith("Finisher walk: 18 s, 100 ft,")
    (metric,) = events(walk_to_ics(tiny, zone=None, units="km"))
    assert ", 30 m," in str(metric["description"])


def test_the_week_matches_its_golden_calendar() -> None:
    """Compared as unfolded content lines: where a long line folds differs between
    icalendar versions and means nothing."""
    data = plan_to_ics(fixed_plan(), zone=None, units="mi")
    unfolded = data.decode("utf-8").replace("\r\n ", "").replace("\r\n", "\n")
    check_golden("plan_week_ics.txt", unfolded)


# --- the schedule behind the times -------------------------------------------------------

ROLES: list[Role] = ["main", "finisher", "second", "swap", "step_floor"]
roles = st.sampled_from(ROLES)


@st.composite
def a_day(draw: st.DrawFn) -> PlanDay:
    sessions: list[PlannedSession] = []
    for role in draw(st.lists(roles, max_size=6)):
        minutes = draw(st.floats(0.1, 300))
        if role == "main":
            sessions.append(dataclasses.replace(run(WEEK, "easy", 30, 3.0), minutes=minutes))
        else:
            sessions.append(walk(WEEK, role, minutes, "R1", "why", band=BAND))
    return PlanDay(WEEK, tuple(sessions))


@settings(max_examples=200, deadline=None)
@given(a_day())
def test_sessions_of_a_day_never_overlap_and_last_their_minutes(plan_day: PlanDay) -> None:
    slots = day_slots(plan_day)
    assert [slot.session for slot in slots] == list(plan_day.sessions)
    timed = sorted((s.start, s.end) for s in slots if s.start is not None and s.end is not None)
    for (_, end), (next_start, _) in itertools.pairwise(timed):
        assert next_start >= end
    for slot in slots:
        assert slot.start is not None and slot.end is not None
        assert (slot.end - slot.start).total_seconds() == round(slot.session.minutes * 60)
        assert slot.start >= dt.timedelta(hours=7)


def test_a_finisher_follows_its_run_even_when_the_run_is_pushed_later() -> None:
    swap = walk(WEEK, "swap", 60, "R3", "why")
    long_run = run(WEEK, "long", 120, 12.0)
    finisher = walk(WEEK, "finisher", 9, "R1", "why")
    slots = day_slots(PlanDay(WEEK, (swap, long_run, finisher)))
    times = [(slot.start, slot.end) for slot in slots]
    hours = dt.timedelta(hours=1)
    assert times == [(7 * hours, 8 * hours), (8 * hours, 10 * hours),
                     (10 * hours, 10 * hours + dt.timedelta(minutes=9))]  # fmt: skip


@pytest.mark.parametrize("units", UNITS)
def test_the_band_reads_fast_to_slow_whichever_way_it_is_given(units: Units) -> None:
    forward = walk(day(0), "swap", 30, "R3", "why", band=(16.0, 18.0))
    backward = dataclasses.replace(forward, pace_min_per_mi=(18.0, 16.0))
    assert walk_to_ics(backward, zone=None, units=units) == walk_to_ics(
        forward, zone=None, units=units
    )


# --- with the rest of the planner ---------------------------------------------------------


def test_a_calendar_of_the_exported_week_reads_back_as_the_runners_plan(tmp_path: Path) -> None:
    """Exported walks never come back as runs when the calendar is used as a plan."""
    data = plan_to_ics(fixed_plan(), zone=LA, units="mi")
    back = read_ics_plan(data.decode("utf-8"), tmp_path / "week.ics", athlete=Athlete())
    assert [(s.date, s.type, s.minutes) for s in back.sessions] == [
        (day(0), "easy", 30.0), (day(2), "workout", 50.0),
        (day(5), "rest", None), (day(6), "long", 180.0),
    ]  # fmt: skip


def test_a_week_from_plan_week_exports_every_session_and_walk(tmp_path: Path) -> None:
    runs = (
        RunSession(day(0), "easy", 30),
        RunSession(day(2), "workout", 50),
        RunSession(day(3), "easy", 40),
        RunSession(day(6), "long", None, 20 * MILE_M),
    )
    week = PlanInput(WEEK, runs, options=PlanOptions(swap_easy_runs=1, two_a_day=(day(2),)),
                     baseline_steps=3500)  # fmt: skip
    plan = plan_week(week, History(longest_run_30d_m=16 * MILE_M))
    found = events(plan_to_ics(plan, zone=LA, units="km"))
    assert len(found) == len(plan.sessions())
    for session in plan.sessions():
        assert any(session.why in str(e["description"]) for e in found)
    finisher = next(e for e in found if str(e["x-footfall-role"]) == "finisher")
    long_run = next(e for e in found if str(e["summary"]).startswith("Long run"))
    assert finisher.decoded("dtstart") == long_run.decoded("dtend")
    assert "Warning (R9)" in str(long_run["description"])
    walks = [s for s in plan.sessions() if s.kind == "walk"]
    paths = plan_to_fit_dir(plan, tmp_path)
    assert len(paths) == len(walks) > 0
    for path, walk_session in zip(paths, walks, strict=True):
        steps = garmin_steps(path.read_bytes())
        assert sum(step["duration_time"] for step in steps) == round(walk_session.minutes * 60)
