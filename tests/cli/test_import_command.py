"""``footfall import`` as a program: the JSON contract, exit codes, one-line errors."""

from __future__ import annotations

import gzip
import re
import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest

from cli_runner import assert_no_traceback, can_be_denied_a_read, footfall
from hostile import write_hostile_folder

IMPORT_KEYS = {"id", "path", "sport", "start", "samples", "distance_m"}
ACTIVITY_KEYS = {
    "id", "start", "sport", "source_sport", "duration_s", "moving_s", "distance_m", "steps",
    "steps_source", "run_s", "walk_s", "brisk_walk_s", "impact_bw_steps",
}  # fmt: skip


def first(folder: Path, suffix: str) -> Path:
    return next(p for p in sorted(folder.iterdir()) if p.name.endswith(suffix))


def test_import_json_is_the_spec_shape_and_nothing_else(demo_folder: Path, tmp_path: Path) -> None:
    run = footfall("import", "--json", demo_folder, db=tmp_path / "db.sqlite")
    assert run.code == 0, run.stderr
    document = run.json()
    assert {"imported", "duplicates", "errors"} <= set(document)
    assert document["errors"] == [] and document["duplicates"] == []
    activity_files = [p for p in demo_folder.iterdir() if not p.name.endswith(".csv")]
    assert len(document["imported"]) == len(activity_files)
    for item in document["imported"]:
        assert set(item) >= IMPORT_KEYS
        assert item["start"].endswith("Z")
        assert item["samples"] > 0 and item["distance_m"] > 0


def test_reimport_reports_duplicates_and_exit_zero(demo_folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite"
    footfall("import", demo_folder, db=db)
    again = footfall("import", "--json", demo_folder, db=db)
    assert again.code == 0
    assert again.json()["imported"] == []
    assert len(again.json()["duplicates"]) == len(list(demo_folder.iterdir()))


def test_activities_json_lists_every_spec_field(demo_folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite"
    footfall("import", first(demo_folder, ".fit"), first(demo_folder, ".tcx"), db=db)
    run = footfall("activities", "--json", db=db)
    assert run.code == 0
    rows = run.json()
    assert len(rows) == 2
    for row in rows:
        assert set(row) >= ACTIVITY_KEYS


def test_the_db_option_works_before_and_after_the_command(
    demo_folder: Path, tmp_path: Path
) -> None:
    before, after = tmp_path / "before.sqlite", tmp_path / "after.sqlite"
    fit = first(demo_folder, ".fit")
    assert footfall("--db", before, "import", fit).code == 0
    assert footfall("import", "--db", after, fit).code == 0
    assert len(footfall("activities", "--json", "--db", before).json()) == 1
    assert len(footfall("--db", after, "activities", "--json").json()) == 1


def test_every_hostile_file_is_one_line_and_the_good_ones_are_kept(
    demo_folder: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "mixed"
    good_fit, good_gpx = first(demo_folder, ".fit"), first(demo_folder, ".gpx")
    expected = write_hostile_folder(folder, good_fit.read_bytes(), good_gpx.read_bytes())
    shutil.copy(good_gpx, folder / good_gpx.name)
    shutil.copy(first(demo_folder, ".tcx"), folder / "good.tcx")
    run = footfall("import", "--json", folder, db=tmp_path / "db.sqlite")
    assert_no_traceback(run)
    assert run.code == 1
    document = run.json()
    errors = {e["path"].removeprefix(str(folder) + "/"): e["error"] for e in document["errors"]}
    assert set(errors) == set(expected), errors
    for name, word in expected.items():
        assert word.lower() in errors[name].lower(), (name, errors[name])
    lines = [line for line in run.stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == len(expected)
    imported = sorted(Path(i["path"].split("!")[-1]).name for i in document["imported"])
    assert imported == sorted(["1.fit", good_gpx.name, "good.tcx"])
    assert "root:" not in run.stdout + run.stderr  # nothing of /etc/passwd leaks


def test_a_file_named_wrongly_is_read_by_its_content(demo_folder: Path, tmp_path: Path) -> None:
    # Strava's exports name FIT files .bin.gz; footfall goes by the bytes, not the name.
    renamed = tmp_path / "really-a-gpx.fit"
    renamed.write_bytes(first(demo_folder, ".gpx").read_bytes())
    run = footfall("import", "--json", renamed, db=tmp_path / "db.sqlite")
    assert run.code == 0
    assert run.json()["imported"][0]["sport"] in {"run", "walk"}


def test_usage_mistakes_exit_two(tmp_path: Path) -> None:
    assert footfall("import", db=tmp_path / "db.sqlite").code == 2
    assert footfall("import", "--no-such-option", "x", db=tmp_path / "db.sqlite").code == 2
    assert footfall("no-such-command").code == 2


def test_an_unopenable_database_is_one_line(tmp_path: Path, demo_folder: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    run = footfall("import", first(demo_folder, ".fit"), "--db", blocker / "x" / "db.sqlite")
    assert_no_traceback(run)
    assert run.code == 1
    assert run.stderr.strip().count("\n") == 0
    assert "cannot open the database" in run.stderr


def test_a_file_that_is_not_a_database_is_one_line_naming_it(tmp_path: Path) -> None:
    notes = tmp_path / "notes.sqlite"
    notes.write_text("shopping: eggs, milk\n")
    run = footfall("activities", "--json", "--db", notes)
    assert (run.code, run.stdout) == (1, "")
    assert (
        run.stderr.strip()
        == f"error: cannot open the database sqlite:///{notes}: file is not a database"
    )
    assert notes.read_text() == "shopping: eggs, milk\n"


def test_another_programs_database_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE activities (id INTEGER, what TEXT)")
    run = footfall("activities", "--db", other)
    assert run.code == 1
    assert run.stderr.strip() == (
        f"error: sqlite:///{other} is not a footfall database (it holds other tables: "
        "activities); give footfall a file of its own"
    )
    with sqlite3.connect(other) as connection:
        tables = connection.execute("SELECT name FROM sqlite_master").fetchall()
    assert tables == [("activities",)]


@pytest.mark.skipif(not can_be_denied_a_read(), reason="root without setpriv writes every file")
def test_a_read_only_database_is_one_line_and_stays_as_it_was(
    demo_folder: Path, tmp_path: Path
) -> None:
    db = tmp_path / "db.sqlite"
    footfall("import", first(demo_folder, "easy.fit"), db=db)
    before = footfall("activities", "--json", db=db).json()
    db.chmod(0o444)
    try:
        run = footfall("import", first(demo_folder, "walk.gpx"), db=db, honour_permissions=True)
    finally:
        db.chmod(0o644)
    assert_no_traceback(run)
    assert run.code == 1
    assert (
        f"cannot write to the database sqlite:///{db}: attempt to write a readonly database"
        in run.stderr
    )
    assert footfall("activities", "--json", db=db).json() == before


STRAVA_INDEX = (
    "Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance,Filename\n"
    '1,"Oct 19, 2026, 1:19:00 PM",Lunch loop with Sam,Walk,2400,3.1,activities/1.gpx.gz\n'
    '2,"Oct 20, 2026, 1:27:00 PM",Tuesday hills,Hike,3000,8.0,activities/2.fit.gz\n'
)


def test_a_strava_export_names_and_labels_each_activity_from_its_index(
    demo_folder: Path, tmp_path: Path
) -> None:
    """activities.csv is the runner's own word on name and type: it wins over the file's."""
    export = tmp_path / "export_42.zip"
    with zipfile.ZipFile(export, "w") as archive:
        archive.writestr("activities.csv", STRAVA_INDEX)
        archive.writestr(
            "activities/1.gpx.gz", gzip.compress(first(demo_folder, "walk.gpx").read_bytes())
        )
        archive.writestr(
            "activities/2.fit.gz", gzip.compress(first(demo_folder, "workout.fit").read_bytes())
        )
    db = tmp_path / "db.sqlite"
    assert footfall("import", export, db=db).code == 0
    listed = {
        row["path"].rsplit("!", 1)[-1]: (row["name"], row["source_sport"])
        for row in footfall("activities", "--json", db=db).json()
    }
    assert listed == {
        "activities/1.gpx.gz": ("Lunch loop with Sam", "walk"),
        "activities/2.fit.gz": ("Tuesday hills", "hike"),
    }


def test_days_footfall_cannot_count_are_one_line_each_and_cost_nothing_else(
    demo_folder: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "files"
    folder.mkdir()
    walk = first(demo_folder, "walk.gpx")
    shutil.copy(walk, folder / "good.gpx")
    text = walk.read_text()
    year = text[text.index("<time>") + 6 : text.index("<time>") + 10]
    (folder / "year-one.gpx").write_text(text.replace(f"<time>{year}-", "<time>0001-"))
    (folder / "steps.csv").write_text("date,steps\n2026-03-02,8000\n9999-12-31,5\n")
    run = footfall("import", "--json", folder, db=tmp_path / "db.sqlite")
    assert_no_traceback(run)
    assert run.code == 1
    document = run.json()
    assert [Path(item["path"]).name for item in document["imported"]] == ["good.gpx"]
    errors = {Path(e["path"]).name: e["error"] for e in document["errors"]}
    outside = "is outside the days footfall handles (1900-01-01 to 2199-12-31)"
    assert errors.pop("steps.csv") == f"line 3: date 9999-12-31 {outside}"
    assert re.fullmatch(
        rf"an activity starting 0001-\d\d-\d\d {re.escape(outside)}: left out",
        errors.pop("year-one.gpx"),
    )
    assert errors == {}


@pytest.mark.skipif(not can_be_denied_a_read(), reason="root without setpriv reads every file")
def test_unreadable_files_and_folders_are_errors_and_the_rest_is_kept(
    demo_folder: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "files"
    (folder / "locked").mkdir(parents=True)
    shutil.copy(first(demo_folder, "easy.fit"), folder / "locked" / "hidden.fit")
    shutil.copy(first(demo_folder, "walk.gpx"), folder / "good.gpx")
    steps = tmp_path / "steps.csv"
    steps.write_text("date,steps\n2026-03-02,8000\n")
    good = first(demo_folder, "workout.fit")
    (folder / "locked").chmod(0)
    steps.chmod(0)
    try:
        run = footfall(
            "import", "--json", good, steps, folder, db=tmp_path / "db.sqlite",
            honour_permissions=True,
        )  # fmt: skip
    finally:
        (folder / "locked").chmod(0o755)
        steps.chmod(0o644)
    assert_no_traceback(run)
    assert run.code == 1
    document = run.json()
    imported = sorted(Path(i["path"]).name for i in document["imported"])
    assert imported == sorted(["good.gpx", good.name])
    assert {e["path"]: e["error"] for e in document["errors"]} == {
        str(steps): "cannot be read (Permission denied)",
        str(folder / "locked"): "cannot be read (Permission denied)",
    }


def test_gz_files_in_a_folder_are_read_by_content_when_their_name_says_no_format(
    demo_folder: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "files"
    folder.mkdir()
    fit = first(demo_folder, "easy.fit").read_bytes()
    (folder / "123.bin.gz").write_bytes(gzip.compress(fit))
    (folder / "124.gz").write_bytes(gzip.compress(first(demo_folder, "walk.gpx").read_bytes()))
    (folder / "backup.tar.gz").write_bytes(gzip.compress(b"not read: a tar names its format"))
    run = footfall("import", "--json", folder, db=tmp_path / "db.sqlite")
    assert run.code == 0, run.stderr
    assert sorted(Path(i["path"]).name for i in run.json()["imported"]) == ["123.bin.gz", "124.gz"]
