"""Zip archives: the corpus zips, and exports and hostile zips built in tmp_path."""

from __future__ import annotations

import gzip
import io
import stat
import struct
import time
import tracemalloc
import zipfile
from pathlib import Path

import fitdecode
import pytest

from corpus import CorpusFile, corpus_params
from footfall.errors import DecodeError, FileProblem, NotAnActivity, UnknownFormat, UnsafeInput
from footfall.formats import decode
from footfall.formats.archive import MAX_PACKING_RATIO, expand_zip
from footfall.formats.sniff import FIT, sniff
from footfall.formats.source import MAX_HEALTH_EXPORT_BYTES, Hints, MiB, Source

GPX = """<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
 <trk><trkseg>
  <trkpt lat="45.0000" lon="6.0000"><time>2021-10-17T08:00:00Z</time></trkpt>
  <trkpt lat="45.0010" lon="6.0000"><time>2021-10-17T08:00:40Z</time></trkpt>
 </trkseg></trk>
</gpx>
"""
STEPS = b"date,steps\n2024-01-01,8000\n"
FIT_FILE = "fit/fitparse__2015-10-13-08-43-15.fit"
STRAVA_HEADER = (
    "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,"
    "Elapsed Time,Distance,Max Heart Rate,Relative Effort,Commute,Activity Private Note,"
    "Activity Gear,Filename,Athlete Weight,Bike Weight,Elapsed Time,Moving Time,Distance\n"
)


def make_zip(path: Path, members: dict[str, bytes | str], *, stored: bool = False) -> Path:
    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(path, "w", compression=method) as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name), data, compress_type=method)
    return path


def patch_central(path: Path, name: str, offset: int, fmt: str, value: int) -> None:
    """Overwrite one field of ``name``'s central directory entry (what zip readers trust)."""
    data = bytearray(path.read_bytes())
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46 : at + 46 + length] == name.encode():
            struct.pack_into(fmt, data, at + offset, value)
            path.write_bytes(bytes(data))
            return
        at = data.find(b"PK\x01\x02", at + 4)
    raise AssertionError(f"{name} not in {path}")


NEEDED_VERSION, FLAGS, METHOD, INFLATED_SIZE = 6, 8, 10, 24  # central directory offsets


def sources_of(found: list[Source | FileProblem]) -> dict[str, Source]:
    return {item.display.split("!", 1)[1]: item for item in found if isinstance(item, Source)}


def problems_of(found: list[Source | FileProblem]) -> dict[str, FileProblem]:
    return {item.path.split("!", 1)[-1]: item for item in found if isinstance(item, FileProblem)}


# --- the corpus zips ---------------------------------------------------------------------


@pytest.mark.parametrize("archive", corpus_params(lambda f: f.kind == "archive"))
def test_corpus_zips_import_as_the_manifest_expects(archive: CorpusFile) -> None:
    found = expand_zip(archive.path)
    outcomes = []
    for source in (item for item in found if isinstance(item, Source)):
        try:
            outcomes.append(bool(decode(source).activities))
        except FileProblem:
            outcomes.append(False)
    if archive.expect == "ok":
        assert outcomes and all(outcomes)
        assert all(isinstance(item, Source | NotAnActivity) for item in found)
    elif archive.expect == "error":
        assert not any(outcomes)
    else:
        assert any(outcomes) and not all(outcomes)


def test_a_zip_without_activity_files_is_one_problem(corpus: Path) -> None:
    zip_path = corpus / "other/fittrackee__gpx_test_no_gpx.zip"
    (problem,) = expand_zip(zip_path)
    assert isinstance(problem, UnknownFormat)
    assert str(problem).startswith(f"{zip_path}: no activity files inside")


def test_only_members_that_sniff_as_activities_become_sources(corpus: Path) -> None:
    found = expand_zip(corpus / "other/fittrackee__gpx_test_folder.zip")
    assert sorted(sources_of(found)) == [
        "folder/test_1.gpx",
        "folder/test_2.gpx",
        "folder/test_3.gpx",
    ]
    assert problems_of(found) == {}  # folder/fichier.doc is not an activity: ignored


def test_macos_resource_forks_are_skipped(corpus: Path) -> None:
    found = expand_zip(corpus / "other/gc__HRM-unbucle-resync.zip")
    assert sorted(sources_of(found)) == ["activity_2677977976.fit", "activity_2677977976.tcx"]
    assert problems_of(found) == {}


def test_a_kmz_inside_a_zip_is_not_opened(corpus: Path) -> None:
    found = expand_zip(corpus / "other/fittrackee__gpx_multiple_extensions.zip")
    assert list(sources_of(found)) == ["test_1.gpx"]
    nested = problems_of(found)["example.kmz"]
    assert isinstance(nested, NotAnActivity)
    assert "a zip inside a zip is not opened" in str(nested)


def test_gpx_members_decode_to_their_track(corpus: Path) -> None:
    found = expand_zip(corpus / "other/fittrackee__gpx_test.zip")
    for name, source in sources_of(found).items():
        (activity,) = decode(source).activities
        assert len(activity.samples) > 1, name


# --- Strava bulk export ------------------------------------------------------------------


def strava_rows() -> str:
    def line(activity_id: int, filename: str, name: str, sport: str) -> str:
        when = '"Oct 17, 2021, 8:00:00 AM"'
        return (
            f"{activity_id},{when},{name},{sport},,40,0.11,,,false,,,{filename},,,40.0,38.0,111.2\n"
        )

    return (
        line(11, "activities/11.gpx.gz", "Morning Walk", "Walk")
        + line(12, "activities/12.fit.gz", "Track Session", "Run")
        + line(13, "activities/404.gpx", "Lost Run", "Run")
    )


def make_strava_zip(tmp_path: Path, fit_bytes: bytes, top: str = "") -> Path:
    return make_zip(
        tmp_path / "export_123.zip",
        {
            f"{top}activities.csv": STRAVA_HEADER + strava_rows(),
            f"{top}profile.csv": "Athlete ID,Email\n123,x@example.org\n",
            f"{top}activities/11.gpx.gz": gzip.compress(GPX.encode()),
            f"{top}activities/12.fit.gz": gzip.compress(fit_bytes),
            f"{top}activities/77.gpx": GPX,  # not listed in the index: not imported
            f"{top}media/photo.jpg": b"\xff\xd8\xff\xe0 not really a photo",
        },
    )


@pytest.mark.parametrize("top", ["", "export_123/"])
def test_a_strava_export_gives_each_listed_file_inflated_with_its_hints(
    corpus: Path, tmp_path: Path, top: str
) -> None:
    fit_bytes = (corpus / FIT_FILE).read_bytes()
    zip_path = make_strava_zip(tmp_path, fit_bytes, top)
    found = expand_zip(zip_path)
    sources = sources_of(found)
    assert sorted(sources) == [f"{top}activities/11.gpx.gz", f"{top}activities/12.fit.gz"]
    walk, session = sources[f"{top}activities/11.gpx.gz"], sources[f"{top}activities/12.fit.gz"]
    assert walk.display == f"{zip_path}!{top}activities/11.gpx.gz"
    assert walk.hints == Hints(name="Morning Walk", sport="Walk")
    assert session.hints == Hints(name="Track Session", sport="Run")
    assert session.read_all() == fit_bytes
    assert sniff(session.head()) == FIT
    assert walk.suffixes == ".gpx"
    missing = problems_of(found)[f"{top}activities/404.gpx"]
    assert isinstance(missing, DecodeError)
    assert "listed in activities.csv (line 4) but missing from the export" in str(missing)


def test_a_huge_file_footfall_never_opens_is_no_problem(corpus: Path, tmp_path: Path) -> None:
    zip_path = make_strava_zip(tmp_path, (corpus / FIT_FILE).read_bytes())
    patch_central(zip_path, "media/photo.jpg", INFLATED_SIZE, "<I", 3 * 1024 * MiB)
    found = expand_zip(zip_path)
    assert sorted(problems_of(found)) == ["activities/404.gpx"]
    assert len(sources_of(found)) == 2


def fit_session_distance_m(path: Path) -> float:
    """The session's total_distance as fitdecode (not footfall) reads it."""
    with fitdecode.FitReader(str(path)) as reader:
        for frame in reader:
            if isinstance(frame, fitdecode.FitDataMessage) and frame.name == "session":
                return float(frame.get_value("total_distance"))
    raise AssertionError("no session")


def test_strava_export_files_decode_to_their_recordings(corpus: Path, tmp_path: Path) -> None:
    found = sources_of(expand_zip(make_strava_zip(tmp_path, (corpus / FIT_FILE).read_bytes())))
    (walk,) = decode(found["activities/11.gpx.gz"]).activities
    assert walk.samples.lat_deg.tolist() == [45.0, 45.001]
    assert (walk.name, walk.source_sport) == ("Morning Walk", "walk")  # from activities.csv
    (session,) = decode(found["activities/12.fit.gz"]).activities
    assert session.totals.distance_m == pytest.approx(fit_session_distance_m(corpus / FIT_FILE))


# --- Apple Health export -----------------------------------------------------------------


def make_health_zip(tmp_path: Path, export: bytes, route: bytes) -> Path:
    return make_zip(
        tmp_path / "export.zip",
        {
            "apple_health_export/export.xml": export,
            "apple_health_export/export_cda.xml": b"<?xml version='1.0'?><ClinicalDocument/>",
            "apple_health_export/workout-routes/route_2019-06-11_3.00pm.gpx": route,
            "apple_health_export/electrocardiograms/ecg_2019-06-11.csv": b"Name,x\n",
        },
    )


def test_an_apple_health_zip_is_one_export_source_that_finds_its_routes(
    corpus: Path, tmp_path: Path
) -> None:
    route = (corpus / "other/healthkit2sqlite__route_2019-06-11_3.00pm.gpx").read_bytes()
    export = (corpus / "other/healthkit2sqlite__zip_contents_export.xml").read_bytes()
    zip_path = make_health_zip(tmp_path, export, route)
    (source,) = expand_zip(zip_path)
    assert isinstance(source, Source)
    assert source.display == f"{zip_path}!apple_health_export/export.xml"
    assert source.limit == MAX_HEALTH_EXPORT_BYTES
    assert source.read_all() == export
    assert source.resolve is not None
    found = source.resolve("/workout-routes/route_2019-06-11_3.00pm.gpx")
    assert found is not None and found.read_all() == route
    assert source.resolve("/workout-routes/route_2019-06-12_3.00pm.gpx") is None
    assert source.resolve("/../apple_health_export/export.xml") is None


def test_a_health_export_is_found_by_content_under_a_translated_name(tmp_path: Path) -> None:
    padding = "".join(f"<!ELEMENT Padding{i} EMPTY>\n" for i in range(300))  # past 4 KiB
    export = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE HealthData [\n'
        f"<!-- HealthKit Export Version: 14 -->\n{padding}]>\n"
        '<HealthData locale="zh_CN"><ExportDate value="2024-06-01 10:00:00 +0800"/>'
        "</HealthData>\n"
    )
    zip_path = make_zip(
        tmp_path / "导出.zip",
        {
            "Health/apple_health_export/导出.xml": export,
            "Health/apple_health_export/workout-routes/route_2024-05-01_7.00am.gpx": GPX,
            "Health/apple_health_export/export_cda.xml": "<ClinicalDocument/>",
        },
    )
    (source,) = expand_zip(zip_path)
    assert isinstance(source, Source)
    assert source.display.endswith("!Health/apple_health_export/导出.xml")
    assert source.limit == MAX_HEALTH_EXPORT_BYTES
    assert source.resolve is not None
    route = source.resolve("/workout-routes/route_2024-05-01_7.00am.gpx")
    assert route is not None and route.read_all() == GPX.encode()


# --- hostile and broken zips -------------------------------------------------------------


def test_members_that_leave_the_archive_are_refused_and_the_rest_kept(tmp_path: Path) -> None:
    zip_path = make_zip(
        tmp_path / "evil.zip",
        {"../../evil.gpx": GPX, "/etc/cron.gpx": GPX, "C:/boot.gpx": GPX, "ok/run.gpx": GPX},
    )
    found = expand_zip(zip_path)
    assert list(sources_of(found)) == ["ok/run.gpx"]
    problems = problems_of(found)
    assert sorted(problems) == ["../../evil.gpx", "/etc/cron.gpx", "C:/boot.gpx"]
    for problem in problems.values():
        assert isinstance(problem, UnsafeInput)
        assert "its path leaves the archive's folder; refused" in str(problem)


def test_a_symlink_member_is_refused(tmp_path: Path) -> None:
    zip_path = tmp_path / "link.zip"
    with zipfile.ZipFile(zip_path, "w") as archive:
        link = zipfile.ZipInfo("run.gpx")
        link.create_system = 3
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/home/runner/.ssh/id_rsa")
        archive.writestr("walk.gpx", GPX)
    found = expand_zip(zip_path)
    assert list(sources_of(found)) == ["walk.gpx"]
    assert isinstance(problems_of(found)["run.gpx"], UnsafeInput)
    assert "is a symbolic link; refused" in str(problems_of(found)["run.gpx"])


def test_a_member_declaring_a_huge_size_is_refused_without_inflating(tmp_path: Path) -> None:
    zip_path = make_zip(tmp_path / "bomb.zip", {"bomb.gpx": GPX, "run.gpx": GPX})
    patch_central(zip_path, "bomb.gpx", INFLATED_SIZE, "<I", 3 * 1024 * MiB)
    found = expand_zip(zip_path)
    problem = problems_of(found)["bomb.gpx"]
    assert isinstance(problem, UnsafeInput)
    assert str(problem) == f"{zip_path}!bomb.gpx: inflates past the 512 MiB limit; refused"
    assert list(sources_of(found)) == ["run.gpx"]


def test_a_member_packed_like_a_zip_bomb_is_refused(tmp_path: Path) -> None:
    zip_path = make_zip(tmp_path / "dense.zip", {"dense.csv": STEPS + b"\n" * (8 * MiB)})
    info = zipfile.ZipFile(zip_path).getinfo("dense.csv")
    assert info.file_size / info.compress_size > MAX_PACKING_RATIO
    (problem,) = expand_zip(zip_path)
    assert isinstance(problem, UnsafeInput)
    assert "times its packed size, like a zip bomb" in str(problem)


def test_a_member_inflating_past_its_declared_size_is_cut_off_as_damaged(tmp_path: Path) -> None:
    zip_path = make_zip(tmp_path / "liar.zip", {"steps.csv": STEPS * (2 * MiB // len(STEPS))})
    patch_central(zip_path, "steps.csv", INFLATED_SIZE, "<I", 9000)
    (source,) = expand_zip(zip_path)
    assert isinstance(source, Source)
    started = time.perf_counter()
    with pytest.raises(DecodeError, match="is damaged inside the zip"):
        source.read_all()
    assert time.perf_counter() - started < 0.5


def test_a_gzip_bomb_inside_a_zip_stops_at_the_limit(tmp_path: Path) -> None:
    bomb = gzip.compress(STEPS + b"\n" * (3 * MiB))
    zip_path = make_zip(tmp_path / "gz.zip", {"steps.csv.gz": bomb})
    (source,) = expand_zip(zip_path, limit=MiB)
    assert isinstance(source, Source)
    with pytest.raises(UnsafeInput, match="larger than the 1 MiB limit once inflated"):
        source.read_all()


def test_a_gzipped_member_is_inflated_on_the_fly(tmp_path: Path) -> None:
    zip_path = make_zip(tmp_path / "gz.zip", {"day/steps.csv.gz": gzip.compress(STEPS)})
    (source,) = expand_zip(zip_path)
    assert isinstance(source, Source)
    assert source.read_all() == STEPS
    assert source.suffixes == ".csv"


def test_a_password_protected_member_is_reported(tmp_path: Path) -> None:
    zip_path = make_zip(tmp_path / "locked.zip", {"run.gpx": GPX, "walk.gpx": GPX})
    patch_central(zip_path, "run.gpx", FLAGS, "<H", 0x1)
    found = expand_zip(zip_path)
    assert list(sources_of(found)) == ["walk.gpx"]
    assert isinstance(problems_of(found)["run.gpx"], DecodeError)
    assert "password-protected" in str(problems_of(found)["run.gpx"])


def test_an_unknown_compression_method_is_reported(tmp_path: Path) -> None:
    zip_path = make_zip(tmp_path / "aes.zip", {"run.gpx": GPX})
    patch_central(zip_path, "run.gpx", METHOD, "<H", 99)
    (problem,) = expand_zip(zip_path)
    assert isinstance(problem, DecodeError)
    assert "compression method footfall cannot read (method 99)" in str(problem)


def test_a_member_needing_a_newer_zip_version_is_one_line(tmp_path: Path) -> None:
    zip_path = make_zip(tmp_path / "new.zip", {"run.gpx": GPX})
    patch_central(zip_path, "run.gpx", NEEDED_VERSION, "<H", 99)  # version 9.9
    (problem,) = expand_zip(zip_path)
    assert isinstance(problem, DecodeError)
    assert "a broken zip archive (zip file version 9.9)" in str(problem)


def test_a_member_with_strong_encryption_is_one_line_and_the_rest_kept(tmp_path: Path) -> None:
    zip_path = make_zip(tmp_path / "strong.zip", {"run.gpx": GPX, "walk.gpx": GPX})
    patch_central(zip_path, "run.gpx", FLAGS, "<H", 0x40)  # flag bit 6 alone
    found = expand_zip(zip_path)
    assert list(sources_of(found)) == ["walk.gpx"]
    assert "strong encryption" in str(problems_of(found)["run.gpx"])


@pytest.mark.parametrize("cut", [0.5, 0.98])
def test_a_corrupt_zip_is_one_decode_error_naming_it(tmp_path: Path, cut: float) -> None:
    whole = make_zip(tmp_path / "whole.zip", {"run.gpx": GPX, "walk.gpx": GPX}).read_bytes()
    broken = tmp_path / "broken.zip"
    broken.write_bytes(whole[: int(len(whole) * cut)])
    (problem,) = expand_zip(broken)
    assert isinstance(problem, DecodeError)
    assert str(problem).startswith(f"{broken}: not a readable zip archive")


def test_a_zip_with_its_own_activities_csv_is_not_taken_for_a_strava_export(
    tmp_path: Path,
) -> None:
    zip_path = make_zip(
        tmp_path / "club.zip", {"activities.csv": "who,km\nAnn,5\n", "ann/run.gpx": GPX}
    )
    (source,) = expand_zip(zip_path)
    assert isinstance(source, Source) and source.display.endswith("!ann/run.gpx")


def test_a_damaged_member_is_reported_and_the_others_kept(tmp_path: Path) -> None:
    zip_path = make_zip(tmp_path / "crc.zip", {"run.gpx": GPX, "walk.gpx": GPX}, stored=True)
    data = bytearray(zip_path.read_bytes())
    at = data.find(b"<trkseg>")  # inside run.gpx, stored as is
    data[at : at + 8] = b"<trksex>"
    zip_path.write_bytes(bytes(data))
    found = expand_zip(zip_path)
    assert list(sources_of(found)) == ["walk.gpx"]
    assert "Bad CRC-32" in str(problems_of(found)["run.gpx"])


def test_opening_members_does_not_hold_the_zip_in_memory(tmp_path: Path) -> None:
    big = io.BytesIO()
    big.write(bytes(range(256)) * (40 * MiB // 256))
    zip_path = make_zip(
        tmp_path / "big.zip", {"video.bin": big.getvalue(), "run.gpx": GPX}, stored=True
    )
    del big
    tracemalloc.start()
    try:
        found = expand_zip(zip_path)
        assert sources_of(found)["run.gpx"].read_all() == GPX.encode()
        _size, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert zip_path.stat().st_size > 40 * MiB
    assert peak < 2 * MiB


def test_members_of_one_zip_can_be_read_side_by_side(tmp_path: Path) -> None:
    walk = STEPS + b"2024-01-02,9000\n"
    zip_path = make_zip(tmp_path / "two.zip", {"run.gpx": GPX, "walk.csv": walk})
    sources = sources_of(expand_zip(zip_path))
    with sources["run.gpx"].open() as first, sources["walk.csv"].open() as second:
        chunks = [(first.read(7), second.read(5)) for _ in range(60)]
    assert b"".join(a for a, _b in chunks) == GPX.encode()
    assert b"".join(b for _a, b in chunks) == walk


def test_a_zip_replaced_on_disk_is_read_afresh(tmp_path: Path) -> None:
    zip_path = make_zip(tmp_path / "day.zip", {"steps.csv": STEPS})
    (before,) = expand_zip(zip_path)
    assert isinstance(before, Source) and before.read_all() == STEPS
    later = b"date,steps\n2024-01-02,12000\n"
    make_zip(zip_path, {"steps.csv": later})
    (after,) = expand_zip(zip_path)
    assert isinstance(after, Source) and after.read_all() == later
