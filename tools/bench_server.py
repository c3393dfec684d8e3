"""The prepared-pages server of `make bench`'s full walks: `GET /v1/calls?limit=&before=` over a fixed set of calls,
and `GET /v1/messages/history?page=&pageSize=&startDate=&endDate=` over a set of messages that a user may add to.

Every call is encoded once, at start; a page is a join of a slice, found by bisection, so the server costs little
next to the clients it serves. It answers as the API documents: newest first, `limit` 1 to 100 (default 25), and
`before` selecting only the calls created strictly before that instant. Some calls share a millisecond, as real
calls can, so that a client which pages with `before` = the last call's `createdAt` skips some of them.

The history (`--messages N`) answers as the spec describes Message history: newest first by `providerTimestamp`,
ties by `id` descending, `startDate` and `endDate` both inclusive, `page` from 1 and `pageSize` 1 to 100 (default
30), in the page envelope `{messages, total, page, pageSize, totalPages}`. `POST /_bench/messages` adds a message
at the top, newer than every other, as a user writing to the number does: what a walk meets while it pages.

HTTP/1.1 with keep-alive (a connection stays open until the client closes it or sends `Connection: close`), over
plain TCP or, with `--cert`, over TLS. Run it as a process of its own:

    python tools/bench_server.py --calls 20000 [--messages 10000] [--cert key-and-chain.pem]

It prints `Base URL: http(s)://127.0.0.1:PORT` once it listens, and serves until it is terminated.
"""

from __future__ import annotations

import argparse
import bisect
import datetime
import json
import random
import ssl
import sys
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

NEWEST = datetime.datetime(2026, 1, 29, 12, 0, tzinfo=datetime.UTC)
MAX_LIMIT = 100
DEFAULT_LIMIT = 25
TIE_SHARE = 0.1  # the share of calls created in the same millisecond as the call before them
STATUSES = ("COMPLETED", "REJECTED", "FAILED", "RINGING")
_EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
_MICROSECOND = datetime.timedelta(microseconds=1)


def format_ms(milliseconds: int) -> str:
    """The API's spelling of an instant given in milliseconds since the epoch: `2026-01-29T12:00:00.000Z`."""
    instant = _EPOCH + datetime.timedelta(milliseconds=milliseconds)
    return instant.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def instant_us(text: str) -> int:
    """Microseconds since the epoch of an ISO 8601 instant with a zone; ValueError for anything else."""
    parsed = datetime.datetime.fromisoformat(text)
    if parsed.tzinfo is None:
        raise ValueError(f"{text!r} has no time zone")
    return (parsed - _EPOCH) // _MICROSECOND


def call_json(index: int, created_ms: int) -> dict[str, object]:
    """Call number `index`, created at `created_ms`, with every field a call can have, its instants as the API's
    documented example has them: `startedAt` is `createdAt`, an answered call connects seconds later and ends
    `durationSeconds` after that, a call not answered has null `connectedAt` and `durationSeconds`, a ringing call
    no end, and `updatedAt` is the last of these."""
    status = STATUSES[index % 4]
    ringing_ms = 1_000 + index % 20 * 1_000
    connected_ms = created_ms + ringing_ms if status == "COMPLETED" else None
    duration = index % 600 if connected_ms is not None else None
    ended_ms = None
    if connected_ms is not None and duration is not None:
        ended_ms = connected_ms + duration * 1_000
    elif status != "RINGING":
        ended_ms = created_ms + ringing_ms
    return {
        "id": f"call_{index:08d}",
        "externalCallId": f"wacid.HBgNNTUxMTk5OTk5OTk5ORUCABEYIDNBMDE{index:08d}",
        "direction": "INBOUND" if index % 3 else "OUTBOUND",
        "status": status,
        "peerNumber": f"55119{index % 100000000:08d}",
        "startedAt": format_ms(created_ms),
        "connectedAt": None if connected_ms is None else format_ms(connected_ms),
        "endedAt": None if ended_ms is None else format_ms(ended_ms),
        "durationSeconds": duration,
        "createdAt": format_ms(created_ms),
        "updatedAt": format_ms(created_ms if ended_ms is None else ended_ms),
    }


def created_instants(count: int, seed: int, ties: float = TIE_SHARE) -> list[int]:
    """`count` creation instants in milliseconds, newest first: each call is 1 ms to 3 s older than the one before
    it, except a share `ties` of them, created in the same millisecond as the one before."""
    rng = random.Random(seed)
    newest = (NEWEST - _EPOCH) // datetime.timedelta(milliseconds=1)
    instants = []
    for index in range(count):
        if index and rng.random() >= ties:
            newest -= rng.randint(1, 3000)
        instants.append(newest)
    return instants


def prepared_calls(count: int, seed: int = 7, ties: float = TIE_SHARE) -> list[dict[str, object]]:
    """The calls the server holds, newest first (see `created_instants`)."""
    return [call_json(index, created) for index, created in enumerate(created_instants(count, seed, ties))]


class Pages:
    """The list-calls answers over `calls` (newest first): each call encoded once, a page is a join of a slice."""

    def __init__(self, calls: Sequence[Mapping[str, Any]]) -> None:
        self._encoded = [json.dumps(call, separators=(",", ":")).encode() for call in calls]
        self._keys = [-instant_us(str(call["createdAt"])) for call in calls]  # ascending, since newest first
        if any(later < earlier for earlier, later in zip(self._keys, self._keys[1:], strict=False)):
            raise ValueError("calls must be ordered newest first")
        self.count = len(calls)

    def page(self, limit: int, before_us: int | None) -> bytes:
        """The body of `GET /v1/calls`: up to `limit` calls, newest first, created strictly before `before_us`."""
        start = 0 if before_us is None else bisect.bisect_right(self._keys, -before_us)
        return b'{"calls":[' + b",".join(self._encoded[start : start + limit]) + b"]}"

    def answer(self, target: str, key: str | None) -> tuple[int, bytes]:
        """The status and JSON body for a GET of `target` (the path and query) sent with the API key `key`."""
        url = urlsplit(target)
        if url.path != "/v1/calls":
            return 404, b'{"error":"Not found"}'
        if not key:
            return 401, b'{"error":"Unauthorized"}'
        query = parse_qs(url.query, keep_blank_values=True)
        if any(len(values) > 1 for values in query.values()):
            return 400, b'{"error":"Validation error"}'
        limit_text = query.get("limit", [str(DEFAULT_LIMIT)])[0]
        if not (limit_text.isascii() and limit_text.isdigit()) or not 1 <= int(limit_text) <= MAX_LIMIT:
            return 400, b'{"error":"Validation error"}'
        before: int | None = None
        if "before" in query:
            try:
                before = instant_us(query["before"][0])
            except ValueError:
                return 400, b'{"error":"Validation error"}'
        return 200, self.page(int(limit_text), before)


# The message history


HISTORY_PATH = "/v1/messages/history"
ARRIVALS_PATH = "/_bench/messages"
"""Where a POST adds a message at the top of the history, as a user writing to the number does."""
DEFAULT_PAGE_SIZE = 30
_TEXTS = ("Oi, tudo bem?", "Qual o prazo de entrega?", "Meu pedido ainda não chegou", "Obrigado! 🙏", "Segue o boleto.")
_SENT_STATUSES = ("READ", "READ", "READ", "READ", "READ", "READ", "DELIVERED", "DELIVERED", "SENT", "FAILED")


def message_json(index: int, provider_ms: int, *, arrived: bool = False) -> dict[str, object]:
    """Message number `index` (0 the oldest), at `provider_ms`, with every field a history row has, as the sandbox
    shows them: a user writes (INBOUND: READ once answered, one in ten a photo with its Meta media id, some replying
    to the message before), the number answers (OUTBOUND through the API: SENT, then DELIVERED a second later and
    READ two more, one in ten FAILED and never out), one conversation a user. `arrived`: a message a user has just
    written, not yet read."""
    user = index // 2 % 150
    inbound = arrived or index % 2 == 0
    photo = inbound and index % 10 == 4
    if inbound:
        status = "DELIVERED" if arrived or index % 14 == 0 else "READ"
        sent_ms = delivered_ms = None
        read_ms = provider_ms + 60_000 if status == "READ" else None
        created_ms = provider_ms + 40  # stored as the provider reports it
    else:
        status = _SENT_STATUSES[index // 2 % 10]
        out = status != "FAILED"
        sent_ms = provider_ms if out else None
        delivered_ms = provider_ms + 1_000 if status in ("DELIVERED", "READ") else None
        read_ms = provider_ms + 3_000 if status == "READ" else None
        created_ms = provider_ms - 200  # QUEUED when the send was answered, SENT 200 ms later
    replying = inbound and index % 10 == 6
    return {
        "id": f"msg_{index:08d}",
        "conversationId": f"conv_{user:05d}",
        "direction": "INBOUND" if inbound else "OUTBOUND",
        "providerKind": "META",
        "externalMessageId": None if status == "FAILED" else f"wamid.HBgNNTUxMTk5OTk5OTk5ORUCABIYFjNFQjA{index:08d}",
        "status": status,
        "messageType": "image" if photo else "text",
        "origin": None if inbound else "API",
        "text": None if photo else f"{_TEXTS[index % len(_TEXTS)]} (#{index})",
        "participantName": f"Cliente {user}" if inbound else None,
        "participantPhone": f"+55119{user:08d}",
        "participantUserId": None,
        "repliedToExternalId": f"wamid.HBgNNTUxMTk5OTk5OTk5ORUCABIYFjNFQjA{index - 1:08d}" if replying else None,
        "media": {
            "provider": "META",
            "id": f"{1_000_000_000 + index}",
            "url": None,
            "mimeType": "image/jpeg",
            "fileName": None,
        }
        if photo
        else None,
        "sentAt": None if sent_ms is None else format_ms(sent_ms),
        "deliveredAt": None if delivered_ms is None else format_ms(delivered_ms),
        "readAt": None if read_ms is None else format_ms(read_ms),
        "providerTimestamp": format_ms(provider_ms),
        "createdAt": format_ms(created_ms),
        "referral": None,
    }


def prepared_messages(count: int, seed: int = 7, ties: float = TIE_SHARE) -> list[dict[str, object]]:
    """The messages the server starts with, oldest first: 1 ms to 3 s apart, a share `ties` of them in the same
    millisecond as the one before (see `created_instants`)."""
    return [message_json(index, at) for index, at in enumerate(reversed(created_instants(count, seed, ties)))]


def _now_ms() -> int:
    return (datetime.datetime.now(datetime.UTC) - _EPOCH) // datetime.timedelta(milliseconds=1)


def _bounded(text: str, low: int, high: int | None) -> int | None:
    """`text` as a whole number from `low` (up to `high`), else None."""
    if not (text.isascii() and text.isdigit()):
        return None
    value = int(text)
    return value if value >= low and (high is None or value <= high) else None


class History:
    """Message history over `messages` (oldest first), each encoded once, a page a join of a slice found by
    bisection; `add()` puts a new message at the top while pages are being served (a lock keeps each page whole)."""

    def __init__(self, messages: Sequence[Mapping[str, Any]]) -> None:
        self._encoded = [json.dumps(message, separators=(",", ":")).encode() for message in messages]
        self._keys = [instant_us(str(message["providerTimestamp"])) for message in messages]  # ascending
        if any(later < earlier for earlier, later in zip(self._keys, self._keys[1:], strict=False)):
            raise ValueError("messages must be ordered oldest first")
        self._lock = threading.Lock()

    @property
    def count(self) -> int:
        with self._lock:
            return len(self._encoded)

    def add(self) -> dict[str, object]:
        """A new message at the top: numbered after every other, and at least a millisecond newer than the newest
        (the wall clock's instant when that is later)."""
        with self._lock:
            newest_ms = self._keys[-1] // 1000 + 1 if self._keys else 0
            message = message_json(len(self._encoded), max(_now_ms(), newest_ms), arrived=True)
            self._encoded.append(json.dumps(message, separators=(",", ":")).encode())
            self._keys.append(instant_us(str(message["providerTimestamp"])))
        return message

    def page(self, page: int, page_size: int, first_us: int | None = None, last_us: int | None = None) -> bytes:
        """The body of page `page` of the messages from `first_us` to `last_us` (both inclusive), newest first."""
        with self._lock:
            low = 0 if first_us is None else bisect.bisect_left(self._keys, first_us)
            high = len(self._keys) if last_us is None else bisect.bisect_right(self._keys, last_us)
            total = max(0, high - low)
            end = high - (page - 1) * page_size
            rows = self._encoded[max(low, end - page_size) : end] if end > low else []
        pages = -(-total // page_size)
        tail = f'"total":{total},"page":{page},"pageSize":{page_size},"totalPages":{pages}}}'
        return b'{"messages":[' + b",".join(reversed(rows)) + b"]," + tail.encode()

    def answer(self, target: str, key: str | None) -> tuple[int, bytes]:
        """The status and JSON body for a GET of `target` (the history's path and a query) sent with `key`."""
        if not key:
            return 401, b'{"error":"Unauthorized"}'
        query = parse_qs(urlsplit(target).query, keep_blank_values=True)
        if any(len(values) > 1 for values in query.values()):
            return 400, b'{"error":"Validation error"}'
        page = _bounded(query.get("page", ["1"])[0], 1, None)
        page_size = _bounded(query.get("pageSize", [str(DEFAULT_PAGE_SIZE)])[0], 1, MAX_LIMIT)
        if page is None or page_size is None:
            return 400, b'{"error":"Validation error"}'
        try:
            first, last = (
                None if name not in query else instant_us(query[name][0]) for name in ("startDate", "endDate")
            )
        except ValueError:
            return 400, b'{"error":"Validation error"}'
        if first is not None and last is not None and first > last:
            return 400, b'{"error":"Invalid date range","code":"INVALID_DATE_RANGE"}'
        return 200, self.page(page, page_size, first, last)


_REASONS = {200: "OK", 201: "Created", 400: "Bad Request", 401: "Unauthorized", 404: "Not Found"}


class PagesServer(ThreadingHTTPServer):
    """A thread a connection; with `tls`, each connection's TLS handshake is made in its own thread."""

    daemon_threads = True

    def __init__(
        self, address: tuple[str, int], pages: Pages, tls: ssl.SSLContext | None, history: History | None = None
    ) -> None:
        self.pages = pages
        self.history = history
        self.tls = tls
        super().__init__(address, _Handler)

    @property
    def base_url(self) -> str:
        host, port = self.server_address[:2]
        return f"{'https' if self.tls else 'http'}://{host!s}:{port}"

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Quiet about a client that hangs up or refuses the certificate; loud about anything else."""
        if not isinstance(sys.exc_info()[1], (ssl.SSLError, ConnectionError)):
            super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, unless the client says `Connection: close`
    disable_nagle_algorithm = True  # a response is one write: nothing to wait for

    def setup(self) -> None:
        server = self.server
        assert isinstance(server, PagesServer)
        if server.tls is not None:
            self.request = server.tls.wrap_socket(self.request, server_side=True)  # takes over the socket
        super().setup()

    def finish(self) -> None:
        super().finish()
        server = self.server
        assert isinstance(server, PagesServer)
        if server.tls is not None:
            self.request.close()  # the TLS socket: socketserver closes only the one it accepted, detached by now

    def do_GET(self) -> None:
        server = self.server
        assert isinstance(server, PagesServer)
        key = self.headers.get("x-api-key")
        if server.history is not None and urlsplit(self.path).path == HISTORY_PATH:
            self._send(*server.history.answer(self.path, key))
        else:
            self._send(*server.pages.answer(self.path, key))

    def do_POST(self) -> None:
        server = self.server
        assert isinstance(server, PagesServer)
        self.rfile.read(int(self.headers.get("content-length") or 0))  # unread, it would be taken for the next request
        if server.history is None or urlsplit(self.path).path != ARRIVALS_PATH:
            self._send(404, b'{"error":"Not found"}')
        else:
            self._send(201, json.dumps(server.history.add(), separators=(",", ":")).encode())

    def _send(self, status: int, body: bytes) -> None:
        head = f"HTTP/1.1 {status} {_REASONS[status]}\r\ncontent-type: application/json\r\n"
        head += f"content-length: {len(body)}\r\n"
        if self.close_connection:  # the client asked for it (`Connection: close`, as urllib does)
            head += "connection: close\r\n"
        self.wfile.write(head.encode("ascii") + b"\r\n" + body)  # one write, headers and body

    def log_message(self, format: str, *args: Any) -> None:
        """No line per request."""


def server_context(cert: Path) -> ssl.SSLContext:
    """A server TLS context with the key and certificate chain in the PEM file `cert`."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert)
    return context


@contextmanager
def serving(
    pages: Pages, tls: ssl.SSLContext | None = None, host: str = "127.0.0.1", history: History | None = None
) -> Iterator[PagesServer]:
    """`pages` (and `history`) served on a free port in a thread of this process (for tests; the bench runs `main()`
    in a process of its own)."""
    server = PagesServer((host, 0), pages, tls, history)
    thread = threading.Thread(target=server.serve_forever, name="bench-pages", daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--calls", type=int, default=20_000, help="calls served (default 20,000)")
    parser.add_argument("--seed", type=int, default=7, help="seed of the creation instants (default 7)")
    parser.add_argument("--ties", type=float, default=TIE_SHARE, help=f"share of tied calls (default {TIE_SHARE})")
    parser.add_argument("--messages", type=int, default=0, help="messages in the history served (default 0: none)")
    parser.add_argument("--cert", type=Path, help="PEM file with the key and certificate chain: serve over TLS")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="port to listen on (default 0: a free one)")
    args = parser.parse_args()
    pages = Pages(prepared_calls(args.calls, args.seed, args.ties))
    history = History(prepared_messages(args.messages, args.seed, args.ties)) if args.messages else None
    tls = server_context(args.cert) if args.cert else None
    server = PagesServer((args.host, args.port), pages, tls, history)
    print(f"Base URL: {server.base_url}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
