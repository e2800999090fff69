"""The import, as named stages over one source at a time:

    discover -> read + hash -> (known? duplicate) -> decode -> save (one transaction)

Each source is committed on its own, so an import killed half way leaves whole files
behind and a second run finishes the job (files already stored are duplicates).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from footfall import formats
from footfall.activity import Activity, Decoded
from footfall.day_range import FIRST_DAY, LAST_DAY, day_problem
from footfall.errors import FileProblem, NotAnActivity
from footfall.formats.source import MAX_ACTIVITY_BYTES, MAX_HEALTH_EXPORT_BYTES, Source
from footfall.importer.discover import discover
from footfall.importer.measure import Measurer, refresh_calibration, refresh_zones
from footfall.importer.report import Imported, ImportReport, Problem, Skipped, StepDays
from footfall.importer.save import distance_m, known_hash, save_file
from footfall.sports import sport_from_label
from footfall.store.database import Store
from footfall.store.models import ActivityRow

#: Called once with the number of sources, then once per source as it is done.
Progress = Callable[[int | None, str], None]


def import_paths(
    store: Store,
    paths: Iterable[Path],
    progress: Progress | None = None,
    *,
    shown: Callable[[str], str] | None = None,
) -> ImportReport:
    """Import every file under ``paths``; the report says what happened to each.

    ``shown`` renames each file as the runner knows it, in the report and in the store
    (the web app imports uploads from a temporary folder and names them as uploaded).
    """
    found = [_named(item, shown) for item in discover([Path(p) for p in paths])]
    notify = progress or (lambda _total, _label: None)
    notify(len(found), "")
    with store.session() as session:
        measurer = Measurer.load(session)
    report = ImportReport()
    for item in found:
        if isinstance(item, NotAnActivity):
            report.skipped.append(Skipped(item.path, item.problem))
        elif isinstance(item, FileProblem):
            report.errors.append(Problem(item.path, item.problem))
        else:
            done = import_source(store, item, measurer)
            report.imported = [i for i in report.imported if i.id not in done.replaced_ids]
            report.merge(done)
        notify(None, item.path if isinstance(item, FileProblem) else item.display)
    if report.imported:
        refresh_calibration(store)
        refresh_zones(store)
    return report


def _named(item: Source | FileProblem, shown: Callable[[str], str] | None) -> Source | FileProblem:
    if shown is None:
        return item
    if isinstance(item, Source):
        return replace(item, display=shown(item.display))
    item.path = shown(item.path)
    return item


@dataclass(frozen=True, slots=True)
class Content:
    """A source's bytes read once: hashed, measured, and replayable for the decoder."""

    source: Source
    sha256: str
    size_bytes: int


def import_source(store: Store, source: Source, measurer: Measurer) -> ImportReport:
    """Import one source in one transaction; every failure becomes a line of the report."""
    report = ImportReport()
    try:
        if formats.format_of(source) in formats.STREAMED:
            source = replace(source, limit=MAX_HEALTH_EXPORT_BYTES)
        content = read_content(source)
        with store.session() as session:
            if known_hash(session, content.sha256):
                report.duplicates.append(source.display)
                return report
        decoded = formats.decode(content.source)
    except NotAnActivity as problem:
        report.skipped.append(Skipped(problem.path, problem.problem))
        return report
    except FileProblem as problem:
        report.errors.append(Problem(problem.path, problem.problem))
        return report
    except OSError as exc:
        report.errors.append(Problem(source.display, f"cannot be read ({exc.strerror or exc})"))
        return report
    except Exception as exc:  # noqa: BLE001 - a bug in one decoder must not cost the import
        report.errors.append(Problem(source.display, f"could not be decoded ({_describe(exc)})"))
        return report
    _store_decoded(store, content, decoded, report, measurer)
    return report


def _store_decoded(
    store: Store, content: Content, decoded: Decoded, report: ImportReport, measurer: Measurer
) -> None:
    display = content.source.display
    for problem in decoded.problems:
        report.errors.append(Problem(problem.path, problem.problem))
    for warning in decoded.warnings:
        report.warnings.append(Problem(warning.path, warning.problem))
    decoded = _within_day_range(decoded, display, report)
    if not decoded.activities and not decoded.day_steps:
        return
    try:
        with store.transaction() as session:
            saved = save_file(
                session,
                path=display,
                sha256=content.sha256,
                size_bytes=content.size_bytes,
                decoded=decoded,
            )
            for row, activity in saved.stored:
                _measure(
                    session,
                    row,
                    activity=activity,
                    measurer=measurer,
                    report=report,
                    display=display,
                )
            session.flush()
            imported = [_imported(row, display, activity) for row, activity in saved.stored]
    except IntegrityError:  # another process stored the same file a moment ago
        report.duplicates.append(display)
        return
    report.imported.extend(imported)
    count = len(decoded.activities)
    report.duplicates.extend(_label(display, a, count) for a in saved.duplicates)
    for old_id, old_path, richer in saved.replaced:
        report.replaced_ids.add(old_id)
        report.duplicates.append(old_path)
        if richer:  # a recording alike wins the tie quietly: nothing was gained or lost
            said = f"the same workout as {old_path}, recorded in more detail: kept instead"
            report.warnings.append(Problem(display, said))
    if decoded.day_steps:
        dates = sorted({d.date for d in decoded.day_steps})
        report.day_steps.append(StepDays(display, len(dates), str(dates[0]), str(dates[-1])))


def _within_day_range(decoded: Decoded, display: str, report: ImportReport) -> Decoded:
    """What the file holds on days footfall handles; an activity or day total dated
    outside them (a clock set to year 1 or 9999) is left out, with an error naming it."""
    activities = []
    for activity in decoded.activities:
        if problem := day_problem(activity.start.date()):
            report.errors.append(Problem(display, f"an activity starting {problem}: left out"))
        else:
            activities.append(activity)
    day_steps = [d for d in decoded.day_steps if day_problem(d.date) is None]
    if len(day_steps) < len(decoded.day_steps):
        left_out = len(decoded.day_steps) - len(day_steps)
        outside = f"{left_out} day total(s) outside {FIRST_DAY} to {LAST_DAY}: left out"
        report.errors.append(Problem(display, outside))
    return replace(decoded, activities=activities, day_steps=day_steps)


def _measure(
    session: Session,
    row: ActivityRow,
    *,
    activity: Activity,
    measurer: Measurer,
    report: ImportReport,
    display: str,
) -> None:
    """Measure a new activity; a failure to measure keeps the activity (a later
    ``footfall recompute`` can measure it) and says so."""
    try:
        measurer.measure(session, row, activity)
    except Exception as exc:  # noqa: BLE001 - the file's data is worth keeping
        report.warnings.append(
            Problem(display, f"stored but not measured ({_describe(exc)}); run footfall recompute")
        )


def read_content(source: Source) -> Content:
    """Read and hash a source. Activity files are kept in memory so the decoder does not
    read (or inflate) them twice; big exports are streamed twice instead."""
    digest = hashlib.sha256()
    size = 0
    keep = source.limit <= MAX_ACTIVITY_BYTES
    chunks: list[bytes] = []
    with source.open() as stream:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
            if keep:
                chunks.append(chunk)
    if not keep:
        return Content(source, digest.hexdigest(), size)
    data = b"".join(chunks)

    def replay() -> BinaryIO:
        return io.BytesIO(data)

    replayed = Source(source.display, replay, source.limit, source.hints, source.resolve)
    return Content(replayed, digest.hexdigest(), size)


def _imported(row: ActivityRow, display: str, activity: Activity) -> Imported:
    return Imported(
        id=row.id,
        path=display,
        sport=row.sport or sport_from_label(activity.source_sport),
        start=iso_utc(activity.start),
        samples=len(activity.samples),
        distance_m=distance_m(activity),
    )


def _label(display: str, activity: Activity, count: int) -> str:
    return display if count == 1 else f"{display}#{activity.index + 1}"


def _describe(exc: Exception) -> str:
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def iso_utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")
