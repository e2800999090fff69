"""Measure one activity (SPEC §2): its bouts, sport, steps, brisk time and impact load.

``measure_activity(activity, athlete, calibration)`` is the entry point; the stride
calibration comes from ``calibrate_strides(the runner's activities, athlete)``.

An activity labelled with a sport not done on foot is ``other`` without looking
further. One with a usable stream (speed, distance, positions or cadence) is
classified interval by interval (:mod:`footfall.metrics.bouts`); one without (an Apple
Health workout without a route, a Polar indoor lap, a Strava index row, a file with
only heart rate) becomes one bout of its label's gait over its timer (else elapsed)
time, with its stated distance (:mod:`footfall.metrics.totals`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np

from footfall.activity import Activity
from footfall.metrics import grade
from footfall.metrics.bouts import GAIT_OF_CODE, RUN, Classified, classify
from footfall.metrics.brisk import brisk_intervals
from footfall.metrics.cadence import CadenceUnit, StrideModel, cadence_unit, footstep_cadence
from footfall.metrics.impact import impact_load
from footfall.metrics.labels import Prior, label_prior
from footfall.metrics.measured import ActivityMeasures, Bout, Sport
from footfall.metrics.motion import Motion, prepare
from footfall.metrics.series import FloatArray, sums_over
from footfall.metrics.sport import rides_a_bike, sport_of
from footfall.metrics.steps import IntervalSteps, count_steps, device_steps, spread
from footfall.metrics.stride import UNCALIBRATED, StrideCalibration, combine_ratios
from footfall.metrics.thresholds import DEFAULT, Thresholds
from footfall.metrics.totals import from_totals, not_on_foot
from footfall.settings import Athlete, ImpactModel


def measure_activity(
    activity: Activity,
    athlete: Athlete,
    calibration: StrideCalibration | None = None,
    *,
    thresholds: Thresholds = DEFAULT,
) -> ActivityMeasures:
    """Everything SPEC §2 measures of one activity."""
    calibration = calibration or UNCALIBRATED
    prior = label_prior(activity.source_sport)
    motion = prepare(activity.samples, thresholds)
    usable = len(motion) > 0 and (motion.has_speed or motion.has_cadence)
    if prior == "not_on_foot":
        return not_on_foot(activity, _unpaused_s(motion) if usable else math.nan)
    if not usable:
        return from_totals(activity, prior, athlete, calibration, thresholds)
    model = StrideModel(athlete.height_cm / 100.0, calibration)
    return _from_stream(activity, motion, prior, athlete, model=model, thresholds=thresholds)


def _from_stream(
    activity: Activity,
    motion: Motion,
    prior: Prior,
    athlete: Athlete,
    *,
    model: StrideModel,
    thresholds: Thresholds,
) -> ActivityMeasures:
    unit, spm, smooth_spm = _cadence(motion, prior, model, thresholds)
    if prior == "unknown" and not _looks_on_foot(motion, unit, spm):
        return not_on_foot(activity, _unpaused_s(motion))
    steep = grade.steep(motion.grade, thresholds)
    classified = classify(motion, smooth_spm, steep, prior, thresholds)
    if rides_a_bike(motion, classified, thresholds):
        return not_on_foot(activity, _unpaused_s(motion))
    total = device_steps(activity.totals, unit.per_cycle)
    steps = count_steps(
        motion, spm, classified, device_total=total, model=model, thresholds=thresholds
    )
    brisk = brisk_intervals(motion, smooth_spm, classified, thresholds)
    distance = _distance(activity, motion, classified, steps)
    bouts = _bouts(
        motion, classified, steps, brisk=brisk, distance=distance, impact=athlete.impact_model
    )
    moving = np.array([b.moving_s for b in bouts])
    sport = sport_of(classified.bout_codes, moving, prior, thresholds)
    if sport == "other":
        return not_on_foot(activity, _unpaused_s(motion))
    return _measures(sport, bouts, steps)


def _cadence(
    motion: Motion, prior: Prior, model: StrideModel, thresholds: Thresholds
) -> tuple[CadenceUnit, FloatArray, FloatArray]:
    """How the file records cadence, and the raw and smoothed footstep cadence in
    steps/min (NaN where there is none to believe)."""
    unit = cadence_unit(
        motion.smooth_cadence_cpm, motion.smooth_speed_m_s, prior, model, thresholds
    )
    spm, smooth = footstep_cadence(motion, unit, model, thresholds)
    return unit, spm, smooth


def _looks_on_foot(motion: Motion, unit: CadenceUnit, spm: FloatArray) -> bool:
    """Without a foot label, the stream must show feet: a cadence that is footsteps,
    or positions to judge speeds by (a pool swim or an indoor rower under TCX's
    ``Other`` has neither)."""
    if not unit.footsteps:
        return False
    return bool(np.isfinite(spm).any()) or motion.has_positions


def _unpaused_s(motion: Motion) -> float:
    return float(np.sum(motion.dt_s[~motion.paused]))


def _distance(
    activity: Activity, motion: Motion, classified: Classified, steps: IntervalSteps
) -> FloatArray:
    """Ground covered per moving interval; a stream without any speed shares out the
    device's stated distance (a treadmill that only states its total)."""
    if motion.has_speed:
        return np.where(classified.moving, motion.distance_m, 0.0)
    stated = activity.totals.distance_m
    if not (math.isfinite(stated) and stated > 0):
        return np.zeros(len(motion))
    return spread(steps.steps, np.where(classified.moving, motion.dt_s, 0.0), stated)


def _bouts(
    motion: Motion,
    classified: Classified,
    steps: IntervalSteps,
    *,
    brisk: np.ndarray,
    distance: FloatArray,
    impact: ImpactModel,
) -> tuple[Bout, ...]:
    starts, ends = classified.starts, classified.ends
    moving_dt = np.where(classified.moving, motion.dt_s, 0.0)
    moving = sums_over(moving_dt, starts, ends)
    metres = sums_over(distance, starts, ends)
    counts = sums_over(steps.steps, starts, ends)
    brisk_s = sums_over(np.where(brisk, moving_dt, 0.0), starts, ends)
    bouts = []
    for j, code in enumerate(classified.bout_codes.tolist()):
        gait = GAIT_OF_CODE[code]
        speed = metres[j] / moving[j] if motion.has_speed and moving[j] > 0 else math.nan
        bouts.append(
            Bout(
                gait=gait,
                start_s=float(motion.start_s[starts[j]]),
                end_s=float(motion.end_s[ends[j] - 1]),
                moving_s=float(moving[j]),
                distance_m=float(metres[j]),
                steps=float(counts[j]),
                brisk_s=float(brisk_s[j]),
                impact_bw_steps=impact_load(float(counts[j]), gait, speed, impact),
            )
        )
    return tuple(bouts)


def _measures(sport: Sport, bouts: tuple[Bout, ...], steps: IntervalSteps) -> ActivityMeasures:
    def moving_of(gait: str) -> float:
        return sum(b.moving_s for b in bouts if b.gait == gait)

    return ActivityMeasures(
        sport=sport,
        moving_s=sum(b.moving_s for b in bouts),
        run_s=moving_of("run"),
        walk_s=moving_of("walk"),
        hike_s=moving_of("hike"),
        brisk_walk_s=sum(b.brisk_s for b in bouts),
        steps=round(sum(b.steps for b in bouts)),
        steps_source=steps.source,
        impact_bw_steps=sum(b.impact_bw_steps for b in bouts),
        bouts=bouts,
    )


def calibrate_strides(
    activities: Iterable[Activity], athlete: Athlete, *, thresholds: Thresholds = DEFAULT
) -> StrideCalibration:
    """The runner's own step length against the model's, per gait: for every activity
    with both cadence and speed, the median of measured / model step length over its
    steady running (and walking) readings; then the median over the activities."""
    run_ratios: list[float] = []
    walk_ratios: list[float] = []
    for activity in activities:
        for running, ratio in own_stride_ratios(activity, athlete, thresholds=thresholds):
            (run_ratios if running else walk_ratios).append(ratio)
    return calibration_from(run_ratios, walk_ratios, thresholds=thresholds)


def calibration_from(
    run_ratios: list[float], walk_ratios: list[float], *, thresholds: Thresholds = DEFAULT
) -> StrideCalibration:
    """The calibration from per-activity ratios (as :func:`own_stride_ratios` gives and
    the store keeps), so a new import need not reread every stream."""
    run, runs = combine_ratios(run_ratios, thresholds)
    walk, walks = combine_ratios(walk_ratios, thresholds)
    return StrideCalibration(run, walk, runs, walks)


def own_stride_ratios(
    activity: Activity, athlete: Athlete, *, thresholds: Thresholds = DEFAULT
) -> list[tuple[bool, float]]:
    """(running?, measured / model step length) for each gait this activity shows with
    enough steady cadence and speed; empty when it shows none."""
    prior = label_prior(activity.source_sport)
    motion = prepare(activity.samples, thresholds)
    if prior == "not_on_foot" or not (motion.has_speed and motion.has_cadence):
        return []
    model = StrideModel(athlete.height_cm / 100.0)
    _, _, spm = _cadence(motion, prior, model, thresholds)  # smoothed steps/min
    classified = classify(motion, spm, grade.steep(motion.grade, thresholds), prior, thresholds)
    speed = motion.smooth_speed_m_s
    steady = (
        classified.moving
        & (spm >= thresholds.stepping_min_spm)
        & (speed >= thresholds.step_length_min_speed_m_s)
    )
    ratios = []
    for running in (True, False):
        chosen = steady & ((classified.codes == RUN) == running)
        if float(np.sum(motion.dt_s[chosen])) < thresholds.calibration_min_s:
            continue
        implied = speed[chosen] * 60.0 / spm[chosen]
        own = implied / model.step_m(np.full(len(implied), running), speed[chosen])
        ratios.append((running, float(np.median(own))))
    return ratios
