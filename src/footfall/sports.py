"""What a file's own sport label says, in footfall's words: run, walk, hike or other.

The label is only a prior; the measures decide an activity's sport from its stream.
"""

from __future__ import annotations

RUN = "run"
WALK = "walk"
HIKE = "hike"
OTHER = "other"

# Lower-case labels as files write them: FIT sport names, TCX Sport attributes, Strava
# display names and GPX type codes (Strava writes 9 for Run, 10 for Walk, 4 for Hike),
# Apple Health workout types.
_LABELS: dict[str, str] = {
    "running": RUN,
    "run": RUN,
    "trail run": RUN,
    "trail_running": RUN,
    "virtual run": RUN,
    "treadmill": RUN,
    "9": RUN,
    "hkworkoutactivitytyperunning": RUN,
    "walking": WALK,
    "walk": WALK,
    "10": WALK,
    "hkworkoutactivitytypewalking": WALK,
    "hiking": HIKE,
    "hike": HIKE,
    "4": HIKE,
    "hkworkoutactivitytypehiking": HIKE,
}


def sport_from_label(label: str) -> str:
    """``running/treadmill`` -> run; ``walking`` -> walk; unknown or empty -> other."""
    text = label.strip().lower()
    if text in _LABELS:
        return _LABELS[text]
    main, _, sub = text.partition("/")
    if sub in {"trail", "street", "track", "treadmill", "indoor_running", "virtual_activity"}:
        return _LABELS.get(main, OTHER)
    if sub in {"indoor_walking", "casual_walking", "speed_walking"}:
        return WALK
    return _LABELS.get(main, OTHER)
