"""Strava bulk export index (activities.csv): the three real exports of one athlete,
plus small indexes and export folders generated in tmp_path."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import math
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from footfall.errors import DecodeError, NotAnActivity, UnsafeInput
from footfall.formats import strava_index
from footfall.formats.source import Hints, Source, file_source

EXPORTS = {  # corpus file -> (rows, columns, rows whose Filename number is not the ID)
    "strava/stravamap__activities.csv": (1122, 87, 12),
    "strava/stravamap__strava_export_12_17_2024_activities.csv": (1587, 94, 18),
    "strava/stravamap__export_08_25_2025_activities.csv": (1845, 99, 18),
}
HEADER_2025 = "strava/stravamap__export_08_25_2025_activities.csv"
GPX = """<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="StravaGPX" xmlns="http://www.topografix.com/GPX/1/1">
 <trk><type>9</type><trkseg>
  <trkpt lat="45.0000" lon="6.0000"><time>2021-10-17T08:00:00Z</time></trkpt>
  <trkpt lat="45.0010" lon="6.0000"><time>2021-10-17T08:00:40Z</time></trkpt>
 </trkseg></trk>
</gpx>
"""


def read_corpus_index(corpus: Path, name: str) -> list[strava_index.StravaEntry]:
    with (corpus / name).open("rb") as stream:
        return strava_index.read_index(stream, name)


def corpus_header(corpus: Path) -> list[str]:
    with (corpus / HEADER_2025).open(encoding="utf-8", newline="") as handle:
        return next(csv.reader(handle))


def index_text(header: list[str], rows: list[dict[int, str]]) -> str:
    """A CSV with ``header`` and rows given as {position: value}."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(i, "") for i in range(len(header))])
    return out.getvalue()


def row(activity_id: int, filename: str, name: str = "Morning Run", sport: str = "Run") -> dict:
    return {
        0: str(activity_id),
        1: "Oct 17, 2021, 8:00:00 AM",
        2: name,
        3: sport,
        5: "40",
        6: "0.11",
        12: filename,
        15: "40.0",
        16: "38.0",
        17: "111.2",
    }


@pytest.mark.parametrize("name", sorted(EXPORTS))
def test_it_reads_every_row_of_the_real_exports(corpus: Path, name: str) -> None:
    rows, columns, renamed = EXPORTS[name]
    entries = read_corpus_index(corpus, name)
    with (corpus / name).open(encoding="utf-8", newline="") as handle:
        assert len(next(csv.reader(handle))) == columns
    assert len(entries) == rows
    assert len(strava_index.index_by_path(entries)) == rows
    assert all(entry.start is not None and entry.start.tzinfo is dt.UTC for entry in entries)
    differing = [e for e in entries if re.search(r"/(\d+)\.", e.path)[1] != str(e.activity_id)]
    assert len(differing) == renamed


@pytest.mark.parametrize("name", sorted(EXPORTS))
def test_the_first_ride_has_metres_seconds_and_a_utc_start(corpus: Path, name: str) -> None:
    first = read_corpus_index(corpus, name)[0]
    assert first.activity_id == 203707851
    assert first.path == "activities/203707851.gpx"
    assert first.hints == Hints(name="Lunch Ride", sport="Ride")
    assert first.start == dt.datetime(2014, 10, 5, 16, 15, 21, tzinfo=dt.UTC)
    assert first.elapsed_s == 2833.0
    assert first.moving_s == 2499.0
    # Column 18 in metres, not column 7's rounded 13.61 km.
    assert first.distance_m == pytest.approx(13609.2001953125)
    assert math.isnan(first.steps)


def test_it_finds_the_renamed_files_through_filename_not_the_activity_id(corpus: Path) -> None:
    entries = read_corpus_index(corpus, "strava/stravamap__activities.csv")
    by_path = strava_index.index_by_path(entries)
    assert by_path["activities/8328132174.gpx.gz"].activity_id == 7796555307
    assert "activities/7796555307.gpx.gz" not in by_path


def test_it_maps_the_bin_gz_file_of_the_2024_export(corpus: Path) -> None:
    entries = read_corpus_index(corpus, "strava/stravamap__strava_export_12_17_2024_activities.csv")
    entry = strava_index.index_by_path(entries)["activities/10825299000.bin.gz"]
    assert entry.activity_id == 10105638284
    assert entry.hints == Hints(name="Haida Gwaii Bike Tour", sport="Ride")
    assert entry.start == dt.datetime(2021, 8, 13, 0, 0, tzinfo=dt.UTC)


def test_the_2023_html_span_headers_do_not_shift_the_columns(corpus: Path) -> None:
    old = read_corpus_index(corpus, "strava/stravamap__activities.csv")
    new = read_corpus_index(corpus, HEADER_2025)
    assert old[-1] == next(e for e in new if e.activity_id == old[-1].activity_id)


def test_span_wrapped_header_names_are_read_by_their_text(tmp_path: Path) -> None:
    header = ["Activity ID", "Activity Date", "Activity Name", "Activity Type"]
    header += ['<span class="translation_missing" title="x">Filename</span>']
    text = index_text(header, [{0: "7", 1: "Jan 2, 2020, 12:05:09 AM", 2: "Walk", 4: "a/7.fit"}])
    (entry,) = strava_index.read_index(io.BytesIO(text.encode()), "activities.csv")
    assert entry.path == "a/7.fit"
    assert entry.start == dt.datetime(2020, 1, 2, 0, 5, 9, tzinfo=dt.UTC)
    assert math.isnan(entry.distance_m)  # no second Distance column: unknown, not km


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Oct 5, 2014, 4:15:21 PM", dt.datetime(2014, 10, 5, 16, 15, 21, tzinfo=dt.UTC)),
        ("Dec 31, 2024, 12:00:00 AM", dt.datetime(2024, 12, 31, 0, 0, tzinfo=dt.UTC)),
        ("Jul 4, 2023, 12:30:05 PM", dt.datetime(2023, 7, 4, 12, 30, 5, tzinfo=dt.UTC)),
        ("Feb 30, 2024, 1:00:00 AM", None),
        ("2024-02-03 10:00:00", None),
    ],
)
def test_activity_dates_are_read_as_utc(text: str, expected: dt.datetime | None) -> None:
    assert strava_index.parse_activity_date(text) == expected


@given(st.integers(1_230_768_000, 2_082_758_399))  # 2009 to 2035
def test_any_strava_date_reads_back_as_the_same_utc_instant(epoch_s: int) -> None:
    when = dt.datetime.fromtimestamp(epoch_s, dt.UTC)
    half = "PM" if when.hour >= 12 else "AM"
    text = f"{when:%b} {when.day}, {when.year}, {when.hour % 12 or 12}:{when:%M:%S} {half}"
    assert strava_index.parse_activity_date(text) == when


def test_rows_without_a_file_are_left_out(tmp_path: Path) -> None:
    header = ["Activity ID", "Activity Name", "Filename"]
    text = index_text(header, [{0: "1", 1: "Manual", 2: ""}, {0: "2", 1: "GPS", 2: "a/2.gpx"}])
    entries = strava_index.read_index(io.BytesIO(text.encode()), "activities.csv")
    assert [(e.activity_id, e.line) for e in entries] == [(2, 3)]


def test_a_csv_without_a_filename_column_is_not_an_index() -> None:
    with pytest.raises(DecodeError, match=r"not a Strava activities\.csv"):
        strava_index.read_index(io.BytesIO(b"date,steps\n2024-01-01,5\n"), "steps.csv")


def test_an_index_imported_on_its_own_is_not_an_activity(corpus: Path) -> None:
    source = file_source(corpus / HEADER_2025)
    assert strava_index.looks_like_index(source.head())
    with pytest.raises(NotAnActivity) as caught:
        strava_index.decode(source)
    assert str(caught.value).endswith(
        "a Strava activities.csv index; import the whole export (zip or folder) instead"
    )


def write_export_folder(folder: Path, header: list[str]) -> None:
    rows = [
        row(11, "activities/11.gpx", "Morning Run"),
        row(12, "activities/99.gpx.gz", "Lunch Walk", "Walk"),
        row(13, "activities/13.fit.gz", "Gone"),
        row(14, "activities/../../secret.gpx", "Sneaky"),
    ]
    (folder / "activities").mkdir(parents=True)
    (folder / "activities.csv").write_text(index_text(header, rows), encoding="utf-8")
    (folder / "profile.csv").write_text("Email\nx@example.org\n", encoding="utf-8")
    (folder / "activities" / "11.gpx").write_text(GPX, encoding="utf-8")
    (folder / "activities" / "99.gpx.gz").write_bytes(gzip.compress(GPX.encode()))


def test_an_export_folder_gives_one_source_per_listed_file_with_hints(
    corpus: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "export_42"
    write_export_folder(folder, corpus_header(corpus))
    found = strava_index.expand_folder(folder)
    sources = {Path(s.display).name: s for s in found if isinstance(s, Source)}
    problems = [p for p in found if not isinstance(p, Source)]
    assert sorted(sources) == ["11.gpx", "99.gpx.gz"]
    assert sources["99.gpx.gz"].hints == Hints(name="Lunch Walk", sport="Walk")
    assert sources["99.gpx.gz"].read_all() == GPX.encode()  # inflated on the fly
    assert sorted(type(p).__name__ for p in problems) == ["DecodeError", "UnsafeInput"]
    missing = next(p for p in problems if isinstance(p, DecodeError))
    assert missing.path == str(folder / "activities" / "13.fit.gz")
    assert "listed in activities.csv (line 4) but missing from the export" in str(missing)
    assert any(isinstance(p, UnsafeInput) and "outside the export" in str(p) for p in problems)
