"""The YAML plan file (SPEC §4): the good path, and one test per mistake, each naming
the line and the field. Every file is written by the test into tmp_path."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from footfall.errors import PlanError
from footfall.evidence import MILE_M
from footfall.plan.model import PlanInput
from footfall.plan.sources import read_plan
from footfall.settings import Athlete
from tests_support import SPEC_PLAN

WEEK = "week_start: 2026-12-07\n"


def write(tmp_path: Path, text: str, name: str = "plan.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def read(
    tmp_path: Path, text: str, athlete: Athlete | None = None, week_start: dt.date | None = None
) -> PlanInput:
    path = write(tmp_path, text)
    return read_plan(path, athlete=athlete or Athlete(), week_start=week_start)


def mistake(tmp_path: Path, text: str) -> PlanError:
    with pytest.raises(PlanError) as caught:
        read(tmp_path, text)
    return caught.value


def test_it_reads_the_spec_plan_with_distances_in_metres(tmp_path: Path) -> None:
    plan = read(tmp_path, SPEC_PLAN)
    assert plan.week_start == dt.date(2026, 12, 7)
    got = [(s.date.day, s.type, s.minutes, s.distance_m, s.line) for s in plan.sessions]
    assert got == [
        (7, "easy", 30.0, None, 10),
        (9, "workout", 50.0, None, 11),
        (10, "easy", None, pytest.approx(4 * MILE_M), 12),
        (13, "long", None, pytest.approx(32_186.88), 13),
    ]
    assert plan.options.swap_easy_runs == 1
    assert plan.options.swap_mode == "equivalent"
    assert plan.options.two_a_day == (dt.date(2026, 12, 9),)
    assert plan.options.finisher_s_per_mile == 45.0
    assert plan.options.daily_cap_min is None
    assert plan.walking_attitude == "keen"
    assert plan.baseline_steps == 3500
    assert plan.source.endswith("plan.yaml")


def test_the_athlete_block_overrides_the_stored_settings_for_this_plan(tmp_path: Path) -> None:
    stored = Athlete().set(mass_kg=80.0, time_zone="Europe/London")
    plan = read(tmp_path, SPEC_PLAN, athlete=stored)
    assert (plan.athlete.mass_kg, plan.athlete.height_cm, plan.athlete.step_floor) == (
        68,
        172,
        8000,
    )
    assert plan.athlete.time_zone == "Europe/London"
    assert "mass_kg" not in plan.athlete.assumed and "height_cm" not in plan.athlete.assumed
    assert "impact_model" in plan.athlete.assumed


def test_distances_follow_the_plans_units(tmp_path: Path) -> None:
    text = (
        "athlete: {units: km}\n"
        + WEEK
        + "sessions:\n  - {date: 2026-12-13, type: long, distance: 30.5}\n"
    )
    assert read(tmp_path, text).sessions[0].distance_m == pytest.approx(30_500.0)
    stored_km = Athlete().set(units="km")
    plain = WEEK + "sessions:\n  - {date: 2026-12-13, type: long, distance: 30}\n"
    assert read(tmp_path, plain, athlete=stored_km).sessions[0].distance_m == pytest.approx(
        30_000.0
    )


def test_minutes_can_be_written_as_a_clock(tmp_path: Path) -> None:
    text = WEEK + (
        "sessions:\n"
        "  - {date: 2026-12-07, type: easy, minutes: 1:15}\n"
        "  - {date: 2026-12-08, type: easy, minutes: '1:15:30'}\n"
        "  - {date: 2026-12-09, type: easy, minutes: 0:45}\n"
    )
    assert [s.minutes for s in read(tmp_path, text).sessions] == [75.0, 75.5, 45.0]


def test_defaults_apply_when_optional_parts_are_left_out(tmp_path: Path) -> None:
    plan = read(tmp_path, WEEK + "sessions:\n  - {date: 2026-12-07, type: rest}\n")
    assert plan.walking_attitude == "neutral" and plan.baseline_steps is None
    assert plan.options.swap_easy_runs == 0 and plan.options.finisher_s_per_mile == 45.0
    assert plan.sessions[0].minutes is None and plan.sessions[0].distance_m is None


def test_sessions_come_back_in_date_order(tmp_path: Path) -> None:
    text = WEEK + (
        "sessions:\n"
        "  - {date: 2026-12-13, type: long, minutes: 120}\n"
        "  - {date: 2026-12-07, type: easy, minutes: 30}\n"
    )
    assert [s.date.day for s in read(tmp_path, text).sessions] == [7, 13]


def test_a_week_may_start_on_any_day(tmp_path: Path) -> None:
    text = (
        "week_start: 2026-12-06\n"  # a Sunday
        "sessions:\n  - {date: 2026-12-06, type: long, minutes: 100}\n"
        "  - {date: 2026-12-12, type: easy, minutes: 30}\n"
    )
    plan = read(tmp_path, text)
    assert plan.week_start == dt.date(2026, 12, 6)
    assert [s.date for s in plan.sessions] == [dt.date(2026, 12, 6), dt.date(2026, 12, 12)]


def test_without_week_start_the_week_is_the_given_one_or_the_monday_of_the_first_session(
    tmp_path: Path,
) -> None:
    text = "sessions:\n  - {date: 2026-12-10, type: easy, minutes: 30}\n"
    assert read(tmp_path, text).week_start == dt.date(2026, 12, 7)
    given_week = read(tmp_path, text, week_start=dt.date(2026, 12, 9))
    assert given_week.week_start == dt.date(2026, 12, 9)


def test_the_daily_cap_and_a_single_two_a_day_date_are_read(tmp_path: Path) -> None:
    text = WEEK + (
        "sessions:\n  - {date: 2026-12-09, type: workout, minutes: 50}\n"
        "options: {daily_cap_min: 75, two_a_day: 2026-12-09, swap_mode: time_on_feet}\n"
    )
    options = read(tmp_path, text).options
    assert options.daily_cap_min == 75.0
    assert options.two_a_day == (dt.date(2026, 12, 9),)
    assert options.swap_mode == "time_on_feet"


# --- mistakes: each names the line and the field ---------------------------------------

SESSIONS = "sessions:\n"
MISTAKES: list[tuple[str, str, int | None, str | None, str]] = [
    (
        "unknown type",
        WEEK + SESSIONS + "  - {date: 2026-12-07, type: easy, minutes: 30}\n"
        "  - {date: 2026-12-08, type: easy, minutes: 30}\n"
        "  - {date: 2026-12-09, type: tempo, minutes: 40}\n",
        5,
        "sessions[2].type",
        "is 'tempo', not a session type (easy, recovery, long, workout, race, rest)",
    ),
    (
        "negative distance",
        WEEK + SESSIONS + "  - date: 2026-12-07\n    type: easy\n    distance: -3\n",
        5,
        "sessions[0].distance",
        "must be more than 0 mi (got -3)",
    ),
    (
        "zero minutes",
        WEEK + SESSIONS + "  - {date: 2026-12-07, type: easy, minutes: 0}\n",
        3,
        "sessions[0].minutes",
        "must be more than 0 minutes (got 0)",
    ),
    (
        "minutes that are text",
        WEEK + SESSIONS + "  - {date: 2026-12-07, type: easy, minutes: half an hour}\n",
        3,
        "sessions[0].minutes",
        "must be a number of minutes (got 'half an hour')",
    ),
    (
        "a day of running",
        WEEK + SESSIONS + "  - {date: 2026-12-07, type: long, minutes: 2000}\n",
        3,
        "sessions[0].minutes",
        "must be at most 1440 minutes",
    ),
    (
        "neither minutes nor distance",
        WEEK + SESSIONS + "  - {date: 2026-12-07, type: long}\n",
        3,
        "sessions[0]",
        "gives neither minutes nor distance: a long session needs one",
    ),
    (
        "a rest day with minutes",
        WEEK + SESSIONS + "  - {date: 2026-12-07, type: rest, minutes: 20}\n",
        3,
        "sessions[0]",
        "a rest day takes no minutes or distance",
    ),
    (
        "a date outside the week",
        WEEK + SESSIONS + "  - {date: 2026-12-07, type: easy, minutes: 30}\n"
        "  - date: 2026-12-14\n    type: easy\n    minutes: 30\n",
        4,
        "sessions[1].date",
        "2026-12-14 is outside the week 2026-12-07 to 2026-12-13",
    ),
    (
        "a date before the week",
        WEEK + SESSIONS + "  - {date: 2026-12-06, type: easy, minutes: 30}\n",
        3,
        "sessions[0].date",
        "2026-12-06 is outside the week",
    ),
    (
        "a session date that is a time",
        WEEK + SESSIONS + "  - {date: 2026-12-07 07:00:00, type: easy, minutes: 30}\n",
        3,
        "sessions[0].date",
        "must be a date like 2026-12-07, not a time",
    ),
    (
        "a session without a type",
        WEEK + SESSIONS + "  - {date: 2026-12-07, minutes: 30}\n",
        3,
        "sessions[0].type",
        "is missing",
    ),
    (
        "a misspelt session key",
        WEEK + SESSIONS + "  - {date: 2026-12-07, type: easy, minuts: 30}\n",
        3,
        "sessions[0].minuts",
        "is not a session key (known: date, type, minutes, distance)",
    ),
    (
        "a session that is not a mapping",
        WEEK + SESSIONS + "  - easy 30 minutes\n",
        3,
        "sessions[0]",
        "must be a session (date, type, minutes, distance)",
    ),
    (
        "week_start not a date",
        "week_start: next monday\n"
        + SESSIONS
        + "  - {date: 2026-12-07, type: easy, minutes: 30}\n",
        1,
        "week_start",
        "must be a date like 2026-12-07 (got 'next monday')",
    ),
    (
        "week_start a day that does not exist",
        "athlete: {units: km}\nweek_start: 2026-02-30\nsessions: []\n",
        2,
        "week_start",
        "'2026-02-30' is not a date (day is out of range for month)",
    ),
    (
        "a YAML syntax error",
        WEEK + SESSIONS + "  - {date: 2026-12-07, type: easy, minutes: 30\n"
        "  - {date: 2026-12-08, type: easy, minutes: 30}\n",
        4,
        None,
        "YAML syntax error:",
    ),
    (
        "a tab for indentation",
        WEEK + SESSIONS + "\t- {date: 2026-12-07, type: easy, minutes: 30}\n",
        3,
        None,
        "YAML syntax error:",
    ),
    (
        "an unknown top-level key",
        WEEK + "weeks: 1\n" + SESSIONS + "  - {date: 2026-12-07, type: easy, minutes: 30}\n",
        2,
        "weeks",
        "is not a plan key (known: athlete, week_start, sessions, options)",
    ),
    (
        "an unknown option",
        WEEK + "sessions: []\noptions:\n  swap_easy: 1\n",
        4,
        "options.swap_easy",
        "is not an option (known: swap_easy_runs, swap_mode, two_a_day, finisher_s_per_mile, "
        "daily_cap_min)",
    ),
    (
        "an unknown athlete setting",
        "athlete:\n  weight: 68\n" + WEEK + "sessions: []\n",
        2,
        "athlete.weight",
        "is not an athlete setting (known: mass_kg, height_cm, units, step_floor,",
    ),
    (
        "a swap mode not in its set",
        WEEK + "sessions: []\noptions: {swap_mode: double}\n",
        3,
        "options.swap_mode",
        "is 'double', not a swap mode (equivalent, time_on_feet)",
    ),
    (
        "a walking attitude not in its set",
        "athlete:\n  walking_attitude: lazy\n" + WEEK + "sessions: []\n",
        2,
        "athlete.walking_attitude",
        "is 'lazy', not a walking attitude (keen, neutral, reluctant)",
    ),
    (
        "a finisher rate above 60 s per mile",
        WEEK + "sessions: []\noptions:\n  finisher_s_per_mile: 75\n",
        4,
        "options.finisher_s_per_mile",
        "must be from 30 to 60 seconds per mile (got 75)",
    ),
    (
        "a finisher rate below 30 s per mile",
        WEEK + "sessions: []\noptions:\n  finisher_s_per_mile: 20\n",
        4,
        "options.finisher_s_per_mile",
        "must be from 30 to 60 seconds per mile (got 20)",
    ),
    (
        "a two-a-day date outside the week",
        WEEK + "sessions: []\noptions:\n  two_a_day:\n    - 2026-12-09\n    - 2026-12-20\n",
        6,
        "options.two_a_day[1]",
        "2026-12-20 is outside the week 2026-12-07 to 2026-12-13",
    ),
    (
        "a negative number of swaps",
        WEEK + "sessions: []\noptions: {swap_easy_runs: -1}\n",
        3,
        "options.swap_easy_runs",
        "must be from 0 to 7 runs (got -1)",
    ),
    (
        "a swap count that is not a number",
        WEEK + "sessions: []\noptions: {swap_easy_runs: yes}\n",
        3,
        "options.swap_easy_runs",
        "must be a whole number of runs, not yes/no",
    ),
    (
        "a daily cap of zero",
        WEEK + "sessions: []\noptions: {daily_cap_min: 0}\n",
        3,
        "options.daily_cap_min",
        "must be more than 0 minutes",
    ),
    (
        "a body mass out of range",
        "athlete:\n  mass_kg: 900\n" + WEEK + "sessions: []\n",
        2,
        "athlete.mass_kg",
        "must be between 20 and 300 kg (got 900)",
    ),
    (
        "units that are not mi or km",
        "athlete: {units: miles}\n" + WEEK + "sessions: []\n",
        1,
        "athlete.units",
        "must be one of mi, km (got 'miles')",
    ),
    (
        "a fractional step floor",
        "athlete:\n  mass_kg: 68\n  step_floor: 7999.5\n" + WEEK + "sessions: []\n",
        3,
        "athlete.step_floor",
        "must be a whole number of steps",
    ),
    (
        "a time zone that does not exist",
        "athlete:\n  time_zone: Mars/Olympus_Mons\n" + WEEK + "sessions: []\n",
        2,
        "athlete.time_zone",
        "is not a time zone",
    ),
    (
        "negative baseline steps",
        "athlete:\n  baseline_steps: -5\n" + WEEK + "sessions: []\n",
        2,
        "athlete.baseline_steps",
        "must be from 0 to 100000 steps (got -5)",
    ),
    (
        "a key given twice",
        WEEK + "sessions: []\nweek_start: 2026-12-14\n",
        3,
        "week_start",
        "appears twice",
    ),
    (
        "a list instead of a plan",
        "- {date: 2026-12-07, type: easy, minutes: 30}\n",
        1,
        None,
        "must be a mapping of athlete, week_start, sessions, options, not a list",
    ),
    (
        "a single word instead of a plan",
        "\n\nplan\n",
        3,
        None,
        "must be a mapping of athlete, week_start, sessions, options, not a single value",
    ),
    (
        "no sessions key",
        WEEK + "options: {swap_easy_runs: 1}\n",
        None,
        "sessions",
        "is missing: list the week's runs",
    ),
    (
        "sessions that are not a list",
        WEEK + "sessions: {date: 2026-12-07, type: easy}\n",
        2,
        "sessions",
        "must be a list",
    ),
    (
        "no week and no session to take it from",
        "sessions: []\n",
        None,
        "week_start",
        "is missing, and no session gives a date",
    ),
    (
        "comments only",
        "# my plan\n# to do\n",
        None,
        None,
        "holds no plan (only comments)",
    ),
]


@pytest.mark.parametrize(
    ("text", "line", "field", "problem"),
    [case[1:] for case in MISTAKES],
    ids=[case[0] for case in MISTAKES],
)
def test_each_mistake_names_the_line_and_the_field(
    tmp_path: Path, text: str, line: int | None, field: str | None, problem: str
) -> None:
    error = mistake(tmp_path, text)
    assert (error.line, error.field) == (line, field)
    assert problem in error.problem
    where = f"{tmp_path / 'plan.yaml'}" + (f":{line}" if line is not None else "")
    assert str(error).startswith(where + ":")
    assert (f"field '{field}'" in str(error)) == (field is not None)
    assert "\n" not in str(error)


def test_the_message_reads_as_one_line_naming_file_line_and_field(tmp_path: Path) -> None:
    error = mistake(tmp_path, MISTAKES[0][1])
    assert str(error) == (
        f"{tmp_path / 'plan.yaml'}:5: field 'sessions[2].type' is 'tempo', "
        "not a session type (easy, recovery, long, workout, race, rest)"
    )


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    assert "the file is empty" in mistake(tmp_path, "  \n\n").problem


def test_a_file_over_one_mebibyte_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    text = WEEK + "sessions:\n" + "  - {date: 2026-12-07, type: easy, minutes: 30}\n" * 25_000
    assert len(text) > 1024 * 1024
    started = time.perf_counter()
    error = mistake(tmp_path, text)
    assert "larger than 1 MiB" in error.problem
    assert time.perf_counter() - started < 1.0


def test_an_alias_bomb_is_refused_without_expanding(tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        lines.append(f"{level}: &{level} [{','.join(['*' + previous] * 9)}]")
    started = time.perf_counter()
    error = mistake(tmp_path, "\n".join(lines) + "\n")
    assert (error.line, error.problem) == (2, "YAML aliases (*name) are not allowed in a plan file")
    assert time.perf_counter() - started < 1.0


def test_a_python_tag_is_refused_and_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    text = WEEK + f"sessions: !!python/object/apply:os.system ['touch {marker}']\n"
    error = mistake(tmp_path, text)
    assert (
        error.line == 2
        and "YAML tag 'tag:yaml.org,2002:python/object/apply:os.system'" in error.problem
    )
    assert not marker.exists()


def test_a_custom_tag_on_a_value_is_refused(tmp_path: Path) -> None:
    text = WEEK + "sessions:\n  - {date: 2026-12-07, type: !include easy.yaml, minutes: 30}\n"
    error = mistake(tmp_path, text)
    assert (error.line, error.field) == (3, "sessions[0].type")
    assert "YAML tag '!include'" in error.problem


def test_absurd_nesting_is_a_plan_error_not_a_crash(tmp_path: Path) -> None:
    error = mistake(tmp_path, "sessions: " + "[" * 50_000 + "]" * 50_000 + "\n")
    assert error.problem == "YAML nested too deeply for a plan file"


def test_bytes_that_are_not_utf8_name_their_line(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes(WEEK.encode() + b"sessions: []\n# caf\xe9\n")
    with pytest.raises(PlanError) as caught:
        read_plan(path, athlete=Athlete())
    assert caught.value.line == 3 and "not UTF-8" in caught.value.problem


# --- properties --------------------------------------------------------------------------

Written = tuple[dt.date, str, int, float]
SESSION = st.tuples(
    st.integers(0, 6).map(lambda d: dt.date(2026, 12, 7) + dt.timedelta(days=d)),
    st.sampled_from(["easy", "recovery", "long", "workout", "race"]),
    st.integers(1, 300),
    st.floats(0.1, 100, allow_nan=False).map(lambda x: round(x, 2)),
)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sessions=st.lists(SESSION, max_size=10), units=st.sampled_from(["mi", "km"]))
def test_any_valid_week_written_as_yaml_reads_back(
    tmp_path: Path, sessions: list[Written], units: str
) -> None:
    rows = [{"date": d, "type": t, "minutes": m, "distance": x} for d, t, m, x in sessions]
    document = {"athlete": {"units": units}, "week_start": dt.date(2026, 12, 7), "sessions": rows}
    plan = read(tmp_path, yaml.safe_dump(document))
    metres = MILE_M if units == "mi" else 1000.0
    expected = sorted(sessions, key=lambda session: session[0])
    assert [(s.date, s.type, s.minutes) for s in plan.sessions] == [
        (day, kind, minutes) for day, kind, minutes, _ in expected
    ]
    for read_back, (*_, distance) in zip(plan.sessions, expected, strict=True):
        assert read_back.distance_m == pytest.approx(distance * metres)


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=st.text(
        alphabet=st.sampled_from(list("abdeimnrstwy_0123456789-:.,[]{}&*!?'\"#|> \n\t")),
        max_size=200,
    )
)
def test_any_text_gives_a_plan_or_a_plan_error(tmp_path: Path, text: str) -> None:
    try:
        read(tmp_path, WEEK + "sessions:\n" + text)
    except PlanError as error:
        assert "\n" not in str(error)


def test_the_files_own_week_start_wins_over_the_one_asked_for(tmp_path: Path) -> None:
    text = WEEK + "sessions:\n  - {date: 2026-12-08, type: easy, minutes: 30}\n"
    assert read(tmp_path, text, week_start=dt.date(2026, 12, 14)).week_start == dt.date(2026, 12, 7)
