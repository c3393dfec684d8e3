"""Serve an httpx-style handler (`httpx.Request -> httpx.Response`) over real HTTP on 127.0.0.1, for the tests that
must go through sockets. A handler that raises `Disconnect` has the connection closed without an answer, after the
whole request was read: the client gets a broken connection."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx

Handler = Callable[[httpx.Request], httpx.Response]


class Disconnect(Exception):  # noqa: N818 (what happens, not an error)
    """Raised by a handler: close the connection without answering."""


@contextlib.contextmanager
def serve(handler: Handler) -> Iterator[str]:
    """Run `handler` behind a loopback HTTP server; yield its base URL."""

    class Adapter(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            body = self.rfile.read(length) if length else b""
            url = f"http://{self.headers['host']}{self.path}"
            # As bytes: a header may hold what is not ASCII (an Idempotency-Key may be any printable text), which
            # the server read as Latin-1 and httpx would refuse to encode as a string.
            headers = [(name.encode("latin-1"), value.encode("latin-1")) for name, value in self.headers.items()]
            request = httpx.Request(self.command, url, headers=headers, content=body)
            try:
                response = handler(request)
            except Disconnect:
                self.close_connection = True
                return
            self.send_response(response.status_code)
            for name, value in response.headers.items():
                if name.lower() not in ("content-length", "transfer-encoding", "connection"):
                    self.send_header(name, value)
            self.send_header("content-length", str(len(response.content)))
            self.end_headers()
            self.wfile.write(response.content)

        def do_POST(self) -> None:  # the method and the body are read from the request line and the stream
            self.do_GET()

        def do_PUT(self) -> None:
            self.do_GET()

        def do_DELETE(self) -> None:
            self.do_GET()

        def log_message(self, format: str, *args: object) -> None:
            """Keep the test output clean."""

    server = ThreadingHTTPServer(("127.0.0.1", 0), Adapter)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
