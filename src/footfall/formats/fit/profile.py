"""The part of the FIT profile footfall reads and writes: base types, the epoch, and
the messages and fields (number, base type, scale, offset, enum) it uses.

Numbers, scales and offsets are those of the public FIT Profile (SDK 21.218). A field
whose physical value depends on another field (a "subfield", such as a workout step's
``duration_value`` in seconds or metres) is listed under its subfield names too,
with the same number.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

#: FIT's epoch: seconds in FIT timestamps count from here (UTC).
FIT_EPOCH = dt.datetime(1989, 12, 31, tzinfo=dt.UTC)
FIT_EPOCH_S = int(FIT_EPOCH.timestamp())  # 631065600 in Unix seconds
#: Timestamps below this are seconds since the device powered up, not since the epoch.
SYSTEM_TIME_LIMIT = 0x10000000
SEMICIRCLE_DEG = 180.0 / 2**31


@dataclass(frozen=True, slots=True)
class BaseType:
    """A FIT base type: its number (the low five bits of the type byte), byte size,
    numpy code and the raw value that means "no value"."""

    number: int
    name: str
    size: int
    code: str  # numpy kind and size: "u1", "i2", "f4"...
    invalid: int
    #: The byte a definition message stores (endian-capable types set bit 7).
    type_byte: int = field(init=False)
    is_float: bool = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "type_byte", self.number | (0x80 if self.size > 1 else 0))
        object.__setattr__(self, "is_float", self.code[0] == "f")


BASE_TYPES: dict[int, BaseType] = {
    b.number: b
    for b in (
        BaseType(0, "enum", 1, "u1", 0xFF),
        BaseType(1, "sint8", 1, "i1", 0x7F),
        BaseType(2, "uint8", 1, "u1", 0xFF),
        BaseType(3, "sint16", 2, "i2", 0x7FFF),
        BaseType(4, "uint16", 2, "u2", 0xFFFF),
        BaseType(5, "sint32", 4, "i4", 0x7FFFFFFF),
        BaseType(6, "uint32", 4, "u4", 0xFFFFFFFF),
        BaseType(7, "string", 1, "u1", 0x00),
        BaseType(8, "float32", 4, "f4", 0xFFFFFFFF),
        BaseType(9, "float64", 8, "f8", 0xFFFFFFFFFFFFFFFF),
        BaseType(10, "uint8z", 1, "u1", 0x00),
        BaseType(11, "uint16z", 2, "u2", 0x0000),
        BaseType(12, "uint32z", 4, "u4", 0x00000000),
        BaseType(13, "byte", 1, "u1", 0xFF),
        BaseType(14, "sint64", 8, "i8", 0x7FFFFFFFFFFFFFFF),
        BaseType(15, "uint64", 8, "u8", 0xFFFFFFFFFFFFFFFF),
        BaseType(16, "uint64z", 8, "u8", 0x0000000000000000),
    )
}
BASE_TYPES_BY_NAME: dict[str, BaseType] = {b.name: b for b in BASE_TYPES.values()}
STRING = BASE_TYPES_BY_NAME["string"]
BYTE = BASE_TYPES_BY_NAME["byte"]


@dataclass(frozen=True, slots=True)
class Field:
    """One field of a message. ``kind`` says how a physical value maps to raw:
    ``number`` (scale and offset), ``time`` (a datetime, FIT epoch seconds),
    ``local_time`` (local wall-clock seconds), ``degrees`` (semicircles), ``enum``
    (a name from ``enum`` or a number), ``string``."""

    name: str
    num: int
    base: BaseType
    scale: float = 1.0
    offset: float = 0.0
    enum: str = ""
    kind: str = "number"


@dataclass(frozen=True, slots=True)
class Message:
    name: str
    num: int
    fields: dict[str, Field] = field(default_factory=dict)

    def __getitem__(self, name: str) -> Field:
        return self.fields[name]


def f(
    name: str, num: int, base: str, scale: float = 1, offset: float = 0, *, enum: str = ""
) -> Field:
    """A field row: ``base`` is a base type name or one of ``time``, ``local_time``
    (uint32 seconds), ``degrees`` (sint32 semicircles)."""
    kind = _KINDS.get(base, "enum" if enum else "number")
    base_type = BASE_TYPES_BY_NAME[_BASE_ALIASES.get(base, base)]
    return Field(name, num, base_type, float(scale), float(offset), enum, kind)


def _message(name: str, num: int, *fields: Field) -> Message:
    return Message(name, num, {fld.name: fld for fld in fields})


_KINDS = {"time": "time", "local_time": "local_time", "degrees": "degrees", "string": "string"}
_BASE_ALIASES = {"time": "uint32", "local_time": "uint32", "degrees": "sint32"}
TS = f("timestamp", 253, "time")
INDEX = f("message_index", 254, "uint16")

FILE_ID = _message(
    "file_id", 0,
    f("type", 0, "enum", enum="file"),
    f("manufacturer", 1, "uint16", enum="manufacturer"),
    f("product", 2, "uint16", enum="garmin_product"),
    f("serial_number", 3, "uint32z"),
    f("time_created", 4, "time"),
    f("number", 5, "uint16"),
    f("product_name", 8, "string"),
)  # fmt: skip
FILE_CREATOR = _message(
    "file_creator", 49, f("software_version", 0, "uint16"), f("hardware_version", 1, "uint8")
)
SPORT = _message(
    "sport", 12,
    f("sport", 0, "enum", enum="sport"),
    f("sub_sport", 1, "enum", enum="sub_sport"),
    f("name", 3, "string"),
)  # fmt: skip
RECORD = _message(
    "record", 20, TS,
    f("position_lat", 0, "degrees"),
    f("position_long", 1, "degrees"),
    f("altitude", 2, "uint16", 5, 500),
    f("heart_rate", 3, "uint8"),
    f("cadence", 4, "uint8"),
    f("distance", 5, "uint32", 100),
    f("speed", 6, "uint16", 1000),
    f("power", 7, "uint16"),
    f("compressed_speed_distance", 8, "byte"),
    f("grade", 9, "sint16", 100),
    f("temperature", 13, "sint8"),
    f("fractional_cadence", 53, "uint8", 128),
    f("enhanced_speed", 73, "uint32", 1000),
    f("enhanced_altitude", 78, "uint32", 5, 500),
)  # fmt: skip
EVENT = _message(
    "event", 21, TS,
    f("event", 0, "enum", enum="event"),
    f("event_type", 1, "enum", enum="event_type"),
    f("data16", 2, "uint16"),
    f("data", 3, "uint32"),
    f("event_group", 4, "uint8"),
)  # fmt: skip
_SUMMARY = (
    TS,
    INDEX,
    f("event", 0, "enum", enum="event"),
    f("event_type", 1, "enum", enum="event_type"),
    f("start_time", 2, "time"),
    f("start_position_lat", 3, "degrees"),
    f("start_position_long", 4, "degrees"),
    f("total_elapsed_time", 7, "uint32", 1000),
    f("total_timer_time", 8, "uint32", 1000),
    f("total_distance", 9, "uint32", 100),
    f("total_cycles", 10, "uint32"),
    f("total_strides", 10, "uint32"),
    f("total_calories", 11, "uint16"),
)
LAP = _message(
    "lap", 19, *_SUMMARY,
    f("end_position_lat", 5, "degrees"),
    f("end_position_long", 6, "degrees"),
    f("avg_speed", 13, "uint16", 1000),
    f("max_speed", 14, "uint16", 1000),
    f("avg_heart_rate", 15, "uint8"),
    f("max_heart_rate", 16, "uint8"),
    f("avg_cadence", 17, "uint8"),
    f("max_cadence", 18, "uint8"),
    f("total_ascent", 21, "uint16"),
    f("total_descent", 22, "uint16"),
    f("intensity", 23, "enum", enum="intensity"),
    f("lap_trigger", 24, "enum", enum="lap_trigger"),
    f("sport", 25, "enum", enum="sport"),
    f("sub_sport", 39, "enum", enum="sub_sport"),
    f("enhanced_avg_speed", 110, "uint32", 1000),
    f("enhanced_max_speed", 111, "uint32", 1000),
)  # fmt: skip
SESSION = _message(
    "session", 18, *_SUMMARY,
    f("sport", 5, "enum", enum="sport"),
    f("sub_sport", 6, "enum", enum="sub_sport"),
    f("avg_speed", 14, "uint16", 1000),
    f("max_speed", 15, "uint16", 1000),
    f("avg_heart_rate", 16, "uint8"),
    f("max_heart_rate", 17, "uint8"),
    f("avg_cadence", 18, "uint8"),
    f("max_cadence", 19, "uint8"),
    f("total_ascent", 22, "uint16"),
    f("total_descent", 23, "uint16"),
    f("first_lap_index", 25, "uint16"),
    f("num_laps", 26, "uint16"),
    f("trigger", 28, "enum", enum="session_trigger"),
    f("enhanced_avg_speed", 124, "uint32", 1000),
    f("enhanced_max_speed", 125, "uint32", 1000),
)  # fmt: skip
ACTIVITY = _message(
    "activity", 34, TS,
    f("total_timer_time", 0, "uint32", 1000),
    f("num_sessions", 1, "uint16"),
    f("type", 2, "enum", enum="activity"),
    f("event", 3, "enum", enum="event"),
    f("event_type", 4, "enum", enum="event_type"),
    f("local_timestamp", 5, "local_time"),
    f("event_group", 6, "uint8"),
)  # fmt: skip
DEVICE_INFO = _message(
    "device_info", 23, TS,
    f("device_index", 0, "uint8"),
    f("device_type", 1, "uint8"),
    f("manufacturer", 2, "uint16", enum="manufacturer"),
    f("serial_number", 3, "uint32z"),
    f("product", 4, "uint16", enum="garmin_product"),
    f("software_version", 5, "uint16", 100),
    f("hardware_version", 6, "uint8"),
    f("battery_voltage", 10, "uint16", 256),
    f("product_name", 27, "string"),
)  # fmt: skip
WORKOUT = _message(
    "workout", 26,
    f("sport", 4, "enum", enum="sport"),
    f("capabilities", 5, "uint32z"),
    f("num_valid_steps", 6, "uint16"),
    f("wkt_name", 8, "string"),
    f("sub_sport", 11, "enum", enum="sub_sport"),
)  # fmt: skip
WORKOUT_STEP = _message(
    "workout_step", 27, INDEX,
    f("wkt_step_name", 0, "string"),
    f("duration_type", 1, "enum", enum="wkt_step_duration"),
    f("duration_value", 2, "uint32"),
    f("target_type", 3, "enum", enum="wkt_step_target"),
    f("target_value", 4, "uint32"),
    f("custom_target_value_low", 5, "uint32"),
    f("custom_target_value_high", 6, "uint32"),
    f("intensity", 7, "enum", enum="intensity"),
    f("notes", 8, "string"),
)  # fmt: skip
MONITORING_INFO = _message(
    "monitoring_info", 103, TS,
    f("local_timestamp", 0, "local_time"),
    f("activity_type", 1, "enum", enum="activity_type"),
    f("cycles_to_distance", 3, "uint16", 5000),
    f("cycles_to_calories", 4, "uint16", 5000),
    f("resting_metabolic_rate", 5, "uint16"),
)  # fmt: skip
MONITORING = _message(
    "monitoring", 55, TS,
    f("device_index", 0, "uint8"),
    f("calories", 1, "uint16"),
    f("distance", 2, "uint32", 100),
    f("cycles", 3, "uint32", 2),
    f("steps", 3, "uint32"),  # the cycles subfield when activity_type is walking/running
    f("active_time", 4, "uint32", 1000),
    f("activity_type", 5, "enum", enum="activity_type"),
    f("activity_subtype", 6, "enum"),
    f("current_activity_type_intensity", 24, "byte"),
    f("timestamp_16", 26, "uint16"),
    f("duration_min", 29, "uint16"),
)  # fmt: skip
DEVELOPER_DATA_ID = _message(
    "developer_data_id", 207,
    f("application_id", 1, "byte"),
    f("manufacturer_id", 2, "uint16", enum="manufacturer"),
    f("developer_data_index", 3, "uint8"),
    f("application_version", 4, "uint32"),
)  # fmt: skip
FIELD_DESCRIPTION = _message(
    "field_description", 206,
    f("developer_data_index", 0, "uint8"),
    f("field_definition_number", 1, "uint8"),
    f("fit_base_type_id", 2, "uint8"),
    f("field_name", 3, "string"),
    f("units", 8, "string"),
    f("native_mesg_num", 14, "uint16"),
    f("native_field_num", 15, "uint8"),
)  # fmt: skip

MESSAGES: dict[str, Message] = {
    m.name: m
    for m in (
        FILE_ID, FILE_CREATOR, SPORT, RECORD, EVENT, LAP, SESSION, ACTIVITY, DEVICE_INFO,
        WORKOUT, WORKOUT_STEP, MONITORING_INFO, MONITORING, DEVELOPER_DATA_ID,
        FIELD_DESCRIPTION,
    )
}  # fmt: skip
