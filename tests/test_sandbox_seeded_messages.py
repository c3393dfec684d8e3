"""The seeded messages of the sandbox's numbers (`--messages N`, `messages/seed.py`), on the backend alone: how many,
on which numbers, when, deterministic from the seed, and the shapes a client must cope with (groups, media, every
status, unread messages after a conversation's last send)."""

from __future__ import annotations

import itertools
import re
from collections import Counter

import pytest

from pilotstatus_sandbox import SandboxConfig
from pilotstatus_sandbox._backend import NUMBERS, Backend
from pilotstatus_sandbox._instants import DEFAULT_NEWEST
from pilotstatus_sandbox.messages.models import Message
from pilotstatus_sandbox.messages.seed import SPAN_MS

SEEDED = ("num_sandbox_meta", "num_sandbox_web", "num_sandbox_store_days")
ULID = re.compile(r"msg_[0-9A-HJKMNP-TV-Z]{26}")


def seeded(count: int, seed: int = 7, number_id: str = "num_sandbox_meta") -> list[Message]:
    number = Backend(SandboxConfig(calls=0, messages=count, seed=seed, manual_clock=True)).number(number_id)
    assert number is not None
    return number.messages.all()


@pytest.fixture(scope="module")
def meta() -> list[Message]:
    return seeded(400)


@pytest.fixture(scope="module")
def web() -> list[Message]:
    return seeded(400, number_id="num_sandbox_web")


def test_each_number_with_seeded_messages_has_exactly_as_many_and_the_others_none() -> None:
    backend = Backend(SandboxConfig(calls=0, messages=37, manual_clock=True))
    for spec in NUMBERS:
        number = backend.number(spec.number_id)
        assert number is not None
        assert len(number.messages) == (37 if spec.number_id in SEEDED else 0), spec.number_id
    assert seeded(0) == []


def test_the_seeded_messages_are_the_same_for_a_seed_and_differ_for_another() -> None:
    assert seeded(120) == seeded(120)
    assert [message.id for message in seeded(120, seed=8)] != [message.id for message in seeded(120)]


def test_they_span_the_30_days_up_to_the_newest_instant_oldest_first(meta: list[Message]) -> None:
    created = [message.created_ms for message in meta]
    assert created == sorted(created)
    assert DEFAULT_NEWEST - SPAN_MS <= created[0] < DEFAULT_NEWEST - SPAN_MS + 86_400_000
    assert DEFAULT_NEWEST - 86_400_000 < created[-1] <= DEFAULT_NEWEST
    assert any(later == earlier for earlier, later in itertools.pairwise(created))  # a shared millisecond


def test_ids_have_the_stores_forms_and_each_message_is_found_by_them() -> None:
    number = Backend(SandboxConfig(calls=0, messages=300, manual_clock=True)).number("num_sandbox_meta")
    assert number is not None
    messages = number.messages.all()
    assert len({message.id for message in messages}) == len(messages)
    for message in messages:
        assert ULID.fullmatch(message.id), message.id
        for ref in (message.id, message.correlation_id, message.external_id):
            assert ref is None or number.messages.find(ref) is message
    assert all((m.external_id or "wamid.").startswith("wamid.") for m in messages)


def test_there_are_several_conversations_and_groups_only_on_the_web_number(
    meta: list[Message], web: list[Message]
) -> None:
    assert len({message.conversation_id for message in meta}) >= 10
    assert {message.conversation_type for message in meta} == {"DIRECT"}
    groups = [message for message in web if message.conversation_type == "GROUP"]
    assert groups
    assert all(message.group_id is not None and message.group_id.endswith("@g.us") for message in groups)
    assert all(m.external_id is None or re.fullmatch(r"3EB0[0-9A-F]{20}", m.external_id) for m in web)


def test_sent_messages_are_in_every_final_status_and_failed_ones_carry_a_log_error_code(meta: list[Message]) -> None:
    sent = [message for message in meta if message.direction == "OUTBOUND"]
    assert {message.status for message in sent} == {"SENT", "DELIVERED", "READ", "FAILED"}
    for message in sent:
        if message.status == "FAILED":
            assert message.error_code in {"WHATSAPP_NOT_EXIST", "DELIVERY_TIMEOUT", "META_OUTSIDE_24H_WINDOW"}
            assert (message.external_id, message.sent_ms) == (None, None)
        else:
            assert message.sent_ms is not None
            assert message.provider_ms == message.sent_ms
    assert Counter(message.origin for message in sent).keys() >= {"API", "APP"}


def test_received_messages_are_unread_only_after_their_conversations_last_send(meta: list[Message]) -> None:
    last_send: dict[str, int] = {}
    for message in meta:
        if message.direction == "OUTBOUND":
            last_send[message.conversation_id] = message.created_ms
    received = [message for message in meta if message.direction == "INBOUND"]
    assert any(message.read_ms is None for message in received)
    for message in received:
        if message.read_ms is None:
            assert message.status == "DELIVERED"
            assert last_send.get(message.conversation_id, -1) <= message.created_ms
        else:
            assert message.status == "READ"
            assert message.read_ms >= message.created_ms


def test_some_received_messages_carry_media_with_a_meta_media_id_and_bytes(
    meta: list[Message], web: list[Message]
) -> None:
    with_media = [message for message in meta if message.media is not None]
    assert with_media
    for message in with_media:
        media = message.media
        assert media is not None
        assert message.direction == "INBOUND"
        assert (media.provider, (media.id or "").isdigit(), media.url) == ("META", True, None)
        assert media.content
    web_media = [message.media for message in web if message.media is not None]
    assert web_media
    assert all(media.id is None and (media.url or "").startswith("https://") for media in web_media)
