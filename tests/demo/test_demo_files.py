"""The demo's files are real files: independent readers (gpxpy, lxml, fitdecode,
garmin-fit-sdk) and footfall's own decoders read the schedule's distances and durations
back out of them, and the same seed writes the same bytes."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import importlib
import io
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import fitdecode
import gpxpy
import numpy as np
import pytest
from garmin_fit_sdk import Decoder, Stream
from lxml import etree

from footfall.activity import Decoded
from footfall.demo import STEPS_FILE, PlannedActivity, demo_schedule, write_demo
from footfall.formats.sniff import sniff
from footfall.formats.source import Source, file_source

END = dt.date(2026, 3, 22)
SEED = 7
TCX = "{http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2}"
AX = "{http://www.garmin.com/xmlschemas/ActivityExtension/v2}"
TPX = "{http://www.garmin.com/xmlschemas/TrackPointExtension/v1}"


@dataclass(frozen=True)
class Demo:
    folder: Path
    paths: list[Path]
    plans: dict[str, PlannedActivity]
    seconds_to_write: float

    def files(self, fmt: str) -> list[tuple[Path, PlannedActivity]]:
        return [
            (p, self.plans[p.name])
            for p in self.paths
            if p.name in self.plans and self.plans[p.name].format == fmt
        ]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Demo:
    folder = tmp_path_factory.mktemp("demo")
    began = time.process_time()  # this process's CPU time: other tests running alongside
    # (pytest -n) do not count against the demo
    paths = write_demo(folder, end=END, seed=SEED)
    seconds = time.process_time() - began
    plans = {plan.file_name: plan for plan in demo_schedule(END, SEED)}
    return Demo(folder, paths, plans, seconds)


def content(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def utc(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.UTC)


def test_it_writes_one_file_per_activity_and_the_daily_steps(demo: Demo) -> None:
    assert [p.name for p in demo.paths[:-1]] == list(demo.plans)
    assert demo.paths[-1].name == STEPS_FILE
    assert sorted(p.name for p in demo.folder.iterdir()) == sorted(p.name for p in demo.paths)


def test_writing_it_again_gives_byte_identical_files(demo: Demo, tmp_path: Path) -> None:
    again = write_demo(tmp_path, end=END, seed=SEED)
    assert [p.name for p in again] == [p.name for p in demo.paths]
    for first, second in zip(demo.paths, again, strict=True):
        assert first.read_bytes() == second.read_bytes(), first.name


def test_another_seed_gives_other_files(demo: Demo, tmp_path: Path) -> None:
    other = write_demo(tmp_path, end=END, seed=SEED + 1)
    assert other[-1].read_bytes() != demo.paths[-1].read_bytes()


def test_the_whole_demo_writes_in_under_five_seconds(demo: Demo) -> None:
    assert demo.seconds_to_write < 5.0, f"{demo.seconds_to_write:.1f} s of CPU"


def test_gpx_files_read_back_with_gpxpy(demo: Demo) -> None:
    gpx_files = demo.files("gpx")
    assert len(gpx_files) >= 8
    for path, plan in gpx_files:
        gpx = gpxpy.parse(content(path).decode("utf-8"))
        track = gpx.tracks[0]
        points = track.segments[0].points
        assert track.type == plan.sport and track.name == plan.name
        assert points[0].time == utc(plan.start) and points[-1].time == utc(plan.end)
        assert gpx.length_2d() == pytest.approx(plan.distance_m, rel=0.015), path.name
        gaps = np.diff([p.time.timestamp() for p in points])
        assert gaps.min() >= 1 and gaps.max() <= 5
        strides = [int(p.extensions[0].find(f"{TPX}cad").text) for p in points[10:]]
        assert 50 <= np.median(strides) <= 92


def test_tcx_files_read_back_with_lxml_lap_by_lap(demo: Demo) -> None:
    tcx_files = demo.files("tcx")
    assert len(tcx_files) >= 3
    for path, plan in tcx_files:
        root = etree.fromstring(content(path))
        laps = root.findall(f".//{TCX}Lap")
        distance = sum(float(lap.findtext(f"{TCX}DistanceMeters") or "nan") for lap in laps)
        seconds = sum(float(lap.findtext(f"{TCX}TotalTimeSeconds") or "nan") for lap in laps)
        assert distance == pytest.approx(plan.distance_m, abs=0.05 * len(laps))
        assert seconds == plan.seconds
        last = root.findall(f".//{TCX}Trackpoint")[-1]
        assert float(last.findtext(f"{TCX}DistanceMeters") or "nan") == pytest.approx(
            plan.distance_m, abs=0.01
        )
        cadence = [int(c.text or "0") for c in root.iter(f"{AX}RunCadence")]
        assert 80 <= np.median(cadence) <= 90
        expected_laps = (
            len(plan.segments) if plan.laps == "segments" else -(-plan.distance_m // 1000)
        )
        assert len(laps) == expected_laps


def fit_messages(path: Path) -> dict[str, list[dict[str, object]]]:
    messages: dict[str, list[dict[str, object]]] = {}
    with fitdecode.FitReader(io.BytesIO(content(path)), check_crc=fitdecode.CrcCheck.RAISE) as fit:
        for frame in fit:
            if isinstance(frame, fitdecode.FitDataMessage):
                fields = {f.name: f.value for f in frame.fields}
                messages.setdefault(frame.name, []).append(fields)
    return messages


def test_fit_files_read_back_with_fitdecode(demo: Demo) -> None:
    fit_files = demo.files("fit")
    assert len(fit_files) >= 30
    for path, plan in fit_files:
        messages = fit_messages(path)
        session = messages["session"][0]
        records = messages["record"]
        assert len(records) == plan.seconds + 1
        assert records[0]["timestamp"] == utc(plan.start)
        assert session["total_distance"] == pytest.approx(plan.distance_m, abs=0.02)
        assert session["total_timer_time"] == pytest.approx(plan.seconds, abs=0.001)
        assert session["sport"] == plan.sport
        assert session["sub_sport"] == ("treadmill" if plan.indoor else "generic")
        assert len(messages["lap"]) == session["num_laps"]
        assert ("position_lat" in records[100]) != plan.indoor or records[100].get(
            "position_lat"
        ) is None
        activity = messages["activity"][0]
        # fitdecode labels the wall-clock local_timestamp as UTC; the difference is the offset
        offset = activity["local_timestamp"] - activity["timestamp"]
        assert offset == plan.start.utcoffset()


def test_fit_cadence_is_strides_and_the_session_counts_strides(demo: Demo) -> None:
    path, plan = next((p, a) for p, a in demo.files("fit") if a.kind == "long")
    messages = fit_messages(path)
    records = messages["record"]
    strides = np.array(
        [r["cadence"] + (r.get("fractional_cadence") or 0.0) for r in records], dtype=float
    )
    assert 80 <= np.median(strides) <= 90
    cycles = messages["session"][0]["total_strides"]  # total_cycles, named for running
    assert cycles == pytest.approx(strides[1:].sum() / 60, abs=3)
    assert cycles * 2 == pytest.approx(plan.distance_m / 1.0, rel=0.1)  # ~1 m per step


def test_the_treadmill_walk_has_speed_and_cadence_but_no_positions(demo: Demo) -> None:
    path = next(p for p, a in demo.files("fit") if a.kind == "treadmill_walk")
    records = fit_messages(path)["record"]
    assert all(r.get("position_lat") is None for r in records)
    speeds = [r["enhanced_speed"] for r in records[400:-300]]
    assert np.mean(speeds) * 3.6 == pytest.approx(5.95, abs=0.2)
    assert 52 <= np.median([r["cadence"] for r in records[400:-300]]) <= 62


def test_fit_files_read_back_with_garmin_fit_sdk(demo: Demo) -> None:
    for path, plan in demo.files("fit")[::4]:
        data = bytearray(content(path))
        checker = Decoder(Stream.from_byte_array(data))
        assert checker.is_fit() and checker.check_integrity()
        messages, errors = Decoder(Stream.from_byte_array(data)).read()
        assert errors == []
        session = messages["session_mesgs"][0]
        assert session["total_distance"] == pytest.approx(plan.distance_m, abs=0.02)
        assert len(messages["record_mesgs"]) == plan.seconds + 1


def read_steps(path: Path) -> dict[dt.date, int]:
    with path.open(newline="", encoding="ascii") as handle:
        return {dt.date.fromisoformat(r["date"]): int(r["steps"]) for r in csv.DictReader(handle)}


def test_the_steps_file_has_a_total_for_each_of_the_42_days(demo: Demo) -> None:
    steps = read_steps(demo.paths[-1])
    first = END - dt.timedelta(days=41)
    assert list(steps) == [first + dt.timedelta(days=d) for d in range(42)]
    assert min(steps.values()) >= 3000
    quiet_days = [steps[d] for d in steps if d not in {p.start.date() for p in demo.plans.values()}]
    assert all(v < 8000 for v in quiet_days)


def our_decoder(fmt: str) -> Callable[[Source], Decoded]:
    """footfall's own decoder for ``fmt`` (the one ``footfall.formats.decode`` picks for
    what ``sniff`` says), or a skip naming the module while it is not there."""
    try:
        module = importlib.import_module(f"footfall.formats.{fmt}")
    except ImportError as exc:
        pytest.skip(f"footfall's own {fmt} decoder is not there yet ({exc})")
    if not hasattr(module, "decode"):
        pytest.skip(f"footfall.formats.{fmt} has no decode() yet")
    decoder: Callable[[Source], Decoded] = module.decode
    return decoder


@pytest.mark.parametrize("fmt", ["fit", "gpx", "tcx"])
def test_footfalls_own_decoders_read_the_schedule_back(demo: Demo, fmt: str) -> None:
    decode = our_decoder(fmt)
    for path, plan in demo.files(fmt):
        source = file_source(path)
        assert sniff(source.head()) == fmt
        decoded = decode(source)
        [activity] = decoded.activities
        samples = activity.samples
        assert activity.start_s == pytest.approx(plan.start.timestamp(), abs=1)
        assert samples.time_s[-1] - samples.time_s[0] == plan.seconds
        assert np.nanmax(samples.distance_m) == pytest.approx(plan.distance_m, rel=0.015)
        assert activity.source_sport.startswith(plan.sport)
        assert samples.has("lat_deg") != plan.indoor
        moving = samples.speed_m_s > 0.3 if samples.has("speed_m_s") else slice(None)
        assert 50 <= np.nanmedian(samples.cadence_cpm[moving]) <= 92


def test_footfalls_own_steps_decoder_reads_the_daily_totals(demo: Demo) -> None:
    decode = our_decoder("csv_steps")
    source = file_source(demo.paths[-1])
    assert sniff(source.head()) == "csv_steps"
    decoded = decode(source)
    assert {d.date: d.steps for d in decoded.day_steps} == read_steps(demo.paths[-1])
