"""The exception tree, and the one table that maps an HTTP response to it.

Every failure the SDK reports is a `PilotStatusError`. A response with a non-2xx status becomes an `APIStatusError`
subclass chosen first by the body's documented `code`, then by the status; a failure to get a response at all
becomes `APIConnectionError` (or its `APITimeoutError` subclass). A webhook that cannot be trusted or read is a
`WebhookError` (`pilotstatus.webhooks`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx

from ._retries import retry_after

__all__ = [
    "APIConnectionError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "CallNotFoundError",
    "CallPermissionError",
    "CallPermissionRequestLimitError",
    "CallPermissionRequiredError",
    "ConflictError",
    "FeatureNotSupportedError",
    "IdempotencyKeyInUseError",
    "IdempotencyKeyReusedError",
    "InstanceNotConnectedError",
    "InternalServerError",
    "InvalidInputError",
    "NotFoundError",
    "NumberScopeNotAllowedError",
    "PaginationError",
    "PaymentRequiredError",
    "PermissionDeniedError",
    "PilotStatusError",
    "RateLimitError",
    "TemplateExamplesRequiredError",
    "TemplateNameTakenError",
    "TemplateNotFoundError",
    "TenantScopeNotAllowedError",
    "WebhookError",
    "WebhookPayloadError",
    "WebhookVerificationError",
]

# An error line quotes at most this much of a body that is not a JSON error object (an HTML error page, say).
_TEXT_EXCERPT = 200


class PilotStatusError(Exception):
    """The base of every error this SDK raises."""

    idempotency_key: str | None = None
    """The `Idempotency-Key` the failed request was sent with (the same on each of its retries), for an operation
    that honours one (`messages.send()`): sending the same request again with this key, by hand, can only get the
    first one's answer, never a second message. None for a request sent without a key, and for an error raised before
    any request."""


class InvalidInputError(PilotStatusError, ValueError):
    """An argument or setting is invalid; raised before any request is sent.

    The message is worded for Python code. For a caller that words its own (the `pilotstatus` command, whose user
    sets environment variables and options, not arguments), `argument` names the argument or setting at fault, and
    `problem` says what is wrong with it, for the problems whose advice depends on who is asked: `MISSING` (nothing
    given, as with no API key in the arguments or the environment), `NO_TIME_ZONE` (a date-time without a zone) and
    `SANDBOX_KEY` (a sandbox's demo key with the production API's base URL). Both are None when there is nothing to
    add.
    """

    MISSING = "missing"
    NO_TIME_ZONE = "no_time_zone"
    SANDBOX_KEY = "sandbox_key"

    def __init__(self, message: str, *, argument: str | None = None, problem: str | None = None) -> None:
        super().__init__(message)
        self.argument = argument
        self.problem = problem


class PaginationError(PilotStatusError):
    """Paging cannot continue without skipping calls.

    The API pages calls with `before` ("created strictly before this instant") and at most 100 calls per page. When a
    full page of 100 holds a single instant, the calls of that instant beyond the page cannot be reached: rather than
    skip them silently, iteration stops with this error. `instant` is the crowded `createdAt`.
    """

    def __init__(self, message: str, *, instant: Any = None) -> None:
        super().__init__(message)
        self.instant = instant


class APIConnectionError(PilotStatusError):
    """No usable response: the connection failed or broke, or a 2xx body could not be read (a compressed body that
    does not decompress). (An error status whose body does not decompress is still the error of its status.)
    `request` is what was being sent."""

    def __init__(self, message: str = "Connection error.", *, request: httpx.Request) -> None:
        super().__init__(message)
        self.request = request


class APITimeoutError(APIConnectionError):
    """The request timed out: a connection, a wait for data, or a whole attempt took longer than the client's
    `timeout=` allows. The message says which timeout ran out, its value, and where the request was going."""

    def __init__(self, request: httpx.Request, *, message: str = "Request timed out.") -> None:
        super().__init__(message, request=request)


class APIResponseValidationError(PilotStatusError):
    """A 2xx response whose body does not parse into its model (not JSON, a required field missing, a value that
    cannot be read, such as a timestamp), or that breaks what paging relies on. The models do not check every type
    a schema states: a field of the wrong type is kept as it came."""

    def __init__(self, message: str, *, response: httpx.Response) -> None:
        super().__init__(message)
        self.response = response
        self.status_code = response.status_code


class APIStatusError(PilotStatusError):
    """The API answered with a non-2xx status.

    Attributes:
        status_code: the HTTP status.
        code: the body's machine-readable `code` (such as `FEATURE_NOT_SUPPORTED`), or None.
        message: the body's human-readable `error`; for a body that is not a JSON error object, a short excerpt of it
            or the status's reason phrase. `str(error)` is one line: the status, code and message, shortened.
        body: the parsed JSON body, or None when the body is not JSON.
        text: the body's text, whatever it is (HTML, empty...).
        details: the body's `details` object, or None.
        headers: the response headers.
        response: the `httpx.Response` itself.

    Should the server echo the key back, it is redacted from `message`, `text`, `body`, `details`, `headers` and the
    reason phrase (also in `response.headers` and `response.reason_phrase`); only the raw bytes of `response` are
    left as they came. A body that does not decode (a compressed body that does not decompress) gives no `body`
    and an empty `text`, and the message says so; `response.content` has its bytes as they came.
    """

    status_code: int

    def __init__(self, *, response: httpx.Response, body: Any, text: str, code: str | None, message: str) -> None:
        self.response = response
        self.status_code = response.status_code
        self.headers = response.headers
        self.body = body
        self.text = text
        self.code = code
        self.message = message
        details = body.get("details") if isinstance(body, dict) else None
        self.details: dict[str, Any] | None = details if isinstance(details, dict) else None
        super().__init__(" ".join(_excerpt(part) for part in (str(self.status_code), code, message) if part))


class BadRequestError(APIStatusError):
    """400: the request is invalid (a parameter, or a feature the number's provider does not support)."""


class AuthenticationError(APIStatusError):
    """401: the `x-api-key` / `x-api-key-id` header is missing or invalid."""


class PaymentRequiredError(APIStatusError):
    """402: the operation needs a paid subscription."""


class PermissionDeniedError(APIStatusError):
    """403: the key is valid but may not perform this operation (for example, the wrong key scope)."""


class NotFoundError(APIStatusError):
    """404: the resource does not exist within the key's scope."""


class ConflictError(APIStatusError):
    """409: the resource is not in a state that allows the operation."""


class RateLimitError(APIStatusError):
    """429: too many requests. `retry_after` is the server's requested wait in seconds, when it sent one (a
    `Retry-After` header, or the body's `retryAfterSeconds`)."""

    @property
    def retry_after(self) -> float | None:
        return retry_after(self.headers, self.body)


class InternalServerError(APIStatusError):
    """5xx: the API failed."""


class FeatureNotSupportedError(BadRequestError):
    """400 FEATURE_NOT_SUPPORTED: the number's provider does not support this operation (for calls, only Meta Cloud
    API and Pilot Status web numbers do)."""


class TenantScopeNotAllowedError(PermissionDeniedError):
    """403 TENANT_SCOPE_NOT_ALLOWED: a tenant-scoped key was used on an endpoint of one number; use that number's
    key."""


class NumberScopeNotAllowedError(PermissionDeniedError):
    """403 NUMBER_SCOPE_NOT_ALLOWED: a number-scoped key was used on a tenant endpoint; use the tenant key."""


class CallNotFoundError(NotFoundError):
    """404 CALL_NOT_FOUND: no call with that id belongs to the key's number."""


class TemplateNotFoundError(NotFoundError):
    """404 TEMPLATE_NOT_FOUND: no template of the key's number has that id or name."""


class TemplateExamplesRequiredError(BadRequestError):
    """400 TEMPLATE_EXAMPLES_REQUIRED: a variable of the template (in its header, body or a dynamic URL button) has no
    sample value in `examples`. `missing` names those variables."""

    @property
    def missing(self) -> list[str]:
        """The variables without an example, as the body's `details.missing` lists them (empty when it does not)."""
        missing = (self.details or {}).get("missing")
        return [str(name) for name in missing] if isinstance(missing, list) else []


class TemplateNameTakenError(ConflictError):
    """409 TEMPLATE_NAME_TAKEN: the number has a template of that name already. (The documentation says only 409; the
    code is the spec's inference.)"""


class InstanceNotConnectedError(ConflictError):
    """409 WHATSAPP_INSTANCE_NOT_CONNECTED: the web number's WhatsApp session is not connected."""


class NumberBlockedError(ConflictError):
    """409 NUMBER_BLOCKED: the number may not send, for the `reason` the body gives (`extra_charge_unpaid`: its
    extra-number charge was refused; pay it, and the number sends again). Nothing was sent, nor kept for an
    `Idempotency-Key`: the same request may be sent again once the number is unblocked. Never retried."""

    @property
    def reason(self) -> str | None:
        """Why the number is blocked, as the body's `reason` says (`extra_charge_unpaid`), or None."""
        reason = self.body.get("reason") if isinstance(self.body, dict) else None
        return reason if isinstance(reason, str) else None


class MediaSubscriptionRequiredError(PaymentRequiredError):
    """402 SUBSCRIPTION_REQUIRED_FOR_MEDIA: the account's plan does not include sending media; a message without
    media still goes out. Never retried."""


class IdempotencyKeyReusedError(ConflictError):
    """409 IDEMPOTENCY_KEY_REUSED: the `Idempotency-Key` was used in the last 24 hours with another body. Nothing
    was done: a key stands for one request, so send another request with another key (or none, for a fresh one).
    Never retried."""


class IdempotencyKeyInUseError(ConflictError):
    """409 IDEMPOTENCY_KEY_IN_USE: a request with the same `Idempotency-Key` is still running. This one was refused,
    not acted on: the SDK sends it again (after `Retry-After`, or the backoff), within `max_retries`, and raises this
    only when they are spent."""


class CallPermissionError(APIStatusError):
    """Meta refused a call operation for lack of, or for too many requests of, the user's call permission. Mapped by
    its `code` whatever the status: Meta's own status for these is 401 (138006) or 400 (138009), and Pilot Status
    does not document its own, so a 401 with one of these codes is never an `AuthenticationError` (the key is
    fine)."""


class CallPermissionRequiredError(CallPermissionError):
    """META_CALL_PERMISSION_REQUIRED (Meta 138006): the user has not granted permission to be called. Check it with
    `calls.permissions.retrieve(to=...)` and ask for it with `calls.permissions.request(to=...)`."""


class CallPermissionRequestLimitError(CallPermissionError):
    """META_CALL_PERMISSION_REQUEST_LIMIT (Meta 138009): too many permission requests to this user (Meta allows one
    a day and two a week per business and user)."""


class WebhookError(PilotStatusError):
    """A webhook delivery to refuse (a receiver answers it with a 4xx): its signature does not verify
    (`WebhookVerificationError`), or its verified body is not an event (`WebhookPayloadError`). `payload` is the
    body's bytes, as they came. The message never holds the secret or the signature expected."""

    def __init__(self, message: str, *, payload: bytes = b"") -> None:
        super().__init__(message)
        self.payload = payload


class WebhookVerificationError(WebhookError):
    """The webhook's `x-pilot-status-signature` is missing, malformed, or not the HMAC-SHA256 of its body with the
    secret: the body was changed on the way, was signed with another secret, or did not come from Pilot Status."""


class WebhookPayloadError(WebhookError, ValueError):
    """A webhook whose signature verifies, but whose body is not a JSON object, or is a documented event
    (`call.ended`, ...) its schema refuses: a required key missing, a value of the wrong type or `null` where none is
    allowed, a number that is not finite, a timestamp without a zone; the message names the field. An event this SDK
    does not know is no error: it comes back as an `UnknownWebhookEvent`. Also a `ValueError`, as a body that is not
    JSON is for `json.loads`."""


# Codes whose meaning does not depend on the status they come with: their class is used whatever the status.
_ERRORS_BY_CODE_ANY_STATUS: dict[str, type[APIStatusError]] = {
    "META_CALL_PERMISSION_REQUIRED": CallPermissionRequiredError,
    "META_CALL_PERMISSION_REQUEST_LIMIT": CallPermissionRequestLimitError,
}

# With the table above, the one mapping: a documented `code` picks its class first, then the status does. A code
# listed here only applies with the status it is documented with; on any other status the status class is used and
# `.code` is still kept.
_ERRORS_BY_CODE: dict[str, type[APIStatusError]] = {
    "FEATURE_NOT_SUPPORTED": FeatureNotSupportedError,
    "TENANT_SCOPE_NOT_ALLOWED": TenantScopeNotAllowedError,
    "NUMBER_SCOPE_NOT_ALLOWED": NumberScopeNotAllowedError,
    "CALL_NOT_FOUND": CallNotFoundError,
    "WHATSAPP_INSTANCE_NOT_CONNECTED": InstanceNotConnectedError,
    "TEMPLATE_NOT_FOUND": TemplateNotFoundError,
    "TEMPLATE_EXAMPLES_REQUIRED": TemplateExamplesRequiredError,
    "TEMPLATE_NAME_TAKEN": TemplateNameTakenError,
    "NUMBER_BLOCKED": NumberBlockedError,
    "SUBSCRIPTION_REQUIRED_FOR_MEDIA": MediaSubscriptionRequiredError,
    "IDEMPOTENCY_KEY_REUSED": IdempotencyKeyReusedError,
    "IDEMPOTENCY_KEY_IN_USE": IdempotencyKeyInUseError,
}
_ERRORS_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    402: PaymentRequiredError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    429: RateLimitError,
}


def error_class(status_code: int, code: str | None) -> type[APIStatusError]:
    """The exception class for a non-2xx response with this status and body `code`."""
    if code in _ERRORS_BY_CODE_ANY_STATUS:
        return _ERRORS_BY_CODE_ANY_STATUS[code]
    status_class: type[APIStatusError] = (
        InternalServerError if status_code >= 500 else _ERRORS_BY_STATUS.get(status_code, APIStatusError)
    )
    code_class = _ERRORS_BY_CODE.get(code) if code else None
    if code_class is not None and issubclass(code_class, status_class) and status_class is not APIStatusError:
        return code_class
    return status_class


def status_error(
    response: httpx.Response, *, redact: Callable[[str], str] = str, undecodable: str | None = None
) -> APIStatusError:
    """Build the exception for a non-2xx `response`, whatever its body (JSON error object, other JSON, HTML, empty).

    `redact` is applied to everything taken from the response (the body, the headers, the reason phrase) before
    anything is taken from it, so that a key a server echoes back appears in no text the exception carries.
    `undecodable` is why the body could not be decoded (a compressed body that does not decompress), when it could
    not: the error then has no body and no text, and its message says so.
    """
    redact_response(response, redact)
    reason = response.reason_phrase or "HTTP error"
    if undecodable is not None:
        message = f"{reason}; the body could not be decoded ({redact(undecodable)})"
        cls = error_class(response.status_code, None)
        return cls(response=response, body=None, text="", code=None, message=message)
    text = redact(response.text)
    body: Any
    try:
        body = _redacted_json(json.loads(text), redact) if text.strip() else None
    except (ValueError, RecursionError):  # RecursionError: JSON nested deeper than the parser goes
        body = None
    code = body.get("code") if isinstance(body, dict) else None
    code = code if isinstance(code, str) and code else None
    message = _message(body, text) or reason
    cls = error_class(response.status_code, code)
    return cls(response=response, body=body, text=text, code=code, message=message)


def redact_response(response: httpx.Response, redact: Callable[[str], str]) -> None:
    """Apply `redact` to what an exception shows of `response`: its headers and its reason phrase (which its repr
    shows too). Only its raw body is left as it came."""
    pairs = response.headers.multi_items()
    redacted = [(name, redact(value)) for name, value in pairs]
    if redacted != pairs:
        response.headers = httpx.Headers(redacted)
    reason = response.extensions.get("reason_phrase")
    if isinstance(reason, bytes):
        text = reason.decode("ascii", errors="ignore")  # as `response.reason_phrase` reads it
        if redact(text) != text:
            response.extensions["reason_phrase"] = redact(text).encode("ascii")


def _redacted_json(value: Any, redact: Callable[[str], str]) -> Any:
    """`value` (parsed JSON) with `redact` applied to every string in it: a JSON string can spell the key with
    escapes that only parsing undoes."""
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, list):
        return [_redacted_json(item, redact) for item in value]
    if isinstance(value, dict):
        return {redact(key): _redacted_json(item, redact) for key, item in value.items()}
    return value


def _message(body: Any, text: str) -> str | None:
    """The human-readable part of an error body: its `error` (or `message`) string, else a short excerpt of a body
    that is plain text. An HTML page says nothing a status line does not, so it gives None."""
    if isinstance(body, dict):
        for key in ("error", "message"):
            value = body.get(key)
            if isinstance(value, str) and value:
                return value
    if body is None and text.lstrip().startswith("<"):
        return None
    return _excerpt(text) or None


def _excerpt(text: str) -> str:
    """`text` on one line, shortened."""
    line = " ".join(text.split())
    return line if len(line) <= _TEXT_EXCERPT else line[: _TEXT_EXCERPT - 1] + "…"
