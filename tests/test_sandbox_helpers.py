"""The sandbox's own test helpers under `/_sandbox/`: their OpenAPI document, the requests it validates, and what
each helper does (an incoming call, a hang-up, the clock, the events)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources

import httpx
import pytest
from openapi_spec_validator import validate

from pilotstatus_sandbox._instants import parse_before_ms
from pilotstatus_sandbox._pipeline import helpers_spec
from pilotstatus_sandbox._spec import load_spec
from tests._sandbox_client import NUMBER_IDS, SandboxClient, manual_sandbox


@pytest.fixture(scope="module")
def api() -> Iterator[SandboxClient]:
    with manual_sandbox(calls=50) as client:
        yield client


def test_the_helpers_document_is_valid_openapi_3_1() -> None:
    document = helpers_spec()
    assert document["openapi"].startswith("3.1")
    validate(document)


def test_the_helpers_are_never_in_the_apis_spec() -> None:
    assert not [path for path in load_spec()["paths"] if path.startswith("/_sandbox")]
    assert all(path.startswith("/_sandbox/") for path in helpers_spec()["paths"])


def test_the_helpers_document_is_served_without_a_key(api: SandboxClient) -> None:
    response = httpx.get(f"{api.sandbox.url}/_sandbox/openapi.json")
    assert response.status_code == 200
    packaged = resources.files("pilotstatus_sandbox").joinpath("_helpers_openapi.json").read_text(encoding="utf-8")
    assert response.json() == json.loads(packaged)


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("POST", "/_sandbox/calls/incoming", {"from": "5511988887777"}),
        ("POST", "/_sandbox/calls/call_1/hangup", None),
        ("POST", "/_sandbox/messages/incoming", {"from": "5511988887777", "text": "Oi"}),
        ("POST", "/_sandbox/clock/advance", {"seconds": 1}),
        ("GET", "/_sandbox/events", None),
        ("POST", "/_sandbox/number/state", {"blocked": "extra_charge_unpaid"}),
    ],
)
def test_a_helper_without_a_known_key_is_401(api: SandboxClient, method: str, path: str, body: object) -> None:
    for headers in ({}, {"x-api-key": "ps_live_unknown"}):
        response = httpx.request(method, f"{api.sandbox.url}{path}", json=body, headers=headers)
        assert (response.status_code, response.json()) == (401, {"error": "Unauthorized"})


@pytest.mark.parametrize(
    ("path", "body", "named"),
    [
        ("/_sandbox/calls/incoming", {}, "from is required"),
        ("/_sandbox/calls/incoming", {"from": "12"}, "from"),
        ("/_sandbox/calls/incoming", {"from": 5511988887777}, "from"),
        ("/_sandbox/calls/incoming", ["5511988887777"], "the body"),
        ("/_sandbox/messages/incoming", {"text": "Oi"}, "from is required"),
        ("/_sandbox/messages/incoming", {"from": "5511988887777", "text": ""}, "text"),
        ("/_sandbox/messages/incoming", {"from": "5511988887777", "groupId": "not a group"}, "groupId"),
        ("/_sandbox/clock/advance", {}, "seconds is required"),
        ("/_sandbox/clock/advance", {"seconds": -1}, "seconds"),
        ("/_sandbox/clock/advance", {"seconds": "30"}, "seconds"),
        ("/_sandbox/clock/advance", {"seconds": 10**9}, "seconds"),
        ("/_sandbox/number/state", {}, "the body"),
        ("/_sandbox/number/state", {"blocked": "card_declined"}, "blocked"),
        ("/_sandbox/number/state", {"mediaSubscription": "no"}, "mediaSubscription"),
        ("/_sandbox/number/state", {"mediaSubscription": None}, "mediaSubscription"),
        ("/_sandbox/number/state", {"paid": True}, "paid"),
    ],
)
def test_a_helpers_body_is_validated_by_its_document(api: SandboxClient, path: str, body: object, named: str) -> None:
    response = api.post(path, json=body)
    assert response.status_code == 400
    assert set(response.json()) == {"error"}
    assert response.json()["error"].startswith("Validation error: Invalid request body")
    assert named in response.json()["error"]


@pytest.mark.parametrize("text", [b'{"seconds": NaN}', b'{"seconds": Infinity}', b'{"seconds": 1'])
def test_a_helpers_body_that_is_not_json_is_400(api: SandboxClient, text: bytes) -> None:
    response = api.post("/_sandbox/clock/advance", content=text, headers={"content-type": "application/json"})
    assert response.status_code == 400
    assert "not JSON" in response.json()["error"]


def test_a_helper_path_with_another_method_is_405_with_allow(api: SandboxClient) -> None:
    response = api.get("/_sandbox/calls/incoming")
    assert (response.status_code, response.headers["allow"]) == (405, "POST")
    assert response.json() == {"error": "Method Not Allowed"}


def test_an_unknown_helper_is_404(api: SandboxClient) -> None:
    response = httpx.get(f"{api.sandbox.url}/_sandbox/nothing", headers={"x-api-key": "ps_sandbox_meta_number"})
    assert (response.status_code, response.json()) == (404, {"error": "Not Found"})


def test_advancing_the_clock_moves_it_by_exactly_that_much(api: SandboxClient) -> None:
    first = parse_before_ms(api.advance(0))
    second = parse_before_ms(api.advance(1.5))
    assert first is not None
    assert second == first + 1500


def test_the_clock_is_the_whole_sandboxs(api: SandboxClient) -> None:
    call = api.incoming(key="meta")
    api.advance(30)  # through another number's key: the Meta call still times out
    assert api.call(call["id"], key="meta")["status"] == "MISSED"
    assert api.ok("POST", "/_sandbox/clock/advance", key="relay-only", json={"seconds": 0})["now"]


def test_a_new_call_is_created_at_the_sandboxs_time(api: SandboxClient) -> None:
    now = api.advance(0)
    assert api.incoming(key="web")["createdAt"] == now


def test_incoming_makes_an_inbound_ringing_call_of_the_keys_number(api: SandboxClient) -> None:
    call = api.incoming(key="web", caller="+5511988880000")
    assert (call["direction"], call["status"], call["peerNumber"]) == ("INBOUND", "RINGING", "5511988880000")
    assert api.call(call["id"], key="web") == call
    assert api.get(f"/v1/calls/{call['id']}", key="meta").status_code == 404


def test_hangup_of_an_unknown_call_is_404(api: SandboxClient) -> None:
    response = api.post("/_sandbox/calls/call_unknown/hangup")
    assert (response.status_code, response.json()["code"]) == (404, "CALL_NOT_FOUND")


def test_events_are_the_keys_numbers_only_in_the_order_they_happened(api: SandboxClient) -> None:
    seen = len(api.events(key="web"))
    call = api.incoming(key="web")
    api.ok("POST", f"/v1/calls/{call['id']}/accept", key="web")
    api.advance(2)
    api.ok("POST", f"/_sandbox/calls/{call['id']}/hangup", key="web")
    events = api.events(key="web")[seen:]
    assert [event["event"] for event in events] == ["call.ringing", "call.connected", "call.ended"]
    assert [event["timestamp"] for event in events] == sorted(event["timestamp"] for event in events)
    assert events[-1]["duration"] == 2
    assert call["id"] not in json.dumps(api.events(key="meta"))


@pytest.mark.parametrize("key", ["web", "web-disconnected", "unsupported-provider"])
def test_the_number_state_helper_changes_only_the_keys_given_and_answers_the_numbers_standing(
    api: SandboxClient, key: str
) -> None:
    number_id = NUMBER_IDS[key]
    assert api.ok("POST", "/_sandbox/number/state", key=key, json={"mediaSubscription": False}) == {
        "numberId": number_id,
        "mediaSubscription": False,
        "blocked": None,
    }
    blocked = api.ok("POST", "/_sandbox/number/state", key=key, json={"blocked": "extra_charge_unpaid"})
    assert (blocked["mediaSubscription"], blocked["blocked"]) == (False, "extra_charge_unpaid")
    restored = api.ok("POST", "/_sandbox/number/state", key=key, json={"mediaSubscription": True, "blocked": None})
    assert restored == {"numberId": number_id, "mediaSubscription": True, "blocked": None}


def test_the_number_state_helper_acts_on_the_number_a_tenant_key_names_and_no_other(api: SandboxClient) -> None:
    body = {"blocked": "extra_charge_unpaid"}
    try:
        answer = api.ok("POST", "/_sandbox/number/state", key="tenant", number_id="num_sandbox_web", json=body)
        assert answer["numberId"] == "num_sandbox_web"
        meta = api.post("/v1/messages/send", json={"destinationNumber": "+5511999990001", "text": "Hi"})
        assert meta.status_code == 202  # the Meta number is not blocked
        web = api.post("/v1/messages/send", key="web", json={"destinationNumber": "+5511999990001", "text": "Hi"})
        assert (web.status_code, web.json()["code"]) == (409, "NUMBER_BLOCKED")
    finally:
        api.ok("POST", "/_sandbox/number/state", key="web", json={"blocked": None})
    refused = api.post("/_sandbox/number/state", key="tenant", json=body)
    assert (refused.status_code, refused.json()["code"]) == (403, "TENANT_SCOPE_NOT_ALLOWED")
