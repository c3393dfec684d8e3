"""`pilotstatus.webhooks`: a delivery signed with the secret verifies and nothing else does; a verified body reads as
a typed event, and whatever this SDK does not know (an event, a field, a value added later, a native provider event)
comes back kept, never as an error."""

from __future__ import annotations

import datetime
import hashlib
import hmac
import json
import subprocess
import sys
from typing import Any, cast

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

import pilotstatus
from pilotstatus import InvalidInputError, PilotStatusError, webhooks
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
    "a message event": {"event": "message.received", "data": {"id": "msg_1", "from": "+5511999999999"}},
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


@given(name=st.text(max_size=30).filter(lambda name: name not in {*CALL_EVENT_NAMES, "call.permission_updated"}))
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
