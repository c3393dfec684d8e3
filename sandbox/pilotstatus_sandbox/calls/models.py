"""The Calls area's state (moto's `models.py`): each sandbox number's calls, settings and permissions, and the call
lifecycle that moves them, with the webhook events each change emits. The clock, the timers and the lock are the
backend's (`_backend`), shared by every area.

A number's history (seeded, a million calls if asked) is drawn on demand by `CallHistory` and never copied; a call
the sandbox changes or creates is held here as a `_LiveCall`.

Sandbox behaviour, not documented upstream (the sandbox's README section repeats it):
- timings: a business-initiated call rings 200 ms after it starts; a magic peer answers or declines 1 s after it
  starts ringing; a permission request is answered 1 s after it is sent; nobody answering ends a call at the ring
  timeout (FAILED when the business called, MISSED when the user did);
- an action the call's state does not allow is 409 INVALID_CALL_STATE, naming the status and what the action needs;
- terminate on a call never answered ends it COMPLETED with a null `durationSeconds`;
- `durationSeconds` counts whole seconds from connection to hang-up;
- settings are stored and returned as given; they do not change how calls behave; an empty update changes nothing.
"""

from __future__ import annotations

import base64
import itertools
import random
import secrets
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from pilotstatus_sandbox._dataset import CallHistory
from pilotstatus_sandbox._encoded import encode_json
from pilotstatus_sandbox._errors import ApiError
from pilotstatus_sandbox._instants import format_ms, parse_before_ms
from pilotstatus_sandbox._providers import Provider

if TYPE_CHECKING:
    from pilotstatus_sandbox._backend import Backend, Event, Number

__all__ = ["Calls", "digits"]

_DAY_MS = 86_400_000
_RING_DELAY_MS = 200
_PEER_DELAY_MS = 1_000
_PERMISSION_DELAY_MS = 1_000
_TEMPORARY_PERMISSION_S = 7 * 86_400
_REALTIME_TOKEN_S = 120
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

_ANSWERS, _DECLINES, _NEVER_ANSWERS = "0001", "0002", "0003"
"""Magic peers, by their last four digits: what the phone does when the business calls it."""
_PERMANENT_PEERS = (_ANSWERS, _NEVER_ANSWERS)
"""On a Meta number, these peers hold a permanent call permission from the start."""

# The limits Meta documents for a business-user pair (calls-more.md §2).
_PERMISSION_REQUESTS = (("PT24H", _DAY_MS, 1), ("P7D", 7 * _DAY_MS, 2))
_CONNECTED_CALLS_A_DAY = 10


def _not_found(call_id: str) -> ApiError:
    return ApiError(404, f"Call not found: {call_id[:80]!r} is not a call of this number", "CALL_NOT_FOUND")


def _invalid_state(call: _LiveCall, action: str, needs: str) -> ApiError:
    return ApiError(
        409, f"Call {call.id} is {call.direction} and {call.status}: {action} needs {needs}", "INVALID_CALL_STATE"
    )


def _validation(message: str) -> ApiError:
    return ApiError(400, f"Validation error: {message}")


def digits(phone: str) -> str:
    """A phone number as the API writes it in calls and events: digits, without `+`."""
    return phone.removeprefix("+")


def _fake_sdp(kind: Literal["offer", "answer"], session: int) -> str:
    """A minimal, well-formed RFC 8866 audio description: what a WebRTC peer would send."""
    setup = "actpass" if kind == "offer" else "active"
    return (
        f"v=0\r\no=- {session} 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
        "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\n"
        f"a=setup:{setup}\r\na=rtpmap:111 opus/48000/2\r\n"
    )


@dataclass
class _LiveCall:
    """A call the sandbox holds state for: one it created, or one of the history after its first change."""

    id: str
    external_id: str | None
    direction: str
    status: str
    peer: str | None
    from_number: str | None
    created_ms: int
    updated_ms: int
    started_ms: int | None = None
    connected_ms: int | None = None
    ended_ms: int | None = None
    biz_opaque: str | None = None
    sdp_offer: str | None = None
    sdp_answer: str | None = None
    error_code: str | None = None
    error_message: str | None = None
    peer_behaviour: str | None = None
    """For a business-initiated call: what the peer does (by the magic suffix of its number)."""
    media: list[str] = field(default_factory=list)
    """The audio given to `play`, in order (queued until the call is answered)."""
    realtime_tokens: dict[str, tuple[str, int]] = field(default_factory=dict)
    """Unused realtime tokens: token -> (mode, expiry in ms)."""

    @property
    def duration(self) -> int | None:
        if self.connected_ms is None or self.ended_ms is None:
            return None
        return (self.ended_ms - self.connected_ms) // 1000

    def to_json(self, *, include_sdp: bool = False) -> dict[str, Any]:
        call: dict[str, Any] = {
            "id": self.id,
            "externalCallId": self.external_id,
            "direction": self.direction,
            "status": self.status,
            "peerNumber": self.peer,
            "fromNumber": self.from_number,
            "bizOpaqueCallbackData": self.biz_opaque,
            "startedAt": _instant(self.started_ms),
            "connectedAt": _instant(self.connected_ms),
            "endedAt": _instant(self.ended_ms),
            "durationSeconds": self.duration,
            "errorCode": self.error_code,
            "errorMessage": self.error_message,
            "createdAt": format_ms(self.created_ms),
            "updatedAt": format_ms(self.updated_ms),
        }
        if include_sdp:
            call["sdpOffer"] = self.sdp_offer
            call["sdpAnswer"] = self.sdp_answer
        return call

    @classmethod
    def from_history(cls, call: dict[str, Any], *, own_phone: str) -> _LiveCall:
        """A history call, to be changed from now on."""

        def ms(name: str) -> int | None:
            value = call.get(name)
            return None if value is None else parse_before_ms(value)

        created = ms("createdAt")
        assert created is not None, "every history call has a createdAt"
        inbound = call["direction"] == "INBOUND"
        return cls(
            id=call["id"],
            external_id=call.get("externalCallId"),
            direction=call["direction"],
            status=call["status"],
            peer=call.get("peerNumber"),
            from_number=call.get("peerNumber") if inbound else own_phone,
            created_ms=created,
            updated_ms=ms("updatedAt") or created,
            started_ms=ms("startedAt") if call["status"] != "RINGING" else created,
            connected_ms=ms("connectedAt"),
            ended_ms=ms("endedAt"),
        )


def _instant(ms: int | None) -> str | None:
    return None if ms is None else format_ms(ms)


class Calls:
    """One sandbox number's calls (history and live), Meta settings and call permissions."""

    def __init__(self, backend: Backend, number: Number, *, on_progress: Callable[[int], None] | None = None) -> None:
        config = backend.config
        spec = number.spec
        self.number = number
        self.number_id = number.number_id
        self.phone = number.phone
        self.provider: Provider = number.provider
        self._backend = backend
        self.history: CallHistory | None = None
        if spec.seeded:
            kind = spec.provider
            assert kind != "EVOLUTION_V2", f"{spec.number_id}: a kind of number that cannot call has no call history"
            self.history = CallHistory(
                count=config.calls, seed=config.seed, provider=kind, newest=config.newest_ms, on_progress=on_progress
            )
        self._calls: dict[str, _LiveCall] = {}  # by id: calls created here, and history calls once changed
        self._by_external: dict[str, str] = {}
        self._created: list[_LiveCall] = []  # calls created here, oldest first
        self._random = random.Random(zlib.crc32(spec.number_id.encode()) ^ config.seed)
        self._permissions: dict[str, tuple[str, int | None]] = {}  # peer -> (status, expiry in Unix seconds)
        self._permission_requests: dict[str, list[int]] = {}  # peer -> when each request was sent (ms)
        self._settings: dict[str, Any] = {
            "status": "ENABLED",
            "call_icon_visibility": "DEFAULT",
            "callback_permission_status": "ENABLED",
            "call_hours": {"status": "DISABLED"},
            "sip": {"status": "DISABLED"},
        }

    # -- the API's operations --------------------------------------------------------------------------------

    def list_calls(self, *, limit: int, before_ms: int | None) -> list[dict[str, Any]]:
        """Up to `limit` calls created strictly before `before_ms`, newest first (calls created here on top)."""
        with self._backend.locked():
            return [
                listed.to_json() if isinstance(listed, _LiveCall) else self._drawn().call(listed)
                for listed in self._listing(limit, before_ms)
            ]

    def list_calls_encoded(self, *, limit: int, before_ms: int | None) -> list[bytes]:
        """`list_calls`, each call's JSON encoded as an answer writes it (`encode_json`): a call of the history the
        sandbox has not changed from its kept text (`CallHistory.rendered`), any other encoded now, from its state
        now, so that a call that changes is never listed as it was."""
        with self._backend.locked():
            if not self._calls and self.history is not None:  # none created or changed: the history's calls alone
                rendered = self.history.rendered
                return [
                    rendered(position).json for position in self.history.positions(limit=limit, before_ms=before_ms)
                ]
            return [
                encode_json(listed.to_json()) if isinstance(listed, _LiveCall) else self._drawn().rendered(listed).json
                for listed in self._listing(limit, before_ms)
            ]

    def _listing(self, limit: int, before_ms: int | None) -> list[_LiveCall | int]:
        """What `list_calls` lists, newest first: a call the sandbox holds state for (created here, or a history call
        it has changed), or the position of a history call as drawn. Called with the lock held."""
        created = (call for call in reversed(self._created) if before_ms is None or call.created_ms < before_ms)
        page = list(itertools.islice(created, limit))
        listed: list[_LiveCall | int] = []
        taken = 0  # of `page`
        if self.history is not None:
            history = self.history
            for position in history.positions(limit=limit, before_ms=before_ms):
                # Merged by creation, newer first; on a tie, the calls created here first.
                while taken < len(page) and page[taken].created_ms >= history.created_ms(position):
                    listed.append(page[taken])
                    taken += 1
                listed.append(self._calls.get(history.rendered(position).id, position))
        listed += page[taken:]
        return listed[:limit]

    def _drawn(self) -> CallHistory:
        assert self.history is not None, "only a number with a history lists calls drawn from it"
        return self.history

    def start_call(self, *, to: str, sdp: str | None, biz_opaque_callback_data: str | None) -> dict[str, Any]:
        with self._backend.locked() as now:
            peer = digits(to)
            self._check_sdp(sdp, "Start call", "the SDP offer of your WebRTC client (a=setup:active)")
            if self.provider == "META" and self._permission_status(peer, now)[0] == "no_permission":
                raise ApiError(
                    400,
                    f"No call permission from {peer}: ask for one first (POST /v1/calls/permissions/request)",
                    "META_CALL_PERMISSION_REQUIRED",
                )
            call = self._new_call(direction="OUTBOUND", status="INITIATED", peer=peer, from_number=self.phone, now=now)
            call.biz_opaque = biz_opaque_callback_data
            call.sdp_offer = sdp
            call.peer_behaviour = peer[-4:] if peer[-4:] in (_ANSWERS, _DECLINES, _NEVER_ANSWERS) else None
            self._backend.schedule(now + _RING_DELAY_MS, lambda at: self._start_ringing(call, at))
            return {"id": call.id, "externalCallId": call.external_id, "status": call.status}

    def get_call(self, call_id: str, *, include_sdp: bool) -> dict[str, Any]:
        with self._backend.locked():
            live = self._live(call_id)
            if live is not None:
                return live.to_json(include_sdp=include_sdp)
            call = self._history_call(call_id)
            if call is None:
                raise _not_found(call_id)
            if include_sdp:
                meta = self.provider == "META"
                session = zlib.crc32(call["id"].encode())
                call["sdpOffer"] = _fake_sdp("offer", session) if meta else None
                call["sdpAnswer"] = _fake_sdp("answer", session) if meta and call.get("connectedAt") else None
            return call

    def pre_accept(self, call_id: str, *, sdp: str) -> dict[str, Any]:
        with self._backend.locked() as now:
            call = self._changing(call_id)
            self._require_ringing_inbound(call, "pre-accept")
            call.sdp_answer = sdp
            call.updated_ms = now
            return self._result(call)

    def accept(self, call_id: str, *, sdp: str | None) -> dict[str, Any]:
        with self._backend.locked() as now:
            self._check_sdp(sdp, "accept", "the SDP answer of your WebRTC client")
            call = self._changing(call_id)
            self._require_ringing_inbound(call, "accept")
            if sdp is not None:
                call.sdp_answer = sdp
            self._connect(call, now)
            return self._result(call)

    def reject(self, call_id: str) -> dict[str, Any]:
        with self._backend.locked() as now:
            call = self._changing(call_id)
            self._require_ringing_inbound(call, "reject")
            self._end(call, "REJECTED", now)
            return self._result(call)

    def terminate(self, call_id: str) -> dict[str, Any]:
        with self._backend.locked() as now:
            call = self._changing(call_id)
            outbound_ringing = call.direction == "OUTBOUND" and call.status in ("INITIATED", "RINGING")
            if not (outbound_ringing or call.status == "ACCEPTED"):
                raise _invalid_state(
                    call, "terminate", "an ACCEPTED call, or an OUTBOUND call still INITIATED or RINGING"
                )
            self._end(call, "COMPLETED", now)
            return self._result(call)

    def play(self, call_id: str, *, media_url: str) -> dict[str, Any]:
        with self._backend.locked() as now:
            call = self._changing(call_id)
            if call.status not in ("INITIATED", "RINGING", "ACCEPTED"):
                raise _invalid_state(call, "play", "a call not yet ended (INITIATED, RINGING or ACCEPTED)")
            call.media.append(media_url)
            call.updated_ms = now
            return self._result(call)

    def open_realtime_session(self, call_id: str, *, mode: str) -> tuple[str, int]:
        """A single-use token for the call's media WebSocket, and its lifetime in seconds."""
        with self._backend.locked() as now:
            call = self._changing(call_id)
            if call.status != "ACCEPTED":
                raise _invalid_state(call, "a realtime session", "an ACCEPTED call")
            token = secrets.token_urlsafe(24)
            call.realtime_tokens[token] = (mode, now + _REALTIME_TOKEN_S * 1000)
            return token, _REALTIME_TOKEN_S

    def redeem_realtime_token(self, call_id: str, token: str) -> str:
        """The session's mode, once: the token is spent. ApiError for an unknown, spent or expired token, or a call
        no longer answered."""
        with self._backend.locked() as now:
            call = self._live(call_id)
            grant = None if call is None else call.realtime_tokens.pop(token, None)
            if call is None or grant is None:
                raise ApiError(403, "Unknown or already used realtime token")
            mode, expires = grant
            if now >= expires:
                raise ApiError(403, "Realtime token expired")
            if call.status != "ACCEPTED":
                raise _invalid_state(call, "a realtime session", "an ACCEPTED call")
            return mode

    def call_active(self, call_id: str) -> bool:
        """Whether the call is answered and not yet ended."""
        with self._backend.locked():
            call = self._live(call_id)
            return call is not None and call.status == "ACCEPTED"

    def get_settings(self) -> dict[str, Any]:
        with self._backend.locked():
            return {"calling": _copy(self._settings)}

    def update_settings(self, update: dict[str, Any]) -> dict[str, Any]:
        """Meta's partial update: only the keys given change, and a `call_hours` given replaces the stored one. An
        empty update (`{}`, which the spec allows and the official SDK sends) changes nothing, and succeeds."""
        with self._backend.locked() as now:
            if "sip" in update:
                raise _validation("sip cannot be set through Pilot Status (SIP credentials are never exchanged)")
            if "call_hours" in update:
                _check_call_hours(update["call_hours"], today=format_ms(now)[:10])
            self._settings.update(_copy(update))
            return {"success": True}

    def get_permission(self, to: str) -> dict[str, Any]:
        with self._backend.locked() as now:
            peer = digits(to)
            status, expiry = self._permission_status(peer, now)
            permission: dict[str, Any] = {"status": status}
            if expiry is not None:
                permission["expiration_time"] = expiry
            sent = self._permission_requests.get(peer, [])
            request_limits = [
                _limit(period, maximum, [at for at in sent if at > now - span], span)
                for period, span, maximum in _PERMISSION_REQUESTS
            ]
            connected = [
                call.connected_ms
                for call in self._created
                if call.peer == peer and call.connected_ms is not None and call.connected_ms > now - _DAY_MS
            ]
            call_limit = _limit("PT24H", _CONNECTED_CALLS_A_DAY, connected, _DAY_MS)
            return {
                "permission": permission,
                "actions": [
                    {
                        "action_name": "send_call_permission_request",
                        "can_perform_action": status != "permanent"
                        and all(limit["current_usage"] < limit["max_allowed"] for limit in request_limits),
                        "limits": request_limits,
                    },
                    {
                        "action_name": "start_call",
                        "can_perform_action": status != "no_permission"
                        and call_limit["current_usage"] < call_limit["max_allowed"],
                        "limits": [call_limit],
                    },
                ],
            }

    def request_permission(self, *, to: str, text: str | None) -> dict[str, Any]:
        with self._backend.locked() as now:
            peer = digits(to)
            sent = self._permission_requests.setdefault(peer, [])
            for period, span, maximum in _PERMISSION_REQUESTS:
                if sum(at > now - span for at in sent) >= maximum:
                    raise ApiError(
                        400,
                        f"Call permission request limit reached for {peer}: at most {maximum} in {period}",
                        "META_CALL_PERMISSION_REQUEST_LIMIT",
                    )
            sent.append(now)
            self._backend.schedule(now + _PERMISSION_DELAY_MS, lambda at: self._answer_permission(peer, at))
            return {"messageId": "wamid." + base64.b64encode(self._random.randbytes(18)).decode()}

    # -- the sandbox's test helpers --------------------------------------------------------------------------

    def incoming_call(self, *, from_: str) -> dict[str, Any]:
        """The user calls this number: a new INBOUND call, RINGING."""
        with self._backend.locked() as now:
            peer = digits(from_)
            call = self._new_call(direction="INBOUND", status="RINGING", peer=peer, from_number=peer, now=now)
            call.started_ms = now
            if self.provider == "META":
                call.sdp_offer = _fake_sdp("offer", zlib.crc32(call.id.encode()))
            self._emit(call, "call.ringing", now)
            self._schedule_ring_timeout(call, now)
            return call.to_json()

    def hangup(self, call_id: str) -> dict[str, Any]:
        """The peer hangs up: a ringing inbound call is MISSED, a ringing outbound one REJECTED, an answered one
        COMPLETED."""
        with self._backend.locked() as now:
            call = self._changing(call_id)
            if call.status == "ACCEPTED":
                self._end(call, "COMPLETED", now)
            elif call.status == "RINGING":  # an INITIATED call has not reached the phone: nothing to hang up
                self._end(call, "MISSED" if call.direction == "INBOUND" else "REJECTED", now)
            else:
                raise _invalid_state(call, "a hang-up", "a call still ringing or answered")
            return call.to_json()

    # -- the lifecycle -----------------------------------------------------------------------------------------

    def _start_ringing(self, call: _LiveCall, at: int) -> None:
        if call.status != "INITIATED":
            return  # terminated before it rang
        call.status, call.started_ms, call.updated_ms = "RINGING", at, at
        self._emit(call, "call.ringing", at)
        if call.peer_behaviour == _ANSWERS:
            self._backend.schedule(at + _PEER_DELAY_MS, lambda when: self._peer_answers(call, when))
        elif call.peer_behaviour == _DECLINES:
            self._backend.schedule(at + _PEER_DELAY_MS, lambda when: self._peer_declines(call, when))
        self._schedule_ring_timeout(call, at)

    def _peer_answers(self, call: _LiveCall, at: int) -> None:
        if call.status == "RINGING":
            if self.provider == "META":
                call.sdp_answer = _fake_sdp("answer", zlib.crc32(call.id.encode()))
            self._connect(call, at)

    def _peer_declines(self, call: _LiveCall, at: int) -> None:
        if call.status == "RINGING":
            self._end(call, "REJECTED", at)

    def _schedule_ring_timeout(self, call: _LiveCall, at: int) -> None:
        def timeout(when: int) -> None:
            if call.status == "RINGING":
                if call.direction == "OUTBOUND":
                    call.error_code, call.error_message = "NO_ANSWER", "Nobody answered before the ring timeout"
                self._end(call, "MISSED" if call.direction == "INBOUND" else "FAILED", when)

        self._backend.schedule(at + self._backend.ring_timeout_ms, timeout)

    def _connect(self, call: _LiveCall, at: int) -> None:
        call.status, call.connected_ms, call.updated_ms = "ACCEPTED", at, at
        self._emit(call, "call.connected", at)

    def _end(self, call: _LiveCall, status: str, at: int) -> None:
        call.status, call.ended_ms, call.updated_ms = status, at, at
        call.realtime_tokens.clear()
        self._emit(call, "call.missed" if status == "MISSED" else "call.ended", at)

    def _answer_permission(self, peer: str, at: int) -> None:
        status, _ = self._permissions.get(peer, ("no_permission", None))
        if status != "permanent":
            if peer.endswith(_DECLINES):
                status = "no_permission"
                self._permissions.pop(peer, None)
            else:
                status = "temporary"
                self._permissions[peer] = (status, at // 1000 + _TEMPORARY_PERMISSION_S)
        event: Event = {
            "event": "call.permission_updated",
            "callId": None,
            "direction": None,
            "status": status.upper(),
            "from": peer,
            "to": self.phone,
            "timestamp": format_ms(at),
        }
        self._backend.emit(self.number, event)

    def _emit(self, call: _LiveCall, name: str, at: int) -> None:
        event: Event = {
            "event": name,
            "callId": call.id,
            "externalCallId": call.external_id,
            "direction": call.direction,
            "status": call.status,
            "from": call.peer if call.direction == "INBOUND" else self.phone,
            "to": self.phone if call.direction == "INBOUND" else call.peer,
            "timestamp": format_ms(at),
        }
        if name == "call.ended":
            if call.duration is not None:
                event["duration"] = call.duration
            if call.biz_opaque is not None:
                event["bizOpaqueCallbackData"] = call.biz_opaque
        self._backend.emit(self.number, event)

    # -- finding and making calls ------------------------------------------------------------------------------

    def _new_call(self, *, direction: str, status: str, peer: str, from_number: str, now: int) -> _LiveCall:
        if self._created and now < self._created[-1].created_ms:
            now = self._created[-1].created_ms  # the wall clock stepped back: keep the newest-first order
        ulid = (now % (1 << 48)) << 80 | self._random.getrandbits(80)
        call_id = "call_" + "".join(_CROCKFORD[(ulid >> shift) & 31] for shift in range(125, -1, -5))
        if self.provider == "META":
            external = "wacid." + base64.b64encode(self._random.randbytes(27)).decode()
        else:
            external = self._random.randbytes(16).hex().upper()
        call = _LiveCall(
            id=call_id,
            external_id=external,
            direction=direction,
            status=status,
            peer=peer,
            from_number=from_number,
            created_ms=now,
            updated_ms=now,
        )
        self._calls[call.id] = call
        self._by_external[external] = call.id
        self._created.append(call)
        return call

    def _live(self, call_id: str) -> _LiveCall | None:
        """The live call with this id or provider id, if the sandbox holds state for it."""
        return self._calls.get(call_id) or self._calls.get(self._by_external.get(call_id, ""))

    def _history_call(self, call_id: str) -> dict[str, Any] | None:
        if self.history is None:
            return None
        position = self.history.position_of(call_id)
        return None if position is None else self.history.call(position)

    def _changing(self, call_id: str) -> _LiveCall:
        """The call about to change, made live if it was a history call; 404 if the number has no such call."""
        call = self._live(call_id)
        if call is not None:
            return call
        history_call = self._history_call(call_id)
        if history_call is None:
            raise _not_found(call_id)
        call = _LiveCall.from_history(history_call, own_phone=self.phone)
        self._calls[call.id] = call
        if call.external_id is not None:
            self._by_external[call.external_id] = call.id
        return call

    def _require_ringing_inbound(self, call: _LiveCall, action: str) -> None:
        if call.direction != "INBOUND" or call.status != "RINGING":
            raise _invalid_state(call, action, "an INBOUND call that is RINGING")

    def _check_sdp(self, sdp: str | None, operation: str, what: str) -> None:
        if self.provider == "META" and sdp is None:
            raise _validation(f"sdp is required by {operation} on a Meta number: {what}")
        if self.provider == "EVO_GO" and sdp is not None:
            raise _validation(f"omit sdp on a web number: its media is handled by the server ({operation})")

    def _permission_status(self, peer: str, now: int) -> tuple[str, int | None]:
        if self.provider == "META" and peer.endswith(_PERMANENT_PEERS) and peer not in self._permissions:
            self._permissions[peer] = ("permanent", None)
        status, expiry = self._permissions.get(peer, ("no_permission", None))
        if expiry is not None and expiry * 1000 <= now:
            del self._permissions[peer]
            return "no_permission", None
        return status, expiry

    @staticmethod
    def _result(call: _LiveCall) -> dict[str, Any]:
        return {"success": True, "id": call.id, "status": call.status}


def _limit(period: str, maximum: int, uses: list[int], span: int) -> dict[str, Any]:
    limit: dict[str, Any] = {"time_period": period, "max_allowed": maximum, "current_usage": len(uses)}
    if len(uses) >= maximum:
        limit["limit_expiration_time"] = (min(uses) + span) // 1000
    return limit


def _copy(value: Any) -> Any:
    """A deep copy of JSON data, so that no caller shares the stored settings."""
    if isinstance(value, dict):
        return {key: _copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy(item) for item in value]
    return value


def _check_call_hours(hours: dict[str, Any], *, today: str) -> None:
    """Meta's rules for `call_hours` that its schema cannot say: open before close, at most two windows a day
    and none overlapping, at most 20 holidays, none in the past."""
    if hours.get("status") == "ENABLED":
        if not hours.get("timezone_id"):
            raise _validation("call_hours.timezone_id is required when call_hours.status is ENABLED")
        if not hours.get("weekly_operating_hours"):
            raise _validation("call_hours.weekly_operating_hours must not be empty when call_hours.status is ENABLED")
    by_day: dict[str, list[tuple[str, str]]] = {}
    for window in hours.get("weekly_operating_hours") or []:
        opens, closes = window["open_time"], window["close_time"]
        if opens >= closes:
            raise _validation(f"call_hours: {window['day_of_week']} opens at {opens}, not before it closes at {closes}")
        by_day.setdefault(window["day_of_week"], []).append((opens, closes))
    for day, windows in by_day.items():
        if len(windows) > 2:
            raise _validation(f"call_hours: {day} has {len(windows)} windows; at most 2 a day")
        windows.sort()
        if len(windows) == 2 and windows[1][0] < windows[0][1]:
            raise _validation(f"call_hours: the windows of {day} overlap")
    holidays = hours.get("holiday_schedule") or []
    if len(holidays) > 20:
        raise _validation(f"call_hours.holiday_schedule has {len(holidays)} days; at most 20")
    for holiday in holidays:
        if holiday["date"] < today:
            raise _validation(f"call_hours.holiday_schedule: {holiday['date']} is in the past")
