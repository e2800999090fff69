"""Reading a rendered walk back, as a listener would: where is there sound?

The audio is read from the file (WAV with the standard library, other formats with
soundfile) in blocks, cut into short frames, and a frame is "sound" when its RMS level
is above :data:`SOUND_RMS`. Runs of sound frames separated by less than
:data:`JOIN_GAP_S` of quiet (the pauses inside one spoken cue) form one stretch.
"""

from __future__ import annotations

import wave
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

FRAME_S = 0.02
#: int16 RMS of a frame that counts as sound (about -50 dBFS; silence is 0).
SOUND_RMS = 100.0
#: Quiet shorter than this joins two runs of sound into one stretch. espeak-ng pauses
#: about 0.35 s at a full stop; cues are at least 1.5 s apart.
JOIN_GAP_S = 0.8
BLOCK_S = 60


@dataclass(frozen=True)
class Audio:
    rate_hz: int
    frames: int

    @property
    def seconds(self) -> float:
        return self.frames / self.rate_hz


@dataclass(frozen=True)
class Stretch:
    start_s: float
    end_s: float


def wav_info(path: Path) -> Audio:
    with wave.open(str(path)) as reader:
        assert reader.getnchannels() == 1
        assert reader.getsampwidth() == 2
        return Audio(reader.getframerate(), reader.getnframes())


def wav_blocks(path: Path) -> Iterator[NDArray[np.int16]]:
    with wave.open(str(path)) as reader:
        block = BLOCK_S * reader.getframerate()
        while data := reader.readframes(block):
            yield np.frombuffer(data, dtype="<i2")


def soundfile_blocks(path: Path) -> Iterator[NDArray[np.int16]]:
    import soundfile  # type: ignore[import-untyped]  # noqa: PLC0415

    rate = soundfile.info(str(path)).samplerate
    yield from soundfile.blocks(str(path), blocksize=BLOCK_S * rate, dtype="int16")


def sound_stretches(blocks: Iterator[NDArray[np.int16]], rate_hz: int) -> list[Stretch]:
    """The stretches of sound in the samples, in seconds from the start."""
    frame = round(FRAME_S * rate_hz)
    loud = _loud_frames(blocks, frame)
    edges = np.flatnonzero(np.diff(np.concatenate([[0], loud.astype(np.int8), [0]])))
    runs = [(int(a), int(b)) for a, b in zip(edges[::2], edges[1::2], strict=True)]
    joined: list[list[int]] = []
    for start, end in runs:
        if joined and (start - joined[-1][1]) * FRAME_S < JOIN_GAP_S:
            joined[-1][1] = end
        else:
            joined.append([start, end])
    return [Stretch(a * frame / rate_hz, b * frame / rate_hz) for a, b in joined]


def _loud_frames(blocks: Iterator[NDArray[np.int16]], frame: int) -> NDArray[np.bool_]:
    flags: list[NDArray[np.bool_]] = []
    carry = np.zeros(0, dtype=np.int16)
    for block in blocks:
        samples = np.concatenate([carry, block.reshape(-1)])
        whole = len(samples) // frame * frame
        framed = samples[:whole].astype(np.float64).reshape(-1, frame)
        flags.append(np.sqrt((framed**2).mean(axis=1)) > SOUND_RMS)
        carry = samples[whole:]
    return np.concatenate(flags) if flags else np.zeros(0, dtype=bool)
