"""Every operation the SDK exposes, sync and async, checked the same way from the catalogue and the spec's examples
(`tests/_traits.py`): its method is where the catalogue says and typed by the convention, sends the request the
spec describes, parses the 2xx example with nothing `Unset`, raises the class of each documented error, is never
re-sent once it may have changed something, refuses bad input before any request, and warns about a field the spec
does not know. An operation added to the spec with its `x-pilotstatus` is a row of every table here, unedited.

`calls.list` is hand-written with a signature of its own (a page size, a cursor, a page returned): it is not a row
(`SKIPPED`), and tests/test_pagination.py tests it. The Calls oracle's tests (tests/test_operations*.py) check the
Calls surface against values written by hand; these check every operation against the catalogue.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from typing import Any

import httpx
import pytest

from pilotstatus import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AsyncPilotStatus,
    InternalServerError,
    InvalidInputError,
    PilotStatus,
    PilotStatusError,
)
from pilotstatus._exceptions import error_class
from pilotstatus_api.catalogue import OPERATIONS
from tests._clients import BASE_URL, KEY, Sleeps
from tests._operations import (
    EXTRA_FIELD,
    FLAVORS,
    NUMBER_ID,
    Flavor,
    Recorder,
    assert_mirrors,
    error,
    unset_paths,
    with_extra_fields,
)
from tests._traits import EXPOSED, NUMBER_HEADER, ROWS, SKIPPED, Row, call, convention_problems, error_examples, snake

rows = pytest.mark.parametrize("row", ROWS, ids=str)
flavors = pytest.mark.parametrize("flavor", FLAVORS)


def ok(row: Row, body: Any = None) -> httpx.Response:
    status, example = row.success
    return httpx.Response(status, json=example if body is None else body)


def never_called(request: httpx.Request) -> httpx.Response:
    raise AssertionError(f"no request may be sent, but {request.method} {request.url} was")


# --- the rows themselves ----------------------------------------------------------------------------------------


def test_every_operation_the_sdk_exposes_is_a_row_but_the_hand_written_ones_of_their_own_shape() -> None:
    exposed = {entry.sdk_method for entry in OPERATIONS if entry.sdk_method is not None}
    assert {str(row) for row in ROWS} | {str(row) for row in SKIPPED} == exposed
    assert all(row.entry.handwritten for row in SKIPPED)
    assert "calls.list" in {str(row) for row in SKIPPED}


@pytest.mark.parametrize("row", EXPOSED, ids=str)
def test_every_method_of_the_catalogue_is_reached_from_both_clients_by_its_path(row: Row) -> None:
    with PilotStatus(api_key=KEY, base_url=BASE_URL, transport=httpx.MockTransport(never_called)) as client:
        assert callable(row.method_of(client))
        assert not inspect.iscoroutinefunction(row.method_of(client))

    async def main() -> None:
        transport = httpx.MockTransport(never_called)
        async with AsyncPilotStatus(api_key=KEY, base_url=BASE_URL, transport=transport) as client:
            assert inspect.iscoroutinefunction(row.method_of(client))

    asyncio.run(main())


@rows
@flavors
def test_the_signature_follows_the_convention(flavor: Flavor, row: Row) -> None:
    client_class = PilotStatus if flavor == "sync" else AsyncPilotStatus
    # Never used to send: a method's signature is read from the class, and nothing is left open.
    client = client_class(api_key=KEY, base_url=BASE_URL, transport=httpx.MockTransport(never_called))
    assert convention_problems(row, row.method_of(client)) == []


def test_the_convention_names_arguments_by_the_apis_names_in_snake_case() -> None:
    assert [snake(name) for name in ("callId", "mediaUrl", "includeSdp", "list", "id", "pre-accept")] == [
        "call_id", "media_url", "include_sdp", "list", "id", "pre_accept",
    ]  # fmt: skip


# --- the request ------------------------------------------------------------------------------------------------


@rows
@flavors
@pytest.mark.parametrize("number", [None, NUMBER_ID])
def test_the_request_is_the_operations_method_path_query_and_body(flavor: Flavor, row: Row, number: str | None) -> None:
    recorder = Recorder(ok(row))
    call(flavor, row, recorder, whatsapp_number_id=number)
    (sent,) = recorder.sent
    assert (sent.method, sent.raw_path) == (row.entry.http_method, row.url_path())
    assert sorted(sent.query) == sorted(row.query)
    if row.body is None:
        assert sent.content == b""
    else:
        assert sent.headers["content-type"] == "application/json"
        assert sent.json() == row.body
    assert sent.headers.get("x-api-key") == KEY
    expected_number = number if row.entry.number_header else None
    assert sent.headers.get(NUMBER_HEADER) == expected_number


AWKWARD = "a/b?c#d e%"


@pytest.mark.parametrize("row", [row for row in ROWS if row.entry.path_parameters], ids=str)
@flavors
def test_each_path_parameter_is_sent_as_one_segment(flavor: Flavor, row: Row) -> None:
    for index in range(len(row.path_values)):
        values = tuple(AWKWARD if i == index else value for i, value in enumerate(row.path_values))
        recorder = Recorder(ok(row))
        call(flavor, row, recorder, path_values=values)
        assert recorder.last.raw_path == row.url_path(values)
        assert recorder.last.raw_path.count("/") == row.entry.path.count("/")


# --- the answer -------------------------------------------------------------------------------------------------


@rows
@flavors
def test_the_2xx_example_parses_into_the_return_type_with_nothing_unset(flavor: Flavor, row: Row) -> None:
    _, example = row.success
    result = call(flavor, row, Recorder(ok(row)))
    assert row.is_returned(result)
    returned = row.returned(example)
    expected = returned if row.many else [returned]
    assert len(row.items(result)) == len(expected) > 0
    for item, body in zip(row.items(result), expected, strict=True):
        assert list(unset_paths(item)) == []
        assert_mirrors(item, body, row.returned_schema(item))


@rows
@flavors
def test_every_documented_error_raises_the_class_of_its_code_then_its_status(flavor: Flavor, row: Row) -> None:
    documented = error_examples(row)
    assert documented, f"{row}: no error documented"
    for status, body in documented:
        recorder = Recorder(httpx.Response(status, json=body))
        with pytest.raises(APIStatusError) as caught:
            call(flavor, row, recorder, max_retries=0)
        assert type(caught.value) is error_class(status, body.get("code")), (status, body)
        assert (caught.value.status_code, caught.value.code, caught.value.message) == (
            status,
            body.get("code"),
            body["error"],
        )
        assert len(recorder.sent) == 1


@rows
@flavors
def test_an_unknown_field_in_the_2xx_body_is_kept_and_warned_about(
    flavor: Flavor, row: Row, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="pilotstatus")
    _, example = row.success
    result = call(flavor, row, Recorder(ok(row, with_extra_fields(example))))
    assert all(item.additional_properties[EXTRA_FIELD] is not None for item in row.items(result))
    warned = [
        record.getMessage()
        for record in caplog.records
        if record.name == "pilotstatus" and EXTRA_FIELD in record.getMessage()
    ]
    assert warned, caplog.text
    assert all(line.startswith(f"{row.entry.operation_id}: ") for line in warned), warned


# --- retries ----------------------------------------------------------------------------------------------------

MAY_HAVE_ARRIVED = [
    ("500", lambda: error(500), InternalServerError),
    ("ReadTimeout", lambda: httpx.ReadTimeout("read timed out"), APITimeoutError),
    ("RemoteProtocolError", lambda: httpx.RemoteProtocolError("server disconnected"), APIConnectionError),
]


@rows
@flavors
@pytest.mark.parametrize(("failure", "make", "raised"), MAY_HAVE_ARRIVED, ids=[name for name, _, _ in MAY_HAVE_ARRIVED])
def test_a_write_without_an_idempotency_key_is_never_sent_again_and_a_read_is(
    flavor: Flavor, row: Row, failure: str, make: Any, raised: type[PilotStatusError], sleeps: Sleeps
) -> None:
    recorder = Recorder(make(), ok(row))
    if row.changes_state and row.entry.idempotency == "none":
        with pytest.raises(PilotStatusError) as caught:
            call(flavor, row, recorder, max_retries=2)
        assert type(caught.value) is raised
        assert len(recorder.sent) == 1
        assert sleeps.delays == []
    else:
        assert row.is_returned(call(flavor, row, recorder, max_retries=2))
        assert len(recorder.sent) == 2
        keys = {sent.headers.get("idempotency-key") for sent in recorder.sent}
        assert len(keys) == 1, "a retry sends the key of the first attempt"
        if row.changes_state:
            assert keys != {None}, f"{row} honours an Idempotency-Key, so it sends one"


# --- bad input --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("row", [row for row in ROWS if row.required], ids=str)
@flavors
def test_a_required_argument_left_out_is_refused_naming_it_before_any_request(flavor: Flavor, row: Row) -> None:
    for name in row.required:
        keywords = {key: value for key, value in row.keywords.items() if key != name}
        with pytest.raises((TypeError, InvalidInputError)) as caught:
            call(flavor, row, never_called, keywords=keywords)
        assert name in str(caught.value)


class NotJSON:
    """A value of no JSON type, for any argument."""

    def __repr__(self) -> str:
        return "NotJSON()"


@pytest.mark.parametrize("row", [row for row in ROWS if row.keywords or row.path_values], ids=str)
@flavors
def test_an_argument_of_the_wrong_type_is_refused_naming_it_before_any_request(flavor: Flavor, row: Row) -> None:
    for index, name in enumerate(row.path_names):
        values = tuple(NotJSON() if i == index else value for i, value in enumerate(row.path_values))
        with pytest.raises(InvalidInputError) as caught:
            call(flavor, row, never_called, path_values=values)
        assert str(caught.value).startswith(f"{name} "), str(caught.value)
    for name in row.keywords:
        with pytest.raises(InvalidInputError) as caught:
            call(flavor, row, never_called, keywords={**row.keywords, name: NotJSON()})
        assert str(caught.value).startswith(f"{name} "), str(caught.value)


@pytest.mark.parametrize("row", [row for row in ROWS if row.entry.path_parameters], ids=str)
@flavors
@pytest.mark.parametrize("blank", ["", " ", "\t\n"], ids=repr)
def test_a_blank_path_parameter_is_refused_naming_it_before_any_request(flavor: Flavor, row: Row, blank: str) -> None:
    for index, name in enumerate(row.path_names):
        values = tuple(blank if i == index else value for i, value in enumerate(row.path_values))
        with pytest.raises(InvalidInputError) as caught:
            call(flavor, row, never_called, path_values=values)
        assert str(caught.value).startswith(f"{name} "), str(caught.value)
