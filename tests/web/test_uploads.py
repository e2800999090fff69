"""Uploads are saved under a clean name of their own and reported by that name; one
over the limit is refused without stopping the others."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from footfall.store.database import open_store
from footfall.store.read import list_activities
from footfall.web.uploads import Upload, clean_name, import_uploads


@pytest.mark.parametrize(
    ("given", "kept"),
    [("run.fit", "run.fit"), ("C:\\Users\\me\\run.gpx.gz", "run.gpx.gz"),
     ("../../etc/passwd", "passwd"), ("..", "upload"), ("", "upload"),
     ("morning run (1).fit", "morning run _1_.fit"), ("x" * 300 + ".fit", "x" * 116 + ".fit")],
)  # fmt: skip
def test_an_uploads_name_is_cleaned_to_a_plain_file_name(given: str, kept: str) -> None:
    assert clean_name(given) == kept


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


def test_an_upload_is_stored_and_reported_under_its_uploaded_name(
    tmp_path: Path, demo_folder: Path
) -> None:
    fit = sorted(p for p in demo_folder.iterdir() if p.suffix == ".fit")[0]
    store = open_store(str(tmp_path / "db.sqlite"))
    try:
        report = import_uploads(store, [Upload("morning.fit", io.BytesIO(fit.read_bytes()))])
        (stored,) = list_activities(store)
    finally:
        store.close()
    assert [i.path for i in report.imported] == ["morning.fit"]
    assert stored.path == "morning.fit"
