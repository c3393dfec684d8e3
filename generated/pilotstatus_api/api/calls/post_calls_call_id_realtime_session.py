from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.realtime_session import RealtimeSession
from ...models.realtime_session_request import RealtimeSessionRequest
from ...types import Response


def _get_kwargs(
    call_id: str,
    *,
    body: RealtimeSessionRequest,
    x_whatsapp_number_id: str | None = None,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if x_whatsapp_number_id is not None:
        headers["x-whatsapp-number-id"] = x_whatsapp_number_id

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/calls/{call_id}/realtime-session".format(
            call_id=quote(str(call_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | RealtimeSession | None:
    if response.status_code == 200:
        response_200 = RealtimeSession.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())

        return response_409

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | RealtimeSession]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    call_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: RealtimeSessionRequest,
    x_whatsapp_number_id: str | None = None,
) -> Response[Error | RealtimeSession]:
    """Realtime media session (web)

     Opens a short-lived full-duplex media session on an active call. Body: { mode: "talk" | "listen" } —
    talk sends YOUR audio and receives the peer's; listen only receives. Returns { wsUrl, token,
    expiresInSeconds }: connect a WebSocket to wsUrl and exchange RAW binary PCM16 little-endian audio
    frames (plain WebSocket transport, NOT WebRTC; single-use token, ~2 min). Web numbers ONLY — Meta →
    400 FEATURE_NOT_SUPPORTED.

    **Requires a number-scoped key.**

    Args:
        call_id (str):
        x_whatsapp_number_id (str | None):
        body (RealtimeSessionRequest): The body of Realtime media session.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | RealtimeSession]
    """

    kwargs = _get_kwargs(
        call_id=call_id,
        body=body,
        x_whatsapp_number_id=x_whatsapp_number_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    call_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: RealtimeSessionRequest,
    x_whatsapp_number_id: str | None = None,
) -> Error | RealtimeSession | None:
    """Realtime media session (web)

     Opens a short-lived full-duplex media session on an active call. Body: { mode: "talk" | "listen" } —
    talk sends YOUR audio and receives the peer's; listen only receives. Returns { wsUrl, token,
    expiresInSeconds }: connect a WebSocket to wsUrl and exchange RAW binary PCM16 little-endian audio
    frames (plain WebSocket transport, NOT WebRTC; single-use token, ~2 min). Web numbers ONLY — Meta →
    400 FEATURE_NOT_SUPPORTED.

    **Requires a number-scoped key.**

    Args:
        call_id (str):
        x_whatsapp_number_id (str | None):
        body (RealtimeSessionRequest): The body of Realtime media session.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | RealtimeSession
    """

    return sync_detailed(
        call_id=call_id,
        client=client,
        body=body,
        x_whatsapp_number_id=x_whatsapp_number_id,
    ).parsed


async def asyncio_detailed(
    call_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: RealtimeSessionRequest,
    x_whatsapp_number_id: str | None = None,
) -> Response[Error | RealtimeSession]:
    """Realtime media session (web)

     Opens a short-lived full-duplex media session on an active call. Body: { mode: "talk" | "listen" } —
    talk sends YOUR audio and receives the peer's; listen only receives. Returns { wsUrl, token,
    expiresInSeconds }: connect a WebSocket to wsUrl and exchange RAW binary PCM16 little-endian audio
    frames (plain WebSocket transport, NOT WebRTC; single-use token, ~2 min). Web numbers ONLY — Meta →
    400 FEATURE_NOT_SUPPORTED.

    **Requires a number-scoped key.**

    Args:
        call_id (str):
        x_whatsapp_number_id (str | None):
        body (RealtimeSessionRequest): The body of Realtime media session.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | RealtimeSession]
    """

    kwargs = _get_kwargs(
        call_id=call_id,
        body=body,
        x_whatsapp_number_id=x_whatsapp_number_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    call_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: RealtimeSessionRequest,
    x_whatsapp_number_id: str | None = None,
) -> Error | RealtimeSession | None:
    """Realtime media session (web)

     Opens a short-lived full-duplex media session on an active call. Body: { mode: "talk" | "listen" } —
    talk sends YOUR audio and receives the peer's; listen only receives. Returns { wsUrl, token,
    expiresInSeconds }: connect a WebSocket to wsUrl and exchange RAW binary PCM16 little-endian audio
    frames (plain WebSocket transport, NOT WebRTC; single-use token, ~2 min). Web numbers ONLY — Meta →
    400 FEATURE_NOT_SUPPORTED.

    **Requires a number-scoped key.**

    Args:
        call_id (str):
        x_whatsapp_number_id (str | None):
        body (RealtimeSessionRequest): The body of Realtime media session.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | RealtimeSession
    """

    return (
        await asyncio_detailed(
            call_id=call_id,
            client=client,
            body=body,
            x_whatsapp_number_id=x_whatsapp_number_id,
        )
    ).parsed
