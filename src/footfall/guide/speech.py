"""Text to speech, offline, with espeak-ng: one cue's text -> mono 16-bit samples.

espeak-ng runs as a subprocess (``--stdout``: a WAV on its standard output; the text
goes in on standard input, never as an argument). Each distinct (text, voice, rate) is
rendered once per process and kept (cached, also at each sample rate asked for);
:func:`speak_all` renders several at once on two threads (the work happens in the
subprocesses and in numpy).
"""

from __future__ import annotations

import io
import shutil
import subprocess
import wave
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from numpy.typing import NDArray

from footfall.errors import UsageError
from footfall.guide.resample import resample

ESPEAK = "espeak-ng"
MISSING = "espeak-ng is not installed: apt-get install espeak-ng"
#: espeak-ng is quick (tens of milliseconds a cue); two workers match the usual laptop.
WORKERS = 2
#: A cue that takes longer than this to render means espeak-ng is stuck.
TIMEOUT_S = 60.0

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class Speech:
    """One cue said: mono 16-bit ``samples`` at ``rate_hz`` (read-only)."""

    samples: NDArray[np.int16]
    rate_hz: int

    @property
    def seconds(self) -> float:
        return len(self.samples) / self.rate_hz


def espeak_path() -> str:
    """Where espeak-ng is; UsageError saying how to install it when it is not."""
    found = shutil.which(ESPEAK)
    if found is None:
        raise UsageError(MISSING)
    return found


def speak(
    text: str, *, voice: str = "en-us", words_per_minute: int = 160, rate_hz: int | None = None
) -> Speech:
    """``text`` said by espeak-ng's ``voice`` at ``words_per_minute``, at ``rate_hz``
    (None: espeak-ng's own rate)."""
    return _speak_at(text, voice, words_per_minute, espeak_path(), rate_hz)


def speak_all(
    texts: Iterable[str],
    *,
    voice: str = "en-us",
    words_per_minute: int = 160,
    rate_hz: int | None = None,
    progress: Progress | None = None,
) -> dict[str, Speech]:
    """Each distinct text said once, two at a time; ``progress(done, total)`` after each."""
    distinct = list(dict.fromkeys(texts))
    program = espeak_path()
    said: dict[str, Speech] = {}
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        futures = {
            pool.submit(_speak_at, text, voice, words_per_minute, program, rate_hz): text
            for text in distinct
        }
        for done, future in enumerate(as_completed(futures), start=1):
            said[futures[future]] = future.result()
            if progress is not None:
                progress(done, len(distinct))
    return said


@lru_cache(maxsize=1024)
def _speak_at(
    text: str, voice: str, words_per_minute: int, program: str, rate_hz: int | None
) -> Speech:
    said = _speak(text, voice, words_per_minute, program)
    if rate_hz is None or rate_hz == said.rate_hz:
        return said
    samples = resample(said.samples, said.rate_hz, rate_hz)
    samples.flags.writeable = False
    return Speech(samples, rate_hz)


@lru_cache(maxsize=1024)
def _speak(text: str, voice: str, words_per_minute: int, program: str) -> Speech:
    command = [program, "--stdout", "--stdin", "-z", "-b", "1", "-v", voice]
    command += ["-s", str(words_per_minute)]
    try:
        run = subprocess.run(
            command, input=text.encode("utf-8"), capture_output=True, timeout=TIMEOUT_S, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise UsageError(f"espeak-ng could not be run: {error}") from error
    if run.returncode != 0:
        said = run.stderr.decode("utf-8", "replace").strip() or f"exit code {run.returncode}"
        raise UsageError(f"espeak-ng failed with voice '{voice}': {said}")
    return _read_wav(run.stdout, text)


def _read_wav(data: bytes, text: str) -> Speech:
    """espeak-ng's WAV on a pipe states no true length: read whatever frames follow."""
    try:
        with wave.open(io.BytesIO(data)) as reader:
            if reader.getnchannels() != 1 or reader.getsampwidth() != 2:
                raise UsageError(f"espeak-ng gave audio footfall cannot use for '{text}'")
            rate = reader.getframerate()
            frames = reader.readframes(reader.getnframes())
    except (wave.Error, EOFError) as error:
        raise UsageError(f"espeak-ng gave no audio for '{text}': {error}") from error
    samples = np.frombuffer(frames[: len(frames) // 2 * 2], dtype="<i2").astype(np.int16)
    samples.flags.writeable = False
    return Speech(samples, rate)
