"""The HTTP side of `pilotstatus webhooks listen`: the server, the handler of each delivery, and the line an event is
printed as. Imported only when the command runs (the standard library's web server is not needed by the others)."""

from __future__ import annotations

import contextlib
import datetime
import http.server
import logging
import socket
import sys
import threading
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, TextIO

from pilotstatus._timestamps import format_instant

from ._errors import printable

if TYPE_CHECKING:
    from pilotstatus.webhooks import MessageWebhookEvent, WebhookEvent

MISSING = "-"
# Characters of a message's text shown on its line: enough to tell messages apart, and a line stays one screen line.
SHOWN_CONTENT = 60
# A delivery larger than this is refused unread (413): call and message events are a few hundred bytes.
MAX_BODY = 1024 * 1024


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


@contextlib.contextmanager
def sdk_warnings(server: Receiver) -> Iterator[None]:
    """While it lasts, the SDK's warnings (the drift `unwrap` finds in a delivery) are lines of `server`'s on stderr:
    one handler on the `pilotstatus` logger, rather than Python's last-resort handler, which would print them past the
    lock that keeps lines whole and past the scrub of the secret."""
    handler = _Said(server)
    logger = logging.getLogger("pilotstatus")
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)


class _Said(logging.Handler):
    """A warning as one line through `Receiver.say`."""

    def __init__(self, server: Receiver) -> None:
        super().__init__(logging.WARNING)
        self.server = server

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.server.say(printable(record.getMessage()), sys.stderr)
        except Exception:  # a record whose arguments do not fit its format: logging reports that itself
            self.handleError(record)


class _Handler(http.server.BaseHTTPRequestHandler):
    server: Receiver
    server_version = "pilotstatus-webhooks"

    def do_POST(self) -> None:
        from pilotstatus.webhooks import WebhookError, unwrap  # with the generated models, for this command only

        body = self._body()
        if body is None:
            return
        try:
            event = unwrap(body, self.headers, self.server.secret)
        except WebhookError as error:
            self._refuse(400, str(error))
            return
        # Printed before the 200: a sender that waits for each answer before its next delivery (the sandbox's does)
        # then sees its events printed in the order it sent them, not in the order their threads got to print.
        self.server.say(_json_line(event.raw) if self.server.as_json else event_line(event), sys.stdout)
        self._answer(200)

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
        self.server.say(f"refused a webhook from {self.client_address[0]} ({status}): {printable(why)}", sys.stderr)
        self._answer(status, allow=allow)

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
    """One event on one line: when, what, which call, its status, who called whom (and for how long); for a message,
    when, what, which message, who wrote to whom, and what the event adds (why it failed, what a user wrote)."""
    from pilotstatus.webhooks import CallWebhookEvent, MessageWebhookEvent, UnknownWebhookEvent

    if isinstance(event, UnknownWebhookEvent):
        name = printable(event.event) if event.event else "(no event name)"
        keys = ", ".join(printable(key) for key in event.raw) or "nothing"
        received = format_instant(datetime.datetime.now(datetime.UTC))
        return f"{received}  {name}  (not an event this version knows; it holds {keys})"
    if isinstance(event, MessageWebhookEvent):
        return _message_line(event)
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


def _message_line(event: MessageWebhookEvent) -> str:
    from pilotstatus.webhooks import (
        MessageFailedWebhookEvent,
        MessageGroupWebhookEvent,
        MessageNewsletterWebhookEvent,
        MessageReplyWebhookEvent,
        MessageStatusWebhookEvent,
    )

    parts = [
        format_instant(event.created_at, exact=True),
        _shown(event.event),
        _shown(event.id),
        f"{_shown(event.from_)} -> {_shown(event.to)}",
    ]
    if isinstance(event, MessageFailedWebhookEvent):
        parts.append(f"{_shown(event.error_code)}: {_shown(event.error)}")
    elif not isinstance(event, MessageStatusWebhookEvent):  # a message a user wrote: what it holds
        parts.append(" ".join(_shown(part) for part in (event.type_, _quoted(event.content)) if part is not None))
        if isinstance(event, MessageReplyWebhookEvent):
            parts.append(f"replying to {_shown(event.quoted_message_id)}")
        elif isinstance(event, MessageGroupWebhookEvent):
            parts.append(_place(event.group_id, event.group_name))
        elif isinstance(event, MessageNewsletterWebhookEvent):
            parts.append(_place(event.newsletter_id, event.newsletter_name))
    return "  ".join(part for part in parts if part)


def _place(place_id: str | None, name: str | None) -> str:
    """Where a message was written: a group or a channel, by its id and, when known, its name."""
    return f"in {_shown(place_id)}" + (f" ({_shown(name)})" if name else "")


def _quoted(content: str | None) -> str | None:
    """A message's text in quotes, cut short: None when it has none."""
    if not content:
        return None
    text = printable(content)
    return '"' + (text if len(text) <= SHOWN_CONTENT else text[: SHOWN_CONTENT - 1] + "…") + '"'


def _shown(value: object) -> str:
    return MISSING if value is None or value == "" else printable(str(value))


def _json_line(raw: dict[str, Any]) -> str:
    from ._formats import compact_json

    return compact_json(raw)
