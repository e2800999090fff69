"""The API's writes: import, plan, athlete, check-ins and walks do what the command line
does with the same input, and answer a bad request with one clear line and a 4xx."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient
from web_support import NEXT_WEEK, SPEC_PLAN, problem, sessions_of

from cli_runner import footfall


def demo_files(demo_folder: Path, count: int) -> list[Path]:
    return sorted(p for p in demo_folder.iterdir() if p.suffix in {".fit", ".gpx"})[:count]


def without_source(plan: dict[str, Any]) -> dict[str, Any]:
    """The plan without the reason of the runner's own sessions, which names the file
    (or the API) the plan came from."""
    for session in sessions_of(plan):
        if session["rule"] == "plan":
            session["why"] = "(own session)"
    return plan


def upload(client: TestClient, *files: tuple[str, bytes]) -> dict[str, object]:
    response = client.post("/api/import", files=[("files", (name, data)) for name, data in files])
    assert response.status_code == 200, response.text
    result: dict[str, object] = response.json()
    return result


def test_uploaded_files_are_imported_named_as_uploaded(
    empty_client: TestClient, demo_folder: Path
) -> None:
    fit, gpx = demo_files(demo_folder, 2)
    report = upload(empty_client, (fit.name, fit.read_bytes()), (gpx.name, gpx.read_bytes()))
    assert [i["path"] for i in report["imported"]] == [fit.name, gpx.name]  # type: ignore[index]
    assert report["errors"] == [] and report["duplicates"] == []
    stored = empty_client.get("/api/activities").json()
    assert len(stored) == 2 and all(a["distance_m"] > 500 for a in stored)


def test_an_upload_imported_before_is_reported_as_a_duplicate(
    empty_client: TestClient, demo_folder: Path
) -> None:
    (fit,) = demo_files(demo_folder, 1)
    upload(empty_client, (fit.name, fit.read_bytes()))
    again = upload(empty_client, ("renamed.fit", fit.read_bytes()))
    assert again["imported"] == [] and again["duplicates"] == ["renamed.fit"]
    assert len(empty_client.get("/api/activities").json()) == 1


def test_a_broken_upload_gets_its_line_and_the_others_are_kept(
    empty_client: TestClient, demo_folder: Path
) -> None:
    (fit,) = demo_files(demo_folder, 1)
    broken = b"these bytes are no activity at all"
    report = upload(empty_client, ("broken.fit", broken), (fit.name, fit.read_bytes()))
    (error,) = report["errors"]  # type: ignore[misc]
    assert error["path"] == "broken.fit" and error["error"]
    assert [i["path"] for i in report["imported"]] == [fit.name]  # type: ignore[attr-defined]


def test_an_upload_with_a_path_in_its_name_keeps_only_the_name(
    empty_client: TestClient, demo_folder: Path
) -> None:
    (fit,) = demo_files(demo_folder, 1)
    report = upload(empty_client, ("../../etc/evil run.fit", fit.read_bytes()))
    assert [i["path"] for i in report["imported"]] == ["evil run.fit"]  # type: ignore[index]


def test_an_import_without_files_is_a_clear_422(empty_client: TestClient) -> None:
    assert problem(empty_client.post("/api/import"), 422).startswith("files:")


def test_a_yaml_plan_gives_the_command_lines_plan(
    client: TestClient, demo_db: Path, tmp_path: Path
) -> None:
    response = client.post("/api/plan", content=SPEC_PLAN, headers={"content-type": "text/yaml"})
    assert response.status_code == 200, response.text
    plan_file = tmp_path / "plan.yaml"
    plan_file.write_text(SPEC_PLAN)
    run = footfall("plan", plan_file, "--json", db=demo_db)
    assert run.code == 0, run.stderr
    assert without_source(response.json()) == without_source(run.json())
    own = [s for s in sessions_of(response.json()) if s["rule"] == "plan"]
    assert own and all(s["why"].endswith("(your plan).") for s in own)
    roles = {s["role"] for s in sessions_of(response.json())}
    assert roles == {"main", "finisher", "second", "swap", "step_floor"}


def test_the_same_plan_as_json_gives_the_same_week(client: TestClient) -> None:
    as_yaml = client.post("/api/plan", content=SPEC_PLAN, headers={"content-type": "text/yaml"})
    document = yaml.safe_load(SPEC_PLAN)
    as_json = client.post("/api/plan", content=json.dumps(document, default=str),
                          headers={"content-type": "application/json"})  # fmt: skip
    assert as_json.status_code == 200, as_json.text
    assert as_json.json() == as_yaml.json()
    sunday = as_json.json()["days"][6]["sessions"]
    finisher = next(s for s in sunday if s["role"] == "finisher")
    assert finisher["minutes"] == pytest.approx(15, abs=0.1)  # 20 mi x 45 s (R1)
    assert finisher["rule"] == "R1" and "mile" in finisher["why"]


def test_a_stored_plan_is_read_back_by_its_week(client: TestClient) -> None:
    made = client.post("/api/plan", content=SPEC_PLAN, headers={"content-type": "text/yaml"})
    stored = client.get("/api/plan", params={"week": "2026-12-10"})
    assert stored.status_code == 200 and stored.json() == made.json()
    assert client.get("/api/plan").json() == made.json()


def test_options_beside_the_plan_win_over_its_own(client: TestClient) -> None:
    response = client.post(
        "/api/plan", content=SPEC_PLAN, params={"swap_easy_runs": 0, "finisher_s_per_mile": 60},
        headers={"content-type": "text/yaml"},
    )  # fmt: skip
    sessions = sessions_of(response.json())
    assert not any(s["role"] == "swap" for s in sessions)
    finisher = next(s for s in sessions if s["role"] == "finisher")
    assert finisher["minutes"] == pytest.approx(20, abs=0.1)  # 20 mi x 60 s


def test_the_typical_week_is_planned_from_history(client: TestClient) -> None:
    response = client.post(
        "/api/plan", params={"from_history": True, "week_start": NEXT_WEEK.isoformat()}
    )
    assert response.status_code == 200, response.text
    plan = response.json()
    assert plan["start"] == NEXT_WEEK.isoformat()
    assert sum(s["kind"] == "run" for s in sessions_of(plan)) >= 3


def test_a_plan_mistake_names_its_line_and_field(client: TestClient) -> None:
    broken = SPEC_PLAN.replace("minutes: 50", "minutes: fifty")
    detail = problem(client.post("/api/plan", content=broken), 422)
    assert detail.startswith("your plan:11:") and "sessions[1].minutes" in detail


def test_a_json_plan_mistake_names_its_field(client: TestClient) -> None:
    document = yaml.safe_load(SPEC_PLAN)
    document["options"]["swap_mode"] = "sideways"
    response = client.post("/api/plan", json=json.loads(json.dumps(document, default=str)))
    assert "options.swap_mode" in problem(response, 422)


@pytest.mark.parametrize(
    ("body", "params", "status", "says"),
    [
        ("", {}, 400, "send a plan document"),
        (SPEC_PLAN, {"from_history": True}, 400, "not both"),
        ("[1, 2]", {}, 422, "your plan:1:"),
        ("\xff\xfe", {}, 422, ""),
        (SPEC_PLAN, {"finisher_s_per_mile": 90}, 400, "between 30 and 60"),
        (SPEC_PLAN, {"two_a_day": "someday"}, 422, "two_a_day"),
        ("", {"from_history": True, "week_start": "2020-01-06"}, 400, "runs"),
        ("", {"from_history": True, "week_start": "0001-01-01"}, 422, "outside the days"),
        (SPEC_PLAN.replace("2026-12-07", "9999-12-27"), {}, 422, "outside the days"),
    ],
)
def test_bad_plans_are_clear_4xx(
    client: TestClient, body: str, params: dict[str, object], status: int, says: str
) -> None:
    response = client.post("/api/plan", content=body.encode("latin-1"), params=params)
    assert says in problem(response, status)


def test_a_huge_plan_is_refused_before_it_is_read(client: TestClient) -> None:
    response = client.post("/api/plan", content=b"#" * (1024 * 1024 + 1))
    assert "larger than 1 MiB" in problem(response, 422)


def test_settings_set_through_the_api_are_the_command_lines(
    client: TestClient, demo_db: Path
) -> None:
    response = client.put("/api/athlete", json={"mass_kg": 61.5, "step_floor": 9000})
    assert response.status_code == 200, response.text
    assert response.json()["recomputed"] is None
    run = footfall("athlete", "--json", db=demo_db)
    assert run.json() == {k: v for k, v in response.json().items() if k != "recomputed"}
    assert run.json()["mass_kg"] == 61.5 and "step_floor" not in run.json()["assumed"]
    floor_days = client.get("/api/week", params={"start": "2026-03-16"}).json()["totals"]
    assert floor_days["floor_days"] <= 4  # a higher floor is met on fewer days


def test_a_setting_the_measures_use_recomputes_them(client: TestClient) -> None:
    before = client.get("/api/activities").json()
    response = client.put("/api/athlete", json={"height_cm": 195, "time_zone": "auto"})
    assert response.json()["recomputed"] == len(before)
    assert response.json()["time_zone"] is None


@pytest.mark.parametrize(
    ("settings", "status", "says"),
    [
        ({"mass_kg": 5}, 400, "mass_kg: must be between 20 and 300 kg"),
        ({"shoe_size": 42}, 400, "unknown setting 'shoe_size'"),
        ({"time_zone": "Mars/Olympus"}, 400, "is not a time zone"),
        ([1, 2], 422, "Input should be a valid dictionary"),
    ],
)
def test_bad_settings_are_clear_4xx(
    client: TestClient, settings: object, status: int, says: str
) -> None:
    assert says in problem(client.put("/api/athlete", json=settings), status)


def test_a_checkin_is_listed_and_says_what_it_was_for(client: TestClient) -> None:
    response = client.post(
        "/api/checkins", json={"legs": "stronger", "energy": "higher", "date": "2026-03-21",
                               "note": "  felt light  "},
    )  # fmt: skip
    assert response.status_code == 200, response.text
    saved = response.json()
    assert saved["date"] == "2026-03-21" and saved["note"] == "felt light"
    assert saved["ladder_next_ft"] is None  # no ladder: the runner is not reluctant
    assert client.get("/api/checkins").json() == [{k: v for k, v in saved.items()
                                                    if k != "ladder_next_ft"}]  # fmt: skip


def test_a_checkin_for_a_walk_takes_the_walks_day(client: TestClient) -> None:
    walk = next(a for a in client.get("/api/activities").json() if a["sport"] == "walk")
    saved = client.post("/api/checkins", json={"legs": "same", "energy": "same",
                                               "walk": walk["id"]}).json()  # fmt: skip
    assert saved["walk"] == walk["id"] and saved["date"] <= walk["start"][:10] + "T"


@pytest.mark.parametrize(
    ("body", "status", "says"),
    [
        ({"legs": "wobbly", "energy": "same"}, 400, "legs: 'wobbly' is not one of"),
        ({"legs": "same", "energy": "same", "date": "2099-01-01"}, 400, "in the future"),
        ({"legs": "same", "energy": "same", "walk": 9999}, 400, "no activity 9999"),
        ({"legs": "same", "energy": "same", "walk": 10**23}, 422, "walk: Input should be less"),
        ({"legs": "same", "energy": "same", "date": "9999-12-31"}, 422, "outside the days"),
        ({"legs": "same", "energy": "same", "date": "2026-03-01", "walk": 1}, 400, "not both"),
        ({"legs": "same"}, 422, "energy: Field required"),
        ({"legs": "same", "energy": "same", "mood": "fine"}, 422, "mood"),
    ],
)
def test_bad_checkins_are_clear_4xx(
    client: TestClient, body: dict[str, object], status: int, says: str
) -> None:
    assert says in problem(client.post("/api/checkins", json=body), status)


def test_a_walk_is_the_command_lines_walk(client: TestClient, demo_db: Path) -> None:
    response = client.post("/api/walk", json={"minutes": 20, "style": "intervals"})
    assert response.status_code == 200, response.text
    walk = response.json()
    run = footfall("walk", "--minutes", "20", "--style", "intervals", "--json", db=demo_db)
    assert {k: v for k, v in walk.items() if k in {"minutes", "style", "parts", "cues"}} == {
        k: v for k, v in run.json().items() if k != "files"
    }
    assert walk["parts"][0]["start_s"] == 0 and walk["parts"][-1]["end_s"] == 1200
    assert {p["kind"] for p in walk["parts"]} >= {"walk", "run"}
    assert walk["audio_url"].startswith("/walk/audio") and "minutes=20" in walk["audio_url"]
    assert walk["script"].splitlines()[0].startswith("0:00")


@pytest.mark.parametrize(
    ("body", "status", "says"),
    [
        ({}, 400, "give --minutes"),
        ({"minutes": 20, "style": "moonwalk"}, 400, "moonwalk"),
        ({"minutes": 1}, 400, "minutes"),
        ({"planned": "2026-03-18"}, 400, "no stored plan covers 2026-03-18"),
        ({"minutes": 20, "intervals": "four"}, 400, "intervals"),
        ({"minutes": "twenty"}, 422, "minutes:"),
    ],
)
def test_bad_walks_are_clear_4xx(
    client: TestClient, body: dict[str, object], status: int, says: str
) -> None:
    assert says in problem(client.post("/api/walk", json=body), status)
