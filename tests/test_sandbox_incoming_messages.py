"""The test helper where a user writes to a number (`POST /_sandbox/messages/incoming`, `messages/incoming.py`), over
HTTP with the helpers' document checking each answer: the message kept, its webhook, replies, groups, media, and the
24-hour window it opens on a Meta number."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from typing import Any

import pytest

from pilotstatus import webhooks
from pilotstatus_sandbox import SandboxHelperError, SandboxHelpers
from pilotstatus_sandbox._backend import Number
from pilotstatus_sandbox._webhooks import encode_payload, sign
from pilotstatus_sandbox.messages.sending import send
from tests._sandbox_client import NUMBER_IDS, SandboxClient, manual_sandbox
from tests._spec import load_spec, validator, webhook_operations

USER = "+5511988887777"


@pytest.fixture(scope="module")
def api() -> Iterator[SandboxClient]:
    with manual_sandbox(calls=0, messages=0) as client:
        yield client


def number(api: SandboxClient, key: str) -> Number:
    found: Number | None = api.sandbox.app.state.backend.number(NUMBER_IDS[key])
    assert found is not None
    return found


def writes(api: SandboxClient, key: str = "meta", **body: Any) -> Any:
    return api.ok("POST", "/_sandbox/messages/incoming", key=key, json={"from": USER, **body})


def refused(api: SandboxClient, key: str = "meta", **body: Any) -> tuple[int, dict[str, Any]]:
    response = api.post("/_sandbox/messages/incoming", key=key, json={"from": USER, **body})
    return response.status_code, response.json()


def sent(api: SandboxClient, key: str, **body: Any) -> str:
    """A message the number sends through the send's own code (the spec's operation aside), moved past SENT."""
    backend = api.sandbox.app.state.backend
    message_id: str = send(backend, number(api, key), {"destinationNumber": USER, **body})["id"]
    api.advance(1)
    return message_id


def test_a_user_who_writes_leaves_an_unread_inbound_message_and_a_message_received_event(api: SandboxClient) -> None:
    message = writes(api, text="Olá, meu pedido chegou?", participantName="Ana Souza")
    assert message["direction"] == "INBOUND"
    assert (message["status"], message["readAt"]) == ("DELIVERED", None)
    assert (message["text"], message["participantName"]) == ("Olá, meu pedido chegou?", "Ana Souza")
    assert message["participantPhone"] == USER
    assert message["externalMessageId"].startswith("wamid.")
    kept = number(api, "meta").messages.find(message["id"])
    assert kept is not None
    assert kept.direction == "INBOUND"
    event = api.events()[-1]
    assert event["event"] == "message.received"
    data = event["data"]
    assert (data["id"], data["messageId"], data["fromMe"]) == (message["id"], message["externalMessageId"], False)
    assert (data["from"], data["to"], data["content"]) == (USER, "+5511955550100", "Olá, meu pedido chegou?")
    assert data["participantName"] == "Ana Souza"


def test_a_message_needs_text_or_media(api: SandboxClient) -> None:
    status, body = refused(api)
    assert (status, body) == (400, {"error": "Validation error: a message needs text, media or both"})


def test_a_reply_quotes_a_sent_message_by_its_provider_id(api: SandboxClient) -> None:
    writes(api, text="Oi")  # the window is open: the number's text goes out
    quoted_id = sent(api, "meta", text="Seu pedido saiu para entrega.")
    quoted = number(api, "meta").messages.find(quoted_id)
    assert quoted is not None
    assert quoted.external_id is not None
    for ref in (quoted.id, quoted.correlation_id, quoted.external_id):
        reply = writes(api, text="Obrigado!", replyTo=ref)
        assert reply["repliedToExternalId"] == quoted.external_id
        event = api.events()[-1]
        assert event["event"] == "message.reply"
        assert event["data"]["quotedMessageId"] == quoted.external_id
        assert event["data"]["contentReplied"] == "Seu pedido saiu para entrega."


def test_a_reply_to_a_message_the_number_never_sent_is_404_and_to_one_the_user_never_got_is_400(
    api: SandboxClient,
) -> None:
    assert refused(api, text="?", replyTo="msg_unknown")[0] == 404
    assert refused(api, text="?", replyTo="msg_unknown")[1]["code"] == "MESSAGE_NOT_FOUND"
    received = writes(api, text="a message of the user's own")
    assert refused(api, text="?", replyTo=received["id"])[1]["code"] == "MESSAGE_NOT_FOUND"
    backend = api.sandbox.app.state.backend
    elsewhere = send(backend, number(api, "web"), {"destinationNumber": "+5511900001111", "text": "Oi"})["id"]
    api.advance(1)
    status, body = refused(api, "web", text="?", replyTo=elsewhere)
    assert status == 400
    assert "was not sent to this user" in body["error"]
    later = send(
        backend, number(api, "web"), {"destinationNumber": USER, "text": "Amanhã", "deliverAt": "2100-01-01T00:00:00Z"}
    )
    status, body = refused(api, "web", text="?", replyTo=later["id"])
    assert status == 400
    assert "is QUEUED and never went out" in body["error"]


def test_a_group_message_on_a_web_number_is_a_message_group_event_with_its_group(api: SandboxClient) -> None:
    message = writes(api, "web", text="Bom dia, equipe", groupId="120363041700000009@g.us", groupName="Loja")
    kept = number(api, "web").messages.find(message["id"])
    assert kept is not None
    assert (kept.conversation_type, kept.group_id, kept.group_name) == ("GROUP", "120363041700000009@g.us", "Loja")
    event = api.events(key="web")[-1]
    assert event["event"] == "message.group"
    assert (event["data"]["groupId"], event["data"]["groupName"]) == ("120363041700000009@g.us", "Loja")
    assert event["data"]["from"] == USER


def test_a_group_message_on_a_meta_number_is_not_supported(api: SandboxClient) -> None:
    status, body = refused(api, "meta", text="Oi", groupId="120363041700000009@g.us")
    assert (status, body["code"]) == (400, "NOT_SUPPORTED_FOR_META")


def test_media_given_in_base64_is_kept_as_its_bytes_with_a_meta_media_id(api: SandboxClient) -> None:
    content = b"%PDF-1.4 a receipt %%EOF"
    media = {"mimeType": "application/pdf", "fileName": "recibo.pdf", "base64": base64.b64encode(content).decode()}
    message = writes(api, text="Segue o recibo", media=media)
    assert message["messageType"] == "document"
    assert message["media"]["provider"] == "META"
    assert message["media"]["id"].isdigit()
    assert (message["media"]["mimeType"], message["media"]["fileName"]) == ("application/pdf", "recibo.pdf")
    kept = number(api, "meta").messages.find(message["id"])
    assert kept is not None
    assert kept.media is not None
    assert kept.media.content == content
    data = api.events()[-1]["data"]
    assert (data["type"], data["mediaType"], data["mediaFilename"]) == ("document", "application/pdf", "recibo.pdf")
    assert data["mediaCaption"] == "Segue o recibo"


@pytest.mark.parametrize(
    ("mime_type", "kind"),
    [("image/jpeg", "image"), ("image/webp", "sticker"), ("video/mp4", "video"), ("audio/ogg", "audio")],
)
def test_media_of_a_size_is_made_up_and_its_mime_type_says_the_kind_of_message(
    api: SandboxClient, mime_type: str, kind: str
) -> None:
    message = writes(api, "web", media={"mimeType": mime_type, "size": 1000})
    assert (message["messageType"], message["text"]) == (kind, None)
    assert message["media"]["provider"] == "EVO_GO"
    assert message["media"]["id"] is None
    assert message["media"]["url"] == f"https://sandbox.pilotstatus.invalid/media/{message['id']}"
    kept = number(api, "web").messages.find(message["id"])
    assert kept is not None
    assert kept.media is not None
    assert len(kept.media.content or b"") == 1000


@pytest.mark.parametrize(
    "media",
    [
        {"mimeType": "image/png"},
        {"mimeType": "image/png", "size": 1, "base64": "AA=="},
        {"mimeType": "image/png", "size": 16 * 1024 * 1024 + 1},
        {"mimeType": "not a type", "size": 1},
        {"mimeType": "image/png", "base64": "not base64!"},
    ],
    ids=["neither-bytes-nor-size", "both", "over-16-mib", "no-mime-type", "not-base64"],
)
def test_media_without_its_bytes_or_with_bad_ones_is_400(api: SandboxClient, media: dict[str, Any]) -> None:
    status, body = refused(api, media=media)
    assert status == 400
    assert body["error"].startswith("Validation error")
    assert "media" in body["error"]


def test_a_user_who_writes_opens_the_24_hour_window_of_a_meta_number_for_that_user(api: SandboxClient) -> None:
    user = "+5511977771234"  # no magic ending: its window opens only when it writes
    backend = api.sandbox.app.state.backend
    meta = number(api, "meta")

    def text_goes(status_after: str) -> None:
        message_id = send(backend, meta, {"destinationNumber": user, "text": "Oi"})["id"]
        api.advance(1)
        message = meta.messages.find(message_id)
        assert message is not None
        assert message.status == status_after

    text_goes("FAILED")  # the user never wrote
    api.ok("POST", "/_sandbox/messages/incoming", json={"from": user, "text": "Oi"})
    text_goes("DELIVERED")
    api.advance(24 * 3600)
    text_goes("FAILED")


def test_a_message_in_a_group_does_not_open_the_window_for_its_writer(api: SandboxClient) -> None:
    user = "+5511977771235"
    web = number(api, "web")
    api.ok(
        "POST",
        "/_sandbox/messages/incoming",
        key="web",
        json={"from": user, "text": "Oi", "groupId": "120363041700000009@g.us"},
    )
    assert web.messages.last_inbound_ms(user.removeprefix("+")) is None


def test_the_helpers_client_writes_as_the_user_with_each_field_it_is_given(api: SandboxClient) -> None:
    with SandboxHelpers(api.sandbox.url, api_key="ps_sandbox_web_number") as helpers:
        message = helpers.incoming_message(
            from_=USER,
            text="Oi, grupo",
            media={"mimeType": "image/jpeg", "size": 3},
            group_id="120363041700000009@g.us",
            group_name="Loja",
            participant_name="Ana",
        )
        assert (message["text"], message["participantName"], message["messageType"]) == ("Oi, grupo", "Ana", "image")
        assert helpers.events()[-1]["event"] == "message.group"
        with pytest.raises(SandboxHelperError) as refused_by:
            helpers.incoming_message(from_=USER)
    assert refused_by.value.status_code == 400


def test_each_event_of_a_user_who_writes_satisfies_the_specs_schema_and_reads_typed(api: SandboxClient) -> None:
    quoted = sent(api, "web", text="Seu pedido saiu")
    writes(api, "web", text="Oi", participantName="Ana")
    writes(api, "web", media={"mimeType": "application/pdf", "fileName": "a.pdf", "size": 5}, replyTo=quoted)
    writes(api, "web", text="Bom dia", groupId="120363041700000009@g.us")
    schemas = {
        name: operation["requestBody"]["content"]["application/json"]["schema"]
        for name, _, operation in webhook_operations(load_spec())
    }
    typed = {
        "message.received": webhooks.MessageReceivedWebhookEvent,
        "message.reply": webhooks.MessageReplyWebhookEvent,
        "message.group": webhooks.MessageGroupWebhookEvent,
    }
    events = api.events(key="web")[-3:]
    assert [event["event"] for event in events] == ["message.received", "message.reply", "message.group"]
    for event in events:
        assert [error.message for error in validator(schemas[event["event"]]).iter_errors(event)] == []
        body = encode_payload(event)
        read = webhooks.unwrap(body, {webhooks.SIGNATURE_HEADER: sign(body, "whsec_test")}, "whsec_test")
        assert type(read) is typed[event["event"]]
