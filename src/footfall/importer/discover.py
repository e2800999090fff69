"""Stage 1: turn the paths a user gave into the sources to import.

A file is one source (a ``.gz`` is inflated on the fly); a zip is the sources inside it
(a Strava bulk export, an Apple Health export, or any zip of activity files); a folder
is walked. Inside a folder only files with a name footfall reads are taken; a file
named on the command line is always tried.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from footfall.errors import FileProblem
from footfall.formats import archive, strava_index
from footfall.formats.source import (
    MAX_HEALTH_EXPORT_BYTES,
    Hints,
    Source,
    file_source,
    plain_head,
)

READABLE_SUFFIXES = {".fit", ".gpx", ".tcx", ".xml", ".csv", ".zip"}
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
        else:
            yield FileProblem(path, "no such file or folder")


def _file(path: Path, hints: Hints | None = None) -> Iterator[Source | FileProblem]:
    try:
        if plain_head(path.open) == ZIP_MAGIC:
            yield from archive.expand_zip(path)
            return
        limit = MAX_HEALTH_EXPORT_BYTES if path.name == APPLE_EXPORT else None
        source = file_source(path) if limit is None else file_source(path, limit=limit)
    except OSError as exc:
        yield FileProblem(path, f"cannot be read ({exc.strerror or exc})")
        return
    if hints is not None:
        source = Source(source.display, source.opener, source.limit, hints, source.resolve)
    yield source


def _folder(folder: Path) -> Iterator[Source | FileProblem]:
    strava_hints = strava_index.folder_hints(folder)
    for path in _walk(folder):
        if _is_apple_side_file(path) or _is_strava_index(path, folder, strava_hints):
            continue
        if _name_readable(path):
            yield from _file(path, strava_hints.get(path.resolve()))


def _walk(folder: Path) -> Iterator[Path]:
    """Files under ``folder``, sorted, without hidden files or folders."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def _name_readable(path: Path) -> bool:
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return Path(name).suffix in READABLE_SUFFIXES


def _is_apple_side_file(path: Path) -> bool:
    """Apple Health's export_cda.xml, and the route GPX files export.xml refers to."""
    if path.name in APPLE_SIDE_FILES:
        return True
    return path.parent.name == APPLE_ROUTES and (path.parent.parent / APPLE_EXPORT).exists()


def _is_strava_index(path: Path, folder: Path, hints: dict[Path, Hints]) -> bool:
    return bool(hints) and path.parent == folder and path.suffix.lower() == ".csv"
