"""An Apple Health export made parseable: its broken DTD blanked out, control bytes that
XML forbids dropped, streamed chunk by chunk."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import replace
from typing import BinaryIO, cast

from footfall.formats.source import Source

_CLEAN_CHUNK_BYTES = 256 * 1024
_MAX_PROLOG_BYTES = 4 * 1024 * 1024
_FORBIDDEN_CONTROLS = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])


def cleaned_export(source: Source) -> Source:
    """The export with its DTD blanked out and XML-forbidden control bytes dropped.

    iOS 16 writes a broken DTD (an unclosed ``<!ATTLIST VisionPrescription``) that no
    XML parser accepts, and some exports carry U+000B in text. The DTD declares nothing
    footfall uses; it is replaced by as many newlines as it spanned, so line numbers in
    problems still match the file. A DTD declaring entities is left for
    :mod:`footfall.formats._xml` to refuse.
    """

    def opener() -> BinaryIO:
        return cast(BinaryIO, _ExportCleaner(source.open()))

    return replace(source, opener=opener)


class _ExportCleaner(io.RawIOBase):
    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw
        self._chunks = self._cleaned_chunks()
        self._pending = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if not self._pending:
            self._pending = memoryview(next(self._chunks, b""))
        n = min(len(buffer), len(self._pending))
        buffer[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n

    def _cleaned_chunks(self) -> Iterator[bytes]:
        head = b""  # the prolog is gathered whole, up to the root element
        while b"<HealthData" not in head and len(head) < _MAX_PROLOG_BYTES:
            if not (more := self._raw.read(_CLEAN_CHUNK_BYTES)):
                break
            head += more
        chunk = _without_dtd(head)
        while chunk:
            if cleaned := chunk.translate(None, _FORBIDDEN_CONTROLS):
                yield cleaned
            chunk = self._raw.read(_CLEAN_CHUNK_BYTES)

    def close(self) -> None:
        self._raw.close()
        super().close()


def _without_dtd(head: bytes) -> bytes:
    start = head.find(b"<!DOCTYPE")
    end = head.find(b"]>", start) if start >= 0 else -1
    if end < 0 or b"<!ENTITY" in head[start:end]:
        return head
    return head[:start] + b"\n" * head.count(b"\n", start, end) + head[end + 2 :]
