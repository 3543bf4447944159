"""The spatial join at scale: :func:`geo.join.classify` on N points at sea vs a per-row shapely loop.

    .venv/bin/python bench/join.py [--n 1000000] [--loop-n 10000]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from geo.join import METRIC_CRS, classify, load_layer  # noqa: E402


def random_points(n: int, seed: int = 3) -> tuple[pd.Series, pd.Series]:
    """Uniform points in the region's seas: where sightings are (a point on land costs a
    nearest-sea search the loop below does not make, so both measure the same task)."""
    from bench.synth import sea_points
    lat, lon = sea_points(load_layer("seas"), n, np.random.default_rng(seed))
    return pd.Series(lat), pd.Series(lon)


def per_row(lat: pd.Series, lon: pd.Series) -> list[tuple]:
    """What the join replaces: one shapely test per point and polygon, distance per point."""
    import pyproj
    import shapely
    from shapely.geometry import Point
    seas = load_layer("seas")
    straits = load_layer("straits")
    territorial = shapely.union_all(load_layer("territorial_sea").geometry.values)
    land = load_layer("land")
    to_metric = pyproj.Transformer.from_crs(4326, METRIC_CRS, always_xy=True)
    japan = shapely.transform(land.loc[land["country"] == "Japan"].geometry.iloc[0],
                              lambda xy: np.column_stack(to_metric.transform(xy[:, 0], xy[:, 1])))
    out = []
    for y, x in zip(lat, lon, strict=True):
        point = Point(x, y)
        sea = next((n for n, g in zip(seas["sea_area"], seas.geometry) if g.contains(point)), None)
        strait = next((n for n, g in zip(straits["name_en"], straits.geometry) if g.contains(point)), "")
        out.append((sea, strait, territorial.contains(point),
                    japan.distance(Point(*to_metric.transform(x, y))) / 1000))
    return out


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--loop-n", type=int, default=10_000)
    args = parser.parse_args(argv)
    classify(*random_points(100))                      # load and cache the layers first
    lat, lon = random_points(args.n)
    started = time.perf_counter()
    classify(lat, lon)
    vectorised = time.perf_counter() - started
    small_lat, small_lon = random_points(args.loop_n)
    started = time.perf_counter()
    classify(small_lat, small_lon)
    vectorised_small = time.perf_counter() - started
    started = time.perf_counter()
    per_row(small_lat, small_lon)
    loop = time.perf_counter() - started
    result = {"n": args.n, "vectorised": vectorised, "loop_n": args.loop_n, "vectorised_small": vectorised_small,
              "loop": loop}
    print(f"join of {args.n:,} points to seas, straits, territorial sea and Japan's coast: {vectorised:.1f} s; "
          f"{args.loop_n:,} points: vectorised {vectorised_small:.2f} s, per-row loop {loop:.1f} s "
          f"(loop / vectorised = {loop / vectorised_small:.0f}x)")
    return result


if __name__ == "__main__":
    main()
