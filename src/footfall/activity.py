"""The one shape every decoder produces: a columnar activity, and daily step totals.

Decoders for FIT, GPX, TCX, Apple Health, Strava exports and step CSVs all return a
:class:`Decoded`; nothing downstream knows which format a number came from.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field, replace

import numpy as np
from numpy.typing import NDArray

from footfall.errors import FileProblem

FloatArray = NDArray[np.float64]

STREAM_COLUMNS: tuple[str, ...] = (
    "time_s",
    "lat_deg",
    "lon_deg",
    "altitude_m",
    "distance_m",
    "speed_m_s",
    "cadence_cpm",
    "heart_rate_bpm",
)


def _empty() -> FloatArray:
    return np.empty(0, dtype=np.float64)


@dataclass(frozen=True, slots=True)
class Samples:
    """Columnar samples of one activity, one row per recorded point, sorted by time.

    Every column is float64 of the same length; NaN marks a value the file did not give.

    - ``time_s``: seconds since the Unix epoch, UTC (never NaN).
    - ``lat_deg`` / ``lon_deg``: WGS84 degrees (NaN for treadmill and indoor files).
    - ``altitude_m``: metres above sea level (enhanced altitude where the file has it).
    - ``distance_m``: cumulative distance as the device recorded it.
    - ``speed_m_s``: instantaneous speed as the device recorded it (enhanced speed first).
    - ``cadence_cpm``: cycles per minute exactly as the file records them, fractional
      part included. For Garmin foot sports that is strides per minute (one foot), so
      steps per minute is twice it; some devices record steps per minute. The measures
      decide; decoders never double or halve.
    - ``heart_rate_bpm``: beats per minute.
    """

    time_s: FloatArray = field(default_factory=_empty)
    lat_deg: FloatArray = field(default_factory=_empty)
    lon_deg: FloatArray = field(default_factory=_empty)
    altitude_m: FloatArray = field(default_factory=_empty)
    distance_m: FloatArray = field(default_factory=_empty)
    speed_m_s: FloatArray = field(default_factory=_empty)
    cadence_cpm: FloatArray = field(default_factory=_empty)
    heart_rate_bpm: FloatArray = field(default_factory=_empty)

    def __post_init__(self) -> None:
        n = len(self.time_s)
        for name in STREAM_COLUMNS:
            if len(getattr(self, name)) != n:
                raise ValueError(f"column {name} has {len(getattr(self, name))} rows, not {n}")

    @classmethod
    def from_columns(cls, n: int, **columns: FloatArray | None) -> Samples:
        """Build from the columns a decoder found; missing ones become all-NaN."""
        full: dict[str, FloatArray] = {}
        for name in STREAM_COLUMNS:
            col = columns.get(name)
            full[name] = np.full(n, np.nan) if col is None else np.asarray(col, dtype=np.float64)
        return cls(**full)

    def __len__(self) -> int:
        return len(self.time_s)

    def column(self, name: str) -> FloatArray:
        value: FloatArray = getattr(self, name)
        return value

    def has(self, name: str) -> bool:
        """True when the column holds at least one real value."""
        return bool(np.any(np.isfinite(self.column(name))))

    def take(self, index: NDArray[np.bool_] | NDArray[np.intp]) -> Samples:
        """The rows selected by a boolean mask or an index array."""
        return Samples(**{name: self.column(name)[index] for name in STREAM_COLUMNS})


@dataclass(frozen=True, slots=True)
class Lap:
    """A lap as the file states it. NaN where the file does not say."""

    start_s: float
    elapsed_s: float = math.nan
    timer_s: float = math.nan
    distance_m: float = math.nan
    cycles: float = math.nan  # strides for foot sports on Garmin (total_strides/cycles)


@dataclass(frozen=True, slots=True)
class Totals:
    """The device's own summary of an activity (FIT session, TCX lap sums, Apple
    Health workout attributes, Strava CSV). NaN where the file does not say."""

    elapsed_s: float = math.nan
    timer_s: float = math.nan
    distance_m: float = math.nan
    cycles: float = math.nan  # FIT total_cycles / total_strides: strides on foot sports
    steps: float = math.nan  # a step count stated as steps (Apple Health, Strava)
    calories_kcal: float = math.nan


@dataclass(frozen=True, slots=True)
class Activity:
    """One recorded activity.

    ``start_s`` is the UTC start (seconds since the epoch); ``source_sport`` is the
    file's own label, kept verbatim in lower case (``running``, ``running/treadmill``,
    ``walking``, ``9`` for a Strava GPX type code, ``hkworkoutactivitytypewalking``).
    ``utc_offset_s`` is the local offset the file states, when it states one.
    ``index`` numbers activities inside one file (multisport sessions, TCX files with
    several Activity elements), from 0.
    """

    samples: Samples
    start_s: float
    source_sport: str = ""
    device: str = ""
    laps: tuple[Lap, ...] = ()
    totals: Totals = Totals()
    name: str = ""
    utc_offset_s: int | None = None
    index: int = 0

    @property
    def start(self) -> dt.datetime:
        return dt.datetime.fromtimestamp(self.start_s, tz=dt.UTC)

    @property
    def end_s(self) -> float:
        if len(self.samples):
            return float(self.samples.time_s[-1])
        if math.isfinite(self.totals.elapsed_s):
            return self.start_s + self.totals.elapsed_s
        return self.start_s

    def as_listed(self, *, name: str = "", sport: str = "") -> Activity:
        """The activity under the name and sport an export's index lists it with
        (Strava's activities.csv): the runner's own last word, so it wins over the file's
        where it says anything. The sport is kept as the label, in lower case."""
        return replace(
            self,
            name=name.strip() or self.name,
            source_sport=sport.strip().lower() or self.source_sport,
        )


@dataclass(frozen=True, slots=True)
class DaySteps:
    """A device's step total for one local calendar day.

    ``source`` names the device or app (``apple_health:Jonathan’s iPhone``,
    ``fit_monitoring:vivofit``, ``csv``); the measures pick among overlapping sources.
    """

    date: dt.date
    steps: int
    source: str


@dataclass(slots=True)
class Decoded:
    """What one file gave: activities, daily step totals, and what went wrong on the way.

    ``problems`` are failures that did not stop the sound parts from being kept (a
    chained FIT whose second part fails its CRC, a truncated file whose complete records
    are kept): the import reports them as errors. ``warnings`` are gaps a runner should
    know of that lose nothing the file holds (an Apple Health workout whose route file
    is not in the export): reported, but the file counts as imported.
    """

    activities: list[Activity] = field(default_factory=list)
    day_steps: list[DaySteps] = field(default_factory=list)
    problems: list[FileProblem] = field(default_factory=list)
    format: str = ""
    warnings: list[FileProblem] = field(default_factory=list)
