"""Build Dash callback requests the way the browser sends them, for server tests and load benchmarks.

A request names the callback by its output key and carries every input and state value;
this builds one from the app's ``/_dash-dependencies`` list so the payloads follow the app.
"""

from __future__ import annotations


def outputs_of(key: str) -> list[dict]:
    """``..a.b...c.d..`` (or ``a.b``) as [{"id": "a", "property": "b"}, ...]."""
    parts = key[2:-2].split("...") if key.startswith("..") else [key]
    return [dict(zip(("id", "property"), part.rsplit(".", 1), strict=True)) for part in parts]


def callback_body(dependencies: list[dict], output_id: str, changed: str, values: dict) -> dict:
    """The POST body for the callback that writes ``output_id``, with ``changed`` as the trigger.

    ``values`` maps component ids to the value of the input or state property sent.
    """
    dependency = next(d for d in dependencies if any(o["id"] == output_id for o in outputs_of(d["output"])))
    return dependency_body(dependency, changed, values)


def dependency_body(dependency: dict, changed: str, values: dict) -> dict:
    """The POST body for one entry of ``/_dash-dependencies`` (see :func:`callback_body`)."""
    outputs = outputs_of(dependency["output"])

    def props(items):
        return [{"id": i["id"], "property": i["property"], "value": values.get(i["id"])} for i in items]

    return {"output": dependency["output"], "outputs": outputs if len(outputs) > 1 else outputs[0],
            "inputs": props(dependency["inputs"]), "state": props(dependency["state"]),
            "changedPropIds": [changed]}


def triggered_by(dependencies: list[dict], prop: str) -> list[dict]:
    """The server callbacks with ``prop`` ("id.property") among their inputs: what a change of it fires."""
    component, name = prop.rsplit(".", 1)
    return [d for d in dependencies if not d.get("clientside_function")
            and any(i["id"] == component and i["property"] == name for i in d["inputs"])]
