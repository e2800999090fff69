"""How footfall says times, paces and lengths out loud, and how long saying takes.

Every cue is both shown and spoken, so numbers are written the way espeak-ng reads
them well: "9 and a half" rather than "9:30" (which it reads "nine thirty"), "percent"
rather than "%". :func:`spoken_seconds` estimates a cue's spoken length from its words
and the speaking rate; the timeline places cues with it, so the estimate leans long
(the audio tests check it against the real samples).
"""

from __future__ import annotations

import re

from footfall.evidence import MILE_M
from footfall.settings import Units

KM_PER_MILE = MILE_M / 1000.0
UNIT_WORDS: dict[Units, str] = {"mi": "mile", "km": "kilometre"}

#: Seconds each pause mark adds beyond its words at 160 words a minute (espeak-ng
#: pauses ~0.3 s at a full stop; slower speech pauses longer), and the silence
#: espeak-ng leaves around a phrase.
PAUSE_S = 0.3
LEAD_S = 0.4
#: espeak-ng speaks a little faster than its nominal rate; the estimate adds this much
#: on top so that a cue is never longer than its slot.
SAFETY = 1.15

_PAUSES = re.compile(r"[.,;:?!]")
_TOKEN = re.compile(r"[A-Za-z']+|\d+")


def say_number(value: float) -> str:
    """A number to the nearest half: ``9`` -> "9", ``9.5`` -> "9 and a half"."""
    halves = round(value * 2)
    whole, half = divmod(halves, 2)
    if not half:
        return str(whole)
    return "a half" if whole == 0 else f"{whole} and a half"


def say_minutes(minutes: float) -> str:
    """``20`` -> "20 minutes", ``2.5`` -> "2 and a half minutes", ``1`` -> "1 minute"."""
    if round(minutes * 2) == 1:
        return "half a minute"
    words = say_number(minutes)
    return f"{words} minute" if words == "1" else f"{words} minutes"


def say_duration(seconds: float) -> str:
    """A part's length: seconds under 90 s ("45 seconds"), else minutes to the half."""
    if seconds >= 89.5:
        return say_minutes(seconds / 60.0)
    whole = round(seconds)
    if whole == 60:
        return "1 minute"
    return "1 second" if whole == 1 else f"{whole} seconds"


def pace_in_units(min_per_mi: float, units: Units) -> float:
    """A pace in minutes per mile as minutes per ``units``."""
    return min_per_mi if units == "mi" else min_per_mi / KM_PER_MILE


def band_in_units(band_min_per_mi: tuple[float, float], units: Units) -> tuple[float, float]:
    """The band as spoken: each end to the nearest half minute, never collapsed to one
    value (a band narrower than half a minute is widened on its slow side)."""
    low = round(pace_in_units(band_min_per_mi[0], units) * 2) / 2
    high = round(pace_in_units(band_min_per_mi[1], units) * 2) / 2
    return low, max(high, low + 0.5)


def say_pace_band(band_min_per_mi: tuple[float, float], units: Units) -> str:
    """``(15, 17), "mi"`` -> "15 to 17 minutes per mile"; km -> "per kilometre"."""
    low, high = band_in_units(band_min_per_mi, units)
    return f"{say_number(low)} to {say_number(high)} minutes per {UNIT_WORDS[units]}"


def number_words(value: int) -> int:
    """How many words a whole number takes to say (``45`` -> 2: "forty five"), the
    British way where that is longer ("one hundred and forty five": 5)."""
    if value < 0:
        return 1 + number_words(-value)
    if value <= 20:
        return 1
    if value < 100:
        return 1 if value % 10 == 0 else 2
    if value < 1000:
        rest = value % 100
        return 2 + (1 + number_words(rest) if rest else 0)
    thousands, rest = divmod(value, 1000)
    return number_words(thousands) + 1 + (1 + number_words(rest) if rest else 0)


def spoken_words(text: str) -> int:
    """Words as spoken: numbers count as the words that say them."""
    return sum(number_words(int(token)) if token.isdigit() else 1 for token in _TOKEN.findall(text))


def spoken_seconds(text: str, words_per_minute: int) -> float:
    """A generous estimate of how long espeak-ng takes to say ``text``."""
    words = spoken_words(text) * 60.0 / words_per_minute
    pauses = len(_PAUSES.findall(text.rstrip(".?! "))) * PAUSE_S * 160.0 / words_per_minute
    return words * SAFETY + pauses + LEAD_S
