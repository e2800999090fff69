"""The composer: rules in order, conflicts resolved, figures before and after."""

from __future__ import annotations

import datetime as dt

import pytest
from rules_support import MILE, MONDAY, day, default_rates, session

from footfall import evidence
from footfall.plan.compose import no_walk_above_main, plan_week
from footfall.plan.estimate import planned_walk
from footfall.plan.model import Attitude, History, Plan, PlanInput, PlanOptions, RunSession


def week(
    *sessions: RunSession,
    options: PlanOptions | None = None,
    baseline: int | None = None,
    attitude: Attitude = "neutral",
) -> PlanInput:
    return PlanInput(
        week_start=MONDAY,
        sessions=sessions,
        options=options or PlanOptions(),
        baseline_steps=baseline,
        walking_attitude=attitude,
        source="plan.yaml",
    )


def on(plan: Plan, n: int) -> list[tuple[str, str, float]]:
    """(role, rule, minutes) of the sessions of day ``n``."""
    return [(s.role, s.rule, s.minutes) for s in plan.days[n].sessions]


SPEC_WEEK = week(
    session("easy", 0, minutes=30),
    session("workout", 2, minutes=50),
    session("easy", 3, miles=4),
    session("long", 6, miles=20),
    options=PlanOptions(swap_easy_runs=1, swap_mode="equivalent", two_a_day=(day(2),)),
    baseline=3500,
)


def test_the_spec_example_week_gets_its_walks_with_rules_and_reasons() -> None:
    plan = plan_week(SPEC_WEEK, History())
    assert [d.date for d in plan.days] == [day(n) for n in range(7)]
    assert on(plan, 3) == [("swap", "R3", 120.0)]  # the 4-mile (40 min) easy run after the workout
    assert on(plan, 6)[:2] == [("main", "plan", 200.0), ("finisher", "R1", 15.0)]
    assert on(plan, 2)[:2] == [("main", "plan", 50.0), ("second", "R2", 30.0)]
    assert on(plan, 1) == [("step_floor", "R4", 39.0)]
    for added in (s for s in plan.sessions() if s.rule != "plan"):
        assert added.rule in added.why and added.why.endswith(".")
        assert added.pace_min_per_mi is not None


def test_the_figures_before_are_the_runners_runs_and_after_the_planned_week() -> None:
    plan = plan_week(SPEC_WEEK, History())
    runs_min = 30 + 50 + 40 + 200
    assert plan.before.run_min == pytest.approx(runs_min)
    assert (plan.before.walk_min, plan.before.floor_days) == (0, 0)
    assert plan.before.run_equiv_min == pytest.approx(runs_min)
    assert plan.after.run_min == pytest.approx(runs_min - 40)
    walks = [s for s in plan.sessions() if s.kind == "walk"]
    assert plan.after.walk_min == pytest.approx(sum(w.minutes for w in walks))
    assert plan.after.time_on_feet_min == pytest.approx(plan.after.run_min + plan.after.walk_min)
    assert plan.after.run_equiv_min == pytest.approx(runs_min - 40 + plan.after.walk_min / 3)
    assert plan.after.floor_days == 7
    assert plan.after.impact_bw_steps == pytest.approx(
        sum(s.impact_bw_steps for s in plan.sessions())
    )


EASY_WEEK = (
    session("workout", 1, minutes=50),
    session("easy", 2, minutes=20),
    session("easy", 4, minutes=30),
)


def test_an_equivalent_swap_keeps_the_weeks_run_equivalent_minutes() -> None:
    plan = plan_week(week(*EASY_WEEK, options=PlanOptions(swap_easy_runs=1)), History())
    assert on(plan, 2) == [("swap", "R3", 60.0)]
    assert plan.after.run_min == pytest.approx(plan.before.run_min - 20)
    assert plan.after.walk_min == pytest.approx(60.0)
    assert plan.after.run_equiv_min == pytest.approx(plan.before.run_equiv_min)


def test_a_time_on_feet_swap_lowers_impact_and_costs_two_thirds_of_the_run_equivalent() -> None:
    options = PlanOptions(swap_easy_runs=1, swap_mode="time_on_feet")
    plan = plan_week(week(*EASY_WEEK, options=options), History())
    rates = default_rates()
    run_load = 20 * rates.run_cadence_spm * evidence.RUN_GRF_BW
    walk_load = 20 * rates.brisk_cadence_spm * evidence.WALK_GRF_BW
    assert plan.after.impact_bw_steps == pytest.approx(
        plan.before.impact_bw_steps - run_load + walk_load, abs=2
    )
    assert walk_load / run_load == pytest.approx(0.36, abs=0.01)
    assert plan.after.time_on_feet_min == pytest.approx(plan.before.time_on_feet_min)
    assert plan.after.run_equiv_min == pytest.approx(plan.before.run_equiv_min - 20 * 2 / 3)


@pytest.mark.parametrize(
    ("run_spm", "walk_spm", "load_ratio"),
    [
        (None, None, 1.076),  # the defaults: 157 steps/min running at 6 mph, 118 walking
        (175.0, 110.0, 0.905),  # a runner with a quick stride and a short brisk walk
        (165.0, 105.0, 0.916),
    ],
)
def test_an_equivalent_swap_lowers_impact_only_when_walking_steps_are_few_enough(
    run_spm: float | None, walk_spm: float | None, load_ratio: float
) -> None:
    """3 x T walking minutes load the legs walk_spm x 3 x 1.2 per T running minutes'
    run_spm x 2.5: less only while walk cadence < 0.69 x run cadence (E1, E3)."""
    history = History(run_cadence_spm=run_spm, walk_cadence_spm=walk_spm)
    plan = plan_week(week(*EASY_WEEK, options=PlanOptions(swap_easy_runs=1)), history)
    swapped = next(s for s in plan.sessions() if s.role == "swap")
    run_load = plan.before.impact_bw_steps - (plan.after.impact_bw_steps - swapped.impact_bw_steps)
    assert swapped.impact_bw_steps / run_load == pytest.approx(load_ratio, abs=0.002)
    assert plan.after.run_equiv_min == pytest.approx(plan.before.run_equiv_min)
    lowered = plan.after.impact_bw_steps < plan.before.impact_bw_steps
    assert lowered == (load_ratio < 1)


def test_a_swapped_run_takes_its_finisher_and_its_second_session_with_it() -> None:
    plan = plan_week(
        week(
            session("workout", 0, minutes=40),
            session("easy", 1, minutes=95),
            session("easy", 3, minutes=40),
            options=PlanOptions(swap_easy_runs=1, two_a_day=(day(1),)),
        ),
        History(),
    )
    assert on(plan, 1)[0] == ("swap", "R3", 285.0)
    assert all(s.rule != "R1" for s in plan.sessions())
    second = plan.days[1].sessions[1]
    assert (second.role, second.intensity) == ("second", "light")  # below the brisk swap walk


def test_the_step_floor_counts_the_walks_placed_before_it() -> None:
    plan = plan_week(week(session("long", 6, miles=20), baseline=3500), History())
    finisher, floor = plan.days[6].sessions[1:]
    rest_day_walk = plan.days[0].sessions[0]
    assert (finisher.rule, floor.rule, rest_day_walk.rule) == ("R1", "R4", "R4")
    assert 3500 + finisher.steps + floor.steps >= 8000
    assert floor.minutes < rest_day_walk.minutes


def test_a_race_day_gets_nothing_added_but_a_finisher() -> None:
    options = PlanOptions(swap_easy_runs=2, two_a_day=(day(5),))
    plan = plan_week(
        week(
            session("easy", 1, minutes=30),
            session("easy", 3, minutes=30),
            session("race", 5, miles=13.1),
            session("easy", 5, minutes=10),
            options=options,
            baseline=3500,
        ),
        History(),
    )
    assert on(plan, 5) == [
        ("main", "plan", pytest.approx(131.0)),
        ("main", "plan", 10.0),
        ("finisher", "R1", 10.0),
    ]
    assert on(plan, 0) == [("step_floor", "R4", 39.0)]


def test_a_short_race_gets_nothing_at_all() -> None:
    plan = plan_week(week(session("race", 5, miles=3.1), baseline=3500), History())
    assert on(plan, 5) == [("main", "plan", pytest.approx(31.0))]


def test_a_daily_cap_trims_step_floor_walks_first_then_second_sessions() -> None:
    sessions = (session("long", 6, miles=20),)
    uncapped = plan_week(
        week(*sessions, options=PlanOptions(two_a_day=(day(6),)), baseline=1000), History()
    )
    assert on(uncapped, 6) == [
        ("main", "plan", 200.0),
        ("finisher", "R1", 15.0),
        ("second", "R2", 30.0),
        ("step_floor", "R4", 15.0),
    ]
    capped = plan_week(
        week(*sessions, options=PlanOptions(two_a_day=(day(6),), daily_cap_min=40), baseline=1000),
        History(),
    )
    assert on(capped, 6) == [
        ("main", "plan", 200.0),
        ("finisher", "R1", 15.0),
        ("second", "R2", 25.0),
    ]
    second = capped.days[6].sessions[2]
    assert "trimmed from 30 min to 25 min" in second.why
    assert second.steps == round(25 * default_rates().brisk_cadence_spm)


def test_a_tight_cap_keeps_the_finisher_last() -> None:
    options = PlanOptions(two_a_day=(day(6),), daily_cap_min=10)
    plan = plan_week(week(session("long", 6, miles=20), options=options, baseline=1000), History())
    assert on(plan, 6) == [("main", "plan", 200.0), ("finisher", "R1", 10.0)]
    assert on(plan, 0) == [("step_floor", "R4", 10.0)]


def test_no_walk_is_more_intense_than_the_days_main_session() -> None:
    rates = default_rates()
    main = planned_walk(
        day(2), 20, role="swap", rule="R3", why="Swap.", intensity="light", rates=rates
    )
    brisk = planned_walk(
        day(2), 30, role="step_floor", rule="R4", why="Floor.", intensity="moderate", rates=rates
    )
    eased = no_walk_above_main([main, brisk], rates)
    assert eased[0] == main
    assert eased[1].intensity == "light"
    assert eased[1].distance_m == pytest.approx(30 * 60 * rates.light_speed_m_s)
    assert "stays no harder than the day's walk session" in eased[1].why


def test_a_reluctant_walker_climbs_the_ladder_instead_of_r1() -> None:
    history = History()
    plan = plan_week(
        week(session("easy", 1, minutes=30), session("long", 6, miles=20), attitude="reluctant"),
        history,
    )
    finishers = [s for s in plan.sessions() if s.role == "finisher"]
    assert [(f.rule, round((f.distance_m or 0) / evidence.FOOT_M)) for f in finishers] == [
        ("R5", 100),
        ("R5", 150),
    ]


def test_a_reluctant_walker_gets_no_long_step_floor_walks_beside_the_ladder() -> None:
    reluctant = week(session("easy", 1, minutes=30), attitude="reluctant", baseline=3500)
    keen = week(session("easy", 1, minutes=30), attitude="keen", baseline=3500)
    assert not [s for s in plan_week(reluctant, History()).sessions() if s.rule == "R4"]
    assert [s for s in plan_week(keen, History()).sessions() if s.rule == "R4"]


def test_spikes_are_flagged_and_swapped_runs_are_not() -> None:
    plan = plan_week(
        week(
            session("easy", 1, miles=12),
            session("long", 6, miles=14),
            options=PlanOptions(swap_easy_runs=1),
        ),
        History(longest_run_30d_m=10 * MILE),
    )
    assert [(f.date, f.rule) for f in plan.flags] == [(day(6), "R9")]


def test_rest_days_and_sessions_outside_the_week_are_not_runs() -> None:
    plan = plan_week(
        week(
            RunSession(day(2), "rest"),
            RunSession(day(9), "easy", minutes=30),
            session("easy", 4, minutes=30),
        ),
        History(),
    )
    assert plan.before.run_min == 30.0
    assert on(plan, 2) == []


def test_without_a_baseline_no_day_is_counted_as_meeting_the_floor() -> None:
    plan = plan_week(week(session("long", 6, miles=20)), History())
    assert (plan.before.floor_days, plan.after.floor_days) == (0, 0)
    assert all(s.rule != "R4" for s in plan.sessions())


def test_the_baseline_can_come_from_history_per_weekday() -> None:
    history = History(baseline_steps_by_weekday={0: 9000.0, 1: 4000.0})
    plan = plan_week(week(), history)
    assert on(plan, 0) == [] and on(plan, 1) == [("step_floor", "R4", 35.0)]
    assert (plan.before.floor_days, plan.after.floor_days) == (1, 2)


SESSION_KEYS = {
    "kind",
    "role",
    "minutes",
    "distance_m",
    "pace_min_per_mi",
    "intensity",
    "steps",
    "impact_bw_steps",
    "rule",
    "why",
}
FIGURE_KEYS = {
    "run_min",
    "walk_min",
    "time_on_feet_min",
    "impact_bw_steps",
    "run_equiv_min",
    "floor_days",
}


def check_json_shape(plan: Plan) -> None:
    """SPEC §3's plan shape (fields may be added, never renamed: the model adds ``type``,
    and ``given``, what the runner gave, so the week can be planned again from it)."""
    doc = plan.to_json()
    assert set(doc) == {"start", "days", "flags", "before", "after", "given"}
    assert Plan.from_json(doc).given == plan.given is not None
    assert set(doc["before"]) == set(doc["after"]) == FIGURE_KEYS
    for day_doc in doc["days"]:
        assert set(day_doc) == {"date", "sessions"}
        for s in day_doc["sessions"]:
            assert set(s) == SESSION_KEYS | {"type"}
            assert s["kind"] in ("run", "walk")
            assert s["role"] in ("main", "finisher", "second", "swap", "step_floor")
            assert s["intensity"] in ("light", "moderate", "vigorous")
    for flag in doc["flags"]:
        assert set(flag) == {"date", "rule", "why"}


def test_the_plan_json_has_the_shape_of_spec_section_3() -> None:
    plan = plan_week(SPEC_WEEK, History(longest_run_30d_m=10 * MILE))
    check_json_shape(plan)
    doc = plan.to_json()
    assert doc["start"] == "2026-12-07"
    finisher = doc["days"][6]["sessions"][1]
    assert finisher["pace_min_per_mi"] == [17.46, 19.46]
    assert doc["flags"][0]["rule"] == "R9"


def test_plan_sessions_are_listed_run_first_then_walks_by_role() -> None:
    plan = plan_week(SPEC_WEEK, History())
    roles = [s.role for s in plan.days[2].sessions]
    assert roles == ["main", "second", "step_floor"]


def test_a_two_a_day_without_a_session_is_flagged_not_ignored() -> None:
    options = PlanOptions(two_a_day=(MONDAY + dt.timedelta(days=2),))
    plan = plan_week(week(session("easy", 1, minutes=30), options=options), History())
    assert [(f.rule, f.date) for f in plan.flags] == [("R2", MONDAY + dt.timedelta(days=2))]
    assert not [s for s in plan.sessions() if s.role == "second"]
