"""An activity's sport, from its bouts' moving time (the label is only a prior).

``run_walk`` when running and walking (with hiking) both take a substantial share of
the time on feet and alternate; otherwise the gait that dominates. A stream that
moves at cycling speed for most of its moving time is ``other``.
"""

from __future__ import annotations

import numpy as np

from footfall.metrics.bouts import HIKE, RUN, WALK, Classified
from footfall.metrics.labels import Prior, foot_gait
from footfall.metrics.measured import Sport
from footfall.metrics.motion import Motion
from footfall.metrics.series import FloatArray
from footfall.metrics.thresholds import Thresholds


def sport_of(
    bout_codes: np.ndarray, bout_moving_s: FloatArray, prior: Prior, thresholds: Thresholds
) -> Sport:
    """The sport of an activity whose bouts have these gaits and moving times."""
    run = float(np.sum(bout_moving_s[bout_codes == RUN]))
    walk = float(np.sum(bout_moving_s[bout_codes == WALK]))
    hike = float(np.sum(bout_moving_s[bout_codes == HIKE]))
    on_feet = run + walk + hike
    if on_feet <= 0:
        return foot_gait(prior) or "other"
    minor = min(run, walk + hike) / on_feet
    if minor >= thresholds.run_walk_min_share and (
        _changes(bout_codes, bout_moving_s) >= thresholds.run_walk_min_changes
    ):
        return "run_walk"
    if run >= walk + hike:
        return "run"
    return "hike" if hike > walk else "walk"


def _changes(bout_codes: np.ndarray, bout_moving_s: FloatArray) -> int:
    """How often the bouts on feet change between running and walking."""
    on_feet = np.isin(bout_codes, (RUN, WALK, HIKE)) & (bout_moving_s > 0)
    running = bout_codes[on_feet] == RUN
    return int(np.count_nonzero(running[1:] != running[:-1]))


def rides_a_bike(motion: Motion, classified: Classified, thresholds: Thresholds) -> bool:
    """Most of the moving time faster than anyone keeps up on foot."""
    if not motion.has_speed:
        return False
    seconds = np.where(classified.moving, motion.dt_s, 0.0)
    total = float(np.sum(seconds))
    fast = float(np.sum(seconds[motion.smooth_speed_m_s > thresholds.cycling_speed_m_s]))
    return total > 0 and fast >= thresholds.cycling_share * total
