"""A guided walk's audio for the browser: rendered once by the guide
(:func:`footfall.guide.service.write_walk`) into the app's cache folder, named by what
is said and when, so asking again (or seeking: the browser asks for ranges) serves the
same file. OGG (Vorbis) where libsndfile writes it, else WAV; browsers play both."""

from __future__ import annotations

import hashlib
import json
import threading
from pathlib import Path

from footfall.guide.service import GuidedWalk, write_walk


def _audio_suffix() -> str:
    try:
        import soundfile  # type: ignore[import-untyped]  # noqa: PLC0415 - optional
    except (ImportError, OSError):
        return ".wav"
    return ".ogg" if "OGG" in soundfile.available_formats() else ".wav"


AUDIO_SUFFIX = _audio_suffix()
MEDIA_TYPES = {".ogg": "audio/ogg", ".wav": "audio/wav"}
_locks: dict[str, threading.Lock] = {}
_locks_guard = threading.Lock()


def walk_key(walk: GuidedWalk) -> str:
    """A name for the walk's audio: the hash of its timeline (every cue and its time)."""
    document = json.dumps(walk.timeline.to_json(), sort_keys=True)
    return hashlib.sha256(document.encode()).hexdigest()[:32]


def walk_audio(walk: GuidedWalk, folder: Path) -> Path:
    """The walk's audio file in ``folder``, rendered now unless it already is; one
    request renders a walk while any others asking for it wait."""
    key = walk_key(walk)
    path = folder / f"{key}{AUDIO_SUFFIX}"
    with _lock(key):
        if not path.is_file():
            write_walk(walk, audio=path)
    return path


def _lock(key: str) -> threading.Lock:
    with _locks_guard:
        return _locks.setdefault(key, threading.Lock())
