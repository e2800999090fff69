"""Real processes: an import killed half way leaves whole files only and a second run
finishes the job; two imports of the same folder at once store everything once."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from footfall.demo.build import write_demo
from tests_support import DEMO_END


def start_import(folder: Path, db: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "footfall", "import", "--json", str(folder), "--db", str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "NO_COLOR": "1"},
    )


def counts(db: Path) -> tuple[int, int, int]:
    """(activities, streams, activities whose stream is missing)."""
    with sqlite3.connect(db, timeout=60) as connection:
        activities = connection.execute("select count(*) from activity").fetchone()[0]
        streams = connection.execute("select count(*) from activity_stream").fetchone()[0]
        orphans = connection.execute(
            "select count(*) from activity a left join activity_stream s"
            " on s.activity_id = a.id where s.activity_id is null"
        ).fetchone()[0]
    return activities, streams, orphans


def stored_activities(db: Path) -> int:
    try:
        return counts(db)[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def test_an_import_killed_half_way_is_finished_by_the_next(
    tmp_path: Path, demo_folder: Path
) -> None:
    folder = tmp_path / "two-runners"
    write_demo(folder / "a", end=DEMO_END)
    write_demo(folder / "b", end=DEMO_END.replace(year=DEMO_END.year - 1))
    expected = sum(1 for p in folder.rglob("*") if p.is_file() and p.suffix != ".csv")
    db = tmp_path / "killed.sqlite"
    process = start_import(folder, db)
    deadline = time.monotonic() + 120
    while stored_activities(db) < 5 and time.monotonic() < deadline:
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait()
    activities, streams, orphans = counts(db)
    assert 5 <= activities < expected, "the kill must land half way"
    assert activities == streams and orphans == 0
    finish = subprocess.run(
        [sys.executable, "-m", "footfall", "import", str(folder), "--db", str(db)],
        capture_output=True,
        check=False,
    )
    assert finish.returncode == 0, finish.stderr
    assert counts(db) == (expected, expected, 0)


def test_two_imports_of_one_folder_at_once_store_everything_once(
    tmp_path: Path, demo_folder: Path
) -> None:
    db = tmp_path / "race.sqlite"
    expected = sum(1 for p in demo_folder.iterdir() if p.suffix != ".csv")
    first, second = start_import(demo_folder, db), start_import(demo_folder, db)
    outputs = [first.communicate(timeout=300), second.communicate(timeout=300)]
    assert first.returncode == 0, outputs[0][1]
    assert second.returncode == 0, outputs[1][1]
    assert counts(db) == (expected, expected, 0)
    with sqlite3.connect(db) as connection:
        steps_days = connection.execute("select count(*) from day_steps").fetchone()[0]
    assert steps_days == 42
