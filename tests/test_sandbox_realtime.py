"""The realtime session's WebSocket (`wsUrl`), served by the sandbox: a single-use token, PCM16 frames both ways, a
tone from the peer, and the socket closed when the call ends. Every receive has a generous timeout, as a hang
guard only: nothing here is timed."""

from __future__ import annotations

import itertools
import math
import struct
from collections.abc import Iterator
from urllib.parse import urlsplit

import httpx
import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import ClientConnection, connect

from pilotstatus_sandbox._realtime import FRAME_BYTES, SAMPLE_RATE, TONE_HZ
from tests._sandbox_client import SandboxClient, manual_sandbox

GUARD = 10.0  # seconds: only so that a broken socket fails the test instead of hanging it


@pytest.fixture(scope="module")
def api() -> Iterator[SandboxClient]:
    with manual_sandbox(calls=5) as client:
        yield client


def answered_call(api: SandboxClient) -> str:
    call_id: str = api.incoming(key="web")["id"]
    api.ok("POST", f"/v1/calls/{call_id}/accept", key="web")
    return call_id


def session(api: SandboxClient, call_id: str, mode: str = "talk") -> dict[str, object]:
    opened: dict[str, object] = api.ok("POST", f"/v1/calls/{call_id}/realtime-session", key="web", json={"mode": mode})
    return opened


def ws_url(api: SandboxClient, call_id: str, mode: str = "talk") -> str:
    url = session(api, call_id, mode)["wsUrl"]
    assert isinstance(url, str)
    return url


def close_code(socket: ClientConnection) -> int:
    """Read until the server closes; the close code it sent."""
    with pytest.raises(ConnectionClosed) as closed:
        drain(socket)
    assert closed.value.rcvd is not None, "the server closed without a close frame"
    return closed.value.rcvd.code


def drain(socket: ClientConnection) -> None:
    """Receive frames until the socket closes (which raises `ConnectionClosed`)."""
    while True:
        socket.recv(timeout=GUARD)


def samples(frame: bytes) -> tuple[int, ...]:
    return struct.unpack(f"<{len(frame) // 2}h", frame)


def test_the_session_points_at_the_sandboxs_own_socket_on_the_requests_host(api: SandboxClient) -> None:
    call_id = answered_call(api)
    opened = session(api, call_id)
    url = urlsplit(str(opened["wsUrl"]))
    assert (url.scheme, url.netloc) == ("ws", urlsplit(api.sandbox.url).netloc)
    assert url.path == f"/_sandbox/realtime/{call_id}"
    assert url.query == f"token={opened['token']}"
    assert opened["expiresInSeconds"] == 120


def test_the_peer_sends_a_440_hz_tone_in_20_ms_pcm16_frames(api: SandboxClient) -> None:
    call_id = answered_call(api)
    with connect(ws_url(api, call_id)) as socket:
        frames = [socket.recv(timeout=GUARD) for _ in range(50)]  # one second of audio
    assert all(isinstance(frame, bytes) and len(frame) == FRAME_BYTES for frame in frames)
    audio = [sample for frame in frames for sample in samples(frame)]  # type: ignore[arg-type]
    assert len(audio) == SAMPLE_RATE
    rises = sum(1 for before, after in itertools.pairwise(audio) if before < 0 <= after)
    assert rises in (TONE_HZ - 1, TONE_HZ, TONE_HZ + 1)
    peak = max(abs(sample) for sample in audio)
    assert 0 < peak < 32767
    expected = [round(peak * math.sin(2 * math.pi * TONE_HZ * n / SAMPLE_RATE)) for n in range(SAMPLE_RATE)]
    assert max(abs(a - b) for a, b in zip(audio, expected, strict=True)) <= 2


def test_talk_mode_takes_the_clients_frames_and_keeps_sending(api: SandboxClient) -> None:
    call_id = answered_call(api)
    with connect(ws_url(api, call_id, "talk")) as socket:
        for _ in range(5):
            socket.send(b"\x01\x00" * 320)
        assert all(len(socket.recv(timeout=GUARD)) == FRAME_BYTES for _ in range(10))


def test_the_socket_closes_with_1000_when_the_call_is_terminated(api: SandboxClient) -> None:
    call_id = answered_call(api)
    with connect(ws_url(api, call_id)) as socket:
        socket.recv(timeout=GUARD)
        api.ok("POST", f"/v1/calls/{call_id}/terminate", key="web")
        assert close_code(socket) == 1000


def test_the_socket_closes_with_1000_when_the_peer_hangs_up(api: SandboxClient) -> None:
    call_id = answered_call(api)
    with connect(ws_url(api, call_id, "listen")) as socket:
        socket.recv(timeout=GUARD)
        api.ok("POST", f"/_sandbox/calls/{call_id}/hangup", key="web")
        assert close_code(socket) == 1000


def test_a_token_is_single_use(api: SandboxClient) -> None:
    call_id = answered_call(api)
    url = ws_url(api, call_id)
    with connect(url) as first:
        assert len(first.recv(timeout=GUARD)) == FRAME_BYTES
        with connect(url) as second:
            assert close_code(second) == 1008
    with connect(url) as third:
        assert close_code(third) == 1008


@pytest.mark.parametrize("token", ["", "nope", "a" * 32])
def test_an_unknown_token_is_closed_with_1008_before_any_audio(api: SandboxClient, token: str) -> None:
    call_id = answered_call(api)
    session(api, call_id)  # a real token exists for the call, but it is not this one
    with connect(f"ws://{urlsplit(api.sandbox.url).netloc}/_sandbox/realtime/{call_id}?token={token}") as socket:
        assert close_code(socket) == 1008


def test_a_token_of_another_call_is_refused(api: SandboxClient) -> None:
    first, second = answered_call(api), answered_call(api)
    token = session(api, first)["token"]
    with connect(f"ws://{urlsplit(api.sandbox.url).netloc}/_sandbox/realtime/{second}?token={token}") as socket:
        assert close_code(socket) == 1008


def test_an_expired_token_is_refused(api: SandboxClient) -> None:
    call_id = answered_call(api)
    url = ws_url(api, call_id)
    api.advance(120)
    with connect(url) as socket:
        assert close_code(socket) == 1008


def test_a_token_for_a_call_that_ended_is_refused(api: SandboxClient) -> None:
    call_id = answered_call(api)
    url = ws_url(api, call_id)
    api.ok("POST", f"/v1/calls/{call_id}/terminate", key="web")
    with connect(url) as socket:
        assert close_code(socket) == 1008


def test_talk_mode_refuses_a_text_frame_with_1003(api: SandboxClient) -> None:
    call_id = answered_call(api)
    with connect(ws_url(api, call_id, "talk")) as socket:
        socket.send("hello")
        assert close_code(socket) == 1003


def test_talk_mode_refuses_half_a_sample_with_1007(api: SandboxClient) -> None:
    call_id = answered_call(api)
    with connect(ws_url(api, call_id, "talk")) as socket:
        socket.send(b"\x00" * 3)
        assert close_code(socket) == 1007


def test_listen_mode_ignores_what_it_receives(api: SandboxClient) -> None:
    call_id = answered_call(api)
    with connect(ws_url(api, call_id, "listen")) as socket:
        socket.send("hello")
        socket.send(b"\x00" * 3)
        assert all(len(socket.recv(timeout=GUARD)) == FRAME_BYTES for _ in range(5))


def test_a_session_needs_an_answered_call(api: SandboxClient) -> None:
    call_id: str = api.incoming(key="web")["id"]
    response = api.post(f"/v1/calls/{call_id}/realtime-session", key="web", json={"mode": "talk"})
    assert (response.status_code, response.json()["code"]) == (409, "INVALID_CALL_STATE")


def test_a_plain_http_request_to_the_socket_is_426(api: SandboxClient) -> None:
    response = httpx.get(f"{api.sandbox.url}/_sandbox/realtime/call_1?token=x")
    assert response.status_code == 426
    assert response.headers["upgrade"] == "websocket"
