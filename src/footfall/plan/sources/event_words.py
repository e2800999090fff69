"""What a calendar event's words say about a run: which session, and how much of it.

Calendar events are written by people ("Easy run 30 min", "Long run - 20 mi",
"Intervals: 15 min w/u, 6 x 3 min, 10 min c/d", "Berlin Marathon"), so this is a
reader of phrases, deliberately small and documented:

- **Type.** The first family that matches wins, in this order: race ("race",
  "parkrun", "marathon" - but "race pace" and "marathon pace" are workouts), long,
  workout (workout, intervals, tempo, threshold, fartlek, repeats, hill repeats, track,
  speed, progression, race/marathon pace, VO2, or repetitions such as "6 x 800 m"),
  recovery (recovery, shakeout), easy (easy, base, aerobic, jog), rest (rest, day off).
  "run" or "jog" alone is easy.
- **Is it a run?** An event is a run when it says run or jog, or names a session type
  and no other sport ("Easy spin", "Long ride", "Yoga" are not runs).
- **Amounts.** Every time ("30 min", "1 h 15", "1:15", "2 hours") and every distance
  ("20 mi", "10 km", "10k", "800 m") in the text, summed, with "6 x 800 m" counting six
  times: structured workouts list their parts. A figure followed by "pace", "effort"
  or "/" is a pace, not an amount ("tempo @ 7:30/mi", "5k pace"); a clock after "at" or
  with am/pm is a time of day. Without a figure, "half marathon", "marathon" and
  "parkrun" give their distances.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from footfall.evidence import MILE_M
from footfall.plan.model import SessionType

_F = re.IGNORECASE
_NOT_PACE = r"(?!\s*(?:pace|effort|/|per\b))"

TYPE_PATTERNS: tuple[tuple[SessionType, re.Pattern[str]], ...] = (
    ("race", re.compile(rf"\b(?:race|parkrun|(?:half[\s-]*)?marathon)\b{_NOT_PACE}", _F)),
    ("long", re.compile(r"\b(?:long|lsd)\b", _F)),
    (
        "workout",
        re.compile(
            r"\b(?:workouts?|intervals?|tempo|threshold|fartlek|repeats|reps|hill\s+repeats"
            r"|hills|track|speed(?:work)?|progression|(?:race|marathon)\s+pace|vo2(?:\s?max)?)\b"
            r"|\b\d{1,2}\s*[x×]\s*\d",
            _F,
        ),
    ),
    ("recovery", re.compile(r"\b(?:recovery|shake[\s-]?out)\b", _F)),
    ("easy", re.compile(r"\b(?:easy|base|aerobic|jog|jogging)\b", _F)),
    ("rest", re.compile(r"\b(?:rest(?:\s+day)?|day\s+off)\b", _F)),
)
RUN_WORDS = re.compile(r"\b(?:run|runs|running|jog|jogging)\b", _F)
OTHER_SPORTS = re.compile(
    r"\b(?:bike|biking|ride|cycling|cycle|spin|swim|swimming|yoga|pilates|gym|strength"
    r"|weights|lifting|row|rowing|ski|skiing|elliptical|crossfit|climbing|hike|walk|walking)\b",
    _F,
)

_REPS = r"(?:(?P<reps>\d{1,2})\s*[x×]\s*)?"
_NUMBER = r"(?P<n>\d+(?:[.,]\d+)?)"
_HOURS = re.compile(
    rf"{_REPS}{_NUMBER}\s*(?:hours?|hrs?|h)(?![a-z])"
    r"(?:\s*(?P<m>[0-5]?\d)\s*(?:minutes?|mins?|m)?(?![a-z]))?",
    _F,
)
_MINUTES = re.compile(rf"{_REPS}{_NUMBER}\s*(?:min|mins|minutes?|['′])(?!\w){_NOT_PACE}", _F)
_CLOCK = re.compile(
    rf"(?<!\bat\s)(?<![@\d:]){_REPS}\b(?P<h>\d{{1,2}}):(?P<mm>[0-5]\d)(?::(?P<ss>[0-5]\d))?\b"
    rf"(?!\s*(?:am|pm|/|pace|per\b)|:)",
    _F,
)
_DISTANCE = re.compile(
    rf"{_REPS}{_NUMBER}\s*(?P<unit>miles?|mi|kms?|kilomet(?:er|re)s?|k|m|met(?:er|re)s?)\b"
    rf"{_NOT_PACE}",
    _F,
)
_METRES_PER: dict[str, float] = {"mi": MILE_M, "k": 1000.0, "m": 1.0}
NAMED_DISTANCES_M: tuple[tuple[re.Pattern[str], float], ...] = (
    (re.compile(rf"\bhalf[\s-]*marathon\b{_NOT_PACE}", _F), 21_097.5),
    (re.compile(rf"\bmarathon\b{_NOT_PACE}", _F), 42_195.0),
    (re.compile(r"\bparkrun\b", _F), 5_000.0),
)


@dataclass(frozen=True, slots=True)
class Amounts:
    """What a text says about a session's size (None: it does not say)."""

    minutes: float | None = None
    distance_m: float | None = None

    def __bool__(self) -> bool:
        return self.minutes is not None or self.distance_m is not None


def session_type_in(text: str) -> SessionType | None:
    """The session type ``text`` names, by the order above, or None."""
    for kind, pattern in TYPE_PATTERNS:
        if pattern.search(text):
            return kind
    return None


def is_run(text: str) -> bool:
    """Whether an event with this text is one of the runner's sessions (or a rest day)."""
    if RUN_WORDS.search(text):
        return True
    return session_type_in(text) is not None and not OTHER_SPORTS.search(text)


def amounts_in(text: str) -> Amounts:
    """The minutes and metres ``text`` gives, summed over its parts."""
    minutes = _sum_minutes(text)
    distance = _sum_distance(text)
    if distance is None:
        distance = next((m for p, m in NAMED_DISTANCES_M if p.search(text)), None)
    return Amounts(minutes, distance)


def _reps(match: re.Match[str]) -> int:
    return int(match["reps"] or 1)


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def _sum_minutes(text: str) -> float | None:
    parts: list[float] = []
    for match in _HOURS.finditer(text):
        parts.append(_reps(match) * (_number(match["n"]) * 60 + int(match["m"] or 0)))
    rest = _HOURS.sub(" ", text)
    for match in _MINUTES.finditer(rest):
        parts.append(_reps(match) * _number(match["n"]))
    for match in _CLOCK.finditer(_MINUTES.sub(" ", rest)):
        clock = int(match["h"]) * 60 + int(match["mm"]) + int(match["ss"] or 0) / 60
        parts.append(_reps(match) * clock)
    return sum(parts) if parts else None


def _sum_distance(text: str) -> float | None:
    parts = [
        _reps(match) * _number(match["n"]) * _unit_metres(match["unit"])
        for match in _DISTANCE.finditer(text)
    ]
    return sum(parts) if parts else None


def _unit_metres(unit: str) -> float:
    unit = unit.lower()
    if unit.startswith("mi"):
        return _METRES_PER["mi"]
    if unit.startswith("k"):
        return _METRES_PER["k"]
    return _METRES_PER["m"]
