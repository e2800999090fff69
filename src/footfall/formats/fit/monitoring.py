"""Daily steps from a Garmin monitoring FIT file (``file_id.type`` monitoring_a/b,
monitoring_daily), as :class:`footfall.activity.DaySteps` per local day.

How the counts are kept (corpus fitparse__MonitoringFile.fit, a vivofit day):

- ``monitoring.cycles`` is a counter that grows through the day, one counter per
  ``activity_type``; for walking and running its subfield ``steps`` is whole steps
  (``cycles`` itself has scale 2, so reading it as cycles would halve them).
- ``activity_type`` is a field of its own or the low five bits of
  ``current_activity_type_intensity``.
- Most messages carry only ``timestamp_16``, the low 16 bits of their time, read
  against the time before them (see ``timeline.py``).
- The counters restart at local midnight: the first reading after midnight is
  small, and the 24-hour summary stamped at the next midnight equals the day's last
  reading. ``monitoring_info.local_timestamp - timestamp`` gives the local offset.

So a day's steps are the counter's growth within it: a reading counts in full when
it is the first of its day or the counter went down (it restarted), otherwise by
its increase over the reading before. A reading stamped exactly at midnight closes
the day before it (it counts what happened up to that instant).
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from footfall.activity import DaySteps
from footfall.formats.fit.profile import FIT_EPOCH_S, MONITORING, MONITORING_INFO
from footfall.formats.fit.table import TIMESTAMP, FloatArray, Messages, Table
from footfall.formats.fit.timeline import resolve_rolling

STEP_TYPES = (1, 6)  # activity_type running, walking: cycles are steps
DAY_S = 86400
_UNIX_DAY0 = dt.date(1970, 1, 1)


def day_steps(messages: Messages, device: str) -> list[DaySteps]:
    """Steps per local day; an empty list when the file has no step counts."""
    table = messages.table(MONITORING.num)
    if not len(table):
        return []
    times = _times(messages, table)
    local_day = np.floor((times + FIT_EPOCH_S + _local_offsets(messages, table) - 1) / DAY_S)
    kind = _activity_types(table)
    count = table.raw(MONITORING["steps"].num)
    totals: dict[int, int] = {}
    for step_type in STEP_TYPES:
        chosen = (kind == step_type) & np.isfinite(count) & np.isfinite(local_day)
        _add_growth(totals, local_day[chosen], count[chosen], times[chosen])
    source = f"fit_monitoring:{device}" if device else "fit_monitoring"
    return [
        DaySteps(_UNIX_DAY0 + dt.timedelta(days=day), steps, source)
        for day, steps in sorted(totals.items())
    ]


def _add_growth(
    totals: dict[int, int], day: FloatArray, count: FloatArray, times: FloatArray
) -> None:
    """Add one counter's growth per day into ``totals``."""
    if not len(count):
        return
    order = np.argsort(times, kind="stable")
    day, count = day[order], count[order]
    previous = np.concatenate([[np.nan], count[:-1]])
    fresh = np.concatenate([[True], day[1:] != day[:-1]]) | (count < previous)
    growth = np.where(fresh, count, count - previous)
    for number, steps in zip(day.astype(np.int64).tolist(), growth.tolist(), strict=True):
        totals[number] = totals.get(number, 0) + int(steps)


def _times(messages: Messages, table: Table) -> FloatArray:
    """Each message's FIT time: its timestamp, else its timestamp_16 read against the
    monitoring stream's full times (monitoring and monitoring_info messages)."""
    full = table.raw(TIMESTAMP)
    short = table.raw(MONITORING["timestamp_16"].num)
    info = messages.table(MONITORING_INFO.num)
    has_full = np.isfinite(full)
    need = ~has_full & np.isfinite(short)
    resolved = resolve_rolling(
        np.concatenate([table.positions[has_full], info.positions]),
        np.concatenate([full[has_full], info.raw(TIMESTAMP)]),
        table.positions[need],
        short[need].astype(np.int64),
        16,
    )
    times = full.copy()
    times[need] = resolved
    return times


def _local_offsets(messages: Messages, table: Table) -> FloatArray:
    """Per message, the local offset of the monitoring_info before it (the first one
    for messages before any); 0 (UTC) when the file has none."""
    info = messages.table(MONITORING_INFO.num)
    offsets = info.raw(MONITORING_INFO["local_timestamp"].num) - info.raw(TIMESTAMP)
    known = np.isfinite(offsets)
    if not known.any():
        return np.zeros(len(table))
    positions, offsets = info.positions[known], offsets[known]
    latest = np.maximum(np.searchsorted(positions, table.positions, side="right") - 1, 0)
    chosen: FloatArray = offsets[latest]
    return chosen


def _activity_types(table: Table) -> FloatArray:
    kind = table.raw(MONITORING["activity_type"].num)
    rows, present = table.byte_rows(MONITORING["current_activity_type_intensity"].num, 1)
    packed = np.where(present & (rows[:, 0] != 0xFF), rows[:, 0] & 0x1F, np.nan)
    return np.where(np.isfinite(kind), kind, packed)
