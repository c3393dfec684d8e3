"""Which operations each calling provider serves: the one home of that rule.

Meta Cloud API numbers relay signalling (SDP) and pass Meta's settings and permissions through; Pilot Status web
(EVO_GO) numbers handle media on the server, so they have `play` and `realtime-session` instead, and no pre-accept,
settings or permissions (calls-more.md §1, from the official SDK). Any other provider serves no Calls operation.
"""

from __future__ import annotations

from typing import Literal

__all__ = ["OPERATIONS", "UNSUPPORTED_PROVIDER", "Provider", "unsupported"]

Provider = Literal["META", "EVO_GO"]

UNSUPPORTED_PROVIDER = "Calling is only supported for Meta Cloud API and Pilot Status (web) numbers."
"""The documented message of a number whose provider cannot call at all."""

_CALL_OPERATIONS = frozenset(
    {
        "get_calls",
        "post_calls",
        "get_calls_callId",
        "post_calls_callId_accept",
        "post_calls_callId_reject",
        "post_calls_callId_terminate",
    }
)
_META_ONLY = {
    "post_calls_callId_pre-accept": "pre-accept is for Meta numbers: a web number's media is handled by the server",
    "get_calls_settings": "calling settings are Meta's: a web number has none",
    "put_calls_settings": "calling settings are Meta's: a web number has none",
    "get_calls_permissions": "call permissions are Meta's: a web number calls without one",
    "post_calls_permissions_request": "call permissions are Meta's: a web number calls without one",
}
_WEB_ONLY = {
    "post_calls_callId_play": "play is for web numbers: a Meta number's audio flows over WebRTC, not through the API",
    "post_calls_callId_realtime-session": (
        "realtime sessions are for web numbers: a Meta number's audio flows over WebRTC, not through the API"
    ),
}

OPERATIONS: dict[Provider, frozenset[str]] = {
    "META": _CALL_OPERATIONS | _META_ONLY.keys(),
    "EVO_GO": _CALL_OPERATIONS | _WEB_ONLY.keys(),
}


def unsupported(provider: Provider, operation_id: str) -> str | None:
    """Why `provider` cannot serve `operation_id` (the 400 FEATURE_NOT_SUPPORTED message), or None when it can."""
    if operation_id in OPERATIONS[provider]:
        return None
    reason = _META_ONLY.get(operation_id) or _WEB_ONLY.get(operation_id)
    if reason is None:
        raise KeyError(f"{operation_id} is not a Calls operation")
    return reason[0].upper() + reason[1:] + "."
