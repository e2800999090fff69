"""The measures on every activity of the shared corpus (skipped where it is absent):
steps integrated from cadence against the devices' own totals, and no measure ever
negative or NaN."""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path

import numpy as np
import pytest

from corpus import CORPUS, CORPUS_MISSING, corpus_files
from footfall.activity import Activity, Totals
from footfall.errors import FootfallError
from footfall.formats import decode
from footfall.importer.discover import discover
from footfall.metrics.activity import measure_activity
from footfall.metrics.labels import foot_gait, label_prior
from footfall.metrics.measured import ActivityMeasures
from footfall.settings import Athlete

ATHLETE = Athlete()
READABLE_KINDS = {"activity", "archive", "health-export"}


@pytest.fixture(scope="module")
def corpus_activities() -> list[tuple[str, Activity]]:
    """Every activity the decoders get out of the corpus, named by file."""
    if not CORPUS.exists():
        pytest.skip(CORPUS_MISSING)
    found: list[tuple[str, Activity]] = []
    for item in corpus_files():
        if item.kind in READABLE_KINDS:
            found.extend(_activities(item.path))
    return found


def _activities(path: Path) -> list[tuple[str, Activity]]:
    found = []
    for source in discover([path]):
        if isinstance(source, FootfallError):
            continue
        try:
            decoded = decode(source)
        except FootfallError:
            continue
        found.extend((source.display, activity) for activity in decoded.activities)
    return found


def device_steps(activity: Activity) -> float | None:
    """The device's own count as steps: strides x 2 (FIT), or stated steps."""
    totals = activity.totals
    if math.isfinite(totals.steps) and totals.steps > 0:
        return totals.steps
    if math.isfinite(totals.cycles) and totals.cycles > 0:
        return 2 * totals.cycles
    return None


def test_cadence_steps_agree_with_the_devices_own_totals(
    corpus_activities: list[tuple[str, Activity]],
) -> None:
    differences: list[tuple[float, str]] = []
    for name, activity in corpus_activities:
        total = device_steps(activity)
        has_cadence = bool(np.isfinite(activity.samples.cadence_cpm).any())
        if (
            total is None
            or not has_cadence
            or foot_gait(label_prior(activity.source_sport)) is None
        ):
            continue
        if measure_activity(activity, ATHLETE).sport == "other":
            continue
        own = measure_activity(dataclasses.replace(activity, totals=Totals()), ATHLETE)
        assert own.steps_source == "measured"
        differences.append((own.steps / total - 1.0, name))
    sizes = np.abs([d for d, _ in differences])
    print(
        f"\n{len(sizes)} foot activities with device totals: median |difference| "
        f"{100 * np.median(sizes):.2f} %, {np.mean(sizes <= 0.02):.0%} within 2 %, "
        f"{np.mean(sizes <= 0.03):.0%} within 3 %; beyond 3 %:"
    )
    for difference, name in sorted(differences, key=lambda d: -abs(d[0])):
        if abs(difference) > 0.03:
            print(f"  {100 * difference:+.1f} % {name}")
    assert len(sizes) >= 30
    assert np.median(sizes) <= 0.01
    assert np.mean(sizes <= 0.03) >= 0.85


def assert_sound(m: ActivityMeasures) -> None:
    figures = [m.moving_s, m.run_s, m.walk_s, m.hike_s, m.brisk_walk_s, m.impact_bw_steps, m.steps]
    assert all(math.isfinite(f) and f >= 0 for f in figures), m
    assert m.brisk_walk_s <= m.walk_s + m.hike_s + 1e-6
    for bout in m.bouts:
        values = [bout.moving_s, bout.distance_m, bout.steps, bout.brisk_s, bout.impact_bw_steps]
        assert all(math.isfinite(v) and v >= 0 for v in values), bout
        assert bout.start_s <= bout.end_s
        assert bout.moving_s <= bout.end_s - bout.start_s + 1e-6
    for before, after in zip(m.bouts, m.bouts[1:], strict=False):
        assert before.end_s <= after.start_s
    if m.sport != "other":
        assert sum(b.moving_s for b in m.bouts) == pytest.approx(m.moving_s)
        assert m.moving_s == pytest.approx(m.run_s + m.walk_s + m.hike_s)


def test_no_measure_is_ever_negative_or_nan_across_the_corpus(
    corpus_activities: list[tuple[str, Activity]],
) -> None:
    assert len(corpus_activities) > 200
    sports = set()
    for _, activity in corpus_activities:
        measures = measure_activity(activity, ATHLETE)
        assert_sound(measures)
        sports.add(measures.sport)
    assert sports == {"run", "walk", "hike", "run_walk", "other"}


@pytest.mark.parametrize(
    ("name", "sport"),
    [
        ("fit/fitparse__garmin-fenix-5-walk.fit", "walk"),
        ("fit/fitparse__garmin-fenix-5-bike.fit", "other"),
        ("fit/gc__Fr955v19.28andStryd.fit", "run"),
        ("fit/runalyze__Fenix-2-negative-times.fit", "hike"),
        ("tcx/runalyze__Treadmill-doubled-cadence.tcx", "walk"),
        ("tcx/gc__GarminHRMswim.tcx", "other"),
        ("tcx/tcxreader__cross-country-skiing_activity_1.tcx", "other"),
    ],
)
def test_corpus_files_get_the_sport_their_stream_shows(
    corpus_activities: list[tuple[str, Activity]], name: str, sport: str
) -> None:
    (activity,) = [a for display, a in corpus_activities if display.endswith(name)]
    assert measure_activity(activity, ATHLETE).sport == sport


def test_the_treadmill_file_with_doubled_cadence_is_read_as_steps_per_minute(
    corpus_activities: list[tuple[str, Activity]],
) -> None:
    name = "tcx/runalyze__Treadmill-doubled-cadence.tcx"
    (activity,) = [a for display, a in corpus_activities if display.endswith(name)]
    m = measure_activity(activity, ATHLETE)
    cadence = activity.samples.cadence_cpm
    time = activity.samples.time_s
    as_recorded = float(np.nansum(cadence[1:] * np.diff(time)) / 60.0)
    assert m.steps == pytest.approx(as_recorded, rel=0.05)  # not twice it
    assert [b.gait for b in m.bouts] == ["walk", "run"]
