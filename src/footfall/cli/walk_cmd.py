"""``footfall walk``: a guided walk (R7 form cues, R6 pace band) to hear, to carry on a
watch, to put in a calendar, or to be coached through live in the terminal."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.table import Table

from footfall.cli.common import (
    DbOption,
    JsonOption,
    err,
    one_line_errors,
    opened_store,
    out,
    print_json,
)
from footfall.cli.progress import progress_bar
from footfall.day_range import parse_day
from footfall.errors import UsageError
from footfall.guide import STYLE_NAMES, Timeline
from footfall.guide.live import run_live
from footfall.guide.service import (
    DEFAULT_INTERVALS,
    WalkRequest,
    clock_text,
    parse_intervals,
    prepare_walk,
    write_walk,
)


@one_line_errors
def walk_command(
    ctx: typer.Context,
    minutes: Annotated[float | None, typer.Option(help="How long the walk lasts.")] = None,
    style: Annotated[str, typer.Option(help=f"One of: {', '.join(STYLE_NAMES)}.")] = "brisk",
    planned: Annotated[
        str | None, typer.Option(help="Coach the stored plan's walk on this day (YYYY-MM-DD).")
    ] = None,
    role: Annotated[
        str | None, typer.Option(help="With --planned: which walk, when the day has several.")
    ] = None,
    audio: Annotated[
        Path | None, typer.Option(help="Speak the cues into an audio file (.wav, .ogg, .mp3).")
    ] = None,
    fit: Annotated[Path | None, typer.Option(help="Write the walk as a FIT workout.")] = None,
    ics: Annotated[Path | None, typer.Option(help="Write the walk as a calendar event.")] = None,
    live: Annotated[bool, typer.Option(help="Coach the walk live in this terminal.")] = False,
    incline: Annotated[float | None, typer.Option(help="Treadmill incline % for a hike.")] = None,
    intervals: Annotated[
        str | None,
        typer.Option(help="Walk:run minutes of intervals; default 4:1.", show_default=False),
    ] = None,
    db: DbOption = None,
    json: JsonOption = False,
) -> None:
    """A guided walk: warm-up, main part and cool-down, form cues (R7), pace band (R6),
    time markers and a closing question. Without an output option, prints its script."""
    if live and json:
        raise UsageError("--live coaches in the terminal; it does not go with --json")
    if intervals is not None and (style != "intervals" or planned):
        raise UsageError("--intervals goes with --style intervals")
    with opened_store(ctx, db) as store:
        request = WalkRequest(
            minutes=minutes,
            style=style,
            planned=parse_day(planned, "--planned") if planned is not None else None,
            role=role,
            incline_pct=incline,
            intervals=parse_intervals(intervals) if intervals is not None else DEFAULT_INTERVALS,
        )
        walk = prepare_walk(store, request)
    timeline = walk.timeline
    with progress_bar("rendering the walk") as bar:
        written = write_walk(walk, audio=audio, fit=fit, ics=ics, progress=bar.fraction)
    if json:
        print_json({**timeline.to_json(), "files": [str(p) for p in written]})
    elif not live:
        if not written:
            print_script(timeline)
        for path in written:
            out.print(f"wrote {path}")
    if live:
        run_live(timeline, units=walk.athlete.units)


def print_script(timeline: Timeline) -> None:
    table = Table(
        box=box.SIMPLE_HEAD,
        show_edge=False,
        title=f"{timeline.style} walk, {timeline.minutes:g} min",
        title_justify="left",
    )
    table.add_column("at", justify="right", no_wrap=True)
    table.add_column("part", no_wrap=True)
    table.add_column("cue", overflow="fold")
    for cue in timeline.cues:
        table.add_row(clock_text(cue.at_s), cue.part, cue.text)
    out.print(table)
    err.print("add --audio walk.wav, --fit walk.fit, --ics walk.ics or --live to take it along")
