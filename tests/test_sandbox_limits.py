"""The sandbox's limits on what a request may hold: a body over its operation's limit is 413 PAYLOAD_TOO_LARGE,
refused by its Content-Length before it is read or, chunked, part-way through, never read to its end; and
`bizOpaqueCallbackData` holds at most 512 characters (Meta's limit; the SDK's refusal of more is in
test_operations_inputs)."""

from __future__ import annotations

import dataclasses
import http.client
import json
import socket
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from starlette.applications import Starlette

from pilotstatus_api.catalogue import OPERATIONS
from pilotstatus_sandbox import Sandbox, SandboxConfig, create_app
from pilotstatus_sandbox._spec import DEFAULT_BODY_LIMIT
from tests._sandbox_client import KEYS, send
from tests._spec import component_schema

HANG_GUARD = 30.0  # seconds: only a sandbox that waits for the whole body ever waits this long
CHUNK = 64 * 1024
START_CALL = {"to": "+5511999990001"}  # on the web number: a magic peer, no SDP, no permission needed


@pytest.fixture(scope="module")
def app() -> Starlette:
    return create_app(SandboxConfig(calls=5, manual_clock=True))


def padded(document: Any, size: int) -> dict[str, Any]:
    """A JSON body of `document` padded with trailing spaces to exactly `size` bytes (still the same JSON)."""
    text = json.dumps(document).encode()
    assert len(text) <= size
    return {"content": text + b" " * (size - len(text)), "headers": {"content-type": "application/json"}}


def assert_too_large(response: Any, limit: int = DEFAULT_BODY_LIMIT) -> None:
    assert response.status_code == 413, response.text
    assert response.json() == {
        "error": f"Payload too large: this operation takes a body of at most {limit} bytes",
        "code": "PAYLOAD_TOO_LARGE",
    }


# --- the body limit ------------------------------------------------------------------------------------------------


def test_a_body_of_exactly_the_limit_is_read_and_one_byte_more_is_413(app: Starlette) -> None:
    fits = send(app, "POST", "/v1/calls", "web", **padded(START_CALL, DEFAULT_BODY_LIMIT))
    assert fits.status_code == 200, fits.text
    too_large = send(app, "POST", "/v1/calls", "web", **padded(START_CALL, DEFAULT_BODY_LIMIT + 1))
    assert_too_large(too_large)


def test_the_413_is_the_apis_error_body_with_its_code(app: Starlette) -> None:
    response = send(app, "PUT", "/v1/calls/settings", content=b"{" * (DEFAULT_BODY_LIMIT + 1))
    assert_too_large(response)
    assert "PAYLOAD_TOO_LARGE" in component_schema("ErrorCode")["enum"]


@pytest.mark.parametrize(
    ("method", "path", "key"),
    [
        ("POST", "/v1/calls/call_1/accept", "meta"),
        ("POST", "/v1/calls/call_1/reject", "meta"),  # an operation that takes no body: its size still counts
        ("POST", "/v1/calls/permissions/request", "meta"),
        ("POST", "/v1/calls/call_1/play", "web"),
        ("POST", "/_sandbox/calls/incoming", "meta"),  # the helpers have the same limit
    ],
)
def test_every_operation_refuses_a_body_over_the_limit(app: Starlette, method: str, path: str, key: str) -> None:
    assert_too_large(send(app, method, path, key, content=b" " * (DEFAULT_BODY_LIMIT + 1)))


def test_a_body_over_the_limit_is_refused_by_its_content_length_before_any_of_it_is_read(app: Starlette) -> None:
    pulled = []

    async def body() -> AsyncIterator[bytes]:
        for _ in range(DEFAULT_BODY_LIMIT // CHUNK + 2):
            pulled.append(CHUNK)
            yield b" " * CHUNK

    length = str((DEFAULT_BODY_LIMIT // CHUNK + 2) * CHUNK)
    assert_too_large(send(app, "POST", "/v1/calls", "web", content=body(), headers={"content-length": length}))
    assert pulled == []


def test_a_chunked_body_is_read_only_until_it_passes_the_limit(app: Starlette) -> None:
    pulled = []

    async def body() -> AsyncIterator[bytes]:
        for _ in range(100 * DEFAULT_BODY_LIMIT // CHUNK):  # 100 MiB, were it all read
            pulled.append(CHUNK)
            yield b" " * CHUNK

    assert_too_large(send(app, "POST", "/v1/calls", "web", content=body()))
    assert sum(pulled) <= DEFAULT_BODY_LIMIT + CHUNK  # the chunk that passes the limit is the last one read


def test_the_auth_and_scope_checks_come_before_the_body_is_read(app: Starlette) -> None:
    response = send(app, "POST", "/v1/calls", "tenant", content=b" " * (DEFAULT_BODY_LIMIT + 1))
    assert (response.status_code, response.json()["code"]) == (403, "TENANT_SCOPE_NOT_ALLOWED")


def test_an_operation_sets_its_own_limit_in_the_catalogue() -> None:
    """The limit is the catalogue's `body_limit` (the operation's `x-pilotstatus.bodyLimit`), else the default."""
    own = {"post_calls": 100, "post_calls_callId_play": 4 * DEFAULT_BODY_LIMIT}
    entries = tuple(
        dataclasses.replace(entry, body_limit=own.get(entry.operation_id, entry.body_limit)) for entry in OPERATIONS
    )
    app = create_app(SandboxConfig(calls=5, manual_clock=True), operations=entries)
    assert_too_large(send(app, "POST", "/v1/calls", "web", **padded(START_CALL, 101)), limit=100)
    assert send(app, "POST", "/v1/calls", "web", **padded(START_CALL, 100)).status_code == 200
    media = {"mediaUrl": "https://example.com/a.mp3"}
    played = send(app, "POST", "/v1/calls/call_1/play", "web", **padded(media, 2 * DEFAULT_BODY_LIMIT))
    assert (played.status_code, played.json()["code"]) == (404, "CALL_NOT_FOUND")  # read, and passed on
    settings = send(app, "PUT", "/v1/calls/settings", **padded({}, DEFAULT_BODY_LIMIT + 1))
    assert_too_large(settings)  # any other operation keeps the default


def test_no_operation_sets_a_limit_yet() -> None:
    assert [entry.body_limit for entry in OPERATIONS] == [None] * len(OPERATIONS)


# --- over a real socket -------------------------------------------------------------------------------------------


@pytest.fixture
def connection(sandbox: Sandbox) -> Iterator[socket.socket]:
    url = urlsplit(sandbox.url)
    assert url.hostname is not None
    assert url.port is not None
    with socket.create_connection((url.hostname, url.port), timeout=HANG_GUARD) as made:
        yield made


def response_to(connection: socket.socket) -> tuple[int, Any]:
    answer = http.client.HTTPResponse(connection)
    answer.begin()
    return answer.status, json.loads(answer.read())


def head(*lines: str) -> bytes:
    return (
        "\r\n".join(["POST /v1/calls HTTP/1.1", "Host: sandbox", f"x-api-key: {KEYS['web']}", *lines]) + "\r\n\r\n"
    ).encode()


def test_a_declared_length_over_the_limit_is_answered_at_once_over_http(connection: socket.socket) -> None:
    """Nothing of the 100 MB it announces is sent: were the sandbox to wait for it, the hang guard would fail this."""
    connection.sendall(head("content-type: application/json", "content-length: 100000000"))
    status, body = response_to(connection)
    assert (status, body["code"]) == (413, "PAYLOAD_TOO_LARGE")


def test_a_chunked_body_passing_the_limit_is_answered_before_it_ends_over_http(connection: socket.socket) -> None:
    connection.sendall(head("content-type: application/json", "transfer-encoding: chunked"))
    for _ in range(DEFAULT_BODY_LIMIT // CHUNK + 1):  # past the limit; the last chunk is never sent
        connection.sendall(f"{CHUNK:x}\r\n".encode() + b" " * CHUNK + b"\r\n")
    status, body = response_to(connection)
    assert (status, body["code"]) == (413, "PAYLOAD_TOO_LARGE")


# --- bizOpaqueCallbackData: at most 512 characters --------------------------------------------------------------------


def test_callback_data_of_512_characters_is_kept_and_513_is_a_validation_error(app: Starlette) -> None:
    data = "é" * 512  # characters, not bytes
    started = send(app, "POST", "/v1/calls", "web", json={**START_CALL, "bizOpaqueCallbackData": data})
    assert started.status_code == 200, started.text
    assert (
        app.state.backend.number("num_sandbox_web").calls.get_call(started.json()["id"], include_sdp=False)[
            "bizOpaqueCallbackData"
        ]
        == data
    )
    refused = send(app, "POST", "/v1/calls", "web", json={**START_CALL, "bizOpaqueCallbackData": data + "x"})
    assert refused.status_code == 400
    assert set(refused.json()) == {"error"}  # a validation error: no code
    assert refused.json()["error"].startswith("Validation error: Invalid request body: bizOpaqueCallbackData (")
