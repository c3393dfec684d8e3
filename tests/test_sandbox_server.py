"""Serving the sandbox (`serve` in the foreground, `Sandbox` in a thread): every connection it answers on has
TCP_NODELAY (without it, Nagle's algorithm and the client's delayed ACK stall each kept-alive request about 40 ms);
a port in use is a `ListenError` naming the address; the printed base URL carries the real port, in brackets for
IPv6; `::` answers IPv4 and IPv6 alike; the banner shows the settings and the webhook target, never the secret; and
leaving a `Sandbox` stops every thread it started (the app's lifespan runs: uvicorn's lifespan is on)."""

from __future__ import annotations

import contextlib
import io
import itertools
import re
import socket
import threading
import types
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import uvicorn

from pilotstatus_sandbox import ListenError, Sandbox, SandboxConfig, _server, create_app, serve
from pilotstatus_sandbox._server import banner
from tests._command import closed_port_url

KEY = {"x-api-key": "ps_sandbox_meta_number"}
SECRET = "whsec_server_test_SECRET"
HANG_GUARD = 30.0  # seconds: only a broken server ever waits this long


def nodelay_of_open_connections(server: uvicorn.Server) -> list[int]:
    """TCP_NODELAY of the socket of each connection the server holds open (its side of the connection)."""
    connections: list[Any] = list(server.server_state.connections)
    return [
        connection.transport.get_extra_info("socket").getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
        for connection in connections
    ]


@contextlib.contextmanager
def serving(monkeypatch: pytest.MonkeyPatch, **options: Any) -> Iterator[tuple[str, uvicorn.Server, str]]:
    """`serve(port=0, ...)` as the command runs it, in a thread; yield its printed base URL, its uvicorn server (kept
    on the way, to look at its connections and to stop it) and what it printed."""
    made: list[uvicorn.Server] = []
    build = _server._uvicorn_server

    def keep(app: Any, **settings: Any) -> uvicorn.Server:
        made.append(build(app, **settings))
        return made[-1]

    monkeypatch.setattr(_server, "_uvicorn_server", keep)
    out = io.StringIO()
    thread = threading.Thread(target=serve, kwargs={"port": 0, "calls": 3, "out": out, **options}, daemon=True)
    thread.start()
    for _ in range(int(HANG_GUARD / 0.01)):
        if made and made[0].started:
            break
        assert thread.is_alive(), out.getvalue()
        thread.join(0.01)
    else:
        pytest.fail(f"serve() did not start:\n{out.getvalue()}")
    printed = out.getvalue()
    found = re.search(r"^Base URL: (\S+)$", printed, flags=re.MULTILINE)
    assert found is not None, printed
    try:
        yield found.group(1), made[0], printed
    finally:
        made[0].should_exit = True
        thread.join(HANG_GUARD)
        assert not thread.is_alive()


# --- TCP_NODELAY --------------------------------------------------------------------------------------------------


def test_serve_answers_a_kept_alive_connection_on_a_socket_with_tcp_nodelay(monkeypatch: pytest.MonkeyPatch) -> None:
    with serving(monkeypatch) as (url, server, _), httpx.Client(base_url=url, headers=KEY) as http:
        for _ in range(3):
            http.get("/v1/calls", params={"limit": 1}).raise_for_status()
        # One connection, kept alive for the three requests, and the server's side of it does not wait to coalesce.
        assert nodelay_of_open_connections(server) == [1]


def test_a_sandbox_in_a_thread_answers_on_a_socket_with_tcp_nodelay() -> None:
    with Sandbox(SandboxConfig(calls=3)) as sandbox, httpx.Client(base_url=sandbox.url, headers=KEY) as http:
        http.get("/v1/calls", params={"limit": 1}).raise_for_status()
        http.get("/v1/calls", params={"limit": 1}).raise_for_status()
        assert nodelay_of_open_connections(sandbox._server) == [1]


def test_serve_and_a_sandbox_in_a_thread_parse_http_with_httptools(monkeypatch: pytest.MonkeyPatch) -> None:
    with serving(monkeypatch) as (url, server, _), httpx.Client(base_url=url, headers=KEY) as http:
        http.get("/v1/calls", params={"limit": 1}).raise_for_status()
        assert [type(c).__name__ for c in server.server_state.connections] == ["HttpToolsProtocol"]
    with Sandbox(SandboxConfig(calls=3)) as sandbox, httpx.Client(base_url=sandbox.url, headers=KEY) as http:
        http.get("/v1/calls", params={"limit": 1}).raise_for_status()
        assert [type(c).__name__ for c in sandbox._server.server_state.connections] == ["HttpToolsProtocol"]


# --- the access log -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("access_log", [False, True])
def test_serve_logs_a_line_per_request_only_when_asked(
    monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str], access_log: bool
) -> None:
    options = {"access_log": True} if access_log else {}
    with serving(monkeypatch, **options) as (url, _, printed), httpx.Client(base_url=url, headers=KEY) as http:
        http.get("/v1/calls", params={"limit": 1}).raise_for_status()
        http.get("/v1/calls", params={"limit": 2}).raise_for_status()
    logged = capfd.readouterr()
    lines = [line for line in (logged.out + logged.err).splitlines() if "GET /v1/calls?limit=" in line]
    assert len(lines) == (2 if access_log else 0), lines
    assert "Application startup complete." in logged.err  # uvicorn's own lines, either way
    assert "Base URL: " in printed


# --- addresses ----------------------------------------------------------------------------------------------------


def test_the_printed_base_url_carries_the_real_port_when_port_0_is_asked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    with serving(monkeypatch) as (url, server, _):
        port = server.servers[0].sockets[0].getsockname()[1]
        assert url == f"http://127.0.0.1:{port}"
        assert port != 0
        assert httpx.get(f"{url}/v1/calls", headers=KEY).status_code == 200


def test_a_port_in_use_is_a_listen_error_naming_the_address() -> None:
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        with pytest.raises(ListenError, match=f"cannot listen on 127.0.0.1:{port}"):
            serve(port=port, calls=1, out=io.StringIO())
        with pytest.raises(ListenError, match=f"cannot listen on 127.0.0.1:{port}"), Sandbox(port=port):
            pass


def test_a_sandbox_on_ipv6_loopback_gives_a_bracketed_url_that_answers() -> None:
    with Sandbox(SandboxConfig(calls=2), host="::1") as sandbox:
        assert re.fullmatch(r"http://\[::1\]:[1-9][0-9]*", sandbox.url)
        response = httpx.get(f"{sandbox.url}/v1/calls", headers=KEY)
    assert (response.status_code, len(response.json()["calls"])) == (200, 2)


def test_a_sandbox_on_the_ipv6_wildcard_answers_ipv4_and_ipv6_alike() -> None:
    with Sandbox(SandboxConfig(calls=1), host="::") as sandbox:
        port = sandbox.url.rpartition(":")[2]
        assert sandbox.url == f"http://[::]:{port}"
        for loopback in ("127.0.0.1", "[::1]"):
            assert httpx.get(f"http://{loopback}:{port}/v1/calls", headers=KEY).status_code == 200, loopback


# --- the banner -----------------------------------------------------------------------------------------------------


def test_the_banner_shows_the_ring_timeout_the_clock_and_the_webhook_target_never_the_secret(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = f"{closed_port_url()}/webhooks"
    options = {"ring_timeout": 2.5, "manual_clock": True, "webhook_url": target, "webhook_secret": SECRET}
    with serving(monkeypatch, **options) as (url, _, printed):
        assert f"Base URL: {url}\n" in printed
    assert "Calls ring 2.5 s before nobody answering ends them" in printed
    assert "the clock moves only when advanced (POST /_sandbox/clock/advance)" in printed
    assert f"Webhooks: POST {target}, signed (x-pilot-status-signature)." in printed
    assert "ps_sandbox_meta_number" in printed  # the demo keys follow
    assert SECRET not in printed


def test_the_banner_without_webhooks_says_none_are_sent_and_hides_a_password_in_a_webhook_url() -> None:
    plain = banner(SandboxConfig(calls=10, seed=3, rate_limit=2.5), "http://127.0.0.1:1")
    assert plain.startswith(
        "Pilot Status sandbox: 10 calls and 200 messages per number, seed 3, at most 2.5 requests a second per key.\n"
    )
    assert "Calls ring 30 s before nobody answering ends them; the clock is the wall clock." in plain
    assert "Webhooks: none sent" in plain
    config = SandboxConfig(webhook_url="https://user:hunter2@hooks.test/in", webhook_secret=SECRET)
    shown = banner(config, "http://127.0.0.1:1")
    assert "Webhooks: POST https://hooks.test/in, signed" in shown
    assert "hunter2" not in shown
    assert SECRET not in shown


def test_the_banner_is_printed_before_the_histories_are_drawn(monkeypatch: pytest.MonkeyPatch) -> None:
    printed_before_drawing: list[str] = []

    def drawn(config: SandboxConfig, **options: Any) -> Any:
        printed_before_drawing.append(out.getvalue())
        return create_app(config, **options)

    monkeypatch.setattr(_server, "create_app", drawn)
    out = io.StringIO()
    with _server._listen("127.0.0.1", 0) as listening:
        monkeypatch.setattr(_server, "_listen", lambda host, port: listening)
        not_served = types.SimpleNamespace(run=lambda sockets: None)
        monkeypatch.setattr(_server, "_uvicorn_server", lambda app, **settings: not_served)
        serve(port=0, calls=3, out=out)
    (printed,) = printed_before_drawing
    assert printed.startswith("Pilot Status sandbox: 3 calls and 200 messages per number")
    assert "Base URL: http://127.0.0.1:" in printed


def tqdm_clock(monkeypatch: pytest.MonkeyPatch, seconds_a_reading: float) -> None:
    """tqdm's clock, made to move `seconds_a_reading` each time it is read: the counter's delay without waiting."""
    readings = itertools.count()
    monkeypatch.setattr("tqdm.std.time", lambda: next(readings) * seconds_a_reading)


def test_drawing_that_takes_more_than_a_second_shows_a_counter_of_the_calls_drawn(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tqdm_clock(monkeypatch, 100.0)
    out = io.StringIO()
    app = _server._drawn_app(SandboxConfig(calls=1000), out)
    lines = out.getvalue().splitlines()
    assert lines
    assert all(line.startswith("drawing calls: ") for line in lines)
    assert "2000/2000" in lines[-1]  # both seeded numbers' calls, all drawn
    assert {provider: len(history) for provider, history in app.state.histories.items()} == {
        "META": 1000,
        "EVO_GO": 1000,
    }


def test_drawing_done_within_a_second_shows_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    tqdm_clock(monkeypatch, 0.0)
    out = io.StringIO()
    _server._drawn_app(SandboxConfig(calls=1000), out)
    assert out.getvalue() == ""
    assert _server.PROGRESS_DELAY == 1.0


# --- stopping -------------------------------------------------------------------------------------------------------


def _ours(threads: set[threading.Thread]) -> set[threading.Thread]:
    return {thread for thread in threads if thread.name.startswith("pilotstatus")}


def test_leaving_a_sandbox_stops_the_server_the_apps_timers_and_its_webhook_sender() -> None:
    before = set(threading.enumerate())
    config = SandboxConfig(calls=2, webhook_url=f"{closed_port_url()}/webhooks", webhook_secret=SECRET)
    with Sandbox(config) as sandbox:
        assert httpx.get(f"{sandbox.url}/v1/calls", headers=KEY).status_code == 200
        started = _ours(set(threading.enumerate()) - before)
        url = sandbox.url
    # The server's thread, the webhook sender's, and the timers the app's lifespan starts (so the lifespan runs).
    assert {thread.name for thread in started} >= {
        "pilotstatus-sandbox",
        "pilotstatus-webhooks",
        "pilotstatus-sandbox-timers",
    }
    assert [thread.name for thread in started if thread.is_alive()] == []
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{url}/v1/calls", headers=KEY)


def test_leaving_a_sandbox_with_a_kept_alive_connection_still_open_stops_it() -> None:
    with httpx.Client(headers=KEY) as http:
        with Sandbox(SandboxConfig(calls=2)) as sandbox:
            http.get(f"{sandbox.url}/v1/calls").raise_for_status()
        # The client still holds the connection in its pool: the server closed it on the way out all the same.
        assert sandbox._thread is not None
        assert not sandbox._thread.is_alive()
        with pytest.raises(httpx.TransportError):
            http.get(f"{sandbox.url}/v1/calls")
