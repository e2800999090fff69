"""Resampling speech to the walk's sample rate keeps what is said and adds no aliases."""

from __future__ import annotations

import numpy as np
import pytest

from footfall.guide.resample import resample


def tone(hz: float, seconds: float, rate: int) -> np.ndarray:
    t = np.arange(round(seconds * rate)) / rate
    return (10_000 * np.sin(2 * np.pi * hz * t)).astype(np.int16)


def peak_hz(samples: np.ndarray, rate: int) -> float:
    spectrum = np.abs(np.fft.rfft(samples * np.hanning(len(samples))))
    return float(np.argmax(spectrum) * rate / len(samples))


@pytest.mark.parametrize(("from_hz", "to_hz"), [(22_050, 16_000), (22_050, 8_000),
                                                (22_050, 44_100), (22_050, 48_000)])  # fmt: skip
def test_a_tone_keeps_its_pitch_loudness_and_length(from_hz: int, to_hz: int) -> None:
    out = resample(tone(440, 1.0, from_hz), from_hz, to_hz)
    assert len(out) == to_hz
    assert peak_hz(out, to_hz) == pytest.approx(440, abs=2)
    assert out.std() == pytest.approx(10_000 / np.sqrt(2), rel=0.01)


def test_a_tone_above_the_new_nyquist_is_filtered_not_folded_back() -> None:
    out = resample(tone(9_000, 1.0, 22_050), 22_050, 16_000)  # would alias to 7 kHz
    assert out.std() < 0.01 * 10_000


def test_the_same_rate_returns_the_samples_untouched() -> None:
    samples = tone(440, 0.1, 16_000)
    assert resample(samples, 16_000, 16_000) is samples


def test_an_empty_clip_stays_empty() -> None:
    assert len(resample(np.zeros(0, dtype=np.int16), 22_050, 16_000)) == 0
