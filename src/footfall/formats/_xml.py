"""The one hardened, streaming XML reader behind every XML format footfall reads.

GPX, TCX and Apple Health ``export.xml`` all come through here. The reader

- streams: bytes go from ``source.open()`` into an lxml pull parser in chunks, and
  every element handed out is cleared (and its earlier siblings dropped) as soon as
  the caller moves on, so memory stays flat on a multi-gigabyte Health export;
- refuses entities before libxml2 sees them (:mod:`footfall.formats._xml_prolog`
  scans the prolog: any ``<!ENTITY`` declaration, as in XXE or billion laughs, or an
  external DTD raises :class:`UnsafeInput`; an inline DTD without entities, as Apple
  Health writes, passes). The parser itself runs with ``resolve_entities=False, no_network=True,
  load_dtd=False, huge_tree=False``, and the parsed document's DTD is checked for
  entity declarations once more (the check defusedxml's deprecated lxml module makes);
- turns every parse problem into a one-line :class:`FileProblem` naming the file:
  ``DecodeError`` for broken XML ("not well-formed XML at line 12 (mismatched tag)"),
  ``TruncatedFile`` when the file stops inside an element, ``UnsafeInput`` for text or
  attributes beyond libxml2's 10 MB limit;
- ignores namespaces: callers name elements by their local name, so GPX 1.0 and 1.1,
  Garmin's TrackPointExtension v1/v2, TCX's ActivityExtension v2 and extensions written
  without any namespace are matched alike.

API
---
``iter_elements(source, tags, root=...)`` yields ``(local_name, element)`` for every element
whose local name is in ``tags``, when its end tag has been read (so its attributes,
text and children are complete). The element is valid until the next iteration: then
it is cleared, and the earlier siblings just before it that were also asked for
(already handed out and cleared) are removed. Elements not asked for stay in the tree
(cleared only with an ancestor that was asked for), so a decoder can still read, say,
a ``trk``'s ``name`` from a ``trkpt``'s grandparent; ask for the big repeated elements
(``trkpt``, ``Trackpoint``, ``Record``) so memory stays flat.

``children_text(element)`` maps the local names of an element's descendants to their
text (the first one of each name wins): the fast, namespace-blind way to read a
trackpoint and its extensions. ``child_text(element)`` does it for direct children.
``local_name(tag)`` strips a ``{namespace}``.
``xsd_datetime(text)`` reads an XML Schema dateTime (no offset means UTC);
``timestamp(...)`` and ``decimal(...)`` read a time and a number and raise a
DecodeError naming the line when the text is not one. Decoders collect per-point texts
(:data:`MISSING` where absent) and turn them into arrays in one go with
``time_column`` and ``number_column``: parsing in numpy, not per value in Python.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import zipfile
import zlib
from collections.abc import Collection, Iterator
from typing import Any, BinaryIO, cast

import numpy as np
from lxml import etree

from footfall.activity import FloatArray
from footfall.errors import DecodeError, FileProblem, TruncatedFile, UnsafeInput
from footfall.formats._xml_prolog import ENTITY_REFUSED, safe_chunks
from footfall.formats.source import Source

Element = etree._Element

#: Bytes read from the source at a time.
CHUNK_BYTES = 256 * 1024


def local_name(tag: object) -> str:
    """``{http://www.topografix.com/GPX/1/1}trkpt`` -> ``trkpt``; '' for comments and PIs."""
    if not isinstance(tag, str):
        return ""
    name = _LOCAL_NAMES.get(tag)
    if name is None:
        name = tag[tag.rfind("}") + 1 :]
        if len(_LOCAL_NAMES) < _LOCAL_NAMES_KEPT:
            _LOCAL_NAMES[tag] = name
    return name


#: Local names by qualified tag: a file repeats a few dozen tags millions of times.
_LOCAL_NAMES: dict[str, str] = {}
_LOCAL_NAMES_KEPT = 4096


def iter_elements(
    source: Source, tags: Collection[str], *, root: str | None = None
) -> Iterator[tuple[str, Element]]:
    """``(local_name, element)`` for each element named in ``tags``, at its end tag.

    With ``root``, a document whose root element has another local name raises
    DecodeError ("not a GPX file: its root element is <Activities>").
    """
    walk = _Walk(source.display, root)
    wanted = frozenset(tags)
    names = _LOCAL_NAMES
    for batch in _batches(source, wanted, walk):
        for _event, found in batch:
            element = cast(Element, found)
            if not walk.checked:
                walk.check(element)
            tag = element.tag
            yield names.get(tag) or local_name(tag), element
            _forget(element, wanted)


def _batches(source: Source, wanted: frozenset[str], walk: _Walk) -> Iterator[Iterator[Any]]:
    """The parser's events, a batch per chunk of bytes fed (and one after the end)."""
    parser = etree.XMLPullParser(
        events=("end",),
        tag=[f"{{*}}{name}" for name in wanted],
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        remove_blank_text=True,
    )
    fed = False
    with _open(source) as stream:
        for chunk in safe_chunks(lambda: _read(stream, source.display), source.display):
            _feed(parser, chunk, source.display)
            fed = True
            yield parser.read_events()
    document = _close(parser, source.display, fed=fed)
    if not walk.checked:
        walk.check(document)
    yield parser.read_events()


class _Walk:
    """Checks the document once, at the first element completed (or at its end)."""

    def __init__(self, display: str, root: str | None) -> None:
        self.display = display
        self.root = root
        self.checked = False

    def check(self, element: Element) -> None:
        """No entity in the parsed DTD, and the root element the caller expects."""
        self.checked = True
        _refuse_parsed_entities(element, self.display)
        found = local_name(element.getroottree().getroot().tag)
        if self.root is not None and found != self.root:
            raise DecodeError(
                self.display,
                f"not a {_FORMAT_NAMES.get(self.root, self.root)} file: "
                f"its root element is <{found}>, not <{self.root}>",
            )


_FORMAT_NAMES = {"gpx": "GPX", "TrainingCenterDatabase": "TCX", "HealthData": "Apple Health"}


def children_text(element: Element) -> dict[str, str]:
    """Local name -> stripped text of every descendant with text (first one wins)."""
    found: dict[str, str] = {}
    names = _LOCAL_NAMES
    for child in element.iterdescendants():
        text = child.text
        if text is None:
            continue
        text = text.strip()
        if not text:
            continue
        tag = child.tag
        name = names.get(tag) or local_name(tag)
        if name not in found:
            found[name] = text
    return found


def child_text(element: Element) -> dict[str, str]:
    """Local name -> stripped text of an element's direct children (first one wins)."""
    found: dict[str, str] = {}
    for child in element:
        name = local_name(child.tag)
        if name and name not in found and child.text is not None:
            found[name] = child.text.strip()
    return found


def decimal(text: str | None, element: Element, what: str, display: str) -> float:
    """A number from the file: NaN where absent, empty or not finite; DecodeError naming
    the line where it is not a number at all."""
    if text is None:
        return math.nan
    try:
        value = float(text)
    except ValueError:
        if not text.strip():
            return math.nan
        raise DecodeError(
            display, f"unreadable {what} {text[:40]!r} at line {element.sourceline}"
        ) from None
    return value if math.isfinite(value) else math.nan


def timestamp(text: str, element: Element, display: str) -> dt.datetime:
    """:func:`xsd_datetime`, with DecodeError naming the line where it is unreadable."""
    try:
        return xsd_datetime(text)
    except ValueError:
        raise DecodeError(
            display, f"unreadable time {text[:40]!r} at line {element.sourceline}"
        ) from None


#: What a text column holds where the file gave no value.
MISSING = "nan"


def number_column(texts: list[str], what: str, display: str) -> FloatArray:
    """Floats from texts collected per point (:data:`MISSING` where absent), parsed in
    one go; non-finite values become NaN. DecodeError names the first unreadable one
    and which point (counted from 1, in file order) holds it."""
    try:
        values: FloatArray = np.array(texts, dtype=np.float64)
    except ValueError:
        index, bad = next((i, text) for i, text in enumerate(texts) if not _is_number(text))
        raise DecodeError(display, f"unreadable {what} {bad[:40]!r} (point {index + 1})") from None
    values[~np.isfinite(values)] = np.nan
    return values


def time_column(texts: list[str], display: str) -> FloatArray:
    """Epoch seconds (UTC) of XML Schema dateTimes collected per point: parsed in one go
    when all are UTC (``Z``), one by one (honouring offsets) otherwise."""
    if all(text.endswith("Z") for text in texts):
        try:
            stamps = np.array([text[:-1] for text in texts], dtype="datetime64[us]")
        except ValueError:
            stamps = None
        if stamps is not None and not np.isnat(stamps).any():
            seconds: FloatArray = (stamps - _EPOCH).astype(np.int64) / 1e6
            return seconds
    return np.array(
        [_epoch_s(text, index, display) for index, text in enumerate(texts)], dtype=np.float64
    )


_EPOCH = np.datetime64(0, "us")


def _epoch_s(text: str, index: int, display: str) -> float:
    try:
        return xsd_datetime(text).timestamp()
    except ValueError:
        raise DecodeError(display, f"unreadable time {text[:40]!r} (point {index + 1})") from None


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def xsd_datetime(text: str) -> dt.datetime:
    """An XML Schema dateTime as an aware datetime.

    ``Z`` and ``±hh:mm`` offsets are honoured. A time without an offset is taken as
    UTC, as GPX 1.1 requires and TCX writers mean. Raises ValueError when unreadable.
    """
    stamp = dt.datetime.fromisoformat(text.strip())
    return stamp if stamp.tzinfo is not None else stamp.replace(tzinfo=dt.UTC)


def _open(source: Source) -> BinaryIO:
    try:
        return source.open()
    except OSError as exc:
        raise FileProblem(source.display, f"cannot be read ({exc.strerror or exc})") from exc


def _read(stream: BinaryIO, display: str) -> bytes:
    """The next chunk; the stream's own failures (a gzip or zip member) as FileProblems."""
    try:
        return stream.read(CHUNK_BYTES)
    except EOFError as exc:
        raise TruncatedFile(display, "compressed data ends early") from exc
    except (zlib.error, zipfile.BadZipFile) as exc:
        raise DecodeError(display, f"broken compressed data ({exc})") from exc
    except OSError as exc:
        raise FileProblem(display, f"cannot be read ({exc.strerror or exc})") from exc


def _forget(element: Element, wanted: frozenset[str]) -> None:
    """Clear an element handed out, and remove the handed-out siblings before it."""
    element.clear()
    parent = element.getparent()
    if parent is None:
        return
    previous = element.getprevious()
    while previous is not None and local_name(previous.tag) in wanted:
        parent.remove(previous)
        previous = element.getprevious()


def _refuse_parsed_entities(element: Element, display: str) -> None:
    """Second line of defence: the DTD libxml2 actually parsed declares no entity."""
    docinfo = element.getroottree().docinfo
    for dtd in (docinfo.internalDTD, docinfo.externalDTD):
        entities = cast(Any, dtd).iterentities() if dtd is not None else ()
        if any(True for _ in entities):
            raise UnsafeInput(display, ENTITY_REFUSED)


# --- parse errors as one line --------------------------------------------------------


def _feed(parser: etree.XMLPullParser, chunk: bytes, display: str) -> None:
    try:
        parser.feed(chunk)
    except etree.XMLSyntaxError as exc:
        raise _syntax_problem(exc, display, at_end=False) from None
    except (LookupError, ValueError) as exc:  # an encoding lxml cannot set up
        raise DecodeError(display, f"unreadable XML ({exc})") from None


def _close(parser: etree.XMLPullParser, display: str, *, fed: bool) -> Element:
    """Finish the parse; the document's root element."""
    if not fed:
        raise DecodeError(display, "is empty (no XML at all)")
    try:
        return parser.close()
    except etree.XMLSyntaxError as exc:
        raise _syntax_problem(exc, display, at_end=True) from None


# libxml2 error codes (xmlParserErrors) that get their own wording.
_EMPTY = 4
_EXTRA_CONTENT = 5
_INVALID_CHAR = 9
_UNSUPPORTED_ENCODING = 32
_FOLLOW_ON = 1
_UNDECLARED_ENTITY = 26
_TAG_MISMATCH = 76
_INVALID_ENCODING = 81
_RESOURCE_LIMIT = 114
_POSITION = re.compile(r", line \d+, column \d+.*$", re.DOTALL)
_REASONS = {
    _TAG_MISMATCH: "mismatched tag",
    _EXTRA_CONTENT: "content after the end of the document",
    _INVALID_CHAR: "a character not allowed in XML",
    _INVALID_ENCODING: "bytes that are not valid in its character encoding",
    _UNSUPPORTED_ENCODING: "an unsupported character encoding",
}


def _syntax_problem(exc: etree.XMLSyntaxError, display: str, *, at_end: bool) -> FileProblem:
    code, line, message = _first_error(exc)
    if code == _RESOURCE_LIMIT or "huge" in message.lower():
        return UnsafeInput(display, f"has an XML text or attribute too large to read (line {line})")
    if code == _EMPTY:
        return DecodeError(display, "is empty or not XML (no root element)")
    if code == _UNDECLARED_ENTITY:
        return DecodeError(display, f"not well-formed XML at line {line} (undeclared entity)")
    if at_end:
        return TruncatedFile(display, f"ends before its XML is complete (cut off at line {line})")
    reason = _REASONS.get(code) or message.rstrip(". \n") or "syntax error"
    return DecodeError(display, f"not well-formed XML at line {line} ({reason})")


def _first_error(exc: etree.XMLSyntaxError) -> tuple[int, int, str]:
    """libxml2's error code, line and message. When lxml reports only a follow-on
    ("no element found", code 1), the last real error it logged is the cause."""
    code = int(cast(Any, exc).code)
    if code == _FOLLOW_ON:
        errors = [e for e in cast(Any, exc).error_log if e.level >= etree.ErrorLevels.ERROR]
        if errors:
            last = errors[-1]
            return int(last.type), int(last.line), str(last.message)
    message = _POSITION.sub("", str(exc.msg))
    return code, int(exc.lineno or 0), message
