"""Zip archives turned into the sources inside them (unzipped Strava export folders:
:func:`footfall.formats.strava_index.expand_folder`).

Two layouts are recognised, in this order:

- a **Strava bulk export** (``activities.csv`` at the top or under one top folder):
  one source per file its index names, gzipped members inflated on the fly, each with
  the row's name and sport as :class:`Hints`; a listed file the export lacks is one
  problem, and the rest are kept;
- **any other zip**: every member whose bytes sniff as a format footfall reads (a
  ``.gz`` member inflated first); none at all is one problem. An **Apple Health
  export** is recognised by content, whatever its (translated) name: one source whose
  ``resolve`` finds ``workout-routes/*.gpx`` beside it, and those routes, ECGs and
  ``export_cda.xml`` are not sources of their own.

A member whose path leaves the archive (``../``, absolute, a drive) or that is a
symbolic link is :class:`UnsafeInput`, whatever it holds. A member footfall opens is
refused when it declares a size past the limit or packs tighter than any real activity
file (a zip bomb), and reported when password-protected. Members are streamed and held
to the size limit; only the zip's directory is kept in memory.

A zip inside the zip is not opened (:class:`NotAnActivity`): real exports never nest
archives, and not recursing closes the door on zip quines and nested bombs.
"""

from __future__ import annotations

import gzip
import io
import os
import posixpath
import stat
import threading
import zipfile
import zlib
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO, TypeVar, cast

from footfall.errors import DecodeError, FileProblem, NotAnActivity, UnknownFormat, UnsafeInput
from footfall.formats import strava_index
from footfall.formats.apple_health import looks_like_health_export
from footfall.formats.sniff import APPLE_HEALTH, CSV_STEPS, FIT, GPX, TCX, sniff
from footfall.formats.source import (
    GZIP_MAGIC,
    MAX_ACTIVITY_BYTES,
    MAX_HEALTH_EXPORT_BYTES,
    MiB,
    Source,
    gunzipped,
)

#: Declared inflated size / packed size above which a member is refused. The most
#: tightly packed real activity file in the corpus is a TCX at 42:1; deflate bombs
#: sit near its ceiling of about 1030:1.
MAX_PACKING_RATIO = 200
#: Members smaller than this are never refused for their packing ratio.
RATIO_FLOOR_BYTES = MiB
ZIP_MAGIC = b"PK\x03\x04"
_SNIFF_BYTES = 4096
_NOTHING_INSIDE = (
    "no activity files inside (looked for FIT, GPX, TCX, Apple Health export.xml "
    "and date,steps CSV)"
)
_READABLE_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}
_ACTIVITY_FORMATS = {FIT, GPX, TCX, APPLE_HEALTH, CSV_STEPS}
Expanded = list[Source | FileProblem]
_T = TypeVar("_T")
#: What reading a damaged member can raise (zipfile and its codecs are not tidy).
#: zipfile raises NotImplementedError for zip features it does not read: "strong
#: encryption (flag bit 6)", "compressed patched data (flag bit 5)", and compression
#: methods beyond the ones checked up front.
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError)
_UNREADABLE = (*_ZIP_ERRORS, OSError, ValueError, RuntimeError)


def expand_zip(path: Path, *, limit: int = MAX_ACTIVITY_BYTES) -> Expanded:
    """The sources inside a zip, and one problem per member that cannot be used.

    Never raises for bad input: a zip that cannot be read at all is one
    :class:`DecodeError` naming it. ``limit`` is the most an activity may inflate to.
    """
    try:
        with _open_archive(path) as archive:
            refused, safe = _checked_members(path, archive)
            found = _expand_members(path, archive, safe, limit)
    except FileProblem as problem:
        return [problem]
    # A member refused above is not reported again as missing from a Strava index.
    reported = {problem.path for problem in refused}
    expanded = [*refused, *(item for item in found if getattr(item, "path", "") not in reported)]
    return expanded or [UnknownFormat(path, _NOTHING_INSIDE)]


def _checked_members(
    path: Path, archive: zipfile.ZipFile
) -> tuple[list[FileProblem], dict[str, zipfile.ZipInfo]]:
    """(the members refused for their name or kind, the other files by name)."""
    refused: list[FileProblem] = []
    safe: dict[str, zipfile.ZipInfo] = {}
    for info in archive.infolist():
        problem = _unsafe_member(path, info)
        if problem is not None:
            refused.append(problem)
        elif not info.is_dir():
            safe[info.filename] = info
    return refused, safe


def _expand_members(
    path: Path, archive: zipfile.ZipFile, safe: dict[str, zipfile.ZipInfo], limit: int
) -> Expanded:
    index = _strava_index_member(safe)
    if index is not None and strava_index.looks_like_index(_read_head(path, archive, index, 64)):
        return _strava_export(path, archive, safe, index, limit)
    return _any_zip(path, archive, safe, limit)


# --- opening the archive and its members ----------------------------------------------


def _open_archive(path: Path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise DecodeError(path, f"not a readable zip archive ({exc})") from exc
    except OSError as exc:
        raise DecodeError(path, f"cannot be read ({exc.strerror or exc})") from exc
    except (ValueError, NotImplementedError, EOFError) as exc:
        # NotImplementedError: an entry needs a newer zip version than zipfile reads
        raise DecodeError(path, f"a broken zip archive ({exc})") from exc


def member_display(path: Path, name: str) -> str:
    return f"{path}!{name}"


class _OpenArchives:
    """The last few zips read, kept open so a member opens without parsing the central
    directory again (a 5,000-activity export would otherwise re-read it 5,000 times).
    Only the directory is held; keyed by process (forked workers must not share a file
    offset) and by size and mtime (a zip replaced on disk is opened afresh)."""

    def __init__(self, size: int = 2) -> None:
        self._size = size
        self._open: OrderedDict[tuple[int, str, int, int], zipfile.ZipFile] = OrderedDict()
        self._lock = threading.Lock()

    def open_member(self, path: Path, name: str) -> zipfile.ZipExtFile:
        facts = path.stat()
        key = (os.getpid(), str(path), facts.st_size, facts.st_mtime_ns)
        with self._lock:
            archive = self._open.pop(key, None) or _open_archive(path)
            self._open[key] = archive
            while len(self._open) > self._size:
                # Closing leaves members already open readable: zipfile counts them.
                self._open.popitem(last=False)[1].close()
            return cast(zipfile.ZipExtFile, archive.open(name))


_ARCHIVES = _OpenArchives()


class ZipMemberReader(io.RawIOBase):
    """One member's inflated bytes; zip and inflate errors become a
    :class:`DecodeError` naming the member."""

    def __init__(self, path: Path, name: str) -> None:
        self._display = member_display(path, name)
        self._member = self._guard(lambda: _ARCHIVES.open_member(path, name))

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        return self._guard(lambda: self._member.readinto(buffer))

    def close(self) -> None:
        if not self.closed:
            self._member.close()
        super().close()

    def _guard(self, action: Callable[[], _T]) -> _T:
        try:
            return action()
        except (KeyError, *_UNREADABLE) as exc:
            raise DecodeError(self._display, f"is damaged inside the zip ({exc})") from exc


def member_source(path: Path, info: zipfile.ZipInfo, head: bytes, limit: int) -> Source:
    """A source for one member; a gzip (by its first bytes) is inflated on the fly."""
    name = info.filename

    def opener() -> BinaryIO:
        return cast(BinaryIO, ZipMemberReader(path, name))

    source = Source(member_display(path, name), opener, limit)
    return gunzipped(source) if head.startswith(GZIP_MAGIC) else source


def _read_head(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, n: int) -> bytes:
    """The first ``n`` bytes of a member; a damaged one is a DecodeError naming it."""
    try:
        with archive.open(info) as stream:
            return stream.read(n)
    except _UNREADABLE as exc:
        raise _damaged(path, info, exc) from exc


def _inflated_head(
    path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo
) -> tuple[bytes, bytes]:
    """(raw head, content head): the second is inflated when the member is a gzip."""
    raw = _read_head(path, archive, info, _SNIFF_BYTES)
    if not raw.startswith(GZIP_MAGIC):
        return raw, raw
    try:
        with archive.open(info) as stream, gzip.GzipFile(fileobj=stream, mode="rb") as inner:
            return raw, inner.read(_SNIFF_BYTES)
    except _UNREADABLE as exc:
        raise _damaged(path, info, exc) from exc


def _damaged(path: Path, info: zipfile.ZipInfo, exc: BaseException) -> FileProblem:
    return DecodeError(member_display(path, info.filename), f"is damaged inside the zip ({exc})")


# --- checks made before a member is opened ---------------------------------------------
# Names and links are checked for every member; the rest only for members footfall would
# open, so a large video in a Strava export's media/ folder is no problem.


def _unsafe_member(path: Path, info: zipfile.ZipInfo) -> FileProblem | None:
    display = member_display(path, info.filename)
    if _leaves_archive(info.filename):
        return UnsafeInput(display, "its path leaves the archive's folder; refused")
    if stat.S_ISLNK(info.external_attr >> 16):
        return UnsafeInput(display, "is a symbolic link; refused")
    return None


def _locked_member(path: Path, info: zipfile.ZipInfo) -> FileProblem | None:
    display = member_display(path, info.filename)
    if info.flag_bits & 0x1:
        return DecodeError(display, "is password-protected; unzip it yourself, then import it")
    if info.compress_type not in _READABLE_METHODS:
        return DecodeError(
            display,
            f"uses a zip compression method footfall cannot read (method {info.compress_type})",
        )
    return None


def _size_problem(path: Path, info: zipfile.ZipInfo, limit: int) -> FileProblem | None:
    display = member_display(path, info.filename)
    if info.file_size > limit:
        return UnsafeInput(display, f"inflates past the {limit / MiB:g} MiB limit; refused")
    ratio = info.file_size / max(info.compress_size, 1)
    if info.file_size >= RATIO_FLOOR_BYTES and ratio > MAX_PACKING_RATIO:
        return UnsafeInput(
            display,
            f"inflates {ratio:.0f} times its packed size, like a zip bomb "
            f"(real activity files stay under {MAX_PACKING_RATIO}:1); refused",
        )
    return None


def _leaves_archive(name: str) -> bool:
    cleaned = name.replace("\\", "/")
    if cleaned.startswith("/") or (len(cleaned) > 1 and cleaned[1] == ":"):
        return True
    return ".." in cleaned.split("/")


def _strava_index_member(safe: dict[str, zipfile.ZipInfo]) -> zipfile.ZipInfo | None:
    """activities.csv at the top, else directly under one top folder."""
    names = [n for n in safe if posixpath.basename(n) == strava_index.INDEX_NAME]
    names = sorted((n for n in names if n.count("/") <= 1 and "__MACOSX" not in n), key=len)
    return safe[names[0]] if names else None


# --- the three layouts ------------------------------------------------------------------


def _strava_export(
    path: Path,
    archive: zipfile.ZipFile,
    safe: dict[str, zipfile.ZipInfo],
    index: zipfile.ZipInfo,
    limit: int,
) -> Expanded:
    root = posixpath.dirname(index.filename)

    def find(relative: str, entry: strava_index.StravaEntry) -> Source | FileProblem:
        name = posixpath.join(root, relative)
        info = safe.get(name)
        if info is None:
            display = member_display(path, name)
            if _leaves_archive(name):
                return UnsafeInput(display, strava_index.OUTSIDE_EXPORT)
            return strava_index.missing_file(display, entry.line)
        try:
            return _activity_member(path, archive, info, limit)
        except FileProblem as problem:
            return problem

    return strava_index.sources_for(_read_strava_index(path, index), find)


def _activity_member(
    path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int
) -> Source:
    """A member to import, once its checks pass (else the problem is raised)."""
    problem = _locked_member(path, info) or _size_problem(path, info, limit)
    if problem is not None:
        raise problem
    return member_source(path, info, _read_head(path, archive, info, 2), limit)


def _read_strava_index(path: Path, index: zipfile.ZipInfo) -> list[strava_index.StravaEntry]:
    display = member_display(path, index.filename)

    def opener() -> BinaryIO:
        return cast(BinaryIO, ZipMemberReader(path, index.filename))

    with Source(display, opener, strava_index.MAX_INDEX_BYTES).open() as stream:
        return strava_index.read_index(stream, display)


def _health_export(path: Path, safe: dict[str, zipfile.ZipInfo], export: zipfile.ZipInfo) -> Source:
    if problem := _size_problem(path, export, MAX_HEALTH_EXPORT_BYTES):
        raise problem
    root = posixpath.dirname(export.filename)
    source = member_source(path, export, b"", MAX_HEALTH_EXPORT_BYTES)
    return replace(source, resolve=_route_finder(path, safe, root))


def _route_finder(
    path: Path, safe: dict[str, zipfile.ZipInfo], root: str
) -> Callable[[str], Source | None]:
    """Resolve ``/workout-routes/x.gpx`` (relative to the export's folder) in the zip."""

    def find(relative: str) -> Source | None:
        cleaned = relative.replace("\\", "/").lstrip("/")
        if not cleaned or _leaves_archive(cleaned):
            return None
        info = safe.get(posixpath.join(root, cleaned) if root else cleaned)
        if info is None:
            return None
        return member_source(path, info, b"", MAX_ACTIVITY_BYTES)

    return find


def _any_zip(
    path: Path, archive: zipfile.ZipFile, safe: dict[str, zipfile.ZipInfo], limit: int
) -> Expanded:
    found: Expanded = []
    heads: dict[str, bytes] = {}
    for info in _visible_members(safe):
        try:
            if problem := _locked_member(path, info):
                raise problem
            heads[info.filename] = _inflated_head(path, archive, info)[1]
        except FileProblem as problem:
            found.append(problem)
    exports = {name for name, head in heads.items() if looks_like_health_export(head)}
    # An Apple Health export's route files are read through it, not on their own.
    routes = tuple(
        posixpath.join(posixpath.dirname(name), "workout-routes", "") for name in exports
    )
    for name, head in heads.items():
        if routes and name.startswith(routes) and name not in exports:
            continue
        try:
            if name in exports:
                found.append(_health_export(path, safe, safe[name]))
            elif head.startswith(ZIP_MAGIC):
                found.append(_nested_zip(path, name))
            elif sniff(head) in _ACTIVITY_FORMATS:
                found.append(_activity_member(path, archive, safe[name], limit))
        except FileProblem as problem:
            found.append(problem)
    return found


def _visible_members(safe: dict[str, zipfile.ZipInfo]) -> Iterator[zipfile.ZipInfo]:
    """Members worth sniffing: not macOS resource forks (``__MACOSX/``, ``._name``)."""
    for name, info in safe.items():
        if name.startswith("__MACOSX/") or posixpath.basename(name).startswith("._"):
            continue
        yield info


def _nested_zip(path: Path, name: str) -> FileProblem:
    return NotAnActivity(
        member_display(path, name),
        "a zip inside a zip is not opened; unzip it and import its files",
    )
