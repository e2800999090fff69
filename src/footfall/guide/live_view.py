"""What the live coach shows at one moment of a walk: a big countdown, the part with
its pace band and incline, a progress bar, the cue just said and the next one.

Pure: :func:`render` turns a :class:`Moment` into a Rich renderable.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.progress_bar import ProgressBar
from rich.table import Table
from rich.text import Text

from footfall.guide.model import Cue, Part, Timeline
from footfall.guide.styles import STYLES
from footfall.guide.words import band_in_units, spoken_seconds
from footfall.settings import Units

#: A cue stays highlighted for at least this long, or as long as it takes to say.
HIGHLIGHT_S = 5.0
#: The big countdown needs this many columns and rows; smaller terminals get text.
BIG_MIN_WIDTH = 44
BIG_MIN_HEIGHT = 16
UNIT_LABELS: dict[Units, str] = {"mi": "mile", "km": "km"}
HIGHLIGHT = "bold black on yellow"

_FONT = {
    "0": ("███", "█ █", "█ █", "█ █", "███"),
    "1": (" █ ", "██ ", " █ ", " █ ", "███"),
    "2": ("███", "  █", "███", "█  ", "███"),
    "3": ("███", "  █", "███", "  █", "███"),
    "4": ("█ █", "█ █", "███", "  █", "  █"),
    "5": ("███", "█  ", "███", "  █", "███"),
    "6": ("███", "█  ", "███", "█ █", "███"),
    "7": ("███", "  █", "  █", "  █", "  █"),
    "8": ("███", "█ █", "███", "█ █", "███"),
    "9": ("███", "█ █", "███", "  █", "███"),
    ":": (" ", "█", " ", "█", " "),
}


@dataclass(frozen=True, slots=True)
class Moment:
    """The walk ``elapsed_s`` seconds in: the cue last shown and the one to come."""

    timeline: Timeline
    elapsed_s: float
    last: Cue | None
    next: Cue | None
    units: Units
    paused: bool = False
    interactive: bool = True
    big: bool = True


def clock_text(seconds: float) -> str:
    """``192.4`` -> "3:12" (whole seconds, minutes as many as it takes)."""
    minutes, secs = divmod(max(int(seconds), 0), 60)
    return f"{minutes}:{secs:02d}"


def time_left(timeline: Timeline, elapsed_s: float) -> float:
    """Whole seconds left, rounded up: a walk shows its full length at the start and
    0:00 only at its end."""
    return float(max(math.ceil(timeline.seconds - elapsed_s - 1e-9), 0))


def part_at(timeline: Timeline, elapsed_s: float) -> Part:
    """The part the walk is in ``elapsed_s`` seconds in (the last one at its end)."""
    parts = timeline.parts
    return next((p for p in parts if p.start_s <= elapsed_s < p.end_s), parts[-1])


def part_label(timeline: Timeline, part: Part) -> str:
    """ "warm-up", "main part", "cool-down", or "walk 2 of 3" / "run 2 of 3"."""
    if part.name == "main":
        return "main part"
    if part.name not in {"walk", "run"}:
        return part.name
    same = [p for p in timeline.parts if p.name == part.name]
    return f"{part.name} {same.index(part) + 1} of {len(same)}"


def pace_text(part: Part, units: Units) -> str:
    """The band to hold, to the half minute as the cues say it: "15:00-24:00 per mile"."""
    if part.pace_min_per_mi is None:
        return "by feel"
    low, high = band_in_units(part.pace_min_per_mi, units)
    return f"{clock_text(low * 60)}–{clock_text(high * 60)} per {UNIT_LABELS[units]}"


def walk_title(timeline: Timeline) -> str:
    """ "20-minute brisk walk", "30-minute walk and run"."""
    style = STYLES.get(timeline.style)
    title = style.title if style is not None else f"{timeline.style} walk"
    return f"{timeline.minutes:g}-minute {title}"


def big_digits(text: str) -> Text:
    """``text`` ("12:34") five rows tall in block characters, each column doubled."""
    rows = []
    for row in range(5):
        cells = [_FONT[char][row] if char in _FONT else " " for char in text]
        rows.append("  ".join(cell.replace("█", "██").replace(" ", "  ") for cell in cells))
    return Text("\n".join(rows), style="bold")


def render(moment: Moment) -> RenderableType:
    """The whole live display at ``moment``."""
    timeline = moment.timeline
    left = clock_text(time_left(timeline, moment.elapsed_s))
    rows: list[RenderableType] = []
    if moment.big:
        rows.append(big_digits(left))
    rows += [
        _times_line(moment, left),
        _part_line(moment),
        _progress_line(moment),
        _cue_table(moment),
        Text(_keys_hint(moment), style="dim"),
    ]
    return Panel(Group(*rows), title=f"footfall · {walk_title(timeline)}", expand=True)


def _times_line(moment: Moment, left: str) -> Text:
    line = Text()
    line.append(f"{left} left", style="bold")
    line.append(
        f" · {clock_text(moment.elapsed_s)} elapsed of {clock_text(moment.timeline.seconds)}"
    )
    if moment.paused:
        line.append("  PAUSED", style="bold reverse")
    return line


def _progress_line(moment: Moment) -> Table:
    """A bar over the whole walk and how much of it is done."""
    done = moment.elapsed_s / moment.timeline.seconds
    table = Table.grid(padding=(0, 1), expand=True)
    table.add_column(ratio=1)
    table.add_column(no_wrap=True, justify="right")
    table.add_row(ProgressBar(total=1.0, completed=done), f"{done:4.0%}")
    return table


def _part_line(moment: Moment) -> Text:
    part = part_at(moment.timeline, moment.elapsed_s)
    label = part_label(moment.timeline, part)
    line = Text()
    line.append(label[0].upper() + label[1:], style="bold cyan")
    line.append(f" · pace {pace_text(part, moment.units)}")
    if part.incline_pct is not None:
        line.append(f" · incline {part.incline_pct:g} %")
    line.append(
        f" · {clock_text(math.ceil(part.end_s - moment.elapsed_s - 1e-9))} left in it", style="dim"
    )
    return line


def _cue_table(moment: Moment) -> Table:
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True, style="dim")
    table.add_column()
    last = moment.last
    if last is not None:
        fresh = moment.elapsed_s - last.at_s < max(
            HIGHLIGHT_S, spoken_seconds(last.text, moment.timeline.words_per_minute)
        )
        table.add_row("Now" if fresh else "Last", Text(last.text, style=HIGHLIGHT if fresh else ""))
    if moment.next is None:
        table.add_row("Next", Text("no more cues", style="dim"))
    else:
        wait = clock_text(math.ceil(moment.next.at_s - moment.elapsed_s))
        table.add_row(f"Next in {wait}", moment.next.text)
    return table


def _keys_hint(moment: Moment) -> str:
    if not moment.interactive:
        return "Ctrl-C stops"
    return "space resumes · q quits" if moment.paused else "q quits · space pauses"
