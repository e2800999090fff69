"""A matplotlib figure as the report needs it: an SVG file, a PNG file, and the same
SVG ready to sit inside the HTML page.

matplotlib is imported only here and in :mod:`footfall.report.charts`, inside the
functions that draw, so commands that never chart start fast. Figures are made with
``matplotlib.figure.Figure`` (no pyplot, no global figure state) under the report's
own style in an ``rc_context``, and written without dates and with a fixed hash salt,
so the same data gives the same bytes.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from matplotlib.typing import RcKeyType

PNG_DPI = 150
FIGURE_SIZE_IN = (8.0, 2.8)
#: The report's chart style: quiet axes, a light grid, text kept as text in the SVG.
STYLE: dict[RcKeyType, Any] = {
    "svg.hashsalt": "footfall",
    "svg.fonttype": "none",
    "font.family": "sans-serif",
    "font.size": 9.5,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": "#888888",
    "axes.labelcolor": "#333333",
    "axes.titlesize": 10.5,
    "axes.grid": True,
    "axes.grid.axis": "y",
    "axes.axisbelow": True,
    "grid.color": "#e2e2e2",
    "xtick.color": "#555555",
    "ytick.color": "#555555",
    "legend.frameon": False,
    "legend.fontsize": 9,
}
_SVG_METADATA: dict[str, str | None] = {
    "Date": None,
    "Creator": None,
    "Format": None,
    "Type": None,
}
_ID = re.compile(r'\bid="([^"]+)"')
_URL_REF = re.compile(r"url\(#([^)]+)\)")
_HREF_REF = re.compile(r'(xlink:href|href)="#([^"]+)"')
_NAMESPACE = re.compile(r'\s+xmlns(?::xlink)?="[^"]*"')


@dataclass(frozen=True, slots=True)
class Rendered:
    """One chart drawn: the SVG document and the PNG image."""

    svg: str
    png: bytes


@contextmanager
def chart_style() -> Iterator[None]:
    """The report's matplotlib style, for drawing and saving alike."""
    import matplotlib  # noqa: PLC0415 - lazy: only a report draws

    with matplotlib.rc_context(STYLE):
        yield


def new_figure() -> Figure:
    """An empty figure of the report's size, laid out so labels never overlap."""
    from matplotlib.figure import Figure  # noqa: PLC0415 - lazy: only a report draws

    return Figure(figsize=FIGURE_SIZE_IN, layout="constrained")


def render(draw: Callable[[], Figure]) -> Rendered:
    """Draw a figure with ``draw`` under the report's style, and write it as SVG and
    PNG."""
    with chart_style():
        figure = draw()
        svg, png = io.BytesIO(), io.BytesIO()
        figure.savefig(svg, format="svg", metadata=_SVG_METADATA)
        figure.savefig(png, format="png", dpi=PNG_DPI)
    return Rendered(svg.getvalue().decode("utf-8"), png.getvalue())


def inline_svg(svg: str, prefix: str, label: str) -> str:
    """The SVG element of ``svg`` for an HTML page: no XML prolog or doctype, no
    namespace declarations (HTML supplies them), every id and reference to one prefixed
    with ``prefix`` (several charts share a page; ids that already carry the prefix
    keep it), and ``label`` as its accessible name."""
    element = svg[svg.index("<svg") :]
    element = _NAMESPACE.sub("", element)
    element = _ID.sub(lambda m: f'id="{_prefixed(prefix, m.group(1))}"', element)
    element = _URL_REF.sub(lambda m: f"url(#{_prefixed(prefix, m.group(1))})", element)
    element = _HREF_REF.sub(lambda m: f'{m.group(1)}="#{_prefixed(prefix, m.group(2))}"', element)
    name = html.escape(label, quote=True)
    return element.replace("<svg", f'<svg role="img" aria-label="{name}"', 1).strip()


def _prefixed(prefix: str, identifier: str) -> str:
    return identifier if identifier.startswith(f"{prefix}-") else f"{prefix}-{identifier}"
