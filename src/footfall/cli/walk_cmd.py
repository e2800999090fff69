"""``footfall walk``: a guided walk (R7 form cues, R6 pace band) to hear, to carry on a
watch, to put in a calendar, or to be coached through live in the terminal."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Annotated, Any

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
from footfall.cli.week_cmd import parse_day, today
from footfall.errors import UsageError
from footfall.export.fit_workout import timeline_to_fit
from footfall.export.ics import walk_to_ics
from footfall.guide import STYLE_NAMES, Timeline, build_timeline, progress_bar, render_audio
from footfall.guide.planned import pick_walk, planned_timeline, planned_walks
from footfall.metrics.timezone import zone_named
from footfall.plan.model import PlannedSession
from footfall.settings import Athlete
from footfall.store.athlete import load_athlete
from footfall.store.history import past_walks
from footfall.store.plans import plan_covering


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
        str, typer.Option(help="Walk:run minutes of an intervals walk, e.g. 4:1.")
    ] = "4:1",
    db: DbOption = None,
    json: JsonOption = False,
) -> None:
    """A guided walk: warm-up, main part and cool-down, form cues (R7), pace band (R6),
    time markers and a closing question. Without an output option, prints its script."""
    with opened_store(ctx, db) as store, store.session() as session:
        athlete = load_athlete(session)
        now = today(athlete)
        past = past_walks(session, now)
        if planned is not None:
            day = parse_day(planned)
            plan = plan_covering(session, day)
            if plan is None:
                raise UsageError(f"--planned: no stored plan covers {day} (run footfall plan)")
            walk = pick_walk(planned_walks(plan, day), day, role)
            timeline = planned_timeline(walk, units=athlete.units, past=past)
        else:
            if minutes is None:
                raise UsageError("give --minutes (or --planned DATE)")
            day = now
            walk = None
            timeline = build_timeline(
                minutes,
                style,
                units=athlete.units,
                incline_pct=incline,
                intervals=_intervals(intervals),
                past=past,
            )
    written = _write(timeline, walk, athlete, day, audio=audio, fit=fit, ics=ics)
    if json:
        print_json({**timeline_json(timeline), "files": [str(p) for p in written]})
    elif not live:
        if not written:
            print_script(timeline)
        for path in written:
            out.print(f"wrote {path}")
    if live:
        from footfall.guide.live import run_live  # noqa: PLC0415 - the live coach loads late

        run_live(timeline)


def _intervals(text: str) -> tuple[int, int]:
    try:
        walk, run = (int(part) for part in text.split(":"))
    except ValueError:
        raise UsageError(f"--intervals: '{text}' is not walk:run minutes such as 4:1") from None
    return walk, run


def _write(
    timeline: Timeline,
    walk: PlannedSession | None,
    athlete: Athlete,
    day: dt.date,
    *,
    audio: Path | None,
    fit: Path | None,
    ics: Path | None,
) -> list[Path]:
    written: list[Path] = []
    name = f"{timeline.style.capitalize()} walk {timeline.minutes:g} min"
    if audio is not None:
        with progress_bar() as progress:
            written.append(render_audio(timeline, audio, progress=progress))
    if fit is not None:
        _save(fit, timeline_to_fit(timeline, name=name, day=day))
        written.append(fit)
    if ics is not None:
        zone = zone_named(athlete.time_zone) if athlete.time_zone else None
        session = walk or _as_session(timeline, day)
        _save(ics, walk_to_ics(session, zone=zone, units=athlete.units, script=script(timeline)))
        written.append(ics)
    return written


def _save(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise UsageError(f"cannot write {path} ({exc.strerror or exc})") from None


def _as_session(timeline: Timeline, day: dt.date) -> PlannedSession:
    """A walk outside any plan, as a calendar exporter takes it."""
    band = next((p.pace_min_per_mi for p in timeline.parts if p.pace_min_per_mi), None)
    return PlannedSession(
        date=day,
        kind="walk",
        role="second" if timeline.style == "recovery" else "swap",
        type="walk",
        minutes=timeline.minutes,
        distance_m=None,
        pace_min_per_mi=band,
        intensity="light" if timeline.style in {"recovery", "mindful"} else "moderate",
        steps=0,
        impact_bw_steps=0.0,
        rule="R7",
        why=f"A guided {timeline.style} walk with form cues (R7: the source article).",
    )


def script(timeline: Timeline) -> str:
    """The cues as text, one line each with its time: the walk's script."""
    return "\n".join(f"{_clock(cue.at_s)}  {cue.text}" for cue in timeline.cues)


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
        table.add_row(_clock(cue.at_s), cue.part, cue.text)
    out.print(table)
    err.print("add --audio walk.wav, --fit walk.fit, --ics walk.ics or --live to take it along")


def timeline_json(timeline: Timeline) -> dict[str, Any]:
    return {
        "minutes": timeline.minutes,
        "style": timeline.style,
        "parts": [dataclasses.asdict(part) for part in timeline.parts],
        "cues": [dataclasses.asdict(cue) for cue in timeline.cues],
    }


def _clock(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"
