"""The contract suite's steering of generated requests (`tests/_contract_steering.py`): valid cases made valid for the
number (sdp, magic peers, sends the sandbox queues, the tenant's number header), invalid ones left invalid, and live
every number called, messaged or written TO, and no group or channel written to."""

from __future__ import annotations

import functools
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.generation import GenerationMode
from schemathesis.generation.case import Case
from schemathesis.generation.hypothesis.examples import generate_one

from pilotstatus_sandbox import SandboxConfig
from pilotstatus_sandbox._backend import Backend
from pilotstatus_sandbox.messages import sending
from tests._contract import load_schema
from tests._contract_steering import (
    NUMBER_HEADER,
    PHONE,
    PHONE_FIELDS,
    SDP_OFFER,
    dialable,
    magic_peer,
    phones_replaced,
    steer,
)
from tests._contract_targets import sandbox_targets

TARGETS = {target.name: target for target in sandbox_targets()}
TO = "+5511988880001"


@functools.cache
def _generated(method: str, path: str, mode: GenerationMode) -> Any:
    return generate_one(load_schema()[path][method].as_strategy(generation_mode=mode))


def case(method: str, path: str, mode: GenerationMode = GenerationMode.POSITIVE, **parts: Any) -> Case[Any]:
    """A generated case of the operation in `mode`, with `parts` replacing what was generated."""
    generated = _generated(method, path, mode)
    fields = {name: getattr(generated, name) for name in ("path_parameters", "headers", "query", "body", "media_type")}
    return Case(generated.operation, generated.method, generated.path, meta=generated.meta, **{**fields, **parts})


def steered(target: str, value: Case[Any], *, to: str | None = None) -> Any:
    """`value` as `steer` leaves it (typed Any: its body and query are read as the JSON they are)."""
    return steer(TARGETS[target], to=to)(None, value)  # type: ignore[arg-type]


def test_a_valid_start_call_gets_an_sdp_on_a_meta_number_and_loses_it_on_a_web_number() -> None:
    body = {"to": "+5511999990010", "sdp": "v=0 (the client's)"}
    assert steered("meta", case("POST", "/v1/calls", body={"to": "+5511999990010"})).body["sdp"] == SDP_OFFER
    assert steered("meta", case("POST", "/v1/calls", body=dict(body))).body["sdp"] == "v=0 (the client's)"
    assert "sdp" not in steered("web", case("POST", "/v1/calls", body=dict(body))).body


def test_a_valid_accept_gets_an_sdp_on_a_meta_number_and_loses_it_on_a_web_number() -> None:
    accept = case("POST", "/v1/calls/{callId}/accept", body={})
    assert steered("meta", accept).body == {"sdp": SDP_OFFER}
    answered = case("POST", "/v1/calls/{callId}/accept", body={"sdp": "v=0", "sdpType": "answer"})
    assert steered("web", answered).body == {"sdpType": "answer"}


@given(st.from_regex(PHONE, fullmatch=True), st.sampled_from(["META", "EVO_GO"]))
def test_a_magic_peer_is_still_a_phone_number_with_the_same_digits_but_the_last_four(to: str, provider: str) -> None:
    peer = magic_peer(to, provider)
    assert PHONE.fullmatch(peer)
    assert peer[:-4] == to[:-4]
    assert peer == to or peer[-4:] in (("0001", "0003") if provider == "META" else ("0001", "0002", "0003"))
    assert magic_peer(to, provider) == peer  # the same peer for the same number, every run


def test_three_valid_start_calls_in_four_go_to_a_magic_peer() -> None:
    numbers = [f"+5511{n:06d}5" for n in range(1000)]  # none of them a magic peer
    magic = sum(magic_peer(to, "EVO_GO")[-4:] in ("0001", "0002", "0003") for to in numbers)
    assert 700 <= magic <= 800  # a checksum's share: three in four, give or take


def test_an_invalid_case_keeps_what_makes_it_invalid() -> None:
    invalid = case("POST", "/v1/calls", GenerationMode.NEGATIVE, body={"to": "+5511999990010", "sdp": 7})
    assert steered("meta", invalid).body == {"to": "+5511999990010", "sdp": 7}
    assert steered("web", invalid).body == {"to": "+5511999990010", "sdp": 7}


def test_the_tenant_acting_on_a_number_names_it_on_every_request_whose_headers_are_valid() -> None:
    listed = steered("tenant+num_sandbox_meta", case("GET", "/v1/calls", headers={NUMBER_HEADER: "random"}))
    assert listed.headers[NUMBER_HEADER] == "num_sandbox_meta"
    assert NUMBER_HEADER not in (steered("meta", case("GET", "/v1/calls", headers={})).headers or {})


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
@pytest.mark.parametrize("to", ["+5511999990010", "5511 99999 0010", "+55119999900\uff11\uff10", "+5511999990010\n"])
def test_live_every_number_called_or_asked_is_to_valid_request_or_not(mode: GenerationMode, to: str) -> None:
    """A number with spaces, fullwidth digits or a newline is invalid, but a lenient server might call it."""
    start = steered("meta", case("POST", "/v1/calls", mode, body={"to": to, "sdp": 7}), to=TO)
    assert start.body["to"] == TO
    asked = steered("meta", case("POST", "/v1/calls/permissions/request", mode, body={"to": to}), to=TO)
    assert asked.body["to"] == TO
    probed = steered("meta", case("GET", "/v1/calls/permissions", mode, query={"to": to}), to=TO)
    assert probed.query["to"] == TO


@pytest.mark.parametrize("to", ["", "abc", "+55 11", 5511999990010, None])
def test_live_a_to_that_cannot_be_a_number_is_sent_as_generated(to: Any) -> None:
    start = steered("meta", case("POST", "/v1/calls", GenerationMode.NEGATIVE, body={"to": to}), to=TO)
    assert start.body == {"to": to}


def test_a_phone_number_needs_seven_digits_of_any_script() -> None:
    assert dialable("+5511999")
    assert not dialable("+551199")  # six digits: not yet
    assert dialable("٥٥١١٩٩٩")  # Arabic-Indic digits


_SEND_CASES = load_schema()["/v1/messages/send"]["POST"].as_strategy(generation_mode=GenerationMode.POSITIVE)


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(generated=_SEND_CASES, target=st.sampled_from(["meta", "web", "relay-only", "unsupported-provider"]))
def test_a_valid_send_steered_for_any_number_is_one_the_sandbox_takes(generated: Case[Any], target: str) -> None:
    backend = Backend(SandboxConfig(calls=0, manual_clock=True))
    scenario = TARGETS[target].scenario
    assert scenario is not None
    assert scenario.number_id is not None
    number = backend.number(scenario.number_id)
    assert number is not None
    body = steered(target, generated).body
    assert sending.send(backend, number, body)["status"] == "QUEUED"


BUTTON = {"type": "call", "label": "Ligue", "phoneNumber": "+5511977770099"}


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
@pytest.mark.parametrize("number", ["+5511999990010", "5511 99999 0010", "+55119999900\uff11\uff10", "user.BR.0f9c2a"])
def test_live_a_message_goes_to_to_and_every_button_calls_to_valid_request_or_not(
    mode: GenerationMode, number: str
) -> None:
    """A destination may be a user's BSUID (no digits to count): any non-blank one is TO; a button's number is TO when
    it could be dialled."""
    body = {"destinationNumber": number, "text": "Oi", "buttons": [{**BUTTON, "phoneNumber": "+55 11 97777 0099"}]}
    sent = steered("meta", case("POST", "/v1/messages/send", mode, body=body), to=TO).body
    assert sent["destinationNumber"] == TO
    assert sent["buttons"] == [{**BUTTON, "phoneNumber": TO}]


@pytest.mark.parametrize("destination", ["", " ", 5511999990010, None])
def test_live_a_destination_that_names_nobody_is_sent_as_generated(destination: Any) -> None:
    body = {"destinationNumber": destination, "text": "Oi"}
    sent = steered("web", case("POST", "/v1/messages/send", GenerationMode.NEGATIVE, body=dict(body)), to=TO).body
    assert sent == body


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
@pytest.mark.parametrize(
    "destination",
    [
        {"groupId": "120363025246125486@g.us"},
        {"newsletterId": "1203630@newsletter"},
        {"groupId": 7, "newsletterId": ""},
    ],
)
def test_live_a_send_never_names_a_group_or_a_channel(mode: GenerationMode, destination: dict[str, Any]) -> None:
    body = {**destination, "destinationNumber": "+5511999990010", "text": "Oi"}
    sent = steered("web", case("POST", "/v1/messages/send", mode, body=body), to=TO).body
    assert sent == {"destinationNumber": TO, "text": "Oi"}


JSON_LEAVES = st.none() | st.booleans() | st.integers() | st.text(alphabet="+0123456789 ab", max_size=16)
PHONE_KEYS = st.sampled_from([*sorted(PHONE_FIELDS), "label", "text", "groupId"])


@given(
    st.recursive(
        JSON_LEAVES,
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(PHONE_KEYS, inner, max_size=4),
        max_leaves=12,
    )
)
def test_live_no_phone_number_but_to_is_left_anywhere_in_a_body(body: Any) -> None:
    """A property over any nesting of objects and lists: every phone field that could name someone is TO afterwards,
    and nothing else changed."""
    replaced = phones_replaced(body, TO)

    def check(before: Any, after: Any) -> None:
        if isinstance(before, list):
            assert isinstance(after, list)
            assert len(after) == len(before)
            for old, new in zip(before, after, strict=True):
                check(old, new)
        elif isinstance(before, dict):
            assert isinstance(after, dict)
            assert after.keys() == before.keys()
            for name, old in before.items():
                reaches = name in PHONE_FIELDS and isinstance(old, str)
                if reaches and (dialable(old) or (name == "destinationNumber" and old.strip())):
                    assert after[name] == TO
                else:
                    check(old, after[name])
        else:
            assert after == before

    check(body, replaced)


def test_an_invalid_send_keeps_what_makes_it_invalid() -> None:
    invalid = {"groupId": "1203630@g.us", "destinationNumber": 7, "text": ["Oi"]}
    assert (
        steered("meta", case("POST", "/v1/messages/send", GenerationMode.NEGATIVE, body=dict(invalid))).body == invalid
    )
