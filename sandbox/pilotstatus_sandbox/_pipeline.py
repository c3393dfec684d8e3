"""The request pipeline: what every request goes through before its handler, driven by the catalogue
(`pilotstatus_api.catalogue`: each operation's scope, providers and body limit), the same for every operation and
area, in this order:

1. the key: `x-api-key`, else `x-api-key-id` (401 `Unauthorized` when missing or unknown), but for an operation of
   scope `none` (the token routes), which takes no key and skips steps 1 to 3;
2. the rate limit, when `SandboxConfig.rate_limit` is set (429 with `Retry-After`, per key);
3. the key's scope against the operation's: the rate-limited key (429, `Retry-After: 3600`); for scope `number`,
   the tenant key without an `x-whatsapp-number-id` naming a sandbox number (403 TENANT_SCOPE_NOT_ALLOWED); for
   scope `tenant`, any number's key (403 NUMBER_SCOPE_NOT_ALLOWED); scope `any` takes both kinds of key;
4. for an operation that honours an `Idempotency-Key` (the catalogue's `idempotency`: `optional` or `required`),
   the key's form (400 IDEMPOTENCY_KEY_INVALID, `_idempotency`); then the parameters and the JSON body against the
   spec, by openapi-core (400 `Validation error: ...`, no code, naming the parameter or field and the problem; a
   plainly valid request without a body by openapi-core's own checks made once, `_validation`); first, a body over
   its operation's limit (the catalogue's `body_limit`: 1 MiB unless the operation's `x-pilotstatus` `bodyLimit`
   says otherwise) is 413 PAYLOAD_TOO_LARGE, refused by its Content-Length before any of it is read, or, chunked,
   at the chunk that passes the limit, the rest left unread;
5. the provider, for an operation that acts on a number: an operation whose catalogue `providers` lack the
   number's kind (400 FEATURE_NOT_SUPPORTED, saying which numbers have it, `_providers`; or, to a kind that serves
   none of the area's operations, the area's own wording: "Calling is only supported for Meta Cloud API and Pilot
   Status (web) numbers." for each Calls operation on the Evolution v2 number);
6. the connection, for an operation that acts on a number: a web number whose WhatsApp session is not connected
   (409 WHATSAPP_INSTANCE_NOT_CONNECTED);
7. for a request with an idempotency key, the key's state on the number (`_idempotency`): the answer stored for the
   same key and body, replayed with `Idempotent-Replayed: true`; 409 IDEMPOTENCY_KEY_REUSED or _IN_USE;
8. the operation itself, between the faults armed for it on the number, if any (`_faults`): its area's handler
   (`<area>/responses.py`), by the backend: 404 CALL_NOT_FOUND, 409 INVALID_CALL_STATE, 400
   META_CALL_PERMISSION_REQUIRED, a send's 409 NUMBER_BLOCKED and 402 SUBSCRIPTION_REQUIRED_FOR_MEDIA (the number's
   standing, which `POST /_sandbox/number/state` sets; not 2xx, so never remembered for a key), a 400 validation
   error that depends on the number (`sdp` on Start call and accept: required on a Meta number, refused on a web
   one)...; or, for an operation with no handler (example-only, `_areas`), its spec's 2xx example (`_examples`).

Sandbox behaviour, not documented upstream:
- a tenant key acts on the number its `x-whatsapp-number-id` header names (`num_sandbox_meta`, `num_sandbox_web`,
  `num_sandbox_relay_only`, `num_sandbox_web_disconnected`, `num_sandbox_evolution_v2`, `num_sandbox_store_days`),
  exactly as that number's own key would; an id that names no sandbox number is 403 TENANT_SCOPE_NOT_ALLOWED too (no
  operation of the spec documents a 404 for a number), with a message listing the ids. A number's own key ignores
  the header, as upstream documents. On an operation of scope `any`, the tenant key acts on the number its header
  names, or on none without the header;
- a number's key on an operation of scope `tenant` is 403 NUMBER_SCOPE_NOT_ALLOWED (errors-auth-limits.md: the code
  is documented for number keys on tenant-only endpoints; two pages say some `/v1/numbers` reads take a number key
  too, which the catalogue would say with scope `any`). The message is the sandbox's own;
- the relay-only number is a Meta number in PII mode RELAY_ONLY: its lists are empty with `notice: PII_RELAY_ONLY`
  (`{"calls": [], "notice": "PII_RELAY_ONLY"}`; the handlers read the mode), and every other operation acts as on
  any Meta number;
- the disconnected web number answers 409 for every operation a web number serves, and 400 FEATURE_NOT_SUPPORTED
  for the others (the provider is checked first);
- the Evolution v2 number (`EVOLUTION_V2`, connected, without calls) is a kind no Calls operation names: each of
  them, and each Calls helper, is 400 FEATURE_NOT_SUPPORTED with the documented "Calling is only supported for
  Meta Cloud API and Pilot Status (web) numbers."; an operation without `providers` serves it as any number;
- a body sent to an operation without one (reject, terminate) is ignored; an optional body left out (accept, update
  settings) reads as `{}`;
- an action that the call's state does not allow is 409 INVALID_CALL_STATE, its message naming the call's status
  and what the action needs (`calls/models.py`): pre-accept (Meta), accept and reject need an INBOUND call that is
  RINGING; terminate an ACCEPTED call or an OUTBOUND one still INITIATED or RINGING; play (web) a call not yet ended
  (the audio is queued until the call is answered); realtime-session (web) an ACCEPTED call;
- a fault (`POST /_sandbox/faults`) strikes after the idempotency step: one armed `before` the operation holds the
  request's key in flight while it waits, and one `after` strikes once the answer is remembered for the key;
- timings (`calls/models.py`): a business-initiated call rings 200 ms after Start call; a magic peer answers or
  declines 1 s after it starts ringing; a permission request is answered 1 s after it is sent; nobody answering
  ends a call at the ring timeout (`SandboxConfig.ring_timeout`, 30 s by default: FAILED when the business called,
  MISSED when the user did); a realtime token lasts 120 s. `POST /_sandbox/clock/advance` skips ahead;
- magic numbers, by the last four digits of `to` (Start call): `0001` answers, `0002` declines (REJECTED), `0003`
  never answers (FAILED at the ring timeout); any other rings until terminated or the ring timeout. On a Meta
  number, `0001` and `0003` hold a permanent call permission; any other peer needs one first (400
  META_CALL_PERMISSION_REQUIRED), which a permission request grants (temporary, 7 days) unless `to` ends in
  `0002`;
- `wsUrl` is this sandbox's own WebSocket, on the host the request was sent to (`_realtime`);
- with `SandboxConfig.drift`, the successful answers of List calls and Retrieve call differ from the spec on
  purpose, deterministically: an unknown Call field, an unknown status on ended calls, an undocumented header of
  List calls (`_drift`). Without it, nothing is added.

The helpers (`/_sandbox/...`) take the same keys and go through the same steps 1 to 6 as an operation of scope
`number`, validated against the helpers' own document. The Calls helpers (`incoming`, `hangup`) are for the numbers
of a kind that serves some Calls operation: the provider step refuses them to any other as it refuses the Calls
operations, and the connection step refuses them to a number not connected; the Messages helper (a user writes,
`messages/incoming.py`) serves every kind of number, connected; the clock, the events, the faults and the number's
standing (`POST /_sandbox/number/state`) serve every number.
`GET /_sandbox/openapi.json` needs no key.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import Receive, Scope, Send

from pilotstatus_api.catalogue import OPERATIONS, Entry

from ._areas import area
from ._backend import NUMBERS, Backend, Number
from ._config import SandboxConfig
from ._drift import drift
from ._encoded import EncodedJSON
from ._errors import ApiError
from ._faults import DEFAULT_SECONDS, Disconnect, Fault, Kind, quiet_disconnects
from ._idempotency import HEADER as IDEMPOTENCY_HEADER
from ._idempotency import REPLAYED_HEADER, Stored, check_key
from ._operation import Handler, Operation
from ._providers import area_kinds, unsupported
from ._rate_limit import RateLimiter
from ._scenarios import Answer, Scenario, answer, find_scenario, scenario_of_number
from ._spec import DEFAULT_BODY_LIMIT
from ._validation import RequestValidator
from .messages.incoming import receive

__all__ = [
    "HELPER_HANDLERS",
    "Endpoint",
    "Pipeline",
    "api_operations",
    "error",
    "helper_operations",
    "helpers_spec",
]

_KEY_HEADERS = ("x-api-key", "x-api-key-id")
_NUMBER_HEADER = "x-whatsapp-number-id"
NOT_CONNECTED = "WhatsApp instance not connected"
TOO_LARGE = "PAYLOAD_TOO_LARGE"
NUMBER_SCOPE = "Number-scoped keys cannot call tenant endpoints"
"""The 403 NUMBER_SCOPE_NOT_ALLOWED message: the sandbox's wording (upstream documents the code, not its text)."""


def error(
    status: int,
    message: str,
    code: str | None = None,
    *,
    details: Mapping[str, Any] | None = None,
    reason: str | None = None,
    **extra: Any,
) -> JSONResponse:
    """The API's error body, `{"error": message, "code": code, "details": details, "reason": reason}` (no `code`,
    `details` or `reason` when None)."""
    body: dict[str, Any] = {"error": message}
    if code is not None:
        body["code"] = code
    if details is not None:
        body["details"] = dict(details)
    if reason is not None:
        body["reason"] = reason
    return JSONResponse(body, status_code=status, **extra)


# -- the sandbox's helpers, by operationId of `_helpers_openapi.json` ------------------------------------------------


def _arm_fault(op: Operation) -> Any:
    body = op.body
    operation = body["operation"]
    if operation not in _OPERATION_IDS:
        raise ApiError(400, f"Validation error: operation {operation[:80]!r} names no operation of the API")
    quiet_disconnects()
    fault = Fault(
        operation, body.get("when", "before"), body["kind"], body.get("count", 1), body.get("seconds", DEFAULT_SECONDS)
    )
    return op.backend.faults.arm(op.acting_number.number_id, fault)


_OPERATION_IDS = frozenset(entry.operation_id for entry in OPERATIONS)


def _set_number_state(op: Operation) -> Any:
    """The key's number's standing, as the body changes it (a key left out is kept): whether media sends have their
    subscription, and why its sends are blocked (None: not blocked). What the sends do with it is `sending`'s."""
    number, body = op.acting_number, op.body
    with op.backend.locked():
        if "mediaSubscription" in body:
            number.media_subscription = body["mediaSubscription"]
        if "blocked" in body:
            number.blocked = body["blocked"]
        return {"numberId": number.number_id, "mediaSubscription": number.media_subscription, "blocked": number.blocked}


HELPER_HANDLERS: dict[str, Handler] = {
    "sandbox_incoming_call": lambda op: op.acting_number.calls.incoming_call(from_=op.body["from"]),
    "sandbox_hangup_call": lambda op: op.acting_number.calls.hangup(op.call_id),
    "sandbox_incoming_message": lambda op: receive(op.backend, op.acting_number, op.body),
    "sandbox_advance_clock": lambda op: {"now": op.backend.advance(op.body["seconds"])},
    "sandbox_list_events": lambda op: {"events": op.backend.events(op.acting_number.number_id)},
    "sandbox_arm_fault": _arm_fault,
    "sandbox_list_faults": lambda op: {"faults": op.backend.faults.listed(op.acting_number.number_id)},
    "sandbox_clear_faults": lambda op: {"cleared": op.backend.faults.clear(op.acting_number.number_id)},
    "sandbox_set_number_state": _set_number_state,
}
"""One handler per keyed operation of the helpers' document (its `openapi.json` and the realtime WebSocket are
served by the app itself)."""

_HELPER_AREAS = {
    "sandbox_incoming_call": "calls",
    "sandbox_hangup_call": "calls",
    "sandbox_incoming_message": "messages",
}
"""The area whose state a helper acts on: a number whose kind serves none of that area's operations is refused the
helper as it is refused them, and a number not connected is refused it. The other helpers belong to no area."""


@cache
def helpers_spec() -> dict[str, Any]:
    """The helpers' own OpenAPI 3.1 document (`_helpers_openapi.json`, package data)."""
    text = resources.files(__package__).joinpath("_helpers_openapi.json").read_text(encoding="utf-8")
    spec: dict[str, Any] = json.loads(text)
    return spec


@dataclass(frozen=True)
class Endpoint:
    """One operation as routed: its operationId, its path in its document, its handler, and its catalogue entry
    (None for a helper, which is checked as an operation of scope `number` that the kinds serving its area serve,
    every kind for a helper of no area)."""

    operation_id: str
    template: str
    handler: Handler
    entry: Entry | None
    success_status: int = 200

    @property
    def scope(self) -> str:
        return "number" if self.entry is None else self.entry.scope

    @property
    def body_limit(self) -> int:
        limit = None if self.entry is None else self.entry.body_limit
        return DEFAULT_BODY_LIMIT if limit is None else limit

    @property
    def area(self) -> str | None:
        """The area whose state it acts on: its entry's, or a helper's (`_HELPER_AREAS`); None for a helper of none."""
        return _HELPER_AREAS.get(self.operation_id) if self.entry is None else self.entry.area

    def needs_connection(self) -> bool:
        """Whether a number not connected refuses it (when it acts on a number at all): an operation on the number
        (scope `number`: what its WhatsApp session does), not one of the account that a number's key may also call
        (scope `any`), and a helper of an area."""
        return self.area is not None and self.scope == "number"


class Pipeline:
    """The checks every request goes through (see the module's docstring), then its handler."""

    def __init__(
        self,
        config: SandboxConfig,
        backend: Backend,
        *,
        api_spec: dict[str, Any],
        operations: tuple[Entry, ...] = OPERATIONS,
    ) -> None:
        """`operations` are the catalogue's entries the app serves: which kinds of number serve each area is read
        from them."""
        self.backend = backend
        self._area_kinds = area_kinds(operations)
        self._api_validator = RequestValidator(api_spec)
        self._helper_validator = RequestValidator(helpers_spec())
        self._limiter = None if config.rate_limit is None else RateLimiter(config.rate_limit)
        self._drift = config.drift

    async def handle(self, endpoint: Endpoint, request: Request) -> Response:
        if endpoint.scope == "none":
            decided: Answer | Response = Answer("number")  # no key, so no key's number: it acts on none
        else:
            scenario = _authenticate(request)
            if scenario is None:
                return error(401, "Unauthorized")
            if self._limiter is not None and (wait := self._limiter.acquire(scenario.name)) is not None:
                return error(429, "Too many requests", headers={"Retry-After": str(wait)})
            decided = _scope(scenario, endpoint, request)
        if isinstance(decided, Response):
            return decided
        if decided.step == "scope":
            return _refusal(decided)
        key = None
        if endpoint.entry is not None and endpoint.entry.idempotency != "none":
            key = request.headers.get(IDEMPOTENCY_HEADER)
            try:
                check_key(key, required=endpoint.entry.idempotency == "required")
            except ApiError as refusal:
                return error(refusal.status, refusal.message, refusal.code, details=refusal.details)
        validator = self._api_validator if endpoint.entry is not None else self._helper_validator
        limit = endpoint.body_limit
        body = await _read_body(request, limit)
        if body is None:
            return error(413, f"Payload too large: this operation takes a body of at most {limit} bytes", TOO_LARGE)
        validated = validator.validate(request, body, template=endpoint.template)
        if validated.problem is not None:
            return error(400, f"Validation error: {validated.problem}")
        number = None
        if decided.number_id is not None:
            number = self.backend.number(decided.number_id)
            assert number is not None, f"the backend has no number {decided.number_id}"
            if (refused := self._number_refusal(endpoint, number)) is not None:
                return refused
        operation = Operation(number, self.backend, validated, request)
        if endpoint.entry is None or number is None:  # a helper, or an operation on no number: never keyed or faulted
            return self._answer(endpoint, operation)
        if key is not None:
            try:
                stored = self.backend.idempotency.begin(
                    number.number_id, key, endpoint.operation_id, validated.body, self.backend.clock.now_ms()
                )
            except ApiError as refusal:
                return error(refusal.status, refusal.message, refusal.code, details=refusal.details)
            if stored is not None:
                headers = {REPLAYED_HEADER: "true"}
                return Response(stored.body, status_code=stored.status, media_type=stored.media_type, headers=headers)
        try:
            response = await self._faulted(endpoint, operation, number.number_id, key)
        finally:
            if key is not None:
                self.backend.idempotency.abandon(number.number_id, key)  # unless `_faulted` remembered an answer
        return response

    async def _faulted(self, endpoint: Endpoint, operation: Operation, number_id: str, key: str | None) -> Response:
        """`_answer`, with the faults armed for the operation on the number (`_faults`) before and after it, and its
        answer remembered for its idempotency `key` (when there is one) before any fault after it."""
        faults = self.backend.faults
        before = faults.take(number_id, endpoint.operation_id, "before")
        if before is not None:
            if before.kind in ("timeout", "delay"):
                await faults.hold(number_id, before)
            if before.kind != "delay":
                return _fault_response(before.kind)
        response = self._answer(endpoint, operation)
        if key is not None:
            self.backend.idempotency.finish(
                number_id, key, Stored(response.status_code, bytes(response.body), response.media_type)
            )
        after = faults.take(number_id, endpoint.operation_id, "after")
        if after is None:
            return response
        if after.kind in ("timeout", "delay"):
            await faults.hold(number_id, after)
        return response if after.kind == "delay" else _fault_response(after.kind)

    def _answer(self, endpoint: Endpoint, operation: Operation) -> Response:
        """The operation's handler, and its answer as a response."""
        try:
            result = endpoint.handler(operation)
        except ApiError as refusal:
            return error(refusal.status, refusal.message, refusal.code, details=refusal.details, reason=refusal.reason)
        return self._success(endpoint, operation.request, operation.number, result)

    def _success(self, endpoint: Endpoint, request: Request, number: Number | None, result: Any) -> Response:
        """A handler's successful answer as a response: drifted when asked, already encoded when it is."""
        if endpoint.success_status == 204:
            return Response(status_code=204)
        if self._drift and endpoint.entry is not None:  # the one place a successful answer is made: drift's place
            target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
            history = None if number is None else number.calls.history
            value = result.value() if isinstance(result, EncodedJSON) else result
            drifted, headers = drift(endpoint.operation_id, value, target=target, history=history)
            return JSONResponse(drifted, status_code=endpoint.success_status, headers=headers)
        if isinstance(result, EncodedJSON):  # assembled from pieces encoded earlier: the bytes JSONResponse writes
            return Response(result.data, status_code=endpoint.success_status, media_type=JSONResponse.media_type)
        return JSONResponse(result, status_code=endpoint.success_status)

    def _number_refusal(self, endpoint: Endpoint, number: Number) -> Response | None:
        """Steps 5 and 6 for a request that acts on `number`: its provider, then its connection."""
        name = endpoint.area
        if name is not None:
            served_in_area = self._area_kinds.get(name)
            entry = endpoint.entry
            kinds = served_in_area if entry is None else entry.providers  # a helper: the kinds that serve its area
            what = f"{entry.http_method} {entry.path}" if entry is not None else f"The helper {endpoint.template}"
            reason = unsupported(number.provider, what, kinds, area(name), served_in_area)
            if reason is not None:
                return error(400, reason, "FEATURE_NOT_SUPPORTED")
        if endpoint.needs_connection() and not number.connected:
            return error(409, NOT_CONNECTED, "WHATSAPP_INSTANCE_NOT_CONNECTED")
        return None


class _Dropped(Response):
    """No answer: the connection is closed once the status line is out, before the body (`_faults.Disconnect`)."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": 500, "headers": []})
        await send({"type": "http.response.body", "body": b"", "more_body": True})
        raise Disconnect


def _fault_response(kind: Kind) -> Response:
    """What a fault sends instead of the answer: a 503, or nothing (`disconnect`, and `timeout` once held)."""
    if kind == "503":
        return error(503, "Service unavailable (sandbox fault)")
    return _Dropped()


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


def _scope(scenario: Scenario, endpoint: Endpoint, request: Request) -> Answer | Response:
    """What the key's scope makes of the request, given the operation's: the tenant key acts as the number its
    header names, a number's key as its number."""
    tenant = scenario.name == "tenant"
    if endpoint.scope == "tenant":
        if tenant:
            return Answer("number")  # the tenant's own operation: it acts on no number
        decided = answer(scenario, endpoint.operation_id)
        if decided.step == "scope":  # the rate-limited key: refused whatever the operation
            return decided
        return Answer("scope", 403, "NUMBER_SCOPE_NOT_ALLOWED", NUMBER_SCOPE)
    if not tenant:
        return answer(scenario, endpoint.operation_id)
    named = request.headers.get(_NUMBER_HEADER)
    if named is None:
        return Answer("number") if endpoint.scope == "any" else answer(scenario, endpoint.operation_id)
    owner = scenario_of_number(named)
    if owner is None:
        assert scenario.error is not None
        return error(
            403,
            f"{scenario.error}: {_NUMBER_HEADER} names no number of this account (the sandbox's: {_NUMBER_IDS})",
            scenario.code,
        )
    return answer(owner, endpoint.operation_id)


def _refusal(decided: Answer) -> JSONResponse:
    assert decided.error is not None, f"a {decided.status} refusal without a message"
    headers = {} if decided.retry_after is None else {"Retry-After": str(decided.retry_after)}
    return error(decided.status, decided.error, decided.code, headers=headers)


def api_operations(entries: tuple[Entry, ...] = OPERATIONS) -> dict[tuple[str, str], str]:
    """Every operation of the catalogue: (path, METHOD) -> operationId."""
    return {(entry.path, entry.http_method): entry.operation_id for entry in entries}


def helper_operations() -> dict[tuple[str, str], str]:
    """Every operation of the helpers' document: (path, METHOD) -> operationId."""
    spec = helpers_spec()
    return {
        (path, method.upper()): operation["operationId"]
        for path, item in spec["paths"].items()
        for method, operation in item.items()
        if method in _METHODS
    }


_METHODS = frozenset({"get", "put", "post", "delete", "patch"})
