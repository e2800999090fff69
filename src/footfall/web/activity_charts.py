"""An activity page's pictures: the track sketched without map tiles, and speed (with
its pace on the axis), steps per minute and heart rate over time, each with the run,
walk and hike bouts shaded behind it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from markupsafe import Markup

from footfall.metrics.stride import StrideCalibration
from footfall.settings import METRES_PER_UNIT, Athlete, Units
from footfall.web.queries import ActivityDetail, StoredBout
from footfall.web.streams import Series, Track, activity_streams
from footfall.web.svg import Band, Tick, line_chart, nice_ticks, track_sketch

#: Paces (minutes per mile or km) the speed axis may be labelled with.
PACE_LABELS_MIN = (3, 4, 5, 6, 7, 8, 9, 10, 12, 14, 16, 18, 20, 25, 30, 40)
BETWEEN_BOUTS = "stopped"


@dataclass(frozen=True, slots=True)
class ActivityCharts:
    track: Markup | None
    speed: Markup | None
    steps_per_min: Markup | None
    heart_rate: Markup | None

    def any(self) -> bool:
        return any((self.track, self.speed, self.steps_per_min, self.heart_rate))


def activity_charts(
    detail: ActivityDetail, athlete: Athlete, calibration: StrideCalibration
) -> ActivityCharts:
    summary = detail.summary
    start_s = summary.start.timestamp()
    streams = activity_streams(
        detail.samples,
        start_s=start_s,
        source_sport=summary.source_sport,
        athlete=athlete,
        calibration=calibration,
    )
    bands = bout_bands(detail.bouts, summary.start)
    duration = summary.duration_s or None
    return ActivityCharts(
        track=_track(streams.track, bands) if streams.track else None,
        speed=_speed(streams.speed_m_s, bands, athlete.units, duration),
        steps_per_min=_plain(streams.steps_per_min, bands, duration, "steps/min", "cadence"),
        heart_rate=_plain(streams.heart_rate_bpm, bands, duration, "heart rate, bpm", "heart"),
    )


def bout_bands(bouts: Sequence[StoredBout], start: dt.datetime) -> list[Band]:
    """Each bout as a stretch of seconds from the activity's start."""
    return [
        Band((b.start - start).total_seconds(), (b.end - start).total_seconds(), b.gait)
        for b in bouts
    ]


def pace_ticks(high_m_s: float, units: Units) -> list[Tick]:
    """Speed-axis ticks at round paces (min per mile or km), fastest first, at most five,
    each at least a fifth of the axis below the one before."""
    unit_m = METRES_PER_UNIT[units]
    ticks: list[Tick] = []
    for pace in PACE_LABELS_MIN:
        speed = unit_m / (pace * 60.0)
        if speed <= high_m_s and (not ticks or ticks[-1].at - speed >= high_m_s / 5):
            ticks.append(Tick(speed, f"{pace}:00"))
    return ticks[:5]


def _speed(
    series: Series | None, bands: list[Band], units: Units, duration: float | None
) -> Markup | None:
    if series is None:
        return None
    high = max(float(np.max(series.values)) * 1.1, 0.5)
    return line_chart(
        series.t_s,
        series.values,
        label=f"speed, labelled in pace (min per {units})",
        css="speed",
        y_ticks=pace_ticks(high, units),
        y_range=(0.0, high),
        bands=bands,
        duration_s=duration,
    )


def _plain(
    series: Series | None, bands: list[Band], duration: float | None, label: str, css: str
) -> Markup | None:
    if series is None:
        return None
    low, high = float(np.min(series.values)), float(np.max(series.values))
    ticks = nice_ticks(low, high) if high > low else [low]
    bottom, top = min(ticks[0], low), max(ticks[-1], high)
    return line_chart(
        series.t_s,
        series.values,
        label=label,
        css=css,
        y_ticks=[Tick(t, f"{t:.0f}") for t in ticks],
        y_range=(bottom, top if top > bottom else bottom + 1.0),
        bands=bands,
        duration_s=duration,
    )


def _track(track: Track, bands: list[Band]) -> Markup:
    kinds = [_kind_at(t, bands) for t in track.t_s]
    return track_sketch(
        track.lat_deg, track.lon_deg, kinds, label="the route, coloured by run, walk and hike"
    )


def _kind_at(t_s: float, bands: list[Band]) -> str:
    for band in bands:
        if band.start <= t_s <= band.end:
            return band.kind
    return BETWEEN_BOUTS
