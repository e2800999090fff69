"""Tell a file's format from its first bytes (the name is only a tie-breaker)."""

from __future__ import annotations

import re

FIT = "fit"
GPX = "gpx"
TCX = "tcx"
APPLE_HEALTH = "apple_health"
CSV_STEPS = "csv_steps"
STRAVA_INDEX = "strava_index"
ZIP = "zip"

_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s>/]")
_XML_ROOTS = {
    b"gpx": GPX,
    b"TrainingCenterDatabase": TCX,
    b"HealthData": APPLE_HEALTH,
}


def sniff(head: bytes) -> str | None:
    """The format of a file whose first bytes are ``head`` (4 KiB is plenty), or None."""
    if len(head) >= 12 and head[8:12] == b".FIT":
        return FIT
    if head.startswith(b"PK\x03\x04"):
        return ZIP
    text = head.lstrip(b"\xef\xbb\xbf").lstrip()
    if text.startswith(b"<"):
        # Recent Apple Health exports open with a DTD longer than any sniffing head.
        return APPLE_HEALTH if b"<!DOCTYPE HealthData" in text else _xml_root(text)
    return _csv_kind(text)


def _csv_kind(text: bytes) -> str | None:
    first_line = text.split(b"\n", 1)[0].strip().lower().replace(b" ", b"").replace(b'"', b"")
    if first_line.startswith(b"activityid,activitydate"):
        return STRAVA_INDEX
    if {b"date", b"steps"} <= set(first_line.split(b",")):
        return CSV_STEPS
    return None


def is_xml(head: bytes) -> bool:
    return head.lstrip(b"\xef\xbb\xbf").lstrip().startswith(b"<")


def _xml_root(text: bytes) -> str | None:
    """The format named by the first element that is not a declaration, comment or DTD."""
    position = 0
    while True:
        start = text.find(b"<", position)
        if start < 0:
            return None
        if text.startswith((b"<?", b"<!--"), start):
            end_mark = b"?>" if text.startswith(b"<?", start) else b"-->"
            end = text.find(end_mark, start)
            if end < 0:
                return None
            position = end + len(end_mark)
            continue
        if text.startswith(b"<!", start):
            position = _skip_doctype(text, start)
            if position < 0:
                return None
            continue
        match = _ROOT.match(text, start)
        return _XML_ROOTS.get(match.group(1)) if match else None


def _skip_doctype(text: bytes, start: int) -> int:
    """Index just past a ``<!DOCTYPE ...>`` that may hold an internal subset ``[...]``."""
    bracket = text.find(b"[", start)
    close = text.find(b">", start)
    if bracket != -1 and (close == -1 or bracket < close):
        end = text.find(b"]", bracket)
        if end < 0:
            return -1
        close = text.find(b">", end)
    return close + 1 if close >= 0 else -1
