"""The report file in a real browser with networking off: it opens, every chart draws."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from browser_support import chromium, screenshot
from footfall.report import write_report
from footfall.store.database import Store
from tests_support import DEMO_END


def test_the_report_opens_offline_and_draws_every_chart(demo_store: Store, tmp_path: Path) -> None:
    files = write_report(demo_store, tmp_path / "report", weeks=6, today=DEMO_END)
    asked: list[str] = []
    with chromium() as browser:
        context = browser.new_context(offline=True, viewport={"width": 1100, "height": 900})
        page = context.new_page()

        def only_the_file(route: Any) -> None:
            if route.request.url.startswith("file://"):
                route.continue_()
            else:
                asked.append(route.request.url)
                route.abort()

        page.route("**/*", only_the_file)
        page.goto(files.html.as_uri())
        charts = page.locator("figure.chart svg")
        count = charts.count()
        assert count >= 5
        for index in range(count):
            chart = charts.nth(index)
            box = chart.bounding_box()
            assert box is not None and box["width"] > 100 and box["height"] > 100
            drawn = chart.evaluate(
                "svg => [...svg.querySelectorAll('[id*=\"-\"]')]"
                ".filter(e => e.getBBox && e.getBBox().width > 0 && e.getBBox().height > 0)"
                ".length"
            )
            assert drawn > 0, f"chart {index} has nothing drawn"
        screenshot(page, "report", "report")
        context.close()
    assert asked == [], f"the report asked the network for {asked}"
