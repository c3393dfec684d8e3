"""`pilotstatus webhooks listen`: a local receiver of call webhooks, which verifies each delivery and prints it on one
line, as `stripe listen` does.

    pilotstatus webhooks listen --port 8090        # the secret from PILOT_STATUS_WEBHOOK_SECRET
    pilotstatus sandbox --webhook-url http://127.0.0.1:8090/ --webhook-secret ...

Each POST, whatever its path, is checked with `pilotstatus.webhooks.unwrap`: a verified event is answered 200 and
printed on stdout; a delivery whose signature is missing or wrong, or whose signed body is not an event, is answered
400, and one line on stderr says it was refused and why. Any other method is answered 405. The line it starts with
(on stderr, so that stdout holds only events) says where it listens; with `--port 0` that is the port the system
chose. Ctrl-C stops it (exit 0); an address it cannot listen on is one error line (exit 1).

The web server is the standard library's `ThreadingHTTPServer`: the SDK has no web server dependency, and a local
receiver for development needs none. The secret is never printed: every line is scrubbed of it.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import http.server
import os
import socket
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TextIO

from pilotstatus._credentials import Credentials
from pilotstatus._timestamps import format_instant

from ._errors import USAGE, CommandError, note, printable
from ._parser import Commands
from ._sandbox import _port

if TYPE_CHECKING:
    from pilotstatus.webhooks import WebhookEvent

SECRET_ENV = "PILOT_STATUS_WEBHOOK_SECRET"
MISSING = "-"
# A delivery larger than this is refused unread (413): call events are a few hundred bytes.
MAX_BODY = 1024 * 1024

DESCRIPTION = f"""\
Receive call webhooks on a local port until Ctrl-C: each POST is verified with the webhook's signing secret
(header x-pilot-status-signature) and printed on one line: the event's time, its name, the call id, the status,
and who called whom (with the duration on call.ended); with --json, the event's JSON as received. A delivery
whose signature is missing or wrong is answered 400 and reported on stderr; any method but POST, 405. The secret
is read from ${SECRET_ENV}, or from --secret (which other users of this machine may see in the process list)."""


def register(commands: Commands) -> None:
    webhooks = commands.add_parser(
        "webhooks",
        help="receive and verify call webhooks locally",
        description="Call webhooks: receive, verify and print them locally.",
    )
    webhooks_commands = webhooks.add_subparsers(
        title="commands", dest="webhooks_command", required=True, metavar="COMMAND"
    )
    listen = webhooks_commands.add_parser("listen", help="receive, verify and print webhooks", description=DESCRIPTION)
    listen.add_argument("--host", default="127.0.0.1", help="the address to listen on (default: 127.0.0.1)")
    listen.add_argument(
        "--port", type=_port, default=8090, help="the port to listen on; 0 for any free one (default: 8090)"
    )
    listen.add_argument("--secret", default=None, help=f"the webhook's signing secret (default: ${SECRET_ENV})")
    listen.add_argument("--json", action="store_true", help="print each event's JSON on one line, as received")
    listen.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    secret = args.secret if args.secret is not None else os.environ.get(SECRET_ENV, "")
    if not secret:
        raise CommandError(f"no webhook secret: set {SECRET_ENV}, or pass --secret", USAGE)
    scrub = Credentials(header="webhook secret", secret=secret).redact
    try:
        server = Receiver((args.host, args.port), secret=secret, as_json=args.json, scrub=scrub)
    except OSError as error:  # a port in use, a host not of this machine
        raise CommandError(f"cannot listen on {args.host}:{args.port}: {error.strerror or error}") from None
    with server:
        port = server.server_address[1]  # the port the system chose, for --port 0
        host = f"[{args.host}]" if ":" in args.host else args.host
        note(f"Listening for webhooks on http://{host}:{port}/ (POST; Ctrl-C to stop)")
        with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C is how a server is stopped
            server.serve_forever()
    return 0


class Receiver(http.server.ThreadingHTTPServer):
    """The HTTP server, with what its handlers need: the secret, how to print, and a lock so that lines printed by
    concurrent deliveries never interleave."""

    daemon_threads = True
    allow_reuse_port = False  # two listeners on one port would share its deliveries: the second one fails instead

    def __init__(self, address: tuple[str, int], *, secret: str, as_json: bool, scrub: Callable[[str], str]) -> None:
        self.secret = secret
        self.as_json = as_json
        self.scrub = scrub
        self.lock = threading.Lock()
        if ":" in address[0]:  # an IPv6 address, such as ::1
            self.address_family = socket.AF_INET6
        super().__init__(address, _Handler)

    def say(self, line: str, stream: TextIO) -> None:
        with self.lock:
            print(self.scrub(line), file=stream, flush=True)


class _Handler(http.server.BaseHTTPRequestHandler):
    server: Receiver
    server_version = "pilotstatus-webhooks"

    def do_POST(self) -> None:
        from pilotstatus.webhooks import WebhookError, unwrap  # with the generated models, for this command only

        body = self._body()
        if body is None:
            return
        try:
            event = unwrap(body, dict(self.headers.items()), self.server.secret)
        except WebhookError as error:
            self._refuse(400, str(error))
            return
        self._answer(200)
        self.server.say(_json_line(event.raw) if self.server.as_json else event_line(event), sys.stdout)

    def do_GET(self) -> None:
        self._not_allowed()

    def do_HEAD(self) -> None:
        self._not_allowed()

    def do_PUT(self) -> None:
        self._not_allowed()

    def do_PATCH(self) -> None:
        self._not_allowed()

    def do_DELETE(self) -> None:
        self._not_allowed()

    def do_OPTIONS(self) -> None:
        self._not_allowed()

    def _not_allowed(self) -> None:
        self._refuse(405, f"{self.command} is not a delivery: webhooks are POSTed", allow="POST")

    def _body(self) -> bytes | None:
        """The request's body (sized or chunked); None once a refusal has been answered."""
        try:
            if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
                return self._chunked()
            length = self.headers.get("Content-Length")
            if length is None:
                self._refuse(411, "no Content-Length")
                return None
            size = int(length)
            if size < 0:
                raise ValueError(f"Content-Length {size}")
            if size > MAX_BODY:
                self._refuse(413, f"a body of {size} bytes (at most {MAX_BODY})")
                return None
            return self.rfile.read(size)
        except (ValueError, _BodyTooLargeError) as error:
            self._refuse(400 if isinstance(error, ValueError) else 413, f"the body cannot be read ({error})")
            return None

    def _chunked(self) -> bytes:
        chunks: list[bytes] = []
        total = 0
        while True:
            size = int(self.rfile.readline(64).split(b";")[0].strip() or b"x", 16)
            if size == 0:
                while self.rfile.readline(1024).strip():  # the trailer, if any
                    pass
                return b"".join(chunks)
            total += size
            if total > MAX_BODY:
                raise _BodyTooLargeError(f"over {MAX_BODY} bytes")
            chunks.append(self.rfile.read(size))
            self.rfile.readline(8)  # the chunk's CRLF

    def _refuse(self, status: int, why: str, *, allow: str | None = None) -> None:
        self.close_connection = True
        self._answer(status, allow=allow)
        self.server.say(f"refused a webhook from {self.client_address[0]} ({status}): {printable(why)}", sys.stderr)

    def _answer(self, status: int, *, allow: str | None = None) -> None:
        self.send_response(status)
        if allow is not None:
            self.send_header("Allow", allow)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:  # the standard library's names
        """Silent: each delivery gets its own line (the default writes an access log line to stderr)."""


class _BodyTooLargeError(Exception):
    """A chunked body that grew past `MAX_BODY`."""


def event_line(event: WebhookEvent) -> str:
    """One event on one line: when, what, which call, its status, who called whom (and for how long)."""
    from pilotstatus.webhooks import CallWebhookEvent, UnknownWebhookEvent

    if isinstance(event, UnknownWebhookEvent):
        name = printable(event.event) if event.event else "(no event name)"
        keys = ", ".join(printable(key) for key in event.raw) or "nothing"
        received = format_instant(datetime.datetime.now(datetime.UTC))
        return f"{received}  {name}  (not an event this version knows; it holds {keys})"
    parts = [
        format_instant(event.timestamp, exact=True),
        _shown(event.event),
        _shown(event.call_id),
        _shown(event.status),
        f"{_shown(event.from_)} -> {_shown(event.to)}",
    ]
    if isinstance(event, CallWebhookEvent) and event.duration is not None:
        parts.append(f"{event.duration} s")
    return "  ".join(parts)


def _shown(value: object) -> str:
    return MISSING if value is None or value == "" else printable(str(value))


def _json_line(raw: dict[str, Any]) -> str:
    from ._formats import compact_json

    return compact_json(raw)
