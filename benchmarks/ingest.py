"""Ingest speed: footfall's FIT, GPX and TCX decoders against the libraries runners use.

    python benchmarks/ingest.py            # the corpus, best of 3 runs per file
    python benchmarks/ingest.py --quick    # every 3rd file, one run: well under a minute
    python benchmarks/ingest.py --json     # the figures as one JSON document

Per format it prints, for footfall and each peer (garmin-fit-sdk and fitdecode for FIT,
gpxpy for GPX, tcxreader for TCX), the bytes and records read, the time (best of N runs
per file, summed over the files), records/s, MB/s and how many times faster footfall
is; then whether the issue's first target is met (FIT >= 10x garmin-fit-sdk, GPX >= 2x
gpxpy, TCX >= 2x tcxreader). Two floor figures show the headroom: a bare pure-Python
FIT message scan (message boundaries only, no field decoded) and lxml's iterparse with
nothing done per element.

Every file is read from disk (and gunzipped) once before any timing; every reader then
gets the same bytes in memory. Only files that every reader of that format reads
without error count; the others are listed with the first reader's complaint.

Files: ``--corpus DIR``, else ``$FOOTFALL_CORPUS``, else ``../shared/corpus`` next to the
repository; without a corpus, the demo runner's files (``footfall.demo.build``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import gzip
import io
import json
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import fitdecode
import garmin_fit_sdk
import gpxpy
from lxml import etree
from rich.console import Console
from rich.table import Table
from tcxreader.tcxreader import TCXReader

from footfall.demo.build import write_demo
from footfall.formats import decode
from footfall.formats.source import Source

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
DEMO_END = dt.date(2026, 3, 22)
MB = 1_000_000
FORMATS = ("fit", "gpx", "tcx")


@dataclass(frozen=True, slots=True)
class Sample:
    """One file's (decompressed) bytes, held in memory for every reader."""

    name: str
    data: bytes


@dataclass(frozen=True, slots=True)
class Reader:
    """Something that reads a file's bytes and says how many records it found.

    A ``floor`` reader decodes nothing: it shows how fast the bytes can be walked at all.
    """

    name: str
    package: str
    count: Callable[[Sample], int]
    floor: bool = False


# --- the readers -----------------------------------------------------------------------


def footfall_records(sample: Sample) -> int:
    """footfall's own decoder, through the same dispatch ``footfall import`` uses."""
    decoded = decode(Source(sample.name, lambda: io.BytesIO(sample.data)))
    if decoded.problems:
        raise decoded.problems[0]
    return sum(len(activity.samples) for activity in decoded.activities)


def garmin_sdk_records(sample: Sample) -> int:
    """Garmin's FIT SDK with its default options (scaling, components, CRC check)."""
    stream = garmin_fit_sdk.Stream.from_byte_array(bytearray(sample.data))
    messages, errors = garmin_fit_sdk.Decoder(stream).read()
    if errors:
        raise errors[0]
    return len(messages.get("record_mesgs", []))


def fitdecode_records(sample: Sample) -> int:
    """fitdecode's default processor; a bad CRC is an error, as it is for the others."""
    records = 0
    with fitdecode.FitReader(io.BytesIO(sample.data), check_crc=fitdecode.CrcCheck.RAISE) as fit:
        for frame in fit:
            if isinstance(frame, fitdecode.FitDataMessage) and frame.name == "record":
                records += 1
    return records


def gpxpy_records(sample: Sample) -> int:
    return int(gpxpy.parse(sample.data).get_track_points_no())


def tcxreader_records(sample: Sample) -> int:
    """Every trackpoint (``only_gps=False``: footfall keeps points without a position too)."""
    exercise = TCXReader().read(io.BytesIO(sample.data), only_gps=False)  # type: ignore[arg-type]
    return len(exercise.trackpoints)


def fit_message_scan(sample: Sample) -> int:
    """The floor for FIT: walk every part's messages by their definitions' sizes in pure
    Python, decoding no field. Returns the number of messages."""
    data, pos, messages = sample.data, 0, 0
    while pos + 12 <= len(data) and data[pos + 8 : pos + 12] == b".FIT":
        start = pos + data[pos]
        end = min(start + int.from_bytes(data[pos + 4 : pos + 8], "little"), len(data))
        messages += _scan_part(data, start, end)
        pos = end + 2  # the file CRC
    return messages


def _scan_part(data: bytes, pos: int, end: int) -> int:
    sizes = [0] * 16  # bytes of a data message of each local type, header included
    messages = 0
    while pos < end:
        header = data[pos]
        if header & 0x80:  # compressed timestamp: local type in bits 5-6
            size = sizes[(header >> 5) & 0x03]
        elif header & 0x40:  # definition
            fields_end = pos + 6 + 3 * data[pos + 5]
            size_of_data = sum(data[pos + 7 : fields_end : 3])
            if header & 0x20:  # developer fields
                dev_end = fields_end + 1 + 3 * data[fields_end]
                size_of_data += sum(data[fields_end + 2 : dev_end : 3])
                fields_end = dev_end
            sizes[header & 0x0F] = size_of_data + 1
            size = fields_end - pos
        else:
            size = sizes[header & 0x0F]
        if not size:
            raise ValueError(f"a message at byte {pos} uses an undefined local type")
        pos += size
        messages += 1
    return messages


def lxml_iterparse(sample: Sample) -> int:
    """The floor for XML: lxml's iterparse with footfall's parser options, nothing done
    per element. Returns the number of elements."""
    events = etree.iterparse(
        io.BytesIO(sample.data),
        events=("end",),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
    )
    return sum(1 for _ in events)


FOOTFALL = Reader("footfall", "footfall", footfall_records)
READERS: dict[str, tuple[Reader, ...]] = {
    "fit": (
        FOOTFALL,
        Reader("garmin-fit-sdk", "garmin-fit-sdk", garmin_sdk_records),
        Reader("fitdecode", "fitdecode", fitdecode_records),
        Reader("bare FIT message scan", "", fit_message_scan, floor=True),
    ),
    "gpx": (
        FOOTFALL,
        Reader("gpxpy", "gpxpy", gpxpy_records),
        Reader("lxml iterparse alone", "lxml", lxml_iterparse, floor=True),
    ),
    "tcx": (
        FOOTFALL,
        Reader("tcxreader", "tcxreader", tcxreader_records),
        Reader("lxml iterparse alone", "lxml", lxml_iterparse, floor=True),
    ),
}
#: The issue's first target per format: footfall at least ``factor`` times the peer.
TARGETS = {"fit": ("garmin-fit-sdk", 10.0), "gpx": ("gpxpy", 2.0), "tcx": ("tcxreader", 2.0)}


# --- measuring -------------------------------------------------------------------------


@dataclass(slots=True)
class Figures:
    """One reader's totals over the files of a format that every reader read."""

    reader: str
    floor: bool
    files: int = 0
    bytes: int = 0
    records: int = 0
    seconds: float = 0.0

    @property
    def records_per_s(self) -> float:
        return self.records / self.seconds if self.seconds else 0.0

    @property
    def mb_per_s(self) -> float:
        return self.bytes / MB / self.seconds if self.seconds else 0.0

    def add(self, size: int, records: int, seconds: float) -> None:
        self.files += 1
        self.bytes += size
        self.records += records
        self.seconds += seconds


@dataclass(slots=True)
class FormatRun:
    """A format's figures per reader, and the files left out with the reason."""

    fmt: str
    figures: dict[str, Figures]
    skipped: list[tuple[str, str]] = field(default_factory=list)


def timed(reader: Reader, sample: Sample) -> tuple[float, int]:
    """One run: seconds on ``time.perf_counter`` (after a ``gc.collect()``) and records."""
    gc.collect()
    start = time.perf_counter()
    records = reader.count(sample)
    return time.perf_counter() - start, records


def first_runs(readers: tuple[Reader, ...], sample: Sample) -> list[tuple[float, int]] | str:
    """Every reader's first run, or why the file cannot count (the first failure)."""
    runs = []
    for reader in readers:
        try:
            runs.append(timed(reader, sample))
        except Exception as exc:  # noqa: BLE001 - a peer may raise anything; it is reported
            return f"{reader.name}: {type(exc).__name__}: {_one_line(exc)}"
    return runs


def _one_line(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= 110 else text[:107] + "..."


def measure(fmt: str, samples: list[Sample], repeats: int, progress: Console) -> FormatRun:
    readers = READERS[fmt]
    run = FormatRun(fmt, {reader.name: Figures(reader.name, reader.floor) for reader in readers})
    with progress.status("") as status:
        for number, sample in enumerate(samples, 1):
            status.update(f"{fmt}: file {number}/{len(samples)} {sample.name}")
            runs = first_runs(readers, sample)
            if isinstance(runs, str):
                run.skipped.append((sample.name, runs))
                continue
            for reader, (seconds, records) in zip(readers, runs, strict=True):
                best = min([seconds, *(timed(reader, sample)[0] for _ in range(repeats - 1))])
                run.figures[reader.name].add(len(sample.data), records, best)
    return run


# --- files -------------------------------------------------------------------------------


def format_of(path: Path) -> str | None:
    name = path.name.lower().removesuffix(".gz")
    suffix = name.rsplit(".", 1)[-1] if "." in name else ""
    return suffix if suffix in FORMATS else None


def load(paths: list[Path], root: Path) -> dict[str, list[Sample]]:
    """Every FIT, GPX and TCX file (gzipped or not) read and inflated once, by format."""
    samples: dict[str, list[Sample]] = {fmt: [] for fmt in FORMATS}
    for path in sorted(paths):
        fmt = format_of(path)
        if fmt is None or not path.is_file():
            continue
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        samples[fmt].append(Sample(str(path.relative_to(root)), data))
    return samples


def corpus_samples(corpus: Path) -> dict[str, list[Sample]]:
    return load(list(corpus.rglob("*")), corpus)


def demo_samples() -> dict[str, list[Sample]]:
    with tempfile.TemporaryDirectory(prefix="footfall-bench-") as tmp:
        folder = Path(tmp)
        return load(write_demo(folder, end=DEMO_END), folder)


# --- reporting ---------------------------------------------------------------------------


def speedup(ours: Figures, theirs: Figures) -> float:
    """How many times faster footfall read the same bytes than ``theirs``."""
    return theirs.seconds / ours.seconds if ours.seconds else 0.0


def target_speedup(run: FormatRun) -> float | None:
    """footfall's speed-up over the format's target peer; None when nothing counted."""
    peer = run.figures[TARGETS[run.fmt][0]]
    return speedup(run.figures[FOOTFALL.name], peer) if peer.files else None


def verdict(run: FormatRun) -> str:
    peer, factor = TARGETS[run.fmt]
    got = target_speedup(run)
    if got is None:
        return f"{run.fmt.upper()}: no file that every reader reads; target not measured"
    met = "MET" if got >= factor else "NOT MET"
    return f"{run.fmt.upper()}: footfall is {got:.1f}x {peer} (target >= {factor:g}x): {met}"


def table(run: FormatRun) -> Table:
    out = Table(title=f"{run.fmt.upper()}", title_justify="left")
    for heading in ("reader", "files", "MB", "records", "seconds", "records/s", "MB/s"):
        out.add_column(heading, justify="left" if heading == "reader" else "right")
    out.add_column("footfall is", justify="right")
    ours = run.figures[FOOTFALL.name]
    for fig in run.figures.values():
        records = "-" if fig.floor else f"{fig.records:,}"
        rate = "-" if fig.floor else f"{fig.records_per_s:,.0f}"
        ratio = "" if fig is ours else f"{speedup(ours, fig):.2f}x"
        label = f"{fig.reader} (floor)" if fig.floor else fig.reader
        out.add_row(
            label,
            str(fig.files),
            f"{fig.bytes / MB:.2f}",
            records,
            f"{fig.seconds:.3f}",
            rate,
            f"{fig.mb_per_s:.2f}",
            ratio,
        )
    return out


def setup(source: str, repeats: int, every: int) -> dict[str, Any]:
    packages = ["footfall", "garmin-fit-sdk", "fitdecode", "gpxpy", "tcxreader", "lxml"]
    return {
        "files": source,
        "bytes": "each file read from disk and gunzipped once before timing; every reader "
        "gets the same bytes in memory",
        "timing": f"best of {repeats} run(s) per file (time.perf_counter, gc.collect() "
        "before each run), summed over the files every reader of the format reads",
        "subset": "every file" if every == 1 else f"one file in {every} (--quick)",
        "python": platform.python_version(),
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs",
        "versions": {name: metadata.version(name) for name in packages},
        "records": "footfall: samples of every activity; garmin-fit-sdk: record_mesgs; "
        "fitdecode: 'record' data messages; gpxpy: track points; tcxreader: trackpoints",
    }


def print_report(console: Console, info: dict[str, Any], runs: list[FormatRun]) -> None:
    console.print("[bold]footfall ingest benchmark[/bold]")
    for key, value in info.items():
        if isinstance(value, dict):
            value = ", ".join(f"{name} {version}" for name, version in value.items())
        console.print(f"  {key}: {value}", highlight=False)
    for run in runs:
        console.print()
        console.print(table(run))
        if run.skipped:
            console.print(f"  skipped {len(run.skipped)} file(s):", highlight=False)
            for name, why in run.skipped:
                console.print(f"    {name} - {why}", highlight=False, markup=False)
    console.print()
    for run in runs:
        console.print(verdict(run), highlight=False)


def as_json(info: dict[str, Any], runs: list[FormatRun]) -> dict[str, Any]:
    formats: dict[str, Any] = {}
    for run in runs:
        ours = run.figures[FOOTFALL.name]
        peer, factor = TARGETS[run.fmt]
        got = target_speedup(run)
        formats[run.fmt] = {
            "readers": [figures_json(fig, speedup(ours, fig)) for fig in run.figures.values()],
            "target": {"peer": peer, "factor": factor, "speedup": got},
            "target_met": got is not None and got >= factor,
            "skipped": [{"file": name, "reason": why} for name, why in run.skipped],
        }
    return {"setup": info, "formats": formats}


def figures_json(fig: Figures, footfall_speedup: float) -> dict[str, Any]:
    rates = {"records_per_s": fig.records_per_s, "mb_per_s": fig.mb_per_s}
    return asdict(fig) | rates | {"footfall_speedup": footfall_speedup}


# --- command line ------------------------------------------------------------------------


def arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, help="folder of FIT/GPX/TCX files")
    parser.add_argument("--repeats", "-n", type=int, help="runs per file, best kept (3)")
    parser.add_argument("--quick", action="store_true", help="every 3rd file, 1 run")
    parser.add_argument("--format", action="append", choices=FORMATS, dest="formats")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if args.repeats is not None and args.repeats < 1:
        parser.error("--repeats must be at least 1")
    return args


def find_samples(corpus: Path) -> tuple[str, dict[str, list[Sample]]]:
    if corpus.is_dir():
        return f"the corpus at {corpus}", corpus_samples(corpus)
    note = f"no corpus at {corpus}: the demo runner's files (write_demo, end={DEMO_END})"
    return note, demo_samples()


def main(argv: list[str] | None = None) -> int:
    args = arguments(argv)
    corpus = args.corpus or Path(os.environ.get("FOOTFALL_CORPUS", DEFAULT_CORPUS))
    source, samples = find_samples(corpus)
    repeats = args.repeats or (1 if args.quick else 3)
    every = 3 if args.quick else 1
    progress = Console(stderr=True)
    runs = [
        measure(fmt, samples[fmt][::every], repeats, progress) for fmt in args.formats or FORMATS
    ]
    info = setup(source, repeats, every)
    if args.json:
        print(json.dumps(as_json(info, runs), indent=2))
    else:
        print_report(Console(width=120, soft_wrap=True), info, runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
