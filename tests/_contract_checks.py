"""What JSON Schema cannot say about the Calls API, as schemathesis checks: every contract run applies them to every
response (they are registered with `@schemathesis.check`, so they join the built-in checks in every phase, the
stateful one included), and `tests/test_contract_checks.py` proves that each catches what it is for.

- `calls_listed_newest_first`: a page of List calls is newest first, holds only calls created strictly before
  `before`, and no more than `limit` calls.
- `CallStatusMovesForward`: across the responses seen for one call in a run, its status only moves forward in its
  lifecycle: INITIATED -> RINGING -> ACCEPTED -> COMPLETED, or to an end (REJECTED, FAILED, MISSED) before it is
  answered; an ended call never changes.
- `RetrieveShowsActionResult`: a retrieve after an action (pre-accept, accept, reject, terminate, play) shows the
  status the action returned, or one its lifecycle reaches from there (the peer may have hung up since).

Four more checks are not registered, since each needs its target (`tests/_contract_targets.py`) or its run, and are
given to each call: `documented_answer` (a valid request refused is refused as documented for that key and
operation, with its code), `one_credential` (the request carries exactly one of the target's credentials: no
generated key), `drift_observed` (what the response holds that the spec does not say, into the run's drift log:
a failure in the sandbox, and live only for what breaks the SDK) and `message_status_moves_forward` (across the
responses one target sees, a message's status moves only forward: QUEUED -> SENT -> DELIVERED -> READ, or to an end,
FAILED or CANCELED, which it never leaves).

A call is one call per server: what the last two remember is kept by (server origin, call id) for the whole process
(one store shared by every schema, so that the stateless phases and the stateful one of a run see the same calls), and
is read from response bodies only (`id` and `status` of Start call, Retrieve call, List calls and the actions), never
from the request, whose `{callId}` may be the provider's id.
"""

from __future__ import annotations

import datetime
import json
import re
import threading
from collections import Counter
from collections.abc import Iterator, Mapping
from fractions import Fraction
from typing import Any

import schemathesis
from schemathesis.checks import CheckFunction
from schemathesis.core.failures import Failure
from schemathesis.specs.openapi.checks import negative_data_rejection

from tests._contract_targets import Target
from tests._drift import Finding, SpecIndex, escape
from tests._drift_log import DriftLog

__all__ = [
    "ACTIONS",
    "ENDED",
    "LATER",
    "MESSAGE_ENDS",
    "MESSAGE_LATER",
    "CallStatusMovesForward",
    "CallStore",
    "RetrieveShowsActionResult",
    "calls_listed_newest_first",
    "documented_answer",
    "drift_observed",
    "message_status_moves_forward",
    "observed_statuses",
    "one_credential",
    "parse_instant",
]

ENDED = frozenset({"COMPLETED", "REJECTED", "FAILED", "MISSED"})
"""The statuses a call ends in: once there, it never changes."""

LATER: Mapping[str, frozenset[str]] = {
    "INITIATED": frozenset({"RINGING", "ACCEPTED", *ENDED}),
    "RINGING": frozenset({"ACCEPTED", *ENDED}),
    # An answered call ends hung up (COMPLETED) or cut off (FAILED: call.ended documents FAILED); it can no longer be
    # declined or missed.
    "ACCEPTED": frozenset({"COMPLETED", "FAILED"}),
    **{status: frozenset() for status in ENDED},
}
"""For each status, the statuses a call can show later (a sample of responses may skip steps)."""

ACTIONS = frozenset(
    {
        "post_calls_callId_pre-accept",
        "post_calls_callId_accept",
        "post_calls_callId_reject",
        "post_calls_callId_terminate",
        "post_calls_callId_play",
    }
)
"""The operations whose answer (`CallActionResult`) is the call's status after the action."""

_ONE_CALL = frozenset({"post_calls", "get_calls_callId", *ACTIONS})


def _operation_id(case: Any) -> str:
    operation_id: str = case.operation.definition.raw.get("operationId", "")
    return operation_id


def _json(response: Any) -> Any:
    try:
        return response.json()
    except ValueError:
        return None  # not JSON: schemathesis's own checks report that


def observed_statuses(operation_id: str, body: Any) -> Iterator[tuple[str, str]]:
    """The (call id, status) pairs a 2xx body of `operation_id` shows; statuses the lifecycle does not know (the set
    is open to later values) are left out."""
    if operation_id == "get_calls":
        calls = body.get("calls") if isinstance(body, dict) else None
        items = calls if isinstance(calls, list) else []
    elif operation_id in _ONE_CALL:
        items = [body]
    else:
        items = []
    for item in items:
        if isinstance(item, dict):
            call_id, status = item.get("id"), item.get("status")
            if isinstance(call_id, str) and isinstance(status, str) and status in LATER:
                yield call_id, status


def _origin(response: Any) -> str:
    match = re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*://[^/?#]*", str(response.request.url))
    return match.group(0) if match else ""


class CallStore:
    """What each call was last seen as: (origin, call id) -> (status, where it was seen); the same for messages, by
    (target, message id). Thread-safe."""

    def __init__(self) -> None:
        self._seen: dict[tuple[str, str], tuple[str, str]] = {}
        self._lock = threading.Lock()

    def replace(self, key: tuple[str, str], status: str, where: str) -> tuple[str, str] | None:
        """Record `status` for the call; return what it was seen as before, if it was."""
        with self._lock:
            previous = self._seen.get(key)
            self._seen[key] = (status, where)
            return previous

    def get(self, key: tuple[str, str]) -> tuple[str, str] | None:
        with self._lock:
            return self._seen.get(key)


_STATUSES = CallStore()
_ACTION_RESULTS = CallStore()


@schemathesis.check
class CallStatusMovesForward:
    """A call's status only moves forward in its lifecycle, across every response of the run that shows it."""

    def __init__(self, store: CallStore | None = None) -> None:
        self.store = _STATUSES if store is None else store

    def after_response(self, ctx: Any, response: Any, case: Any) -> None:
        if not 200 <= response.status_code < 300:
            return
        origin = _origin(response)
        for call_id, status in observed_statuses(_operation_id(case), _json(response)):
            previous = self.store.replace((origin, call_id), status, case.operation.label)
            if previous is None or previous[0] == status or status in LATER[previous[0]]:
                continue
            raise Failure(
                operation=case.operation.label,
                title="Call status moved backwards",
                message=f"call {call_id} was {previous[0]} (in {previous[1]}), then {status}: "
                + (f"{previous[0]} is an end" if previous[0] in ENDED else f"{status} does not follow {previous[0]}"),
            )


@schemathesis.check
class RetrieveShowsActionResult:
    """A retrieve after an action shows the action's result: the status it returned, or a later one."""

    def __init__(self, store: CallStore | None = None) -> None:
        self.store = _ACTION_RESULTS if store is None else store

    def after_response(self, ctx: Any, response: Any, case: Any) -> None:
        if not 200 <= response.status_code < 300:
            return
        operation_id = _operation_id(case)
        origin = _origin(response)
        for call_id, status in observed_statuses(operation_id, _json(response)):
            key = (origin, call_id)
            if operation_id in ACTIONS:
                self.store.replace(key, status, case.operation.label)
                continue
            if operation_id != "get_calls_callId":
                continue
            acted = self.store.get(key)
            if acted is None or acted[0] == status or status in LATER[acted[0]]:
                continue
            raise Failure(
                operation=case.operation.label,
                title="Retrieve does not show the action's result",
                message=f"{acted[1]} left call {call_id} {acted[0]}, but retrieving it shows {status}",
            )


MESSAGE_ENDS = frozenset({"FAILED", "CANCELED"})
"""The statuses a message ends in: once there, it never changes."""

MESSAGE_LATER: Mapping[str, frozenset[str]] = {
    "QUEUED": frozenset({"SENT", "DELIVERED", "READ", *MESSAGE_ENDS}),
    # A failure may be reported after any step; CANCELED is a scheduled message's (MessageStatus: "cancelled while
    # scheduled"), so none that went out.
    "SENT": frozenset({"DELIVERED", "READ", "FAILED"}),
    "DELIVERED": frozenset({"READ", "FAILED"}),
    "READ": frozenset({"FAILED"}),
    **{status: frozenset() for status in MESSAGE_ENDS},
}
"""For each `MessageStatus`, the statuses a message can show later (a sample of responses may skip steps)."""

_ONE_MESSAGE = frozenset({"post_messages_send", "get_messages_id"})
_MESSAGE_ROWS = frozenset({"get_messages_history", "get_messages_unread", "get_messages_group"})
_REPLAYED = "idempotent-replayed"


def observed_message_statuses(operation_id: str, body: Any) -> Iterator[tuple[str, str]]:
    """The (message id, status) pairs a 2xx body of `operation_id` shows, each status as written (the set is open):
    the answer of Send message and of Get message, the rows of history, unread and group messages, and each id
    Cancel lists as cancelled, CANCELED (its other answer, counts, names no message)."""
    if operation_id == "delete_messages_cancel":
        cancelled = body.get("cancelled") if isinstance(body, dict) else None
        for message_id in cancelled if isinstance(cancelled, list) else []:
            if isinstance(message_id, str):
                yield message_id, "CANCELED"
        return
    if operation_id in _MESSAGE_ROWS:
        rows = body.get("messages") if isinstance(body, dict) else None
        items = rows if isinstance(rows, list) else []
    else:
        items = [body] if operation_id in _ONE_MESSAGE else []
    for item in items:
        if isinstance(item, dict):
            message_id, status = item.get("id"), item.get("status")
            if isinstance(message_id, str) and isinstance(status, str):
                yield message_id, status


def message_status_moves_forward(
    target: Target,
    *,
    store: CallStore | None = None,
    seen: Counter[tuple[str, str]] | None = None,
    moved: Counter[tuple[str, str, str]] | None = None,
) -> CheckFunction:
    """A message's status only moves forward (`MESSAGE_LATER`) across the responses `target` gets, each message
    followed by the id its bodies show (`observed_message_statuses`). `store` keeps, by (target, message id), the last
    status seen and the operation that showed it; `seen` counts each (target, status) observed, including the
    statuses the order does not know (the enum is open), which are recorded only: never a failure, nor a step;
    `moved` counts each (target, status before, status after) of the observations that found a message at another
    status than before, so that a run can tell what it compared. A replayed answer (`Idempotent-Replayed: true`) is
    the stored answer of an earlier request, not the message now: it is left out.

    The rows of history, unread and group messages carry a plain `status` string in the spec (the thread's delivery
    status, not a `MessageStatus`): a row's is compared only when it is one of MessageStatus's values. The sandbox
    lists a sent message under its own id, so that its rows must agree with Send and Get message; live, the rows'
    ids are the thread's (`cm_...`), and each row is followed on its own."""
    store = CallStore() if store is None else store
    seen = Counter() if seen is None else seen
    moved = Counter() if moved is None else moved

    def check(ctx: Any, response: Any, case: Any) -> None:
        if not 200 <= response.status_code < 300:
            return
        if any(value.strip().lower() == "true" for value in response.headers.get(_REPLAYED, [])):
            return
        where = case.operation.label
        for message_id, status in observed_message_statuses(_operation_id(case), _json(response)):
            seen[(target.name, status)] += 1
            if status not in MESSAGE_LATER:
                continue
            previous = store.replace((target.name, message_id), status, where)
            if previous is None or previous[0] == status:
                continue
            moved[(target.name, previous[0], status)] += 1
            if status in MESSAGE_LATER[previous[0]]:
                continue
            if previous[0] in MESSAGE_ENDS:
                why = f"{previous[0]} is an end"
            elif status == "CANCELED":
                why = "only a QUEUED message can be canceled"
            else:
                why = f"{status} comes before {previous[0]}"
            raise Failure(
                operation=where,
                title="Message status moved backwards",
                message=_masked(
                    f"message {message_id} was {previous[0]} (in {previous[1]}), then {status} (in {where}): {why}",
                    target,
                ),
            )

    return check


def _masked(text: str, target: Target) -> str:
    """`text` without any of the target's keys (a server could echo one as a message id)."""
    for _, credential in target.credentials:
        if credential:
            text = text.replace(str(credential), "[redacted]")
    return text


# RFC 3339 date-time (`format: date-time`): letters in either case, any number of fraction digits, second 60.
_DATE_TIME = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):(\d{2}))", re.ASCII
)


def parse_instant(text: str) -> Fraction | None:
    """An RFC 3339 date-time as exact seconds since the epoch (no float rounding, however many fraction digits), or
    None when `text` is not one. A leap second (`23:59:60`) is the first instant of the next minute, as in POSIX time,
    which has no second 60 and so no call created within it."""
    match = _DATE_TIME.fullmatch(text)
    if match is None:
        return None
    year, month, day, hour, minute, second = (int(group) for group in match.groups()[:6])
    fraction, _, sign, offset_hours, offset_minutes = match.groups()[6:]
    try:
        start = datetime.datetime(year, month, day, hour, minute, tzinfo=datetime.UTC)
    except ValueError:
        return None
    seconds = Fraction(int(start.timestamp()) + second)
    if fraction:
        seconds += Fraction(int(fraction), 10 ** len(fraction))
    if sign is not None:
        offset = int(offset_hours) * 3600 + int(offset_minutes) * 60
        seconds -= offset if sign == "+" else -offset
    return seconds


_DEFAULT_LIMIT = 25


@schemathesis.check
def calls_listed_newest_first(ctx: Any, response: Any, case: Any) -> None:
    """A page of List calls: newest first (equal `createdAt` allowed), every call created strictly before `before`,
    and at most `limit` calls (25 by default)."""
    if _operation_id(case) != "get_calls" or response.status_code != 200:
        return
    body = _json(response)
    calls = body.get("calls") if isinstance(body, dict) else None
    if not isinstance(calls, list):
        return  # the schema check says what is wrong
    query = case.query or {}
    limit = query.get("limit", _DEFAULT_LIMIT)
    if isinstance(limit, int) and not isinstance(limit, bool) and len(calls) > limit:
        raise Failure(
            operation=case.operation.label,
            title="Page longer than its limit",
            message=f"limit={limit} asked for at most {limit} calls; the page has {len(calls)}",
        )
    before = query.get("before")
    cursor = parse_instant(before) if isinstance(before, str) else None
    newer: tuple[Fraction, str] | None = None
    for position, call in enumerate(calls):
        created = call.get("createdAt") if isinstance(call, dict) else None
        instant = parse_instant(created) if isinstance(created, str) else None
        if instant is None:
            continue  # not a date-time: the schema check reports it
        if cursor is not None and instant >= cursor:
            raise Failure(
                operation=case.operation.label,
                title="Call not strictly before the cursor",
                message=f"calls[{position}] was created at {created}, not strictly before before={before}",
            )
        if newer is not None and instant > newer[0]:
            raise Failure(
                operation=case.operation.label,
                title="Calls not newest first",
                message=f"calls[{position}] ({created}) is newer than the call before it ({newer[1]})",
            )
        newer = (instant, str(created))


def documented_answer(
    target: Target,
    *,
    answers: Counter[tuple[str, str, int]] | None = None,
    calls: Counter[str] | None = None,
    reported: Mapping[str, frozenset[int]] | None = None,
) -> CheckFunction:
    """A valid request refused must be refused as documented for the target's key and operation, with the code
    that says why (or none, where the refusal has none: a 429, a plain validation error). Counts the answers to
    valid requests in `answers` (target, operationId, status), and those that held calls in `calls` (by target).
    With `reported` (each operation's documented statuses: a live run), a status the spec does not document is
    left to the drift report, which names it, instead of failing here."""
    answers = Counter() if answers is None else answers
    calls = Counter() if calls is None else calls

    def check(ctx: Any, response: Any, case: Any) -> None:
        if case.meta is None or case.meta.generation.mode.value != "positive":
            return
        operation_id = _operation_id(case)
        answers[(target.name, operation_id, response.status_code)] += 1
        if reported is not None and response.status_code not in reported.get(operation_id, frozenset()):
            return
        body = _json(response)
        if 200 <= response.status_code < 300:
            calls[target.name] += bool(operation_id == "get_calls" and isinstance(body, dict) and body.get("calls"))
            return
        code = body.get("code") if isinstance(body, dict) else None
        if not target.documented(operation_id, response.status_code, code if isinstance(code, str) else None):
            documented = sorted(f"{status} {code or '(no code)'}" for status, code in target.refusals[operation_id])
            raise Failure(
                operation=case.operation.label,
                title="Refusal without its documented code",
                message=f"a valid request got {response.status_code} {code or 'without a code'}; documented for this "
                f"key: {', '.join(documented) or 'none (200 only)'}",
            )

    return check


def one_credential(target: Target, *, sent: Counter[tuple[str, str, str]] | None = None) -> CheckFunction:
    """A check of the request itself: it carries one of the target's credentials, under its header, and no other
    (no generated `x-api-key` beside an `x-api-key-id`, no generated key in place of the target's). Counts the
    requests that pass in `sent` (target, operationId, key header)."""
    sent = Counter() if sent is None else sent

    def check(ctx: Any, response: Any, case: Any) -> None:
        headers = response.request.headers
        carried = [(name, headers[name]) for name in ("x-api-key", "x-api-key-id") if name in headers]
        if len(carried) == 1 and carried[0] in target.credentials:
            sent[(target.name, _operation_id(case), carried[0][0])] += 1
            return
        described = ", ".join(
            f"{name} ({'a key of the target' if (name, value) in target.credentials else 'another value'})"
            for name, value in carried
        )
        raise Failure(
            operation=case.operation.label,
            title="Request without exactly one of the target's credentials",
            message=f"expected one of {', '.join(name for name, _ in target.credentials)} with the target's key; "
            f"the request carried {described or 'none'}",
        )

    return check


def drift_observed(log: DriftLog, *, strict: bool) -> CheckFunction:
    """Every response to an operation of the spec goes into `log`, with what it holds that the spec does not say
    (`tests/_drift.py`), and so does an invalid request the deployment accepted (schemathesis's
    `negative_data_rejection` decides which: a constraint of ours it does not keep, `stricter-than-upstream`).
    `strict` (the sandbox, where both sides are ours) fails on any drift; otherwise (a live deployment) only what
    breaks the SDK fails, and the rest is reported."""
    index = log.index

    def check(ctx: Any, response: Any, case: Any) -> None:
        operation_id = _operation_id(case)
        if operation_id not in index.operations or case.method.upper() != case.operation.method.upper():
            return  # a helper of the sandbox, or a method the path does not have (the coverage phase's probes)
        log.wrote(_sent_body(response.request))
        analysis = index.analyse(operation_id, response.status_code, response.headers, response.content)
        assert analysis is not None
        # A field or an open enum's value that the run itself wrote (a settings update read back later) is an echo
        # of a request, which the spec allows to hold them, not something the deployment added.
        analysis.findings = [finding for finding in analysis.findings if not _echoed(finding, log)]
        if case.meta is not None and case.meta.generation.mode.value == "negative":
            invalid_requests = f"{index.operation_pointer(operation_id)}#invalid-requests"
            analysis.visits[invalid_requests] += 1
            try:
                negative_data_rejection(ctx, response, case)
            except Failure as failure:
                analysis.findings.append(
                    _accepted_invalid_request(index, operation_id, case, failure, invalid_requests)
                )
        log.record(operation_id, analysis, response.request)
        failing = [finding for finding in analysis.findings if strict or finding.breaks_sdk]
        if failing:
            raise Failure(
                operation=case.operation.label,
                title="Drift from openapi.json" if strict else "Drift from openapi.json that breaks the SDK",
                message="; ".join(f"{finding.kind} at {finding.where} ({finding.pointer})" for finding in failing),
            )

    return check


def _echoed(finding: Finding, log: DriftLog) -> bool:
    """Whether a finding is what a request of the run wrote: the name of a new field, or a new value of an enum."""
    if finding.kind == "unknown-field":
        return log.was_written(finding.detail)
    return finding.kind == "unknown-enum-value" and log.was_written(finding.value)


def _sent_body(request: Any) -> Any:
    """The JSON body a request carried, or None."""
    body = request.body
    if not body:
        return None
    try:
        return json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return None


def _accepted_invalid_request(index: SpecIndex, operation_id: str, case: Any, failure: Failure, scope: str) -> Finding:
    """The finding of a request our spec forbids that the deployment accepted: where the constraint stands (the
    parameter's or the body's schema) and what was sent."""
    _, _, operation = index.operations[operation_id]
    pointer = index.operation_pointer(operation_id)
    data = case.meta.phase.data
    location = getattr(getattr(data, "parameter_location", None), "value", None)
    name = getattr(data, "parameter", None)
    value: Any = None
    where = "request"
    if location == "body":
        media_type = case.media_type or "application/json"
        pointer += f"/requestBody/content/{escape(media_type)}/schema"
        value, where = case.body, "request body"
    elif location in ("query", "path", "header") and name:
        parameters = operation.get("parameters", [])
        position = next(
            (i for i, p in enumerate(parameters) if p.get("name") == name and p.get("in") == location), None
        )
        if position is not None:
            pointer += f"/parameters/{position}/schema"
        sent = {"query": case.query, "path": case.path_parameters, "header": case.headers}[location] or {}
        value, where = sent.get(name), f"{location} parameter {name}"
    constraint = getattr(data, "description", None) or (failure.message or failure.title).splitlines()[0]
    return Finding(
        "stricter-than-upstream",
        pointer,
        where,
        value,
        breaks_sdk=False,
        scope=scope,
        detail=str(constraint),
        expected=str(constraint),
    )
