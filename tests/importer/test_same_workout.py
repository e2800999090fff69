"""One workout recorded twice (a watch's FIT and the GPX exported from it) is stored
once, and the recording with more detail is the one kept."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import select

from footfall.demo.build import demo_tracks
from footfall.demo.runner import demo_schedule
from footfall.demo.tracks import recorded_points
from footfall.demo.write_fit import fit_bytes
from footfall.demo.write_gpx import gpx_bytes
from footfall.demo.write_tcx import tcx_bytes
from footfall.importer.pipeline import import_paths
from footfall.importer.same_workout import overlaps
from footfall.store.database import Store, open_store
from footfall.store.models import ActivityRow, SourceFile
from tests_support import DEMO_END


@pytest.fixture
def one_run_twice(tmp_path: Path) -> tuple[Path, Path]:
    """The demo runner's first easy run as a 1 Hz FIT and as a sparser GPX."""
    plan = next(p for p in demo_schedule(DEMO_END) if p.kind == "easy")
    (track,) = demo_tracks([plan])
    fit, gpx = tmp_path / "run.fit", tmp_path / "run.gpx"
    fit.write_bytes(fit_bytes(track))
    gpx.write_bytes(gpx_bytes(track, recorded_points(len(track), np.random.default_rng(3))))
    return fit, gpx


def stored(store: Store) -> list[tuple[str, int]]:
    with store.session() as session:
        rows = session.execute(select(SourceFile.path, ActivityRow.samples).join(ActivityRow))
        return [(Path(path).name, samples) for path, samples in rows]


def test_the_poorer_recording_imported_second_is_a_duplicate(
    tmp_path: Path, one_run_twice: tuple[Path, Path]
) -> None:
    fit, gpx = one_run_twice
    store = open_store(str(tmp_path / "db.sqlite"))
    import_paths(store, [fit])
    second = import_paths(store, [gpx])
    assert second.imported == [] and second.duplicates == [str(gpx)]
    assert [name for name, _ in stored(store)] == ["run.fit"]


def test_a_richer_recording_imported_second_replaces_the_first(
    tmp_path: Path, one_run_twice: tuple[Path, Path]
) -> None:
    fit, gpx = one_run_twice
    store = open_store(str(tmp_path / "db.sqlite"))
    first = import_paths(store, [gpx])
    second = import_paths(store, [fit])
    assert len(first.imported) == len(second.imported) == 1
    assert str(gpx) in second.duplicates
    assert "more detail" in second.warnings[0].error
    ((name, samples),) = stored(store)
    assert name == "run.fit" and samples > first.imported[0].samples


def test_both_in_one_import_store_one(tmp_path: Path, one_run_twice: tuple[Path, Path]) -> None:
    fit, _ = one_run_twice
    store = open_store(str(tmp_path / "db.sqlite"))
    report = import_paths(store, [fit.parent])
    assert len(report.imported) == 1
    assert [name for name, _ in stored(store)] == ["run.fit"]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ((0, 3600), (30, 3630), True),  # the same hour, clocks 30 s apart
        ((0, 3600), (1800, 5400), False),  # half overlapping: two sessions
        ((0, 600), (100, 500), True),  # a strap's file inside the watch's
        ((0, 0), (45, 45), True),  # two logged workouts without a length
        ((0, 0), (300, 300), False),
        ((0, 600), (0, 1_750_000), False),  # a clock that jumped: a 20-day "run" of 10 min
        ((0, 3600), (0, 1500), False),  # a third of an hour is not the hour
    ],
)
def test_what_counts_as_one_workout(
    a: tuple[float, float], b: tuple[float, float], same: bool
) -> None:
    assert overlaps(*a, *b) is same


@pytest.mark.parametrize("tcx_first", [True, False])
def test_of_two_recordings_alike_the_same_one_is_kept_whichever_came_first(
    tmp_path: Path, tcx_first: bool
) -> None:
    """As many samples in a GPX and a TCX: the TCX (the richer format) is kept."""
    plan = next(p for p in demo_schedule(DEMO_END) if p.kind == "easy")
    (track,) = demo_tracks([plan])
    points = recorded_points(len(track), np.random.default_rng(3))
    gpx, tcx = tmp_path / "run.gpx", tmp_path / "run.tcx"
    gpx.write_bytes(gpx_bytes(track, points))
    tcx.write_bytes(tcx_bytes(track, points))
    store = open_store(str(tmp_path / "db.sqlite"))
    for path in [tcx, gpx] if tcx_first else [gpx, tcx]:
        import_paths(store, [path])
    ((name, samples),) = stored(store)
    assert (name, samples) == ("run.tcx", len(points))
