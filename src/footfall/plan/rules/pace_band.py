"""R6 pace band: every planned walk carries a target pace band.

A brisk (moderate) walk gets E4's band (2.5-4 mph, 24-15 min/mile) narrowed to
``centre +/- 1 min/mile`` around the runner's own recent brisk pace (the brisk speed of
:class:`~footfall.plan.estimate.Rates`, already held inside E4's band; without history,
the band's middle, 3.25 mph or 18.5 min/mile). Near an edge of E4's band the two-minute
window slides inward rather than shrink, so it stays two minutes wide and brisk all
through. A light walk (R2's second session after a moderate one) gets the band just
below E4, 24-30 min/mile (2.5-2.0 mph), which keeps it light.

The band is kept in min/mile, as SPEC §3 names it (``pace_min_per_mi``);
:func:`band_in_units` and :func:`band_text` give it in the runner's units for display.
"""

from __future__ import annotations

import dataclasses

from footfall import evidence
from footfall.plan.estimate import LIGHT_WALK_HIGH_MPH, LIGHT_WALK_LOW_MPH, Rates
from footfall.plan.model import PlannedSession
from footfall.settings import Units

#: Half the width of the brisk band around the runner's own pace (a choice: wide enough
#: to hold on hills and at crossings, narrow enough to mean something).
HALF_WIDTH_MIN_PER_MI = 1.0
#: E4's band as paces: 15 min/mile (4 mph) to 24 min/mile (2.5 mph).
BRISK_FASTEST_MIN_PER_MI = 60 / evidence.BRISK_HIGH_MPH
BRISK_SLOWEST_MIN_PER_MI = 60 / evidence.BRISK_LOW_MPH
LIGHT_BAND_MIN_PER_MI = (60 / LIGHT_WALK_HIGH_MPH, 60 / LIGHT_WALK_LOW_MPH)
KM_PER_MILE = evidence.MILE_M / 1000


def pace_min_per_mi(speed_m_s: float) -> float:
    """Minutes per mile at ``speed_m_s``."""
    return evidence.MILE_M / speed_m_s / 60


def brisk_band(rates: Rates) -> tuple[float, float]:
    """(fast, slow) min/mile: the runner's brisk pace +/- 1 min, inside E4's band."""
    lowest = BRISK_FASTEST_MIN_PER_MI + HALF_WIDTH_MIN_PER_MI
    highest = BRISK_SLOWEST_MIN_PER_MI - HALF_WIDTH_MIN_PER_MI
    centre = min(max(pace_min_per_mi(rates.brisk_speed_m_s), lowest), highest)
    return (centre - HALF_WIDTH_MIN_PER_MI, centre + HALF_WIDTH_MIN_PER_MI)


def band_for(walk: PlannedSession, rates: Rates) -> tuple[float, float]:
    """The band a walk of this intensity should be walked in."""
    return LIGHT_BAND_MIN_PER_MI if walk.intensity == "light" else brisk_band(rates)


def with_pace_band(session: PlannedSession, rates: Rates) -> PlannedSession:
    """A walk with its R6 band; runs are returned as they are."""
    if session.kind != "walk":
        return session
    return dataclasses.replace(session, pace_min_per_mi=band_for(session, rates))


def band_in_units(band: tuple[float, float], units: Units) -> tuple[float, float]:
    """The band in minutes per mile or per kilometre."""
    if units == "mi":
        return band
    return (band[0] / KM_PER_MILE, band[1] / KM_PER_MILE)


def band_text(band: tuple[float, float], units: Units) -> str:
    """``17:28-19:28 min/mi`` or ``10:51-12:05 min/km``."""
    fast, slow = band_in_units(band, units)
    return f"{_clock(fast)}-{_clock(slow)} min/{units}"


def _clock(minutes: float) -> str:
    seconds = round(minutes * 60)
    return f"{seconds // 60}:{seconds % 60:02d}"
