"""The plan file (SPEC §4): a YAML week of runs, every mistake named by line and field.

::

    athlete: {units: mi, step_floor: 8000, walking_attitude: keen, baseline_steps: 3500}
    week_start: 2026-12-07
    sessions:
      - {date: 2026-12-07, type: easy, minutes: 30}
    options: {swap_easy_runs: 1, swap_mode: equivalent, two_a_day: [2026-12-09]}

Decisions:

- ``week_start`` may be any date, not only a Monday: the week is the seven days from
  it (a coach's week may start on a Sunday, or the day after a race). Without it, the
  week is the one ``read_plan`` was asked for, else the Monday of the earliest session.
- The athlete block overrides the stored settings for this plan only: the returned
  :class:`PlanInput` carries an :class:`Athlete` with those values set (and no longer
  "assumed"). ``distance`` is in that athlete's ``units``.
- ``minutes`` is a number or a clock reading ``h:mm`` / ``h:mm:ss``.
- Unknown keys are mistakes: a misspelt option would otherwise be silently ignored.
- List positions in field names count from 0: ``sessions[0]`` is the first session.
- A key given as ``null`` (or left empty) takes its default.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, TypeVar

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from footfall.errors import PlanError, UsageError
from footfall.plan.model import ATTITUDES, SWAP_MODES, Attitude, PlanInput, PlanOptions, RunSession
from footfall.plan.sources import sessions as check
from footfall.plan.sources.sessions import Mistake
from footfall.plan.sources.yaml_nodes import compose_plan, is_null, line_of, mapping, scalar
from footfall.plan.sources.yaml_nodes import sequence as items_of
from footfall.settings import SETTING_NAMES, Athlete, Units, check_setting

TOP_KEYS = ("athlete", "week_start", "sessions", "options")
ATHLETE_KEYS = (*SETTING_NAMES, "walking_attitude", "baseline_steps")
SESSION_KEYS = ("date", "type", "minutes", "distance")
OPTION_KEYS = tuple(f.name for f in fields(PlanOptions))
#: R1: 30-60 s of walking per mile run.
FINISHER_S_PER_MILE = (30.0, 60.0)
MAX_BASELINE_STEPS = 100_000
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class _Profile:
    """The athlete block: settings for this plan, and the two plan-only values."""

    athlete: Athlete
    attitude: Attitude = "neutral"
    baseline_steps: int | None = None


def read_yaml_plan(
    text: str, path: Path, *, athlete: Athlete, week_start: dt.date | None = None
) -> PlanInput:
    """The week a plan file describes; a PlanError (line, field) for its first mistake."""
    top = _top_level(text, path)
    profile = _athlete_block(top.get("athlete"), path, athlete)
    written = _sessions(top["sessions"], path, profile.athlete.units)
    start = _week_start(top.get("week_start"), path) or week_start or _first_monday(written, path)
    for index, (session, date_line) in enumerate(written):
        field = f"sessions[{index}].date"
        _check(path, date_line, field, check.check_in_week, session.date, start)
    return PlanInput(
        week_start=start,
        sessions=check.in_date_order([session for session, _ in written]),
        athlete=profile.athlete,
        options=_options(top.get("options"), path, start),
        walking_attitude=profile.attitude,
        baseline_steps=profile.baseline_steps,
        source=str(path),
    )


def _check(path: Path, line: int | None, field: str, rule: Callable[..., T], *args: object) -> T:
    """``rule(*args)``, its Mistake turned into a PlanError at ``line`` and ``field``."""
    try:
        return rule(*args)
    except Mistake as exc:
        raise PlanError(path, line, field, exc.problem) from exc


def _value(node: Node, path: Path, field: str, rule: Callable[..., T], *extra: object) -> T:
    """``rule`` applied to the scalar at ``node``; a mistake is named at the node's line."""
    return _check(path, line_of(node), field, rule, scalar(node, path, field), *extra)


def _given(nodes: dict[str, Node], key: str) -> Node | None:
    """The node of ``key`` unless it is absent or null."""
    node = nodes.get(key)
    return None if node is None or is_null(node) else node


def _top_level(text: str, path: Path) -> dict[str, Node]:
    root = compose_plan(text, path)
    if root is None:
        raise PlanError(path, None, None, "holds no plan (only comments)")
    if not isinstance(root, MappingNode):
        kind = "a list" if isinstance(root, SequenceNode) else "a single value"
        known = ", ".join(TOP_KEYS)
        raise PlanError(path, line_of(root), None, f"must be a mapping of {known}, not {kind}")
    top = dict(mapping(root, path, None, "a plan"))
    _refuse_unknown(top, TOP_KEYS, path, "", "a plan key")
    if "sessions" not in top:
        raise PlanError(path, None, "sessions", "is missing: list the week's runs")
    return top


def _refuse_unknown(
    nodes: dict[str, Node], known: tuple[str, ...], path: Path, prefix: str, what: str
) -> None:
    for key, node in nodes.items():
        if key not in known:
            problem = f"is not {what} (known: {', '.join(known)})"
            raise PlanError(path, line_of(node), prefix + key, problem)


# --- athlete -----------------------------------------------------------------------------


def _athlete_block(node: Node | None, path: Path, athlete: Athlete) -> _Profile:
    if node is None or is_null(node):
        return _Profile(athlete)
    values = dict(mapping(node, path, "athlete", "the athlete block"))
    _refuse_unknown(values, ATHLETE_KEYS, path, "athlete.", "an athlete setting")
    settings = {
        name: _value(value, path, f"athlete.{name}", _setting, name)
        for name, value in values.items()
        if name in SETTING_NAMES and not is_null(value)
    }
    return _Profile(
        athlete.set(**settings),
        _plan_value(
            values,
            "walking_attitude",
            path,
            "neutral",
            check.one_of,
            ATTITUDES,
            "a walking attitude",
        ),
        _plan_value(
            values, "baseline_steps", path, None, check.whole_number, 0, MAX_BASELINE_STEPS, "steps"
        ),
    )


def _plan_value(
    values: dict[str, Node],
    key: str,
    path: Path,
    default: Any,
    rule: Callable[..., Any],
    *extra: object,
) -> Any:
    """A value of the athlete block that belongs to this plan, not to the settings."""
    node = _given(values, key)
    return default if node is None else _value(node, path, f"athlete.{key}", rule, *extra)


def _setting(value: object, name: str) -> object:
    """An athlete setting, checked as ``footfall athlete`` checks it."""
    try:
        check_setting(name, value)
    except UsageError as exc:
        raise Mistake(f"{str(exc).removeprefix(f'{name}: ')} (got {value!r})") from exc
    return value


# --- week and sessions -------------------------------------------------------------------


def _week_start(node: Node | None, path: Path) -> dt.date | None:
    return None if node is None else _value(node, path, "week_start", check.iso_date)


def _first_monday(written: list[tuple[RunSession, int]], path: Path) -> dt.date:
    """Without a week_start, the week is the Monday-to-Sunday of the earliest session."""
    if not written:
        raise PlanError(path, None, "week_start", "is missing, and no session gives a date")
    return check.monday_of(min(session.date for session, _ in written))


def _sessions(node: Node, path: Path, units: Units) -> list[tuple[RunSession, int]]:
    """Each session with the line of its date (for the week check that follows)."""
    if is_null(node):
        return []
    return [
        _session(item, path, f"sessions[{index}]", units)
        for index, item in enumerate(items_of(node, path, "sessions"))
    ]


def _session(node: Node, path: Path, field: str, units: Units) -> tuple[RunSession, int]:
    values = dict(mapping(node, path, field, "a session (date, type, minutes, distance)"))
    _refuse_unknown(values, SESSION_KEYS, path, f"{field}.", "a session key")
    for required in ("date", "type"):
        if _given(values, required) is None:
            raise PlanError(path, line_of(node), f"{field}.{required}", "is missing")
    day = _value(values["date"], path, f"{field}.date", check.iso_date)
    kind = _value(values["type"], path, f"{field}.type", check.session_type)
    minutes = _amount(_given(values, "minutes"), path, f"{field}.minutes", check.session_minutes)
    distance = _amount(
        _given(values, "distance"), path, f"{field}.distance", check.session_distance_m, units
    )
    _check(path, line_of(node), field, check.check_amounts, kind, minutes, distance)
    session = RunSession(day, kind, minutes, distance, line=line_of(node))
    return session, line_of(values["date"])


def _amount(
    node: Node | None, path: Path, field: str, rule: Callable[..., float], *extra: object
) -> float | None:
    if node is None:
        return None
    # PyYAML reads 1:15 as the base-60 number 75, but 1:15:00 as 4500. Read a clock from
    # the text instead, so both mean an hour and a quarter.
    if isinstance(node, ScalarNode) and ":" in node.value:
        return _check(path, line_of(node), field, rule, node.value, *extra)
    return _value(node, path, field, rule, *extra)


# --- options -----------------------------------------------------------------------------


def _options(node: Node | None, path: Path, week_start: dt.date) -> PlanOptions:
    if node is None or is_null(node):
        return PlanOptions()
    values = dict(mapping(node, path, "options", "the options block"))
    _refuse_unknown(values, OPTION_KEYS, path, "options.", "an option")
    chosen = {
        key: _option(key, value, path, week_start)
        for key, value in values.items()
        if not is_null(value)
    }
    return PlanOptions(**chosen)


def _option(key: str, node: Node, path: Path, week_start: dt.date) -> Any:
    field = f"options.{key}"
    if key == "two_a_day":
        return _two_a_day(node, path, field, week_start)
    if key == "swap_easy_runs":
        return _value(node, path, field, check.whole_number, 0, check.WEEK_DAYS, "runs")
    if key == "swap_mode":
        return _value(node, path, field, check.one_of, SWAP_MODES, "a swap mode")
    if key == "finisher_s_per_mile":
        return _value(node, path, field, check.between, *FINISHER_S_PER_MILE, "seconds per mile")
    minutes = _value(node, path, field, check.number, "minutes")  # daily_cap_min
    return _check(path, line_of(node), field, check.positive, minutes, "minutes", 24 * 60.0)


def _two_a_day(node: Node, path: Path, field: str, week_start: dt.date) -> tuple[dt.date, ...]:
    """Dates of the week with a second session: a list, or one date on its own."""
    nodes = [node] if isinstance(node, ScalarNode) else items_of(node, path, field)
    days = []
    for index, item in enumerate(nodes):
        name = f"{field}[{index}]"
        day = _value(item, path, name, check.iso_date)
        days.append(_check(path, line_of(item), name, check.check_in_week, day, week_start))
    return tuple(days)
