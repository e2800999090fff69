"""``footfall athlete``, ``week`` and ``recompute`` as programs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cli_runner import assert_no_traceback, footfall
from tests_support import DEMO_END

WEEK_DAY_KEYS = {
    "date", "steps", "steps_source", "steps_outside_runs", "floor_met", "run_min", "walk_min",
    "brisk_min", "time_on_feet_min", "impact_bw_steps", "run_equiv_min",
}  # fmt: skip


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory, demo_folder: Path) -> Path:
    db = tmp_path_factory.mktemp("measured") / "demo.sqlite"
    assert footfall("import", demo_folder, db=db).code == 0
    return db


def fresh_copy(db: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "copy.sqlite"
    shutil.copy(db, copy)
    return copy


def test_athlete_shows_every_setting_and_says_which_are_assumed(tmp_path: Path) -> None:
    run = footfall("athlete", "--json", db=tmp_path / "db.sqlite")
    assert run.code == 0
    document = run.json()
    assert document["step_floor"] == 8000 and document["units"] == "mi"
    assert set(document["assumed"]) == {
        "mass_kg", "height_cm", "units", "step_floor", "time_zone", "impact_model"
    }  # fmt: skip
    set_some = footfall(
        "athlete", "--mass-kg", "61.5", "--units", "km", "--json", db=tmp_path / "db.sqlite"
    )
    assert set_some.json()["mass_kg"] == 61.5
    assert "mass_kg" not in set_some.json()["assumed"]
    shown = footfall("athlete", db=tmp_path / "db.sqlite")
    assert "assumed" in shown.stdout and "61.5" in shown.stdout


@pytest.mark.parametrize(
    ("option", "value", "says"),
    [
        ("--units", "furlongs", "units"),
        ("--time-zone", "Mars/Olympus", "time_zone"),
        ("--height-cm", "12", "height_cm"),
        ("--impact-model", "guess", "impact_model"),
    ],
)
def test_a_bad_setting_is_one_line_and_exit_two(
    tmp_path: Path, option: str, value: str, says: str
) -> None:
    run = footfall("athlete", option, value, db=tmp_path / "db.sqlite")
    assert_no_traceback(run)
    assert run.code == 2
    assert says in run.stderr and run.stderr.strip().count("\n") == 0


def test_week_json_is_the_spec_shape_and_days_add_up(demo_db: Path) -> None:
    run = footfall("week", "--start", DEMO_END.isoformat(), "--json", db=demo_db)
    assert run.code == 0, run.stderr
    week = run.json()
    assert week["start"] == "2026-03-16"  # the Monday of the week holding DEMO_END
    assert [d["date"] for d in week["days"]][-1] == DEMO_END.isoformat()
    for day in week["days"]:
        assert set(day) >= WEEK_DAY_KEYS
        assert day["steps_source"] == "device"  # the demo's daily_steps.csv covers every day
        assert day["floor_met"] in {True, False}
    for key in ("run_min", "walk_min", "brisk_min", "time_on_feet_min", "run_equiv_min"):
        assert week["totals"][key] == pytest.approx(sum(d[key] for d in week["days"]), abs=0.05)
    assert week["totals"]["run_min"] > 100 and week["totals"]["walk_min"] > 30


def test_a_week_before_anything_was_recorded_is_empty_not_an_error(demo_db: Path) -> None:
    week = footfall("week", "--start", "2001-01-01", "--json", db=demo_db).json()
    assert all(d["steps_source"] == "none" and d["floor_met"] is None for d in week["days"])


@pytest.mark.parametrize("start", ["next tuesday", ""])
def test_a_bad_week_start_is_a_usage_error(demo_db: Path, start: str) -> None:
    run = footfall("week", "--start", start, db=demo_db)
    assert run.code == 2 and "--start" in run.stderr


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
def test_a_week_footfall_cannot_count_is_a_usage_error(demo_db: Path, day: str) -> None:
    run = footfall("week", "--start", day, "--json", db=demo_db)
    assert (run.code, run.stdout) == (2, "")
    assert run.stderr.strip() == (
        f"error: --start: {day} is outside the days footfall handles (1900-01-01 to 2199-12-31)"
    )


def test_the_speed_impact_model_changes_impact_and_keeps_steps(
    demo_db: Path, tmp_path: Path
) -> None:
    db = fresh_copy(demo_db, tmp_path)
    before = {a["id"]: a for a in footfall("activities", "--json", db=db).json()}
    switched = footfall("athlete", "--impact-model", "speed", db=db)
    assert switched.code == 0 and "recomputed" in switched.stdout
    after = {a["id"]: a for a in footfall("activities", "--json", db=db).json()}
    assert {i: a["steps"] for i, a in after.items()} == {i: a["steps"] for i, a in before.items()}
    runs = [i for i, a in before.items() if a["sport"] == "run"]
    # Keller: easy running (2.5-3 m/s) loads less than the fixed 2.5 body weights
    assert all(after[i]["impact_bw_steps"] < before[i]["impact_bw_steps"] for i in runs)


def test_a_time_zone_setting_moves_activities_between_days(demo_db: Path, tmp_path: Path) -> None:
    db = fresh_copy(demo_db, tmp_path)
    start = DEMO_END.isoformat()
    portland = footfall("week", "--start", start, "--json", db=db).json()
    assert footfall("athlete", "--time-zone", "Asia/Tokyo", db=db).code == 0
    tokyo = footfall("week", "--start", start, "--json", db=db).json()
    minutes = [d["time_on_feet_min"] for d in portland["days"]]
    assert [d["time_on_feet_min"] for d in tokyo["days"]] != minutes
    recompute = footfall("recompute", "--json", db=db)
    assert recompute.code == 0 and recompute.json()["recomputed"] > 40
