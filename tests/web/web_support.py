"""What the web tests share: the demo runner's weeks, the SPEC §4 plan, and checks
that an error answer is one clear line."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tests_support import DEMO_END

#: The demo runner's last full week (Monday) and the week after it (unplanned, empty).
LAST_WEEK = DEMO_END - dt.timedelta(days=6)
NEXT_WEEK = DEMO_END + dt.timedelta(days=1)

SPEC_PLAN = """\
athlete:
  mass_kg: 68
  height_cm: 172
  units: mi
  step_floor: 8000
  walking_attitude: keen
  baseline_steps: 3500
week_start: 2026-12-07
sessions:
  - {date: 2026-12-07, type: easy, minutes: 30}
  - {date: 2026-12-09, type: workout, minutes: 50}
  - {date: 2026-12-10, type: easy, distance: 4}
  - {date: 2026-12-13, type: long, distance: 20}
options:
  swap_easy_runs: 1
  swap_mode: equivalent
  two_a_day: [2026-12-09]
  finisher_s_per_mile: 45
"""


def problem(response: Any, status: int) -> str:
    """The one-line ``detail`` of an API error answer with ``status``."""
    assert response.status_code == status, response.text
    detail: Any = response.json()["detail"]
    assert isinstance(detail, str) and detail and "\n" not in detail
    assert "Traceback" not in detail
    return detail


def sessions_of(plan: dict[str, Any]) -> list[dict[str, Any]]:
    return [session for day in plan["days"] for session in day["sessions"]]
