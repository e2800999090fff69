"""A fixed planned week for the exporter tests, built directly from plan/model.py (so
the exporters are tested without the planner), and the golden-file check.

Golden files live in tests/golden/export/. When an exporter changes on purpose,
regenerate them and review the diff:

    FOOTFALL_UPDATE_GOLDEN=1 pytest tests/export -q
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from footfall.evidence import MILE_M
from footfall.plan.model import Figures, Flag, Plan, PlanDay, PlannedSession, Role

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "export"
UPDATE_FLAG = "FOOTFALL_UPDATE_GOLDEN"

WEEK = dt.date(2026, 12, 7)  # a Monday
Band = tuple[float, float]
BAND: Band = (16.0, 18.0)  # min/mi: 1.490-1.676 m/s


def day(offset: int) -> dt.date:
    return WEEK + dt.timedelta(days=offset)


def run(date: dt.date, type_: str, minutes: float, miles: float) -> PlannedSession:
    steps = round(minutes * 165)
    return PlannedSession(
        date=date, kind="run", role="main", type=type_, minutes=minutes,
        distance_m=miles * MILE_M, pace_min_per_mi=None, intensity="vigorous",
        steps=steps, impact_bw_steps=steps * 2.5, rule="plan",
        why="From your own plan.",
    )  # fmt: skip


def walk(
    date: dt.date, role: Role, minutes: float, rule: str, why: str, *, band: Band | None = BAND
) -> PlannedSession:
    steps = round(minutes * 105)
    speed_m_s = MILE_M / (17.0 * 60)
    return PlannedSession(
        date=date, kind="walk", role=role, type="walk", minutes=minutes,
        distance_m=minutes * 60 * speed_m_s, pace_min_per_mi=band,
        intensity="moderate", steps=steps, impact_bw_steps=steps * 1.2,
        rule=rule, why=why,
    )  # fmt: skip


FINISHER_WHY = (
    "Walk 15 min after your 20-mile long run: 30-60 s of walking per mile run speeds "
    "recovery (coach J. Hamilton, R1)."
)
SWAP_WHY = (
    "Your 20-min easy run on Thu becomes a 60-min brisk walk: 15 min of walking is about "
    "5 min of running (E3, Lee et al. 2014)."
)
STEP_WHY = (
    "About 3,500 steps are planned outside runs on Tue; a 43-min brisk walk closes the gap "
    "to 8,000 (E2, Burton & Coyle 2021)."
)
SECOND_WHY = (
    "A second session on a two-a-day, easier than the morning's workout: a brisk walk "
    "(R2, source article)."
)
SPIKE_WHY = (
    "20.0 mi is over 110 % of your longest run in the last 30 days (16.0 mi): keep it at "
    "17.6 mi and walk the remaining 2.4 mi as a finisher (R9, Br J Sports Med 2025)."
)


def fixed_plan() -> Plan:
    """Mon easy run; Tue a step-floor walk; Wed workout and a second-session walk; Thu
    a swap walk (its run gone); Sat a rest day; Sun a 20-mile long run, its finisher
    and an R9 flag."""
    days = (
        PlanDay(day(0), (run(day(0), "easy", 30, 3.0),)),
        PlanDay(day(1), (walk(day(1), "step_floor", 43, "R4", STEP_WHY),)),
        PlanDay(
            day(2),
            (run(day(2), "workout", 50, 6.0), walk(day(2), "second", 25, "R2", SECOND_WHY)),
        ),
        PlanDay(day(3), (walk(day(3), "swap", 60, "R3", SWAP_WHY),)),
        PlanDay(day(4), ()),
        PlanDay(day(5), (rest(day(5)),)),
        PlanDay(
            day(6),
            (run(day(6), "long", 180, 20.0), walk(day(6), "finisher", 15, "R1", FINISHER_WHY)),
        ),
    )
    return Plan(
        start=WEEK,
        days=days,
        flags=(Flag(day(6), "R9", SPIKE_WHY),),
        before=Figures(280, 0, 280, 115_500, 280, 0),
        after=Figures(260, 143, 403, 112_000, 307.7, 2),
    )


def rest(date: dt.date) -> PlannedSession:
    return PlannedSession(
        date=date, kind="run", role="main", type="rest", minutes=0, distance_m=None,
        pace_min_per_mi=None, intensity="light", steps=0, impact_bw_steps=0, rule="plan",
        why="From your own plan.",
    )  # fmt: skip


def check_golden(name: str, text: str) -> None:
    """``text`` equals tests/golden/export/``name`` (rewritten under the update flag)."""
    path = GOLDEN / name
    if os.environ.get(UPDATE_FLAG) == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    assert path.exists(), f"no golden file {path}; make it with {UPDATE_FLAG}=1"
    expected = path.read_text(encoding="utf-8")
    assert text == expected, f"{name} differs from its golden file; review, then {UPDATE_FLAG}=1"
