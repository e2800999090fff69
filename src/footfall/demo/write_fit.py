"""A track as a FIT activity file, laid out as a Garmin watch writes one: file_id,
device_info, a timer start event, 1 Hz records with each lap message written when the
lap ends, a timer stop, the session and the activity (whose local_timestamp states the
UTC offset). Cadence is strides per minute with its fractional part; total_cycles are
strides. There is no auto-pause, so timer time equals elapsed time."""

from __future__ import annotations

import datetime as dt

import numpy as np

from footfall.demo.laps import LapSummary, laps_of
from footfall.demo.tracks import Track
from footfall.formats.fit.encode import FitWriter

MANUFACTURER = "garmin"
PRODUCT = 3992  # Forerunner 255
SERIAL_NUMBER = 3412093617
SOFTWARE_VERSION = 19.18


def fit_bytes(track: Track) -> bytes:
    """The FIT file of ``track``, one record per second."""
    writer = FitWriter()
    times = track.utc_times()
    _header(writer, times[0])
    laps = laps_of(track)
    lap_ending = {lap.last: (number, lap) for number, lap in enumerate(laps)}
    for i, (moment, row) in enumerate(zip(times, _rows(track), strict=True)):
        _record(writer, moment, row)
        if i in lap_ending:
            _lap(writer, track, *lap_ending[i], times)
    _footer(writer, track, laps, times)
    return writer.to_bytes()


def _header(writer: FitWriter, start: dt.datetime) -> None:
    writer.write(
        "file_id",
        type="activity",
        manufacturer=MANUFACTURER,
        product=PRODUCT,
        serial_number=SERIAL_NUMBER,
        time_created=start,
    )
    writer.write(
        "device_info",
        timestamp=start,
        device_index=0,  # the creator: the watch itself
        manufacturer=MANUFACTURER,
        product=PRODUCT,
        serial_number=SERIAL_NUMBER,
        software_version=SOFTWARE_VERSION,
    )
    writer.write("event", timestamp=start, event="timer", event_type="start", event_group=0)


Row = tuple[float, float, float, float, float, float, float]


def _rows(track: Track) -> zip[Row]:
    """Per second: latitude, longitude, altitude, distance, speed, heart rate, strides/min."""
    columns = (
        track.lat_deg,
        track.lon_deg,
        track.altitude_m,
        track.distance_m,
        track.speed_m_s,
        track.heart_rate_bpm,
        track.strides_per_min,
    )
    return zip(*(column.tolist() for column in columns), strict=True)


def _record(writer: FitWriter, moment: dt.datetime, row: Row) -> None:
    """One record; NaN positions and altitude (indoors) are left out by the writer."""
    lat, lon, altitude, distance, speed, heart_rate, strides = row
    whole = int(strides)
    writer.write(
        "record",
        timestamp=moment,
        position_lat=lat,
        position_long=lon,
        enhanced_altitude=altitude,
        distance=distance,
        enhanced_speed=speed,
        heart_rate=int(heart_rate),
        cadence=whole,
        fractional_cadence=strides - whole,
    )


def _lap(
    writer: FitWriter, track: Track, number: int, lap: LapSummary, times: list[dt.datetime]
) -> None:
    writer.write(
        "lap",
        message_index=number,
        timestamp=times[lap.last],
        start_time=times[lap.first],
        start_position_lat=track.lat_deg[lap.first],
        start_position_long=track.lon_deg[lap.first],
        end_position_lat=track.lat_deg[lap.last],
        end_position_long=track.lon_deg[lap.last],
        event="lap",
        event_type="stop",
        lap_trigger=lap.trigger,
        intensity=lap.intensity,
        sport=track.plan.sport,
        total_elapsed_time=lap.elapsed_s,
        total_timer_time=lap.elapsed_s,
        total_distance=lap.distance_m,
        total_cycles=lap.strides,
        total_calories=lap.calories_kcal,
        avg_speed=lap.avg_speed_m_s,
        max_speed=lap.max_speed_m_s,
        avg_heart_rate=lap.avg_heart_rate,
        max_heart_rate=lap.max_heart_rate,
        avg_cadence=lap.avg_strides_per_min,
    )


def _footer(
    writer: FitWriter, track: Track, laps: list[LapSummary], times: list[dt.datetime]
) -> None:
    end = times[-1]
    writer.write("event", timestamp=end, event="timer", event_type="stop_all", event_group=0)
    _session(writer, track, laps, times)
    writer.write(
        "activity",
        timestamp=end,
        total_timer_time=float(track.time_s[-1]),
        num_sessions=1,
        type="manual",
        event="activity",
        event_type="stop",
        local_timestamp=end.astimezone(track.plan.start.tzinfo),  # written as wall-clock time
    )


def _session(
    writer: FitWriter, track: Track, laps: list[LapSummary], times: list[dt.datetime]
) -> None:
    elapsed = float(track.time_s[-1])
    distance = float(track.distance_m[-1])
    moving = track.speed_m_s > 0.3
    writer.write(
        "session",
        message_index=0,
        timestamp=times[-1],
        start_time=times[0],
        start_position_lat=track.lat_deg[0],
        start_position_long=track.lon_deg[0],
        sport=track.plan.sport,
        sub_sport="treadmill" if track.plan.indoor else "generic",
        event="session",
        event_type="stop",
        trigger="activity_end",
        first_lap_index=0,
        num_laps=len(laps),
        total_elapsed_time=elapsed,
        total_timer_time=elapsed,
        total_distance=distance,
        total_cycles=sum(lap.strides for lap in laps),
        total_calories=sum(lap.calories_kcal for lap in laps),
        avg_speed=distance / elapsed,
        max_speed=max(lap.max_speed_m_s for lap in laps),
        avg_heart_rate=round(float(np.mean(track.heart_rate_bpm[1:]))),
        max_heart_rate=int(np.max(track.heart_rate_bpm)),
        avg_cadence=round(float(np.mean(track.strides_per_min[moving]))),
    )
