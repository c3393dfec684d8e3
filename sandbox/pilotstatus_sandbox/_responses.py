"""The sandbox's HTTP handlers (moto's `responses.py`): one thin handler per operationId of `openapi.json`, and one
per test helper of `_helpers_openapi.json`. A handler reads the validated request, calls the backend (`_models`)
and returns its JSON; everything before that is the same for every operation, in this order:

1. the key: `x-api-key`, else `x-api-key-id` (401 `Unauthorized` when missing or unknown);
2. the rate limit, when `SandboxConfig.rate_limit` is set (429 with `Retry-After`, per key);
3. the key's scope: the tenant key without an `x-whatsapp-number-id` naming a sandbox number (403
   TENANT_SCOPE_NOT_ALLOWED), the rate-limited key (429, `Retry-After: 3600`);
4. the parameters and the JSON body against the spec, by openapi-core (400 `Validation error: ...`, no code,
   naming the parameter or field and the problem); first, a body over its operation's limit (`_spec.body_limit`:
   1 MiB unless the operation's `x-pilotstatus` `bodyLimit` says otherwise) is 413 PAYLOAD_TOO_LARGE, refused by its
   Content-Length before any of it is read, or, chunked, at the chunk that passes the limit, the rest left unread;
5. the provider: the unsupported-provider key (400 FEATURE_NOT_SUPPORTED, "Calling is only supported for Meta Cloud
   API and Pilot Status (web) numbers."), or an operation the number's provider lacks (400 FEATURE_NOT_SUPPORTED,
   saying which numbers have it: `_providers`);
6. the connection: a web number whose WhatsApp session is not connected (409 WHATSAPP_INSTANCE_NOT_CONNECTED);
7. the operation itself, by the backend: 404 CALL_NOT_FOUND, 409 INVALID_CALL_STATE, 400
   META_CALL_PERMISSION_REQUIRED, a 400 validation error that depends on the number (`sdp` on Start call and
   accept: required on a Meta number, refused on a web one)...

Sandbox behaviour, not documented upstream:
- a tenant key acts on the number its `x-whatsapp-number-id` header names (`num_sandbox_meta`, `num_sandbox_web`,
  `num_sandbox_relay_only`, `num_sandbox_web_disconnected`), exactly as that number's own key would; an id that
  names no sandbox number is 403 TENANT_SCOPE_NOT_ALLOWED too (no operation of the spec documents a 404 for a
  number), with a message listing the ids. A number's own key ignores the header, as upstream documents;
- the relay-only number lists no calls (`{"calls": [], "notice": "PII_RELAY_ONLY"}`) but acts as a Meta number for
  every other operation;
- the disconnected web number answers 409 for every operation a web number serves, and 400 FEATURE_NOT_SUPPORTED
  for the others (the provider is checked first);
- a body sent to an operation without one (reject, terminate) is ignored; an optional body left out (accept, update
  settings) reads as `{}`;
- an action that the call's state does not allow is 409 INVALID_CALL_STATE, its message naming the call's status
  and what the action needs (`_models`): pre-accept (Meta), accept and reject need an INBOUND call that is RINGING;
  terminate an ACCEPTED call or an OUTBOUND one still INITIATED or RINGING; play (web) a call not yet ended (the
  audio is queued until the call is answered); realtime-session (web) an ACCEPTED call;
- timings (`_models`): a business-initiated call rings 200 ms after Start call; a magic peer answers or declines
  1 s after it starts ringing; a permission request is answered 1 s after it is sent; nobody answering ends a call
  at the ring timeout (`SandboxConfig.ring_timeout`, 30 s by default: FAILED when the business called, MISSED when
  the user did); a realtime token lasts 120 s. `POST /_sandbox/clock/advance` skips ahead;
- magic numbers, by the last four digits of `to` (Start call): `0001` answers, `0002` declines (REJECTED), `0003`
  never answers (FAILED at the ring timeout); any other rings until terminated or the ring timeout. On a Meta
  number, `0001` and `0003` hold a permanent call permission; any other peer needs one first (400
  META_CALL_PERMISSION_REQUIRED), which a permission request grants (temporary, 7 days) unless `to` ends in
  `0002`;
- `wsUrl` is this sandbox's own WebSocket, on the host the request was sent to (`_realtime`);
- with `SandboxConfig.drift`, the successful answers of List calls and Retrieve call differ from the spec on
  purpose, deterministically: an unknown Call field, an unknown status on ended calls, an undocumented header of
  List calls (`_drift`). Without it, nothing is added.

The helpers (`/_sandbox/...`) take the same keys and go through the same steps 1 to 6 (the provider step refuses
only the unsupported-provider key; the connection step only `incoming` and `hangup`), validated against the
helpers' own document. `GET /_sandbox/openapi.json` needs no key.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from ._config import SandboxConfig
from ._drift import drift
from ._instants import parse_before_ms
from ._models import NUMBERS, ApiError, Backend, Number
from ._providers import unsupported
from ._rate_limit import RateLimiter
from ._scenarios import Answer, Scenario, answer, find_scenario, scenario_of_number
from ._spec import load_spec, validation_spec
from ._validation import RequestValidator, ValidatedRequest

__all__ = ["API_HANDLERS", "HELPER_HANDLERS", "Endpoint", "Operation", "Responses", "error", "helpers_spec"]

_KEY_HEADERS = ("x-api-key", "x-api-key-id")
_NUMBER_HEADER = "x-whatsapp-number-id"
NOT_CONNECTED = "WhatsApp instance not connected"
TOO_LARGE = "PAYLOAD_TOO_LARGE"


def error(status: int, message: str, code: str | None = None, **extra: Any) -> JSONResponse:
    """The API's error body, `{"error": message, "code": code}` (no `code` when None)."""
    body: dict[str, Any] = {"error": message}
    if code is not None:
        body["code"] = code
    return JSONResponse(body, status_code=status, **extra)


@dataclass(frozen=True)
class Operation:
    """What a handler gets: the number the request acts on, the backend, the validated request, and the request
    itself (for its host, when an answer holds a URL)."""

    number: Number
    backend: Backend
    validated: ValidatedRequest
    request: Request

    @property
    def body(self) -> Mapping[str, Any]:
        """The JSON body; `{}` for an optional body left out."""
        body = self.validated.body
        return {} if body is None else body

    @property
    def call_id(self) -> str:
        call_id: str = self.request.path_params["callId"]
        return call_id


Handler = Callable[[Operation], Any]


# -- the API's operations, by operationId ------------------------------------------------------------------------


def _list_calls(op: Operation) -> Any:
    before = op.validated.query.get("before")
    before_ms = None if before is None else parse_before_ms(before)
    if before is not None and before_ms is None:  # the spec's check has passed it, so this is a defect
        raise ApiError(400, f"Validation error: before ({before[:40]!r}) is not an RFC 3339 date-time")
    return {"calls": op.number.list_calls(limit=op.validated.query["limit"], before_ms=before_ms)}


def _start_call(op: Operation) -> Any:
    body = op.body
    return op.number.start_call(
        to=body["to"], sdp=body.get("sdp"), biz_opaque_callback_data=body.get("bizOpaqueCallbackData")
    )


def _get_call(op: Operation) -> Any:
    return op.number.get_call(op.call_id, include_sdp=op.validated.query.get("includeSdp") == "1")


def _realtime_session(op: Operation) -> Any:
    token, expires_in = op.number.open_realtime_session(op.call_id, mode=op.body["mode"])
    return {"wsUrl": realtime_url(op.request, op.call_id, token), "token": token, "expiresInSeconds": expires_in}


API_HANDLERS: dict[str, Handler] = {
    "get_calls": _list_calls,
    "post_calls": _start_call,
    "get_calls_callId": _get_call,
    "post_calls_callId_pre-accept": lambda op: op.number.pre_accept(op.call_id, sdp=op.body["sdp"]),
    "post_calls_callId_accept": lambda op: op.number.accept(op.call_id, sdp=op.body.get("sdp")),
    "post_calls_callId_reject": lambda op: op.number.reject(op.call_id),
    "post_calls_callId_terminate": lambda op: op.number.terminate(op.call_id),
    "post_calls_callId_play": lambda op: op.number.play(op.call_id, media_url=op.body["mediaUrl"]),
    "post_calls_callId_realtime-session": _realtime_session,
    "get_calls_settings": lambda op: op.number.get_settings(),
    "put_calls_settings": lambda op: op.number.update_settings(dict(op.body)),
    "get_calls_permissions": lambda op: op.number.get_permission(op.validated.query["to"]),
    "post_calls_permissions_request": lambda op: op.number.request_permission(
        to=op.body["to"], text=op.body.get("text")
    ),
}
"""One handler per operationId of `openapi.json`."""


# -- the sandbox's helpers, by operationId of `_helpers_openapi.json` ------------------------------------------------

HELPER_HANDLERS: dict[str, Handler] = {
    "sandbox_incoming_call": lambda op: op.number.incoming_call(from_=op.body["from"]),
    "sandbox_hangup_call": lambda op: op.number.hangup(op.call_id),
    "sandbox_advance_clock": lambda op: {"now": op.backend.advance(op.body["seconds"])},
    "sandbox_list_events": lambda op: {"events": op.backend.events(op.number.number_id)},
}
"""One handler per keyed operation of the helpers' document (its `openapi.json` and the realtime WebSocket are
served by the app itself)."""

_HELPERS_NEEDING_A_CONNECTION = frozenset({"sandbox_incoming_call", "sandbox_hangup_call"})


@cache
def helpers_spec() -> dict[str, Any]:
    """The helpers' own OpenAPI 3.1 document (`_helpers_openapi.json`, package data)."""
    text = resources.files(__package__).joinpath("_helpers_openapi.json").read_text(encoding="utf-8")
    spec: dict[str, Any] = json.loads(text)
    return spec


def realtime_url(request: Request, call_id: str, token: str) -> str:
    """The `wsUrl` of a realtime session: this sandbox's own WebSocket, on the host the request was sent to."""
    host = request.headers.get("host") or request.url.netloc
    scheme = "wss" if request.url.scheme == "https" else "ws"
    return f"{scheme}://{host}/_sandbox/realtime/{quote(call_id, safe='')}?token={quote(token, safe='')}"


@dataclass(frozen=True)
class Endpoint:
    """One operation as routed: its operationId, its path in its document, its handler, and whether it is one of
    the API's (the provider and connection steps apply) or a helper."""

    operation_id: str
    template: str
    handler: Handler
    api: bool


class Responses:
    """The checks every request goes through (see the module's docstring), then its handler."""

    def __init__(self, config: SandboxConfig, backend: Backend) -> None:
        self.backend = backend
        self._api_validator = RequestValidator(validation_spec())
        self._helper_validator = RequestValidator(helpers_spec())
        self._limiter = None if config.rate_limit is None else RateLimiter(config.rate_limit)
        self._drift = config.drift

    async def handle(self, endpoint: Endpoint, request: Request) -> Response:
        scenario = _authenticate(request)
        if scenario is None:
            return error(401, "Unauthorized")
        if self._limiter is not None and (wait := self._limiter.acquire(scenario.name)) is not None:
            return error(429, "Too many requests", headers={"Retry-After": str(wait)})
        decided = _scope(scenario, endpoint.operation_id, request)
        if isinstance(decided, Response):
            return decided
        if decided.step == "scope":
            return _refusal(decided)
        validator = self._api_validator if endpoint.api else self._helper_validator
        limit = validator.body_limit(request, template=endpoint.template)
        body = await _read_body(request, limit)
        if body is None:
            return error(413, f"Payload too large: this operation takes a body of at most {limit} bytes", TOO_LARGE)
        validated = validator.validate(request, body, template=endpoint.template)
        if validated.problem is not None:
            return error(400, f"Validation error: {validated.problem}")
        if decided.step == "provider":
            return _refusal(decided)
        assert decided.number_id is not None, "an answer that acts on a number names it"
        number = self.backend.number(decided.number_id)
        assert number is not None, f"the backend has no number {decided.number_id}"
        if endpoint.api and (reason := unsupported(number.provider, endpoint.operation_id)) is not None:
            return error(400, reason, "FEATURE_NOT_SUPPORTED")
        needs_connection = endpoint.api or endpoint.operation_id in _HELPERS_NEEDING_A_CONNECTION
        if needs_connection and not number.connected:
            return error(409, NOT_CONNECTED, "WHATSAPP_INSTANCE_NOT_CONNECTED")
        if decided.body is not None:
            result: Any = dict(decided.body)
        else:
            try:
                result = endpoint.handler(Operation(number, self.backend, validated, request))
            except ApiError as refusal:
                return error(refusal.status, refusal.message, refusal.code)
        if self._drift and endpoint.api:  # the one place a successful answer is made: where drift is planted
            target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
            drifted, headers = drift(endpoint.operation_id, result, target=target, history=number.history)
            return JSONResponse(drifted, headers=headers)
        return JSONResponse(result)


async def _read_body(request: Request, limit: int) -> bytes | None:
    """The request's body, or None as soon as it is known to hold more than `limit` bytes: by its Content-Length
    before any of it is read, or, sent without one (chunked), at the chunk that passes the limit, the rest left
    unread."""
    length = request.headers.get("content-length", "")
    if length.isascii() and length.isdigit() and int(length) > limit:
        return None
    chunks = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def _authenticate(request: Request) -> Scenario | None:
    """The demo key's scenario: `x-api-key` when given (whatever `x-api-key-id` says), else `x-api-key-id`."""
    credential = next(((name, request.headers[name]) for name in _KEY_HEADERS if name in request.headers), None)
    return None if credential is None else find_scenario(*credential)


_NUMBER_IDS = ", ".join(spec.number_id for spec in NUMBERS)


def _scope(scenario: Scenario, operation_id: str, request: Request) -> Answer | Response:
    """What the key's scope makes of the request: the tenant key acts as the number its header names."""
    if scenario.name != "tenant":
        return answer(scenario, operation_id)
    named = request.headers.get(_NUMBER_HEADER)
    if named is None:
        return answer(scenario, operation_id)
    owner = scenario_of_number(named)
    if owner is None:
        assert scenario.error is not None
        return error(
            403,
            f"{scenario.error}: {_NUMBER_HEADER} names no number of this account (the sandbox's: {_NUMBER_IDS})",
            scenario.code,
        )
    return answer(owner, operation_id)


def _refusal(decided: Answer) -> JSONResponse:
    assert decided.error is not None, f"a {decided.status} refusal without a message"
    headers = {} if decided.retry_after is None else {"Retry-After": str(decided.retry_after)}
    return error(decided.status, decided.error, decided.code, headers=headers)


def api_operations() -> dict[tuple[str, str], str]:
    """Every operation of `openapi.json`: (path, METHOD) -> operationId."""
    return _operations(load_spec())


def helper_operations() -> dict[tuple[str, str], str]:
    """Every operation of the helpers' document: (path, METHOD) -> operationId."""
    return _operations(helpers_spec())


_METHODS = frozenset({"get", "put", "post", "delete", "patch"})


def _operations(spec: Mapping[str, Any]) -> dict[tuple[str, str], str]:
    return {
        (path, method.upper()): operation["operationId"]
        for path, item in spec["paths"].items()
        for method, operation in item.items()
        if method in _METHODS
    }
