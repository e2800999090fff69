"""Guided walks (issue 5; SPEC R5-R8): a cue timeline, then its renderers.

::

    from footfall.guide import build_timeline, render_audio
    walk = build_timeline(20, "brisk", units="km")
    render_audio(walk, Path("walk.ogg"))

:func:`build_timeline` is pure (:mod:`footfall.guide.timeline`); :func:`render_audio`
speaks it offline with espeak-ng (:mod:`footfall.guide.speech`) into one audio file of
exactly the walk's length (:mod:`footfall.guide.audio`).
"""

from __future__ import annotations

from footfall.guide.audio import render_audio
from footfall.guide.model import MIN_GAP_S, QUIET_TAIL_S, Cue, Part, PastWalks, Timeline
from footfall.guide.styles import FORM_CUES, STYLE_NAMES, STYLES
from footfall.guide.timeline import build_timeline
from footfall.guide.words import spoken_seconds

__all__ = [
    "FORM_CUES",
    "MIN_GAP_S",
    "QUIET_TAIL_S",
    "STYLES",
    "STYLE_NAMES",
    "Cue",
    "Part",
    "PastWalks",
    "Timeline",
    "build_timeline",
    "render_audio",
    "spoken_seconds",
]
