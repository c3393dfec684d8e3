"""Whatever the server sends, the SDK answers with a page or a `PilotStatusError`, never with another exception."""

from __future__ import annotations

import json
import math
from typing import Any

import httpx
from hypothesis import given
from hypothesis import strategies as st

from pilotstatus import APIResponseValidationError, APIStatusError, CallPage, PilotStatusError
from pilotstatus._retries import parse_retry_after, retry_after
from tests._clients import sync_client
from tests._fake_api import EPOCH, call_body

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)
FIELDS = ["id", "externalCallId", "direction", "status", "peerNumber", "createdAt", "updatedAt", "startedAt"]


@st.composite
def damaged_calls(draw: st.DrawFn) -> dict[str, Any]:
    """A valid call with some fields removed or replaced by any JSON value."""
    call: dict[str, Any] = call_body(draw(st.text(min_size=1, max_size=8)), EPOCH)
    for field in draw(st.lists(st.sampled_from(FIELDS), max_size=3, unique=True)):
        if draw(st.booleans()):
            call.pop(field, None)
        else:
            call[field] = draw(json_values)
    return call


bodies = st.one_of(
    json_values.map(json.dumps),
    st.lists(damaged_calls(), max_size=5).map(lambda calls: json.dumps({"calls": calls})),
    st.binary(max_size=50).map(lambda raw: raw.decode("latin-1")),
)


def outcome(status: int, body: str) -> CallPage | PilotStatusError:
    response = httpx.Response(status, content=body.encode(), headers={"content-type": "application/json"})
    with sync_client(lambda request: response, max_retries=0) as client:
        try:
            return client.calls.list()
        except PilotStatusError as error:
            return error


@given(body=bodies)
def test_any_2xx_body_gives_a_page_or_a_response_validation_error(body: str) -> None:
    result = outcome(200, body)
    assert isinstance(result, (CallPage, APIResponseValidationError))
    if isinstance(result, CallPage):
        assert all(isinstance(call.id, str) and call.created_at.tzinfo is not None for call in result)


@given(status=st.integers(min_value=400, max_value=599), body=bodies)
def test_any_error_body_gives_a_status_error_of_one_line(status: int, body: str) -> None:
    result = outcome(status, body)
    assert isinstance(result, APIStatusError)
    assert result.status_code == status
    assert "\n" not in str(result)


@given(value=st.text(max_size=40) | st.from_regex(r"[A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2} \d{1,30} \d\d:\d\d:\d\d GMT"))
def test_any_retry_after_value_gives_a_wait_or_none(value: str) -> None:
    seconds = parse_retry_after(value)
    assert seconds is None or (math.isfinite(seconds) and seconds >= 0)


@given(hint=json_values, header=st.none() | st.text(max_size=20))
def test_any_body_hint_gives_a_wait_or_none_and_a_header_always_wins(hint: Any, header: str | None) -> None:
    headers = {} if header is None else {"retry-after": header}
    seconds = retry_after(headers, {"retryAfterSeconds": hint})
    assert seconds is None or (math.isfinite(seconds) and seconds >= 0)
    if header is not None:
        assert seconds == parse_retry_after(header)
