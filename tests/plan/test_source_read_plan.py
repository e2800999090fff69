"""``read_plan``: one call for every plan file, choosing the reader by content, then by
extension; and the refusals every plan file shares (missing, empty, huge, not text)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from footfall.errors import PlanError
from footfall.plan.sources import MAX_PLAN_BYTES, plan_kind, read_plan
from footfall.settings import Athlete

YAML_PLAN = "week_start: 2026-12-07\nsessions:\n  - {date: 2026-12-08, type: easy, minutes: 30}\n"
CSV_PLAN = "date,type,minutes,distance\n2026-12-08,easy,30,\n"
ICS_PLAN = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:1\r\n"
    "SUMMARY:Easy run 30 min\r\nDTSTART;VALUE=DATE:20261208\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


@pytest.mark.parametrize(
    ("name", "text", "kind"),
    [
        ("plan.yaml", YAML_PLAN, "yaml"),
        ("plan.yml", YAML_PLAN, "yaml"),
        ("plan", YAML_PLAN, "yaml"),
        ("week.csv", CSV_PLAN, "csv"),
        ("week.txt", CSV_PLAN, "csv"),
        ("runs.ics", ICS_PLAN, "ics"),
        ("calendar-export", ICS_PLAN, "ics"),
        (
            "runs.txt",
            "\n  " + ICS_PLAN.lower().replace("begin:vcalendar", "BEGIN:VCALENDAR"),
            "ics",
        ),
    ],
)
def test_every_kind_of_plan_file_gives_the_same_week(
    tmp_path: Path, name: str, text: str, kind: str
) -> None:
    path = write(tmp_path, name, text)
    assert plan_kind(path, text) == kind
    plan = read_plan(path, athlete=Athlete(), week_start=dt.date(2026, 12, 7))
    assert plan.week_start == dt.date(2026, 12, 7)
    assert [(s.date, s.type, s.minutes) for s in plan.sessions] == [
        (dt.date(2026, 12, 8), "easy", 30.0)
    ]
    assert plan.source == str(path)


def test_the_extension_decides_when_the_content_does_not(tmp_path: Path) -> None:
    assert plan_kind(Path("x.ics"), "hello") == "ics"
    assert plan_kind(Path("x.CSV"), "# a comment\ndate,type\n") == "csv"
    assert plan_kind(Path("x.yaml"), "sessions: []") == "yaml"


def test_a_calendar_name_on_a_file_that_is_not_one_says_so(tmp_path: Path) -> None:
    with pytest.raises(PlanError) as caught:
        read_plan(write(tmp_path, "runs.ics", "these are my runs\n"), athlete=Athlete())
    assert "is not a readable calendar" in caught.value.problem


def test_a_missing_file_is_a_plan_error(tmp_path: Path) -> None:
    with pytest.raises(PlanError) as caught:
        read_plan(tmp_path / "nope.yaml", athlete=Athlete())
    assert str(caught.value) == f"{tmp_path / 'nope.yaml'}: no such file"


def test_a_folder_is_not_a_plan_file(tmp_path: Path) -> None:
    with pytest.raises(PlanError) as caught:
        read_plan(tmp_path, athlete=Athlete())
    assert caught.value.problem == "is a folder, not a plan file"


@pytest.mark.parametrize("name", ["plan.yaml", "week.csv", "runs.ics"])
def test_files_over_the_size_limit_are_refused_whatever_their_kind(
    tmp_path: Path, name: str
) -> None:
    path = tmp_path / name
    path.write_bytes(b"#" * (MAX_PLAN_BYTES + 1))
    with pytest.raises(PlanError) as caught:
        read_plan(path, athlete=Athlete())
    assert caught.value.problem == "is larger than 1 MiB: a plan file is a few dozen lines"


def test_a_file_at_the_size_limit_is_read(tmp_path: Path) -> None:
    padding = "#" * (MAX_PLAN_BYTES - len(YAML_PLAN) - 1) + "\n"
    path = write(tmp_path, "plan.yaml", padding + YAML_PLAN)
    assert path.stat().st_size == MAX_PLAN_BYTES
    assert len(read_plan(path, athlete=Athlete()).sessions) == 1


@pytest.mark.parametrize(
    ("content", "line", "problem"),
    [
        (b"", None, "the file is empty: a plan needs its sessions"),
        (b"\n \n\t\n", None, "the file is empty: a plan needs its sessions"),
        (b"date,type\n2026-12-08,ea\xffsy\n", 2, "is not UTF-8 text (save it as UTF-8)"),
        (b"date,type\n2026-12-08,easy\x00\n", 2, "holds a NUL byte: this is not a text file"),
    ],
)
def test_files_that_are_not_text_are_refused_with_their_line(
    tmp_path: Path, content: bytes, line: int | None, problem: str
) -> None:
    path = tmp_path / "week.csv"
    path.write_bytes(content)
    with pytest.raises(PlanError) as caught:
        read_plan(path, athlete=Athlete())
    assert (caught.value.line, caught.value.problem) == (line, problem)


def test_a_byte_order_mark_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + YAML_PLAN.encode())
    assert read_plan(path, athlete=Athlete()).week_start == dt.date(2026, 12, 7)
