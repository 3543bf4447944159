"""The dataset described for machines: a Frictionless data package with version and checksum.

``data/datapackage.json`` tells any reader (frictionless, Datasette, a spreadsheet user's
script) what each column of ``sightings.csv`` holds: its type, its meaning, the vocabulary it
takes and how list cells are joined; plus the dataset's version (:mod:`sightings.changelog`),
the file's sha256, the licences and the sources. It is written again whenever the dataset
changes, so the checksum always belongs to the file beside it.

Examples
--------
>>> package = descriptor("2026.12.1", "0" * 64)
>>> package["version"], package["resources"][0]["path"]
('2026.12.1', 'sightings.csv')
>>> next(f for f in package["resources"][0]["schema"]["fields"] if f["name"] == "strait")["constraints"]["enum"][:3]
['', 'Soya', 'Tsugaru']
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from sightings.jso import CREDIT_JA
from sightings.schema import COLUMNS, LIST_SEPARATORS, POSITION_KINDS, SEA_AREAS, STRAITS
from sightings.store import DATASET, write_atomic

PACKAGE = DATASET.parent / "datapackage.json"
#: Column -> (Frictionless type, meaning). Every dataset column has one (a test checks it).
FIELDS = {
    "id": ("string", "Stable id of the sighting: its event date and a short hash of the report."),
    "event_date": ("date", "Day the ships were observed (local time in Japan)."),
    "event_time": ("string", "Local time of the observation as stated (HH:MM, 'about'); empty when not stated."),
    "report_date": ("date", "Day the Joint Staff Office announced the sighting (or the press page's date, "
                            "see notes)."),
    "ships": ("integer", "Number of Russian ships as stated; empty when no source gives a number."),
    "ship_types": ("string", "Ship classes or types as reported."),
    "hull_numbers": ("string", "Hull (pennant) numbers as written; leading zeros kept (011 is not 11)."),
    "vessels": ("string", "Class and hull number paired as a release writes them."),
    "chinese_vessels": ("string", "Chinese ships of a joint movement, kept apart from the Russian ones."),
    "location_text": ("string", "The position phrase as reported, in English."),
    "location_text_ja": ("string", "The release's Japanese sentence, verbatim (releases only)."),
    "lat": ("number", "Latitude (WGS84): reported, or derived from the phrase (see position_kind)."),
    "lon": ("number", "Longitude (WGS84): reported, or derived from the phrase (see position_kind)."),
    "position_kind": ("string", "reported: coordinates stated; derived: worked out from the phrase by a geodesic "
                                "from a gazetteer place; area: only a strait or sea named (no point); "
                                "unlocated: no position."),
    "anchor": ("string", "Derived positions: the gazetteer place the position was measured from ('A / B': the "
                         "midpoint between two places); empty otherwise."),
    "bearing_deg": ("number", "Derived positions: the bearing from the anchor, degrees clockwise from north."),
    "distance_km": ("number", "Derived positions: the distance from the anchor along the WGS84 geodesic, km."),
    "strait": ("string", "Strait passed, when the report names one."),
    "direction": ("string", "Heading as reported (e.g. 'west, Pacific to Sea of Japan')."),
    "sea_area": ("string", "Sea named by the report."),
    "activity": ("string", "transit, detection, joint patrol with China, exercise, ... as reported."),
    "with_chinese_ships": ("boolean", "Whether Chinese ships sailed with them."),
    "observed_by": ("string", "JSDF units the release names."),
    "same_as": ("string", "Earlier movements a release says were the same ships: 'YYYY-MM-DD[/YYYY-MM-DD] "
                          "passage direction'."),
    "voyage_id": ("string", "Voyage the sighting belongs to: 'v-' and the id of the voyage's first sighting."),
    "voyage_link": ("string", "Why the sighting was linked to its voyage (a release's back-reference, a shared "
                              "hull number); empty for a voyage's first sighting."),
    "date_basis": ("string", "How event_date is known: stated by a source, or inferred (reasoning in notes)."),
    "report_date_basis": ("string", "How report_date is known: the release itself, the press saying when it "
                                    "was announced, or only a page's date."),
    "source_urls": ("string", "Pages the row rests on; a release first when there is one."),
    "source_names": ("string", "Names of those pages, in the same order."),
    "notes": ("string", "What was worked out, contradictions between sources, corrections applied."),
}
VOCABULARIES = {"strait": ("",) + tuple(STRAITS), "sea_area": ("",) + tuple(SEA_AREAS),
                "position_kind": tuple(POSITION_KINDS)}
LICENSES = [
    {"name": "GJSTU-2.0", "title": "Government of Japan Standard Terms of Use 2.0 (release facts: source stated, "
                                   "processed by Straitwatch)", "path": "https://www.mod.go.jp/gsdf/ord_sch/riyoukiyaku.html"},
]
SOURCES = [
    {"title": f"Joint Staff Office, Ministry of Defense of Japan ({CREDIT_JA})",
     "path": "https://www.mod.go.jp/js/"},
    {"title": "News pages retelling the Joint Staff's announcements (each row links its own)"},
]


def descriptor(version: str, sha256: str, columns: tuple[str, ...] = COLUMNS) -> dict:
    """The data package for a dataset of ``columns`` at ``version`` whose file hashes to ``sha256``.

    Examples
    --------
    >>> fields = descriptor("2026.12.1", "0" * 64, ("id", "with_chinese_ships", "hull_numbers"))["resources"][0]["schema"]["fields"]
    >>> fields[0]["constraints"], fields[1]["trueValues"], fields[1]["falseValues"]
    ({'required': True}, ['yes'], ['no'])
    >>> fields[2]["description"]
    "Hull (pennant) numbers as written; leading zeros kept (011 is not 11). A list: items joined by '; '."
    """
    fields = []
    for name in columns:
        kind, meaning = FIELDS[name]
        field = {"name": name, "type": kind, "description": meaning}
        if name in LIST_SEPARATORS:
            field["description"] += f" A list: items joined by {LIST_SEPARATORS[name]!r}."
        if kind == "boolean":
            field.update(trueValues=["yes"], falseValues=["no"])
        if kind == "date":
            field["format"] = "%Y-%m-%d"
        constraints = {}
        if name in VOCABULARIES:
            constraints["enum"] = list(VOCABULARIES[name])
        if name in ("id", "event_date", "report_date", "location_text", "source_urls"):
            constraints["required"] = True
        if constraints:
            field["constraints"] = constraints
        fields.append(field)
    return {
        "name": "straitwatch-sightings",
        "title": "Straitwatch: Russian Navy movements around Japan",
        "version": version,
        "licenses": LICENSES,
        "sources": SOURCES,
        "resources": [{
            "name": "sightings", "path": "sightings.csv", "format": "csv", "mediatype": "text/csv",
            "encoding": "utf-8", "hash": f"sha256:{sha256}",
            "schema": {"fields": fields, "primaryKey": ["id"], "missingValues": [""]},
        }],
    }


def write(version: str, dataset: str | os.PathLike = DATASET, package: str | os.PathLike = PACKAGE) -> dict:
    """Write the package for the dataset file as it is now, at ``version``; returns it.

    The fields are the file's own header, the hash its bytes as they are now.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "sightings.csv").write_bytes(b"id,event_date\\na,2022-03-15\\n")
    >>> package = write("2026.12.2", folder / "sightings.csv", folder / "datapackage.json")
    >>> [f["name"] for f in package["resources"][0]["schema"]["fields"]]
    ['id', 'event_date']
    >>> package["resources"][0]["hash"] == "sha256:" + hashlib.sha256(b"id,event_date\\na,2022-03-15\\n").hexdigest()
    True
    >>> json.loads((folder / "datapackage.json").read_text())["version"]
    '2026.12.2'
    """
    raw = Path(dataset).read_bytes()
    header = tuple(raw.split(b"\n", 1)[0].decode("utf-8").split(","))
    content = descriptor(version, hashlib.sha256(raw).hexdigest(), header)
    write_atomic(package, json.dumps(content, ensure_ascii=False, indent=2) + "\n")
    return content
