"""Hostile and broken inputs the import tests write into a folder: each must cost one
line naming the file, never a traceback, and nothing else of the same import."""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

XXE_GPX = b"""<?xml version="1.0"?>
<!DOCTYPE gpx [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><name>&secret;</name>
<trkseg><trkpt lat="45.5" lon="-122.6"><time>2026-03-01T10:00:00Z</time></trkpt></trkseg>
</trk></gpx>
"""

LAUGHS = '<!ENTITY lol0 "lol">' + "".join(
    f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
)
BILLION_LAUGHS_GPX = (
    f'<?xml version="1.0"?>\n<!DOCTYPE gpx [{LAUGHS}]>\n'
    '<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><name>&lol9;</name>'
    "</trk></gpx>\n"
).encode()


def gzip_bomb(path: Path, inflated_mib: int = 520) -> Path:
    """A .gz of zeros that inflates past the 512 MiB limit (about 0.5 MB on disk)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    zeros = bytes(1 << 20)
    with path.open("wb") as out:
        for _ in range(inflated_mib):
            out.write(packer.compress(zeros))
        out.write(packer.flush())
    return path


def strava_zip_escaping(path: Path, good_fit: bytes) -> Path:
    """A Strava-style export whose index points one file outside the archive."""
    index = (
        "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,"
        "Elapsed Time,Distance,Max Heart Rate,Relative Effort,Commute,"
        "Activity Private Note,Activity Gear,Filename\n"
        '1,"Mar 1, 2026, 4:15:21 PM",Good run,Run,,1800,5.0,,,false,,,activities/1.fit\n'
        '2,"Mar 2, 2026, 4:15:21 PM",Escape,Run,,1800,5.0,,,false,,,../../evil.fit\n'
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("activities.csv", index)
        archive.writestr("activities/1.fit", good_fit)
        archive.writestr("../../evil.fit", good_fit)
    return path


def write_hostile_folder(folder: Path, good_fit: bytes, good_gpx: bytes) -> dict[str, str]:
    """Write every hostile file into ``folder``; returns {file name: a word its error
    line must contain}."""
    folder.mkdir(parents=True, exist_ok=True)
    cases = {
        "truncated.fit": (good_fit[: len(good_fit) // 2], "cut off"),
        "empty.fit": (b"", "empty"),
        "photo.fit": (b"\x89PNG\r\n\x1a\n" + bytes(200), "not a valid FIT"),
        "not-xml.gpx": (b"this is not xml at all\n", ""),
        "xxe.gpx": (XXE_GPX, "entit"),
        "laughs.gpx": (BILLION_LAUGHS_GPX, "entit"),
        "half.gpx": (good_gpx[: len(good_gpx) // 2], ""),
    }
    expected = {}
    for name, (data, word) in cases.items():
        (folder / name).write_bytes(data)
        expected[name] = word
    gzip_bomb(folder / "bomb.fit.gz")
    expected["bomb.fit.gz"] = "limit"
    strava_zip_escaping(folder / "export_1.zip", good_fit)
    expected["export_1.zip!../../evil.fit"] = "leaves the archive"
    return expected
