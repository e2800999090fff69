"""A guided walk coached live in the terminal (issue 5, ``footfall walk --live``).

A Rich Live display counts the walk down (:mod:`footfall.guide.live_view`); each cue is
shown when it is due, highlighted and written above the display, and said out loud in
the background where there is a sound device (:mod:`footfall.guide.aloud`). ``q`` or
Ctrl-C stops the walk cleanly and space pauses it (:mod:`footfall.guide.keys`). One
line at the end says how far the walk got::

    result = run_live(build_timeline(20, "brisk"))

The clock and the keys are injectable: tests walk 20 minutes in milliseconds.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass

from rich.console import Console
from rich.live import Live
from rich.text import Text

from footfall.errors import UsageError
from footfall.guide.aloud import Aloud, aloud_for
from footfall.guide.keys import PAUSE_KEYS, QUIT_KEYS, KeySource, open_keys
from footfall.guide.live_view import (
    BIG_MIN_HEIGHT,
    BIG_MIN_WIDTH,
    Moment,
    clock_text,
    part_at,
    part_label,
    render,
)
from footfall.guide.model import Cue, Timeline
from footfall.guide.words import UNIT_WORDS
from footfall.settings import Units

#: A cue this close to due (float arithmetic on the clock) counts as due.
DUE_EPSILON_S = 1e-9
CHECKIN_HINT = "footfall checkin --legs weaker|same|stronger --energy lower|same|higher"

Clock = Callable[[], float]


@dataclass(frozen=True)
class LiveResult:
    """How a live walk ended: ``elapsed_s`` of walking (pauses not counted),
    ``finished`` when it ran to its end, ``cues_shown``, and the ``part`` (its name,
    e.g. "main") it was in when it stopped."""

    elapsed_s: float
    finished: bool
    cues_shown: int
    part: str


def run_live(
    timeline: Timeline,
    *,
    console: Console | None = None,
    speak: bool | None = None,
    clock: Clock = time.monotonic,
    keys: KeySource | None = None,
    tick_s: float = 0.25,
    units: Units | None = None,
) -> LiveResult:
    """Coach ``timeline`` live on ``console`` (default: the terminal) until it ends or
    the runner quits; print one summary line and return how far the walk got.

    ``speak``: say the cues (True: espeak-ng must be installed), keep quiet (False),
    or say them where a sound device exists (None). ``keys``: default, standard input
    when it is a terminal. ``tick_s``: how often the display refreshes. ``units``: of
    the pace band shown (default: the units the cues speak in).
    """
    if not tick_s > 0:
        raise UsageError(
            f"the live display's tick must be a positive number of seconds, not {tick_s}"
        )
    console = console or Console(highlight=False)
    coach = _Coach(timeline, _Stopwatch(clock), units or units_spoken(timeline))
    voice = aloud_for(speak, timeline.words_per_minute)
    finished = False
    try:
        with ExitStack() as stack:
            source = keys if keys is not None else stack.enter_context(open_keys())
            live = stack.enter_context(Live(console=console, auto_refresh=False))
            finished = coach.run(live, source, voice, tick_s)
    except KeyboardInterrupt:
        finished = False
    finally:
        if voice is not None:
            voice.hush()
    result = coach.result(finished)
    if not console.is_terminal:  # Rich leaves a file's final display unterminated
        console.line()
    console.print(Text(summary(timeline, result)), soft_wrap=True)
    return result


def cue_line(cue: Cue) -> Text:
    """A cue as written above the display when it is due: "  3:00  Brisk walking now..."."""
    return Text.assemble((f"{clock_text(cue.at_s):>6}  ", "dim"), (cue.text, "bold"))


def units_spoken(timeline: Timeline) -> Units:
    """The units the walk's cues say paces in ("mi" when they name none)."""
    for units, word in UNIT_WORDS.items():
        if any(f"per {word}" in cue.text for cue in timeline.cues):
            return units
    return "mi"


def summary(timeline: Timeline, result: LiveResult) -> str:
    """The one line said when the walk ends or is stopped."""
    total = clock_text(timeline.seconds)
    if result.finished:
        return f"Walk done: {total}, {result.cues_shown} cues. Check in with `{CHECKIN_HINT}`."
    part = part_label(timeline, part_at(timeline, result.elapsed_s))
    return (
        f"Stopped after {clock_text(result.elapsed_s)} of {total} ({part}); "
        f"{result.cues_shown} of {len(timeline.cues)} cues."
    )


class _Stopwatch:
    """Walking time on ``clock``: time spent paused does not count."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._start = clock()
        self._held = 0.0
        self._paused_at: float | None = None

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    def elapsed(self) -> float:
        now = self._paused_at if self._paused_at is not None else self._clock()
        return now - self._start - self._held

    def toggle(self) -> None:
        if self._paused_at is None:
            self._paused_at = self._clock()
        else:
            self._held += self._clock() - self._paused_at
            self._paused_at = None


class _Coach:
    """Walks the timeline: which cues are due, what the display shows, when to wake."""

    def __init__(self, timeline: Timeline, watch: _Stopwatch, units: Units) -> None:
        self.timeline = timeline
        self.watch = watch
        self.units = units
        self.shown = 0

    def elapsed(self) -> float:
        return min(self.watch.elapsed(), self.timeline.seconds)

    def run(self, live: Live, keys: KeySource, voice: Aloud | None, tick_s: float) -> bool:
        """Refresh every ``tick_s`` (and exactly when a cue is due) until the walk
        ends (True) or the runner quits (False)."""
        while True:
            elapsed = self.elapsed()
            for cue in self.take_due(elapsed):
                live.console.print(cue_line(cue))
                if voice is not None:
                    voice.say(cue.text)
            live.update(render(self.moment(elapsed, live.console, keys)), refresh=True)
            if elapsed >= self.timeline.seconds:
                return True
            pressed = keys.wait(self.wait_s(elapsed, tick_s))
            if QUIT_KEYS.intersection(pressed):
                return False
            if PAUSE_KEYS.intersection(pressed):
                self.watch.toggle()

    def take_due(self, elapsed: float) -> list[Cue]:
        """The cues due by ``elapsed`` not shown yet, in order."""
        cues = self.timeline.cues
        due = []
        while self.shown < len(cues) and cues[self.shown].at_s <= elapsed + DUE_EPSILON_S:
            due.append(cues[self.shown])
            self.shown += 1
        return due

    def wait_s(self, elapsed: float, tick_s: float) -> float:
        """Until the next refresh: a tick, or less when a cue or the end comes first."""
        if self.watch.paused:
            return tick_s
        cues = self.timeline.cues
        upcoming = cues[self.shown].at_s if self.shown < len(cues) else self.timeline.seconds
        return max(min(tick_s, upcoming - elapsed, self.timeline.seconds - elapsed), 0.0)

    def moment(self, elapsed: float, console: Console, keys: KeySource) -> Moment:
        cues = self.timeline.cues
        return Moment(
            self.timeline,
            elapsed,
            last=cues[self.shown - 1] if self.shown else None,
            next=cues[self.shown] if self.shown < len(cues) else None,
            units=self.units,
            paused=self.watch.paused,
            interactive=keys.interactive,
            big=console.width >= BIG_MIN_WIDTH and console.height >= BIG_MIN_HEIGHT,
        )

    def result(self, finished: bool) -> LiveResult:
        elapsed = self.timeline.seconds if finished else self.elapsed()
        part = part_at(self.timeline, elapsed)
        return LiveResult(elapsed, finished, self.shown, part.name)
