"""Decoders, one per format, all producing :class:`footfall.activity.Decoded`.

``decode(source)`` sniffs the bytes and hands the source to the format's decoder;
``expand(path)`` turns a file on disk into the sources inside it (a plain file is one
source; a Strava or Apple Health export or a zip of activity files is many).
"""

from __future__ import annotations

from collections.abc import Callable

from footfall.activity import Decoded
from footfall.errors import UnknownFormat
from footfall.formats import sniff as sniffing
from footfall.formats.source import Source

Decoder = Callable[[Source], Decoded]


def _decoders() -> dict[str, Decoder]:
    from footfall.formats import apple_health, csv_steps, fit, gpx, tcx

    return {
        sniffing.FIT: fit.decode,
        sniffing.GPX: gpx.decode,
        sniffing.TCX: tcx.decode,
        sniffing.APPLE_HEALTH: apple_health.decode,
        sniffing.CSV_STEPS: csv_steps.decode,
    }


def decode(source: Source) -> Decoded:
    """Decode one source of any supported format, or raise a FileProblem naming it."""
    fmt = sniffing.sniff(source.head())
    decoder = _decoders().get(fmt or "")
    if decoder is None:
        raise UnknownFormat(source.display, _unknown_reason(source))
    decoded = decoder(source)
    decoded.format = decoded.format or fmt or ""
    return decoded


def _unknown_reason(source: Source) -> str:
    head = source.head(512)
    if not head:
        return "the file is empty"
    suffix = source.suffixes
    if suffix in {".fit", ".gpx", ".tcx", ".xml", ".csv"}:
        return f"not a valid {suffix[1:].upper()} file (its content does not match its name)"
    return "not a format footfall reads (FIT, GPX, TCX, Apple Health XML, steps CSV, zip)"


__all__ = ["Decoded", "Source", "decode"]
