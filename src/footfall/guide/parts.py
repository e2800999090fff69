"""The walk's structure: warm-up, main part (or walk/run blocks), cool-down, each with
the pace band (R6) and treadmill incline it holds. Pure arithmetic on seconds."""

from __future__ import annotations

import math

from footfall import evidence
from footfall.guide.model import Part, PastWalks
from footfall.guide.styles import Style

#: E4, the brisk band in minutes per mile: 4 mph (15) to 2.5 mph (24).
E4_BAND: tuple[float, float] = (60.0 / evidence.BRISK_HIGH_MPH, 60.0 / evidence.BRISK_LOW_MPH)
#: R6: a band centred on the runner's own brisk pace reaches this far either side.
OWN_BAND_HALF_WIDTH = 1.0
#: A recovery or hike band starts at the slow end of the brisk band and is this wide:
#: lighter than brisk, as R2 asks of a second session.
EASY_BAND_WIDTH = 4.0
#: Warm-up and cool-down are whole half minutes, at least one; the cool-down at least
#: a minute, room for its cue and the closing question before the quiet tail.
EDGE_STEP_S = 30.0
COOL_DOWN_MIN_S = 60.0
#: Blocks shrunk to fit a short walk are still this long: the first walk block says
#: the whole plan, a run block only "run now".
SHORTEST_WALK_S = 30.0
SHORTEST_RUN_S = 15.0
#: A hike's warm-up and cool-down incline when the climb is at least 2 %.
FLAT_INCLINE_PCT = 1.0


def brisk_band(
    pace_min_per_mi: tuple[float, float] | None, past: PastWalks | None
) -> tuple[float, float]:
    """R6: the runner's own band if given; else one centred on their recent brisk pace,
    kept inside E4; else E4 itself."""
    if pace_min_per_mi is not None:
        return pace_min_per_mi
    own = past.brisk_pace_min_per_mi if past is not None else None
    if own is None:
        return E4_BAND
    low_limit, high_limit = E4_BAND
    centre = min(max(own, low_limit + OWN_BAND_HALF_WIDTH), high_limit - OWN_BAND_HALF_WIDTH)
    return centre - OWN_BAND_HALF_WIDTH, centre + OWN_BAND_HALF_WIDTH


def easy_band(brisk: tuple[float, float]) -> tuple[float, float]:
    """Lighter than brisk: from the brisk band's slow end, :data:`EASY_BAND_WIDTH` wide."""
    return brisk[1], brisk[1] + EASY_BAND_WIDTH


def style_band(style: Style, brisk: tuple[float, float]) -> tuple[float, float] | None:
    """The band the style's main part holds (None: the style goes by feel)."""
    if style.pace == "brisk":
        return brisk
    if style.pace == "easy":
        return easy_band(brisk)
    return None


def edge_seconds(share: float, total_s: float, cap_s: float, least_s: float) -> float:
    """A warm-up or cool-down: ``share`` of the walk in whole half minutes, least..cap."""
    rounded = round(share * total_s / EDGE_STEP_S) * EDGE_STEP_S
    return float(min(max(rounded, least_s), cap_s))


def build_parts(
    style: Style,
    total_s: float,
    brisk: tuple[float, float],
    incline_pct: float | None,
    intervals: tuple[int, int],
) -> tuple[Part, ...]:
    """Warm-up, main (or walk/run blocks), cool-down, covering 0..total_s exactly."""
    warm_s = edge_seconds(style.warm_up_share, total_s, style.part_cap_s, EDGE_STEP_S)
    cool_s = edge_seconds(style.cool_down_share, total_s, style.part_cap_s, COOL_DOWN_MIN_S)
    main_start, main_end = warm_s, total_s - cool_s
    flat = _flat(incline_pct)
    warm_up = Part("warm-up", 0.0, main_start, "walk", None, flat)
    if style.name == "intervals":
        blocks = interval_blocks(main_start, main_end, intervals, brisk)
        cool_start = blocks[-1].end_s
    else:
        main = Part("main", main_start, main_end, "walk", style_band(style, brisk), incline_pct)
        blocks, cool_start = (main,), main_end
    cool_down = Part("cool-down", cool_start, total_s, "walk", None, flat)
    return (warm_up, *blocks, cool_down)


def interval_blocks(
    start_s: float, end_s: float, intervals: tuple[int, int], brisk: tuple[float, float]
) -> tuple[Part, ...]:
    """Walk/run blocks from ``start_s``: as many whole cycles as fit before ``end_s``
    (what is left joins the cool-down); one cycle shrunk to fit, ratio kept, when not
    even one does (each block still long enough to say what it is)."""
    walk_s, run_s = intervals[0] * 60.0, intervals[1] * 60.0
    cycle_s = walk_s + run_s
    cycles = math.floor((end_s - start_s) / cycle_s)
    if cycles == 0:
        cycles = 1
        main_s = end_s - start_s
        walk_s = round(main_s * walk_s / cycle_s)
        walk_s = min(max(walk_s, SHORTEST_WALK_S), main_s - SHORTEST_RUN_S)
        run_s = main_s - walk_s
    blocks: list[Part] = []
    at = start_s
    for _ in range(cycles):
        blocks.append(Part("walk", at, at + walk_s, "walk", brisk, None))
        blocks.append(Part("run", at + walk_s, at + walk_s + run_s, "run", None, None))
        at += walk_s + run_s
    return tuple(blocks)


def _flat(incline_pct: float | None) -> float | None:
    if incline_pct is None:
        return None
    return FLAT_INCLINE_PCT if incline_pct >= 2 * FLAT_INCLINE_PCT else 0.0
