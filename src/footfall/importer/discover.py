"""Stage 1: turn the paths a user gave into the sources to import.

A file is one source (a ``.gz`` is inflated on the fly); a zip is the sources inside it
(a Strava bulk export, an Apple Health export, or any zip of activity files); a folder
is walked. Inside a folder only files with a name footfall reads are taken (and
``.gz`` files whose name says no format); a file named on the command line is always
tried. A folder that cannot be opened is a problem of the import, not a silent gap.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from footfall.errors import FileProblem
from footfall.formats import archive, strava_index
from footfall.formats.source import Source, file_source, plain_head

READABLE_SUFFIXES = {".fit", ".gpx", ".tcx", ".xml", ".csv", ".zip"}
#: Inner suffixes of ``.gz`` files that name no format: read by their content.
GZ_WITHOUT_A_FORMAT = {"", ".bin"}
ZIP_MAGIC = b"PK"
APPLE_EXPORT = "export.xml"
APPLE_SIDE_FILES = {"export_cda.xml"}
APPLE_ROUTES = "workout-routes"


def discover(paths: list[Path]) -> Iterator[Source | FileProblem]:
    """Every source under ``paths`` in a stable order, or the problem that stops one."""
    for path in paths:
        if path.is_dir():
            yield from _folder(path)
        elif path.is_file():
            yield from _file(path)
        elif path.exists():
            yield FileProblem(path, "not a file or a folder (a device, a pipe or a socket)")
        else:
            yield FileProblem(path, "no such file or folder")


def _file(path: Path) -> Iterator[Source | FileProblem]:
    try:
        if plain_head(lambda: path.open("rb")) == ZIP_MAGIC:
            yield from archive.expand_zip(path)
            return
        source = file_source(path)
    except OSError as exc:
        yield FileProblem(path, f"cannot be read ({exc.strerror or exc})")
        return
    yield source


def _folder(folder: Path) -> Iterator[Source | FileProblem]:
    """Walk a folder in name order; an unzipped Strava export inside it is read through
    its activities.csv (the files it lists, with their names and types)."""
    unreadable: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=unreadable.append):
        yield from _problems(unreadable)
        here = Path(root)
        if _is_strava_export(here):
            dirs[:] = []
            yield from strava_index.expand_folder(here)
            continue
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = here / name
            if not name.startswith(".") and _name_readable(path) and not _is_apple_side_file(path):
                yield from _file(path)
    yield from _problems(unreadable)


def _problems(errors: list[OSError]) -> Iterator[FileProblem]:
    """The folders a walk could not open, each once, as problems of the import."""
    while errors:
        error = errors.pop(0)
        why = error.strerror or str(error)
        yield FileProblem(Path(error.filename or "?"), f"cannot be read ({why})")


def _is_strava_export(folder: Path) -> bool:
    index = folder / strava_index.INDEX_NAME
    try:
        return index.is_file() and strava_index.looks_like_index(file_source(index).head(64))
    except (OSError, FileProblem):
        return False


def _name_readable(path: Path) -> bool:
    """A name footfall reads; a ``.gz`` also when its inner name says nothing of what it
    holds (``123.gz``, Strava's ``123.bin.gz``): its content decides."""
    name = path.name.lower()
    if not name.endswith(".gz"):
        return Path(name).suffix in READABLE_SUFFIXES
    inner = Path(name[:-3]).suffix
    return inner in READABLE_SUFFIXES or inner in GZ_WITHOUT_A_FORMAT


def _is_apple_side_file(path: Path) -> bool:
    """Apple Health's export_cda.xml, and the route GPX files export.xml refers to."""
    if path.name in APPLE_SIDE_FILES:
        return True
    return path.parent.name == APPLE_ROUTES and (path.parent.parent / APPLE_EXPORT).exists()
