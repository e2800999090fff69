"""R9 spike guard: a run over 110 % of the 30-day longest is flagged, with a way out."""

from __future__ import annotations

from rules_support import MILE, day, default_rates, run

from footfall.plan.rules.spike import spike_flags


def test_a_14_mile_run_after_a_30_day_longest_of_10_miles_is_flagged() -> None:
    flags = spike_flags([run("long", 6, miles=14)], 10 * MILE, "mi")
    assert [(f.date, f.rule) for f in flags] == [(day(6), "R9")]
    why = flags[0].why
    assert "14 mi" in why and "140 %" in why and "(10 mi)" in why
    assert "keep the run at 11 mi and walk the remaining 3 mi" in why
    assert "Br J Sports Med 2025" in why


def test_a_race_past_the_limit_is_flagged_without_advice_to_stop_it() -> None:
    (flag,) = spike_flags([run("race", 6, miles=26.2)], 14.9 * MILE, "mi")
    assert "176 %" in flag.why and "a race is run as it is" in flag.why
    assert "keep the run at" not in flag.why


def test_a_run_within_110_percent_is_not_flagged() -> None:
    assert spike_flags([run("long", 6, miles=11)], 10 * MILE, "mi") == []


def test_a_run_given_in_minutes_is_measured_at_the_runners_pace() -> None:
    rates = default_rates()  # E3's 6 mph: 150 minutes is 15 miles
    flags = spike_flags([run("long", 6, minutes=150, rates=rates)], 10 * MILE, "mi")
    assert len(flags) == 1 and "15 mi" in flags[0].why


def test_without_a_30_day_longest_nothing_is_flagged() -> None:
    assert spike_flags([run("long", 6, miles=30)], None, "mi") == []


def test_a_run_raises_the_limit_for_the_runs_after_it_as_far_as_the_guard_allows() -> None:
    growing = [run("long", 1, miles=11), run("long", 6, miles=12)]
    assert spike_flags(growing, 10 * MILE, "mi") == []
    spiking = [run("long", 1, miles=14), run("long", 6, miles=12.5)]
    assert [f.date for f in spike_flags(spiking, 10 * MILE, "mi")] == [day(1), day(6)]


def test_a_runner_in_km_reads_km() -> None:
    flags = spike_flags([run("long", 6, miles=14)], 10 * MILE, "km")
    assert "keep the run at 17.7 km" in flags[0].why
