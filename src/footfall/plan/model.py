"""What the planner takes and gives (SPEC §3 ``plan``, §4 the plan file).

Plain, frozen data: sources (YAML, ICS, CSV, history) make a :class:`PlanInput`; the
store supplies a :class:`History`; the rules and the composer turn both into a
:class:`Plan`; exporters read the Plan.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal, cast

from footfall.settings import Athlete

SessionType = Literal["easy", "recovery", "long", "workout", "race", "rest"]
SESSION_TYPES: tuple[SessionType, ...] = ("easy", "recovery", "long", "workout", "race", "rest")
SwapMode = Literal["equivalent", "time_on_feet"]
SWAP_MODES: tuple[SwapMode, ...] = ("equivalent", "time_on_feet")
Attitude = Literal["keen", "neutral", "reluctant"]
ATTITUDES: tuple[Attitude, ...] = ("keen", "neutral", "reluctant")
Kind = Literal["run", "walk"]
Role = Literal["main", "finisher", "second", "swap", "step_floor"]
Intensity = Literal["light", "moderate", "vigorous"]
INTENSITY_ORDER: dict[Intensity, int] = {"light": 0, "moderate": 1, "vigorous": 2}


@dataclass(frozen=True, slots=True)
class RunSession:
    """One session of the runner's own plan, as written. ``distance_m`` is converted
    from the plan's units; ``line`` is where the source wrote it (for messages)."""

    date: dt.date
    type: SessionType
    minutes: float | None = None
    distance_m: float | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class PlanOptions:
    """SPEC §4 ``options``. ``daily_cap_min`` caps a day's walking minutes (None: no cap)."""

    swap_easy_runs: int = 0
    swap_mode: SwapMode = "equivalent"
    two_a_day: tuple[dt.date, ...] = ()
    finisher_s_per_mile: float = 45.0
    daily_cap_min: float | None = None


@dataclass(frozen=True, slots=True)
class PlanInput:
    """Everything the runner (or coach) said about the week."""

    week_start: dt.date
    sessions: tuple[RunSession, ...]
    athlete: Athlete = field(default_factory=Athlete)
    options: PlanOptions = field(default_factory=PlanOptions)
    walking_attitude: Attitude = "neutral"
    #: Steps on a day without sessions; None: learn it per weekday from history.
    baseline_steps: int | None = None
    source: str = ""


@dataclass(frozen=True, slots=True)
class LadderState:
    """R5, the habit ladder of a reluctant walker: the next finisher's length, how
    many walks were done on it, and the weekly goal it grows toward."""

    step_ft: float = 100.0
    walks_done: int = 0
    goal_miles_per_week: float = 5.0


@dataclass(frozen=True, slots=True)
class History:
    """What the runner's own recent past says, as plain numbers (None: no data, the
    rule falls back to its published default and says so)."""

    run_speed_m_s: float | None = None
    run_cadence_spm: float | None = None
    brisk_speed_m_s: float | None = None
    walk_cadence_spm: float | None = None
    longest_run_30d_m: float | None = None
    #: Steps outside any recorded activity, median per weekday (0 = Monday).
    baseline_steps_by_weekday: dict[int, float] = field(default_factory=dict)
    ladder: LadderState = field(default_factory=LadderState)


@dataclass(frozen=True, slots=True)
class PlannedSession:
    """One session of the planned week. ``rule`` is ``plan`` for the runner's own
    sessions, else the rule id that added it; ``why`` says why, naming its source."""

    date: dt.date
    kind: Kind
    role: Role
    type: str
    minutes: float
    distance_m: float | None
    pace_min_per_mi: tuple[float, float] | None
    intensity: Intensity
    steps: int
    impact_bw_steps: float
    rule: str
    why: str

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "role": self.role,
            "type": self.type,
            "minutes": round(self.minutes, 1),
            "distance_m": None if self.distance_m is None else round(self.distance_m, 1),
            "pace_min_per_mi": None
            if self.pace_min_per_mi is None
            else [round(self.pace_min_per_mi[0], 2), round(self.pace_min_per_mi[1], 2)],
            "intensity": self.intensity,
            "steps": self.steps,
            "impact_bw_steps": round(self.impact_bw_steps),
            "rule": self.rule,
            "why": self.why,
        }

    @classmethod
    def from_json(cls, date: dt.date, data: dict[str, Any]) -> PlannedSession:
        pace = data.get("pace_min_per_mi")
        return cls(
            date=date,
            kind=data["kind"],
            role=data["role"],
            type=data.get("type", data["role"]),
            minutes=float(data["minutes"]),
            distance_m=None if data.get("distance_m") is None else float(data["distance_m"]),
            pace_min_per_mi=None if pace is None else (float(pace[0]), float(pace[1])),
            intensity=data["intensity"],
            steps=int(data["steps"]),
            impact_bw_steps=float(data["impact_bw_steps"]),
            rule=data["rule"],
            why=data["why"],
        )


@dataclass(frozen=True, slots=True)
class Flag:
    """A warning about the plan (R9), with what to do about it."""

    date: dt.date
    rule: str
    why: str

    def to_json(self) -> dict[str, Any]:
        return {"date": self.date.isoformat(), "rule": self.rule, "why": self.why}


@dataclass(frozen=True, slots=True)
class Figures:
    """A week's figures, before or after the walks (SPEC §3)."""

    run_min: float
    walk_min: float
    time_on_feet_min: float
    impact_bw_steps: float
    run_equiv_min: float
    floor_days: int

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Figures:
        return cls(
            run_min=float(data["run_min"]),
            walk_min=float(data["walk_min"]),
            time_on_feet_min=float(data["time_on_feet_min"]),
            impact_bw_steps=float(data["impact_bw_steps"]),
            run_equiv_min=float(data["run_equiv_min"]),
            floor_days=int(data["floor_days"]),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "run_min": round(self.run_min, 1),
            "walk_min": round(self.walk_min, 1),
            "time_on_feet_min": round(self.time_on_feet_min, 1),
            "impact_bw_steps": round(self.impact_bw_steps),
            "run_equiv_min": round(self.run_equiv_min, 1),
            "floor_days": self.floor_days,
        }


@dataclass(frozen=True, slots=True)
class Given:
    """What the runner gave for the week (their own sessions and the options), kept with
    the plan so the week can be planned again from what they said: a swapped run is gone
    from the plan's days, not from here. The plan's ``given`` field (an addition to
    SPEC §3)."""

    sessions: tuple[RunSession, ...]
    options: PlanOptions
    walking_attitude: Attitude
    baseline_steps: int | None

    @classmethod
    def of(cls, plan: PlanInput) -> Given:
        return cls(plan.sessions, plan.options, plan.walking_attitude, plan.baseline_steps)

    def to_json(self) -> dict[str, Any]:
        options = self.options
        return {
            "sessions": [
                {
                    "date": s.date.isoformat(),
                    "type": s.type,
                    "minutes": s.minutes,
                    "distance_m": s.distance_m,
                }
                for s in self.sessions
            ],
            "options": {
                "swap_easy_runs": options.swap_easy_runs,
                "swap_mode": options.swap_mode,
                "two_a_day": [day.isoformat() for day in options.two_a_day],
                "finisher_s_per_mile": options.finisher_s_per_mile,
                "daily_cap_min": options.daily_cap_min,
            },
            "walking_attitude": self.walking_attitude,
            "baseline_steps": self.baseline_steps,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Given:
        options = data["options"]
        return cls(
            sessions=tuple(
                RunSession(
                    dt.date.fromisoformat(s["date"]),
                    cast("SessionType", s["type"]),
                    s["minutes"],
                    s["distance_m"],
                )
                for s in data["sessions"]
            ),
            options=PlanOptions(
                swap_easy_runs=options["swap_easy_runs"],
                swap_mode=cast("SwapMode", options["swap_mode"]),
                two_a_day=tuple(dt.date.fromisoformat(d) for d in options["two_a_day"]),
                finisher_s_per_mile=options["finisher_s_per_mile"],
                daily_cap_min=options["daily_cap_min"],
            ),
            walking_attitude=cast("Attitude", data["walking_attitude"]),
            baseline_steps=data["baseline_steps"],
        )


@dataclass(frozen=True, slots=True)
class PlanDay:
    date: dt.date
    sessions: tuple[PlannedSession, ...]


@dataclass(frozen=True, slots=True)
class Plan:
    """The planned week: seven days from ``start``, flags, and the figures before and
    after the walks were placed."""

    start: dt.date
    days: tuple[PlanDay, ...]
    flags: tuple[Flag, ...]
    before: Figures
    after: Figures
    given: Given | None = None

    def sessions(self) -> list[PlannedSession]:
        return [session for day in self.days for session in day.sessions]

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat(),
            "days": [
                {"date": day.date.isoformat(), "sessions": [s.to_json() for s in day.sessions]}
                for day in self.days
            ],
            "flags": [flag.to_json() for flag in self.flags],
            "before": self.before.to_json(),
            "after": self.after.to_json(),
            "given": None if self.given is None else self.given.to_json(),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Plan:
        """The plan :meth:`to_json` wrote (as the store keeps it)."""
        days = []
        for day in data["days"]:
            date = dt.date.fromisoformat(day["date"])
            sessions = tuple(PlannedSession.from_json(date, s) for s in day["sessions"])
            days.append(PlanDay(date, sessions))
        flags = tuple(
            Flag(dt.date.fromisoformat(f["date"]), f["rule"], f["why"]) for f in data["flags"]
        )
        return cls(
            start=dt.date.fromisoformat(data["start"]),
            days=tuple(days),
            flags=flags,
            before=Figures.from_json(data["before"]),
            after=Figures.from_json(data["after"]),
            given=Given.from_json(data["given"]) if data.get("given") else None,
        )
