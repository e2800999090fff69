"""What a guided walk may be asked for: every wrong value is a UsageError that names
the value and what is allowed."""

from __future__ import annotations

import math

from footfall.errors import UsageError
from footfall.guide.styles import STYLE_NAMES, STYLES, Style
from footfall.settings import UNITS

#: A pace band outside this range (minutes per mile) is not a walk.
PACE_LIMITS_MIN_PER_MI = (8.0, 40.0)
#: Treadmills climb to 15 % (the cues say it to the half percent).
MAX_INCLINE_PCT = 15.0
#: Walk and run minutes of one interval cycle.
INTERVAL_LIMITS_MIN = (1, 10)
#: Speaking rates espeak-ng says clearly.
WORDS_PER_MINUTE_LIMITS = (100, 300)


def check_walk(
    minutes: float,
    style: str,
    *,
    units: str,
    pace_min_per_mi: tuple[float, float] | None,
    incline_pct: float | None,
    intervals: tuple[int, int],
    words_per_minute: int,
) -> Style:
    """The style asked for, once every value is checked."""
    chosen = check_style(style)
    check_minutes(chosen, minutes)
    if units not in UNITS:
        raise UsageError(f"unknown units '{units}' (use one of: {', '.join(UNITS)})")
    if pace_min_per_mi is not None:
        check_pace(pace_min_per_mi)
    if incline_pct is not None:
        check_incline(chosen, incline_pct)
    check_intervals(intervals)
    low, high = WORDS_PER_MINUTE_LIMITS
    if not low <= words_per_minute <= high:
        raise UsageError(f"words per minute must be {low} to {high}, not {words_per_minute}")
    return chosen


def check_style(style: str) -> Style:
    if style not in STYLES:
        raise UsageError(f"unknown walk style '{style}' (styles: {', '.join(STYLE_NAMES)})")
    return STYLES[style]


def check_minutes(style: Style, minutes: float) -> None:
    if not (isinstance(minutes, int | float) and math.isfinite(minutes)):
        raise UsageError(f"walk minutes must be a number, not {minutes!r}")
    if not style.min_minutes <= minutes <= style.max_minutes:
        raise UsageError(
            f"a {style.title} is {style.min_minutes:g} to {style.max_minutes:g} minutes, "
            f"not {minutes:g}"
        )


def check_pace(band: tuple[float, float]) -> None:
    low_limit, high_limit = PACE_LIMITS_MIN_PER_MI
    low, high = band
    if not (math.isfinite(low) and math.isfinite(high) and low < high):
        raise UsageError(f"a pace band is fast to slow, two different numbers: not {band}")
    if low < low_limit or high > high_limit:
        raise UsageError(
            f"a walking pace band lies within {low_limit:g} to {high_limit:g} minutes per "
            f"mile, not {low:g} to {high:g}"
        )


def check_incline(style: Style, incline_pct: float) -> None:
    if style.name != "hike":
        raise UsageError(f"an incline is for a hike, not a {style.title}")
    if not (math.isfinite(incline_pct) and 0 < incline_pct <= MAX_INCLINE_PCT):
        raise UsageError(
            f"a treadmill incline is above 0 and up to {MAX_INCLINE_PCT:g} percent, "
            f"not {incline_pct:g}"
        )


def check_intervals(intervals: tuple[int, int]) -> None:
    low, high = INTERVAL_LIMITS_MIN
    if len(intervals) != 2 or not all(isinstance(m, int) and low <= m <= high for m in intervals):
        raise UsageError(
            f"intervals are walk and run minutes, each {low} to {high}: not {intervals}"
        )
