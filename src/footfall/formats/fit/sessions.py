"""FIT sessions -> :class:`footfall.activity.Activity`, one per session.

A multisport file has several sessions (swim, transition, bike...); each becomes an
activity with the records from its start up to the next session's start. A file
with records but no session still gives one activity from its records.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from footfall.activity import Activity, Lap, Samples, Totals
from footfall.formats.fit.enums import SPORT as SPORT_NAMES
from footfall.formats.fit.enums import SUB_SPORT as SUB_SPORT_NAMES
from footfall.formats.fit.profile import ACTIVITY, FIT_EPOCH_S, LAP, SESSION, SPORT, Message
from footfall.formats.fit.table import FloatArray, Messages, Table

MAX_UTC_OFFSET_S = 18 * 3600
GLITCH_MARGIN_S = 2 * 86400.0
GENERIC = 0


@dataclass(frozen=True, slots=True)
class Recording:
    """What a FIT part says about the recording as a whole."""

    samples: Samples
    device: str
    utc_offset_s: int | None


def activities(messages: Messages, recording: Recording) -> list[Activity]:
    """One activity per session (records split by session start), else one from the
    records; an empty list when the part has neither."""
    sessions = _summaries(messages, SESSION)
    laps = _laps(messages)
    if not sessions:
        if not len(recording.samples):
            return []
        start = float(recording.samples.time_s[0])
        return [_activity(recording, recording.samples, start, _fallback_label(messages), laps)]
    sessions.sort(key=lambda s: s.start_s)
    starts = np.array([s.start_s for s in sessions])
    inside = recording.samples.take(_within(sessions, recording.samples.time_s))
    recording = Recording(inside, recording.device, recording.utc_offset_s)
    owner = _owners(starts, recording.samples.time_s)
    lap_owner = _owners(starts, np.array([lap.start_s for lap in laps]))
    found = []
    for k, session in enumerate(sessions):
        samples = recording.samples.take(owner == k)
        own_laps = tuple(lap for lap, o in zip(laps, lap_owner.tolist(), strict=True) if o == k)
        found.append(
            _activity(
                recording, samples, session.start_s, session.label, own_laps, totals=session.totals
            )
        )
    return found


@dataclass(frozen=True, slots=True)
class _Summary:
    start_s: float
    end_s: float  # NaN when the session gives neither duration nor end time
    label: str
    totals: Totals


def _within(sessions: list[_Summary], times: FloatArray) -> NDArray[np.bool_]:
    """Records inside the sessions' time span (with two days to spare each side).

    A record far outside every session is a clock glitch, not part of the activity:
    gc__2013-04-11-17-32-50.fit has 14 records dated 26 months after the ride, in
    the middle of it. They are dropped rather than sorted to the end.
    """
    low = sessions[0].start_s - GLITCH_MARGIN_S
    ends = np.array([s.end_s for s in sessions])
    high = float(np.max(ends)) + GLITCH_MARGIN_S if np.isfinite(ends).all() else np.inf
    inside: NDArray[np.bool_] = (times >= low) & (times <= high)
    return inside


def _owners(starts: FloatArray, times: FloatArray) -> NDArray[np.intp]:
    """Index of the session each time falls in (times before the first go to it)."""
    return np.maximum(np.searchsorted(starts, times, side="right") - 1, 0)


def _summaries(messages: Messages, message: Message) -> list[_Summary]:
    table = messages.table(message.num)
    starts = _starts(messages, table, message)
    labels = _labels(table, message)
    elapsed = table.values(message["total_elapsed_time"])
    ends = np.fmax(starts + elapsed, messages.times(table) + FIT_EPOCH_S)
    timer = table.values(message["total_timer_time"])
    distance = table.values(message["total_distance"])
    cycles = table.values(message["total_cycles"])
    calories = table.values(message["total_calories"])
    summaries = []
    for i in np.flatnonzero(np.isfinite(starts)).tolist():
        totals = Totals(
            elapsed_s=float(elapsed[i]),
            timer_s=float(timer[i]),
            distance_m=float(distance[i]),
            cycles=float(cycles[i]),
            calories_kcal=float(calories[i]),
        )
        summaries.append(_Summary(float(starts[i]), float(ends[i]), labels[i], totals))
    return summaries


def _starts(messages: Messages, table: Table, message: Message) -> FloatArray:
    """Unix start of each summary: start_time, else its end timestamp minus elapsed."""
    start = table.raw(message["start_time"].num)
    end = messages.times(table) - table.values(message["total_elapsed_time"])
    return np.where(np.isfinite(start), start, end) + FIT_EPOCH_S


def _laps(messages: Messages) -> tuple[Lap, ...]:
    table = messages.table(LAP.num)
    starts = _starts(messages, table, LAP)
    columns = [
        table.values(LAP[name])
        for name in ("total_elapsed_time", "total_timer_time", "total_distance", "total_cycles")
    ]
    laps = [
        Lap(float(starts[i]), *(float(c[i]) for c in columns))
        for i in np.flatnonzero(np.isfinite(starts)).tolist()
    ]
    return tuple(sorted(laps, key=lambda lap: lap.start_s))


def _labels(table: Table, message: Message) -> list[str]:
    sports = table.raw(message["sport"].num).tolist()
    subs = table.raw(message["sub_sport"].num).tolist()
    return [sport_label(s, u) for s, u in zip(sports, subs, strict=True)]


def sport_label(sport: float, sub_sport: float) -> str:
    """``running``, ``running/treadmill``; "" when the sport is not given."""
    if not math.isfinite(sport):
        return ""
    label = SPORT_NAMES.get(int(sport), str(int(sport)))
    if math.isfinite(sub_sport) and int(sub_sport) != GENERIC:
        label += "/" + SUB_SPORT_NAMES.get(int(sub_sport), str(int(sub_sport)))
    return label


def _fallback_label(messages: Messages) -> str:
    """A session-less file's label: its sport message, else its first lap's sport."""
    for message in (SPORT, LAP):
        table = messages.table(message.num)
        labels = [label for label in _labels(table, message) if label] if len(table) else []
        if labels:
            return labels[0]
    return ""


def utc_offset(messages: Messages) -> int | None:
    """The activity message's local_timestamp minus its timestamp, rounded to 15
    minutes (every time zone is a whole number of quarter hours); None if absent."""
    table = messages.table(ACTIVITY.num)
    offsets = table.raw(ACTIVITY["local_timestamp"].num) - messages.times(table)
    offsets = offsets[np.isfinite(offsets) & (np.abs(offsets) <= MAX_UTC_OFFSET_S)]
    if not len(offsets):
        return None
    return round(float(offsets[0]) / 900.0) * 900


def _activity(
    recording: Recording,
    samples: Samples,
    start_s: float,
    label: str,
    laps: tuple[Lap, ...],
    *,
    totals: Totals | None = None,
) -> Activity:
    return Activity(
        samples=samples,
        start_s=start_s,
        source_sport=label,
        device=recording.device,
        laps=laps,
        totals=totals or Totals(),
        utc_offset_s=recording.utc_offset_s,
    )
