"""Signed webhooks (call and message events), delivered in the background: `WebhookSender(url, secret)`.

`send(payload)` never holds up its caller (an API request, a timer): it encodes and signs the payload, puts it on
a queue and returns. One worker thread posts the queue's payloads one at a time, in the order they were sent, so a
receiver sees each call's events in the order they happened.

Each delivery is a `POST` of the compact UTF-8 JSON body with the headers `content-type: application/json`,
`x-pilot-status-signature` (hex HMAC-SHA256 of the exact body bytes, keyed with the secret),
`x-pilot-status-event` (the payload's `event`) and `user-agent: pilotstatus-sandbox/<version>`.

Retry policy (sandbox behaviour, not documented upstream): a 2xx answer is a delivery; any other answer, a refused
connection or a timeout is tried again after `backoff * 2**n` seconds (n = 0, 1, ...), capped at `max_backoff` and
jittered down to half of that at random so that many senders do not retry in step; after `attempts` attempts in all
the payload is dropped with one WARNING on the `pilotstatus_sandbox` logger naming the event, the call and the last
answer. Retrying one payload holds up the ones behind it: that is the price of keeping them in order.

The secret never appears in a repr, a log line or an exception.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import queue
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Final
from urllib.parse import urlsplit, urlunsplit

import httpx

from pilotstatus import __version__

__all__ = ["Delivery", "WebhookSender", "display_url", "encode_payload", "retry_delay", "sign"]

logger = logging.getLogger("pilotstatus_sandbox")

SIGNATURE_HEADER: Final = "x-pilot-status-signature"
EVENT_HEADER: Final = "x-pilot-status-event"
USER_AGENT: Final = f"pilotstatus-sandbox/{__version__}"


def encode_payload(payload: dict[str, Any]) -> bytes:
    """The exact bytes a webhook carries: compact JSON, UTF-8, non-ASCII text as itself."""
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()


def sign(body: bytes, secret: str) -> str:
    """The `x-pilot-status-signature` of `body`: hex HMAC-SHA256 of its bytes, keyed with the secret."""
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def retry_delay(retry: int, *, backoff: float, max_backoff: float, unit: float) -> float:
    """Seconds to wait before retry number `retry` (0 for the first): `backoff * 2**retry` capped at `max_backoff`,
    scaled into its upper half by `unit` (a random number in [0, 1)) so that senders do not retry in step."""
    ceiling = min(max_backoff, backoff * 2.0 ** min(retry, 64))  # the exponent is bounded: 2.0**1100 overflows
    return ceiling * (0.5 + unit / 2)


@dataclass(frozen=True)
class Delivery:
    """What became of one payload: its event and call, how many attempts it took, and the last answer's status
    (None when the last attempt got no answer) or the last error."""

    event: str
    call_id: str | None
    attempts: int
    status: int | None
    error: str | None = None

    @property
    def delivered(self) -> bool:
        return self.status is not None and 200 <= self.status < 300


@dataclass(frozen=True)
class _Outgoing:
    event: str
    call_id: str | None
    body: bytes
    signature: str


_STOP: Final = object()
"""Put on the queue by `close()`: the worker stops once it reaches it, after everything sent before."""


class WebhookSender:
    """Delivers signed webhooks to `url` from one background thread, in the order they are sent.

    `sleep` replaces the wait between attempts (tests pass one that records the delays and returns at once); by
    default the worker waits on an event that `close()` sets, so that a close is never held up by a backoff.
    """

    def __init__(
        self,
        url: str,
        secret: str,
        *,
        attempts: int = 6,
        backoff: float = 0.5,
        max_backoff: float = 8.0,
        timeout: float = 5.0,
        sleep: Callable[[float], object] | None = None,
    ) -> None:
        if isinstance(attempts, bool) or not isinstance(attempts, int) or attempts < 1:
            raise ValueError(f"attempts must be a whole number >= 1, not {attempts!r}")
        if not 0 <= backoff <= max_backoff:
            raise ValueError(f"backoff ({backoff!r}) must be >= 0 and at most max_backoff ({max_backoff!r})")
        if not timeout > 0:
            raise ValueError(f"timeout must be above 0 seconds, not {timeout!r}")
        if not secret:
            raise ValueError("the secret must not be empty: it is the key the webhooks are signed with")
        self.url = url
        self._secret = secret
        self._attempts = attempts
        self._backoff = backoff
        self._max_backoff = max_backoff
        self._timeout = timeout
        self._sleep = sleep
        self._random = random.Random()
        self._queue: queue.Queue[_Outgoing | object] = queue.Queue()
        self._stopping = threading.Event()  # set when close() gives up waiting: drop what is left, promptly
        self._lock = threading.Condition()
        self._deliveries: list[Delivery] = []
        self._accepted = 0  # payloads taken by send()
        self._finished = 0  # payloads delivered or dropped
        self._closed = False
        self._worker = threading.Thread(target=self._run, name="pilotstatus-webhooks", daemon=True)
        self._worker.start()

    def __repr__(self) -> str:
        return f"WebhookSender(url={display_url(self.url)!r})"

    def __enter__(self) -> WebhookSender:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()

    @property
    def deliveries(self) -> list[Delivery]:
        """What became of each payload finished so far, in the order they finished (the order they were sent)."""
        with self._lock:
            return list(self._deliveries)

    def send(self, payload: dict[str, Any]) -> None:
        """Queue `payload` for delivery and return at once. The payload is encoded now: changing the dict afterwards
        changes nothing. After `close()` a payload is dropped, with a WARNING."""
        body = encode_payload(payload)
        event = str(payload.get("event", ""))
        call_id = payload.get("callId")
        outgoing = _Outgoing(event, None if call_id is None else str(call_id), body, sign(body, self._secret))
        with self._lock:
            if self._closed:
                logger.warning("webhook %s not sent: the sender is closed", _describe(outgoing))
                return
            self._accepted += 1
            self._queue.put(outgoing)  # under the lock: close() cannot slip its stop marker in ahead of it

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until every payload sent so far is delivered or dropped; False if `timeout` seconds passed first."""
        with self._lock:
            return self._lock.wait_for(lambda: self._finished == self._accepted, timeout)

    def close(self, timeout: float = 5.0) -> None:
        """Stop the worker once it has finished what was sent, waiting at most `timeout` seconds; after that, what
        is left is dropped (each with a WARNING) as soon as the attempt in flight ends. Calling it again does
        nothing."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            self._queue.put(_STOP)
        self._worker.join(timeout)
        if self._worker.is_alive():
            self._stopping.set()

    def _run(self) -> None:
        with httpx.Client(timeout=self._timeout, headers={"user-agent": USER_AGENT}) as client:
            while (item := self._queue.get()) is not _STOP:
                assert isinstance(item, _Outgoing)
                if self._stopping.is_set():
                    logger.warning("webhook %s dropped: the sender was closed before it went out", _describe(item))
                    self._finish(Delivery(item.event, item.call_id, 0, None, "the sender was closed"))
                    continue
                try:
                    self._finish(self._deliver(client, item))
                except Exception:  # keep delivering the others: one bad payload must not stop every webhook
                    logger.exception("webhook %s dropped: unexpected error", _describe(item))
                    self._finish(Delivery(item.event, item.call_id, 0, None, "unexpected error"))

    def _deliver(self, client: httpx.Client, item: _Outgoing) -> Delivery:
        headers = {"content-type": "application/json", SIGNATURE_HEADER: item.signature, EVENT_HEADER: item.event}
        attempt = 0
        status: int | None = None
        error: str | None = None
        while True:
            attempt += 1
            try:
                response = client.post(self.url, content=item.body, headers=headers)
            except httpx.HTTPError as failure:  # refused, timed out, cut off: the receiver may come back
                status = None
                error = f"{type(failure).__name__}: {failure}" if str(failure) else type(failure).__name__
            else:
                status, error = response.status_code, None
                if 200 <= status < 300:
                    return Delivery(item.event, item.call_id, attempt, status)
            if attempt >= self._attempts or self._pause(attempt - 1):
                break
        last = f"HTTP {status}" if status is not None else error
        tries = f"{attempt} attempt" + ("" if attempt == 1 else "s")
        logger.warning("webhook %s to %s dropped after %s: %s", _describe(item), display_url(self.url), tries, last)
        return Delivery(item.event, item.call_id, attempt, status, error)

    def _pause(self, retry: int) -> bool:
        """Wait before retry number `retry`; True when the sender is being closed and should give up instead."""
        delay = retry_delay(retry, backoff=self._backoff, max_backoff=self._max_backoff, unit=self._random.random())
        if self._sleep is not None:
            self._sleep(delay)
            return self._stopping.is_set()
        return self._stopping.wait(delay)

    def _finish(self, delivery: Delivery) -> None:
        with self._lock:
            self._deliveries.append(delivery)
            self._finished += 1
            self._lock.notify_all()


def _describe(item: _Outgoing) -> str:
    return f"{item.event or '(no event)'}" + (f" of {item.call_id}" if item.call_id else "")


def display_url(url: str) -> str:
    """`url` without any user name or password it carries, for a log line or a banner."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))
