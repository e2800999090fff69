"""The live coach: cues shown exactly when due, the countdown, pause, q and Ctrl-C,
speech in the background, the terminal restored; driven by a fake clock and scripted
keys (a 20-minute walk runs in a fraction of a second)."""

from __future__ import annotations

import io
import os
import sys
import termios
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from footfall.errors import UsageError
from footfall.guide import Timeline, build_timeline
from footfall.guide.aloud import aloud_for, audio_output_exists
from footfall.guide.keys import NoKeys, TerminalKeys, open_keys
from footfall.guide.live import LiveResult, run_live, summary, units_spoken
from footfall.guide.live_view import HIGHLIGHT, Moment, big_digits, part_at, render, time_left
from footfall.guide.speech import MISSING


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class ScriptedKeys:
    """Keys pressed at clock times; waiting moves the fake clock instead of sleeping.
    A press of "^C" raises KeyboardInterrupt, as Ctrl-C does."""

    def __init__(self, clock: FakeClock, presses: list[tuple[float, str]] | None = None) -> None:
        self.clock = clock
        self.presses = sorted(presses or [])
        self.waits: list[float] = []

    @property
    def interactive(self) -> bool:
        return True

    def wait(self, timeout_s: float) -> str:
        self.waits.append(timeout_s)
        if self.presses and self.presses[0][0] <= self.clock.now + timeout_s:
            at, key = self.presses.pop(0)
            self.clock.now = max(self.clock.now, at)
            if key == "^C":
                raise KeyboardInterrupt
            return key
        self.clock.now += timeout_s
        return ""


class StampedFile(io.StringIO):
    """A console's output, each write stamped with the fake clock."""

    def __init__(self, clock: FakeClock) -> None:
        super().__init__()
        self.clock = clock
        self.stamps: list[tuple[float, str]] = []

    def write(self, text: str) -> int:
        self.stamps.append((self.clock.now, text))
        return super().write(text)


def walk(
    timeline: Timeline,
    presses: list[tuple[float, str]] | None = None,
    *,
    terminal: bool = False,
    tick_s: float = 1.0,
) -> tuple[LiveResult, StampedFile, FakeClock]:
    clock = FakeClock()
    out = StampedFile(clock)
    console = Console(file=out, width=200, height=30, force_terminal=terminal, color_system=None)
    keys = ScriptedKeys(clock, presses)
    result = run_live(timeline, console=console, speak=False, clock=clock, keys=keys, tick_s=tick_s)
    return result, out, clock


def cue_lines(out: StampedFile, timeline: Timeline) -> list[tuple[float, str]]:
    """Each cue line written above the display: when, and which cue."""
    texts = {cue.text for cue in timeline.cues}
    lines = [(at, written.strip().split("  ", 1)[-1]) for at, written in out.stamps]
    return [(at, text) for at, text in lines if text in texts]


def shown_at(out: StampedFile, timeline: Timeline, text: str) -> float:
    """When the cue line for ``text`` was first written."""
    return next(at for at, said in cue_lines(out, timeline) if said == text)


def last_frame(out: StampedFile) -> str:
    return out.getvalue().rsplit("╭", 1)[1]


def test_each_cue_is_shown_in_order_exactly_when_due() -> None:
    timeline = build_timeline(20, "brisk")
    result, out, clock = walk(timeline, tick_s=0.25)
    lines = cue_lines(out, timeline)
    assert [text for _, text in lines] == [cue.text for cue in timeline.cues]
    times = [at for at, _ in lines]
    assert times == pytest.approx([cue.at_s for cue in timeline.cues], abs=1e-6)
    assert result == LiveResult(1200.0, True, len(timeline.cues), "cool-down")
    assert clock.now == pytest.approx(1200.0)
    last_line = out.getvalue().rstrip().splitlines()[-1]
    assert last_line == (
        f"Walk done: 20:00, {len(timeline.cues)} cues. Check in with "
        "`footfall checkin --legs weaker|same|stronger --energy lower|same|higher`."
    )


def test_the_display_refreshes_every_tick_between_cues() -> None:
    timeline = build_timeline(3, "brisk")
    keys = ScriptedKeys(FakeClock())
    console = Console(file=io.StringIO(), width=100)
    run_live(timeline, console=console, speak=False, clock=keys.clock, keys=keys, tick_s=0.25)
    assert max(keys.waits) == 0.25
    assert sum(keys.waits) == pytest.approx(180.0)
    assert len(keys.waits) >= 180 / 0.25


def test_the_countdown_shows_the_time_left_in_whole_seconds_rounded_up() -> None:
    timeline = build_timeline(3, "brisk")
    _, out, _ = walk(timeline, [(42.3, "q")], terminal=True, tick_s=0.25)
    frame = last_frame(out)
    assert "2:18 left · 0:42 elapsed of 3:00" in frame
    assert big_digits("2:18").plain.splitlines()[0] in frame
    assert [time_left(timeline, s) for s in (0.0, 0.4, 179.5, 180.0)] == [180, 180, 1, 0]


def test_q_stops_the_walk_and_says_how_far_it_got() -> None:
    timeline = build_timeline(3, "brisk")
    result, out, _ = walk(timeline, [(40.0, "q")])
    said = sum(cue.at_s <= 40.0 for cue in timeline.cues)
    assert 3 <= said < len(timeline.cues)
    assert result == LiveResult(40.0, False, said, "main")
    assert out.getvalue().rstrip().splitlines()[-1] == (
        f"Stopped after 0:40 of 3:00 (main part); {said} of {len(timeline.cues)} cues."
    )
    shown = [text for _, text in cue_lines(out, timeline)]
    assert shown == [cue.text for cue in timeline.cues[:said]]


def test_ctrl_c_stops_the_walk_cleanly() -> None:
    timeline = build_timeline(20, "intervals")
    result, out, _ = walk(timeline, [(500.0, "^C")])
    assert result.elapsed_s == 500.0
    assert not result.finished
    assert result.part == "walk"
    assert "Stopped after 8:20 of 20:00 (walk 2 of 3);" in out.getvalue()


def test_a_pause_holds_the_walk_clock_and_its_cues() -> None:
    timeline = build_timeline(3, "brisk")
    main_cue = next(c for c in timeline.cues if c.part == "main")
    result, out, clock = walk(timeline, [(20.0, " "), (80.0, " ")])
    assert shown_at(out, timeline, main_cue.text) == pytest.approx(main_cue.at_s + 60.0)
    assert result.finished
    assert result.elapsed_s == 180.0
    assert clock.now == pytest.approx(240.0)


def test_a_walk_stopped_while_paused_counts_only_walking_time() -> None:
    timeline = build_timeline(3, "brisk")
    result, out, _ = walk(timeline, [(50.0, " "), (110.0, "q")], terminal=True)
    assert result.elapsed_s == 50.0
    assert "PAUSED" in last_frame(out)
    assert "space resumes · q quits" in last_frame(out)
    assert "Stopped after 0:50 of 3:00 (main part)" in out.getvalue()


def test_the_part_shows_its_pace_band_in_the_runners_units_and_the_incline() -> None:
    km = build_timeline(20, "brisk", units="km", pace_min_per_mi=(15.0, 17.0))
    assert units_spoken(km) == "km"
    assert "Main part · pace 9:30–10:30 per km" in frame_at(km, 300.0)
    hike = build_timeline(20, "hike", incline_pct=6.0)
    assert units_spoken(hike) == "mi"
    assert "Main part · pace 24:00–28:00 per mile · incline 6 %" in frame_at(hike, 600.0)
    assert "Warm-up · pace by feel · incline 1 %" in frame_at(hike, 10.0)
    intervals = build_timeline(20, "intervals")
    assert "Run 2 of 3 · pace by feel · 1:00 left in it" in frame_at(intervals, 720.0)


def test_the_cue_just_due_is_highlighted_and_the_next_says_when() -> None:
    timeline = build_timeline(3, "brisk")
    main_cue = next(c for c in timeline.cues if c.part == "main")
    following = timeline.cues[timeline.cues.index(main_cue) + 1]
    frame = frame_at(timeline, main_cue.at_s + 1.0)
    assert f"Now          {main_cue.text}" in frame
    assert f"Next in {time_text(following.at_s - main_cue.at_s - 1.0)} {following.text}" in frame
    styles = [cell for cell in render_cells(timeline, main_cue.at_s + 1.0) if cell.style]
    assert any(cell.plain == main_cue.text and cell.style == HIGHLIGHT for cell in styles)
    assert f"Last         {main_cue.text}" in frame_at(timeline, main_cue.at_s + 20.0)


def test_a_walk_without_keys_says_ctrl_c_stops_it() -> None:
    with open_keys(io.StringIO("q")) as keys:
        assert isinstance(keys, NoKeys)
        assert not keys.interactive
    moment = Moment(build_timeline(3, "brisk"), 10.0, None, None, "mi", interactive=False)
    assert "Ctrl-C stops" in to_text(render(moment))


@pytest.fixture
def terminal() -> Iterator[tuple[int, int]]:
    """A pseudo-terminal: (the runner's side, footfall's side)."""
    runner, footfall = os.openpty()
    try:
        yield runner, footfall
    finally:
        os.close(runner)
        os.close(footfall)


def test_keys_are_read_unechoed_and_the_terminal_is_restored_after_an_error(
    terminal: tuple[int, int],
) -> None:
    runner, fd = terminal
    before = termios.tcgetattr(fd)
    with pytest.raises(RuntimeError, match="boom"), TerminalKeys(fd) as keys:
        during = termios.tcgetattr(fd)
        assert not during[3] & (termios.ECHO | termios.ICANON)
        assert during[3] & termios.ISIG  # Ctrl-C still interrupts
        assert keys.wait(0.01) == ""
        os.write(runner, b" ")
        assert keys.wait(1.0) == " "
        raise RuntimeError("boom")
    assert termios.tcgetattr(fd) == before


def test_q_typed_on_the_terminal_ends_the_walk_and_restores_the_terminal(
    terminal: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    runner, fd = terminal
    before = termios.tcgetattr(fd)
    monkeypatch.setattr(sys, "stdin", open(fd, closefd=False))  # noqa: SIM115
    os.write(runner, b"q")
    started = time.monotonic()
    result = run_live(build_timeline(3, "brisk"), console=Console(file=io.StringIO()), speak=False)
    assert time.monotonic() - started < 2.0
    assert not result.finished
    assert result.elapsed_s < 2.0
    assert termios.tcgetattr(fd) == before


def test_speech_is_off_where_there_is_no_sound_device(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    no_device = tmp_path / "snd"
    assert not audio_output_exists({}, no_device, "linux")
    assert audio_output_exists({"PULSE_SERVER": "unix:/run/pulse"}, no_device, "linux")
    (tmp_path / "run" / "pulse").mkdir(parents=True)
    (tmp_path / "run" / "pulse" / "native").touch()
    assert audio_output_exists({"XDG_RUNTIME_DIR": str(tmp_path / "run")}, no_device, "linux")
    no_device.mkdir()
    (no_device / "pcmC0D0c").touch()  # a microphone only
    assert not audio_output_exists({}, no_device, "linux")
    (no_device / "pcmC0D0p").touch()
    assert audio_output_exists({}, no_device, "linux")
    monkeypatch.setattr("footfall.guide.aloud.audio_output_exists", lambda: False)
    assert aloud_for(None, 160) is None
    assert aloud_for(False, 160) is None


def test_speaking_needs_espeak_ng_when_asked_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(UsageError, match=MISSING):
        run_live(build_timeline(3, "brisk"), speak=True, console=Console(file=io.StringIO()))


class SlowKeys(ScriptedKeys):
    """Scripted keys that also let a little real time pass at each wait."""

    def wait(self, timeout_s: float) -> str:
        time.sleep(0.3)
        return super().wait(timeout_s)


def test_cues_are_spoken_in_the_background_and_hushed_on_quit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stand-in espeak-ng logs what it is asked to say; one cue would take 60 s."""
    said, long_one = tmp_path / "said.log", tmp_path / "long.pid"
    fake = tmp_path / "espeak-ng"
    fake.write_text(
        f"#!{sys.executable}\n"
        "import os, sys, time\n"
        "text = sys.stdin.read()\n"
        f"with open({str(said)!r}, 'a') as log:\n"
        "    log.write(' '.join(sys.argv[1:]) + '|' + text + '\\n')\n"
        "if text.startswith('Stand tall'):\n"
        f"    open({str(long_one)!r}, 'w').write(str(os.getpid()))\n"
        "    time.sleep(60)\n"
    )
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    timeline = build_timeline(3, "brisk", words_per_minute=180)
    stand_tall = next(c for c in timeline.cues if c.text.startswith("Stand tall"))
    clock = FakeClock()
    keys = SlowKeys(clock, [(stand_tall.at_s + 1.0, "q")])
    started = time.monotonic()
    result = run_live(
        timeline, console=Console(file=io.StringIO()), speak=True, clock=clock, keys=keys, tick_s=5
    )
    assert time.monotonic() - started < 10.0  # neither the display nor quitting waited
    assert result.cues_shown == timeline.cues.index(stand_tall) + 1
    lines = said.read_text().splitlines()
    expected = [c.text for c in timeline.cues[: result.cues_shown]]
    assert sorted(line.split("|")[1] for line in lines) == sorted(expected)
    assert all(line.split("|")[0] == "--stdin -v en-us -s 180" for line in lines)
    with pytest.raises(ProcessLookupError):  # the 60-second cue was stopped on quit
        os.kill(int(long_one.read_text()), 0)


def test_the_summary_names_the_part_it_stopped_in() -> None:
    timeline = build_timeline(20, "brisk")
    stopped = LiveResult(1150.0, False, 16, "cool-down")
    assert (
        summary(timeline, stopped)
        == f"Stopped after 19:10 of 20:00 (cool-down); 16 of {len(timeline.cues)} cues."
    )
    assert part_at(timeline, 1200.0).name == "cool-down"


def frame_at(timeline: Timeline, elapsed_s: float) -> str:
    return to_text(render(moment_at(timeline, elapsed_s)))


def moment_at(timeline: Timeline, elapsed_s: float) -> Moment:
    shown = [c for c in timeline.cues if c.at_s <= elapsed_s]
    upcoming = [c for c in timeline.cues if c.at_s > elapsed_s]
    return Moment(
        timeline,
        elapsed_s,
        shown[-1] if shown else None,
        upcoming[0] if upcoming else None,
        units_spoken(timeline),
    )


def render_cells(timeline: Timeline, elapsed_s: float) -> list[Text]:
    """The Text cells of the cue table (the "Now" cue carries the highlight)."""
    panel = render(moment_at(timeline, elapsed_s))
    assert isinstance(panel, Panel)
    assert isinstance(panel.renderable, Group)
    table = panel.renderable.renderables[-2]
    assert isinstance(table, Table)
    return [cell for column in table.columns for cell in column.cells if isinstance(cell, Text)]


def to_text(renderable: RenderableType) -> str:
    console = Console(file=io.StringIO(), width=160, color_system=None, record=True)
    console.print(renderable)
    return console.export_text()


def time_text(seconds: float) -> str:
    whole = -int(-seconds // 1)
    return f"{whole // 60}:{whole % 60:02d}"


def test_the_display_tick_must_be_positive() -> None:
    with pytest.raises(UsageError, match="tick must be a positive number of seconds, not 0"):
        run_live(build_timeline(3, "brisk"), tick_s=0, console=Console(file=io.StringIO()))
