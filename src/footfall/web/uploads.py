"""Files sent through the browser or the API, imported by the same pipeline as
``footfall import`` (:func:`footfall.importer.pipeline.import_paths`): same formats,
same size limits, same one-line errors, duplicates reported as such.

Each upload is written to a temporary folder of its own under its own (cleaned) name,
so two uploads of the same name never meet and a Strava or Apple Health zip keeps its
name; the report and the store name each file as the runner uploaded it
(``run.fit``, ``export.zip!activities/2.gpx``), not by the temporary folder.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from footfall.importer.pipeline import import_paths
from footfall.importer.report import ImportReport, Problem
from footfall.store.database import Store

GiB = 1024**3
#: The largest upload taken: an Apple Health export zip of several years fits.
MAX_UPLOAD_BYTES = 4 * GiB
CHUNK_BYTES = 1 << 20
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._ -]+")
LONGEST_NAME = 120
UPLOAD_FOLDER_PREFIX = "footfall-upload-"


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
        prefix = re.compile(re.escape(str(root)) + r"/\d+/")

        def as_uploaded(path: str) -> str:
            """``run.fit``, ``export.zip!a.gpx``: the name it was uploaded under."""
            return prefix.sub("", path)

        report = import_paths(store, saved, shown=as_uploaded) if saved else ImportReport()
    report.errors.extend(refused)
    return report


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
