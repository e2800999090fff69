"""Small inline SVG charts (no script, no chart library, no network): a line over time
with shaded stretches, stacked bars with a reference line, and a track sketch.

Each function returns markup safe to put in a page; every text in it is escaped.
Colours come from CSS classes (``run``, ``walk``, ``hike``, ``met``, ``under`` ...)
in ``static/footfall.css``, so the charts follow the page's light or dark scheme.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from markupsafe import Markup, escape

from footfall.metrics.series import FloatArray

WIDTH, HEIGHT = 720, 170
#: Bar charts sit two to a row: narrower, so their labels read at the same size.
BAR_WIDTH = 480
LEFT, RIGHT, TOP, BOTTOM = 52, 24, 10, 24
#: Room one bar label ("14 Sep") takes along the axis, pixels.
LABEL_SPACE = 60


@dataclass(frozen=True, slots=True)
class Tick:
    at: float
    label: str


@dataclass(frozen=True, slots=True)
class Band:
    """A shaded stretch of the x axis (a bout), coloured by its ``kind``."""

    start: float
    end: float
    kind: str


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar: stacked ``(value, css class)`` parts from the bottom, a label under it,
    and a note shown on hover."""

    label: str
    parts: tuple[tuple[float, str], ...]
    note: str


@dataclass(frozen=True, slots=True)
class Frame:
    """Data ranges mapped onto the plot area inside the margins."""

    x_low: float
    x_high: float
    y_low: float
    y_high: float
    width: int = WIDTH
    height: int = HEIGHT

    def x(self, value: float) -> float:
        span = (self.x_high - self.x_low) or 1.0
        return LEFT + (value - self.x_low) / span * (self.width - LEFT - RIGHT)

    def y(self, value: float) -> float:
        span = (self.y_high - self.y_low) or 1.0
        return self.height - BOTTOM - (value - self.y_low) / span * (self.height - TOP - BOTTOM)


def nice_ticks(low: float, high: float, count: int = 4) -> list[float]:
    """Round values (1, 2, 2.5 or 5 times a power of ten apart) from the first at or
    above ``low`` to the first at or above ``high``."""
    span = high - low
    if not math.isfinite(span) or span <= 0:
        return [low]
    raw = span / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    first = math.ceil(low / step) * step
    last = math.ceil(high / step) * step
    return [first + n * step for n in range(round((last - first) / step) + 1)]


def time_ticks(seconds: float) -> list[Tick]:
    """Ticks every 1, 2, 5, 10, 15, 30 or 60 minutes: at most eight along the time."""
    step = next((m for m in (1, 2, 5, 10, 15, 30, 60, 120) if seconds / (m * 60) <= 8), 240)
    return [
        Tick(n * step * 60.0, f"{n * step} min") for n in range(int(seconds // (step * 60)) + 1)
    ]


def _open(label: str, css: str, width: int = WIDTH, height: int = HEIGHT) -> list[str]:
    text = escape(label)
    return [
        f'<svg class="chart {escape(css)}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{text}" preserveAspectRatio="xMidYMid meet">',
        f"<title>{text}</title>",
    ]


def _hline(css: str, frame: Frame, y: float, note: str = "") -> str:
    """A line across the plot at height ``y`` (a hover ``note`` when given)."""
    title = f"<title>{escape(note)}</title>" if note else ""
    x0, x1 = LEFT, frame.width - RIGHT
    return f'<line class="{css}" x1="{x0}" x2="{x1}" y1="{y:.1f}" y2="{y:.1f}">{title}</line>'


def _label(x: float, y: float, anchor: str, text: str) -> str:
    position = f'x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}"'
    return f'<text class="tick" {position}>{escape(text)}</text>'


def _rect(css: str, x: float, y: float, width: float, height: float, *, note: str = "") -> str:
    title = f"<title>{escape(note)}</title>" if note else ""
    box = f'x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{height:.1f}"'
    return f'<rect class="{escape(css)}" {box}>{title}</rect>'


def _points(xs: Sequence[float], ys: Sequence[float]) -> str:
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in zip(xs, ys, strict=True))


def _axes(frame: Frame, x_ticks: Sequence[Tick], y_ticks: Sequence[Tick]) -> list[str]:
    out = []
    for tick in y_ticks:
        y = frame.y(tick.at)
        out += [_hline("grid", frame, y), _label(LEFT - 4, y + 4, "end", tick.label)]
    base = frame.height - BOTTOM
    out += [_label(frame.x(tick.at), base + 16, "middle", tick.label) for tick in x_ticks]
    out.append(_hline("axis", frame, base))
    return out


def line_chart(
    t_s: FloatArray,
    values: FloatArray,
    *,
    label: str,
    css: str,
    y_ticks: Sequence[Tick],
    y_range: tuple[float, float],
    bands: Sequence[Band] = (),
    duration_s: float | None = None,
) -> Markup:
    """A line of ``values`` over seconds, over shaded ``bands``."""
    end = duration_s or float(np.max(t_s))
    frame = Frame(0.0, end, *y_range)
    out = _open(label, css)
    top, bottom = TOP, frame.height - BOTTOM
    for band in bands:
        x0, x1 = frame.x(max(0.0, band.start)), frame.x(min(end, band.end))
        if x1 > x0:
            out.append(_rect(f"band {band.kind}", x0, top, x1 - x0, bottom - top, note=band.kind))
    out += _axes(frame, time_ticks(end), y_ticks)
    clipped = np.clip(values, *y_range)
    xs = [frame.x(float(t)) for t in t_s]
    ys = [frame.y(float(v)) for v in clipped]
    out.append(f'<polyline class="line" points="{_points(xs, ys)}"/>')
    out.append("</svg>")
    return Markup("".join(out))  # noqa: S704 - every text above is escaped


def bar_chart(
    bars: Sequence[Bar],
    *,
    label: str,
    css: str,
    reference: tuple[float, str] | None = None,
    width: int = BAR_WIDTH,
    height: int = HEIGHT,
) -> Markup:
    """Stacked bars, one per item, with an optional reference line (value, label)."""
    totals = [sum(value for value, _ in bar.parts) for bar in bars]
    highest = max([*totals, reference[0] if reference else 0.0])
    ticks = nice_ticks(0.0, highest) if highest > 0 else [0.0]
    top = max(ticks[-1], highest) or 1.0
    frame = Frame(0.0, float(len(bars)), 0.0, top, width=width, height=height)
    out = _open(label, css, width, height)
    out += _axes(frame, [], [Tick(t, _short(t)) for t in ticks])
    if highest <= 0:
        middle = f'x="{(LEFT + width - RIGHT) / 2:.1f}" y="{height / 2:.1f}"'
        out.append(f'<text class="tick" {middle} text-anchor="middle">nothing recorded</text>')
    slot = frame.x(1.0) - frame.x(0.0)
    every = math.ceil(len(bars) / max(1, (width - LEFT - RIGHT) // LABEL_SPACE))
    for index, bar in enumerate(bars):
        out += _bar(frame, index, slot, bar, labelled=index % every == 0)
    if reference is not None:
        out.append(_hline("reference", frame, frame.y(reference[0]), reference[1]))
    out.append("</svg>")
    return Markup("".join(out))  # noqa: S704 - every text above is escaped


def _bar(frame: Frame, index: int, slot: float, bar: Bar, *, labelled: bool) -> list[str]:
    x = frame.x(float(index)) + slot * 0.15
    width = slot * 0.7
    out = ['<g class="bar">', f"<title>{escape(bar.note)}</title>"]
    level = 0.0
    for value, kind in bar.parts:
        if value > 0:
            top, bottom = frame.y(level + value), frame.y(level)
            out.append(_rect(kind, x, top, width, bottom - top))
            level += value
    if labelled:  # crowded bars are labelled every other (or third...) one
        out.append(_label(x + width / 2, frame.height - BOTTOM + 16, "middle", bar.label))
    out.append("</g>")
    return out


def _short(value: float) -> str:
    """``12k`` for thousands, else the whole number."""
    if abs(value) >= 10_000:
        return f"{value / 1000:.0f}k"
    if abs(value) >= 1000:
        return f"{value / 1000:.1f}k".replace(".0k", "k")
    return f"{value:.0f}"


def track_sketch(
    lat_deg: FloatArray, lon_deg: FloatArray, kinds: Sequence[str], *, label: str, size: int = 360
) -> Markup:
    """The route drawn flat (equirectangular around its middle latitude, north up), each
    stretch coloured by its kind (``kinds[i]`` is the kind of point ``i``)."""
    xs, ys = _flat(lat_deg, lon_deg, size, pad=12)
    out = _open(label, "track", size, size)
    for start, end, kind in _runs_of(kinds):
        last = min(end + 1, len(xs))
        points = _points(xs[start:last], ys[start:last])
        out.append(f'<polyline class="path {escape(kind)}" points="{points}"/>')
    for css, x, y in (("start", xs[0], ys[0]), ("finish", xs[-1], ys[-1])):
        out.append(
            f'<circle class="{css}" cx="{x:.1f}" cy="{y:.1f}" r="5"><title>{css}</title></circle>'
        )
    out.append("</svg>")
    return Markup("".join(out))  # noqa: S704 - every text above is escaped


def _flat(
    lat_deg: FloatArray, lon_deg: FloatArray, size: int, pad: int
) -> tuple[list[float], list[float]]:
    """Positions as (x, y) in a ``size`` square, centred, with the same scale both ways."""
    middle = math.radians(float(np.mean(lat_deg)))
    east = np.asarray(lon_deg) * math.cos(middle)
    north = np.asarray(lat_deg)
    width, height = float(np.ptp(east)), float(np.ptp(north))
    scale = (size - 2 * pad) / (max(width, height) or 1e-9)
    left = pad + (size - 2 * pad - width * scale) / 2
    bottom = size - pad - (size - 2 * pad - height * scale) / 2
    xs = left + (east - float(np.min(east))) * scale
    ys = bottom - (north - float(np.min(north))) * scale
    return [float(x) for x in xs], [float(y) for y in ys]


def _runs_of(kinds: Sequence[str]) -> list[tuple[int, int, str]]:
    """(first, last, kind) of each stretch of equal kinds; each joins the next."""
    runs: list[tuple[int, int, str]] = []
    start = 0
    for index in range(1, len(kinds) + 1):
        if index == len(kinds) or kinds[index] != kinds[start]:
            runs.append((start, index, kinds[start]))
            start = index
    return runs
