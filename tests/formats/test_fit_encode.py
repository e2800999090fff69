"""The FIT writer: what it writes reads back the same in our decoder, fitdecode and
garmin-fit-sdk; workouts arrive in the SDK with their steps and targets."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import fitdecode
import garmin_fit_sdk
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from footfall.errors import NotAnActivity, UsageError
from footfall.formats.fit import decode_bytes
from footfall.formats.fit.encode import FitWriteError, FitWriter
from footfall.formats.fit.header import read_header
from footfall.formats.fit.scan import scan

START = dt.datetime(2026, 5, 10, 6, 0, tzinfo=dt.UTC)


def sdk_messages(data: bytes) -> dict[str, list[dict[str, Any]]]:
    stream = garmin_fit_sdk.Stream.from_byte_array(bytearray(data))
    decoder = garmin_fit_sdk.Decoder(stream)
    assert decoder.check_integrity()
    stream = garmin_fit_sdk.Stream.from_byte_array(bytearray(data))
    messages, errors = garmin_fit_sdk.Decoder(stream).read()
    assert errors == []
    return messages


def fitdecode_records(data: bytes) -> list[dict[str, Any]]:
    with fitdecode.FitReader(io.BytesIO(data)) as reader:
        return [
            {f.name: f.value for f in frame.fields}
            for frame in reader
            if isinstance(frame, fitdecode.FitDataMessage) and frame.name == "record"
        ]


record_values = st.fixed_dictionaries(
    {
        "position_lat": st.floats(-89.9, 89.9),
        "position_long": st.floats(-179.9, 179.9),
        "altitude": st.integers(0, 60000).map(lambda v: v / 5 - 500),
        "distance": st.integers(0, 4_000_000).map(lambda v: v / 100),
        "speed": st.integers(0, 20_000).map(lambda v: v / 1000),
        "heart_rate": st.integers(30, 254),
        "cadence": st.integers(0, 254),
        "fractional_cadence": st.integers(0, 127).map(lambda v: v / 128),
    }
)


@settings(max_examples=40, deadline=None)
@given(st.lists(record_values, min_size=1, max_size=30), st.booleans())
def test_records_written_read_back_alike_in_three_decoders(
    rows: list[dict[str, float]], big_endian: bool
) -> None:
    w = FitWriter(big_endian=big_endian)
    w.write("file_id", type="activity", manufacturer="development", product=1,
            serial_number=123, time_created=START)  # fmt: skip
    times = [START + dt.timedelta(seconds=i) for i in range(len(rows))]
    for moment, row in zip(times, rows, strict=True):
        w.write("record", timestamp=moment, **row)
    data = w.to_bytes()

    (ours,) = decode_bytes(data, "gen.fit").activities
    theirs = fitdecode_records(data)
    sdk = sdk_messages(data)["record_mesgs"]
    assert len(ours.samples) == len(theirs) == len(sdk) == len(rows)
    for i, row in enumerate(rows):
        assert theirs[i]["timestamp"] == sdk[i]["timestamp"] == times[i]
        assert ours.samples.time_s[i] == times[i].timestamp()
        assert ours.samples.lat_deg[i] == pytest.approx(row["position_lat"], abs=1e-7)
        assert ours.samples.lon_deg[i] == pytest.approx(row["position_long"], abs=1e-7)
        for name, column in (("altitude", "altitude_m"), ("distance", "distance_m"),
                             ("speed", "speed_m_s"), ("heart_rate", "heart_rate_bpm")):  # fmt: skip
            assert ours.samples.column(column)[i] == pytest.approx(row[name], abs=1e-6)
            assert theirs[i][name] == pytest.approx(row[name], abs=1e-6)
            assert sdk[i][name] == pytest.approx(row[name], abs=1e-6)
        expected_cadence = row["cadence"] + row["fractional_cadence"]
        assert ours.samples.cadence_cpm[i] == pytest.approx(expected_cadence)
        assert theirs[i]["cadence"] + theirs[i]["fractional_cadence"] == pytest.approx(
            expected_cadence
        )


def test_session_and_activity_read_back_in_the_sdk_and_ours() -> None:
    w = FitWriter()
    w.write("file_id", type="activity", manufacturer="garmin", product="fr935",
            serial_number=7, time_created=START)  # fmt: skip
    w.write("record", timestamp=START, distance=0.0, heart_rate=120)
    end = START + dt.timedelta(minutes=30)
    w.write("record", timestamp=end, distance=5000.0, heart_rate=150)
    w.write("session", timestamp=end, start_time=START, total_elapsed_time=1800.0,
            total_timer_time=1790.5, total_distance=5000.0, total_strides=2550,
            total_calories=320, sport="running", sub_sport="trail")  # fmt: skip
    w.write("activity", timestamp=end, num_sessions=1, type="manual",
            local_timestamp=end.astimezone(dt.timezone(dt.timedelta(hours=-4))))  # fmt: skip
    data = w.to_bytes()
    session = sdk_messages(data)["session_mesgs"][0]
    assert session["sport"] == "running" and session["sub_sport"] == "trail"
    assert session["total_timer_time"] == pytest.approx(1790.5)
    assert session["total_strides"] == 2550
    (run,) = decode_bytes(data, "gen.fit").activities
    assert run.source_sport == "running/trail"
    assert run.device == "garmin fr935"
    assert run.utc_offset_s == -4 * 3600
    assert run.totals.timer_s == pytest.approx(1790.5)
    assert run.totals.cycles == 2550
    assert run.totals.calories_kcal == 320


def test_a_workout_arrives_in_the_sdk_with_its_steps_and_targets() -> None:
    w = FitWriter()
    w.write("file_id", type="workout", manufacturer="development", product=1,
            serial_number=123, time_created=START)  # fmt: skip
    w.write("workout", sport="walking", num_valid_steps=3, wkt_name="Finisher walk")
    w.write("workout_step", message_index=0, wkt_step_name="Warm up", duration_type="time",
            duration_value=300.0, target_type="speed", custom_target_value_low=1.5,
            custom_target_value_high=1.8, intensity="warmup")  # fmt: skip
    w.write("workout_step", message_index=1, wkt_step_name="Brisk", duration_type="distance",
            duration_value=1609.3, target_type="heart_rate", custom_target_value_low=110,
            custom_target_value_high=125, intensity="active")  # fmt: skip
    w.write("workout_step", message_index=2, wkt_step_name="Easy", duration_type="open",
            target_type="open", intensity="cooldown")  # fmt: skip
    data = w.to_bytes()
    messages = sdk_messages(data)
    assert messages["workout_mesgs"][0]["wkt_name"] == "Finisher walk"
    assert messages["workout_mesgs"][0]["sport"] == "walking"
    warm, brisk, easy = messages["workout_step_mesgs"]
    assert warm["wkt_step_name"] == "Warm up" and warm["intensity"] == "warmup"
    assert warm["duration_type"] == "time" and warm["duration_time"] == pytest.approx(300.0)
    assert warm["target_type"] == "speed"
    assert warm["custom_target_speed_low"] == pytest.approx(1.5)
    assert warm["custom_target_speed_high"] == pytest.approx(1.8)
    assert brisk["duration_distance"] == pytest.approx(1609.3)
    assert brisk["custom_target_heart_rate_low"] == 210  # bpm + 100, FIT's workout_hr
    assert easy["duration_type"] == "open" and easy["target_type"] == "open"
    with pytest.raises(NotAnActivity, match="workout file, not an activity"):
        decode_bytes(data, "walk.fit")


def test_each_field_layout_gets_its_own_definition_once() -> None:
    w = FitWriter()
    for i in range(5):
        w.write("record", timestamp=START + dt.timedelta(seconds=i), heart_rate=100 + i)
        w.write("record", timestamp=START + dt.timedelta(seconds=i), distance=float(i))
    data = w.to_bytes()
    header = read_header(data, 0)
    found = scan(data, header.data_start, header.data_end)
    assert len(found.definitions) == 2
    assert [len(d.positions) for d in found.definitions] == [5, 5]


def test_fields_given_as_none_or_nan_are_left_out() -> None:
    w = FitWriter()
    w.write("record", timestamp=START, heart_rate=None, distance=float("nan"), cadence=80)
    (record,) = fitdecode_records(w.to_bytes())
    assert set(record) == {"timestamp", "cadence"}


def test_enums_take_names_or_numbers() -> None:
    by_name, by_number = FitWriter(), FitWriter()
    by_name.write("session", sport="walking", sub_sport="treadmill")
    by_number.write("session", sport=11, sub_sport=1)
    assert by_name.to_bytes() == by_number.to_bytes()


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"heart_rate": 255}, "no value"),
        ({"heart_rate": -1}, "does not fit"),
        ({"timestamp": dt.datetime(2026, 1, 1)}, "naive"),  # noqa: DTZ001
        ({"sport_name": "x"}, "no field"),
    ],
)
def test_it_never_writes_an_invalid_value(fields: dict[str, Any], words: str) -> None:
    with pytest.raises(FitWriteError, match=words) as caught:
        FitWriter().write("record", **fields)
    assert isinstance(caught.value, UsageError) and isinstance(caught.value, ValueError)


def test_it_refuses_an_unknown_enum_name() -> None:
    with pytest.raises(FitWriteError, match="not a known sport"):
        FitWriter().write("session", sport="quidditch")
