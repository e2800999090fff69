"""The inline charts: axes at round values, pace labels where the speed is, a track
drawn to scale, and every text escaped."""

from __future__ import annotations

import re

import numpy as np
import pytest

from footfall.evidence import MILE_M
from footfall.web.activity_charts import pace_ticks
from footfall.web.svg import (
    Band,
    Bar,
    Tick,
    bar_chart,
    line_chart,
    nice_ticks,
    time_ticks,
    track_sketch,
)


def test_round_ticks_cover_the_range() -> None:
    assert nice_ticks(0, 9_300) == [0, 2500, 5000, 7500, 10_000]
    assert nice_ticks(96, 151) == [100, 120, 140, 160]
    assert nice_ticks(0, 0.8) == pytest.approx([0, 0.2, 0.4, 0.6, 0.8])


def test_time_ticks_are_at_most_eight_round_minutes() -> None:
    assert [t.label for t in time_ticks(50 * 60)] == [f"{m} min" for m in range(0, 51, 10)]
    assert len(time_ticks(3 * 3600)) <= 8


def test_pace_labels_sit_at_their_speeds_fastest_first() -> None:
    ticks = pace_ticks(4.0, "mi")  # 4 m/s is a 6:42 /mi pace
    assert [t.label for t in ticks] == ["7:00", "9:00", "14:00", "25:00"]
    for tick in ticks:
        minutes = int(tick.label.split(":")[0])
        assert tick.at == pytest.approx(MILE_M / (minutes * 60))
    gaps = np.diff([t.at for t in ticks])
    assert np.all(gaps <= -4.0 / 5)  # at least a fifth of the axis apart


def test_a_north_south_track_is_drawn_tall_and_thin() -> None:
    lat = np.linspace(51.50, 51.51, 50)  # 1.1 km north
    lon = np.full(50, -0.12) + np.linspace(0, 0.001, 50)  # 70 m east
    svg = str(track_sketch(lat, lon, ["walk"] * 50, label="a street"))
    points = [tuple(map(float, p.split(","))) for p in re.findall(r"[\d.]+,[\d.]+", svg)]
    xs, ys = zip(*points, strict=True)
    assert max(ys) - min(ys) > 10 * (max(xs) - min(xs))
    assert ys[0] > ys[-1]  # north is up


def test_stretches_of_a_track_are_coloured_by_gait() -> None:
    lat, lon = np.linspace(0, 0.01, 6), np.linspace(0, 0.01, 6)
    svg = str(track_sketch(lat, lon, ["run", "run", "walk", "walk", "walk", "run"], label="t"))
    assert re.findall(r'class="path (\w+)"', svg) == ["run", "walk", "run"]


def test_bands_and_labels_are_drawn_and_escaped() -> None:
    svg = str(
        line_chart(
            np.array([0.0, 60.0, 120.0]), np.array([1.0, 2.0, 3.0]), label="<b>speed</b>",
            css="speed", y_ticks=[Tick(2.0, "two")], y_range=(0.0, 4.0),
            bands=[Band(0.0, 60.0, "walk"), Band(60.0, 120.0, "run")],
        )
    )  # fmt: skip
    assert "<b>" not in svg and "&lt;b&gt;speed" in svg
    assert re.findall(r'class="band (\w+)"', svg) == ["walk", "run"]


def test_stacked_bars_reach_their_totals_and_the_reference_line() -> None:
    bars = [
        Bar("Mon", ((4000.0, "run"), (2000.0, "walk")), "Mon"),
        Bar("Tue", ((8000.0, "met"),), ""),
    ]
    svg = str(bar_chart(bars, label="steps", css="floor", reference=(8000.0, "floor")))
    heights = [float(h) for h in re.findall(r'<rect class="\w+" [^>]*height="([\d.]+)"', svg)]
    assert heights[0] + heights[1] == pytest.approx(0.75 * heights[2], rel=0.01)
    (reference,) = re.findall(r'<line class="reference"[^>]*y1="([\d.]+)"', svg)
    (tuesday_top,) = re.findall(r'<rect class="met" x="[\d.]+" y="([\d.]+)"', svg)
    assert float(reference) == pytest.approx(float(tuesday_top), abs=0.1)


def test_twelve_weeks_of_bars_label_every_other_week_so_labels_do_not_collide() -> None:
    bars = [Bar(f"{7 * n + 1} Sep", ((float(n + 1), "run"),), "") for n in range(12)]
    svg = str(bar_chart(bars, label="weeks", css="weeks"))
    assert len(re.findall(r'<g class="bar">', svg)) == 12
    labels = re.findall(r'<text class="tick"[^>]*text-anchor="middle">([^<]+)</text>', svg)
    assert labels == [bar.label for bar in bars[::2]]


def test_a_chart_with_nothing_in_it_says_so_instead_of_fractional_ticks() -> None:
    svg = str(bar_chart([Bar("Mon", ((0.0, "run"),), "")], label="impact", css="impact"))
    assert "nothing recorded" in svg
    ticks = re.findall(r'<text class="tick"[^>]*text-anchor="end">([^<]+)</text>', svg)
    assert ticks == ["0"]
