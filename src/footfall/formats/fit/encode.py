"""A small FIT writer: activities for the demo data, workouts for watches.

    w = FitWriter()
    w.write("file_id", type="activity", manufacturer="development", product=1,
            serial_number=123, time_created=datetime(2026, 1, 5, 7, 0, tzinfo=UTC))
    w.write("record", timestamp=t, position_lat=51.5, position_long=-0.1,
            altitude=35.2, distance=1234.5, speed=3.1, heart_rate=150, cadence=88,
            fractional_cadence=0.5)
    data = w.to_bytes()

Values go in physical units (degrees, metres, m/s, seconds, aware datetimes; enum
names or numbers) and are scaled as the profile says (``profile.py``); a field
passed as None (or NaN) is left out. Each distinct (message, field layout) gets a
local message type of its own, defined before its first use and redefined when the
16 local types run out. The file is little-endian, protocol 2.0, with a 14-byte
header and both CRCs.

The options exist so tests can make the files real devices make: big-endian
definitions, compressed-timestamp record headers, developer fields, few local types.
"""

from __future__ import annotations

import math
import struct
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass

from footfall.formats.fit.crc import crc16
from footfall.formats.fit.profile import BASE_TYPES_BY_NAME, MESSAGES, Field, Message
from footfall.formats.fit.rawvalues import FitWriteError, Value, encode_value

PROTOCOL_VERSION = 0x20
PROFILE_VERSION = 21218
_COMPRESSED_LOCALS = 4  # compressed headers can only name local types 0-3

__all__ = ["FitWriteError", "FitWriter"]


@dataclass(frozen=True, slots=True)
class _DevField:
    number: int
    developer_index: int
    base_name: str


TIMESTAMP = 253
_Encoded = tuple[int, int, bytes]  # field number, base type byte, raw bytes
Layout = tuple[int, tuple[tuple[int, int, int], ...], tuple[tuple[int, int, int], ...]]
LocalKey = tuple[Layout, bool]  # the layout, and whether its messages use compressed headers


class FitWriter:
    """Builds one FIT file in memory; ``to_bytes()`` gives the finished file."""

    def __init__(
        self,
        *,
        big_endian: bool = False,
        compressed_timestamps: bool = False,
        local_types: int = 16,
    ) -> None:
        if not 1 <= local_types <= 16:
            raise FitWriteError("local_types must be between 1 and 16")
        self._big = big_endian
        self._compressed = compressed_timestamps
        first = _COMPRESSED_LOCALS if compressed_timestamps and local_types > 4 else 0
        self._free = list(range(first, local_types))
        self._free_short = list(range(min(_COMPRESSED_LOCALS, local_types)))
        self._in_use: OrderedDict[LocalKey, int] = OrderedDict()
        self._body = bytearray()
        self._last_time: int | None = None
        self._developer: dict[str, _DevField] = {}
        self._developer_ids: set[int] = set()

    def write(
        self, message: str, /, *, developer: Mapping[str, float] | None = None, **values: Value
    ) -> None:
        """Append one data message (defining its local type first when needed)."""
        spec = MESSAGES.get(message)
        if spec is None:
            raise FitWriteError(f"the FIT writer does not know the message {message!r}")
        fields = self._fields(spec, values)
        dev_fields = self._dev_fields(developer) if developer else []
        stamp = fields.get(TIMESTAMP)
        time = int.from_bytes(stamp[2], "big" if self._big else "little") if stamp else None
        short = self._compressible(time)
        if short:
            del fields[TIMESTAMP]
        layout: Layout = (
            spec.num,
            tuple((num, len(raw), base) for num, base, raw in fields.values()),
            tuple((num, len(raw), index) for num, index, raw in dev_fields),
        )
        local = self._local_for(layout, short)
        short_time = (time or 0) & 0x1F
        header = 0x80 | (local << 5) | short_time if short else local
        payload = b"".join([raw for _, _, raw in fields.values()] + [d[2] for d in dev_fields])
        self._body += bytes([header]) + payload
        if time is not None:
            self._last_time = time

    def add_developer_field(
        self,
        name: str,
        *,
        number: int,
        base_type: str = "float32",
        units: str = "",
        developer_index: int = 0,
    ) -> None:
        """Describe a developer field (writing its developer_data_id once); records can
        then carry it with ``write("record", ..., developer={name: value})``."""
        base = BASE_TYPES_BY_NAME.get(base_type)
        if base is None or base.name == "string":
            raise FitWriteError(f"developer field {name!r}: unsupported base type {base_type!r}")
        if developer_index not in self._developer_ids:
            self._developer_ids.add(developer_index)
            app_id = b"footfall".ljust(16, b"\0")
            self.write(
                "developer_data_id", developer_data_index=developer_index, application_id=app_id
            )
        self.write(
            "field_description",
            developer_data_index=developer_index,
            field_definition_number=number,
            fit_base_type_id=base.type_byte,
            field_name=name,
            units=units or None,
        )
        self._developer[name] = _DevField(number, developer_index, base.name)

    def to_bytes(self) -> bytes:
        """Header, messages and file CRC."""
        header = struct.pack(
            "<BBHI4s", 14, PROTOCOL_VERSION, PROFILE_VERSION, len(self._body), b".FIT"
        )
        header += struct.pack("<H", crc16(header))
        data = header + bytes(self._body)
        return data + struct.pack("<H", crc16(data))

    def _fields(self, spec: Message, values: Mapping[str, Value]) -> dict[int, _Encoded]:
        fields: dict[int, _Encoded] = {}
        for name, value in values.items():
            fld = spec.fields.get(name)
            if fld is None:
                raise FitWriteError(f"{spec.name} has no field {name!r} in footfall's profile")
            if value is None or (isinstance(value, float) and math.isnan(value)):
                continue
            if fld.num in fields:
                raise FitWriteError(f"{spec.name}: {name!r} repeats a field already given")
            raw = encode_value(fld, value, self._big, values)
            fields[fld.num] = (fld.num, fld.base.type_byte, raw)
        return fields

    def _dev_fields(self, values: Mapping[str, float]) -> list[_Encoded]:
        found = []
        for name, value in values.items():
            dev = self._developer.get(name)
            if dev is None:
                raise FitWriteError(f"developer field {name!r} was not added")
            if _missing(value):
                continue
            fld = Field(name, dev.number, BASE_TYPES_BY_NAME[dev.base_name])
            found.append((dev.number, dev.developer_index, encode_value(fld, value, self._big, {})))
        return found

    def _compressible(self, time: int | None) -> bool:
        last = self._last_time
        return (
            self._compressed
            and time is not None
            and last is not None
            and 0 <= time - last <= 0x1F
            and bool(self._free_short)
        )

    def _local_for(self, layout: Layout, short: bool) -> int:
        key = (layout, short)
        if key in self._in_use:
            self._in_use.move_to_end(key)
            return self._in_use[key]
        pool = self._free_short if short else self._free
        taken = {v for k, v in self._in_use.items() if v in pool}
        free = [n for n in pool if n not in taken]
        if free:
            local = free[0]
        else:  # evict the least recently used layout of this pool: a redefinition
            old = next(k for k, v in self._in_use.items() if v in pool)
            local = self._in_use.pop(old)
        self._in_use[key] = local
        self._body += self._definition(layout, local)
        return local

    def _definition(self, layout: Layout, local: int) -> bytes:
        global_num, fields, dev_fields = layout
        header = 0x40 | local | (0x20 if dev_fields else 0)
        endian = ">" if self._big else "<"
        data = struct.pack(endian + "BBBHB", header, 0, int(self._big), global_num, len(fields))
        data += b"".join(bytes(f) for f in fields)
        if dev_fields:
            data += bytes([len(dev_fields)]) + b"".join(bytes(d) for d in dev_fields)
        return data


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))
