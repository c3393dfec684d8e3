"""What the sandbox's areas share (moto's core): the numbers, the clock, the timers that move every area's state
on time, the lock that guards it, and the webhook events emitted. Each area's own state lives in its package
(`calls/models.py`: a number's calls, settings and permissions; `messages/models.py`: its messages).

Time comes from the sandbox's `Clock`: what happens later (the peer answering, a ring timeout, a permission answer)
is a timer on one heap for the whole sandbox, applied in time order whenever the backend is touched (so an answer is
always as of now) and by `run_timers` on time (so webhooks go out without a request). One lock guards everything:
every public method of the backend and of the areas' state is safe under concurrent requests.
"""

from __future__ import annotations

import heapq
import itertools
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Literal

from ._clock import Clock
from ._config import SandboxConfig
from ._dataset import CallHistory
from ._errors import ApiError
from ._faults import Faults
from ._idempotency import IdempotencyKeys
from ._instants import format_ms
from ._providers import Provider
from .calls.models import Calls
from .messages.models import Messages
from .messages.seed import seed_messages
from .templates.models import Templates

__all__ = ["NUMBERS", "RELAY_ONLY_NOTICE", "ApiError", "Backend", "Event", "Number", "NumberSpec", "PiiMode"]

Event = dict[str, Any]
PiiMode = Literal["STORE_INDEFINITE", "STORE_X_DAYS", "RELAY_ONLY"]
RELAY_ONLY_NOTICE = "PII_RELAY_ONLY"
"""The `notice` of every list of a RELAY_ONLY number (calls, messages, conversations), which keeps none to list."""

_DAY_MS = 86_400_000


@dataclass(frozen=True)
class NumberSpec:
    """A sandbox number: the id a tenant key names it by (`x-whatsapp-number-id`), its phone, its provider."""

    number_id: str
    phone: str
    provider: Provider
    seeded: bool
    """Whether it has the seeded call history (`SandboxConfig.calls` calls)."""
    connected: bool = True
    seeded_messages: bool = False
    """Whether it has the seeded messages (`SandboxConfig.messages` messages, `messages/seed.py`)."""
    pii_mode: PiiMode = "STORE_INDEFINITE"
    """Its privacy (PII) mode, which the lists apply (`messages/inbox.py`; RELAY_ONLY lists no calls either)."""
    pii_retention_days: int | None = None
    """The days a `STORE_X_DAYS` number keeps its messages' content (None in the other modes)."""
    phone_number_id: str | None = None
    """A Meta number's phone number id at Meta (its `metaPhoneId`): the `phoneNumberId` that `GET /v1/media/{mediaId}`
    takes to download the media its users sent. None on other numbers."""


NUMBERS = (
    NumberSpec(
        "num_sandbox_meta",
        "5511955550100",
        "META",
        seeded=True,
        seeded_messages=True,
        phone_number_id="100000000000100",
    ),
    NumberSpec("num_sandbox_web", "5511955550200", "EVO_GO", seeded=True, seeded_messages=True),
    NumberSpec(
        "num_sandbox_relay_only",
        "5511955550300",
        "META",
        seeded=False,
        pii_mode="RELAY_ONLY",
        phone_number_id="100000000000300",
    ),
    NumberSpec("num_sandbox_web_disconnected", "5511955550400", "EVO_GO", seeded=False, connected=False),
    # A number whose kind serves no Calls operation: its calls state is never reached, and holds no history.
    NumberSpec("num_sandbox_evolution_v2", "5511955550500", "EVOLUTION_V2", seeded=False),
    # Redact-and-show: its messages older than 7 days are listed with their content, media and peer hidden.
    NumberSpec(
        "num_sandbox_store_days",
        "5511955550600",
        "META",
        seeded=False,
        seeded_messages=True,
        pii_mode="STORE_X_DAYS",
        pii_retention_days=7,
        phone_number_id="100000000000600",
    ),
)


class Backend:
    """The state of every sandbox number, and the clock and timers that move it."""

    def __init__(
        self,
        config: SandboxConfig,
        *,
        on_event: Callable[[Event], None] | None = None,
        on_progress: Callable[[int], None] | None = None,
    ) -> None:
        """The sandbox's numbers, their histories drawn from `config` (`on_progress` told each block of calls drawn,
        as a count), each emitted event handed to `on_event`."""
        self.config = config
        self.clock = Clock(manual=config.manual_clock, start_ms=config.newest_ms + _DAY_MS)
        self._on_event = on_event
        self._lock = threading.RLock()
        self._timers: list[tuple[int, int, Callable[[int], None]]] = []  # (due ms, order, action)
        self._order = itertools.count()
        self._wake = threading.Event()
        self._ring_timeout_ms = round(config.ring_timeout * 1000)
        self._numbers = {spec.number_id: Number(self, spec, on_progress=on_progress) for spec in NUMBERS}
        self.idempotency = IdempotencyKeys()
        """The idempotency keys seen, by number, and their answers (the request pipeline's)."""
        self.faults = Faults()
        """The faults armed by `POST /_sandbox/faults`, by number (the request pipeline's)."""

    def number(self, number_id: str) -> Number | None:
        """The sandbox number with this id, or None."""
        return self._numbers.get(number_id)

    def histories(self) -> dict[str, CallHistory]:
        """The seeded history of each number that has one, by provider."""
        return {
            n.provider: n.calls.history for n in self._numbers.values() if n.calls.history is not None and n.spec.seeded
        }

    def advance(self, seconds: float) -> str:
        """Move the clock forward and apply every transition that came due; the new time, as an instant."""
        with self._lock:
            self.clock.advance(seconds)
            self._settle()
            return format_ms(self.clock.now_ms())

    def events(self, number_id: str) -> list[Event]:
        """Every webhook payload emitted for a number, in order."""
        with self.locked():
            return list(self._numbers[number_id].emitted)

    def run_timers(self, stop: threading.Event, *, idle: float = 0.25) -> None:
        """Apply transitions as they come due on the real clock, until `stop` is set (checked at least every
        `idle` seconds). For a server: without it, transitions still apply, but only when a request comes."""
        while not stop.is_set():
            with self._lock:
                self._settle()
                delay = idle if not self._timers else (self._timers[0][0] - self.clock.now_ms()) / 1000
            self._wake.wait(min(max(delay, 0.001), idle))
            self._wake.clear()

    @contextmanager
    def locked(self) -> Iterator[int]:
        """Hold the lock with every due transition applied; yields the time."""
        with self._lock:
            self._settle()
            yield self.clock.now_ms()

    @contextmanager
    def held(self) -> Iterator[None]:
        """Hold the lock without applying due transitions: for state that a timer's action reads or changes too (a
        transition applied from inside another would run before it, out of time order)."""
        with self._lock:
            yield

    def schedule(self, due_ms: int, action: Callable[[int], None]) -> None:
        """Run `action(due_ms)` once the clock reaches `due_ms`."""
        heapq.heappush(self._timers, (due_ms, next(self._order), action))
        self._wake.set()

    def emit(self, number: Number, event: Event) -> None:
        number.emitted.append(event)
        if self._on_event is not None:
            self._on_event(event)

    @property
    def ring_timeout_ms(self) -> int:
        return self._ring_timeout_ms

    def _settle(self) -> None:
        now = self.clock.now_ms()
        while self._timers and self._timers[0][0] <= now:
            due, _, action = heapq.heappop(self._timers)
            action(due)


class Number:
    """One sandbox number: who it is (its id, phone, provider, whether its WhatsApp session is connected), the
    webhook events emitted for it, and its state in each area that has one."""

    def __init__(self, backend: Backend, spec: NumberSpec, *, on_progress: Callable[[int], None] | None = None) -> None:
        self.spec = spec
        self.number_id = spec.number_id
        self.phone = spec.phone
        self.provider: Provider = spec.provider
        self.connected = spec.connected
        self.media_subscription = True
        """Whether its workspace has the paid subscription media sends need (else 402 SUBSCRIPTION_REQUIRED_FOR_MEDIA);
        set by the number-state helper."""
        self.blocked: str | None = None
        """Why its sends are blocked (409 NUMBER_BLOCKED with this `reason`: `extra_charge_unpaid`), or None; set by
        the number-state helper."""
        self.emitted: list[Event] = []
        self.calls = Calls(backend, self, on_progress=on_progress)
        """Its calls (history and live), Meta settings and call permissions."""
        self.templates = Templates(backend, self)
        """Its message templates, and Meta's review of them."""
        self.messages = Messages(backend, self)
        """Its messages, sent and received."""
        if spec.seeded_messages:
            seed_messages(self.messages, backend.config)
