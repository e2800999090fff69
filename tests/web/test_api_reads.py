"""The API's reads give the command line's JSON (SPEC §3) for the same store, and one
clear line with a 4xx for a bad request."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_support import LAST_WEEK, problem

from cli_runner import footfall


def test_the_activities_are_the_command_lines_activities(client: TestClient, demo_db: Path) -> None:
    response = client.get("/api/activities")
    assert response.status_code == 200
    run = footfall("activities", "--json", db=demo_db)
    assert run.code == 0, run.stderr
    assert response.json() == run.json()
    assert len(response.json()) == 64


def test_last_keeps_the_most_recent_activities(client: TestClient) -> None:
    everything = client.get("/api/activities").json()
    last = client.get("/api/activities", params={"last": 3}).json()
    assert last == everything[-3:]
    assert last[0]["start"] < last[-1]["start"]


@pytest.mark.parametrize("last", ["0", "-2", "many"])
def test_a_bad_last_is_a_clear_422(client: TestClient, last: str) -> None:
    assert problem(client.get("/api/activities", params={"last": last}), 422).startswith("last:")


def test_one_activity_has_its_bouts_adding_up_to_its_moving_time(client: TestClient) -> None:
    first = client.get("/api/activities").json()[0]
    activity = client.get(f"/api/activities/{first['id']}").json()
    assert {k: v for k, v in activity.items() if k != "bouts"} == first
    moving = sum(b["moving_s"] for b in activity["bouts"] if b["gait"] != "stopped")
    assert moving == pytest.approx(first["moving_s"], abs=1.0)
    assert all(b["start"].endswith("Z") and b["start"] < b["end"] for b in activity["bouts"])


def test_a_missing_activity_is_a_404_naming_it(client: TestClient) -> None:
    assert problem(client.get("/api/activities/9999"), 404) == "there is no activity 9999"
    assert problem(client.get("/api/activities/nine"), 422).startswith("activity_id:")
    huge = problem(client.get("/api/activities/99999999999999999999999"), 422)
    assert huge.startswith("activity_id:") and "less than or equal" in huge


def test_a_stored_plan_of_a_day_footfall_cannot_handle_is_a_clear_422(client: TestClient) -> None:
    says = problem(client.get("/api/plan", params={"week": "0001-01-01"}), 422)
    assert says.startswith("week:") and "outside the days footfall handles" in says


def test_a_week_is_the_command_lines_week(client: TestClient, demo_db: Path) -> None:
    wednesday = LAST_WEEK + dt.timedelta(days=2)
    response = client.get("/api/week", params={"start": wednesday.isoformat()})
    run = footfall("week", "--start", wednesday.isoformat(), "--json", db=demo_db)
    assert response.status_code == 200 and run.code == 0, run.stderr
    week = response.json()
    assert week == run.json()
    assert week["start"] == LAST_WEEK.isoformat()
    assert week["totals"]["run_min"] > 0 and week["totals"]["floor_days"] >= 1


def test_the_week_without_a_start_is_this_week(client: TestClient) -> None:
    week = client.get("/api/week").json()
    monday = dt.date.fromisoformat(week["start"])
    today = dt.datetime.now(dt.UTC).date()
    assert monday.weekday() == 0 and abs((today - monday).days) <= 7


@pytest.mark.parametrize("start", ["2026-13-01", "yesterday", "", "9999-12-31", "0001-01-01"])
def test_a_week_of_no_date_is_a_clear_422(client: TestClient, start: str) -> None:
    assert problem(client.get("/api/week", params={"start": start}), 422).startswith("start:")


def test_the_athlete_starts_as_assumed_defaults(empty_client: TestClient) -> None:
    athlete = empty_client.get("/api/athlete").json()
    assert athlete["step_floor"] == 8000 and athlete["units"] == "mi"
    assert "mass_kg" in athlete["assumed"]


def test_there_are_no_checkins_at_first(empty_client: TestClient) -> None:
    assert empty_client.get("/api/checkins").json() == []


def test_no_stored_plan_is_a_404_that_says_how_to_make_one(client: TestClient) -> None:
    assert "POST /api/plan" in problem(client.get("/api/plan"), 404)
    assert "2026-03-18" in problem(client.get("/api/plan", params={"week": "2026-03-18"}), 404)
    assert problem(client.get("/api/plan", params={"week": "soon"}), 422).startswith("week:")
