"""Every number of the walking system (SPEC §1), with its id and its source.

Code never types these numbers in: it reads them from here (or from the athlete's
settings, which start from here), and every plan item cites the ``id``.
"""

from __future__ import annotations

from dataclasses import dataclass

MPH_TO_M_S = 0.44704
MILE_M = 1609.344


@dataclass(frozen=True, slots=True)
class Evidence:
    id: str
    claim: str
    source: str


E1 = Evidence(
    "E1",
    "Running loads the body with about 2.5 x body weight per step, walking about 1.2 x; "
    "peak vertical force rises from ~1.2 BW walking to ~2.5 BW at 6 m/s, and slow jogging "
    "is already >50 % above walking.",
    "Clinical Journal of Sport Medicine study reported in the source article; "
    "Keller TS et al., Clin Biomech 1996",
)
E2 = Evidence(
    "E2",
    "Fewer than 8,000 steps a day (counted outside runs) blunts the fat-metabolism benefit "
    "of exercise.",
    "Burton & Coyle, Med Sci Sports Exerc, Feb 2021",
)
E3 = Evidence(
    "E3",
    "15 minutes of walking is about 5 minutes of running: an easy run of T minutes converts "
    "to a walk of 3T minutes, or the same time on feet.",
    "source article, citing Lee et al., J Am Coll Cardiol 2014",
)
E4 = Evidence(
    "E4",
    "Walking at 2.5-4 mph (24-15 min/mile) is moderate-intensity (brisk) activity.",
    "US CDC, as reported in the source article",
)
E5 = Evidence(
    "E5",
    "A cadence of 100 steps/min or more is about moderate intensity (3 METs); 130 or more "
    "is vigorous.",
    "Tudor-Locke et al., CADENCE-Adults, IJBNPA 2019/2020",
)
SOURCE_ARTICLE = (
    '"All Runners Should Walk More - Here\'s Why, and How to Include It In Your Training"'
)

# --- E1: ground reaction force multiples (body weights per step) -------------------------
RUN_GRF_BW = 2.5
WALK_GRF_BW = 1.2
#: Keller et al. 1996, the speed-dependent option: slow jogging is already more than
#: 50 % above walking, and force rises to about 2.5 BW at 6 m/s.
KELLER_SLOW_JOG_BW = WALK_GRF_BW * 1.5
KELLER_SLOW_JOG_M_S = 2.0
KELLER_FAST_M_S = 6.0

# --- E2 ----------------------------------------------------------------------------------
STEP_FLOOR = 8000

# --- E3 ----------------------------------------------------------------------------------
WALK_MINUTES_PER_RUN_MINUTE = 3.0

# --- E4: the brisk band ------------------------------------------------------------------
BRISK_LOW_MPH = 2.5
BRISK_HIGH_MPH = 4.0
BRISK_LOW_M_S = BRISK_LOW_MPH * MPH_TO_M_S
BRISK_HIGH_M_S = BRISK_HIGH_MPH * MPH_TO_M_S

# --- E5: cadence -------------------------------------------------------------------------
MODERATE_CADENCE_SPM = 100.0
VIGOROUS_CADENCE_SPM = 130.0

ALL: tuple[Evidence, ...] = (E1, E2, E3, E4, E5)
