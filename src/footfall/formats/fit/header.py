"""The FIT file header: 12 or 14 bytes that give the size of the data that follows.

    byte 0     header size (12, or 14 with a header CRC)
    byte 1     protocol version        bytes 2-3   profile version (little-endian)
    bytes 4-7  data size (LE)          bytes 8-11  ".FIT"
    bytes 12-13  header CRC (LE; 0 means "not set")

After the data come two bytes of file CRC over header and data. Several FIT files
can follow one another in one file ("chained" files).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

from footfall.errors import ChecksumError, DecodeError, FileProblem, TruncatedFile, UnknownFormat
from footfall.formats.fit.crc import crc16

SIGNATURE = b".FIT"
VALID_SIZES = (12, 14)


class Broken(Exception):
    """A problem met inside one part of a FIT file, before the caller names the file:
    ``kind`` is the FileProblem subclass to raise or report, ``problem`` the words."""

    def __init__(self, kind: type[FileProblem], problem: str, *, harmless: bool = False) -> None:
        super().__init__(problem)
        self.kind = kind
        self.problem = problem
        #: Nothing the file holds is lost (a few stray bytes after its end): a warning.
        self.harmless = harmless


@dataclass(frozen=True, slots=True)
class Header:
    start: int
    size: int
    data_size: int
    protocol: int
    profile: int

    @property
    def data_start(self) -> int:
        return self.start + self.size

    @property
    def data_end(self) -> int:
        return self.data_start + self.data_size

    @property
    def crc_end(self) -> int:
        """Where this part ends (data plus its two CRC bytes): the next part's start."""
        return self.data_end + 2


def read_header(buf: bytes, start: int) -> Header:
    """The header at ``start``, or :class:`Broken` saying what is wrong with it."""
    left = len(buf) - start
    if left <= 0:
        raise Broken(DecodeError, "the file is empty")
    size = buf[start]
    if left < 12:
        if buf[start + 8 : start + 12] != SIGNATURE[: max(0, left - 8)] or size not in VALID_SIZES:
            raise Broken(UnknownFormat, "not a FIT file (no FIT header)")
        raise Broken(TruncatedFile, f"the file ends inside its FIT header ({left} of 12 bytes)")
    if buf[start + 8 : start + 12] != SIGNATURE:
        raise Broken(UnknownFormat, "not a FIT file (its header lacks the '.FIT' signature)")
    if size not in VALID_SIZES:
        raise Broken(DecodeError, f"the FIT header claims {size} bytes; only 12 or 14 are valid")
    if left < size:
        raise Broken(TruncatedFile, f"the file ends inside its FIT header ({left} of {size} bytes)")
    protocol, profile, data_size = struct.unpack_from("<BHI", buf, start + 1)
    if size == 14:
        _check_header_crc(buf, start)
    return Header(start, size, data_size, protocol, profile)


def _check_header_crc(buf: bytes, start: int) -> None:
    (stored,) = struct.unpack_from("<H", buf, start + 12)
    if stored and crc16(buf[start : start + 12]) != stored:
        raise Broken(ChecksumError, "the FIT header fails its checksum (the file is damaged)")
