"""Our FIT decoder on every FIT file of the shared corpus, checked against fitdecode
(and garmin-fit-sdk as a second opinion) on record count, first and last record time
and distance."""

from __future__ import annotations

import datetime as dt
import io
import math
import warnings
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import fitdecode
import garmin_fit_sdk
import numpy as np
import pytest

from corpus import CorpusFile, corpus_params
from footfall.activity import Decoded
from footfall.errors import ChecksumError, DecodeError, FileProblem, NotAnActivity, TruncatedFile
from footfall.formats import fit
from footfall.formats.source import file_source

FIT_EPOCH_S = 631065600


def _is_fit(f: CorpusFile) -> bool:
    return f.name.startswith("fit/")


def _decode(path: Path) -> Decoded:
    return fit.decode(file_source(path))


# Where the manifest's `kind` and the file disagree, the file's own file_id decides:
KIND_FROM_FILE_ID = {
    # file_id.type = activity with timed records and a session: a real activity (an
    # SDK sample recorded with an HRM-Pro; a cycling sample with developer data; an
    # FR70 run whose clock was never set). The manifest files them as non-activity.
    "fit/garminsdk__HrmPluginTestActivity.fit": "activity",
    "fit/muktihari__HrmPluginTestActivity.fit": "activity",
    "fit/muktihari__activity_developerdata.fit": "activity",
    "fit/fitparse__antfs-dump.63.fit": "activity",
    # file_id.type = course: a planned route, not something the runner did (FitTrackee
    # imports it as a workout; footfall does not import courses).
    "fit/fittrackee__example.fit": "non-activity",
}

# Where our numbers differ from fitdecode's on purpose (decided from the protocol):
RECORDS_DROPPED = {
    # 14 records dated 2015-06-11, 26 months after this 2013 ride and in the middle of
    # it: a clock glitch, outside every session; we drop them, fitdecode keeps them.
    "fit/gc__2013-04-11-17-32-50.fit": 14,
}


@pytest.mark.parametrize("corpus_file", corpus_params(lambda f: _is_fit(f) and f.expect == "ok"))
def test_every_sound_fit_file_imports_as_its_kind(corpus_file: CorpusFile) -> None:
    kind = KIND_FROM_FILE_ID.get(corpus_file.name, corpus_file.kind)
    if kind == "activity":
        decoded = _decode(corpus_file.path)
        assert decoded.activities, "an activity file gives at least one activity"
        assert decoded.format == "fit"
        for index, activity in enumerate(decoded.activities):
            assert activity.index == index
            assert np.all(np.diff(activity.samples.time_s) >= 0), "samples are in time order"
            assert 6.0e8 < activity.start_s < 2.0e9
        return
    try:
        decoded = _decode(corpus_file.path)
    except NotAnActivity as exc:
        assert exc.path == str(corpus_file.path)
        assert "not an activity" in exc.problem or "without" in exc.problem
        return
    assert decoded.day_steps and not decoded.activities


@dataclass(frozen=True)
class Reference:
    """What fitdecode reads in a file: record times (FIT seconds) and distances in
    file order, and each session's total distance."""

    times: list[float]
    distances: list[float]
    session_distances: list[float]


def _fit_seconds(value: object) -> float | None:
    if isinstance(value, dt.datetime):
        return value.timestamp() - FIT_EPOCH_S
    if isinstance(value, int | float):
        return float(value)  # fitdecode leaves system times (< 0x10000000) as numbers
    return None


@cache
def fitdecode_reference(path: Path) -> Reference:
    times: list[float] = []
    distances: list[float] = []
    sessions: list[float] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with fitdecode.FitReader(
            io.BytesIO(path.read_bytes())
            if path.suffix != ".gz"
            else io.BytesIO(file_source(path).read_all())
        ) as reader:
            for frame in reader:
                if not isinstance(frame, fitdecode.FitDataMessage):
                    continue
                if frame.name == "record":
                    stamp = _fit_seconds(frame.get_value("timestamp", fallback=None))
                    if stamp is not None:
                        times.append(stamp)
                        distance = frame.get_value("distance", fallback=None)
                        distances.append(math.nan if distance is None else float(distance))
                elif frame.name == "session":
                    total = frame.get_value("total_distance", fallback=None)
                    sessions.append(math.nan if total is None else float(total))
    return Reference(times, distances, sessions)


def _activity_files(f: CorpusFile) -> bool:
    kind = KIND_FROM_FILE_ID.get(f.name, f.kind)
    return _is_fit(f) and f.expect == "ok" and kind == "activity"


@pytest.mark.parametrize("corpus_file", corpus_params(_activity_files))
def test_records_and_sessions_match_fitdecode(corpus_file: CorpusFile) -> None:
    ours = _decode(corpus_file.path)
    ref = _without_glitches(fitdecode_reference(corpus_file.path), corpus_file.name)
    times = np.concatenate([a.samples.time_s for a in ours.activities]) - FIT_EPOCH_S
    assert len(times) == len(ref.times)
    if len(times):
        assert float(times.min()) == min(ref.times)
        assert float(times.max()) == max(ref.times)
        _assert_last_distance_agrees(ours, ref)
    if ref.session_distances:
        _assert_session_distances_agree(ours, ref)


def _without_glitches(ref: Reference, name: str) -> Reference:
    """The reference less the records we drop on purpose (RECORDS_DROPPED): those
    more than 30 days from the median record time."""
    if name not in RECORDS_DROPPED:
        return ref
    middle = float(np.median(ref.times))
    keep = [abs(t - middle) < 30 * 86400 for t in ref.times]
    assert keep.count(False) == RECORDS_DROPPED[name]
    return Reference(
        [t for t, k in zip(ref.times, keep, strict=True) if k],
        [d for d, k in zip(ref.distances, keep, strict=True) if k],
        ref.session_distances,
    )


def _assert_last_distance_agrees(ours: Decoded, ref: Reference) -> None:
    """Last record distance in time order (where both have one), within 0.5 %."""
    order = np.argsort(ref.times, kind="stable")
    ref_distance = np.asarray(ref.distances)[order]
    ref_last = ref_distance[np.isfinite(ref_distance)]
    samples = [a.samples for a in ours.activities]
    time_s = np.concatenate([s.time_s for s in samples])
    distance = np.concatenate([s.distance_m for s in samples])[np.argsort(time_s, kind="stable")]
    our_last = distance[np.isfinite(distance)]
    assert bool(len(ref_last)) == bool(len(our_last))
    if len(ref_last):
        assert our_last[-1] == pytest.approx(ref_last[-1], rel=0.005, abs=0.01)


def _assert_session_distances_agree(ours: Decoded, ref: Reference) -> None:
    mine = sorted(a.totals.distance_m for a in ours.activities)
    expected = sorted(ref.session_distances)
    assert len(mine) == len(expected)
    for our_total, their_total in zip(mine, expected, strict=True):
        if math.isnan(their_total):
            assert math.isnan(our_total)
        else:
            assert our_total == pytest.approx(their_total, rel=0.005)


# garmin-fit-sdk as a second opinion. It refuses compressed timestamp headers
# ("not currently supported"), so files that use them are left to fitdecode; it is
# slow (about 25k records/s), so the biggest files are left out to keep the suite fast.
SDK_SKIP = {
    "fit/fitparse__antfs-dump.63.fit": "compressed timestamp headers",
    "fit/fitparse__compressed-speed-distance.fit": "compressed timestamp headers",
    "fit/runalyze__FR70-intervals.fit": "compressed timestamp headers",
}
SDK_MAX_BYTES = 400_000


def _sdk_files(f: CorpusFile) -> bool:
    return _activity_files(f) and f.name not in SDK_SKIP and f.path.stat().st_size < SDK_MAX_BYTES


@pytest.mark.parametrize("corpus_file", corpus_params(_sdk_files))
def test_record_count_and_span_match_garmin_sdk(corpus_file: CorpusFile) -> None:
    data = file_source(corpus_file.path).read_all()
    stream = garmin_fit_sdk.Stream.from_byte_array(bytearray(data))
    messages, _errors = garmin_fit_sdk.Decoder(stream).read(convert_datetimes_to_dates=False)
    stamps = [r["timestamp"] for r in messages.get("record_mesgs", []) if "timestamp" in r]
    times = np.concatenate([a.samples.time_s for a in _decode(corpus_file.path).activities])
    dropped = RECORDS_DROPPED.get(corpus_file.name, 0)
    assert len(stamps) == len(times) + dropped
    if stamps:
        assert min(stamps) + FIT_EPOCH_S == times.min()


@pytest.mark.parametrize("corpus_file", corpus_params(lambda f: _is_fit(f) and f.expect == "error"))
def test_every_broken_fit_file_gives_a_file_problem_naming_it(corpus_file: CorpusFile) -> None:
    try:
        decoded = _decode(corpus_file.path)
    except FileProblem as exc:
        assert exc.path == str(corpus_file.path)
        assert str(exc).startswith(str(corpus_file.path))
        return
    assert decoded.problems, "a broken file that keeps its sound part reports the rest"
    assert decoded.activities, "the sound part of the chain is kept"
    for problem in decoded.problems:
        assert problem.path == str(corpus_file.path)


def test_it_reports_a_bad_file_crc(corpus: Path) -> None:
    with pytest.raises(ChecksumError, match="checksum"):
        _decode(corpus / "fit" / "fitparse__activity-filecrc.fit")


def test_it_keeps_the_sound_first_file_of_a_chain_whose_second_fails_its_crc(
    corpus: Path,
) -> None:
    decoded = _decode(corpus / "fit" / "fitparse__activity-activity-filecrc.fit")
    assert len(decoded.activities) == 1
    assert len(decoded.activities[0].samples) == 14
    assert decoded.activities[0].totals.distance_m == pytest.approx(5.73, abs=0.005)
    assert [type(p) for p in decoded.problems] == [ChecksumError]
    assert "part 2" in decoded.problems[0].problem


def test_it_keeps_the_complete_records_of_a_file_that_ends_early(corpus: Path) -> None:
    decoded = _decode(corpus / "fit" / "fitparse__activity-unexpected-eof.fit")
    assert len(decoded.activities[0].samples) == 14
    (problem,) = decoded.problems
    assert isinstance(problem, TruncatedFile)
    assert "kept 14 records" in problem.problem


def test_it_keeps_the_records_of_an_unfinished_file(corpus: Path) -> None:
    """nick.fit's last message runs into where the checksum should be: the writer
    never finished it. fitparse reads it with CRC checks off and counts 14,391
    records; so do we, and we say so."""
    decoded = _decode(corpus / "fit" / "fitparse__nick.fit")
    assert len(decoded.activities[0].samples) == 14391
    (problem,) = decoded.problems
    assert isinstance(problem, TruncatedFile)
    assert "not finished" in problem.problem


def test_it_stops_at_a_message_of_an_undefined_local_type(corpus: Path) -> None:
    """Strava's app wrote a data message of local type 11 at byte 7471 without ever
    defining it; every decoder stops there. fitdecode keeps 473 records: the last
    one is dated 2085 (the garbage begins), outside the session, so we keep 472."""
    decoded = _decode(corpus / "fit" / "fitparse__strava-android-app-201.10-b1218918.fit")
    (activity,) = decoded.activities
    assert len(activity.samples) == 472
    assert activity.samples.distance_m[np.isfinite(activity.samples.distance_m)][-1] == (
        pytest.approx(928.25)
    )
    (problem,) = decoded.problems
    assert isinstance(problem, DecodeError)
    assert "byte 7471" in problem.problem and "local message type 11" in problem.problem


def test_it_splits_a_triathlon_into_its_sessions(corpus: Path) -> None:
    decoded = _decode(corpus / "fit" / "gc__MultiSport-2019-11-24.fit")
    labels = [a.source_sport for a in decoded.activities]
    assert labels == ["swimming/open_water", "transition", "cycling", "transition", "running"]
    assert [a.index for a in decoded.activities] == [0, 1, 2, 3, 4]
    assert sum(len(a.samples) for a in decoded.activities) == 45805
    for before, after in zip(decoded.activities, decoded.activities[1:], strict=False):
        assert before.samples.time_s[-1] <= after.start_s
    assert decoded.activities[0].device == "garmin fenix5x"
    assert decoded.activities[0].utc_offset_s == -5 * 3600


def test_it_reads_a_walk_with_cadence_and_its_fraction(corpus: Path) -> None:
    (walk,) = _decode(corpus / "fit" / "fitparse__garmin-fenix-5-walk.fit").activities
    assert walk.source_sport == "walking"
    assert walk.device == "garmin fenix5"
    assert walk.utc_offset_s == -7 * 3600
    cadence = walk.samples.cadence_cpm[np.isfinite(walk.samples.cadence_cpm)]
    assert np.all(cadence < 80), "strides per minute, as the file records them, not doubled"
    assert np.any(cadence % 1 != 0), "fractional_cadence / 128 is added"
    assert walk.totals.distance_m == pytest.approx(67.8, abs=0.05)


def test_it_labels_a_treadmill_run_with_its_sub_sport(corpus: Path) -> None:
    (run,) = _decode(corpus / "fit" / "runalyze__FR920xt-with-runscribe-plus.fit").activities
    assert run.source_sport == "running/treadmill"
    assert not run.samples.has("lat_deg")


def test_it_dates_records_of_compressed_timestamp_headers(corpus: Path) -> None:
    """FR70 records carry only the low 5 bits of their time in the record header."""
    (run,) = _decode(corpus / "fit" / "runalyze__FR70-intervals.fit").activities
    ref = fitdecode_reference(corpus / "fit" / "runalyze__FR70-intervals.fit")
    assert list(run.samples.time_s - FIT_EPOCH_S) == sorted(ref.times)
    assert len(run.laps) == 7


def test_it_unpacks_compressed_speed_and_distance(corpus: Path) -> None:
    path = corpus / "fit" / "fitparse__compressed-speed-distance.fit"
    decoded = _decode(path)
    (run,) = decoded.activities
    ref = fitdecode_reference(path)
    ref_distance = np.asarray(ref.distances)
    assert np.allclose(run.samples.distance_m, ref_distance, equal_nan=True)
    assert run.samples.distance_m[-1] == pytest.approx(run.totals.distance_m, rel=0.005)
    assert "clock was not set" in decoded.warnings[0].problem


def test_a_record_stamped_a_second_before_the_first_is_sorted_into_place(corpus: Path) -> None:
    (ride,) = _decode(corpus / "fit" / "runalyze__One-second-jump-to-past.fit").activities
    assert len(ride.samples) == 1863
    assert np.all(np.diff(ride.samples.time_s) >= 0)
    first = dt.datetime(2016, 8, 17, 10, 0, 21, tzinfo=dt.UTC).timestamp()
    assert ride.samples.time_s[0] == first
    assert ride.samples.time_s[1] == first + 1


def test_a_pause_stays_a_gap_in_time(corpus: Path) -> None:
    (run,) = _decode(corpus / "fit" / "runalyze__Fenix-2-negative-times.fit").activities
    gaps = np.diff(run.samples.time_s)
    assert gaps.min() >= 0
    assert gaps.max() == 398.0
