"""The sandbox's sends on the backend alone (`messages/sending.py`): the lifecycle of a message on the sandbox's
clock, the magic destinations, Meta's 24-hour window, scheduled sends, cancel and retrieve, and the `message.*`
events each change emits; time is moved with the manual clock, never waited for. The same through HTTP, with the
spec's schemas, idempotency and faults, is in test_sandbox_messages_http.py."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pilotstatus_sandbox import SandboxConfig
from pilotstatus_sandbox._backend import Backend, Number
from pilotstatus_sandbox._errors import ApiError
from pilotstatus_sandbox._instants import format_ms, parse_before_ms
from pilotstatus_sandbox.messages.models import Message
from pilotstatus_sandbox.messages.sending import cancel, retrieve, send
from tests._spec import load_spec

SPEC = load_spec()

READS = "+5511999990001"  # a magic destination whose 24-hour window is open on a Meta number
FAILS = "+5511999990004"
NEVER_READS = "+5511999990005"
PHONE_OFF = "+5511999990006"
STRANGER = "+5511988887777"  # no magic: on a Meta number, nobody who wrote


def make_backend(events: list[dict[str, Any]] | None = None) -> Backend:
    return Backend(
        SandboxConfig(calls=0, messages=0, seed=7, manual_clock=True),
        on_event=None if events is None else events.append,
    )


def the_number(backend: Backend, number_id: str) -> Number:
    found = backend.number(number_id)
    assert found is not None
    return found


def refusal(action: Callable[[], object]) -> ApiError:
    with pytest.raises(ApiError) as caught:
        action()
    return caught.value


def parse(instant: str) -> int:
    ms = parse_before_ms(instant)
    assert ms is not None
    return ms


def statuses(events: list[dict[str, Any]], message_id: str) -> list[str]:
    return [event["event"] for event in events if event["data"]["id"] == message_id]


@pytest.fixture
def events() -> list[dict[str, Any]]:
    return []


@pytest.fixture
def backend(events: list[dict[str, Any]]) -> Backend:
    return make_backend(events)


@pytest.fixture
def meta(backend: Backend) -> Number:
    return the_number(backend, "num_sandbox_meta")


@pytest.fixture
def web(backend: Backend) -> Number:
    return the_number(backend, "num_sandbox_web")


def test_a_text_is_queued_then_sent_delivered_and_read_on_the_sandbox_clock_each_with_its_webhook(
    backend: Backend, web: Number, events: list[dict[str, Any]]
) -> None:
    accepted = send(backend, web, {"destinationNumber": STRANGER, "text": "Hello"})
    sent_at = backend.clock.now_ms()
    assert (accepted["status"], accepted["origin"], accepted["sourceNumber"]) == ("QUEUED", "API", "+5511955550200")
    assert "flowToken" not in accepted
    steps = [(0.199, "QUEUED"), (0.001, "SENT"), (0.799, "SENT"), (0.001, "DELIVERED"), (1.999, "DELIVERED")]
    for seconds, status in [*steps, (0.001, "READ")]:
        backend.advance(seconds)
        assert retrieve(backend, web, accepted["id"])["status"] == status
    shown = retrieve(backend, web, accepted["id"])
    assert (shown["sentAt"], shown["deliveredAt"], shown["readAt"]) == (
        format_ms(sent_at + 200),
        format_ms(sent_at + 1_000),
        format_ms(sent_at + 3_000),
    )
    assert (shown["errorCode"], shown["metaPricing"], shown["destinationNumber"]) == (None, None, STRANGER)
    assert statuses(events, accepted["id"]) == ["message.sent", "message.delivered", "message.read"]
    sent = events[0]["data"]
    assert (sent["from"], sent["to"], sent["content"], sent["fromMe"], sent["correlationId"]) == (
        "+5511955550200",
        STRANGER,
        "Hello",
        True,
        accepted["correlationId"],
    )
    assert sent["messageId"] == shown["externalMessageId"] is not None
    assert sent["createdAt"] == format_ms(sent_at + 200)


def test_the_destination_ending_in_0004_fails_with_a_log_error_code_and_message_failed(
    backend: Backend, web: Number, events: list[dict[str, Any]]
) -> None:
    accepted = send(backend, web, {"destinationNumber": FAILS, "text": "Hello"})
    assert accepted["status"] == "QUEUED"
    backend.advance(60)
    shown = retrieve(backend, web, accepted["id"])
    assert (shown["status"], shown["errorCode"], shown["externalMessageId"], shown["sentAt"]) == (
        "FAILED",
        "WHATSAPP_NOT_EXIST",
        None,
        None,
    )
    assert statuses(events, accepted["id"]) == ["message.failed"]
    failed = events[-1]["data"]
    assert (failed["errorCode"], failed["messageId"]) == ("WHATSAPP_NOT_EXIST", None)
    assert failed["error"] == shown["errorMessage"]


def test_the_destination_ending_in_0005_is_delivered_and_never_read(
    backend: Backend, meta: Number, events: list[dict[str, Any]]
) -> None:
    accepted = send(backend, meta, {"destinationNumber": NEVER_READS, "text": "Hello"})
    backend.advance(3600)
    shown = retrieve(backend, meta, accepted["id"])
    assert (shown["status"], shown["readAt"]) == ("DELIVERED", None)
    assert statuses(events, accepted["id"]) == ["message.sent", "message.delivered"]


def test_the_destination_ending_in_0006_has_its_phone_off_sent_and_never_delivered(
    backend: Backend, meta: Number, events: list[dict[str, Any]]
) -> None:
    accepted = send(backend, meta, {"destinationNumber": PHONE_OFF, "text": "Hello"})
    backend.advance(7 * 24 * 3600)
    shown = retrieve(backend, meta, accepted["id"])
    assert (shown["status"], shown["deliveredAt"], shown["readAt"], shown["errorCode"]) == ("SENT", None, None, None)
    assert statuses(events, accepted["id"]) == ["message.sent"]


def test_a_sent_message_not_delivered_before_its_deliver_until_fails_with_delivered_not_confirmed(
    backend: Backend, meta: Number, events: list[dict[str, Any]]
) -> None:
    until = backend.clock.now_ms() + 60_000
    accepted = send(backend, meta, {"destinationNumber": PHONE_OFF, "text": "Hello", "deliverUntil": format_ms(until)})
    backend.advance(59.999)
    assert retrieve(backend, meta, accepted["id"])["status"] == "SENT"
    backend.advance(0.001)
    shown = retrieve(backend, meta, accepted["id"])
    assert (shown["status"], shown["errorCode"]) == ("FAILED", "DELIVERED_NOT_CONFIRMED")
    assert shown["sentAt"] is not None  # it did go out
    assert shown["externalMessageId"] is not None
    assert statuses(events, accepted["id"]) == ["message.sent", "message.failed"]
    failed = events[-1]["data"]
    assert (failed["errorCode"], failed["messageId"], failed["createdAt"]) == (
        "DELIVERED_NOT_CONFIRMED",
        shown["externalMessageId"],
        format_ms(until),
    )
    backend.advance(3600)
    assert statuses(events, accepted["id"]) == ["message.sent", "message.failed"]  # failed for good


@pytest.mark.parametrize(
    ("until_ms", "outcome"),
    [(999, "FAILED"), (1_000, "FAILED"), (1_001, "READ")],
    ids=["before delivery", "at delivery", "after delivery"],
)
def test_only_a_delivery_strictly_before_deliver_until_confirms_the_message(
    backend: Backend, web: Number, events: list[dict[str, Any]], until_ms: int, outcome: str
) -> None:
    until = format_ms(backend.clock.now_ms() + until_ms)  # delivered 1 s after the answer
    accepted = send(backend, web, {"destinationNumber": STRANGER, "text": "Hi", "deliverUntil": until})
    backend.advance(60)
    shown = retrieve(backend, web, accepted["id"])
    assert shown["status"] == outcome
    if outcome == "FAILED":
        assert (shown["errorCode"], shown["deliveredAt"]) == ("DELIVERED_NOT_CONFIRMED", None)
        assert statuses(events, accepted["id"]) == ["message.sent", "message.failed"]
    else:
        assert statuses(events, accepted["id"]) == ["message.sent", "message.delivered", "message.read"]


def test_a_message_held_by_deliver_at_when_its_deliver_until_passes_fails_with_expired_after_attempts(
    backend: Backend, web: Number, events: list[dict[str, Any]]
) -> None:
    now = backend.clock.now_ms()
    body = {
        "destinationNumber": STRANGER,
        "text": "Too late",
        "deliverAt": format_ms(now + 3_600_000),
        "deliverUntil": format_ms(now + 1_800_000),
    }
    accepted = send(backend, web, body)
    backend.advance(1799.999)
    assert retrieve(backend, web, accepted["id"])["status"] == "QUEUED"
    backend.advance(7200)
    shown = retrieve(backend, web, accepted["id"])
    assert (shown["status"], shown["errorCode"], shown["sentAt"], shown["externalMessageId"]) == (
        "FAILED",
        "EXPIRED_AFTER_ATTEMPTS",
        None,
        None,
    )
    assert statuses(events, accepted["id"]) == ["message.failed"]
    assert events[-1]["data"]["createdAt"] == body["deliverUntil"]


@pytest.mark.parametrize(
    ("deliver_at_s", "deliver_until_s", "fails_after_s"),
    [(None, -60, 0), (None, 0, 0), (600, 600, 600), (600, 300, 300), (-60, -30, 0)],
    ids=["until in the past", "until now", "until at deliverAt", "until before deliverAt", "both in the past"],
)
def test_a_deliver_until_at_or_before_the_message_goes_out_is_accepted_and_fails_then_never_sent(
    backend: Backend,
    web: Number,
    events: list[dict[str, Any]],
    deliver_at_s: int | None,
    deliver_until_s: int,
    fails_after_s: int,
) -> None:
    now = backend.clock.now_ms()
    body: dict[str, Any] = {"destinationNumber": STRANGER, "text": "Hi"}
    body["deliverUntil"] = format_ms(now + deliver_until_s * 1000)
    if deliver_at_s is not None:
        body["deliverAt"] = format_ms(now + deliver_at_s * 1000)
    accepted = send(backend, web, body)
    assert accepted["status"] == "QUEUED"  # a 202, as a deliverAt in the past is
    backend.advance(fails_after_s)
    shown = retrieve(backend, web, accepted["id"])
    assert (shown["status"], shown["errorCode"], shown["sentAt"]) == ("FAILED", "EXPIRED_AFTER_ATTEMPTS", None)
    assert [event["data"]["createdAt"] for event in events] == [format_ms(now + fails_after_s * 1000)]


def test_a_queued_message_with_deliver_at_and_deliver_until_is_canceled_before_either_and_never_fails(
    backend: Backend, web: Number, events: list[dict[str, Any]]
) -> None:
    now = backend.clock.now_ms()
    body = {
        "destinationNumber": PHONE_OFF,
        "text": "Never",
        "deliverAt": format_ms(now + 3_600_000),
        "deliverUntil": format_ms(now + 7_200_000),
    }
    accepted = send(backend, web, body)
    backend.advance(600)
    assert cancel(backend, web, [accepted["id"]]) == {"cancelled": [accepted["id"]], "failed": []}
    backend.advance(3 * 3600)
    shown = retrieve(backend, web, accepted["id"])
    assert (shown["status"], shown["errorCode"]) == ("CANCELED", None)
    assert statuses(events, accepted["id"]) == []


@pytest.mark.parametrize(
    "body",
    [
        {"destinationNumber": STRANGER, "text": "Hi"},
        {"destinationNumber": STRANGER, "media": "https://example.com/a.png"},
        {"text": "no destination"},  # a send its own checks would refuse: the standing comes first
    ],
)
def test_a_blocked_number_refuses_every_send_409_number_blocked_with_its_reason_and_keeps_nothing(
    backend: Backend, web: Number, events: list[dict[str, Any]], body: dict[str, Any]
) -> None:
    web.blocked = "extra_charge_unpaid"
    web.media_subscription = False  # the block comes before the media subscription too
    refused = refusal(lambda: send(backend, web, body))
    assert (refused.status, refused.code, refused.reason) == (409, "NUMBER_BLOCKED", "extra_charge_unpaid")
    backend.advance(60)
    assert (len(web.messages), events) == (0, [])


def test_an_unblocked_number_sends_again(backend: Backend, web: Number) -> None:
    web.blocked = "extra_charge_unpaid"
    refusal(lambda: send(backend, web, {"destinationNumber": STRANGER, "text": "Hi"}))
    web.blocked = None
    accepted = send(backend, web, {"destinationNumber": STRANGER, "text": "Hi"})
    backend.advance(5)
    assert retrieve(backend, web, accepted["id"])["status"] == "READ"


@pytest.mark.parametrize(
    ("body", "refused"),
    [
        ({"media": "https://example.com/a.png", "mediaType": "image"}, True),
        ({"text": "Caption", "media": "data:image/png;base64,iVBORw0KGgo="}, True),
        ({"text": "Hi", "header": {"type": "image", "content": "https://example.com/a.png"}}, True),
        ({"text": "Hi", "header": {"type": "document", "content": "https://example.com/a.pdf"}}, True),
        ({"text": "Hi", "header": {"type": "text", "content": "Your order"}}, False),
        ({"text": "Hi"}, False),
    ],
    ids=["media", "media with a caption", "image header", "document header", "text header", "text"],
)
def test_without_the_media_subscription_a_send_carrying_media_is_402_and_any_other_goes_out(
    backend: Backend, meta: Number, body: dict[str, Any], refused: bool
) -> None:
    meta.media_subscription = False
    full = {"destinationNumber": READS, **body}
    if refused:
        error = refusal(lambda: send(backend, meta, full))
        assert (error.status, error.code, error.reason) == (402, "SUBSCRIPTION_REQUIRED_FOR_MEDIA", None)
        assert len(meta.messages) == 0
        meta.media_subscription = True
    accepted = send(backend, meta, full)
    backend.advance(5)
    assert retrieve(backend, meta, accepted["id"])["status"] == "READ"


def test_on_a_meta_number_a_text_to_a_user_who_has_not_written_is_accepted_then_fails_outside_the_window(
    backend: Backend, meta: Number, events: list[dict[str, Any]]
) -> None:
    accepted = send(backend, meta, {"destinationNumber": STRANGER, "text": "Hello"})
    assert accepted["status"] == "QUEUED"
    backend.advance(0.2)
    shown = retrieve(backend, meta, accepted["id"])
    assert (shown["status"], shown["errorCode"]) == ("FAILED", "META_OUTSIDE_24H_WINDOW")
    assert [(event["event"], event["data"]["errorCode"]) for event in events] == [
        ("message.failed", "META_OUTSIDE_24H_WINDOW")
    ]


def test_on_a_meta_number_a_flow_outside_the_window_fails_with_flow_window_closed_and_keeps_its_token(
    backend: Backend, meta: Number
) -> None:
    flow = {"flowId": "f1", "cta": "Open", "action": "navigate", "screen": "WELCOME"}
    accepted = send(backend, meta, {"destinationNumber": STRANGER, "text": "Book", "flow": flow})
    assert accepted["flowToken"].startswith("flowtok_")
    backend.advance(1)
    assert retrieve(backend, meta, accepted["id"])["errorCode"] == "FLOW_WINDOW_CLOSED"


def test_the_window_is_open_for_24_hours_after_the_user_last_wrote(backend: Backend, meta: Number) -> None:
    now = backend.clock.now_ms()
    meta.messages.add(
        Message(
            id=meta.messages.new_id(now),
            direction="INBOUND",
            conversation_id=meta.messages.conversation_id("5511988887777"),
            conversation_type="DIRECT",
            provider_kind="META",
            created_ms=now,
            provider_ms=now,
            status="DELIVERED",
            peer_phone="5511988887777",
        )
    )
    backend.advance(24 * 3600 - 1)
    inside = send(backend, meta, {"destinationNumber": STRANGER, "text": "Still open"})
    backend.advance(1)  # the window closes now: the first message went out a second before
    outside = send(backend, meta, {"destinationNumber": STRANGER, "text": "Too late"})
    backend.advance(5)
    assert retrieve(backend, meta, inside["id"])["status"] == "READ"
    assert retrieve(backend, meta, outside["id"])["errorCode"] == "META_OUTSIDE_24H_WINDOW"


def test_a_web_number_has_no_window_and_a_meta_send_carries_metas_pricing(backend: Backend, meta: Number) -> None:
    web = the_number(backend, "num_sandbox_web")
    on_web = send(backend, web, {"destinationNumber": STRANGER, "text": "Hello"})
    on_meta = send(backend, meta, {"destinationNumber": READS, "text": "Hello"})
    assert retrieve(backend, meta, on_meta["id"])["metaPricing"] is None  # Meta has not reported yet
    backend.advance(5)
    assert retrieve(backend, web, on_web["id"])["status"] == "READ"
    shown = retrieve(backend, meta, on_meta["id"])
    assert shown["status"] == "READ"
    assert shown["externalMessageId"].startswith("wamid.")
    assert shown["metaPricing"]["type"] == "free_customer_service"


def test_a_send_scheduled_for_later_stays_queued_until_then_and_can_be_canceled(
    backend: Backend, web: Number, events: list[dict[str, Any]]
) -> None:
    later = format_ms(backend.clock.now_ms() + 3_600_000)
    kept = send(backend, web, {"destinationNumber": STRANGER, "text": "Later", "deliverAt": later})
    canceled = send(backend, web, {"destinationNumber": STRANGER, "text": "Never", "deliverAt": later})
    backend.advance(3599)
    assert retrieve(backend, web, kept["id"])["status"] == "QUEUED"
    assert cancel(backend, web, [canceled["id"]]) == {"cancelled": [canceled["id"]], "failed": []}
    backend.advance(1.2)
    assert retrieve(backend, web, kept["id"])["sentAt"] == format_ms(parse(later) + 200)
    assert retrieve(backend, web, canceled["id"])["status"] == "CANCELED"
    assert statuses(events, canceled["id"]) == []


def test_cancel_takes_only_queued_messages_and_says_why_of_the_others(backend: Backend, web: Number) -> None:
    queued = send(backend, web, {"destinationNumber": STRANGER, "text": "a"})
    backend.advance(0)
    sent = send(backend, web, {"destinationNumber": STRANGER, "text": "b"})
    backend.advance(0.5)
    assert retrieve(backend, web, sent["id"])["status"] == "SENT"
    queued_too = send(backend, web, {"destinationNumber": STRANGER, "text": "c"})
    result = cancel(backend, web, [queued_too["id"], sent["id"], "msg_unknown"])
    assert result["cancelled"] == [queued_too["id"]]
    assert [(failure["id"], failure["reason"].split(":")[0]) for failure in result["failed"]] == [
        (sent["id"], "SENT"),
        ("msg_unknown", "MESSAGE_NOT_FOUND"),
    ]
    assert retrieve(backend, web, queued["id"])["status"] == "SENT"  # went out 200 ms after its answer


def test_cancel_with_the_blocks_string_answers_the_blocks_counts(backend: Backend, web: Number) -> None:
    first = send(backend, web, {"destinationNumber": STRANGER, "text": "a"})
    second = send(backend, web, {"destinationNumber": STRANGER, "text": "b"})
    as_block = f'["{first["id"]}", "msg_unknown"]'
    assert cancel(backend, web, as_block) == {"cancelled": 1, "notFound": 1}
    assert cancel(backend, web, second["id"]) == {"cancelled": 1, "notFound": 0}


def test_a_message_is_retrieved_by_its_id_its_correlation_id_or_its_provider_id(backend: Backend, meta: Number) -> None:
    accepted = send(backend, meta, {"destinationNumber": READS, "text": "Hello"})
    backend.advance(0.2)
    shown = retrieve(backend, meta, accepted["id"])
    assert retrieve(backend, meta, accepted["correlationId"]) == shown
    assert retrieve(backend, meta, shown["externalMessageId"]) == shown
    missing = refusal(lambda: retrieve(backend, meta, "msg_unknown"))
    assert (missing.status, missing.code) == (404, "MESSAGE_NOT_FOUND")
    web = the_number(backend, "num_sandbox_web")
    other = refusal(lambda: retrieve(backend, web, accepted["id"]))  # another number's message
    assert (other.status, other.code) == (404, "MESSAGE_NOT_FOUND")


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"groupId": "120363@g.us", "text": "Hi"}, 400, "NOT_SUPPORTED_FOR_META"),
        ({"newsletterId": "120363@newsletter", "text": "Hi"}, 400, "NOT_SUPPORTED_FOR_META"),
        ({"templateId": "no_such_template", "destinationNumber": READS}, 400, "TEMPLATE_VERSION_NOT_FOUND"),
        ({"destinationNumber": READS, "groupId": "120363@g.us", "text": "Hi"}, 400, None),
        ({"text": "Hi"}, 400, None),
        ({"destinationNumber": READS}, 400, None),
    ],
)
def test_a_send_the_meta_number_cannot_make_is_refused_before_anything_is_kept(
    backend: Backend, meta: Number, body: dict[str, Any], status: int, code: str | None
) -> None:
    refused = refusal(lambda: send(backend, meta, body))
    assert (refused.status, refused.code) == (status, code)
    assert meta.messages.all() == []


def test_a_group_send_on_a_web_number_is_read_like_any_other_and_its_events_go_to_the_group(
    backend: Backend, web: Number, events: list[dict[str, Any]]
) -> None:
    accepted = send(backend, web, {"groupId": "120363@g.us", "text": "Hi all"})
    backend.advance(5)
    shown = retrieve(backend, web, accepted["id"])
    assert (shown["status"], shown["destinationNumber"]) == ("READ", "120363@g.us")
    assert {event["data"]["to"] for event in events} == {"120363@g.us"}


def test_every_event_a_send_emits_is_valid_against_the_specs_webhook_schema(
    backend: Backend, meta: Number, events: list[dict[str, Any]]
) -> None:
    for destination in (READS, FAILS, STRANGER):
        send(backend, meta, {"destinationNumber": destination, "text": "Hi", "media": "https://example.com/a.png"})
    until = format_ms(backend.clock.now_ms() + 2_000)
    send(backend, meta, {"destinationNumber": PHONE_OFF, "text": "Hi", "deliverUntil": until})  # DELIVERED_NOT_...
    backend.advance(5)
    assert {event["event"] for event in events} == {
        "message.sent",
        "message.delivered",
        "message.read",
        "message.failed",
    }
    for event in events:
        webhook = SPEC["webhooks"][event["event"]]["post"]["requestBody"]["content"]["application/json"]["schema"]
        schema = {**webhook, "components": SPEC["components"]}
        jsonschema.validate(event, schema, cls=jsonschema.Draft202012Validator)


_ORDER = ["QUEUED", "SENT", "DELIVERED", "READ"]
_EVENT_OF = {"SENT": "message.sent", "DELIVERED": "message.delivered", "READ": "message.read"}

_DESTINATIONS = st.sampled_from([READS, FAILS, NEVER_READS, PHONE_OFF, STRANGER])
_OFFSETS = st.sampled_from([None, -1.0, 0.0, 0.1, 0.2, 1.0, 2.0, 30.0])
"""Seconds from the send to its `deliverAt` or `deliverUntil` (None: not given)."""
_ACTIONS = st.lists(
    st.one_of(
        st.tuples(st.just("send"), _DESTINATIONS, st.tuples(_OFFSETS, _OFFSETS)),
        st.tuples(st.just("cancel"), st.integers(0, 20), st.none()),
        st.tuples(st.just("advance"), st.sampled_from([0.0, 0.1, 0.2, 0.5, 1.0, 2.5, 40.0]), st.none()),
    ),
    max_size=25,
)


@settings(max_examples=60, deadline=None)
@given(actions=_ACTIONS, provider=st.sampled_from(["num_sandbox_meta", "num_sandbox_web"]))
def test_any_sends_cancels_and_clock_moves_move_each_message_forward_with_one_webhook_a_transition_in_order(
    actions: list[tuple[str, Any, Any]], provider: str
) -> None:
    events: list[dict[str, Any]] = []
    backend = make_backend(events)
    number = the_number(backend, provider)
    ids: list[str] = []
    sends: dict[str, dict[str, Any]] = {}
    seen: dict[str, list[str]] = {}
    for action, argument, offsets in actions:
        if action == "send":
            body: dict[str, Any] = {"destinationNumber": argument, "text": "Hi"}
            for name, offset in zip(("deliverAt", "deliverUntil"), offsets or (), strict=False):
                if offset is not None:
                    body[name] = format_ms(backend.clock.now_ms() + round(offset * 1000))
            accepted = send(backend, number, body)
            ids.append(accepted["id"])
            sends[accepted["id"]], seen[accepted["id"]] = body, [accepted["status"]]
        elif action == "cancel" and ids:
            cancel(backend, number, [ids[argument % len(ids)]])
        elif action == "advance":
            backend.advance(argument)
        for message_id in ids:
            status = retrieve(backend, number, message_id)["status"]
            history = seen.setdefault(message_id, [])
            if not history or history[-1] != status:
                history.append(status)
    backend.advance(3600)
    for message_id in ids:
        status = retrieve(backend, number, message_id)["status"]
        history = seen[message_id]
        if history[-1] != status:
            history.append(status)
        # Statuses only move forward (a jump of the clock may pass some by): QUEUED first, then along the delivery
        # order, or straight to FAILED or CANCELED; only a message SENT and not delivered by its deliverUntil
        # fails after it went out.
        not_confirmed = retrieve(backend, number, message_id)["errorCode"] == "DELIVERED_NOT_CONFIRMED"
        if status == "CANCELED" or (status == "FAILED" and not not_confirmed):
            assert history == ["QUEUED", status]
        elif status == "FAILED":
            assert history in (["QUEUED", "FAILED"], ["QUEUED", "SENT", "FAILED"])
        else:
            ranks = [_ORDER.index(step) for step in history]
            assert ranks[0] == 0
            assert ranks == sorted(set(ranks))
        emitted = statuses(events, message_id)
        if not_confirmed:
            expected = ["message.sent", "message.failed"]
        elif status in ("FAILED", "CANCELED"):
            expected = ["message.failed"] if status == "FAILED" else []
        else:
            expected = [_EVENT_OF[step] for step in _ORDER[1 : _ORDER.index(status) + 1]]
        assert emitted == expected  # one webhook a transition, in order, and none for a cancel
        shown, body = retrieve(backend, number, message_id), sends[message_id]
        if shown["deliveredAt"] is not None:
            assert body["destinationNumber"] != PHONE_OFF
            if "deliverUntil" in body:  # delivered strictly before it, or it would have failed
                assert parse(shown["deliveredAt"]) < parse(body["deliverUntil"])
    instants = [event["data"]["createdAt"] for event in events]
    assert instants == sorted(instants)  # emitted in the order they happened


@pytest.mark.parametrize(
    ("body", "named"),
    [
        ({"templateId": "boas_vindas", "text": "Hi"}, "templateId and text"),
        ({"list": {"buttonText": "Pick", "sections": []}, "flow": {"flowId": "f1"}}, "list and flow"),
        ({"carousel": {"cards": []}, "media": "https://example.com/a.png"}, "carousel excludes media"),
        ({"flow": {"flowId": "f1"}, "buttons": [{"type": "reply", "label": "Yes"}]}, "flow excludes buttons"),
    ],
)
def test_contents_the_sources_say_exclude_each_other_are_refused(
    backend: Backend, web: Number, body: dict[str, Any], named: str
) -> None:
    refused = refusal(lambda: send(backend, web, {"destinationNumber": READS, **body}))
    assert (refused.status, refused.code) == (400, None)
    assert named in refused.message
    assert web.messages.all() == []


def test_an_approved_template_goes_out_on_a_meta_number_to_anyone_its_variables_filled_in(
    backend: Backend, meta: Number, events: list[dict[str, Any]]
) -> None:
    accepted = send(
        backend, meta, {"destinationNumber": STRANGER, "templateId": "boas_vindas", "variables": {"nome": "Ana"}}
    )
    backend.advance(5)
    shown = retrieve(backend, meta, accepted["id"])
    assert (shown["status"], shown["template"]) == ("READ", "boas_vindas")  # a template ignores the window
    assert (shown["metaPricing"]["category"], shown["metaPricing"]["type"]) == ("utility", "regular")
    assert events[0]["data"]["content"] == "Olá Ana, seja bem-vindo!"
    assert "template" not in retrieve(
        backend, meta, send(backend, meta, {"destinationNumber": READS, "text": "x"})["id"]
    )


@pytest.mark.parametrize(
    ("number_id", "body", "code"),
    [
        ("num_sandbox_meta", {"templateId": "promocao"}, "META_TEMPLATE_NOT_APPROVED"),  # Meta rejected it
        ("num_sandbox_meta", {"templateId": "boas_vindas", "variables": {}}, "MISSING_TEMPLATE_VARIABLES"),
        ("num_sandbox_web", {"templateId": "no_such_template"}, "TEMPLATE_VERSION_NOT_FOUND"),
    ],
)
def test_a_template_the_number_cannot_send_is_refused_with_its_code(
    backend: Backend, number_id: str, body: dict[str, Any], code: str
) -> None:
    number = the_number(backend, number_id)
    refused = refusal(lambda: send(backend, number, {"destinationNumber": READS, **body}))
    assert (refused.status, refused.code) == (400, code)
    assert number.messages.all() == []


def test_a_template_of_a_web_number_is_sendable_without_metas_review(backend: Backend, web: Number) -> None:
    accepted = send(
        backend, web, {"destinationNumber": READS, "templateId": "promocao", "variables": {"produto": "chá"}}
    )
    backend.advance(5)
    shown = retrieve(backend, web, accepted["id"])
    assert (shown["status"], shown["metaPricing"]) == ("READ", None)
