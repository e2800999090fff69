"""Debian's chromium driven by Playwright, for the browser tests (nothing is downloaded:
without chromium or Playwright the tests skip, saying which is missing)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from corpus import REPO

CHROMIUM = Path(os.environ.get("FOOTFALL_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]  # fmt: skip
ARTIFACTS = REPO / "test-artifacts"


def playwright_api() -> Any:
    """``playwright.sync_api`` (the module's tests skip where it is not installed)."""
    return pytest.importorskip(
        "playwright.sync_api", reason="Playwright (pip install playwright) is not installed"
    )


@contextmanager
def chromium() -> Iterator[Any]:
    """A headless chromium (the test skips where chromium or Playwright is missing)."""
    sync_api = playwright_api()
    if not CHROMIUM.exists():
        pytest.skip(f"no chromium at {CHROMIUM} (apt install chromium, or set FOOTFALL_CHROMIUM)")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def screenshot(page: Any, folder: str, name: str) -> Path:
    """A full-page screenshot under test-artifacts/<folder>/."""
    path = ARTIFACTS / folder / f"{name}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=True)
    return path
