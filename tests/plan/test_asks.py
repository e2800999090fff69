"""What the runner asked that the week could not give is flagged, never dropped in
silence: fewer swaps than asked, a two-a-day on a race day, a reluctant walker's days
under the floor."""

from __future__ import annotations

from rules_support import MONDAY, day, session

from footfall.plan.compose import plan_week
from footfall.plan.model import Attitude, History, Plan, PlanInput, PlanOptions, RunSession


def week(
    *sessions: RunSession, options: PlanOptions, baseline: int = 3500, attitude: Attitude = "keen"
) -> PlanInput:
    return PlanInput(
        week_start=MONDAY,
        sessions=sessions,
        options=options,
        baseline_steps=baseline,
        walking_attitude=attitude,
        source="plan.yaml",
    )


def flags(plan: Plan, rule: str) -> list[str]:
    return [f.why for f in plan.flags if f.rule == rule]


def test_a_swap_the_daily_cap_will_not_hold_is_flagged_with_the_cap() -> None:
    options = PlanOptions(swap_easy_runs=1, daily_cap_min=45)
    plan = plan_week(week(session("easy", 1, minutes=40), session("easy", 3, minutes=30),
                          options=options), History())  # fmt: skip
    assert not [s for s in plan.sessions() if s.role == "swap"]
    (why,) = flags(plan, "R3")
    assert why.startswith("You asked for 1 easy run to become walks and 0 did: the other walks")
    assert "daily walking cap of 45 min" in why


def test_asking_for_more_swaps_than_easy_runs_says_how_many_there_are() -> None:
    plan = plan_week(week(session("easy", 1, minutes=20), options=PlanOptions(swap_easy_runs=3)),
                     History())  # fmt: skip
    assert [s.role for s in plan.sessions() if s.role == "swap"] == ["swap"]
    (why,) = flags(plan, "R3")
    assert "asked for 3 easy runs to become walks and 1 did: the week has 1 easy run" in why


def test_swaps_done_as_asked_raise_no_flag() -> None:
    plan = plan_week(week(session("easy", 1, minutes=20), options=PlanOptions(swap_easy_runs=1)),
                     History())  # fmt: skip
    assert flags(plan, "R3") == []


def test_a_two_a_day_on_a_race_day_is_flagged_not_dropped() -> None:
    options = PlanOptions(two_a_day=(day(5),))
    plan = plan_week(week(session("race", 5, miles=13.1), options=options), History())
    assert [s.role for s in plan.days[5].sessions] == ["main", "finisher"]
    (why,) = flags(plan, "R2")
    assert why.startswith(f"{day(5):%a %d %b} is marked a two-a-day, but it is a race day")


def test_a_reluctant_walkers_days_under_the_floor_are_counted_in_a_flag() -> None:
    plan = plan_week(week(session("easy", 1, minutes=30), options=PlanOptions(),
                          attitude="reluctant"), History())  # fmt: skip
    assert not [s for s in plan.sessions() if s.role == "step_floor"]
    (why,) = flags(plan, "R4")
    under = 7 - plan.after.floor_days
    assert why.startswith(f"{under} days are planned under the 8,000-step floor")
    assert "R5" in why


def test_a_keen_walker_gets_floor_walks_and_no_floor_flag() -> None:
    plan = plan_week(week(session("easy", 1, minutes=30), options=PlanOptions()), History())
    assert plan.after.floor_days == 7 and flags(plan, "R4") == []
