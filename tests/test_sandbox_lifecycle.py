"""The call lifecycle over HTTP, on both number kinds, step by step: the sandbox's clock moved through its helper
(never slept on), each step read back with Get call and seen in the events, every response checked against
`openapi.json` (or the helpers' document) as it arrives."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

import pytest

from tests._sandbox_client import SandboxClient, manual_sandbox

KINDS = ["meta", "web"]
_PEERS = itertools.count(1000)


@pytest.fixture(scope="module")
def api() -> Iterator[SandboxClient]:
    with manual_sandbox(calls=50) as client:
        yield client


def peer(suffix: str) -> str:
    """A fresh peer number ending in `suffix` (a magic behaviour, or none)."""
    return f"+55119{next(_PEERS):04d}{suffix}"


def start(api: SandboxClient, kind: str, to: str, **extra: Any) -> str:
    body = {"to": to, **({"sdp": "v=0\r\n"} if kind == "meta" else {}), **extra}
    started = api.ok("POST", "/v1/calls", key=kind, json=body)
    assert started["status"] == "INITIATED"
    call_id: str = started["id"]
    return call_id


def status(api: SandboxClient, kind: str, call_id: str) -> str:
    value: str = api.call(call_id, key=kind)["status"]
    return value


def events_of(api: SandboxClient, kind: str, call_id: str) -> list[tuple[str, str]]:
    return [(event["event"], event["status"]) for event in api.events(key=kind) if event["callId"] == call_id]


def accept_body(kind: str) -> dict[str, str]:
    return {"sdp": "v=0\r\n"} if kind == "meta" else {}


@pytest.mark.parametrize("kind", KINDS)
def test_a_peer_that_answers_connects_and_terminate_completes_the_call(api: SandboxClient, kind: str) -> None:
    call_id = start(api, kind, peer("0001"), bizOpaqueCallbackData="order-42")
    assert status(api, kind, call_id) == "INITIATED"
    api.advance(0.2)
    assert status(api, kind, call_id) == "RINGING"
    api.advance(1)
    answered = api.call(call_id, key=kind)
    assert answered["status"] == "ACCEPTED"
    assert answered["connectedAt"] is not None
    api.advance(5)
    result = api.ok("POST", f"/v1/calls/{call_id}/terminate", key=kind)
    assert result == {"success": True, "id": call_id, "status": "COMPLETED"}
    ended = api.call(call_id, key=kind)
    assert (ended["status"], ended["durationSeconds"]) == ("COMPLETED", 5)
    assert events_of(api, kind, call_id) == [
        ("call.ringing", "RINGING"),
        ("call.connected", "ACCEPTED"),
        ("call.ended", "COMPLETED"),
    ]
    last = next(event for event in reversed(api.events(key=kind)) if event["callId"] == call_id)
    assert (last["duration"], last["bizOpaqueCallbackData"]) == (5, "order-42")


def test_a_peer_that_declines_rejects_the_call_a_second_after_it_rings(api: SandboxClient) -> None:
    # On a web number only: on a Meta number a peer ending in 0002 also refuses the permission a call needs.
    call_id = start(api, "web", peer("0002"))
    api.advance(0.2 + 0.999)
    assert status(api, "web", call_id) == "RINGING"
    api.advance(0.001)
    assert status(api, "web", call_id) == "REJECTED"
    assert events_of(api, "web", call_id) == [("call.ringing", "RINGING"), ("call.ended", "REJECTED")]


@pytest.mark.parametrize("kind", KINDS)
def test_a_peer_that_never_answers_fails_the_call_at_the_ring_timeout(api: SandboxClient, kind: str) -> None:
    call_id = start(api, kind, peer("0003"))
    api.advance(0.2 + 29.9)
    assert status(api, kind, call_id) == "RINGING"
    api.advance(0.1)
    failed = api.call(call_id, key=kind)
    assert (failed["status"], failed["durationSeconds"], failed["connectedAt"]) == ("FAILED", None, None)
    assert failed["errorCode"] is not None
    assert events_of(api, kind, call_id) == [("call.ringing", "RINGING"), ("call.ended", "FAILED")]


def test_any_other_peer_rings_until_the_business_terminates(api: SandboxClient) -> None:
    call_id = start(api, "web", peer("4242"))
    api.advance(20)
    assert status(api, "web", call_id) == "RINGING"
    assert api.ok("POST", f"/v1/calls/{call_id}/terminate", key="web")["status"] == "COMPLETED"
    ended = api.call(call_id, key="web")
    assert (ended["status"], ended["durationSeconds"]) == ("COMPLETED", None)


def test_terminate_while_initiated_completes_the_call_before_it_rings(api: SandboxClient) -> None:
    call_id = start(api, "web", peer("0001"))
    assert api.ok("POST", f"/v1/calls/{call_id}/terminate", key="web")["status"] == "COMPLETED"
    api.advance(2)
    assert status(api, "web", call_id) == "COMPLETED"
    assert events_of(api, "web", call_id) == [("call.ended", "COMPLETED")]


@pytest.mark.parametrize("kind", KINDS)
def test_the_peer_hanging_up_an_answered_call_completes_it(api: SandboxClient, kind: str) -> None:
    call_id = start(api, kind, peer("0001"))
    api.advance(1.2)
    api.advance(3)
    hung_up = api.ok("POST", f"/_sandbox/calls/{call_id}/hangup", key=kind)
    assert (hung_up["status"], hung_up["durationSeconds"]) == ("COMPLETED", 3)
    assert events_of(api, kind, call_id)[-1] == ("call.ended", "COMPLETED")


@pytest.mark.parametrize("kind", KINDS)
def test_an_inbound_call_accepted_then_terminated(api: SandboxClient, kind: str) -> None:
    call = api.incoming(key=kind, caller="+5511988887777")
    assert (call["direction"], call["status"], call["peerNumber"]) == ("INBOUND", "RINGING", "5511988887777")
    assert api.ok("POST", f"/v1/calls/{call['id']}/accept", key=kind, json=accept_body(kind)) == {
        "success": True,
        "id": call["id"],
        "status": "ACCEPTED",
    }
    api.advance(7)
    assert api.ok("POST", f"/v1/calls/{call['id']}/terminate", key=kind)["status"] == "COMPLETED"
    assert api.call(call["id"], key=kind)["durationSeconds"] == 7
    assert events_of(api, kind, call["id"]) == [
        ("call.ringing", "RINGING"),
        ("call.connected", "ACCEPTED"),
        ("call.ended", "COMPLETED"),
    ]
    ringing = next(event for event in api.events(key=kind) if event["callId"] == call["id"])
    own_phone = {"meta": "5511955550100", "web": "5511955550200"}[kind]
    assert (ringing["from"], ringing["to"], ringing["direction"]) == ("5511988887777", own_phone, "INBOUND")


@pytest.mark.parametrize("kind", KINDS)
def test_an_inbound_call_rejected(api: SandboxClient, kind: str) -> None:
    call = api.incoming(key=kind)
    assert api.ok("POST", f"/v1/calls/{call['id']}/reject", key=kind)["status"] == "REJECTED"
    assert events_of(api, kind, call["id"]) == [("call.ringing", "RINGING"), ("call.ended", "REJECTED")]


@pytest.mark.parametrize("kind", KINDS)
def test_an_inbound_call_nobody_answers_is_missed_at_the_ring_timeout(api: SandboxClient, kind: str) -> None:
    call = api.incoming(key=kind)
    api.advance(29.999)
    assert status(api, kind, call["id"]) == "RINGING"
    api.advance(0.001)
    assert status(api, kind, call["id"]) == "MISSED"
    assert events_of(api, kind, call["id"]) == [("call.ringing", "RINGING"), ("call.missed", "MISSED")]


@pytest.mark.parametrize("kind", KINDS)
def test_an_inbound_call_the_caller_hangs_up_while_ringing_is_missed(api: SandboxClient, kind: str) -> None:
    call = api.incoming(key=kind)
    assert api.ok("POST", f"/_sandbox/calls/{call['id']}/hangup", key=kind)["status"] == "MISSED"
    assert events_of(api, kind, call["id"])[-1] == ("call.missed", "MISSED")


def test_an_outbound_call_the_peer_hangs_up_while_ringing_is_rejected(api: SandboxClient) -> None:
    call_id = start(api, "web", peer("4242"))
    api.advance(0.2)
    assert api.ok("POST", f"/_sandbox/calls/{call_id}/hangup", key="web")["status"] == "REJECTED"


@pytest.mark.parametrize("kind", KINDS)
def test_new_calls_are_at_the_top_of_the_list(api: SandboxClient, kind: str) -> None:
    call_id = start(api, kind, peer("0003"))
    inbound = api.incoming(key=kind)
    listed = api.ok("GET", "/v1/calls", key=kind, params={"limit": "2"})["calls"]
    assert [call["id"] for call in listed] == [inbound["id"], call_id]


@pytest.mark.parametrize("kind", KINDS)
def test_a_call_is_found_by_its_provider_id_too(api: SandboxClient, kind: str) -> None:
    call = api.incoming(key=kind)
    by_external = api.call(call["externalCallId"], key=kind)
    assert by_external["id"] == call["id"]
    assert api.ok("POST", f"/v1/calls/{call['externalCallId']}/reject", key=kind)["id"] == call["id"]


def test_another_numbers_call_is_not_found(api: SandboxClient) -> None:
    call = api.incoming(key="web")
    for method, path in (("GET", ""), ("POST", "/reject"), ("POST", "/terminate")):
        response = api.request(method, f"/v1/calls/{call['id']}{path}", key="meta")
        assert response.status_code == 404
        assert response.json()["code"] == "CALL_NOT_FOUND"
    assert status(api, "web", call["id"]) == "RINGING"


def test_a_history_call_can_be_acted_on(api: SandboxClient) -> None:
    listed = api.ok("GET", "/v1/calls", key="web", params={"limit": "100"})["calls"]
    accepted = next(call for call in listed if call["status"] == "ACCEPTED")
    assert api.ok("POST", f"/v1/calls/{accepted['id']}/terminate", key="web")["status"] == "COMPLETED"
    assert status(api, "web", accepted["id"]) == "COMPLETED"


# -- invalid transitions: 409 INVALID_CALL_STATE ----------------------------------------------------------------


def _ringing_inbound(api: SandboxClient, kind: str) -> str:
    call_id: str = api.incoming(key=kind)["id"]
    return call_id


def _accepted_inbound(api: SandboxClient, kind: str) -> str:
    call_id = _ringing_inbound(api, kind)
    api.ok("POST", f"/v1/calls/{call_id}/accept", key=kind, json=accept_body(kind))
    return call_id


def _ended(api: SandboxClient, kind: str) -> str:
    call_id = _accepted_inbound(api, kind)
    api.ok("POST", f"/v1/calls/{call_id}/terminate", key=kind)
    return call_id


def _initiated_outbound(api: SandboxClient, kind: str) -> str:
    return start(api, kind, peer("4242" if kind == "web" else "0003"))


def _ringing_outbound(api: SandboxClient, kind: str) -> str:
    call_id = _initiated_outbound(api, kind)
    api.advance(0.2)
    return call_id


def _missed(api: SandboxClient, kind: str) -> str:
    call_id = _ringing_inbound(api, kind)
    api.ok("POST", f"/_sandbox/calls/{call_id}/hangup", key=kind)
    return call_id


STATES = {
    "INBOUND RINGING": _ringing_inbound,
    "INBOUND ACCEPTED": _accepted_inbound,
    "COMPLETED": _ended,
    "MISSED": _missed,
    "OUTBOUND INITIATED": _initiated_outbound,
    "OUTBOUND RINGING": _ringing_outbound,
}
# What each action allows (the design's table); every other state is a 409.
ALLOWED = {
    "accept": {"INBOUND RINGING"},
    "reject": {"INBOUND RINGING"},
    "terminate": {"OUTBOUND INITIATED", "OUTBOUND RINGING", "INBOUND ACCEPTED"},
    "pre-accept": {"INBOUND RINGING"},
    "play": {"OUTBOUND INITIATED", "OUTBOUND RINGING", "INBOUND ACCEPTED", "INBOUND RINGING"},
    "realtime-session": {"INBOUND ACCEPTED"},
    "hangup": {"INBOUND RINGING", "OUTBOUND RINGING", "INBOUND ACCEPTED"},
}
ACTION_KIND = {"pre-accept": ["meta"], "play": ["web"], "realtime-session": ["web"]}


def _action_request(api: SandboxClient, kind: str, action: str, call_id: str) -> Any:
    if action == "hangup":
        return api.post(f"/_sandbox/calls/{call_id}/hangup", key=kind)
    body = {
        "accept": accept_body(kind),
        "pre-accept": {"sdp": "v=0\r\n"},
        "play": {"mediaUrl": "https://example.com/a.mp3"},
        "realtime-session": {"mode": "talk"},
    }.get(action)
    return api.post(f"/v1/calls/{call_id}/{action}", key=kind, json=body)


INVALID = [
    (kind, action, state)
    for action, allowed in ALLOWED.items()
    for kind in ACTION_KIND.get(action, KINDS)
    for state in STATES
    if state not in allowed
]


@pytest.mark.parametrize(("kind", "action", "state"), INVALID, ids=[" ".join(case) for case in INVALID])
def test_an_action_the_calls_state_does_not_allow_is_409_invalid_call_state(
    api: SandboxClient, kind: str, action: str, state: str
) -> None:
    call_id = STATES[state](api, kind)
    before = api.call(call_id, key=kind)
    response = _action_request(api, kind, action, call_id)
    assert response.status_code == 409, response.text
    body = response.json()
    assert body["code"] == "INVALID_CALL_STATE"
    assert before["status"] in body["error"]
    assert api.call(call_id, key=kind)["status"] == before["status"]


VALID = [
    (kind, action, state)
    for action, allowed in ALLOWED.items()
    for kind in ACTION_KIND.get(action, KINDS)
    for state in sorted(allowed)
]


@pytest.mark.parametrize(("kind", "action", "state"), VALID, ids=[" ".join(case) for case in VALID])
def test_an_action_the_calls_state_allows_succeeds(api: SandboxClient, kind: str, action: str, state: str) -> None:
    call_id = STATES[state](api, kind)
    response = _action_request(api, kind, action, call_id)
    assert response.status_code == 200, response.text


def test_play_leaves_the_status_as_it_was(api: SandboxClient) -> None:
    call_id = _ringing_outbound(api, "web")
    result = api.ok("POST", f"/v1/calls/{call_id}/play", key="web", json={"mediaUrl": "https://example.com/a.mp3"})
    assert result == {"success": True, "id": call_id, "status": "RINGING"}


# -- provider rules -------------------------------------------------------------------------------------------


def test_pre_accept_keeps_a_meta_call_ringing_and_stores_the_sdp_answer(api: SandboxClient) -> None:
    call = api.incoming(key="meta")
    detail = api.ok("GET", f"/v1/calls/{call['id']}", key="meta", params={"includeSdp": "1"})
    assert detail["sdpOffer"].startswith("v=0")
    assert detail["sdpAnswer"] is None
    result = api.ok("POST", f"/v1/calls/{call['id']}/pre-accept", key="meta", json={"sdp": "v=0\r\nanswer"})
    assert result["status"] == "RINGING"
    after = api.ok("GET", f"/v1/calls/{call['id']}", key="meta", params={"includeSdp": "1"})
    assert after["sdpAnswer"] == "v=0\r\nanswer"
    assert "sdpOffer" not in api.call(call["id"], key="meta")


def test_a_web_calls_sdp_fields_are_null_with_include_sdp(api: SandboxClient) -> None:
    call = api.incoming(key="web")
    detail = api.ok("GET", f"/v1/calls/{call['id']}", key="web", params={"includeSdp": "1"})
    assert (detail["sdpOffer"], detail["sdpAnswer"]) == (None, None)


@pytest.mark.parametrize("operation", ["start", "accept"])
def test_a_meta_number_needs_sdp(api: SandboxClient, operation: str) -> None:
    if operation == "start":
        response = api.post("/v1/calls", key="meta", json={"to": peer("0001")})
    else:
        response = api.post(f"/v1/calls/{api.incoming(key='meta')['id']}/accept", key="meta", json={})
    assert response.status_code == 400
    assert set(response.json()) == {"error"}
    assert response.json()["error"].startswith("Validation error")
    assert "sdp" in response.json()["error"]


@pytest.mark.parametrize("operation", ["start", "accept"])
def test_a_web_number_refuses_sdp(api: SandboxClient, operation: str) -> None:
    if operation == "start":
        response = api.post("/v1/calls", key="web", json={"to": peer("0001"), "sdp": "v=0"})
    else:
        response = api.post(f"/v1/calls/{api.incoming(key='web')['id']}/accept", key="web", json={"sdp": "v=0"})
    assert response.status_code == 400
    assert set(response.json()) == {"error"}
    assert "omit sdp" in response.json()["error"]


def test_a_web_number_accepts_without_a_body(api: SandboxClient) -> None:
    call = api.incoming(key="web")
    assert api.ok("POST", f"/v1/calls/{call['id']}/accept", key="web")["status"] == "ACCEPTED"


def test_a_meta_call_to_a_peer_without_permission_is_refused(api: SandboxClient) -> None:
    response = api.post("/v1/calls", key="meta", json={"to": peer("4242"), "sdp": "v=0"})
    assert response.status_code == 400
    assert response.json()["code"] == "META_CALL_PERMISSION_REQUIRED"


def test_a_requested_permission_is_granted_a_second_later_and_then_the_call_goes_through(api: SandboxClient) -> None:
    to = peer("4242")
    assert api.ok("GET", "/v1/calls/permissions", params={"to": to})["permission"] == {"status": "no_permission"}
    sent = api.ok("POST", "/v1/calls/permissions/request", json={"to": to, "text": "May we call?"})
    assert sent["messageId"].startswith("wamid.")
    api.advance(0.999)
    assert api.ok("GET", "/v1/calls/permissions", params={"to": to})["permission"]["status"] == "no_permission"
    api.advance(0.001)
    permission = api.ok("GET", "/v1/calls/permissions", params={"to": to})["permission"]
    assert permission["status"] == "temporary"
    updated = [event for event in api.events() if event["event"] == "call.permission_updated"][-1]
    assert (updated["status"], updated["from"], updated["callId"]) == ("TEMPORARY", to.removeprefix("+"), None)
    start(api, "meta", to)


def test_a_peer_ending_in_0002_refuses_the_permission(api: SandboxClient) -> None:
    to = peer("0002")
    api.ok("POST", "/v1/calls/permissions/request", json={"to": to})
    api.advance(1)
    assert api.ok("GET", "/v1/calls/permissions", params={"to": to})["permission"]["status"] == "no_permission"
    updated = [event for event in api.events() if event["event"] == "call.permission_updated"][-1]
    assert updated["status"] == "NO_PERMISSION"
    assert api.post("/v1/calls", json={"to": to, "sdp": "v=0"}).json()["code"] == "META_CALL_PERMISSION_REQUIRED"


@pytest.mark.parametrize("suffix", ["0001", "0003"])
def test_magic_peers_hold_a_permanent_permission_on_a_meta_number(api: SandboxClient, suffix: str) -> None:
    permission = api.ok("GET", "/v1/calls/permissions", params={"to": peer(suffix)})["permission"]
    assert permission["status"] == "permanent"


def test_settings_update_is_partial_and_call_hours_replace_the_stored_ones(api: SandboxClient) -> None:
    hours = {
        "status": "ENABLED",
        "timezone_id": "America/Sao_Paulo",
        "weekly_operating_hours": [{"day_of_week": "MONDAY", "open_time": "0900", "close_time": "1800"}],
    }
    assert api.ok("PUT", "/v1/calls/settings", json={"call_hours": hours}) == {"success": True}
    assert api.ok("PUT", "/v1/calls/settings", json={"call_icon_visibility": "DISABLE_ALL"}) == {"success": True}
    calling = api.ok("GET", "/v1/calls/settings")["calling"]
    assert (calling["call_icon_visibility"], calling["call_hours"], calling["status"]) == (
        "DISABLE_ALL",
        hours,
        "ENABLED",
    )
    api.ok("PUT", "/v1/calls/settings", json={"call_hours": {"status": "DISABLED"}})
    assert api.ok("GET", "/v1/calls/settings")["calling"]["call_hours"] == {"status": "DISABLED"}


def test_an_empty_settings_update_changes_nothing_and_succeeds(api: SandboxClient) -> None:
    """`{}` is a valid body by the spec, and the official SDK sends it."""
    before = api.ok("GET", "/v1/calls/settings")
    assert api.ok("PUT", "/v1/calls/settings", json={}) == {"success": True}
    assert api.ok("GET", "/v1/calls/settings") == before


def test_settings_refuse_sip(api: SandboxClient) -> None:
    response = api.put("/v1/calls/settings", json={"sip": {"status": "ENABLED"}})
    assert response.status_code == 400
    assert "sip" in response.json()["error"]


def test_the_relay_only_number_lists_nothing_but_acts_as_a_meta_number(api: SandboxClient) -> None:
    assert api.ok("GET", "/v1/calls", key="relay-only") == {"calls": [], "notice": "PII_RELAY_ONLY"}
    call = api.incoming(key="relay-only")
    assert api.call(call["id"], key="relay-only")["status"] == "RINGING"
    assert api.ok("POST", f"/v1/calls/{call['id']}/accept", key="relay-only", json={"sdp": "v=0"})["status"] == (
        "ACCEPTED"
    )
    assert api.ok("GET", "/v1/calls/settings", key="relay-only")["calling"]["status"] == "ENABLED"
