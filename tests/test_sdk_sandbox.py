"""The SDK against the sandbox over real HTTP: `calls.iter()` returns every call exactly once in order (runs of equal
`createdAt` included), each demo key raises its documented exception class, and every raw response the SDK
received conforms to the spec."""

from __future__ import annotations

import asyncio
import datetime
from collections import Counter

import httpx
import pytest

import pilotstatus
from pilotstatus import AsyncPilotStatus, PilotStatus
from pilotstatus_sandbox import SCENARIOS, Sandbox, SandboxConfig, Scenario
from tests._contract import FailureGroup, validate_with_spec

EXPECTED_ERRORS: dict[str, type[pilotstatus.APIStatusError]] = {
    "web-disconnected": pilotstatus.InstanceNotConnectedError,
    "unsupported-provider": pilotstatus.FeatureNotSupportedError,
    "tenant": pilotstatus.TenantScopeNotAllowedError,
    "rate-limited": pilotstatus.RateLimitError,
}
LISTING = {"meta": "META", "web": "EVO_GO"}


def scenario(name: str) -> Scenario:
    return next(s for s in SCENARIOS if s.name == name)


class Recorder:
    """Keeps every response the SDK received, through httpx's response hook."""

    def __init__(self) -> None:
        self.responses: list[httpx.Response] = []

    def __call__(self, response: httpx.Response) -> None:
        response.read()
        self.responses.append(response)


def expected_calls(sandbox: Sandbox, provider: str) -> list[tuple[str, datetime.datetime]]:
    return [
        (call["id"], datetime.datetime.fromisoformat(call["createdAt"]))
        for call in sandbox.app.state.histories[provider]
    ]


@pytest.mark.parametrize(("name", "page_size"), [("meta", 100), ("meta", 9), ("web", 25)])
def test_iter_returns_every_call_exactly_once_in_order(sandbox: Sandbox, name: str, page_size: int) -> None:
    expected = expected_calls(sandbox, LISTING[name])
    with PilotStatus(base_url=sandbox.url, api_key=scenario(name).api_key) as client:
        got = [(call.id, call.created_at) for call in client.calls.iter(page_size=page_size)]
    assert got == expected
    # The data does have runs of equal timestamps for the cursor to get through.
    assert max(Counter(created for _, created in expected).values()) > 1


@pytest.mark.parametrize("page_size", [1, 2])
def test_iter_with_the_smallest_pages_still_returns_every_call_once(page_size: int) -> None:
    with Sandbox(SandboxConfig(calls=400, seed=3)) as small:
        expected = expected_calls(small, "META")
        with PilotStatus(base_url=small.url, api_key=scenario("meta").api_key) as client:
            got = [(call.id, call.created_at) for call in client.calls.iter(page_size=page_size)]
    assert got == expected
    assert max(Counter(created for _, created in expected).values()) > page_size


def test_the_async_client_returns_every_call_exactly_once_in_order(sandbox: Sandbox) -> None:
    async def collect() -> list[str]:
        async with AsyncPilotStatus(base_url=sandbox.url, api_key_id=scenario("web").api_key_id) as client:
            return [call.id async for call in client.calls.iter(page_size=33)]

    assert asyncio.run(collect()) == [call["id"] for call in sandbox.app.state.histories["EVO_GO"]]


def test_a_window_of_time_returns_exactly_the_calls_inside_it(sandbox: Sandbox) -> None:
    history = list(sandbox.app.state.histories["META"])
    since, until = history[3000]["createdAt"], history[1000]["createdAt"]
    expected = [call["id"] for call in history if since <= call["createdAt"] < until]
    with PilotStatus(base_url=sandbox.url, api_key=scenario("meta").api_key) as client:
        assert [call.id for call in client.calls.iter(since=since, until=until, page_size=50)] == expected


@pytest.mark.parametrize("name", sorted(EXPECTED_ERRORS))
@pytest.mark.parametrize("header", ["api_key", "api_key_id"])
def test_each_error_key_raises_its_documented_exception(sandbox: Sandbox, name: str, header: str) -> None:
    demo = scenario(name)
    api_key, api_key_id = (demo.api_key, None) if header == "api_key" else (None, demo.api_key_id)
    with (
        PilotStatus(base_url=sandbox.url, api_key=api_key, api_key_id=api_key_id) as client,
        pytest.raises(EXPECTED_ERRORS[name]) as caught,
    ):
        client.calls.list()
    assert (caught.value.status_code, caught.value.code) == (demo.status, demo.code)
    if name == "rate-limited":
        assert isinstance(caught.value, pilotstatus.RateLimitError)
        assert caught.value.retry_after == demo.retry_after  # too long to wait: raised at once


def test_an_unknown_key_raises_authentication_error(sandbox: Sandbox) -> None:
    with (
        PilotStatus(base_url=sandbox.url, api_key="ps_not_a_sandbox_key") as client,
        pytest.raises(pilotstatus.AuthenticationError) as caught,
    ):
        client.calls.list()
    assert "ps_not_a_sandbox_key" not in str(caught.value)


def test_a_relay_only_number_gives_an_empty_page_with_its_notice(sandbox: Sandbox) -> None:
    with PilotStatus(base_url=sandbox.url, api_key=scenario("relay-only").api_key) as client:
        page = client.calls.list()
    assert (page.items, page.notice, page.has_next_page()) == ([], "PII_RELAY_ONLY", False)


def test_every_response_the_sdk_received_conforms_to_the_spec(sandbox: Sandbox) -> None:
    recorder = Recorder()
    keys = [(demo.api_key, demo.status) for demo in SCENARIOS] + [("ps_unknown_key", 401)]
    for key, status in keys:
        with (
            httpx.Client(event_hooks={"response": [recorder]}) as http,
            PilotStatus(base_url=sandbox.url, api_key=key, http_client=http, max_retries=0) as client,
        ):
            outcome = 200
            try:
                for _ in client.calls.iter(page_size=100):
                    pass
            except pilotstatus.APIStatusError as error:
                outcome = error.status_code
            assert outcome == status
    statuses = Counter(response.status_code for response in recorder.responses)
    assert set(statuses) == {200, 400, 401, 403, 409, 429}
    assert statuses[200] > 100
    for response in recorder.responses:
        validate_with_spec(response)


def test_a_response_that_breaks_the_spec_is_caught(sandbox: Sandbox) -> None:
    """The spec check above can fail: a call without its `createdAt` does not pass it."""
    response = httpx.get(f"{sandbox.url}/v1/calls", headers={"x-api-key": scenario("meta").api_key})
    body = response.json()
    del body["calls"][0]["createdAt"]
    broken = httpx.Response(200, json=body, request=response.request)
    broken.elapsed = response.elapsed
    with pytest.raises(FailureGroup) as caught:
        validate_with_spec(broken)
    assert '"createdAt" is a required property' in str(caught.value)
