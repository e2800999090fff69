"""The report's charts of the runner's own trend (R8), drawn with matplotlib.

One function per chart, each drawing a :class:`~matplotlib.figure.Figure` from a
:class:`~footfall.trends.Trend`: time on feet, run vs walk minutes, impact load by gait,
steps outside runs against the floor, brisk minutes, the habit ladder and how the
runner felt. Every bar carries an id (``<chart>-<series>-<n>``) in the SVG, so a page
or a test can find each one. A chart with nothing to draw (no ladder yet, no
check-ins) is a :class:`ChartNote` that says why instead.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from footfall.export.wording import MONTHS, WEEKDAYS
from footfall.report.render import Rendered, new_figure, render
from footfall.trends import DayPoint, LadderPoint, Trend, WeekPoint

if TYPE_CHECKING:
    import datetime as dt

    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

#: Colours that stay apart for colour-blind readers (Okabe & Ito).
ON_FEET = "#3B6E8F"
RUN = "#E69F00"
WALK = "#0072B2"
BRISK = "#009E73"
MET = "#009E73"
UNDER = "#D55E00"
UNKNOWN = "#BBBBBB"
LADDER = "#CC79A7"
STRONGER, WEAKER, HIGHER, LOWER = "#009E73", "#D55E00", "#56B4E9", "#CC79A7"
#: The daily step chart shows the days of the last weeks only (R8's last 4 weeks).
FLOOR_CHART_WEEKS = 4
#: At most this many week labels under a chart; the last week is always labelled.
MOST_WEEK_LABELS = 13
BAR_WIDTH = 0.7


@dataclass(frozen=True, slots=True)
class ChartSpec:
    """A chart to draw: its id (file name and HTML id), title, caption and drawing."""

    id: str
    title: str
    caption: str
    draw: Callable[[], Figure]


@dataclass(frozen=True, slots=True)
class ChartNote:
    """A chart left out, and the sentence that stands in its place."""

    id: str
    title: str
    note: str


@dataclass(frozen=True, slots=True)
class Chart:
    """A chart drawn."""

    id: str
    title: str
    caption: str
    rendered: Rendered


def report_charts(trend: Trend) -> list[ChartSpec | ChartNote]:
    """The report's charts in page order (empty when nothing was recorded)."""
    weeks = trend.weeks
    if not any(point.has_record() for point in weeks):
        return []
    return [
        ChartSpec(
            "time_on_feet",
            "Time on feet",
            "Moving minutes of runs, walks and hikes in each Monday-Sunday week.",
            lambda: time_on_feet_chart(weeks),
        ),
        ChartSpec(
            "run_walk",
            "Run and walk minutes",
            "Running and walking (with hiking) minutes each week, stacked: together they "
            "are the time on feet.",
            lambda: run_walk_chart(weeks),
        ),
        ChartSpec(
            "impact",
            "Impact load by gait",
            "Steps times the ground reaction force in body weights (E1: about 2.5 running, "
            "1.2 walking), from runs and from walks.",
            lambda: impact_chart(weeks),
        ),
        _floor_spec(trend),
        ChartSpec(
            "brisk",
            "Brisk walking minutes",
            "Walking minutes at 2.5-4 mph (E4), or at 100 steps a minute or more where a "
            "walk has no speed, such as on a treadmill (E5).",
            lambda: brisk_chart(weeks),
        ),
        _ladder_spec(trend.ladder),
        _feelings_spec(weeks),
    ]


def draw_charts(specs: Sequence[ChartSpec | ChartNote]) -> list[Chart | ChartNote]:
    """Each spec drawn (notes pass through)."""
    return [
        spec
        if isinstance(spec, ChartNote)
        else Chart(spec.id, spec.title, spec.caption, render(spec.draw))
        for spec in specs
    ]


# --- the weekly charts -------------------------------------------------------------------


def time_on_feet_chart(weeks: Sequence[WeekPoint]) -> Figure:
    figure, ax = _weekly_axes(weeks, "minutes")
    _bars(ax, "time_on_feet-week", [w.time_on_feet_min for w in weeks], color=ON_FEET)
    return figure


def run_walk_chart(weeks: Sequence[WeekPoint]) -> Figure:
    figure, ax = _weekly_axes(weeks, "minutes")
    runs = [w.run_min for w in weeks]
    _bars(ax, "run_walk-run", runs, color=RUN, label="run")
    _bars(ax, "run_walk-walk", [w.walk_min for w in weeks], bottom=runs, color=WALK, label="walk")
    _legend_above(ax)
    return figure


def impact_chart(weeks: Sequence[WeekPoint]) -> Figure:
    figure, ax = _weekly_axes(weeks, "body-weight steps")
    runs = [w.run_impact_bw_steps for w in weeks]
    walks = [w.walk_impact_bw_steps for w in weeks]
    _bars(ax, "impact-run", runs, color=RUN, label="from runs")
    _bars(ax, "impact-walk", walks, bottom=runs, color=WALK, label="from walks")
    _thousands(ax)
    _legend_above(ax)
    return figure


def brisk_chart(weeks: Sequence[WeekPoint]) -> Figure:
    figure, ax = _weekly_axes(weeks, "minutes")
    _bars(ax, "brisk-week", [w.brisk_min for w in weeks], color=BRISK)
    return figure


def feelings_chart(weeks: Sequence[WeekPoint]) -> Figure:
    """Per week, legs (left bar) and energy (right bar): up for better, down for worse."""
    figure, ax = _weekly_axes(weeks, "check-ins")
    half = BAR_WIDTH / 2
    legs_x = [n - half / 2 for n in range(len(weeks))]
    energy_x = [n + half / 2 for n in range(len(weeks))]
    series = (
        ("legs_stronger", legs_x, [w.legs_stronger for w in weeks], STRONGER, "legs stronger"),
        ("legs_weaker", legs_x, [-w.legs_weaker for w in weeks], WEAKER, "legs weaker"),
        ("energy_higher", energy_x, [w.energy_higher for w in weeks], HIGHER, "energy higher"),
        ("energy_lower", energy_x, [-w.energy_lower for w in weeks], LOWER, "energy lower"),
    )
    for name, xs, counts, color, label in series:
        _bars(ax, f"feelings-{name}", counts, xs=xs, width=half, color=color, label=label)
    ax.axhline(0, color="#888888", linewidth=0.8)
    _whole_numbers(ax, absolute=True)
    _legend_above(ax)
    return figure


# --- the daily floor chart and the ladder ---------------------------------------------------


def floor_chart(days: Sequence[DayPoint], floor: int) -> Figure:
    """Each day's steps outside runs, coloured met / under / cannot tell, and the floor."""
    from matplotlib.patches import Patch  # noqa: PLC0415 - lazy: only a report draws

    figure = new_figure()
    ax = figure.add_subplot()
    colours = [_floor_colour(day.floor_met) for day in days]
    container = ax.bar(
        range(len(days)), [d.steps_outside_runs for d in days], BAR_WIDTH, color=colours
    )
    for day, patch in zip(days, container.patches, strict=True):
        patch.set_gid(f"step_floor-day-{day.date.isoformat()}")
    line = ax.axhline(floor, color="#333333", linewidth=1.2, linestyle="--")
    line.set_gid("step_floor-floor")
    mondays = [n for n, day in enumerate(days) if day.date.weekday() == 0]
    ax.set_xticks(mondays, [_day_label(days[n].date) for n in mondays])
    ax.set_xlim(-0.6, len(days) - 0.4)
    ax.set_ylabel("steps outside runs")
    _thousands(ax)
    line.set_label(f"floor {floor:,}")
    handles = [
        Patch(color=MET, label="floor met"),
        Patch(color=UNDER, label="under"),
        Patch(color=UNKNOWN, label="cannot tell"),
        line,
    ]
    _legend_above(ax, handles)
    return figure


def ladder_chart(ladder: LadderPoint) -> Figure:
    """The length of each walk done on the ladder, and the next one (hatched)."""
    figure = new_figure()
    ax = figure.add_subplot()
    rungs = list(ladder.rungs_ft)
    container = ax.bar(range(len(rungs)), rungs, BAR_WIDTH, color=LADDER)
    for n, patch in enumerate(container.patches):
        patch.set_gid(f"ladder-rung-{n}")
    container.patches[-1].set_hatch("///")
    container.patches[-1].set_alpha(0.55)
    labels = [str(n + 1) for n in range(len(rungs) - 1)] + ["next"]
    ax.set_xticks(range(len(rungs)), labels)
    ax.set_xlabel("walk on the ladder")
    ax.set_ylabel("feet")
    _thousands(ax)
    return figure


# --- specs that may be notes ------------------------------------------------------------


def _floor_spec(trend: Trend) -> ChartSpec:
    days = trend.days[-FLOOR_CHART_WEEKS * 7 :]
    return ChartSpec(
        "step_floor",
        "Steps outside runs against the floor",
        f"Each day of the last {len(days) // 7} weeks: the day's steps minus the steps "
        f"of its runs, against your floor of {trend.step_floor:,} (E2). Grey days have no "
        "full step count, so they cannot tell.",
        lambda: floor_chart(days, trend.step_floor),
    )


def _ladder_spec(ladder: LadderPoint | None) -> ChartSpec | ChartNote:
    if ladder is None:
        return ChartNote(
            "ladder",
            "Habit ladder",
            "Not started. The habit ladder (R5) starts tiny when you plan as a reluctant "
            "walker: footfall plan --attitude reluctant.",
        )
    return ChartSpec(
        "ladder",
        "Habit ladder",
        f"R5: {ladder.walks_done} walks done; each one grows the next x 1.5 (a missed walk "
        f"holds it), toward {ladder.goal_miles_per_week:g} extra miles a week. Your next "
        f"walk is {ladder.step_ft:,.0f} ft.",
        lambda: ladder_chart(ladder),
    )


def _feelings_spec(weeks: Sequence[WeekPoint]) -> ChartSpec | ChartNote:
    if not any(w.checkins for w in weeks):
        return ChartNote(
            "feelings",
            "How you felt",
            "No check-ins in these weeks. After a walk, footfall checkin --legs stronger "
            "--energy higher (or same, weaker, lower) records how it felt (R8).",
        )
    return ChartSpec(
        "feelings",
        "How you felt",
        "Your check-ins after walks, per week: for legs (left) and energy (right), up "
        "for stronger or higher, down for weaker or lower.",
        lambda: feelings_chart(weeks),
    )


# --- drawing helpers ----------------------------------------------------------------------


def _weekly_axes(weeks: Sequence[WeekPoint], unit: str) -> tuple[Figure, Axes]:
    figure = new_figure()
    ax = figure.add_subplot()
    count = len(weeks)
    step = max(1, math.ceil(count / MOST_WEEK_LABELS))
    ticks = [n for n in range(count) if (count - 1 - n) % step == 0]
    ax.set_xticks(ticks, [_week_label(weeks[n].start) for n in ticks])
    ax.set_xlim(-0.6, count - 0.4)
    ax.set_xlabel("week starting")
    ax.set_ylabel(unit)
    return figure, ax


def _bars(
    ax: Axes,
    gid: str,
    heights: Sequence[float],
    *,
    xs: Sequence[float] | None = None,
    bottom: Sequence[float] | None = None,
    width: float = BAR_WIDTH,
    color: str,
    label: str | None = None,
) -> None:
    where = list(xs) if xs is not None else list(range(len(heights)))
    container = ax.bar(where, heights, width, bottom=bottom, color=color, label=label)
    for n, patch in enumerate(container.patches):
        patch.set_gid(f"{gid}-{n}")


def _legend_above(ax: Axes, handles: Sequence[Artist] | None = None) -> None:
    """The legend in one row above the plot, where it never hides a bar."""
    if handles is None:
        handles, _ = ax.get_legend_handles_labels()
    ax.legend(
        handles=list(handles),
        loc="lower left",
        bbox_to_anchor=(0.0, 1.0),
        ncols=4,
        borderaxespad=0.2,
    )


def _thousands(ax: Axes) -> None:
    from matplotlib.ticker import StrMethodFormatter  # noqa: PLC0415 - lazy

    ax.yaxis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))


def _whole_numbers(ax: Axes, *, absolute: bool) -> None:
    from matplotlib.ticker import FuncFormatter, MaxNLocator  # noqa: PLC0415 - lazy

    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    if absolute:
        ax.yaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{abs(value):.0f}"))


def _floor_colour(met: bool | None) -> str:
    return UNKNOWN if met is None else MET if met else UNDER


def _week_label(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]}"


def _day_label(day: dt.date) -> str:
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]}"
