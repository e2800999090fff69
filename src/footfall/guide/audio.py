"""A guided walk as one audio file: silence exactly as long as the walk, each cue's
speech starting at its time.

The file is written as a stream (silence in blocks, then each cue), never held whole
in memory: a 45-minute walk at the default 16 kHz mono is 86 MB of samples. WAV is
written with the standard library; OGG (Vorbis), MP3 and FLAC through ``soundfile``
(libsndfile) when it is installed. The format follows the file's suffix. The file
appears only when complete: it is written beside its name and then moved into place.
"""

from __future__ import annotations

import os
import wave
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray

from footfall.errors import UsageError
from footfall.guide.model import Timeline
from footfall.guide.speech import speak_all

#: 16 kHz is wideband speech (telephone speech is 8 kHz): clear, and a third smaller
#: than espeak-ng's own 22,050 Hz.
SAMPLE_RATE_HZ = 16_000
RATE_LIMITS_HZ = (8_000, 48_000)
#: soundfile's (format, subtype) for each suffix it writes; WAV needs no library.
SOUNDFILE_FORMATS: dict[str, tuple[str, str]] = {
    ".ogg": ("OGG", "VORBIS"),
    ".mp3": ("MP3", "MPEG_LAYER_III"),
    ".flac": ("FLAC", "PCM_16"),
}
SUFFIXES = (".wav", *SOUNDFILE_FORMATS)
#: Silence is written in blocks of this many seconds.
SILENCE_BLOCK_S = 10

Progress = Callable[[int, int], None]


class _Sink(Protocol):
    def write(self, samples: NDArray[np.int16]) -> None: ...
    def close(self) -> None: ...


@dataclass(frozen=True, slots=True)
class Clip:
    """One cue's speech placed in the walk: from sample ``start`` on."""

    start: int
    samples: NDArray[np.int16]
    text: str


def render_audio(
    timeline: Timeline,
    out: Path,
    *,
    progress: Progress | None = None,
    voice: str = "en-us",
    words_per_minute: int | None = None,
    sample_rate_hz: int = SAMPLE_RATE_HZ,
) -> Path:
    """Write ``timeline`` as speech to ``out`` (.wav, .ogg, .mp3 or .flac) and return it.

    ``words_per_minute``: espeak-ng's rate (default: the rate the timeline was spaced
    for). ``progress(done, total)`` is called as cues are rendered and written.
    """
    out = Path(out)
    sink_format = _check_out(out)
    _check_rate(sample_rate_hz)
    rate_wpm = words_per_minute or timeline.words_per_minute
    texts = list(dict.fromkeys(cue.text for cue in timeline.cues))
    steps = _Steps(progress, len(texts) + len(timeline.cues) + 1)
    said = speak_all(
        texts,
        voice=voice,
        words_per_minute=rate_wpm,
        rate_hz=sample_rate_hz,
        progress=steps.advance_to,
    )
    speech = {text: s.samples for text, s in said.items()}
    total = round(timeline.seconds * sample_rate_hz)
    clips = place_clips(timeline, speech, sample_rate_hz, words_per_minute=rate_wpm)
    _write_atomically(
        out, sink_format, rate_hz=sample_rate_hz, total=total, clips=clips, steps=steps
    )
    return out


def place_clips(
    timeline: Timeline,
    speech: dict[str, NDArray[np.int16]],
    rate_hz: int,
    *,
    words_per_minute: int,
) -> list[Clip]:
    """Each cue's speech at its start sample; UsageError when one would run into the
    next cue or past the end (the timeline was spaced for a faster rate)."""
    clips = [Clip(round(c.at_s * rate_hz), speech[c.text], c.text) for c in timeline.cues]
    limits = [clip.start for clip in clips[1:]] + [round(timeline.seconds * rate_hz)]
    for clip, limit in zip(clips, limits, strict=True):
        if clip.start + len(clip.samples) > limit:
            raise UsageError(
                f"the cue at {clip.start / rate_hz:.0f} s ('{clip.text}') takes "
                f"{len(clip.samples) / rate_hz:.1f} s, longer than its "
                f"{(limit - clip.start) / rate_hz:.1f} s before the next: build the walk "
                f"for {words_per_minute} words a minute"
            )
    return clips


class _Steps:
    """Progress over rendering (one step a distinct text) and writing (one a cue)."""

    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress, self.total, self.done = progress, total, 0
        self._report()

    def advance_to(self, done: int, _total: int) -> None:
        self.done = done
        self._report()

    def advance(self) -> None:
        self.done += 1
        self._report()

    def _report(self) -> None:
        if self.progress is not None:
            self.progress(self.done, self.total)


def _check_out(out: Path) -> str:
    suffix = out.suffix.lower()
    if suffix not in SUFFIXES:
        raise UsageError(
            f"{out}: footfall cannot write '{suffix or 'no suffix'}' audio "
            f"(use one of: {', '.join(SUFFIXES)})"
        )
    if not out.parent.is_dir():
        raise UsageError(f"{out}: the folder {out.parent} does not exist")
    if suffix != ".wav":
        _soundfile(out)
    return suffix


def _check_rate(rate_hz: int) -> None:
    low, high = RATE_LIMITS_HZ
    if not low <= rate_hz <= high:
        raise UsageError(f"the audio sample rate must be {low} to {high} Hz, not {rate_hz}")


def _soundfile(out: Path) -> ModuleType:
    try:
        import soundfile  # type: ignore[import-untyped]  # noqa: PLC0415
    except ImportError as error:
        raise UsageError(
            f"{out}: writing {out.suffix} needs the soundfile package "
            "(pip install soundfile), or write a .wav"
        ) from error
    module: ModuleType = soundfile
    return module


def _write_atomically(
    out: Path, suffix: str, *, rate_hz: int, total: int, clips: list[Clip], steps: _Steps
) -> None:
    partial = out.with_name(f".{out.name}.partial")
    try:
        sink = _open_sink(partial, suffix, rate_hz)
        try:
            _write_walk(sink, rate_hz, total, clips, steps)
        finally:
            sink.close()
        partial.replace(out)
    except OSError as error:
        raise UsageError(f"{out}: cannot write the audio: {error.strerror or error}") from error
    except RuntimeError as error:  # libsndfile's errors (soundfile.LibsndfileError)
        raise UsageError(f"{out}: cannot write the audio: {error}") from error
    finally:
        if partial.exists():
            partial.unlink()


def _write_walk(sink: _Sink, rate_hz: int, total: int, clips: list[Clip], steps: _Steps) -> None:
    """Silence up to each clip, the clip, then silence to exactly ``total`` samples."""
    position = 0
    for clip in clips:
        _write_silence(sink, clip.start - position, rate_hz)
        sink.write(clip.samples)
        position = clip.start + len(clip.samples)
        steps.advance()
    _write_silence(sink, total - position, rate_hz)
    steps.advance()


def _write_silence(sink: _Sink, count: int, rate_hz: int) -> None:
    block = np.zeros(min(max(count, 0), SILENCE_BLOCK_S * rate_hz), dtype=np.int16)
    while count > 0:
        sink.write(block[:count])
        count -= len(block)


def _open_sink(path: Path, suffix: str, rate_hz: int) -> _Sink:
    if suffix == ".wav":
        return _WavSink(path, rate_hz)
    file_format, subtype = SOUNDFILE_FORMATS[suffix]
    return _SoundfileSink(_soundfile(path), path, rate_hz, file_format, subtype)


class _WavSink:
    """Mono 16-bit WAV through the standard library."""

    def __init__(self, path: Path, rate_hz: int) -> None:
        self._writer = wave.open(os.fspath(path), "wb")  # noqa: SIM115 - closed by close()
        self._writer.setnchannels(1)
        self._writer.setsampwidth(2)
        self._writer.setframerate(rate_hz)

    def write(self, samples: NDArray[np.int16]) -> None:
        self._writer.writeframes(samples.astype("<i2").tobytes())

    def close(self) -> None:
        self._writer.close()


class _SoundfileSink:
    """OGG, MP3 or FLAC through libsndfile."""

    def __init__(
        self, soundfile: ModuleType, path: Path, rate_hz: int, file_format: str, subtype: str
    ) -> None:
        self._file: Any = soundfile.SoundFile(
            os.fspath(path), "w", rate_hz, 1, subtype, format=file_format
        )

    def write(self, samples: NDArray[np.int16]) -> None:
        self._file.write(samples)

    def close(self) -> None:
        self._file.close()
