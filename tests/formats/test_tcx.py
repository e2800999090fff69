"""TCX decoding: the real corpus against a plain lxml reading, and files made here."""

from __future__ import annotations

import datetime as dt
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


def test_distance_from_positions_skips_a_gps_jump(tmp_path: Path) -> None:
    def placed(second: int, lat: float) -> str:
        where = f"<LatitudeDegrees>{lat}</LatitudeDegrees><LongitudeDegrees>7.0</LongitudeDegrees>"
        return (
            f"<Trackpoint><Time>2024-05-01T07:00:{second:02d}Z</Time>"
            f"<Position>{where}</Position></Trackpoint>"
        )

    # 0.00001 degree (1.11 m) a second, with the fourth point 0.05 degrees (5.6 km) off
    lats = [45.0 + i * 0.00001 + (0.05 if i == 3 else 0.0) for i in range(8)]
    points = "".join(placed(i, lat) for i, lat in enumerate(lats))
    activity = decode_one(write(tmp_path, run(lap("2024-05-01T07:00:00Z", 7, 0, 0, points))))
    assert activity.samples.distance_m[-1] == pytest.approx(5 * 1.112, abs=0.01)


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


# --- long files, read a column at a time ----------------------------------------------

NAMES = (
    "Time",
    "LatitudeDegrees",
    "LongitudeDegrees",
    "AltitudeMeters",
    "DistanceMeters",
    "Speed",
    "Value",
    "RunCadence",
    "Cadence",
)


def varied_point(i: int) -> str:
    """A trackpoint of a long run; every few points lacks or doubles something."""
    stamp = f"2024-05-01T{7 + i // 3600:02d}:{i // 60 % 60:02d}:{i % 60:02d}Z"
    time = f"<Time>{stamp}</Time>" if i % 97 != 5 else ""
    position = (
        f"<Position><LatitudeDegrees>{45 + i / 1e5:.7f}</LatitudeDegrees>"
        f"<LongitudeDegrees> {7 + i / 1e5:.7f}\n</LongitudeDegrees></Position>"
        if i % 13 != 4
        else ""
    )
    heart = f"<HeartRateBpm><Value>{120 + i % 40}</Value></HeartRateBpm>" if i % 7 else ""
    empty = "<HeartRateBpm><Value> </Value></HeartRateBpm>" if i % 29 == 3 else ""
    distance = f"<DistanceMeters>{i * 2.5}</DistanceMeters>" if i % 31 != 7 else ""
    extension = f"<ax:TPX><ax:Speed>{3 + i % 5 / 10}</ax:Speed>"
    extension += "<Value>999</Value>" if i % 11 == 2 else ""  # a second Value: the first wins
    extension += f"<ax:RunCadence>{80 + i % 9}</ax:RunCadence></ax:TPX>" if i % 3 else "</ax:TPX>"
    return (
        f"<Trackpoint>{time}{position}<AltitudeMeters>{300 + i % 17}</AltitudeMeters>"
        f"{distance}{empty}{heart}<Cadence>{i % 4}</Cadence>"
        f"<Extensions>{extension}</Extensions></Trackpoint>"
    )


def first_texts(point: etree._Element) -> dict[str, str]:
    """What a trackpoint says, read point by point: the first non-empty text of each name."""
    found: dict[str, str] = {}
    for element in point.iterdescendants():
        text = (element.text or "").strip()
        name = etree.QName(element).localname
        if text and name not in found:
            found[name] = text
    return found


def expected_columns(path: Path) -> dict[str, list[float]]:
    rows = [first_texts(p) for p in etree.parse(str(path)).iter(f"{{{TCD}}}Trackpoint")]
    rows = [row for row in rows if "Time" in row]
    columns = {name: [float(row.get(name, "nan")) for row in rows] for name in NAMES[1:]}
    columns["Time"] = [xsd_datetime(row["Time"]).timestamp() for row in rows]
    return columns


def test_every_value_of_a_long_file_matches_a_point_by_point_reading(tmp_path: Path) -> None:
    laps = "".join(
        lap(f"2024-05-01T07:{n * 10:02d}:00Z", 600, 1500, 50, "".join(map(varied_point, points)))
        for n, points in enumerate([range(0, 1200), range(1200, 1201), range(1201, 3400)])
    )
    path = write(tmp_path, run(laps))
    assert path.stat().st_size > 3 * 256 * 1024  # several chunks of bytes, runs across them
    samples = decode_one(path).samples
    expected = expected_columns(path)
    given = {
        "Time": samples.time_s,
        "LatitudeDegrees": samples.lat_deg,
        "LongitudeDegrees": samples.lon_deg,
        "AltitudeMeters": samples.altitude_m,
        "DistanceMeters": samples.distance_m,
        "Speed": samples.speed_m_s,
        "Value": samples.heart_rate_bpm,
    }
    assert len(samples) == 3400 - len([i for i in range(3400) if i % 97 == 5])
    for name, values in given.items():
        np.testing.assert_array_equal(values, expected[name], err_msg=name)
    run_cadence, cadence = np.array(expected["RunCadence"]), np.array(expected["Cadence"])
    np.testing.assert_array_equal(
        samples.cadence_cpm, np.where(np.isnan(run_cadence), cadence, run_cadence)
    )


def test_odd_places_and_siblings_of_trackpoints_are_read_point_by_point(tmp_path: Path) -> None:
    points = [point(f"2024-05-01T07:00:{i:02d}Z", i) for i in range(50)]
    points[30] += "<Notes><Time>2024-05-01T09:00:00Z</Time><Value>77</Value></Notes>"
    inner = "<Trackpoint><Time>2024-05-01T07:00:59Z</Time><Cadence>5</Cadence></Trackpoint>"
    points[40] = points[40].replace("</Trackpoint>", f"{inner}</Trackpoint>")
    outside = point("2024-05-01T07:01:30Z", 99)  # in the Lap, not in a Track
    laps = lap("2024-05-01T07:00:00Z", 90, 99, 5, "".join(points))
    samples = decode_one(write(tmp_path, run(laps.replace("</Lap>", f"{outside}</Lap>")))).samples
    assert len(samples) == 52  # 50, the one inside the 41st, the one out of a Track
    assert list(samples.time_s[-3:] - samples.time_s[0]) == [49, 59, 90]
    assert list(samples.distance_m[[0, 30, 31, 40, 49, 51]]) == [0, 30, 31, 40, 49, 99]
    assert np.isnan(samples.heart_rate_bpm).all()  # the Notes' Value is no trackpoint's
    assert samples.cadence_cpm[50] == 5 and np.isnan(samples.cadence_cpm[40])


@pytest.mark.parametrize("mixed", [False, True], ids=["written alike", "two layouts"])
def test_times_with_offsets_and_fractions_are_read_as_python_reads_them(
    tmp_path: Path, mixed: bool
) -> None:
    start = dt.datetime(2024, 2, 29, 23, 58, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    moments = [start + dt.timedelta(seconds=i, milliseconds=i % 1000) for i in range(300)]
    times = [moment.isoformat(timespec="milliseconds") for moment in moments]  # ...-05:00
    if mixed:
        times[70:90] = [f"2024-03-01T05:01:{i:02d}.5Z" for i in range(10, 30)]
    points = "".join(point(time, i) for i, time in enumerate(times))
    samples = decode_one(write(tmp_path, run(lap(times[0], 300, 299, 9, points)))).samples
    expected = sorted(dt.datetime.fromisoformat(time).timestamp() for time in times)
    assert list(samples.time_s) == expected


def test_a_broken_file_reports_what_is_read_first(tmp_path: Path) -> None:
    bad_lap = lap("2024-05-01T07:00:00Z", 60, 10, 1, point("2024-05-01T07:00:00Z", 0))
    laps = [bad_lap.replace("<TotalTimeSeconds>60", "<TotalTimeSeconds>sixty")]
    for n in range(2500):
        start = f"2024-05-01T{8 + n // 3600:02d}:{n // 60 % 60:02d}:{n % 60:02d}Z"
        laps.append(lap(start, 1, 1, 0, point(start, n)))
    whole = write(tmp_path, run("".join(laps))).read_text(encoding="utf-8")
    near, far = whole.index("</Lap>", 100_000), whole.index("</Lap>", 300_000)
    # The XML problem wins when it is in the chunk of bytes (256 KiB) holding the bad
    # lap; a lap read in an earlier chunk is reported first, as footfall always did.
    for where, says in [(near, "not well-formed XML"), (far, "unreadable TotalTimeSeconds")]:
        path = tmp_path / "broken.tcx"
        path.write_text(whole[:where] + "</Lapp>" + whole[where + 6 :], encoding="utf-8")
        with pytest.raises(DecodeError, match=says):
            tcx.decode(file_source(path))
