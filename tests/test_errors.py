"""Every non-2xx response raises one exception class, chosen by the one table in `pilotstatus._exceptions`."""

from __future__ import annotations

import asyncio
import datetime
import json

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

import pilotstatus
from pilotstatus import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    CallNotFoundError,
    ConflictError,
    FeatureNotSupportedError,
    IdempotencyKeyInUseError,
    IdempotencyKeyReusedError,
    InstanceNotConnectedError,
    InternalServerError,
    MediaSubscriptionRequiredError,
    NotFoundError,
    NumberBlockedError,
    NumberScopeNotAllowedError,
    PaginationError,
    PaymentRequiredError,
    PermissionDeniedError,
    PilotStatusError,
    RateLimitError,
    TenantScopeNotAllowedError,
)
from pilotstatus._exceptions import error_class
from tests._clients import Sleeps, async_client, json_response, sync_client
from tests._fake_api import EPOCH, call_body
from tests._spec import JSON, error_examples

FEATURE_MESSAGE = "Calling is only supported for Meta Cloud API and Pilot Status (web) numbers."

STATUS_CLASSES = [
    (400, BadRequestError),
    (401, AuthenticationError),
    (402, PaymentRequiredError),
    (403, PermissionDeniedError),
    (404, NotFoundError),
    (409, ConflictError),
    (429, RateLimitError),
    (500, InternalServerError),
    (502, InternalServerError),
    (503, InternalServerError),
    (418, APIStatusError),
    (422, APIStatusError),
]
CODE_CLASSES = [
    (400, "FEATURE_NOT_SUPPORTED", FeatureNotSupportedError, BadRequestError),
    (403, "TENANT_SCOPE_NOT_ALLOWED", TenantScopeNotAllowedError, PermissionDeniedError),
    (403, "NUMBER_SCOPE_NOT_ALLOWED", NumberScopeNotAllowedError, PermissionDeniedError),
    (404, "CALL_NOT_FOUND", CallNotFoundError, NotFoundError),
    (409, "WHATSAPP_INSTANCE_NOT_CONNECTED", InstanceNotConnectedError, ConflictError),
    (409, "IDEMPOTENCY_KEY_REUSED", IdempotencyKeyReusedError, ConflictError),
    (409, "IDEMPOTENCY_KEY_IN_USE", IdempotencyKeyInUseError, ConflictError),
    (409, "NUMBER_BLOCKED", NumberBlockedError, ConflictError),
    (402, "SUBSCRIPTION_REQUIRED_FOR_MEDIA", MediaSubscriptionRequiredError, PaymentRequiredError),
]


def raised_by(response: httpx.Response) -> PilotStatusError:
    """The exception `calls.list()` raises when the API answers `response` (no retries)."""
    with sync_client(lambda request: response, max_retries=0) as client, pytest.raises(PilotStatusError) as caught:
        client.calls.list()
    return caught.value


@pytest.mark.parametrize(("status", "expected"), STATUS_CLASSES)
def test_each_status_raises_its_class_with_status_message_body_and_headers(
    status: int, expected: type[APIStatusError]
) -> None:
    body = {"error": "Something is wrong", "extra": 1}
    error = raised_by(json_response(status, body, **{"x-request-id": "req_1"}))
    assert type(error) is expected
    assert isinstance(error, APIStatusError)
    assert (error.status_code, error.code, error.message, error.body) == (status, None, "Something is wrong", body)
    assert error.headers["x-request-id"] == "req_1"
    assert error.response.status_code == status
    assert str(error) == f"{status} Something is wrong"


@pytest.mark.parametrize(("status", "code", "expected", "parent"), CODE_CLASSES)
def test_each_documented_code_raises_its_subclass_of_the_status_class(
    status: int, code: str, expected: type[APIStatusError], parent: type[APIStatusError]
) -> None:
    error = raised_by(json_response(status, {"error": "Nope", "code": code}))
    assert type(error) is expected
    assert isinstance(error, parent)
    assert error.code == code
    assert str(error) == f"{status} {code} Nope"


def test_a_documented_code_on_another_status_falls_back_to_that_status_class_keeping_the_code() -> None:
    error = raised_by(json_response(409, {"error": "Nope", "code": "FEATURE_NOT_SUPPORTED"}))
    assert type(error) is ConflictError
    assert error.code == "FEATURE_NOT_SUPPORTED"


def test_an_unknown_code_falls_back_to_the_status_class_keeping_the_code() -> None:
    error = raised_by(json_response(403, {"error": "Denied", "code": "SOMETHING_NEW"}))
    assert type(error) is PermissionDeniedError
    assert error.code == "SOMETHING_NEW"
    assert str(error) == "403 SOMETHING_NEW Denied"


ERROR_EXAMPLES = error_examples()


@pytest.mark.parametrize(
    ("status", "body"), ERROR_EXAMPLES, ids=[f"{s}-{b.get('code', 'no code')}" for s, b in ERROR_EXAMPLES]
)
def test_every_documented_error_example_raises_the_class_of_its_status_and_code(status: int, body: JSON) -> None:
    error = raised_by(json_response(status, body))
    assert type(error) is error_class(status, body.get("code"))
    assert type(error) is not APIStatusError
    assert isinstance(error, APIStatusError)
    assert (error.status_code, error.code, error.message) == (status, body.get("code"), body["error"])


def test_the_documented_feature_not_supported_error_reads_as_one_line() -> None:
    error = raised_by(json_response(400, {"error": FEATURE_MESSAGE, "code": "FEATURE_NOT_SUPPORTED"}))
    assert isinstance(error, FeatureNotSupportedError)
    assert str(error) == f"400 FEATURE_NOT_SUPPORTED {FEATURE_MESSAGE}"


def test_details_are_kept() -> None:
    body = {"error": "Examples missing", "code": "TEMPLATE_EXAMPLES_REQUIRED", "details": {"missing": ["{{1}}"]}}
    error = raised_by(json_response(400, body))
    assert isinstance(error, APIStatusError)
    assert error.details == {"missing": ["{{1}}"]}


@pytest.mark.parametrize(
    ("status", "content", "content_type", "expected", "line"),
    [
        (502, b"<html><h1>502 Bad Gateway</h1></html>", "text/html", InternalServerError, "502 Bad Gateway"),
        (503, b"", "text/plain", InternalServerError, "503 Service Unavailable"),
        (401, b"Unauthorized", "text/plain", AuthenticationError, "401 Unauthorized"),
        (403, b"{not json", "application/json", PermissionDeniedError, "403 {not json"),
        (400, b'["a", "list"]', "application/json", BadRequestError, '400 ["a", "list"]'),
        (404, b'{"message": "No route"}', "application/json", NotFoundError, "404 No route"),
        (409, b'{"error": 42}', "application/json", ConflictError, '409 {"error": 42}'),
    ],
)
def test_a_body_that_is_not_a_json_error_still_maps_by_status_and_keeps_the_raw_text(
    status: int, content: bytes, content_type: str, expected: type[APIStatusError], line: str
) -> None:
    error = raised_by(httpx.Response(status, content=content, headers={"content-type": content_type}))
    assert type(error) is expected
    assert isinstance(error, APIStatusError)
    assert error.text == content.decode()
    assert error.code is None
    assert str(error) == line


def test_a_rate_limit_error_carries_retry_after() -> None:
    error = raised_by(json_response(429, {"error": "Slow down"}, **{"retry-after": "7"}))
    assert isinstance(error, RateLimitError)
    assert error.retry_after == 7.0
    assert raised_by(json_response(429, {"error": "Slow down"})).retry_after is None  # type: ignore[attr-defined]


def test_a_rate_limit_error_reads_the_bodys_retry_after_seconds_when_there_is_no_header() -> None:
    error = raised_by(json_response(429, {"error": "Slow down", "retryAfterSeconds": 12.5}))
    assert isinstance(error, RateLimitError)
    assert error.retry_after == 12.5
    header_wins = raised_by(json_response(429, {"retryAfterSeconds": 12.5}, **{"retry-after": "7"}))
    assert header_wins.retry_after == 7.0  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "content",
    [b"", b"not json", b"[]", b'{"items": []}', b'{"calls": [{"id": "call_1"}]}', b'{"calls": "many"}'],
    ids=["empty", "text", "list", "no-calls", "call-missing-fields", "calls-not-a-list"],
)
def test_a_2xx_body_that_does_not_parse_raises_api_response_validation_error(content: bytes) -> None:
    error = raised_by(httpx.Response(200, content=content, headers={"content-type": "application/json"}))
    assert isinstance(error, APIResponseValidationError)
    assert error.status_code == 200
    assert "GET /v1/calls" in str(error)


@pytest.mark.parametrize(
    ("failure", "expected"),
    [
        (httpx.ConnectError("connection refused"), APIConnectionError),
        (httpx.ReadError("connection reset"), APIConnectionError),
        (httpx.RemoteProtocolError("server disconnected"), APIConnectionError),
        (httpx.ConnectTimeout("connect timed out"), APITimeoutError),
        (httpx.ReadTimeout("read timed out"), APITimeoutError),
    ],
)
def test_transport_failures_raise_connection_errors_with_the_request(
    failure: httpx.TransportError, expected: type[APIConnectionError]
) -> None:
    def fail(request: httpx.Request) -> httpx.Response:
        raise failure

    error = raised_by_handler(fail)
    assert type(error) is expected
    assert isinstance(error, APIConnectionError)
    assert error.request.url.path == "/v1/calls"
    assert error.__cause__ is failure


def raised_by_handler(handler: object) -> PilotStatusError:
    with sync_client(handler, max_retries=0) as client, pytest.raises(PilotStatusError) as caught:  # type: ignore[arg-type]
        client.calls.list()
    return caught.value


@pytest.mark.parametrize(("status", "code", "expected", "parent"), CODE_CLASSES)
def test_the_async_client_raises_the_same_classes(
    status: int, code: str, expected: type[APIStatusError], parent: type[APIStatusError]
) -> None:
    async def main() -> None:
        async with async_client(lambda request: json_response(status, {"error": "x", "code": code})) as client:
            with pytest.raises(expected) as caught:
                await client.calls.list()
            assert caught.value.code == code

    asyncio.run(main())


def test_every_exception_is_exported_and_derives_from_the_base() -> None:
    exported = [getattr(pilotstatus, name) for name in pilotstatus.__all__]
    errors = [value for value in exported if isinstance(value, type) and issubclass(value, BaseException)]
    assert len(errors) == 33  # the 30 API and client errors, and the three webhook errors
    assert all(issubclass(error, PilotStatusError) for error in errors)


bodies = st.one_of(
    st.none(),
    st.text(max_size=50),
    st.dictionaries(
        st.sampled_from(["error", "code", "details", "message", "other"]),
        st.one_of(st.none(), st.integers(), st.text(max_size=30), st.sampled_from([c for _, c, _, _ in CODE_CLASSES])),
        max_size=5,
    ),
)


@given(status=st.integers(min_value=300, max_value=599), body=bodies)
def test_any_error_response_maps_by_status_without_failing(status: int, body: object) -> None:
    content = json.dumps(body).encode() if not isinstance(body, str) else body.encode()
    error = raised_by(httpx.Response(status, content=content))
    assert isinstance(error, APIStatusError)
    assert error.status_code == status
    expected_status_class = InternalServerError if status >= 500 else dict(STATUS_CLASSES).get(status, APIStatusError)
    assert isinstance(error, expected_status_class)
    code = body.get("code") if isinstance(body, dict) else None
    assert error.code == (code if isinstance(code, str) and code else None)
    assert str(error).startswith(str(status))
    assert "\n" not in str(error)


@pytest.mark.parametrize(
    "body",
    [
        {"error": "first line\nsecond line", "code": "X"},
        {"error": "tab\tand\r\nbreaks", "code": "MULTI\nLINE"},
        {"error": "x" * 100_000},
    ],
    ids=["newline", "breaks-in-code", "huge"],
)
def test_str_of_an_error_is_one_short_line_while_message_and_text_stay_whole(body: JSON) -> None:
    error = raised_by(json_response(400, body))
    assert isinstance(error, APIStatusError)
    assert "\n" not in str(error)
    assert "\r" not in str(error)
    assert len(str(error)) <= 420
    assert error.message == body["error"]
    assert json.loads(error.text) == body


@pytest.mark.parametrize(
    ("status", "content"),
    [(400, b"[" * 100_000), (200, b"[" * 100_000), (200, b"\xff\xfe\xfa not utf-8"), (500, b"\xff\xfe\xfa")],
    ids=["deep-error", "deep-page", "bytes-page", "bytes-error"],
)
def test_a_body_no_parser_can_read_still_raises_a_pilot_status_error(status: int, content: bytes) -> None:
    error = raised_by(httpx.Response(status, content=content, headers={"content-type": "application/json"}))
    assert isinstance(error, APIResponseValidationError if status == 200 else APIStatusError)


def test_a_body_that_cannot_be_decoded_is_a_connection_error_not_an_httpx_one() -> None:
    def corrupt(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, stream=httpx.ByteStream(b"not gzip"), headers={"content-encoding": "gzip"})

    error = raised_by_handler(corrupt)
    assert isinstance(error, APIConnectionError)
    assert "could not be read" in str(error)


def garbled(status: int) -> httpx.Response:
    """A response whose body says it is gzip and is not."""
    return httpx.Response(status, stream=httpx.ByteStream(b"not gzip"), headers={"content-encoding": "gzip"})


@pytest.mark.parametrize(
    ("status", "cls", "retried"),
    [
        (500, InternalServerError, True),
        (503, InternalServerError, True),
        (404, NotFoundError, False),
        (401, AuthenticationError, False),
        (429, RateLimitError, True),
    ],
)
def test_an_error_status_whose_body_does_not_decode_maps_by_its_status_and_retries_as_that_status(
    status: int, cls: type[APIStatusError], retried: bool, sleeps: Sleeps
) -> None:
    requests: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        return garbled(status)

    with sync_client(handler, max_retries=2) as client, pytest.raises(PilotStatusError) as caught:
        client.calls.list()
    error = caught.value
    assert type(error) is cls
    assert isinstance(error, APIStatusError)
    assert error.status_code == status
    assert "could not be decoded" in str(error)
    assert error.body is None
    assert error.text == ""
    assert error.response.content == b"not gzip"  # the bytes as they came
    assert len(requests) == (3 if retried else 1)


def test_the_async_client_maps_an_undecodable_error_body_by_its_status_too(sleeps: Sleeps) -> None:
    requests: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        return garbled(502) if len(requests) == 1 else garbled(409)

    async def main() -> None:
        async with async_client(handler, max_retries=2) as client:
            await client.calls.list()

    with pytest.raises(ConflictError, match="could not be decoded"):
        asyncio.run(main())
    assert len(requests) == 2  # the 502 was retried, the 409 was not


@pytest.mark.parametrize(
    "call",
    [
        {"createdAt": "2026-01-29T12:00:00"},
        {"id": ["call_1"]},
        {"id": 7},
    ],
    ids=["naive-createdAt", "list-id", "number-id"],
)
def test_a_page_with_calls_paging_cannot_rely_on_is_refused(call: JSON) -> None:
    body = {**call_body("call_1", EPOCH), **call}
    error = raised_by(json_response(200, {"calls": [body] * 100}))
    assert isinstance(error, APIResponseValidationError)
    assert "GET /v1/calls" in str(error)


def test_a_full_page_ending_at_the_last_representable_millisecond_is_returned_but_cannot_be_paged_past() -> None:
    calls = [call_body(f"call_{i}", datetime.datetime.max.replace(tzinfo=datetime.UTC)) for i in range(25)]
    with sync_client(lambda request: json_response(200, {"calls": calls})) as client:
        page = client.calls.list()
    assert len(page) == 25
    assert page.has_next_page()
    with pytest.raises(PaginationError, match="end of the range of dates"):
        page.next_cursor()


def test_a_retry_after_far_beyond_any_date_is_ignored() -> None:
    error = raised_by(json_response(429, {"error": "Slow"}, **{"retry-after": "Wed, 21 Oct 99999 07:28:00 GMT"}))
    assert isinstance(error, RateLimitError)
    assert error.retry_after is None


def test_the_async_client_raises_by_status_and_for_bodies_that_do_not_parse() -> None:
    async def raised(response: httpx.Response) -> PilotStatusError:
        async with async_client(lambda request: response, max_retries=0) as client:
            try:
                await client.calls.list()
            except PilotStatusError as error:
                return error
        raise AssertionError("nothing raised")

    async def main() -> list[PilotStatusError]:
        return [
            await raised(json_response(503, {"error": "down"})),
            await raised(httpx.Response(502, content=b"<html>bad gateway</html>")),
            await raised(json_response(418, {"error": "teapot"})),
            await raised(httpx.Response(200, content=b"{}")),
        ]

    errors = asyncio.run(main())
    assert [type(error) for error in errors] == [
        InternalServerError,
        InternalServerError,
        APIStatusError,
        APIResponseValidationError,
    ]


def test_a_bug_in_building_a_page_is_not_passed_off_as_a_bad_response(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> None:
        raise AttributeError("a bug in the SDK")

    monkeypatch.setattr("pilotstatus.pagination.Cursor.after", broken)
    calls = [call_body(f"call_{i}", EPOCH) for i in range(25)]
    with sync_client(lambda request: json_response(200, {"calls": calls})) as client, pytest.raises(AttributeError):
        client.calls.list()


def test_a_blocked_number_error_carries_the_reason_the_body_gives() -> None:
    blocked = raised_by(
        json_response(409, {"error": "Blocked", "code": "NUMBER_BLOCKED", "reason": "extra_charge_unpaid"})
    )
    assert isinstance(blocked, NumberBlockedError)
    assert blocked.reason == "extra_charge_unpaid"
    for body in ({"error": "Blocked", "code": "NUMBER_BLOCKED"}, {"code": "NUMBER_BLOCKED", "reason": 7}):
        other = raised_by(json_response(409, body))
        assert isinstance(other, NumberBlockedError)
        assert other.reason is None
