"""``footfall plan`` and ``footfall checkin`` as programs: the SPEC §4 file in, the SPEC §3
JSON out, exports a calendar and a watch read, one-line errors for bad plan files."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import garmin_fit_sdk
import icalendar
import pytest

from cli_runner import assert_no_traceback, footfall
from tests_support import SPEC_PLAN

SESSION_KEYS = {
    "kind", "role", "minutes", "distance_m", "pace_min_per_mi", "intensity", "steps",
    "impact_bw_steps", "rule", "why",
}  # fmt: skip
FIGURE_KEYS = {"run_min", "walk_min", "time_on_feet_min", "impact_bw_steps", "run_equiv_min",
               "floor_days"}  # fmt: skip


@pytest.fixture
def spec_plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(SPEC_PLAN)
    return path


def test_the_spec_plan_gives_the_spec_json(spec_plan: Path, tmp_path: Path) -> None:
    run = footfall("plan", spec_plan, "--json", db=tmp_path / "db.sqlite")
    assert run.code == 0, run.stderr
    plan = run.json()
    assert plan["start"] == "2026-12-07"
    assert plan["days"][0]["date"] == "2026-12-07" and len(plan["days"]) == 7
    assert set(plan["before"]) >= FIGURE_KEYS and set(plan["after"]) >= FIGURE_KEYS
    sessions = [s for d in plan["days"] for s in d["sessions"]]
    for session in sessions:
        assert set(session) >= SESSION_KEYS
        if session["rule"] != "plan":
            assert session["kind"] == "walk" and session["why"]
            assert session["pace_min_per_mi"][0] < session["pace_min_per_mi"][1]
    roles = {s["role"] for s in sessions}
    assert roles == {"main", "finisher", "second", "swap", "step_floor"}
    sunday = plan["days"][6]["sessions"]
    finisher = next(s for s in sunday if s["role"] == "finisher")
    assert finisher["minutes"] == pytest.approx(15, abs=0.1)  # 20 mi x 45 s (R1)
    swapped_day = next(d for d in plan["days"] if any(s["role"] == "swap" for s in d["sessions"]))
    assert all(s["kind"] == "walk" for s in swapped_day["sessions"])  # the run is gone
    assert plan["after"]["floor_days"] == 7 and plan["before"]["floor_days"] == 0


def test_plan_writes_a_calendar_and_watch_workouts_that_real_readers_read(
    spec_plan: Path, tmp_path: Path
) -> None:
    ics, fit_dir = tmp_path / "week.ics", tmp_path / "fit"
    run = footfall("plan", spec_plan, "--ics", ics, "--fit-dir", fit_dir, "--json",
                   db=tmp_path / "db.sqlite")  # fmt: skip
    assert run.code == 0, run.stderr
    sessions = [s for d in run.json()["days"] for s in d["sessions"]]
    events = icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    assert len(events) == len(sessions)
    walks = [s for s in sessions if s["kind"] == "walk"]
    files = sorted(fit_dir.glob("*.fit"))
    assert len(files) == len(walks)
    for path in files:
        stream = garmin_fit_sdk.Stream.from_file(str(path))
        messages, errors = garmin_fit_sdk.Decoder(stream).read()
        assert errors == []
        steps = messages["workout_step_mesgs"]
        total_s = sum(step["duration_time"] for step in steps)
        assert total_s > 0
        assert any(step.get("custom_target_speed_high") for step in steps)


BAD_PLANS = {
    "unknown type": ("  - {date: 2026-12-07, type: tempo, minutes: 30}", 10, "type"),
    "negative distance": ("  - {date: 2026-12-07, type: easy, distance: -4}", 10, "distance"),
    "date outside the week": ("  - {date: 2026-12-20, type: easy, minutes: 30}", 10, "date"),
    "yaml syntax": ("  - {date: 2026-12-07, type: easy, minutes: 30", 10, ""),
    "a week at the end of time": ("week_start: 9999-12-27", 8, "week_start"),
}


@pytest.mark.parametrize("case", BAD_PLANS, ids=list(BAD_PLANS))
def test_a_bad_plan_file_is_one_line_naming_the_line_and_field(tmp_path: Path, case: str) -> None:
    line_text, line, field = BAD_PLANS[case]
    lines = SPEC_PLAN.splitlines()
    lines[line - 1] = line_text
    path = tmp_path / "bad.yaml"
    path.write_text("\n".join(lines) + "\n")
    run = footfall("plan", path, db=tmp_path / "db.sqlite")
    assert_no_traceback(run)
    assert run.code == 2
    message = run.stderr.strip()
    assert message.count("\n") == 0
    assert f"{path}:{line}" in message or f"{path}:{line + 1}" in message, message
    assert field in message


def test_plan_from_history_plans_the_demo_runners_typical_week(
    demo_folder: Path, tmp_path: Path
) -> None:
    db = tmp_path / "db.sqlite"
    assert footfall("import", demo_folder, db=db).code == 0
    run = footfall("plan", "--from-history", "--week-start", "2026-03-23", "--json", db=db)
    assert run.code == 0, run.stderr
    plan = run.json()
    runs = [s for d in plan["days"] for s in d["sessions"] if s["kind"] == "run"]
    assert len(runs) >= 4
    assert any(s["role"] == "finisher" for d in plan["days"] for s in d["sessions"])


def test_a_check_in_moves_a_reluctant_walkers_ladder_in_the_next_plan(
    spec_plan: Path, tmp_path: Path
) -> None:
    db = tmp_path / "db.sqlite"
    reluctant = tmp_path / "reluctant.yaml"
    reluctant.write_text(SPEC_PLAN.replace("walking_attitude: keen", "walking_attitude: reluctant"))

    def finisher_feet() -> float:
        plan = footfall("plan", reluctant, "--json", db=db).json()
        finishers = [s for d in plan["days"] for s in d["sessions"] if s["role"] == "finisher"]
        assert finishers and all(s["rule"] == "R5" for s in finishers)
        return round(finishers[0]["distance_m"] / 0.3048)

    assert finisher_feet() == 100
    checked = footfall("checkin", "--legs", "stronger", "--energy", "higher", "--json", db=db)
    assert checked.code == 0, checked.stderr
    assert checked.json()["ladder_next_ft"] == 150
    assert finisher_feet() == 150
    listed = footfall("checkin", "--list", "--json", db=db).json()
    assert [(c["legs"], c["energy"]) for c in listed] == [("stronger", "higher")]


def test_checkin_refuses_bad_answers(tmp_path: Path) -> None:
    run = footfall("checkin", "--legs", "wobbly", "--energy", "same", db=tmp_path / "db.sqlite")
    assert run.code == 2 and "--legs" in run.stderr
    no_walk = footfall("checkin", "--walk", "99", "--legs", "same", "--energy", "same",
                       db=tmp_path / "db.sqlite")  # fmt: skip
    assert no_walk.code == 2 and "99" in no_walk.stderr


def test_plan_needs_a_source(tmp_path: Path) -> None:
    assert footfall("plan", db=tmp_path / "db.sqlite").code == 2
    missing = footfall("plan", tmp_path / "nope.yaml", db=tmp_path / "db.sqlite")
    assert missing.code == 2 and "nope.yaml" in missing.stderr


def test_the_plan_is_stored(spec_plan: Path, tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite"
    assert footfall("plan", spec_plan, db=db).code == 0
    copy = tmp_path / "copy.sqlite"
    shutil.copy(db, copy)
    with sqlite3.connect(copy) as connection:
        (count,) = connection.execute("select count(*) from plan").fetchone()
    assert count == 1


def test_a_folder_given_as_the_plan_is_one_line_saying_so(tmp_path: Path) -> None:
    run = footfall("plan", tmp_path, db=tmp_path / "db.sqlite")
    assert run.code == 2
    assert (
        run.stderr.strip() == f"error: {tmp_path}: a folder, not a plan file (YAML, .ics or .csv)"
    )
