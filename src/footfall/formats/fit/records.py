"""FIT ``record`` messages -> :class:`footfall.activity.Samples`.

Per column, the best value the file gives: enhanced altitude and speed where valid
(they carry the same quantity with more range), else the plain fields, else the
12-bit speed and distance packed in ``compressed_speed_distance`` by early devices.
Cadence is the file's own (strides per minute for foot sports) plus
``fractional_cadence``; it is never doubled here.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from footfall.activity import Samples
from footfall.formats.fit.profile import FIT_EPOCH_S, RECORD, SEMICIRCLE_DEG
from footfall.formats.fit.table import FloatArray, Messages, Table

COMPRESSED_SPEED_DISTANCE = RECORD["compressed_speed_distance"].num


def record_samples(messages: Messages) -> Samples:
    """Every record with a timestamp, in time order."""
    table = messages.table(RECORD.num)
    fit_time = messages.times(table)
    keep = np.isfinite(fit_time)
    columns = _columns(table)
    # Records are kept in time order by a stable sort. A record stamped earlier than
    # the one before it (runalyze One-second-jump-to-past.fit: the second record is
    # one second before the first, at the same distance) moves to where its time
    # puts it; records with equal times keep their file order. Nothing is dropped
    # here: a pause (Fenix-2-negative-times.fit stops its timer for 398 s, which
    # some readers turn into negative durations) stays a gap in time_s for the
    # measures to see. Records far outside every session are clock glitches and are
    # dropped by sessions.py.
    order = np.argsort(fit_time[keep], kind="stable")
    time_s = fit_time[keep][order] + FIT_EPOCH_S
    chosen = {name: column[keep][order] for name, column in columns.items()}
    return Samples.from_columns(len(time_s), time_s=time_s, **chosen)


def _columns(table: Table) -> dict[str, FloatArray]:
    speed, distance = _speed_and_distance(table)
    return {
        "lat_deg": table.raw(RECORD["position_lat"].num) * SEMICIRCLE_DEG,
        "lon_deg": table.raw(RECORD["position_long"].num) * SEMICIRCLE_DEG,
        "altitude_m": _prefer(
            table.values(RECORD["enhanced_altitude"]), table.values(RECORD["altitude"])
        ),
        "distance_m": distance,
        "speed_m_s": speed,
        "cadence_cpm": _cadence(table),
        "heart_rate_bpm": table.values(RECORD["heart_rate"]),
    }


def _prefer(first: FloatArray, second: FloatArray) -> FloatArray:
    return np.where(np.isfinite(first), first, second)


def _cadence(table: Table) -> FloatArray:
    whole = table.values(RECORD["cadence"])
    fraction = table.values(RECORD["fractional_cadence"])
    return whole + np.nan_to_num(fraction, nan=0.0)


def _speed_and_distance(table: Table) -> tuple[FloatArray, FloatArray]:
    speed = _prefer(table.values(RECORD["enhanced_speed"]), table.values(RECORD["speed"]))
    distance = table.values(RECORD["distance"])
    if table.has(COMPRESSED_SPEED_DISTANCE):
        packed_speed, packed_distance = _unpack_speed_distance(table)
        speed = _prefer(speed, packed_speed)
        distance = _prefer(distance, packed_distance)
    return speed, distance


def _unpack_speed_distance(table: Table) -> tuple[FloatArray, FloatArray]:
    """Three bytes: speed (12 bits, 1/100 m/s), then distance (12 bits, 1/16 m)
    that rolls over at 4096 and accumulates from record to record."""
    rows, present = table.byte_rows(COMPRESSED_SPEED_DISTANCE, 3)
    raw = rows.astype(np.int64)
    valid = present & ~np.all(rows == 0xFF, axis=1)
    speed_raw = raw[:, 0] | ((raw[:, 1] & 0x0F) << 8)
    distance_raw = (raw[:, 1] >> 4) | (raw[:, 2] << 4)
    speed = np.where(valid, speed_raw / 100.0, np.nan)
    distance = np.full(len(rows), np.nan)
    distance[valid] = _accumulate(distance_raw[valid], 12) / 16.0
    return speed, distance


def _accumulate(values: NDArray[np.int64], bits: int) -> NDArray[np.int64]:
    """A rolling counter of ``bits`` bits unrolled into a running total."""
    if not len(values):
        return values
    steps = np.diff(values) % (1 << bits)
    return np.concatenate([values[:1], values[0] + np.cumsum(steps)])
