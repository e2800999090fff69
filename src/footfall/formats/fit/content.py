"""What one sound FIT part holds: activities, daily steps, or why it holds neither.

``file_id.type`` decides: an activity file (or a file without file_id that has
records) gives activities; a monitoring file gives daily steps; any other type
(settings, workout, course, weight...) is not an activity.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from footfall.activity import Activity, DaySteps
from footfall.errors import DecodeError
from footfall.formats.fit.device import device_label
from footfall.formats.fit.enums import FILE
from footfall.formats.fit.header import Broken
from footfall.formats.fit.monitoring import day_steps
from footfall.formats.fit.profile import FILE_ID, FIT_EPOCH_S, SYSTEM_TIME_LIMIT
from footfall.formats.fit.records import record_samples
from footfall.formats.fit.scan import Scan
from footfall.formats.fit.sessions import Recording, activities, utc_offset
from footfall.formats.fit.table import Messages

ACTIVITY_FILE = 4
MONITORING_FILES = frozenset({15, 28, 32})  # monitoring_a, monitoring_daily, monitoring_b


@dataclass(slots=True)
class Content:
    activities: list[Activity] = field(default_factory=list)
    day_steps: list[DaySteps] = field(default_factory=list)
    #: Why the part is not an activity ("" when it gave something, or is a part of
    #: a chain without a file_id, such as the heart-rate parts of a swim file).
    not_activity: str = ""
    #: Things to tell the runner about what was kept (a device clock never set).
    notes: list[Broken] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.activities and not self.day_steps


def part_content(buf: bytes, found: Scan) -> Content:
    messages = Messages(buf, found)
    file_type = _file_type(messages)
    device = device_label(messages)
    if file_type in MONITORING_FILES:
        steps = day_steps(messages, device)
        return Content(day_steps=steps, not_activity="" if steps else _NO_STEPS)
    if file_type is not None and file_type != ACTIVITY_FILE:
        return Content(not_activity=f"a FIT {_file_name(file_type)} file, not an activity")
    samples = record_samples(messages)
    found_activities = activities(messages, Recording(samples, device, utc_offset(messages)))
    if found_activities or file_type is None:
        return Content(activities=found_activities, notes=_clock_notes(found_activities))
    return Content(not_activity="a FIT activity file without any timed records or sessions")


def _clock_notes(found: list[Activity]) -> list[Broken]:
    """FIT times below 0x10000000 count seconds since the device was switched on
    (its clock was never set; fitparse__compressed-speed-distance.fit, an FR70).
    They are kept as they are, so such an activity is dated 1990, and said so."""
    unset = [a for a in found if a.start_s < FIT_EPOCH_S + SYSTEM_TIME_LIMIT]
    if not unset:
        return []
    shown = unset[0].start.date().isoformat()
    return [
        Broken(
            DecodeError,
            "the device's clock was not set: its times count from when it was switched "
            f"on, so the date it gives ({shown}) is not the real one",
        )
    ]


_NO_STEPS = "a FIT monitoring file without any step counts, not an activity"


def _file_type(messages: Messages) -> int | None:
    table = messages.table(FILE_ID.num)
    if not len(table):
        return None
    value = float(table.raw(FILE_ID["type"].num)[0])
    return int(value) if math.isfinite(value) else None


def _file_name(file_type: int) -> str:
    return FILE.get(file_type, f"type {file_type}").replace("_", " ")
