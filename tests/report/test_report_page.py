"""The report page built from the demo runner: self-contained, every chart drawn with
the runner's own figures, the summary in words, and the coming week's plan with its
reasons."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from markupsafe import escape
from report_support import NEXT_MONDAY, bars, check_in, plan_demo_week, references

from footfall.export.wording import session_title
from footfall.report import build_report, write_report
from footfall.store.database import Store, open_store
from footfall.store.ladder import start_ladder, update_ladder, walk_dates
from footfall.store.plans import plan_covering
from footfall.trends import runner_trend, self_comparison, weekly_trend
from tests_support import DEMO_END

WEEKLY_CHARTS = {
    "time_on_feet": ["week"],
    "run_walk": ["run", "walk"],
    "impact": ["run", "walk"],
    "brisk": ["week"],
}


def page_of(store: Store, out: Path, weeks: int = 12) -> str:
    return build_report(store, out, weeks=weeks, today=DEMO_END).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def demo_page(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The report of the demo runner as imported (12 weeks, no plan, no check-ins)."""
    store = open_store(str(demo_db))
    try:
        return page_of(store, tmp_path_factory.mktemp("page"))
    finally:
        store.close()


@pytest.fixture(scope="module")
def imported_store(demo_db: Path) -> Iterator[Store]:
    """The demo runner's store as imported, for tests that only read it."""
    store = open_store(str(demo_db))
    yield store
    store.close()


def figure_of(page: str, chart: str) -> str:
    """The <figure> of one chart."""
    match = re.search(rf'<figure class="chart[^"]*" id="chart-{chart}">(.*?)</figure>', page, re.S)
    assert match, f"no figure for {chart}"
    return match.group(1)


def test_the_page_fetches_nothing_from_the_network(demo_page: str) -> None:
    page = demo_page
    named = references(page)
    assert named, "the page names its chart files and internal references"
    for reference in named:
        assert not re.match(r"(?i)^(https?:)?//", reference), reference
        assert reference.startswith(("#", "data:", "charts/")), reference
    assert "http://" not in page and "https://" not in page
    for tag in ("<script", "<link", "<iframe", "<object", "<embed", "@import", "@font-face"):
        assert tag not in page.lower(), tag
    assert all(src.startswith("data:") for src in re.findall(r'<img[^>]*src="([^"]*)"', page))


def test_every_weekly_chart_has_a_bar_per_week_as_tall_as_the_runners_figure(
    demo_page: str, imported_store: Store
) -> None:
    page = demo_page
    points = weekly_trend(imported_store, weeks=12, until=DEMO_END)
    figures = {
        "time_on_feet-week": [p.time_on_feet_min for p in points],
        "run_walk-run": [p.run_min for p in points],
        "run_walk-walk": [p.walk_min for p in points],
        "impact-run": [p.run_impact_bw_steps for p in points],
        "impact-walk": [p.walk_impact_bw_steps for p in points],
        "brisk-week": [p.brisk_min for p in points],
    }
    for chart, series in WEEKLY_CHARTS.items():
        svg = figure_of(page, chart)
        assert svg.count("<svg") == 1
        for name in series:
            drawn = bars(svg, f"{chart}-{name}")
            assert len(drawn) == 12, (chart, name)
            values = figures[f"{chart}-{name}"]
            tallest = max(range(12), key=lambda n: values[n])
            scale = drawn[tallest].height / values[tallest]
            for bar, value in zip(drawn, values, strict=True):
                assert bar.height == pytest.approx(value * scale, abs=0.05), bar.gid


def test_the_floor_chart_has_a_bar_per_day_of_the_last_four_weeks_and_the_floor_line(
    demo_page: str, imported_store: Store
) -> None:
    svg = figure_of(demo_page, "step_floor")
    days = runner_trend(imported_store, weeks=4, until=DEMO_END).days
    drawn = bars(svg, "step_floor-day")
    assert [b.gid for b in drawn] == [f"step_floor-day-{d.date.isoformat()}" for d in days]
    scale = drawn[0].height / days[0].steps_outside_runs
    for bar, day in zip(drawn, days, strict=True):
        assert bar.height == pytest.approx(day.steps_outside_runs * scale, abs=0.05)
    assert 'id="step_floor-floor"' in svg
    assert "floor 8,000" in svg


def test_without_a_ladder_or_check_ins_their_charts_say_why(demo_page: str) -> None:
    page = demo_page
    assert "<svg" not in figure_of(page, "ladder")
    assert "footfall plan --attitude reluctant" in figure_of(page, "ladder")
    assert "<svg" not in figure_of(page, "feelings")
    assert "footfall checkin" in figure_of(page, "feelings")


def test_check_ins_are_drawn_up_for_better_and_down_for_worse(
    demo_store: Store, tmp_path: Path
) -> None:
    check_in(demo_store, [
        (dt.date(2026, 3, 10), "stronger", "higher"),
        (dt.date(2026, 3, 17), "stronger", "lower"),
        (dt.date(2026, 3, 19), "weaker", "higher"),
        (dt.date(2026, 3, 21), "stronger", "same"),
    ])  # fmt: skip
    svg = figure_of(page_of(demo_store, tmp_path, weeks=4), "feelings")
    stronger = [b.height for b in bars(svg, "feelings-legs_stronger")]
    weaker = [b.height for b in bars(svg, "feelings-legs_weaker")]
    higher = [b.height for b in bars(svg, "feelings-energy_higher")]
    lower = [b.height for b in bars(svg, "feelings-energy_lower")]
    assert len(stronger) == len(weaker) == len(higher) == len(lower) == 4
    one = stronger[2]
    assert one > 0
    assert stronger == pytest.approx([0, 0, one, 2 * one], abs=0.05)
    assert weaker == pytest.approx([0, 0, 0, -one], abs=0.05)
    assert higher == pytest.approx([0, 0, one, one], abs=0.05)
    assert lower == pytest.approx([0, 0, 0, -one], abs=0.05)


def test_the_ladder_shows_each_walk_done_on_it_and_the_next(
    demo_store: Store, tmp_path: Path
) -> None:
    started = DEMO_END - dt.timedelta(days=6)
    with demo_store.transaction() as session:
        start_ladder(session, started)
        ladder = update_ladder(session, DEMO_END)
        walked = walk_dates(session, started - dt.timedelta(days=1), DEMO_END)
    assert ladder.walks_done == len(walked) >= 3
    svg = figure_of(page_of(demo_store, tmp_path), "ladder")
    heights = [b.height for b in bars(svg, "ladder-rung")]
    assert len(heights) == ladder.walks_done + 1
    first = heights[0]
    assert heights == pytest.approx([first * 1.5**n for n in range(len(heights))], rel=1e-3)
    assert f"{ladder.walks_done} walks done" in svg
    assert f"Your next walk is {ladder.step_ft:,.0f} ft" in svg


def test_the_summary_says_last_week_against_the_four_before_in_words(
    demo_page: str, imported_store: Store
) -> None:
    page = demo_page
    sentences = self_comparison(weekly_trend(imported_store, weeks=12, until=DEMO_END))
    assert "You vs your last 4 weeks" in page
    for sentence in sentences:
        assert f"<li>{escape(sentence)}</li>" in page
    assert "Time on feet: 582 min last week" in page


def test_the_table_lists_each_week_newest_first(demo_page: str, imported_store: Store) -> None:
    page = demo_page
    rows = re.findall(r'<tr><th scope="row">(\d+ \w+ \d{4})</th>((?:<td>[^<]*</td>)+)</tr>', page)
    assert [label for label, _ in rows] == [
        "16 Mar 2026", "9 Mar 2026", "2 Mar 2026", "23 Feb 2026", "16 Feb 2026",
        "9 Feb 2026", "2 Feb 2026", "26 Jan 2026", "19 Jan 2026", "12 Jan 2026",
        "5 Jan 2026", "29 Dec 2025",
    ]  # fmt: skip
    last = weekly_trend(imported_store, weeks=1, until=DEMO_END)[0]
    cells = re.findall(r"<td>([^<]*)</td>", rows[0][1])
    assert cells[0] == f"{last.time_on_feet_min:,.0f}"
    assert cells[5] == f"{last.run_impact_bw_steps:,.0f}"


def test_the_coming_weeks_plan_lists_each_session_with_its_rule_and_reason(
    demo_store: Store, tmp_path: Path
) -> None:
    plan_demo_week(demo_store)
    page = page_of(demo_store, tmp_path)
    with demo_store.session() as unit:
        plan = plan_covering(unit, NEXT_MONDAY)
    assert plan is not None
    walks = [s for s in plan.sessions() if s.kind == "walk"]
    assert walks, "the demo runner's plan places walks"
    assert "The week of Mon 23 Mar 2026" in page
    for session in plan.sessions():
        assert escape(session_title(session)) in page
        assert f"Why: {escape(session.why)}" in page
    rules = Counter(re.findall(r'<span class="rule">([^<]+)</span>', page))
    assert rules == Counter(s.rule for s in plan.sessions())
    assert "No plan yet" not in page


def test_without_a_plan_the_report_says_how_to_make_one(demo_page: str) -> None:
    page = demo_page
    assert "No plan yet: run footfall plan" in page


def test_an_empty_store_gives_a_report_that_says_there_is_nothing_yet(
    empty_store: Store, tmp_path: Path
) -> None:
    files = write_report(empty_store, tmp_path, weeks=12, today=DEMO_END)
    page = files.html.read_text(encoding="utf-8")
    assert "Nothing to show yet: import your activities with footfall import" in page
    assert "No plan yet" in page
    assert "<svg" not in page
    assert files.charts == ()
    assert list((tmp_path / "charts").iterdir()) == []


def test_a_store_with_nothing_in_these_weeks_names_the_latest_activity(
    demo_store: Store, tmp_path: Path
) -> None:
    page = build_report(
        demo_store, tmp_path, weeks=4, today=DEMO_END + dt.timedelta(weeks=10)
    ).read_text(encoding="utf-8")
    assert "Nothing recorded in these 4 weeks; your latest activity is on Sun 22 Mar 2026" in page
    assert "<svg" not in page


def test_the_ids_on_the_page_are_unique_and_every_reference_finds_its_target(
    demo_store: Store, tmp_path: Path
) -> None:
    check_in(demo_store, [(dt.date(2026, 3, 18), "stronger", "higher")])
    page = page_of(demo_store, tmp_path)
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1][:5]
    internal = [r[1:] for r in references(page) if r.startswith("#")]
    assert internal, "the charts clip their bars"
    assert set(internal) <= set(ids)
    assert page.count("<svg") == 6  # every chart but the ladder
