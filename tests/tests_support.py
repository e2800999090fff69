"""Values the tests share (importable from any test folder)."""

from __future__ import annotations

import datetime as dt

#: The last day of the demo runner the tests write.
DEMO_END = dt.date(2026, 3, 22)
