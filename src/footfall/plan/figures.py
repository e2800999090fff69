"""A planned week's figures (SPEC §3 ``before`` / ``after``), from its sessions.

- ``run_min``, ``walk_min``: minutes of the week's runs and walks; ``time_on_feet_min``
  their sum.
- ``impact_bw_steps``: the sessions' steps x E1's multiples (the baseline's everyday
  steps are not a training load and are left out, as the measures leave out steps
  outside activities).
- ``run_equiv_min``: run minutes + brisk (moderate) walk minutes / 3 (E3); light walks
  add nothing.
- ``floor_days``: days whose steps outside runs (baseline + the day's walks) reach the
  floor; a day without a known baseline is not counted (unknown is not "met").

``before`` is the runner's plan alone (their runs; the baseline for the floor), ``after``
the planned week with its walks and without the swapped runs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from footfall import evidence
from footfall.plan.model import Figures, PlannedSession
from footfall.plan.rules.step_floor import steps_outside_runs


def run_equivalent_minutes(sessions: Sequence[PlannedSession]) -> float:
    """Run minutes + brisk walk minutes / 3 (E3)."""
    runs = sum(s.minutes for s in sessions if s.kind == "run")
    brisk = sum(s.minutes for s in sessions if s.kind == "walk" and s.intensity != "light")
    return runs + brisk / evidence.WALK_MINUTES_PER_RUN_MINUTE


def floor_days(
    sessions: Sequence[PlannedSession], baselines: Mapping[dt.date, int | None], floor: int
) -> int:
    """How many days reach the floor with steps outside runs (known baselines only)."""
    met = 0
    for date, baseline in baselines.items():
        if baseline is None:
            continue
        that_day = [s for s in sessions if s.date == date]
        met += steps_outside_runs(baseline, that_day) >= floor
    return met


def week_figures(
    sessions: Sequence[PlannedSession], baselines: Mapping[dt.date, int | None], floor: int
) -> Figures:
    """The figures of ``sessions`` over the days of ``baselines``."""
    run_min = sum(s.minutes for s in sessions if s.kind == "run")
    walk_min = sum(s.minutes for s in sessions if s.kind == "walk")
    return Figures(
        run_min=run_min,
        walk_min=walk_min,
        time_on_feet_min=run_min + walk_min,
        impact_bw_steps=sum(s.impact_bw_steps for s in sessions),
        run_equiv_min=run_equivalent_minutes(sessions),
        floor_days=floor_days(sessions, baselines, floor),
    )
