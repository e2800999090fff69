"""The pages, read as HTML: each shows the library's figures for the demo runner, and a
bad value in a form or address is one line on the page with a 4xx, never a 500."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest
from fastapi.testclient import TestClient
from web_support import LAST_WEEK


def texts(page: str, pattern: str) -> list[str]:
    return re.findall(pattern, page)


def page_problem(response: object, status: int) -> str:
    assert response.status_code == status, response.text  # type: ignore[attr-defined]
    (message,) = re.findall(r'class="problem" role="alert"[^>]*>([^<]+)<', response.text)  # type: ignore[attr-defined]
    return html.unescape(message)


def test_the_dashboard_shows_each_days_floor_as_the_week_has_it(client: TestClient) -> None:
    week = client.get("/api/week", params={"start": LAST_WEEK.isoformat()}).json()
    page = client.get("/", params={"week": LAST_WEEK.isoformat()}).text
    verdicts = texts(page, r'<span class="badge (met|under|unknown)" title=')
    expected = {True: "met", False: "under", None: "unknown"}
    assert verdicts == [expected[day["floor_met"]] for day in week["days"]]
    assert f'<td class="num">{round(week["totals"]["run_min"]):,}</td>' in page
    assert page.count("<svg") >= 3  # floor, impact by gait, weekly trend
    assert "You against your last 4 weeks" in page and "Time on feet:" in page


def test_a_day_without_a_step_count_shows_no_steps_outside_runs(client: TestClient) -> None:
    far = "2017-06-05"
    assert all(
        d["steps_outside_runs"] is None
        for d in client.get("/api/week", params={"start": far}).json()["days"]
    )
    page = client.get("/", params={"week": far}).text
    assert page.count('<span class="muted" title="no step count for this day">—</span>') == 7


def test_the_dashboard_puts_the_plan_beside_the_week(client: TestClient) -> None:
    client.post("/api/plan", params={"from_history": True, "week_start": LAST_WEEK.isoformat()})
    page = client.get("/", params={"week": (LAST_WEEK + dt.timedelta(days=3)).isoformat()}).text
    assert "No plan is stored" not in page
    assert page.count('class="badge run">plan</span>') >= 3


def test_a_new_store_has_a_dashboard_that_says_what_to_do(empty_client: TestClient) -> None:
    response = empty_client.get("/")
    assert response.status_code == 200
    assert "Not enough weeks yet" in response.text and "Plan it" in response.text


def test_a_dashboard_of_no_date_is_a_400(client: TestClient) -> None:
    assert page_problem(client.get("/", params={"week": "last"}), 400).startswith("week:")
    far = page_problem(client.get("/", params={"week": "9999-12-31"}), 400)
    assert far == "week: 9999-12-31 is outside the days footfall handles (1900-01-01 to 2199-12-31)"


def test_the_activity_list_filters_by_sport(client: TestClient) -> None:
    walks = [a for a in client.get("/api/activities").json() if a["sport"] == "walk"]
    page = client.get("/activities", params={"sport": "walk"}).text
    assert f"{len(walks)} activities" in page
    shown = texts(page, r'<span class="badge (\w+)">')
    assert shown and set(shown) == {"walk"}


def test_the_activity_list_filters_by_local_days_and_text(client: TestClient) -> None:
    page = client.get("/activities", params={"since": "2026-03-16", "until": "2026-03-22",
                                             "q": "EASY"}).text  # fmt: skip
    names = texts(page, r"<td>(2026-03-\d\d_\d{4}_easy[^<]*)</td>")
    assert names and all("2026-03-16" <= n[:10] <= "2026-03-22" for n in names)
    assert f"{len(names)} activit" in page


def test_the_activity_list_comes_a_page_at_a_time(client: TestClient) -> None:
    first = client.get("/activities").text
    assert "64 activities, page 1 of 3" in first and first.count("<tr>") == 1 + 25
    last = client.get("/activities", params={"page": 3}).text
    assert last.count("<tr>") == 1 + 14 and "← newer" in last and "older →" not in last


def test_htmx_gets_only_the_list(client: TestClient) -> None:
    response = client.get("/activities", params={"sport": "run"}, headers={"HX-Request": "true"})
    assert response.text.startswith('<div id="results">') and "<html" not in response.text


@pytest.mark.parametrize(
    ("params", "says"),
    [({"sport": "swim"}, "sport: 'swim' is not one of"), ({"since": "March"}, "since:"),
     ({"page": "two"}, "page:"),
     ({"since": "2026-03-10", "until": "2026-03-01"},
      "since: 2026-03-10 is after until (2026-03-01)")],
)  # fmt: skip
def test_bad_filters_are_a_400_on_the_page(
    client: TestClient, params: dict[str, str], says: str
) -> None:
    assert page_problem(client.get("/activities", params=params), 400).startswith(says)


def test_an_outdoor_runs_page_sketches_its_track_and_shades_its_bouts(client: TestClient) -> None:
    run = next(a for a in client.get("/api/activities").json()
               if a["sport"] == "run" and a["path"].endswith(".fit"))  # fmt: skip
    detail = client.get(f"/api/activities/{run['id']}").json()
    page = client.get(f"/activities/{run['id']}").text
    assert '<svg class="chart track"' in page and 'class="path run"' in page
    assert len(texts(page, r'<rect class="band run"')) == 3 * sum(
        b["gait"] == "run" for b in detail["bouts"]
    )  # speed, cadence and heart rate each shade every run bout
    assert f"{run['steps']:,}" in page


def test_a_treadmill_walk_has_no_track_but_its_streams(client: TestClient) -> None:
    treadmill = next(a for a in client.get("/api/activities").json() if "treadmill" in a["path"])
    page = client.get(f"/activities/{treadmill['id']}").text
    assert "No positions in this file" in page and '<svg class="chart cadence"' in page


def test_a_missing_activity_is_a_404_page(client: TestClient) -> None:
    assert page_problem(client.get("/activities/4242"), 404) == "there is no activity 4242"
    assert page_problem(client.get("/activities/" + "9" * 23), 422).startswith("activity_id:")


@pytest.mark.parametrize("path", ["/", "/activities", "/upload", "/plan", "/walk", "/checkin"])
def test_every_page_of_a_new_store_answers(empty_client: TestClient, path: str) -> None:
    response = empty_client.get(path)
    assert response.status_code == 200 and "<h1>" in response.text
    assert "problem" not in response.text
