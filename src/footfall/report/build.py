"""``build_report``: the runner's trend as one self-contained HTML file, with each
chart also written beside it as PNG and SVG (``charts/<id>.png``, ``charts/<id>.svg``).

The same store and the same ``today`` give the same bytes: nothing reads the clock
except to default ``today``, and the charts are written without dates.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from footfall.errors import UsageError
from footfall.report.charts import Chart, ChartNote, draw_charts, report_charts
from footfall.report.content import gather
from footfall.report.page import render_page
from footfall.store.database import Store
from footfall.trends import check_weeks

REPORT_FILE = "footfall-report.html"
CHARTS_FOLDER = "charts"
#: Every chart id the report can draw; files of these left from an earlier report whose
#: chart is not drawn this time are removed, so the folder matches the page.
CHART_IDS = ("time_on_feet", "run_walk", "impact", "step_floor", "brisk", "ladder", "feelings")
CHART_SUFFIXES = (".svg", ".png")
#: Files anyone on the machine may read, like any document the runner saves.
REPORT_FILE_MODE = 0o644


@dataclass(frozen=True, slots=True)
class ReportFiles:
    """What a report wrote: the page, and the chart files beside it."""

    html: Path
    charts: tuple[Path, ...]

    def to_json(self) -> dict[str, object]:
        """``{"report": path, "charts": [paths]}`` (the CLI's ``--json``)."""
        return {"report": str(self.html), "charts": [str(path) for path in self.charts]}


def build_report(
    store: Store, out_dir: Path, *, weeks: int = 12, today: dt.date | None = None
) -> Path:
    """Write the report of the last ``weeks`` whole weeks up to ``today`` into
    ``out_dir``; returns the HTML file's path."""
    return write_report(store, out_dir, weeks=weeks, today=today).html


def write_report(
    store: Store, out_dir: Path, *, weeks: int = 12, today: dt.date | None = None
) -> ReportFiles:
    """:func:`build_report`, telling every file written."""
    data = gather(store, weeks=check_weeks(weeks), today=today)
    charts = draw_charts(report_charts(data.trend))
    page = render_page(data, charts)
    try:
        chart_files = write_charts(out_dir / CHARTS_FOLDER, charts)
        html = out_dir / REPORT_FILE
        write_atomically(html, page.encode("utf-8"))
    except OSError as exc:
        raise UsageError(f"--out: cannot write the report in {out_dir} ({_reason(exc)})") from None
    return ReportFiles(html, tuple(chart_files))


def write_charts(folder: Path, charts: list[Chart | ChartNote]) -> list[Path]:
    """Each drawn chart as ``<id>.svg`` and ``<id>.png``; stale files of charts not
    drawn this time are removed."""
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for chart in charts:
        if isinstance(chart, Chart):
            svg, png = folder / f"{chart.id}.svg", folder / f"{chart.id}.png"
            write_atomically(svg, chart.rendered.svg.encode("utf-8"))
            write_atomically(png, chart.rendered.png)
            written += [svg, png]
    for stale in _chart_files(folder) - set(written):
        stale.unlink()
    return written


def write_atomically(path: Path, content: bytes) -> None:
    """Write ``content`` to ``path`` through a temporary file beside it, so a reader
    never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        os.fchmod(handle, REPORT_FILE_MODE)
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _chart_files(folder: Path) -> set[Path]:
    names = {f"{chart}{suffix}" for chart in CHART_IDS for suffix in CHART_SUFFIXES}
    return {path for path in folder.iterdir() if path.name in names}


def _reason(exc: OSError) -> str:
    where = f": {exc.filename}" if exc.filename else ""
    return f"{exc.strerror or exc}{where}"
