"""The WebSocket behind a realtime session's `wsUrl`: `/_sandbox/realtime/{callId}?token=...`.

The token (from `POST /v1/calls/{callId}/realtime-session`) is the credential: it is spent when the socket opens.
An unknown, spent or expired token, or a call that is no longer ACCEPTED, closes the socket with 1008 (policy
violation) before any audio.

Then the sandbox plays the peer: it sends binary frames of PCM16 little-endian audio, 16 kHz mono, 20 ms each (320
samples, 640 bytes), paced at real time, a 440 Hz tone at a quarter of full scale, until the call is no longer
ACCEPTED (a terminate, the peer's hang-up), and then closes with 1000. In `talk` mode it takes the client's audio:
binary frames of whole PCM16 samples (a text frame closes with 1003, unsupported data; an odd number of bytes with
1007, invalid payload). In `listen` mode it ignores whatever it receives. The sample rate and frame size are the
sandbox's choice: upstream documents neither.
"""

from __future__ import annotations

import contextlib
import math
import sys
from array import array
from typing import Final

import anyio
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.websockets import WebSocket, WebSocketDisconnect, WebSocketState

from ._backend import NUMBERS, Backend
from ._errors import ApiError
from .calls.models import Calls

__all__ = [
    "FRAME_BYTES",
    "FRAME_SECONDS",
    "SAMPLE_RATE",
    "TONE_HZ",
    "realtime_http",
    "realtime_socket",
    "tone_frames",
]

SAMPLE_RATE: Final = 16_000
"""Samples a second of the audio the sandbox sends (mono)."""
FRAME_SECONDS: Final = 0.02
"""The audio a frame carries: 20 ms."""
FRAME_BYTES: Final = int(SAMPLE_RATE * FRAME_SECONDS) * 2
"""640: 320 samples of 16 bits."""
TONE_HZ: Final = 440
_AMPLITUDE = 32767 // 4

POLICY_VIOLATION: Final = 1008
UNSUPPORTED_DATA: Final = 1003
INVALID_PAYLOAD: Final = 1007
NORMAL_CLOSURE: Final = 1000


def tone_frames() -> list[bytes]:
    """One second of the tone as 50 frames: 440 Hz fills a second with whole periods, so the frames loop without a
    click."""
    samples = array(
        "h", (round(_AMPLITUDE * math.sin(2 * math.pi * TONE_HZ * n / SAMPLE_RATE)) for n in range(SAMPLE_RATE))
    )
    if sys.byteorder == "big":
        samples.byteswap()  # PCM16 little-endian on the wire, whatever this machine's order
    data = samples.tobytes()
    return [data[start : start + FRAME_BYTES] for start in range(0, len(data), FRAME_BYTES)]


_TONE = tone_frames()


def _redeem(backend: Backend, call_id: str, token: str) -> tuple[Calls, str] | str:
    """The calls of the web number whose call `call_id` is and the session's mode, spending `token`; or why not, in
    words."""
    for spec in NUMBERS:
        number = backend.number(spec.number_id)
        if number is None or number.provider != "EVO_GO":
            continue  # only web numbers open realtime sessions
        try:
            number.calls.get_call(call_id, include_sdp=False)
        except ApiError:
            continue  # not this number's call
        try:
            return number.calls, number.calls.redeem_realtime_token(call_id, token)
        except ApiError as error:
            return error.message
    return "Unknown or already used realtime token"


async def realtime_socket(websocket: WebSocket) -> None:
    """A realtime session: the token checked, then the tone sent (and the client's audio taken) while the call is
    answered."""
    backend: Backend = websocket.app.state.backend
    call_id = websocket.path_params["callId"]
    await websocket.accept()
    redeemed = _redeem(backend, call_id, websocket.query_params.get("token", ""))
    if isinstance(redeemed, str):
        await websocket.close(code=POLICY_VIOLATION, reason=redeemed[:120])
        return
    calls, mode = redeemed
    async with anyio.create_task_group() as session:

        async def receive() -> None:
            close = await _receive_until_closed(websocket, talk=mode == "talk")
            if close is not None:
                await _close(websocket, *close)
            session.cancel_scope.cancel()

        session.start_soon(receive)
        await _send_tone(websocket, calls, call_id)
        await _close(websocket, NORMAL_CLOSURE, "the call ended")
        session.cancel_scope.cancel()


async def _send_tone(websocket: WebSocket, calls: Calls, call_id: str) -> None:
    """Frames at real time while the call is ACCEPTED (or until the client goes)."""
    deadline = anyio.current_time()
    frame = 0
    while calls.call_active(call_id):
        try:
            await websocket.send_bytes(_TONE[frame % len(_TONE)])
        except (WebSocketDisconnect, RuntimeError, OSError):
            return  # the client went away
        frame += 1
        deadline += FRAME_SECONDS
        await anyio.sleep_until(deadline)


async def _receive_until_closed(websocket: WebSocket, *, talk: bool) -> tuple[int, str] | None:
    """Take the client's frames until it closes (None) or sends what a talk session refuses (the close to send)."""
    while True:
        message = await websocket.receive()
        if message["type"] == "websocket.disconnect":
            return None
        if not talk:
            continue
        data = message.get("bytes")
        if data is None:
            return UNSUPPORTED_DATA, "binary PCM16 frames only"
        if len(data) % 2:
            return INVALID_PAYLOAD, "a PCM16 frame holds whole 2-byte samples"


async def _close(websocket: WebSocket, code: int, reason: str) -> None:
    if websocket.application_state == WebSocketState.CONNECTED and websocket.client_state == WebSocketState.CONNECTED:
        with contextlib.suppress(RuntimeError, OSError):  # the client closed first
            await websocket.close(code=code, reason=reason)


async def realtime_http(request: Request) -> Response:
    """A plain HTTP request to a realtime address: 426, since only a WebSocket is served there."""
    return JSONResponse(
        {"error": "Upgrade Required: connect a WebSocket to this address (the wsUrl of a realtime session)"},
        status_code=426,
        headers={"Upgrade": "websocket", "Connection": "Upgrade"},
    )
