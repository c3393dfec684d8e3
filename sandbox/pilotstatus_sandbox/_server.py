"""Serving the sandbox with uvicorn on loopback: in the foreground (`serve`), or in a background thread for tests
and demos (`Sandbox`)."""

from __future__ import annotations

import socket
import sys
import threading
from types import TracebackType
from typing import TextIO

import uvicorn

from ._app import SandboxConfig, create_app
from ._scenarios import SCENARIOS

__all__ = ["ListenError", "Sandbox", "key_table", "serve"]


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
    seed: int = 7,
    rate_limit: float | None = None,
    out: TextIO = sys.stderr,
) -> None:
    """Serve the sandbox until interrupted (Ctrl-C), after printing its address and demo keys to `out`.

    Raises `ListenError` naming the address when it cannot be listened on (a port in use, say); port 0 picks a free
    one.
    """
    config = SandboxConfig(calls=calls, seed=seed, rate_limit=rate_limit)
    app = create_app(config)
    ipv6 = ":" in host
    address = f"[{host}]:{port}" if ipv6 else f"{host}:{port}"
    try:
        listening = socket.create_server(
            (host, port), family=socket.AF_INET6 if ipv6 else socket.AF_INET, dualstack_ipv6=host == "::"
        )
    except OSError as error:
        raise ListenError(error.errno, f"cannot listen on {address}: {error.strerror or error}") from None
    with listening:
        port = listening.getsockname()[1]
        address = f"[{host}]:{port}" if ipv6 else f"{host}:{port}"
        limit = f", at most {rate_limit:g} requests a second per key" if rate_limit is not None else ""
        print(f"Pilot Status sandbox: {calls} calls per number, seed {seed}{limit}.", file=out)
        print(f"Base URL: http://{address}\n\n{key_table()}\n", file=out, flush=True)
        server = uvicorn.Server(uvicorn.Config(app, log_level="info", lifespan="off"))
        server.run(sockets=[listening])


class Sandbox:
    """The sandbox on a free loopback port in a background thread, for as long as the `with` block lasts.

    >>> with Sandbox(SandboxConfig(calls=100, seed=7)) as sandbox:
    ...     client = PilotStatus(base_url=sandbox.url, api_key="ps_sandbox_meta_number")
    """

    def __init__(self, config: SandboxConfig | None = None, *, host: str = "127.0.0.1", port: int = 0) -> None:
        self.config = config or SandboxConfig()
        self.app = create_app(self.config)
        self._server = uvicorn.Server(
            uvicorn.Config(self.app, host=host, port=port, log_level="warning", lifespan="off", access_log=False)
        )
        self._thread = threading.Thread(target=self._server.run, name="pilotstatus-sandbox", daemon=True)
        self._host = host
        self.url = ""

    def __enter__(self) -> Sandbox:
        self._thread.start()
        while not self._server.started:
            if not self._thread.is_alive():
                raise RuntimeError(f"the sandbox could not start on {self._host} (see the log above)")
            self._thread.join(0.01)
        port = self._server.servers[0].sockets[0].getsockname()[1]
        self.url = f"http://{self._host}:{port}"
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self._server.should_exit = True
        self._thread.join()
