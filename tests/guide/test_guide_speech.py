"""espeak-ng turns cue text into samples; footfall's length estimate never undercuts it."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from footfall.errors import UsageError
from footfall.guide import STYLE_NAMES, STYLES, PastWalks, build_timeline, render_audio
from footfall.guide.speech import MISSING, speak, speak_all
from footfall.guide.words import spoken_seconds
from footfall.settings import UNITS


@pytest.mark.usefixtures("espeak")
def test_it_speaks_a_cue_as_mono_16_bit_samples() -> None:
    said = speak("Eyes up: look well ahead, not down at your feet.")
    assert said.rate_hz == 22_050
    assert said.samples.dtype == np.int16
    assert 2.0 < said.seconds < 5.0  # 10 words at 160 a minute: about 3.75 s
    assert np.abs(said.samples).max() > 5_000


@pytest.mark.usefixtures("espeak")
def test_it_gives_the_samples_at_the_asked_rate() -> None:
    text = "Stand tall."
    native, at_16k = speak(text), speak(text, rate_hz=16_000)
    assert at_16k.rate_hz == 16_000
    assert len(at_16k.samples) == round(len(native.samples) * 16_000 / 22_050)
    assert at_16k.seconds == pytest.approx(native.seconds, abs=1e-3)


@pytest.mark.usefixtures("espeak")
def test_slower_speech_takes_longer() -> None:
    text = "Squeeze your glutes as you push off behind you."
    slow, fast = speak(text, words_per_minute=100), speak(text, words_per_minute=250)
    assert slow.seconds > 1.8 * fast.seconds


@pytest.mark.usefixtures("espeak")
def test_it_renders_each_distinct_text_once_and_reports_progress() -> None:
    calls: list[tuple[int, int]] = []
    said = speak_all(["Walk now.", "Run now.", "Walk now."], progress=lambda *c: calls.append(c))
    assert set(said) == {"Walk now.", "Run now."}
    assert calls == [(1, 2), (2, 2)]


@pytest.mark.usefixtures("espeak")
def test_it_names_a_voice_espeak_ng_does_not_have() -> None:
    with pytest.raises(UsageError, match="espeak-ng failed with voice 'xx-nope'"):
        speak("Stand tall.", voice="xx-nope")


def test_it_says_how_to_install_espeak_ng_when_it_is_missing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(UsageError) as caught:
        speak("Stand tall.")
    assert str(caught.value) == "espeak-ng is not installed: apt-get install espeak-ng" == MISSING
    out = tmp_path / "walk.wav"
    with pytest.raises(UsageError, match="espeak-ng is not installed"):
        render_audio(build_timeline(3, "brisk"), out)
    assert list(tmp_path.iterdir()) == []


def every_cue_text() -> set[str]:
    """What the styles say, in both units, with and without a past, across seeds."""
    past = PastWalks(last_minutes=137.5, last_style="brisk", last_brisk_share=0.62,
                     walks_last_4_weeks=17)  # fmt: skip
    texts: set[str] = set()
    for style in STYLE_NAMES:
        for minutes in (3, 20, STYLES[style].max_minutes):
            for seed, units in enumerate(UNITS):
                incline = 7.5 if style == "hike" and seed else None
                walk = build_timeline(minutes, style, units=units, seed=seed, past=past,
                                      incline_pct=incline, intervals=(2, 1))  # fmt: skip
                texts |= {cue.text for cue in walk.cues}
    return texts


@pytest.mark.usefixtures("espeak")
@pytest.mark.parametrize(
    ("voice", "words_per_minute"), [("en-us", 100), ("en-us", 160), ("en-us", 300), ("en-gb", 160)]
)
def test_the_spoken_length_estimate_is_never_shorter_than_espeak_ng(
    voice: str, words_per_minute: int
) -> None:
    texts = every_cue_text()
    said = speak_all(texts, voice=voice, words_per_minute=words_per_minute)
    assert len(texts) > 80
    for text in texts:
        assert said[text].seconds <= spoken_seconds(text, words_per_minute), text
