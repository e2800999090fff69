"""The whole shared corpus through the real import: every good file lands, every broken
one is one line, a second import adds nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from corpus import CORPUS, CORPUS_MISSING, CorpusFile, corpus_files, corpus_params
from footfall.importer.pipeline import import_paths
from footfall.importer.report import ImportReport
from footfall.store.database import Store, open_store
from footfall.store.models import ActivityRow, StreamRow

#: Files the manifest calls ok that keep everything they hold but say something about it.
WARNED = {
    # Apple Health export.xml outside its export: its route file is not beside it.
    "other/healthkit2sqlite__zip_contents_export.xml",
    # FR70-era watches whose clock was never set: times count from switch-on (1990).
    "fit/fitparse__compressed-speed-distance.fit",
    "fit/fitparse__antfs-dump.63.fit",
    # The same workout as another corpus file, recorded in more detail: kept instead of it.
    "fit/runalyze__Fenix-3-with-runscribe-v1-38.fit",
    "other/gc__HRM-unbucle-resync.zip",
    "tcx/tcxparser__no_hr.tcx",
    # ... as many samples, but from a richer format (TCX over GPX) ...
    "tcx/runpandas__run.tcx",
    "tcx/runpandas__stopped_example.tcx",
    # ... or with positions where the other copy has none.
    "fit/muktihari__HrmPluginTestActivity.fit",
    "fit/muktihari__WithGearChangeData.fit",
}


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Store, ImportReport]:
    if not CORPUS.exists():
        pytest.skip(CORPUS_MISSING)
    store = open_store(str(tmp_path_factory.mktemp("corpus") / "corpus.sqlite"))
    return store, import_paths(store, [CORPUS])


def outcomes(report: ImportReport, item: CorpusFile) -> dict[str, list[str]]:
    """What the report says of one corpus file (and of its members, for a zip)."""

    def mine(path: str) -> bool:
        return path == str(item.path) or path.startswith(f"{item.path}!")

    return {
        "imported": [i.path for i in report.imported if mine(i.path)],
        "duplicates": [d for d in report.duplicates if mine(d.split("#")[0])],
        "skipped": [s.reason for s in report.skipped if mine(s.path)],
        "steps": [d.path for d in report.day_steps if mine(d.path)],
        "errors": [e.error for e in report.errors if mine(e.path)],
        "warnings": [w.error for w in report.warnings if mine(w.path)],
    }


@pytest.mark.parametrize("item", corpus_params(lambda f: f.expect == "ok"))
def test_every_good_corpus_file_imports(
    imported: tuple[Store, ImportReport], item: CorpusFile
) -> None:
    said = outcomes(imported[1], item)
    assert said["errors"] == []
    assert said["imported"] or said["skipped"] or said["steps"] or said["duplicates"]
    assert bool(said["warnings"]) == (item.name in WARNED)
    if item.kind in {"activity", "archive"} and said["skipped"]:
        # the only "activities" footfall declines are courses, routes and nested zips
        declined = ("course", "route", "zip inside a zip")
        assert all(any(w in r for w in declined) for r in said["skipped"]), said


@pytest.mark.parametrize("item", corpus_params(lambda f: f.expect == "error"))
def test_every_broken_corpus_file_is_one_line_naming_it(
    imported: tuple[Store, ImportReport], item: CorpusFile
) -> None:
    said = outcomes(imported[1], item)
    assert said["errors"], said
    assert all("\n" not in e and e for e in said["errors"])


@pytest.mark.parametrize("item", corpus_params(lambda f: f.expect == "partial"))
def test_partly_broken_corpus_files_keep_their_sound_part_and_say_what_broke(
    imported: tuple[Store, ImportReport], item: CorpusFile
) -> None:
    said = outcomes(imported[1], item)
    assert said["errors"], said
    if item.path.suffix != ".gpx":  # MetadataOnly.gpx holds nothing to keep
        assert said["imported"] or said["duplicates"], said


def test_every_stored_activity_has_its_stream(imported: tuple[Store, ImportReport]) -> None:
    store, report = imported
    with store.session() as session:
        activities = session.scalar(select(func.count()).select_from(ActivityRow))
        streams = session.scalar(select(func.count()).select_from(StreamRow))
    assert activities == streams == len(report.imported)


def test_importing_the_corpus_again_adds_nothing(imported: tuple[Store, ImportReport]) -> None:
    store, first = imported
    again = import_paths(store, [CORPUS])
    assert again.imported == []
    assert again.day_steps == []
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(ActivityRow)) == len(first.imported)
    # files that failed whole fail again, and say the same
    assert {e.path for e in again.errors} <= {e.path for e in first.errors}


def test_the_corpus_manifest_is_covered() -> None:
    if not CORPUS.exists():
        pytest.skip(CORPUS_MISSING)
    listed = {f.path for f in corpus_files()}
    on_disk = {
        p for p in Path(CORPUS).rglob("*") if p.is_file() and p.suffix not in {".md", ".tsv"}
    }
    assert on_disk <= listed
