"""A planned session's minutes, distance, steps, impact and intensity.

The runner's own recent numbers (:class:`~footfall.plan.model.History`) come first;
where there are none, published defaults, each named here:

- **Run speed**: the runner's recent run speed, else E3's reference run, 6 mph
  (10 min/mile). A session given only as minutes gets its distance at that speed, one
  given only as distance its minutes. Workouts and races given by distance alone get the
  minutes of the runner's usual pace, an over-estimate of their time.
- **Run cadence**: the runner's own, else the stride model the importer estimates steps
  with (:mod:`footfall.metrics.stride`: van Oeveren et al. 2017, 154 steps/min at
  2.4 m/s rising 12 per m/s, step length scaled by height): 157 steps/min at 6 mph for a
  1.70 m runner.
- **Brisk walk speed**: the runner's recent brisk speed, held inside E4's band
  (2.5-4 mph): a planned walk is brisk by definition. Without history, the middle of
  the band, 3.25 mph (18.5 min/mile).
- **Brisk walk cadence**: the runner's walking cadence, else the pedometer stride model
  at the brisk speed (:func:`footfall.metrics.stride.walking_step_m`: 118 steps/min for
  a 1.70 m walker at 3.25 mph); never under E5's 100 steps/min, where brisk (moderate)
  walking starts - a runner whose recorded walks step slower will step faster when
  walking briskly.
- **Light walk**: 2.0-2.5 mph (24-30 min/mile), below E4's band: the Compendium rates a
  slow 2.0 mph walk at 2.8 METs, under the 3 METs where moderate starts. Its cadence is
  the stride model's at 2.25 mph.
- **Impact**: steps x E1's multiple (run 2.5, walk 1.2 body weights), or Keller's
  speed-dependent running multiple when the athlete chose ``impact_model: speed``.

**Intensity** uses the usual MET bands (US Physical Activity Guidelines, 2018: light
under 3 METs, moderate 3 to under 6, vigorous 6 and over). Any run is vigorous by METs
(E3: a 6 mph run is ~9.8 METs, and the Compendium's slowest running, 4 mph, is already
6). A ``recovery`` run is taken as **moderate**: it is prescribed below easy effort, at a
conversational pace that the ACSM's relative scale (40-59 % of heart-rate reserve) calls
moderate, and what R2 compares is how hard the session is for this runner. So the second
session of a recovery day is a light walk, not a brisk one. Brisk walks are moderate
(E4; E3: 3.5 METs at 3 mph; E5: 100 steps/min ~ 3 METs); light walks are light.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from dataclasses import dataclass

import numpy as np

from footfall import evidence
from footfall.errors import PlanError
from footfall.metrics.impact import grf_multiple
from footfall.metrics.stride import running_step_m, walking_step_m
from footfall.plan.model import History, Intensity, PlannedSession, Role, RunSession
from footfall.settings import Athlete, Units

#: E3's reference run (6 mph), the pace assumed when the runner has no run history.
DEFAULT_RUN_SPEED_M_S = evidence.RUN_REFERENCE_MPH * evidence.MPH_TO_M_S
#: The middle of E4's brisk band (2.5-4 mph), in speed.
BRISK_CENTRE_M_S = (evidence.BRISK_LOW_M_S + evidence.BRISK_HIGH_M_S) / 2
#: A light walk: from a slow 2.0 mph (Compendium: 2.8 METs) up to E4's brisk edge.
LIGHT_WALK_LOW_MPH = 2.0
LIGHT_WALK_HIGH_MPH = evidence.BRISK_LOW_MPH
LIGHT_WALK_M_S = (LIGHT_WALK_LOW_MPH + LIGHT_WALK_HIGH_MPH) / 2 * evidence.MPH_TO_M_S

#: How hard each session type is (see the module docstring).
RUN_INTENSITY: dict[str, Intensity] = {
    "easy": "vigorous",
    "long": "vigorous",
    "workout": "vigorous",
    "race": "vigorous",
    "recovery": "moderate",
}
WALK_TYPE = "walk"


@dataclass(frozen=True, slots=True)
class Rates:
    """What the planner assumes about this runner: speeds, cadences (steps/min), the
    running impact multiple, the units they read, and which values are defaults."""

    run_speed_m_s: float
    run_cadence_spm: float
    run_grf_bw: float
    brisk_speed_m_s: float
    brisk_cadence_spm: float
    light_speed_m_s: float
    light_cadence_spm: float
    units: Units
    assumed: frozenset[str]

    def walk_speed_m_s(self, intensity: Intensity) -> float:
        return self.light_speed_m_s if intensity == "light" else self.brisk_speed_m_s

    def walk_cadence_spm(self, intensity: Intensity) -> float:
        return self.light_cadence_spm if intensity == "light" else self.brisk_cadence_spm


def rates_for(history: History, athlete: Athlete) -> Rates:
    """The runner's rates: their history where it has a usable number, else defaults."""
    height_m = athlete.height_cm / 100
    run_speed = _usable(history.run_speed_m_s)
    brisk_speed = _usable(history.brisk_speed_m_s)
    speed = run_speed or DEFAULT_RUN_SPEED_M_S
    brisk = float(
        np.clip(brisk_speed or BRISK_CENTRE_M_S, evidence.BRISK_LOW_M_S, evidence.BRISK_HIGH_M_S)
    )
    run_cadence = _usable(history.run_cadence_spm) or model_run_cadence_spm(speed, height_m)
    walk_cadence = _usable(history.walk_cadence_spm) or model_walk_cadence_spm(brisk, height_m)
    defaults = {
        "run_speed_m_s": run_speed,
        "run_cadence_spm": _usable(history.run_cadence_spm),
        "brisk_speed_m_s": brisk_speed,
        "brisk_cadence_spm": _usable(history.walk_cadence_spm),
    }
    return Rates(
        run_speed_m_s=speed,
        run_cadence_spm=run_cadence,
        run_grf_bw=grf_multiple("run", speed, athlete.impact_model),
        brisk_speed_m_s=brisk,
        brisk_cadence_spm=max(walk_cadence, evidence.MODERATE_CADENCE_SPM),
        light_speed_m_s=LIGHT_WALK_M_S,
        light_cadence_spm=model_walk_cadence_spm(LIGHT_WALK_M_S, height_m),
        units=athlete.units,
        assumed=frozenset(name for name, value in defaults.items() if value is None),
    )


def _usable(value: float | None) -> float | None:
    """A history number that can be used: present, finite and positive."""
    if value is None or not math.isfinite(value) or value <= 0:
        return None
    return float(value)


def model_run_cadence_spm(speed_m_s: float, height_m: float) -> float:
    """Steps/min of the stride model's running step at ``speed_m_s``."""
    step_m = float(running_step_m(np.array([speed_m_s]), height_m)[0])
    return 60 * speed_m_s / step_m


def model_walk_cadence_spm(speed_m_s: float, height_m: float) -> float:
    """Steps/min of the stride model's walking step at ``speed_m_s``."""
    step_m = float(walking_step_m(np.array([speed_m_s]), height_m)[0])
    return 60 * speed_m_s / step_m


def run_minutes_and_distance(run: RunSession, rates: Rates, source: str) -> tuple[float, float]:
    """The run's minutes and metres, the missing one filled in at the runner's pace."""
    minutes, distance_m = run.minutes, run.distance_m
    if minutes is None and distance_m is None:
        raise PlanError(
            source, run.line, "minutes", f"the {run.type} run has no minutes or distance"
        )
    if minutes is None:
        minutes = float(distance_m or 0) / rates.run_speed_m_s / 60
    if distance_m is None:
        distance_m = minutes * 60 * rates.run_speed_m_s
    return float(minutes), float(distance_m)


def planned_run(run: RunSession, rates: Rates, source: str) -> PlannedSession:
    """The runner's own session as a planned run (rule ``plan``)."""
    minutes, distance_m = run_minutes_and_distance(run, rates, source)
    steps = round(minutes * rates.run_cadence_spm)
    where = f" ({source})" if source else ""
    return PlannedSession(
        date=run.date,
        kind="run",
        role="main",
        type=run.type,
        minutes=minutes,
        distance_m=distance_m,
        pace_min_per_mi=None,
        intensity=RUN_INTENSITY[run.type],
        steps=steps,
        impact_bw_steps=steps * rates.run_grf_bw,
        rule="plan",
        why=f"Your own {run.type} run, as your plan has it{where}.",
    )


def planned_walk(
    date: dt.date,
    minutes: float,
    *,
    role: Role,
    rule: str,
    why: str,
    intensity: Intensity,
    rates: Rates,
    distance_m: float | None = None,
) -> PlannedSession:
    """A walk of ``minutes`` at the runner's pace for ``intensity``; its distance is
    ``distance_m`` when the rule prescribes one (R5), else minutes x speed."""
    steps = round(max(minutes, 0.0) * rates.walk_cadence_spm(intensity))
    if distance_m is None:
        distance_m = minutes * 60 * rates.walk_speed_m_s(intensity)
    return PlannedSession(
        date=date,
        kind="walk",
        role=role,
        type=WALK_TYPE,
        minutes=minutes,
        distance_m=distance_m,
        pace_min_per_mi=None,
        intensity=intensity,
        steps=steps,
        impact_bw_steps=steps * grf_multiple("walk", math.nan, "fixed"),
        rule=rule,
        why=why,
    )


def resized_walk(
    walk: PlannedSession,
    minutes: float,
    rates: Rates,
    why: str,
    intensity: Intensity | None = None,
) -> PlannedSession:
    """``walk`` at a new length (or intensity), its distance and steps to match."""
    again = planned_walk(
        walk.date,
        minutes,
        role=walk.role,
        rule=walk.rule,
        why=why,
        intensity=intensity or walk.intensity,
        rates=rates,
    )
    return dataclasses.replace(again, pace_min_per_mi=walk.pace_min_per_mi)
