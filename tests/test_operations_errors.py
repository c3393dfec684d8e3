"""Every Calls operation, sync and async, raises the class of each error the API answers with.

The class comes from the one table in `pilotstatus._exceptions` (by documented code, then by status); the two Meta
call-permission codes pick their class whatever the status they come with.
"""

from __future__ import annotations

import httpx
import pytest

from pilotstatus import (
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    CallNotFoundError,
    CallPermissionError,
    CallPermissionRequestLimitError,
    CallPermissionRequiredError,
    ConflictError,
    FeatureNotSupportedError,
    InstanceNotConnectedError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    PilotStatusError,
    RateLimitError,
    TenantScopeNotAllowedError,
)
from pilotstatus._exceptions import error_class
from tests._operations import CALL_OPERATIONS, FLAVORS, OPERATIONS, Flavor, Op, Recorder, error, run
from tests._spec import JSON, error_responses, inlined, load_spec, media_examples

ops = pytest.mark.parametrize("op", OPERATIONS, ids=str)
flavors = pytest.mark.parametrize("flavor", FLAVORS)


def raised(flavor: Flavor, op: Op, response: httpx.Response, *, max_retries: int = 0) -> PilotStatusError:
    """What `op` raises when the API answers `response` (by default with no retries), and that it asked once."""
    recorder = Recorder(response)
    with pytest.raises(PilotStatusError) as caught:
        run(flavor, op, recorder, max_retries=max_retries)
    if max_retries == 0:
        assert len(recorder.sent) == 1
    return caught.value


# (status, code, the class, the class of its status)
ERRORS = [
    (400, None, BadRequestError, BadRequestError),
    (400, "FEATURE_NOT_SUPPORTED", FeatureNotSupportedError, BadRequestError),
    (400, "VALIDATION_ERROR", BadRequestError, BadRequestError),
    (401, None, AuthenticationError, AuthenticationError),
    (403, None, PermissionDeniedError, PermissionDeniedError),
    (403, "TENANT_SCOPE_NOT_ALLOWED", TenantScopeNotAllowedError, PermissionDeniedError),
    (404, None, NotFoundError, NotFoundError),
    (409, None, ConflictError, ConflictError),
    (409, "WHATSAPP_INSTANCE_NOT_CONNECTED", InstanceNotConnectedError, ConflictError),
    (429, None, RateLimitError, RateLimitError),
    (429, "RATE_LIMITED", RateLimitError, RateLimitError),
    (500, None, InternalServerError, InternalServerError),
    (502, None, InternalServerError, InternalServerError),
    (503, None, InternalServerError, InternalServerError),
    (504, None, InternalServerError, InternalServerError),
]


@flavors
@ops
@pytest.mark.parametrize(
    ("status", "code", "expected", "parent"), ERRORS, ids=[f"{status}-{code}" for status, code, _, _ in ERRORS]
)
def test_each_error_raises_its_class_with_what_the_response_said(
    flavor: Flavor,
    op: Op,
    status: int,
    code: str | None,
    expected: type[APIStatusError],
    parent: type[APIStatusError],
) -> None:
    failure = raised(flavor, op, error(status, code, "It went wrong", **{"x-request-id": "req_7"}))
    assert type(failure) is expected
    assert isinstance(failure, parent)
    assert isinstance(failure, APIStatusError)
    assert (failure.status_code, failure.code, failure.message) == (status, code, "It went wrong")
    assert failure.headers["x-request-id"] == "req_7"
    assert str(failure) == " ".join(part for part in (str(status), code, "It went wrong") if part)


@flavors
@pytest.mark.parametrize("op", CALL_OPERATIONS, ids=str)
def test_an_unknown_call_raises_call_not_found(flavor: Flavor, op: Op) -> None:
    failure = raised(flavor, op, error(404, "CALL_NOT_FOUND", "Call not found"))
    assert type(failure) is CallNotFoundError
    assert isinstance(failure, NotFoundError)
    assert failure.code == "CALL_NOT_FOUND"


@flavors
@ops
def test_a_rate_limit_error_says_how_long_to_wait_from_the_header(flavor: Flavor, op: Op) -> None:
    failure = raised(flavor, op, error(429, None, "Too many requests", **{"retry-after": "7"}))
    assert isinstance(failure, RateLimitError)
    assert failure.retry_after == 7.0


@flavors
@ops
def test_a_rate_limit_error_says_how_long_to_wait_from_the_body(flavor: Flavor, op: Op) -> None:
    response = httpx.Response(429, json={"error": "Slow down", "code": "RATE_LIMITED", "retryAfterSeconds": 12.5})
    failure = raised(flavor, op, response)
    assert isinstance(failure, RateLimitError)
    assert failure.retry_after == 12.5


@flavors
@ops
def test_a_rate_limit_error_without_a_hint_has_no_retry_after(flavor: Flavor, op: Op) -> None:
    failure = raised(flavor, op, error(429))
    assert isinstance(failure, RateLimitError)
    assert failure.retry_after is None


@flavors
@ops
def test_a_rate_limit_asking_for_too_long_a_wait_is_raised_at_once_even_with_retries(flavor: Flavor, op: Op) -> None:
    recorder = Recorder(error(429, None, "Too many requests", **{"retry-after": "3600"}))
    with pytest.raises(RateLimitError) as caught:
        run(flavor, op, recorder, max_retries=2)
    assert caught.value.retry_after == 3600.0
    assert len(recorder.sent) == 1


PERMISSION_CODES = [
    ("META_CALL_PERMISSION_REQUIRED", CallPermissionRequiredError),
    ("META_CALL_PERMISSION_REQUEST_LIMIT", CallPermissionRequestLimitError),
]
ANY_STATUS = [400, 401, 403, 404, 409, 429, 500]


@flavors
@ops
@pytest.mark.parametrize(("code", "expected"), PERMISSION_CODES, ids=[code for code, _ in PERMISSION_CODES])
@pytest.mark.parametrize("status", ANY_STATUS)
def test_a_call_permission_code_picks_its_class_whatever_the_status(
    flavor: Flavor, op: Op, code: str, expected: type[CallPermissionError], status: int
) -> None:
    failure = raised(flavor, op, error(status, code, "Meta refused"))
    assert type(failure) is expected
    assert isinstance(failure, CallPermissionError)
    assert not isinstance(failure, AuthenticationError)
    assert (failure.status_code, failure.code, failure.message) == (status, code, "Meta refused")


@flavors
@ops
def test_a_401_with_a_permission_code_is_not_an_authentication_error_but_a_plain_401_is(flavor: Flavor, op: Op) -> None:
    permission = raised(flavor, op, error(401, "META_CALL_PERMISSION_REQUIRED"))
    plain = raised(flavor, op, error(401, None, "Unauthorized"))
    assert not isinstance(permission, AuthenticationError)
    assert isinstance(permission, CallPermissionRequiredError)
    assert type(plain) is AuthenticationError


def documented_errors() -> list[tuple[Op, int, JSON]]:
    """Every error example each operation documents in openapi.json, with its status."""
    return [
        (op, int(status), example)
        for op in OPERATIONS
        for status, response in error_responses(inlined(load_spec(), op.spec_operation[2])).items()
        for example in media_examples(response["content"]["application/json"])
    ]


DOCUMENTED = documented_errors()


@flavors
@pytest.mark.parametrize(
    ("op", "status", "body"),
    DOCUMENTED,
    ids=[f"{op}-{status}-{body.get('code', 'no code')}" for op, status, body in DOCUMENTED],
)
def test_every_documented_error_of_every_operation_raises_a_class_of_its_own(
    flavor: Flavor, op: Op, status: int, body: JSON
) -> None:
    failure = raised(flavor, op, httpx.Response(status, json=body))
    assert type(failure) is error_class(status, body.get("code"))
    assert type(failure) is not APIStatusError
    assert (failure.status_code, failure.code, failure.message) == (status, body.get("code"), body["error"])


def test_the_documented_errors_include_the_permission_codes_and_call_not_found() -> None:
    codes = {(op.name, body.get("code")) for op, _, body in DOCUMENTED}
    assert ("create", "META_CALL_PERMISSION_REQUIRED") in codes
    assert ("permissions.request", "META_CALL_PERMISSION_REQUEST_LIMIT") in codes
    assert {op.name for op in CALL_OPERATIONS} <= {name for name, code in codes if code == "CALL_NOT_FOUND"}
