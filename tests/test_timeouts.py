"""`timeout=` bounds each attempt as a whole: a body dripped a chunk at a time cannot hold an attempt past
`timeout.read` seconds, however short each wait for a chunk is. Time is a fake clock here: no test waits."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from pilotstatus import APITimeoutError, AsyncPilotStatus, PilotStatus
from tests._clients import BASE_URL, KEY, Sleeps


class FakeClock:
    """A monotonic clock that only moves when told to."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    fake = FakeClock()
    monkeypatch.setattr("pilotstatus._base_client.monotonic", fake, raising=False)
    return fake


class Drip(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body of `chunks` one-byte chunks (the JSON of an empty page, padded with spaces), each arriving `seconds`
    after the one before on the fake clock."""

    def __init__(self, clock: FakeClock, *, chunks: int, seconds: float) -> None:
        self._clock = clock
        self._body = json.dumps({"calls": []}).encode().ljust(chunks)
        self._seconds = seconds
        self.sent = 0

    def __iter__(self) -> Iterator[bytes]:
        for byte in self._body:
            self._clock.now += self._seconds
            self.sent += 1
            yield bytes([byte])

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self:
            yield chunk


def dripping(clock: FakeClock, *, chunks: int, seconds: float) -> tuple[list[Drip], httpx.MockTransport]:
    """A transport answering every request with a new dripped 200 body; the bodies it sent, to count them."""
    bodies: list[Drip] = []

    def handler(request: httpx.Request) -> httpx.Response:
        bodies.append(Drip(clock, chunks=chunks, seconds=seconds))
        return httpx.Response(200, stream=bodies[-1], headers={"content-type": "application/json"})

    return bodies, httpx.MockTransport(handler)


def test_a_body_dripped_past_the_read_timeout_raises_a_timeout_instead_of_running_on(
    clock: FakeClock, sleeps: Sleeps
) -> None:
    bodies, transport = dripping(clock, chunks=100_000, seconds=1.0)
    client = PilotStatus(api_key=KEY, base_url=BASE_URL, transport=transport, timeout=10, max_retries=0)
    with client, pytest.raises(APITimeoutError) as caught:
        client.calls.list()
    (body,) = bodies
    assert body.sent == 11  # the chunk that came after 10 s ended the attempt; the 99,989 others were never read
    assert str(caught.value) == (
        "Timed out reading the response from api.test:443: the read timeout is 10 s"
        " (ReadTimeout: The response did not arrive in full within the attempt's 10.0 s)"
    )


def test_each_attempt_has_its_own_deadline_and_a_timed_out_read_is_retried(clock: FakeClock, sleeps: Sleeps) -> None:
    bodies, transport = dripping(clock, chunks=100_000, seconds=1.0)
    client = PilotStatus(api_key=KEY, base_url=BASE_URL, transport=transport, timeout=10, max_retries=2)
    with client, pytest.raises(APITimeoutError):
        client.calls.list()
    assert [body.sent for body in bodies] == [11, 11, 11]
    assert len(sleeps.delays) == 2


def test_a_slow_body_that_arrives_within_the_read_timeout_is_read(clock: FakeClock) -> None:
    bodies, transport = dripping(clock, chunks=20, seconds=0.5)
    with PilotStatus(api_key=KEY, base_url=BASE_URL, transport=transport, timeout=10) as client:
        assert client.calls.list().items == []
    assert [body.sent for body in bodies] == [20]


def test_the_connect_timeout_does_not_shorten_the_bound_of_the_body(clock: FakeClock) -> None:
    bodies, transport = dripping(clock, chunks=20, seconds=1.0)  # 20 s in all
    timeout = httpx.Timeout(30.0, connect=5.0)
    with PilotStatus(api_key=KEY, base_url=BASE_URL, transport=transport, timeout=timeout) as client:
        assert client.calls.list().items == []
    assert [body.sent for body in bodies] == [20]


def test_no_read_timeout_means_no_bound_on_the_attempt(clock: FakeClock) -> None:
    bodies, transport = dripping(clock, chunks=200, seconds=100.0)
    client = PilotStatus(api_key=KEY, base_url=BASE_URL, transport=transport, timeout=httpx.Timeout(None))
    with client:
        assert client.calls.list().items == []
    assert [body.sent for body in bodies] == [200]


def test_the_async_client_bounds_each_attempt_the_same_way(clock: FakeClock, sleeps: Sleeps) -> None:
    bodies: list[Drip] = []

    def handler(request: httpx.Request) -> httpx.Response:
        bodies.append(Drip(clock, chunks=100_000, seconds=1.0))
        return httpx.Response(200, stream=bodies[-1])

    async def main() -> None:
        transport = httpx.MockTransport(handler)
        async with AsyncPilotStatus(
            api_key=KEY, base_url=BASE_URL, transport=transport, timeout=10, max_retries=1
        ) as client:
            await client.calls.list()

    with pytest.raises(APITimeoutError, match=r"the read timeout is 10 s \(ReadTimeout: The response did not arrive"):
        asyncio.run(main())
    assert [body.sent for body in bodies] == [11, 11]
