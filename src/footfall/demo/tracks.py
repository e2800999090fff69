"""Synthetic but realistic 1 Hz streams for a planned activity.

Speed follows the planned segments with a few seconds of acceleration between them and
slow, correlated wobble around the target (rescaled so the recorded distance is exactly
the planned one); cadence follows speed and gait (runs 160–182 steps/min, walks
100–128); heart rate chases an effort target with a lag and drifts up over long
efforts; altitude comes from the route with a barometer's small wander; positions follow
the route with a few metres of slowly wandering GPS error. Indoors there are no
positions and no altitude.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from footfall.demo.places import ROUTES, FloatArray, metres_to_degrees
from footfall.demo.planned import PlannedActivity

#: Seconds to settle into a new speed (exponential time constant).
ACCELERATION_S = 3.0
#: How fast heart rate follows effort, seconds.
HEART_LAG_S = 25.0
#: Standard deviation and correlation time of the GPS error, metres and seconds.
GPS_ERROR_M = 2.5
GPS_CORRELATION_S = 20.0


@dataclass(frozen=True, slots=True)
class Track:
    """One activity's samples, one per second from its start (``time_s`` 0 … seconds).

    ``speed_m_s[i]`` is the speed over the second that ends at sample ``i``, so
    ``distance_m`` is its running sum. ``cadence_spm`` is steps per minute (both feet);
    files store half of it for foot sports.
    """

    plan: PlannedActivity
    time_s: FloatArray
    gait: NDArray[np.str_]
    speed_m_s: FloatArray
    distance_m: FloatArray
    cadence_spm: FloatArray
    heart_rate_bpm: FloatArray
    lat_deg: FloatArray
    lon_deg: FloatArray
    altitude_m: FloatArray

    def __len__(self) -> int:
        return len(self.time_s)

    @property
    def start_utc(self) -> dt.datetime:
        return self.plan.start.astimezone(dt.UTC)

    @property
    def strides_per_min(self) -> FloatArray:
        return self.cadence_spm / 2

    @property
    def step_per_sample(self) -> FloatArray:
        """Steps taken in the second ending at each sample (0 for the first sample)."""
        steps = self.cadence_spm / 60
        steps[0] = 0.0
        return steps

    @property
    def steps(self) -> int:
        return round(float(self.step_per_sample.sum()))

    def utc_times(self) -> list[dt.datetime]:
        start = self.start_utc
        return [start + dt.timedelta(seconds=float(t)) for t in self.time_s]

    def iso_times(self, points: NDArray[np.intp], *, millis: bool = False) -> list[str]:
        """ISO 8601 UTC times (``Z``) of the samples at ``points``, as GPX and TCX write them."""
        start = self.start_utc
        pattern = "%Y-%m-%dT%H:%M:%S.000Z" if millis else "%Y-%m-%dT%H:%M:%SZ"
        return [
            (start + dt.timedelta(seconds=float(self.time_s[i]))).strftime(pattern) for i in points
        ]


def build_track(plan: PlannedActivity, rng: np.random.Generator) -> Track:
    """The 1 Hz streams of ``plan``; every random draw comes from ``rng``."""
    n = plan.seconds + 1
    target, gait = _targets(plan, n)
    speed = _speed(target, gait, 0.01 if plan.indoor else 0.035, rng)
    distance = np.concatenate(([0.0], np.cumsum(speed[1:])))
    cadence = _cadence(speed, gait, rng)
    heart = _heart_rate(speed, gait, plan.kind == "long", rng)
    lat, lon, alt = _where(plan, distance, rng)
    return Track(
        plan, np.arange(n, dtype=np.float64), gait, speed, distance, cadence, heart, lat, lon, alt
    )


def _targets(plan: PlannedActivity, n: int) -> tuple[FloatArray, NDArray[np.str_]]:
    """Planned speed and gait per sample (sample ``i`` belongs to second ``i - 1``)."""
    speeds = np.repeat([s.speed_m_s for s in plan.segments], [s.seconds for s in plan.segments])
    gaits = np.repeat([s.gait for s in plan.segments], [s.seconds for s in plan.segments])
    return np.concatenate((speeds[:1], speeds)), np.concatenate((gaits[:1], gaits))


def smooth_noise(rng: np.random.Generator, n: int, sd: float, correlation_s: float) -> FloatArray:
    """Gaussian noise of standard deviation ``sd`` whose values stay alike for about
    ``correlation_s`` seconds (white noise through a Gaussian filter)."""
    sigma = max(correlation_s, 0.5)
    half = int(3 * sigma)
    kernel = np.exp(-0.5 * (np.arange(-half, half + 1) / sigma) ** 2)
    kernel /= np.sqrt(np.sum(kernel**2))
    white = rng.standard_normal(n + 2 * half)
    return np.convolve(white, kernel, mode="valid") * sd


def _speed(
    target: FloatArray, gait: NDArray[np.str_], wobble_sd: float, rng: np.random.Generator
) -> FloatArray:
    """Eased between segments, wobbling around the target (a treadmill belt hardly
    wobbles), stopping dead at a stop, and scaled so its sum is exactly the planned
    distance."""
    n = len(target)
    eased = _ease(target, ACCELERATION_S, start=0.0)
    wobble = smooth_noise(rng, n, wobble_sd, 8.0) + smooth_noise(rng, n, wobble_sd / 2, 240.0)
    speed = np.clip(eased * (1.0 + wobble), 0.0, None)
    speed[gait == "stop"] = 0.0  # standing still; the watch shows 0 the moment one stops
    planned = float(np.sum(target[1:]))
    recorded = float(np.sum(speed[1:]))
    return speed * (planned / recorded) if recorded > 0 else speed


def _ease(target: FloatArray, tau_s: float, start: float) -> FloatArray:
    """``target`` approached exponentially with time constant ``tau_s`` after each change."""
    out = np.empty_like(target)
    changes = np.flatnonzero(np.diff(target)) + 1
    bounds = [0, *changes.tolist(), len(target)]
    value = start
    for lo, hi in itertools.pairwise(bounds):
        t = np.arange(hi - lo, dtype=np.float64)
        out[lo:hi] = target[lo] + (value - target[lo]) * np.exp(-t / tau_s)
        value = float(target[lo] + (value - target[lo]) * np.exp(-(hi - lo) / tau_s))
    return out


def _cadence(speed: FloatArray, gait: NDArray[np.str_], rng: np.random.Generator) -> FloatArray:
    """Steps per minute from speed and gait, with this runner's day-to-day offset."""
    n = len(speed)
    own = float(rng.normal(0.0, 1.5))
    jitter = smooth_noise(rng, n, 1.2, 4.0) + own
    running = np.clip(150.0 + 7.0 * speed + jitter, 160.0, 182.0)
    walking = np.clip(82.0 + 22.0 * speed + jitter, 100.0, 128.0)
    cadence = np.where(gait == "run", running, walking)
    cadence[(gait == "stop") | (speed < 0.3)] = 0.0
    return cadence


def _heart_rate(
    speed: FloatArray, gait: NDArray[np.str_], long: bool, rng: np.random.Generator
) -> FloatArray:
    """Heart rate chasing the effort of the moment, with cardiac drift and noise."""
    n = len(speed)
    effort = np.where(gait == "run", 77.5 + 24.1 * speed, 55.0 + 30.0 * speed)
    effort = np.where(gait == "stop", 100.0, effort)
    resting = 85.0 if bool(np.any(gait == "run")) else 75.0
    drift_per_hour = 8.0 if long else 4.0
    hours = np.arange(n) / 3600.0
    lagged = _lag(effort, HEART_LAG_S, resting)
    noise = smooth_noise(rng, n, 1.5, 4.0) + float(rng.normal(0.0, 2.0))
    return np.clip(np.round(lagged + drift_per_hour * hours + noise), 60.0, 195.0)


def _lag(values: FloatArray, tau_s: float, before: float) -> FloatArray:
    """A first-order lag of ``values`` (as a body follows effort), starting at ``before``."""
    length = int(6 * tau_s)
    kernel = np.exp(-np.arange(length) / tau_s)
    kernel /= kernel.sum()
    padded = np.concatenate((np.full(length - 1, before), values))
    return np.convolve(padded, kernel, mode="valid")


def _where(
    plan: PlannedActivity, distance: FloatArray, rng: np.random.Generator
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Positions and altitude along the route, or all NaN indoors."""
    n = len(distance)
    if plan.indoor:
        nothing = np.full(n, np.nan)
        return nothing, nothing.copy(), nothing.copy()
    lat, lon, ele = ROUTES[plan.route].at(plan.route_start_m + distance)
    north = smooth_noise(rng, n, GPS_ERROR_M, GPS_CORRELATION_S)
    east = smooth_noise(rng, n, GPS_ERROR_M, GPS_CORRELATION_S)
    dlat, dlon = metres_to_degrees(north, east, lat)
    altitude = ele + smooth_noise(rng, n, 0.8, 60.0)
    return lat + dlat, lon + dlon, altitude


def recorded_points(n: int, rng: np.random.Generator) -> NDArray[np.intp]:
    """Which 1 Hz samples a GPS app or "smart recording" keeps: every 1–5 s, always the
    first and the last."""
    gaps = rng.integers(1, 6, size=n)
    picks = np.cumsum(np.concatenate(([0], gaps)))
    picks = picks[picks < n - 1]
    return np.concatenate((picks, [n - 1])).astype(np.intp)
