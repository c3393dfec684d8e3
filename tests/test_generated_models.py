"""No `Unset` reaches a user of the generated models, and they still write back exactly the JSON they read.

`templates/` makes openapi-python-client declare every optional field `X | None` (default None) instead of
`X | Unset` (default UNSET). These tests check it on the project's own package (every model of
`pilotstatus_api.models`, every component schema of `openapi.json`) and on a package generated here, in a test,
from `SHAPES`: a spec with the shapes the Pilot Status spec may grow into (nested and inline optional objects, inline
objects in an array, in a union or nullable, arrays of objects, nullable and optional fields in every combination,
open objects, defaults, optional request bodies, query, header and cookie parameters, a multipart body).
"""

from __future__ import annotations

import collections
import copy
import datetime
import importlib
import json
import subprocess
import sys
import types
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any, Protocol, Self, cast

import attrs
import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema
from jsonschema import Draft202012Validator
from mypy import api as mypy_api
from openapi_python_client.strings import ClassName, PythonIdentifier

import pilotstatus_api.models
from pilotstatus_api.api.calls import get_calls
from pilotstatus_api.models import Call, CallList, Voicemail
from pilotstatus_api.types import Unset
from tests._spec import JSON, LIFECYCLE_FIELDS, ROOT, documented_call, load_spec

pytestmark = pytest.mark.long  # hypothesis over every model of two generated packages, and mypy on them: started first

GENERATE = ROOT / "tools" / "generate.py"
SHAPES_PACKAGE = "shapes_api"  # the package generated from SHAPES, under a name of its own


class Model(Protocol):
    additional_properties: dict[str, Any]

    @classmethod
    def from_dict(cls, src_dict: Any) -> Self: ...

    def to_dict(self) -> dict[str, Any]: ...


def ref(name: str) -> JSON:
    return {"$ref": f"#/components/schemas/{name}"}


def operation(operation_id: str, **fields: Any) -> JSON:
    return {
        "operationId": operation_id,
        "tags": ["Things"],
        "x-pilotstatus": {"scope": "any", "idempotency": "none"},
        **fields,
    }


def returns(status: str, schema: JSON | None = None) -> JSON:
    if schema is None:
        return {status: {"description": "done"}}
    return {status: {"description": "ok", "content": {"application/json": {"schema": schema}}}}


THING_ID = {"name": "thingId", "in": "path", "required": True, "schema": {"type": "string"}}

SHAPES: JSON = {
    "openapi": "3.1.0",
    "info": {"title": "Shapes", "version": "1"},
    "paths": {
        "/things/{thingId}": {
            "get": operation(
                "getThing",
                parameters=[
                    THING_ID,
                    {"name": "limit", "in": "query", "schema": {"type": "integer", "default": 10}},
                    {"name": "since", "in": "query", "schema": {"type": "string", "format": "date-time"}},
                    {"name": "day", "in": "query", "schema": {"type": "string", "format": "date"}},
                    {"name": "kind", "in": "query", "schema": ref("Kind")},
                    {"name": "tags", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}},
                    {"name": "flag", "in": "query", "schema": {"type": ["boolean", "null"]}},
                    {"name": "mode", "in": "query", "required": True, "schema": {"type": "string"}},
                    {"name": "x-trace", "in": "header", "schema": {"type": "string"}},
                    {"name": "session", "in": "cookie", "schema": {"type": "string"}},
                ],
                responses=returns("200", ref("Thing")),
            ),
            "post": operation(
                "updateThing",
                parameters=[THING_ID],
                requestBody={"required": False, "content": {"application/json": {"schema": ref("ThingUpdate")}}},
                responses=returns("200", ref("Thing")),
            ),
        },
        "/things": {
            "post": operation(
                "createThing",
                requestBody={"required": True, "content": {"application/json": {"schema": ref("ThingUpdate")}}},
                responses=returns("201", ref("ThingList")),
            )
        },
        "/uploads": {
            "post": operation(
                "upload",
                requestBody={"required": False, "content": {"multipart/form-data": {"schema": ref("Upload")}}},
                responses=returns("204"),
            )
        },
    },
    "components": {
        "schemas": {
            "Kind": {"type": "string", "enum": ["SMALL", "LARGE"]},
            "Point": {
                "type": "object",
                "required": ["x"],
                "properties": {
                    "x": {"type": "integer"},
                    "y": {"type": ["integer", "null"]},
                    "label": {"type": "string"},
                },
            },
            "Meta": {"type": "object", "additionalProperties": True, "description": "Open: anything goes."},
            "Counts": {"type": "object", "additionalProperties": {"type": "integer"}},
            "Thing": {
                "type": "object",
                "required": ["id", "createdAt", "owner", "points"],
                "properties": {
                    "id": {"type": "string"},
                    "createdAt": {"type": "string", "format": "date-time"},
                    "owner": {"type": ["string", "null"]},  # required and nullable
                    "points": {"type": "array", "items": ref("Point")},
                    "origin": ref("Point"),  # optional, not nullable
                    "parent": {"anyOf": [ref("Point"), {"type": "null"}]},  # optional and nullable
                    "kind": {"anyOf": [ref("Kind"), {"type": "string"}]},  # an open enum
                    "maybeKind": {"anyOf": [ref("Kind"), {"type": "null"}]},
                    "updatedAt": {"type": ["string", "null"], "format": "date-time"},
                    "day": {"type": "string", "format": "date"},
                    "ref": {"type": "string", "format": "uuid"},
                    "score": {"type": "number"},
                    "retries": {"type": "integer", "default": 3},
                    "active": {"type": ["boolean", "null"]},
                    "labels": {"type": "array", "items": {"type": "string"}},
                    "history": {"type": ["array", "null"], "items": ref("Point")},
                    "grid": {"type": "array", "items": {"type": "array", "items": {"type": ["integer", "null"]}}},
                    "meta": ref("Meta"),
                    "counts": ref("Counts"),
                    "nested": {
                        "type": "object",
                        "properties": {
                            "deep": {"type": "object", "properties": {"value": {"type": ["string", "null"]}}},
                            "when": {"type": "string", "format": "date-time"},
                        },
                    },
                    "either": {"anyOf": [ref("Point"), {"type": "string"}, {"type": "null"}]},
                    "seen": {"type": ["object", "null"], "additionalProperties": True},  # inline, open and nullable
                    "stops": {  # an array of inline objects
                        "type": "array",
                        "items": {"type": "object", "required": ["at"], "properties": {"at": {"type": "integer"}}},
                    },
                    "size": {
                        "anyOf": [{"type": "object", "properties": {"side": {"type": "integer"}}}, {"type": "string"}]
                    },
                    "nothing": {"type": "null"},
                },
            },
            "ThingList": {
                "type": "object",
                "required": ["things"],
                "properties": {
                    "things": {"type": "array", "items": ref("Thing")},
                    "next": {"type": ["string", "null"]},
                    "total": {"type": "integer"},
                },
            },
            "ThingUpdate": {
                "type": "object",
                "properties": {
                    "owner": {"type": ["string", "null"]},
                    "origin": ref("Point"),
                    "kind": ref("Kind"),
                    "updatedAt": {"type": "string", "format": "date-time"},
                    "labels": {"type": "array", "items": {"type": "string"}},
                },
            },
            "Upload": {
                "type": "object",
                "required": ["name"],
                "properties": {
                    "name": {"type": "string"},
                    "note": {"type": "string"},
                    "size": {"type": ["integer", "null"]},
                },
            },
        }
    },
}


# --- reading a spec ---------------------------------------------------------------------------------------------


def resolve(document: JSON, node: JSON) -> JSON:
    """Follow local `$ref`s until a schema that is not one."""
    while "$ref" in node:
        target: Any = document
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def branches(document: JSON, schema: JSON) -> Iterator[JSON]:
    """The schema and every schema it combines (`allOf`, `anyOf`, `oneOf`), `$ref`s resolved."""
    schema = resolve(document, schema)
    yield schema
    for keyword in ("allOf", "anyOf", "oneOf"):
        for branch in schema.get(keyword, []):
            yield from branches(document, branch)


@dataclass(frozen=True)
class ObjectSchema:
    """An object schema that the generator turns into an attrs model, with what its `allOf` adds merged in."""

    schema: JSON
    properties: dict[str, JSON]
    required: frozenset[str]

    def attributes(self) -> dict[str, str]:
        """The model's attribute for each property, as the generator names it (snake case, `field_` before a name
        that is not an identifier): {attribute: key}."""
        return {PythonIdentifier(key, "field_"): key for key in self.properties}

    def optional_attributes(self) -> dict[str, str]:
        return {attribute: key for attribute, key in self.attributes().items() if key not in self.required}


def all_of(document: JSON, schema: JSON) -> Iterator[JSON]:
    """The schema and each member of its `allOf`, and of theirs (`MessageReplyEventData` adds to
    `MessageReceivedEventData`, which adds to `MessageEventData`), `$ref`s resolved."""
    schema = resolve(document, schema)
    yield schema
    for branch in schema.get("allOf", []):
        yield from all_of(document, branch)


def object_schema(document: JSON, schema: JSON) -> ObjectSchema | None:
    schema = resolve(document, schema)
    merged = list(all_of(document, schema))
    if not any(part.get("type") == "object" or "properties" in part for part in merged):
        return None
    properties: dict[str, JSON] = {}
    required: set[str] = set()
    for part in merged:
        properties.update(part.get("properties", {}))
        required.update(part.get("required", []))
    return ObjectSchema(schema, properties, frozenset(required))


def model_schemas(document: JSON) -> dict[str, ObjectSchema]:
    """Every model class the generator makes of `document`, by class name: each object component schema, and each
    object written inline in a property, named as openapi-python-client names it: by its title, or else after its
    parent class and the property's name, `_item` added for an array's items and `_type_<i>` for the i-th member of a
    union (`anyOf`, `oneOf`, a list of types such as `[object, null]`)."""
    found: dict[str, ObjectSchema] = {}

    def visit_model(class_name: str, shape: ObjectSchema) -> None:
        found[class_name] = shape
        for key, node in shape.properties.items():
            visit_property(key, node, class_name)
        extra = shape.schema.get("additionalProperties")
        if isinstance(extra, dict) and extra:
            visit_property("AdditionalProperty", extra, class_name)

    def visit_property(name: str, node: JSON, parent: str) -> None:
        combined = [*node.get("allOf", []), *node.get("anyOf", []), *node.get("oneOf", [])]
        if "$ref" in node or (len(combined) == 1 and "$ref" in combined[0]) or "enum" in node:
            return  # the referenced component's class, or a Literal type: no class of its own
        types = node.get("type")
        if "anyOf" in node or "oneOf" in node or isinstance(types, list):
            one_per_type = [{**node, "type": each} for each in types] if isinstance(types, list) else []
            for index, member in enumerate([*node.get("anyOf", []), *node.get("oneOf", []), *one_per_type]):
                title = member.get("title")
                subscript = title if title and title != node.get("title") else f"type_{index}"
                visit_property(f"{name}_{subscript}", member, parent)
        elif types == "array":
            if isinstance(node.get("items"), dict):
                visit_property(f"{name}_item", node["items"], parent)
        elif types in (None, "object") and (inline := object_schema(document, node)) is not None:
            visit_model(ClassName(node.get("title") or f"{parent}_{name}", ""), inline)

    for name, schema in document["components"]["schemas"].items():
        shape = object_schema(document, schema)
        if shape is not None:
            visit_model(ClassName(schema.get("title", name), ""), shape)
    return found


def validator(document: JSON, schema: JSON) -> Draft202012Validator:
    return Draft202012Validator(
        {**schema, "components": document["components"]}, format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def short_list(schema: JSON) -> JSON:
    """An array schema with at most two items: in a body of only the required keys, what is tested is the model's own
    optional fields, and each item is a model with tests of its own (a list of whole `Thing`s is slow to draw)."""
    if schema.get("type") != "array":
        return schema
    return {**schema, "maxItems": min(schema.get("maxItems", 2), 2)}


@cache
def bodies(package: str, name: str, *, minimal: bool = False) -> st.SearchStrategy[Any]:
    """Every body the named model's schema accepts or, `minimal`, every body with its required keys and no other."""
    document = PACKAGE_DOCUMENTS[package]()
    shape = model_schemas(document)[name]
    schema = shape.schema
    if minimal:
        properties = {key: short_list(shape.properties.get(key, {})) for key in shape.required}
        schema = {"type": "object", "properties": properties, "required": sorted(properties)}
        schema["additionalProperties"] = False
    return from_schema({**schema, "components": document["components"]}, custom_formats={"uuid": st.uuids().map(str)})


def normalized(document: JSON, value: Any, schema: JSON) -> Any:
    """`value` with every date, date-time and uuid its schema declares replaced by the value it names.

    The models write these back in Python's spelling (`+00:00` and microseconds for an instant), so a round trip
    keeps the value, not the characters; everything else must come back exactly.
    """
    candidates = list(branches(document, schema))
    if isinstance(value, str):
        parse: dict[str, Callable[[str], object]] = {
            "date-time": datetime.datetime.fromisoformat,
            "date": datetime.date.fromisoformat,
            "uuid": uuid.UUID,
        }
        for candidate in candidates:
            if candidate.get("format") in parse:
                try:
                    return parse[candidate["format"]](value)
                except ValueError:
                    pass
        return value
    if isinstance(value, dict):
        return {
            key: normalized(
                document, item, {"anyOf": [c["properties"][key] for c in candidates if key in c.get("properties", {})]}
            )
            for key, item in value.items()
        }
    if isinstance(value, list):
        items = {"anyOf": [c["items"] for c in candidates if isinstance(c.get("items"), dict)]}
        return [normalized(document, item, items) for item in value]
    return value


# --- the two packages -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Package:
    document: JSON
    models: ModuleType

    def model(self, name: str) -> type[Model]:
        model: type[Model] = getattr(self.models, name)
        return model

    def shape(self, name: str) -> ObjectSchema:
        return model_schemas(self.document)[name]


def build(model: type[Model], **values: Any) -> Model:
    """A model built in Python, as a user builds one."""
    built: Model = cast(Any, model)(**values)
    return built


def model_classes(models: ModuleType) -> dict[str, type[Any]]:
    """The attrs classes of a generated `models` package (its enums are Literal types, not classes)."""
    return {
        name: value for name in models.__all__ if isinstance(value := getattr(models, name), type) and attrs.has(value)
    }


def generate(spec: JSON, target: Path) -> None:
    spec_path = target.parent / f"{target.name}.json"
    spec_path.write_text(json.dumps(spec, indent=2))
    result = subprocess.run(
        [sys.executable, GENERATE, "--spec", spec_path, "--target", target], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def shapes_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A folder holding `shapes_api`, the package generated from SHAPES, importable while this module runs."""
    folder = tmp_path_factory.mktemp("shapes")
    generate(SHAPES, folder / SHAPES_PACKAGE)
    sys.path.insert(0, str(folder))
    try:
        yield folder
    finally:
        sys.path.remove(str(folder))
        for module in [name for name in sys.modules if name.split(".")[0] == SHAPES_PACKAGE]:
            del sys.modules[module]


@pytest.fixture(scope="module")
def packages(shapes_dir: Path) -> dict[str, Package]:
    return {
        "project": Package(load_spec(), pilotstatus_api.models),
        "shapes": Package(SHAPES, importlib.import_module(f"{SHAPES_PACKAGE}.models")),
    }


def shapes_spec() -> JSON:
    return copy.deepcopy(SHAPES)


PACKAGE_DOCUMENTS: dict[str, Callable[[], JSON]] = {"project": load_spec, "shapes": shapes_spec}
MODELS = [
    (package, name) for package, document in PACKAGE_DOCUMENTS.items() for name in sorted(model_schemas(document()))
]
MODEL_IDS = [f"{package}-{name}" for package, name in MODELS]
# hypothesis-jsonschema filters much to draw formatted strings in deeply nested bodies; what is tested is the body.
GENERATION_IS_SLOW = [HealthCheck.filter_too_much, HealthCheck.too_slow, HealthCheck.data_too_large]


def attributes(model: type[Any]) -> set[str]:
    """The attributes a model has for the properties of its schema: its public fields, but additional_properties."""
    return {field.name for field in attrs.fields(model) if field.init and field.name != "additional_properties"}


def unset_values(value: Any, path: str = "") -> Iterator[str]:
    """Where an Unset sits in a parsed value: public attributes of models, nested, in lists and in dicts."""
    if isinstance(value, Unset):
        yield path or "(the value)"
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            if not field.name.startswith("_"):
                yield from unset_values(getattr(value, field.name), f"{path}.{field.name}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from unset_values(item, f"{path}[{index}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from unset_values(item, f"{path}[{key!r}]")


# --- every model ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("package", list(PACKAGE_DOCUMENTS))
def test_the_models_found_in_the_spec_are_the_generated_model_classes(
    packages: dict[str, Package], package: str
) -> None:
    """The other tests go through model_schemas(); this proves it finds every generated model class."""
    generated = packages[package]
    assert set(model_classes(generated.models)) == set(model_schemas(generated.document))


@pytest.mark.parametrize(("package", "name"), MODELS, ids=MODEL_IDS)
def test_no_attribute_of_a_model_is_annotated_unset_and_each_optional_one_is_x_or_none(
    packages: dict[str, Package], package: str, name: str
) -> None:
    model, shape = packages[package].model(name), packages[package].shape(name)
    annotations = {field.name: str(field.type) for field in attrs.fields(cast(Any, model))}

    assert {field: annotation for field, annotation in annotations.items() if "Unset" in annotation} == {}
    assert attributes(model) == set(shape.attributes())
    for attribute in shape.optional_attributes():
        assert annotations[attribute] == "None" or annotations[attribute].endswith(" | None"), attribute


@pytest.mark.parametrize(("package", "name"), MODELS, ids=MODEL_IDS)
@settings(max_examples=3, suppress_health_check=GENERATION_IS_SLOW)
@given(data=st.data())
def test_a_body_with_only_the_required_keys_gives_none_on_every_optional_field_and_back_the_same_keys(
    packages: dict[str, Package], package: str, name: str, data: st.DataObject
) -> None:
    generated = packages[package]
    model, shape = generated.model(name), generated.shape(name)
    body = data.draw(bodies(package, name, minimal=True))
    assert validator(generated.document, shape.schema).is_valid(body), body

    parsed = model.from_dict(body)

    optional = shape.optional_attributes()
    assert {attribute: getattr(parsed, attribute) for attribute in optional} == dict.fromkeys(optional)
    assert list(unset_values(parsed)) == []
    written = parsed.to_dict()
    assert normalized(generated.document, written, shape.schema) == normalized(generated.document, body, shape.schema)
    # Built in Python from the same required values, its optional fields set to None, a model writes the same keys:
    # never a null for a field left None. Left out, an optional field takes its default: None, or the spec's.
    required = {attribute: getattr(parsed, attribute) for attribute in shape.attributes() if attribute not in optional}
    assert build(model, **required, **dict.fromkeys(optional)).to_dict() == written
    defaults = {
        key: shape.properties[key]["default"] for key in optional.values() if "default" in shape.properties[key]
    }
    assert build(model, **required).to_dict() == {**written, **defaults}


# 3 bodies a model: each one is tried with every nullable key null, one by one and all at once; the body only gives
# the required keys around them.
@pytest.mark.parametrize(("package", "name"), MODELS, ids=MODEL_IDS)
@settings(max_examples=3, suppress_health_check=GENERATION_IS_SLOW)
@given(data=st.data())
def test_an_optional_nullable_key_keeps_its_null_and_an_absent_one_stays_absent(
    packages: dict[str, Package], package: str, name: str, data: st.DataObject
) -> None:
    generated = packages[package]
    model, shape = generated.model(name), generated.shape(name)
    body = data.draw(bodies(package, name, minimal=True))
    check = validator(generated.document, shape.schema)
    nullable = [key for key in sorted(shape.properties.keys() - shape.required) if check.is_valid({**body, key: None})]

    absent = model.from_dict(body)
    for key in nullable:
        null = model.from_dict({**body, key: None})

        assert null.to_dict() == {**absent.to_dict(), key: None}, key
        assert null == absent  # the two read the same: None; only to_dict() tells them apart
        assert repr(null) == repr(absent)
    everything_null = model.from_dict({**body, **dict.fromkeys(nullable)})
    assert everything_null.to_dict() == {**absent.to_dict(), **dict.fromkeys(nullable)}
    assert model.from_dict(everything_null.to_dict()).to_dict() == everything_null.to_dict()


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=2) | st.dictionaries(st.text(max_size=5), inner, max_size=2),
    max_leaves=4,
)


def extra_values(document: JSON, shape: ObjectSchema) -> st.SearchStrategy[Any]:
    """What the schema lets an undeclared key hold: anything, unless `additionalProperties` is a schema."""
    extra = shape.schema.get("additionalProperties", True)
    if isinstance(extra, dict):
        return from_schema({**extra, "components": document["components"]})
    return JSON_VALUES


# 4 bodies a model (drawing them for over a hundred models is most of this file's time): a nested model's bodies are
# also drawn inside its parents' (CallHours inside CallingSettings, its envelope and its update, say), and the
# null-or-absent cases of every key are proven one by one by the test above. Each body is also read a second time with
# up to 3 keys the schema does not declare added (the body may hold some already): from_dict() leaves it as it was and
# keeps exactly those keys, in a dict of the model's own. (One test draws the body for both, since drawing it is most
# of their time.)
@pytest.mark.parametrize(("package", "name"), MODELS, ids=MODEL_IDS)
@settings(max_examples=4, suppress_health_check=GENERATION_IS_SLOW)
@given(data=st.data())
def test_any_body_the_schema_accepts_parses_without_unset_and_writes_back_the_same_json_and_undeclared_keys_are_kept(
    packages: dict[str, Package], package: str, name: str, data: st.DataObject
) -> None:
    generated = packages[package]
    shape = generated.shape(name)
    body = data.draw(bodies(package, name))

    parsed = generated.model(name).from_dict(body)

    assert list(unset_values(parsed)) == []
    written = parsed.to_dict()
    assert normalized(generated.document, written, shape.schema) == normalized(generated.document, body, shape.schema)
    assert list(validator(generated.document, shape.schema).iter_errors(written)) == []
    again = generated.model(name).from_dict(written)
    assert again == parsed
    assert again.to_dict() == written

    undeclared = st.text(max_size=8).filter(lambda key: key not in shape.properties)
    extras = data.draw(st.dictionaries(undeclared, extra_values(generated.document, shape), max_size=3))
    widened = {**body, **extras}
    before = copy.deepcopy(widened)

    kept = generated.model(name).from_dict(widened).additional_properties

    assert widened == before  # nothing read was removed or changed
    assert list(kept.items()) == [(key, value) for key, value in widened.items() if key not in shape.properties]
    kept["an added key"] = 1
    widened["another added key"] = 2
    assert "an added key" not in widened
    assert "another added key" not in kept


@pytest.mark.parametrize("body", [["x"], [1, 2], "a string", 5, None], ids=repr)
def test_a_body_that_is_no_mapping_is_refused_as_dict_refuses_it(body: Any) -> None:
    """TypeError or ValueError, as when from_dict() copied every body: what the webhook reader catches."""
    with pytest.raises((TypeError, ValueError)) as refused:
        dict(body)

    with pytest.raises(type(refused.value)):
        Call.from_dict(body)
    with pytest.raises(type(refused.value)):
        CallList.from_dict(body)
    with pytest.raises(type(refused.value)):
        Voicemail.from_dict(body)  # a free-form model: no field, every key its own


def test_a_mapping_that_is_no_dict_reads_as_the_dict_it_holds() -> None:
    # A key no spec declares (not `recordingUrl`, which `make adopt-drift` declares in test_adopt_drift's copy).
    body = {**documented_call(), "transcriptUrl": "https://example.com/r.txt", "startedAt": None}

    for mapping in (types.MappingProxyType(body), collections.OrderedDict(body)):
        parsed = Call.from_dict(mapping)

        assert parsed == Call.from_dict(body)
        assert parsed.to_dict() == Call.from_dict(body).to_dict()
        assert parsed.additional_properties == {"transcriptUrl": "https://example.com/r.txt"}
        assert type(parsed.additional_properties) is dict


# --- the project's models, by example ---------------------------------------------------------------------------


def ringing_call() -> JSON:
    """The documented call without its lifecycle fields, its instants spelled as the model writes them."""
    written = Call.from_dict(documented_call()).to_dict()
    return {key: value for key, value in written.items() if key not in LIFECYCLE_FIELDS}


def test_absent_and_null_lifecycle_fields_both_read_none_and_are_written_back_as_they_came() -> None:
    absent = ringing_call()
    null = {**absent, "startedAt": None, "durationSeconds": None}

    for body in (absent, null):
        call = Call.from_dict(body)
        assert (call.started_at, call.connected_at, call.ended_at, call.duration_seconds) == (None,) * 4
        assert call.to_dict() == body
    assert Call.from_dict(absent) == Call.from_dict(null)
    assert "explicit_nulls" not in repr(Call.from_dict(null))


def test_a_field_given_a_value_after_parsing_a_null_is_written_with_its_value_and_as_null_when_cleared() -> None:
    call = Call.from_dict({**ringing_call(), "endedAt": None})
    moment = datetime.datetime(2026, 7, 3, 15, 0, tzinfo=datetime.UTC)

    call.ended_at = moment
    assert call.to_dict()["endedAt"] == moment.isoformat()
    call.ended_at = None
    assert call.to_dict()["endedAt"] is None


def test_a_call_built_in_python_writes_no_key_for_a_field_left_none_and_null_for_a_required_nullable_one() -> None:
    moment = datetime.datetime(2026, 7, 3, 15, 0, tzinfo=datetime.UTC)
    call = Call(id="call_1", external_call_id=None, direction="INBOUND", status="RINGING", created_at=moment)

    assert call.to_dict() == {
        "id": "call_1",
        "externalCallId": None,
        "direction": "INBOUND",
        "status": "RINGING",
        "createdAt": moment.isoformat(),
    }
    assert (call.started_at, call.duration_seconds) == (None, None)
    call.duration_seconds = 0
    assert call.to_dict()["durationSeconds"] == 0  # a falsy value is a value, not an absent one


def test_unknown_keys_stay_in_additional_properties_beside_the_nulls() -> None:
    body = {**ringing_call(), "connectedAt": None, "recordingUrl": None, "tags": ["vip"]}
    call = Call.from_dict(body)

    assert call.additional_properties == {"recordingUrl": None, "tags": ["vip"]}
    assert call.to_dict() == body
    page = CallList.from_dict({"calls": [body], "nextCursor": None})
    assert page.notice is None
    assert page.to_dict() == {"calls": [body], "nextCursor": None}


def test_a_value_a_union_field_cannot_convert_is_kept_as_it_came() -> None:
    """As the generator's union parse does: the union's types are tried in order, the value as it came is the last.
    (templates/from_dict.jinja writes that parse as straight-line code; an open enum keeps an unknown value.)"""
    body = {**ringing_call(), "startedAt": "soon", "connectedAt": 5, "direction": "SIDEWAYS", "status": "ON_HOLD"}
    call = Call.from_dict({**body, "endedAt": "2026-07-03T15:00:00.000Z"})

    kept: tuple[object, ...] = (call.started_at, call.connected_at, call.direction, call.status)
    assert kept == ("soon", 5, "SIDEWAYS", "ON_HOLD")
    assert call.ended_at == datetime.datetime(2026, 7, 3, 15, 0, tzinfo=datetime.UTC)
    with pytest.raises(ValueError, match="soon"):  # a required date-time is no union: it must parse
        Call.from_dict({**body, "createdAt": "soon"})


def test_a_call_reads_each_instant_as_its_own_text_says_whichever_came_alike_failed_or_was_null() -> None:
    """from_dict() parses a date-time written as the one before it once (templates/from_dict.jinja): what each field
    reads is still what its own text says, and a text that failed to parse or a null is never taken for another's."""
    created, later = "2026-07-03T15:00:00.000Z", "2026-07-03T15:02:05.000Z"
    instant = datetime.datetime.fromisoformat
    body = {**ringing_call(), "createdAt": created, "startedAt": created, "connectedAt": later, "endedAt": later}

    call = Call.from_dict({**body, "updatedAt": later})
    read = (call.created_at, call.started_at, call.connected_at, call.ended_at, call.updated_at)
    assert read == (instant(created), instant(created), instant(later), instant(later), instant(later))

    kept = Call.from_dict(
        {**body, "startedAt": "soon", "connectedAt": created, "endedAt": "soon", "updatedAt": created}
    )
    as_read: tuple[object, ...] = (kept.started_at, kept.connected_at, kept.ended_at)  # a union keeps its text
    assert as_read == ("soon", instant(created), "soon")
    assert kept.updated_at == instant(created)
    with pytest.raises(ValueError, match="soon"):  # not a union: it must parse, though a union field kept the text
        Call.from_dict({**body, "endedAt": "soon", "updatedAt": "soon"})
    with pytest.raises(TypeError):  # not nullable: a null is refused, as ever
        Call.from_dict({**body, "endedAt": None, "updatedAt": None})
    assert Call.from_dict({**body, "startedAt": None}).started_at is None


def test_a_nested_model_in_a_union_is_parsed_and_an_object_that_is_not_one_is_kept_as_it_came(
    packages: dict[str, Package],
) -> None:
    thing = packages["shapes"].model("Thing")
    body: JSON = {"id": "t", "createdAt": "2026-07-03T15:00:00Z", "owner": None, "points": []}

    parsed = cast(Any, thing.from_dict({**body, "parent": {"x": 1}, "either": {"y": 2}, "history": [{"x": 3}]}))
    assert (parsed.parent.x, parsed.either, parsed.history[0].x) == (1, {"y": 2}, 3)
    assert cast(Any, thing.from_dict({**body, "history": [{"y": 4}]})).history == [{"y": 4}]


def test_list_calls_sends_no_parameter_left_none() -> None:
    assert get_calls._get_kwargs()["params"] == {"limit": 25}
    assert get_calls._get_kwargs(limit=None, before=None)["params"] == {}
    before = datetime.datetime(2026, 7, 3, 15, 0, tzinfo=datetime.UTC)
    assert get_calls._get_kwargs(limit=10, before=before)["params"] == {"limit": 10, "before": before.isoformat()}


# --- the SHAPES package: request side ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def things(shapes_dir: Path) -> ModuleType:
    return importlib.import_module(f"{SHAPES_PACKAGE}.api.things")


def submodule(package: ModuleType, name: str) -> Any:
    return importlib.import_module(f"{package.__name__}.{name}")


def test_optional_query_header_and_cookie_parameters_left_none_are_not_sent(things: ModuleType) -> None:
    get_thing = submodule(things, "get_thing")

    left_out = get_thing._get_kwargs("t 1", mode="m")
    assert (left_out["url"], left_out["params"], left_out["cookies"]) == (
        "/things/t%201",
        {"limit": 10, "mode": "m"},
        {},
    )
    assert "x-trace" not in left_out["headers"]
    none = get_thing._get_kwargs(
        "t", mode="m", limit=None, since=None, day=None, kind=None, tags=None, flag=None, x_trace=None, session=None
    )
    assert (none["params"], none["cookies"], none["headers"]) == ({"mode": "m"}, {}, {})


def test_optional_parameters_given_are_sent_falsy_values_included(things: ModuleType) -> None:
    get_thing = submodule(things, "get_thing")
    since = datetime.datetime(2026, 7, 3, 15, 0, tzinfo=datetime.UTC)

    sent = get_thing._get_kwargs(
        "t",
        mode="m",
        limit=0,
        since=since,
        day=datetime.date(2026, 7, 3),
        kind="LARGE",
        tags=["a", "b"],
        flag=False,
        x_trace="abc",
        session="s1",
    )
    assert sent["params"] == {
        "mode": "m",
        "limit": 0,
        "since": since.isoformat(),
        "day": "2026-07-03",
        "kind": "LARGE",
        "tags": ["a", "b"],
        "flag": False,
    }
    assert (sent["headers"], sent["cookies"]) == ({"x-trace": "abc"}, {"session": "s1"})


def test_an_optional_json_body_left_none_is_not_sent_and_its_fields_left_none_are_not_written(
    things: ModuleType, packages: dict[str, Package]
) -> None:
    update_thing = submodule(things, "update_thing")
    thing_update = packages["shapes"].model("ThingUpdate")

    assert "json" not in update_thing._get_kwargs("t")
    assert "json" not in update_thing._get_kwargs("t", body=None)
    assert update_thing._get_kwargs("t", body=thing_update())["json"] == {}
    assert update_thing._get_kwargs("t", body=thing_update.from_dict({"owner": None}))["json"] == {"owner": None}
    create_thing = submodule(things, "create_thing")
    assert create_thing._get_kwargs(body=thing_update.from_dict({"labels": []}))["json"] == {"labels": []}


def test_an_optional_multipart_body_left_none_is_not_sent_nor_its_fields_left_none(
    things: ModuleType, packages: dict[str, Package]
) -> None:
    upload = submodule(things, "upload")
    model = packages["shapes"].model("Upload")

    assert "files" not in upload._get_kwargs()
    assert "files" not in upload._get_kwargs(body=None)
    for body in (build(model, name="a.txt"), build(model, name="a.txt", note=None, size=None)):
        assert [name for name, _ in upload._get_kwargs(body=body)["files"]] == ["name"]
    files = upload._get_kwargs(body=build(model, name="a.txt", size=0))["files"]
    assert [(name, value[1]) for name, value in files] == [("name", b"a.txt"), ("size", b"0")]


def test_the_generated_client_sends_only_what_is_given_and_parses_none_for_what_is_absent(
    things: ModuleType, packages: dict[str, Package]
) -> None:
    update_thing = submodule(things, "update_thing")
    client_module = importlib.import_module(f"{SHAPES_PACKAGE}.client")
    requests: list[httpx.Request] = []
    thing = {"id": "t", "createdAt": "2026-07-03T15:00:00+00:00", "owner": None, "points": [{"x": 1, "y": None}]}

    def serve(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        return httpx.Response(200, json=thing)

    transport = httpx.MockTransport(serve)
    with client_module.Client(base_url="https://shapes.test", httpx_args={"transport": transport}) as client:
        nothing_sent = update_thing.sync(client=client, thing_id="t")
        update = build(packages["shapes"].model("ThingUpdate"), labels=["a"])
        update_thing.sync(client=client, thing_id="t", body=update)

    assert [json.loads(request.content) if request.content else None for request in requests] == [
        None,
        {"labels": ["a"]},
    ]
    got = (nothing_sent.origin, nothing_sent.parent, nothing_sent.retries, nothing_sent.points[0].label)
    assert got == (None,) * 4
    assert nothing_sent.to_dict() == thing


# --- types, as mypy --strict shows them to a user ---------------------------------------------------------------


@pytest.fixture(scope="module")
def mypy_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One mypy cache for this module's runs: the standard library, attrs and httpx are analysed once, not per run
    (mypy re-checks whatever changed, so sharing it changes no result)."""
    return tmp_path_factory.mktemp("mypy-cache")


def run_mypy(tmp_path: Path, cache: Path, search_path: Path, *targets: Path) -> str:
    """mypy --strict (not the project's settings) on `targets`, importing the generated package from `search_path`."""
    config = tmp_path / "mypy.ini"
    config.write_text(f"[mypy]\nstrict = True\nmypy_path = {search_path}\ncache_dir = {cache}\n")
    # mypy raises the process's recursion limit for itself (to 2**14) and leaves it there: restored, so that the
    # tests run after it in this process see Python's own limit (a body nested too deeply must still be refused).
    limit = sys.getrecursionlimit()
    try:
        stdout, stderr, _ = mypy_api.run(["--config-file", str(config), *map(str, targets)])
    finally:
        sys.setrecursionlimit(limit)
    return stdout + stderr


def revealed_types(package: str, models: ModuleType, search_path: Path, tmp_path: Path, cache: Path) -> dict[str, str]:
    """mypy --strict's type of every public attribute of every model of a generated package, by `Model.attribute`."""
    classes = model_classes(models)
    lines = [f"from {package}.models import {', '.join(sorted(classes))}", ""]
    names: list[str] = []
    for name, model in sorted(classes.items()):
        lines.append(f"def check_{name}(value: {name}) -> None:")
        for attribute in sorted(attributes(model)):
            names.append(f"{name}.{attribute}")
            lines.append(f"    reveal_type(value.{attribute})")
        lines.append("    ...")
    snippet = tmp_path / "uses_the_models.py"
    snippet.write_text("\n".join(lines) + "\n")
    output = run_mypy(tmp_path, cache, search_path, snippet)
    revealed = [
        line.split('Revealed type is "', 1)[1].rstrip('"') for line in output.splitlines() if "Revealed" in line
    ]
    assert len(revealed) == len(names), output
    return dict(zip(names, revealed, strict=True))


@pytest.mark.slow
@pytest.mark.parametrize("package", list(PACKAGE_DOCUMENTS))
def test_mypy_shows_every_optional_attribute_as_x_or_none_and_none_as_unset(
    packages: dict[str, Package], shapes_dir: Path, tmp_path: Path, mypy_cache: Path, package: str
) -> None:
    search_path, name = (
        (ROOT / "generated", "pilotstatus_api") if package == "project" else (shapes_dir, SHAPES_PACKAGE)
    )
    generated = packages[package]

    types = revealed_types(name, generated.models, search_path, tmp_path, mypy_cache)

    assert {attribute: shown for attribute, shown in types.items() if "Unset" in shown} == {}
    for model_name in model_classes(generated.models):
        for attribute in generated.shape(model_name).optional_attributes():
            assert types[f"{model_name}.{attribute}"].endswith("None"), (model_name, attribute)


@pytest.mark.slow
def test_the_generated_models_and_endpoints_pass_mypy_strict(
    shapes_dir: Path, tmp_path: Path, mypy_cache: Path
) -> None:
    """Only the generator's own client.py is left out: its `__exit__(*args)` does not type-check under this mypy."""
    output = run_mypy(tmp_path, mypy_cache, shapes_dir, shapes_dir / SHAPES_PACKAGE)

    errors = [line for line in output.splitlines() if ": error:" in line and "client.py" not in line]
    assert errors == [], output
