"""FIT files made by our writer, then bent the way real devices and damaged disks bend
them: other byte orders, compressed timestamps, developer fields, redefinitions,
chains, several sessions; and cut, flipped, emptied and filled with noise."""

from __future__ import annotations

import datetime as dt
import io
import struct
from typing import BinaryIO

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from footfall.activity import Decoded
from footfall.errors import (
    ChecksumError,
    DecodeError,
    FileProblem,
    TruncatedFile,
    UnknownFormat,
)
from footfall.formats import fit
from footfall.formats.fit.encode import FitWriter
from footfall.formats.fit.header import read_header
from footfall.formats.fit.scan import scan
from footfall.formats.source import Source

START = dt.datetime(2026, 3, 1, 7, 30, tzinfo=dt.UTC)
NAME = "morning-run.fit"


def source_of(data: bytes, display: str = NAME) -> Source:
    def opener() -> BinaryIO:
        return io.BytesIO(data)

    return Source(display, opener)


def decode(data: bytes) -> Decoded:
    return fit.decode(source_of(data))


def run_file(
    *,
    seconds: int = 60,
    sessions: tuple[tuple[str, str], ...] = (("running", "generic"),),
    start: dt.datetime = START,
    developer: bool = False,
    **options: bool | int,
) -> bytes:
    """A 1 Hz run at 3 m/s and 85 strides/min, one session per sport in ``sessions``,
    each ``seconds`` long."""
    w = FitWriter(**options)  # type: ignore[arg-type]
    w.write("file_id", type="activity", manufacturer="garmin", product="fr935",
            serial_number=42, time_created=start)  # fmt: skip
    if developer:
        w.add_developer_field("stryd_power", number=0, units="W")
    w.write("event", timestamp=start, event="timer", event_type="start")
    for k, (sport, sub_sport) in enumerate(sessions):
        first = start + dt.timedelta(seconds=k * seconds)
        for i in range(seconds):
            t = k * seconds + i
            w.write(
                "record",
                timestamp=first + dt.timedelta(seconds=i),
                position_lat=48.85 + t * 2.5e-5,
                position_long=2.35,
                enhanced_altitude=35.0 + (t % 7),
                distance=3.0 * t,
                enhanced_speed=3.0,
                heart_rate=140 + t % 10,
                cadence=85,
                fractional_cadence=0.5,
                developer={"stryd_power": 250.0 + t} if developer else None,
            )
        w.write("session", timestamp=first + dt.timedelta(seconds=seconds - 1), start_time=first,
                total_elapsed_time=float(seconds), total_timer_time=float(seconds),
                total_distance=3.0 * seconds, sport=sport, sub_sport=sub_sport,
                total_strides=seconds * 85 // 60)  # fmt: skip
    end = start + dt.timedelta(seconds=len(sessions) * seconds)
    w.write("activity", timestamp=end, num_sessions=len(sessions), type="manual",
            local_timestamp=end.astimezone(dt.timezone(dt.timedelta(hours=1))))  # fmt: skip
    return w.to_bytes()


def test_it_reads_a_generated_run_with_physical_values() -> None:
    (run,) = decode(run_file()).activities
    assert run.source_sport == "running"
    assert run.device == "garmin fr935"
    assert run.utc_offset_s == 3600
    assert run.start_s == START.timestamp()
    assert len(run.samples) == 60
    assert run.samples.lat_deg[10] == pytest.approx(48.85 + 10 * 2.5e-5, abs=1e-6)
    assert run.samples.altitude_m[3] == pytest.approx(38.0)
    assert run.samples.distance_m[-1] == pytest.approx(177.0)
    assert run.samples.speed_m_s[0] == pytest.approx(3.0)
    assert run.samples.cadence_cpm[0] == pytest.approx(85.5)
    assert run.samples.heart_rate_bpm[5] == 145
    assert run.totals.distance_m == pytest.approx(180.0)
    assert run.totals.cycles == 85


def test_it_reads_big_endian_definitions_as_little_endian_ones() -> None:
    little = decode(run_file()).activities[0]
    big_bytes = run_file(big_endian=True)
    big = decode(big_bytes).activities[0]
    assert big_bytes != run_file()
    for column in ("time_s", "lat_deg", "altitude_m", "distance_m", "cadence_cpm"):
        assert np.array_equal(big.samples.column(column), little.samples.column(column))
    assert big.totals.distance_m == little.totals.distance_m == pytest.approx(180.0)
    assert big.totals.cycles == little.totals.cycles == 85


def test_it_dates_records_that_carry_compressed_timestamps() -> None:
    data = run_file(compressed_timestamps=True)
    header = read_header(data, 0)
    assert scan(data, header.data_start, header.data_end).compressed >= 59
    (run,) = decode(data).activities
    assert np.array_equal(run.samples.time_s, START.timestamp() + np.arange(60.0))


def test_it_skips_developer_fields_without_losing_the_standard_ones() -> None:
    (run,) = decode(run_file(developer=True)).activities
    assert len(run.samples) == 60
    assert run.samples.heart_rate_bpm[9] == 149
    assert run.samples.distance_m[-1] == pytest.approx(177.0)


def test_it_follows_a_local_type_redefined_mid_file() -> None:
    """With one local type, every change of message rewrites definition 0."""
    data = run_file(local_types=1)
    header = read_header(data, 0)
    found = scan(data, header.data_start, header.data_end)
    assert {d.local for d in found.definitions} == {0}
    assert len(found.definitions) >= 4
    (run,) = decode(data).activities
    assert len(run.samples) == 60 and run.totals.distance_m == pytest.approx(180.0)


def test_it_reads_every_file_of_a_chain() -> None:
    later = START + dt.timedelta(hours=5)
    decoded = decode(run_file() + run_file(start=later, sessions=(("walking", "generic"),)))
    assert [a.source_sport for a in decoded.activities] == ["running", "walking"]
    assert [a.index for a in decoded.activities] == [0, 1]
    assert decoded.activities[1].start_s == later.timestamp()
    assert not decoded.problems


def test_it_gives_one_activity_per_session_of_a_multisport_file() -> None:
    sessions = (("running", "generic"), ("transition", "generic"), ("walking", "generic"))
    decoded = decode(run_file(seconds=30, sessions=sessions))
    assert [a.source_sport for a in decoded.activities] == ["running", "transition", "walking"]
    assert [len(a.samples) for a in decoded.activities] == [30, 30, 30]
    assert decoded.activities[2].samples.time_s[0] == START.timestamp() + 60


def test_it_labels_a_treadmill_session_with_its_sub_sport() -> None:
    (run,) = decode(run_file(sessions=(("running", "treadmill"),))).activities
    assert run.source_sport == "running/treadmill"


def test_it_refuses_an_empty_file_naming_it() -> None:
    with pytest.raises(DecodeError, match=f"^{NAME}: the file is empty"):
        decode(b"")


def test_it_refuses_a_file_that_is_not_fit() -> None:
    with pytest.raises(UnknownFormat, match="not a FIT file"):
        decode(b"<?xml version='1.0'?><gpx></gpx>")


def test_it_reports_a_header_cut_short() -> None:
    with pytest.raises(TruncatedFile, match="inside its FIT header"):
        decode(run_file()[:10])


def test_it_refuses_a_header_of_a_size_fit_does_not_have() -> None:
    data = bytearray(run_file())
    data[0] = 13
    with pytest.raises(DecodeError, match="only 12 or 14"):
        decode(bytes(data))


def test_it_reports_a_bad_header_crc() -> None:
    data = bytearray(run_file())
    data[12] ^= 0xFF
    with pytest.raises(ChecksumError, match="header fails its checksum"):
        decode(bytes(data))


def test_it_reports_a_bad_file_crc_and_keeps_nothing() -> None:
    data = bytearray(run_file())
    data[-1] ^= 0x01
    with pytest.raises(ChecksumError, match="damaged"):
        decode(bytes(data))


def test_it_reports_garbage_in_the_middle_as_damage() -> None:
    data = run_file()
    middle = len(data) // 2
    with pytest.raises(ChecksumError):
        decode(data[:middle] + b"\x4f" * 7 + data[middle + 7 :])


@pytest.mark.parametrize(("tail", "harmless"), [(b"x\n", True), (b"\xff" * 11, True),
                                               (b"\xff" * 40, False)])  # fmt: skip
def test_stray_bytes_after_the_data_are_a_warning_unless_they_could_be_a_lost_part(
    tail: bytes, harmless: bool
) -> None:
    decoded = decode(run_file() + tail)
    (run,) = decoded.activities
    assert len(run.samples) == 60
    said = f"{len(tail)} bytes after the FIT data are not a FIT file; ignored"
    lists = (
        (decoded.warnings, decoded.problems) if harmless else (decoded.problems, decoded.warnings)
    )
    assert [p.problem for p in lists[0]] == [said] and lists[1] == []


def test_it_keeps_the_complete_records_when_the_data_size_is_beyond_the_file() -> None:
    data = bytearray(run_file())
    struct.pack_into("<I", data, 4, len(data) * 2)
    data[12:14] = b"\0\0"  # header CRC "not set"
    decoded = decode(bytes(data))
    (problem,) = decoded.problems
    assert isinstance(problem, TruncatedFile)
    assert len(decoded.activities[0].samples) == 60


def test_a_file_cut_in_a_record_keeps_the_records_before_the_cut() -> None:
    data = run_file()
    header = read_header(data, 0)
    records = scan(data, header.data_start, header.data_end).definitions
    record_positions = next(d.positions for d in records if d.global_num == 20)
    cut = record_positions[40] + 5  # inside the 41st record
    decoded = decode(data[:cut])
    (run,) = decoded.activities
    assert len(run.samples) == 40
    assert isinstance(decoded.problems[0], TruncatedFile)
    assert "kept 40 records" in decoded.problems[0].problem


def test_an_undefined_local_type_stops_the_file_and_keeps_what_came_before() -> None:
    data = run_file()
    header = read_header(data, 0)
    defs = scan(data, header.data_start, header.data_end).definitions
    at = next(d.positions for d in defs if d.global_num == 20)[30]
    broken = bytearray(data[:at] + b"\x0b" + data[at + 1 :])  # local type 11: never defined
    struct.pack_into("<I", broken, 4, len(broken) * 2)  # and no CRC to blame it on
    broken[12:14] = b"\0\0"
    decoded = decode(bytes(broken))
    assert len(decoded.activities[0].samples) == 30
    assert any("local message type 11" in p.problem for p in decoded.problems)


VALID = run_file(seconds=20)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.integers(min_value=0, max_value=len(VALID)))
def test_any_prefix_of_a_valid_file_gives_records_or_a_file_problem(cut: int) -> None:
    try:
        decoded = decode(VALID[:cut])
    except FileProblem as exc:
        assert exc.path == NAME
        return
    assert cut >= len(VALID) - 2 or decoded.problems
    for activity in decoded.activities:
        assert len(activity.samples) <= 20


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=0, max_value=len(VALID) - 1), st.integers(1, 255))
def test_a_flipped_byte_gives_a_file_problem_or_a_reported_decode(at: int, mask: int) -> None:
    damaged = bytearray(VALID)
    damaged[at] ^= mask
    try:
        decoded = decode(bytes(damaged))
    except FileProblem as exc:
        assert exc.path == NAME
        return
    # A flip the CRC cannot see (in the header's CRC-free fields) may still decode.
    assert decoded.problems or at < 14


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_give_only_file_problems(noise: bytes) -> None:
    for data in (noise, VALID[:14] + noise, b"\x0e\x20\x00\x00" + noise):
        try:
            decode(data)
        except FileProblem as exc:
            assert exc.path == NAME
