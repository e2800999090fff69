"""What a file's sport label tells the measures before they look at the stream.

A foot label (running, walking, hiking) is a prior the stream can overrule; a label of
a sport not done on foot (cycling, swimming, rowing, skiing…) makes the activity
``other`` without classifying it; anything else (no label, ``generic``, TCX's
``Other``, a user's own category, a Strava type code footfall does not know) leaves
the stream to decide.
"""

from __future__ import annotations

from typing import Literal

from footfall import sports

Prior = Literal["run", "walk", "hike", "unknown", "not_on_foot"]
FootGait = Literal["run", "walk", "hike"]

_FOOT: dict[Prior, FootGait] = {"run": "run", "walk": "walk", "hike": "hike"}

#: Pieces of labels that name a sport not done on foot, as FIT sport names, TCX
#: sports, Strava display names and Apple Health workout types write them.
NOT_ON_FOOT: tuple[str, ...] = (
    "cycl",
    "bik",
    "ride",
    "swim",
    "rowing",
    "paddl",
    "ski",
    "snowboard",
    "skat",
    "sail",
    "canoe",
    "kayak",
    "surf",
    "velomobile",
    "wheelchair",
    "yoga",
    "strength",
    "dance",
    "golf",
    "elliptical",
    "driving",
    "motor",
)


def label_prior(label: str) -> Prior:
    """``running`` -> run; ``cycling/road`` -> not_on_foot; ``generic`` -> unknown."""
    text = label.strip().lower()
    foot = sports.sport_from_label(text)
    if foot == sports.RUN:
        return "run"
    if foot == sports.WALK:
        return "walk"
    if foot == sports.HIKE:
        return "hike"
    if any(piece in text for piece in NOT_ON_FOOT):
        return "not_on_foot"
    return "unknown"


def foot_gait(prior: Prior) -> FootGait | None:
    """The gait a foot label names; None for the other priors."""
    return _FOOT.get(prior)
