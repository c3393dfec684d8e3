"""Request bodies and instants as the sandbox validates them against `openapi.json`: a 400 naming the field and the
problem for each way a body can be wrong, and RFC 3339 date-times with their leap seconds."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from jsonschema import FormatChecker

from pilotstatus._validation import is_absolute_uri
from pilotstatus_sandbox._instants import format_ms, is_date_time, parse_before_ms
from tests._sandbox_client import SandboxClient, manual_sandbox

DEFAULT_CHECKER = FormatChecker()
"""JSON Schema's date-time check, which openapi-core applies unless told otherwise: it refuses every second 60."""


@pytest.fixture(scope="module")
def api() -> Iterator[SandboxClient]:
    with manual_sandbox(calls=50) as client:
        yield client


def validation_error(api: SandboxClient, method: str, path: str, **kwargs: Any) -> str:
    response = api.request(method, path, **kwargs)
    assert response.status_code == 400, response.text
    assert set(response.json()) == {"error"}  # no code: a validation error
    message: str = response.json()["error"]
    assert message.startswith("Validation error: ")
    return message


@pytest.mark.parametrize(
    ("path", "body", "expected"),
    [
        ("/v1/calls", {}, "to is required"),
        ("/v1/calls", {"to": 5511999990001}, "to (5511999990001 is not of type 'string')"),
        ("/v1/calls", {"to": "12"}, "to ('12' does not match"),
        ("/v1/calls", {"to": "+5511999990001", "sdpType": "answer"}, "sdpType ('answer' is not one of ['offer'])"),
        ("/v1/calls", {"to": "+5511999990001", "sdp": ""}, "sdp ('' should be non-empty"),
        ("/v1/calls", [], "the body ([] is not of type 'object')"),
        ("/v1/calls", "call me", "the body ('call me' is not of type 'object')"),
        ("/v1/calls/call_1/pre-accept", {"sdpType": "answer"}, "sdp is required"),
        ("/v1/calls/call_1/play", {"mediaUrl": "ftp://example.com/a.mp3"}, "mediaUrl ("),
        ("/v1/calls/call_1/realtime-session", {"mode": "shout"}, "mode ('shout' is not one of"),
        ("/v1/calls/permissions/request", {"to": "+5511999990001", "text": 7}, "text (7 is not of type 'string')"),
    ],
)
def test_a_body_that_breaks_its_schema_is_400_naming_the_field(
    api: SandboxClient, path: str, body: Any, expected: str
) -> None:
    message = validation_error(
        api, "POST", path, key="web" if "play" in path or "realtime" in path else "meta", json=body
    )
    assert message.startswith("Validation error: Invalid request body: ")
    assert expected in message


def test_a_nested_field_is_named_by_its_place_in_the_body(api: SandboxClient) -> None:
    hours = {"status": "ENABLED", "weekly_operating_hours": [{"day_of_week": "MONDAY", "open_time": "2500"}]}
    message = validation_error(api, "PUT", "/v1/calls/settings", json={"call_hours": hours})
    assert "call_hours.weekly_operating_hours[0]" in message


@pytest.mark.parametrize(
    "text",
    [b"{nope", b'{"to": "+5511999990001"', b'{"to": NaN}', b'{"to": Infinity}', b"\xff\xfe{}"],
    ids=["broken", "unclosed", "nan", "infinity", "not-utf-8"],
)
def test_a_body_that_is_not_json_is_400(api: SandboxClient, text: bytes) -> None:
    message = validation_error(api, "POST", "/v1/calls", content=text, headers={"content-type": "application/json"})
    assert "Invalid request body: not JSON" in message


def test_a_body_of_another_content_type_is_400(api: SandboxClient) -> None:
    body = b'{"to": "+5511999990001", "sdp": "v=0"}'
    message = validation_error(api, "POST", "/v1/calls", content=body, headers={"content-type": "text/plain"})
    assert "content type 'text/plain'" in message


def test_a_json_content_type_with_a_charset_is_json(api: SandboxClient) -> None:
    body = b'{"to": "+5511999990001", "sdp": "v=0"}'
    headers = {"content-type": "application/json; charset=utf-8"}
    assert api.ok("POST", "/v1/calls", content=body, headers=headers)["status"] == "INITIATED"


@pytest.mark.parametrize("path", ["/v1/calls", "/v1/calls/call_1/pre-accept", "/v1/calls/permissions/request"])
def test_a_required_body_left_out_is_400(api: SandboxClient, path: str) -> None:
    assert "Invalid request body: missing" in validation_error(api, "POST", path)


def test_an_optional_body_left_out_reaches_the_operation_as_an_empty_one(api: SandboxClient) -> None:
    # Update calling settings takes an optional body: left out, it is an update of nothing, which succeeds.
    before = api.ok("GET", "/v1/calls/settings")
    assert api.ok("PUT", "/v1/calls/settings") == {"success": True}
    assert api.ok("GET", "/v1/calls/settings") == before


def test_a_body_sent_to_an_operation_without_one_is_ignored(api: SandboxClient) -> None:
    call = api.incoming(key="web")
    assert api.ok("POST", f"/v1/calls/{call['id']}/reject", key="web", json={"anything": 1})["status"] == "REJECTED"


@pytest.mark.parametrize(
    ("params", "named"),
    [
        ({"to": "not-a-phone"}, "to"),
        ({}, "to"),
    ],
)
def test_a_bad_or_missing_query_parameter_is_400_naming_it(
    api: SandboxClient, params: dict[str, str], named: str
) -> None:
    assert named in validation_error(api, "GET", "/v1/calls/permissions", params=params)


def test_include_sdp_takes_only_1(api: SandboxClient) -> None:
    assert "includeSdp" in validation_error(api, "GET", "/v1/calls/call_1", params={"includeSdp": "true"})


# -- leap seconds ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "before", ["2016-12-31T23:59:60Z", "2016-12-31T20:59:60-03:00", "2015-06-30T23:59:60.5Z", "2026-11-30t23:59:60z"]
)
def test_a_leap_second_is_a_valid_before(api: SandboxClient, before: str) -> None:
    response = api.get("/v1/calls", params={"before": before})
    assert response.status_code == 200, response.text


def test_a_leap_second_counts_as_the_first_instant_of_the_next_minute(api: SandboxClient) -> None:
    leap = parse_before_ms("2016-12-31T23:59:60Z")
    assert leap is not None
    assert format_ms(leap) == "2017-01-01T00:00:00.000Z"
    newest = api.ok("GET", "/v1/calls", params={"limit": "1"})["calls"][0]["createdAt"]
    year = int(newest[:4]) + 1
    # As a cursor, a leap second later than every call lists from the newest.
    assert (
        api.ok("GET", "/v1/calls", params={"before": f"{year}-12-31T23:59:60Z", "limit": "1"})["calls"][0]["createdAt"]
        == newest
    )


@pytest.mark.parametrize(
    "before",
    ["2016-12-31T23:58:60Z", "2016-12-30T23:59:60Z", "2016-12-31T23:59:60+01:00", "2016-12-31T23:59:61Z"],
    ids=["not-the-last-minute", "not-the-last-day", "not-the-last-minute-in-utc", "second-61"],
)
def test_a_second_60_where_no_leap_second_can_be_is_refused(api: SandboxClient, before: str) -> None:
    assert "before" in validation_error(api, "GET", "/v1/calls", params={"before": before})


@given(
    instant=st.datetimes(min_value=datetime.datetime(1, 1, 2), max_value=datetime.datetime(9999, 12, 30)),
    offset_minutes=st.integers(-23 * 60 - 59, 23 * 60 + 59),
    fraction=st.sampled_from(["", ".5", ".123456789"]),
)
def test_without_second_60_the_check_agrees_with_the_default_checker(
    instant: datetime.datetime, offset_minutes: int, fraction: str
) -> None:
    sign = "+" if offset_minutes >= 0 else "-"
    zone = f"{sign}{abs(offset_minutes) // 60:02d}:{abs(offset_minutes) % 60:02d}"
    text = f"{instant.year:04d}-{instant:%m-%dT%H:%M:%S}{fraction}{zone}"
    assert is_date_time(text) is True
    assert DEFAULT_CHECKER.conforms(text, "date-time")


@given(st.text(alphabet="0123456789-:TZ+.tz ", max_size=30))
def test_without_second_60_the_check_agrees_with_the_default_checker_on_any_text(text: str) -> None:
    if len(text) > 18 and text[17:19] == "60":
        return  # leap seconds: where the two differ on purpose (tested above)
    assert is_date_time(text) == DEFAULT_CHECKER.conforms(text, "date-time")


@given(
    day=st.dates(min_value=datetime.date(1, 1, 1), max_value=datetime.date(9999, 12, 31)),
    offset_minutes=st.integers(-23 * 60 - 59, 23 * 60 + 59),
)
def test_second_60_is_valid_exactly_at_the_last_minute_of_a_utc_month(day: datetime.date, offset_minutes: int) -> None:
    utc = datetime.datetime.combine(day, datetime.time(23, 59))
    assume(
        datetime.datetime.min + datetime.timedelta(days=1) < utc < datetime.datetime.max - datetime.timedelta(days=1)
    )
    local = utc + datetime.timedelta(minutes=offset_minutes)  # 23:59 UTC that day, in the offset's local time
    sign = "+" if offset_minutes >= 0 else "-"
    zone = f"{sign}{abs(offset_minutes) // 60:02d}:{abs(offset_minutes) % 60:02d}"
    text = f"{local.year:04d}-{local:%m-%dT%H:%M}:60{zone}"
    assert is_date_time(text) is ((day + datetime.timedelta(days=1)).day == 1)
    assert is_date_time(f"{local.year:04d}-{local:%m-%dT%H:%M}:59{zone}") is True


@pytest.mark.parametrize(
    "media_url",
    [
        "hTtps://\U00080d2e\x0e\xafn",  # found by the contract suite: beyond ASCII, and a control character
        "https://example.com/a b.mp3",
        "https://example.com/caf\u00e9.mp3",  # an IRI: a URI must percent-encode it
        "https://example.com/%zz.mp3",
    ],
)
def test_a_media_url_that_is_no_uri_is_400_as_the_sdk_refuses_it(api: SandboxClient, media_url: str) -> None:
    message = validation_error(api, "POST", "/v1/calls/call_1/play", key="web", json={"mediaUrl": media_url})
    assert "mediaUrl" in message
    assert "is not a 'uri'" in message
    assert not is_absolute_uri(media_url)


def test_a_percent_encoded_media_url_is_a_uri(api: SandboxClient) -> None:
    url = "https://example.com/caf%C3%A9.mp3?voice=pt-BR#start"
    assert is_absolute_uri(url)
    response = api.request("POST", "/v1/calls/call_1/play", key="web", json={"mediaUrl": url})
    assert (response.status_code, response.json()["code"]) == (404, "CALL_NOT_FOUND")


@pytest.mark.parametrize("segment", ["%0A", "%09", "%0D", "%0A%09"])
def test_a_call_id_of_only_tabs_or_newlines_is_a_400_naming_it_as_the_sdk_refuses_it(
    api: SandboxClient, segment: str
) -> None:
    """The call id is read as sent (`urlsplit` would drop tabs and newlines, leaving an empty id), and a blank one is
    no call id at all: the spec's pattern says so, which the SDK applies before sending."""
    message = validation_error(api, "POST", f"/v1/calls/{segment}/reject", key="web")
    assert "callId" in message


@pytest.mark.parametrize("segment", ["x%0A", "%0Ax", "a%09b", "%1E", "%1C%1F", "%C2%85"])
def test_a_call_id_holding_a_tab_or_newline_is_a_call_not_found(api: SandboxClient, segment: str) -> None:
    response = api.request("POST", f"/v1/calls/{segment}/reject", key="web")
    assert (response.status_code, response.json().get("code")) == (404, "CALL_NOT_FOUND"), response.text
