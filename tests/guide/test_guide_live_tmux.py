"""The live coach in a real terminal (issue 5): tmux runs it in a 100x30 pane; the test
reads the screen (capture-pane), presses keys (send-keys) and checks the command's exit
status.

The pane stays on screen after its command ends (remain-on-exit). The exit status is
written by a shell around the command, not read from ``#{pane_dead_status}``: Debian's
tmux (built with libutempter) can miss the SIGCHLD and leave that empty for good
(tmux/tmux#311, #4841)."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from footfall.guide import build_timeline

TMUX_MISSING = "tmux is not installed (apt-get install tmux): the live coach needs a terminal"
#: Starting Python and footfall in the pane takes about a second; allow for a slow CI.
SCREEN_TIMEOUT_S = 8.0

#: Runs "$@" and writes its exit status to the file $1 (whole, once it is known). Ctrl-C
#: reaches the shell too (same process group): it waits on, the command keeps Python's
#: own Ctrl-C handling (a trap that runs a command is reset in the child; '' would not be).
RECORD_STATUS = (
    'trap : INT; out=$1; shift; "$@"; echo $? > "$out.partial" && mv "$out.partial" "$out"'
)

WALK_SCRIPT = """\
import dataclasses, json, sys, termios
from footfall.guide import build_timeline
from footfall.guide.live import run_live
before = termios.tcgetattr(0)
result = run_live(build_timeline(3, "brisk"), speak=False)
restored = termios.tcgetattr(0) == before
with open(sys.argv[1], "w") as out:
    json.dump({**dataclasses.asdict(result), "restored": restored}, out)
"""


class Pane:
    """One tmux pane on a private server, running ``command``."""

    def __init__(self, command: list[str], folder: Path) -> None:
        self.server = f"footfall-test-{uuid.uuid4().hex[:12]}"
        config = folder / "tmux.conf"
        config.write_text("set -g remain-on-exit on\nset -g history-limit 200\n")
        self.status = folder / "exit-status"
        plain = ["env", "-u", "COLUMNS", "-u", "LINES", "-u", "TMUX", *command]
        plain = ["sh", "-c", RECORD_STATUS, "sh", str(self.status), *plain]
        self.tmux(
            "-f", str(config), "new-session", "-d", "-x", "100", "-y", "30", shlex.join(plain)
        )

    def tmux(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.server, *args],
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        )
        return done.stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-S", "-100")

    def wait_for(self, ready: Callable[[str], bool], what: str) -> str:
        deadline = time.monotonic() + SCREEN_TIMEOUT_S
        while time.monotonic() < deadline:
            screen = self.screen()
            if ready(screen):
                return screen
            time.sleep(0.1)
        pytest.fail(f"the pane never showed {what}; it shows:\n{self.screen()}")

    def exit_status(self) -> int:
        """The pane command's exit status, once it has ended."""
        deadline = time.monotonic() + SCREEN_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.status.exists():
                return int(self.status.read_text())
            time.sleep(0.1)
        pytest.fail(f"the live coach did not end; the pane shows:\n{self.screen()}")

    def kill(self) -> None:
        subprocess.run(["tmux", "-L", self.server, "kill-server"], capture_output=True, check=False)


@pytest.fixture
def pane_for(tmp_path: Path) -> Iterator[Callable[[list[str]], Pane]]:
    if shutil.which("tmux") is None:
        pytest.skip(TMUX_MISSING)
    panes: list[Pane] = []

    def start(command: list[str]) -> Pane:
        panes.append(Pane(command, tmp_path))
        return panes[-1]

    yield start
    for pane in panes:
        pane.kill()


def started(screen: str) -> bool:
    """The countdown and the first cue are on the screen."""
    welcome = build_timeline(3, "brisk").cues[0].text
    return welcome in screen and bool(re.search(r"\b(3:00|2:5\d) left", screen))


def stopped_line(screen: str) -> re.Match[str] | None:
    cues = len(build_timeline(3, "brisk").cues)
    return re.search(
        rf"Stopped after 0:(\d\d) of 3:00 \(warm-up\); ([12]) of {cues} cues\.", screen
    )


def test_q_ends_the_live_walk_cleanly_in_a_terminal(
    pane_for: Callable[[list[str]], Pane], tmp_path: Path
) -> None:
    script, result = tmp_path / "walk_live.py", tmp_path / "result.json"
    script.write_text(WALK_SCRIPT)
    pane = pane_for([sys.executable, str(script), str(result)])
    screen = pane.wait_for(started, "the countdown and the first cue")
    assert "Warm-up · pace by feel" in screen
    assert "q quits · space pauses" in screen
    pane.tmux("send-keys", "q")
    assert pane.exit_status() == 0
    line = stopped_line(pane.screen())
    assert line is not None, pane.screen()
    walked = json.loads(result.read_text())
    assert walked["finished"] is False
    assert walked["part"] == "warm-up"
    assert int(line.group(1)) == int(walked["elapsed_s"]) < 10
    assert walked["cues_shown"] == int(line.group(2))
    assert walked["restored"] is True


def test_ctrl_c_ends_the_live_walk_cleanly_in_a_terminal(
    pane_for: Callable[[list[str]], Pane], tmp_path: Path
) -> None:
    script, result = tmp_path / "walk_live.py", tmp_path / "result.json"
    script.write_text(WALK_SCRIPT)
    pane = pane_for([sys.executable, str(script), str(result)])
    pane.wait_for(started, "the countdown and the first cue")
    pane.tmux("send-keys", "C-c")
    assert pane.exit_status() == 0
    assert stopped_line(pane.screen()) is not None, pane.screen()
    assert "Traceback" not in pane.screen()
    assert json.loads(result.read_text())["restored"] is True


def test_footfall_walk_live_counts_down_and_q_ends_it(
    pane_for: Callable[[list[str]], Pane], tmp_path: Path
) -> None:
    database = tmp_path / "footfall.sqlite"
    command = ["env", f"FOOTFALL_DB={database}", sys.executable, "-m", "footfall"]
    pane = pane_for([*command, "walk", "--minutes", "3", "--style", "brisk", "--live"])
    pane.wait_for(started, "the countdown and the first cue")
    pane.tmux("send-keys", "q")
    assert pane.exit_status() == 0
    assert stopped_line(pane.screen()) is not None, pane.screen()
