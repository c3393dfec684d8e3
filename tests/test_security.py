"""The key stays secret: it is in no repr, no exception, no log line, and it never follows a redirect."""

from __future__ import annotations

import asyncio
import gc
import logging
import traceback
import weakref
from collections.abc import Iterator

import httpx
import pytest

from pilotstatus import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    AuthenticationError,
    PilotStatus,
    PilotStatusError,
)
from tests._clients import BASE_URL, KEY, async_client, json_response, sync_client
from tests._fake_api import FakeCallsAPI, dataset
from tests._loopback import serve


def everything_said_about(error: BaseException) -> str:
    """Every text an exception shows: str, repr, the formatted traceback with its chain, the body and message it
    carries, and the reprs of its request and response. (The raw bytes of `.response` are the server's own.)"""
    parts = [str(error), repr(error), "".join(traceback.format_exception(error))]
    parts += [str(getattr(error, name, "")) for name in ("message", "text", "body")]
    response = getattr(error, "response", None)
    request = getattr(error, "request", None) or (response.request if response is not None else None)
    if request is not None:
        parts += [repr(request), repr(request.headers), str(dict(request.headers))]
    if response is not None:
        parts += [repr(response), repr(response.headers)]
    return "\n".join(parts)


def test_the_key_is_in_no_repr_of_the_client_or_what_it_returns() -> None:
    api = FakeCallsAPI(dataset(range(3)))
    with PilotStatus(api_key=KEY, base_url=BASE_URL, transport=api.transport()) as client:
        page = client.calls.list(limit=2)
        texts = [repr(client), repr(client._credentials), repr(client.calls), repr(page), repr(page.items)]
        texts += [repr(page.response.request.headers), str(dict(page.response.request.headers))]
        texts += [repr(page.next_cursor()), repr(vars(client))]
    assert all(KEY not in text for text in texts)
    assert "ps_****CRET" in repr(client)


def test_the_key_is_in_no_status_error_even_when_the_server_echoes_it() -> None:
    body = {"error": f"Invalid key {KEY}", "code": "INVALID_KEY"}
    client = sync_client(lambda request: json_response(401, body), max_retries=0)
    with client, pytest.raises(AuthenticationError) as caught:
        client.calls.list()
    said = everything_said_about(caught.value)
    assert KEY not in said
    assert "Invalid key [redacted]" in str(caught.value)


@pytest.mark.parametrize(
    "echo",
    [KEY, KEY.replace("_", "\\u005f")],
    ids=["plain", "json-escaped"],
)
def test_an_echoed_key_is_redacted_however_the_json_spells_it(echo: str) -> None:
    content = '{"error": "bad key ' + echo + '"}'
    client = sync_client(lambda request: httpx.Response(403, content=content.encode()), max_retries=0)
    with client, pytest.raises(APIStatusError) as caught:
        client.calls.list()
    assert KEY not in everything_said_about(caught.value)


@pytest.mark.parametrize("status", [401, 500, 302, 200], ids=["401", "500", "redirect", "2xx-unparsable"])
def test_a_key_echoed_in_the_reason_phrase_is_redacted_from_the_error_and_its_response(status: int) -> None:
    reason = f"Bad key {KEY}".encode()
    headers = {"location": "https://elsewhere.test/"} if status == 302 else {}
    client = sync_client(
        lambda request: httpx.Response(status, content=b"", headers=headers, extensions={"reason_phrase": reason}),
        max_retries=0,
    )
    with client, pytest.raises(PilotStatusError) as caught:
        client.calls.list()
    said = everything_said_about(caught.value)
    assert KEY not in said
    assert caught.value.response.reason_phrase == "Bad key [redacted]"  # type: ignore[attr-defined]
    if status == 401:
        assert caught.value.message == "Bad key [redacted]"  # type: ignore[attr-defined]
        assert str(caught.value) == "401 Bad key [redacted]"


def test_a_key_echoed_in_the_reason_phrase_is_redacted_by_the_async_client_too() -> None:
    response = httpx.Response(403, extensions={"reason_phrase": f"Bad key {KEY}".encode()})

    async def main() -> None:
        async with async_client(lambda request: response, max_retries=0) as client:
            await client.calls.list()

    with pytest.raises(APIStatusError) as caught:
        asyncio.run(main())
    assert KEY not in everything_said_about(caught.value)
    assert "Bad key [redacted]" in str(caught.value)


def test_the_key_is_in_no_redirect_error_or_validation_error() -> None:
    redirect = httpx.Response(302, headers={"location": f"https://elsewhere.test/?key={KEY}"}, text=f"see {KEY}")
    client = sync_client(lambda request: redirect, max_retries=0)
    with client, pytest.raises(APIStatusError) as redirected:
        client.calls.list()
    garbled = json_response(200, {"calls": [{"id": "call_1", "createdAt": KEY}]}, **{"x-echo": KEY})
    client = sync_client(lambda request: garbled, max_retries=0)
    with client, pytest.raises(APIResponseValidationError) as invalid:
        client.calls.list()
    assert KEY not in everything_said_about(redirected.value)
    assert KEY not in everything_said_about(invalid.value)
    assert "[redacted]" in str(redirected.value)


def test_a_multi_valued_header_keeps_its_values_when_an_echoed_key_is_redacted() -> None:
    headers = [("set-cookie", "a=1"), ("set-cookie", f"b={KEY}"), ("set-cookie", "c=3")]
    client = sync_client(lambda request: httpx.Response(500, headers=headers), max_retries=0)
    with client, pytest.raises(APIStatusError) as caught:
        client.calls.list()
    assert caught.value.headers.get_list("set-cookie") == ["a=1", "b=[redacted]", "c=3"]


@pytest.mark.parametrize("message", ["cannot connect", f"cannot connect with {KEY}"], ids=["plain", "echoing"])
def test_the_key_is_in_no_connection_error(message: str) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError(f"{message} for {request.url}")

    with sync_client(refuse, max_retries=1) as client, pytest.raises(APIConnectionError) as caught:
        client.calls.list()
    assert KEY not in everything_said_about(caught.value)


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_a_redirect_to_another_host_is_not_followed_and_the_key_never_reaches_it(status: int) -> None:
    hosts: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        hosts.append(request.url.host)
        if request.url.host == "api.test":
            return httpx.Response(status, headers={"location": "https://elsewhere.test/v1/calls"})
        return json_response(200, {"calls": []})

    # Even an injected client told to follow redirects does not follow them for this SDK.
    http = httpx.Client(transport=httpx.MockTransport(handler), follow_redirects=True)
    client = PilotStatus(api_key=KEY, base_url=BASE_URL, http_client=http)
    with client, pytest.raises(APIStatusError) as caught:
        client.calls.list()
    assert hosts == ["api.test"]
    assert caught.value.status_code == status
    assert "redirect to https://elsewhere.test/v1/calls not followed" in str(caught.value)
    assert KEY not in everything_said_about(caught.value)


@pytest.fixture
def loopback_api() -> Iterator[str]:
    """List calls over real HTTP: an empty page for KEY, 401 for any other key."""

    def handler(request: httpx.Request) -> httpx.Response:
        if request.headers.get("x-api-key") == KEY:
            return json_response(200, {"calls": []})
        return json_response(401, {"error": "Unauthorized"})

    with serve(handler) as base_url:
        yield base_url


def test_the_key_is_in_no_log_line_even_at_debug_level_over_real_http(
    loopback_api: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    with PilotStatus(api_key=KEY, base_url=loopback_api) as client:
        assert client.calls.list().items == []
    client = PilotStatus(api_key="ps_wrong_key_0000000000", base_url=loopback_api)
    with client, pytest.raises(PilotStatusError):
        client.calls.list()
    loggers = {record.name.split(".")[0] for record in caplog.records}
    assert {"httpx", "httpcore"} <= loggers  # the transport's own debug logging was on
    assert KEY not in caplog.text
    assert "ps_wrong_key_0000000000" not in caplog.text


def test_a_key_the_server_echoes_in_a_header_and_the_body_is_in_no_log_line_over_real_http(
    caplog: pytest.LogCaptureFixture,
) -> None:
    def echo(request: httpx.Request) -> httpx.Response:
        key = request.headers.get("x-api-key", "")
        return json_response(200, {"calls": [], "echo": key}, **{"x-echo": key, "set-cookie": f"k={key}"})

    caplog.set_level(logging.DEBUG)
    with serve(echo) as base_url, PilotStatus(api_key=KEY, base_url=base_url) as client:
        page = client.calls.list()
    assert page.response.json()["echo"] == KEY  # the server did echo it
    header_lines = [record for record in caplog.records if "receive_response_headers.complete" in record.getMessage()]
    assert header_lines, "httpcore logged no response headers"
    assert all(record.name == "httpcore.http11" for record in header_lines)  # a child logger, not "httpcore"
    assert "x-echo" in caplog.text
    assert KEY not in caplog.text
    assert "[redacted]" in caplog.text


@pytest.fixture
def heap_of_this_test() -> Iterator[None]:
    """The garbage of earlier tests collected (their clients, left in reference cycles), then everything alive frozen:
    the test's own collections look only at the objects it makes, in a moment however large the session's heap."""
    gc.collect()
    gc.freeze()
    yield
    gc.unfreeze()


@pytest.mark.usefixtures("heap_of_this_test")
def test_the_log_filter_is_installed_once_and_holds_only_live_clients_secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    from pilotstatus import _logging

    before = _logging.live_secrets()
    clients = [PilotStatus(api_key=KEY, base_url=BASE_URL) for _ in range(3)]  # the same key: three entries
    for name in _logging.LOGGERS:
        filters = [item for item in logging.getLogger(name).filters if isinstance(item, _logging.RedactSecrets)]
        assert len(filters) == 1, name
    assert _logging.live_secrets() == before + 3
    record = logging.LogRecord("httpcore.http11", logging.DEBUG, __file__, 1, "header %s", (KEY,), None)
    assert _logging.RedactSecrets().filter(record)
    assert record.getMessage() == "header [redacted]"
    clients[0].close()
    del clients[1:]
    gc.collect()
    assert _logging.live_secrets() == before + 1  # the key stays covered while one client with it lives
    del clients
    gc.collect()
    assert _logging.live_secrets() == before

    monkeypatch.setattr(_logging, "_live", weakref.WeakSet())  # no client alive
    record = logging.LogRecord("httpcore.http11", logging.DEBUG, __file__, 1, "header %s", (KEY,), None)
    assert _logging.RedactSecrets().filter(record)
    assert record.args == (KEY,)  # inert: the record is left as it is
