"""The sandbox's clock: wall time that a test may move forward, or a manual clock that moves only when told.

Moving the clock is how a test skips a ring timeout or a peer's answer without waiting: `advance(30)` makes 30
seconds pass at once, and the backend then applies every transition that came due, in time order.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

__all__ = ["Clock"]


class Clock:
    """Milliseconds since the epoch: the wall clock (or `start_ms`, when manual) plus every `advance` so far."""

    def __init__(self, *, manual: bool, start_ms: int, wall: Callable[[], float] = time.time) -> None:
        self.manual = manual
        self._start_ms = start_ms
        self._wall = wall
        self._offset_ms = 0
        self._lock = threading.Lock()

    def now_ms(self) -> int:
        base = self._start_ms if self.manual else int(self._wall() * 1000)
        with self._lock:
            return base + self._offset_ms

    def advance(self, seconds: float) -> None:
        """Move the clock forward by `seconds` (>= 0)."""
        if not seconds >= 0:
            raise ValueError(f"the clock only moves forward, not by {seconds!r} seconds")
        with self._lock:
            self._offset_ms += round(seconds * 1000)
