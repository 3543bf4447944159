"""Command line for the geography: ``python -m geo locate "TEXT"``.

Prints one JSON object (lat, lon, anchor, distance_km, bearing_deg, sea_area, strait);
exits 2 with the reason on stderr when the text cannot be located.
"""

from __future__ import annotations

import argparse
import json
import sys

import pandas as pd

from geo.locate import LocateError, locate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geo", description="Straitwatch geography tools.")
    commands = parser.add_subparsers(dest="command", required=True)
    locate_cmd = commands.add_parser("locate", help="turn a report's position phrase into a point")
    locate_cmd.add_argument("text", help="e.g. 'about 180 km east-northeast of Cape Erimo'")
    args = parser.parse_args(argv)
    try:
        found = locate(args.text)
    except LocateError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    from geo.join import classify   # loads the layers: only once a point exists

    place = classify(pd.Series([found.lat]), pd.Series([found.lon])).iloc[0]
    print(json.dumps({
        "lat": found.lat, "lon": found.lon, "anchor": found.anchor,
        "distance_km": found.distance_km, "bearing_deg": found.bearing_deg,
        "sea_area": place["sea_area"], "strait": place["in_strait"] or None,
    }, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
