"""Files sent through the browser or the API, imported by the same pipeline as
``footfall import`` (:func:`footfall.importer.pipeline.import_paths`): same formats,
same size limits, same one-line errors, duplicates reported as such.

Each upload is written to a temporary folder of its own under its own (cleaned) name,
so two uploads of the same name never meet and a Strava or Apple Health zip keeps its
name; the report names each file as the runner uploaded it, not by the folder.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TypeVar

from footfall.importer.pipeline import import_paths
from footfall.importer.report import Imported, ImportReport, Problem, Skipped, StepDays
from footfall.store.database import Store

GiB = 1024**3
#: The largest upload taken: an Apple Health export zip of several years fits.
MAX_UPLOAD_BYTES = 4 * GiB
CHUNK_BYTES = 1 << 20
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._ -]+")
LONGEST_NAME = 120
Item = TypeVar("Item", Imported, Problem, Skipped, StepDays)
UPLOAD_FOLDER_PREFIX = "footfall-upload-"
#: Where an uploaded file was imported from: the store keeps that path.
_UPLOADED_PATH = re.compile(
    re.escape(str(Path(tempfile.gettempdir()) / UPLOAD_FOLDER_PREFIX)) + r"[^/]+/\d+/"
)


@dataclass(frozen=True, slots=True)
class Upload:
    """One uploaded file: the name the runner's machine gave it, and its bytes."""

    name: str
    stream: BinaryIO


def import_uploads(
    store: Store, uploads: Sequence[Upload], *, most_bytes: int = MAX_UPLOAD_BYTES
) -> ImportReport:
    """Save ``uploads`` to a temporary folder, import them, and report on each by its
    uploaded name (an upload over ``most_bytes`` is refused, the others imported)."""
    refused: list[Problem] = []
    with tempfile.TemporaryDirectory(prefix=UPLOAD_FOLDER_PREFIX) as scratch:
        root = Path(scratch)
        saved = []
        for number, upload in enumerate(uploads):
            path = save_upload(root / str(number), upload, most_bytes)
            if path is None:
                refused.append(Problem(clean_name(upload.name), _too_big(most_bytes)))
            else:
                saved.append(path)
        report = import_paths(store, saved) if saved else ImportReport()
    report.errors.extend(refused)
    return as_uploaded(report, root)


def clean_name(name: str) -> str:
    """The file name alone (no folders), without characters a file system may refuse."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = _UNSAFE_NAME.sub("_", base).strip(" .")
    return cleaned[-LONGEST_NAME:] or "upload"


def save_upload(folder: Path, upload: Upload, most_bytes: int) -> Path | None:
    """Copy the upload into ``folder``; None (and nothing kept) when it is too big."""
    folder.mkdir()
    path = folder / clean_name(upload.name)
    copied = 0
    with path.open("wb") as out:
        while chunk := upload.stream.read(CHUNK_BYTES):
            copied += len(chunk)
            if copied > most_bytes:
                break
            out.write(chunk)
    if copied > most_bytes:
        shutil.rmtree(folder)
        return None
    return path


def _too_big(most_bytes: int) -> str:
    size = f"{most_bytes / GiB:g} GiB"
    return f"is larger than {size}: too big to upload (import it with footfall import)"


def as_uploaded(report: ImportReport, root: Path) -> ImportReport:
    """``report`` with every path named as uploaded (``run.fit``, ``export.zip!a.gpx``)
    instead of by the temporary folder it was imported from."""
    prefix = re.compile(re.escape(str(root)) + r"/\d+/")

    def shown(path: str) -> str:
        return prefix.sub("", path)

    return ImportReport(
        imported=_renamed(report.imported, shown),
        duplicates=[shown(path) for path in report.duplicates],
        errors=_renamed(report.errors, shown),
        skipped=_renamed(report.skipped, shown),
        day_steps=_renamed(report.day_steps, shown),
        warnings=_renamed(report.warnings, shown),
    )


def uploaded_name(path: str) -> str | None:
    """The uploaded file's name when ``path`` is where an upload was imported from (the
    path the store keeps for it), else None."""
    match = _UPLOADED_PATH.match(path)
    return path[match.end() :] if match else None


def _renamed(items: list[Item], shown: Callable[[str], str]) -> list[Item]:
    return [dataclasses.replace(item, path=shown(item.path)) for item in items]
