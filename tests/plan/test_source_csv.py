"""A running week from a CSV (``date,type,minutes,distance``): the good path and one
test per mistake, naming the line and the column. Files are written in tmp_path."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from footfall.errors import PlanError
from footfall.evidence import MILE_M
from footfall.plan.model import PlanInput
from footfall.plan.sources import read_plan
from footfall.settings import Athlete

HEADER = "date,type,minutes,distance\n"


def read(
    tmp_path: Path, text: str, athlete: Athlete | None = None, week: dt.date | None = None
) -> PlanInput:
    path = tmp_path / "week.csv"
    path.write_text(text, encoding="utf-8")
    return read_plan(path, athlete=athlete or Athlete(), week_start=week)


def mistake(tmp_path: Path, text: str, week: dt.date | None = None) -> PlanError:
    with pytest.raises(PlanError) as caught:
        read(tmp_path, text, week=week)
    return caught.value


def test_it_reads_a_week_with_empty_cells_and_distances_in_the_athletes_units(
    tmp_path: Path,
) -> None:
    text = HEADER + (
        "2026-12-07,easy,30,\n"
        "2026-12-09,workout,50,\n"
        "2026-12-10,easy,,4\n"
        "2026-12-12,rest,,\n"
        "2026-12-13,long,1:15,20\n"
    )
    plan = read(tmp_path, text)
    assert plan.week_start == dt.date(2026, 12, 7)
    got = [(s.date.day, s.type, s.minutes, s.distance_m, s.line) for s in plan.sessions]
    assert got == [
        (7, "easy", 30.0, None, 2),
        (9, "workout", 50.0, None, 3),
        (10, "easy", None, pytest.approx(4 * MILE_M), 4),
        (12, "rest", None, None, 5),
        (13, "long", 75.0, pytest.approx(20 * MILE_M), 6),
    ]
    in_km = read(tmp_path, text, athlete=Athlete().set(units="km"))
    assert in_km.sessions[2].distance_m == pytest.approx(4000.0)


def test_header_case_spaces_order_a_bom_comments_and_blank_lines_are_tolerated(
    tmp_path: Path,
) -> None:
    text = "\ufeff# my week\n Type , DATE,Distance\n\n Long ,2026-12-08, 12.5\r\n,,\n"
    plan = read(tmp_path, text)
    assert [(s.date, s.type, s.distance_m) for s in plan.sessions] == [
        (dt.date(2026, 12, 8), "long", pytest.approx(12.5 * MILE_M))
    ]
    assert plan.sessions[0].line == 4


def test_a_given_week_may_start_on_any_day(tmp_path: Path) -> None:
    text = HEADER + "2026-12-06,long,100,\n2026-12-12,easy,30,\n"
    plan = read(tmp_path, text, week=dt.date(2026, 12, 6))
    assert plan.week_start == dt.date(2026, 12, 6)
    assert [s.date.day for s in plan.sessions] == [6, 12]


MISTAKES: list[tuple[str, str, int | None, str | None, str]] = [
    (
        "unknown type",
        HEADER + "2026-12-07,easy,30,\n2026-12-08,tempo,40,\n",
        3,
        "type",
        "is 'tempo', not a session type (easy, recovery, long, workout, race, rest)",
    ),
    (
        "negative distance",
        HEADER + "2026-12-07,easy,,-4\n",
        2,
        "distance",
        "must be more than 0 mi (got -4)",
    ),
    ("zero minutes", HEADER + "2026-12-07,easy,0,\n", 2, "minutes", "must be more than 0 minutes"),
    (
        "minutes that are words",
        HEADER + "2026-12-07,easy,half an hour,\n",
        2,
        "minutes",
        "must be a number of minutes (got 'half an hour')",
    ),
    (
        "neither minutes nor distance",
        HEADER + "2026-12-07,easy,30,\n2026-12-09,workout,,\n",
        3,
        "minutes",
        "gives neither minutes nor distance: a workout session needs one",
    ),
    (
        "a rest day with a distance",
        HEADER + "2026-12-07,rest,,3\n",
        2,
        "distance",
        "a rest day takes no minutes or distance",
    ),
    (
        "a date that is not a date",
        HEADER + "7 Dec,easy,30,\n",
        2,
        "date",
        "must be a date like 2026-12-07 (got '7 Dec')",
    ),
    (
        "a date that does not exist",
        HEADER + "2026-12-32,easy,30,\n",
        2,
        "date",
        "'2026-12-32' is not a date",
    ),
    (
        "a date outside the week",
        HEADER + "2026-12-07,easy,30,\n2026-12-13,long,,20\n2026-12-14,easy,30,\n",
        4,
        "date",
        "2026-12-14 is outside the week 2026-12-07 to 2026-12-13",
    ),
    (
        "an unknown column",
        "date,type,minuts\n2026-12-07,easy,30\n",
        1,
        "minuts",
        "is not a column of a plan CSV (use date,type,minutes,distance)",
    ),
    ("a missing type column", "date,minutes\n2026-12-07,30\n", 1, "type", "is a required column"),
    ("a column named twice", "date,type,date\n", 1, "date", "is a column named twice"),
    (
        "a row with too many cells",
        HEADER + "2026-12-07,easy,30,,extra\n",
        2,
        None,
        "has 5 cells but the header names 4 columns",
    ),
    ("a header and nothing else", HEADER, None, None, "lists no sessions under its header"),
]


@pytest.mark.parametrize(
    ("text", "line", "column", "problem"),
    [case[1:] for case in MISTAKES],
    ids=[case[0] for case in MISTAKES],
)
def test_each_mistake_names_the_line_and_the_column(
    tmp_path: Path, text: str, line: int | None, column: str | None, problem: str
) -> None:
    error = mistake(tmp_path, text)
    assert (error.line, error.field) == (line, column)
    assert problem in error.problem
    where = f"{tmp_path / 'week.csv'}" + (f":{line}" if line is not None else "")
    assert str(error).startswith(where + ":")
    assert "\n" not in str(error)


def test_a_row_outside_a_given_week_is_a_mistake(tmp_path: Path) -> None:
    error = mistake(tmp_path, HEADER + "2026-12-07,easy,30,\n", week=dt.date(2026, 12, 8))
    assert (error.line, error.field) == (2, "date")
    assert error.problem == "2026-12-07 is outside the week 2026-12-08 to 2026-12-14"


def test_a_quoted_cell_left_open_or_with_text_after_its_quote_is_a_plan_error(
    tmp_path: Path,
) -> None:
    open_quote = mistake(tmp_path, HEADER + '2026-12-07,"easy,30,\n')
    assert open_quote.problem == "is not a readable CSV (unexpected end of data)"
    after_quote = mistake(tmp_path, HEADER + '2026-12-07,easy,30,\n2026-12-08,"easy"x,30,\n')
    assert after_quote.line == 3
    assert after_quote.problem.startswith("is not a readable CSV (")


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=st.text(
        alphabet=st.sampled_from(list('0123456789-:,."# easylongrt\n\r\x00')), max_size=120
    )
)
def test_any_text_under_the_header_gives_a_plan_or_a_plan_error(tmp_path: Path, text: str) -> None:
    try:
        read(tmp_path, HEADER + text)
    except PlanError as error:
        assert "\n" not in str(error)
