"""``footfall demo`` runs the whole path on the sample runner, in a folder of its own."""

from __future__ import annotations

from pathlib import Path

from cli_runner import assert_no_traceback, footfall


def test_demo_json_is_one_document_with_the_six_weeks(tmp_path: Path) -> None:
    db = tmp_path / "named.sqlite"
    run = footfall("demo", "--json", "--out", tmp_path / "demo", db=db)
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
    # FOOTFALL_DB named the database: the demo runner is in it for the next command
    again = footfall("week", "--start", week["start"], "--json", db=db).json()
    assert again["totals"] == week["totals"]


def test_demo_refuses_a_database_holding_someone_elses_files(
    tmp_path: Path, demo_folder: Path
) -> None:
    db = tmp_path / "mine.sqlite"
    fit = next(p for p in sorted(demo_folder.iterdir()) if p.suffix == ".fit")
    assert footfall("import", fit, db=db).code == 0
    run = footfall("demo", "--out", tmp_path / "demo", db=db)
    assert run.code == 2 and "holds your own activities" in run.stderr


def test_demo_keeps_its_files_where_asked(tmp_path: Path) -> None:
    run = footfall("demo", "--out", tmp_path / "demo")
    assert run.code == 0, run.stderr
    assert (tmp_path / "demo" / "demo.sqlite").exists()
    kinds = {p.suffix for p in (tmp_path / "demo" / "files").iterdir()}
    assert {".fit", ".gpx", ".tcx", ".csv"} <= kinds
    assert "week of" in run.stdout and "imported" in run.stdout
