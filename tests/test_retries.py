"""Retries: reads are retried after 429, 5xx, timeouts and broken connections; a request that changes state only
after a 429 or a connection that never opened. The rule itself is `pilotstatus._retries.should_retry`."""

from __future__ import annotations

import asyncio
import email.utils
import json
from collections.abc import Callable, Iterator

import httpx
import pytest

from pilotstatus import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    InternalServerError,
    PilotStatusError,
    RateLimitError,
)
from pilotstatus._retries import RetryPolicy, should_retry
from tests._clients import KEY, Sleeps, async_client, json_response, sync_client

PAGE: dict[str, list[object]] = {"calls": []}
# A POST request as a later Calls operation (start a call) will describe it; nothing generated sends one yet.
START_CALL = {"method": "post", "url": "/v1/calls", "json": {"to": "5511999999999"}}


class Script:
    """A handler that plays its outcomes in order (a response, or an exception to raise) and counts requests."""

    def __init__(self, *outcomes: httpx.Response | Exception) -> None:
        self._outcomes: Iterator[httpx.Response | Exception] = iter(outcomes)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        outcome = next(self._outcomes)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome


def raw(response: httpx.Response) -> httpx.Response:
    """The parse step of a request whose response is used as it is."""
    return response


def ok() -> httpx.Response:
    return json_response(200, PAGE)


def status(code: int, **headers: str) -> httpx.Response:
    return json_response(code, {"error": f"status {code}"}, **headers)


RETRIED_FOR_GET: list[Callable[[], httpx.Response | Exception]] = [
    lambda: status(429),
    lambda: status(500),
    lambda: status(502),
    lambda: status(503),
    lambda: status(504),
    lambda: status(408),
    lambda: httpx.ConnectError("refused"),
    lambda: httpx.ConnectTimeout("connect timeout"),
    lambda: httpx.ReadTimeout("read timeout"),
    lambda: httpx.ReadError("reset"),
    lambda: httpx.RemoteProtocolError("disconnected"),
]
NOT_RETRIED: list[Callable[[], httpx.Response | Exception]] = [
    lambda: status(400),
    lambda: status(401),
    lambda: status(402),
    lambda: status(403),
    lambda: status(404),
    lambda: status(409),
    lambda: httpx.UnsupportedProtocol("ftp"),
]


def label(make: Callable[[], httpx.Response | Exception]) -> str:
    outcome = make()
    return str(outcome.status_code) if isinstance(outcome, httpx.Response) else type(outcome).__name__


@pytest.mark.parametrize("failure", RETRIED_FOR_GET, ids=label)
def test_a_get_is_retried_until_it_succeeds(failure: Callable[[], httpx.Response | Exception], sleeps: Sleeps) -> None:
    script = Script(failure(), failure(), ok())
    with sync_client(script) as client:
        page = client.calls.list()
    assert page.items == []
    assert len(script.requests) == 3
    assert len(sleeps.delays) == 2


GIVE_UP_WITH = {
    "429": RateLimitError,
    "500": InternalServerError,
    "502": InternalServerError,
    "503": InternalServerError,
    "504": InternalServerError,
    "408": APIStatusError,
    "ConnectError": APIConnectionError,
    "ConnectTimeout": APITimeoutError,
    "ReadTimeout": APITimeoutError,
    "ReadError": APIConnectionError,
    "RemoteProtocolError": APIConnectionError,
}


@pytest.mark.parametrize("failure", RETRIED_FOR_GET, ids=label)
def test_a_get_gives_up_after_max_retries_with_the_last_error(
    failure: Callable[[], httpx.Response | Exception], sleeps: Sleeps
) -> None:
    script = Script(*(failure() for _ in range(4)))
    with sync_client(script, max_retries=3) as client, pytest.raises(PilotStatusError) as caught:
        client.calls.list()
    assert len(script.requests) == 4
    assert len(sleeps.delays) == 3
    assert type(caught.value) is GIVE_UP_WITH[label(failure)]


@pytest.mark.parametrize("failure", NOT_RETRIED, ids=label)
def test_a_client_error_is_never_retried(failure: Callable[[], httpx.Response | Exception], sleeps: Sleeps) -> None:
    script = Script(failure(), ok())
    with sync_client(script) as client, pytest.raises(PilotStatusError):
        client.calls.list()
    assert len(script.requests) == 1
    assert sleeps.delays == []


def test_max_retries_zero_sends_once(sleeps: Sleeps) -> None:
    script = Script(status(503), ok())
    with sync_client(script, max_retries=0) as client, pytest.raises(InternalServerError):
        client.calls.list()
    assert len(script.requests) == 1


@pytest.mark.parametrize(
    ("failure", "retried"),
    [
        (lambda: status(429), True),
        (lambda: httpx.ConnectError("refused"), True),
        (lambda: httpx.ConnectTimeout("connect timeout"), True),
        (lambda: httpx.PoolTimeout("no free connection"), True),
        (lambda: status(500), False),
        (lambda: status(502), False),
        (lambda: status(503), False),
        (lambda: status(408), False),
        (lambda: httpx.ReadTimeout("read timeout"), False),
        (lambda: httpx.WriteTimeout("write timeout"), False),
        (lambda: httpx.ReadError("reset"), False),
        (lambda: httpx.WriteError("broken pipe"), False),
        (lambda: httpx.RemoteProtocolError("disconnected"), False),
    ],
    ids=lambda value: label(value) if callable(value) else str(value),
)
def test_a_post_is_resent_only_when_it_cannot_have_reached_the_server(
    failure: Callable[[], httpx.Response | Exception], retried: bool, sleeps: Sleeps
) -> None:
    script = Script(failure(), json_response(201, {"id": "call_1"}))
    with sync_client(script) as client:
        if retried:
            assert client._request(START_CALL, raw).status_code == 201
        else:
            with pytest.raises(PilotStatusError):
                client._request(START_CALL, raw)
    assert len(script.requests) == (2 if retried else 1)
    assert all(request.method == "POST" for request in script.requests)


@pytest.mark.parametrize("method", ["GET", "get", "HEAD", "OPTIONS"])
def test_the_rule_treats_reads_as_safe(method: str) -> None:
    assert should_retry(method, status_code=503)
    assert should_retry(method, error=httpx.ReadTimeout("t"))


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
def test_the_rule_treats_every_other_method_as_changing_state(method: str) -> None:
    assert not should_retry(method, status_code=503)
    assert not should_retry(method, error=httpx.ReadTimeout("t"))
    assert should_retry(method, status_code=429)
    assert should_retry(method, error=httpx.ConnectError("refused"))


def test_retry_after_in_seconds_is_honoured(sleeps: Sleeps) -> None:
    script = Script(status(429, **{"retry-after": "3"}), status(503, **{"retry-after": "0.5"}), ok())
    with sync_client(script) as client:
        client.calls.list()
    assert sleeps.delays == [3.0, 0.5]


def test_retry_after_as_an_http_date_is_honoured(sleeps: Sleeps, monkeypatch: pytest.MonkeyPatch) -> None:
    now = 1_769_688_000.0  # 2026-01-29T12:00:00Z
    monkeypatch.setattr("pilotstatus._retries.clock", lambda: now)
    script = Script(status(429, **{"retry-after": email.utils.formatdate(now + 30, usegmt=True)}), ok())
    with sync_client(script) as client:
        client.calls.list()
    assert sleeps.delays == [30.0]


def test_retry_after_in_the_past_means_retry_now(sleeps: Sleeps) -> None:
    script = Script(status(429, **{"retry-after": "Wed, 21 Oct 2015 07:28:00 GMT"}), ok())
    with sync_client(script) as client:
        client.calls.list()
    assert sleeps.delays == [0.0]


def test_a_retry_after_beyond_the_cap_is_not_waited_for(sleeps: Sleeps) -> None:
    script = Script(status(429, **{"retry-after": "3600"}), ok())
    with sync_client(script) as client, pytest.raises(RateLimitError) as caught:
        client.calls.list()
    assert caught.value.retry_after == 3600.0
    assert len(script.requests) == 1
    assert sleeps.delays == []


def test_a_429_body_asking_for_a_wait_in_seconds_is_honoured_when_there_is_no_header(sleeps: Sleeps) -> None:
    script = Script(json_response(429, {"error": "Slow down", "retryAfterSeconds": 3}), ok())
    with sync_client(script) as client:
        client.calls.list()
    assert sleeps.delays == [3.0]


def test_the_retry_after_header_wins_over_the_body(sleeps: Sleeps) -> None:
    body = {"error": "Slow down", "retryAfterSeconds": 50}
    script = Script(json_response(429, body, **{"retry-after": "2"}), ok())
    with sync_client(script) as client:
        client.calls.list()
    assert sleeps.delays == [2.0]


def test_a_body_asking_for_too_long_a_wait_raises_at_once_saying_how_long(sleeps: Sleeps) -> None:
    script = Script(json_response(429, {"error": "Slow down", "retryAfterSeconds": 3600}), ok())
    with sync_client(script) as client, pytest.raises(RateLimitError) as caught:
        client.calls.list()
    assert caught.value.retry_after == 3600.0
    assert len(script.requests) == 1
    assert sleeps.delays == []


@pytest.mark.parametrize("hint", ["3", -1, True, None, [3], 10**400, float("inf")], ids=repr)
def test_a_body_hint_that_is_not_a_wait_falls_back_to_backoff(hint: object, sleeps: Sleeps) -> None:
    content = json.dumps({"error": "Slow down", "retryAfterSeconds": hint})  # inf as Infinity, which json reads
    script = Script(httpx.Response(429, content=content.encode()), ok())
    with sync_client(script) as client:
        client.calls.list()
    (delay,) = sleeps.delays
    assert 0.375 <= delay <= 0.5


@pytest.mark.parametrize(
    "value", ["soon", "-5", "nan", "inf", "", "1_0", "Wed, 21 Oct 99999999999999999999 07:28:00 GMT"]
)
def test_an_unreadable_retry_after_falls_back_to_backoff(value: str, sleeps: Sleeps) -> None:
    script = Script(status(429, **{"retry-after": value}), ok())
    with sync_client(script) as client:
        client.calls.list()
    (delay,) = sleeps.delays
    assert 0.375 <= delay <= 0.5


def test_backoff_doubles_with_jitter_up_to_its_ceiling() -> None:
    policy = RetryPolicy()
    for retries_done, ceiling in enumerate([0.5, 1, 2, 4, 8, 8, 8]):
        delays = {policy.delay(retries_done) for _ in range(50)}
        assert all(delay is not None and 0.75 * ceiling <= delay <= ceiling for delay in delays)
        assert len(delays) > 1  # jittered


def test_the_async_client_follows_the_same_rules(sleeps: Sleeps) -> None:
    get_script = Script(status(503), httpx.ReadTimeout("t"), ok())
    post_script = Script(status(503), ok())

    async def main() -> None:
        async with async_client(get_script) as client:
            await client.calls.list()
        async with async_client(post_script) as client:
            with pytest.raises(InternalServerError):
                await client._request(START_CALL, raw)

    asyncio.run(main())
    assert len(get_script.requests) == 3
    assert len(post_script.requests) == 1
    assert len(sleeps.delays) == 2


def test_the_async_client_gives_up_with_a_timeout_error(sleeps: Sleeps) -> None:
    script = Script(*(httpx.ReadTimeout("t") for _ in range(3)))

    async def main() -> None:
        async with async_client(script) as client:
            await client.calls.list()

    with pytest.raises(APITimeoutError):
        asyncio.run(main())
    assert len(script.requests) == 3


def test_each_retry_is_logged_without_the_key(caplog: pytest.LogCaptureFixture, sleeps: Sleeps) -> None:
    caplog.set_level("DEBUG")
    with sync_client(Script(status(503), ok())) as client:
        client.calls.list()
    retries = [record for record in caplog.records if record.name == "pilotstatus"]
    assert len(retries) == 1
    assert "Retrying GET /v1/calls" in retries[0].getMessage()
    assert KEY not in caplog.text
