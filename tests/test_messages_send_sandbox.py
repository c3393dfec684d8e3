"""`messages.send()` against the sandbox, through the sandbox's faults (`POST /_sandbox/faults`): a send whose
answer is lost (a dropped connection, a 503, an answer held past the client's timeout), before the sandbox acted on
it or after, is retried by the SDK with its key and the same bytes, and the number sends one message: one
`message.sent`. A send repeated by hand with its key is a replay; the key with another body is refused. A send
whose key is still in flight (held by a `delay` fault) gets 409 IDEMPOTENCY_KEY_IN_USE, and the SDK retries it until
the first one is answered: it then gets that answer, stored. A blocked number's 409 NUMBER_BLOCKED and a media
send's 402 without the subscription (`POST /_sandbox/number/state`) are raised at once, typed, never retried.
"""

from __future__ import annotations

import asyncio
import threading
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from pilotstatus import (
    AsyncPilotStatus,
    ConflictError,
    IdempotencyKeyReusedError,
    MediaSubscriptionRequiredError,
    NumberBlockedError,
    PaymentRequiredError,
    PilotStatus,
    SentMessage,
)
from pilotstatus_sandbox import Sandbox, SandboxConfig, SandboxHelpers
from tests._clients import Sleeps
from tests._operations import FLAVORS, Flavor

META_KEY = "ps_sandbox_meta_number"
READS = "+5511999990001"  # a magic destination: the message is delivered and read


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(SandboxConfig(calls=0, manual_clock=True)) as running:
        yield running


@pytest.fixture
def helpers(sandbox: Sandbox) -> Iterator[SandboxHelpers]:
    with SandboxHelpers(sandbox.url, api_key=META_KEY) as opened:
        yield opened
        opened.clear_faults()  # lets go of a request a fault still holds
        opened.set_blocked(None)
        opened.set_media_subscription(True)


def send(flavor: Flavor, sandbox: Sandbox, read: float = 0.5, **arguments: Any) -> SentMessage:
    """`client.messages.send(**arguments)` from a new client of `flavor` on the sandbox's Meta number, whose reads
    time out after `read` seconds (half a second: a held answer is lost to the client, as a timeout loses it)."""
    options: dict[str, Any] = {
        "api_key": META_KEY, "base_url": sandbox.url, "max_retries": 2, "timeout": httpx.Timeout(10.0, read=read),
    }  # fmt: skip
    if flavor == "sync":
        with PilotStatus(**options) as client:
            return client.messages.send(**arguments)

    async def main() -> SentMessage:
        async with AsyncPilotStatus(**options) as client:
            return await client.messages.send(**arguments)

    return asyncio.run(main())


def sent_events(helpers: SandboxHelpers, text: str) -> list[dict[str, Any]]:
    """The `message.sent` events of the messages with `text`, once the sandbox's clock has moved past SENT."""
    helpers.advance(3)
    return [
        event for event in helpers.events() if event["event"] == "message.sent" and event["data"].get("content") == text
    ]


FAULTS = [
    ("before", "503"),
    ("before", "disconnect"),
    ("after", "503"),
    ("after", "disconnect"),
    ("after", "timeout"),
]


@pytest.mark.parametrize("flavor", FLAVORS)
@pytest.mark.parametrize(("when", "kind"), FAULTS, ids=[f"{kind} {when}" for when, kind in FAULTS])
def test_a_send_whose_answer_a_fault_loses_is_retried_by_the_sdk_and_sent_once(
    sandbox: Sandbox, helpers: SandboxHelpers, sleeps: Sleeps, flavor: Flavor, when: str, kind: str
) -> None:
    text = f"{flavor}: {kind} {when} the send ran ({uuid.uuid4()})"
    helpers.fault("post_messages_send", kind=kind, when=when, seconds=5.0 if kind == "timeout" else None)
    sent = send(flavor, sandbox, destination_number=READS, text=text)
    assert sent.replayed is (when == "after")  # the first attempt was kept: its answer comes back, stored
    assert len(sleeps.delays) == 1  # one retry
    assert [event["data"]["id"] for event in sent_events(helpers, text)] == [sent.id]  # one message, one sent


@pytest.mark.parametrize("flavor", FLAVORS)
def test_a_send_repeated_with_its_key_is_a_replay_and_the_key_with_another_body_is_refused(
    sandbox: Sandbox, helpers: SandboxHelpers, flavor: Flavor
) -> None:
    key, text = f"order-{uuid.uuid4()}", f"{flavor}: repeated by hand"
    first = send(flavor, sandbox, destination_number=READS, text=text, idempotency_key=key)
    again = send(flavor, sandbox, destination_number=READS, text=text, idempotency_key=key)
    assert (first.replayed, again.replayed) == (False, True)
    assert again.id == first.id
    assert first.idempotency_key == again.idempotency_key == key
    with pytest.raises(IdempotencyKeyReusedError) as caught:
        send(flavor, sandbox, destination_number=READS, text=f"{text}, changed", idempotency_key=key)
    assert caught.value.idempotency_key == key
    assert [event["data"]["id"] for event in sent_events(helpers, text)] == [first.id]


def test_a_send_is_followed_to_read_with_retrieve(sandbox: Sandbox, helpers: SandboxHelpers) -> None:
    sent = send("sync", sandbox, destination_number=READS, text="followed")
    assert sent.status == "QUEUED"
    helpers.advance(5)
    with PilotStatus(api_key=META_KEY, base_url=sandbox.url) as client:
        message = client.messages.retrieve(sent.id)
        by_correlation = client.messages.retrieve(sent.correlation_id)
    assert (message.id, message.status, by_correlation.id) == (sent.id, "READ", sent.id)


def test_a_send_whose_key_is_in_flight_is_retried_until_the_first_is_answered_and_gets_its_answer(
    sandbox: Sandbox, helpers: SandboxHelpers, monkeypatch: pytest.MonkeyPatch
) -> None:
    key, text = f"order-{uuid.uuid4()}", "sent twice at once"
    helpers.fault("post_messages_send", kind="delay", seconds=60)  # the first send's key stays in flight
    first: list[SentMessage] = []
    held = threading.Thread(  # its client waits for the answer as long as the fault holds it
        target=lambda: first.append(
            send("sync", sandbox, read=120, destination_number=READS, text=text, idempotency_key=key)
        )
    )
    held.start()
    while not any(fault["held"] for fault in helpers.faults()):
        held.join(0.01)
    waits: list[float] = []

    def let_the_first_finish(seconds: float) -> None:
        """The SDK waits before retrying an IN_USE: meanwhile, the first send is let go and answered."""
        waits.append(seconds)
        helpers.clear_faults()
        held.join()

    monkeypatch.setattr("pilotstatus._retries.sleep", let_the_first_finish)
    second = send("sync", sandbox, destination_number=READS, text=text, idempotency_key=key)

    assert len(waits) == 1  # one 409 IDEMPOTENCY_KEY_IN_USE, one retry
    assert (first[0].replayed, second.replayed) == (False, True)
    assert second.id == first[0].id
    assert [event["data"]["id"] for event in sent_events(helpers, text)] == [first[0].id]


@pytest.mark.parametrize("flavor", FLAVORS)
def test_a_blocked_numbers_409_is_a_number_blocked_error_with_its_reason_never_retried_and_its_key_sends_later(
    sandbox: Sandbox, helpers: SandboxHelpers, sleeps: Sleeps, flavor: Flavor
) -> None:
    """A blocked number is not a key in use: the 409 is raised at once; once unblocked, the same key sends."""
    key, text = f"order-{uuid.uuid4()}", f"{flavor}: blocked, then sent"
    helpers.set_blocked("extra_charge_unpaid")
    with pytest.raises(NumberBlockedError) as caught:
        send(flavor, sandbox, destination_number=READS, text=text, idempotency_key=key)
    refused = caught.value
    assert isinstance(refused, ConflictError)
    assert (refused.status_code, refused.code, refused.idempotency_key) == (409, "NUMBER_BLOCKED", key)
    assert refused.reason == "extra_charge_unpaid"
    assert sleeps.delays == []  # not retried
    helpers.set_blocked(None)
    sent = send(flavor, sandbox, destination_number=READS, text=text, idempotency_key=key)
    assert (sent.replayed, sent.idempotency_key) == (False, key)
    assert [event["data"]["id"] for event in sent_events(helpers, text)] == [sent.id]


@pytest.mark.parametrize("flavor", FLAVORS)
def test_a_media_send_without_the_subscription_is_a_media_subscription_required_error_never_retried(
    sandbox: Sandbox, helpers: SandboxHelpers, sleeps: Sleeps, flavor: Flavor
) -> None:
    helpers.set_media_subscription(False)
    with pytest.raises(MediaSubscriptionRequiredError) as caught:
        send(flavor, sandbox, destination_number=READS, media="https://example.com/a.png", media_type="image")
    assert isinstance(caught.value, PaymentRequiredError)
    assert (caught.value.status_code, caught.value.code) == (402, "SUBSCRIPTION_REQUIRED_FOR_MEDIA")
    assert sleeps.delays == []
    assert send(flavor, sandbox, destination_number=READS, text="no media").status == "QUEUED"
