"""The Calls area's handlers (moto's `responses.py`): one thin handler per operation of the area, by operationId. A
handler reads the validated request, calls the number's calls (`models.Calls`) and returns its JSON; everything
before that (the key, its scope, the provider, the connection, the body) is the request pipeline's (`_pipeline`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from pilotstatus_sandbox._backend import RELAY_ONLY_NOTICE
from pilotstatus_sandbox._encoded import EncodedJSON
from pilotstatus_sandbox._errors import ApiError
from pilotstatus_sandbox._instants import parse_before_ms
from pilotstatus_sandbox._operation import Handler, Operation

if TYPE_CHECKING:
    from starlette.requests import Request

    from .models import Calls

__all__ = ["HANDLERS", "realtime_url"]


def _calls(op: Operation) -> Calls:
    return op.acting_number.calls


def _list_calls(op: Operation) -> Any:
    if op.acting_number.spec.pii_mode == "RELAY_ONLY":  # the number keeps no calls to list, as no messages
        return {"calls": [], "notice": RELAY_ONLY_NOTICE}
    before = op.validated.query.get("before")
    before_ms = None if before is None else parse_before_ms(before)
    if before is not None and before_ms is None:  # the spec's check has passed it, so this is a defect
        raise ApiError(400, f"Validation error: before ({before[:40]!r}) is not an RFC 3339 date-time")
    # The page assembled from each call's JSON, kept encoded: the same bytes as {"calls": list_calls(...)} encoded.
    return EncodedJSON.listing(
        "calls", _calls(op).list_calls_encoded(limit=op.validated.query["limit"], before_ms=before_ms)
    )


def _start_call(op: Operation) -> Any:
    body = op.body
    return _calls(op).start_call(
        to=body["to"], sdp=body.get("sdp"), biz_opaque_callback_data=body.get("bizOpaqueCallbackData")
    )


def _get_call(op: Operation) -> Any:
    return _calls(op).get_call(op.call_id, include_sdp=op.validated.query.get("includeSdp") == "1")


def _realtime_session(op: Operation) -> Any:
    token, expires_in = _calls(op).open_realtime_session(op.call_id, mode=op.body["mode"])
    return {"wsUrl": realtime_url(op.request, op.call_id, token), "token": token, "expiresInSeconds": expires_in}


HANDLERS: dict[str, Handler] = {
    "get_calls": _list_calls,
    "post_calls": _start_call,
    "get_calls_callId": _get_call,
    "post_calls_callId_pre-accept": lambda op: _calls(op).pre_accept(op.call_id, sdp=op.body["sdp"]),
    "post_calls_callId_accept": lambda op: _calls(op).accept(op.call_id, sdp=op.body.get("sdp")),
    "post_calls_callId_reject": lambda op: _calls(op).reject(op.call_id),
    "post_calls_callId_terminate": lambda op: _calls(op).terminate(op.call_id),
    "post_calls_callId_play": lambda op: _calls(op).play(op.call_id, media_url=op.body["mediaUrl"]),
    "post_calls_callId_realtime-session": _realtime_session,
    "get_calls_settings": lambda op: _calls(op).get_settings(),
    "put_calls_settings": lambda op: _calls(op).update_settings(dict(op.body)),
    "get_calls_permissions": lambda op: _calls(op).get_permission(op.validated.query["to"]),
    "post_calls_permissions_request": lambda op: _calls(op).request_permission(
        to=op.body["to"], text=op.body.get("text")
    ),
}
"""The handler of each Calls operation with state, by operationId: every one of the area today."""


def realtime_url(request: Request, call_id: str, token: str) -> str:
    """The `wsUrl` of a realtime session: this sandbox's own WebSocket, on the host the request was sent to."""
    host = request.headers.get("host") or request.url.netloc
    scheme = "wss" if request.url.scheme == "https" else "ws"
    return f"{scheme}://{host}/_sandbox/realtime/{quote(call_id, safe='')}?token={quote(token, safe='')}"
