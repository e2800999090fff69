"""Where a file's bytes come from: a path on disk, a gzip, a member of a zip.

A :class:`Source` opens a fresh, size-limited byte stream each time it is asked, so a
decoder can stream (Apple Health exports are gigabytes) or read everything (FIT) and
never needs to know whether the bytes were compressed or inside an archive.
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, cast

from footfall.errors import DecodeError, TruncatedFile, UnsafeInput

MiB = 1024 * 1024
#: Largest activity file footfall reads (after decompression). Real FIT/GPX/TCX files
#: are well under 50 MiB; this refuses gzip bombs long before memory is at risk.
MAX_ACTIVITY_BYTES = 512 * MiB
#: Largest Apple Health ``export.xml`` streamed (real exports reach several GiB).
MAX_HEALTH_EXPORT_BYTES = 32 * 1024 * MiB


@dataclass(frozen=True, slots=True)
class Hints:
    """What an export's index says about a file (Strava's activities.csv)."""

    name: str = ""
    sport: str = ""


@dataclass(frozen=True, slots=True)
class Source:
    """One file to decode. ``display`` is how the user knows it: a path, or
    ``export.zip!activities/123.fit.gz`` for an archive member."""

    display: str
    opener: Callable[[], BinaryIO]
    limit: int = MAX_ACTIVITY_BYTES
    hints: Hints = field(default_factory=Hints)
    #: Finds another file of the same export by its path relative to this file's folder
    #: (Apple Health's workout-routes/*.gpx); None when this source stands alone.
    resolve: Callable[[str], Source | None] | None = None

    def open(self) -> BinaryIO:
        """A fresh stream of the (decompressed) bytes that refuses to pass ``limit``."""
        return cast(BinaryIO, LimitedReader(self.opener(), self.limit, self.display))

    def read_all(self) -> bytes:
        with self.open() as stream:
            return stream.read()

    def head(self, n: int = 4096) -> bytes:
        with self.open() as stream:
            return stream.read(n)

    @property
    def suffixes(self) -> str:
        """The lower-case name ending without ``.gz``: ``.fit``, ``.tcx``, ``.xml``."""
        name = self.display.rsplit("!", 1)[-1].lower()
        if name.endswith(".gz"):
            name = name[:-3]
        return Path(name).suffix


def file_source(path: Path, *, limit: int = MAX_ACTIVITY_BYTES) -> Source:
    """A file on disk; a ``.gz`` (by magic bytes, not by name) is inflated on the fly."""
    display = str(path)

    def opener() -> BinaryIO:
        return path.open("rb")

    plain = Source(display, opener, limit, resolve=_sibling_finder(path.parent))
    if plain_head(opener) == GZIP_MAGIC:
        return gunzipped(plain)
    return plain


GZIP_MAGIC = b"\x1f\x8b"


def _sibling_finder(folder: Path) -> Callable[[str], Source | None]:
    """Resolve a relative path (a leading ``/`` is the export's root) inside ``folder``,
    refusing anything that would leave it."""
    root = folder.resolve()

    def find(relative: str) -> Source | None:
        candidate = (root / relative.lstrip("/")).resolve()
        if not candidate.is_relative_to(root) or not candidate.is_file():
            return None
        return file_source(candidate)

    return find


def plain_head(opener: Callable[[], BinaryIO]) -> bytes:
    with opener() as stream:
        return stream.read(2)


def gunzipped(inner: Source) -> Source:
    """The inflated content of a gzip source, held to the same size limit."""

    def opener() -> BinaryIO:
        return cast(BinaryIO, GzipReader(inner.opener(), inner.display))

    return Source(inner.display, opener, inner.limit, inner.hints, inner.resolve)


class GzipReader(io.RawIOBase):
    """gzip.GzipFile whose errors name the file instead of escaping as OSError."""

    def __init__(self, raw: BinaryIO, display: str) -> None:
        self._raw = raw
        self._gz = gzip.GzipFile(fileobj=raw, mode="rb")
        self._display = display

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        try:
            return self._gz.readinto(buffer)
        except EOFError as exc:
            raise TruncatedFile(self._display, "gzip stream ends early") from exc
        except (OSError, zlib.error) as exc:
            raise DecodeError(self._display, f"broken gzip data ({exc})") from exc

    def close(self) -> None:
        self._gz.close()
        self._raw.close()
        super().close()


class LimitedReader(io.RawIOBase):
    """Passes bytes through until ``limit``; one byte more raises :class:`UnsafeInput`."""

    def __init__(self, raw: BinaryIO, limit: int, display: str) -> None:
        self._raw = raw
        self._left = limit
        self._limit = limit
        self._display = display

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer)
        want = min(len(view), self._left + 1)
        got = self._raw.readinto(view[:want])  # type: ignore[attr-defined]
        if got is None:
            return 0
        if got > self._left:
            raise UnsafeInput(
                self._display, f"larger than the {self._limit // MiB} MiB limit once inflated"
            )
        self._left -= got
        return int(got)

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0:
            chunks = []
            while chunk := super().read(1024 * 1024):
                chunks.append(chunk)
            return b"".join(chunks)
        return super().read(size) or b""

    def readall(self) -> bytes:
        return self.read(-1)

    def close(self) -> None:
        self._raw.close()
        super().close()

    def __enter__(self) -> LimitedReader:
        return self
