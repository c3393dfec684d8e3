"""The walks against the sandbox, while users write to its numbers (and, for unread messages, the number answers
them, which reads their conversations) between any two of a walk's requests: each walk keeps its promise there too.

The sandbox runs on a manual clock, which moves only when a drawn change moves it, so that many messages share an
instant, as they do nowhere else. What a list holds when a walk begins is read first, by the page loop, while nothing
changes."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pilotstatus import PilotStatus
from pilotstatus.pagination import NumberedPage
from pilotstatus_sandbox import Sandbox, SandboxConfig, SandboxHelpers

META_KEY = "ps_sandbox_meta_number"
WEB_KEY = "ps_sandbox_web_number"
GROUP = "120363000000000001@g.us"


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(SandboxConfig(calls=10, messages=120, seed=11, manual_clock=True)) as running:
        yield running


@dataclass(frozen=True)
class Write:
    """A user writes to the number: `user` picks one of the users the number has talked with, or a new one."""

    user: int
    group: bool = False


@dataclass(frozen=True)
class Answer:
    """The number sends a text to one of its users, which reads that user's conversation."""

    user: int


@dataclass(frozen=True)
class Advance:
    """The sandbox's clock moves on."""

    ms: int


Change = Write | Answer | Advance


class BetweenRequests(httpx.HTTPTransport):
    """Sends each request as it is; before each but the first, makes the next changes happen."""

    def __init__(self, act: Callable[[int], None]) -> None:
        super().__init__()
        self._act = act
        self.requests = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self.requests:
            self._act(self.requests - 1)
        self.requests += 1
        return super().handle_request(request)


class Users:
    """Makes the drawn changes happen on the number of `key`: its users are those of its conversations, then new
    ones, by index."""

    def __init__(self, sandbox: Sandbox, key: str, phones: list[str], *, tick_before_write: bool) -> None:
        self._helpers = SandboxHelpers(sandbox.url, api_key=key)
        self._api = httpx.Client(base_url=sandbox.url, headers={"x-api-key": key})
        self._phones = phones
        self._tick = tick_before_write
        self._serial = 0

    def close(self) -> None:
        self._helpers.close()
        self._api.close()

    def phone(self, user: int) -> str:
        if user < len(self._phones):
            return self._phones[user]
        return f"+55119770{user:05d}"

    def apply(self, changes: list[Change]) -> None:
        for change in changes:
            if isinstance(change, Advance):
                self._helpers.advance(change.ms / 1000)
            elif isinstance(change, Write):
                if self._tick:
                    self._helpers.advance(0.001)
                self._serial += 1
                text = f"m{self._serial}"
                if change.group:
                    self._helpers.incoming_message(
                        from_=self.phone(change.user), text=text, group_id=GROUP, group_name="Team"
                    )
                else:
                    self._helpers.incoming_message(from_=self.phone(change.user), text=text)
            else:
                sent = self._api.post(
                    "/v1/messages/send", json={"destinationNumber": self.phone(change.user), "text": "ok"}
                )
                assert sent.status_code == 202, sent.text


def everything(page: NumberedPage[Any]) -> list[Any]:
    """Every item of the list, by the page loop: exact while nothing changes."""
    return [item for each in page.iter_pages() for item in each.items]


def phones_of(client: PilotStatus) -> list[str]:
    return sorted({c.from_ for c in everything(client.conversations.list(page_size=100)) if isinstance(c.from_, str)})


def changes(kind: str) -> st.SearchStrategy[list[list[Change]]]:
    users = st.integers(0, 30)
    one: st.SearchStrategy[Change] = st.builds(Write, users) | st.builds(Advance, st.sampled_from([0, 1, 250, 5000]))
    if kind == "group":
        one = st.builds(Write, users, st.just(True)) | st.builds(Advance, st.sampled_from([0, 1, 5000]))
    if kind == "unread":
        one = one | st.builds(Answer, users)
    return st.lists(st.lists(one, max_size=3), max_size=12)


SETTINGS = settings(max_examples=12, suppress_health_check=[HealthCheck.function_scoped_fixture])


def walk_with_changes(
    sandbox: Sandbox,
    key: str,
    kind: str,
    drawn: list[list[Change]],
    page_size: int,
    *,
    tick: bool = False,
    **bounds: datetime.datetime,
) -> tuple[list[str], PilotStatus]:
    """The ids a walk returned while `drawn` happened between its requests; and a client to read the list after."""
    reader = PilotStatus(base_url=sandbox.url, api_key=key)
    users = Users(sandbox, key, phones_of(reader), tick_before_write=tick)
    transport = BetweenRequests(lambda gap: users.apply(drawn[gap] if gap < len(drawn) else []))
    try:
        with PilotStatus(base_url=sandbox.url, api_key=key, transport=transport) as client:
            found: Iterator[Any]
            if kind == "history":
                found = client.messages.iter_history(page_size=page_size, **bounds)
            elif kind == "group":
                found = client.messages.iter_group(page_size=page_size, **bounds)
            elif kind == "unread":
                found = client.messages.iter_unread(page_size=page_size)
            else:
                found = client.conversations.iter(page_size=page_size, **bounds)
            return [item.id for item in found], reader
    finally:
        users.close()


@pytest.mark.parametrize("kind", ["history", "group"])
@SETTINGS
@given(data=st.data())
def test_a_history_walk_of_the_sandbox_returns_each_message_of_its_window_once_while_users_write(
    sandbox: Sandbox, kind: str, data: st.DataObject
) -> None:
    key = WEB_KEY if kind == "group" else META_KEY

    def listed(client: PilotStatus) -> list[Any]:
        first = client.messages.group if kind == "group" else client.messages.history
        return everything(first(page_size=100))

    with PilotStatus(base_url=sandbox.url, api_key=key) as reader:
        if kind == "group" and not reader.messages.group().items:
            SandboxHelpers(sandbox.url, api_key=key).incoming_message(from_="+5511977000001", text="oi", group_id=GROUP)
        there = listed(reader)
    page_size = data.draw(st.integers(5, 40))
    walked, reader = walk_with_changes(sandbox, key, kind, data.draw(changes(kind)), page_size)
    with reader:
        after = {item.id: item for item in listed(reader)}
    assert len(walked) == len(set(walked))
    assert {item.id for item in there} <= set(walked)
    newest = max(item.provider_timestamp if kind == "history" else item.created_at for item in there)
    field = "provider_timestamp" if kind == "history" else "created_at"
    assert all(getattr(after[item], field) <= newest for item in walked)


@SETTINGS
@given(data=st.data())
def test_a_conversations_walk_of_the_sandbox_returns_each_conversation_once_while_users_write(
    sandbox: Sandbox, data: st.DataObject
) -> None:
    with PilotStatus(base_url=sandbox.url, api_key=META_KEY) as reader:
        there = everything(reader.conversations.list(page_size=100))
    page_size = data.draw(st.integers(3, 20))
    walked, reader = walk_with_changes(
        sandbox, META_KEY, "conversations", data.draw(changes("conversations")), page_size
    )
    reader.close()
    assert len(walked) == len(set(walked))
    assert {item.id for item in there} <= set(walked)


@SETTINGS
@given(data=st.data())
def test_an_unread_walk_of_the_sandbox_returns_each_message_unread_throughout_once(
    sandbox: Sandbox, data: st.DataObject
) -> None:
    """A user's new message is newer than every message before it (the clock moves a millisecond before it is
    written), as the walk's promise requires."""
    with PilotStatus(base_url=sandbox.url, api_key=META_KEY) as reader:
        there = {item.id for item in everything(reader.messages.unread(page_size=100))}
    page_size = data.draw(st.integers(3, 20))
    walked, reader = walk_with_changes(sandbox, META_KEY, "unread", data.draw(changes("unread")), page_size, tick=True)
    with reader:
        still = {item.id for item in everything(reader.messages.unread(page_size=100))}
    assert len(walked) == len(set(walked))
    assert there & still <= set(walked)
