"""The prolog guard: no XML entity or external DTD ever reaches libxml2.

A DTD must come before the root element, so the bytes before it (the prolog: XML
declaration, comments, processing instructions, DOCTYPE) are scanned before anything
is parsed. Any ``<!ENTITY`` declaration (XXE, billion laughs, parameter entities) or a
DOCTYPE with a ``SYSTEM``/``PUBLIC`` identifier raises :class:`UnsafeInput`; an inline
DTD without entities, as Apple Health's ``export.xml`` carries, passes. The scan reads
UTF-8 and every ASCII-compatible encoding as bytes, and UTF-16/32 by their byte-order
mark or first bytes; a file in any other encoding is caught by the second check in
:mod:`footfall.formats._xml`, on the DTD libxml2 parsed (with entities unresolved).

The scan is conservative: ``<!ENTITY`` anywhere in the DOCTYPE, even in a comment, is
refused. defusedxml's lxml module (deprecated) checks only the parsed DTD, after the
parse; this refuses before it.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Iterator

from footfall.errors import UnsafeInput

#: Longest prolog (declaration, comments, DTD) accepted before the root element.
MAX_PROLOG_BYTES = 4 * 1024 * 1024

ENTITY_REFUSED = (
    "declares XML entities; refused (external entities and entity expansion are not allowed)"
)
EXTERNAL_DTD_REFUSED = "refers to an external DTD; refused (external resources are not loaded)"


def safe_chunks(read: Callable[[], bytes], display: str) -> Iterator[bytes]:
    """The chunks ``read`` returns until it returns nothing, the first one held back
    until the prolog is complete and proven free of entities and external DTDs."""
    head = b""
    while True:
        chunk = read()
        head += chunk
        if not chunk or _prolog_complete(head, display):
            break
        if len(head) > MAX_PROLOG_BYTES:
            raise UnsafeInput(display, "has more than 4 MiB of XML prolog before its first element")
    if head:
        yield head
    while chunk := read():
        yield chunk


# Markup that can hide a ">" or "[" inside a DOCTYPE, and the brackets themselves.
_DOCTYPE_TOKEN = re.compile(r"\"[^\"]*\"|'[^']*'|<!--.*?-->|<\?.*?\?>|[\[\]>]", re.DOTALL)
_EXTERNAL_ID = re.compile(r"<!DOCTYPE\s+[^\s\[>]+\s+(SYSTEM|PUBLIC)\b")

_WIDE_ENCODINGS: tuple[tuple[bytes, str], ...] = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\x00<", "utf-16-be"),
    (b"<\x00", "utf-16-le"),
)


def _prolog_text(head: bytes) -> str:
    """The head as text for scanning markup (byte positions do not matter)."""
    for mark, encoding in _WIDE_ENCODINGS:
        if head.startswith(mark):
            decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
            return decoder.decode(head).lstrip("\ufeff")
    return head.decode("latin-1")  # every ASCII-compatible encoding: markup is ASCII


def _prolog_complete(head: bytes, display: str) -> bool:
    """True once the root element has started; raises on entities or external DTDs."""
    text = _prolog_text(head)
    position = 0
    while True:
        start = text.find("<", position)
        if start < 0:
            return False
        if text.startswith("<?", start) or text.startswith("<!--", start):
            end_mark = "?>" if text[start + 1] == "?" else "-->"
            end = text.find(end_mark, start + 2)
            if end < 0:
                return False
            position = end + len(end_mark)
        elif text.startswith("<!", start):
            if len(text) - start < 9:
                return False
            end = _doctype_end(text, start)
            if end < 0:
                return False
            _refuse_declarations(text[start:end], display)
            position = end
        else:
            return True


def _doctype_end(text: str, start: int) -> int:
    """Index just past the ``>`` closing a ``<!DOCTYPE`` (internal subset included)."""
    depth = 0
    for token in _DOCTYPE_TOKEN.finditer(text, start + 2):
        mark = token.group()
        if mark == "[":
            depth += 1
        elif mark == "]":
            depth = max(depth - 1, 0)
        elif mark == ">" and depth == 0:
            return token.end()
    return -1


def _refuse_declarations(doctype: str, display: str) -> None:
    if "<!entity" in doctype.lower():
        raise UnsafeInput(display, ENTITY_REFUSED)
    if _EXTERNAL_ID.match(doctype):
        raise UnsafeInput(display, EXTERNAL_DTD_REFUSED)
