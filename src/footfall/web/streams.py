"""An activity's samples as the series its page draws: speed, steps per minute and heart
rate over time, and the track.

Speed and cadence are the measures' own (:mod:`footfall.metrics`): the cleaned,
smoothed speed the bouts were judged on, and the recorded cadence read the way the
measures read it (per foot or per step, :func:`~footfall.metrics.cadence.cadence_unit`),
so the chart shows what the figures were made from. Heart rate is drawn as recorded.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from footfall.activity import Samples
from footfall.metrics.cadence import StrideModel, cadence_unit, footstep_cadence
from footfall.metrics.labels import label_prior
from footfall.metrics.motion import Motion, prepare
from footfall.metrics.series import FloatArray
from footfall.metrics.stride import StrideCalibration
from footfall.metrics.thresholds import DEFAULT
from footfall.settings import Athlete

#: A chart needs no more points than it has pixels across.
MOST_POINTS = 600


@dataclass(frozen=True, slots=True)
class Series:
    """Values over seconds from the activity's start (finite values only)."""

    t_s: FloatArray
    values: FloatArray


@dataclass(frozen=True, slots=True)
class Track:
    """Positions in time order (finite only); ``t_s`` from the activity's start."""

    t_s: FloatArray
    lat_deg: FloatArray
    lon_deg: FloatArray


@dataclass(frozen=True, slots=True)
class ActivityStreams:
    speed_m_s: Series | None
    steps_per_min: Series | None
    heart_rate_bpm: Series | None
    track: Track | None


def activity_streams(
    samples: Samples,
    *,
    start_s: float,
    source_sport: str,
    athlete: Athlete,
    calibration: StrideCalibration,
) -> ActivityStreams:
    """The series of one activity's page (None where the file has no such column)."""
    motion = prepare(samples, DEFAULT) if len(samples) > 1 else None
    speed = steps = None
    if motion is not None and len(motion):
        times = motion.end_s - start_s
        if motion.has_speed:
            speed = _series(times, motion.smooth_speed_m_s)
        if motion.has_cadence:
            model = StrideModel(athlete.height_cm / 100.0, calibration)
            steps = _series(times, _steps_per_min(motion, source_sport, model))
    heart = _series(samples.time_s - start_s, samples.heart_rate_bpm)
    return ActivityStreams(speed, steps, heart, _track(samples, start_s))


def _steps_per_min(motion: Motion, source_sport: str, model: StrideModel) -> FloatArray:
    prior = label_prior(source_sport)
    unit = cadence_unit(motion.smooth_cadence_cpm, motion.smooth_speed_m_s, prior, model, DEFAULT)
    _, smooth = footstep_cadence(motion, unit, model, DEFAULT)
    return smooth


def _series(times: FloatArray, values: FloatArray) -> Series | None:
    keep = np.isfinite(times) & np.isfinite(values)
    if np.count_nonzero(keep) < 2:
        return None
    every = thinning(int(np.count_nonzero(keep)))
    return Series(times[keep][::every], values[keep][::every])


def _track(samples: Samples, start_s: float) -> Track | None:
    keep = np.isfinite(samples.lat_deg) & np.isfinite(samples.lon_deg)
    if np.count_nonzero(keep) < 2:
        return None
    every = thinning(int(np.count_nonzero(keep)), most=4 * MOST_POINTS)
    return Track(
        (samples.time_s[keep] - start_s)[::every],
        samples.lat_deg[keep][::every],
        samples.lon_deg[keep][::every],
    )


def thinning(count: int, most: int = MOST_POINTS) -> int:
    """Take every n-th point so that at most ``most`` are drawn."""
    return max(1, math.ceil(count / most))
