"""Laps of a track as a watch splits them: every kilometre, or one per workout step.

FIT and TCX writers both use :func:`laps_of` so the two formats state the same laps.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

import numpy as np

from footfall.demo.planned import Intensity
from footfall.demo.runner import MASS_KG
from footfall.demo.tracks import Track

AUTO_LAP_M = 1000.0
#: Energy per kilogram and kilometre: running ~1 kcal/kg/km, walking ~0.6.
KCAL_PER_KG_KM_RUN = 1.0
KCAL_PER_KG_KM_WALK = 0.6

Trigger = Literal["distance", "manual", "session_end"]


@dataclass(frozen=True, slots=True)
class LapSummary:
    """One lap: samples ``first`` … ``last`` of a track (inclusive), and what a watch
    says about them. Cadence is in strides per minute, as FIT and TCX store it."""

    first: int
    last: int
    start_s: float
    elapsed_s: float
    distance_m: float
    max_speed_m_s: float
    avg_heart_rate: int
    max_heart_rate: int
    avg_strides_per_min: int
    strides: int
    calories_kcal: int
    intensity: Intensity
    trigger: Trigger

    @property
    def avg_speed_m_s(self) -> float:
        return self.distance_m / self.elapsed_s if self.elapsed_s > 0 else 0.0


def laps_of(track: Track) -> list[LapSummary]:
    """The laps of ``track``: per workout segment, or every kilometre plus the rest."""
    if track.plan.laps == "segments":
        ends = np.cumsum([segment.seconds for segment in track.plan.segments]).tolist()
        bounds: list[int] = [0, *ends]
        intensities = [segment.intensity for segment in track.plan.segments]
        trigger: Trigger = "manual"
    else:
        marks = np.arange(AUTO_LAP_M, track.distance_m[-1], AUTO_LAP_M)
        splits = np.searchsorted(track.distance_m, marks).tolist()
        bounds = [0, *(i for i in splits if i < len(track) - 1), len(track) - 1]
        intensities = ["active"] * (len(bounds) - 1)
        trigger = "distance"
    laps = [
        _summary(track, lo, hi, intensity, trigger)
        for lo, hi, intensity in zip(bounds[:-1], bounds[1:], intensities, strict=True)
    ]
    laps[-1] = replace(laps[-1], trigger="session_end")
    return laps


def _summary(
    track: Track, first: int, last: int, intensity: Intensity, trigger: Trigger
) -> LapSummary:
    inside = slice(first + 1, last + 1)  # the seconds that end inside the lap
    moving = track.speed_m_s[inside] > 0.3
    strides = track.strides_per_min[inside]
    heart = track.heart_rate_bpm[inside]
    return LapSummary(
        first=first,
        last=last,
        start_s=float(track.time_s[first]),
        elapsed_s=float(track.time_s[last] - track.time_s[first]),
        distance_m=float(track.distance_m[last] - track.distance_m[first]),
        max_speed_m_s=float(track.speed_m_s[inside].max()),
        avg_heart_rate=round(float(heart.mean())),
        max_heart_rate=round(float(heart.max())),
        avg_strides_per_min=round(float(strides[moving].mean())) if moving.any() else 0,
        strides=round(float(track.step_per_sample[inside].sum()) / 2),
        calories_kcal=round(_kcal(track, inside)),
        intensity=intensity,
        trigger=trigger,
    )


def _kcal(track: Track, inside: slice) -> float:
    gait = track.gait[inside]
    per_kg_km = np.where(
        gait == "run", KCAL_PER_KG_KM_RUN, np.where(gait == "walk", KCAL_PER_KG_KM_WALK, 0.0)
    )
    return float(np.sum(track.speed_m_s[inside] * per_kg_km)) * MASS_KG / 1000.0
