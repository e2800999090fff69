"""Impact load (E1): steps x the ground-reaction-force multiple of their gait, in
body-weight-steps.

``fixed`` (the default): running 2.5 body weights per step, walking and hiking 1.2.
``speed``: Keller TS et al., "Relationship between vertical ground reaction force and
speed during walking, slow jogging, and running", Clin Biomech 1996;11:253-259 -
walking stays about 1.2 BW; slow jogging is already more than 50 % above walking
(1.8 BW, taken at 2.0 m/s, the slowest running speed), and force rises to about 2.5 BW
at 6 m/s; in between it is interpolated linearly, and held beyond the ends.
"""

from __future__ import annotations

import math

import numpy as np

from footfall import evidence
from footfall.metrics.measured import Gait
from footfall.settings import ImpactModel


def grf_multiple(gait: Gait, speed_m_s: float, model: ImpactModel) -> float:
    """Body weights per step for a bout of ``gait`` at average ``speed_m_s`` (NaN when
    unknown: the fixed multiple is used)."""
    if gait == "stopped":
        return 0.0
    if gait in ("walk", "hike"):
        return evidence.WALK_GRF_BW
    if model == "speed" and math.isfinite(speed_m_s):
        return keller_running_bw(speed_m_s)
    return evidence.RUN_GRF_BW


def keller_running_bw(speed_m_s: float) -> float:
    """Peak vertical force of running at ``speed_m_s``, body weights (Keller 1996)."""
    return float(
        np.interp(
            speed_m_s,
            [evidence.KELLER_SLOW_JOG_M_S, evidence.KELLER_FAST_M_S],
            [evidence.KELLER_SLOW_JOG_BW, evidence.RUN_GRF_BW],
        )
    )


def impact_load(steps: float, gait: Gait, speed_m_s: float, model: ImpactModel) -> float:
    """Body-weight-steps of ``steps`` taken in ``gait``."""
    return steps * grf_multiple(gait, speed_m_s, model)
