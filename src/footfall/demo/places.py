"""Where the demo runner lives: Portland, Oregon, and the loops they run and walk.

Each route is a polyline of (latitude, longitude, elevation in metres) vertices traced
along real streets, paths and parks of south-east and downtown Portland. The vertices
are approximate (a few tens of metres), which is all a plausible track needs; the
distances along a route are measured on a local flat projection, good to well under
0.1 % at city scale.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]

TIME_ZONE = ZoneInfo("America/Los_Angeles")
CITY = "Portland, Oregon"
EARTH_RADIUS_M = 6_371_008.8

Vertex = tuple[float, float, float]


@dataclass(frozen=True, slots=True)
class Route:
    """A closed path, followed round and round; its last vertex joins its first."""

    name: str
    title: str
    vertices: tuple[Vertex, ...]

    @property
    def along_m(self) -> FloatArray:
        """Cumulative distance at each vertex, metres, ending back at the start."""
        east, north = _local_metres(self._closed())
        steps = np.hypot(np.diff(east), np.diff(north))
        return np.concatenate(([0.0], np.cumsum(steps)))

    def _closed(self) -> FloatArray:
        points = np.asarray(self.vertices, dtype=np.float64)
        return np.vstack([points, points[:1]])

    def at(self, distance_m: FloatArray) -> tuple[FloatArray, FloatArray, FloatArray]:
        """Latitude, longitude and elevation after ``distance_m`` along the route
        (as many laps as it takes)."""
        along = self.along_m
        position = np.mod(distance_m, along[-1])
        points = self._closed()
        lat = np.interp(position, along, points[:, 0])
        lon = np.interp(position, along, points[:, 1])
        ele = np.interp(position, along, points[:, 2])
        return lat, lon, ele


def _local_metres(points: FloatArray) -> tuple[FloatArray, FloatArray]:
    """East and north metres from the first vertex (equirectangular projection)."""
    lat0 = math.radians(float(points[0, 0]))
    north = np.radians(points[:, 0] - points[0, 0]) * EARTH_RADIUS_M
    east = np.radians(points[:, 1] - points[0, 1]) * EARTH_RADIUS_M * math.cos(lat0)
    return east, north


def metres_to_degrees(
    north_m: FloatArray, east_m: FloatArray, lat_deg: FloatArray
) -> tuple[FloatArray, FloatArray]:
    """Offsets in metres as latitude and longitude degrees at ``lat_deg``."""
    dlat = np.degrees(north_m / EARTH_RADIUS_M)
    dlon = np.degrees(east_m / (EARTH_RADIUS_M * np.cos(np.radians(lat_deg))))
    return dlat, dlon


WATERFRONT_LOOP = Route(
    "waterfront_loop",
    "Waterfront Park and Eastbank Esplanade (Hawthorne to Steel Bridge)",
    (
        (45.51310, -122.67380, 12.0),  # Hawthorne Bridge, west end at Naito Parkway
        (45.51600, -122.67290, 10.0),  # Salmon Street Springs
        (45.51900, -122.67200, 10.0),
        (45.52180, -122.67130, 10.0),  # Burnside Bridge
        (45.52450, -122.67060, 11.0),
        (45.52700, -122.67010, 12.0),  # Steel Bridge lower deck, west
        (45.52720, -122.66700, 10.0),  # Steel Bridge lower deck, east
        (45.52500, -122.66760, 8.0),  # Eastbank Esplanade
        (45.52250, -122.66800, 7.0),
        (45.51950, -122.66820, 7.0),
        (45.51650, -122.66790, 7.0),
        (45.51380, -122.66700, 8.0),
        (45.51320, -122.66620, 10.0),  # Hawthorne Bridge, east end
        (45.51330, -122.67000, 18.0),  # over the river
    ),
)

LAURELHURST_LOOP = Route(
    "laurelhurst_loop",
    "Laurelhurst Park perimeter path",
    (
        (45.52280, -122.62680, 68.0),  # NW corner, SE Oak and César Chávez
        (45.52290, -122.62420, 66.0),
        (45.52280, -122.62050, 64.0),  # NE corner
        (45.52100, -122.62010, 58.0),  # by Firwood Lake
        (45.51960, -122.62030, 60.0),  # SE corner, SE Stark
        (45.51930, -122.62350, 63.0),
        (45.51930, -122.62660, 66.0),  # SW corner
        (45.52100, -122.62700, 67.0),
    ),
)

MT_TABOR_LOOP = Route(
    "mt_tabor_loop",
    "Mt Tabor Park, reservoirs and summit",
    (
        (45.51300, -122.59850, 128.0),  # Reservoir 6, SE 60th entrance
        (45.51400, -122.59500, 148.0),
        (45.51280, -122.59200, 162.0),
        (45.51050, -122.59250, 186.0),  # summit, Harvey Scott statue
        (45.50850, -122.59500, 170.0),
        (45.50750, -122.59850, 142.0),  # Reservoir 5
        (45.50950, -122.60020, 124.0),  # Reservoir 1
    ),
)

RIVER_LONG_LOOP = Route(
    "river_long_loop",
    "Springwater Corridor to Sellwood and back, then the Waterfront loop",
    (
        (45.51320, -122.66620, 10.0),  # Hawthorne Bridge, east end
        (45.50900, -122.66600, 8.0),  # OMSI
        (45.50400, -122.66600, 9.0),  # Tilikum Crossing
        (45.49900, -122.66500, 10.0),
        (45.49300, -122.66250, 10.0),  # Oaks Bottom
        (45.48700, -122.65900, 12.0),
        (45.48000, -122.65700, 12.0),
        (45.47350, -122.65550, 14.0),  # Sellwood Riverfront Park turnaround
        (45.48000, -122.65740, 12.0),
        (45.48700, -122.65940, 12.0),
        (45.49300, -122.66290, 10.0),
        (45.49900, -122.66540, 10.0),
        (45.50400, -122.66640, 9.0),
        (45.50900, -122.66640, 8.0),
        (45.51380, -122.66700, 8.0),  # north along the Esplanade
        (45.51950, -122.66820, 7.0),
        (45.52500, -122.66760, 8.0),
        (45.52720, -122.66700, 10.0),  # Steel Bridge, east
        (45.52700, -122.67010, 12.0),  # Steel Bridge, west
        (45.52180, -122.67130, 10.0),  # Waterfront Park south
        (45.51600, -122.67290, 10.0),
        (45.51310, -122.67380, 12.0),  # Hawthorne Bridge, west end
        (45.51330, -122.67000, 18.0),  # back over the river
    ),
)

LADD_LOOP = Route(
    "ladd_loop",
    "Home, Ladd's Addition and SE Division",
    (
        (45.51210, -122.64400, 45.0),  # home, SE Hawthorne near 22nd
        (45.51210, -122.65000, 42.0),  # SE Hawthorne and 16th
        (45.51000, -122.65200, 40.0),  # SE Ladd Avenue
        (45.50850, -122.64950, 40.0),  # Ladd Circle
        (45.50660, -122.64700, 42.0),
        (45.50460, -122.64500, 44.0),  # SE Division
        (45.50460, -122.64050, 46.0),  # SE Division and 26th
        (45.50830, -122.64050, 48.0),
        (45.51210, -122.64050, 50.0),  # SE Hawthorne and 26th
    ),
)

PARK_BLOCKS_LOOP = Route(
    "park_blocks_loop",
    "South Park Blocks, downtown (a lunch loop from the office)",
    (
        (45.51000, -122.68500, 60.0),  # Portland State University
        (45.51450, -122.68300, 55.0),
        (45.51900, -122.68100, 50.0),  # SW Salmon
        (45.51920, -122.68220, 50.0),
        (45.51470, -122.68420, 55.0),
        (45.51020, -122.68620, 60.0),
    ),
)

ROUTES: dict[str, Route] = {
    route.name: route
    for route in (
        WATERFRONT_LOOP,
        LAURELHURST_LOOP,
        MT_TABOR_LOOP,
        RIVER_LONG_LOOP,
        LADD_LOOP,
        PARK_BLOCKS_LOOP,
    )
}
