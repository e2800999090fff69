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

For files made of long runs of one element (TCX's ``Trackpoint``), ``iter_runs``
(:mod:`footfall.formats._xml_runs`) makes the same walk on the same parser and chunks,
and reads each run of siblings a column at a time
(:mod:`footfall.formats._xml_columns`) instead of handing out its elements one by one.

``children_text(element)`` maps the local names of an element's descendants to their
text (the first one of each name wins): the fast, namespace-blind way to read a
trackpoint and its extensions. ``child_text(element)`` does it for direct children.
``local_name(tag)`` strips a ``{namespace}``. Turning the texts collected into numbers
and times (``number_column``, ``time_column``, ``xsd_datetime``...) is
:mod:`footfall.formats._xml_values`; they are importable from here as well.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Collection, Iterator
from typing import Any, BinaryIO, cast

from lxml import etree

from footfall.errors import DecodeError, FileProblem, TruncatedFile, UnsafeInput
from footfall.formats._xml_prolog import ENTITY_REFUSED, safe_chunks
from footfall.formats._xml_values import (
    MISSING,
    Element,
    decimal,
    number_block,
    number_column,
    time_column,
    timestamp,
    xsd_datetime,
)
from footfall.formats.source import Source

__all__ = [
    "MISSING",
    "Element",
    "child_text",
    "children_text",
    "decimal",
    "iter_elements",
    "local_name",
    "number_block",
    "number_column",
    "time_column",
    "timestamp",
    "xsd_datetime",
]

#: Bytes read from the source at a time.
CHUNK_BYTES = 256 * 1024


def local_name(tag: object) -> str:
    """``{http://www.topografix.com/GPX/1/1}trkpt`` -> ``trkpt``; '' for comments and PIs."""
    if not isinstance(tag, str):
        return ""
    name = LOCAL_NAMES.get(tag)
    if name is None:
        name = tag[tag.rfind("}") + 1 :]
        if len(LOCAL_NAMES) < LOCAL_NAMES_KEPT:
            LOCAL_NAMES[tag] = name
    return name


#: Local names by qualified tag: a file repeats a few dozen tags millions of times.
LOCAL_NAMES: dict[str, str] = {}
LOCAL_NAMES_KEPT = 4096


def iter_elements(
    source: Source, tags: Collection[str], *, root: str | None = None
) -> Iterator[tuple[str, Element]]:
    """``(local_name, element)`` for each element named in ``tags``, at its end tag.

    With ``root``, a document whose root element has another local name raises
    DecodeError ("not a GPX file: its root element is <Activities>").
    """
    check = DocumentCheck(source.display, root)
    wanted = frozenset(tags)
    names = LOCAL_NAMES
    last: Element | None = None  # the element handed out before: no need to read its tag
    for batch, _done in batches(source, wanted, check):
        for _event, element in batch:
            if not check.checked:
                check.check(element)
            tag = element.tag
            yield names.get(tag) or local_name(tag), element
            _forget(element, wanted, last)
            last = element


def batches(
    source: Source, wanted: frozenset[str], check: DocumentCheck, *, starts: bool = False
) -> Iterator[tuple[Iterator[tuple[str, Element]], bool]]:
    """The parser's events for the elements wanted, a batch per chunk of bytes fed and
    one after the end (the batch is then ``done``): their ends, or with ``starts`` their
    starts (cheaper: lxml then leaves libxml2's end-of-element handler alone). With
    ``starts`` the next chunk is read before a batch is handed out, so the last chunk's
    events come with the end (a file of one chunk is one batch, ``done``)."""
    parser = etree.XMLPullParser(
        events=("start",) if starts else ("end",),
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
        chunks = safe_chunks(lambda: _read(stream, source.display), source.display)
        chunk = next(chunks, None)
        while chunk is not None:
            _feed(parser, chunk, source.display)
            fed = True
            if starts and (chunk := next(chunks, None)) is None:
                break
            yield _events(parser), False
            if not starts:
                chunk = next(chunks, None)
    document = _close(parser, source.display, fed=fed)
    if not check.checked:
        check.check(document)
    yield _events(parser), True


def _events(parser: etree.XMLPullParser) -> Iterator[tuple[str, Element]]:
    return cast(Iterator[tuple[str, Element]], parser.read_events())


class DocumentCheck:
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
    names = LOCAL_NAMES
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


def _forget(element: Element, wanted: frozenset[str], last: Element | None) -> None:
    """Clear an element handed out, and remove the handed-out siblings before it
    (``last``, the element handed out before this one, is one without asking its tag)."""
    element.clear()
    previous = element.getprevious()
    parent = element.getparent() if previous is not None else None
    while (
        parent is not None
        and previous is not None
        and (previous is last or local_name(previous.tag) in wanted)
    ):
        parent.remove(previous)
        previous = element.getprevious()


def drop(elements: list[Element]) -> None:
    """Clear elements handed out (siblings, or a single one) and remove them."""
    parent = elements[0].getparent()
    for element in elements:
        element.clear()
        if parent is not None:
            parent.remove(element)


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
