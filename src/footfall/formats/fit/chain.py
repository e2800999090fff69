"""The parts of a FIT file (several FIT files may be chained back to back), each
scanned and checked, with what went wrong in each.

What is kept when a part is damaged:

- file CRC wrong and the messages fill the data exactly: the bytes were changed;
  the part is dropped (ChecksumError) and the next part is read.
- the file ends before the data the header announces: the complete messages are
  kept (TruncatedFile) and there is nothing after.
- the last message runs past the announced data and the CRC does not match
  (fitparse__nick.fit): the writer never finished the file; complete messages kept
  (TruncatedFile).
- a data message uses a local type never defined, or a definition is malformed:
  with a wrong CRC the damage explains it and the part is dropped (ChecksumError);
  otherwise (a writer bug, or no CRC to check) the messages before it are kept
  (DecodeError).
- a header that is not a FIT header, or fails its own CRC: nothing more is read.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from footfall.errors import ChecksumError, DecodeError, TruncatedFile, UnknownFormat
from footfall.formats.fit.crc import crc16
from footfall.formats.fit.header import VALID_SIZES, Broken, Header, read_header
from footfall.formats.fit.scan import Scan, scan


@dataclass(slots=True)
class Part:
    """One FIT file of the chain: its header, its messages (None when dropped) and
    the problem met in it, if any."""

    number: int
    header: Header | None
    found: Scan | None
    problem: Broken | None = None


def read_parts(buf: bytes) -> Iterator[Part]:
    """Each part in turn; the iteration stops where the next part cannot be found."""
    if not buf:
        yield Part(1, None, None, Broken(DecodeError, "the file is empty"))
        return
    start, number = 0, 1
    while start < len(buf):
        if number > 1 and not any(buf[start:]):
            return  # zero padding after the last part
        try:
            header = read_header(buf, start)
        except Broken as broken:
            yield Part(number, None, None, _after_last(buf, start, number, broken))
            return
        part = _read_part(buf, header, number)
        yield part
        if part.header is None or header.crc_end > len(buf) or _stopped_for_good(part):
            return
        start, number = header.crc_end, number + 1


def _after_last(buf: bytes, start: int, number: int, broken: Broken) -> Broken:
    """Bytes after a part that are no FIT header: trailing junk, not a new part. Fewer
    than a header's 12 bytes cannot be a damaged part either: nothing is lost."""
    if number == 1 or broken.kind is not UnknownFormat:
        return broken
    left = len(buf) - start
    return Broken(
        DecodeError,
        f"{left} bytes after the FIT data are not a FIT file; ignored",
        harmless=left < min(VALID_SIZES),
    )


def _stopped_for_good(part: Part) -> bool:
    """After a truncated part nothing follows that could be found."""
    return part.problem is not None and part.problem.kind is TruncatedFile


def _read_part(buf: bytes, header: Header, number: int) -> Part:
    limit = min(header.data_end, len(buf))
    found = scan(buf, header.data_start, limit)
    has_crc = header.crc_end <= len(buf)
    crc_ok = has_crc and crc16(memoryview(buf)[header.start : header.crc_end]) == 0
    if found.stop is not None:
        if has_crc and not crc_ok:
            return Part(number, header, None, _damaged())
        return Part(number, header, found, found.stop)
    if found.overrun or found.end < header.data_end:
        if not has_crc or header.data_end > len(buf):
            return Part(number, header, found, _truncated(buf, header))
        return Part(number, header, found, _unfinished(crc_ok))
    if not has_crc:
        return Part(number, header, found, _no_crc())
    if not crc_ok:
        return Part(number, header, None, _damaged())
    return Part(number, header, found)


def _damaged() -> Broken:
    return Broken(ChecksumError, "the FIT data fails its checksum (the file is damaged)")


def _truncated(buf: bytes, header: Header) -> Broken:
    missing = header.crc_end - len(buf)
    return Broken(TruncatedFile, f"the file is cut off {missing} bytes before its end")


def _unfinished(crc_ok: bool) -> Broken:
    if crc_ok:
        return Broken(DecodeError, "its last message runs past the data size its header gives")
    return Broken(
        TruncatedFile,
        "the file was not finished: its last message is cut off and it has no valid checksum",
    )


def _no_crc() -> Broken:
    return Broken(TruncatedFile, "the file ends before its checksum, so it could not be checked")
