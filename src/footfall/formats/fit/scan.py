"""One tight pass over a FIT part's messages, remembering where each data message is.

Every message starts with a record header byte:

    0b01Dx_LLLL   definition of local type L (D: developer fields follow)
    0b00xx_LLLL   data message of local type L
    0b1LLT_TTTT   data message of local type LL (0-3) with a compressed timestamp:
                  T is the low five bits of its time in seconds

A definition gives the global message number, the byte order and the fields (number,
size, base type) of the data messages that use its local type until it is redefined.
The pass does no decoding: per definition it lists the positions of its data
messages. ``table.py`` then lifts every field of every message as a numpy column.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from footfall.errors import DecodeError
from footfall.formats.fit.header import Broken


@dataclass(frozen=True, slots=True)
class FieldLayout:
    """Where a field sits in a data message: byte offset after the record header,
    size in bytes and base type number (low five bits of the type byte)."""

    offset: int
    size: int
    base: int


@dataclass(slots=True, eq=False)
class Definition:
    """One definition message and the positions of the data messages that used it."""

    local: int
    global_num: int
    big_endian: bool
    size: int  # bytes after the record header, developer fields included
    fields: dict[int, FieldLayout]
    positions: list[int] = field(default_factory=list)


@dataclass(slots=True)
class Scan:
    """What the pass found in ``[start, end)``.

    ``stop`` says why it ended before the data did (None when it read everything);
    ``overrun`` is True when the last message would run past the data's end (the
    file is truncated, or was never finished); that message is not kept.
    """

    definitions: list[Definition]
    end: int
    messages: int = 0
    compressed: int = 0
    stop: Broken | None = None
    overrun: bool = False


def scan(buf: bytes, start: int, limit: int) -> Scan:
    """List the data messages between ``start`` and ``limit`` by definition."""
    sizes = [0] * 16  # bytes of a data message of each local type, header included
    appends: list[Callable[[int], None]] = [_never] * 16
    seen: dict[bytes, Definition] = {}  # by its bytes: some writers repeat every definition
    pos, compressed = start, 0
    stop: Broken | None = None
    while pos < limit:
        header = buf[pos]
        if header < 0x40:
            local = header & 0x0F
            if sizes[local]:
                appends[local](pos)
                pos += sizes[local]
                continue
        elif header >= 0x80:
            local = (header >> 5) & 0x03
            if sizes[local]:
                appends[local](pos)
                pos += sizes[local]
                compressed += 1
                continue
        else:
            try:
                found = _definition(buf, pos, limit, seen)
            except Broken as broken:
                stop = broken
                break
            if found is None:
                pos = limit + 1  # the definition runs past the data
                break
            definition, pos = found
            sizes[definition.local] = definition.size + 1
            appends[definition.local] = definition.positions.append
            continue
        stop = Broken(DecodeError, _undefined(pos, local))
        break
    definitions = list(seen.values())
    messages = sum(len(d.positions) for d in definitions)
    result = Scan(definitions, min(pos, limit), messages, compressed, stop, pos > limit)
    if result.overrun:
        _drop_incomplete(result, limit)
    return result


def _never(pos: int) -> None:
    raise ValueError(f"no definition for the message at byte {pos}")


def _definition(
    buf: bytes, pos: int, limit: int, seen: dict[bytes, Definition]
) -> tuple[Definition, int] | None:
    """The definition message at ``pos`` and where it ends; None when it does not fit
    before ``limit``. A definition repeated byte for byte is the same
    :class:`Definition`, so its messages share one list of positions."""
    if pos + 6 > limit:
        return None
    header, num_fields = buf[pos], buf[pos + 5]
    end = pos + 6 + 3 * num_fields
    if header & 0x20:
        if end >= limit:
            return None
        end += 1 + 3 * buf[end]
    if end > limit:
        return None
    text = buf[pos:end]
    known = seen.get(text)
    if known is None:
        known = seen[text] = _parse_definition(text, pos)
    return known, end


def _parse_definition(text: bytes, pos: int) -> Definition:
    """A field number listed twice keeps its first layout (the size still counts
    both); developer fields only widen the message."""
    arch, num_fields = text[2], text[5]
    if arch > 1:
        raise Broken(DecodeError, f"damaged message definition at byte {pos} (byte order {arch})")
    big = arch == 1
    global_num = int.from_bytes(text[3:5], "big" if big else "little")
    fields: dict[int, FieldLayout] = {}
    size = 0
    standard_end = 6 + 3 * num_fields
    for at in range(6, standard_end, 3):
        fields.setdefault(text[at], FieldLayout(size, text[at + 1], text[at + 2] & 0x1F))
        size += text[at + 1]
    size += sum(text[at + 1] for at in range(standard_end + 1, len(text), 3))
    return Definition(text[0] & 0x0F, global_num, big, size, fields)


def _undefined(pos: int, local: int) -> str:
    return f"a data message at byte {pos} uses local message type {local} before defining it"


def _drop_incomplete(result: Scan, limit: int) -> None:
    """Forget the one data message that runs past ``limit``."""
    for definition in reversed(result.definitions):
        if definition.positions and definition.positions[-1] + definition.size + 1 > limit:
            definition.positions.pop()
            result.messages -= 1
            return
