"""Uploads are saved under a clean name of their own and reported by that name; one
over the limit is refused without stopping the others."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from footfall.importer.report import Imported, ImportReport, Problem
from footfall.store.database import open_store
from footfall.store.read import list_activities
from footfall.web.display import source_path
from footfall.web.uploads import Upload, as_uploaded, clean_name, import_uploads, uploaded_name


@pytest.mark.parametrize(
    ("given", "kept"),
    [("run.fit", "run.fit"), ("C:\\Users\\me\\run.gpx.gz", "run.gpx.gz"),
     ("../../etc/passwd", "passwd"), ("..", "upload"), ("", "upload"),
     ("morning run (1).fit", "morning run _1_.fit"), ("x" * 300 + ".fit", "x" * 116 + ".fit")],
)  # fmt: skip
def test_an_uploads_name_is_cleaned_to_a_plain_file_name(given: str, kept: str) -> None:
    assert clean_name(given) == kept


def test_the_report_names_files_as_uploaded(tmp_path: Path) -> None:
    root = tmp_path / "scratch"
    report = ImportReport(
        imported=[Imported(1, f"{root}/0/run.fit", "run", "2026-03-01T06:00:00Z", 10, 5000.0)],
        duplicates=[f"{root}/1/export.zip!activities/2.gpx"],
        errors=[Problem(f"{root}/12/bad.tcx", "the file is cut off")],
    )
    shown = as_uploaded(report, root)
    assert shown.imported[0].path == "run.fit" and shown.imported[0].distance_m == 5000.0
    assert shown.duplicates == ["export.zip!activities/2.gpx"]
    assert shown.errors == [Problem("bad.tcx", "the file is cut off")]


def test_an_upload_over_the_limit_is_refused_and_the_others_imported(
    tmp_path: Path, demo_folder: Path
) -> None:
    fit = sorted(p for p in demo_folder.iterdir() if p.suffix == ".fit")[0]
    data = fit.read_bytes()
    store = open_store(str(tmp_path / "db.sqlite"))
    try:
        uploads = [Upload("huge.fit", io.BytesIO(data + b"\0")), Upload(fit.name, io.BytesIO(data))]
        report = import_uploads(store, uploads, most_bytes=len(data))
    finally:
        store.close()
    assert [i.path for i in report.imported] == [fit.name]
    assert report.errors[0].path == "huge.fit" and "too big to upload" in report.errors[0].error


def test_an_uploads_stored_path_reads_as_uploaded(tmp_path: Path, demo_folder: Path) -> None:
    fit = sorted(p for p in demo_folder.iterdir() if p.suffix == ".fit")[0]
    store = open_store(str(tmp_path / "db.sqlite"))
    try:
        import_uploads(store, [Upload("morning.fit", io.BytesIO(fit.read_bytes()))])
        (stored,) = list_activities(store)
    finally:
        store.close()
    assert uploaded_name(stored.path) == "morning.fit"
    assert source_path(stored.path) == "uploaded morning.fit"
    assert source_path(str(fit)) == str(fit) and uploaded_name(str(fit)) is None
