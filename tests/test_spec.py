"""`openapi.json` is a valid OpenAPI 3.1 document, a faithful superset of what upstream publishes, and every
example in it (and in upstream) holds against its schema."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openapi_spec_validator import validate
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

from tests._spec import (
    JSON,
    LIFECYCLE_FIELDS,
    ROOT,
    UPSTREAM_DIR,
    Example,
    component_schema,
    documented_call,
    error_responses,
    inlined,
    is_partial,
    is_translation,
    last_branch,
    list_calls_operation,
    load_spec,
    load_upstream,
    media_examples,
    operations,
    resolve,
    response_examples,
    response_schema,
    upstream_paths,
    validator,
)
from tests._superset import UPSTREAM_LABEL, superset_gaps, unlabelled_additions

PUBLISHED = ROOT.parent / "shared" / "upstream"
"""The published blocks, one folder per area of the documentation, when the reference material is beside the
checkout."""


def published_copies() -> dict[str, Path]:
    """Each published block by its file name, whatever its area's folder."""
    return {path.name: path for path in sorted(PUBLISHED.glob("*/*.yaml"))}


def messages(schema: JSON, instance: Any) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator(schema).iter_errors(instance)]


# --- the document ---------------------------------------------------------------------------------------------


def test_openapi_json_is_a_valid_openapi_3_1_document() -> None:
    spec = load_spec()
    assert spec["openapi"].startswith("3.1.")
    validate(spec)


def test_the_document_validator_rejects_a_broken_document() -> None:
    spec = load_spec()
    list_calls_operation(spec)["responses"] = "none"
    with pytest.raises(OpenAPIValidationError):
        validate(spec)


# --- faithful to upstream -------------------------------------------------------------------------------------


@pytest.mark.parametrize("block", upstream_paths(), ids=lambda path: path.name)
def test_vendored_block_names_its_source_and_is_the_published_text(block: Path) -> None:
    assert block.read_text(encoding="utf-8").startswith("# Source: https://")
    if not PUBLISHED.is_dir():
        pytest.skip(f"the published copies in {PUBLISHED} are not on this machine")
    published = published_copies().get(block.name)
    assert published is not None, f"{block.name} is no published block"
    assert block.read_bytes() == published.read_bytes()


@pytest.mark.parametrize("block", upstream_paths(), ids=lambda path: path.name)
def test_openapi_json_keeps_everything_the_upstream_block_publishes(block: Path) -> None:
    gaps = superset_gaps(load_upstream(block), load_spec(), partial=is_partial(block), translated=is_translation(block))
    assert gaps == []


def test_every_operation_upstream_publishes_is_in_openapi_json_and_the_others_say_where_they_come_from() -> None:
    published = {(path, method) for block in upstream_paths() for path, method, _ in operations(load_upstream(block))}
    spec = load_spec()
    ours = {(path, method) for path, method, _ in operations(spec)}
    assert published <= ours
    unpublished = {(path, method) for path, method, operation in operations(spec) if (path, method) not in published}
    assert unpublished == {("/v1/messages/{messageId}", "get")}  # Get message: no block was published
    assert all(UPSTREAM_LABEL in spec["paths"][path][method] for path, method in unpublished)


def test_every_section_of_openapi_json_that_upstream_lacks_is_accounted_for() -> None:
    """The `webhooks` section has no upstream block to be compared with: it must say, on each operation, what is
    documented and what is inferred (and `tags` may only describe tags upstream's operations carry); so must an
    operation no block publishes."""
    spec = load_spec()
    assert "webhooks" in spec
    assert unlabelled_additions(map(load_upstream, upstream_paths()), spec) == []


LOSSES: dict[str, Callable[[JSON], Any]] = {
    "a path": lambda spec: spec["paths"].pop("/v1/calls"),
    "a parameter": lambda spec: list_calls_operation(spec)["parameters"].pop(1),
    "a parameter's description": lambda spec: list_calls_operation(spec)["parameters"][0].pop("description"),
    "a parameter's example": lambda spec: list_calls_operation(spec)["parameters"][0].update(example=50),
    "a response": lambda spec: list_calls_operation(spec)["responses"].pop("409"),
    "a response's description": lambda spec: spec["components"]["responses"]["Unauthorized"].update(description="No"),
    "a shared response": lambda spec: spec["components"]["responses"].pop("NumberNotConnected"),
    "an example": lambda spec: list_calls_operation(spec)["responses"]["400"]["content"]["application/json"][
        "examples"
    ].pop("validationError"),
    "an example's content": lambda spec: list_calls_operation(spec)["responses"]["200"]["content"]["application/json"][
        "example"
    ]["calls"][0].pop("peerNumber"),
    "the summary": lambda spec: list_calls_operation(spec).update(summary="Calls"),
    "the operation id": lambda spec: list_calls_operation(spec).update(operationId="list_calls"),
    "a tag": lambda spec: list_calls_operation(spec).update(tags=[]),
    "a number turned into a float": lambda spec: list_calls_operation(spec)["responses"]["200"]["content"][
        "application/json"
    ]["example"]["calls"][0].update(durationSeconds=120.0),
    "a property of an error body": lambda spec: spec["components"]["schemas"]["Error"]["properties"].pop("code"),
    "the type of an error property": lambda spec: spec["components"]["schemas"]["Error"]["properties"].update(
        code={"type": "integer"}
    ),
    "a security scheme": lambda spec: spec["components"]["securitySchemes"].pop("apiKeyId"),
    "a server": lambda spec: spec.update(servers=[]),
}


@pytest.mark.parametrize("lose", LOSSES.values(), ids=LOSSES.keys())
def test_the_superset_check_names_what_the_spec_loses(lose: Callable[[JSON], Any]) -> None:
    spec = load_spec()
    lose(spec)
    assert superset_gaps(load_upstream(UPSTREAM_DIR / "get_calls.yaml"), spec) != []


# --- examples -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("example", list(response_examples(load_spec())), ids=lambda example: example.where)
def test_every_response_example_in_openapi_json_matches_its_schema(example: Example) -> None:
    spec = load_spec()
    schema = response_schema(spec, example.path, example.method, example.status, example.media_type)
    assert messages(schema, example.value) == []


def _whole_examples(block: Path) -> list[Example]:
    """The examples of a block but one its page was cut inside (`{deleted: true}` of Delete template, whose `id` was
    on the line cut): that one is only the beginning of what upstream shows, which the superset test checks."""
    document = load_upstream(block)
    cut = last_branch(document) if is_partial(block) else []
    return [example for example in response_examples(document) if not any(example.value is node for node in cut)]


UPSTREAM_EXAMPLES = [(block.name, example) for block in upstream_paths() for example in _whole_examples(block)]


@pytest.mark.parametrize(("block", "example"), UPSTREAM_EXAMPLES, ids=[f"{b}: {e.where}" for b, e in UPSTREAM_EXAMPLES])
def test_every_upstream_example_matches_the_schema_openapi_json_gives_it(block: str, example: Example) -> None:
    schema = response_schema(load_spec(), example.path, example.method, example.status, example.media_type)
    assert messages(schema, example.value) == []


def _from_wire(text: str, schema: JSON) -> Any:
    """A query value as the server reads it, by the type the parameter declares."""
    return int(text) if schema.get("type") == "integer" else text


def test_every_parameter_example_is_a_valid_value_here_and_upstream() -> None:
    spec = load_spec()
    checked = 0
    documents = [spec, *map(load_upstream, upstream_paths())]
    for document in documents:
        for path, method, operation in operations(document):
            ours = {(p["name"], p["in"]): p for p in inlined(spec, spec["paths"][path][method]).get("parameters", [])}
            for parameter in inlined(document, operation).get("parameters", []):
                if "example" in parameter:
                    schema = ours[(parameter["name"], parameter["in"])]["schema"]
                    value = parameter["example"]
                    assert messages(schema, _from_wire(str(value), schema)) == [], parameter["name"]
                    checked += 1
    assert checked >= 4


def _schema_examples(node: Any) -> list[tuple[JSON, Any]]:
    if isinstance(node, list):
        return [found for item in node for found in _schema_examples(item)]
    if not isinstance(node, dict):
        return []
    own = [(node, example) for example in node.get("examples", [])] if "type" in node else []
    return own + [found for value in node.values() for found in _schema_examples(value)]


def test_every_example_inside_a_schema_matches_that_schema() -> None:
    found = _schema_examples(load_spec()["components"]["schemas"])
    assert found
    for schema, example in found:
        assert messages(schema, example) == [], example


# --- what the added schemas say --------------------------------------------------------------------------------

DOCUMENTED_CODES = [
    ("400", "FEATURE_NOT_SUPPORTED"),
    ("403", "TENANT_SCOPE_NOT_ALLOWED"),
    ("409", "WHATSAPP_INSTANCE_NOT_CONNECTED"),
]


def test_every_error_response_is_described_by_the_error_schema() -> None:
    checked = set()
    spec = load_spec()
    for path, method, operation in operations(spec):
        for status, response in error_responses(inlined(spec, operation)).items():
            for media in response["content"].values():
                assert media["schema"] == {"$ref": "#/components/schemas/Error"}, f"{method} {path} {status}"
            checked.add(status)
    assert checked >= {"400", "401", "403", "409", "429"}


@pytest.mark.parametrize(("status", "code"), DOCUMENTED_CODES)
def test_documented_error_codes_are_shown_in_examples_and_described(status: str, code: str) -> None:
    spec = load_spec()
    content = inlined(spec, list_calls_operation(spec))["responses"][status]["content"]["application/json"]
    assert code in {example.get("code") for example in media_examples(content)}
    assert code in component_schema("ErrorCode")["enum"]
    assert code in component_schema("ErrorCode")["description"]


def test_the_error_schema_keeps_unknown_fields_and_codes() -> None:
    body = {"error": "Template examples missing", "code": "SOMETHING_NEW", "details": {"missing": ["1"]}, "traceId": 7}
    assert messages(component_schema("Error"), body) == []
    assert messages(component_schema("Error"), {"code": "X"}) != []


def test_every_timestamp_of_a_call_is_a_date_time() -> None:
    properties = component_schema("Call")["properties"]
    timestamps = [name for name in properties if name.endswith("At")]
    assert len(timestamps) == 5
    for name in timestamps:
        assert properties[name]["format"] == "date-time", name


def test_a_timestamp_that_is_not_a_date_time_is_rejected() -> None:
    call = documented_call()
    assert messages(component_schema("Call"), {**call, "createdAt": "yesterday"}) != []


@pytest.mark.parametrize("absent_as", ["null", "missing"])
def test_a_ringing_call_is_valid_without_its_lifecycle_fields(absent_as: str) -> None:
    call = {**documented_call(), "status": "RINGING"}
    for field in LIFECYCLE_FIELDS:
        if absent_as == "null":
            call[field] = None
        else:
            del call[field]
    assert messages(component_schema("Call"), call) == []


@pytest.mark.parametrize("field", component_schema("Call")["required"])
def test_a_call_without_a_required_field_is_rejected(field: str) -> None:
    call = documented_call()
    del call[field]
    assert messages(component_schema("Call"), call) != []


@pytest.mark.parametrize(
    ("enum", "field", "documented"),
    [
        # MISSED: listed by the official Python SDK.
        ("CallStatus", "status", {"INITIATED", "RINGING", "ACCEPTED", "REJECTED", "COMPLETED", "FAILED", "MISSED"}),
        ("CallDirection", "direction", {"INBOUND", "OUTBOUND"}),
    ],
)
def test_status_and_direction_are_open_enums_listing_the_documented_values(
    enum: str, field: str, documented: set[str]
) -> None:
    schema = component_schema(enum)
    # Values adopted from a deployment (`make adopt-drift`) are labelled as observed, and listed beside these.
    observed = set(schema.get("x-pilotstatus-observed", {}))
    assert set(schema["enum"]) - observed == documented
    for value in ["BUSY", "SIDEWAYS"]:
        assert messages(component_schema("Call"), {**documented_call(), field: value}) == []


def test_limit_is_an_integer_from_1_to_100_defaulting_to_25_and_before_a_date_time() -> None:
    spec = load_spec()
    parameters = {
        p["name"]: resolve(spec, p["schema"]) for p in inlined(spec, list_calls_operation(spec))["parameters"]
    }
    limit = parameters["limit"]
    assert (limit["type"], limit["minimum"], limit["maximum"], limit["default"]) == ("integer", 1, 100, 25)
    assert (parameters["before"]["type"], parameters["before"]["format"]) == ("string", "date-time")
    assert messages(limit, 0) != []
    assert messages(limit, 101) != []


def test_a_partial_block_is_read_without_the_line_where_its_page_was_cut() -> None:
    block = load_upstream(UPSTREAM_DIR / "post_calls.yaml")
    operation = block["paths"]["/v1/calls"]["post"]
    assert "operationId" not in operation  # `operationId: post_ca`, cut mid-word
    assert operation["summary"] == "Start call (BIC)"
    assert is_partial(UPSTREAM_DIR / "post_calls.yaml")
    assert not is_partial(UPSTREAM_DIR / "get_calls.yaml")


def test_a_cut_that_leaves_a_key_without_a_value_drops_that_key() -> None:
    block = load_upstream(UPSTREAM_DIR / "post_calls_callId_terminate.yaml")
    response = block["paths"]["/v1/calls/{callId}/terminate"]["post"]["responses"]["400"]
    assert response == {"description": "Invalid payload or parameters", "content": {}}


def test_a_block_cut_before_its_paths_is_the_operation_its_header_names() -> None:
    block = load_upstream(UPSTREAM_DIR / "post_templates.yaml")
    assert block["paths"] == {"/v1/templates": {"post": {}}}
    assert block["info"]["title"] == "Pilot Status API"


def test_an_example_its_page_was_cut_inside_is_only_a_beginning_left_to_the_superset_check() -> None:
    cut = UPSTREAM_DIR / "delete_templates_id.yaml"
    (example,) = response_examples(load_upstream(cut))
    assert example.value == {"deleted": True}  # `id` was on the line the page was cut at
    assert _whole_examples(cut) == []
    whole = UPSTREAM_DIR / "get_calls.yaml"
    assert _whole_examples(whole) == list(response_examples(load_upstream(whole)))


def test_every_published_block_of_an_operation_of_openapi_json_is_vendored() -> None:
    """The blocks of the areas the spec has not reached yet stay out; a block of one of its operations is in."""
    if not PUBLISHED.is_dir():
        pytest.skip(f"the published copies in {PUBLISHED} are not on this machine")
    ours = {(path, method) for path, method, _ in operations(load_spec())}
    expected = {
        name
        for name, published in published_copies().items()
        if {(path, method) for path, method, _ in operations(load_upstream(published))} & ours
    }
    assert {path.name for path in upstream_paths()} == expected
