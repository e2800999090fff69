"""Daily steps from monitoring FIT files: the corpus vivofit day, and files we make
with known totals."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from footfall.errors import NotAnActivity
from footfall.formats import fit
from footfall.formats.fit import decode_bytes
from footfall.formats.fit.encode import FitWriter
from footfall.formats.source import file_source

CHICAGO_WINTER = dt.timezone(dt.timedelta(hours=-6))


def test_the_vivofit_day_gives_its_steps(corpus: Path) -> None:
    """fitparse__MonitoringFile.fit: one vivofit day, 2014-12-27, at UTC-6.

    Its walking counter (the ``steps`` subfield of ``cycles``) climbs from 100 to
    3,142 and its running counter to 31; the two 24-hour summaries stamped at the
    next local midnight say exactly that (steps 3142 walking, 31 running). So the
    day has 3,173 steps. Read as ``cycles`` (scale 2) they would halve, as fitdecode
    prints them; summing the readings would count each step many times over.
    """
    decoded = fit.decode(file_source(corpus / "fit" / "fitparse__MonitoringFile.fit"))
    assert decoded.activities == []
    (day,) = decoded.day_steps
    assert day.date == dt.date(2014, 12, 27)
    assert day.steps == 3142 + 31
    assert day.source == "fit_monitoring:garmin vivo_fit"


def monitoring_file(readings: list[tuple[dt.datetime, str, int]], *, short: bool) -> bytes:
    """A monitoring_b file: monitoring_info at the first local midnight, then
    counter readings (time, activity type, running count of the day)."""
    first = readings[0][0].astimezone(CHICAGO_WINTER)
    midnight = first.replace(hour=0, minute=0, second=0)
    w = FitWriter()
    w.write("file_id", type="monitoring_b", manufacturer="garmin", product="vivo_fit",
            serial_number=9, time_created=midnight)  # fmt: skip
    w.write("monitoring_info", timestamp=midnight, local_timestamp=midnight,
            activity_type=["walking", "running"])  # fmt: skip
    for moment, kind, count in readings:
        stamp = {"timestamp_16": _low16(moment)} if short else {"timestamp": moment}
        w.write("monitoring", activity_type=kind, steps=count, **stamp)
    return w.to_bytes()


def _low16(moment: dt.datetime) -> int:
    return (round(moment.timestamp()) - 631065600) & 0xFFFF


def _local(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 1, day, hour, minute, tzinfo=CHICAGO_WINTER)


READINGS = [
    (_local(5, 7), "walking", 400),
    (_local(5, 9, 30), "walking", 2500),
    (_local(5, 10), "running", 3000),  # a 3,000-step run counted apart
    (_local(5, 18), "walking", 6100),
    (_local(5, 23, 50), "walking", 6500),
    (_local(6, 0), "walking", 6500),  # the summary at midnight closes the 5th
    (_local(6, 8), "walking", 1200),  # the counter restarted at midnight
    (_local(6, 19), "walking", 4321),
]


@pytest.mark.parametrize("short", [False, True])
def test_a_monitoring_file_gives_the_growth_of_each_day(short: bool) -> None:
    decoded = decode_bytes(monitoring_file(READINGS, short=short), "day.fit")
    steps = {d.date: d.steps for d in decoded.day_steps}
    assert steps == {dt.date(2026, 1, 5): 6500 + 3000, dt.date(2026, 1, 6): 4321}
    assert {d.source for d in decoded.day_steps} == {"fit_monitoring:garmin vivo_fit"}


def test_the_local_day_comes_from_monitoring_info() -> None:
    """At UTC-6, 20:00 local on the 5th is 02:00 UTC on the 6th: it counts on the 5th."""
    late = [(_local(5, 20), "walking", 777)]
    (day,) = decode_bytes(monitoring_file(late, short=False), "late.fit").day_steps
    assert day.date == dt.date(2026, 1, 5) and day.steps == 777


def test_a_monitoring_file_without_steps_is_not_an_activity() -> None:
    only_sitting = [(_local(5, 9), "sedentary", 0)]
    with pytest.raises(NotAnActivity, match="without any step counts"):
        decode_bytes(monitoring_file(only_sitting, short=False), "sit.fit")
