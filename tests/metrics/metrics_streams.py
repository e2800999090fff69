"""Synthetic activities with known answers, built from legs of steady effort.

Each leg is so many seconds at one speed and cadence (steps/min) in one gait, on one
grade; a ``pause`` leg records nothing (a watch's auto-pause). Samples are 1 Hz; the
values of sample ``i`` describe the second that ends at it. Noise comes from a seeded
numpy generator, so every stream is the same on every run.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from footfall.activity import STREAM_COLUMNS, Activity, Samples, Totals

START_S = 1_767_250_800.0  # 2026-01-01 07:00 UTC
EARTH_RADIUS_M = 6_371_008.8
LAT0, LON0 = 45.52, -122.68


@dataclass(frozen=True)
class Leg:
    seconds: int
    speed_m_s: float
    spm: float  # steps per minute, both feet; 0 standing
    gait: str  # run | walk | hike | stop | pause
    grade: float = 0.0


def run(seconds: int, speed: float = 3.0, spm: float = 168.0, grade: float = 0.0) -> Leg:
    return Leg(seconds, speed, spm, "run", grade)


def walk(seconds: int, speed: float = 1.5, spm: float = 116.0, grade: float = 0.0) -> Leg:
    return Leg(seconds, speed, spm, "walk", grade)


def hike(seconds: int, speed: float = 0.9, spm: float = 100.0, grade: float = 0.18) -> Leg:
    return Leg(seconds, speed, spm, "hike", grade)


def ride(seconds: int, speed: float = 8.0, rpm: float = 85.0) -> Leg:
    """On a bicycle: the "cadence" is pedal revolutions per minute."""
    return Leg(seconds, speed, rpm, "ride")


def stop(seconds: int) -> Leg:
    return Leg(seconds, 0.0, 0.0, "stop")


def pause(seconds: int) -> Leg:
    return Leg(seconds, 0.0, 0.0, "pause")


@dataclass
class Truth:
    """What the stream really holds (pauses excluded)."""

    seconds: dict[str, float] = field(default_factory=dict)
    steps: float = 0.0
    distance_m: float = 0.0
    brisk_s: float = 0.0

    def of(self, gait: str) -> float:
        return self.seconds.get(gait, 0.0)


@dataclass(frozen=True)
class Recording:
    """How the device recorded the legs."""

    label: str = "running"
    cadence: str = "per_foot"  # per_foot | steps | none
    speed_column: bool = True
    distance_column: bool = True
    positions: bool = True
    altitude: bool = True
    speed_noise: float = 0.03
    totals: Totals = field(default_factory=Totals)


def build(
    legs: list[Leg], recording: Recording, seed: int = 1
) -> tuple[Activity, Truth, np.ndarray]:
    """The activity, what it really holds, and the true speed of each sample."""
    rng = np.random.default_rng(seed)
    per_second = _per_second(legs, rng, recording.speed_noise)
    time_s, speed, spm, grade, gaits = per_second
    truth = _truth(speed, spm, gaits)
    distance = np.concatenate(([0.0], np.cumsum(speed[1:])))
    lat, lon = _positions(distance)
    altitude = np.concatenate(([100.0], 100.0 + np.cumsum(speed[1:] * grade[1:])))
    recorded_cadence = {"per_foot": spm / 2, "steps": spm, "none": None}[recording.cadence]
    samples = Samples.from_columns(
        len(time_s),
        time_s=START_S + time_s,
        lat_deg=lat if recording.positions else None,
        lon_deg=lon if recording.positions else None,
        altitude_m=altitude + rng.normal(0, 0.3, len(time_s)) if recording.altitude else None,
        distance_m=distance if recording.distance_column else None,
        speed_m_s=speed if recording.speed_column else None,
        cadence_cpm=recorded_cadence,
    )
    activity = Activity(samples, START_S, recording.label, totals=recording.totals)
    return activity, truth, speed


def _per_second(
    legs: list[Leg], rng: np.random.Generator, noise: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Sample times and, per sample, speed, cadence, grade and gait."""
    times, speeds, cadences, grades, gaits = [0.0], [], [], [], []
    clock = 0.0
    for leg in legs:
        if leg.gait == "pause":
            clock += leg.seconds
            continue
        wobble = 1.0 + noise * _smooth_noise(rng, leg.seconds)
        speeds.append(np.clip(leg.speed_m_s * wobble, 0.0, None))
        jitter = rng.normal(0.0, 1.5, leg.seconds) if leg.spm > 0 else 0.0
        cadences.append(np.full(leg.seconds, leg.spm) + jitter)
        grades.append(np.full(leg.seconds, leg.grade))
        gaits.append(np.full(leg.seconds, leg.gait))
        times.extend(clock + np.arange(1, leg.seconds + 1))
        clock += leg.seconds
    speed = np.concatenate(speeds)
    first = (speed[:1], np.concatenate(cadences)[:1], np.concatenate(grades)[:1])
    return (
        np.array(times),
        np.concatenate((first[0], speed)),
        np.concatenate((first[1], np.concatenate(cadences))),
        np.concatenate((first[2], np.concatenate(grades))),
        np.concatenate((np.concatenate(gaits)[:1], np.concatenate(gaits))),
    )


def _smooth_noise(rng: np.random.Generator, n: int) -> np.ndarray:
    kernel = np.ones(9) / 3.0
    return np.convolve(rng.standard_normal(n + 8), kernel, mode="valid")


def _truth(speed: np.ndarray, spm: np.ndarray, gaits: np.ndarray) -> Truth:
    truth = Truth()
    for gait in ("run", "walk", "hike", "stop"):
        truth.seconds[gait] = float(np.count_nonzero(gaits[1:] == gait))
    truth.steps = float(np.sum(spm[1:]) / 60.0)
    truth.distance_m = float(np.sum(speed[1:]))
    walking = np.isin(gaits[1:], ("walk", "hike"))
    in_band = (speed[1:] >= 2.5 * 0.44704) & (speed[1:] <= 4.0 * 0.44704)
    truth.brisk_s = float(np.count_nonzero(walking & in_band))
    return truth


def _positions(distance: np.ndarray, heading_deg: float = 35.0) -> tuple[np.ndarray, np.ndarray]:
    heading = math.radians(heading_deg)
    north = distance * math.cos(heading)
    east = distance * math.sin(heading)
    lat = LAT0 + np.degrees(north / EARTH_RADIUS_M)
    lon = LON0 + np.degrees(east / (EARTH_RADIUS_M * math.cos(math.radians(LAT0))))
    return lat, lon


def with_gps_jumps(activity: Activity, rng: np.random.Generator, count: int) -> Activity:
    """Positions thrown 60-150 m off for 1-3 samples at ``count`` random places."""
    lat = activity.samples.lat_deg.copy()
    lon = activity.samples.lon_deg.copy()
    for at in rng.choice(np.arange(50, len(lat) - 50), size=count, replace=False):
        length = int(rng.integers(1, 4))
        off = rng.uniform(60.0, 150.0) / EARTH_RADIUS_M
        lat[at : at + length] += np.degrees(off)
        lon[at : at + length] += np.degrees(off)
    samples = Samples(**{**_columns(activity.samples), "lat_deg": lat, "lon_deg": lon})
    return Activity(samples, activity.start_s, activity.source_sport)


def _columns(samples: Samples) -> dict[str, np.ndarray]:
    return {name: samples.column(name) for name in STREAM_COLUMNS}
