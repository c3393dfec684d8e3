"""When a request is sent again, and how long to wait first. The rule lives here and nowhere else.

The API documents no idempotency keys, so a request that changes state is never re-sent once it may have reached
the server: a second "start call" would ring a phone twice. Only reads (GET, HEAD, OPTIONS) are retried after a
timeout, a broken connection, a 408 or a 5xx. Any request is retried after a 429 (the server refused it without
acting on it) or when its connection never opened (nothing was sent).
"""

from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass

import httpx

from ._exceptions import parse_retry_after

# Methods that do not change state, so sending one twice is harmless.
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

# Transport failures that happen before any byte of the request leaves: the request cannot have reached the server.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
# Transport failures worth another try for a read: timeouts and broken connections, not a bad URL or a bad proxy.
_TRANSIENT = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)


def should_retry(method: str, *, status_code: int | None = None, error: Exception | None = None) -> bool:
    """Whether a request that got `status_code` (or failed with `error`) may be sent again."""
    if status_code is not None:
        if status_code == 429:
            return True
        return method.upper() in SAFE_METHODS and (status_code >= 500 or status_code == 408)
    if isinstance(error, _NOT_SENT):
        return True
    return method.upper() in SAFE_METHODS and isinstance(error, _TRANSIENT)


@dataclass(frozen=True)
class RetryPolicy:
    """How long to wait before each retry (how many retries there may be is the client's `max_retries`).

    The wait is exponential (`initial_delay` doubling up to `max_delay`) with up to 25 % jitter, so that many clients
    do not retry in step. A `Retry-After` header (seconds or an HTTP date) replaces it when it asks for at most
    `max_retry_after` seconds; a longer wait is not worth blocking on, so the error is raised at once instead.
    """

    initial_delay: float = 0.5
    max_delay: float = 8.0
    max_retry_after: float = 60.0

    def delay(self, retries_done: int, response: httpx.Response | None = None) -> float | None:
        """Seconds to wait before retry number `retries_done + 1`, or None when the server asks for too long."""
        if response is not None:
            retry_after = parse_retry_after(response.headers.get("retry-after"))
            if retry_after is not None:
                return retry_after if retry_after <= self.max_retry_after else None
        backoff = min(self.initial_delay * 2.0 ** min(retries_done, 32), self.max_delay)
        return backoff * (1.0 - 0.25 * random.random())


# Indirections that tests replace, so that no test sleeps.
def sleep(seconds: float) -> None:
    time.sleep(seconds)


async def async_sleep(seconds: float) -> None:
    await asyncio.sleep(seconds)
