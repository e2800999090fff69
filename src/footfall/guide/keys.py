"""Keys pressed during a live walk, read without blocking the display.

On a terminal, standard input is put in cbreak mode (no echo, no waiting for Enter;
Ctrl-C still interrupts) for as long as the walk runs, and its settings are always put
back. When standard input is not a terminal there are no keys: only Ctrl-C and the end
of the walk stop it. :class:`KeySource` is what the live coach needs, so tests can
script keys against a fake clock.
"""

from __future__ import annotations

import os
import select
import sys
import termios
import time
import tty
from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import Any, Protocol, TextIO

#: ``q`` quits; Ctrl-C arrives as a character, not a signal, when a terminal is raw.
QUIT_KEYS = frozenset("qQ\x03")
PAUSE_KEYS = frozenset(" ")
#: Bytes read at once: a key, or a burst such as an arrow key's escape sequence.
READ_BYTES = 64


class KeySource(Protocol):
    """Where the live coach gets keys from.

    ``interactive``: whether the runner can press keys at all (the display says so).
    ``wait(timeout_s)``: wait up to ``timeout_s`` seconds for keys and return what was
    pressed, "" when nothing was. It is also how the coach waits between refreshes.
    """

    @property
    def interactive(self) -> bool: ...

    def wait(self, timeout_s: float) -> str: ...


class NoKeys:
    """No keys to read (standard input is not a terminal): waiting is sleeping."""

    @property
    def interactive(self) -> bool:
        return False

    def wait(self, timeout_s: float) -> str:
        time.sleep(max(timeout_s, 0.0))
        return ""


class TerminalKeys:
    """Keys from the terminal on ``fd``, in cbreak mode while entered."""

    def __init__(self, fd: int) -> None:
        self._fd = fd
        self._saved: list[Any] | None = None
        self._ended = False

    @property
    def interactive(self) -> bool:
        return not self._ended

    def __enter__(self) -> TerminalKeys:
        self._saved = termios.tcgetattr(self._fd)
        tty.setcbreak(self._fd, termios.TCSANOW)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._saved is not None:
            termios.tcsetattr(self._fd, termios.TCSADRAIN, self._saved)
            self._saved = None

    def wait(self, timeout_s: float) -> str:
        if self._ended:
            time.sleep(max(timeout_s, 0.0))
            return ""
        ready, _, _ = select.select([self._fd], [], [], max(timeout_s, 0.0))
        if not ready:
            return ""
        data = os.read(self._fd, READ_BYTES)
        if not data:  # the terminal went away: stop listening, keep walking
            self._ended = True
            return ""
        return data.decode("utf-8", "replace")


@contextmanager
def open_keys(stream: TextIO | None = None) -> Iterator[KeySource]:
    """Keys from ``stream`` (default: standard input) while the block runs; the
    terminal's settings are restored however the block ends."""
    fd = _terminal_fd(stream if stream is not None else sys.stdin)
    if fd is None:
        yield NoKeys()
        return
    with TerminalKeys(fd) as keys:
        yield keys


def _terminal_fd(stream: TextIO | None) -> int | None:
    """The stream's descriptor when it is a terminal whose settings can be read."""
    try:
        fd = stream.fileno() if stream is not None else -1
        if fd < 0 or not os.isatty(fd):
            return None
        termios.tcgetattr(fd)
    except (AttributeError, OSError, ValueError, termios.error):
        return None
    return fd
