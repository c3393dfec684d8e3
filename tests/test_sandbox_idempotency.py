"""Idempotency keys in the sandbox's request pipeline (whole-api §1.3): any operation whose catalogue `idempotency` is
`optional` or `required` honours an `Idempotency-Key`, whatever its area. Proven here on Start call made
idempotent in a copy of the spec (a state-changing operation whose effect is easy to count: one call a run), so
that nothing depends on one area's handler; the send's own keys, and a key in flight through a fault, are proven
against the real operation in test_sandbox_messages_http.py."""

from __future__ import annotations

import asyncio
import copy
import dataclasses
import functools
import itertools
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from starlette.applications import Starlette

from pilotstatus_api.catalogue import OPERATIONS, Idempotency
from pilotstatus_sandbox import SandboxConfig, create_app
from pilotstatus_sandbox._backend import Backend
from pilotstatus_sandbox._spec import load_spec
from tests._sandbox_client import KEYS

START = "/v1/calls"
ANSWERS = {"to": "+5511999990001"}
OTHER = {"to": "+5511999990002"}


def keyed_app(idempotency: Idempotency = "optional") -> Starlette:
    """The sandbox with Start call honouring an `Idempotency-Key` (`optional` or `required`)."""
    spec = copy.deepcopy(load_spec())
    spec["paths"][START]["post"]["x-pilotstatus"]["idempotency"] = idempotency
    operations = tuple(
        dataclasses.replace(entry, idempotency=idempotency) if entry.operation_id == "post_calls" else entry
        for entry in OPERATIONS
    )
    return create_app(SandboxConfig(calls=0, manual_clock=True), spec=spec, operations=operations)


def backend_of(app: Starlette) -> Backend:
    backend: Backend = app.state.backend
    return backend


def calls_made(app: Starlette, number_id: str = "num_sandbox_web") -> int:
    number = backend_of(app).number(number_id)
    assert number is not None
    return len(number.calls.list_calls(limit=100_000, before_ms=None))


class Client:
    """Requests to one in-process app, as the web number's key unless told otherwise."""

    def __init__(self, app: Starlette) -> None:
        self.app = app

    def start(self, body: Any = ANSWERS, *, key: str | None = "k-1", scenario: str = "web") -> httpx.Response:
        headers = {"x-api-key": KEYS[scenario]}
        if key is not None:
            headers["Idempotency-Key"] = key
        return asyncio.run(self._send("POST", START, json=body, headers=headers))

    async def _send(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        transport = httpx.ASGITransport(app=self.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://sandbox") as client:
            return await client.request(method, path, **kwargs)


@pytest.fixture
def client() -> Client:
    return Client(keyed_app())


def test_the_same_key_and_body_replays_the_stored_answer_and_runs_nothing_again(client: Client) -> None:
    first = client.start()
    again = client.start()
    assert first.status_code == 200
    assert "idempotent-replayed" not in first.headers
    assert (again.status_code, again.content) == (first.status_code, first.content)
    assert again.headers["idempotent-replayed"] == "true"
    assert calls_made(client.app) == 1


def test_the_same_body_reencoded_is_the_same_request(client: Client) -> None:
    first = client.start({"to": "+5511999990001", "bizOpaqueCallbackData": "x"})
    again = client.start({"bizOpaqueCallbackData": "x", "to": "+5511999990001"})  # other key order, other bytes
    assert again.headers["idempotent-replayed"] == "true"
    assert again.json() == first.json()


def test_the_same_key_with_another_body_is_409_reused_and_runs_nothing(client: Client) -> None:
    client.start(ANSWERS)
    reused = client.start(OTHER)
    assert reused.status_code == 409
    assert reused.json()["code"] == "IDEMPOTENCY_KEY_REUSED"
    assert calls_made(client.app) == 1


def test_only_a_2xx_answer_is_remembered_so_a_refused_request_leaves_its_key_free(client: Client) -> None:
    refused = client.start({"to": "+5511999990001", "sdp": "v=0"})  # a web number refuses an SDP: 400
    assert refused.status_code == 400
    again = client.start({"to": "+5511999990001", "sdp": "v=0"})
    assert again.status_code == 400
    assert "idempotent-replayed" not in again.headers
    assert client.start(ANSWERS).status_code == 200  # the key was free: another body is no reuse
    assert calls_made(client.app) == 1


def test_a_key_is_kept_24_hours_on_the_sandbox_clock(client: Client) -> None:
    client.start()
    backend_of(client.app).advance(24 * 3600 - 1)
    assert client.start().headers["idempotent-replayed"] == "true"
    backend_of(client.app).advance(1)
    after = client.start()
    assert (after.status_code, after.headers.get("idempotent-replayed")) == (200, None)
    assert calls_made(client.app) == 2


def test_a_key_belongs_to_its_number(client: Client) -> None:
    on_web = client.start(ANSWERS, scenario="web")
    on_meta = client.start({"to": "+5511999990001", "sdp": "v=0"}, scenario="meta")
    assert on_meta.status_code == 200
    assert "idempotent-replayed" not in on_meta.headers
    assert on_meta.json()["id"] != on_web.json()["id"]


@pytest.mark.parametrize(
    ("key", "named"),
    [("", "1 to 255 characters"), ("k" * 256, "not 256"), ("a\tb", "control characters")],
)
def test_an_invalid_key_is_400_idempotency_key_invalid_before_anything_runs(
    client: Client, key: str, named: str
) -> None:
    refused = client.start(key=key)
    assert (refused.status_code, refused.json()["code"]) == (400, "IDEMPOTENCY_KEY_INVALID")
    assert named in refused.json()["error"]
    assert calls_made(client.app) == 0


def test_a_key_of_255_characters_is_valid(client: Client) -> None:
    assert client.start(key="k" * 255).status_code == 200


def test_without_a_key_an_optional_key_operation_runs_each_time(client: Client) -> None:
    client.start(key=None)
    client.start(key=None)
    assert calls_made(client.app) == 2


def test_an_operation_whose_key_is_required_refuses_a_request_without_one() -> None:
    client = Client(keyed_app("required"))
    refused = client.start(key=None)
    assert (refused.status_code, refused.json()["code"]) == (400, "IDEMPOTENCY_KEY_INVALID")
    assert client.start(key="k-1").status_code == 200


def test_an_operation_without_the_trait_ignores_the_header() -> None:
    client = Client(create_app(SandboxConfig(calls=0, manual_clock=True)))
    client.start(key="k-1")
    second = client.start(key="k-1")
    assert "idempotent-replayed" not in second.headers
    assert calls_made(client.app) == 2


def test_a_key_whose_first_request_is_still_running_is_409_in_use(client: Client) -> None:
    async def scenario() -> tuple[httpx.Response, httpx.Response, httpx.Response]:
        transport = httpx.ASGITransport(app=client.app)
        headers = {"x-api-key": KEYS["web"]}
        async with httpx.AsyncClient(transport=transport, base_url="http://sandbox", headers=headers) as http:
            armed = await http.post(
                "/_sandbox/faults", json={"operation": "post_calls", "kind": "delay", "seconds": 30}
            )
            assert armed.status_code == 200
            keyed = {"Idempotency-Key": "k-1"}
            first = asyncio.create_task(http.post(START, json=ANSWERS, headers=keyed))
            while not (await http.get("/_sandbox/faults")).json()["faults"][0]["held"]:
                await asyncio.sleep(0)
            in_use = await http.post(START, json=ANSWERS, headers=keyed)
            await http.delete("/_sandbox/faults")  # lets the first request go on at once
            answered = await first
            replayed = await http.post(START, json=ANSWERS, headers=keyed)
            return in_use, answered, replayed

    in_use, answered, replayed = asyncio.run(scenario())
    assert (in_use.status_code, in_use.json()["code"]) == (409, "IDEMPOTENCY_KEY_IN_USE")
    assert answered.status_code == 200
    assert (replayed.content, replayed.headers["idempotent-replayed"]) == (answered.content, "true")
    assert calls_made(client.app) == 1


_REQUESTS = st.lists(st.tuples(st.sampled_from(["a", "b", "c"]), st.sampled_from([0, 1])), min_size=1, max_size=12)


_EXAMPLES = itertools.count()


@functools.cache
def shared_client() -> Client:
    return Client(keyed_app())


@settings(max_examples=30, deadline=None)
@given(requests=_REQUESTS)
def test_any_sequence_of_keyed_requests_runs_each_key_once_and_replays_its_first_answer(
    requests: list[tuple[str, int]],
) -> None:
    client = shared_client()  # one app for every example (building one is most of an example's time): keys of its own
    example = next(_EXAMPLES)
    before = calls_made(client.app)
    bodies = [ANSWERS, OTHER]
    first: dict[str, tuple[int, bytes]] = {}
    for key, which in requests:
        response = client.start(bodies[which], key=f"{example}-{key}")
        if key not in first:
            assert "idempotent-replayed" not in response.headers
            first[key] = (which, response.content)
        elif first[key][0] == which:
            assert (response.content, response.headers["idempotent-replayed"]) == (first[key][1], "true")
        else:
            assert (response.status_code, response.json()["code"]) == (409, "IDEMPOTENCY_KEY_REUSED")
    assert calls_made(client.app) - before == len(first)
