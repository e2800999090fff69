"""footfall's own FIT decoder (and, in ``encode.py``, a small FIT writer).

``decode(source)`` reads a FIT file (chained FIT files included) into a
:class:`footfall.activity.Decoded`: one activity per session, or daily steps from a
monitoring file. The work is one pure-Python pass that only notes where each data
message sits (``scan.py``), then numpy lifts each field of each message type as a
column at once (``table.py``).

Damaged files keep what can be trusted (see ``chain.py``) and report the rest in
``Decoded.problems``; a file with nothing usable raises the matching
:class:`footfall.errors.FileProblem`. No other exception escapes.
"""

from __future__ import annotations

import struct
from dataclasses import replace

from footfall.activity import Activity, Decoded
from footfall.errors import DecodeError, FileProblem, NotAnActivity
from footfall.formats.fit.chain import Part, read_parts
from footfall.formats.fit.content import Content, part_content
from footfall.formats.source import Source

_RAW_ERRORS = (struct.error, IndexError, KeyError, ValueError, TypeError, ArithmeticError)


def decode(source: Source) -> Decoded:
    """Decode a FIT source, or raise a FileProblem naming it."""
    try:
        data = source.read_all()
    except OSError as exc:
        raise DecodeError(
            source.display, f"the file cannot be read ({exc.strerror or exc})"
        ) from exc
    try:
        return decode_bytes(data, source.display)
    except FileProblem:
        raise
    except _RAW_ERRORS as exc:
        raise DecodeError(source.display, f"damaged FIT data ({exc})") from exc


def decode_bytes(data: bytes, display: str) -> Decoded:
    """Decode FIT bytes; ``display`` names the file in problems."""
    parts = list(read_parts(data))
    chained = sum(part.header is not None for part in parts) > 1
    decoded = Decoded(format="fit")
    failures: list[FileProblem] = []
    reasons: list[str] = []
    for part in parts:
        content = part_content(data, part.found) if part.found is not None else Content()
        for activity in content.activities:
            decoded.activities.append(_numbered(activity, len(decoded.activities)))
        decoded.day_steps.extend(content.day_steps)
        if content.not_activity:
            reasons.append(content.not_activity)
        where = f"part {part.number} of the chained FIT file: " if chained else ""
        for note in content.notes:  # what was kept is sound: tell, don't fail
            decoded.warnings.append(note.kind(display, where + note.problem))
        if part.problem is not None and part.problem.harmless:
            decoded.warnings.append(part.problem.kind(display, where + part.problem.problem))
        elif part.problem is not None:
            problem = part.problem.kind(
                display, where + part.problem.problem + _kept(part, content)
            )
            (failures if content.empty else decoded.problems).append(problem)
    if decoded.activities or decoded.day_steps:
        decoded.problems[:0] = failures
        return decoded
    if failures:
        raise failures[0]
    raise NotAnActivity(display, reasons[0] if reasons else "a FIT file without any activity")


def _numbered(activity: Activity, index: int) -> Activity:
    return activity if activity.index == index else replace(activity, index=index)


def _kept(part: Part, content: Content) -> str:
    """What was kept of a damaged part, for its problem's message."""
    if content.empty or part.found is None or part.header is None:
        return ""
    share = (part.found.end - part.header.start) / max(1, part.header.crc_end - part.header.start)
    of_file = f"the first {min(99, int(share * 100))}% of it" if share < 1 else "all of it"
    if content.day_steps:
        return f"; kept the steps of {len(content.day_steps)} day(s) from {of_file}"
    records = sum(len(a.samples) for a in content.activities)
    if not records:
        return f"; kept its summary from {of_file} (no records)"
    noun = "record" if records == 1 else "records"
    return f"; kept {records} {noun} from {of_file}"


__all__ = ["decode", "decode_bytes"]
