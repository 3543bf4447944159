"""Callback requests checked against the app's own declarations before Dash runs a callback.

Dash trusts the body of ``/_dash-update-component``: a hand-made request can name an unknown
output, drop an input or send a list where a component declares a string, and the callback
then fails with a 500. :func:`request_problem` compares a parsed body with the callback map
(which ids and properties, in which order) and with each property's declared type (the
annotations Dash generates on every component's ``__init__``), and names the first problem.
"""

from __future__ import annotations

import inspect
import sys
import types
import typing
from dataclasses import dataclass

from dash import Dash
from dash._utils import split_callback_id
from dash.development.base_component import Component
from typeguard import CollectionCheckStrategy, TypeCheckError, check_type

#: Most JSON values (objects, arrays, scalars) one request may hold: bounds the type checks' work.
MAX_VALUES = 50_000
#: Longest piece of a client's value quoted back in a message.
QUOTE_CHARS = 60

Prop = tuple[str, str]   # (component id, property)


@dataclass(frozen=True)
class Callback:
    """What the browser must send for one callback: its outputs, inputs and state, in order."""

    outputs: tuple[Prop, ...]
    multi: bool
    inputs: tuple[Prop, ...]
    state: tuple[Prop, ...]


@dataclass(frozen=True)
class Contract:
    """Every callback of an app by output key, and the declared type of each property they read."""

    callbacks: dict[str, Callback]
    types: dict[Prop, tuple[str, object]]   # (component class name, type)


def app_contract(app: Dash) -> Contract:
    """The contract of ``app`` (call after its layout and callbacks are set).

    Only string ids are supported: a pattern-matching callback raises ``ValueError`` here, at
    start-up, so this check is extended before such a callback can be served unchecked.
    """
    callbacks = {}
    for key, declared in app.callback_map.items():
        split = split_callback_id(key)
        outputs = [split] if isinstance(split, dict) else split
        callback = Callback(_props(outputs), isinstance(split, list), _props(declared["inputs"]),
                            _props(declared["state"]))
        for component_id, _ in callback.outputs + callback.inputs + callback.state:
            if component_id.startswith("{"):
                raise ValueError(f"pattern-matching id {component_id} in callback {key}: "
                                 "dashboard/callback_requests.py checks string ids only; extend it first")
        callbacks[key] = callback
    read = {prop for callback in callbacks.values() for prop in callback.inputs + callback.state}
    classes = _component_classes(app.layout)
    prop_types = {(cid, prop): (classes[cid].__name__, _declared_type(classes[cid], prop))
                  for cid, prop in read if cid in classes}
    return Contract(callbacks, prop_types)


def request_problem(body: object, contract: Contract) -> str | None:
    """The first thing wrong with the parsed callback request ``body``, or None when it is well-formed."""
    if not isinstance(body, dict):
        return f"the body is a JSON {_json_kind(body)}, not an object"
    if _counts_more_than(body, MAX_VALUES):
        return f"the body holds more than {MAX_VALUES:,} values"
    output = body.get("output")
    callback = contract.callbacks.get(output) if isinstance(output, str) else None
    if callback is None:
        return f"unknown output {_quote(output)}"
    outputs = body.get("outputs")
    sent = outputs if callback.multi else [outputs]
    if not isinstance(sent, list) or _sent_props(sent) != callback.outputs:
        return "'outputs' does not match the outputs of this callback"
    for field, declared in (("inputs", callback.inputs), ("state", callback.state)):
        items = body.get(field, [] if field == "state" and not declared else None)
        if not isinstance(items, list) or _sent_props(items) != declared:
            wanted = ", ".join(f"{cid}.{prop}" for cid, prop in declared) or "nothing"
            return f"'{field}' must list {wanted}, in that order"
        problem = next(filter(None, (_value_problem(item, contract) for item in items)), None)
        if problem:
            return problem
    changed = body.get("changedPropIds", [])
    triggers = {f"{cid}.{prop}" for cid, prop in callback.inputs}
    if not isinstance(changed, list) or not all(isinstance(c, str) and c in triggers for c in changed):
        return f"'changedPropIds' must name inputs of this callback, got {_quote(changed)}"
    return None


def _props(items) -> tuple[Prop, ...]:
    return tuple((item["id"], item["property"]) for item in items)


def _sent_props(items: list) -> tuple | None:
    """(id, property) pairs of what the client sent, or None when an item is not such a pair."""
    if not all(isinstance(item, dict) and isinstance(item.get("id"), str) and isinstance(item.get("property"), str)
               for item in items):
        return None
    return _props(items)


def _value_problem(item: dict, contract: Contract) -> str | None:
    """Why ``item["value"]`` does not fit its property's declared type (null always fits: unset)."""
    value = item.get("value")
    declared = contract.types.get((item["id"], item["property"]))
    if value is None or declared is None:
        return None
    component, expected = declared
    try:
        check_type(value, expected, collection_check_strategy=CollectionCheckStrategy.ALL_ITEMS)
    except TypeCheckError:
        return (f"{item['id']}.{item['property']} cannot be the JSON {_json_kind(value)} {_quote(value)} "
                f"(see the {component} component's '{item['property']}' property)")
    return None


def _component_classes(layout) -> dict[str, type]:
    """Component class by id for every component of the layout. A layout function (one page per
    language, :mod:`dashboard.i18n`) is called once here, outside a request: its pages share
    every id and class, so the default language's page declares them for all."""
    if callable(layout) and not isinstance(layout, Component):
        layout = layout()
    if not isinstance(layout, Component):
        return {}
    components = [layout, *layout._traverse()]
    return {c.id: type(c) for c in components if isinstance(c, Component) and isinstance(getattr(c, "id", None), str)}


def _declared_type(component: type, prop: str) -> object:
    """The type Dash declares for ``component.prop``, forward references resolved (``typing.Any`` if none)."""
    parameter = inspect.signature(component.__init__).parameters.get(prop)
    if parameter is None or parameter.annotation is inspect.Parameter.empty:
        return typing.Any
    holder = types.SimpleNamespace(__annotations__={prop: parameter.annotation})
    return typing.get_type_hints(holder, globalns=vars(sys.modules[component.__module__]),
                                 localns=dict(vars(component)), include_extras=True)[prop]


def _counts_more_than(value: object, limit: int) -> bool:
    """Whether ``value`` holds more than ``limit`` JSON values, counting no further than ``limit``."""
    pending, seen = [value], 1
    while pending:
        item = pending.pop()
        seen += len(item)
        if seen > limit:
            return True
        children = item.values() if isinstance(item, dict) else item
        pending.extend(child for child in children if isinstance(child, (dict, list)))
    return False


def _json_kind(value: object) -> str:
    return {dict: "object", list: "array", str: "string", bool: "boolean", int: "number",
            float: "number", type(None): "null"}.get(type(value), type(value).__name__)


def _quote(value: object) -> str:
    text = repr(value)
    return text if len(text) <= QUOTE_CHARS else text[:QUOTE_CHARS] + "..."
