"""Physical values -> FIT raw values, for the writer in ``encode.py``.

Times are aware datetimes (or Unix seconds), positions degrees, distances metres,
speeds m/s, enums names or numbers. A value that would land on its base type's
"no value" pattern, or outside its range, is refused: the writer never writes
invalid values.
"""

from __future__ import annotations

import datetime as dt
import math
import struct
from collections.abc import Callable, Mapping, Sequence
from functools import cache

from footfall.errors import UsageError
from footfall.formats.fit.enums import ENUMS, number_of
from footfall.formats.fit.products import GARMIN_PRODUCT
from footfall.formats.fit.profile import FIT_EPOCH_S, SEMICIRCLE_DEG, Field

Scalar = dt.datetime | float | int | str | bytes
Value = Scalar | Sequence[float | int | str] | None

_STRUCT = {"u1": "B", "i1": "b", "u2": "H", "i2": "h", "u4": "I", "i4": "i", "u8": "Q", "i8": "q"}
_STRUCT |= {"f4": "f", "f8": "d"}
_HR = (1.0, 100.0)  # workout heart rate in bpm is stored as bpm + 100
_POWER = (1.0, 1000.0)  # workout power in watts is stored as watts + 1000
_DURATION = {"time": (1000.0, 0.0), "repetition_time": (1000.0, 0.0), "distance": (100.0, 0.0)}
_DURATION |= {"hr_less_than": _HR, "hr_greater_than": _HR}
_DURATION |= {"power_less_than": _POWER, "power_greater_than": _POWER}
_REPEAT_TARGET = {"repeat_until_time": (1000.0, 0.0), "repeat_until_distance": (100.0, 0.0)}
_REPEAT_TARGET |= {"repeat_until_hr_less_than": _HR, "repeat_until_hr_greater_than": _HR}
_REPEAT_TARGET |= {"repeat_until_power_less_than": _POWER}
_REPEAT_TARGET |= {"repeat_until_power_greater_than": _POWER}
_CUSTOM_TARGET = {"speed": (1000.0, 0.0), "heart_rate": _HR, "power": _POWER}
_SUBFIELDS = frozenset(
    {"duration_value", "target_value", "custom_target_value_low", "custom_target_value_high"}
)


class FitWriteError(UsageError, ValueError):
    """A value the FIT writer cannot write (unknown field, out of range, naive time)."""


def encode_value(fld: Field, value: Value, big_endian: bool, context: Mapping[str, Value]) -> bytes:
    """The raw bytes of ``value`` for ``fld`` (arrays for sequences)."""
    if fld.kind == "string":
        return _string(fld, value)
    if isinstance(value, bytes):
        return value
    scale, offset = _scale(fld, context) if fld.name in _SUBFIELDS else (fld.scale, fld.offset)
    pack = _packer(fld.base.code, big_endian)
    if isinstance(value, list | tuple):
        return b"".join(pack(_checked(fld, _raw(fld, v, scale, offset))) for v in value)
    return pack(_checked(fld, _raw(fld, value, scale, offset)))


@cache
def _packer(code: str, big_endian: bool) -> Callable[[int | float], bytes]:
    return struct.Struct((">" if big_endian else "<") + _STRUCT[code]).pack


def _raw(fld: Field, value: object, scale: float, offset: float) -> int | float:
    if isinstance(value, int | float):
        kind = fld.kind
        if kind in {"number", "enum"}:
            raw = (value + offset) * scale
            return raw if fld.base.is_float else round(raw)
        if kind == "degrees":
            return round(value / SEMICIRCLE_DEG)
        if kind == "time":
            return round(value) - FIT_EPOCH_S
    if isinstance(value, dt.datetime):
        return _seconds(fld, value)
    if isinstance(value, str):
        return _enum_number(fld, value)
    raise FitWriteError(f"{fld.name}: cannot write {value!r}")


def _seconds(fld: Field, moment: dt.datetime) -> int:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise FitWriteError(f"{fld.name}: a naive datetime has no time zone; give an aware one")
    if fld.kind == "local_time":  # the wall clock where the moment happened
        wall = moment.replace(tzinfo=dt.UTC)
        return round(wall.timestamp()) - FIT_EPOCH_S
    if fld.kind != "time":
        raise FitWriteError(f"{fld.name} is not a time")
    return round(moment.timestamp()) - FIT_EPOCH_S


def _enum_number(fld: Field, name: str) -> int:
    table = GARMIN_PRODUCT if fld.enum == "garmin_product" else ENUMS.get(fld.enum)
    number = number_of(table, name) if table is not None else None
    if number is None:
        raise FitWriteError(f"{fld.name}: {name!r} is not a known {fld.enum or 'value'}")
    return number


def _checked(fld: Field, raw: int | float) -> int | float:
    base = fld.base
    if base.is_float:
        if not math.isfinite(raw):
            raise FitWriteError(f"{fld.name}: {raw} cannot be written")
        return raw
    low, high = _range(base.code)
    if not low <= raw <= high or raw == base.invalid:
        raise FitWriteError(
            f"{fld.name}: {raw} does not fit a FIT {base.name} (or is its 'no value')"
        )
    return raw


@cache
def _range(code: str) -> tuple[int, int]:
    bits = 8 * int(code[1])
    if code[0] == "i":
        return -(1 << (bits - 1)), (1 << (bits - 1)) - 1
    return 0, (1 << bits) - 1


def _string(fld: Field, value: Value) -> bytes:
    if not isinstance(value, str):
        raise FitWriteError(f"{fld.name}: expects text, not {value!r}")
    data = value.encode("utf-8") + b"\0"
    if len(data) > 255 or b"\0" in data[:-1]:
        raise FitWriteError(f"{fld.name}: text too long (255 bytes at most) or holds a NUL")
    return data


def _scale(fld: Field, context: Mapping[str, Value]) -> tuple[float, float]:
    """Scale and offset, resolving the workout step subfields from their type fields."""
    if fld.name == "duration_value":
        return _DURATION.get(_name(context.get("duration_type"), "wkt_step_duration"), (1.0, 0.0))
    if fld.name == "target_value":
        repeat = _name(context.get("duration_type"), "wkt_step_duration")
        return _REPEAT_TARGET.get(repeat, (1.0, 0.0))
    if fld.name.startswith("custom_target_value"):
        target = _name(context.get("target_type"), "wkt_step_target")
        return _CUSTOM_TARGET.get(target, (1.0, 0.0))
    return fld.scale, fld.offset


def _name(value: Value, enum: str) -> str:
    if isinstance(value, int):
        return ENUMS[enum].get(value, "")
    return value if isinstance(value, str) else ""
