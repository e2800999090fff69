"""What a report writes: the page and each chart as PNG and SVG beside it, the same
bytes for the same data, nothing stale left behind, one clear line when it cannot
write, and a 12-week report in a couple of seconds."""

from __future__ import annotations

import datetime as dt
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image
from report_support import check_in, plan_demo_week

from footfall.errors import UsageError
from footfall.report import write_report
from footfall.report.build import CHARTS_FOLDER, REPORT_FILE
from footfall.report.render import FIGURE_SIZE_IN, PNG_DPI, inline_svg
from footfall.store.database import Store
from tests_support import DEMO_END

ACTIVITY_CHARTS = ["time_on_feet", "run_walk", "impact", "step_floor", "brisk"]
SVG = "{http://www.w3.org/2000/svg}"


def test_each_chart_is_written_as_a_png_that_decodes_and_an_svg_that_parses(
    demo_store: Store, tmp_path: Path
) -> None:
    files = write_report(demo_store, tmp_path, weeks=12, today=DEMO_END)
    assert files.html == tmp_path / REPORT_FILE
    assert [p.name for p in files.charts] == [
        f"{chart}.{kind}" for chart in ACTIVITY_CHARTS for kind in ("svg", "png")
    ]
    for path in files.charts:
        assert path.parent == tmp_path / CHARTS_FOLDER
        if path.suffix == ".png":
            with Image.open(path) as image:
                image.verify()
            with Image.open(path) as image:
                width, height = image.size
                assert (width, height) == tuple(round(s * PNG_DPI) for s in FIGURE_SIZE_IN)
                assert len(image.getcolors(maxcolors=1 << 16) or range(1 << 16)) > 4
        else:
            root = ET.fromstring(path.read_bytes())
            assert root.tag == f"{SVG}svg"
            drawn = [g for g in root.iter(f"{SVG}g") if g.get("id", "").startswith(path.stem)]
            assert drawn, f"{path.name} has no bars of its own"
    assert files.to_json() == {
        "report": str(tmp_path / REPORT_FILE),
        "charts": [str(p) for p in files.charts],
    }


def test_the_svg_file_is_the_chart_on_the_page(demo_store: Store, tmp_path: Path) -> None:
    files = write_report(demo_store, tmp_path, weeks=6, today=DEMO_END)
    page = files.html.read_text(encoding="utf-8")
    svg = (tmp_path / CHARTS_FOLDER / "brisk.svg").read_text(encoding="utf-8")
    assert inline_svg(svg, "brisk", "x").split(">", 1)[1] in page


def test_the_same_data_gives_the_same_bytes(demo_store: Store, tmp_path: Path) -> None:
    check_in(demo_store, [(dt.date(2026, 3, 18), "stronger", "higher")])
    plan_demo_week(demo_store)
    first = write_report(demo_store, tmp_path / "one", weeks=8, today=DEMO_END)
    second = write_report(demo_store, tmp_path / "two", weeks=8, today=DEMO_END)
    assert first.html.read_bytes() == second.html.read_bytes()
    assert len(first.charts) == len(second.charts) == 12
    for one, two in zip(first.charts, second.charts, strict=True):
        assert one.name == two.name
        assert one.read_bytes() == two.read_bytes(), one.name


def test_charts_not_drawn_this_time_leave_no_file_behind(demo_store: Store, tmp_path: Path) -> None:
    charts = tmp_path / CHARTS_FOLDER
    charts.mkdir()
    (charts / "feelings.png").write_bytes(b"an old chart")
    (charts / "feelings.svg").write_bytes(b"an old chart")
    (charts / "my-notes.txt").write_text("the runner's own file")
    files = write_report(demo_store, tmp_path, weeks=4, today=DEMO_END)
    names = sorted(p.name for p in charts.iterdir())
    assert "feelings.png" not in names and "feelings.svg" not in names
    assert "my-notes.txt" in names
    assert sorted(p.name for p in files.charts) == sorted(set(names) - {"my-notes.txt"})


def test_a_folder_that_cannot_be_written_is_one_clear_error(
    demo_store: Store, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(UsageError) as caught:
        write_report(demo_store, blocker / "report", weeks=4, today=DEMO_END)
    message = str(caught.value)
    assert message.startswith(f"--out: cannot write the report in {blocker / 'report'}")
    assert "\n" not in message


def test_a_twelve_week_report_takes_a_couple_of_seconds(demo_store: Store, tmp_path: Path) -> None:
    write_report(demo_store, tmp_path / "warm", weeks=1, today=DEMO_END)  # matplotlib loaded
    started, cpu_started = time.perf_counter(), time.process_time()
    files = write_report(demo_store, tmp_path / "timed", weeks=12, today=DEMO_END)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    print(f"\n12-week report, {len(files.charts) // 2} charts: {seconds:.2f} s "
          f"({cpu_seconds:.2f} s of CPU)")  # fmt: skip
    # About 1.5 s on an idle machine. The CPU time is the one held to account: test
    # workers running beside this one stretch the wall-clock time, not the work.
    assert cpu_seconds < 4.0


def test_inline_svg_prefixes_ids_and_the_references_to_them() -> None:
    svg = (
        '<?xml version="1.0"?>\n<!DOCTYPE svg>\n'
        '<svg xmlns:xlink="http://www.w3.org/1999/xlink" xmlns="http://www.w3.org/2000/svg">'
        '<defs><clipPath id="p1"><rect/></clipPath><path id="m2"/></defs>'
        '<g id="brisk-week-0"><path clip-path="url(#p1)"/></g><use xlink:href="#m2"/></svg>'
    )
    inline = inline_svg(svg, "brisk", 'Brisk "walking"')
    assert inline.startswith('<svg role="img" aria-label="Brisk &quot;walking&quot;"')
    assert 'id="brisk-p1"' in inline and "url(#brisk-p1)" in inline
    assert 'id="brisk-m2"' in inline and 'xlink:href="#brisk-m2"' in inline
    assert 'id="brisk-week-0"' in inline  # already the chart's own: kept
    assert "xmlns" not in inline and "DOCTYPE" not in inline
