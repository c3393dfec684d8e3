"""An optional per-key rate limit: a token bucket, refilled continuously, answering how long to wait when empty."""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable

__all__ = ["MIN_RATE", "RateLimiter", "check_rate"]

MIN_RATE = 0.001
"""One request in 1,000 seconds: below that, `Retry-After` would be counted in days."""


def check_rate(rate: float) -> float:
    """`rate` if it is a rate the limiter takes, else ValueError saying what is."""
    if not (math.isfinite(rate) and rate >= MIN_RATE):
        raise ValueError(f"the rate limit must be at least {MIN_RATE} requests a second, not {rate!r}")
    return rate


class RateLimiter:
    """Allows `rate` requests a second per key, with bursts of up to `max(1, rate)` requests."""

    def __init__(self, rate: float, *, clock: Callable[[], float] = time.monotonic) -> None:
        self._rate = check_rate(rate)
        self._burst = max(1.0, rate)
        self._clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}  # key -> (tokens, when counted)
        self._lock = threading.Lock()

    def acquire(self, key: str) -> int | None:
        """Take one request from `key`'s allowance: None when allowed, else the whole seconds to wait (>= 1)."""
        with self._lock:
            now = self._clock()
            tokens, counted = self._buckets.get(key, (self._burst, now))
            tokens = min(self._burst, tokens + (now - counted) * self._rate)
            if tokens >= 1:
                self._buckets[key] = (tokens - 1, now)
                return None
            self._buckets[key] = (tokens, now)
            return max(1, math.ceil((1 - tokens) / self._rate))
