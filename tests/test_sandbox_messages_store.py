"""The Messages area's store on its own (`Number.messages`): what it keeps, how a message is found, and the ids it
makes; the send, its lifecycle and the readers are proven through the API in their own files."""

from __future__ import annotations

from pilotstatus_sandbox import SandboxConfig
from pilotstatus_sandbox._backend import Backend, Number
from pilotstatus_sandbox.messages.models import Message, Messages


def meta_number() -> Number:
    backend = Backend(SandboxConfig(calls=0, messages=0, seed=7, manual_clock=True))
    number = backend.number("num_sandbox_meta")
    assert number is not None
    return number


def message(messages: Messages, **fields: object) -> Message:
    values: dict[str, object] = {
        "id": messages.new_id(1_000),
        "direction": "OUTBOUND",
        "conversation_id": messages.conversation_id("5511988887777"),
        "conversation_type": "DIRECT",
        "provider_kind": "META",
        "created_ms": 1_000,
        "provider_ms": 1_000,
        "status": "QUEUED",
        "peer_phone": "5511988887777",
    } | fields
    return Message(**values)  # type: ignore[arg-type]


def test_a_message_is_found_by_its_id_its_correlation_id_and_its_provider_id_once_it_has_one() -> None:
    messages = meta_number().messages
    sent = messages.add(message(messages, correlation_id="corr_1"))
    assert messages.find(sent.id) is sent
    assert messages.find("corr_1") is sent
    external = messages.new_external_id()
    assert messages.find(external) is None
    sent.external_id = external
    messages.changed(sent)
    assert messages.find(external) is sent
    assert messages.find("msg_unknown") is None


def test_every_message_is_listed_in_the_order_it_was_added_and_each_change_moves_the_version() -> None:
    messages = meta_number().messages
    first = messages.add(message(messages))
    second = messages.add(message(messages, direction="INBOUND", status="DELIVERED"))
    assert messages.all() == [first, second]
    version = messages.version
    messages.changed(first)
    assert messages.version > version


def test_the_24_hour_window_starts_at_the_peers_last_message_to_the_number() -> None:
    messages = meta_number().messages
    assert messages.last_inbound_ms("5511988887777") is None
    messages.add(message(messages, direction="INBOUND", created_ms=5_000, status="DELIVERED"))
    messages.add(message(messages, direction="OUTBOUND", created_ms=9_000))
    assert messages.last_inbound_ms("5511988887777") == 5_000
    assert messages.last_inbound_ms("5511900000000") is None


def test_one_conversation_a_peer_and_ids_sort_by_the_instant_they_were_made() -> None:
    messages = meta_number().messages
    assert messages.conversation_id("5511988887777") == messages.conversation_id("5511988887777")
    assert messages.conversation_id("5511988887777") != messages.conversation_id("120363@g.us")
    assert messages.new_id(1_000) < messages.new_id(2_000)
    assert messages.new_id(1_000).startswith("msg_")
    assert messages.new_external_id().startswith("wamid.")
