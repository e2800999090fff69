"""``footfall demo`` runs the whole path on the sample runner, in a folder of its own."""

from __future__ import annotations

from pathlib import Path

from cli_runner import assert_no_traceback, footfall


def test_demo_json_is_one_document_with_the_six_weeks(tmp_path: Path) -> None:
    run = footfall("demo", "--json", "--out", tmp_path / "demo", db=tmp_path / "untouched.sqlite")
    assert_no_traceback(run)
    assert run.code == 0, run.stderr
    document = run.json()
    assert document["import"]["errors"] == []
    imported = document["import"]["imported"]
    assert len(imported) > 40
    assert {a["sport"] for a in imported} == {"run", "walk", "run_walk"}
    week = document["week"]
    assert len(week["days"]) == 7
    assert week["totals"]["run_min"] > 0 and week["totals"]["walk_min"] > 0
    plan = document["plan"]
    roles = {s["role"] for day in plan["days"] for s in day["sessions"]}
    assert {"main", "finisher", "second", "swap"} <= roles
    assert plan["start"] > week["start"]
    assert not (tmp_path / "untouched.sqlite").exists(), "the demo never uses the user's db"


def test_demo_keeps_its_files_where_asked(tmp_path: Path) -> None:
    run = footfall("demo", "--out", tmp_path / "demo")
    assert run.code == 0, run.stderr
    assert (tmp_path / "demo" / "demo.sqlite").exists()
    kinds = {p.suffix for p in (tmp_path / "demo" / "files").iterdir()}
    assert {".fit", ".gpx", ".tcx", ".csv"} <= kinds
    assert "week of" in run.stdout and "imported" in run.stdout
