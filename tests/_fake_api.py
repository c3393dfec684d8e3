"""An in-memory `GET /v1/calls` with the documented semantics, served through `httpx.MockTransport`.

`limit` 1..100 (default 25), `before` = created strictly before, newest first. The order of calls that share a
`createdAt` is not documented, so it is a parameter: fixed (the dataset's order) or shuffled on every request. And
since a server may not keep to the documented order at all, `shuffle_pages` sends each page in a random order.
"""

from __future__ import annotations

import bisect
import datetime
import json
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx

EPOCH = datetime.datetime(2026, 1, 29, 12, 0, tzinfo=datetime.UTC)


def iso(instant: datetime.datetime) -> str:
    return instant.astimezone(datetime.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def call_body(call_id: str, created_at: datetime.datetime, **extra: Any) -> dict[str, Any]:
    """A complete call, as List calls returns one."""
    return {
        "id": call_id,
        "externalCallId": f"wacid.{call_id}",
        "direction": "INBOUND",
        "status": "COMPLETED",
        "peerNumber": "5511999999999",
        "createdAt": iso(created_at),
        "updatedAt": iso(created_at),
        **extra,
    }


def dataset(offsets_ms: Sequence[int]) -> list[dict[str, Any]]:
    """Calls created `offsets_ms` milliseconds after EPOCH, ids `call_0`, `call_1`, ..."""
    return [call_body(f"call_{i}", EPOCH + datetime.timedelta(milliseconds=ms)) for i, ms in enumerate(offsets_ms)]


@dataclass
class FakeCallsAPI:
    """Serves `calls` (any order) as the API would. `requests` records the query of every request."""

    calls: list[dict[str, Any]]
    shuffle_ties: random.Random | None = None
    shuffle_pages: random.Random | None = None
    requests: list[dict[str, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        # Newest first; a stable sort keeps the dataset's order among equal instants.
        self._ordered = sorted(self.calls, key=lambda call: _parse(call["createdAt"]), reverse=True)
        self._keys = [-_parse(call["createdAt"]).timestamp() for call in self._ordered]

    def handler(self, request: httpx.Request) -> httpx.Response:
        query = dict(request.url.params)
        self.requests.append(query)
        limit = int(query.get("limit", "25"))
        if not 1 <= limit <= 100:
            return httpx.Response(400, json={"error": "limit must be between 1 and 100"})
        start = 0
        if "before" in query:
            start = bisect.bisect_right(self._keys, -_parse(query["before"]).timestamp())
        rows = self._ordered[start:]
        if self.shuffle_ties is not None:
            rows = self._shuffled(rows[: limit + 100])
        page = rows[:limit]
        if self.shuffle_pages is not None:
            self.shuffle_pages.shuffle(page)
        body = json.dumps({"calls": page})
        return httpx.Response(200, content=body, headers={"content-type": "application/json"})

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handler)

    def _shuffled(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """`rows` with each run of equal instants in a new random order."""
        assert self.shuffle_ties is not None
        out: list[dict[str, Any]] = []
        run: list[dict[str, Any]] = []
        for row in rows:
            if run and row["createdAt"] != run[0]["createdAt"]:
                self.shuffle_ties.shuffle(run)
                out += run
                run = []
            run.append(row)
        self.shuffle_ties.shuffle(run)
        return out + run


def _parse(text: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
