"""The pages' forms: upload, plan, walk and check-in do what the command line does, and
a mistake comes back as one line on the same page with a 4xx."""

from __future__ import annotations

import html
import io
import re
import zipfile
from pathlib import Path

import garmin_fit_sdk
import icalendar
import pytest
import soundfile
from fastapi.testclient import TestClient
from web_support import NEXT_WEEK


def page_problem(response: object, status: int) -> str:
    assert response.status_code == status, response.text  # type: ignore[attr-defined]
    (message,) = re.findall(r'class="problem" role="alert"[^>]*>([^<]+)<', response.text)  # type: ignore[attr-defined]
    return html.unescape(message)


def week_form(**changes: object) -> dict[str, object]:
    """The plan form for the week after the demo: an easy run, a workout, a long run of
    12 miles, two rows left empty."""
    day = [(NEXT_WEEK.replace(day=NEXT_WEEK.day + n)).isoformat() for n in range(7)]
    form: dict[str, object] = {
        "week_start": day[0],
        "source": "runs",
        "run_date": [day[1], day[3], day[6], "", ""],
        "run_type": ["easy", "workout", "long", "", ""],
        "run_minutes": ["40", "50", "", "", ""],
        "run_distance": ["", "", "12", "", ""],
    }
    return form | changes


def test_the_upload_form_without_script_imports_every_file(
    empty_client: TestClient, demo_folder: Path
) -> None:
    fit, gpx = sorted(p for p in demo_folder.iterdir() if p.suffix in {".fit", ".gpx"})[:2]
    files = [("files", (p.name, p.read_bytes())) for p in (fit, gpx)]
    files.append(("files", ("notes.gpx", b"<gpx><trk>never closed")))
    page = empty_client.post("/upload", files=files).text
    assert page.count('data-result="imported"') == 2 and f">{fit.name}</a>" in page
    (error,) = re.findall(r'data-result="error" role="alert">([^<]+)<', page)
    assert error.startswith("notes.gpx: ")
    assert len(empty_client.get("/api/activities").json()) == 2


def test_the_upload_script_gets_one_files_lines(
    empty_client: TestClient, demo_folder: Path
) -> None:
    (fit,) = sorted(p for p in demo_folder.iterdir() if p.suffix == ".fit")[:1]
    files = [("files", (fit.name, fit.read_bytes()))]
    first = empty_client.post("/upload", files=files, headers={"HX-Request": "true"}).text
    again = empty_client.post("/upload", files=files, headers={"HX-Request": "true"}).text
    assert first.startswith('<div class="import-report">') and 'data-result="imported"' in first
    assert f"{fit.name}: already imported (a duplicate" in again


def test_planning_from_the_form_lists_the_finisher_with_its_reason(client: TestClient) -> None:
    response = client.post("/plan", data=week_form(swap_easy_runs="1"), follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == f"/plan?week={NEXT_WEEK.isoformat()}"
    page = client.get(response.headers["location"]).text
    (finisher,) = re.findall(r'data-role="finisher">(.*?)</tr>', page, re.DOTALL)
    assert "Finisher walk 9 min" in finisher  # 12 mi x 45 s (R1)
    assert re.search(r'<p class="why">[^<]*mile', finisher) and ">R1</span>" in finisher
    assert 'data-role="swap"' in page  # R3: the easy run became a walk
    plan = client.get("/api/plan", params={"week": NEXT_WEEK.isoformat()}).json()
    assert plan["start"] == NEXT_WEEK.isoformat()


def test_planning_the_stored_week_again_unchanged_gives_the_same_week(client: TestClient) -> None:
    """The form shows what the runner gave, swapped runs and options too, not what the
    planner made of it: sent back untouched, it plans the same week."""
    given = week_form(swap_easy_runs="1", two_a_day=["3"], daily_cap_min="150")
    client.post("/plan", data=given)
    first = client.get("/api/plan", params={"week": NEXT_WEEK.isoformat()}).json()
    page = client.get("/plan", params={"week": NEXT_WEEK.isoformat()}).text
    shown = {
        name: re.findall(rf'name="{name}" value="([^"]*)"', page)
        for name in ("run_date", "run_minutes", "swap_easy_runs", "daily_cap_min")
    }
    assert shown["run_date"][:3] == given["run_date"][:3]  # the swapped easy run is there
    assert shown["run_minutes"][:2] == ["40", "50"]
    assert (shown["swap_easy_runs"], shown["daily_cap_min"]) == (["1"], ["150"])
    assert re.search(r'name="two_a_day" value="3" checked> Thu', page)
    again = {**given, "two_a_day": ["3"]}
    client.post("/plan", data=again)
    second = client.get("/api/plan", params={"week": NEXT_WEEK.isoformat()}).json()
    assert second["days"] == first["days"] and second["after"] == first["after"]


def test_the_typical_week_is_planned_from_the_form(client: TestClient) -> None:
    form = {"week_start": NEXT_WEEK.isoformat(), "source": "history", "attitude": "reluctant"}
    response = client.post("/plan", data=form, follow_redirects=False)
    assert response.status_code == 303
    plan = client.get("/api/plan", params={"week": NEXT_WEEK.isoformat()}).json()
    ladder = [s for d in plan["days"] for s in d["sessions"] if s["rule"] == "R5"]
    assert ladder and all(s["role"] == "finisher" for s in ladder)


@pytest.mark.parametrize(
    ("changes", "status", "says"),
    [
        ({"run_minutes": ["forty", "50", "", "", ""]}, 400, "run 1 minutes: must be a number"),
        ({"run_type": ["easy", "jog", "long", "", ""]}, 400, "run 2 type:"),
        ({"run_date": ["", "", "", "", ""], "run_type": [""] * 5, "run_minutes": [""] * 5,
          "run_distance": [""] * 5}, 400, "runs: type the week's runs"),
        ({"week_start": ""}, 400, "week start: choose"),
        ({"finisher_s_per_mile": "90"}, 400, "finisher-s-per-mile: must be between 30 and 60"),
        ({"swap_mode": "sideways"}, 400, "swap-mode: must be one of"),
        ({"two_a_day": ["9"]}, 400, "two-a-day: '9' is not a day of the week"),
    ],
)  # fmt: skip
def test_plan_form_mistakes_come_back_on_the_page(
    client: TestClient, changes: dict[str, object], status: int, says: str
) -> None:
    response = client.post("/plan", data=week_form(**changes))
    assert page_problem(response, status).startswith(says)
    assert 'id="plan-form"' in response.text  # the form comes back with what was typed


def test_the_week_downloads_as_a_calendar_and_as_watch_workouts(client: TestClient) -> None:
    client.post("/plan", data=week_form(), follow_redirects=False)
    week = {"week": NEXT_WEEK.isoformat()}
    ics = client.get("/plan/calendar.ics", params=week)
    assert ics.headers["content-type"].startswith("text/calendar")
    assert "attachment" in ics.headers["content-disposition"]
    events = icalendar.Calendar.from_ical(ics.content).walk("VEVENT")
    plan = client.get("/api/plan", params=week).json()
    assert len(events) == sum(len(d["sessions"]) for d in plan["days"])
    walks = sum(s["kind"] == "walk" for d in plan["days"] for s in d["sessions"])
    archive = zipfile.ZipFile(io.BytesIO(client.get("/plan/workouts.zip", params=week).content))
    assert len(archive.namelist()) == walks
    one = client.get("/plan/walk.fit", params={"date": plan["days"][6]["date"], "role": "finisher"})
    messages, errors = garmin_fit_sdk.Decoder(garmin_fit_sdk.Stream.from_byte_array(
        bytearray(one.content))).read()  # fmt: skip
    assert errors == [] and messages["workout_mesgs"][0]["sport"] == "walking"


def test_downloads_of_a_week_without_a_plan_are_404s(client: TestClient) -> None:
    response = client.get("/plan/calendar.ics", params={"week": "2030-01-07"})
    assert page_problem(response, 404).startswith("no stored plan covers 2030-01-07")
    client.post("/plan", data=week_form(), follow_redirects=False)
    missing = client.get("/plan/walk.fit", params={"date": NEXT_WEEK.isoformat(), "role": "swap"})
    assert page_problem(missing, 404).startswith("no swap walk 1 on")


def test_the_walk_page_plays_the_walks_audio(client: TestClient, espeak: str) -> None:
    page = client.get("/walk", params={"minutes": "5", "style": "brisk"}).text
    (source,) = re.findall(r'<audio id="walk-audio"[^>]* src="([^"]+)"', page)
    assert "Brisk walk, 5 min" in page and page.count('<td class="num">0:') >= 3
    audio = client.get(html.unescape(source))
    assert audio.status_code == 200 and audio.headers["content-type"] == "audio/ogg"
    info = soundfile.info(io.BytesIO(audio.content))
    assert info.duration == pytest.approx(300, abs=0.5)
    part = client.get(html.unescape(source), headers={"Range": "bytes=100-199"})
    assert part.status_code == 206 and part.content == audio.content[100:200]


def test_the_walk_page_coaches_a_planned_walk(client: TestClient) -> None:
    client.post("/plan", data=week_form(), follow_redirects=False)
    sunday = NEXT_WEEK.replace(day=NEXT_WEEK.day + 6).isoformat()
    page = client.get("/walk", params={"day": NEXT_WEEK.isoformat()}).text
    assert f"/walk?planned={sunday}&role=finisher" in html.unescape(page)
    walk = client.get("/walk", params={"planned": sunday, "role": "finisher"}).text
    assert "Brisk walk, 9 min" in walk and "Why (R1)" in walk  # in the plan's band (R6)
    fit = client.get("/walk/workout.fit", params={"planned": sunday, "role": "finisher"})
    assert fit.status_code == 200 and fit.content[8:12] == b".FIT"
    mistaken = client.get("/walk", params={"minutes": "45", "style": "mindful"}).text
    assert "a mindful walk is 3 to 40 minutes, not 45" in mistaken
    assert "No plan covers this week" not in mistaken  # the planned walks stay listed


@pytest.mark.parametrize(
    ("params", "says"),
    [({"minutes": "ten"}, "minutes: 'ten' is not a number"),
     ({"minutes": "20", "style": "moonwalk"}, "style"),
     ({"planned": "2031-01-01"}, "planned: no stored plan covers 2031-01-01")],
)  # fmt: skip
def test_walk_mistakes_come_back_on_the_page(
    client: TestClient, params: dict[str, str], says: str
) -> None:
    assert says in page_problem(client.get("/walk", params=params), 400)


def test_the_audio_of_no_walk_is_a_400(client: TestClient) -> None:
    assert page_problem(client.get("/walk/audio.ogg"), 400).startswith("choose the walk")


def test_a_checkin_from_the_form_is_listed(client: TestClient) -> None:
    form = {"legs": "stronger", "energy": "same", "date": "2026-03-20", "note": "hilly"}
    response = client.post("/checkin", data=form, follow_redirects=False)
    assert response.status_code == 303
    page = client.get(response.headers["location"]).text
    assert "Checked in for Fri 20 Mar: legs stronger, energy same." in page
    assert "<td>stronger</td><td>same</td><td>hilly</td>" in page
    assert client.get("/api/checkins").json()[0]["note"] == "hilly"


@pytest.mark.parametrize(
    ("form", "says"),
    [({"legs": "stronger"}, "energy: '' is not one of"),
     ({"legs": "same", "energy": "same", "date": "2099-05-01"}, "date: 2099-05-01 is in"),
     ({"legs": "same", "energy": "same", "walk": "x"}, "walk: 'x' is not a whole number")],
)  # fmt: skip
def test_checkin_mistakes_come_back_on_the_page(
    client: TestClient, form: dict[str, str], says: str
) -> None:
    assert page_problem(client.post("/checkin", data=form), 400).startswith(says)
