"""Which zone an activity's day is in: setting, position, file offset, else UTC, said."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import numpy as np
import pytest

from corpus import CorpusFile, corpus_files
from footfall.activity import Activity
from footfall.errors import FileProblem, UsageError
from footfall.formats import decode
from footfall.formats.source import file_source
from footfall.metrics.timezone import activity_zone, first_position, fixed_offset
from footfall.settings import Athlete

PORTLAND = (45.5, -122.6)
MID_ATLANTIC = (30.142, -40.386)  # where OpenTracks' synthetic test tracks lie
SUMMER_2026 = dt.datetime(2026, 7, 1, 12, tzinfo=dt.UTC)


def test_an_activity_in_portland_gets_los_angeles_from_its_position() -> None:
    zone = activity_zone(*PORTLAND, utc_offset_s=None, athlete=Athlete())

    assert zone.origin == "position"
    assert zone.name == "America/Los_Angeles"
    assert zone.tz.utcoffset(SUMMER_2026) == dt.timedelta(hours=-7)
    assert zone.describe() == "America/Los_Angeles (from where the activity started)"


def test_the_position_wins_over_the_offset_its_file_states() -> None:
    zone = activity_zone(*PORTLAND, utc_offset_s=3600, athlete=None)

    assert (zone.origin, zone.name) == ("position", "America/Los_Angeles")


def test_the_athletes_time_zone_setting_wins_over_position_and_offset() -> None:
    athlete = Athlete().set(time_zone="Europe/London")

    zone = activity_zone(*PORTLAND, utc_offset_s=-25200, athlete=athlete)

    assert (zone.origin, zone.name) == ("setting", "Europe/London")
    assert zone.tz.utcoffset(SUMMER_2026) == dt.timedelta(hours=1)


def test_an_activity_without_a_position_uses_the_offset_its_file_states() -> None:
    zone = activity_zone(None, None, utc_offset_s=-25200, athlete=Athlete())

    assert zone.origin == "file offset"
    assert zone.name == "UTC-07:00"
    assert zone.tz.utcoffset(SUMMER_2026) == dt.timedelta(hours=-7)
    assert "from the offset the file states" in zone.describe()


def test_an_activity_with_neither_position_nor_offset_is_said_to_be_in_utc() -> None:
    zone = activity_zone(math.nan, math.nan, utc_offset_s=None, athlete=Athlete())

    assert zone.origin == "assumed UTC"
    assert zone.tz.utcoffset(SUMMER_2026) == dt.timedelta(0)
    assert zone.describe() == "UTC (assumed: no setting, position or offset)"


def test_a_position_at_sea_yields_to_the_offset_the_file_states() -> None:
    zone = activity_zone(*MID_ATLANTIC, utc_offset_s=3600, athlete=None)

    assert (zone.origin, zone.name) == ("file offset", "UTC+01:00")


def test_a_position_at_sea_without_a_file_offset_gives_the_nautical_zone() -> None:
    zone = activity_zone(*MID_ATLANTIC, utc_offset_s=None, athlete=None)

    assert zone.origin == "position"
    assert zone.tz.utcoffset(SUMMER_2026) == dt.timedelta(hours=-3)


def test_null_island_and_impossible_coordinates_are_not_positions() -> None:
    for lat, lon in [(0.0, 0.0), (91.0, 10.0), (45.0, 181.0), (math.inf, 1.0)]:
        assert activity_zone(lat, lon, utc_offset_s=None, athlete=None).origin == "assumed UTC"


def test_an_offset_no_clock_uses_is_ignored() -> None:
    assert fixed_offset(15 * 3600) is None
    assert fixed_offset(-13 * 3600) is None
    assert activity_zone(None, None, 20 * 3600, None).origin == "assumed UTC"
    assert fixed_offset(14 * 3600) == dt.timezone(dt.timedelta(hours=14))


def test_a_half_hour_offset_keeps_its_minutes() -> None:
    zone = activity_zone(None, None, utc_offset_s=5 * 3600 + 45 * 60, athlete=None)

    assert zone.name == "UTC+05:45"


def test_a_time_zone_setting_that_names_no_zone_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="time_zone: 'Mars/Olympus' is not a time zone"):
        activity_zone(*PORTLAND, utc_offset_s=None, athlete=Athlete(time_zone="Mars/Olympus"))


def test_the_first_position_skips_missing_points_and_null_island() -> None:
    lat = np.array([np.nan, 0.0, 95.0, 51.5, 52.0])
    lon = np.array([np.nan, 0.0, 1.0, -0.12, 1.0])

    assert first_position(lat, lon) == (51.5, -0.12)
    assert first_position(np.full(3, np.nan), np.full(3, np.nan)) is None


# --- the shared corpus: positions against the offsets files state -----------------------

#: Files whose stated offset is not the clock of the place they were recorded, each
#: with the reason (checked by hand against the file).
WRONG_FILE_OFFSETS = {
    "fit/fitparse__coros-pace-2-cycling-misaligned-fields.fit": "COROS states offset 0 in Bogota",
    "fit/runalyze__invalid-altitude-and-empty-record-at-end.fit": "states 0 in Bavaria in winter",
    "gpx/opentracks__gpx_timezone.gpx": "a test file with a made-up +01:15 offset",
    "gpx/runalyze__break-between-trkseg.gpx": "states +02:00 in Finland in summer time",
    "tcx/runalyze__Wrong-time-zone-by-polar.tcx": "Polar wrote +01:00 in Poland in summer",
}


def _activities(file: CorpusFile) -> list[Activity]:
    try:
        return decode(file_source(file.path)).activities
    except FileProblem:
        return []


def _checkable(corpus: Path) -> list[tuple[str, Activity]]:
    """(file, activity) for every corpus activity with a position on land and an
    offset its file states."""
    found = []
    for file in corpus_files():
        if file.kind != "activity" or file.path.suffix not in {".fit", ".gpx", ".tcx"}:
            continue
        for activity in _activities(file):
            position = first_position(activity.samples.lat_deg, activity.samples.lon_deg)
            if position and activity.utc_offset_s is not None:
                found.append((file.name, activity))
    return found


def test_zones_from_positions_match_the_offsets_files_state(corpus: Path) -> None:
    agree, disagree = 0, set()
    for name, activity in _checkable(corpus):
        lat, lon = first_position(activity.samples.lat_deg, activity.samples.lon_deg) or (0, 0)
        zone = activity_zone(lat, lon, activity.utc_offset_s, None)
        offset = zone.tz.utcoffset(activity.start)
        if zone.origin == "position" and offset == dt.timedelta(seconds=activity.utc_offset_s or 0):
            agree += 1
        elif zone.origin == "position":
            disagree.add(name)

    assert disagree == set(WRONG_FILE_OFFSETS)
    assert agree >= 80  # 86 activities when this was written (3 more sit at sea)


def test_apple_health_workouts_without_a_route_use_their_stated_offset(corpus: Path) -> None:
    export = decode(file_source(corpus / "other" / "hkimport__export.xml"))
    zones = {activity_zone(None, None, a.utc_offset_s, None) for a in export.activities}

    assert {(z.origin, z.name) for z in zones} == {("file offset", "UTC+02:00")}
    walk = export.activities[0]
    local = walk.start.astimezone(next(iter(zones)).tz)
    assert (local.date(), local.hour, local.minute) == (dt.date(2017, 6, 19), 8, 30)


def test_without_position_offset_or_setting_the_runners_usual_zone_is_used() -> None:
    zone = activity_zone(None, None, None, Athlete(), usual="America/Los_Angeles")
    assert zone.origin == "usual zone" and zone.name == "America/Los_Angeles"
    assert activity_zone(None, None, 3600, Athlete(), usual="America/Los_Angeles").origin == (
        "file offset"
    )
