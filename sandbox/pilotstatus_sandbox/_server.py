"""Serving the sandbox with uvicorn on loopback: in the foreground (`serve`), or in a background thread for tests
and demos (`Sandbox`). Both listen on a socket made by `_listen`, so both answer the same way.

The listening socket is made here rather than by uvicorn so that a port in use is a `ListenError` naming the address
(uvicorn would log it and exit), port 0's real port is known before the banner is printed, and `--host ::` listens on
IPv4 and IPv6 alike. Uvicorn runs with `lifespan="on"`: the app starts its timers and webhook sender when the server
starts, and stops them when it stops.
"""

from __future__ import annotations

import socket
import sys
import threading
from types import TracebackType
from typing import TextIO

import uvicorn
from starlette.applications import Starlette

from ._app import create_app
from ._backend import NUMBERS
from ._config import DEFAULT_MESSAGES, DEFAULT_RING_TIMEOUT, SandboxConfig
from ._drift import DRIFT_FIELD, DRIFT_HEADER, DRIFT_STATUS
from ._scenarios import SCENARIOS
from ._webhooks import display_url

__all__ = ["ListenError", "Sandbox", "command_line_server", "key_table", "serve"]


GRACE_SECONDS = 5
"""How long a stopping server waits for requests still running before cutting them off."""

PROGRESS_DELAY = 1.0
"""Seconds of drawing the call histories after which `serve` shows a counter of the calls drawn."""


class ListenError(OSError):
    """The sandbox's address cannot be listened on: a port in use, or a host that is not this machine's."""


def key_table() -> str:
    """The demo keys and what each one gets, as a text table."""
    rows = [("x-api-key", "x-api-key-id", "status", "what it is")]
    rows += [(s.api_key, s.api_key_id, f"{s.status}{' ' + s.code if s.code else ''}", s.description) for s in SCENARIOS]
    rows.append(("anything else", "anything else", "401", "an unknown key"))
    widths = [max(len(row[column]) for row in rows) for column in range(3)]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row[:3], widths, strict=True)) + "  " + row[3]
        for row in rows
    )


def serve(
    *,
    host: str = "127.0.0.1",
    port: int = 8080,
    calls: int = 5000,
    messages: int = DEFAULT_MESSAGES,
    seed: int = 7,
    rate_limit: float | None = None,
    ring_timeout: float = DEFAULT_RING_TIMEOUT,
    webhook_url: str | None = None,
    webhook_secret: str | None = None,
    manual_clock: bool = False,
    drift: bool = False,
    access_log: bool = False,
    out: TextIO = sys.stderr,
) -> None:
    """Serve the sandbox until interrupted (Ctrl-C), after printing its address, its settings and the demo keys to
    `out` (the webhook target, never its secret). The banner comes first, as soon as the address listens; then the
    call histories are drawn (a counter on `out` once that takes more than a second), then requests are answered
    (those sent meanwhile wait). With `access_log`, uvicorn logs a line for each request; without it, only its
    own start and stop.

    Raises `ListenError` naming the address when it cannot be listened on (a port in use, say); port 0 picks a free
    one. Raises `ValueError` for settings `SandboxConfig` refuses.
    """
    config = SandboxConfig(
        calls=calls,
        messages=messages,
        seed=seed,
        rate_limit=rate_limit,
        ring_timeout=ring_timeout,
        webhook_url=webhook_url,
        webhook_secret=webhook_secret,
        manual_clock=manual_clock,
        drift=drift,
    )
    with _listen(host, port) as listening:
        print(banner(config, _base_url(host, listening)), file=out, flush=True)
        app = _drawn_app(config, out)
        command_line_server(app, access_log=access_log).run(sockets=[listening])


def _drawn_app(config: SandboxConfig, out: TextIO) -> Starlette:
    """The app, with a counter of the calls drawn on `out` once drawing them takes more than `PROGRESS_DELAY`."""
    from pilotstatus._cli._progress import Progress  # the command line's counter: only `serve` shows one

    total = config.calls * sum(spec.seeded for spec in NUMBERS)
    progress = Progress(enabled=True, desc="drawing calls", total=total, delay=PROGRESS_DELAY, stream=out)
    try:
        return create_app(config, on_progress=progress.advance)
    finally:
        progress.close()


def banner(config: SandboxConfig, url: str) -> str:
    """What `serve` prints before it serves: the settings (drift, when on), the base URL and the demo keys. Never the
    secret."""
    limit = f", at most {config.rate_limit:g} requests a second per key" if config.rate_limit is not None else ""
    clock = "moves only when advanced (POST /_sandbox/clock/advance)" if config.manual_clock else "is the wall clock"
    lines = [
        f"Pilot Status sandbox: {config.calls} calls and {config.messages} messages per number, seed"
        f" {config.seed}{limit}.",
        f"Calls ring {config.ring_timeout:g} s before nobody answering ends them; the clock {clock}.",
        "Webhooks: "
        + (
            f"POST {display_url(config.webhook_url)}, signed (x-pilot-status-signature)."
            if config.webhook_url is not None
            else "none sent (--webhook-url to send them); GET /_sandbox/events lists them."
        ),
    ]
    if config.drift:
        lines.append(
            f"Drift: on. Some answers differ from openapi.json on purpose: Call.{DRIFT_FIELD} on some calls,"
            f" status {DRIFT_STATUS} on some ended ones, header {DRIFT_HEADER} on some List calls pages."
        )
    lines += [
        f"Base URL: {url}",
        "",
        key_table(),
        "",
    ]
    return "\n".join(lines)


def _listen(host: str, port: int) -> socket.socket:
    """A TCP socket listening on `host`:`port` (`::` is IPv6 and IPv4 alike), or `ListenError` naming the address."""
    ipv6 = ":" in host
    try:
        made = socket.create_server(
            (host, port), family=socket.AF_INET6 if ipv6 else socket.AF_INET, dualstack_ipv6=host == "::"
        )
    except OSError as error:
        address = f"[{host}]:{port}" if ipv6 else f"{host}:{port}"
        raise ListenError(error.errno, f"cannot listen on {address}: {error.strerror or error}") from None
    # `create_server` leaves the socket's protocol number at 0, and each accepted connection inherits it; asyncio
    # turns on TCP_NODELAY only for a connection whose socket says IPPROTO_TCP. Without it, Nagle's algorithm and
    # the client's delayed ACK stall every request of a kept-alive connection about 40 ms. Saying TCP here (the same
    # socket, rewrapped) lets asyncio set it; setting it on the listener too is enough where accepted sockets
    # inherit it (Linux does), whatever asyncio's rule.
    listening = socket.socket(made.family, made.type, socket.IPPROTO_TCP, fileno=made.detach())
    listening.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return listening


def _base_url(host: str, listening: socket.socket) -> str:
    port = listening.getsockname()[1]  # the real one, when port 0 was asked for
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def command_line_server(app: Starlette, *, access_log: bool = False) -> uvicorn.Server:
    """The uvicorn server of the command-line sandbox (`serve`), with its options: also what `make bench` serves its
    bare app with (`tools/bench_bare_app.py`), so that the two are compared on the same web stack."""
    return _uvicorn_server(app, log_level="info", access_log=access_log)


def _uvicorn_server(app: Starlette, *, log_level: str, access_log: bool) -> uvicorn.Server:
    # A request still running when the server stops (a realtime WebSocket, say) gets a few seconds, not forever.
    # The realtime WebSocket with websockets' sans-I/O protocol, named rather than left to "auto", which other
    # uvicorn versions resolve to another implementation; HTTP with httptools (a dependency of the sandbox's), named
    # too: "auto" would fall back to h11, which costs a request about twice as much, where httptools is missing.
    config = uvicorn.Config(
        app,
        log_level=log_level,
        access_log=access_log,
        lifespan="on",
        http="httptools",
        ws="websockets-sansio",
        timeout_graceful_shutdown=GRACE_SECONDS,
    )
    return uvicorn.Server(config)


class Sandbox:
    """The sandbox on a free loopback port in a background thread, for as long as the `with` block lasts.

    >>> with Sandbox(SandboxConfig(calls=100, seed=7)) as sandbox:
    ...     client = PilotStatus(base_url=sandbox.url, api_key="ps_sandbox_meta_number")

    It listens the way `serve` does. Entering raises `ListenError` when the address cannot be listened on, and
    `RuntimeError` when the app cannot start (its log says why); leaving stops the server, then the app's timers and
    webhook sender, and closes the socket.
    """

    def __init__(self, config: SandboxConfig | None = None, *, host: str = "127.0.0.1", port: int = 0) -> None:
        self.config = config or SandboxConfig()
        self.app = create_app(self.config)
        self._server = _uvicorn_server(self.app, log_level="warning", access_log=False)
        self._host = host
        self._port = port
        self._listening: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self.url = ""

    def __enter__(self) -> Sandbox:
        self._listening = _listen(self._host, self._port)
        self.url = _base_url(self._host, self._listening)
        listening = self._listening
        self._thread = threading.Thread(
            target=lambda: self._server.run(sockets=[listening]), name="pilotstatus-sandbox", daemon=True
        )
        self._thread.start()
        while not self._server.started:
            if not self._thread.is_alive():
                self._listening.close()
                raise RuntimeError(f"the sandbox could not start on {self.url} (see the log above)")
            self._thread.join(0.01)
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        if self._thread is None or self._listening is None:  # never entered: nothing runs
            return
        self._server.should_exit = True
        self._thread.join(GRACE_SECONDS * 2)
        if self._thread.is_alive():  # the graceful shutdown is itself stuck: cut it short
            self._server.force_exit = True
            self._thread.join()
        self._listening.close()
