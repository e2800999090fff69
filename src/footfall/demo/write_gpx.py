"""A track as GPX 1.1, the way Garmin Connect exports one: heart rate and cadence
(strides per minute) in the Garmin TrackPointExtension v1."""

from __future__ import annotations

from typing import cast

import numpy as np
from lxml import etree
from numpy.typing import NDArray

from footfall.demo.tracks import Track

GPX_NS = "http://www.topografix.com/GPX/1/1"
TPX_NS = "http://www.garmin.com/xmlschemas/TrackPointExtension/v1"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
#: The default namespace has the prefix None, which lxml-stubs' Mapping[str, str] omits.
NSMAP = cast("dict[str, str]", {None: GPX_NS, "gpxtpx": TPX_NS, "xsi": XSI_NS})
SCHEMA_LOCATION = (
    "http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd "
    "http://www.garmin.com/xmlschemas/TrackPointExtension/v1 "
    "http://www.garmin.com/xmlschemas/TrackPointExtensionv1.xsd"
)


def gpx_bytes(track: Track, points: NDArray[np.intp]) -> bytes:
    """The GPX document of ``track`` keeping only the samples at ``points``."""
    if track.plan.indoor:
        raise ValueError(f"{track.plan.name} has no positions; GPX cannot hold it")
    root = etree.Element(
        f"{{{GPX_NS}}}gpx",
        nsmap=NSMAP,
        creator="Garmin Connect",
        version="1.1",
    )
    root.set(f"{{{XSI_NS}}}schemaLocation", SCHEMA_LOCATION)
    metadata = _child(root, "metadata")
    link = _child(metadata, "link", href="connect.garmin.com")
    _child(link, "text").text = "Garmin Connect"
    times = track.iso_times(points)
    _child(metadata, "time").text = times[0]
    trk = _child(root, "trk")
    _child(trk, "name").text = track.plan.name
    _child(trk, "type").text = track.plan.sport
    segment = _child(trk, "trkseg")
    columns = (
        times,
        [f"{v:.7f}" for v in track.lat_deg[points].tolist()],
        [f"{v:.7f}" for v in track.lon_deg[points].tolist()],
        [f"{v:.1f}" for v in track.altitude_m[points].tolist()],
        [str(int(v)) for v in track.heart_rate_bpm[points].tolist()],
        [str(round(v)) for v in track.strides_per_min[points].tolist()],
    )
    for row in zip(*columns, strict=True):
        _point(segment, *row)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _child(parent: etree._Element, name: str, **attributes: str) -> etree._Element:
    return etree.SubElement(parent, f"{{{GPX_NS}}}{name}", attributes)


def _point(  # noqa: PLR0917 - one column of each, as text
    segment: etree._Element, time: str, lat: str, lon: str, ele: str, hr: str, cad: str
) -> None:
    point = _child(segment, "trkpt", lat=lat, lon=lon)
    _child(point, "ele").text = ele
    _child(point, "time").text = time
    extension = etree.SubElement(_child(point, "extensions"), f"{{{TPX_NS}}}TrackPointExtension")
    etree.SubElement(extension, f"{{{TPX_NS}}}hr").text = hr
    etree.SubElement(extension, f"{{{TPX_NS}}}cad").text = cad
