"""Every threshold that decides how an activity's stream becomes bouts, in one place.

Each number carries the reason or the source it comes from. Measures read them from a
:class:`Thresholds` (the defaults are :data:`DEFAULT`); nothing in the metrics types a
threshold in.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Thresholds:
    """The classification parameters (SI units; cadence in steps per minute)."""

    # --- pauses -----------------------------------------------------------------------
    #: A gap between samples is an auto-pause (no time, steps or distance credited) when
    #: it is longer than both of these: watches record every 1-7 s ("smart recording")
    #: and stop recording while auto-paused, so a gap of 3 intervals and over 10 s is a
    #: pause, not a slow recording rate.
    pause_min_s: float = 10.0
    pause_factor: float = 3.0

    # --- speed: which source, and GPS jumps ---------------------------------------------
    #: The device's speed column is trusted when its integral is within this factor of
    #: the recorded distance (a re-saved file can carry a speed column in a wrong unit;
    #: the corpus has one, read at 1/20 of the distance it recorded).
    speed_agreement: float = 1.3
    #: Faster than any human on foot (sprint top speed is ~12 m/s over a few metres).
    max_speed_m_s: float = 12.0
    #: A speed change faster than this is a jump of the position, not a change of pace
    #: (jogging and walking accelerate at well under 2 m/s^2; a sprint start ~5)...
    max_acceleration_m_s2: float = 5.0
    #: ...judged against the median of this many neighbouring readings (a jump away and
    #: back spans up to two readings; five outvote them).
    jump_window_samples: int = 5

    # --- smoothing ----------------------------------------------------------------------
    #: Rolling-median window: long enough to drop GPS speed noise and one-off spikes,
    #: short enough to keep a 20-40 s stop at a traffic light.
    smoothing_s: float = 15.0
    #: Altitude is smoothed over this long before grades are taken (barometer wander,
    #: GPS altitude noise).
    altitude_smoothing_s: float = 30.0
    #: Altitudes outside this range are a device's "no value" (FIT's raw 0 reads -500 m):
    #: the lowest dry land is the Dead Sea shore at about -430 m, the highest 8849 m.
    lowest_altitude_m: float = -450.0
    highest_altitude_m: float = 9000.0
    #: With altitudes for fewer than this share of the samples, no grade at all.
    min_altitude_share: float = 0.5
    #: Whether walking is brisk is judged on the speed over this long, within each bout:
    #: intensity is sustained effort, and over a minute a phone's few metres of
    #: wandering GPS error stop moving a walk in and out of the band.
    brisk_smoothing_s: float = 60.0

    # --- standing still -----------------------------------------------------------------
    #: Below this smoothed speed (and with no stepping cadence) one is standing: the
    #: slowest walking pace adults choose outdoors is ~0.8 m/s (Murtagh et al., Sports
    #: Med 2021;51:125-141, "slow" pace 0.82 m/s) and GPS drift while standing stays
    #: under ~0.4 m/s.
    stop_speed_m_s: float = 0.4
    #: Below this many steps/min there is no walking rhythm (the slowest walking cadences
    #: are ~70 steps/min).
    stepping_min_spm: float = 40.0

    # --- run or walk --------------------------------------------------------------------
    #: Cadence, the strongest signal: runners step at >~140 steps/min, walkers at
    #: <~130 (Tudor-Locke et al., CADENCE-Adults: 130 steps/min is already vigorous
    #: walking). Between the two the gait stays what it was (hysteresis).
    run_cadence_spm: float = 140.0
    walk_cadence_spm: float = 130.0
    #: Speed, where there is no cadence: overground, people mix walking and running
    #: between average speeds of 1.9 and 3.0 m/s, mostly walking near 1.9 and mostly
    #: running near 3.0, with a speed gap between the two gaits (Baker, Long &
    #: Srinivasan, arXiv 2501.00720, 2025). Running from 2.4 m/s, walking up to 2.0 m/s,
    #: and hysteresis between.
    run_speed_m_s: float = 2.4
    walk_speed_m_s: float = 2.0
    #: The file's label as a prior: under a run label both speed thresholds move down by
    #: this much, under a walk or hike label up (a slow jog stays a run, a fast walk a walk).
    label_speed_shift_m_s: float = 0.2

    # --- hiking -------------------------------------------------------------------------
    #: Walking on a sustained grade is hiking: |grade| >= 10 % (the brief; a steep
    #: trail), left again under 8 % (hysteresis), kept only when it lasts a minute.
    hike_grade: float = 0.10
    hike_grade_leave: float = 0.08
    hike_min_s: float = 60.0
    #: Grades are measured over this much horizontal distance (centred), so a few metres
    #: of altitude noise move them by a few per cent at most.
    grade_span_m: float = 100.0

    # --- bouts --------------------------------------------------------------------------
    #: Shorter stretches of one gait merge into their neighbours (a few steps of walking
    #: at a corner are not a walk bout).
    min_bout_s: float = 30.0
    #: Shorter stops merge too (their time is still not moving time).
    min_stop_s: float = 20.0

    # --- the activity's sport -----------------------------------------------------------
    #: Faster than the marathon world-record pace (5.7 m/s) for most of the moving time:
    #: a bicycle, not feet.
    cycling_speed_m_s: float = 7.0
    cycling_share: float = 0.5
    #: run_walk: both running and walking take at least this share of the time on feet…
    run_walk_min_share: float = 0.15
    #: …and they alternate (at least this many changes between running and walking,
    #: e.g. run-walk-run).
    run_walk_min_changes: int = 2

    # --- cadence per foot or per step ---------------------------------------------------
    #: Recorded cadences under this are not stepping, whatever the unit (the slowest
    #: walkers make ~35 strides/min).
    min_recorded_cpm: float = 20.0
    #: Recorded cadences over this are garbage in any unit (sprinters reach ~280
    #: steps/min).
    max_recorded_cpm: float = 300.0
    #: Readings with speed needed before step lengths decide the unit (fewer: the
    #: median cadence does).
    min_step_readings: int = 10
    #: Where there is no speed to compare step lengths with, a median cadence (as the
    #: file records it) under this is per foot. Runners make 75-100 strides/min and
    #: 150-200 steps/min; walkers 45-65 strides/min and 90-130 steps/min. The label
    #: picks the threshold that separates its own gait's two ranges.
    per_foot_below_cpm_run: float = 120.0
    per_foot_below_cpm_walk: float = 75.0
    per_foot_below_cpm_unknown: float = 100.0
    #: A cadence column counts only when it shows stepping for this share of the
    #: moving time (a column of zeros is no cadence).
    cadence_min_share: float = 0.25
    #: Readings slower than this are not used to compare step lengths (standing still).
    step_length_min_speed_m_s: float = 0.5
    #: A cadence is footsteps when the steps it implies are within this factor of the
    #: stride model's. Over the shared corpus, runs and walks sit within 1.31x (median
    #: per activity); the unlabelled open-water swim, cross-country ski and multisport
    #: files at 1.5-2.0x. Beyond it the whole cadence column (typical step) or a single
    #: reading (a step this much longer than the model: a halved cadence) is not used.
    max_step_ratio: float = 1.5

    # --- steps ------------------------------------------------------------------------
    #: Cadence must cover this share of the moving time for the steps to count as
    #: measured (the rest is estimated from distance).
    measured_share: float = 0.5
    #: A device total is used when it is within this factor of the stream's own count:
    #: over the shared corpus the two agree within about 2 % for runs of more than a few
    #: minutes; a session whose total is a tenth of its cadence (a broken counter) is
    #: not a step count.
    device_agreement: float = 1.5

    # --- stride calibration -------------------------------------------------------------
    #: Seconds of steady cadence and speed an activity needs to add to the calibration.
    calibration_min_s: float = 60.0
    #: Ratios (own / model step length) outside this range are a wrong cadence unit or a
    #: bad speed, not a runner's own stride.
    calibration_low: float = 0.6
    calibration_high: float = 1.6


DEFAULT = Thresholds()
