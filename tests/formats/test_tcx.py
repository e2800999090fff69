"""TCX decoding: the real corpus against a plain lxml reading, and files made here."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
from lxml import etree

from corpus import CorpusFile, corpus_params
from footfall.activity import Activity
from footfall.errors import DecodeError, FileProblem, NotAnActivity
from footfall.formats import tcx
from footfall.formats._xml import xsd_datetime
from footfall.formats.source import file_source

TCD = "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"
AX = "http://www.garmin.com/xmlschemas/ActivityExtension/v2"

#: Corpus files that hold no recording, and why (the manifest lists them as ok).
NOT_ACTIVITIES = {
    # GPSies export: Courses/Course with synthetic times from 2010-01-01T00:00:00Z.
    "tcx/runalyze__Route-only.tcx": "course",
}
#: Files whose trackpoints record no DistanceMeters: footfall measures the distance
#: along their positions; the reference is the laps' DistanceMeters. (First-point-empty
#: has none either, but it is a 24-point excerpt of an 18.7 km lap: nothing to compare.)
MEASURED_DISTANCE = {"tcx/runalyze__Dakota.tcx"}


def local(name: str) -> str:
    return f"*[local-name()='{name}']"


def reference(activity: etree._Element) -> tuple[list[float], list[float]]:
    """Times of an Activity's trackpoints that have one, and their DistanceMeters."""
    points = activity.xpath(f".//{local('Lap')}/{local('Track')}/{local('Trackpoint')}")
    times, distances = [], []
    for p in points:
        time = str(p.xpath(f"string({local('Time')})")).strip()
        if time:
            times.append(xsd_datetime(time).timestamp())
            distances.extend(float(d) for d in p.xpath(f"{local('DistanceMeters')}/text()"))
    return times, distances


@pytest.mark.parametrize(
    "case", corpus_params(lambda f: f.path.suffix == ".tcx" and f.expect == "ok")
)
def test_every_corpus_tcx_decodes_like_a_plain_lxml_reading(case: CorpusFile) -> None:
    if case.name in NOT_ACTIVITIES:
        with pytest.raises(NotAnActivity, match=NOT_ACTIVITIES[case.name]):
            tcx.decode(file_source(case.path))
        return
    decoded = tcx.decode(file_source(case.path))
    elements = etree.parse(str(case.path)).xpath(f"//{local('Activity')}")
    assert decoded.format == "tcx"
    assert [a.index for a in decoded.activities] == list(range(len(elements)))
    for activity, element in zip(decoded.activities, elements, strict=True):
        assert activity.source_sport == element.get("Sport", "").lower()
        times, distances = reference(element)
        samples = activity.samples
        assert len(samples) == len(times)
        assert samples.time_s[0] == min(times) and samples.time_s[-1] == max(times)
        assert min(times) - 600 <= activity.start_s <= min(times)
        if distances:
            # The farthest DistanceMeters: the last one where the file is in time order.
            # runalyze negative-pause.tcx writes laps out of time order (its last
            # trackpoint in the file is not the last in time), so not "the last".
            assert np.nanmax(samples.distance_m) == pytest.approx(max(distances), rel=0.005)
        elif case.name in MEASURED_DISTANCE:
            lap_sum = activity.totals.distance_m
            assert np.nanmax(samples.distance_m) == pytest.approx(lap_sum, rel=0.005)


def test_the_malformed_corpus_tcx_is_one_line_naming_it(corpus: Path) -> None:
    path = corpus / "tcx" / "runpandas__malformed.tcx"
    with pytest.raises(FileProblem) as caught:
        tcx.decode(file_source(path))
    message = str(caught.value)
    assert message.startswith(str(path)) and "\n" not in message
    assert "root element is <Activities>" in message


def test_it_measures_distance_along_positions_when_no_point_records_it(corpus: Path) -> None:
    (activity,) = tcx.decode(file_source(corpus / "tcx" / "runalyze__Dakota.tcx")).activities
    assert activity.samples.distance_m[-1] == pytest.approx(activity.totals.distance_m, rel=0.005)


def test_it_reads_each_sport_of_a_multisport_session(corpus: Path) -> None:
    decoded = tcx.decode(file_source(corpus / "tcx" / "runalyze__Multisport.tcx"))
    summary = [(a.index, a.source_sport, a.start.isoformat()) for a in decoded.activities]
    assert summary == [
        (0, "biking", "2013-04-18T16:14:21+00:00"),
        (1, "running", "2013-04-18T16:24:12+00:00"),
        (2, "biking", "2013-04-18T17:35:46+00:00"),
    ]
    running = decoded.activities[1]
    assert running.device == "Forerunner305" and len(running.laps) == 12
    assert running.totals.distance_m == pytest.approx(11458, abs=1)


def test_a_stated_start_hours_off_the_track_yields_to_the_first_point(corpus: Path) -> None:
    (activity,) = tcx.decode(file_source(corpus / "tcx" / "runalyze__Dakota.tcx")).activities
    assert activity.start.isoformat() == "2012-08-19T13:29:31+00:00"  # Id says 07:21:53


def test_it_converts_polar_local_times_to_utc(corpus: Path) -> None:
    path = corpus / "tcx" / "runalyze__Wrong-time-zone-by-polar.tcx"
    (activity,) = tcx.decode(file_source(path)).activities
    assert activity.start.isoformat() == "2016-04-10T17:40:58+00:00"  # Id 18:40:58+01:00
    assert activity.utc_offset_s == 3600


def test_it_reads_speed_from_an_extension_without_namespace(corpus: Path) -> None:
    path = corpus / "tcx" / "runalyze__watt-extension-without-namespace.tcx"
    (activity,) = tcx.decode(file_source(path)).activities
    assert activity.samples.has("speed_m_s") and activity.samples.has("cadence_cpm")


def write(tmp_path: Path, activities: str, name: str = "made.tcx") -> Path:
    path = tmp_path / name
    path.write_text(
        f'<?xml version="1.0" encoding="UTF-8"?>\n<TrainingCenterDatabase xmlns="{TCD}" '
        f'xmlns:ax="{AX}"><Activities>{activities}</Activities></TrainingCenterDatabase>',
        encoding="utf-8",
    )
    return path


def point(time: str, distance: float, extra: str = "") -> str:
    return (
        f"<Trackpoint><Time>{time}</Time><Position><LatitudeDegrees>45.0</LatitudeDegrees>"
        f"<LongitudeDegrees>7.0</LongitudeDegrees></Position><AltitudeMeters>300</AltitudeMeters>"
        f"<DistanceMeters>{distance}</DistanceMeters>{extra}</Trackpoint>"
    )


def lap(start: str, seconds: float, metres: float, kcal: int, points: str = "") -> str:
    track = f"<Track>{points}</Track>" if points else ""
    return (
        f'<Lap StartTime="{start}"><TotalTimeSeconds>{seconds}</TotalTimeSeconds>'
        f"<DistanceMeters>{metres}</DistanceMeters><Calories>{kcal}</Calories>{track}</Lap>"
    )


def run(laps: str, sport: str = "Running", start: str = "2024-05-01T07:00:00Z") -> str:
    creator = "<Creator><Name>Forerunner 265</Name></Creator>"
    return f'<Activity Sport="{sport}"><Id>{start}</Id>{laps}{creator}</Activity>'


def decode_one(path: Path) -> Activity:
    (activity,) = tcx.decode(file_source(path)).activities
    return activity


def test_it_sums_laps_into_totals_and_keeps_pauses_out_of_timer_time(tmp_path: Path) -> None:
    first = lap("2024-05-01T07:00:00Z", 600, 2000, 150, point("2024-05-01T07:00:00Z", 0))
    # a 2-minute pause, then the second lap
    second = lap("2024-05-01T07:12:00Z", 620, 2100, 160, point("2024-05-01T07:22:20Z", 4100))
    activity = decode_one(write(tmp_path, run(first + second)))
    totals = activity.totals
    assert (totals.timer_s, totals.distance_m, totals.calories_kcal) == (1220, 4100, 310)
    assert totals.elapsed_s == 1340  # 07:00:00 to 07:22:20
    assert [(x.start_s - activity.start_s, x.elapsed_s, x.timer_s) for x in activity.laps] == [
        (0, 720, 600),
        (720, 620, 620),
    ]
    assert activity.device == "Forerunner 265"


def test_it_prefers_run_cadence_and_keeps_it_as_recorded(tmp_path: Path) -> None:
    tpx = "<Cadence>0</Cadence><Extensions><ax:TPX><ax:Speed>3.2</ax:Speed>"
    tpx += "<ax:RunCadence>88</ax:RunCadence></ax:TPX></Extensions>"
    points = point("2024-05-01T07:00:00Z", 0, tpx)
    points += point("2024-05-01T07:00:01Z", 3, "<Cadence>90</Cadence>")
    samples = decode_one(write(tmp_path, run(lap("2024-05-01T07:00:00Z", 1, 3, 0, points))))
    assert list(samples.samples.cadence_cpm) == [88.0, 90.0]  # strides/min, not doubled
    assert samples.samples.speed_m_s[0] == 3.2 and math.isnan(samples.samples.speed_m_s[1])


def test_it_reads_heart_rate_from_its_value_element(tmp_path: Path) -> None:
    hr = "<HeartRateBpm><Value>151</Value></HeartRateBpm>"
    points = point("2024-05-01T07:00:00Z", 0, hr)
    activity = decode_one(write(tmp_path, run(lap("2024-05-01T07:00:00Z", 1, 0, 0, points))))
    assert activity.samples.heart_rate_bpm[0] == 151


def test_it_drops_trackpoints_without_a_time(tmp_path: Path) -> None:
    untimed = "<Trackpoint><DistanceMeters>5</DistanceMeters></Trackpoint>"
    timed = point("2024-05-01T07:00:03Z", 10)
    activity = decode_one(
        write(tmp_path, run(lap("2024-05-01T07:00:00Z", 3, 10, 1, untimed + timed)))
    )
    assert list(activity.samples.distance_m) == [10.0]
    assert activity.start_s == xsd_datetime("2024-05-01T07:00:00Z").timestamp()


def test_an_indoor_session_with_laps_but_no_trackpoints_is_still_an_activity(
    tmp_path: Path,
) -> None:
    laps = lap("2024-05-01T18:00:00Z", 1800, 0, 250) + lap("2024-05-01T18:30:00Z", 900, 0, 120)
    activity = decode_one(write(tmp_path, run(laps, sport="Other", start="2024-05-01T18:00:00Z")))
    assert len(activity.samples) == 0 and activity.source_sport == "other"
    assert activity.start.isoformat() == "2024-05-01T18:00:00+00:00"
    assert (activity.totals.timer_s, activity.totals.calories_kcal) == (2700, 370)
    assert activity.end_s - activity.start_s == 2700


def test_it_numbers_several_activities_in_file_order(tmp_path: Path) -> None:
    def one(start: str) -> str:
        return run(lap(start, 60, 200, 5, point(start, 0)), start=start)

    path = write(tmp_path, one("2024-05-03T07:00:00Z") + one("2024-05-01T07:00:00Z"))
    decoded = tcx.decode(file_source(path))
    assert [(a.index, a.start.day) for a in decoded.activities] == [(0, 3), (1, 1)]


def test_a_courses_only_file_is_not_an_activity(tmp_path: Path) -> None:
    path = tmp_path / "course.tcx"
    path.write_text(
        f'<TrainingCenterDatabase xmlns="{TCD}"><Courses><Course><Name>Loop</Name>'
        f"<Lap><TotalTimeSeconds>60</TotalTimeSeconds></Lap><Track>"
        f"{point('2010-01-01T00:00:00Z', 0)}</Track></Course></Courses></TrainingCenterDatabase>",
        encoding="utf-8",
    )
    with pytest.raises(NotAnActivity, match="course") as caught:
        tcx.decode(file_source(path))
    assert str(path) in str(caught.value)


def test_an_unreadable_number_names_the_file(tmp_path: Path) -> None:
    bad = point("2024-05-01T07:00:00Z", 0).replace("<AltitudeMeters>300", "<AltitudeMeters>hi")
    path = write(tmp_path, run(lap("2024-05-01T07:00:00Z", 1, 0, 0, bad)))
    with pytest.raises(DecodeError, match=r"unreadable AltitudeMeters 'hi' \(point 1\)"):
        tcx.decode(file_source(path))
