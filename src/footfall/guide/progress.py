"""A Rich progress bar for rendering a walk's audio, on standard error (standard
output stays clean for ``--json``)::

    with progress_bar() as progress:
        render_audio(timeline, Path("walk.mp3"), progress=progress)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn


@contextmanager
def progress_bar(
    description: str = "Rendering the walk", console: Console | None = None
) -> Iterator[Callable[[int, int], None]]:
    """A ``progress(done, total)`` callback drawing a bar while the block runs."""
    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console or Console(stderr=True),
        transient=True,
    )
    with bar:
        task = bar.add_task(description, total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update
