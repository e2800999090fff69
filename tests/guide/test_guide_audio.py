"""The walk as one audio file, checked by reading the samples back (not the timeline):
its length is the walk's, and sound starts where each cue is due.

Audio is written at the default 16 kHz mono (a 45-minute WAV is 86 MB); each test
deletes its file when done. Speech is cached per test process, so the many walks share
their renders.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from guide_audio_support import (
    Stretch,
    sound_stretches,
    soundfile_blocks,
    wav_blocks,
    wav_info,
)
from rich.console import Console

from footfall.cli.progress import progress_bar
from footfall.errors import UsageError
from footfall.guide import QUIET_TAIL_S, STYLE_NAMES, STYLES, PastWalks, Timeline, build_timeline
from footfall.guide.audio import render_audio

pytestmark = pytest.mark.usefixtures("espeak")

LENGTHS = (3, 20, 45)
PAST = PastWalks(last_minutes=31, last_style="brisk", last_brisk_share=0.7, walks_last_4_weeks=9)


def walk_of(style: str, minutes: float, case: int) -> Timeline:
    """The walk for one case: units, past and seed vary so the cases say different things."""
    return build_timeline(
        minutes,
        style,
        units="km" if case % 2 else "mi",
        past=PAST if case % 3 else None,
        seed=case,
        incline_pct=6.5 if style == "hike" and case % 2 else None,
    )


CASES = [
    pytest.param(style, min(m, STYLES[style].max_minutes), i, id=f"{style}-{m}min")
    for i, (style, m) in enumerate((s, m) for s in STYLE_NAMES for m in LENGTHS)
]


@pytest.fixture
def out_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder whose audio files are deleted after the test (they are large)."""
    yield tmp_path
    for path in tmp_path.iterdir():
        path.unlink()


def assert_sound_matches_cues(stretches: list[Stretch], walk: Timeline) -> None:
    """One stretch of sound per cue, starting within 1 s of the cue's time, ending
    before the next cue and before the quiet tail."""
    assert len(stretches) == len(walk.cues)
    limits = [cue.at_s for cue in walk.cues[1:]] + [walk.seconds - QUIET_TAIL_S]
    for stretch, cue, limit in zip(stretches, walk.cues, limits, strict=True):
        assert stretch.start_s == pytest.approx(cue.at_s, abs=1.0), cue.text
        assert stretch.end_s <= limit, cue.text


@pytest.mark.parametrize(("style", "minutes", "case"), CASES)
def test_the_audio_is_as_long_as_the_walk_and_sound_starts_at_each_cue(
    style: str, minutes: float, case: int, out_folder: Path
) -> None:
    walk = walk_of(style, minutes, case)
    out = render_audio(walk, out_folder / "walk.wav")
    info = wav_info(out)
    assert info.rate_hz == 16_000
    assert info.seconds == pytest.approx(minutes * 60, abs=0.5)
    assert_sound_matches_cues(sound_stretches(wav_blocks(out), info.rate_hz), walk)


@pytest.mark.parametrize("suffix", [".ogg", ".mp3", ".flac"])
def test_it_writes_compressed_audio_of_the_walks_length(suffix: str, out_folder: Path) -> None:
    soundfile = pytest.importorskip("soundfile", reason="soundfile writes OGG, MP3 and FLAC")
    walk = build_timeline(3, "brisk", past=PAST)
    out = render_audio(walk, out_folder / f"walk{suffix}")
    info = soundfile.info(str(out))
    assert info.channels == 1
    assert info.frames / info.samplerate == pytest.approx(180.0, abs=0.5)
    assert_sound_matches_cues(sound_stretches(soundfile_blocks(out), info.samplerate), walk)


def test_a_walk_spaced_for_slow_speech_renders_slow_speech(out_folder: Path) -> None:
    walk = build_timeline(20, "intervals", words_per_minute=100, past=PAST)
    out = render_audio(walk, out_folder / "slow.wav")
    info = wav_info(out)
    assert_sound_matches_cues(sound_stretches(wav_blocks(out), info.rate_hz), walk)


def test_it_writes_at_the_asked_sample_rate(out_folder: Path) -> None:
    walk = build_timeline(3, "mindful")
    out = render_audio(walk, out_folder / "walk.wav", sample_rate_hz=8_000)
    info = wav_info(out)
    assert (info.rate_hz, info.frames) == (8_000, 180 * 8_000)
    assert_sound_matches_cues(sound_stretches(wav_blocks(out), info.rate_hz), walk)


def test_it_reports_progress_up_to_done(out_folder: Path) -> None:
    calls: list[tuple[int, int]] = []
    walk = build_timeline(20, "brisk")
    render_audio(walk, out_folder / "walk.wav", progress=lambda *c: calls.append(c))
    done = [d for d, _ in calls]
    assert done == sorted(done)
    assert calls[0][0] == 0
    assert calls[-1][0] == calls[-1][1] == len({c.text for c in walk.cues}) + len(walk.cues) + 1


def test_it_refuses_speech_too_slow_for_the_walks_spacing(out_folder: Path) -> None:
    walk = build_timeline(3, "intervals", words_per_minute=300)
    with pytest.raises(UsageError, match="build the walk for 100 words a minute"):
        render_audio(walk, out_folder / "walk.wav", words_per_minute=100)
    assert list(out_folder.iterdir()) == []


def test_it_names_an_audio_format_it_cannot_write(out_folder: Path) -> None:
    with pytest.raises(UsageError, match=r"cannot write '\.aiff' audio \(use one of: \.wav"):
        render_audio(build_timeline(3, "brisk"), out_folder / "walk.aiff")
    assert list(out_folder.iterdir()) == []


def test_it_names_a_folder_that_does_not_exist(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="does not exist"):
        render_audio(build_timeline(3, "brisk"), tmp_path / "nowhere" / "walk.wav")


def test_it_refuses_a_sample_rate_outside_speech_range(out_folder: Path) -> None:
    with pytest.raises(UsageError, match="sample rate must be 8000 to 48000 Hz, not 100"):
        render_audio(build_timeline(3, "brisk"), out_folder / "walk.wav", sample_rate_hz=100)


def test_a_rich_progress_bar_follows_the_render_to_the_end(out_folder: Path) -> None:
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=100)
    walk = build_timeline(3, "hike")
    with progress_bar("Rendering the walk", console=console) as bar:
        progress = bar.fraction
        render_audio(walk, out_folder / "walk.wav", progress=progress)
    total = len({c.text for c in walk.cues}) + len(walk.cues) + 1
    assert "Rendering the walk" in screen.getvalue()
    assert f"{total}/{total}" in screen.getvalue()
