"""Apple Health export.xml: real exports from the corpus, and exports generated here.

Step totals are checked against an independent sum made with the standard library's
ElementTree and plain epoch arithmetic, not with footfall's parser."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import math
import subprocess
import sys
import time
import tracemalloc
import xml.etree.ElementTree as ET
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from footfall.activity import Decoded
from footfall.errors import DecodeError, NotAnActivity, UnsafeInput
from footfall.formats import apple_health
from footfall.formats.archive import expand_zip
from footfall.formats.source import Source, file_source

STEP = "HKQuantityTypeIdentifierStepCount"
HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n<HealthData locale="en_US">\n'
FOOTER = "</HealthData>\n"


def decode_file(path: Path) -> Decoded:
    return apple_health.decode(file_source(path))


def write_export(tmp_path: Path, body: str, name: str = "export.xml") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + body + FOOTER, encoding="utf-8")
    return path


def step_record(source: str, start: str, end: str, value: str) -> str:
    return (
        f'<Record type="{STEP}" sourceName="{source}" unit="count" '
        f'startDate="{start}" endDate="{end}" value="{value}"/>\n'
    )


def independent_day_steps(path: Path) -> dict[tuple[dt.date, str], float]:
    """Per (local day, source) sums of top-level StepCount records, split at local
    midnight by overlap of [start, end) with each local day, in epoch seconds."""
    totals: defaultdict[tuple[dt.date, str], float] = defaultdict(float)
    for record in ET.parse(path).getroot().findall("Record"):
        if record.get("type") != STEP:
            continue
        start = dt.datetime.strptime(record.get("startDate", ""), "%Y-%m-%d %H:%M:%S %z")
        end = dt.datetime.strptime(record.get("endDate", ""), "%Y-%m-%d %H:%M:%S %z")
        offset = start.utcoffset().total_seconds()  # type: ignore[union-attr]
        a, b = start.timestamp() + offset, end.timestamp() + offset  # local epoch seconds
        value = float(record.get("value", ""))
        source = "apple_health:" + record.get("sourceName", "")
        if b <= a:
            totals[start.date(), source] += value
            continue
        for day_index in range(int(a // 86400), int((b - 1e-9) // 86400) + 1):
            overlap = min(b, (day_index + 1) * 86400) - max(a, day_index * 86400)
            day = dt.date(1970, 1, 1) + dt.timedelta(days=day_index)
            totals[day, source] += value * overlap / (b - a)
    return totals


def as_table(decoded: Decoded) -> dict[tuple[dt.date, str], int]:
    return {(d.date, d.source): d.steps for d in decoded.day_steps}


# --- the real exports ------------------------------------------------------------------


def test_the_2017_export_has_61_workouts_21_runs_and_28_walks(corpus: Path) -> None:
    decoded = decode_file(corpus / "other/hkimport__export.xml")
    sports = Counter(activity.source_sport for activity in decoded.activities)
    assert len(decoded.activities) == 61
    assert sports["hkworkoutactivitytyperunning"] == 21
    assert sports["hkworkoutactivitytypewalking"] == 28
    assert [a.index for a in decoded.activities] == list(range(61))
    assert all(a.utc_offset_s == 7200 and len(a.samples) == 0 for a in decoded.activities)
    assert decoded.problems == []


def test_the_2017_export_steps_match_an_independent_sum_per_day_and_source(
    corpus: Path,
) -> None:
    path = corpus / "other/hkimport__export.xml"
    expected = independent_day_steps(path)
    decoded = decode_file(path)
    assert as_table(decoded) == {key: round(total) for key, total in expected.items()}
    assert {source for _day, source in expected} == {
        "apple_health:Jonathan’s iPhone",
        "apple_health:Connect",
        "apple_health:Health",
    }
    records = [r for r in ET.parse(path).getroot().findall("Record") if r.get("type") == STEP]
    assert len(records) == 3980
    assert sum(d.steps for d in decoded.day_steps) == sum(int(r.get("value", "")) for r in records)


def test_the_2019_export_splits_records_across_midnight_like_an_independent_sum(
    corpus: Path,
) -> None:
    path = corpus / "other/rgosdin__export.xml"
    decoded = decode_file(path)
    expected = independent_day_steps(path)
    assert decoded.activities == []
    assert len(decoded.day_steps) == len(expected)
    for day in decoded.day_steps:
        assert day.steps == pytest.approx(expected[day.date, day.source], abs=0.5)
    assert all(d.source == "apple_health:Ryan Phone" for d in decoded.day_steps)


def test_a_user_entered_run_of_zero_duration_is_kept_with_an_unknown_time(corpus: Path) -> None:
    decoded = decode_file(corpus / "other/hkimport__export.xml")
    start = dt.datetime(2017, 6, 25, 11, 25, tzinfo=dt.UTC)
    (run,) = [a for a in decoded.activities if a.start == start]
    assert run.source_sport == "hkworkoutactivitytyperunning"
    assert math.isnan(run.totals.elapsed_s)
    assert run.totals.distance_m == pytest.approx(5000.0)
    assert run.totals.calories_kcal == pytest.approx(300.0)
    assert run.device == "Health"


def test_a_zero_total_distance_is_not_recorded_rather_than_zero_metres(corpus: Path) -> None:
    decoded = decode_file(corpus / "other/hkimport__export.xml")
    first = decoded.activities[0]  # a 4.3 minute "Human" walk with totalDistance="0"
    assert first.totals.elapsed_s == pytest.approx(4.314366666475932 * 60)
    assert math.isnan(first.totals.distance_m)
    assert first.totals.calories_kcal == 21.0


def test_an_inline_route_gives_the_workout_its_points(corpus: Path) -> None:
    decoded = decode_file(corpus / "other/healthkit2sqlite__export.xml")
    (run,) = decoded.activities
    assert run.start == dt.datetime(2016, 11, 14, 14, 25, 41, tzinfo=dt.UTC)
    assert run.utc_offset_s == -7 * 3600
    assert run.device == "Apple\u00a0Watch"  # the file's own no-break space, kept verbatim
    assert run.totals.elapsed_s == pytest.approx(5.19412346680959 * 60)
    assert run.totals.distance_m == pytest.approx(0.4971749504535062 * 1609.344)
    assert run.totals.calories_kcal == pytest.approx(48.745)
    points = run.samples
    assert len(points) == 2
    assert (
        points.time_s.tolist()
        == [dt.datetime(2016, 11, 14, 14, 25, 44, tzinfo=dt.UTC).timestamp()] * 2
    )
    assert points.lat_deg.tolist() == [37.7777, 37.7777]
    assert points.lon_deg.tolist() == [-122.426, -122.426]
    assert points.altitude_m.tolist() == [21.2694, 21.2677]
    assert points.speed_m_s.tolist() == [2.48034, 2.48034]
    assert decoded.day_steps == []  # BodyMassIndex and HeartRate records are ignored


def test_a_zipped_export_takes_the_route_gpx_points_through_resolve(
    corpus: Path, tmp_path: Path
) -> None:
    route = corpus / "other/healthkit2sqlite__route_2019-06-11_3.00pm.gpx"
    zip_path = tmp_path / "export.zip"
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(
            corpus / "other/healthkit2sqlite__zip_contents_export.xml",
            "apple_health_export/export.xml",
        )
        archive.write(route, "apple_health_export/workout-routes/" + route.name.split("__")[1])
    (source,) = expand_zip(zip_path)
    assert isinstance(source, Source)
    decoded = apple_health.decode(source)
    assert decoded.problems == []
    (run,) = decoded.activities
    gpx_points = [
        (float(p.get("lat", "")), float(p.get("lon", "")), p.findtext("{*}time"))
        for p in ET.parse(route).getroot().iter("{http://www.topografix.com/GPX/1/1}trkpt")
    ]
    assert len(gpx_points) == len(run.samples) == 3
    assert run.samples.lat_deg.tolist() == [lat for lat, _lon, _t in gpx_points]
    assert run.samples.lon_deg.tolist() == [lon for _lat, lon, _t in gpx_points]
    assert run.samples.time_s.tolist() == [
        dt.datetime.fromisoformat(t or "").timestamp() for _lat, _lon, t in gpx_points
    ]
    assert run.samples.altitude_m[0] == pytest.approx(4.076904)


def test_a_route_missing_from_the_export_is_a_warning_and_the_workout_is_kept(
    corpus: Path,
) -> None:
    path = corpus / "other/healthkit2sqlite__zip_contents_export.xml"
    decoded = decode_file(path)  # the corpus has no workout-routes/ folder beside it
    (run,) = decoded.activities
    assert len(run.samples) == 0
    assert run.totals.distance_m == pytest.approx(800.1255, abs=1e-3)
    assert decoded.problems == []
    (warning,) = decoded.warnings
    assert str(warning) == (
        f"{path}: workout route '/workout-routes/route_2019-06-11_3.00pm.gpx' is not in the "
        "export; the workout is kept without it"
    )


def test_the_clinical_document_beside_the_export_is_not_an_activity(corpus: Path) -> None:
    with pytest.raises(NotAnActivity, match="clinical document"):
        decode_file(corpus / "other/rgosdin__export_cda.xml")


def test_an_export_is_streamed_past_the_activity_size_limit(corpus: Path) -> None:
    path = corpus / "other/healthkit2sqlite__export.xml"
    (run,) = apple_health.decode(file_source(path, limit=1024)).activities
    assert path.stat().st_size > 1024
    assert len(run.samples) == 2


# --- generated exports -----------------------------------------------------------------


def test_a_record_across_local_midnight_is_split_in_proportion(tmp_path: Path) -> None:
    path = write_export(
        tmp_path,
        step_record("Watch", "2024-03-09 23:30:00 -0800", "2024-03-10 00:30:00 -0800", "120")
        + step_record("Watch", "2024-03-10 07:00:00 -0800", "2024-03-10 07:10:00 -0800", "900"),
    )
    assert as_table(decode_file(path)) == {
        (dt.date(2024, 3, 9), "apple_health:Watch"): 60,
        (dt.date(2024, 3, 10), "apple_health:Watch"): 960,
    }


@given(
    start_s=st.integers(1_420_070_400, 1_893_456_000),  # 2015 to 2030
    minutes=st.integers(0, 4 * 24 * 60),
    offset_min=st.integers(-12 * 60, 14 * 60).map(lambda m: m - m % 15),
)
def test_a_split_covers_consecutive_local_days_and_shares_add_up_to_one(
    start_s: int, minutes: int, offset_min: int
) -> None:
    zone = dt.timezone(dt.timedelta(minutes=offset_min))
    begin = dt.datetime.fromtimestamp(start_s, zone)
    end = (begin + dt.timedelta(minutes=minutes)).astimezone(dt.UTC)
    last_moment = end.astimezone(zone) - dt.timedelta(microseconds=1) if minutes else begin
    shares = apple_health.split_by_local_day(begin, end)
    days = [day for day, _share in shares]
    assert (days[0], days[-1]) == (begin.date(), last_moment.date())
    assert all(b - a == dt.timedelta(days=1) for a, b in itertools.pairwise(days))
    assert sum(share for _day, share in shares) == pytest.approx(1.0)
    assert all(share > 0 for _day, share in shares)


def test_the_local_day_follows_each_records_own_offset(tmp_path: Path) -> None:
    path = write_export(
        tmp_path,
        step_record("Phone", "2024-03-10 01:00:00 +0900", "2024-03-10 01:05:00 +0900", "500"),
    )
    assert as_table(decode_file(path)) == {(dt.date(2024, 3, 10), "apple_health:Phone"): 500}


def test_records_repeated_inside_a_correlation_count_once(tmp_path: Path) -> None:
    record = step_record("Phone", "2024-01-02 10:00:00 +0000", "2024-01-02 10:05:00 +0000", "700")
    body = record + (
        '<Correlation type="HKCorrelationTypeFood" sourceName="Phone" '
        'startDate="2024-01-02 10:00:00 +0000" endDate="2024-01-02 10:05:00 +0000">'
        + record
        + "</Correlation>\n"
    )
    assert as_table(decode_file(write_export(tmp_path, body))) == {
        (dt.date(2024, 1, 2), "apple_health:Phone"): 700
    }


def test_workout_statistics_fill_in_missing_totals(tmp_path: Path) -> None:
    body = (
        '<Workout workoutActivityType="HKWorkoutActivityTypeWalking" duration="30" '
        'durationUnit="min" sourceName="Apple Watch" startDate="2023-05-01 07:00:00 +0100" '
        'endDate="2023-05-01 07:30:00 +0100">\n'
        '<WorkoutStatistics type="HKQuantityTypeIdentifierDistanceWalkingRunning" '
        'startDate="2023-05-01 07:00:00 +0100" endDate="2023-05-01 07:30:00 +0100" '
        'sum="1.75" unit="mi"/>\n'
        '<WorkoutStatistics type="HKQuantityTypeIdentifierActiveEnergyBurned" '
        'startDate="2023-05-01 07:00:00 +0100" endDate="2023-05-01 07:30:00 +0100" '
        'sum="418.4" unit="kJ"/>\n'
        '<WorkoutStatistics type="HKQuantityTypeIdentifierStepCount" '
        'startDate="2023-05-01 07:00:00 +0100" endDate="2023-05-01 07:30:00 +0100" '
        'sum="3900" unit="count"/>\n'
        "</Workout>\n"
    )
    (walk,) = decode_file(write_export(tmp_path, body)).activities
    assert walk.start == dt.datetime(2023, 5, 1, 6, 0, tzinfo=dt.UTC)
    assert walk.utc_offset_s == 3600
    assert walk.totals.elapsed_s == 1800.0
    assert walk.totals.distance_m == pytest.approx(1.75 * 1609.344)
    assert walk.totals.calories_kcal == pytest.approx(100.0)
    assert walk.totals.steps == 3900.0


def test_an_empty_workout_is_skipped_as_a_problem(tmp_path: Path) -> None:
    body = (
        '<Workout workoutActivityType="HKWorkoutActivityTypeYoga" duration="0" '
        'durationUnit="min" sourceName="Health" startDate="2023-05-01 07:00:00 +0000" '
        'endDate="2023-05-01 07:00:00 +0000"/>\n'
    )
    decoded = decode_file(write_export(tmp_path, body))
    assert decoded.activities == []
    (problem,) = decoded.problems
    assert "line 3: a workout states no time, distance, energy or route; skipped" in str(problem)


def test_an_unreadable_record_is_skipped_and_the_rest_kept(tmp_path: Path) -> None:
    body = (
        step_record("Phone", "yesterday", "2024-01-02 10:05:00 +0000", "10")
        + step_record("Phone", "2024-01-02 10:00:00 +0000", "2024-01-02 10:05:00 +0000", "many")
        + step_record("Phone", "2024-01-02 11:00:00 +0000", "2024-01-02 11:05:00 +0000", "300")
    )
    decoded = decode_file(write_export(tmp_path, body))
    assert as_table(decoded) == {(dt.date(2024, 1, 2), "apple_health:Phone"): 300}
    assert [str(p).split(": ", 1)[1][:30] for p in decoded.problems] == [
        "line 3: a step record is unrea",
        "line 4: a step record is unrea",
    ]


# The iOS 16 (HealthKit Export Version 12) DTD leaves <!ATTLIST VisionPrescription
# unclosed, so every XML parser rejects the file as Apple writes it (reported in
# markwk/qs_ledger#23, jameno/Simple-Apple-Health-XML-to-CSV#2). Padded past 4 KiB
# like the real one, which runs to about 155 lines.
IOS16_PROLOG = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE HealthData [\n'
    "<!-- HealthKit Export Version: 12 -->\n"
    "<!ELEMENT HealthData (ExportDate,Me,(Record|Workout|VisionPrescription)*)>\n"
    "<!ATTLIST HealthData\n  locale CDATA #REQUIRED\n>\n"
    + "".join(
        f"<!ELEMENT Padding{i} EMPTY>\n<!ATTLIST Padding{i}\n  x CDATA #IMPLIED\n>\n"
        for i in range(80)
    )
    + "<!ELEMENT VisionPrescription (RightEye?,LeftEye?)>\n"
    "<!ATTLIST VisionPrescription\n  type CDATA #REQUIRED\n  brand CDATA #IMPLIED\n"
    "<!ELEMENT RightEye EMPTY>\n<!ATTLIST RightEye\n  sphere CDATA #IMPLIED\n>\n"
    "]>\n"
    '<HealthData locale="en_US">\n'
)


def test_an_ios16_export_with_its_broken_dtd_and_vertical_tabs_decodes(tmp_path: Path) -> None:
    record = step_record(
        "Anna\x0bs Watch", "2023-02-01 09:00:00 +0100", "2023-02-01 09:10:00 +0100", "1200"
    )
    bad = step_record("Watch", "2023-02-01 09:00:00 +0100", "2023-02-01 09:10:00 +0100", "x")
    path = tmp_path / "export.xml"
    path.write_text(IOS16_PROLOG + record + bad + FOOTER, encoding="utf-8")
    with pytest.raises(ET.ParseError):
        ET.parse(path)  # the standard library cannot read what Apple wrote
    decoded = decode_file(path)
    assert as_table(decoded) == {(dt.date(2023, 2, 1), "apple_health:Annas Watch"): 1200}
    line = IOS16_PROLOG.count("\n") + 2
    (problem,) = decoded.problems
    assert f": line {line}: a step record is unreadable" in str(problem)
    assert path.read_text(encoding="utf-8").split("\n")[line - 1].endswith('value="x"/>')


def test_a_file_that_is_not_a_health_export_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "export.xml"
    path.write_text("<?xml version='1.0'?><gpx version='1.1'/>", encoding="utf-8")
    with pytest.raises(DecodeError, match="not an Apple Health export"):
        decode_file(path)


def test_an_export_declaring_entities_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "export.xml"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE HealthData [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
        '<HealthData locale="en_US"><ExportDate value="&x;"/></HealthData>\n',
        encoding="utf-8",
    )
    with pytest.raises(UnsafeInput, match="declares XML entities"):
        decode_file(path)


def test_a_cut_off_export_is_a_problem_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "export.xml"
    record = step_record("Phone", "2024-01-02 10:00:00 +0000", "2024-01-02 10:05:00 +0000", "9")
    path.write_text(HEADER + record * 3 + record[:40], encoding="utf-8")
    with pytest.raises(DecodeError) as caught:
        decode_file(path)
    assert str(caught.value).startswith(str(path))


# --- a large export in flat memory -------------------------------------------------------

RECORDS = 200_000


@pytest.fixture(scope="module")
def large_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """200,000 records (half StepCount, from three phones) written in 7-minute steps."""
    path = tmp_path_factory.mktemp("large") / "export.xml"
    zone = dt.timezone(dt.timedelta(hours=-5))
    start = dt.datetime(2024, 1, 1, tzinfo=zone)
    device = "&lt;&lt;HKDevice: 0x283&gt;, name:iPhone, manufacturer:Apple Inc.&gt;"
    with path.open("w", encoding="utf-8") as out:
        out.write(HEADER)
        for i in range(RECORDS):
            a = start + dt.timedelta(minutes=7 * i)
            b = a + dt.timedelta(minutes=5)
            kind = STEP if i % 2 == 0 else "HKQuantityTypeIdentifierHeartRate"
            out.write(
                f'<Record type="{kind}" sourceName="Phone {i % 3}" device="{device}" '
                f'unit="count" startDate="{a:%Y-%m-%d %H:%M:%S %z}" '
                f'endDate="{b:%Y-%m-%d %H:%M:%S %z}" value="{i % 500}"/>\n'
            )
        out.write(FOOTER)
    return path


def test_a_large_export_decodes_in_flat_memory(large_export: Path) -> None:
    size = large_export.stat().st_size
    tracemalloc.start()
    try:
        decoded = decode_file(large_export)
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert sum(d.steps for d in decoded.day_steps) == sum(i % 500 for i in range(0, RECORDS, 2))
    assert {d.source for d in decoded.day_steps} == {f"apple_health:Phone {i}" for i in range(3)}
    assert size > 40 * 1024 * 1024
    assert peak < size / 10


def test_a_large_export_keeps_the_process_resident_memory_flat(large_export: Path) -> None:
    """libxml2's tree is invisible to tracemalloc: measure the whole process instead."""
    script = (
        "import json, resource, sys\n"
        "from pathlib import Path\n"
        "from footfall.formats import apple_health\n"
        "from footfall.formats.source import file_source\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "apple_health.decode(file_source(Path(sys.argv[1])))\n"
        "after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "print(json.dumps({'grown_kib': after - before}))\n"
    )
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", script, str(large_export)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    grown_bytes = json.loads(result.stdout)["grown_kib"] * 1024
    assert grown_bytes < large_export.stat().st_size / 4
    assert time.perf_counter() - started < 10
