"""Ingest speed: footfall's FIT, GPX and TCX decoders against the libraries runners use.

    python benchmarks/ingest.py [--quick] [--json] [--repeats N] [--corpus DIR | --demo]

Per format: bytes, records, time, records/s, MB/s and speed-ups for footfall, its peers
(garmin-fit-sdk, fitdecode; gpxpy; tcxreader) and floors that decode nothing, then whether
the first target is met. How it measures, and what counts: benchmarks/README.md.
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
import warnings
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
from rich.table import Column, Table
from tcxreader.tcxreader import TCXReader

from footfall.demo.build import write_demo
from footfall.formats import decode
from footfall.formats.source import Source

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
DEMO_END = dt.date(2026, 3, 22)
MB = 1_000_000
#: The lxml parser options footfall's XML reader uses (formats/_xml.py).
XML_OPTIONS = {"resolve_entities": False, "no_network": True, "load_dtd": False}
FORMATS = ("fit", "gpx", "tcx")


@dataclass(frozen=True, slots=True)
class Sample:
    """One file's (decompressed) bytes, held in memory for every reader."""

    name: str
    data: bytes


@dataclass(frozen=True, slots=True)
class Reader:
    """Reads a file's bytes and says how many records it found. A ``floor`` reader
    decodes nothing: it shows how fast the bytes can be walked at all."""

    name: str
    count: Callable[[Sample], int]
    floor: bool = False


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
    with fitdecode.FitReader(io.BytesIO(sample.data), check_crc=fitdecode.CrcCheck.RAISE) as fit:
        return sum(isinstance(f, fitdecode.FitDataMessage) and f.name == "record" for f in fit)


def gpxpy_records(sample: Sample) -> int:
    return int(gpxpy.parse(sample.data).get_track_points_no())


def tcxreader_records(sample: Sample) -> int:
    """Every trackpoint (``only_gps=False``: footfall keeps points without a position too)."""
    exercise = TCXReader().read(io.BytesIO(sample.data), only_gps=False)
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
    sizes, messages = [0] * 16, 0  # sizes: a data message's bytes by local type, header included
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
    parse = etree.iterparse(io.BytesIO(sample.data), events=("end",), **XML_OPTIONS)
    return sum(1 for _ in parse)


FOOTFALL = Reader("footfall", footfall_records)
GARMIN_SDK = Reader("garmin-fit-sdk", garmin_sdk_records)
FITDECODE = Reader("fitdecode", fitdecode_records)
FIT_SCAN = Reader("bare FIT message scan", fit_message_scan, floor=True)
ITERPARSE = Reader("lxml iterparse alone", lxml_iterparse, floor=True)
READERS: dict[str, tuple[Reader, ...]] = {
    "fit": (FOOTFALL, GARMIN_SDK, FITDECODE, FIT_SCAN),
    "gpx": (FOOTFALL, Reader("gpxpy", gpxpy_records), ITERPARSE),
    "tcx": (FOOTFALL, Reader("tcxreader", tcxreader_records), ITERPARSE),
}
#: The issue's first target per format: footfall at least ``factor`` times the peer.
TARGETS = {"fit": ("garmin-fit-sdk", 10.0), "gpx": ("gpxpy", 2.0), "tcx": ("tcxreader", 2.0)}


@dataclass(slots=True)
class Figures:
    """One reader's totals over the files of a format that every reader read."""

    reader: str
    floor: bool
    files: int = 0
    bytes: int = 0
    records: int = 0
    seconds: float = 0.0

    def per_s(self, amount: float) -> float:
        return amount / self.seconds if self.seconds else 0.0

    def rates(self) -> dict[str, float]:
        return {"records_per_s": self.per_s(self.records), "mb_per_s": self.per_s(self.bytes / MB)}

    def add(self, size: int, records: int, seconds: float) -> None:
        self.files, self.bytes = self.files + 1, self.bytes + size
        self.records, self.seconds = self.records + records, self.seconds + seconds


@dataclass(slots=True)
class FormatRun:
    """A format's figures per reader, and the files left out with the reason."""

    fmt: str
    figures: dict[str, Figures]
    skipped: list[tuple[str, str]] = field(default_factory=list)
    #: Files where a peer counted other records than footfall, and the two counts.
    differ: list[tuple[str, str]] = field(default_factory=list)


Run = tuple[float, int]  # seconds, records


def timed(reader: Reader, sample: Sample) -> Run:
    """One run: seconds on ``time.perf_counter`` (after a ``gc.collect()``) and records."""
    gc.collect()
    start = time.perf_counter()
    records = reader.count(sample)
    return time.perf_counter() - start, records


def first_runs(readers: tuple[Reader, ...], sample: Sample) -> tuple[list[Run], list[str]]:
    """Every reader's first run, and the complaints of those that failed."""
    runs, failures = [], []
    for reader in readers:
        try:
            runs.append(timed(reader, sample))
        except Exception as exc:  # noqa: BLE001 - a peer may raise anything; it is reported
            text = " ".join(str(exc).split()).removeprefix(f"{sample.name}: ")
            failures.append(f"{reader.name}: {type(exc).__name__}: {text[:150]}")
    return runs, failures


def measure(fmt: str, samples: list[Sample], repeats: int, long_s: float) -> FormatRun:
    """Best of ``repeats`` runs per reader and file; a first run over ``long_s`` is not redone."""
    readers = READERS[fmt]
    run = FormatRun(fmt, {reader.name: Figures(reader.name, reader.floor) for reader in readers})
    with Console(stderr=True).status("") as status:
        for number, sample in enumerate(samples, 1):
            status.update(f"{fmt}: file {number}/{len(samples)} {sample.name}")
            runs, failures = first_runs(readers, sample)
            if failures:
                run.skipped.append((sample.name, "; ".join(failures)))
                continue
            ours = runs[0][1]
            for reader, (seconds, records) in zip(readers, runs, strict=True):
                more = repeats - 1 if seconds <= long_s else 0
                best = min([seconds, *(timed(reader, sample)[0] for _ in range(more))])
                run.figures[reader.name].add(len(sample.data), records, best)
                if not reader.floor and records != ours:
                    run.differ.append((sample.name, f"{reader.name} {records}, footfall {ours}"))
    return run


def format_of(path: Path) -> str | None:
    suffix = Path(path.name.lower().removesuffix(".gz")).suffix[1:]
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


def speedup(ours: Figures, theirs: Figures) -> float:
    """How many times faster footfall read the same bytes than ``theirs``."""
    return theirs.seconds / ours.seconds if ours.seconds else 0.0


def target_speedup(run: FormatRun) -> float | None:
    """footfall's speed-up over the format's target peer; None when nothing counted."""
    peer = run.figures[TARGETS[run.fmt][0]]
    return speedup(run.figures[FOOTFALL.name], peer) if peer.files else None


def verdict(run: FormatRun) -> str:
    (peer, factor), got = TARGETS[run.fmt], target_speedup(run)
    if got is None:
        return f"{run.fmt.upper()}: no file that every reader reads; target not measured"
    met = "MET" if got >= factor else "NOT MET"
    return f"{run.fmt.upper()}: footfall is {got:.1f}x {peer} (target >= {factor:g}x): {met}"


def table(run: FormatRun) -> Table:
    numbers = ("files", "MB", "records", "seconds", "records/s", "MB/s", "footfall is")
    columns = (Column(heading, justify="right") for heading in numbers)
    out = Table("reader", *columns, title=run.fmt.upper(), title_justify="left")
    ours = run.figures[FOOTFALL.name]
    for fig in run.figures.values():
        out.add_row(*cells(fig, ours))
    return out


def cells(fig: Figures, ours: Figures) -> list[str]:
    label = f"{fig.reader} (floor)" if fig.floor else fig.reader
    records = "-" if fig.floor else f"{fig.records:,}"
    rate = "-" if fig.floor else f"{fig.per_s(fig.records):,.0f}"
    ratio = "" if fig is ours else f"{speedup(ours, fig):.2f}x"
    mb, mb_s, seconds = fig.bytes / MB, fig.per_s(fig.bytes / MB), f"{fig.seconds:.3f}"
    return [label, str(fig.files), f"{mb:.2f}", records, seconds, rate, f"{mb_s:.2f}", ratio]


def setup(source: str, repeats: int, every: int, long_s: float) -> dict[str, Any]:
    packages = ["footfall", "garmin-fit-sdk", "fitdecode", "gpxpy", "tcxreader", "lxml"]
    return {
        "files": source,
        "subset": "every file" if every == 1 else f"one file in {every} (--quick)",
        "bytes": "each file read from disk and gunzipped once before timing; every reader "
        "gets the same bytes in memory",
        "timing": f"best of {repeats} run(s) per reader and file (time.perf_counter, "
        f"gc.collect() before each run; a first run over {long_s:g} s is not repeated), "
        "summed over the files every reader of the format reads",
        "python": f"{platform.python_version()} on {platform.system()} {platform.machine()}, "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} at the end",
        "versions": {name: metadata.version(name) for name in packages},
        "records": "footfall: samples of every activity; garmin-fit-sdk: record_mesgs; "
        "fitdecode: 'record' data messages; gpxpy: track points; tcxreader: trackpoints",
        "footfall is": "the row's time / footfall's time on the same bytes (above 1: footfall "
        "is faster); a floor decodes nothing and only shows the headroom",
    }


def print_report(console: Console, info: dict[str, Any], runs: list[FormatRun]) -> None:
    console.print("[bold]footfall ingest benchmark[/bold]")
    for key, value in info.items():
        text = ", ".join(f"{k} {v}" for k, v in value.items()) if isinstance(value, dict) else value
        console.print(f"  {key}: {text}", highlight=False)
    for run in runs:
        console.print()
        console.print(table(run))
        listing(console, f"skipped {len(run.skipped)} file(s):", run.skipped)
        listing(console, f"record counts differ from footfall's in {len(run.differ)}:", run.differ)
    console.print()
    for run in runs:
        console.print(verdict(run), highlight=False)


def listing(console: Console, title: str, rows: list[tuple[str, str]]) -> None:
    if rows:
        console.print(f"  {title}", highlight=False)
    for name, what in rows:
        console.print(f"    {name} - {what}", highlight=False, markup=False)


def as_json(info: dict[str, Any], runs: list[FormatRun]) -> dict[str, Any]:
    return {"setup": info, "formats": {run.fmt: format_json(run) for run in runs}}


def format_json(run: FormatRun) -> dict[str, Any]:
    ours, (peer, factor), got = run.figures[FOOTFALL.name], TARGETS[run.fmt], target_speedup(run)
    readers = [
        asdict(fig) | fig.rates() | {"footfall_speedup": speedup(ours, fig)}
        for fig in run.figures.values()
    ]
    met = got is not None and got >= factor
    return {
        "readers": readers,
        "target": {"peer": peer, "factor": factor, "speedup": got, "met": met},
        "skipped": [{"file": name, "reason": why} for name, why in run.skipped],
        "records_differ": [{"file": name, "records": what} for name, what in run.differ],
    }


def arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, help="folder of FIT/GPX/TCX files")
    parser.add_argument("--demo", action="store_true", help="use the demo runner's files")
    parser.add_argument("--repeats", "-n", type=int, help="runs per file, best kept (3)")
    parser.add_argument("--quick", action="store_true", help="every 3rd file, 1 run")
    parser.add_argument("--long", type=float, default=0.5, help="s; slower runs: no repeat")
    parser.add_argument("--format", action="append", choices=FORMATS, dest="formats")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    args.formats = args.formats or list(FORMATS)
    if args.repeats is not None and args.repeats < 1:
        parser.error("--repeats must be at least 1")
    if args.corpus is not None and not args.corpus.is_dir():
        parser.error(f"--corpus {args.corpus} is not a folder")
    return args


def find_samples(corpus: Path, demo: bool) -> tuple[str, dict[str, list[Sample]]]:
    """The files and where they come from: the corpus, else the demo runner's files."""
    if corpus.is_dir() and not demo:
        return f"the corpus at {corpus}", load(list(corpus.rglob("*")), corpus)
    why = "--demo" if demo else f"no corpus at {corpus}"
    with tempfile.TemporaryDirectory(prefix="footfall-bench-") as tmp:
        files = load(write_demo(Path(tmp), end=DEMO_END), Path(tmp))
    return f"{why}: the demo runner's files (write_demo, end={DEMO_END})", files


def main(argv: list[str] | None = None) -> int:
    args = arguments(argv)
    warnings.simplefilter("ignore")  # fitdecode warns (by default) rather than fails on odd fields
    corpus = args.corpus or Path(os.environ.get("FOOTFALL_CORPUS", DEFAULT_CORPUS))
    source, samples = find_samples(corpus, args.demo)
    repeats = args.repeats or (1 if args.quick else 3)
    every = 3 if args.quick else 1
    runs = [measure(fmt, samples[fmt][::every], repeats, args.long) for fmt in args.formats]
    info = setup(source, repeats, every, args.long)
    if args.json:
        print(json.dumps(as_json(info, runs), indent=2))
    else:
        print_report(Console(width=120, soft_wrap=True), info, runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
