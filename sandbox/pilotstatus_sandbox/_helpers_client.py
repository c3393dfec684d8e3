"""A client for the sandbox's own test helpers (`/_sandbox/...`), in the spirit of Stripe's test helpers: what the
phone on the other end does, and the clock, driven from a test.

    helpers = SandboxHelpers(sandbox.url, api_key="ps_sandbox_web_number")
    call = helpers.incoming_call(from_="5511988887777")   # the user calls the number: INBOUND, RINGING
    helpers.advance(30)                                   # 30 seconds pass: the call is MISSED
    helpers.incoming_message(from_="5511988887777", text="Oi!")  # the user writes: message.received
    helpers.events()                                      # every webhook payload of the number, in order
    helpers.fault("post_messages_send", kind="disconnect", when="after")  # the next send's answer is lost
    helpers.set_blocked("extra_charge_unpaid")            # every send is 409 NUMBER_BLOCKED, until set_blocked(None)

The helpers are not part of the Pilot Status API (they are not in `openapi.json`), so they are not in the SDK.
"""

from __future__ import annotations

from types import TracebackType
from typing import Any
from urllib.parse import quote

import httpx

from pilotstatus_api.models import Call

__all__ = ["SandboxHelperError", "SandboxHelpers"]


class SandboxHelperError(Exception):
    """A helper request the sandbox refused: its status and the error message of its body."""

    def __init__(self, status_code: int, message: str) -> None:
        super().__init__(f"{status_code}: {message}")
        self.status_code = status_code
        self.message = message


class SandboxHelpers:
    """The `/_sandbox/` helpers of one sandbox, acting on the number of `api_key` (or, for a tenant key, on the
    number `whatsapp_number_id` names)."""

    def __init__(
        self,
        base_url: str,
        *,
        api_key: str,
        whatsapp_number_id: str | None = None,
        timeout: float = 10.0,
    ) -> None:
        headers = {"x-api-key": api_key}
        if whatsapp_number_id is not None:
            headers["x-whatsapp-number-id"] = whatsapp_number_id
        self._http = httpx.Client(base_url=base_url.rstrip("/") + "/_sandbox", headers=headers, timeout=timeout)

    def __repr__(self) -> str:
        return f"SandboxHelpers(base_url={str(self._http.base_url)!r})"  # never the key

    def incoming_call(self, *, from_: str) -> Call:
        """The user `from_` calls the number: the new call, INBOUND and RINGING."""
        return Call.from_dict(self._request("POST", "/calls/incoming", json={"from": from_}))

    def hangup(self, call_id: str) -> Call:
        """The user hangs up: a ringing inbound call is MISSED, a ringing outbound one REJECTED, an answered one
        COMPLETED."""
        return Call.from_dict(self._request("POST", f"/calls/{_segment(call_id)}/hangup"))

    def incoming_message(
        self,
        *,
        from_: str,
        text: str | None = None,
        media: dict[str, Any] | None = None,
        reply_to: str | None = None,
        group_id: str | None = None,
        group_name: str | None = None,
        participant_name: str | None = None,
    ) -> dict[str, Any]:
        """The user `from_` writes to the number: text, media (`{"mimeType", "fileName"?, "base64" or "size"}`) or
        both, quoting a message the number sent (`reply_to`, its id), in a group of a web number (`group_id`). The
        new message, INBOUND and unread, as history lists it."""
        body: dict[str, Any] = {"from": from_}
        given = {
            "text": text,
            "media": media,
            "replyTo": reply_to,
            "groupId": group_id,
            "groupName": group_name,
            "participantName": participant_name,
        }
        body.update((name, value) for name, value in given.items() if value is not None)
        return self._request("POST", "/messages/incoming", json=body)

    def advance(self, seconds: float) -> str:
        """Make `seconds` pass at once on the sandbox's clock (for every number), applying every answer, ring
        timeout and permission answer that comes due; the sandbox's time after the move."""
        now: str = self._request("POST", "/clock/advance", json={"seconds": seconds})["now"]
        return now

    def events(self) -> list[dict[str, Any]]:
        """Every webhook payload the number emitted so far, in order (whether or not webhooks are delivered)."""
        events: list[dict[str, Any]] = self._request("GET", "/events")["events"]
        return events

    def fault(
        self, operation: str, *, kind: str, when: str = "before", count: int = 1, seconds: float | None = None
    ) -> dict[str, Any]:
        """The next `count` requests of `operation` (an operationId) on the number meet a fault `before` it runs or
        `after`: `503`, `disconnect`, `timeout` or `delay` (held `seconds`, real time); the fault as armed."""
        body: dict[str, Any] = {"operation": operation, "kind": kind, "when": when, "count": count}
        if seconds is not None:
            body["seconds"] = seconds
        return self._request("POST", "/faults", json=body)

    def faults(self) -> list[dict[str, Any]]:
        """The number's faults still armed, each with `held`: the requests it holds right now."""
        faults: list[dict[str, Any]] = self._request("GET", "/faults")["faults"]
        return faults

    def clear_faults(self) -> int:
        """Drop the number's faults and let go of the requests they hold; how many were dropped."""
        cleared: int = self._request("DELETE", "/faults")["cleared"]
        return cleared

    def set_media_subscription(self, active: bool) -> dict[str, Any]:
        """Give the number's workspace the paid subscription media sends need (`active`), or take it away: then a
        send carrying media is 402 SUBSCRIPTION_REQUIRED_FOR_MEDIA. The number's standing after it."""
        return self._request("POST", "/number/state", json={"mediaSubscription": active})

    def set_blocked(self, reason: str | None) -> dict[str, Any]:
        """Block the number's sends for `reason` (`extra_charge_unpaid`: every send is 409 NUMBER_BLOCKED with that
        `reason`), or unblock them (None). The number's standing after it."""
        return self._request("POST", "/number/state", json={"blocked": reason})

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> SandboxHelpers:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()

    def _request(self, method: str, path: str, *, json: Any = None) -> dict[str, Any]:
        response = self._http.request(method, path, json=json)
        try:
            body = response.json()
        except ValueError:
            body = None
        if response.status_code != 200 or not isinstance(body, dict):
            message = body.get("error") if isinstance(body, dict) else None
            raise SandboxHelperError(response.status_code, str(message or response.reason_phrase))
        return body


def _segment(call_id: str) -> str:
    """`call_id` as one path segment, whatever it holds (a provider id may hold `/` or `+`)."""
    return quote(call_id, safe="")
