"""An in-memory numbered list (`page`, `pageSize`), newest first, whose contents change between requests, served
through `httpx.MockTransport`: the adversary of the walks' properties.

It serves the four numbered lists of the API with their documented semantics: newest first by the list's instant
(history: `providerTimestamp`, group: `createdAt`, conversations: `lastMessageAt`, unread: `providerTimestamp`), ties
by id descending, `startDate` and `endDate` inclusive, pages of `pageSize` numbered from 1, and the envelope
`{<items>, total, page, pageSize, totalPages}`. Before every request but the first, it applies the next batch of
`changes` (drawn by the tests): items arrive (at the clock's instant, or back-dated), conversations get a message
(their instant becomes the clock's: they move to the top), messages are read (they leave the unread list), and the
clock moves on or stays where it is (a sandbox with a manual clock, where everything that happens shares one instant).

Ids are a counter, zero-padded, so that an item that arrives sorts above the items of its instant that were there
before it, as the sandbox's time-ordered ids do across milliseconds.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import httpx

from tests._fake_api import EPOCH, iso

Kind = Literal["history", "group", "conversations", "unread"]

PATHS: dict[str, Kind] = {
    "/v1/messages/history": "history",
    "/v1/messages/group": "group",
    "/v1/conversations": "conversations",
    "/v1/messages/unread": "unread",
}
ITEMS_KEY: dict[Kind, str] = {
    "history": "messages",
    "group": "messages",
    "conversations": "conversations",
    "unread": "messages",
}


@dataclass
class Row:
    """One item of the list: its id, its instant (milliseconds after EPOCH), and whether it has been read."""

    id: str
    at: int
    read: bool = False


@dataclass(frozen=True)
class Arrive:
    """A new item, `ago` milliseconds before the clock's instant (0: now; more: back-dated, as history imported from
    a device on connecting)."""

    ago: int = 0


@dataclass(frozen=True)
class Move:
    """The conversation at this position of the whole list (modulo its length) gets a message: it moves to the
    clock's instant."""

    position: int


@dataclass(frozen=True)
class Read:
    """The unread message at this position of the whole list (modulo its length) is read."""

    position: int


@dataclass(frozen=True)
class Tick:
    """The clock moves on by `ms` milliseconds."""

    ms: int


Change = Arrive | Move | Read | Tick


def instant(at: int) -> datetime.datetime:
    return EPOCH + datetime.timedelta(milliseconds=at)


def body(kind: Kind, row: Row) -> dict[str, Any]:
    """An item of the list `kind`, as the API sends one."""
    when = iso(instant(row.at))
    if kind == "conversations":
        return {"id": row.id, "type": "DIRECT", "from": "+5511999990000", "lastMessageAt": when, "unreadCount": 0}
    message: dict[str, Any] = {
        "id": row.id,
        "conversationId": "conv_1",
        "direction": "INBOUND",
        "status": "DELIVERED",
        "messageType": "text",
        "text": f"hello {row.id}",
        "providerTimestamp": when,
        "createdAt": when,
    }
    if kind == "group":
        message["groupId"] = "120363000000000000@g.us"
    if kind == "unread":
        message["conversationUnreadCount"] = 1
    return message


@dataclass
class NumberedServer:
    """Serves `rows` as the list `kind`; `changes[i]` is applied before request i + 1 (the first request sees `rows`
    as given). `clock` is the instant new items get (default: the newest row's). `requests` records every query."""

    kind: Kind
    rows: list[Row]
    changes: Sequence[Sequence[Change]] = ()
    clock: int | None = None
    requests: list[dict[str, str]] = field(default_factory=list)
    arrived: list[str] = field(default_factory=list)
    """The ids of the items that arrived or moved (conversations) during the walk, and of the messages read."""
    _next_id: int = 0

    def __post_init__(self) -> None:
        self._next_id = len(self.rows)
        if self.clock is None:
            self.clock = max((row.at for row in self.rows), default=0)

    @staticmethod
    def ids(count: int) -> list[str]:
        return [row_id(number) for number in range(count)]

    def listed(self, start: int | None = None, end: int | None = None) -> list[Row]:
        """The list as a request with these bounds would see it now: newest first, ties by id descending."""
        rows = [
            row
            for row in self.rows
            if not (self.kind == "unread" and row.read)
            and (start is None or row.at >= start)
            and (end is None or row.at <= end)
        ]
        return sorted(rows, key=lambda row: (row.at, row.id), reverse=True)

    def handler(self, request: httpx.Request) -> httpx.Response:
        assert PATHS[request.url.path] == self.kind, request.url.path
        query = dict(request.url.params)
        if self.requests:
            self.apply(self.changes[len(self.requests) - 1] if len(self.requests) <= len(self.changes) else ())
        self.requests.append(query)
        page, size = int(query.get("page", "1")), int(query.get("pageSize", "30"))
        rows = self.listed(_bound(query.get("startDate"), up=True), _bound(query.get("endDate"), up=False))
        total_pages = -(-len(rows) // size)
        answer = {
            ITEMS_KEY[self.kind]: [body(self.kind, row) for row in rows[(page - 1) * size : page * size]],
            "total": len(rows),
            "page": page,
            "pageSize": size,
            "totalPages": total_pages,
        }
        return httpx.Response(200, content=json.dumps(answer), headers={"content-type": "application/json"})

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handler)

    def apply(self, changes: Sequence[Change]) -> None:
        assert self.clock is not None
        for change in changes:
            if isinstance(change, Tick):
                self.clock += change.ms
            elif isinstance(change, Arrive):
                row = Row(row_id(self._next_id), self.clock - change.ago)
                self._next_id += 1
                self.rows.append(row)
                self.arrived.append(row.id)
            elif isinstance(change, Move) and self.rows:
                row = self.listed()[change.position % len(self.rows)]
                row.at = max(row.at, self.clock)
                self.arrived.append(row.id)
            elif isinstance(change, Read):
                unread = self.listed()
                if unread:
                    row = unread[change.position % len(unread)]
                    row.read = True
                    self.arrived.append(row.id)


def read(server: NumberedServer, item_id: str) -> None:
    """Mark the message `item_id` read, as a reader that reads each message it is given does."""
    next(row for row in server.rows if row.id == item_id).read = True


def row_id(number: int) -> str:
    return f"item_{number:06d}"


def rows_at(offsets_ms: Sequence[int]) -> list[Row]:
    """Rows at these instants (milliseconds after EPOCH), ids in the order given."""
    return [Row(row_id(number), at) for number, at in enumerate(offsets_ms)]


def _bound(text: str | None, *, up: bool) -> int | None:
    """A date bound as whole milliseconds after EPOCH, both inclusive: a bound with microseconds selects the rows of
    the exact instant (a start is rounded up, an end down)."""
    if text is None:
        return None
    parsed = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    micros = (parsed - EPOCH) // datetime.timedelta(microseconds=1)
    return -(-micros // 1000) if up else micros // 1000
