"""What a request takes from its operation's row of the catalogue (`pilotstatus_api.catalogue`), beyond the Calls
operations: the number header only where the operation takes it, and an `Idempotency-Key` (one per call, the same on
each retry of it) where the operation honours one, which makes a write as safe to resend as a read.

No Calls operation lacks the header or honours a key, so these tests call operations whose catalogue row is changed
(`Operation(..., traits=...)`): what the generator writes for such an operation is what they call.
"""

from __future__ import annotations

import asyncio
import dataclasses
import types
import uuid
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from pilotstatus import AsyncPilotStatus, InternalServerError, PilotStatus, PilotStatusError
from pilotstatus._constants import IDEMPOTENCY_KEY_HEADER
from pilotstatus._operations import Operation
from pilotstatus._retries import should_retry
from pilotstatus_api.api.calls import get_calls_settings, post_calls
from pilotstatus_api.catalogue import BY_ID
from pilotstatus_api.models.call_started import CallStarted
from pilotstatus_api.models.start_call_request import StartCallRequest
from tests._clients import BASE_URL, KEY, Sleeps
from tests._operations import FLAVORS, NUMBER_ID, PHONE, Flavor, Outcome, Recorder, error, spec_operations

flavors = pytest.mark.parametrize("flavor", FLAVORS)

STARTED = {"id": "call_1", "externalCallId": "wacid.1", "status": "INITIATED"}


def call(flavor: Flavor, handler: Recorder, invoke: Callable[[Any], Any], **settings: Any) -> Any:
    """`invoke(client)` on a new client of `flavor` served by `handler` (awaited for an async client)."""
    transport = httpx.MockTransport(handler)
    if flavor == "sync":
        with PilotStatus(api_key=KEY, base_url=BASE_URL, transport=transport, **settings) as client:
            return invoke(client)

    async def main() -> Any:
        async with AsyncPilotStatus(api_key=KEY, base_url=BASE_URL, transport=transport, **settings) as client:
            return await invoke(client)

    return asyncio.run(main())


# --- the number header --------------------------------------------------------------------------------------------


def without_number_header() -> Operation[Any]:
    """Get calling settings as an operation that takes no `x-whatsapp-number-id` would be generated: a
    `_get_kwargs()` with no such argument, and a catalogue row saying so."""
    module = types.ModuleType(get_calls_settings.__name__)

    def _get_kwargs() -> dict[str, Any]:
        return {"method": "get", "url": "/v1/calls/settings"}

    module._get_kwargs = _get_kwargs  # type: ignore[attr-defined]
    traits = dataclasses.replace(BY_ID["get_calls_settings"], number_header=False)
    return Operation(module, lambda body: body, traits=traits)


@flavors
def test_an_operation_without_the_number_header_is_sent_without_it_by_a_client_that_names_a_number(
    flavor: Flavor,
) -> None:
    recorder = Recorder(httpx.Response(200, json={"calling": {}}))
    operation = without_number_header()
    body = call(flavor, recorder, lambda client: client._call(operation), whatsapp_number_id=NUMBER_ID)
    assert body == {"calling": {}}
    assert "x-whatsapp-number-id" not in recorder.last.headers


@flavors
def test_an_operation_with_the_number_header_still_sends_the_clients_number(flavor: Flavor) -> None:
    recorder = Recorder(httpx.Response(200, json={"calling": {}}))
    operation = Operation(get_calls_settings, lambda body: body)
    call(flavor, recorder, lambda client: client._call(operation), whatsapp_number_id=NUMBER_ID)
    assert recorder.last.headers["x-whatsapp-number-id"] == NUMBER_ID


# --- idempotency keys ---------------------------------------------------------------------------------------------


def start_call(idempotency: str) -> Operation[CallStarted]:
    """Start call, as an operation whose catalogue row says `idempotency` would be."""
    traits = dataclasses.replace(BY_ID["post_calls"], idempotency=idempotency)  # type: ignore[arg-type]
    return Operation(post_calls, CallStarted.from_dict, traits=traits)


def starting(operation: Operation[CallStarted]) -> Callable[[Any], Any]:
    return lambda client: client._call(operation, body=StartCallRequest(to=PHONE))


def keys(recorder: Recorder) -> list[str | None]:
    return [sent.headers.get(IDEMPOTENCY_KEY_HEADER) for sent in recorder.sent]


# Outcomes after which a request may have been acted on: a write without a key is never sent again after one.
MAY_HAVE_ARRIVED: dict[str, Callable[[], Outcome]] = {
    "500": lambda: error(500),
    "503": lambda: error(503),
    "408": lambda: error(408),
    "ReadTimeout": lambda: httpx.ReadTimeout("read timed out"),
    "WriteTimeout": lambda: httpx.WriteTimeout("write timed out"),
    "ReadError": lambda: httpx.ReadError("connection reset by peer"),
    "RemoteProtocolError": lambda: httpx.RemoteProtocolError("server disconnected"),
}
may_have_arrived = pytest.mark.parametrize("failure", MAY_HAVE_ARRIVED.values(), ids=MAY_HAVE_ARRIVED.keys())


@flavors
@may_have_arrived
@pytest.mark.parametrize("idempotency", ["optional", "required"])
def test_a_write_that_honours_a_key_is_sent_again_with_the_same_key_after_it_may_have_arrived(
    flavor: Flavor, failure: Callable[[], Outcome], idempotency: str, sleeps: Sleeps
) -> None:
    recorder = Recorder(failure(), failure(), httpx.Response(200, json=STARTED))
    started = call(flavor, recorder, starting(start_call(idempotency)))
    assert started.id == "call_1"
    assert len(recorder.sent) == 3
    sent_keys = keys(recorder)
    assert sent_keys[0] is not None
    assert uuid.UUID(sent_keys[0]).version == 4
    assert sent_keys == [sent_keys[0]] * 3
    assert [sent.json() for sent in recorder.sent] == [{"to": PHONE}] * 3


@flavors
def test_each_call_of_an_operation_that_honours_a_key_gets_a_key_of_its_own(flavor: Flavor) -> None:
    recorder = Recorder(httpx.Response(200, json=STARTED))
    operation = start_call("optional")

    def twice(client: Any) -> Any:
        if isinstance(client, PilotStatus):
            return [client._call(operation, body=StartCallRequest(to=PHONE)) for _ in range(2)]

        async def both() -> list[Any]:
            return [await client._call(operation, body=StartCallRequest(to=PHONE)) for _ in range(2)]

        return both()

    call(flavor, recorder, twice)
    first, second = keys(recorder)
    assert first is not None
    assert second is not None
    assert first != second


@flavors
@may_have_arrived
def test_a_write_that_honours_no_key_is_sent_once_without_one_after_it_may_have_arrived(
    flavor: Flavor, failure: Callable[[], Outcome], sleeps: Sleeps
) -> None:
    recorder = Recorder(failure(), httpx.Response(200, json=STARTED))
    with pytest.raises(PilotStatusError):
        call(flavor, recorder, starting(Operation(post_calls, CallStarted.from_dict)))
    assert len(recorder.sent) == 1
    assert keys(recorder) == [None]
    assert sleeps.delays == []


@flavors
@may_have_arrived
def test_a_write_said_to_honour_a_key_but_sent_without_one_is_never_sent_again(
    flavor: Flavor, failure: Callable[[], Outcome], sleeps: Sleeps
) -> None:
    """The retry rule trusts the header, not the word: a request described as keyed whose key was lost on the way
    (a hand-built description, a future code path) is treated as any write without one."""
    operation = start_call("optional")

    def unkeyed(client: Any) -> Any:
        spec = client._prepare(operation, body=StartCallRequest(to=PHONE))
        del spec["headers"][IDEMPOTENCY_KEY_HEADER]
        return client._request(spec, operation.parse_response)

    recorder = Recorder(failure(), httpx.Response(200, json=STARTED))
    with pytest.raises(PilotStatusError):
        call(flavor, recorder, unkeyed)
    assert len(recorder.sent) == 1
    assert keys(recorder) == [None]
    assert sleeps.delays == []


@flavors
@pytest.mark.parametrize("idempotency", ["optional", "required"])
def test_a_write_that_honours_a_key_gives_up_after_max_retries(
    flavor: Flavor, idempotency: str, sleeps: Sleeps
) -> None:
    recorder = Recorder(error(503))
    with pytest.raises(InternalServerError):
        call(flavor, recorder, starting(start_call(idempotency)), max_retries=2)
    assert len(recorder.sent) == 3
    assert len(set(keys(recorder))) == 1


def test_the_calls_operations_are_sent_without_a_key_as_their_rows_honour_none() -> None:
    calls = [operation_id for operation_id in spec_operations() if BY_ID[operation_id].area == "calls"]
    assert {BY_ID[operation_id].idempotency for operation_id in calls} == {"none"}


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
@pytest.mark.parametrize("idempotency", ["optional", "required"])
def test_the_rule_treats_a_write_that_honours_a_key_as_safe_to_resend(method: str, idempotency: str) -> None:
    assert should_retry(method, status_code=503, idempotency=idempotency)
    assert should_retry(method, status_code=408, idempotency=idempotency)
    assert should_retry(method, error=httpx.ReadTimeout("t"), idempotency=idempotency)
    assert should_retry(method, error=httpx.RemoteProtocolError("gone"), idempotency=idempotency)
    assert not should_retry(method, status_code=409, idempotency=idempotency)
    assert not should_retry(method, error=httpx.UnsupportedProtocol("ftp"), idempotency=idempotency)
    assert not should_retry(method, status_code=503, idempotency="none")
    assert not should_retry(method, error=httpx.ReadTimeout("t"), idempotency="none")
