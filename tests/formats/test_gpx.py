"""GPX decoding: the real corpus against gpxpy, and behaviours on files made here."""

from __future__ import annotations

import datetime as dt
import gzip
import math
from pathlib import Path

import gpxpy
import gpxpy.geo
import numpy as np
import pytest
from lxml import etree

from corpus import CorpusFile, corpus_params
from footfall.activity import Activity
from footfall.errors import DecodeError, NotAnActivity
from footfall.formats import gpx
from footfall.formats.source import file_source

GPX11 = "http://www.topografix.com/GPX/1/1"
TPX_V1 = "http://www.garmin.com/xmlschemas/TrackPointExtension/v1"
TPX_V2 = "http://www.garmin.com/xmlschemas/TrackPointExtension/v2"

#: Corpus files that hold no recording, and why (the manifest lists them as ok).
NOT_ACTIVITIES = {
    # MapMyFitness "ride mapped": 9,722 points drawn on a map, not one has a time.
    "gpx/gc__A_ride_mapped_on_11_22_2011.gpx": "route/course with no recorded times",
}


def is_gpx(f: CorpusFile) -> bool:
    return f.path.suffix == ".gpx" and f.path.parent.name in {"gpx", "strava", "other"}


def one_activity(path: Path) -> Activity:
    decoded = gpx.decode(file_source(path))
    assert decoded.format == "gpx" and len(decoded.activities) == 1
    return decoded.activities[0]


def reference_length_m(parsed: gpxpy.gpx.GPX) -> float:
    """gpxpy's 2-D length, split where a point lies off the globe or jumps.

    Where gpxpy and the schema disagree the schema wins: latitudeType is -90..90 and
    longitudeType -180..180, so OpenTracks' legacy pause markers (lat 100 and 200) are
    not places, and gpxpy's 39,506 km across them is not a distance run. A step faster
    than ``gpx.MAX_TRAVEL_SPEED_M_S`` is a GPS jump, not ground covered (gpxpy counts
    it): runpandas' stopped_example moves 64 m in the second after a pause.
    """
    total = 0.0
    for track in parsed.tracks:
        for segment in track.segments:
            run: list[gpxpy.gpx.GPXTrackPoint] = []
            for point in [*segment.points, None]:
                if point is not None and abs(point.latitude) <= 90:
                    if run and jumps(run[-1], point):
                        total += gpxpy.geo.length_2d(run)
                        run = []
                    run.append(point)
                    continue
                total += gpxpy.geo.length_2d(run) if len(run) > 1 else 0.0
                run = []
    return total


def jumps(before: gpxpy.gpx.GPXTrackPoint, after: gpxpy.gpx.GPXTrackPoint) -> bool:
    """gpxpy's distance between two timed points faster than any human-powered travel."""
    seconds = max(after.time_difference(before) or 0.0, gpx.TIME_RESOLUTION_S)
    return after.distance_2d(before) / seconds > gpx.MAX_TRAVEL_SPEED_M_S


def timed_points(path: Path) -> list[float]:
    """Times of the trkpts that have one, by plain lxml (no gpxpy)."""
    tree = etree.parse(str(path))
    texts = tree.xpath("//*[local-name()='trkpt']/*[local-name()='time']/text()")
    return [gpx.xsd_datetime(str(text)).timestamp() for text in texts]


@pytest.mark.parametrize("case", corpus_params(lambda f: is_gpx(f) and f.expect == "ok"))
def test_every_corpus_gpx_decodes_like_gpxpy_reads_it(case: CorpusFile) -> None:
    if case.name in NOT_ACTIVITIES:
        with pytest.raises(NotAnActivity, match=NOT_ACTIVITIES[case.name]):
            gpx.decode(file_source(case.path))
        return
    activity = one_activity(case.path)
    samples = activity.samples
    times = timed_points(case.path)
    assert len(samples) == len(times)
    assert samples.time_s[0] == pytest.approx(min(times))
    assert samples.time_s[-1] == pytest.approx(max(times))
    assert activity.start_s == samples.time_s[0]
    assert np.all(np.diff(samples.time_s) >= 0)
    if case.name == "gpx/runalyze__standard.gpx":
        return  # gpxpy refuses its first trkpt (no lat/lon; the schema requires them)
    with case.path.open(encoding="utf-8") as handle:
        parsed = gpxpy.parse(handle)
    expected = reference_length_m(parsed)
    travelled = float(np.nanmax(samples.distance_m))
    assert travelled == pytest.approx(expected, rel=0.005, abs=0.5)


def write(tmp_path: Path, body: str, *, attrs: str = 'creator="footfall tests"') -> Path:
    path = tmp_path / "made.gpx"
    path.write_text(
        f'<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<gpx version="1.1" {attrs} xmlns="{GPX11}" xmlns:a="{TPX_V1}" xmlns:b="{TPX_V2}">'
        f"{body}</gpx>",
        encoding="utf-8",
    )
    return path


def trkpt(lat: float, lon: float, time: str, extra: str = "") -> str:
    return f'<trkpt lat="{lat}" lon="{lon}"><ele>50</ele><time>{time}</time>{extra}</trkpt>'


def test_it_reads_heart_rate_and_cadence_from_trackpoint_extension_v1_and_v2(
    tmp_path: Path,
) -> None:
    v1 = "<extensions><a:TrackPointExtension><a:hr>141</a:hr><a:cad>86</a:cad>"
    v2 = (
        "<extensions><b:TrackPointExtension><b:hr>143</b:hr><b:cad>87</b:cad><b:speed>3.1</b:speed>"
    )
    end = "</{0}:TrackPointExtension></extensions>"
    body = (
        "<trk><trkseg>"
        + trkpt(48.0, 2.0, "2024-05-01T07:00:00Z", v1 + end.format("a"))
        + trkpt(48.0001, 2.0, "2024-05-01T07:00:01Z", v2 + end.format("b"))
        + "</trkseg></trk>"
    )
    samples = one_activity(write(tmp_path, body)).samples
    assert list(samples.heart_rate_bpm) == [141.0, 143.0]
    assert list(samples.cadence_cpm) == [86.0, 87.0]  # as recorded: strides per minute
    assert math.isnan(samples.speed_m_s[0]) and samples.speed_m_s[1] == 3.1


def test_it_reads_extensions_written_without_a_namespace(tmp_path: Path) -> None:
    ext = (
        "<extensions><speed>2.5</speed><heartrate>120</heartrate><cadence>80</cadence></extensions>"
    )
    body = f"<trk><trkseg>{trkpt(48.0, 2.0, '2024-05-01T07:00:00Z', ext)}</trkseg></trk>"
    samples = one_activity(write(tmp_path, body)).samples
    assert (samples.speed_m_s[0], samples.heart_rate_bpm[0], samples.cadence_cpm[0]) == (
        2.5,
        120.0,
        80.0,
    )


def test_it_measures_great_circle_distance_along_the_points(tmp_path: Path) -> None:
    points = [trkpt(45.0 + i * 0.001, 7.0, f"2024-05-01T07:{i:02d}:00Z") for i in range(5)]
    body = f"<trk><trkseg>{''.join(points)}</trkseg></trk>"
    distance = one_activity(write(tmp_path, body)).samples.distance_m
    # 0.001 degree of latitude is 111.19 m on the mean-radius sphere
    assert distance == pytest.approx([0, 111.19, 222.39, 333.58, 444.78], abs=0.01)


def test_it_adds_no_distance_across_the_gap_between_segments(tmp_path: Path) -> None:
    first = trkpt(45.0, 7.0, "2024-05-01T07:00:00Z") + trkpt(45.001, 7.0, "2024-05-01T07:00:30Z")
    second = trkpt(45.1, 7.0, "2024-05-01T07:30:00Z") + trkpt(45.101, 7.0, "2024-05-01T07:30:30Z")
    body = f"<trk><trkseg>{first}</trkseg><trkseg>{second}</trkseg></trk>"
    distance = one_activity(write(tmp_path, body)).samples.distance_m
    assert distance[-1] == pytest.approx(2 * 111.195, abs=0.01)  # not the 11 km between


def walk_points(seconds: int, outliers: dict[int, float]) -> str:
    """A walk north at 1.45 m/s, one point a second, from 07:00; ``outliers`` moves the
    point at that second so many degrees of latitude off the path."""
    step_deg = 1.45 / 111_195.0  # 1.45 m of latitude on the mean-radius sphere
    start = 1_714_546_800  # 2024-05-01T07:00:00Z
    return "".join(
        trkpt(45.0 + i * step_deg + outliers.get(i, 0.0), 7.0, gpx_time(start + i))
        for i in range(seconds)
    )


def gpx_time(epoch_s: int) -> str:
    return dt.datetime.fromtimestamp(epoch_s, tz=dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def test_one_gps_outlier_far_off_and_back_adds_no_distance(tmp_path: Path) -> None:
    # a 30-minute walk of 2.6 km with one point 0.05 degrees (5.6 km) off the path
    body = f"<trk><trkseg>{walk_points(1800, {900: 0.05})}</trkseg></trk>"
    distance = one_activity(write(tmp_path, body)).samples.distance_m
    assert distance[-1] == pytest.approx(1799 * 1.45, rel=0.002)  # not 13.7 km


def test_a_track_teleporting_between_two_far_places_covers_no_ground(tmp_path: Path) -> None:
    points = [trkpt(45.0 + (i % 2) * 10.0, 7.0, gpx_time(1_714_546_800 + i)) for i in range(60)]
    body = f"<trk><trkseg>{''.join(points)}</trkseg></trk>"
    distance = one_activity(write(tmp_path, body)).samples.distance_m
    assert distance[-1] == 0.0  # not 66,000 km in a minute


def test_a_jump_within_the_same_second_adds_no_distance(tmp_path: Path) -> None:
    same_second = trkpt(45.0, 7.0, "2024-05-01T07:00:00Z") + trkpt(
        45.01, 7.0, "2024-05-01T07:00:00Z"
    )
    body = f"<trk><trkseg>{same_second}</trkseg></trk>"
    assert one_activity(write(tmp_path, body)).samples.distance_m[-1] == 0.0


def test_fast_human_powered_steps_and_a_lost_signal_still_count(tmp_path: Path) -> None:
    # 0.0003 degrees (33 m) a second: a bicycle descending at 120 km/h; then a signal
    # lost for 5 minutes while 1 km was walked
    points = [
        trkpt(45.0, 7.0, "2024-05-01T07:00:00Z"),
        trkpt(45.0003, 7.0, "2024-05-01T07:00:01Z"),
        trkpt(45.009, 7.0, "2024-05-01T07:05:01Z"),
    ]
    body = f"<trk><trkseg>{''.join(points)}</trkseg></trk>"
    distance = one_activity(write(tmp_path, body)).samples.distance_m
    assert distance == pytest.approx([0.0, 33.36, 1000.76], abs=0.01)


def test_tracks_days_apart_are_one_activity_each_with_its_own_distance(tmp_path: Path) -> None:
    def day_walk(day: int) -> str:
        points = [trkpt(45.0 + 0.001 * n, 7.0, f"2024-05-{day:02d}T07:0{n}:00Z") for n in range(4)]
        return f"<trk><trkseg>{''.join(points)}</trkseg></trk>"

    body = day_walk(1) + day_walk(2) + day_walk(12)
    decoded = gpx.decode(file_source(write(tmp_path, body)))
    assert [(a.index, a.start.isoformat()) for a in decoded.activities] == [
        (0, "2024-05-01T07:00:00+00:00"),
        (1, "2024-05-02T07:00:00+00:00"),
        (2, "2024-05-12T07:00:00+00:00"),
    ]
    for walk in decoded.activities:
        assert walk.samples.time_s[-1] - walk.samples.time_s[0] == 180
        assert walk.samples.distance_m == pytest.approx([0.0, 111.2, 222.4, 333.6], abs=0.1)


def test_it_puts_several_tracks_in_time_order(tmp_path: Path) -> None:
    later = f"<trk><name>b</name><trkseg>{trkpt(45.0, 7.0, '2024-05-01T09:00:00Z')}</trkseg></trk>"
    earlier = (
        f"<trk><name>a</name><trkseg>{trkpt(45.0, 7.0, '2024-05-01T08:00:00Z')}</trkseg></trk>"
    )
    activity = one_activity(write(tmp_path, later + earlier))
    assert list(activity.samples.time_s) == [1714550400.0, 1714554000.0]
    assert activity.start.isoformat() == "2024-05-01T08:00:00+00:00"
    assert activity.name == "b"  # the first track's name, as the file lists them


def test_it_converts_time_zone_offsets_to_utc(tmp_path: Path) -> None:
    body = f"<trk><trkseg>{trkpt(45.0, 7.0, '2021-01-07T21:51:59.179+01:15')}</trkseg></trk>"
    activity = one_activity(write(tmp_path, body))
    assert activity.start.isoformat() == "2021-01-07T20:36:59.179000+00:00"
    assert activity.utc_offset_s == 4500


def test_it_converts_the_opentracks_time_zone_file_to_utc(corpus: Path) -> None:
    activity = one_activity(corpus / "gpx" / "opentracks__gpx_timezone.gpx")
    assert activity.start.isoformat() == "2021-01-07T20:36:59.179000+00:00"
    assert activity.utc_offset_s == 75 * 60


def test_it_keeps_labels_device_and_name_from_the_file(tmp_path: Path) -> None:
    body = (
        "<metadata><name>Morning</name></metadata>"
        "<trk><type>Running</type><trkseg>"
        f"{trkpt(45.0, 7.0, '2024-05-01T07:00:00Z')}</trkseg></trk>"
    )
    activity = one_activity(write(tmp_path, body, attrs='creator="Garmin Connect"'))
    assert (activity.source_sport, activity.device, activity.name) == (
        "running",
        "Garmin Connect",
        "Morning",
    )


def test_it_reads_a_strava_export_with_its_numeric_sport(corpus: Path) -> None:
    activity = one_activity(corpus / "strava" / "mvolzstrava__trail_roche_doetre.gpx")
    samples = activity.samples
    assert (activity.source_sport, activity.device, len(samples)) == ("9", "StravaGPX", 4305)
    assert activity.start.isoformat() == "2021-10-17T07:31:59+00:00"
    assert 30_000 < samples.distance_m[-1] < 31_500  # a 30 km trail run
    assert 60 < np.nanmean(samples.heart_rate_bpm) < 200


def test_it_reads_gpx_1_0_with_speed_in_the_point(tmp_path: Path) -> None:
    path = tmp_path / "old.gpx"
    path.write_text(
        '<gpx version="1.0" creator="eTrex" xmlns="http://www.topografix.com/GPX/1/0">'
        "<name>Old</name><trk><trkseg>"
        '<trkpt lat="45" lon="7"><ele>10</ele><time>2010-03-04T05:06:07Z</time>'
        "<speed>2.75</speed></trkpt></trkseg></trk></gpx>",
        encoding="utf-8",
    )
    activity = one_activity(path)
    assert (activity.name, activity.samples.speed_m_s[0]) == ("Old", 2.75)


def test_it_drops_points_without_a_time(tmp_path: Path) -> None:
    untimed = '<trkpt lat="45.5" lon="7"><ele>1</ele></trkpt>'
    timed = trkpt(45.0, 7.0, "2024-05-01T07:00:00Z") + trkpt(45.001, 7.0, "2024-05-01T07:00:09Z")
    body = f"<trk><trkseg>{untimed}{timed}{untimed}</trkseg></trk>"
    samples = one_activity(write(tmp_path, body)).samples
    assert len(samples) == 2 and samples.distance_m[-1] == pytest.approx(111.19, abs=0.01)


def test_pause_markers_off_the_globe_are_no_places_and_break_the_distance(
    corpus: Path, tmp_path: Path
) -> None:
    samples = one_activity(corpus / "gpx" / "opentracks__legacy_gpx_pause_resume.gpx").samples
    assert len(samples) == 6 and int(np.isnan(samples.lat_deg).sum()) == 2
    # OpenTracks' test file steps 111 m in 0.4-1.5 s: GPS jumps, no ground covered
    assert samples.distance_m[-1] == 0.0
    # the same markers in a walk at 1.85 m/s: 2 x 111 m, not the 111 m across the pause
    points = [
        trkpt(3.0, 14.0, "2021-01-07T21:51:00Z"),
        trkpt(3.0, 14.001, "2021-01-07T21:52:00Z"),
        trkpt(100.0, 0.0, "2021-01-07T21:52:30Z"),
        trkpt(200.0, 0.0, "2021-01-07T21:55:00Z"),
        trkpt(3.0, 14.002, "2021-01-07T21:55:30Z"),
        trkpt(3.0, 14.003, "2021-01-07T21:56:30Z"),
    ]
    walked = one_activity(write(tmp_path, f"<trk><trkseg>{''.join(points)}</trkseg></trk>"))
    assert walked.samples.distance_m[-1] == pytest.approx(2 * 111.03, abs=0.1)


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ('<rte><rtept lat="45" lon="7"/><rtept lat="45.1" lon="7"/></rte>', "route/course"),
        ('<trk><trkseg><trkpt lat="45" lon="7"/></trkseg></trk>', "route/course"),
    ],
    ids=["route", "track without times"],
)
def test_a_file_without_a_recording_is_not_an_activity(
    tmp_path: Path, body: str, reason: str
) -> None:
    with pytest.raises(NotAnActivity, match=reason) as caught:
        gpx.decode(file_source(write(tmp_path, body)))
    assert str(tmp_path / "made.gpx") in str(caught.value)


def test_a_file_without_any_point_is_a_failed_export(tmp_path: Path) -> None:
    # GoldenCheetah's MetadataOnly.gpx and FitTrackee's "incorrect" GPX files: nothing to
    # import is a problem to report, not a route to skip quietly.
    with pytest.raises(DecodeError, match="no track or route points") as caught:
        gpx.decode(
            file_source(write(tmp_path, "<metadata><time>2023-07-07T16:10:57Z</time></metadata>"))
        )
    assert str(tmp_path / "made.gpx") in str(caught.value)


def test_the_metadata_only_corpus_file_is_a_problem(corpus: Path) -> None:
    with pytest.raises(DecodeError, match="metadata only"):
        gpx.decode(file_source(corpus / "gpx" / "gc__MetadataOnly.gpx"))


@pytest.mark.parametrize(
    ("point", "says"),
    [
        (
            '<trkpt lat="45" lon="7"><ele>high</ele><time>2024-05-01T07:00:00Z</time></trkpt>',
            "elevation 'high' \\(point 1\\)",
        ),
        ('<trkpt lat="45" lon="7"><time>yesterday</time></trkpt>', "time 'yesterday'"),
        (
            '<trkpt lat="north" lon="7"><time>2024-05-01T07:00:00Z</time></trkpt>',
            "latitude 'north'",
        ),
    ],
)
def test_an_unreadable_value_names_the_file_and_the_value(
    tmp_path: Path, point: str, says: str
) -> None:
    path = write(tmp_path, f"<trk><trkseg>{point}</trkseg></trk>")
    with pytest.raises(DecodeError, match=says) as caught:
        gpx.decode(file_source(path))
    assert str(path) in str(caught.value)


def test_it_reads_a_gzipped_gpx(tmp_path: Path) -> None:
    body = f"<trk><trkseg>{trkpt(45.0, 7.0, '2024-05-01T07:00:00Z')}</trkseg></trk>"
    plain = write(tmp_path, body)
    packed = tmp_path / "made.gpx.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    assert len(one_activity(packed).samples) == 1
