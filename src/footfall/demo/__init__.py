"""The demo runner: six realistic weeks of one runner's files, generated from a seed.

``write_demo(folder, end=date, seed=7)`` writes them; ``demo_schedule(end, seed)`` is the
plan behind them as plain data (kind, start, minutes, distance, format of each
activity), for tests and for the planner's demo.
"""

from __future__ import annotations

from footfall.demo.build import STEPS_FILE, demo_tracks, write_demo
from footfall.demo.places import CITY, TIME_ZONE
from footfall.demo.planned import PlannedActivity, Segment
from footfall.demo.runner import DAYS, HEIGHT_CM, MASS_KG, demo_schedule

__all__ = [
    "CITY",
    "DAYS",
    "HEIGHT_CM",
    "MASS_KG",
    "STEPS_FILE",
    "TIME_ZONE",
    "PlannedActivity",
    "Segment",
    "demo_schedule",
    "demo_tracks",
    "write_demo",
]
