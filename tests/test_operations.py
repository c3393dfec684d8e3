"""Every Calls operation, sync and async: the request it sends, and the model its 2xx body becomes.

The operations are the table in `tests/_operations.py`; each is called through a real client over
`httpx.MockTransport`, with the 2xx example of `openapi.json` as the answer.
"""

from __future__ import annotations

import asyncio
import datetime

import httpx
import pytest

from pilotstatus import APIResponseValidationError, AsyncPilotStatus, PilotStatus
from pilotstatus_api import catalogue
from tests._clients import KEY, async_client, sync_client
from tests._operations import (
    AWKWARD_CALL_ID,
    AWKWARD_CALL_ID_IN_PATH,
    CALL_ID,
    CALL_OPERATIONS,
    EXTRA_FIELD,
    EXTRA_VALUE,
    FLAVORS,
    NUMBER_ID,
    OPERATIONS,
    OTHER_NUMBER_ID,
    REQUESTS,
    Flavor,
    Op,
    Recorder,
    assert_mirrors,
    at,
    ok,
    run,
    spec_operations,
    unset_paths,
    with_extra_fields,
    with_value,
)

ops = pytest.mark.parametrize("op", OPERATIONS, ids=str)
requests = pytest.mark.parametrize("op", REQUESTS, ids=str)
flavors = pytest.mark.parametrize("flavor", FLAVORS)


# --- the table itself -------------------------------------------------------------------------------------------


def test_the_table_has_one_row_per_calls_operation_of_the_spec_but_list_calls() -> None:
    calls = {operation_id for operation_id in spec_operations() if catalogue.BY_ID[operation_id].area == "calls"}
    assert sorted(op.operation_id for op in OPERATIONS) == sorted(calls - {"get_calls"})


@requests
def test_each_row_states_the_method_and_path_of_its_operation_in_the_spec(op: Op) -> None:
    path, method, _ = op.spec_operation
    assert op.method == method.upper()
    assert op.path == path.replace("{callId}", "{call_id}")


@ops
def test_each_row_names_the_model_of_the_2xx_schema(op: Op) -> None:
    name = op.schema_name if not op.root else "CallingSettings"
    assert op.model.__name__ == name


# --- the request ------------------------------------------------------------------------------------------------


@flavors
@requests
def test_the_request_has_the_method_path_query_and_exact_body(flavor: Flavor, op: Op) -> None:
    recorder = Recorder(ok(op))
    run(flavor, op, recorder)
    (sent,) = recorder.sent
    assert sent.method == op.method
    assert sent.raw_path == op.url_path(CALL_ID)
    assert sorted(sent.query) == sorted(op.query.items())
    if op.body is None:
        assert sent.content == b""
    else:
        assert sent.json() == op.body
        assert sent.headers["content-type"] == "application/json"


@flavors
@pytest.mark.parametrize("op", CALL_OPERATIONS, ids=str)
def test_a_call_id_is_percent_encoded_as_one_path_segment(flavor: Flavor, op: Op) -> None:
    recorder = Recorder(ok(op))
    run(flavor, op, recorder, call_id=AWKWARD_CALL_ID)
    (sent,) = recorder.sent
    assert sent.raw_path == op.path.format(call_id=AWKWARD_CALL_ID_IN_PATH)
    assert sent.path == op.path.format(call_id=AWKWARD_CALL_ID)  # the server decodes it back, one segment
    assert sorted(sent.query) == sorted(op.query.items())  # the `?` did not start a query


@flavors
@pytest.mark.parametrize(
    "call_id",
    ["wacid.HBgMNTUxMTk5OTk5OTk5FQIAEhggQ0E=", "id with spaces", "100%", "a#b", "ç/ã", "..a", "a..", " a\t", "x" * 256],
    ids=lambda call_id: repr(call_id)[:40],
)
def test_any_call_id_reaches_the_server_as_it_was_given(flavor: Flavor, call_id: str) -> None:
    op = CALL_OPERATIONS[0]
    recorder = Recorder(ok(op))
    run(flavor, op, recorder, call_id=call_id)
    assert recorder.last.path == op.path.format(call_id=call_id)
    assert recorder.last.raw_path.count("/") == op.path.count("/")


@flavors
def test_the_plus_of_a_phone_number_in_the_query_is_percent_encoded(flavor: Flavor) -> None:
    """A raw `+` in a query string reads as a space on the server."""
    op = next(op for op in OPERATIONS if op.name == "permissions.retrieve")
    seen: list[bytes] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.raw_path)
        return ok(op)

    run(flavor, op, handler)
    assert seen == [b"/v1/calls/permissions?to=%2B5511999999999"]


def test_include_sdp_is_sent_only_when_asked_for() -> None:
    retrieve = {op.name: op for op in REQUESTS}
    assert retrieve["retrieve"].query == retrieve["retrieve+include_sdp=False"].query == {}
    assert retrieve["retrieve+include_sdp"].query == {"includeSdp": "1"}


@flavors
@ops
def test_the_key_is_sent_and_no_number_header_without_a_number(flavor: Flavor, op: Op) -> None:
    recorder = Recorder(ok(op))
    run(flavor, op, recorder)
    assert recorder.last.headers["x-api-key"] == KEY
    assert "x-whatsapp-number-id" not in recorder.last.headers


@flavors
@ops
def test_the_clients_number_is_sent_with_every_operation(flavor: Flavor, op: Op) -> None:
    recorder = Recorder(ok(op))
    run(flavor, op, recorder, whatsapp_number_id=NUMBER_ID)
    assert recorder.last.headers["x-whatsapp-number-id"] == NUMBER_ID
    assert recorder.last.headers["x-api-key"] == KEY


@flavors
@ops
def test_with_options_sets_the_number_of_the_copy(flavor: Flavor, op: Op) -> None:
    recorder = Recorder(ok(op))
    run(flavor, op, recorder, options={"whatsapp_number_id": NUMBER_ID})
    assert recorder.last.headers["x-whatsapp-number-id"] == NUMBER_ID


@flavors
@ops
def test_with_options_replaces_the_clients_number(flavor: Flavor, op: Op) -> None:
    recorder = Recorder(ok(op))
    run(flavor, op, recorder, whatsapp_number_id=NUMBER_ID, options={"whatsapp_number_id": OTHER_NUMBER_ID})
    assert recorder.last.headers.get_list("x-whatsapp-number-id") == [OTHER_NUMBER_ID]


@flavors
def test_with_options_leaves_the_original_client_and_its_resources_with_their_own_number(flavor: Flavor) -> None:
    settings = next(op for op in OPERATIONS if op.name == "settings.retrieve")
    recorder = Recorder(lambda: ok(settings))

    def three_calls(client: PilotStatus) -> None:
        client.with_options(whatsapp_number_id=NUMBER_ID).calls.settings.retrieve()
        client.calls.settings.retrieve()
        client.with_options(whatsapp_number_id=OTHER_NUMBER_ID).calls.settings.retrieve()

    async def three_async_calls(client: AsyncPilotStatus) -> None:
        await client.with_options(whatsapp_number_id=NUMBER_ID).calls.settings.retrieve()
        await client.calls.settings.retrieve()
        await client.with_options(whatsapp_number_id=OTHER_NUMBER_ID).calls.settings.retrieve()

    if flavor == "sync":
        with sync_client(recorder) as client:
            three_calls(client)
    else:

        async def main() -> None:
            async with async_client(recorder) as client:
                await three_async_calls(client)

        asyncio.run(main())
    assert [sent.headers.get("x-whatsapp-number-id") for sent in recorder.sent] == [NUMBER_ID, None, OTHER_NUMBER_ID]


# --- the response -----------------------------------------------------------------------------------------------


@flavors
@requests
def test_the_spec_example_parses_into_the_model_with_its_values_and_no_unset(flavor: Flavor, op: Op) -> None:
    result = run(flavor, op, Recorder(ok(op)))
    assert type(result) is op.model
    assert_mirrors(result, op.result_body(op.example), op.result_schema())
    assert list(unset_paths(result)) == []


def test_the_examples_values_are_those_a_caller_reads() -> None:
    """A few values read by name, so that a mistake in `assert_mirrors` cannot hide them."""
    by_name = {op.name: op for op in OPERATIONS}
    started = run("sync", by_name["create"], Recorder(ok(by_name["create"])))
    assert (started.id, started.external_call_id, started.status) == ("call_01HZX...", "wacid.ABGG...", "INITIATED")
    detail = run("sync", by_name["retrieve"], Recorder(ok(by_name["retrieve"])))
    assert (detail.status, detail.sdp_offer, detail.sdp_answer) == ("RINGING", "v=0\r\n...", None)
    assert detail.created_at == datetime.datetime(2026, 7, 3, 15, tzinfo=datetime.UTC)
    session = run("sync", by_name["realtime_session"], Recorder(ok(by_name["realtime_session"])))
    assert (session.token, session.expires_in_seconds) == ("d3f4...", 120)
    assert session.ws_url.startswith("wss://")
    calling = run("sync", by_name["settings.retrieve"], Recorder(ok(by_name["settings.retrieve"])))
    assert (calling.status, calling.call_icon_visibility, calling.call_hours.status) == (
        "ENABLED",
        "DEFAULT",
        "DISABLED",
    )
    permission = run("sync", by_name["permissions.retrieve"], Recorder(ok(by_name["permissions.retrieve"])))
    assert (permission.permission.status, permission.permission.expiration_time) == ("temporary", 1768550400)
    assert permission.actions[0].limits[0].max_allowed == 1
    sent = run("sync", by_name["permissions.request"], Recorder(ok(by_name["permissions.request"])))
    assert sent.message_id == "wamid.HBgM..."
    assert run("sync", by_name["settings.update"], Recorder(ok(by_name["settings.update"]))).success is True


@flavors
@ops
def test_unknown_fields_in_every_object_of_the_body_are_kept(flavor: Flavor, op: Op) -> None:
    body = with_extra_fields(op.example)
    result = run(flavor, op, Recorder(ok(op, body)))
    assert type(result) is op.model
    assert result.additional_properties[EXTRA_FIELD] == EXTRA_VALUE
    assert_mirrors(result, op.result_body(body), op.result_schema())
    assert list(unset_paths(result)) == []


@flavors
@pytest.mark.parametrize(
    ("op", "path"), [(op, path) for op in OPERATIONS for path in op.open_enums], ids=lambda value: str(value)
)
@pytest.mark.parametrize("value", ["SOMETHING_NEW", "something_new", ""])
def test_an_unknown_value_of_an_open_enum_is_kept_as_sent(
    flavor: Flavor, op: Op, path: tuple[str | int, ...], value: str
) -> None:
    body = with_value(op.example, path, value)
    result = run(flavor, op, Recorder(ok(op, body)))
    assert at(result, path[len(op.root) :]) == value
    assert_mirrors(result, op.result_body(body), op.result_schema())


@flavors
@pytest.mark.parametrize("op", [op for op in OPERATIONS if op.model.__name__ in ("CallDetail",)], ids=str)
def test_a_call_detail_with_every_optional_field_null_or_absent_parses(flavor: Flavor, op: Op) -> None:
    minimal = {key: op.example[key] for key in ("id", "externalCallId", "direction", "status", "createdAt")}
    nulls = {
        **minimal,
        "externalCallId": None,
        **dict.fromkeys(("peerNumber", "startedAt", "connectedAt", "endedAt", "durationSeconds", "sdpOffer"), None),
    }
    for body in (minimal, nulls):
        result = run(flavor, op, Recorder(ok(op, body)))
        assert_mirrors(result, body, op.result_schema())
        assert list(unset_paths(result)) == []


@flavors
@ops
@pytest.mark.parametrize(
    "content",
    [b"", b"not json", b"[]", b'"text"', b"null", b"{}", b'{"calling": "x"}'],
    ids=["empty", "text", "list", "string", "null", "no-required-field", "calling-not-an-object"],
)
def test_a_2xx_body_that_does_not_parse_raises_api_response_validation_error(
    flavor: Flavor, op: Op, content: bytes
) -> None:
    recorder = Recorder(httpx.Response(200, content=content, headers={"content-type": "application/json"}))
    with pytest.raises(APIResponseValidationError) as caught:
        run(flavor, op, recorder, max_retries=2)
    assert caught.value.status_code == 200
    assert f"{op.method} {op.url_path()}" in str(caught.value)
    assert len(recorder.sent) == 1  # an answer that does not parse is not asked for again
