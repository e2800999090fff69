"""Values the tests share (importable from any test folder)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from footfall.store.database import Store, open_store

#: The last day of the demo runner the tests write.
DEMO_END = dt.date(2026, 3, 22)

#: The plan file of SPEC §4, word for word.
SPEC_PLAN = """\
athlete:
  mass_kg: 68
  height_cm: 172
  units: mi                 # mi | km
  step_floor: 8000
  walking_attitude: keen    # keen | neutral | reluctant (reluctant turns on R5)
  baseline_steps: 3500      # steps on a day without sessions; omit to learn it from history
week_start: 2026-12-07
sessions:                   # the running plan as the runner or coach wrote it
  - {date: 2026-12-07, type: easy, minutes: 30}
  - {date: 2026-12-09, type: workout, minutes: 50}
  - {date: 2026-12-10, type: easy, distance: 4}
  - {date: 2026-12-13, type: long, distance: 20}
options:
  swap_easy_runs: 1         # R3: how many easy runs become walks
  swap_mode: equivalent     # equivalent (3x) | time_on_feet
  two_a_day: [2026-12-09]   # R2
  finisher_s_per_mile: 45   # R1, within 30..60
"""


@contextmanager
def store_copy(db: Path, copy: Path) -> Iterator[Store]:
    """An open store over a copy of the SQLite store ``db`` that a test may change."""
    with sqlite3.connect(db) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    store = open_store(str(copy))
    try:
        yield store
    finally:
        store.close()
