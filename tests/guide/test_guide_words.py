"""How footfall says numbers, lengths and paces, and how long it expects saying takes."""

from __future__ import annotations

import pytest

from footfall.guide.words import (
    band_in_units,
    number_words,
    say_duration,
    say_minutes,
    say_number,
    say_pace_band,
    spoken_seconds,
    spoken_words,
)


@pytest.mark.parametrize(
    ("value", "said"), [(9, "9"), (9.5, "9 and a half"), (9.3, "9 and a half"), (0.5, "a half")]
)
def test_it_says_numbers_to_the_half(value: float, said: str) -> None:
    assert say_number(value) == said


@pytest.mark.parametrize(
    ("minutes", "said"),
    [(1, "1 minute"), (20, "20 minutes"), (22.5, "22 and a half minutes"), (0.5, "half a minute")],
)
def test_it_says_minutes(minutes: float, said: str) -> None:
    assert say_minutes(minutes) == said


@pytest.mark.parametrize(
    ("seconds", "said"),
    [(18, "18 seconds"), (60, "1 minute"), (72, "72 seconds"), (90, "1 and a half minutes"),
     (300, "5 minutes")],
)  # fmt: skip
def test_it_says_a_parts_length_in_seconds_or_minutes(seconds: float, said: str) -> None:
    assert say_duration(seconds) == said


def test_a_band_in_kilometres_is_the_mile_band_divided_by_1_609() -> None:
    low, high = band_in_units((15.0, 24.0), "km")
    assert low == pytest.approx(15 / 1.609344, abs=0.25)
    assert high == pytest.approx(24 / 1.609344, abs=0.25)
    assert say_pace_band((15.0, 24.0), "km") == "9 and a half to 15 minutes per kilometre"


def test_a_band_narrower_than_half_a_minute_is_never_said_as_one_pace() -> None:
    assert band_in_units((16.1, 16.2), "mi") == (16.0, 16.5)


@pytest.mark.parametrize(("value", "words"), [(7, 1), (20, 1), (45, 2), (60, 1), (100, 2),
                                              (145, 5), (2026, 5)])  # fmt: skip
def test_it_counts_the_words_that_say_a_number(value: int, words: int) -> None:
    assert number_words(value) == words


def test_numbers_count_as_their_spoken_words() -> None:
    assert spoken_words("Walk 45 seconds.") == 4


def test_the_spoken_length_grows_with_words_and_shrinks_with_the_rate() -> None:
    short, long_ = "Eyes up.", "Eyes up: look well ahead, not down at your feet."
    assert spoken_seconds(long_, 160) > spoken_seconds(short, 160)
    assert spoken_seconds(long_, 100) > spoken_seconds(long_, 160) > spoken_seconds(long_, 300)
    # 10 words at 160 a minute is 3.75 s of words, before pauses and the safety margin
    assert 3.75 < spoken_seconds(long_, 160) < 6.0
