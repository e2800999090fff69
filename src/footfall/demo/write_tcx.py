"""A track as a Garmin Training Center (TCX v2) file, the way Garmin Connect exports
one: laps with their totals, trackpoints with ActivityExtension v2 ``Speed`` and
``RunCadence`` (strides per minute), and the lap extension ``LX``."""

from __future__ import annotations

from typing import cast

import numpy as np
from lxml import etree
from numpy.typing import NDArray

from footfall.demo.laps import LapSummary, laps_of
from footfall.demo.tracks import Track

TCX_NS = "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"
AX_NS = "http://www.garmin.com/xmlschemas/ActivityExtension/v2"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
#: The default namespace has the prefix None, which lxml-stubs' Mapping[str, str] omits.
NSMAP = cast("dict[str, str]", {None: TCX_NS, "ns3": AX_NS, "xsi": XSI_NS})
SCHEMA_LOCATION = (
    "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2 "
    "http://www.garmin.com/xmlschemas/TrainingCenterDatabasev2.xsd"
)
DEVICE = ("Forerunner 255", "3992", "3412093617")  # name, product id, unit id


def tcx_bytes(track: Track, points: NDArray[np.intp]) -> bytes:
    """The TCX document of ``track`` keeping only the samples at ``points``."""
    root = etree.Element(f"{{{TCX_NS}}}TrainingCenterDatabase", nsmap=NSMAP)
    root.set(f"{{{XSI_NS}}}schemaLocation", SCHEMA_LOCATION)
    sport = "Running" if track.plan.sport == "running" else "Other"
    activity = _child(_child(root, "Activities"), "Activity", Sport=sport)
    laps = laps_of(track)
    starts = np.array([lap.first for lap in laps], dtype=np.intp)
    start_times = track.iso_times(starts, millis=True)
    _child(activity, "Id").text = start_times[0]
    texts = _point_texts(track, points)
    lap_of_point = np.searchsorted([lap.last for lap in laps], points).tolist()
    for number, (lap, start) in enumerate(zip(laps, start_times, strict=True)):
        rows = [row for row, at in zip(texts, lap_of_point, strict=True) if at == number]
        _lap(activity, lap, start, rows)
    _creator(activity)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _child(parent: etree._Element, name: str, **attributes: str) -> etree._Element:
    return etree.SubElement(parent, f"{{{TCX_NS}}}{name}", attributes)


def _text(parent: etree._Element, name: str, value: str) -> etree._Element:
    element = _child(parent, name)
    element.text = value
    return element


def _point_texts(track: Track, points: NDArray[np.intp]) -> list[tuple[str, ...]]:
    """Per kept sample, as text: time, distance, heart rate, speed, strides/min, and
    outdoors latitude, longitude and altitude."""
    columns = [
        track.iso_times(points, millis=True),
        [f"{v:.2f}" for v in track.distance_m[points].tolist()],
        [str(int(v)) for v in track.heart_rate_bpm[points].tolist()],
        [f"{v:.3f}" for v in track.speed_m_s[points].tolist()],
        [str(round(v)) for v in track.strides_per_min[points].tolist()],
    ]
    if not track.plan.indoor:
        columns.append([f"{v:.7f}" for v in track.lat_deg[points].tolist()])
        columns.append([f"{v:.7f}" for v in track.lon_deg[points].tolist()])
        columns.append([f"{v:.1f}" for v in track.altitude_m[points].tolist()])
    return list(zip(*columns, strict=True))


def _lap(
    activity: etree._Element, lap: LapSummary, start: str, rows: list[tuple[str, ...]]
) -> None:
    element = _child(activity, "Lap", StartTime=start)
    _text(element, "TotalTimeSeconds", f"{lap.elapsed_s:.1f}")
    _text(element, "DistanceMeters", f"{lap.distance_m:.2f}")
    _text(element, "MaximumSpeed", f"{lap.max_speed_m_s:.3f}")
    _text(element, "Calories", str(lap.calories_kcal))
    _text(_child(element, "AverageHeartRateBpm"), "Value", str(lap.avg_heart_rate))
    _text(_child(element, "MaximumHeartRateBpm"), "Value", str(lap.max_heart_rate))
    _text(element, "Intensity", "Resting" if lap.intensity == "recovery" else "Active")
    _text(element, "TriggerMethod", "Distance" if lap.trigger == "distance" else "Manual")
    trackpoints = _child(element, "Track")
    for row in rows:
        _trackpoint(trackpoints, row)
    summary = etree.SubElement(_child(element, "Extensions"), f"{{{AX_NS}}}LX")
    etree.SubElement(summary, f"{{{AX_NS}}}AvgSpeed").text = f"{lap.avg_speed_m_s:.3f}"
    etree.SubElement(summary, f"{{{AX_NS}}}AvgRunCadence").text = str(lap.avg_strides_per_min)


def _trackpoint(parent: etree._Element, row: tuple[str, ...]) -> None:
    time, distance, heart_rate, speed, strides, *where = row
    point = _child(parent, "Trackpoint")
    _text(point, "Time", time)
    if where:
        lat, lon, altitude = where
        position = _child(point, "Position")
        _text(position, "LatitudeDegrees", lat)
        _text(position, "LongitudeDegrees", lon)
        _text(point, "AltitudeMeters", altitude)
    _text(point, "DistanceMeters", distance)
    _text(_child(point, "HeartRateBpm"), "Value", heart_rate)
    extension = etree.SubElement(_child(point, "Extensions"), f"{{{AX_NS}}}TPX")
    etree.SubElement(extension, f"{{{AX_NS}}}Speed").text = speed
    etree.SubElement(extension, f"{{{AX_NS}}}RunCadence").text = strides


def _creator(activity: etree._Element) -> None:
    name, product, unit = DEVICE
    creator = _child(activity, "Creator")
    creator.set(f"{{{XSI_NS}}}type", "Device_t")
    _text(creator, "Name", name)
    _text(creator, "UnitId", unit)
    _text(creator, "ProductID", product)
    version = _child(creator, "Version")
    for field, value in (("VersionMajor", "19"), ("VersionMinor", "18")):
        _text(version, field, value)
    for field in ("BuildMajor", "BuildMinor"):
        _text(version, field, "0")
