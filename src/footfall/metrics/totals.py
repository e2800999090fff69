"""Measures of an activity known only by its totals, and of one not done on foot.

Without a usable stream (an Apple Health workout without a route, a Polar indoor
lap, a Strava index row, a file with only heart rate) an activity on foot is one bout
of its label's gait: moving time is the timer time (else the elapsed time), distance
the stated one, steps the device's total (else distance / the stride model at the
average speed), brisk when its average speed is in the E4 band.
"""

from __future__ import annotations

import math

import numpy as np

from footfall.activity import Activity
from footfall.evidence import MPH_TO_M_S
from footfall.metrics.brisk import brisk_seconds_of_average
from footfall.metrics.cadence import StrideModel, cadence_unit
from footfall.metrics.impact import impact_load
from footfall.metrics.labels import FootGait, Prior, foot_gait
from footfall.metrics.measured import ActivityMeasures, Bout, Sport, StepsSource
from footfall.metrics.steps import device_steps
from footfall.metrics.stride import USUAL_WALK_M_S, StrideCalibration
from footfall.metrics.thresholds import Thresholds
from footfall.settings import Athlete


def not_on_foot(activity: Activity, stream_moving_s: float) -> ActivityMeasures:
    """``other``: no steps, no time on feet, no bouts; moving time as the device (else
    the stream) states it."""
    moving = _first_positive(activity.totals.timer_s, stream_moving_s, activity.totals.elapsed_s)
    return _without_bouts("other", moving)


def from_totals(
    activity: Activity,
    prior: Prior,
    athlete: Athlete,
    calibration: StrideCalibration,
    thresholds: Thresholds,
) -> ActivityMeasures:
    """One bout of the label's gait from the activity's totals."""
    gait = foot_gait(prior)
    if gait is None:
        return not_on_foot(activity, math.nan)
    totals = activity.totals
    span = activity.end_s - activity.start_s
    span = span if math.isfinite(span) else 0.0
    moving = _first_positive(totals.timer_s, totals.elapsed_s, span)
    if moving <= 0:
        return _without_bouts(gait, 0.0)
    distance = totals.distance_m if totals.distance_m > 0 else math.nan
    speed = distance / moving if math.isfinite(distance) else TYPICAL_SPEED_M_S[gait]
    model = StrideModel(athlete.height_cm / 100.0, calibration)
    steps, source = _steps(activity, gait, moving, speed, model=model, thresholds=thresholds)
    bout = Bout(
        gait=gait,
        start_s=activity.start_s,
        end_s=activity.start_s + max(span, moving),
        moving_s=moving,
        distance_m=0.0 if math.isnan(distance) else distance,
        steps=steps,
        brisk_s=brisk_seconds_of_average(gait, moving, distance),
        impact_bw_steps=impact_load(steps, gait, speed, athlete.impact_model),
    )
    return _one_bout(gait, bout, source)


def _one_bout(gait: FootGait, bout: Bout, source: StepsSource | None) -> ActivityMeasures:
    return ActivityMeasures(
        sport=gait,
        moving_s=bout.moving_s,
        run_s=bout.moving_s if gait == "run" else 0.0,
        walk_s=bout.moving_s if gait == "walk" else 0.0,
        hike_s=bout.moving_s if gait == "hike" else 0.0,
        brisk_walk_s=bout.brisk_s,
        steps=round(bout.steps),
        steps_source=source,
        impact_bw_steps=bout.impact_bw_steps,
        bouts=(bout,),
    )


def _steps(
    activity: Activity,
    gait: FootGait,
    moving_s: float,
    speed_m_s: float,
    *,
    model: StrideModel,
    thresholds: Thresholds,
) -> tuple[float, StepsSource | None]:
    """The device's total (cycles tested per foot against the average speed), else an
    estimate: distance (or moving time at the gait's typical speed) over the stride
    model's step length."""
    per_minute = np.array([activity.totals.cycles / moving_s * 60.0])
    unit = cadence_unit(per_minute, np.array([speed_m_s]), gait, model, thresholds)
    total = device_steps(activity.totals, unit.per_cycle)
    if total is not None:
        return total, "measured"
    length = model.step_m(np.array([gait == "run"]), np.array([speed_m_s]))
    return speed_m_s * moving_s / float(length[0]), "estimated"


#: Speeds assumed for an activity on foot that states no distance: E3's reference run
#: (6 mph) and the usual outdoor walking pace (Murtagh et al. 2021); a hike as a walk.
TYPICAL_SPEED_M_S: dict[FootGait, float] = {
    "run": 6.0 * MPH_TO_M_S,
    "walk": USUAL_WALK_M_S,
    "hike": USUAL_WALK_M_S,
}


def _first_positive(*values: float) -> float:
    for value in values:
        if math.isfinite(value) and value > 0:
            return float(value)
    return 0.0


def _without_bouts(sport: Sport, moving_s: float) -> ActivityMeasures:
    return ActivityMeasures(
        sport=sport,
        moving_s=moving_s,
        run_s=0.0,
        walk_s=0.0,
        hike_s=0.0,
        brisk_walk_s=0.0,
        steps=0,
        steps_source=None,
        impact_bw_steps=0.0,
        bouts=(),
    )
