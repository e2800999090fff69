"""Cues said out loud during a live walk: espeak-ng playing straight to the sound
device (no ``--stdout``), in the background, so the display never waits for speech.

Speech is on only where there is somewhere to play it: :func:`audio_output_exists`
looks, cheaply, for a PulseAudio or PipeWire server or an ALSA playback device.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from footfall.errors import UsageError
from footfall.guide.speech import ESPEAK, MISSING

DEV_SND = Path("/dev/snd")
#: Sockets a sound server listens on, under $XDG_RUNTIME_DIR.
SOUND_SERVER_SOCKETS = ("pulse/native", "pipewire-0")
#: How long a cue cut short by quitting may take to stop before it is killed.
HUSH_TIMEOUT_S = 1.0


def audio_output_exists(
    environ: Mapping[str, str] | None = None,
    dev_snd: Path | None = None,
    platform: str | None = None,
) -> bool:
    """Whether espeak-ng would have a sound device to play on (default: this
    process's environment, ``/dev/snd`` and platform)."""
    environ = os.environ if environ is None else environ
    dev_snd = DEV_SND if dev_snd is None else dev_snd
    if (platform or sys.platform) in {"darwin", "win32"}:
        return True
    if environ.get("PULSE_SERVER"):
        return True
    runtime = environ.get("XDG_RUNTIME_DIR")
    if runtime and any((Path(runtime) / name).exists() for name in SOUND_SERVER_SOCKETS):
        return True
    return dev_snd.is_dir() and any(dev_snd.glob("pcmC*D*p"))


class Aloud:
    """Says texts with espeak-ng, each in its own background process."""

    def __init__(self, program: str, words_per_minute: int, voice: str = "en-us") -> None:
        self._command = [program, "--stdin", "-v", voice, "-s", str(words_per_minute)]
        self._speaking: list[subprocess.Popen[bytes]] = []

    def say(self, text: str) -> None:
        """Start saying ``text`` and return at once; a failure stays quiet (the cue
        is on the screen anyway)."""
        self._speaking = [p for p in self._speaking if p.poll() is None]
        try:
            process = subprocess.Popen(
                self._command,
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        except OSError:
            return
        self._speaking.append(process)
        try:
            if process.stdin is not None:
                process.stdin.write(text.encode("utf-8"))
                process.stdin.close()
        except OSError:
            pass  # espeak-ng ended before reading: nothing to say

    def hush(self) -> None:
        """Stop whatever is still being said."""
        for process in self._speaking:
            if process.poll() is None:
                process.terminate()
            try:
                process.wait(timeout=HUSH_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self._speaking = []


def aloud_for(speak: bool | None, words_per_minute: int) -> Aloud | None:
    """The voice for a live walk: ``speak`` True (espeak-ng must be installed), False,
    or None (on when espeak-ng and a sound device are both there)."""
    if speak is False:
        return None
    program = shutil.which(ESPEAK)
    if speak is None:
        return Aloud(program, words_per_minute) if program and audio_output_exists() else None
    if program is None:
        raise UsageError(MISSING)
    return Aloud(program, words_per_minute)
