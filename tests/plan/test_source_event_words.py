"""How a calendar event's words become a session: its type, whether it is a run at all,
and its minutes and distance."""

from __future__ import annotations

import pytest

from footfall.evidence import MILE_M
from footfall.plan.sources.event_words import amounts_in, is_run, session_type_in


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Easy run", "easy"),
        ("Morning jog", "easy"),
        ("Recovery run 25 min", "recovery"),
        ("Shake-out", "recovery"),
        ("Long run - 20 mi", "long"),
        ("LSD 2 hours", "long"),
        ("Tempo 40 min", "workout"),
        ("Threshold intervals", "workout"),
        ("6 x 800m @ 5k pace", "workout"),
        ("Marathon pace 8 mi", "workout"),
        ("Hill repeats", "workout"),
        ("Berlin Marathon", "race"),
        ("parkrun", "race"),
        ("10k race", "race"),
        ("Rest day", "rest"),
        ("Day off", "rest"),
        ("Run", None),
        ("Dentist", None),
    ],
)
def test_the_session_type_is_read_from_the_words(text: str, kind: str | None) -> None:
    assert session_type_in(text) == kind


@pytest.mark.parametrize(
    ("text", "run"),
    [
        ("Run 5 mi", True),
        ("Tempo", True),
        ("Easy run + strength", True),
        ("Easy spin", False),
        ("Long ride", False),
        ("Yoga", False),
        ("Team meeting", False),
        ("Rest day", True),
    ],
)
def test_only_runs_and_rest_days_are_sessions(text: str, run: bool) -> None:
    assert is_run(text) is run


@pytest.mark.parametrize(
    ("text", "minutes", "distance_m"),
    [
        ("Easy run 30 min", 30.0, None),
        ("Easy 45 mins", 45.0, None),
        ("recovery jog 25'", 25.0, None),
        ("Long run 2 hours", 120.0, None),
        ("1h15 easy", 75.0, None),
        ("1 hr 30 min long", 90.0, None),
        ("Easy 1:15", 75.0, None),
        ("Intervals: 15 min w/u, 6 x 3 min, 10 min c/d", 43.0, None),
        ("3x10min tempo", 30.0, None),
        ("Long run 20 mi", None, 20 * MILE_M),
        ("Easy 5.5 km", None, 5500.0),
        ("Easy 5,5 km", None, 5500.0),
        ("6 x 800m @ 5k pace", None, 4800.0),
        ("Tempo @ 7:30/mi, 40 min", 40.0, None),
        ("Tempo 5 mi @ 7:10 per mile", None, 5 * MILE_M),
        ("Run at 7:00 am, easy 30 min", 30.0, None),
        ("Half marathon race", None, 21_097.5),
        ("Valencia Marathon", None, 42_195.0),
        ("Saturday parkrun", None, 5000.0),
        ("Easy run", None, None),
    ],
)
def test_amounts_are_summed_from_the_words(
    text: str, minutes: float | None, distance_m: float | None
) -> None:
    found = amounts_in(text)
    assert found.minutes == minutes
    assert found.distance_m == (None if distance_m is None else pytest.approx(distance_m))
