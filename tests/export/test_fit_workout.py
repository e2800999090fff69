"""Planned walks as watch workouts: Garmin's own SDK reads every file with the walk's
steps, durations and pace band as a speed target; footfall's decoder knows them for
workouts, not activities."""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path
from typing import Any

import garmin_fit_sdk
import pytest
from export_plan import check_golden, day, fixed_plan, run, walk
from hypothesis import given, settings
from hypothesis import strategies as st

from footfall.errors import NotAnActivity, UsageError
from footfall.evidence import BRISK_HIGH_M_S, BRISK_LOW_M_S, MILE_M
from footfall.export import plan_to_fit_dir, walk_to_fit
from footfall.formats import decode
from footfall.formats.source import file_source
from footfall.plan.model import Role

# 16:00 and 18:00 min/mi as speeds: the slow end gives the low speed
FAST_M_S = MILE_M / (16 * 60)  # 1.6764
SLOW_M_S = MILE_M / (18 * 60)  # 1.4901


def sdk_read(data: bytes) -> dict[str, list[dict[str, Any]]]:
    assert garmin_fit_sdk.Decoder(
        garmin_fit_sdk.Stream.from_byte_array(bytearray(data))
    ).check_integrity()
    stream = garmin_fit_sdk.Stream.from_byte_array(bytearray(data))
    messages: Any
    messages, errors = garmin_fit_sdk.Decoder(stream).read()
    assert errors == []
    return dict(messages)


def sdk_steps(data: bytes) -> list[dict[str, Any]]:
    return sdk_read(data)["workout_step_mesgs"]


def durations_s(steps: list[dict[str, Any]]) -> list[float]:
    return [step["duration_time"] for step in steps]


def test_a_walk_becomes_a_walking_workout_with_its_name() -> None:
    session = walk(day(3), "swap", 60, "R3", "Swapped for an easy run (E3).")
    messages = sdk_read(walk_to_fit(session, name="Swap walk 60 min"))
    (file_id,) = messages["file_id_mesgs"]
    assert file_id["type"] == "workout"
    (workout,) = messages["workout_mesgs"]
    assert workout["sport"] == "walking"
    assert workout["wkt_name"] == "Swap walk 60 min"
    assert workout["num_valid_steps"] == len(messages["workout_step_mesgs"]) == 3


def test_an_hour_walk_warms_up_walks_briskly_and_cools_down() -> None:
    session = walk(day(3), "swap", 60, "R3", "Swapped for an easy run (E3).")
    warm, brisk, cool = sdk_steps(walk_to_fit(session, name="Swap walk"))
    assert [s["intensity"] for s in (warm, brisk, cool)] == ["warmup", "active", "cooldown"]
    assert durations_s([warm, brisk, cool]) == [300.0, 3000.0, 300.0]  # 5 + 50 + 5 min
    assert [s["duration_value"] for s in (warm, brisk, cool)] == [300_000, 3_000_000, 300_000]
    assert warm["target_type"] == cool["target_type"] == "open"
    assert brisk["target_type"] == "speed"
    assert brisk["custom_target_speed_low"] == pytest.approx(SLOW_M_S, abs=1e-3)
    assert brisk["custom_target_speed_high"] == pytest.approx(FAST_M_S, abs=1e-3)
    assert brisk["notes"] == "R3: Swapped for an easy run (E3)."


def test_a_reason_longer_than_the_notes_field_is_cut_at_a_word_and_says_so() -> None:
    why = "A brisk walk in place of your easy run, " * 12 + "citing Lee et al. (E3)."
    session = walk(day(3), "swap", 60, "R3", why)
    _, brisk, _ = sdk_steps(walk_to_fit(session, name="Swap walk"))
    notes = brisk["notes"]
    assert notes.endswith("…") and len(notes.encode("utf-8")) <= 254
    assert f"R3: {why}".startswith(notes[:-1]) and f"R3: {why}"[len(notes) - 1] == " "


def test_a_finisher_is_one_brisk_step_of_its_whole_length() -> None:
    """R1's worked number: a 20-mile long run gets a 15-minute finisher."""
    session = walk(day(6), "finisher", 15, "R1", "45 s per mile after 20 miles (R1).")
    (brisk,) = sdk_steps(walk_to_fit(session, name="Finisher walk 15 min"))
    assert brisk["duration_type"] == "time"
    assert brisk["duration_time"] == 900.0 and brisk["duration_value"] == 900_000
    assert brisk["custom_target_speed_low"] == pytest.approx(SLOW_M_S, abs=1e-3)
    assert brisk["custom_target_speed_high"] == pytest.approx(FAST_M_S, abs=1e-3)


def test_a_short_walk_is_a_single_step() -> None:
    session = walk(day(1), "step_floor", 9.5, "R4", "why")
    (brisk,) = sdk_steps(walk_to_fit(session, name="Short"))
    assert brisk["duration_time"] == 570.0 and brisk["intensity"] == "active"


def test_warm_up_and_cool_down_are_a_tenth_of_the_walk_within_one_to_five_minutes() -> None:
    cases = {10: [60.0, 480.0, 60.0], 43: [258.0, 2064.0, 258.0], 120: [300.0, 6600.0, 300.0]}
    for minutes, expected in cases.items():
        session = walk(day(1), "step_floor", minutes, "R4", "why")
        assert durations_s(sdk_steps(walk_to_fit(session, name="w"))) == expected


def test_a_ladder_walk_of_a_few_seconds_is_still_a_workout() -> None:
    session = walk(day(0), "finisher", 0.3, "R5", "Start tiny: 100 ft (R5).")
    (brisk,) = sdk_steps(walk_to_fit(session, name="Ladder 100 ft"))
    assert brisk["duration_time"] == 18.0


def test_a_walk_without_a_band_gets_an_open_target() -> None:
    session = walk(day(1), "step_floor", 20, "R4", "why", band=None)
    steps = sdk_steps(walk_to_fit(session, name="Open"))
    assert [s["target_type"] for s in steps] == ["open", "open", "open"]
    assert sum(durations_s(steps)) == 1200.0


def test_footfalls_own_decoder_calls_it_a_workout_not_an_activity(tmp_path: Path) -> None:
    path = tmp_path / "walk.fit"
    path.write_bytes(walk_to_fit(walk(day(6), "finisher", 15, "R1", "why"), name="Finisher"))
    with pytest.raises(NotAnActivity, match="workout") as caught:
        decode(file_source(path))
    assert caught.value.path.endswith("walk.fit")


def test_runs_and_empty_walks_are_refused() -> None:
    with pytest.raises(UsageError, match="only walks"):
        walk_to_fit(run(day(0), "easy", 30, 3.0), name="Run")
    with pytest.raises(UsageError, match="too short"):
        walk_to_fit(walk(day(0), "finisher", 0.001, "R5", "why"), name="Nothing")


def test_the_same_walk_gives_the_same_bytes_and_walks_of_a_day_differ_in_file_id() -> None:
    finisher = walk(day(6), "finisher", 15, "R1", "why")
    floor = walk(day(6), "step_floor", 15, "R4", "why")
    assert walk_to_fit(finisher, name="A") == walk_to_fit(finisher, name="A")
    ids = [sdk_read(walk_to_fit(s, name="A"))["file_id_mesgs"][0] for s in (finisher, floor)]
    assert ids[0]["time_created"] == ids[1]["time_created"]
    assert ids[0]["serial_number"] != ids[1]["serial_number"]


def test_the_plan_gives_one_file_per_walk_named_by_date_role_and_number(tmp_path: Path) -> None:
    plan = fixed_plan()
    paths = plan_to_fit_dir(plan, tmp_path / "watch")
    assert [p.name for p in paths] == [
        "2026-12-08_step_floor_1.fit", "2026-12-09_second_1.fit",
        "2026-12-10_swap_1.fit", "2026-12-13_finisher_1.fit",
    ]  # fmt: skip
    walks = [s for s in plan.sessions() if s.kind == "walk"]
    names = []
    for path, session in zip(paths, walks, strict=True):
        messages = sdk_read(path.read_bytes())
        assert sum(durations_s(messages["workout_step_mesgs"])) == session.minutes * 60
        names.append(messages["workout_mesgs"][0]["wkt_name"])
        with pytest.raises(NotAnActivity, match="workout"):
            decode(file_source(path))
    assert names == [
        "Step-floor walk 43 min Tue 8 Dec", "Second-session walk 25 min Wed 9 Dec",
        "Swap walk 60 min Thu 10 Dec", "Finisher walk 15 min Sun 13 Dec",
    ]  # fmt: skip


def test_two_walks_of_one_role_on_a_day_are_numbered(tmp_path: Path) -> None:
    plan = fixed_plan()
    extra = walk(day(1), "step_floor", 12, "R4", "why")
    days = tuple(dataclasses.replace(d, sessions=(*d.sessions, extra)) if d.date == day(1) else d
                 for d in plan.days)  # fmt: skip
    paths = plan_to_fit_dir(dataclasses.replace(plan, days=days), tmp_path)
    names = [p.name for p in paths]
    assert names[:2] == ["2026-12-08_step_floor_1.fit", "2026-12-08_step_floor_2.fit"]
    assert sum(durations_s(sdk_steps(paths[1].read_bytes()))) == 720.0


def test_a_folder_that_cannot_be_made_is_one_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "taken"
    blocker.write_text("a file, not a folder")
    with pytest.raises(UsageError, match=r"cannot write the watch workouts to .*taken"):
        plan_to_fit_dir(fixed_plan(), blocker / "workouts")


WALK_ROLES: list[Role] = ["finisher", "second", "swap", "step_floor"]
FASTEST_MIN_PER_MI = MILE_M / BRISK_HIGH_M_S / 60  # 15:00, E4's 4 mph
SLOWEST_MIN_PER_MI = MILE_M / BRISK_LOW_M_S / 60  # 24:00, E4's 2.5 mph


@settings(max_examples=40, deadline=None)
@given(
    minutes=st.floats(0.05, 300),
    fast=st.floats(FASTEST_MIN_PER_MI, SLOWEST_MIN_PER_MI - 1),
    spread=st.floats(0.0, 1.0),
    role=st.sampled_from(WALK_ROLES),
)
def test_any_walk_decodes_with_steps_adding_up_and_low_speed_below_high(
    minutes: float, fast: float, spread: float, role: Role
) -> None:
    session = walk(day(2), role, minutes, "R6", "why", band=(fast, fast + spread))
    steps = sdk_steps(walk_to_fit(session, name="Any walk"))
    assert sum(s["duration_value"] for s in steps) == round(minutes * 60) * 1000
    (brisk,) = [s for s in steps if s["intensity"] == "active"]
    assert brisk["custom_target_speed_low"] <= brisk["custom_target_speed_high"]
    assert brisk["custom_target_speed_low"] >= BRISK_LOW_M_S - 1e-3
    assert brisk["custom_target_speed_high"] <= BRISK_HIGH_M_S + 1e-3


def test_the_plans_workouts_match_their_golden_file(tmp_path: Path) -> None:
    lines = []
    for path in plan_to_fit_dir(fixed_plan(), tmp_path):
        data = path.read_bytes()
        lines.append(f"{path.name}  {len(data)} bytes  sha256 {hashlib.sha256(data).hexdigest()}")
        lines += _readable(sdk_read(data))
        lines += [data[i : i + 32].hex(" ") for i in range(0, len(data), 32)]
        lines.append("")
    check_golden("plan_week_fit.txt", "\n".join(lines))


def _readable(messages: dict[str, list[dict[str, Any]]]) -> list[str]:
    (workout,) = messages["workout_mesgs"]
    lines = [f"workout {workout['wkt_name']!r}, {workout['sport']}, "
             f"{workout['num_valid_steps']} steps"]  # fmt: skip
    for step in messages["workout_step_mesgs"]:
        target = step["target_type"]
        if target == "speed":
            low, high = step["custom_target_speed_low"], step["custom_target_speed_high"]
            target += f" {low:.3f}-{high:.3f} m/s"
        lines.append(f"  {step['message_index']}: {step['wkt_step_name']}, "
                     f"{step['duration_time']:g} s, {step['intensity']}, {target}")  # fmt: skip
    return lines
