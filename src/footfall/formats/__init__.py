"""Decoders, one per format, all producing :class:`footfall.activity.Decoded`.

``decode(source)`` sniffs the bytes and hands the source to the format's decoder;
``expand(path)`` turns a file on disk into the sources inside it (a plain file is one
source; a Strava or Apple Health export or a zip of activity files is many).
"""

from __future__ import annotations

from collections.abc import Callable

from footfall.activity import Decoded
from footfall.errors import NotAnActivity, UnknownFormat
from footfall.formats import apple_health, csv_steps, fit, gpx, strava_index, tcx
from footfall.formats import sniff as sniffing
from footfall.formats.source import Source

Decoder = Callable[[Source], Decoded]

DECODERS: dict[str, Decoder] = {
    sniffing.FIT: fit.decode,
    sniffing.GPX: gpx.decode,
    sniffing.TCX: tcx.decode,
    sniffing.APPLE_HEALTH: apple_health.decode,
    sniffing.CSV_STEPS: csv_steps.decode,
    sniffing.STRAVA_INDEX: strava_index.decode,
}
#: XML whose root is not recognised goes to the decoder its name promises, which says
#: precisely what is wrong ("not a TCX file: its root element is <Activities>").
_XML_BY_SUFFIX = {".gpx": sniffing.GPX, ".tcx": sniffing.TCX}
STREAMED = {sniffing.APPLE_HEALTH}


def format_of(source: Source) -> str | None:
    """The format footfall would decode ``source`` as, from its bytes (and, for XML with
    an unknown root, its name)."""
    head = source.head()
    fmt = sniffing.sniff(head)
    if fmt is None and sniffing.is_xml(head):
        fmt = _XML_BY_SUFFIX.get(source.suffixes)
    return fmt


def decode(source: Source) -> Decoded:
    """Decode one source of any supported format, or raise a FileProblem naming it. An
    export's index (Strava's activities.csv) names and labels what the file holds."""
    fmt = format_of(source)
    decoder = DECODERS.get(fmt or "")
    if decoder is None:
        raise _unknown(source)
    decoded = decoder(source)
    decoded.format = decoded.format or fmt or ""
    if source.hints.name or source.hints.sport:
        listed = source.hints
        decoded.activities = [
            a.as_listed(name=listed.name, sport=listed.sport) for a in decoded.activities
        ]
    return decoded


def _unknown(source: Source) -> UnknownFormat | NotAnActivity:
    head = source.head(512)
    if not head:
        return UnknownFormat(source.display, "the file is empty")
    suffix = source.suffixes
    if sniffing.is_xml(head) and suffix == ".xml":
        return NotAnActivity(source.display, "an XML document that is not GPX, TCX or Apple Health")
    if suffix == ".csv" and _is_text(head):
        return NotAnActivity(source.display, "a CSV file that is not daily steps (date,steps)")
    if suffix in {".fit", ".gpx", ".tcx", ".xml", ".csv"}:
        return UnknownFormat(
            source.display,
            f"not a valid {suffix[1:].upper()} file (its content does not match its name)",
        )
    return UnknownFormat(
        source.display,
        "not a format footfall reads (FIT, GPX, TCX, Apple Health XML, steps CSV, zip)",
    )


def _is_text(head: bytes) -> bool:
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return b"\x00" not in head


__all__ = ["DECODERS", "STREAMED", "Decoded", "Source", "decode", "format_of"]
