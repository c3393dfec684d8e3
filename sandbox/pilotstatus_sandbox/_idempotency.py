"""Idempotency keys (whole-api §1.3), for every operation whose catalogue `idempotency` is `optional` or `required`
(`POST /v1/messages/send`): the request pipeline's, not any area's.

A key is scoped to the number the request acts on (the sandbox has one workspace) and kept for 24 hours on the
sandbox's clock from its first request. For a key already seen:

- the same operation and the same body: the answer stored for the first request, status and body, with
  `Idempotent-Replayed: true`; the operation is not run again (nothing is resent);
- another operation or another body: 409 IDEMPOTENCY_KEY_REUSED;
- the first request still running: 409 IDEMPOTENCY_KEY_IN_USE.

Only a 2xx answer is remembered: a first request refused (4xx) or failed (5xx) leaves the key free, and the same key
may be sent again. A key must be 1 to 255 characters without control characters, else 400 IDEMPOTENCY_KEY_INVALID;
an operation whose `idempotency` is `required` refuses a request without one the same way.

"The same body": the same JSON value (key order and spacing aside), so a client that re-encodes its body on a retry
is still recognised.
"""

from __future__ import annotations

import json
import threading
from collections import deque
from dataclasses import dataclass
from typing import Any, Final

from ._errors import ApiError

__all__ = ["HEADER", "REPLAYED_HEADER", "IdempotencyKeys", "Stored", "check_key"]

HEADER: Final = "idempotency-key"
REPLAYED_HEADER: Final = "Idempotent-Replayed"
MAX_LENGTH: Final = 255
WINDOW_MS: Final = 24 * 3600 * 1000


def check_key(key: str | None, *, required: bool) -> None:
    """ApiError 400 IDEMPOTENCY_KEY_INVALID unless `key` is a valid key (or absent where it is optional)."""
    if key is None:
        if required:
            raise ApiError(400, "Idempotency-Key is required by this operation", "IDEMPOTENCY_KEY_INVALID")
        return
    if not key or len(key) > MAX_LENGTH:
        raise ApiError(
            400, f"Idempotency-Key must be 1 to {MAX_LENGTH} characters, not {len(key)}", "IDEMPOTENCY_KEY_INVALID"
        )
    if any(ord(char) < 32 or ord(char) == 127 for char in key):
        raise ApiError(400, "Idempotency-Key must not hold control characters", "IDEMPOTENCY_KEY_INVALID")


@dataclass(frozen=True)
class Stored:
    """A remembered 2xx answer: what a replay sends."""

    status: int
    body: bytes
    media_type: str | None


@dataclass
class _Entry:
    fingerprint: str
    created_ms: int
    answer: Stored | None = None
    """None while the first request runs."""


class IdempotencyKeys:
    """The keys seen, by (number, key), each with its first request's operation and body and, once answered with a
    2xx, that answer. Safe under concurrent requests."""

    def __init__(self) -> None:
        self._entries: dict[tuple[str, str], _Entry] = {}
        self._order: deque[tuple[int, tuple[str, str]]] = deque()  # (created ms, scope), oldest first
        self._lock = threading.Lock()

    def begin(self, scope: str, key: str, operation_id: str, body: Any, now_ms: int) -> Stored | None:
        """Note the start of a request with `key` on the number `scope`: the stored answer to replay, or None when
        the request is to run (its key is then in flight until `finish` or `abandon`). ApiError 409 for a key in
        flight or reused."""
        fingerprint = operation_id + "\n" + json.dumps(body, sort_keys=True, separators=(",", ":"))
        with self._lock:
            self._expire(now_ms)
            entry = self._entries.get((scope, key))
            if entry is None:
                self._entries[(scope, key)] = _Entry(fingerprint, now_ms)
                self._order.append((now_ms, (scope, key)))
                return None
            if entry.fingerprint != fingerprint:
                raise ApiError(
                    409,
                    "Idempotency-Key was already used with another request: use a new key for a new request",
                    "IDEMPOTENCY_KEY_REUSED",
                )
            if entry.answer is None:
                raise ApiError(
                    409, "A request with this Idempotency-Key is still being processed", "IDEMPOTENCY_KEY_IN_USE"
                )
            return entry.answer

    def finish(self, scope: str, key: str, answer: Stored) -> None:
        """The request with `key` was answered: remember a 2xx answer, forget the key after any other."""
        with self._lock:
            entry = self._entries.get((scope, key))
            if entry is None or entry.answer is not None:
                return
            if 200 <= answer.status < 300:
                entry.answer = answer
            else:
                del self._entries[(scope, key)]

    def abandon(self, scope: str, key: str) -> None:
        """The request with `key` ended without an answer to remember: the key is free again."""
        with self._lock:
            entry = self._entries.get((scope, key))
            if entry is not None and entry.answer is None:
                del self._entries[(scope, key)]

    def _expire(self, now_ms: int) -> None:
        """Forget every key older than the window (called with the lock held)."""
        while self._order and self._order[0][0] <= now_ms - WINDOW_MS:
            created, scope = self._order.popleft()
            entry = self._entries.get(scope)
            if entry is not None and entry.created_ms == created:
                del self._entries[scope]
