"""Requests that carry an `Idempotency-Key`: the caller's key checked and sent as given, the two 409s of a key as
their own classes (IN_USE sent again within `max_retries`, REUSED never), and the key on every error of such a
request (`idempotency_key`), never on one of a request without a key.

The operation is Start call as an operation whose catalogue row honours a key would be (`Operation(...,
traits=...)`), so that these hold for any keyed operation; `messages.send()` has tests of its own
(tests/test_messages_send.py).
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from pilotstatus import (
    APIConnectionError,
    APIResponseValidationError,
    APITimeoutError,
    AsyncPilotStatus,
    BadRequestError,
    ConflictError,
    IdempotencyKeyInUseError,
    IdempotencyKeyReusedError,
    InternalServerError,
    InvalidInputError,
    PilotStatus,
    PilotStatusError,
)
from pilotstatus._constants import IDEMPOTENCY_KEY_HEADER
from pilotstatus._exceptions import error_class
from pilotstatus._operations import Operation, check_idempotency_key
from pilotstatus._retries import should_retry
from pilotstatus_api.api.calls import post_calls
from pilotstatus_api.catalogue import BY_ID
from pilotstatus_api.models.call_started import CallStarted
from pilotstatus_api.models.start_call_request import StartCallRequest
from tests._clients import BASE_URL, KEY, Sleeps
from tests._operations import FLAVORS, PHONE, Flavor, Outcome, Recorder, error, never_called

flavors = pytest.mark.parametrize("flavor", FLAVORS)

STARTED = {"id": "call_1", "externalCallId": "wacid.1", "status": "INITIATED"}
KEYED = Operation(
    post_calls, CallStarted.from_dict, traits=dataclasses.replace(BY_ID["post_calls"], idempotency="optional")
)
UNKEYED = Operation(post_calls, CallStarted.from_dict)


def call(
    flavor: Flavor, handler: Callable[[httpx.Request], httpx.Response], invoke: Callable[[Any], Any], **settings: Any
) -> Any:
    """`invoke(client)` on a new client of `flavor` served by `handler` (awaited for an async client)."""
    transport = httpx.MockTransport(handler)
    if flavor == "sync":
        with PilotStatus(api_key=KEY, base_url=BASE_URL, transport=transport, **settings) as client:
            return invoke(client)

    async def main() -> Any:
        async with AsyncPilotStatus(api_key=KEY, base_url=BASE_URL, transport=transport, **settings) as client:
            return await invoke(client)

    return asyncio.run(main())


def starting(operation: Operation[CallStarted], key: str | None = None) -> Callable[[Any], Any]:
    return lambda client: client._call(operation, body=StartCallRequest(to=PHONE), idempotency_key=key)


def keys(recorder: Recorder) -> list[str | None]:
    return [sent.headers.get(IDEMPOTENCY_KEY_HEADER) for sent in recorder.sent]


def in_use(**headers: str) -> httpx.Response:
    return error(409, "IDEMPOTENCY_KEY_IN_USE", "A request with this key is still running", **headers)


def reused() -> httpx.Response:
    return error(409, "IDEMPOTENCY_KEY_REUSED", "This key was used with another body")


# --- the two 409s of a key ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "expected"),
    [("IDEMPOTENCY_KEY_REUSED", IdempotencyKeyReusedError), ("IDEMPOTENCY_KEY_IN_USE", IdempotencyKeyInUseError)],
)
def test_each_409_of_a_key_is_a_conflict_of_its_own_class(code: str, expected: type[ConflictError]) -> None:
    assert error_class(409, code) is expected
    assert issubclass(expected, ConflictError)
    assert error_class(400, code) is BadRequestError  # only with the status it is documented with


@flavors
def test_a_key_in_use_is_sent_again_after_retry_after_with_the_same_key_and_body(
    flavor: Flavor, sleeps: Sleeps
) -> None:
    recorder = Recorder(
        in_use(**{"retry-after": "2"}), in_use(**{"retry-after": "1"}), httpx.Response(200, json=STARTED)
    )
    started = call(flavor, recorder, starting(KEYED), max_retries=2)
    assert started.id == "call_1"
    assert sleeps.delays == [2.0, 1.0]
    assert len(set(keys(recorder))) == 1
    assert len({sent.content for sent in recorder.sent}) == 1


@flavors
def test_a_key_in_use_without_retry_after_waits_the_backoff(flavor: Flavor, sleeps: Sleeps) -> None:
    recorder = Recorder(in_use(), httpx.Response(200, json=STARTED))
    call(flavor, recorder, starting(KEYED), max_retries=2)
    assert len(recorder.sent) == 2
    assert len(sleeps.delays) == 1
    assert 0.375 <= sleeps.delays[0] <= 0.5  # the first backoff, 0.5 s less up to 25 % jitter


@flavors
def test_a_key_still_in_use_when_the_retries_are_spent_raises_its_class_with_the_key(
    flavor: Flavor, sleeps: Sleeps
) -> None:
    recorder = Recorder(in_use(**{"retry-after": "1"}))
    with pytest.raises(IdempotencyKeyInUseError) as caught:
        call(flavor, recorder, starting(KEYED), max_retries=3)
    assert len(recorder.sent) == 4
    assert sleeps.delays == [1.0, 1.0, 1.0]
    assert caught.value.idempotency_key == keys(recorder)[0]


@flavors
def test_a_key_reused_with_another_body_is_never_sent_again(flavor: Flavor, sleeps: Sleeps) -> None:
    recorder = Recorder(reused(), httpx.Response(200, json=STARTED))
    with pytest.raises(IdempotencyKeyReusedError) as caught:
        call(flavor, recorder, starting(KEYED, "order-42"), max_retries=3)
    assert len(recorder.sent) == 1
    assert sleeps.delays == []
    assert caught.value.idempotency_key == "order-42"


@flavors
def test_another_409_of_a_keyed_request_is_never_sent_again(flavor: Flavor, sleeps: Sleeps) -> None:
    recorder = Recorder(error(409, "NUMBER_BLOCKED", "Blocked"), httpx.Response(200, json=STARTED))
    with pytest.raises(ConflictError):
        call(flavor, recorder, starting(KEYED), max_retries=3)
    assert len(recorder.sent) == 1


@flavors
def test_a_key_in_use_answer_to_a_request_without_a_key_is_not_sent_again(flavor: Flavor, sleeps: Sleeps) -> None:
    """The server can only say IN_USE of a key: a request without one that gets it is not trusted to be unharmed."""
    recorder = Recorder(in_use(), httpx.Response(200, json=STARTED))
    with pytest.raises(IdempotencyKeyInUseError) as caught:
        call(flavor, recorder, starting(UNKEYED), max_retries=3)
    assert len(recorder.sent) == 1
    assert caught.value.idempotency_key is None


def test_the_rule_sends_a_keyed_request_again_after_in_use_only() -> None:
    assert should_retry("POST", status_code=409, idempotency="optional", code="IDEMPOTENCY_KEY_IN_USE")
    assert not should_retry("POST", status_code=409, idempotency="optional", code="IDEMPOTENCY_KEY_REUSED")
    assert not should_retry("POST", status_code=409, idempotency="optional", code=None)
    assert not should_retry("POST", status_code=409, idempotency="none", code="IDEMPOTENCY_KEY_IN_USE")
    assert not should_retry("GET", status_code=409, idempotency="none", code="IDEMPOTENCY_KEY_IN_USE")


# --- the key on every error -------------------------------------------------------------------------------------------

FINAL: dict[str, tuple[Callable[[], Outcome], type[PilotStatusError]]] = {
    "500": (lambda: error(500), InternalServerError),
    "400": (lambda: error(400, "MISSING_TEMPLATE_VARIABLES"), BadRequestError),
    "409 REUSED": (reused, IdempotencyKeyReusedError),
    "ReadTimeout": (lambda: httpx.ReadTimeout("read timed out"), APITimeoutError),
    "RemoteProtocolError": (lambda: httpx.RemoteProtocolError("server disconnected"), APIConnectionError),
    "2xx that does not parse": (lambda: httpx.Response(200, json={"status": "QUEUED"}), APIResponseValidationError),
    "2xx that is not JSON": (lambda: httpx.Response(200, text="<html>"), APIResponseValidationError),
}
final = pytest.mark.parametrize(("make", "raised"), FINAL.values(), ids=FINAL.keys())


@flavors
@final
def test_every_error_of_a_keyed_request_carries_the_key_it_was_sent_with(
    flavor: Flavor, make: Callable[[], Outcome], raised: type[PilotStatusError]
) -> None:
    recorder = Recorder(make)
    with pytest.raises(PilotStatusError) as caught:
        call(flavor, recorder, starting(KEYED), max_retries=1)
    assert type(caught.value) is raised
    (key,) = set(keys(recorder))
    assert key is not None
    assert caught.value.idempotency_key == key
    assert KEY not in str(caught.value.idempotency_key)


@flavors
@final
def test_an_error_of_a_request_without_a_key_carries_none(
    flavor: Flavor, make: Callable[[], Outcome], raised: type[PilotStatusError]
) -> None:
    recorder = Recorder(make)
    with pytest.raises(PilotStatusError) as caught:
        call(flavor, recorder, starting(UNKEYED), max_retries=1)
    assert caught.value.idempotency_key is None
    assert keys(recorder)[0] is None


# --- the caller's key -------------------------------------------------------------------------------------------------


@flavors
def test_the_callers_key_is_sent_as_given_on_every_attempt(flavor: Flavor, sleeps: Sleeps) -> None:
    recorder = Recorder(error(503), httpx.ReadTimeout("slow"), httpx.Response(200, json=STARTED))
    call(flavor, recorder, starting(KEYED, "order-42/attempt~1"), max_retries=2)
    assert keys(recorder) == ["order-42/attempt~1"] * 3


@pytest.mark.parametrize("key", ["k", "x" * 255, "order-42", "a b", "~!@#$%^&*()_+{}|:<>?"], ids=repr)
def test_a_key_of_1_to_255_printable_ascii_characters_is_accepted(key: str) -> None:
    assert check_idempotency_key(key) == key


BAD_KEYS: dict[str, tuple[object, str]] = {
    "empty": ("", "idempotency_key must not be empty."),
    "256 characters": ("x" * 256, "idempotency_key must be at most 255 characters long, not 256."),
    "a NUL": ("order\x0042", r"holds '\x00' at position 5"),
    "a newline": ("order\n42", r"holds '\n' at position 5"),
    "a DEL": ("order\x7f", r"holds '\x7f' at position 5"),
    "beyond ASCII": ("pedido-nº1", r"holds '\xba' at position 8"),
    "a space at an end": (" order-42", "idempotency_key has spaces at an end"),
    "a number": (42, "idempotency_key must be a string, not int."),
}


@flavors
@pytest.mark.parametrize(("key", "problem"), BAD_KEYS.values(), ids=BAD_KEYS.keys())
def test_a_bad_key_is_refused_naming_it_before_any_request(flavor: Flavor, key: Any, problem: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        call(flavor, never_called, starting(KEYED, key))
    assert caught.value.argument == "idempotency_key"
    assert str(caught.value).startswith("idempotency_key ")
    assert problem in str(caught.value)
    assert caught.value.idempotency_key is None


@flavors
@pytest.mark.parametrize("key", [KEY, f"order-{KEY}"], ids=["the key", "holding the key"])
def test_a_key_holding_the_api_key_is_refused_without_quoting_it(flavor: Flavor, key: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        call(flavor, never_called, starting(KEYED, key))
    assert caught.value.argument == "idempotency_key"
    assert KEY not in str(caught.value)
    assert KEY not in repr(caught.value)


def test_a_key_given_to_an_operation_that_honours_none_is_refused() -> None:
    transport = httpx.MockTransport(never_called)
    with (
        PilotStatus(api_key=KEY, base_url=BASE_URL, transport=transport) as client,
        pytest.raises(InvalidInputError, match="post_calls honours no Idempotency-Key"),
    ):
        starting(UNKEYED, "order-42")(client)
