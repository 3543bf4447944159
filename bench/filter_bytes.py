"""Bytes a filter change sends: every server callback the spec store fires, posted with the Flask
test client as the browser would, per tab shown (issue 21: a hidden tab sends nothing).

Run: ``python -m bench.filter_bytes`` (prints one line per filter and tab; no asserts).
"""

from __future__ import annotations

from dashboard import ids
from dashboard.factory import create_app
from dashboard.views import TABS
from tests.dash_requests import dependency_body, triggered_by

FILTERS = {"everything": {}, "Tsugaru": {"straits": ["Tsugaru"]}, "2022": {"start": "2022-01-01", "end": "2022-12-31"}}


def filter_bytes(client, dependencies, spec: dict, tab: str) -> dict[str, int]:
    """Uncompressed response bytes of each callback a change of the spec store to ``spec`` fires."""
    values = {ids.SPEC: spec, ids.SHOW_EVENTS: ["events"], ids.URL: "http://127.0.0.1/",
              ids.MAP_SIZE: {"width": 800, "height": 600}, ids.VIEW_TABS: tab}
    sizes = {}
    for dependency in triggered_by(dependencies, f"{ids.SPEC}.data"):
        response = client.post("/_dash-update-component", json=dependency_body(dependency, f"{ids.SPEC}.data", values),
                               headers={"Accept-Encoding": "identity"})
        sizes[dependency["output"][:60]] = len(response.data)
    return sizes


def main() -> None:
    app = create_app("data/sightings.csv")
    client = app.server.test_client()
    dependencies = client.get("/_dash-dependencies").get_json()
    for name, spec in FILTERS.items():
        for tab in TABS:
            sizes = filter_bytes(client, dependencies, spec, tab)
            print(f"{name:>10} · tab {tab:<10} {sum(sizes.values()):>10,} bytes in {len(sizes)} responses")


if __name__ == "__main__":
    main()
