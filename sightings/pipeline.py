"""The one way a sightings frame is made: load -> validate -> locate -> join -> facet columns.

The app, the import preview and the benchmarks all call :func:`build` (a CSV file) or
:func:`prepare` (rows already loaded), so every consumer sees the same frame. The join's
answers are kept on disk between runs (:func:`cached_classify`), and so is the finished frame
(:mod:`sightings.snapshot`): a restart on unchanged data, layers and code reads one Parquet file.

The facet columns are what the filters read, computed once so filtering is vectorised:
categorical copies of the strait, sea, lane and position kind (tests and counts on small
integer codes), one boolean column per ship category and activity kind, a lower-case search
text, each row's hull numbers as one delimited categorical (";548;011;": a few hundred
distinct lists at a million rows), ``primary_source``, and the classes a row gives its hulls
(``class:types``, ``class:vessels``: what the vessels table counts, :mod:`sightings.hulls`).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path

import numpy as np
import pandas as pd

from geo.layers import LAYERS_DIR
from sightings import snapshot
from sightings.hulls import HULL_DELIMITER, types_class, vessel_classes
from sightings.schema import is_release_url
from sightings.store import DATASET, load, read_dataset

#: The strait value of rows in no strait, as the strait filter offers it.
NO_STRAIT = "none"
#: The timeline lane of rows in no strait.
OPEN_SEA = "Open sea"
#: The sea value of rows whose report names no sea and that have no point.
NOT_STATED = "not stated"
#: Ship categories searched for in the reported type names (first pattern that matches wins
#: per name; a report can list several names and so several categories).
SHIP_CATEGORIES = {
    "Cruiser": r"cruiser",
    "Destroyer": r"destroyer",
    "Frigate": r"frigate",
    "Corvette": r"corvette",
    "Landing ship": r"landing",
    "Submarine": r"submarine",
    "Intelligence ship": r"intelligence|reconnaissance|\bagi\b|surveillance",
    "Minesweeper": r"mine",
    "Patrol ship": r"patrol",
    "Tug / rescue": r"\btug|rescue|salvage",
    "Oiler / supply": r"oiler|tanker|supply|replenish|transport|cargo",
    "Icebreaker": r"icebreaker",
    "Survey / research": r"survey|research|hydrographic|oceanographic",
    "Tracking ship": r"instrumentation|tracking",
    "Hospital ship": r"hospital",
}
OTHER_TYPE = "Other / unspecified"
SHIP_CATEGORY_NAMES = (*SHIP_CATEGORIES, OTHER_TYPE)
ACTIVITY_KINDS = ("transit", "detection", "joint patrol with China", "exercise",
                  "joint exercise with China", "intelligence gathering", "contiguous-zone navigation", "other")

#: Where the spatial join's answers are kept between runs (git-ignored, safe to delete).
CLASSIFY_CACHE = Path(__file__).resolve().parent.parent / ".cache" / "classify"
#: Where the finished frame is kept between runs (:mod:`sightings.snapshot`; git-ignored, safe to delete).
SNAPSHOT_DIR = CLASSIFY_CACHE.parent / "snapshot"
LAYER_SUMS = LAYERS_DIR / "SHA256SUMS"
#: Bump when the cache file's layout changes.
_CACHE_FORMAT = "1"


def build(path: str | os.PathLike = DATASET, *, cache_dir: Path | None = CLASSIFY_CACHE,
          snapshot_dir: Path | None = SNAPSHOT_DIR) -> pd.DataFrame:
    """The app's frame for the sightings CSV at ``path``: validated, located, joined, faceted.

    Read from the snapshot in ``snapshot_dir`` when one was saved for these bytes, layers and
    code (:mod:`sightings.snapshot`), else built and saved there (None: always built, never saved).
    """
    if snapshot_dir is not None:
        saved = snapshot.load(snapshot_dir / _snapshot_name(read_dataset(path)))   # the bytes go once hashed
        if saved is not None:
            return saved
    raw = read_dataset(path)
    frame = prepare(load(raw), cache_dir=cache_dir)
    if snapshot_dir is not None:
        snapshot.save(frame, snapshot_dir / _snapshot_name(raw))
    return frame


def _snapshot_name(raw: bytes) -> str:
    return f"frame-{snapshot.key(raw, LAYER_SUMS)}.parquet"


def prepare(sightings: pd.DataFrame, *, cache_dir: Path | None = None) -> pd.DataFrame:
    """Join validated, located ``sightings`` with the layers and add the facet columns.

    ``cache_dir`` keeps the join's answers between runs (None computes them every time, as
    a one-off preview should). Rows come out in date order, so a date range is a slice.
    """
    from geo.join import classify, enrich

    places = classify(sightings["lat"], sightings["lon"]) if cache_dir is None else \
        cached_classify(sightings["lat"], sightings["lon"], cache_dir)
    return add_facets(enrich(sightings, places=places))


def type_column(category: str) -> str:
    """The boolean column saying a row lists a ship of ``category``."""
    return f"type:{category}"


def activity_column(kind: str) -> str:
    """The boolean column saying a row's activity is ``kind``."""
    return f"activity:{kind}"


def add_facets(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` in date order with the facet columns (module docstring) added."""
    out = frame.sort_values(["event_date", "id"], kind="stable").reset_index(drop=True)
    out["lane"] = out["strait"].where(out["strait"] != "", OPEN_SEA)
    out["sea_facet"] = out["sea_area"].where(out["sea_area"] != "", NOT_STATED)
    out["facet:straits"] = pd.Categorical(out["strait"].where(out["strait"] != "", NO_STRAIT))
    out["facet:seas"] = pd.Categorical(out["sea_facet"])
    out["facet:lane"] = pd.Categorical(out["lane"])
    out["facet:kind"] = pd.Categorical(out["position_kind"])
    out["facet:hulls"] = pd.Categorical(HULL_DELIMITER + out["hull_numbers"].map(HULL_DELIMITER.join)
                                        + HULL_DELIMITER)
    out["primary_source"] = primary_source(out["source_urls"])
    out["class:types"] = pd.Categorical(_map_unique(out["ship_types"], types_class))
    out["class:vessels"] = pd.Categorical(_map_unique(out["vessels"], lambda vessels: json.dumps(
        vessel_classes(vessels), ensure_ascii=False)))
    types = out["ship_types"].map("; ".join)
    out["search_text"] = (types + " " + out["hull_numbers"].map(" ".join)).str.lower()
    indicators = {type_column(c): v for c, v in _per_unique(types, ship_categories_of, SHIP_CATEGORY_NAMES).items()}
    indicators |= {activity_column(k): v
                   for k, v in _per_unique(out["activity"], activity_kinds, ACTIVITY_KINDS).items()}
    return pd.concat([out, pd.DataFrame(indicators, index=out.index)], axis=1)


def primary_source(source_urls: pd.Series) -> np.ndarray:
    """For each row, whether its sources include a Joint Staff release (the primary source)."""
    joined = source_urls.map(" ".join)            # a URL holds no space (schema)
    return _each_unique(joined, lambda urls: bool(release_urls(urls.split())))


def release_urls(urls: list[str]) -> list[str]:
    """The Joint Staff release links among a row's ``source_urls``."""
    return [url for url in urls if is_release_url(url)]


def ship_categories_of(joined_types: str) -> list[str]:
    """Categories of a row's '; '-joined ship type names (Other when none matches)."""
    return ship_categories([t for t in joined_types.split("; ") if t])


def ship_categories(types: list[str]) -> list[str]:
    """The categories of these type names, each once, in first-seen order."""
    found = []
    for name in types:
        category = next((c for c, p in SHIP_CATEGORIES.items() if re.search(p, name, re.I)), OTHER_TYPE)
        if category not in found:
            found.append(category)
    return found or [OTHER_TYPE]


def activity_kinds(activity: str) -> list[str]:
    """The dataset's activity words in the main clause: 'transit (exercise)' is a transit."""
    clauses = [part.strip() for part in activity.split("(")[0].lower().split("/")]
    return [kind for kind in ACTIVITY_KINDS if kind.lower() in clauses] or ["other"]


def _each_unique(values: pd.Series, predicate) -> np.ndarray:
    """``predicate`` of each value, evaluated once per distinct value."""
    codes, uniques = pd.factorize(values)
    return np.array([predicate(value) for value in uniques] + [False], dtype=bool)[codes]


def _map_unique(lists: pd.Series, function) -> list:
    """``function`` of each row's list, called once per distinct list (a million rows hold a few thousand)."""
    codes, uniques = pd.factorize(lists.map(tuple))
    answers = [function(list(value)) for value in uniques]
    return [answers[code] for code in codes]


def _per_unique(values: pd.Series, classify, names) -> dict[str, np.ndarray]:
    """Boolean column per name, classifying each distinct value once (fast at a million rows)."""
    codes, uniques = pd.factorize(values)
    table = pd.DataFrame([[name in classify(v) for name in names] for v in uniques], columns=list(names),
                         dtype=bool).reindex(range(len(uniques)), fill_value=False)
    return {name: table[name].to_numpy()[codes] for name in names}


def cached_classify(lat: pd.Series, lon: pd.Series, cache_dir: Path = CLASSIFY_CACHE,
                    layer_sums: Path = LAYER_SUMS) -> pd.DataFrame:
    """:func:`geo.join.classify` of these points, read from ``cache_dir`` when already computed.

    The key is a SHA-256 of the coordinates, the layer checksums (``layer_sums``) and the
    join's own source, so a new row, a rebuilt layer or a changed join recomputes. Only the
    join is cached: the CSV is still read and validated on every start. A cache that cannot
    be written (read-only checkout) is skipped.
    """
    from geo import join

    path = cache_dir / f"classify-{_classify_key(lat, lon, layer_sums, Path(join.__file__))}.npz"
    try:
        with np.load(path, allow_pickle=False) as stored:
            return _unpack(stored, lat.index)
    except (OSError, ValueError, KeyError):
        pass
    places = join.classify(lat, lon)
    snapshot.write_atomic(path, lambda temporary: _save_npz(temporary, _pack(places)))
    return places


def _save_npz(path: Path, arrays: dict[str, np.ndarray]) -> None:
    with open(path, "wb") as out:          # a file object: np.savez would add ".npz" to a name
        np.savez(out, **arrays)


def _classify_key(lat: pd.Series, lon: pd.Series, layer_sums: Path, join_source: Path) -> str:
    digest = hashlib.sha256(_CACHE_FORMAT.encode())
    for part in (lat.to_numpy(dtype=float), lon.to_numpy(dtype=float)):
        digest.update(np.ascontiguousarray(part).tobytes())
    digest.update(layer_sums.read_bytes())
    digest.update(join_source.read_bytes())
    return digest.hexdigest()[:32]


def _pack(places: pd.DataFrame) -> dict[str, np.ndarray]:
    """The classify frame as plain arrays (codes + names), loadable without pickle."""
    sea_codes, seas = pd.factorize(places["sea_area"])          # -1 where no sea
    strait_codes, straits = pd.factorize(places["in_strait"])
    return {"sea_codes": sea_codes.astype(np.int16), "seas": np.asarray(seas, dtype=str),
            "strait_codes": strait_codes.astype(np.int16), "straits": np.asarray(straits, dtype=str),
            "territorial": places["in_japan_territorial_sea"].to_numpy(dtype=bool),
            "distance": places["distance_to_japan_km"].to_numpy(dtype=float)}


def _unpack(stored, index: pd.Index) -> pd.DataFrame:
    if len(stored["distance"]) != len(index):
        raise ValueError("cached rows do not match")
    seas = np.append(stored["seas"].astype(object), np.nan)         # code -1 -> NaN
    straits = np.append(stored["straits"].astype(object), "")
    return pd.DataFrame({
        "sea_area": seas[stored["sea_codes"]], "in_strait": straits[stored["strait_codes"]],
        "in_japan_territorial_sea": stored["territorial"], "distance_to_japan_km": stored["distance"],
    }, index=index)
