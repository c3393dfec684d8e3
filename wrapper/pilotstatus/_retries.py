"""When a request is sent again, and how long to wait first. The rule lives here and nowhere else.

A request that changes state is never re-sent once it may have reached the server, unless its operation honours an
`Idempotency-Key`: a second "start call" would ring a phone twice. None of the Calls operations does; an operation
does when its row of the catalogue says so (`idempotency`: `optional` or `required`, from the spec's
`x-pilotstatus`), and then each call is sent with a key of its own, the same on every retry of it, so the server
acts on it once. So reads (GET, HEAD, OPTIONS) and requests carrying a key are retried after a timeout, a broken
connection, a 408 or a 5xx; any request is retried after a 429 (the server refused it without acting on it) or when
its connection never opened (nothing was sent). A request carrying a key is also retried after a 409
`IDEMPOTENCY_KEY_IN_USE`: the server refused it because a request with the same key was still running, and acted on
this one not at all; the retry gets the first request's answer once it is stored. Any other 409 (such as
`IDEMPOTENCY_KEY_REUSED`, the same key with another body) is final.

That a 5xx leaves nothing done is an assumption, not a documented fact: the API documents that only 2xx answers are
remembered for a key, so a retry after a 5xx is acted on as a first request would be.

How long to wait: what the server asks for, in a `Retry-After` header (seconds or an HTTP date) or, when there is
no such header, in the body's `retryAfterSeconds`; else an exponential backoff with jitter.

This module imports nothing else of the SDK, so that `_exceptions` can use `retry_after()` for
`RateLimitError.retry_after`.
"""

from __future__ import annotations

import datetime
import email.utils
import json
import math
import random
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import httpx

from ._constants import IDEMPOTENCY_KEY_IN_USE, RETRY_AFTER_BODY_FIELD, RETRY_AFTER_HEADER

# Methods that do not change state, so sending one twice is harmless.
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# The catalogue's `idempotency` of an operation that honours an `Idempotency-Key`: sending one of its requests twice
# with the same key is harmless too.
KEYED = frozenset({"optional", "required"})

# Transport failures that happen before any byte of the request leaves: the request cannot have reached the server.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
# Transport failures worth another try for a read: timeouts and broken connections, not a bad URL or a bad proxy.
_TRANSIENT = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)

# Retry-After's delay-seconds is digits (RFC 9110); a fraction is accepted too.
_DELAY_SECONDS = re.compile(r"[0-9]+(\.[0-9]+)?")

# The clock HTTP dates are compared with (tests set it).
clock = time.time


def should_retry(
    method: str,
    *,
    status_code: int | None = None,
    error: Exception | None = None,
    idempotency: str = "none",
    code: str | None = None,
) -> bool:
    """Whether a request that got `status_code` (with the body's `code`, for a 409) or failed with `error` may be
    sent again. `idempotency` is its operation's (the catalogue's `none`, `optional` or `required`): with a key, a
    write is as safe to resend as a read."""
    if status_code is not None:
        if status_code == 429:
            return True
        if status_code == 409:
            return code == IDEMPOTENCY_KEY_IN_USE and idempotency in KEYED
        repeatable = method.upper() in SAFE_METHODS or idempotency in KEYED
        return repeatable and (status_code >= 500 or status_code == 408)
    if isinstance(error, _NOT_SENT):
        return True
    return (method.upper() in SAFE_METHODS or idempotency in KEYED) and isinstance(error, _TRANSIENT)


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a `Retry-After` header: delay-seconds or an HTTP date. None when absent or unreadable."""
    if value is None:
        return None
    value = value.strip()
    if _DELAY_SECONDS.fullmatch(value):
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
        if when.tzinfo is None:  # HTTP dates are GMT; parsedate gives a naive datetime for "-0000"
            when = when.replace(tzinfo=datetime.UTC)
        seconds = when.timestamp() - (clock() if now is None else now)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return max(seconds, 0.0)


def retry_after(headers: Mapping[str, str], body: Any) -> float | None:
    """The wait the server asks for, in seconds: its `Retry-After` header, or when there is none, the number in the
    body's `retryAfterSeconds` (`body` is the parsed JSON body, or None). None when neither gives a usable wait."""
    header = headers.get(RETRY_AFTER_HEADER)
    if header is not None:
        return parse_retry_after(header)
    hint = body.get(RETRY_AFTER_BODY_FIELD) if isinstance(body, dict) else None
    if isinstance(hint, bool) or not isinstance(hint, (int, float)):
        return None
    try:
        seconds = float(hint)
    except OverflowError:  # an integer too large for a float: no usable wait
        return None
    return seconds if math.isfinite(seconds) and seconds >= 0 else None


def response_retry_after(response: httpx.Response) -> float | None:
    """`retry_after()` of a response that has been read."""
    body = None if RETRY_AFTER_HEADER in response.headers else _json_body(response)
    return retry_after(response.headers, body)


def response_code(response: httpx.Response) -> str | None:
    """The `code` of the JSON error body of a response that has been read, or None."""
    body = _json_body(response)
    code = body.get("code") if isinstance(body, dict) else None
    return code if isinstance(code, str) else None


def _json_body(response: httpx.Response) -> Any:
    try:
        return json.loads(response.content)
    except (ValueError, RecursionError):  # not JSON (or not text), or nested deeper than the parser goes
        return None


@dataclass(frozen=True)
class RetryPolicy:
    """How long to wait before each retry.

    The wait is exponential (`initial_delay` doubling up to `max_delay`) with up to 25 % jitter, so that many clients
    do not retry in step. What the server asks for (see `retry_after()`) replaces it when that is at most
    `max_retry_after` seconds; a longer wait is not worth blocking on, so the error is raised at once instead.
    """

    initial_delay: float = 0.5
    max_delay: float = 8.0
    max_retry_after: float = 60.0

    def delay(self, retries_done: int, response: httpx.Response | None = None) -> float | None:
        """Seconds to wait before retry number `retries_done + 1`, or None when the server asks for too long."""
        if response is not None:
            asked = response_retry_after(response)
            if asked is not None:
                return asked if asked <= self.max_retry_after else None
        backoff = min(self.initial_delay * 2.0 ** min(retries_done, 32), self.max_delay)
        return backoff * (1.0 - 0.25 * random.random())

    def retry_delay(
        self,
        method: str,
        *,
        retries_done: int,
        max_retries: int,
        response: httpx.Response | None,
        error: Exception | None,
        idempotency: str = "none",
    ) -> float | None:
        """Seconds to wait before sending a request again after `response` (a non-2xx one, read) or `error`, or None
        when it must not be sent again: the retries are spent, the rule forbids it (for its method and its
        operation's `idempotency`), or the server asks for too long a wait."""
        if retries_done >= max_retries:
            return None
        status_code = response.status_code if response is not None else None
        code = response_code(response) if response is not None and status_code == 409 else None
        if not should_retry(method, status_code=status_code, error=error, idempotency=idempotency, code=code):
            return None
        return self.delay(retries_done, response)


# Indirections that tests replace, so that no test sleeps.
def sleep(seconds: float) -> None:
    time.sleep(seconds)


async def async_sleep(seconds: float) -> None:
    import asyncio  # only async clients need it; `import pilotstatus` does not load it

    await asyncio.sleep(seconds)
