"""Daily steps CSV: every test writes its own small file in tmp_path."""

from __future__ import annotations

import datetime as dt
import gzip
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from footfall.errors import DecodeError, NotAnActivity
from footfall.formats import csv_steps
from footfall.formats.sniff import CSV_STEPS, sniff
from footfall.formats.source import file_source


def write(tmp_path: Path, text: str, name: str = "steps.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def decode_text(tmp_path: Path, text: str) -> dict[dt.date, int]:
    decoded = csv_steps.decode(file_source(write(tmp_path, text)))
    return {day.date: day.steps for day in decoded.day_steps}


def problem_of(tmp_path: Path, text: str) -> str:
    with pytest.raises(DecodeError) as caught:
        csv_steps.decode(file_source(write(tmp_path, text)))
    return str(caught.value)


def test_it_reads_one_step_total_per_day_in_date_order(tmp_path: Path) -> None:
    decoded = csv_steps.decode(
        file_source(write(tmp_path, "date,steps\n2024-03-03,9120\n2024-03-02,10421\n"))
    )
    assert [(d.date, d.steps, d.source) for d in decoded.day_steps] == [
        (dt.date(2024, 3, 2), 10421, "csv"),
        (dt.date(2024, 3, 3), 9120, "csv"),
    ]
    assert decoded.activities == []
    assert decoded.format == "csv_steps"


def test_it_tolerates_header_case_spaces_a_bom_and_extra_columns(tmp_path: Path) -> None:
    text = "\ufeff Note , Steps ,DATE\nrainy, 7000 , 2024-01-05 \r\n\r\nsunny,12000,2024-01-06\r\n"
    assert decode_text(tmp_path, text) == {dt.date(2024, 1, 5): 7000, dt.date(2024, 1, 6): 12000}


def test_the_file_is_sniffed_as_a_steps_csv(tmp_path: Path) -> None:
    path = write(tmp_path, "Date, Steps\n2024-01-05,7000\n")
    assert sniff(path.read_bytes()) == CSV_STEPS


def test_it_reads_a_gzipped_csv(tmp_path: Path) -> None:
    path = tmp_path / "steps.csv.gz"
    path.write_bytes(gzip.compress(b"date,steps\n2024-02-29,15000\n"))
    decoded = csv_steps.decode(file_source(path))
    assert [(d.date, d.steps) for d in decoded.day_steps] == [(dt.date(2024, 2, 29), 15000)]


def test_it_names_the_file_and_line_of_steps_that_are_not_a_whole_number(
    tmp_path: Path,
) -> None:
    rows = "".join(f"2024-03-0{day},{8000 + day}\n" for day in range(1, 6))
    message = problem_of(tmp_path, f"date,steps\n{rows}2024-03-06,abc\n")
    assert message == f"{tmp_path / 'steps.csv'}: line 7: steps 'abc' is not a whole number"


def test_it_refuses_fractional_steps(tmp_path: Path) -> None:
    assert "line 2: steps '812.5' is not a whole number" in problem_of(
        tmp_path, "date,steps\n2024-03-01,812.5\n"
    )


def test_it_refuses_negative_steps(tmp_path: Path) -> None:
    assert "line 3: steps -40 is negative" in problem_of(
        tmp_path, "date,steps\n2024-03-01,10\n2024-03-02,-40\n"
    )


def test_it_refuses_an_absurd_daily_total(tmp_path: Path) -> None:
    assert "more than anyone walks in a day" in problem_of(
        tmp_path, "date,steps\n2024-03-01,4500000\n"
    )


@pytest.mark.parametrize("bad_date", ["03/01/2024", "2024-02-30", "2024-3-1", "yesterday"])
def test_it_refuses_dates_that_are_not_iso_calendar_dates(tmp_path: Path, bad_date: str) -> None:
    message = problem_of(tmp_path, f"date,steps\n{bad_date},5000\n")
    assert f"line 2: date '{bad_date}' is not a calendar date (YYYY-MM-DD)" in message


def test_it_counts_a_day_repeated_with_the_same_total_once(tmp_path: Path) -> None:
    text = "date,steps\n2024-03-01,6000\n2024-03-02,7000\n2024-03-01,6000\n"
    assert decode_text(tmp_path, text) == {dt.date(2024, 3, 1): 6000, dt.date(2024, 3, 2): 7000}


def test_it_refuses_a_day_repeated_with_a_different_total_naming_both_lines(
    tmp_path: Path,
) -> None:
    message = problem_of(
        tmp_path, "date,steps\n2024-03-01,6000\n2024-03-02,7000\n2024-03-01,6500\n"
    )
    assert "line 4: 2024-03-01 appears again with 6500 steps (line 2 says 6000)" in message


def test_it_reports_an_empty_file(tmp_path: Path) -> None:
    assert "the file is empty" in problem_of(tmp_path, "")


def test_a_header_without_days_is_not_an_activity_file(tmp_path: Path) -> None:
    with pytest.raises(NotAnActivity, match="no days"):
        csv_steps.decode(file_source(write(tmp_path, "date,steps\n\n")))


def test_it_reports_a_header_without_a_steps_column(tmp_path: Path) -> None:
    message = problem_of(tmp_path, "date,distance\n2024-03-01,5.2\n")
    assert "line 1: the header needs 'date' and 'steps' columns, found 'date,distance'" in message


def test_it_reports_a_row_with_too_few_cells(tmp_path: Path) -> None:
    assert "line 3: expected a date and a steps value, found 1 cell(s)" in problem_of(
        tmp_path, "date,steps\n2024-03-01,10\n2024-03-02\n"
    )


def test_line_numbers_count_physical_lines_after_a_quoted_newline(tmp_path: Path) -> None:
    text = 'date,steps,note\n2024-03-01,10,"two\nlines"\n2024-03-02,x,\n'
    assert "line 4: steps 'x' is not a whole number" in problem_of(tmp_path, text)


def test_it_reports_text_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "steps.csv"
    path.write_bytes(b"date,steps\n2024-03-01,10\n\xff\xfe,12\n")
    with pytest.raises(DecodeError, match="not UTF-8 text"):
        csv_steps.decode(file_source(path))


@settings(max_examples=40, deadline=None)
@given(
    days=st.dictionaries(
        st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31)),
        st.integers(0, csv_steps.MAX_DAILY_STEPS),
        max_size=30,
    )
)
def test_written_days_read_back_unchanged(
    tmp_path_factory: pytest.TempPathFactory, days: dict[dt.date, int]
) -> None:
    folder = tmp_path_factory.mktemp("roundtrip")
    rows = "".join(f"{day.isoformat()},{steps}\n" for day, steps in days.items())
    if not days:
        with pytest.raises(NotAnActivity):
            csv_steps.decode(file_source(write(folder, "date,steps\n" + rows)))
        return
    assert decode_text(folder, "date,steps\n" + rows) == days
