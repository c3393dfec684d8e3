"""The superset rule on small documents: each kind of loss is named, each allowed refinement is let through."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

from tests._spec import JSON
from tests._superset import UPSTREAM_LABEL, superset_gaps, unlabelled_additions

UPSTREAM: JSON = {
    "openapi": "3.1.0",
    "info": {"title": "T", "version": "1"},
    "tags": [{"name": "Items", "description": "Things"}],
    "paths": {
        "/items/{itemId}": {
            "parameters": [{"name": "itemId", "in": "path", "required": True, "schema": {"type": "string"}}],
            "post": {
                "tags": ["Items"],
                "operationId": "post_item",
                "parameters": [{"name": "count", "in": "query", "schema": {"type": "string"}, "example": "3"}],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "required": ["mode"],
                                "properties": {
                                    "mode": {"type": "string", "enum": ["talk", "listen"]},
                                    "limits": {
                                        "type": "array",
                                        "items": {"type": "object", "properties": {"max": {"type": "integer"}}},
                                    },
                                },
                            },
                            "example": {"mode": "talk"},
                        }
                    },
                },
                "responses": {
                    "200": {
                        "description": "OK",
                        "headers": {"X-Rate": {"description": "Rate", "schema": {"type": "string"}}},
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Item"}}},
                    }
                },
            },
        }
    },
    "components": {
        "schemas": {"Item": {"type": "object", "properties": {"status": {"type": "string", "description": "S"}}}}
    },
}

OPERATION = ("paths", "/items/{itemId}", "post")
BODY_SCHEMA = (*OPERATION, "requestBody", "content", "application/json", "schema")


def at(document: JSON, *keys: str | int) -> Any:
    node: Any = document
    for key in keys:
        node = node[key]
    return node


def test_an_unchanged_copy_has_no_gaps() -> None:
    assert superset_gaps(UPSTREAM, copy.deepcopy(UPSTREAM)) == []


REFINEMENTS: dict[str, Callable[[JSON], Any]] = {
    "a query parameter narrowed to an integer": lambda d: at(d, *OPERATION, "parameters", 0).update(
        schema={"type": "integer", "minimum": 1}, example=3
    ),
    "a body schema moved into a component": lambda d: (
        d["components"]["schemas"].update(Body=at(d, *BODY_SCHEMA)),
        at(d, *OPERATION, "requestBody", "content", "application/json").update(
            schema={"$ref": "#/components/schemas/Body"}
        ),
    ),
    "an enum opened with anyOf": lambda d: at(d, *BODY_SCHEMA, "properties").update(
        mode={"anyOf": [{"type": "string", "enum": ["talk", "listen", "mute"]}, {"type": "string"}]}
    ),
    "a schema given a format and a new property": lambda d: at(d, "components", "schemas", "Item").update(
        properties={"status": {"type": "string", "description": "S", "format": "x"}, "new": {"type": "string"}}
    ),
    "an example moved into examples": lambda d: at(d, *OPERATION, "requestBody", "content").update(
        {"application/json": {"schema": at(d, *BODY_SCHEMA), "examples": {"a": {"value": {"mode": "talk"}}}}}
    ),
    "a nullable property": lambda d: at(d, "components", "schemas", "Item", "properties", "status").update(
        type=["string", "null"]
    ),
}


@pytest.mark.parametrize("refine", REFINEMENTS.values(), ids=REFINEMENTS.keys())
def test_an_allowed_refinement_has_no_gaps(refine: Callable[[JSON], Any]) -> None:
    ours = copy.deepcopy(UPSTREAM)
    refine(ours)
    assert superset_gaps(UPSTREAM, ours) == []


LOSSES: dict[str, tuple[Callable[[JSON], Any], str]] = {
    "a path-level parameter": (lambda d: at(d, "paths", "/items/{itemId}").pop("parameters"), "path:itemId"),
    "an enum value": (lambda d: at(d, *BODY_SCHEMA, "properties", "mode").update(enum=["talk"]), "'listen'"),
    "a required property made optional": (lambda d: at(d, *BODY_SCHEMA).pop("required"), "`mode`"),
    "a nested property": (lambda d: at(d, *BODY_SCHEMA, "properties", "limits", "items", "properties").clear(), "max"),
    "a component's property description": (
        lambda d: at(d, "components", "schemas", "Item", "properties", "status").pop("description"),
        "status",
    ),
    "a component": (lambda d: at(d, "components", "schemas").clear(), "Item"),
    "a property's type in a body": (
        lambda d: at(d, *BODY_SCHEMA, "properties", "mode").update(type="integer", enum=[1]),
        "mode",
    ),
    "a header": (lambda d: at(d, *OPERATION, "responses", "200").pop("headers"), "X-Rate"),
    "a header's description": (
        lambda d: at(d, *OPERATION, "responses", "200", "headers", "X-Rate").update(description="R"),
        "X-Rate",
    ),
    "the request body": (lambda d: at(d, *OPERATION).pop("requestBody"), "requestBody"),
    "the request body's requiredness": (lambda d: at(d, *OPERATION, "requestBody").update(required=False), "required"),
    "a request body example": (
        lambda d: at(d, *OPERATION, "requestBody", "content", "application/json").update(example={"mode": "listen"}),
        "example",
    ),
    "a tag's description": (lambda d: d["tags"][0].update(description="Other"), "Items"),
    "the title": (lambda d: d["info"].update(title="U"), "title"),
}


@pytest.mark.parametrize(("lose", "named"), LOSSES.values(), ids=LOSSES.keys())
def test_each_kind_of_loss_is_named(lose: Callable[[JSON], Any], named: str) -> None:
    ours = copy.deepcopy(UPSTREAM)
    lose(ours)
    gaps = superset_gaps(UPSTREAM, ours)
    assert gaps != []
    assert named in "\n".join(gaps)


# --- partial and translated blocks, extended descriptions ------------------------------------------------------

PARTIAL_UPSTREAM: JSON = {
    "openapi": "3.1.0",
    "info": {"title": "T", "version": "1"},
    "paths": {
        "/p": {
            "get": {
                "operationId": "get_p",
                "description": "Probes a thing.",
                "responses": {
                    "200": {
                        "description": "OK",
                        "content": {"application/json": {"example": {"actions": [{"action_name": "start_call"}]}}},
                    }
                },
            }
        }
    },
}


def _ours_of_partial() -> JSON:
    ours = copy.deepcopy(PARTIAL_UPSTREAM)
    ours["paths"]["/p"]["get"]["responses"]["200"]["content"]["application/json"]["example"] = {
        "actions": [{"action_name": "start_call", "can_perform_action": True}, {"action_name": "x"}],
        "permission": {"status": "temporary"},
    }
    return ours


def test_a_partial_blocks_example_may_be_the_beginning_of_ours() -> None:
    assert superset_gaps(PARTIAL_UPSTREAM, _ours_of_partial(), partial=True) == []
    assert superset_gaps(PARTIAL_UPSTREAM, _ours_of_partial()) != []  # a whole block's example is kept whole


def test_a_partial_blocks_example_that_ours_changes_is_named() -> None:
    ours = _ours_of_partial()
    ours["paths"]["/p"]["get"]["responses"]["200"]["content"]["application/json"]["example"]["actions"][0][
        "action_name"
    ] = "send_call_permission_request"
    assert superset_gaps(PARTIAL_UPSTREAM, ours, partial=True) != []


def test_a_description_may_go_on_after_upstreams_words_but_not_change_them() -> None:
    ours = copy.deepcopy(PARTIAL_UPSTREAM)
    ours["paths"]["/p"]["get"]["description"] = "Probes a thing.\n\nStricter than upstream: ..."
    assert superset_gaps(PARTIAL_UPSTREAM, ours) == []
    ours["paths"]["/p"]["get"]["description"] = "Probes a thingamajig."
    assert superset_gaps(PARTIAL_UPSTREAM, ours) != []
    ours["paths"]["/p"]["get"]["description"] = "Probes."
    assert superset_gaps(PARTIAL_UPSTREAM, ours) != []


def test_a_translated_blocks_prose_is_not_compared_but_its_values_are() -> None:
    translated = copy.deepcopy(PARTIAL_UPSTREAM)
    translated["info"]["title"] = "API T"
    translated["paths"]["/p"]["get"]["description"] = "Sonda uma coisa."
    translated["paths"]["/p"]["get"]["responses"]["200"]["description"] = "Certo"
    assert superset_gaps(translated, PARTIAL_UPSTREAM, translated=True) == []
    assert superset_gaps(translated, PARTIAL_UPSTREAM) != []
    translated["paths"]["/p"]["get"]["operationId"] = "obter_p"
    assert superset_gaps(translated, PARTIAL_UPSTREAM, translated=True) != []


# --- sections of ours that upstream lacks ------------------------------------------------------------------------


def _with_webhook(label: Any) -> JSON:
    ours = copy.deepcopy(UPSTREAM)
    operation: JSON = {"requestBody": {"content": {}}, "responses": {"2XX": {"description": "ok"}}}
    if label is not None:
        operation[UPSTREAM_LABEL] = label
    ours["webhooks"] = {"item.made": {"post": operation}}
    return ours


def test_a_labelled_webhook_and_tags_upstream_carries_are_accounted_for() -> None:
    upstream = copy.deepcopy(UPSTREAM)
    del upstream["tags"]  # upstream's operations carry the tag; only ours lists it
    assert unlabelled_additions([upstream], _with_webhook("Documented in prose; the fields are inferred.")) == []


@pytest.mark.parametrize("label", [None, "", "  ", 7], ids=["absent", "empty", "blank", "not text"])
def test_a_webhook_without_a_label_is_named(label: Any) -> None:
    gaps = unlabelled_additions([UPSTREAM], _with_webhook(label))
    assert len(gaps) == 1
    assert "webhooks/item.made POST" in gaps[0]
    assert UPSTREAM_LABEL in gaps[0]


def test_a_webhook_entry_without_an_operation_is_named() -> None:
    ours = _with_webhook("labelled")
    ours["webhooks"]["item.gone"] = {"summary": "nothing to send"}
    assert unlabelled_additions([UPSTREAM], ours) == ["webhooks/item.gone: no operation"]


def test_a_tag_no_upstream_operation_carries_is_named() -> None:
    upstream = copy.deepcopy(UPSTREAM)
    del upstream["tags"]
    ours = copy.deepcopy(UPSTREAM)
    ours["tags"].append({"name": "Gadgets", "description": "ours alone"})
    assert unlabelled_additions([upstream], ours) == ["tag 'Gadgets' is carried by no upstream operation"]


def test_a_new_section_without_a_rule_is_named_and_one_upstream_has_is_not() -> None:
    ours = copy.deepcopy(UPSTREAM)
    ours["externalDocs"] = {"url": "https://example.test"}
    gaps = unlabelled_additions([UPSTREAM], ours)
    assert len(gaps) == 1
    assert "`externalDocs`" in gaps[0]
    assert unlabelled_additions([{**UPSTREAM, "externalDocs": {"url": "https://example.test"}}], ours) == []


@pytest.mark.parametrize("label", [None, "", 7], ids=["absent", "empty", "not text"])
def test_an_operation_no_block_publishes_is_named_unless_labelled(label: Any) -> None:
    ours = copy.deepcopy(UPSTREAM)
    operation: JSON = {"operationId": "get_q", "responses": {"200": {"description": "ok"}}}
    if label is not None:
        operation[UPSTREAM_LABEL] = label
    ours["paths"]["/q"] = {"get": operation}
    assert unlabelled_additions([UPSTREAM], ours) == [
        f"GET /q: published by no upstream block, and no {UPSTREAM_LABEL} saying where it comes from"
    ]
    operation[UPSTREAM_LABEL] = "Documented in prose only."
    assert unlabelled_additions([UPSTREAM], ours) == []
