"""The hardened XML entry point: hostile and broken files, each made in tmp_path.

Every hostile file must end in a one-line FileProblem naming the file, and nothing
from /etc/passwd may ever show up, whichever decoder reads it.
"""

from __future__ import annotations

import gzip
import io
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, cast

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import CORPUS, CORPUS_MISSING
from footfall.activity import Decoded
from footfall.errors import DecodeError, FileProblem, TruncatedFile, UnsafeInput
from footfall.formats import gpx, tcx
from footfall.formats._xml import CHUNK_BYTES, Element, iter_elements
from footfall.formats._xml_runs import iter_runs
from footfall.formats.source import Source, file_source

PASSWD = Path("/etc/passwd")
DECODERS: dict[str, Callable[[Source], Decoded]] = {"gpx": gpx.decode, "tcx": tcx.decode}
GPX_NS = "http://www.topografix.com/GPX/1/1"


def a_gpx(points: int = 3) -> str:
    rows = "".join(
        f'<trkpt lat="{48 + i / 1000:.4f}" lon="2.35"><ele>{35 + i}</ele>'
        f"<time>2024-05-01T07:00:{i:02d}Z</time></trkpt>\n"
        for i in range(points)
    )
    return (
        f'<?xml version="1.0"?>\n<gpx version="1.1" xmlns="{GPX_NS}">\n'
        f"<trk><trkseg>\n{rows}</trkseg></trk>\n</gpx>\n"
    )


def write(tmp_path: Path, content: str | bytes, name: str = "hostile.gpx") -> Source:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return file_source(path)


def problem(source: Source, kind: type[FileProblem] = FileProblem) -> FileProblem:
    """The problem every decoder raises for the file; all must agree on its kind."""
    raised = []
    for decode in DECODERS.values():
        with pytest.raises(kind) as caught:
            decode(source)
        raised.append(caught.value)
    first = raised[0]
    assert source.display in str(first) and "\n" not in str(first)
    return first


def assert_no_passwd(text: str) -> None:
    if PASSWD.exists():
        for line in PASSWD.read_text(encoding="utf-8", errors="replace").splitlines()[:5]:
            assert line not in text
    assert "root:" not in text


XXE = (
    '<?xml version="1.0"?>\n<!DOCTYPE gpx [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n'
    f'<gpx version="1.1" xmlns="{GPX_NS}"><trk><name>&secret;</name><trkseg>'
    '<trkpt lat="1" lon="1"><time>2024-05-01T07:00:00Z</time></trkpt></trkseg></trk></gpx>'
)


def test_it_refuses_an_external_entity_reading_etc_passwd(tmp_path: Path) -> None:
    refused = problem(write(tmp_path, XXE), UnsafeInput)
    assert "declares XML entities; refused" in str(refused)
    assert_no_passwd(str(refused))


@pytest.mark.parametrize(
    "encoding", ["utf-16", "utf-32", "utf-7"], ids=["utf-16", "utf-32", "utf-7 (past the scan)"]
)
def test_it_refuses_an_external_entity_in_any_encoding(tmp_path: Path, encoding: str) -> None:
    text = XXE.replace('<?xml version="1.0"?>', f'<?xml version="1.0" encoding="{encoding}"?>')
    refused = problem(write(tmp_path, text.encode(encoding)), UnsafeInput)
    assert_no_passwd(str(refused))


def test_it_refuses_a_parameter_entity(tmp_path: Path) -> None:
    text = '<!DOCTYPE gpx [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]><gpx/>'
    assert_no_passwd(str(problem(write(tmp_path, text), UnsafeInput)))


def test_it_refuses_a_billion_laughs_without_expanding_it(tmp_path: Path) -> None:
    levels = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    ]
    text = f"<!DOCTYPE gpx [{''.join(levels)}]><gpx><trk><name>&lol9;</name></trk></gpx>"
    assert "entity expansion are not allowed" in str(problem(write(tmp_path, text), UnsafeInput))


def test_it_refuses_an_external_dtd(tmp_path: Path) -> None:
    text = '<!DOCTYPE gpx SYSTEM "file:///etc/passwd"><gpx version="1.1"/>'
    refused = problem(write(tmp_path, text), UnsafeInput)
    assert "external DTD" in str(refused)
    assert_no_passwd(str(refused))


def test_it_accepts_an_inline_dtd_without_entities_as_apple_health_writes(tmp_path: Path) -> None:
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE HealthData [\n'
        "<!-- HealthKit Export Version: 8 -->\n<!ELEMENT HealthData (ExportDate,Record*)>\n"
        '<!ATTLIST Record type CDATA #REQUIRED value CDATA #IMPLIED unit CDATA "a>b]">\n]>\n'
        '<HealthData locale="en_US"><ExportDate value="2019-06-11 22:00:00 -0700"/>'
        '<Record type="HKQuantityTypeIdentifierStepCount" value="412"/></HealthData>'
    )
    source = write(tmp_path, text, "export.xml")
    found = [(name, dict(e.attrib)) for name, e in iter_elements(source, {"Record"})]
    assert found == [("Record", {"type": "HKQuantityTypeIdentifierStepCount", "value": "412"})]


def test_it_streams_the_real_apple_health_export_past_its_inline_dtd() -> None:
    path = CORPUS / "other" / "hkimport__export.xml"
    if not path.exists():
        pytest.skip(CORPUS_MISSING)
    steps = [
        int(e.get("value", "0"))
        for _, e in iter_elements(file_source(path), {"Record"}, root="HealthData")
        if e.get("type") == "HKQuantityTypeIdentifierStepCount"
    ]
    assert len(steps) > 1000 and all(value >= 0 for value in steps)


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"", "is empty"),
        (b"this is a text file, not XML\n", "not XML"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not XML"),
    ],
    ids=["empty", "plain text", "binary"],
)
def test_it_names_a_file_that_is_not_xml(tmp_path: Path, content: bytes, says: str) -> None:
    assert says in str(problem(write(tmp_path, content), DecodeError))


def test_it_reports_a_mismatched_tag_with_its_line(tmp_path: Path) -> None:
    text = a_gpx().replace("</trkseg>", "</trksegment>")
    reported = problem(write(tmp_path, text), DecodeError)
    assert "not well-formed XML at line 7 (mismatched tag)" in str(reported)


def test_it_reports_invalid_utf8_with_its_line(tmp_path: Path) -> None:
    data = a_gpx().encode().replace(b"<trk>", b"<trk><name>Caf\xe9 \xff</name>")
    reported = problem(write(tmp_path, data), DecodeError)
    assert "line 3" in str(reported) and "encoding" in str(reported)


def test_it_says_which_format_a_wrong_root_element_is_not(tmp_path: Path) -> None:
    source = write(tmp_path, '<kml xmlns="http://www.opengis.net/kml/2.2"><Document/></kml>')
    with pytest.raises(DecodeError, match=r"not a GPX file: its root element is <kml>"):
        gpx.decode(source)
    with pytest.raises(DecodeError, match=r"not a TCX file: its root element is <kml>"):
        tcx.decode(source)


@pytest.mark.parametrize("where", ["text", "attribute"])
def test_it_refuses_a_huge_text_or_attribute(tmp_path: Path, where: str) -> None:
    huge = "x" * 11_000_000  # libxml2 refuses nodes over 10 MB without huge_tree
    inner = f"<name>{huge}</name>" if where == "text" else f'<name lang="{huge}"/>'
    text = f'<gpx version="1.1" xmlns="{GPX_NS}"><trk>{inner}</trk></gpx>'
    assert "too large" in str(problem(write(tmp_path, text), UnsafeInput))


def test_it_refuses_a_file_over_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.gpx"
    path.write_text(a_gpx(points=2000), encoding="utf-8")
    with pytest.raises(UnsafeInput, match="limit"):
        gpx.decode(file_source(path, limit=10_000))


def test_a_gzipped_file_cut_short_is_truncated_not_a_raw_error(tmp_path: Path) -> None:
    packed = gzip.compress(a_gpx(points=400).encode())
    source = write(tmp_path, packed[: len(packed) // 2], "cut.gpx.gz")
    assert "ends early" in str(problem(source, TruncatedFile))


def test_a_file_cut_anywhere_inside_its_root_element_is_truncated(tmp_path: Path) -> None:
    whole = a_gpx(points=6).encode()
    root_start = whole.index(b"<gpx")
    for size in range(root_start + 5, len(whole) - len(b"</gpx>\n"), 7):
        with pytest.raises(TruncatedFile, match=r"ends before its XML is complete \(cut off"):
            gpx.decode(write(tmp_path, whole[:size]))


def a_tcx() -> str:
    point = (
        "<Trackpoint><Time>2024-05-01T07:00:0{0}Z</Time><DistanceMeters>{0}</DistanceMeters>"
        "<HeartRateBpm><Value>14{0}</Value></HeartRateBpm></Trackpoint>"
    )
    track = "".join(point.format(i) for i in range(3))
    return (
        '<?xml version="1.0"?>\n<TrainingCenterDatabase '
        'xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"><Activities>'
        '<Activity Sport="Running"><Id>2024-05-01T07:00:00Z</Id>'
        '<Lap StartTime="2024-05-01T07:00:00Z"><TotalTimeSeconds>3</TotalTimeSeconds>'
        f"<Track>{track}</Track></Lap></Activity></Activities></TrainingCenterDatabase>\n"
    )


DOCUMENTS = {"gpx": a_gpx(points=4).encode(), "tcx": a_tcx().encode()}


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(kind=st.sampled_from(sorted(DOCUMENTS)), fraction=st.floats(min_value=0, max_value=1))
def test_any_prefix_of_a_file_raises_only_a_file_problem(
    tmp_path: Path, kind: str, fraction: float
) -> None:
    whole = DOCUMENTS[kind]
    data = whole[: int(len(whole) * fraction)]
    for decode in DECODERS.values():
        try:
            decoded = decode(write(tmp_path, data))
        except FileProblem as exc:
            assert "\n" not in str(exc)
        else:
            assert data.rstrip() == whole.rstrip()  # only the whole file decodes
            assert len(decoded.activities[0].samples) in {3, 4}


class CountingStream(io.RawIOBase):
    """A byte stream that remembers how much was asked of it."""

    def __init__(self, data: bytes) -> None:
        self._inner = io.BytesIO(data)
        self.largest_read = 0
        self.position = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        self.largest_read = max(self.largest_read, len(buffer))
        count = self._inner.readinto(buffer)
        self.position += count
        return count


def test_it_hands_out_elements_before_the_file_is_read_to_its_end() -> None:
    data = a_gpx(points=20_000).encode()
    stream = CountingStream(data)

    def opener() -> BinaryIO:
        return stream  # type: ignore[return-value]

    elements = iter_elements(Source("stream.gpx", opener), {"trkpt"})
    next(elements)
    assert stream.position < len(data) / 2
    assert stream.largest_read <= CHUNK_BYTES + 1


def test_memory_stays_flat_because_handed_out_elements_are_dropped(tmp_path: Path) -> None:
    points = 40_000  # about 14 chunks of bytes
    text = a_gpx(points=points)
    source = write(tmp_path, text)
    alive = [len(e.getparent()) for _, e in iter_elements(source, {"trkpt"})]
    assert len(alive) == points
    points_per_chunk = CHUNK_BYTES / (len(text) / points)
    assert max(alive) <= 1.5 * points_per_chunk  # about a chunk's worth, whatever the file size


def a_long_tcx(points: int) -> str:
    track = "".join(
        f"<Trackpoint><Time>2024-05-01T{7 + i // 3600:02d}:{i // 60 % 60:02d}:{i % 60:02d}Z"
        f"</Time><DistanceMeters>{i}</DistanceMeters></Trackpoint>\n"
        for i in range(points)
    )
    short = a_tcx()
    return short[: short.index("<Track>")] + f"<Track>{track}" + short[short.index("</Track>") :]


TCX_TAGS = {"Trackpoint", "Lap", "Activity"}


def test_a_tcx_is_read_run_by_run_and_its_points_are_dropped(tmp_path: Path) -> None:
    points = 40_000  # about 15 chunks of bytes, all in one Track
    text = a_long_tcx(points)
    held = []  # the points of the Track when a run is read

    def read(run: list[Element]) -> int:
        held.append(len(cast(Element, run[0].getparent())))
        return len(run)

    walk = iter_runs(write(tmp_path, text, "long.tcx"), TCX_TAGS, repeated="Trackpoint", read=read)
    assert sum(run or 0 for _name, _elements, run in walk) == points
    points_per_chunk = CHUNK_BYTES / (len(text) / points)
    assert max(held) <= 1.5 * points_per_chunk  # about a chunk's worth, whatever the file size


def test_runs_are_handed_out_before_the_file_is_read_to_its_end() -> None:
    data = a_long_tcx(20_000).encode()
    stream = CountingStream(data)

    def opener() -> BinaryIO:
        return stream  # type: ignore[return-value]

    walk = iter_runs(Source("stream.tcx", opener), TCX_TAGS, repeated="Trackpoint", read=len)
    assert next(walk)[2]
    assert stream.position < len(data) / 2
    assert stream.largest_read <= CHUNK_BYTES + 1


def test_a_broken_tcx_is_one_line_whatever_was_read_before(tmp_path: Path) -> None:
    whole = a_long_tcx(8_000)
    for size in range(100_000, len(whole), 61_111):  # cut in runs, before and after chunks
        source = write(tmp_path, whole[:size], "cut.tcx")
        with pytest.raises(TruncatedFile, match=r"ends before its XML is complete") as caught:
            tcx.decode(source)
        assert "\n" not in str(caught.value)


def times_until_broken(walk: Iterator[tuple[str, object]]) -> tuple[list[str], str]:
    """The times handed out before the walk raised, and what it raised."""
    times: list[str] = []
    try:
        for _name, found in walk:
            times.extend(cast(list[str], found))
    except FileProblem as problem:
        return times, str(problem)
    return times, ""


def point_times(run: list[Element]) -> list[str]:
    return [point.findtext("{*}Time") or "" for point in run]


@pytest.mark.parametrize("cut", [300_000, 700_000, 1_500_000])
def test_a_broken_tcx_hands_out_each_point_once_as_the_end_events_do(
    tmp_path: Path, cut: int
) -> None:
    whole = a_long_tcx(20_000)
    broken = whole[:cut] + "</Broken>" + whole[cut:]
    source = write(tmp_path, broken, "broken.tcx")
    by_ends = (
        (name, point_times([element]) if name == "Trackpoint" else [])
        for name, element in iter_elements(source, TCX_TAGS)
    )
    by_runs = (
        (name, run or [])
        for name, _elements, run in iter_runs(
            source, TCX_TAGS, repeated="Trackpoint", read=point_times
        )
    )
    expected, problem = times_until_broken(by_ends)
    assert len(expected) > cut // 200 and "not well-formed XML" in problem
    assert times_until_broken(by_runs) == (expected, problem)
