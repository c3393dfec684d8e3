"""The sandbox's webhook sender against a real loopback receiver: each delivery signed over its exact bytes, retried
with backoff on a non-2xx or a refused connection a bounded number of times, then dropped with one warning that never
holds the secret; deliveries in the order sent; `send()` never waiting for the receiver; `close()` draining the
queue, and cutting a backoff short when it runs out of time. Then the sandbox itself, delivering a call's events."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import logging
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pilotstatus import __version__
from pilotstatus import webhooks as pilotstatus_webhooks
from pilotstatus._drift import DriftRecord
from pilotstatus_api.webhook_schemas import WEBHOOK_SCHEMAS
from pilotstatus_sandbox import Sandbox, SandboxConfig
from pilotstatus_sandbox._backend import Backend
from pilotstatus_sandbox._instants import format_ms, parse_before_ms
from pilotstatus_sandbox._webhooks import Delivery, WebhookSender, display_url, encode_payload, retry_delay
from tests._command import closed_port_url
from tests._loopback import serve
from tests._spec import load_spec

SECRET = "whsec_sandbox_test_SECRET"
HANG_GUARD = 30.0  # seconds: only a broken sender ever waits this long
EVENTS = ["call.ringing", "call.connected", "call.ended", "call.missed", "call.permission_updated"]
SPEC = load_spec()
SCHEMA_OF = {
    name: "CallPermissionUpdatedEvent" if name == "call.permission_updated" else "CallEvent" for name in EVENTS
}


def payload(event: str = "call.ringing", call_id: str | None = "call_01", **extra: Any) -> dict[str, Any]:
    return {"event": event, "callId": call_id, "status": "RINGING", "timestamp": "2026-01-01T00:00:00.000Z", **extra}


def expected_signature(body: bytes, secret: str = SECRET) -> str:
    """Computed here, as a receiver does, not with the sender's own function."""
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Received:
    headers: httpx.Headers
    body: bytes
    status: int


class Receiver:
    """Records every request and answers it with `answer(body)` (200 unless a test says otherwise)."""

    def __init__(self) -> None:
        self.url = ""
        self.answer: Callable[[bytes], int] = lambda body: 200
        self._lock = threading.Condition()
        self._received: list[Received] = []

    def reset(self) -> Receiver:
        """Forget what was received and answer 200 again: one receiver serves a whole module (a loopback server
        takes half a second to stop)."""
        with self._lock:
            self._received.clear()
        self.answer = lambda body: 200
        return self

    def __call__(self, request: httpx.Request) -> httpx.Response:
        status = self.answer(request.content)
        with self._lock:
            self._received.append(Received(request.headers, request.content, status))
            self._lock.notify_all()
        return httpx.Response(status)

    @property
    def received(self) -> list[Received]:
        with self._lock:
            return list(self._received)

    def wait_for(self, count: int) -> list[Received]:
        """What was received once there are at least `count` requests (or the hang guard ran out)."""
        with self._lock:
            self._lock.wait_for(lambda: len(self._received) >= count, HANG_GUARD)
            return list(self._received)


@pytest.fixture(scope="module")
def module_receiver() -> Iterator[Receiver]:
    receiver = Receiver()
    with serve(receiver) as url:
        receiver.url = f"{url}/webhooks"
        yield receiver


@pytest.fixture
def receiver(module_receiver: Receiver) -> Receiver:
    return module_receiver.reset()


def answers(*statuses: int, then: int = 200) -> Callable[[bytes], int]:
    """Answer with `statuses` in turn, then with `then`."""
    script = itertools.chain(statuses, itertools.repeat(then))
    lock = threading.Lock()

    def answer(body: bytes) -> int:
        with lock:
            return next(script)

    return answer


def no_wait(seconds: float) -> None:
    """The backoff, skipped: these tests prove which delays are asked for, not that time passes."""


# --- one delivery ---------------------------------------------------------------------------------------------------


def test_a_delivery_carries_the_compact_utf8_body_signed_with_hmac_sha256_of_its_exact_bytes(
    receiver: Receiver,
) -> None:
    sent = payload(peer="São Paulo ☎", duration=42)
    with WebhookSender(receiver.url, SECRET) as sender:
        sender.send(sent)
        assert sender.flush(HANG_GUARD)
    [request] = receiver.received
    assert request.body == json.dumps(sent, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    assert "São Paulo ☎".encode() in request.body  # non-ASCII text as itself, not \\u escapes
    assert json.loads(request.body) == sent
    assert hmac.compare_digest(request.headers["x-pilot-status-signature"], expected_signature(request.body))
    assert request.headers["content-type"] == "application/json"
    assert request.headers["x-pilot-status-event"] == "call.ringing"
    assert request.headers["user-agent"] == f"pilotstatus-sandbox/{__version__}"
    assert sender.deliveries == [Delivery("call.ringing", "call_01", 1, 200)]


def test_a_signature_made_with_another_secret_does_not_match(receiver: Receiver) -> None:
    body = encode_payload(payload())
    with WebhookSender(receiver.url, SECRET) as sender:
        sender.send(payload())
        assert sender.flush(HANG_GUARD)
    signature = receiver.received[0].headers["x-pilot-status-signature"]
    assert hmac.compare_digest(signature, expected_signature(body))
    assert not hmac.compare_digest(signature, expected_signature(body, "another secret"))
    assert not hmac.compare_digest(signature, expected_signature(body.replace(b"call_01", b"call_02")))


def test_the_payload_is_encoded_when_sent_so_changing_it_afterwards_changes_nothing(receiver: Receiver) -> None:
    sent = payload()
    with WebhookSender(receiver.url, SECRET) as sender:
        sender.send(sent)
        sent["status"] = "ACCEPTED"
        assert sender.flush(HANG_GUARD)
    assert json.loads(receiver.received[0].body)["status"] == "RINGING"


# --- retries --------------------------------------------------------------------------------------------------------


def test_two_500s_are_retried_with_backoff_and_the_payload_delivered_once_before_the_next(receiver: Receiver) -> None:
    delays: list[float] = []
    first, second = payload(call_id="call_A"), payload("call.ended", call_id="call_A", status="COMPLETED")
    with WebhookSender(receiver.url, SECRET, sleep=delays.append) as sender:
        receiver.answer = answers(500, 500)
        sender.send(first)
        sender.send(second)
        assert sender.flush(HANG_GUARD)
    assert [(json.loads(r.body), r.status) for r in receiver.received] == [
        (first, 500),
        (first, 500),
        (first, 200),
        (second, 200),
    ]
    assert sender.deliveries == [Delivery("call.ringing", "call_A", 3, 200), Delivery("call.ended", "call_A", 1, 200)]
    # backoff 0.5 s doubled each time, jittered into its upper half
    assert len(delays) == 2
    assert 0.25 <= delays[0] <= 0.5
    assert 0.5 <= delays[1] <= 1.0


def test_a_receiver_that_never_answers_2xx_gets_a_bounded_number_of_attempts_then_one_warning_without_the_secret(
    receiver: Receiver, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="pilotstatus_sandbox")
    with WebhookSender(receiver.url, SECRET, attempts=4, sleep=no_wait) as sender:
        receiver.answer = lambda body: 503
        sender.send(payload("call.missed", call_id="call_never"))
        assert sender.flush(HANG_GUARD)
    assert [r.status for r in receiver.received] == [503] * 4
    [delivery] = sender.deliveries
    assert (delivery.attempts, delivery.status, delivery.delivered) == (4, 503, False)
    [record] = [r for r in caplog.records if r.name == "pilotstatus_sandbox"]
    assert record.levelno == logging.WARNING
    message = record.getMessage()
    for fragment in ("call.missed", "call_never", "HTTP 503", "4 attempts"):
        assert fragment in message, (fragment, message)
    assert SECRET not in caplog.text


def test_a_refused_connection_is_retried_then_dropped_naming_the_error() -> None:
    delays: list[float] = []
    with WebhookSender(closed_port_url(), SECRET, attempts=3, sleep=delays.append) as sender:
        sender.send(payload())
        assert sender.flush(HANG_GUARD)
    [delivery] = sender.deliveries
    assert (delivery.attempts, delivery.status, delivery.delivered) == (3, None, False)
    assert delivery.error is not None
    assert delivery.error.startswith("ConnectError")
    assert len(delays) == 2  # a wait between attempts, none after the last


@given(retry=st.integers(0, 10_000), backoff=st.floats(0, 60), extra=st.floats(0, 600), unit=st.floats(0, 1))
def test_each_retry_waits_backoff_doubled_capped_and_jittered_into_its_upper_half(
    retry: int, backoff: float, extra: float, unit: float
) -> None:
    max_backoff = backoff + extra
    ceiling = min(max_backoff, backoff * 2.0 ** min(retry, 64))
    delay = retry_delay(retry, backoff=backoff, max_backoff=max_backoff, unit=unit)
    assert ceiling / 2 <= delay <= ceiling
    assert delay <= max_backoff
    if retry > 0:  # never shorter than the ceiling before it
        assert delay >= min(max_backoff, backoff * 2.0 ** min(retry - 1, 64)) / 2


# --- order and not waiting --------------------------------------------------------------------------------------------


_payloads = st.lists(
    st.fixed_dictionaries(
        {
            "event": st.sampled_from(EVENTS),
            "callId": st.one_of(st.none(), st.from_regex(r"call_[0-9A-Z]{1,8}", fullmatch=True)),
            "note": st.text(max_size=20),
        }
    ),
    max_size=25,
)


@settings(max_examples=50)  # each example starts a sender: its thread and HTTP client
@given(sent=_payloads, failures=st.lists(st.integers(0, 2), max_size=25))
def test_payloads_are_delivered_once_each_in_the_order_sent_whatever_fails_on_the_way(
    module_receiver: Receiver, sent: list[dict[str, Any]], failures: list[int]
) -> None:
    receiver = module_receiver.reset()
    numbered = [{**body, "seq": index} for index, body in enumerate(sent)]
    # How many 500s each payload gets before its 200: 0 to 2, within the 6 attempts.
    planned = [failures[index] if index < len(failures) else 0 for index in range(len(numbered))]
    fails_left = dict(enumerate(planned))
    lock = threading.Lock()

    def answer(body: bytes) -> int:
        seq = json.loads(body)["seq"]
        with lock:
            if fails_left[seq] > 0:
                fails_left[seq] -= 1
                return 500
            return 200

    with WebhookSender(receiver.url, SECRET, sleep=no_wait) as sender:
        receiver.answer = answer
        for body in numbered:
            sender.send(body)
        assert sender.flush(HANG_GUARD)
    received = [json.loads(r.body) for r in receiver.received]
    # Each payload's attempts come together, in the order sent: a retried payload holds up the ones behind it.
    assert received == [body for body, fails in zip(numbered, planned, strict=True) for _ in range(fails + 1)]
    assert [d.attempts for d in sender.deliveries] == [fails + 1 for fails in planned]
    assert all(d.delivered for d in sender.deliveries)


def test_send_returns_without_waiting_for_the_receiver(receiver: Receiver) -> None:
    arrived, release = threading.Event(), threading.Event()

    def slow(body: bytes) -> int:
        arrived.set()
        release.wait(HANG_GUARD)  # answers only once the test, after send() returned, says so
        return 200

    with WebhookSender(receiver.url, SECRET) as sender:
        receiver.answer = slow
        sender.send(payload())
        sender.send(payload("call.ended"))
        # Had send() waited for a delivery, the receiver would have answered (after the hang guard) by now.
        assert sender.deliveries == []
        assert arrived.wait(HANG_GUARD)  # the first delivery is in flight, in the background
        release.set()
        assert sender.flush(HANG_GUARD)
    assert [d.event for d in sender.deliveries] == ["call.ringing", "call.ended"]
    assert all(d.delivered for d in sender.deliveries)


# --- closing ----------------------------------------------------------------------------------------------------------


def test_close_delivers_what_was_sent_before_it_returns(receiver: Receiver) -> None:
    sender = WebhookSender(receiver.url, SECRET)
    for index in range(5):
        sender.send(payload(seq=index))
    sender.close(HANG_GUARD)
    assert [json.loads(r.body)["seq"] for r in receiver.received] == list(range(5))


def test_close_twice_is_harmless_and_a_payload_sent_after_close_is_dropped_with_a_warning(
    receiver: Receiver, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="pilotstatus_sandbox")
    sender = WebhookSender(receiver.url, SECRET)
    sender.close()
    sender.close()
    sender.send(payload("call.ended", call_id="call_late"))
    assert sender.flush(HANG_GUARD)
    assert receiver.received == []
    assert sender.deliveries == []
    assert "call.ended of call_late not sent: the sender is closed" in caplog.text


def test_close_out_of_time_cuts_a_backoff_short_and_drops_what_is_left(
    receiver: Receiver, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="pilotstatus_sandbox")
    # An hour between attempts: only a close that interrupts the wait lets this test end.
    sender = WebhookSender(receiver.url, SECRET, backoff=3600, max_backoff=3600)
    receiver.answer = lambda body: 500
    sender.send(payload(call_id="call_first"))
    sender.send(payload(call_id="call_second"))
    receiver.wait_for(1)
    sender.close(timeout=0)
    assert sender.flush(HANG_GUARD)
    assert len(receiver.received) == 1
    assert sender.deliveries == [
        Delivery("call.ringing", "call_first", 1, 500),
        Delivery("call.ringing", "call_second", 0, None, "the sender was closed"),
    ]
    assert "call.ringing of call_first to" in caplog.text
    assert "dropped after 1 attempt: HTTP 500" in caplog.text
    assert "call_second dropped: the sender was closed" in caplog.text


# --- what the sender refuses and shows ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "fragment"),
    [
        ({"attempts": 0}, "attempts"),
        ({"attempts": True}, "attempts"),
        ({"backoff": -1.0}, "backoff"),
        ({"backoff": 9.0, "max_backoff": 8.0}, "max_backoff"),
        ({"timeout": 0.0}, "timeout"),
    ],
)
def test_the_sender_refuses_settings_that_cannot_work(options: dict[str, Any], fragment: str) -> None:
    with pytest.raises(ValueError, match=fragment) as refused:
        WebhookSender("http://127.0.0.1:9/webhooks", SECRET, **options)
    assert SECRET not in str(refused.value)


def test_the_sender_refuses_an_empty_secret() -> None:
    with pytest.raises(ValueError, match="secret"):
        WebhookSender("http://127.0.0.1:9/webhooks", "")


def test_the_senders_repr_shows_where_it_posts_and_never_the_secret_or_a_password_in_the_url() -> None:
    with WebhookSender("http://user:hunter2@127.0.0.1:9/webhooks", SECRET) as sender:
        shown = repr(sender)
    assert shown == "WebhookSender(url='http://127.0.0.1:9/webhooks')"
    assert display_url("https://[::1]:8443/h?x=1") == "https://[::1]:8443/h?x=1"


# --- the sandbox delivering a call's events -----------------------------------------------------------------------


def test_the_sandbox_delivers_each_event_of_a_call_signed_in_order_and_the_same_as_its_event_list(
    receiver: Receiver,
) -> None:
    key = {"x-api-key": "ps_sandbox_meta_number"}
    config = SandboxConfig(calls=3, manual_clock=True, webhook_url=receiver.url, webhook_secret=SECRET)
    with Sandbox(config) as sandbox, httpx.Client(base_url=sandbox.url, headers=key) as http:
        call = http.post("/_sandbox/calls/incoming", json={"from": "5511988887777"}).raise_for_status().json()
        http.post("/_sandbox/clock/advance", json={"seconds": config.ring_timeout + 1}).raise_for_status()
        events = http.get("/_sandbox/events").raise_for_status().json()["events"]
        received = receiver.wait_for(2)
    assert [(e["event"], e["callId"]) for e in events] == [("call.ringing", call["id"]), ("call.missed", call["id"])]
    assert [json.loads(r.body) for r in received] == events
    for request in received:
        assert hmac.compare_digest(request.headers["x-pilot-status-signature"], expected_signature(request.body))
        assert request.headers["x-pilot-status-event"] == json.loads(request.body)["event"]


def test_a_sent_message_whose_phone_is_off_past_its_deliver_until_is_a_signed_message_failed_not_confirmed(
    receiver: Receiver,
) -> None:
    key = {"x-api-key": "ps_sandbox_web_number"}
    config = SandboxConfig(calls=0, manual_clock=True, webhook_url=receiver.url, webhook_secret=SECRET)
    with Sandbox(config) as sandbox, httpx.Client(base_url=sandbox.url, headers=key) as http:
        now = http.post("/_sandbox/clock/advance", json={"seconds": 0}).raise_for_status().json()["now"]
        now_ms = parse_before_ms(now)
        assert now_ms is not None
        until = format_ms(now_ms + 60_000)
        body = {"destinationNumber": "+5511999990006", "text": "Hi", "deliverUntil": until}
        sent = http.post("/v1/messages/send", json=body).raise_for_status().json()
        http.post("/_sandbox/clock/advance", json={"seconds": 60}).raise_for_status()
        events = http.get("/_sandbox/events").raise_for_status().json()["events"]
        received = receiver.wait_for(2)
    assert [json.loads(request.body) for request in received] == events
    assert [event["event"] for event in events] == ["message.sent", "message.failed"]
    for request in received:
        assert hmac.compare_digest(request.headers["x-pilot-status-signature"], expected_signature(request.body))
    failed = pilotstatus_webhooks.unwrap(received[1].body, received[1].headers, SECRET)
    assert isinstance(failed, pilotstatus_webhooks.MessageFailedWebhookEvent)
    assert (failed.data.id, failed.error_code) == (sent["id"], "DELIVERED_NOT_CONFIRMED")


def test_every_event_the_sandbox_emits_satisfies_its_webhook_schema_and_reads_typed_without_drift(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every path of a call on both number kinds, and both answers to a permission request: each event carries every
    key the schema requires (`callId`, `direction`, `from`, `to` null when there is none), and the SDK reads it with
    nothing to warn about."""
    events: list[dict[str, Any]] = []
    backend = Backend(SandboxConfig(calls=0, seed=3, manual_clock=True, ring_timeout=30), on_event=events.append)
    for number_id, sdp in (("num_sandbox_meta", "v=0\r\n"), ("num_sandbox_web", None)):
        found = backend.number(number_id)
        assert found is not None
        number = found.calls
        # Answers, never answers, and (on a web number: on Meta it holds no permission) declines.
        for peer in ("5511999990001", "5511999990003", *(["5511999990002"] if sdp is None else [])):
            number.start_call(to=peer, sdp=sdp, biz_opaque_callback_data="order-42")
        missed = number.incoming_call(from_="5511988887777")["id"]
        answered = number.incoming_call(from_="5511988887776")["id"]
        number.accept(answered, sdp=sdp)
        backend.advance(5)
        number.hangup(answered)
        backend.advance(60)
        assert number.get_call(missed, include_sdp=False)["status"] == "MISSED"
    meta = backend.number("num_sandbox_meta")
    assert meta is not None
    meta.calls.request_permission(to="5511987654321", text=None)
    meta.calls.request_permission(to="5511987650002", text=None)
    backend.advance(2)

    assert {event["event"] for event in events} == {name for name in WEBHOOK_SCHEMAS if name.startswith("call.")}
    assert {event["status"] for event in events} >= {"COMPLETED", "REJECTED", "FAILED", "TEMPORARY", "NO_PERMISSION"}
    monkeypatch.setattr(pilotstatus_webhooks, "_drift_record", DriftRecord())
    caplog.set_level(logging.WARNING, logger="pilotstatus")
    for event in events:
        schema = {"$ref": f"#/components/schemas/{SCHEMA_OF[event['event']]}", "components": SPEC["components"]}
        jsonschema.validate(event, schema, cls=jsonschema.Draft202012Validator)
        read = pilotstatus_webhooks.parse(encode_payload(event))
        assert not isinstance(read, pilotstatus_webhooks.UnknownWebhookEvent)
        assert read.raw == event
    assert [record.getMessage() for record in caplog.records if record.name == "pilotstatus"] == []
