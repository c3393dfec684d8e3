"""The reads of messaging (`messages/inbox.py`) against what happened, on the backend alone: for any sequence of
users writing (alone or in a group), sends (reading the conversation or not), clock moves and reads, on a number
with or without seeded messages, the history lists every message exactly once, newest first; the unread total is the
sum of the conversations' unread counts; a conversation's `lastMessageAt` is its newest message's
`providerTimestamp`."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from pilotstatus_sandbox import SandboxConfig
from pilotstatus_sandbox._backend import Backend, Number
from pilotstatus_sandbox._encoded import EncodedJSON
from pilotstatus_sandbox.messages import inbox
from pilotstatus_sandbox.messages.incoming import receive
from pilotstatus_sandbox.messages.sending import send

USERS = ("+5511911110001", "+5511922221234", "+5511933334321")  # the first one's window is always open
GROUP = "120363041700000009@g.us"

Action = tuple[str, int, Any]

actions = st.lists(
    st.one_of(
        st.tuples(st.just("write"), st.integers(0, len(USERS) - 1), st.booleans()),  # in the group or not
        st.tuples(st.just("send"), st.integers(0, len(USERS) - 1), st.sampled_from([None, True, False])),
        st.tuples(st.just("advance"), st.just(0), st.sampled_from([0, 0.001, 0.2, 1, 3, 600])),
        st.tuples(st.just("look"), st.just(0), st.just(None)),  # a read between two changes: the inbox catches up
    ),
    max_size=25,
)


def page_of(encoded: EncodedJSON) -> dict[str, Any]:
    page: dict[str, Any] = json.loads(encoded.data)
    return page


def walk(read: Any, name: str) -> tuple[list[dict[str, Any]], int]:
    """Every item of a paged list, page after page, and the total the first page gave."""
    items: list[dict[str, Any]] = []
    first = page_of(read(1))
    total, pages = first["total"], first["totalPages"]
    items += first[name]
    for page in range(2, pages + 1):
        items += page_of(read(page))[name]
    assert len(items) == total
    assert page_of(read(pages + 1))[name] == []
    return items, total


def play(backend: Backend, number: Number, steps: list[Action]) -> None:
    for kind, user, detail in steps:
        if kind == "write":
            body: dict[str, Any] = {"from": USERS[user], "text": "Oi"}
            if detail and number.provider != "META":
                body["groupId"] = GROUP
            receive(backend, number, body)
        elif kind == "send":
            sending: dict[str, Any] = {"destinationNumber": USERS[user], "text": "Olá"}
            if detail is not None:
                sending["markRead"] = detail
            send(backend, number, sending)
        elif kind == "advance":
            backend.advance(detail)
        else:
            inbox.history(backend, number, inbox.Window(), page=1, page_size=1)


@settings(max_examples=60, deadline=None)
@given(
    steps=actions,
    number_id=st.sampled_from(["num_sandbox_meta", "num_sandbox_web"]),
    seeded=st.sampled_from([0, 25]),
    page_size=st.integers(1, 9),
)
def test_history_unread_and_conversations_agree_with_what_happened(
    steps: list[Action], number_id: str, seeded: int, page_size: int
) -> None:
    backend = Backend(SandboxConfig(calls=0, messages=seeded, manual_clock=True))
    number = backend.number(number_id)
    assert number is not None
    play(backend, number, steps)
    everything = inbox.Window()
    history, _ = walk(
        lambda page: inbox.history(backend, number, everything, page=page, page_size=page_size), "messages"
    )
    ids = [row["id"] for row in history]
    assert Counter(ids) == Counter(message.id for message in number.messages.all())  # each exactly once
    order = [(row["providerTimestamp"], row["id"]) for row in history]
    assert order == sorted(order, reverse=True)

    unread, total = walk(lambda page: inbox.unread(backend, number, page=page, page_size=page_size), "messages")
    conversations, _ = walk(
        lambda page: inbox.conversations(backend, number, everything, page=page, page_size=page_size), "conversations"
    )
    assert total == sum(conversation["unreadCount"] for conversation in conversations)
    assert {row["id"] for row in unread} == {
        row["id"] for row in history if row["direction"] == "INBOUND" and row["readAt"] is None
    }
    counts = Counter(row["conversationId"] for row in unread)
    assert all(row["conversationUnreadCount"] == counts[row["conversationId"]] for row in unread)
    newest: dict[str, str] = {}
    for row in history:  # newest first: a conversation's first row is its newest
        newest.setdefault(row["conversationId"], row["providerTimestamp"])
    assert {c["id"]: c["lastMessageAt"] for c in conversations} == newest
    order = [(c["lastMessageAt"], c["id"]) for c in conversations]
    assert order == sorted(order, reverse=True)
