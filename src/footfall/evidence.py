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

# --- The planner's rules (SPEC §1 R1-R6, R9) and their defaults --------------------------
# Every planned walk cites one of these; the numbers are defaults a plan can override.
FOOT_M = 0.3048

R1 = Evidence(
    "R1",
    "After a longer run, walk 30-60 s for every mile run (default 45 s/mi).",
    "coach J. Hamilton, a practitioner's rule quoted in the source article",
)
FINISHER_MIN_S_PER_MILE = 30.0
FINISHER_DEFAULT_S_PER_MILE = 45.0
FINISHER_MAX_S_PER_MILE = 60.0

R2 = Evidence(
    "R2",
    "On a two-a-day, the second session is a walk of lower intensity than the first.",
    "the source article",
)
#: R2's walk length: the middle of the guided walks the source article names as the
#: market (Apple Time to Walk 25-40 min, Peloton 20/30/45 min) - a choice, not a finding.
SECOND_WALK_MIN = 30.0

R3 = Evidence(
    "R3",
    "An easy run may be replaced by a walk: 3 x its minutes (E3), or equal time on feet.",
    "the source article",
)

R4 = Evidence(
    "R4",
    "A day whose steps outside runs are planned under the floor (E2) gets a walk sized to "
    "close the gap at a brisk cadence (E5).",
    "Burton & Coyle, Med Sci Sports Exerc 2021 - see E2",
)

R5 = Evidence(
    "R5",
    "For a reluctant walker, start tiny - 100 ft after a run, then 150 ft - and grow each "
    "time a walk is done (x 1.5), toward a goal such as 5 extra miles a week.",
    "sports psychologist M. Cannon, a practitioner's rule quoted in the source article",
)
LADDER_START_FT = 100.0
LADDER_GROWTH = 1.5
LADDER_GOAL_MILES_PER_WEEK = 5.0

R6 = Evidence(
    "R6",
    "Every planned walk carries a brisk target band (E4), centred on the runner's own recent "
    "brisk pace.",
    "US CDC - see E4",
)

R9 = Evidence(
    "R9",
    "A planned run longer than 110 % of the longest run in the previous 30 days is flagged; "
    "the excess can move into walking.",
    "a large runner cohort, Br J Sports Med 2025",
)
SPIKE_LIMIT = 1.10
SPIKE_WINDOW_DAYS = 30

# --- E3's energy check (2024 Adult Compendium) --------------------------------------------
#: E3's reference run, 6 mph (10 min/mile), about 9.8 METs; its reference walk, 3 mph,
#: about 3.5 METs.
RUN_REFERENCE_MPH = 6.0
RUN_REFERENCE_METS = 9.8
WALK_REFERENCE_MPH = 3.0
WALK_REFERENCE_METS = 3.5

RULES: tuple[Evidence, ...] = (R1, R2, R3, R4, R5, R6, R9)
