"""The one Rich progress bar the commands draw, on standard error (standard output stays
clean for ``--json``). Library calls report progress through plain callbacks; this
turns either kind into the bar:

- ``counting(total, label)``: called once with the total (``label`` empty), then once
  per item done with ``total`` None (the import and measure stages);
- ``fraction(done, total)``: how far along (rendering a walk's audio).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from footfall.cli.common import err

LABEL_WIDTH = 40


@dataclass(frozen=True, slots=True)
class Bar:
    progress: Progress
    task: TaskID

    def counting(self, total: int | None, label: str) -> None:
        if total is not None:
            self.progress.update(self.task, total=total, completed=0)
        else:
            self.progress.update(self.task, advance=1, description=short_label(label) or None)

    def fraction(self, done: int, total: int) -> None:
        self.progress.update(self.task, completed=done, total=total)


@contextmanager
def progress_bar(description: str, console: Console | None = None) -> Iterator[Bar]:
    """A bar that disappears when the block ends; none at all where standard error is
    not a terminal (a log or a pipe gets no bar and no stray blank line)."""
    console = console or err
    progress = Progress(
        TextColumn("{task.description}", markup=False),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    )
    with progress:
        yield Bar(progress, progress.add_task(description, total=None))


def short_label(label: str, width: int = LABEL_WIDTH) -> str:
    """A long path cut from the left, so its file name shows."""
    return label if len(label) <= width else "…" + label[-(width - 1) :]
