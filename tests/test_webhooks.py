"""`pilotstatus.webhooks`: a delivery signed with the secret verifies and nothing else does, whatever shape the web
framework gives its headers; a verified body reads as a typed event, each field of the type it declares or a payload
error naming the field, and whatever this SDK does not know (an event, a field, a value added later, a native provider
event) comes back kept, never as an error, a field or value of a known event with one drift warning."""

from __future__ import annotations

import datetime
import email.message
import hashlib
import hmac
import json
import logging
import math
import subprocess
import sys
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from typing import Any, Literal, cast

import attrs
import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from starlette.datastructures import Headers as StarletteHeaders

import pilotstatus
from pilotstatus import InvalidInputError, PilotStatusError, webhooks
from pilotstatus._drift import DriftRecord, _type_hints
from pilotstatus.webhooks import (
    SIGNATURE_HEADER,
    CallPermissionWebhookEvent,
    CallWebhookEvent,
    UnknownWebhookEvent,
    WebhookError,
    WebhookPayloadError,
    WebhookVerificationError,
    parse,
    sign,
    unwrap,
    verify,
)
from pilotstatus_api.models import CallEvent, CallPermissionUpdatedEvent
from pilotstatus_api.webhook_schemas import WEBHOOK_SCHEMAS
from tests._spec import load_spec, media_examples, webhook_operations

SECRET = "whsec_3c1b7f0e2a9d4c68b5e1f7a2d9c0b4e6"

# Every example body of the spec's `webhooks` section, by event name.
DOCUMENTED = {
    name: example
    for name, _, operation in webhook_operations(load_spec())
    for example in media_examples(operation["requestBody"]["content"]["application/json"])
}
CALL_ENDED = DOCUMENTED["call.ended"]
CALL_EVENT_NAMES = ["call.ringing", "call.connected", "call.ended", "call.missed"]


# Secrets that no message could hold by chance (a one-letter secret is in every sentence).
secrets = st.text("0123456789abcdefghijklmnopqrstuvwxyz", min_size=16, max_size=40).map(lambda text: "whsec_" + text)


def body_of(payload: dict[str, Any]) -> bytes:
    """A body as Pilot Status sends it: compact JSON, UTF-8."""
    return json.dumps(payload, separators=(",", ":")).encode()


def signed(payload: dict[str, Any], secret: str = SECRET) -> tuple[bytes, dict[str, str]]:
    body = body_of(payload)
    return body, {SIGNATURE_HEADER: sign(body, secret)}


def assert_keeps_secrets(error: BaseException, body: bytes, secret: str = SECRET) -> None:
    """The message names neither the secret nor the signature the body should have had."""
    message = str(error)
    assert secret not in message
    expected = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    assert expected not in message.lower()


# --- signing and verifying ------------------------------------------------------------------------------------


def test_the_signature_is_the_hex_hmac_sha256_of_the_body_keyed_with_the_secret() -> None:
    # RFC 4231, test case 2.
    digest = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
    assert sign(b"what do ya want for nothing?", "Jefe") == digest
    verify(b"what do ya want for nothing?", digest, "Jefe")


@given(payload=st.binary(max_size=2000), secret=st.text(min_size=1, max_size=64))
def test_any_payload_signed_with_the_secret_verifies_in_every_accepted_spelling(payload: bytes, secret: str) -> None:
    signature = sign(payload, secret)
    for spelling in (signature, signature.upper(), f"sha256={signature}", f"SHA256={signature}", f" {signature}\n"):
        verify(payload, spelling, secret)


@given(payload=st.text(max_size=500), secret=st.text(min_size=1, max_size=64))
def test_a_text_payload_is_verified_as_its_utf8_bytes(payload: str, secret: str) -> None:
    body = payload.encode()
    assert sign(payload, secret) == sign(body, secret)
    verify(payload, sign(body, secret), secret)
    verify(body, sign(payload, secret), secret)


@given(
    payload=st.binary(min_size=1, max_size=2000),
    secret=secrets,
    data=st.data(),
)
def test_any_one_byte_change_of_the_body_fails_and_the_message_keeps_the_secrets(
    payload: bytes, secret: str, data: st.DataObject
) -> None:
    signature = sign(payload, secret)
    index = data.draw(st.integers(0, len(payload) - 1), label="index")
    byte = data.draw(st.integers(0, 255).filter(lambda value: value != payload[index]), label="byte")
    changed = payload[:index] + bytes([byte]) + payload[index + 1 :]

    with pytest.raises(WebhookVerificationError) as caught:
        verify(changed, signature, secret)
    assert "does not match" in str(caught.value)
    assert caught.value.payload == changed
    assert_keeps_secrets(caught.value, changed, secret)


@given(payload=st.binary(max_size=500), secret=secrets, other=st.text(min_size=1))
def test_a_body_signed_with_another_secret_fails(payload: bytes, secret: str, other: str) -> None:
    if other == secret:
        return  # the same key
    with pytest.raises(WebhookVerificationError) as caught:
        verify(payload, sign(payload, other), secret)
    assert_keeps_secrets(caught.value, payload, secret)


@given(payload=st.binary(max_size=500), index=st.integers(0, 63), digit=st.sampled_from("0123456789abcdef"))
def test_any_change_of_one_digit_of_the_signature_fails(payload: bytes, index: int, digit: str) -> None:
    signature = sign(payload, SECRET)
    if signature[index] == digit:
        return
    with pytest.raises(WebhookVerificationError):
        verify(payload, signature[:index] + digit + signature[index + 1 :], SECRET)


def test_a_tampered_event_fails_verification_before_it_is_read() -> None:
    body, headers = signed(CALL_ENDED)
    tampered = body.replace(b'"duration":120', b'"duration":12000')
    assert tampered != body
    with pytest.raises(WebhookVerificationError):
        unwrap(tampered, headers, SECRET)
    assert unwrap(body, headers, SECRET).raw == CALL_ENDED


def test_the_digests_are_compared_in_constant_time(monkeypatch: pytest.MonkeyPatch) -> None:
    compared: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def spy(first: bytes, second: bytes) -> bool:
        compared.append((first, second))
        return real(first, second)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    verify(b"{}", sign(b"{}", SECRET), SECRET)
    with pytest.raises(WebhookVerificationError):
        verify(b"{}", sign(b"[]", SECRET), SECRET)
    assert len(compared) == 2
    assert all(len(first) == len(second) == 32 for first, second in compared)


MALFORMED = {
    "empty": "",
    "blank": "   ",
    "too short": "ab" * 31,
    "too long": "ab" * 33,
    "not hex": "zz" * 32,
    "another scheme": "sha1=" + "ab" * 32,
    "two signatures": "ab" * 32 + "," + "cd" * 32,
    "a prefix only": "sha256=",
    "not text": None,
}


@pytest.mark.parametrize("signature", MALFORMED.values(), ids=MALFORMED.keys())
def test_a_missing_or_malformed_signature_fails_verification(signature: Any) -> None:
    with pytest.raises(WebhookVerificationError) as caught:
        verify(b"{}", signature, SECRET)
    assert SIGNATURE_HEADER in str(caught.value)
    assert_keeps_secrets(caught.value, b"{}")


@pytest.mark.parametrize("secret", ["", None], ids=["empty", "None"])
def test_no_secret_is_a_usage_error_naming_the_secret(secret: Any) -> None:
    body, headers = signed(CALL_ENDED)
    for call in (lambda: verify(body, headers[SIGNATURE_HEADER], secret), lambda: unwrap(body, headers, secret),
                 lambda: unwrap(body, {}, secret), lambda: sign(body, secret)):  # fmt: skip
        with pytest.raises(InvalidInputError) as caught:
            call()
        assert isinstance(caught.value, ValueError)
        assert caught.value.argument == "secret"
        assert caught.value.problem == InvalidInputError.MISSING
        assert "secret" in str(caught.value)


def test_a_parsed_body_instead_of_the_raw_one_is_a_usage_error_naming_the_payload() -> None:
    with pytest.raises(InvalidInputError) as caught:
        verify(cast(Any, CALL_ENDED), sign(body_of(CALL_ENDED), SECRET), SECRET)
    assert caught.value.argument == "payload"
    assert "raw request body" in str(caught.value)


@pytest.mark.parametrize(
    "headers",
    [
        lambda signature: {SIGNATURE_HEADER: signature},
        lambda signature: {"X-Pilot-Status-Signature": signature, "Content-Type": "application/json"},
        lambda signature: {"X-PILOT-STATUS-SIGNATURE": signature},
        lambda signature: httpx.Headers({"X-Pilot-Status-Signature": signature}),
    ],
    ids=["lower case", "title case", "upper case", "httpx.Headers"],
)
def test_the_signature_header_is_found_whatever_its_case(headers: Any) -> None:
    body = body_of(CALL_ENDED)
    event = unwrap(body, headers(sign(body, SECRET)), SECRET)
    assert isinstance(event, CallWebhookEvent)


def test_a_delivery_without_the_signature_header_is_refused_naming_it() -> None:
    with pytest.raises(WebhookVerificationError) as caught:
        unwrap(body_of(CALL_ENDED), {"content-type": "application/json"}, SECRET)
    assert SIGNATURE_HEADER in str(caught.value)


def test_a_body_that_is_not_json_with_a_bad_signature_is_a_verification_error() -> None:
    with pytest.raises(WebhookVerificationError):
        unwrap(b"not json", {SIGNATURE_HEADER: sign(b"other", SECRET)}, SECRET)


def test_the_errors_are_in_the_exception_tree_and_exported() -> None:
    assert issubclass(WebhookVerificationError, WebhookError)
    assert issubclass(WebhookPayloadError, WebhookError)
    assert issubclass(WebhookError, PilotStatusError)
    assert issubclass(WebhookPayloadError, ValueError)
    assert not issubclass(WebhookVerificationError, ValueError)
    assert (pilotstatus.WebhookError, pilotstatus.WebhookVerificationError, pilotstatus.WebhookPayloadError) == (
        WebhookError,
        WebhookVerificationError,
        WebhookPayloadError,
    )


# --- reading the events ---------------------------------------------------------------------------------------


def instant(text: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(text)


@pytest.mark.parametrize("name", CALL_EVENT_NAMES)
def test_every_documented_call_event_reads_with_its_fields_typed(name: str) -> None:
    payload = DOCUMENTED[name]
    event = unwrap(*signed(payload), SECRET)

    assert isinstance(event, CallWebhookEvent)
    assert isinstance(event.model, CallEvent)
    assert (event.event, event.call_id, event.external_call_id, event.status) == (
        name,
        payload["callId"],
        payload["externalCallId"],
        payload["status"],
    )
    assert (event.direction, event.from_, event.to) == (payload["direction"], payload["from"], payload["to"])
    assert event.timestamp == instant(payload["timestamp"])
    assert event.timestamp.utcoffset() == datetime.timedelta(0)
    assert event.duration == payload.get("duration")
    assert event.raw == payload


def test_call_ended_reads_its_duration_and_the_callback_data_as_given() -> None:
    event = unwrap(*signed({**CALL_ENDED, "bizOpaqueCallbackData": "order-42"}), SECRET)
    assert isinstance(event, CallWebhookEvent)
    assert (event.duration, event.biz_opaque_callback_data) == (120, "order-42")
    assert isinstance(event.duration, int)
    assert "call_1" in repr(event)
    assert "COMPLETED" in repr(event)


def test_the_documented_permission_event_reads_with_its_fields_typed() -> None:
    payload = DOCUMENTED["call.permission_updated"]
    event = unwrap(*signed(payload), SECRET)

    assert isinstance(event, CallPermissionWebhookEvent)
    assert isinstance(event.model, CallPermissionUpdatedEvent)
    assert (event.event, event.status, event.call_id, event.direction) == (
        "call.permission_updated",
        "TEMPORARY",
        None,
        None,
    )
    assert (event.from_, event.to) == (payload["from"], payload["to"])
    assert event.timestamp == instant(payload["timestamp"])
    assert event.raw == payload


NOT_OURS = {
    "an event added later": {"event": "call.on_hold", "callId": "call_1", "timestamp": "2026-07-03T15:00:00.000Z"},
    "a number event": {"event": "number.connected", "data": {"numberId": "num_1", "phone": "+5511888888888"}},
    "a message event added later": {"event": "message.edited", "data": {"id": "msg_1"}},
    "a native Evolution GO event": {
        "event": "CallOffer",
        "instance": "inst_1",
        "data": {"CallID": "ABC123", "From": "5511999999999@s.whatsapp.net", "Timestamp": 1751554925},
    },
    "a native Evolution GO hang-up": {"event": "CallTerminate", "instance": "inst_1", "data": {"Reason": "timeout"}},
    "an event of another case": {"event": "CALL.ENDED", "status": "COMPLETED"},
}


@pytest.mark.parametrize("payload", NOT_OURS.values(), ids=NOT_OURS.keys())
def test_an_event_this_sdk_does_not_know_comes_back_generic_with_its_name(payload: dict[str, Any]) -> None:
    event = unwrap(*signed(payload), SECRET)
    assert event == UnknownWebhookEvent(payload["event"], payload)
    assert payload["event"] in repr(event)


META_ENVELOPE = {
    "object": "whatsapp_business_account",
    "entry": [
        {
            "id": "1234",
            "changes": [
                {
                    "field": "calls",
                    "value": {
                        "messaging_product": "whatsapp",
                        "calls": [{"id": "wacid.ABGG", "event": "connect", "session": {"sdp_type": "offer"}}],
                    },
                }
            ],
        }
    ],
}


@pytest.mark.parametrize(
    "payload",
    [META_ENVELOPE, {}, {"event": 42, "status": "RINGING"}, {"event": None}, {"event": ["call.ended"]}],
    ids=["Meta's calls envelope", "an empty object", "a number as the event", "a null event", "a list as the event"],
)
def test_a_body_without_an_event_name_comes_back_generic_without_one(payload: dict[str, Any]) -> None:
    assert unwrap(*signed(payload), SECRET) == UnknownWebhookEvent(None, payload)


def test_fields_added_later_are_kept_in_raw_and_in_the_model() -> None:
    payload = {**CALL_ENDED, "recordingUrl": "https://example.test/r/1", "labels": {"team": "sales"}}
    event = unwrap(*signed(payload), SECRET)
    assert isinstance(event, CallWebhookEvent)
    assert event.raw == payload
    assert event.model.additional_properties == {
        "recordingUrl": "https://example.test/r/1",
        "labels": {"team": "sales"},
    }


def test_values_this_sdk_does_not_know_read_as_plain_strings() -> None:
    call = unwrap(*signed({**CALL_ENDED, "status": "ON_HOLD", "direction": "SIDEWAYS"}), SECRET)
    assert isinstance(call, CallWebhookEvent)
    assert (call.status, call.direction) == ("ON_HOLD", "SIDEWAYS")
    permission = unwrap(*signed({**DOCUMENTED["call.permission_updated"], "status": "REVOKED"}), SECRET)
    assert isinstance(permission, CallPermissionWebhookEvent)
    assert permission.status == "REVOKED"


# A call event with only the keys its schema requires, the nullable ones null.
MINIMAL_CALL = {"event": "call.missed", "callId": None, "direction": None, "status": "MISSED", "from": None, "to": None,
                "timestamp": "2026-07-03T15:00:30Z"}  # fmt: skip
MINIMAL_PERMISSION = {**MINIMAL_CALL, "event": "call.permission_updated", "status": "PERMANENT"}


def test_a_call_event_with_only_the_required_fields_null_reads_none_for_them_and_the_others() -> None:
    event = unwrap(*signed(MINIMAL_CALL), SECRET)
    assert isinstance(event, CallWebhookEvent)
    optional = (event.call_id, event.external_call_id, event.direction, event.from_, event.to, event.duration)
    assert optional == (None,) * 6
    assert event.timestamp == datetime.datetime(2026, 7, 3, 15, 0, 30, tzinfo=datetime.UTC)


@pytest.mark.parametrize("payload", [MINIMAL_CALL, MINIMAL_PERMISSION], ids=["call event", "permission event"])
@pytest.mark.parametrize("key", ["callId", "direction", "from", "to"])
def test_a_call_event_without_a_key_the_official_sdk_requires_is_a_payload_error_naming_it(
    payload: dict[str, Any], key: str
) -> None:
    """They may be null, but not absent: the official SDK's parser refuses such a body too."""
    with pytest.raises(WebhookPayloadError) as caught:
        unwrap(*signed({name: value for name, value in payload.items() if name != key}), SECRET)
    assert f"has no `{key}`" in str(caught.value)


def timestamps() -> st.SearchStrategy[str]:
    """Instants with a zone, written as ISO 8601 with a `Z` or an offset, to the millisecond or not."""
    offsets = st.integers(-14 * 60, 14 * 60).map(lambda minutes: datetime.timezone(datetime.timedelta(minutes=minutes)))
    moments = st.datetimes(
        min_value=datetime.datetime(1971, 1, 1), max_value=datetime.datetime(9998, 1, 1), timezones=offsets
    )
    return st.builds(
        lambda moment, zulu, timespec: (
            moment.astimezone(datetime.UTC).isoformat(timespec=timespec).replace("+00:00", "Z")
            if zulu
            else moment.isoformat(timespec=timespec)
        ),
        moments,
        st.booleans(),
        st.sampled_from(["seconds", "milliseconds", "microseconds"]),
    )


nullable_text = st.none() | st.text(max_size=20)
call_fields = st.fixed_dictionaries(
    {
        "event": st.sampled_from(CALL_EVENT_NAMES),
        "callId": nullable_text,
        "direction": st.none() | st.sampled_from(["INBOUND", "OUTBOUND"]) | st.text(),
        "status": st.sampled_from(["RINGING", "ACCEPTED", "COMPLETED", "FAILED", "REJECTED", "MISSED"]) | st.text(),
        "from": nullable_text,
        "to": st.none() | st.from_regex(r"\A[0-9]{7,15}\Z"),
        "timestamp": timestamps(),
    },
    optional={
        "externalCallId": nullable_text,
        "duration": st.integers(0, 10**6),
        "bizOpaqueCallbackData": nullable_text,
    },
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=10,
)
# The keys of a call event's schema: a field added later is any other.
CALL_EVENT_KEYS = set(load_spec()["components"]["schemas"]["CallEvent"]["properties"])
later_fields = st.dictionaries(
    st.text(min_size=1, max_size=12).filter(lambda key: key not in CALL_EVENT_KEYS),
    json_values,
    max_size=4,
)


@given(fields=call_fields, later=later_fields)
def test_any_call_event_reads_every_field_and_keeps_every_other(fields: dict[str, Any], later: dict[str, Any]) -> None:
    payload = {**later, **fields}
    event = unwrap(*signed(payload), SECRET)

    assert isinstance(event, CallWebhookEvent)
    assert event.raw == payload
    assert (event.event, event.status) == (fields["event"], fields["status"])
    assert event.timestamp == instant(fields["timestamp"])
    assert event.timestamp.utcoffset() is not None
    assert (event.call_id, event.direction, event.to, event.duration) == tuple(
        fields.get(key) for key in ("callId", "direction", "to", "duration")
    )
    assert event.model.additional_properties == later


@given(
    name=st.text(max_size=30).filter(
        lambda name: name not in {*CALL_EVENT_NAMES, "call.permission_updated", *webhooks.MESSAGE_EVENTS}
    )
)
def test_any_other_event_name_comes_back_generic(name: str) -> None:
    payload = {"event": name, "status": "RINGING", "timestamp": "not even a date"}
    assert unwrap(*signed(payload), SECRET) == UnknownWebhookEvent(name, payload)


NOT_AN_OBJECT = {
    "not JSON": (b"<html>oops</html>", "not JSON"),
    "cut short": (b'{"event": "call.ended"', "not JSON"),
    "not UTF-8": (b'{"event": "\xff"}', "not JSON"),
    "empty": (b"", "not JSON"),
    "an array": (b"[1, 2]", "an array"),
    "a string": (b'"call.ended"', "a string"),
    "a number": (b"42", "a number"),
    "null": (b"null", "null"),
    "nested too deep": (b"[" * 100_000 + b"]" * 100_000, "not JSON"),
}


@pytest.mark.parametrize(("body", "said"), NOT_AN_OBJECT.values(), ids=NOT_AN_OBJECT.keys())
def test_a_signed_body_that_is_not_a_json_object_is_a_payload_error(body: bytes, said: str) -> None:
    with pytest.raises(WebhookPayloadError) as caught:
        unwrap(body, {SIGNATURE_HEADER: sign(body, SECRET)}, SECRET)
    assert said in str(caught.value)
    assert caught.value.payload == body
    assert "\n" not in str(caught.value)


BROKEN_EVENTS = {
    "no timestamp": ({key: value for key, value in CALL_ENDED.items() if key != "timestamp"}, "has no `timestamp`"),
    "no status": ({key: value for key, value in MINIMAL_CALL.items() if key != "status"}, "has no `status`"),
    "a timestamp that is no date": ({**CALL_ENDED, "timestamp": "yesterday"}, "'yesterday' is not an ISO 8601"),
    "a timestamp as a number": ({**CALL_ENDED, "timestamp": 1751554925}, "is a number"),
    "a timestamp without a zone": ({**CALL_ENDED, "timestamp": "2026-07-03T15:02:05"}, "has no time zone"),
    "a permission event without a timestamp": (
        {key: value for key, value in MINIMAL_PERMISSION.items() if key != "timestamp"},
        "has no `timestamp`",
    ),
}


@pytest.mark.parametrize(("payload", "said"), BROKEN_EVENTS.values(), ids=BROKEN_EVENTS.keys())
def test_a_documented_event_its_schema_refuses_is_a_payload_error_naming_the_field(
    payload: dict[str, Any], said: str
) -> None:
    with pytest.raises(WebhookPayloadError) as caught:
        unwrap(*signed(payload), SECRET)
    assert said in str(caught.value)
    assert payload["event"] in str(caught.value)


def test_parse_reads_an_event_without_a_signature_from_bytes_text_or_a_dict() -> None:
    for given_payload in (body_of(CALL_ENDED), body_of(CALL_ENDED).decode(), CALL_ENDED):
        event = parse(given_payload)
        assert isinstance(event, CallWebhookEvent)
        assert event.raw == CALL_ENDED


# --- the checks of a known event --------------------------------------------------------------------------------


WRONG_TYPES = {
    "a duration as a string": ({"duration": "abc"}, "`duration` is a string, not an integer"),
    "a duration as a boolean": ({"duration": True}, "`duration` is true, not an integer"),
    "a duration with a fraction": ({"duration": 1.5}, "`duration` is a number, not an integer"),
    "a negative duration": ({"duration": -1}, "`duration` is -1, below its minimum of 0"),
    "a status as a number": ({"status": 123}, "`status` is a number, not a string"),
    "a null status": ({"status": None}, "`status` is null, not a string"),
    "a call id as an object": ({"callId": {"x": 1}}, "`callId` is an object, not a string or null"),
    "a direction as an array": ({"direction": ["INBOUND"]}, "`direction` is an array, not a string or null"),
    "from as a number": ({"from": 5511888888888}, "`from` is a number, not a string or null"),
    "an external call id as a boolean": ({"externalCallId": False}, "`externalCallId` is false, not a string or null"),
    "callback data as a number": (
        {"bizOpaqueCallbackData": 42},
        "`bizOpaqueCallbackData` is a number, not a string or null",
    ),
    "a null timestamp": ({"timestamp": None}, "`timestamp` is null, not a string"),
}


@pytest.mark.parametrize(("change", "said"), WRONG_TYPES.values(), ids=WRONG_TYPES.keys())
def test_a_signed_call_event_with_a_field_of_the_wrong_type_is_a_payload_error_naming_it(
    change: dict[str, Any], said: str
) -> None:
    payload = {**CALL_ENDED, **change}
    with pytest.raises(WebhookPayloadError) as caught:
        unwrap(*signed(payload), SECRET)
    assert str(caught.value) == f"the call.ended event's {said}"
    assert caught.value.payload == body_of(payload)


def test_a_permission_event_with_a_field_of_the_wrong_type_is_a_payload_error_naming_it() -> None:
    for change, said in (({"status": 7}, "`status` is a number"), ({"to": {"n": 1}}, "`to` is an object")):
        with pytest.raises(WebhookPayloadError, match=f"^the call.permission_updated event's {said}, not"):
            unwrap(*signed({**DOCUMENTED["call.permission_updated"], **change}), SECRET)


NOT_FINITE = {
    "NaN": (b'"duration":NaN', "`duration` is NaN"),
    "Infinity": (b'"duration":Infinity', "`duration` is Infinity"),
    "-Infinity": (b'"duration":-Infinity', "`duration` is -Infinity"),
    "1e999": (b'"duration":1e999', "`duration` is Infinity"),
    "-1e999 in a field added later": (b'"score":-1e999', "`score` is -Infinity"),
    "NaN deep in a field added later": (b'"labels":{"a b":[1,{"x":NaN}]}', "`labels['a b'][1].x` is NaN"),
}


@pytest.mark.parametrize(("member", "said"), NOT_FINITE.values(), ids=NOT_FINITE.keys())
def test_a_number_that_is_not_finite_anywhere_in_a_known_event_is_a_payload_error_naming_where(
    member: bytes, said: str
) -> None:
    """Python's json reads them, but none is JSON: a typed `duration` must never be a float('nan')."""
    body = body_of(CALL_ENDED)[:-1] + b"," + member + b"}"
    with pytest.raises(WebhookPayloadError) as caught:
        unwrap(body, {SIGNATURE_HEADER: sign(body, SECRET)}, SECRET)
    assert str(caught.value) == f"the call.ended event's {said}, which is not a JSON number"


def test_a_whole_duration_written_with_a_fraction_reads_as_an_int() -> None:
    event = unwrap(*signed({**CALL_ENDED, "duration": 120.0}), SECRET)
    assert isinstance(event, CallWebhookEvent)
    assert event.duration == 120
    assert type(event.duration) is int
    assert event.raw["duration"] == 120.0  # the body as it came


def test_an_odd_key_is_named_escaped_and_on_one_line() -> None:
    body = body_of(CALL_ENDED)[:-1] + b',"a\\nforged line":NaN}'
    with pytest.raises(WebhookPayloadError) as caught:
        unwrap(body, {SIGNATURE_HEADER: sign(body, SECRET)}, SECRET)
    assert str(caught.value) == "the call.ended event's `['a\\nforged line']` is NaN, which is not a JSON number"


def test_a_value_in_a_message_is_cut_short() -> None:
    with pytest.raises(WebhookPayloadError) as caught:
        unwrap(*signed({**CALL_ENDED, "timestamp": "x" * 10_000}), SECRET)
    assert len(str(caught.value)) < 200
    assert "is not an ISO 8601 date-time" in str(caught.value)


@pytest.mark.parametrize(
    ("change", "said"),
    [
        ({"duration": math.nan}, "`duration` is NaN, which is not a JSON number"),
        ({"duration": -(10**5000)}, "`duration` is an int too long to show, below its minimum of 0"),
        ({"callId": ("call_1",)}, "`callId` is a tuple, which is no JSON value, not a string or null"),
    ],
    ids=["NaN", "an int Python will not write out", "a tuple"],
)
def test_a_dict_given_to_parse_is_checked_as_a_body_is(change: dict[str, Any], said: str) -> None:
    with pytest.raises(WebhookPayloadError) as caught:
        parse({**CALL_ENDED, **change})
    assert str(caught.value) == f"the call.ended event's {said}"


# The webhook schemas are checked by the SDK's one schema walker: a keyword the spec may start using in a webhook
# (as it does in requests) is applied to a delivery too, worded as a delivery's failures are.
SCHEMA_RULES = {
    "pattern": ({"type": "string", "pattern": "^call_"}, "id_1", "`callId` 'id_1' does not match ^call_"),
    "not": ({"type": "string", "not": {"enum": ["call_0"]}}, "call_0", "`callId` is 'call_0', which it must not be"),
    "const": ({"const": "call_1"}, "call_2", "`callId` is 'call_2', not 'call_1'"),
    "maxLength": ({"type": "string", "maxLength": 3}, "call_1", "`callId` is longer than 3 characters"),
}


@pytest.mark.parametrize(("schema", "value", "said"), SCHEMA_RULES.values(), ids=SCHEMA_RULES.keys())
def test_a_rule_a_webhook_schema_states_is_applied_by_the_shared_checker_naming_the_json_key(
    monkeypatch: pytest.MonkeyPatch, schema: dict[str, Any], value: str, said: str
) -> None:
    ended = WEBHOOK_SCHEMAS["call.ended"]
    monkeypatch.setitem(
        WEBHOOK_SCHEMAS, "call.ended", {**ended, "properties": {**ended["properties"], "callId": schema}}
    )
    with pytest.raises(WebhookPayloadError) as caught:
        parse({**CALL_ENDED, "callId": value})
    assert str(caught.value) == f"the call.ended event's {said}"


def test_the_checker_supports_every_keyword_the_webhook_schemas_use() -> None:
    def keywords(node: Any) -> set[str]:
        if isinstance(node, list):
            return set().union(*map(keywords, node)) if node else set()
        if not isinstance(node, dict):
            return set()
        found = set(node)
        for key, value in node.items():
            if key == "properties":
                found |= set().union(*map(keywords, value.values())) if value else set()
            elif key in ("items", "anyOf", "allOf"):
                found |= keywords(value)
        return found

    assert set().union(*map(keywords, WEBHOOK_SCHEMAS.values())) <= webhooks.SUPPORTED
    assert set(WEBHOOK_SCHEMAS) == webhooks.CALL_EVENTS | {webhooks.PERMISSION_EVENT} | webhooks.MESSAGE_EVENTS


# A body for the property below: a known call event whose keys are well formed (or absent when optional) but for a few,
# each absent or any JSON value at all (NaN and the infinities included), with keys added later.
any_json = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)
WELL_FORMED = {
    "callId": nullable_text,
    "direction": st.none() | st.sampled_from(["INBOUND", "OUTBOUND"]) | st.text(max_size=8),
    "status": st.sampled_from(["RINGING", "COMPLETED", "TEMPORARY"]) | st.text(max_size=8),
    "from": nullable_text,
    "to": nullable_text,
    "timestamp": timestamps(),
}
WELL_FORMED_OPTIONAL = {
    "externalCallId": nullable_text,
    "duration": st.integers(0, 10**6) | st.integers(0, 10**6).map(float),
    "bizOpaqueCallbackData": nullable_text,
}
ABSENT = object()


@st.composite
def known_event_bodies(draw: st.DrawFn) -> dict[str, Any]:
    names = sorted(webhooks.CALL_EVENTS | {webhooks.PERMISSION_EVENT})
    payload: dict[str, Any] = {"event": draw(st.sampled_from(names))}
    for key, required in WELL_FORMED.items():
        payload[key] = draw(required, label=key)
    for key, optional in WELL_FORMED_OPTIONAL.items():
        value: object = draw(st.just(ABSENT) | optional, label=key)
        if value is not ABSENT:
            payload[key] = value
    keys = sorted({*WELL_FORMED, *WELL_FORMED_OPTIONAL})
    for key in draw(st.lists(st.sampled_from(keys), max_size=2, unique=True), label="broken"):
        value = draw(st.just(ABSENT) | any_json | st.sampled_from(["yesterday", "2026-07-03T15:00:30", -1, 1.5]))
        if value is ABSENT:
            payload.pop(key, None)
        else:
            payload[key] = value
    payload.update(draw(later_fields, label="later"))
    return payload


def _holds_its_type(value: object, hint: Any) -> bool:
    """Whether `value` is of the type `hint` declares: a union, a Literal, or a class (a bool is no int)."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        return any(_holds_its_type(value, member) for member in typing.get_args(hint))
    if typing.get_origin(hint) is Literal:
        return value in typing.get_args(hint)
    if hint is type(None):
        return value is None
    if hint is int:
        return type(value) is int
    if hint is datetime.datetime:
        return isinstance(value, datetime.datetime) and value.utcoffset() is not None
    return isinstance(value, hint)


@settings(max_examples=300)
@given(payload=known_event_bodies())
def test_any_signed_call_event_reads_with_every_field_of_its_declared_type_or_is_a_payload_error(
    payload: dict[str, Any],
) -> None:
    body = json.dumps(payload).encode()  # NaN and the infinities written as Python's json writes them
    refused: WebhookPayloadError | None = None
    try:
        event = unwrap(body, {SIGNATURE_HEADER: sign(body, SECRET)}, SECRET)
    except WebhookPayloadError as error:
        refused = error
    if refused is not None:
        assert str(refused).startswith(f"the {payload['event']} event")
        return
    assert isinstance(event, (CallWebhookEvent, CallPermissionWebhookEvent))
    model = event.model
    hints = _type_hints(type(model))
    for field in attrs.fields(type(model)):
        if field.name not in ("additional_properties", "_explicit_nulls"):
            value = getattr(model, field.name)
            assert _holds_its_type(value, hints[field.name]), (field.name, value, hints[field.name])
    assert not any(isinstance(value, float) and not math.isfinite(value) for value in event.raw.values())


# --- headers as web frameworks give them ------------------------------------------------------------------------


class DjangoLikeHeaders(Mapping[str, str]):
    """Shaped as Django's `request.headers` (`HttpHeaders`): a case-insensitive mapping, names as Django writes them
    (`X-Pilot-Status-Signature`)."""

    def __init__(self, headers: dict[str, str]) -> None:
        self._headers = {name.title(): value for name, value in headers.items()}

    def __getitem__(self, name: str) -> str:
        return {key.lower(): value for key, value in self._headers.items()}[name.lower()]

    def __iter__(self) -> Iterator[str]:
        return iter(self._headers)

    def __len__(self) -> int:
        return len(self._headers)


class WerkzeugLikeHeaders:
    """Shaped as werkzeug's `EnvironHeaders` (Flask's `request.headers`), and no more: `.get()` whatever the case,
    and iterating gives (name, value) pairs, not names. No `items()` here: the pairs must be enough."""

    def __init__(self, headers: dict[str, Any]) -> None:
        self._headers = headers

    def get(self, name: str, default: Any = None) -> Any:
        return next((value for key, value in self._headers.items() if key.lower() == name.lower()), default)

    def __iter__(self) -> Iterator[tuple[str, Any]]:
        return iter(self._headers.items())


def _message(headers: dict[str, str]) -> email.message.Message:
    """The headers `http.server` gives a handler (`self.headers`)."""
    message = email.message.Message()
    for name, value in headers.items():
        message[name] = value
    return message


HEADER_SHAPES: dict[str, Callable[[str], Any]] = {
    "a dict": lambda signature: {"Content-Type": "application/json", "X-Pilot-Status-Signature": signature},
    "a dict of bytes": lambda signature: {b"x-pilot-status-signature": signature.encode()},
    "a dict with a bytes value": lambda signature: {SIGNATURE_HEADER: signature.encode()},
    "ASGI pairs of bytes": lambda signature: [
        (b"content-type", b"application/json"),
        (b"x-pilot-status-signature", signature.encode()),
    ],
    "pairs as lists": lambda signature: [["X-Pilot-Status-Signature", signature]],
    "pairs of text": lambda signature: [("x-pilot-status-signature", signature)],
    "a generator of pairs": lambda signature: ((name, value) for name, value in [(SIGNATURE_HEADER, signature)]),
    "httpx.Headers": lambda signature: httpx.Headers({"X-Pilot-Status-Signature": signature}),
    "starlette Headers from an ASGI scope": lambda signature: StarletteHeaders(
        scope={"type": "http", "headers": [(b"x-pilot-status-signature", signature.encode())]}
    ),
    "starlette Headers from a dict": lambda signature: StarletteHeaders({"X-Pilot-Status-Signature": signature}),
    "Django-like HttpHeaders": lambda signature: DjangoLikeHeaders({SIGNATURE_HEADER: signature}),
    "werkzeug-like EnvironHeaders": lambda signature: WerkzeugLikeHeaders({"X-Pilot-Status-Signature": signature}),
    "werkzeug-like EnvironHeaders of bytes": lambda signature: WerkzeugLikeHeaders(
        {SIGNATURE_HEADER: signature.encode()}
    ),
    "http.server's message": lambda signature: _message({"X-Pilot-Status-Signature": signature}),
}


@pytest.mark.parametrize("headers", HEADER_SHAPES.values(), ids=HEADER_SHAPES.keys())
def test_the_headers_of_every_web_framework_are_read_with_text_or_bytes_values(headers: Callable[[str], Any]) -> None:
    body = body_of(CALL_ENDED)
    event = unwrap(body, headers(sign(body, SECRET)), SECRET)
    assert isinstance(event, CallWebhookEvent)
    with pytest.raises(WebhookVerificationError, match="does not match"):
        unwrap(body, headers(sign(b"another body", SECRET)), SECRET)


WITHOUT_SIGNATURE = {
    "Django-like HttpHeaders": lambda: DjangoLikeHeaders({"content-type": "application/json"}),
    "werkzeug-like EnvironHeaders": lambda: WerkzeugLikeHeaders({"Content-Type": "application/json"}),
    "ASGI pairs": lambda: [(b"content-type", b"application/json")],
    "starlette Headers": lambda: StarletteHeaders({"content-type": "application/json"}),
    "http.server's message": lambda: _message({"Content-Type": "application/json"}),
    "none at all": list,
}


@pytest.mark.parametrize("headers", WITHOUT_SIGNATURE.values(), ids=WITHOUT_SIGNATURE.keys())
def test_headers_of_any_shape_without_the_signature_are_a_verification_error(headers: Callable[[], Any]) -> None:
    with pytest.raises(WebhookVerificationError, match=f"no {SIGNATURE_HEADER} header"):
        unwrap(body_of(CALL_ENDED), headers(), SECRET)


def test_a_signature_header_that_is_none_is_no_signature() -> None:
    with pytest.raises(WebhookVerificationError, match=f"no {SIGNATURE_HEADER} header"):
        unwrap(body_of(CALL_ENDED), {SIGNATURE_HEADER: None}, SECRET)


def test_verify_takes_the_signature_as_text_or_bytes() -> None:
    signature = sign(b"{}", SECRET)
    verify(b"{}", signature.encode(), SECRET)
    with pytest.raises(WebhookVerificationError, match="does not match"):
        verify(b"[]", signature.encode(), SECRET)


BAD_HEADERS = {
    "None": (None, "not None"),
    "a number": (7, "not int"),
    "a string": ("x-pilot-status-signature: abc", "not str"),
    "bytes": (b"x-pilot-status-signature: abc", "not bytes"),
    "a list of numbers": ([1, 2], "not a list that holds int"),
    "a list of strings": (["x-pilot-status-signature"], "not a list that holds str"),
    "a list of triples": ([("a", "b", "c")], "not a list that holds tuple"),
    "a dict with a number as a name": ({1: "a"}, "not a dict with a name that is int"),
}


@pytest.mark.parametrize(("headers", "said"), BAD_HEADERS.values(), ids=BAD_HEADERS.keys())
def test_headers_of_no_known_shape_are_a_usage_error_naming_headers(headers: Any, said: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        unwrap(body_of(CALL_ENDED), headers, SECRET)
    assert caught.value.argument == "headers"
    assert str(caught.value).startswith("headers must be the request's headers")
    assert str(caught.value).endswith(said)
    assert isinstance(caught.value, ValueError)


def test_a_signature_header_of_another_type_is_a_usage_error_naming_headers() -> None:
    with pytest.raises(InvalidInputError, match=f"the {SIGNATURE_HEADER} header must be text or bytes, not int"):
        unwrap(body_of(CALL_ENDED), {SIGNATURE_HEADER: 7}, SECRET)


# --- drift: what a known event holds that the spec does not know -----------------------------------------------


@pytest.fixture
def drift(caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch) -> Callable[[], list[str]]:
    """A record of drift as a fresh process has it, and the warnings logged so far."""
    monkeypatch.setattr(webhooks, "_drift_record", DriftRecord())
    caplog.set_level(logging.WARNING, logger="pilotstatus")
    return lambda: [record.getMessage() for record in caplog.records if record.name == "pilotstatus"]


def test_an_unknown_status_and_field_in_a_known_event_are_kept_and_warned_about_once_each(
    drift: Callable[[], list[str]],
) -> None:
    for status in ("ON_HOLD", "ON_HOLD", "TRANSFERRED"):
        event = unwrap(
            *signed({**CALL_ENDED, "status": status, "recordingUrl": "https://example.test/5511999"}), SECRET
        )
        assert isinstance(event, CallWebhookEvent)
        assert event.status == status
    permission = unwrap(*signed({**DOCUMENTED["call.permission_updated"], "status": "REVOKED"}), SECRET)
    assert isinstance(permission, CallPermissionWebhookEvent)
    assert sorted(drift()) == [
        "call.ended: the webhook has a field the SDK does not know, CallEvent.recordingUrl (str); kept in"
        " additional_properties",
        "call.ended: the webhook has an enum value the SDK does not know, CallEvent.status = 'ON_HOLD' (str); kept as"
        " it came",
        "call.ended: the webhook has an enum value the SDK does not know, CallEvent.status = 'TRANSFERRED' (str); kept"
        " as it came",
        "call.permission_updated: the webhook has an enum value the SDK does not know,"
        " CallPermissionUpdatedEvent.status = 'REVOKED' (str); kept as it came",
    ]
    assert "5511999" not in " ".join(drift())  # the value of a field is never shown


def test_an_unknown_event_and_a_documented_one_are_no_drift(drift: Callable[[], list[str]]) -> None:
    for payload in [*DOCUMENTED.values(), *NOT_OURS.values(), META_ENVELOPE]:
        unwrap(*signed(payload), SECRET)
    assert drift() == []


def test_the_secret_is_redacted_from_a_drift_warning(drift: Callable[[], list[str]]) -> None:
    event = unwrap(*signed({**CALL_ENDED, "status": f"LEAKED_{SECRET}"}), SECRET)
    assert event.raw["status"] == f"LEAKED_{SECRET}"
    (line,) = drift()
    assert "CallEvent.status = 'LEAKED_[redacted]' (str)" in line
    assert SECRET not in line


# --- loading ------------------------------------------------------------------------------------------------------


def test_import_pilotstatus_loads_neither_the_webhooks_module_nor_the_models_and_the_attribute_does() -> None:
    script = (
        "import sys, pilotstatus\n"
        "before = sorted(m for m in sys.modules if m == 'pilotstatus.webhooks' or m.startswith('pilotstatus_api'))\n"
        "module = pilotstatus.webhooks\n"
        "print(before, module.__name__, 'pilotstatus_api.models.call_event' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["[]", "pilotstatus.webhooks", "True"]


def test_the_webhooks_module_is_the_packages_attribute() -> None:
    assert pilotstatus.webhooks is webhooks
    assert "webhooks" in dir(pilotstatus)
