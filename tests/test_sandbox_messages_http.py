"""The sandbox's sends over real HTTP, every answer checked against `openapi.json` as it arrives: Send message's 202,
Get message by each of its ids, Cancel in both of its shapes, the `message.*` events through `/_sandbox/events`,
the send's idempotency keys (a replay sends nothing again, a key in flight is 409 IN_USE), and a send whose answer
is lost to a fault, retried with its key and delivered once: by hand with httpx, and by the SDK's
`client.messages.send`. The lifecycle's rules on the backend alone are in test_sandbox_messages.py; idempotency on
any operation in test_sandbox_idempotency.py."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from pilotstatus import PilotStatus
from pilotstatus_sandbox._instants import format_ms, parse_before_ms
from tests._sandbox_client import KEYS, SandboxClient, manual_sandbox

SEND = "/v1/messages/send"
READS = "+5511999990001"
STRANGER = "+5511988887777"


@pytest.fixture(scope="module")
def api() -> Iterator[SandboxClient]:
    with manual_sandbox(calls=0) as client:
        yield client


def send(api: SandboxClient, body: dict[str, Any], *, key: str = "meta", **headers: str) -> httpx.Response:
    return api.post(SEND, key=key, json=body, headers=headers)


def accepted(api: SandboxClient, body: dict[str, Any], *, key: str = "meta", **headers: str) -> dict[str, Any]:
    response = send(api, body, key=key, **headers)
    assert response.status_code == 202, response.text
    answer: dict[str, Any] = response.json()
    return answer


def message(api: SandboxClient, ref: str, *, key: str = "meta") -> dict[str, Any]:
    found: dict[str, Any] = api.ok("GET", f"/v1/messages/{ref}", key=key)
    return found


def events_of(api: SandboxClient, message_id: str, *, key: str = "meta") -> list[str]:
    return [event["event"] for event in api.events(key=key) if event["data"].get("id") == message_id]


def cancel(api: SandboxClient, ids: Any, *, key: str = "meta") -> httpx.Response:
    return api.request("DELETE", "/v1/messages/cancel", key=key, json={"messageIds": ids})


def test_a_send_is_202_queued_and_followed_to_read_by_its_events(api: SandboxClient) -> None:
    sent = accepted(api, {"destinationNumber": READS, "text": "Your order has shipped."})
    assert (sent["status"], sent["sourceNumber"]) == ("QUEUED", "+5511955550100")
    assert message(api, sent["id"])["status"] == "QUEUED"
    api.advance(3)
    shown = message(api, sent["id"])
    assert shown["status"] == "READ"
    assert message(api, sent["correlationId"]) == shown
    assert message(api, shown["externalMessageId"]) == shown
    assert events_of(api, sent["id"]) == ["message.sent", "message.delivered", "message.read"]


def test_an_unknown_message_is_404_message_not_found(api: SandboxClient) -> None:
    response = api.get("/v1/messages/msg_unknown", key="meta")
    assert (response.status_code, response.json()["code"]) == (404, "MESSAGE_NOT_FOUND")


def test_a_text_to_a_user_outside_metas_window_is_202_then_failed_with_message_failed(api: SandboxClient) -> None:
    sent = accepted(api, {"destinationNumber": STRANGER, "text": "Hello"})
    api.advance(1)
    assert message(api, sent["id"])["errorCode"] == "META_OUTSIDE_24H_WINDOW"
    assert events_of(api, sent["id"]) == ["message.failed"]


def test_a_message_to_a_phone_that_is_off_fails_at_its_deliver_until_with_delivered_not_confirmed(
    api: SandboxClient,
) -> None:
    now = parse_before_ms(api.advance(0))
    assert now is not None
    body = {"destinationNumber": "+5511999990006", "text": "Your code", "deliverUntil": format_ms(now + 30_000)}
    sent = accepted(api, body)
    api.advance(29)
    assert (message(api, sent["id"])["status"], events_of(api, sent["id"])) == ("SENT", ["message.sent"])
    api.advance(1)
    failed = message(api, sent["id"])  # checked against MessageDetails as it arrives
    assert (failed["status"], failed["errorCode"], failed["deliveredAt"]) == ("FAILED", "DELIVERED_NOT_CONFIRMED", None)
    assert events_of(api, sent["id"]) == ["message.sent", "message.failed"]


def test_a_group_on_a_meta_number_is_400_not_supported_for_meta(api: SandboxClient) -> None:
    response = send(api, {"groupId": "120363025246125486@g.us", "text": "Hi"})
    assert (response.status_code, response.json()["code"]) == (400, "NOT_SUPPORTED_FOR_META")


def test_cancel_takes_a_list_and_answers_the_sdks_shape_or_a_string_and_answers_the_blocks(
    api: SandboxClient,
) -> None:
    now = parse_before_ms(api.advance(0))
    assert now is not None
    deliver_at = format_ms(now + 3_600_000)
    first = accepted(api, {"destinationNumber": READS, "text": "a", "deliverAt": deliver_at})
    second = accepted(api, {"destinationNumber": READS, "text": "b", "deliverAt": deliver_at})
    listed = cancel(api, [first["id"], "msg_unknown"])
    assert listed.status_code == 200
    assert listed.json()["cancelled"] == [first["id"]]
    assert [failure["id"] for failure in listed.json()["failed"]] == ["msg_unknown"]
    counted = cancel(api, f'["{second["id"]}"]')
    assert counted.json() == {"cancelled": 1, "notFound": 0}
    assert {message(api, first["id"])["status"], message(api, second["id"])["status"]} == {"CANCELED"}


def test_a_replayed_send_answers_the_same_202_and_sends_nothing_again(api: SandboxClient) -> None:
    key = str(uuid.uuid4())
    body = {"destinationNumber": READS, "text": "Once", "variables": {}}
    first = send(api, body, **{"Idempotency-Key": key})
    again = send(api, body, **{"Idempotency-Key": key})
    assert (again.status_code, again.content, again.headers["idempotent-replayed"]) == (202, first.content, "true")
    reused = send(api, {**body, "text": "Other"}, **{"Idempotency-Key": key})
    assert (reused.status_code, reused.json()["code"]) == (409, "IDEMPOTENCY_KEY_REUSED")
    api.advance(3)
    assert events_of(api, first.json()["id"]) == ["message.sent", "message.delivered", "message.read"]
    texts = [event["data"].get("content") for event in api.events() if event["event"] == "message.sent"]
    assert texts.count("Once") == 1


def test_a_send_whose_key_is_in_flight_is_409_in_use(api: SandboxClient) -> None:
    key = str(uuid.uuid4())
    body = {"destinationNumber": READS, "text": "Held"}
    api.ok("POST", "/_sandbox/faults", key="meta", json={"operation": "post_messages_send", "kind": "delay"})
    answers: list[httpx.Response] = []
    held = threading.Thread(target=lambda: answers.append(send(api, body, **{"Idempotency-Key": key})))
    held.start()
    while not any(fault["held"] for fault in api.ok("GET", "/_sandbox/faults", key="meta")["faults"]):
        held.join(0.01)
    in_use = send(api, body, **{"Idempotency-Key": key})
    api.ok("DELETE", "/_sandbox/faults", key="meta")
    held.join()
    assert (in_use.status_code, in_use.json()["code"]) == (409, "IDEMPOTENCY_KEY_IN_USE")
    assert answers[0].status_code == 202


@pytest.mark.parametrize(
    ("when", "kind"), [("after", "disconnect"), ("after", "503"), ("before", "503"), ("before", "disconnect")]
)
def test_a_send_interrupted_by_a_fault_and_retried_with_its_key_is_delivered_once(
    api: SandboxClient, when: str, kind: str
) -> None:
    """What the SDK does after a lost answer (a dropped connection or a 5xx), done by hand with httpx: the same
    request again, the same key and the same bytes."""
    text = f"Fault {when} {kind}"
    content = httpx.Request("POST", "/", json={"destinationNumber": READS, "text": text, "variables": {}}).content
    headers = {"x-api-key": KEYS["meta"], "content-type": "application/json", "Idempotency-Key": str(uuid.uuid4())}
    api.ok("POST", "/_sandbox/faults", key="meta", json={"operation": "post_messages_send", "when": when, "kind": kind})
    with httpx.Client(base_url=api.sandbox.url) as raw:  # unchecked: a fault's answer is the sandbox's, no spec's
        try:
            lost = raw.post(SEND, content=content, headers=headers)
        except httpx.RemoteProtocolError:
            lost = None
        assert lost is None or lost.status_code == 503
        retried = raw.post(SEND, content=content, headers=headers)
    assert retried.status_code == 202
    assert retried.headers.get("idempotent-replayed") == ("true" if when == "after" else None)
    api.advance(3)
    sent = [event for event in api.events() if event["event"] == "message.sent" and event["data"]["content"] == text]
    assert [event["data"]["id"] for event in sent] == [retried.json()["id"]]  # one message, one message.sent


@pytest.mark.parametrize(("when", "kind"), [("after", "disconnect"), ("before", "503")])
def test_the_sdk_retries_a_send_whose_answer_a_fault_lost_and_it_is_delivered_once(
    api: SandboxClient, when: str, kind: str
) -> None:
    """The same proof through `client.messages.send`, which sends a key of its own and retries with it."""
    text = f"SDK {when} {kind}"
    api.ok("POST", "/_sandbox/faults", key="meta", json={"operation": "post_messages_send", "when": when, "kind": kind})
    with PilotStatus(base_url=api.sandbox.url, api_key=KEYS["meta"], max_retries=2) as client:
        sent = client.messages.send(destination_number=READS, text=text)
    assert sent.replayed is (when == "after")  # the first answer was kept, and lost: the retry gets it
    assert sent.idempotency_key is not None
    api.advance(3)
    delivered = [event for event in api.events() if event["event"] == "message.sent"]
    assert [event["data"]["id"] for event in delivered if event["data"]["content"] == text] == [sent.id]


@pytest.fixture
def standing(api: SandboxClient) -> Iterator[Callable[..., Any]]:
    """Set the Meta number's standing (`POST /_sandbox/number/state`); restored after the test."""

    def set_state(**state: Any) -> Any:
        return api.ok("POST", "/_sandbox/number/state", json=state)

    yield set_state
    set_state(mediaSubscription=True, blocked=None)


def test_a_blocked_numbers_send_is_409_number_blocked_with_its_reason_and_not_remembered_for_its_key(
    api: SandboxClient, standing: Callable[..., Any]
) -> None:
    key, body = str(uuid.uuid4()), {"destinationNumber": READS, "text": "Blocked, then sent"}
    standing(blocked="extra_charge_unpaid")
    refused = send(api, body, **{"Idempotency-Key": key})  # checked against the spec's 409 as it arrives
    assert (refused.status_code, refused.json()) == (
        409,
        {
            "error": "Number blocked until its extra-number charge is paid",
            "code": "NUMBER_BLOCKED",
            "reason": "extra_charge_unpaid",
        },
    )
    assert "idempotent-replayed" not in refused.headers
    standing(blocked=None)
    sent = send(api, body, **{"Idempotency-Key": key})  # the same key and body: sent for real, no replay of the 409
    assert (sent.status_code, sent.headers.get("idempotent-replayed")) == (202, None)
    api.advance(3)
    assert events_of(api, sent.json()["id"]) == ["message.sent", "message.delivered", "message.read"]


def test_without_the_media_subscription_a_media_send_is_402_and_once_restored_the_same_key_and_body_send(
    api: SandboxClient, standing: Callable[..., Any]
) -> None:
    key, body = str(uuid.uuid4()), {"destinationNumber": READS, "media": "https://example.com/a.png"}
    standing(mediaSubscription=False)
    refused = send(api, body, **{"Idempotency-Key": key})
    assert (refused.status_code, refused.json()) == (
        402,
        {"error": "Sending media requires an active paid subscription.", "code": "SUBSCRIPTION_REQUIRED_FOR_MEDIA"},
    )
    assert accepted(api, {"destinationNumber": READS, "text": "No media"})["status"] == "QUEUED"
    standing(mediaSubscription=True)
    sent = send(api, body, **{"Idempotency-Key": key})
    assert (sent.status_code, sent.headers.get("idempotent-replayed")) == (202, None)


def test_the_request_pipelines_refusals_and_a_stored_answer_come_before_a_blocked_numbers_409(
    api: SandboxClient, standing: Callable[..., Any]
) -> None:
    """The key, its scope, the idempotency key's form and the body's validation are checked first; an answer stored
    for a key before the block is still replayed (the send it answers did happen)."""
    body = {"destinationNumber": READS, "text": "Before the block"}
    key = str(uuid.uuid4())
    first = send(api, body, **{"Idempotency-Key": key})
    standing(blocked="extra_charge_unpaid")
    replayed = send(api, body, **{"Idempotency-Key": key})
    assert (replayed.status_code, replayed.content, replayed.headers["idempotent-replayed"]) == (
        202,
        first.content,
        "true",
    )
    invalid_key = send(api, body, **{"Idempotency-Key": ""})
    assert (invalid_key.status_code, invalid_key.json()["code"]) == (400, "IDEMPOTENCY_KEY_INVALID")
    invalid_body = send(api, {"destinationNumber": READS, "text": 42})
    assert (invalid_body.status_code, set(invalid_body.json())) == (400, {"error"})
    tenant = send(api, body, key="tenant")
    assert (tenant.status_code, tenant.json()["code"]) == (403, "TENANT_SCOPE_NOT_ALLOWED")
    assert send(api, body, key="tenant", **{"x-whatsapp-number-id": "num_sandbox_meta"}).status_code == 409
