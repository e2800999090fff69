"""Planned walks as FIT workout files a Garmin watch (or Garmin Connect) takes.

    data = walk_to_fit(session, name="Finisher walk 15 min")
    paths = plan_to_fit_dir(plan, Path("workouts"))  # 2026-12-13_finisher_1.fit, …

A workout file holds ``file_id`` (type workout), one ``workout`` message (sport
walking, the name, the number of steps) and its ``workout_step`` messages, all timed:

- the main step, ``Brisk walk``: intensity active, the walk's pace band (R6) as a
  custom **speed** target. Faster pace is higher speed, so the low speed comes from
  the slow end of the band: 16:00–18:00 min/mi is 1.490–1.676 m/s. A walk without a
  band (the model allows it) gets an open target. The session's reason rides along in
  the step's ``notes``.
- walks of 10 minutes or more that start cold (every role but ``finisher``) begin with
  a ``Warm up`` step and end with a ``Cool down`` step, each 10 % of the walk kept
  between 1 and 5 minutes, with an open target (walk easy). A finisher is the one
  brisk step: the run before it was its warm-up, and the walk is the run's cool-down.

Durations are whole seconds and add up exactly to the walk's minutes (FIT stores
milliseconds). ``file_id`` is reproducible and distinct per walk: ``time_created`` is
midnight UTC of the walk's day, ``serial_number`` a CRC of its day, role and name —
a watch tells workouts apart by their file_id.
"""

from __future__ import annotations

import datetime as dt
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from footfall.errors import UsageError
from footfall.evidence import MILE_M
from footfall.export.schedule import numbered
from footfall.export.wording import day_text, session_title
from footfall.formats.fit.encode import FitWriter
from footfall.guide.model import Part, Timeline
from footfall.plan.model import Plan, PlannedSession

StepIntensity = Literal["warmup", "active", "cooldown"]

#: Walks this long or longer get warm-up and cool-down steps.
EASY_ENDS_FROM_S = 10 * 60
EASY_END_SHARE = 0.10
EASY_END_MIN_S = 60
EASY_END_MAX_S = 5 * 60
#: FIT strings hold 255 bytes with their terminating NUL.
_NOTES_BYTES = 254


@dataclass(frozen=True, slots=True)
class WorkoutStep:
    """One timed step; ``speed_m_s`` is (low, high), or None for an open target."""

    name: str
    seconds: int
    intensity: StepIntensity
    speed_m_s: tuple[float, float] | None = None
    notes: str | None = None


def walk_to_fit(session: PlannedSession, *, name: str) -> bytes:
    """One planned walk as a FIT workout file named ``name``."""
    key = f"{session.date.isoformat()}|{session.role}|{name}"
    return steps_to_fit(workout_steps(session), name=name, day=session.date, key=key)


def timeline_to_fit(timeline: Timeline, *, name: str, day: dt.date) -> bytes:
    """A guided walk as a FIT workout: one timed step per part (warm-up, main part,
    cool-down; each walk and run block of an interval walk), walking parts targeting
    their pace band as a speed range, running blocks open."""
    steps = [_part_step(part) for part in timeline.parts]
    key = f"{day.isoformat()}|{timeline.style}|{name}"
    return steps_to_fit(steps, name=name, day=day, key=key)


def steps_to_fit(steps: list[WorkoutStep], *, name: str, day: dt.date, key: str) -> bytes:
    """A walking workout of ``steps``; ``key`` makes its file id (serial) unique."""
    writer = FitWriter()
    writer.write(
        "file_id",
        type="workout",
        manufacturer="development",
        product=1,
        serial_number=zlib.crc32(key.encode()) % 0xFFFFFFFE + 1,  # never 0 (uint32z: none)
        time_created=dt.datetime.combine(day, dt.time(0, 0), tzinfo=dt.UTC),
    )
    writer.write("workout", sport="walking", num_valid_steps=len(steps), wkt_name=name)
    for index, step in enumerate(steps):
        _write_step(writer, index, step)
    return writer.to_bytes()


_PART_INTENSITY: dict[str, StepIntensity] = {"warm-up": "warmup", "cool-down": "cooldown"}


def _part_step(part: Part) -> WorkoutStep:
    seconds = max(1, round(part.end_s - part.start_s))
    intensity = _PART_INTENSITY.get(part.name, "active")
    if part.kind == "run" or part.pace_min_per_mi is None:
        return WorkoutStep(part.name.capitalize(), seconds, intensity)
    return WorkoutStep(
        part.name.capitalize(), seconds, intensity, pace_band_speeds_m_s(part.pace_min_per_mi)
    )


def workout_steps(session: PlannedSession) -> list[WorkoutStep]:
    """The walk's steps (see the module docstring); their seconds add up to its minutes."""
    if session.kind != "walk":
        raise UsageError(f"only walks become watch workouts, not a {session.type} run")
    total = round(session.minutes * 60)
    if total < 1:
        raise UsageError(f"a walk of {session.minutes:g} minutes is too short for a workout")
    ends = 0 if session.role == "finisher" else _easy_end_seconds(total)
    main = WorkoutStep(
        "Brisk walk", total - 2 * ends, "active", band_speeds_m_s(session), _notes(session)
    )
    if not ends:
        return [main]
    return [
        WorkoutStep("Warm up", ends, "warmup"),
        main,
        WorkoutStep("Cool down", ends, "cooldown"),
    ]


def band_speeds_m_s(session: PlannedSession) -> tuple[float, float] | None:
    """The pace band as (low, high) speed in m/s: low from the slow end of the band."""
    if session.pace_min_per_mi is None:
        return None
    return pace_band_speeds_m_s(session.pace_min_per_mi)


def pace_band_speeds_m_s(band_min_per_mi: tuple[float, float]) -> tuple[float, float]:
    fast, slow = sorted(band_min_per_mi)
    if fast <= 0:
        raise UsageError(f"a pace band of {fast:g} min/mi cannot be a speed target")
    return MILE_M / (slow * 60), MILE_M / (fast * 60)


def plan_to_fit_dir(plan: Plan, folder: Path) -> list[Path]:
    """One workout file per walk of the plan in ``folder`` (made if missing), named
    ``YYYY-MM-DD_<role>_<n>.fit``; the paths written, in the plan's order."""
    written = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for day in plan.days:
            for session, number in numbered(day):
                if session.kind != "walk":
                    continue
                path = folder / f"{session.date.isoformat()}_{session.role}_{number}.fit"
                path.write_bytes(walk_to_fit(session, name=workout_name(session)))
                written.append(path)
    except OSError as error:
        raise UsageError(
            f"cannot write the watch workouts to {folder}: {error.strerror}"
        ) from error
    return written


def workout_name(session: PlannedSession) -> str:
    """``Finisher walk 15 min Sun 13 Dec``: the title and the day, as a watch lists it."""
    return f"{session_title(session)} {day_text(session.date)}"


def _easy_end_seconds(total: int) -> int:
    if total < EASY_ENDS_FROM_S:
        return 0
    return min(max(round(total * EASY_END_SHARE), EASY_END_MIN_S), EASY_END_MAX_S)


def _write_step(writer: FitWriter, index: int, step: WorkoutStep) -> None:
    """A timed step; a speed target is a custom range (target_value 0, not a zone)."""
    low, high = step.speed_m_s or (None, None)
    writer.write(
        "workout_step",
        message_index=index,
        wkt_step_name=step.name,
        duration_type="time",
        duration_value=float(step.seconds),
        target_type="open" if step.speed_m_s is None else "speed",
        target_value=None if step.speed_m_s is None else 0,
        custom_target_value_low=low,
        custom_target_value_high=high,
        intensity=step.intensity,
        notes=step.notes,
    )


ELLIPSIS = "…"


def _notes(session: PlannedSession) -> str | None:
    if not session.why:
        return None
    text = f"{session.rule}: {session.why}".replace("\0", "")
    if len(text.encode("utf-8")) <= _NOTES_BYTES:
        return text
    # The field holds so many bytes: cut at the last whole word that fits, and say so.
    room = text.encode("utf-8")[: _NOTES_BYTES - len(ELLIPSIS.encode("utf-8"))]
    cut = room.decode("utf-8", errors="ignore")
    return cut[: cut.rfind(" ")].rstrip(" ,;:(") + ELLIPSIS if " " in cut else cut
