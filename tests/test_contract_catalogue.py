"""The contract suite's view of each operation, one row per entry of the catalogue (`pilotstatus_api.catalogue`):
which kinds of number serve it (its `providers`), what a valid request may be refused with (what the spec documents
for it), whether a live run may send it unasked (a read), whether it dials (a write whose body has a phone number,
allowed only with `TO`), and the names `ALLOW` takes for it. An operation
added to the spec is a row here with no edit; the Calls rows are checked against the hand-written oracle
(`tests/_operations.py`) too, so that the derivation is checked against something other than itself."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pilotstatus_api.catalogue import OPERATIONS, Entry
from tests._contract import SPEC_PATH, contract_runner, load_spec_dict
from tests._contract_targets import FIXED, PROVIDERS, documented_refusals, sandbox_targets
from tests._operations import OPERATIONS as ORACLE

RUNNER = contract_runner()
TARGETS = {target.name: target for target in sandbox_targets()}
KIND_OF_TARGET = {
    "meta": "META",
    "web": "EVO_GO",
    "unsupported-provider": "EVOLUTION_V2",
    "tenant+num_sandbox_meta": "META",
}
rows = pytest.mark.parametrize("entry", OPERATIONS, ids=lambda entry: entry.operation_id)


@rows
@pytest.mark.parametrize("target", sorted(KIND_OF_TARGET))
def test_a_number_serves_the_operations_whose_providers_name_its_kind(entry: Entry, target: str) -> None:
    kind = KIND_OF_TARGET[target]
    serves = entry.providers is None or kind in entry.providers
    succeeds = serves and (kind, entry.operation_id) != ("META", "get_messages_group")
    assert (entry.operation_id in TARGETS[target].serves) is succeeds
    refusals = TARGETS[target].refusals[entry.operation_id]
    assert ((400, "FEATURE_NOT_SUPPORTED") in refusals) is not serves
    assert (str(entry.success_status) in TARGETS[target].positive_statuses(entry.operation_id)) is succeeds


@pytest.mark.parametrize("target", sorted(KIND_OF_TARGET))
def test_group_messages_are_a_web_numbers_and_a_meta_number_refuses_every_request_for_them(target: str) -> None:
    """Served on every kind (the catalogue gives the Messages area no `providers`), but a Meta number's handler
    refuses them all, as documented: 400 NOT_SUPPORTED_FOR_META is then a valid request's only answer."""
    meta = KIND_OF_TARGET[target] == "META"
    assert TARGETS[target].positive_statuses("get_messages_group") == (["400"] if meta else ["200", "400"])
    assert TARGETS[target].documented("get_messages_group", 400, "NOT_SUPPORTED_FOR_META") is meta


@rows
def test_a_live_run_sends_the_reads_unasked_and_a_write_only_when_allowed(entry: Entry) -> None:
    assert (entry.operation_id in RUNNER.read_operations(SPEC_PATH)) is (entry.http_method == "GET")
    assert entry.operation_id in RUNNER.operation_ids(SPEC_PATH)


@rows
def test_allow_names_an_operation_by_its_id_and_by_its_sdk_method(entry: Entry) -> None:
    known = RUNNER.operation_ids(SPEC_PATH)
    assert RUNNER.operation_id_of(entry.operation_id, known) == entry.operation_id
    if entry.sdk_method is not None:
        assert RUNNER.operation_id_of(entry.sdk_method, known) == entry.operation_id


@rows
def test_to_is_required_by_exactly_the_operations_that_dial(entry: Entry) -> None:
    dials = entry.operation_id in RUNNER.DIALLING
    assert not (dials and entry.http_method == "GET")
    if dials:
        with pytest.raises(ValueError, match="TO must name"):
            RUNNER.destination({}, {entry.operation_id})
    else:
        assert RUNNER.destination({}, {entry.operation_id}) is None


def test_the_calls_operations_that_dial_are_the_oracles_writes_with_a_to() -> None:
    calls = {entry.operation_id for entry in OPERATIONS if entry.area == "calls"}
    oracle = {op.operation_id for op in ORACLE if op.changes_state and isinstance(op.body, dict) and "to" in op.body}
    assert RUNNER.DIALLING & calls == oracle == {"post_calls", "post_calls_permissions_request"}


def test_the_calls_reads_are_the_oracles_reads_and_list_calls() -> None:
    calls = {entry.operation_id for entry in OPERATIONS if entry.area == "calls"}
    oracle = {op.operation_id for op in ORACLE if not op.changes_state}
    assert RUNNER.read_operations(SPEC_PATH) & calls == oracle | {"get_calls"}


def test_every_kind_of_number_serves_something_and_the_sandbox_has_a_target_of_each() -> None:
    for kind in PROVIDERS:
        assert any(entry.providers is None or kind in entry.providers for entry in OPERATIONS), kind
        assert kind in KIND_OF_TARGET.values()


def test_only_a_key_whose_number_serves_nothing_gets_the_fixed_budget() -> None:
    """FIXED is for answers no request changes (429, 403, 409, 400 for an operation the number lacks): a key whose
    number serves some operation gets more, since those answers depend on the request (the Evolution v2 number's
    sends, reads and templates)."""
    for target in TARGETS.values():
        assert (target.budget == FIXED) == (not target.serves), target.name


def phone_fields(spec: dict[str, Any]) -> set[str]:
    """The properties of the spec's request bodies that hold a phone number, as the spec says it: a string whose name
    says `phone`, whose description says E.164, or whose pattern is the spec's phone number's."""
    schemas = spec["components"]["schemas"]
    found: set[str] = set()
    pending: list[Any] = [
        media["schema"]
        for item in spec["paths"].values()
        for operation in item.values()
        if isinstance(operation, dict)
        for media in operation.get("requestBody", {}).get("content", {}).values()
    ]
    seen: set[str] = set()
    while pending:
        node = pending.pop()
        if isinstance(node, list):
            pending.extend(node)
        elif isinstance(node, dict):
            if isinstance(node.get("$ref"), str):
                name = node["$ref"].rsplit("/", 1)[-1]
                if name not in seen:
                    seen.add(name)
                    pending.append(schemas[name])
                continue
            for name, schema in node.get("properties", {}).items():
                text = json.dumps(schema)
                if "phone" in name.lower() or "E.164" in schema.get("description", "") or PHONE_PATTERN in text:
                    found.add(name)
            pending.extend(value for value in node.values() if isinstance(value, dict | list))
    return found


PHONE_PATTERN = json.dumps(RUNNER.PHONE.pattern)[1:-1]


def test_every_phone_number_of_a_request_body_is_one_a_live_run_replaces_by_to() -> None:
    """A body field added later that holds a phone number must be steered to TO live (and make TO required): it
    must be one of PHONE_FIELDS."""
    found = phone_fields(load_spec_dict())
    assert {"to", "destinationNumber", "phoneNumber"} <= found
    assert found <= RUNNER.PHONE_FIELDS


def test_a_send_needs_to_and_the_message_names_the_messaging_operation() -> None:
    assert "post_messages_send" in RUNNER.DIALLING
    with pytest.raises(ValueError, match=r"send messages to .* when ALLOW has messages\.send \("):
        RUNNER.destination({}, {"post_messages_send"})


def test_a_body_that_holds_a_phone_number_at_any_depth_makes_its_operation_need_to(tmp_path: Path) -> None:
    """A template's button (`body.buttons[].phone_number`), reached through a union and an array."""
    spec = load_spec_dict()
    entry = next(entry for entry in OPERATIONS if entry.operation_id == "put_calls_settings")
    schemas = spec["components"]["schemas"]
    schemas[entry.body] = {
        "type": "object",
        "properties": {"body": {"anyOf": [{"type": "string"}, {"$ref": "#/components/schemas/Content"}]}},
    }
    schemas["Content"] = {"properties": {"buttons": {"items": {"properties": {"phone_number": {"type": "string"}}}}}}
    changed = tmp_path / "openapi.json"
    changed.write_text(json.dumps(spec), encoding="utf-8")
    assert entry.operation_id in RUNNER.dialling_operations(changed)
    assert entry.operation_id not in RUNNER.DIALLING


CALLS_REFUSALS: dict[str, dict[str, set[tuple[int, str | None]]]] = {
    # The refusals of a valid Calls request, as they were written by hand before they were read from the spec.
    "META": {
        "post_calls": {(400, "META_CALL_PERMISSION_REQUIRED")},
        "put_calls_settings": {(400, None)},
        "post_calls_permissions_request": {(400, "META_CALL_PERMISSION_REQUEST_LIMIT")},
    },
    "EVO_GO": {"post_calls": set(), "put_calls_settings": set(), "post_calls_permissions_request": set()},
}


@pytest.mark.parametrize("target", sorted(KIND_OF_TARGET))
def test_the_refusals_of_the_calls_operations_read_from_the_spec_are_the_ones_written_by_hand(target: str) -> None:
    kind = KIND_OF_TARGET[target]
    for entry in OPERATIONS:
        if entry.area != "calls" or not (entry.providers is None or kind in entry.providers):
            continue
        expected: set[tuple[int, str | None]]
        if "callId" in entry.path_parameters:
            expected = {(404, "CALL_NOT_FOUND")}
            if entry.http_method != "GET":
                expected.add((409, "INVALID_CALL_STATE"))
        else:
            expected = CALLS_REFUSALS[kind].get(entry.operation_id, set())
        assert TARGETS[target].refusals[entry.operation_id] == expected, entry.operation_id


@pytest.mark.parametrize("target", sorted(KIND_OF_TARGET))
def test_a_valid_message_request_may_get_the_refusals_documented_for_it(target: str) -> None:
    refusals, meta = TARGETS[target].refusals, KIND_OF_TARGET[target] == "META"
    assert (404, "MESSAGE_NOT_FOUND") in refusals["get_messages_id"]
    assert {(409, "IDEMPOTENCY_KEY_REUSED"), (409, "IDEMPOTENCY_KEY_IN_USE")} <= refusals["post_messages_send"]
    assert (400, None) in refusals["post_messages_send"]  # a send's rules that its schema cannot say
    for operation in ("get_messages_history", "get_messages_group", "get_conversations"):
        assert (400, "INVALID_DATE_RANGE") in refusals[operation]
    # Groups and channels are for web numbers: only a Meta number refuses them so.
    assert ((400, "NOT_SUPPORTED_FOR_META") in refusals["get_messages_group"]) is meta
    assert ((400, "NOT_SUPPORTED_FOR_META") in refusals["post_messages_send"]) is meta
    assert (400, None) not in refusals["get_messages_history"]  # a plain validation error is an invalid request's


@rows
@pytest.mark.parametrize("target", sorted(KIND_OF_TARGET))
def test_a_valid_request_may_get_every_refusal_the_spec_documents_for_its_operation(entry: Entry, target: str) -> None:
    """Beyond what the key and its number decide (401, 403, 429, 400 FEATURE_NOT_SUPPORTED, 409 not connected), and
    a code that names Meta on a Meta number only."""
    kind = KIND_OF_TARGET[target]
    if not (entry.providers is None or kind in entry.providers):
        return
    documented = documented_refusals(load_spec_dict())[entry.operation_id]
    expected = {(status, code) for status, code in documented if kind == "META" or "_META_" not in f"_{code}_"}
    assert expected <= TARGETS[target].refusals[entry.operation_id]


def toy_spec(responses: dict[str, Any]) -> dict[str, Any]:
    validation = {"examples": {"validationError": {"value": {"error": "Validation error"}}}}
    return {
        "components": {"responses": {"BadRequest": {"content": {"application/json": validation}}}},
        "paths": {"/v1/things/{id}": {"get": {"operationId": "get_things_id", "responses": responses}}},
    }


def test_the_refusals_read_from_the_spec_leave_out_an_invalid_request_and_what_the_key_or_number_decides() -> None:
    def answer(*examples: dict[str, Any]) -> dict[str, Any]:
        named = {f"e{n}": {"value": example} for n, example in enumerate(examples)}
        return {"content": {"application/json": {"examples": named}}}

    spec = toy_spec(
        {
            "200": {"description": "ok"},
            "400": answer(
                {"error": "Validation error"},
                {"error": "x", "code": "FEATURE_NOT_SUPPORTED"},
                {"error": "Bad range", "code": "INVALID_DATE_RANGE"},
                {"error": "no code"},
            ),
            "401": answer({"error": "Unauthorized"}),
            "403": answer({"error": "x", "code": "TENANT_SCOPE_NOT_ALLOWED"}),
            "404": {"$ref": "#/components/responses/NotFound"},
            "409": answer({"error": "x", "code": "WHATSAPP_INSTANCE_NOT_CONNECTED"}, {"error": "y", "code": "TAKEN"}),
            "429": answer({"error": "Slow down"}),
            "500": answer({"error": "Boom"}),
        }
    )
    spec["components"]["responses"]["NotFound"] = {
        "content": {"application/json": {"example": {"error": "Not found", "code": "THING_NOT_FOUND"}}}
    }
    assert documented_refusals(spec) == {
        "get_things_id": {(400, "INVALID_DATE_RANGE"), (400, None), (404, "THING_NOT_FOUND"), (409, "TAKEN")}
    }
