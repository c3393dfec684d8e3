"""The sandbox that drifts on purpose (`SandboxConfig(drift=True)`, `pilotstatus sandbox --drift`): three
differences from `openapi.json`, planted so that the drift report, its patch and their adoption can be shown and
tested end to end against a server we control. This module is the one home of what is planted and of where.

What is planted, and nothing else:
- `DRIFT_FIELD`, an unknown field of Call objects (a recording's URL, a string), on about one call in
  `FIELD_ONE_IN`, in List calls (`get_calls`) and Retrieve call (`get_calls_callId`) alike;
- `DRIFT_STATUS`, an unknown value of the open enum `CallStatus`, in place of the status of about one call in
  `STATUS_ONE_IN` among the calls the seeded history draws as ended (COMPLETED, REJECTED, FAILED): an ended call
  of the history can no longer change, so no lifecycle is disturbed. A call created by the sandbox, or one of the
  history it has moved (a RINGING call answered, say), always shows its real status;
- `DRIFT_HEADER: DRIFT_HEADER_VALUE`, an undocumented response header, on about one in `HEADER_ONE_IN` of the
  200 responses of List calls, none of any other operation.

Each choice is a hash of what it is about (the call's `id`; the request's path and query string), never a random
draw or a counter: the same call carries the field, or not, on every page and every request, and the same request
gets the same bytes. The hash is BLAKE2b, personalised by rule, rather than CRC-32: CRC-32 is affine, so two
salted CRCs of ids of one length differ by a constant XOR and the field's and the status's selections would be
correlated. Every drifted response still conforms to `openapi.json`: its schemas are open (unknown fields are
kept, `status` is `anyOf: [CallStatus, string]`, undocumented headers are allowed).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

from ._dataset import CallHistory

__all__ = [
    "DRIFTING_OPERATIONS",
    "DRIFT_FIELD",
    "DRIFT_HEADER",
    "DRIFT_HEADER_VALUE",
    "DRIFT_STATUS",
    "ENDED_STATUSES",
    "FIELD_ONE_IN",
    "HEADER_ONE_IN",
    "RECORDINGS_URL",
    "STATUS_ONE_IN",
    "drift",
    "drifted_call",
    "plants_field",
    "plants_header",
    "plants_status",
    "recording_url",
]

DRIFT_FIELD = "recordingUrl"
"""The unknown field planted on Call objects."""
DRIFT_STATUS = "ON_HOLD"
"""The unknown `Call.status` value planted on ended calls of the seeded history."""
DRIFT_HEADER = "X-Pilot-Status-Region"
"""The undocumented header planted on 200 responses of List calls."""
DRIFT_HEADER_VALUE = "sa-east-1"
"""The planted header's value."""

RECORDINGS_URL = "https://sandbox.pilotstatus.invalid/recordings/"
"""Where the planted recordings are said to be (`.invalid`: a name that never resolves)."""

FIELD_ONE_IN = 4
"""One call in this many (by its id) carries `DRIFT_FIELD`."""
STATUS_ONE_IN = 6
"""One ended call of the seeded history in this many (by its id) shows `DRIFT_STATUS`."""
HEADER_ONE_IN = 2
"""One 200 response of List calls in this many (by its path and query string) carries `DRIFT_HEADER`."""

DRIFTING_OPERATIONS = frozenset({"get_calls", "get_calls_callId"})
"""The operations whose Call objects drift: List calls and Retrieve call."""
_LIST_CALLS = "get_calls"

ENDED_STATUSES = frozenset({"COMPLETED", "REJECTED", "FAILED", "MISSED"})
"""The statuses of a call whose life is over: no action changes them."""


def _one_in(rule: bytes, text: str, every: int) -> bool:
    """Whether `text` is among the one in `every` that `rule` picks: a keyed hash, the same on every run and
    machine, and unrelated from one rule to another."""
    digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8, person=rule).digest()
    return int.from_bytes(digest, "big") % every == 0


def plants_field(call_id: str) -> bool:
    """Whether the call with this id carries `DRIFT_FIELD`."""
    return _one_in(b"drift-field", call_id, FIELD_ONE_IN)


def plants_status(call_id: str) -> bool:
    """Whether the call with this id shows `DRIFT_STATUS`, should it be an ended call of the seeded history."""
    return _one_in(b"drift-status", call_id, STATUS_ONE_IN)


def plants_header(target: str) -> bool:
    """Whether the 200 response of List calls to this request target (path, then `?` and the query string when
    there is one) carries `DRIFT_HEADER`."""
    return _one_in(b"drift-header", target, HEADER_ONE_IN)


def recording_url(call_id: str) -> str:
    """The planted field's value for a call."""
    return f"{RECORDINGS_URL}{call_id}.ogg"


def _ended_in_history(call_id: str, history: CallHistory | None) -> bool:
    """Whether the seeded history draws this call as ended (and so as it will always be shown)."""
    position = None if history is None else history.position_of(call_id)
    return position is not None and history is not None and history.call(position)["status"] in ENDED_STATUSES


def drifted_call(call: Mapping[str, Any], history: CallHistory | None) -> dict[str, Any]:
    """A Call object as the drifting sandbox shows it: `call` itself (a new dict; `call` is not changed), its status
    replaced and the field added where the rules say. `history` is the seeded history of the call's number."""
    shown = dict(call)
    call_id = call["id"]
    if plants_status(call_id) and _ended_in_history(call_id, history):
        shown["status"] = DRIFT_STATUS
    if plants_field(call_id):
        shown[DRIFT_FIELD] = recording_url(call_id)
    return shown


def drift(operation_id: str, body: Any, *, target: str, history: CallHistory | None) -> tuple[Any, dict[str, str]]:
    """A successful answer's body and extra headers, as the drifting sandbox sends them: List calls' and Retrieve
    call's Call objects drifted, List calls' header planted; any other operation's body as it is, with no header.

    `target` is the request's path, then `?` and the query string when there is one; `history` the seeded history
    of the number the request acted on."""
    if operation_id not in DRIFTING_OPERATIONS:
        return body, {}
    if operation_id != _LIST_CALLS:
        return drifted_call(body, history), {}
    listed = {**body, "calls": [drifted_call(call, history) for call in body["calls"]]}
    return listed, ({DRIFT_HEADER: DRIFT_HEADER_VALUE} if plants_header(target) else {})
