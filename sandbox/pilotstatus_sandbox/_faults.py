"""Faults on demand (`POST /_sandbox/faults`): the next requests of an operation on a number fail on the way in or
on the way out, so that a test can prove what a client does when an answer is lost.

A fault names an operation (its operationId), when it strikes (`before` the operation runs, so nothing is kept; or
`after`, once the operation has run and its answer is remembered for its idempotency key), what happens (`kind`)
and how many requests it strikes (`count`):

- `503`: the answer is 503 `{"error": "Service unavailable (sandbox fault)"}`;
- `disconnect`: the connection is closed before an answer is complete;
- `timeout`: the answer is held for `seconds` (real time, 5 by default), then the connection is closed without one;
- `delay`: the answer is held for `seconds` (real time, 5 by default), then given as usual; `before`, the request's
  idempotency key is in flight meanwhile (what 409 IDEMPOTENCY_KEY_IN_USE needs).

A held request waits on the real clock, not the sandbox's (a manual clock would hold it forever), and is let go at
once by `DELETE /_sandbox/faults`, which also drops the faults still armed. `GET /_sandbox/faults` lists the armed
faults, with the requests each holds right now, so that a test knows when a request is held without timing it.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from dataclasses import dataclass, field
from typing import Any, Final, Literal

__all__ = ["Disconnect", "Fault", "Faults", "quiet_disconnects"]

When = Literal["before", "after"]
Kind = Literal["503", "disconnect", "timeout", "delay"]

DEFAULT_SECONDS: Final = 5.0
_HOLDING: Final = ("timeout", "delay")


class Disconnect(Exception):  # noqa: N818 (what happens, not an error of the sandbox's)
    """Raised by the app once an answer has started, so that the server closes the connection mid-answer: how an
    ASGI app drops a connection."""


class _QuietDisconnects(logging.Filter):
    """Drops the server's error log of a `Disconnect`: the connection was dropped on purpose."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and isinstance(record.exc_info[1], Disconnect))


_FILTER = _QuietDisconnects()


def quiet_disconnects() -> None:
    """Keep uvicorn from logging a fault's `Disconnect` as an error of the app (done once, however often asked)."""
    logger = logging.getLogger("uvicorn.error")
    if _FILTER not in logger.filters:
        logger.addFilter(_FILTER)


@dataclass
class Fault:
    """One armed fault (see the module's docstring)."""

    operation: str
    when: When
    kind: Kind
    count: int
    seconds: float
    held: int = 0
    """Requests it is holding right now (`timeout`, `delay`)."""
    release: asyncio.Event = field(default_factory=asyncio.Event, repr=False)

    def to_json(self) -> dict[str, Any]:
        return {
            "operation": self.operation,
            "when": self.when,
            "kind": self.kind,
            "count": self.count,
            "seconds": self.seconds,
            "held": self.held,
        }


class Faults:
    """The faults armed on each number. The counts are changed under a lock (requests may come from threads)."""

    def __init__(self) -> None:
        self._armed: dict[str, list[Fault]] = {}
        self._lock = threading.Lock()

    def arm(self, number_id: str, fault: Fault) -> dict[str, Any]:
        with self._lock:
            self._armed.setdefault(number_id, []).append(fault)
            return fault.to_json()

    def listed(self, number_id: str) -> list[dict[str, Any]]:
        """The faults of a number still armed or still holding a request, in the order they were armed."""
        with self._lock:
            return [fault.to_json() for fault in self._armed.get(number_id, [])]

    def clear(self, number_id: str) -> int:
        """Drop a number's faults and let go at once of every request they hold; how many faults were dropped."""
        with self._lock:
            dropped = self._armed.pop(number_id, [])
        for fault in dropped:
            fault.release.set()
        return len(dropped)

    def take(self, number_id: str, operation_id: str, when: When) -> Fault | None:
        """The fault that strikes this request, if any, its count spent (the first armed, for several)."""
        if not self._armed.get(number_id):  # no fault on the number: no lock taken (every request asks)
            return None
        with self._lock:
            faults = self._armed.get(number_id, [])
            for fault in faults:
                if fault.operation == operation_id and fault.when == when and fault.count > 0:
                    fault.count -= 1
                    if fault.kind in _HOLDING:
                        fault.held += 1  # until `hold` lets it go: counted now, so a lister never misses it
                    else:
                        self._forget_spent(number_id, fault)
                    return fault
            return None

    async def hold(self, number_id: str, fault: Fault) -> None:
        """Hold a request the fault struck (`take`) for its `seconds`, or until the faults are cleared."""
        try:
            await asyncio.wait_for(fault.release.wait(), fault.seconds)
        except TimeoutError:
            pass
        finally:
            with self._lock:
                fault.held -= 1
                self._forget_spent(number_id, fault)

    def _forget_spent(self, number_id: str, fault: Fault) -> None:
        """Forget a fault whose count is spent and which holds no request (called with the lock held)."""
        armed = self._armed.get(number_id, [])
        if fault in armed and fault.count == 0 and fault.held == 0:
            armed.remove(fault)
