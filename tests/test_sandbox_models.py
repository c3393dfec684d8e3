"""The sandbox's backend on its own: the call lifecycle of both number kinds, the magic numbers, the provider rules
that live in the backend, Meta settings and permissions, and the events each change emits; time is moved with the
manual clock, never waited for. Every answer is also checked against the spec's schema for its operation."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pilotstatus_sandbox import SandboxConfig
from pilotstatus_sandbox._backend import Backend
from pilotstatus_sandbox._errors import ApiError
from pilotstatus_sandbox._instants import parse_before_ms
from pilotstatus_sandbox.calls.models import Calls
from tests._spec import load_spec

SPEC = load_spec()
RING_TIMEOUT = 30.0


def conforms(value: Any, schema_name: str) -> None:
    """`value` is valid against the spec's component `schema_name`."""
    schema = {"$ref": f"#/components/schemas/{schema_name}", "components": SPEC["components"]}
    jsonschema.validate(value, schema, cls=jsonschema.Draft202012Validator)


def make_backend(events: list[dict[str, Any]] | None = None, **config: Any) -> Backend:
    sink: Callable[[dict[str, Any]], None] | None = None if events is None else events.append
    return Backend(
        SandboxConfig(calls=40, seed=7, manual_clock=True, ring_timeout=RING_TIMEOUT, **config), on_event=sink
    )


def number(backend: Backend, number_id: str) -> Calls:
    """The calls of the number `number_id`."""
    found = backend.number(number_id)
    assert found is not None
    return found.calls


def refusal(action: Callable[[], object]) -> ApiError:
    with pytest.raises(ApiError) as caught:
        action()
    return caught.value


SDP = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n"


@pytest.fixture
def events() -> list[dict[str, Any]]:
    return []


@pytest.fixture
def backend(events: list[dict[str, Any]]) -> Backend:
    return make_backend(events)


@pytest.fixture
def web(backend: Backend) -> Calls:
    return number(backend, "num_sandbox_web")


@pytest.fixture
def meta(backend: Backend) -> Calls:
    return number(backend, "num_sandbox_meta")


def test_a_call_answered_by_the_magic_number_rings_connects_and_completes_with_its_duration(
    backend: Backend, web: Calls, events: list[dict[str, Any]]
) -> None:
    started = web.start_call(to="+5511999990001", sdp=None, biz_opaque_callback_data="order-42")
    conforms(started, "CallStarted")
    assert started["status"] == "INITIATED"
    call_id = started["id"]
    backend.advance(0.2)
    assert web.get_call(call_id, include_sdp=False)["status"] == "RINGING"
    backend.advance(1)
    assert web.get_call(call_id, include_sdp=False)["status"] == "ACCEPTED"
    backend.advance(42.5)
    result = web.terminate(call_id)
    conforms(result, "CallActionResult")
    call = web.get_call(call_id, include_sdp=True)
    conforms(call, "CallDetail")
    assert (call["status"], call["durationSeconds"], call["sdpOffer"], call["sdpAnswer"]) == (
        "COMPLETED",
        42,
        None,
        None,
    )
    assert [(e["event"], e["status"]) for e in events] == [
        ("call.ringing", "RINGING"),
        ("call.connected", "ACCEPTED"),
        ("call.ended", "COMPLETED"),
    ]
    ended = events[-1]
    assert (ended["duration"], ended["bizOpaqueCallbackData"], ended["from"], ended["to"]) == (
        42,
        "order-42",
        web.phone,
        "5511999990001",
    )


@pytest.mark.parametrize(
    ("to", "after", "status", "event"),
    [
        ("5511999990002", 1.2, "REJECTED", "call.ended"),
        ("5511999990003", 0.2 + RING_TIMEOUT, "FAILED", "call.ended"),
        ("5511987654321", 0.2 + RING_TIMEOUT, "FAILED", "call.ended"),
    ],
)
def test_the_peer_decides_how_an_unanswered_call_ends(
    backend: Backend, web: Calls, events: list[dict[str, Any]], to: str, after: float, status: str, event: str
) -> None:
    call_id = web.start_call(to=to, sdp=None, biz_opaque_callback_data=None)["id"]
    backend.advance(after - 0.001)
    assert web.get_call(call_id, include_sdp=False)["status"] == "RINGING"
    backend.advance(0.001)
    call = web.get_call(call_id, include_sdp=False)
    assert (call["status"], call["durationSeconds"]) == (status, None)
    assert (events[-1]["event"], events[-1]["status"]) == (event, status)
    assert "duration" not in events[-1]


def test_an_inbound_call_is_missed_at_the_ring_timeout(
    backend: Backend, web: Calls, events: list[dict[str, Any]]
) -> None:
    call = web.incoming_call(from_="5511988887777")
    conforms(call, "Call")
    assert (call["direction"], call["status"]) == ("INBOUND", "RINGING")
    backend.advance(RING_TIMEOUT)
    assert web.get_call(call["id"], include_sdp=False)["status"] == "MISSED"
    assert [e["event"] for e in events] == ["call.ringing", "call.missed"]
    assert (events[0]["from"], events[0]["to"]) == ("5511988887777", web.phone)


def test_an_inbound_call_accepted_then_hung_up_by_the_peer_completes(
    backend: Backend, web: Calls, events: list[dict[str, Any]]
) -> None:
    call_id = web.incoming_call(from_="5511988887777")["id"]
    assert web.accept(call_id, sdp=None)["status"] == "ACCEPTED"
    backend.advance(RING_TIMEOUT * 2)  # answered: the ring timeout no longer applies
    ended = web.hangup(call_id)
    assert (ended["status"], ended["durationSeconds"]) == ("COMPLETED", RING_TIMEOUT * 2)
    assert [e["event"] for e in events] == ["call.ringing", "call.connected", "call.ended"]


def test_the_call_id_or_the_provider_id_finds_a_call_and_another_numbers_call_is_not_found(
    meta: Calls, web: Calls
) -> None:
    call = web.incoming_call(from_="5511988887777")
    assert web.get_call(call["externalCallId"], include_sdp=False)["id"] == call["id"]
    assert refusal(lambda: meta.get_call(call["id"], include_sdp=False)).code == "CALL_NOT_FOUND"
    assert refusal(lambda: meta.reject(call["id"])).status == 404


def test_a_history_call_is_found_by_either_id_and_can_be_acted_on(web: Calls) -> None:
    assert web.history is not None
    ringing = next(c for c in web.history if c["status"] == "RINGING" and c["direction"] == "INBOUND")
    assert web.get_call(ringing["externalCallId"], include_sdp=False) == ringing
    web.reject(ringing["id"])
    listed = {c["id"]: c for c in web.list_calls(limit=100, before_ms=None)}
    assert listed[ringing["id"]]["status"] == "REJECTED"


@pytest.mark.parametrize(
    ("action", "name"),
    [
        (lambda n, c: n.accept(c, sdp=None), "accept"),
        (lambda n, c: n.reject(c), "reject"),
        (lambda n, c: n.terminate(c), "terminate"),
        (lambda n, c: n.play(c, media_url="https://example.com/a.mp3"), "play"),
        (lambda n, c: n.open_realtime_session(c, mode="talk"), "a realtime session"),
        (lambda n, c: n.hangup(c), "a hang-up"),
    ],
)
def test_an_action_on_an_ended_call_is_a_409_naming_the_state(
    web: Calls, action: Callable[[Calls, str], object], name: str
) -> None:
    call_id = web.incoming_call(from_="5511988887777")["id"]
    web.reject(call_id)
    error = refusal(lambda: action(web, call_id))
    assert (error.status, error.code) == (409, "INVALID_CALL_STATE")
    assert "REJECTED" in error.message
    assert name in error.message


def test_accept_and_reject_need_a_ringing_inbound_call(web: Calls) -> None:
    call_id = web.start_call(to="5511987654321", sdp=None, biz_opaque_callback_data=None)["id"]
    for action in (lambda: web.accept(call_id, sdp=None), lambda: web.reject(call_id)):
        assert refusal(action).code == "INVALID_CALL_STATE"
    assert web.terminate(call_id)["status"] == "COMPLETED"


def test_new_calls_are_listed_first_and_before_still_filters(backend: Backend, web: Calls) -> None:
    history_first = web.list_calls(limit=1, before_ms=None)[0]
    first = web.start_call(to="5511987654321", sdp=None, biz_opaque_callback_data=None)["id"]
    backend.advance(1)
    second = web.incoming_call(from_="5511988887777")["id"]
    page = web.list_calls(limit=3, before_ms=None)
    assert [c["id"] for c in page] == [second, first, history_first["id"]]
    for call in page:
        conforms(call, "Call")
    created = web.get_call(second, include_sdp=False)["createdAt"]
    before = parse_before_ms(created)
    assert [c["id"] for c in web.list_calls(limit=2, before_ms=before)] == [first, history_first["id"]]


@given(moves=st.lists(st.sampled_from(["start", "incoming", "advance", "terminate", "accept", "hangup"]), max_size=25))
def test_a_calls_status_only_moves_forward_and_the_list_stays_newest_first(moves: list[str]) -> None:
    backend = make_backend()
    web = number(backend, "num_sandbox_web")
    order = {"INITIATED": 0, "RINGING": 1, "ACCEPTED": 2, "REJECTED": 3, "COMPLETED": 3, "FAILED": 3, "MISSED": 3}
    seen: dict[str, str] = {}
    ids: list[str] = []
    refusals: set[str | None] = set()
    for index, move in enumerate(moves):
        try:
            if move == "start":
                ids.append(web.start_call(to=f"55119999{index:05d}", sdp=None, biz_opaque_callback_data=None)["id"])
            elif move == "incoming":
                ids.append(web.incoming_call(from_="5511988887777")["id"])
            elif move == "advance":
                backend.advance(0.7 * (index % 5) + 0.2)
            elif ids:
                target = ids[index % len(ids)]
                {"terminate": web.terminate, "hangup": web.hangup}.get(move, lambda c: web.accept(c, sdp=None))(target)
        except ApiError as error:
            refusals.add(error.code)
        for call_id in ids:
            status = web.get_call(call_id, include_sdp=False)["status"]
            if call_id in seen:
                assert order[status] >= order[seen[call_id]], (seen[call_id], status)
                assert order[seen[call_id]] < 3 or status == seen[call_id], "an ended call never changes"
            seen[call_id] = status
    assert refusals <= {"INVALID_CALL_STATE"}
    listed = [c["createdAt"] for c in web.list_calls(limit=100, before_ms=None)]
    assert listed == sorted(listed, reverse=True)


def test_meta_needs_sdp_and_a_permission_before_calling(backend: Backend, meta: Calls) -> None:
    error = refusal(lambda: meta.start_call(to="5511987654321", sdp=None, biz_opaque_callback_data=None))
    assert (error.status, error.code) == (400, None)
    assert "sdp" in error.message
    error = refusal(lambda: meta.start_call(to="5511987654321", sdp=SDP, biz_opaque_callback_data=None))
    assert (error.status, error.code) == (400, "META_CALL_PERMISSION_REQUIRED")
    assert meta.start_call(to="5511999990001", sdp=SDP, biz_opaque_callback_data=None)["status"] == "INITIATED"


def test_a_web_number_refuses_sdp(web: Calls) -> None:
    error = refusal(lambda: web.start_call(to="5511999990001", sdp=SDP, biz_opaque_callback_data=None))
    assert error.status == 400
    assert "omit sdp" in error.message


def test_a_permission_request_is_granted_a_second_later_and_then_the_call_goes_through(
    backend: Backend, meta: Calls, events: list[dict[str, Any]]
) -> None:
    peer = "5511987654321"
    assert meta.get_permission(peer)["permission"] == {"status": "no_permission"}
    sent = meta.request_permission(to=f"+{peer}", text="Podemos te ligar?")
    conforms(sent, "CallPermissionRequestSent")
    backend.advance(1)
    permission = meta.get_permission(peer)
    conforms(permission, "CallPermission")
    assert permission["permission"]["status"] == "temporary"
    assert events[-1] == {
        "event": "call.permission_updated",
        "callId": None,
        "direction": None,
        "status": "TEMPORARY",
        "from": peer,
        "to": meta.phone,
        "timestamp": events[-1]["timestamp"],
    }
    assert meta.start_call(to=peer, sdp=SDP, biz_opaque_callback_data=None)["status"] == "INITIATED"
    backend.advance(7 * 86_400)
    assert meta.get_permission(peer)["permission"] == {"status": "no_permission"}


def test_the_declining_peer_answers_no_permission_and_requests_are_limited(
    backend: Backend, meta: Calls, events: list[dict[str, Any]]
) -> None:
    meta.request_permission(to="5511999990002", text=None)
    backend.advance(1)
    assert events[-1]["status"] == "NO_PERMISSION"
    error = refusal(lambda: meta.request_permission(to="5511999990002", text=None))
    assert (error.status, error.code) == (400, "META_CALL_PERMISSION_REQUEST_LIMIT")
    action = meta.get_permission("5511999990002")["actions"][0]
    assert (action["action_name"], action["can_perform_action"]) == ("send_call_permission_request", False)
    assert "limit_expiration_time" in action["limits"][0]


def test_meta_inbound_calls_carry_an_sdp_offer_and_pre_accept_keeps_them_ringing(meta: Calls) -> None:
    call_id = meta.incoming_call(from_="5511988887777")["id"]
    assert meta.get_call(call_id, include_sdp=True)["sdpOffer"].startswith("v=0")
    assert meta.pre_accept(call_id, sdp=SDP)["status"] == "RINGING"
    assert refusal(lambda: meta.accept(call_id, sdp=None)).status == 400
    assert meta.accept(call_id, sdp=SDP)["status"] == "ACCEPTED"
    assert meta.get_call(call_id, include_sdp=True)["sdpAnswer"] == SDP


def test_settings_update_is_partial_call_hours_replace_and_sip_is_refused(meta: Calls) -> None:
    settings = meta.get_settings()
    conforms(settings, "CallingSettingsEnvelope")
    hours = {
        "status": "ENABLED",
        "timezone_id": "America/Sao_Paulo",
        "weekly_operating_hours": [{"day_of_week": "MONDAY", "open_time": "0900", "close_time": "1800"}],
    }
    meta.update_settings({"call_hours": hours})
    meta.update_settings({"call_icon_visibility": "DISABLE_ALL"})
    calling = meta.get_settings()["calling"]
    assert (calling["call_hours"], calling["call_icon_visibility"], calling["status"]) == (
        hours,
        "DISABLE_ALL",
        "ENABLED",
    )
    meta.update_settings({"call_hours": {"status": "DISABLED"}})
    assert meta.get_settings()["calling"]["call_hours"] == {"status": "DISABLED"}
    assert "sip" in refusal(lambda: meta.update_settings({"sip": {"status": "ENABLED"}})).message


def test_an_empty_settings_update_changes_nothing(meta: Calls) -> None:
    before = meta.get_settings()
    assert meta.update_settings({}) == {"success": True}
    assert meta.get_settings() == before


@pytest.mark.parametrize(
    ("windows", "problem"),
    [
        ([("MONDAY", "1800", "0900")], "not before"),
        ([("MONDAY", "0800", "1000"), ("MONDAY", "0900", "1100")], "overlap"),
        ([("MONDAY", "0100", "0200"), ("MONDAY", "0300", "0400"), ("MONDAY", "0500", "0600")], "at most 2"),
    ],
)
def test_call_hours_that_meta_refuses_are_refused(
    meta: Calls, windows: list[tuple[str, str, str]], problem: str
) -> None:
    hours = {
        "status": "ENABLED",
        "timezone_id": "America/Sao_Paulo",
        "weekly_operating_hours": [{"day_of_week": d, "open_time": o, "close_time": c} for d, o, c in windows],
    }
    assert problem in refusal(lambda: meta.update_settings({"call_hours": hours})).message


def test_a_realtime_token_is_single_use_and_dies_with_the_call(backend: Backend, web: Calls) -> None:
    call_id = web.incoming_call(from_="5511988887777")["id"]
    web.accept(call_id, sdp=None)
    token, lifetime = web.open_realtime_session(call_id, mode="listen")
    assert lifetime == 120
    assert web.redeem_realtime_token(call_id, token) == "listen"
    assert refusal(lambda: web.redeem_realtime_token(call_id, token)).status == 403
    expired, _ = web.open_realtime_session(call_id, mode="talk")
    backend.advance(120)
    assert "expired" in refusal(lambda: web.redeem_realtime_token(call_id, expired)).message
    assert web.call_active(call_id)
    web.terminate(call_id)
    assert not web.call_active(call_id)


def test_run_timers_applies_transitions_without_a_request() -> None:
    """On the real clock, the timer thread moves a call on its own (a zero ring timeout would be refused, so the
    clock is moved instead of waited for)."""
    events: list[dict[str, Any]] = []
    rang = threading.Event()

    def record(event: dict[str, Any]) -> None:
        events.append(event)
        rang.set()

    backend = Backend(SandboxConfig(calls=0), on_event=record)
    web = number(backend, "num_sandbox_web")
    web.start_call(to="5511999990001", sdp=None, biz_opaque_callback_data=None)
    backend.clock.advance(1)  # due, but not applied until something settles
    stop = threading.Event()
    worker = threading.Thread(target=backend.run_timers, args=(stop,), daemon=True)
    worker.start()
    assert rang.wait(10), "the timer thread never applied the due transition"
    stop.set()
    worker.join(10)
    assert events[0]["event"] == "call.ringing"
