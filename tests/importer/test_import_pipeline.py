"""The import as a whole: everything lands once, whatever is thrown at it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from footfall.importer.measure import usual_zone
from footfall.importer.pipeline import import_paths
from footfall.store.database import Store, open_store
from footfall.store.models import ActivityDayRow, ActivityRow, DayStepsRow, SourceFile, StreamRow
from footfall.store.read import list_activities


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return open_store(str(tmp_path / "store.sqlite"))


def count(store: Store, model: type) -> int:
    with store.session() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_the_demo_runner_imports_whole_and_complete(store: Store, demo_folder: Path) -> None:
    files = sorted(p for p in demo_folder.iterdir() if p.suffix != ".csv")
    report = import_paths(store, [demo_folder])
    assert report.errors == []
    assert len(report.imported) == len(files)
    assert {i.sport for i in report.imported} == {"run", "walk", "run_walk"}
    assert count(store, StreamRow) == count(store, ActivityRow) == len(files)
    assert count(store, DayStepsRow) == 42
    (steps_file,) = report.day_steps
    assert steps_file.days == 42


def test_importing_the_same_files_again_adds_nothing(store: Store, demo_folder: Path) -> None:
    first = import_paths(store, [demo_folder])
    again = import_paths(store, [demo_folder])
    assert again.imported == []
    assert len(again.duplicates) == len(first.imported) + len(first.day_steps)
    assert count(store, ActivityRow) == len(first.imported)


def test_the_same_activity_in_another_file_is_a_duplicate(
    store: Store, demo_folder: Path, tmp_path: Path
) -> None:
    fit = next(p for p in sorted(demo_folder.iterdir()) if p.suffix == ".fit")
    import_paths(store, [fit])
    copy = tmp_path / "copy.fit"
    copy.write_bytes(fit.read_bytes() + b"")  # same bytes: a hash duplicate
    renamed = import_paths(store, [copy])
    assert renamed.duplicates == [str(copy)]
    assert count(store, ActivityRow) == 1


def test_a_broken_file_costs_only_itself(store: Store, demo_folder: Path, tmp_path: Path) -> None:
    mixed = tmp_path / "mixed"
    mixed.mkdir()
    good = [p for p in sorted(demo_folder.iterdir()) if p.suffix in {".fit", ".gpx", ".tcx"}][:3]
    for path in good:
        shutil.copy(path, mixed / path.name)
    (mixed / "broken.fit").write_bytes(good[0].read_bytes()[:200])
    (mixed / "empty.gpx").write_bytes(b"")
    report = import_paths(store, [mixed])
    assert len(report.imported) == 3
    assert sorted(Path(e.path).name for e in report.errors) == ["broken.fit", "empty.gpx"]
    assert report.exit_code == 1
    assert count(store, ActivityRow) == 3


def test_a_missing_path_is_an_error_and_the_rest_import(
    store: Store, demo_folder: Path, tmp_path: Path
) -> None:
    fit = next(p for p in sorted(demo_folder.iterdir()) if p.suffix == ".fit")
    pipe = tmp_path / "a-pipe.fit"
    os.mkfifo(pipe)
    report = import_paths(store, [tmp_path / "nope.fit", pipe, fit])
    assert [e.error for e in report.errors] == [
        "no such file or folder",
        "not a file or a folder (a device, a pipe or a socket)",
    ]
    assert len(report.imported) == 1


def test_listed_activities_carry_what_the_files_said(store: Store, demo_folder: Path) -> None:
    import_paths(store, [demo_folder])
    rows = list_activities(store)
    assert [r.start for r in rows] == sorted(r.start for r in rows)
    assert all(r.start.utcoffset() is not None for r in rows)
    treadmill = [r for r in rows if r.source_sport == "walking/treadmill"]
    assert treadmill and all(not r.has_position for r in treadmill)
    assert all(r.distance_m and r.distance_m > 0 for r in rows)
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(SourceFile)) == len(rows) + 1


def test_the_usual_zone_is_where_most_activities_started(store: Store, demo_folder: Path) -> None:
    import_paths(store, [demo_folder])
    with store.session() as session:
        assert usual_zone(session) == "America/Los_Angeles"


def measures(store: Store) -> list[tuple[object, ...]]:
    """Every activity's measures and every day's share, keyed by what the file says."""
    activities = sorted(
        (a.start, a.sport, a.steps, a.steps_source, a.run_s, a.walk_s, a.brisk_walk_s,
         round(a.impact_bw_steps or 0.0, 6), a.time_zone)
        for a in list_activities(store)
    )  # fmt: skip
    with store.session() as session:
        days = sorted(
            (row.date, row.activity.start, round(row.run_steps, 6), round(row.other_steps, 6))
            for row in session.scalars(select(ActivityDayRow))
        )
    return [*activities, *days]


def test_the_measures_do_not_depend_on_the_order_or_batches_files_came_in(
    demo_folder: Path, tmp_path: Path
) -> None:
    files = sorted(p for p in demo_folder.iterdir() if p.suffix != ".csv")
    at_once = open_store(str(tmp_path / "at-once.sqlite"))
    import_paths(at_once, files)
    in_batches = open_store(str(tmp_path / "in-batches.sqlite"))
    newest_first = files[::-1]
    for batch in (newest_first[:3], newest_first[3:10], newest_first[10:]):
        import_paths(in_batches, batch)
    assert measures(in_batches) == measures(at_once)
