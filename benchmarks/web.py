"""Web app speed: requests/s and latency of the dashboard and the activities list over a
year of the demo runner, against the same server sending a static file.

    python benchmarks/web.py [--data DIR] [--seconds S] [--concurrency N] [--json]

A year of data is the demo runner's six weeks written for nine ``end`` dates six weeks
apart (distinct files, one folder per batch) and imported into one SQLite store; with
``--data DIR`` the files and the store are kept there and reused on the next run. The
real server (``footfall serve``, one uvicorn process) is started on a free loopback port;
an asyncio client keeps N requests in flight on keep-alive connections for S seconds per
page, after a warm-up, and records every request's latency.

The floor is the same server sending ``/static/footfall.css``: what any page costs before
footfall does anything; each page's ratio is its mean latency over the floor's.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path

import httpx
from rich.console import Console
from rich.table import Table

from footfall.demo.build import write_demo
from footfall.importer.pipeline import import_paths
from footfall.store.database import open_store
from footfall.store.read import list_activities

#: The last day of the newest batch (a Sunday), as in the tests.
LAST_DAY = dt.date(2026, 3, 22)
BATCHES = 9  # x 6 weeks = 54 weeks
BATCH_WEEKS = 6
WARM_UP = 10
READY_S = 60.0


@dataclass(frozen=True, slots=True)
class Figures:
    page: str
    path: str
    requests: int
    errors: int
    seconds: float
    per_s: float
    p50_ms: float
    p95_ms: float
    mean_ms: float
    over_floor: float


def year_of_demo(folder: Path) -> Path:
    """The store of a year of the demo runner in ``folder`` (made once)."""
    db = folder / "year.sqlite"
    if db.exists():
        return db
    files = folder / "files"
    for batch in range(BATCHES):
        end = LAST_DAY - dt.timedelta(weeks=BATCH_WEEKS * batch)
        write_demo(files / f"batch-{batch}", end=end, seed=7 + batch)
    store = open_store(str(db))
    try:
        report = import_paths(store, [files])
    finally:
        store.close()
    if report.errors:
        raise SystemExit(f"the demo year did not import: {report.errors[:3]}")
    return db


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def start_server(db: Path, port: int, log: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "footfall", "serve", "--port", str(port), "--db", str(db)]
    with log.open("wb") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + READY_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"footfall serve stopped:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/athlete", timeout=2):
                return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit(f"footfall serve did not answer in {READY_S:g} s")


async def hammer(base: str, path: str, seconds: float, concurrency: int) -> tuple[list[float], int]:
    """Keep ``concurrency`` requests of ``path`` in flight for ``seconds``."""
    latencies: list[float] = []
    errors = 0
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as client:
        for _ in range(WARM_UP):
            await client.get(path)
        stop = time.perf_counter() + seconds

        async def worker() -> None:
            nonlocal errors
            while time.perf_counter() < stop:
                began = time.perf_counter()
                response = await client.get(path)
                latencies.append(time.perf_counter() - began)
                errors += response.status_code != 200

        await asyncio.gather(*(worker() for _ in range(concurrency)))
    return latencies, errors


def measure(
    base: str, pages: list[tuple[str, str]], seconds: float, concurrency: int
) -> list[Figures]:
    rows: list[Figures] = []
    floor_ms = None
    for name, path in pages:
        began = time.perf_counter()
        latencies, errors = asyncio.run(hammer(base, path, seconds, concurrency))
        elapsed = time.perf_counter() - began
        ms = sorted(1000 * x for x in latencies)
        mean = statistics.fmean(ms)
        floor_ms = floor_ms or mean
        rows.append(
            Figures(
                page=name,
                path=path,
                requests=len(ms),
                errors=errors,
                seconds=round(elapsed, 2),
                per_s=round(len(ms) / seconds, 1),
                p50_ms=round(ms[len(ms) // 2], 1),
                p95_ms=round(ms[min(len(ms) - 1, int(0.95 * len(ms)))], 1),
                mean_ms=round(mean, 1),
                over_floor=round(mean / floor_ms, 1),
            )
        )
    return rows


def print_table(rows: list[Figures], activities: int, concurrency: int) -> None:
    table = Table(
        title=f"footfall serve, {activities} activities (a year of the demo runner), "
        f"{concurrency} requests in flight",
        title_justify="left",
    )
    for column in ("page", "requests", "req/s", "p50 ms", "p95 ms", "x floor", "errors"):
        table.add_column(column, justify="left" if column == "page" else "right")
    for row in rows:
        table.add_row(
            f"{row.page} [dim]{row.path}[/]", str(row.requests), f"{row.per_s:,.1f}",
            f"{row.p50_ms:.1f}", f"{row.p95_ms:.1f}", f"{row.over_floor:.1f}", str(row.errors),
        )  # fmt: skip
    Console().print(table)


def arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, help="Keep (and reuse) the year's files and store")
    parser.add_argument("--seconds", type=float, default=10.0, help="Seconds per page")
    parser.add_argument("--concurrency", type=int, default=8, help="Requests in flight")
    parser.add_argument("--json", action="store_true", help="Print one JSON document")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = arguments(argv)
    with tempfile.TemporaryDirectory(prefix="footfall-bench-") as scratch:
        folder = args.data or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        db = year_of_demo(folder)
        store = open_store(str(db))
        activities = len(list_activities(store))
        store.close()
        port = free_port()
        server = start_server(db, port, Path(scratch) / "server.log")
        monday = LAST_DAY - dt.timedelta(days=6)
        pages = [
            ("floor: a static file", "/static/footfall.css"),
            ("dashboard", f"/?week={monday.isoformat()}"),
            ("activities list", "/activities"),
            ("activities, filtered", "/activities?sport=walk&q=walk&since=2025-06-01"),
            ("API: activities", "/api/activities"),
            ("API: week", f"/api/week?start={monday.isoformat()}"),
        ]
        try:
            rows = measure(f"http://127.0.0.1:{port}", pages, args.seconds, args.concurrency)
        finally:
            server.terminate()
            server.wait(10)
    if args.json:
        machine = {"python": platform.python_version(), "machine": platform.machine()}
        document = {"activities": activities, "concurrency": args.concurrency, **machine}
        print(json.dumps({**document, "pages": [asdict(r) for r in rows]}, indent=2))
    else:
        print_table(rows, activities, args.concurrency)
    return 0


if __name__ == "__main__":
    sys.exit(main())
