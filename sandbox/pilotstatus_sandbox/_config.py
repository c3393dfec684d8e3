"""What a sandbox serves and how it behaves: one frozen value, checked when made, shared by the app, the backend,
the webhook sender and the server."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ._instants import DEFAULT_NEWEST
from ._rate_limit import check_rate

__all__ = ["DEFAULT_MESSAGES", "DEFAULT_RING_TIMEOUT", "MAX_CALLS", "MAX_MESSAGES", "SandboxConfig"]

MAX_CALLS = 10_000_000
"""The most calls a number's history may hold: ten times the million `make bench` starts with. At the bound, the two
seeded histories hold 160 MB (8 bytes a call) and take about 270 MB and several seconds to draw (measured); a
hundred million would take gigabytes and a minute, for no test or demo that needs it."""

DEFAULT_MESSAGES = 200
"""Messages seeded on each number that has them by default: enough that history, conversations, unread counts and
the analytics dashboard show something, over the 30 days the seeded messages span."""

MAX_MESSAGES = 100_000
"""The most messages seeded on a number: ten times the 10,000 `make bench` walks. Each is a record in memory (about
2.2 KB, measured), so the three seeded numbers then hold about 660 MB and take a few seconds to seed."""

DEFAULT_RING_TIMEOUT = 30.0
"""Seconds a call rings before nobody answering ends it (FAILED for a business-initiated call, MISSED for an
inbound one). Sandbox behaviour, not documented upstream."""


@dataclass(frozen=True)
class SandboxConfig:
    """What the sandbox serves: how many calls each number's history has, how many messages each seeded number has,
    and the seed both are drawn from, an optional rate limit in requests per second per key, how long a call rings,
    where call webhooks go, whether time moves by itself (the default) or only when a test advances it
    (`manual_clock`), and whether some answers differ from `openapi.json` on purpose (`drift`)."""

    calls: int = 5000
    seed: int = 7
    messages: int = DEFAULT_MESSAGES
    """Messages seeded on each number that has them (`messages/seed.py`), drawn from `seed` like the calls."""
    rate_limit: float | None = None
    ring_timeout: float = DEFAULT_RING_TIMEOUT
    webhook_url: str | None = None
    webhook_secret: str | None = field(default=None, repr=False)
    manual_clock: bool = False
    """When True, the sandbox's clock starts at a fixed instant and moves only by `POST /_sandbox/clock/advance`:
    every answer, timestamp and webhook is then the same on every run."""
    newest_ms: int = field(default=DEFAULT_NEWEST, repr=False)
    drift: bool = False
    """When True, a deterministic fraction of answers carry what `openapi.json` does not say: an unknown Call field,
    an unknown call status, an undocumented header of List calls (`_drift` says which and where). Off, every
    answer is as the spec describes it."""

    def __post_init__(self) -> None:
        if isinstance(self.calls, bool) or not isinstance(self.calls, int) or not 0 <= self.calls <= MAX_CALLS:
            raise ValueError(f"calls must be a whole number from 0 to {MAX_CALLS:,}, not {self.calls!r}")
        if (
            isinstance(self.messages, bool)
            or not isinstance(self.messages, int)
            or not 0 <= self.messages <= MAX_MESSAGES
        ):
            raise ValueError(f"messages must be a whole number from 0 to {MAX_MESSAGES:,}, not {self.messages!r}")
        if isinstance(self.seed, bool) or not isinstance(self.seed, int):
            raise ValueError(f"seed must be a whole number, not {self.seed!r}")
        if not isinstance(self.drift, bool):
            raise ValueError(f"drift must be True or False, not {self.drift!r}")
        if self.rate_limit is not None:
            check_rate(self.rate_limit)
        if isinstance(self.ring_timeout, bool) or not isinstance(self.ring_timeout, int | float):
            raise ValueError(f"ring_timeout must be a number of seconds, not {self.ring_timeout!r}")
        if not (math.isfinite(self.ring_timeout) and self.ring_timeout > 0):
            raise ValueError(f"ring_timeout must be a number of seconds above 0, not {self.ring_timeout!r}")
        if (self.webhook_url is None) != (self.webhook_secret is None):
            raise ValueError("webhook_url and webhook_secret go together: give both, or neither")
        if self.webhook_url is not None:
            url = urlsplit(self.webhook_url)
            if url.scheme not in ("http", "https") or not url.hostname:
                raise ValueError(f"webhook_url must be an http(s) URL, not {self.webhook_url!r}")
        if self.webhook_secret is not None and not self.webhook_secret:
            raise ValueError("webhook_secret must not be empty: it is the key the webhooks are signed with")
