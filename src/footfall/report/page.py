"""The report's one HTML page, from a Jinja2 template shipped in the package.

Everything the page needs is inside it: the style sheet is inlined from
``templates/report.css``, each chart is an inline ``<svg>``, and the system's own fonts
are used, so the file opens the same with no network at all.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from footfall.report.charts import Chart, ChartNote
from footfall.report.content import NO_PLAN, WEEK_COLUMNS, ReportData, week_rows
from footfall.report.render import inline_svg
from footfall.trends import COMPARED_WEEKS
from footfall.version import __version__

TEMPLATE = "report.html.j2"


@dataclass(frozen=True, slots=True)
class ChartView:
    """A chart as the template shows it: its inline SVG, or the note in its place."""

    id: str
    title: str
    caption: str = ""
    svg: Markup | None = None
    note: str = ""


@functools.cache
def environment() -> Environment:
    return Environment(
        loader=PackageLoader("footfall.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def chart_view(chart: Chart | ChartNote) -> ChartView:
    if isinstance(chart, ChartNote):
        return ChartView(chart.id, chart.title, note=chart.note)
    svg = inline_svg(chart.rendered.svg, chart.id, f"{chart.title}: {chart.caption}")
    # The SVG is matplotlib's own output with its ids prefixed, not text from the user.
    return ChartView(chart.id, chart.title, chart.caption, Markup(svg))  # noqa: S704


def render_page(data: ReportData, charts: list[Chart | ChartNote]) -> str:
    """The whole page as text."""
    return (
        environment()
        .get_template(TEMPLATE)
        .render(
            version=__version__,
            period=data.period,
            nothing=data.nothing,
            compared_weeks=COMPARED_WEEKS,
            summary=data.summary,
            charts=[chart_view(chart) for chart in charts],
            columns=WEEK_COLUMNS,
            rows=week_rows(data.trend.weeks),
            plan=data.plan,
            no_plan=NO_PLAN,
        )
    )
