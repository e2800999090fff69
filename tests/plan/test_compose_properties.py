"""Properties of any planned week: nothing negative, every added session explained,
no walk above the day's main session, caps and race days kept, the E3 accounts."""

from __future__ import annotations

import math
from collections import defaultdict

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rules_support import MONDAY, day
from test_compose import check_json_shape

from footfall import evidence
from footfall.plan.compose import plan_week
from footfall.plan.model import (
    ATTITUDES,
    INTENSITY_ORDER,
    SESSION_TYPES,
    SWAP_MODES,
    History,
    LadderState,
    Plan,
    PlanInput,
    PlanOptions,
    RunSession,
)
from footfall.settings import Athlete

RULES = {"R1", "R2", "R3", "R4", "R5"}
BRISK_BAND = (60 / evidence.BRISK_HIGH_MPH, 60 / evidence.BRISK_LOW_MPH)


@st.composite
def run_sessions(draw: st.DrawFn) -> RunSession:
    minutes = draw(st.one_of(st.none(), st.floats(5, 300)))
    miles = draw(
        st.floats(0.5, 40) if minutes is None else st.one_of(st.none(), st.floats(0.5, 40))
    )
    return RunSession(
        day(draw(st.integers(0, 6))),
        draw(st.sampled_from(SESSION_TYPES)),
        minutes,
        None if miles is None else miles * evidence.MILE_M,
    )


optional_positive = st.one_of(st.none(), st.floats(0.5, 6.0))
histories = st.builds(
    History,
    run_speed_m_s=optional_positive,
    run_cadence_spm=st.one_of(st.none(), st.floats(130, 200)),
    brisk_speed_m_s=optional_positive,
    walk_cadence_spm=st.one_of(st.none(), st.floats(80, 140)),
    longest_run_30d_m=st.one_of(st.none(), st.floats(1000, 45000)),
    baseline_steps_by_weekday=st.dictionaries(st.integers(0, 6), st.floats(0, 15000)),
    ladder=st.builds(LadderState, step_ft=st.floats(100, 20000), walks_done=st.integers(0, 50)),
)
options = st.builds(
    PlanOptions,
    swap_easy_runs=st.integers(0, 4),
    swap_mode=st.sampled_from(SWAP_MODES),
    two_a_day=st.lists(st.integers(0, 6).map(day), max_size=3).map(tuple),
    finisher_s_per_mile=st.floats(30, 60),
    daily_cap_min=st.one_of(st.none(), st.floats(5, 200)),
)
plans = st.builds(
    PlanInput,
    week_start=st.just(MONDAY),
    sessions=st.lists(run_sessions(), max_size=9).map(tuple),
    athlete=st.builds(
        Athlete,
        height_cm=st.floats(140, 210),
        units=st.sampled_from(["mi", "km"]),
        step_floor=st.integers(2000, 15000),
        impact_model=st.sampled_from(["fixed", "speed"]),
    ),
    options=options,
    walking_attitude=st.sampled_from(ATTITUDES),
    baseline_steps=st.one_of(st.none(), st.integers(0, 15000)),
)
fast = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@fast
@given(plans, histories)
def test_nothing_in_a_planned_week_is_negative_or_unexplained(
    plan: PlanInput, history: History
) -> None:
    week = plan_week(plan, history)
    for s in week.sessions():
        values = (s.minutes, s.distance_m or 0.0, s.steps, s.impact_bw_steps)
        assert all(math.isfinite(v) and v >= 0 for v in values)
        if s.rule == "plan":
            assert (s.kind, s.role) == ("run", "main")
            continue
        assert s.kind == "walk" and s.rule in RULES
        assert s.rule in s.why and s.why.endswith(".")
        assert s.pace_min_per_mi is not None
        if s.intensity == "moderate":
            assert (
                BRISK_BAND[0] - 1e-9
                <= s.pace_min_per_mi[0]
                < s.pace_min_per_mi[1]
                <= BRISK_BAND[1] + 1e-9
            )
        else:
            assert s.pace_min_per_mi[0] >= BRISK_BAND[1] - 1e-9
    check_json_shape(week)


@fast
@given(plans, histories)
def test_no_walk_is_harder_than_the_days_main_session_and_race_days_get_only_finishers(
    plan: PlanInput, history: History
) -> None:
    week = plan_week(plan, history)
    for planned_day in week.days:
        mains = [s for s in planned_day.sessions if s.role in ("main", "swap")]
        ceiling = max((INTENSITY_ORDER[s.intensity] for s in mains), default=2)
        assert all(INTENSITY_ORDER[s.intensity] <= ceiling for s in planned_day.sessions)
        if any(s.type == "race" for s in mains):
            assert {s.role for s in planned_day.sessions} <= {"main", "finisher"}


@fast
@given(plans, histories)
def test_a_daily_cap_is_kept(plan: PlanInput, history: History) -> None:
    week = plan_week(plan, history)
    walking: defaultdict[object, float] = defaultdict(float)
    for s in week.sessions():
        if s.kind == "walk":
            walking[s.date] += s.minutes
    cap = plan.options.daily_cap_min
    assert cap is None or all(minutes <= cap + 1e-9 for minutes in walking.values())


def swapped_minutes(week: Plan) -> float:
    return week.before.run_min - week.after.run_min


@fast
@given(plans, histories)
def test_walks_keep_run_equivalent_minutes_but_for_the_swapped_runs(
    plan: PlanInput, history: History
) -> None:
    week = plan_week(plan, history)
    swapped = swapped_minutes(week)
    assert swapped >= -1e-9
    assert week.after.run_equiv_min >= week.before.run_equiv_min - swapped - 1e-6
    if plan.options.swap_mode == "equivalent" and plan.options.daily_cap_min is None:
        assert week.after.run_equiv_min >= week.before.run_equiv_min - 1e-6
    if plan.options.daily_cap_min is None:
        assert week.after.floor_days >= week.before.floor_days


@fast
@given(plans, histories)
def test_as_many_easy_runs_are_swapped_as_asked_where_their_walks_fit(
    plan: PlanInput, history: History
) -> None:
    week = plan_week(plan, history)
    races = {s.date for s in plan.sessions if s.type == "race"}
    easy = [s for s in plan.sessions if s.type == "easy" and s.date not in races]
    swaps = [s for s in week.sessions() if s.role == "swap"]
    cap = plan.options.daily_cap_min
    if cap is None:
        assert len(swaps) == min(plan.options.swap_easy_runs, len(easy))
    else:
        assert len(swaps) <= plan.options.swap_easy_runs
        assert all(s.minutes <= cap + 1e-9 and "trimmed" not in s.why for s in swaps)
    runs_left = [s for s in week.sessions() if s.kind == "run"]
    assert len(runs_left) + len(swaps) == len([s for s in plan.sessions if s.type != "rest"])
