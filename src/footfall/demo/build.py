"""Write the demo runner's six weeks as real files: FIT, GPX, TCX and a steps CSV.

``write_demo(folder, end=..., seed=...)`` is deterministic: the same arguments give
byte-identical files (every random draw comes from ``numpy.random.default_rng``
seeded by ``seed`` and the activity's number; nothing reads the clock).
"""

from __future__ import annotations

import datetime as dt
import gzip
from pathlib import Path

import numpy as np

from footfall.demo.planned import PlannedActivity
from footfall.demo.runner import DAYS, demo_schedule
from footfall.demo.steps import daily_steps, steps_csv
from footfall.demo.tracks import Track, build_track, recorded_points
from footfall.demo.write_fit import fit_bytes
from footfall.demo.write_gpx import gpx_bytes
from footfall.demo.write_tcx import tcx_bytes

STEPS_FILE = "daily_steps.csv"


def demo_tracks(schedule: list[PlannedActivity], seed: int = 7) -> list[Track]:
    """The 1 Hz streams of every planned activity (activity ``n`` draws from
    ``default_rng([seed, n])``, so one activity's noise never shifts another's)."""
    return [
        build_track(plan, np.random.default_rng([seed, number]))
        for number, plan in enumerate(schedule)
    ]


def activity_bytes(track: Track, rng: np.random.Generator) -> bytes:
    """The file content of one activity in its planned format (1 Hz for FIT, every
    1–5 s for GPX and TCX), gzipped when the plan says so."""
    if track.plan.format == "fit":
        data = fit_bytes(track)
    else:
        points = recorded_points(len(track), rng)
        data = gpx_bytes(track, points) if track.plan.format == "gpx" else tcx_bytes(track, points)
    return gzip.compress(data, mtime=0) if track.plan.gzipped else data


def write_demo(folder: Path, *, end: dt.date, seed: int = 7) -> list[Path]:
    """Write 42 days of the demo runner ending on ``end`` into ``folder``: one file per
    activity plus ``daily_steps.csv``. Returns the paths written, activities in start
    order, the steps file last."""
    schedule = demo_schedule(end, seed)
    tracks = demo_tracks(schedule, seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for number, track in enumerate(tracks):
        path = folder / track.plan.file_name
        path.write_bytes(activity_bytes(track, np.random.default_rng([seed, number, 1])))
        paths.append(path)
    first = end - dt.timedelta(days=DAYS - 1)
    totals = daily_steps(tracks, first, end, np.random.default_rng([seed, DAYS]))
    steps_path = folder / STEPS_FILE
    steps_path.write_bytes(steps_csv(totals))
    paths.append(steps_path)
    return paths
