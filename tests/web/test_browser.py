"""The web app in a real browser: the real server (``footfall serve``) started on a free
port over a copy of the demo store, driven by Playwright through Debian's chromium.
Nothing is downloaded: without chromium or Playwright these tests are skipped, saying
which is missing. Screenshots go to ``test-artifacts/web/``; a failing test prints the
server's output."""

from __future__ import annotations

import datetime as dt
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from web_support import NEXT_WEEK

from browser_support import chromium, playwright_api
from browser_support import screenshot as save_screenshot
from corpus import CORPUS
from footfall.demo.build import write_demo
from tests_support import DEMO_END

#: Two real files from the shared corpus: a Garmin walk (FIT) and a GPX walk.
CORPUS_UPLOADS = ("fit/fitparse__activity-small-fenix2-run.fit", "gpx/fittrackee__test.gpx")
READY_S = 30.0


sync_api = playwright_api()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def serve_command(port: int, db: Path) -> list[str]:
    """The real ``footfall serve``, as a user starts it."""
    return [sys.executable, "-m", "footfall", "serve", "--port", str(port), "--db", str(db)]


def wait_until_ready(url: str, process: subprocess.Popen[str], log: Path) -> None:
    deadline = time.monotonic() + READY_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"footfall serve stopped (exit {process.returncode}):\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url + "/api/athlete", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    pytest.fail(f"footfall serve did not answer in {READY_S:g} s:\n{log.read_text()}")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, demo_store_file: Path) -> Iterator[Any]:
    """The real server over a copy of the demo store: its address and its log."""
    folder = tmp_path_factory.mktemp("served")
    db = folder / "served.sqlite"
    shutil.copyfile(demo_store_file, db)
    port = free_port()
    log = folder / "server.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            serve_command(port, db), stdout=output, stderr=subprocess.STDOUT, text=True
        )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_ready(url, process, log)
        yield type("Served", (), {"url": url, "log": log})
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as launched:
        yield launched


@pytest.fixture
def page(browser: Any, server: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    """A fresh page that may only reach the app: every other request is refused and
    counted, and so is every script error. The server's log is printed on failure."""
    context = browser.new_context(accept_downloads=True, viewport={"width": 1200, "height": 900})
    opened = context.new_page()
    elsewhere: list[str] = []
    errors: list[str] = []

    def only_the_app(route: Any) -> None:
        if route.request.url.startswith(server.url):
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    opened.route("**/*", only_the_app)
    opened.on("pageerror", lambda error: errors.append(str(error)))
    yield opened
    context.close()
    print(server.log.read_text())  # shown by pytest when the test failed
    assert elsewhere == [], f"the page asked another site: {elsewhere}"
    assert errors == [], f"script errors: {errors}"


def screenshot(page: Any, name: str) -> None:
    save_screenshot(page, "web", name)


def upload_files(folder: Path) -> list[Path]:
    """Two real files from the corpus; without it, two of a demo year the store has not
    seen (the server's store already holds the demo runner's weeks)."""
    if all((CORPUS / name).is_file() for name in CORPUS_UPLOADS):
        return [CORPUS / name for name in CORPUS_UPLOADS]
    write_demo(folder, end=DEMO_END - dt.timedelta(days=364))
    return sorted(p for p in folder.iterdir() if p.suffix in {".fit", ".gpx"})[:2]


def test_two_uploads_appear_and_a_broken_ones_error_is_shown(
    page: Any, server: Any, tmp_path: Path
) -> None:
    good = upload_files(tmp_path / "files")
    broken = tmp_path / "broken.fit"
    broken.write_bytes(b"these bytes were never an activity")
    page.goto(server.url + "/upload")
    page.set_input_files("#files", [str(p) for p in (*good, broken)])
    rows = page.locator("#uploads li[data-status]")
    sync_api.expect(rows).to_have_count(3, timeout=60_000)
    for path in good:
        row = page.locator(f'#uploads li[data-file="{path.name}"]')
        sync_api.expect(row.locator('[data-result="imported"]')).to_contain_text(path.name)
    error = page.locator('#uploads li[data-file="broken.fit"] [data-result="error"]')
    sync_api.expect(error).to_contain_text("broken.fit: ")
    screenshot(page, "upload")
    for path in good:
        page.goto(server.url + "/activities?q=" + path.name)
        sync_api.expect(page.locator("table.activities tbody tr")).to_have_count(1)
    page.locator("table.activities tbody a").first.click()
    sync_api.expect(page.locator("#streams svg.chart polyline")).not_to_have_count(0)
    screenshot(page, "uploaded-activity")


def test_the_plan_page_lists_a_finisher_with_its_reason_and_the_calendar_downloads(
    page: Any, server: Any
) -> None:
    page.goto(server.url + "/plan")
    days = [NEXT_WEEK.replace(day=NEXT_WEEK.day + n).isoformat() for n in range(7)]
    page.fill('input[name="week_start"]', days[0])
    for row, (day, kind, minutes, miles) in enumerate(
        [(days[1], "easy", "40", ""), (days[3], "workout", "50", ""), (days[6], "long", "", "12")]
    ):
        page.locator('input[name="run_date"]').nth(row).fill(day)
        page.locator('select[name="run_type"]').nth(row).select_option(kind)
        page.locator('input[name="run_minutes"]').nth(row).fill(minutes)
        page.locator('input[name="run_distance"]').nth(row).fill(miles)
    page.click("#plan-form button[type=submit]")
    page.wait_for_url(f"**/plan?week={days[0]}")
    finisher = page.locator('tr[data-role="finisher"]')
    sync_api.expect(finisher).to_contain_text("Finisher walk 9 min")  # 12 mi x 45 s (R1)
    sync_api.expect(finisher.locator(".why")).to_contain_text("mile")
    sync_api.expect(finisher.locator(".badge")).to_have_text("R1")
    screenshot(page, "plan")
    with page.expect_download() as waited:
        page.click("#download-ics")
    download = waited.value
    assert download.suggested_filename == f"footfall-week-{days[0]}.ics"
    calendar = Path(download.path()).read_text()
    assert calendar.startswith("BEGIN:VCALENDAR") and "Finisher walk" in calendar


def test_the_walk_pages_audio_loads_and_has_a_duration(page: Any, server: Any) -> None:
    if shutil.which("espeak-ng") is None:
        pytest.skip("espeak-ng is not installed: a walk cannot be spoken")
    page.goto(server.url + "/walk?minutes=4&style=brisk")
    page.wait_for_function(
        "() => { const a = document.getElementById('walk-audio');"
        " return a && a.readyState >= 1 && a.duration > 0; }",
        timeout=60_000,
    )
    duration = page.evaluate("document.getElementById('walk-audio').duration")
    assert duration == pytest.approx(240, abs=0.5)
    sync_api.expect(page.locator("#audio-state")).to_contain_text("Ready: 4 min")
    screenshot(page, "walk")


def test_the_dashboard_draws_every_chart(page: Any, server: Any) -> None:
    page.goto(server.url + "/?week=2026-03-16")
    for chart in ("#step-floor svg", "#impact svg", "#trend svg"):
        box = page.locator(chart).bounding_box()
        assert box is not None and box["width"] > 200 and box["height"] > 40, chart
    assert page.locator("#step-floor svg rect.met, #step-floor svg rect.under").count() == 7
    screenshot(page, "dashboard")


def test_the_activity_filters_update_the_list_in_place(page: Any, server: Any) -> None:
    page.goto(server.url + "/activities")
    page.select_option('select[name="sport"]', "walk")
    page.wait_for_url("**/activities?*sport=walk*")
    badges = page.locator("table.activities tbody .badge")
    sync_api.expect(badges.first).to_have_text("walk")
    assert set(badges.all_inner_texts()) == {"walk"}
    screenshot(page, "activities")
