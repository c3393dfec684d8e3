"""Written by tools/generate.py from openapi.json; do not edit.

`calls`: the resource's generated methods, sync and async.
"""

from __future__ import annotations

import functools

from pilotstatus._operations import Operation
from pilotstatus._resource import flag
from pilotstatus.resources._handwritten.calls import AsyncCallsMixin, CallsMixin
from pilotstatus_api.api.calls import (
    get_calls_call_id,
    post_calls,
    post_calls_call_id_accept,
    post_calls_call_id_play,
    post_calls_call_id_pre_accept,
    post_calls_call_id_realtime_session,
    post_calls_call_id_reject,
    post_calls_call_id_terminate,
)
from pilotstatus_api.models.accept_call_request import AcceptCallRequest
from pilotstatus_api.models.call_action_result import CallActionResult
from pilotstatus_api.models.call_detail import CallDetail
from pilotstatus_api.models.call_started import CallStarted
from pilotstatus_api.models.play_audio_request import PlayAudioRequest
from pilotstatus_api.models.realtime_session import RealtimeSession
from pilotstatus_api.models.realtime_session_mode import RealtimeSessionMode
from pilotstatus_api.models.realtime_session_request import RealtimeSessionRequest
from pilotstatus_api.models.sdp_answer import SdpAnswer
from pilotstatus_api.models.start_call_request import StartCallRequest

from .call_permissions import AsyncCallPermissions, CallPermissions
from .call_settings import AsyncCallSettings, CallSettings

__all__ = ["AsyncCalls", "Calls"]

CREATE = Operation(post_calls, CallStarted.from_dict)
RETRIEVE = Operation(get_calls_call_id, CallDetail.from_dict)
PRE_ACCEPT = Operation(post_calls_call_id_pre_accept, CallActionResult.from_dict)
ACCEPT = Operation(post_calls_call_id_accept, CallActionResult.from_dict)
REJECT = Operation(post_calls_call_id_reject, CallActionResult.from_dict)
TERMINATE = Operation(post_calls_call_id_terminate, CallActionResult.from_dict)
PLAY = Operation(post_calls_call_id_play, CallActionResult.from_dict)
REALTIME_SESSION = Operation(post_calls_call_id_realtime_session, RealtimeSession.from_dict)


class Calls(CallsMixin):
    """WhatsApp voice calls on Meta Cloud API (META) and Pilot Status web (EVO_GO) numbers.

    `calls`: `accept()`, `create()`, `iter()`, `list()`, `play()`, `pre_accept()`, `realtime_session()`, `reject()`,
    `retrieve()`, `terminate()`. Its resources: `calls.settings`, `calls.permissions`.

    Written by hand (`resources/_handwritten/calls.py`): `list()`, `iter()`.
    """

    @functools.cached_property
    def settings(self) -> CallSettings:
        """`calls.settings`: `retrieve()`, `update()`."""
        return CallSettings(self._client)

    @functools.cached_property
    def permissions(self) -> CallPermissions:
        """`calls.permissions`: `request()`, `retrieve()`."""
        return CallPermissions(self._client)

    def create(self, *, to: str, sdp: str | None = None, biz_opaque_callback_data: str | None = None) -> CallStarted:
        """Start call (BIC).

        Starts a business-initiated voice call to the user. Body: { to, sdp?, sdpType?:"offer", bizOpaqueCallbackData?
        }. Meta numbers: sdp is REQUIRED — the RFC 8866 offer from YOUR WebRTC client (business side must use
        a=setup:active) — and a prior user permission is required (otherwise Meta returns 138006 →
        META_CALL_PERMISSION_REQUIRED); billed per minute by Meta, directly on your WABA, only when answered. Web
        (unofficial) numbers: OMIT sdp — media is handled server-side — no permission step and no Meta billing.

        **Requires a number-scoped key.**

        On a Meta number the user must have granted permission to be called first (`calls.permissions.request()`), else
        `CallPermissionRequiredError`.

        Args:
            to: The user's phone number (E.164). Stricter than upstream (our assumption): digits with an optional
                leading `+`, 7 to 15 digits.
            sdp: Meta numbers: REQUIRED, the RFC 8866 offer from your WebRTC client (the business side must use
                `a=setup:active`). Web numbers: omit it.
            biz_opaque_callback_data: Opaque data echoed back on the terminate event. Stricter than upstream (our
                assumption): at most 512 characters, Meta's limit for `biz_opaque_callback_data` (per Meta's changelog);
                upstream states no limit.

        Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number (else
        `TenantScopeNotAllowedError`).

        Served on Meta Cloud API and Pilot Status web numbers; any other kind of number raises
        `FeatureNotSupportedError`.

        Sent once: not sent again once it may have reached the server (only after a 429, or a connection that never
        opened).
        """
        return self._call(
            CREATE, body=StartCallRequest(to=to, sdp=sdp, biz_opaque_callback_data=biz_opaque_callback_data)
        )

    def retrieve(self, call_id: str, *, include_sdp: bool = False) -> CallDetail:
        """Get call.

        Returns one call of the key's number. {callId} accepts the Pilot Status id (call_...) OR the provider call id
        (Meta wacid / Evolution GO CallID). SDPs are omitted by default — pass ?includeSdp=1 to receive
        sdpOffer/sdpAnswer (needed e.g. to answer an inbound call on a Meta number; always null on web numbers). 404
        CALL_NOT_FOUND when the call does not belong to the number. Meta and web numbers.

        **Requires a number-scoped key.**

        `CallNotFoundError` when the call is not the number's.

        Args:
            call_id: Pilot Status id (call_...) or provider call id (wacid / CallID). Stricter than upstream (our
                assumption): at most 256 characters (far above any provider id seen, far below what a URL can carry),
                not blank, and not `.` or `..` (which a URL resolves away). Blank is whitespace only, as ECMA-262 (JSON
                Schema's regular expressions) reads `\\s`: the pattern spells the set out, because Python's `\\s` also
                holds the control characters U+001C to U+001F and U+0085, and every checker must read one set.
            include_sdp: True sends `includeSdp=1`: `1` to include sdpOffer/sdpAnswer. Stricter than upstream (our
                assumption): only `1` is documented, so only `1` is accepted.

        Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number (else
        `TenantScopeNotAllowedError`).

        Served on Meta Cloud API and Pilot Status web numbers; any other kind of number raises
        `FeatureNotSupportedError`.
        """
        return self._call(RETRIEVE, call_id, query={"include_sdp": flag(include_sdp, "include_sdp", "1")})

    def pre_accept(self, call_id: str, *, sdp: str) -> CallActionResult:
        """Pre-accept call (optional).

        Sends the SDP answer early (before accept) to reduce audio clipping at call start. OPTIONAL — the call only
        connects on accept. Body: { sdp, sdpType?:"answer" }. {callId} accepts id or wacid. Meta numbers only (a
        signaling concept; web numbers → 400 FEATURE_NOT_SUPPORTED).

        **Requires a number-scoped key.**

        Args:
            call_id: Pilot Status id (call_...) or Meta wacid. Stricter than upstream (our assumption): at most 256
                characters (far above any provider id seen, far below what a URL can carry), not blank, and not `.` or
                `..` (which a URL resolves away). Blank is whitespace only, as ECMA-262 (JSON Schema's regular
                expressions) reads `\\s`: the pattern spells the set out, because Python's `\\s` also holds the control
                characters U+001C to U+001F and U+0085, and every checker must read one set.
            sdp: The SDP answer (RFC 8866) from your WebRTC client.

        Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number (else
        `TenantScopeNotAllowedError`).

        Served on Meta Cloud API numbers; any other kind of number raises `FeatureNotSupportedError`.

        Sent once: not sent again once it may have reached the server (only after a 429, or a connection that never
        opened).
        """
        return self._call(PRE_ACCEPT, call_id, body=SdpAnswer(sdp=sdp))

    def accept(self, call_id: str, *, sdp: str | None = None) -> CallActionResult:
        """Accept call.

        Answers a user-initiated call (UIC). Meta numbers: body { sdp, sdpType?:"answer" } — the business-side SDP
        answer; audio flows browser↔WhatsApp directly. Web numbers: no body — media is handled server-side (use /play
        and /realtime-session). {callId} accepts id or the provider call id. Persists status ACCEPTED.

        **Requires a number-scoped key.**

        Args:
            call_id: Pilot Status id (call_...) or provider call id (wacid / CallID). Stricter than upstream (our
                assumption): at most 256 characters (far above any provider id seen, far below what a URL can carry),
                not blank, and not `.` or `..` (which a URL resolves away). Blank is whitespace only, as ECMA-262 (JSON
                Schema's regular expressions) reads `\\s`: the pattern spells the set out, because Python's `\\s` also
                holds the control characters U+001C to U+001F and U+0085, and every checker must read one set.
            sdp: Meta numbers: the SDP answer (RFC 8866) from your WebRTC client. Web numbers: omit it.

        Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number (else
        `TenantScopeNotAllowedError`).

        Served on Meta Cloud API and Pilot Status web numbers; any other kind of number raises
        `FeatureNotSupportedError`.

        Sent once: not sent again once it may have reached the server (only after a 429, or a connection that never
        opened).
        """
        return self._call(ACCEPT, call_id, body=AcceptCallRequest(sdp=sdp))

    def reject(self, call_id: str) -> CallActionResult:
        """Reject call.

        Declines an incoming call (no body). {callId} accepts id or the provider call id. Persists status REJECTED. Meta
        and web numbers. (Written from the Portuguese page, the only one published: "Recusa uma chamada recebida (sem
        body). {callId} aceita id ou id do provedor. Persiste status REJECTED. Números Meta e web.")

        **Requires a number-scoped key.**

        Args:
            call_id: Pilot Status id (call_...) or provider call id (wacid / CallID). Stricter than upstream (our
                assumption): at most 256 characters (far above any provider id seen, far below what a URL can carry),
                not blank, and not `.` or `..` (which a URL resolves away). Blank is whitespace only, as ECMA-262 (JSON
                Schema's regular expressions) reads `\\s`: the pattern spells the set out, because Python's `\\s` also
                holds the control characters U+001C to U+001F and U+0085, and every checker must read one set.

        Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number (else
        `TenantScopeNotAllowedError`).

        Served on Meta Cloud API and Pilot Status web numbers; any other kind of number raises
        `FeatureNotSupportedError`.

        Sent once: not sent again once it may have reached the server (only after a 429, or a connection that never
        opened).
        """
        return self._call(REJECT, call_id)

    def terminate(self, call_id: str) -> CallActionResult:
        """Terminate call.

        Hangs up an active call (no body). {callId} accepts id or the provider call id. Persists status COMPLETED; the
        call.ended webhook carries the duration when the call was answered. Meta and web numbers.

        **Requires a number-scoped key.**

        Args:
            call_id: Pilot Status id (call_...) or provider call id (wacid / CallID). Stricter than upstream (our
                assumption): at most 256 characters (far above any provider id seen, far below what a URL can carry),
                not blank, and not `.` or `..` (which a URL resolves away). Blank is whitespace only, as ECMA-262 (JSON
                Schema's regular expressions) reads `\\s`: the pattern spells the set out, because Python's `\\s` also
                holds the control characters U+001C to U+001F and U+0085, and every checker must read one set.

        Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number (else
        `TenantScopeNotAllowedError`).

        Served on Meta Cloud API and Pilot Status web numbers; any other kind of number raises
        `FeatureNotSupportedError`.

        Sent once: not sent again once it may have reached the server (only after a 429, or a connection that never
        opened).
        """
        return self._call(TERMINATE, call_id)

    def play(self, call_id: str, *, media_url: str) -> CallActionResult:
        """Play audio into call (web).

        Plays an audio file into an active call. Body: { mediaUrl } — a public http(s) URL of an .mp3/.wav/.opus file
        (media travels by URL, like every media send on web numbers). When the call is not active yet the audio is
        queued and starts as soon as it connects. Web (unofficial) numbers ONLY — Meta numbers return 400
        FEATURE_NOT_SUPPORTED (their media flows via WebRTC).

        **Requires a number-scoped key.**

        Args:
            call_id: Pilot Status id (call_...) or provider call id (CallID). Stricter than upstream (our assumption):
                at most 256 characters (far above any provider id seen, far below what a URL can carry), not blank, and
                not `.` or `..` (which a URL resolves away). Blank is whitespace only, as ECMA-262 (JSON Schema's
                regular expressions) reads `\\s`: the pattern spells the set out, because Python's `\\s` also holds the
                control characters U+001C to U+001F and U+0085, and every checker must read one set.
            media_url: A public http(s) URL of an .mp3, .wav or .opus file.

        Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number (else
        `TenantScopeNotAllowedError`).

        Served on Pilot Status web numbers; any other kind of number raises `FeatureNotSupportedError`.

        Sent once: not sent again once it may have reached the server (only after a 429, or a connection that never
        opened).
        """
        return self._call(PLAY, call_id, body=PlayAudioRequest(media_url=media_url))

    def realtime_session(self, call_id: str, *, mode: RealtimeSessionMode) -> RealtimeSession:
        """Realtime media session (web).

        Opens a short-lived full-duplex media session on an active call. Body: { mode: "talk" | "listen" } — talk sends
        YOUR audio and receives the peer's; listen only receives. Returns { wsUrl, token, expiresInSeconds }: connect a
        WebSocket to wsUrl and exchange RAW binary PCM16 little-endian audio frames (plain WebSocket transport, NOT
        WebRTC; single-use token, ~2 min). Web numbers ONLY — Meta → 400 FEATURE_NOT_SUPPORTED.

        **Requires a number-scoped key.**

        Args:
            call_id: Pilot Status id (call_...) or provider call id (wacid / CallID). Stricter than upstream (our
                assumption): at most 256 characters (far above any provider id seen, far below what a URL can carry),
                not blank, and not `.` or `..` (which a URL resolves away). Blank is whitespace only, as ECMA-262 (JSON
                Schema's regular expressions) reads `\\s`: the pattern spells the set out, because Python's `\\s` also
                holds the control characters U+001C to U+001F and U+0085, and every checker must read one set.
            mode: `talk` sends your audio and receives the peer's; `listen` only receives.

        Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number (else
        `TenantScopeNotAllowedError`).

        Served on Pilot Status web numbers; any other kind of number raises `FeatureNotSupportedError`.

        Sent once: not sent again once it may have reached the server (only after a 429, or a connection that never
        opened).
        """
        return self._call(REALTIME_SESSION, call_id, body=RealtimeSessionRequest(mode=mode))


class AsyncCalls(AsyncCallsMixin):
    """WhatsApp voice calls on Meta Cloud API (META) and Pilot Status web (EVO_GO) numbers.

    `calls`: `accept()`, `create()`, `iter()`, `list()`, `play()`, `pre_accept()`, `realtime_session()`, `reject()`,
    `retrieve()`, `terminate()`. Its resources: `calls.settings`, `calls.permissions`.

    Written by hand (`resources/_handwritten/calls.py`): `list()`, `iter()`.

    The async twin of `Calls`: the same methods, awaited.
    """

    @functools.cached_property
    def settings(self) -> AsyncCallSettings:
        """`calls.settings`: `retrieve()`, `update()`."""
        return AsyncCallSettings(self._client)

    @functools.cached_property
    def permissions(self) -> AsyncCallPermissions:
        """`calls.permissions`: `request()`, `retrieve()`."""
        return AsyncCallPermissions(self._client)

    async def create(
        self, *, to: str, sdp: str | None = None, biz_opaque_callback_data: str | None = None
    ) -> CallStarted:
        """Start call (BIC).

        Starts a business-initiated voice call to the user. Body: { to, sdp?, sdpType?:"offer", bizOpaqueCallbackData?
        }. Meta numbers: sdp is REQUIRED — the RFC 8866 offer from YOUR WebRTC client (business side must use
        a=setup:active) — and a prior user permission is required (otherwise Meta returns 138006 →
        META_CALL_PERMISSION_REQUIRED); billed per minute by Meta, directly on your WABA, only when answered. Web
        (unofficial) numbers: OMIT sdp — media is handled server-side — no permission step and no Meta billing.

        **Requires a number-scoped key.**

        On a Meta number the user must have granted permission to be called first (`calls.permissions.request()`), else
        `CallPermissionRequiredError`.

        Args:
            to: The user's phone number (E.164). Stricter than upstream (our assumption): digits with an optional
                leading `+`, 7 to 15 digits.
            sdp: Meta numbers: REQUIRED, the RFC 8866 offer from your WebRTC client (the business side must use
                `a=setup:active`). Web numbers: omit it.
            biz_opaque_callback_data: Opaque data echoed back on the terminate event. Stricter than upstream (our
                assumption): at most 512 characters, Meta's limit for `biz_opaque_callback_data` (per Meta's changelog);
                upstream states no limit.

        Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number (else
        `TenantScopeNotAllowedError`).

        Served on Meta Cloud API and Pilot Status web numbers; any other kind of number raises
        `FeatureNotSupportedError`.

        Sent once: not sent again once it may have reached the server (only after a 429, or a connection that never
        opened).
        """
        return await self._call(
            CREATE, body=StartCallRequest(to=to, sdp=sdp, biz_opaque_callback_data=biz_opaque_callback_data)
        )

    async def retrieve(self, call_id: str, *, include_sdp: bool = False) -> CallDetail:
        """Get call.

        Returns one call of the key's number. {callId} accepts the Pilot Status id (call_...) OR the provider call id
        (Meta wacid / Evolution GO CallID). SDPs are omitted by default — pass ?includeSdp=1 to receive
        sdpOffer/sdpAnswer (needed e.g. to answer an inbound call on a Meta number; always null on web numbers). 404
        CALL_NOT_FOUND when the call does not belong to the number. Meta and web numbers.

        **Requires a number-scoped key.**

        `CallNotFoundError` when the call is not the number's.

        Args:
            call_id: Pilot Status id (call_...) or provider call id (wacid / CallID). Stricter than upstream (our
                assumption): at most 256 characters (far above any provider id seen, far below what a URL can carry),
                not blank, and not `.` or `..` (which a URL resolves away). Blank is whitespace only, as ECMA-262 (JSON
                Schema's regular expressions) reads `\\s`: the pattern spells the set out, because Python's `\\s` also
                holds the control characters U+001C to U+001F and U+0085, and every checker must read one set.
            include_sdp: True sends `includeSdp=1`: `1` to include sdpOffer/sdpAnswer. Stricter than upstream (our
                assumption): only `1` is documented, so only `1` is accepted.

        Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number (else
        `TenantScopeNotAllowedError`).

        Served on Meta Cloud API and Pilot Status web numbers; any other kind of number raises
        `FeatureNotSupportedError`.
        """
        return await self._call(RETRIEVE, call_id, query={"include_sdp": flag(include_sdp, "include_sdp", "1")})

    async def pre_accept(self, call_id: str, *, sdp: str) -> CallActionResult:
        """Pre-accept call (optional).

        Sends the SDP answer early (before accept) to reduce audio clipping at call start. OPTIONAL — the call only
        connects on accept. Body: { sdp, sdpType?:"answer" }. {callId} accepts id or wacid. Meta numbers only (a
        signaling concept; web numbers → 400 FEATURE_NOT_SUPPORTED).

        **Requires a number-scoped key.**

        Args:
            call_id: Pilot Status id (call_...) or Meta wacid. Stricter than upstream (our assumption): at most 256
                characters (far above any provider id seen, far below what a URL can carry), not blank, and not `.` or
                `..` (which a URL resolves away). Blank is whitespace only, as ECMA-262 (JSON Schema's regular
                expressions) reads `\\s`: the pattern spells the set out, because Python's `\\s` also holds the control
                characters U+001C to U+001F and U+0085, and every checker must read one set.
            sdp: The SDP answer (RFC 8866) from your WebRTC client.

        Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number (else
        `TenantScopeNotAllowedError`).

        Served on Meta Cloud API numbers; any other kind of number raises `FeatureNotSupportedError`.

        Sent once: not sent again once it may have reached the server (only after a 429, or a connection that never
        opened).
        """
        return await self._call(PRE_ACCEPT, call_id, body=SdpAnswer(sdp=sdp))

    async def accept(self, call_id: str, *, sdp: str | None = None) -> CallActionResult:
        """Accept call.

        Answers a user-initiated call (UIC). Meta numbers: body { sdp, sdpType?:"answer" } — the business-side SDP
        answer; audio flows browser↔WhatsApp directly. Web numbers: no body — media is handled server-side (use /play
        and /realtime-session). {callId} accepts id or the provider call id. Persists status ACCEPTED.

        **Requires a number-scoped key.**

        Args:
            call_id: Pilot Status id (call_...) or provider call id (wacid / CallID). Stricter than upstream (our
                assumption): at most 256 characters (far above any provider id seen, far below what a URL can carry),
                not blank, and not `.` or `..` (which a URL resolves away). Blank is whitespace only, as ECMA-262 (JSON
                Schema's regular expressions) reads `\\s`: the pattern spells the set out, because Python's `\\s` also
                holds the control characters U+001C to U+001F and U+0085, and every checker must read one set.
            sdp: Meta numbers: the SDP answer (RFC 8866) from your WebRTC client. Web numbers: omit it.

        Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number (else
        `TenantScopeNotAllowedError`).

        Served on Meta Cloud API and Pilot Status web numbers; any other kind of number raises
        `FeatureNotSupportedError`.

        Sent once: not sent again once it may have reached the server (only after a 429, or a connection that never
        opened).
        """
        return await self._call(ACCEPT, call_id, body=AcceptCallRequest(sdp=sdp))

    async def reject(self, call_id: str) -> CallActionResult:
        """Reject call.

        Declines an incoming call (no body). {callId} accepts id or the provider call id. Persists status REJECTED. Meta
        and web numbers. (Written from the Portuguese page, the only one published: "Recusa uma chamada recebida (sem
        body). {callId} aceita id ou id do provedor. Persiste status REJECTED. Números Meta e web.")

        **Requires a number-scoped key.**

        Args:
            call_id: Pilot Status id (call_...) or provider call id (wacid / CallID). Stricter than upstream (our
                assumption): at most 256 characters (far above any provider id seen, far below what a URL can carry),
                not blank, and not `.` or `..` (which a URL resolves away). Blank is whitespace only, as ECMA-262 (JSON
                Schema's regular expressions) reads `\\s`: the pattern spells the set out, because Python's `\\s` also
                holds the control characters U+001C to U+001F and U+0085, and every checker must read one set.

        Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number (else
        `TenantScopeNotAllowedError`).

        Served on Meta Cloud API and Pilot Status web numbers; any other kind of number raises
        `FeatureNotSupportedError`.

        Sent once: not sent again once it may have reached the server (only after a 429, or a connection that never
        opened).
        """
        return await self._call(REJECT, call_id)

    async def terminate(self, call_id: str) -> CallActionResult:
        """Terminate call.

        Hangs up an active call (no body). {callId} accepts id or the provider call id. Persists status COMPLETED; the
        call.ended webhook carries the duration when the call was answered. Meta and web numbers.

        **Requires a number-scoped key.**

        Args:
            call_id: Pilot Status id (call_...) or provider call id (wacid / CallID). Stricter than upstream (our
                assumption): at most 256 characters (far above any provider id seen, far below what a URL can carry),
                not blank, and not `.` or `..` (which a URL resolves away). Blank is whitespace only, as ECMA-262 (JSON
                Schema's regular expressions) reads `\\s`: the pattern spells the set out, because Python's `\\s` also
                holds the control characters U+001C to U+001F and U+0085, and every checker must read one set.

        Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number (else
        `TenantScopeNotAllowedError`).

        Served on Meta Cloud API and Pilot Status web numbers; any other kind of number raises
        `FeatureNotSupportedError`.

        Sent once: not sent again once it may have reached the server (only after a 429, or a connection that never
        opened).
        """
        return await self._call(TERMINATE, call_id)

    async def play(self, call_id: str, *, media_url: str) -> CallActionResult:
        """Play audio into call (web).

        Plays an audio file into an active call. Body: { mediaUrl } — a public http(s) URL of an .mp3/.wav/.opus file
        (media travels by URL, like every media send on web numbers). When the call is not active yet the audio is
        queued and starts as soon as it connects. Web (unofficial) numbers ONLY — Meta numbers return 400
        FEATURE_NOT_SUPPORTED (their media flows via WebRTC).

        **Requires a number-scoped key.**

        Args:
            call_id: Pilot Status id (call_...) or provider call id (CallID). Stricter than upstream (our assumption):
                at most 256 characters (far above any provider id seen, far below what a URL can carry), not blank, and
                not `.` or `..` (which a URL resolves away). Blank is whitespace only, as ECMA-262 (JSON Schema's
                regular expressions) reads `\\s`: the pattern spells the set out, because Python's `\\s` also holds the
                control characters U+001C to U+001F and U+0085, and every checker must read one set.
            media_url: A public http(s) URL of an .mp3, .wav or .opus file.

        Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number (else
        `TenantScopeNotAllowedError`).

        Served on Pilot Status web numbers; any other kind of number raises `FeatureNotSupportedError`.

        Sent once: not sent again once it may have reached the server (only after a 429, or a connection that never
        opened).
        """
        return await self._call(PLAY, call_id, body=PlayAudioRequest(media_url=media_url))

    async def realtime_session(self, call_id: str, *, mode: RealtimeSessionMode) -> RealtimeSession:
        """Realtime media session (web).

        Opens a short-lived full-duplex media session on an active call. Body: { mode: "talk" | "listen" } — talk sends
        YOUR audio and receives the peer's; listen only receives. Returns { wsUrl, token, expiresInSeconds }: connect a
        WebSocket to wsUrl and exchange RAW binary PCM16 little-endian audio frames (plain WebSocket transport, NOT
        WebRTC; single-use token, ~2 min). Web numbers ONLY — Meta → 400 FEATURE_NOT_SUPPORTED.

        **Requires a number-scoped key.**

        Args:
            call_id: Pilot Status id (call_...) or provider call id (wacid / CallID). Stricter than upstream (our
                assumption): at most 256 characters (far above any provider id seen, far below what a URL can carry),
                not blank, and not `.` or `..` (which a URL resolves away). Blank is whitespace only, as ECMA-262 (JSON
                Schema's regular expressions) reads `\\s`: the pattern spells the set out, because Python's `\\s` also
                holds the control characters U+001C to U+001F and U+0085, and every checker must read one set.
            mode: `talk` sends your audio and receives the peer's; `listen` only receives.

        Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number (else
        `TenantScopeNotAllowedError`).

        Served on Pilot Status web numbers; any other kind of number raises `FeatureNotSupportedError`.

        Sent once: not sent again once it may have reached the server (only after a 429, or a connection that never
        opened).
        """
        return await self._call(REALTIME_SESSION, call_id, body=RealtimeSessionRequest(mode=mode))
