"""Every demo key on every operation (the API's and the helpers'), and the tenant key acting on each number it
names: the answer of a valid request, and the order of the checks for an invalid one. Which operations a kind of
number serves is the catalogue's `providers` (which tests/test_spec_calls.py checks against the spec's documented
refusals); the rest of the expected answers are written here from the design, not read from the sandbox's tables."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from pilotstatus_api import catalogue
from pilotstatus_sandbox import SCENARIOS
from tests._sandbox_client import KEYS, NUMBER_IDS, SandboxClient, manual_sandbox
from tests._traits import body_schema, row_of, spec_operation

UNSUPPORTED = "Calling is only supported for Meta Cloud API and Pilot Status (web) numbers."
"""What a number that cannot call is told for each Calls operation (and each Calls helper)."""
SERVES = {
    kind: {entry.operation_id for entry in catalogue.OPERATIONS if entry.providers is None or kind in entry.providers}
    for kind in ("META", "EVO_GO", "EVOLUTION_V2")
}
"""The operations each kind of number serves: the catalogue's `providers`."""
CALLING = frozenset({"META", "EVO_GO"})
"""The kinds of number that can call (the documented message names them); an Evolution v2 number cannot."""
CALLS_HELPERS = frozenset({"sandbox_incoming_call", "sandbox_hangup_call"})
AREA_HELPERS = CALLS_HELPERS | {"sandbox_incoming_message"}
"""The helpers that act on an area's state: a number not connected is refused them."""
PROVIDER = {
    "meta": "META",
    "relay-only": "META",
    "store-days": "META",
    "web": "EVO_GO",
    "web-disconnected": "EVO_GO",
    "unsupported-provider": "EVOLUTION_V2",
}
_PEERS = itertools.count(100)
CALL_UNKNOWN = "call_unknown"
TEMPLATE_UNKNOWN = "tpl_unknown"
MESSAGE_UNKNOWN = "msg_unknown"


@dataclass(frozen=True)
class Credential:
    """A demo key, and for the tenant key the number its header names (None: no header)."""

    scenario: str
    number: str | None = None

    @property
    def acts_as(self) -> str | None:
        """The scenario of the number the request acts on, or None for a key that reaches none."""
        if self.scenario == "tenant":
            return next((name for name, number_id in NUMBER_IDS.items() if number_id == self.number), None)
        return self.scenario if self.scenario in PROVIDER else None

    def __str__(self) -> str:
        return self.scenario if self.number is None else f"tenant-as-{self.acts_as}"


CREDENTIALS = [Credential(scenario.name) for scenario in SCENARIOS] + [
    Credential("tenant", number_id) for number_id in NUMBER_IDS.values()
]


def api_request(operation: str, provider: str) -> tuple[str, str, dict[str, Any]]:
    """A valid request for `operation` on a number of `provider`, from the spec's examples (`tests/_traits.py`): a
    call id names a call that is not one, a template's id a template that is not one and a message's id a message
    that is not one, each `to` a peer of its own (Meta allows one permission request a day to a user), each new
    template a name of its own, a send a text to a phone, and an SDP is sent where the number needs one (on Meta; a
    web number takes none)."""
    entry = catalogue.BY_ID[operation]
    row = row_of(entry)
    count = next(_PEERS)
    peer = f"+55119{count:05d}0003"
    pairs = zip(entry.path_parameters, row.path_values, strict=True)
    unknown = {
        "callId": CALL_UNKNOWN,
        "id": TEMPLATE_UNKNOWN if entry.area == "templates" else None,
        "messageId": MESSAGE_UNKNOWN,
    }
    values = [unknown.get(name) or value for name, value in pairs]
    kwargs: dict[str, Any] = {}
    if row.query:
        kwargs["params"] = {name: peer if name == "to" else value for name, value in row.query}
    if row.body is not None:
        body = {name: peer if name == "to" else value for name, value in row.body.items()}
        if entry.area == "templates" and "name" in body:
            # The whole example: its content has variables, which need the example's `examples` (optional otherwise).
            example = spec_operation(operation)["requestBody"]["content"]["application/json"]["example"]
            body = {**example, "name": f"template_{count}"}
        if operation == "post_messages_send":  # a text to a phone: what every kind of number sends
            body = {"destinationNumber": peer, "text": "Hello"}
        schema = body_schema(entry)
        assert schema is not None
        if "sdp" in schema["properties"]:
            if provider == "META" or "sdp" in schema["required"]:
                body["sdp"] = "v=0\r\n"
            else:
                body.pop("sdp", None)
        kwargs["json"] = body
    return entry.http_method, row.url_path(tuple(values)), kwargs


HELPERS: dict[str, tuple[str, str, dict[str, Any]]] = {
    "sandbox_incoming_call": ("POST", "/_sandbox/calls/incoming", {"json": {"from": "5511988887777"}}),
    "sandbox_hangup_call": ("POST", "/_sandbox/calls/call_unknown/hangup", {}),
    "sandbox_incoming_message": (
        "POST",
        "/_sandbox/messages/incoming",
        {"json": {"from": "5511988887777", "text": "Oi"}},
    ),
    "sandbox_advance_clock": ("POST", "/_sandbox/clock/advance", {"json": {"seconds": 0}}),
    "sandbox_list_events": ("GET", "/_sandbox/events", {}),
    "sandbox_list_faults": ("GET", "/_sandbox/faults", {}),
    "sandbox_clear_faults": ("DELETE", "/_sandbox/faults", {}),
}
OPERATIONS = sorted(entry.operation_id for entry in catalogue.OPERATIONS)


@pytest.fixture(scope="module")
def api() -> Iterator[SandboxClient]:
    with manual_sandbox(calls=50) as client:
        yield client


def send(api: SandboxClient, credential: Credential, method: str, path: str, **kwargs: Any) -> httpx.Response:
    return api.request(method, path, key=credential.scenario, number_id=credential.number, **kwargs)


def assert_refusal(response: httpx.Response, status: int, code: str | None, message: str | None = None) -> None:
    assert response.status_code == status, response.text
    body = response.json()
    assert body.get("code") == code
    if message is not None:
        assert body["error"] == message


def assert_fixed_refusal(response: httpx.Response, scenario: str) -> bool:
    """Check the answer of a key that reaches no number; False for a key that does."""
    if scenario == "tenant":
        assert_refusal(response, 403, "TENANT_SCOPE_NOT_ALLOWED", "Tenant-scoped keys cannot call number endpoints")
    elif scenario == "rate-limited":
        assert_refusal(response, 429, None, "Too many requests")
        assert response.headers["retry-after"] == "3600"
    else:
        return False
    return True


@pytest.mark.parametrize("operation", OPERATIONS)
@pytest.mark.parametrize("credential", CREDENTIALS, ids=str)
def test_each_key_gets_its_answer_for_each_operation(
    api: SandboxClient, credential: Credential, operation: str
) -> None:
    acts_as = credential.acts_as
    method, path, kwargs = api_request(operation, PROVIDER.get(acts_as or "meta", "META"))
    response = send(api, credential, method, path, **kwargs)
    if acts_as is None:
        assert assert_fixed_refusal(response, credential.scenario)
        return
    kind = PROVIDER[acts_as]
    if operation not in SERVES[kind]:
        assert_refusal(response, 400, "FEATURE_NOT_SUPPORTED")
        if kind in CALLING:
            assert response.json()["error"] != UNSUPPORTED  # it says which numbers have the operation
        else:  # a number that cannot call gets the documented message for every Calls operation
            assert catalogue.BY_ID[operation].area == "calls"
            assert response.json()["error"] == UNSUPPORTED
    elif acts_as == "web-disconnected":
        assert_refusal(response, 409, "WHATSAPP_INSTANCE_NOT_CONNECTED", "WhatsApp instance not connected")
    elif CALL_UNKNOWN in path:
        assert_refusal(response, 404, "CALL_NOT_FOUND")
    elif TEMPLATE_UNKNOWN in path:
        assert_refusal(response, 404, "TEMPLATE_NOT_FOUND")
    elif MESSAGE_UNKNOWN in path:
        assert_refusal(response, 404, "MESSAGE_NOT_FOUND")
    elif acts_as == "relay-only" and operation == "get_calls":
        assert response.json() == {"calls": [], "notice": "PII_RELAY_ONLY"}
    elif operation == "get_messages_group" and kind == "META":  # groups are for web numbers: the handler says so
        assert_refusal(response, 400, "NOT_SUPPORTED_FOR_META")
    elif operation == "get_media_mediaId":  # the documented example's phoneNumberId is no Meta number of the sandbox
        assert_refusal(response, 400, None)
        assert "phoneNumberId" in response.json()["error"]
    else:
        assert response.status_code == catalogue.BY_ID[operation].success_status, response.text


@pytest.mark.parametrize("operation", sorted(HELPERS))
@pytest.mark.parametrize("credential", CREDENTIALS, ids=str)
def test_each_key_gets_its_answer_for_each_helper(api: SandboxClient, credential: Credential, operation: str) -> None:
    method, path, kwargs = HELPERS[operation]
    response = send(api, credential, method, path, **kwargs)
    acts_as = credential.acts_as
    if acts_as is None:
        assert assert_fixed_refusal(response, credential.scenario)
    elif operation in CALLS_HELPERS and PROVIDER[acts_as] not in CALLING:  # the clock and events serve it
        assert_refusal(response, 400, "FEATURE_NOT_SUPPORTED", UNSUPPORTED)
    elif acts_as == "web-disconnected" and operation in AREA_HELPERS:
        assert_refusal(response, 409, "WHATSAPP_INSTANCE_NOT_CONNECTED")
    elif operation == "sandbox_hangup_call":
        assert_refusal(response, 404, "CALL_NOT_FOUND")
    else:
        assert response.status_code == 200, response.text


@pytest.mark.parametrize("operation", OPERATIONS)
@pytest.mark.parametrize("credential", CREDENTIALS, ids=str)
def test_an_invalid_request_is_refused_at_the_step_of_the_order(
    api: SandboxClient, credential: Credential, operation: str
) -> None:
    # An empty x-whatsapp-number-id is invalid for every operation (minLength 1); the scope checks come before
    # validation (tenant 403, rate-limited 429), the provider and connection checks after it.
    method, path, kwargs = api_request(operation, PROVIDER.get(credential.acts_as or "meta", "META"))
    response = api.request(method, path, key=credential.scenario, headers={"x-whatsapp-number-id": ""}, **kwargs)
    if credential.scenario == "tenant":
        assert_refusal(response, 403, "TENANT_SCOPE_NOT_ALLOWED")
    elif credential.scenario == "rate-limited":
        assert_refusal(response, 429, None)
    else:
        assert_refusal(response, 400, None)
        assert response.json()["error"].startswith("Validation error")
        assert "x-whatsapp-number-id" in response.json()["error"]


@pytest.mark.parametrize("scenario", ["web-disconnected", "unsupported-provider"])
def test_a_bad_body_is_a_validation_error_before_the_numbers_refusal(api: SandboxClient, scenario: str) -> None:
    response = api.post("/v1/calls", key=scenario, json={"to": "not a phone"})
    assert_refusal(response, 400, None)
    assert "to" in response.json()["error"]


def test_a_tenant_key_naming_an_unknown_number_is_refused_with_the_ids_it_may_name(api: SandboxClient) -> None:
    response = api.get("/v1/calls", key="tenant", number_id="num_elsewhere")
    assert_refusal(response, 403, "TENANT_SCOPE_NOT_ALLOWED")
    assert all(number_id in response.json()["error"] for number_id in NUMBER_IDS.values())
    assert "num_elsewhere" not in response.json()["error"]


@pytest.mark.parametrize("kind", ["meta", "web"])
def test_a_tenant_key_sees_the_same_calls_as_the_numbers_own_key(api: SandboxClient, kind: str) -> None:
    call = api.incoming(key="tenant", caller="+5511977776666", number_id=NUMBER_IDS[kind])
    own = api.ok("GET", "/v1/calls", key=kind, params={"limit": "5"})
    as_tenant = api.ok("GET", "/v1/calls", key="tenant", number_id=NUMBER_IDS[kind], params={"limit": "5"})
    assert own == as_tenant
    assert own["calls"][0]["id"] == call["id"]
    assert api.events(key=kind)[-1]["callId"] == call["id"]


def test_a_numbers_own_key_ignores_the_number_header(api: SandboxClient) -> None:
    own = api.ok("GET", "/v1/calls", key="meta", params={"limit": "3"})
    with_header = api.ok("GET", "/v1/calls", key="meta", number_id=NUMBER_IDS["web"], params={"limit": "3"})
    assert own == with_header
    assert api.ok("GET", "/v1/calls", key="web", params={"limit": "3"}) != own


@pytest.mark.parametrize("scenario", [scenario.name for scenario in SCENARIOS])
def test_the_key_id_header_gets_the_same_answers(api: SandboxClient, scenario: str) -> None:
    by_id = next(s.api_key_id for s in SCENARIOS if s.name == scenario)
    response = api.request("GET", "/v1/calls/call_unknown", key=scenario)
    only_id = httpx.get(f"{api.sandbox.url}/v1/calls/call_unknown", headers={"x-api-key-id": by_id})
    assert (only_id.status_code, only_id.json()) == (response.status_code, response.json())
    assert KEYS[scenario] not in only_id.text
