from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.call_started import CallStarted
from ...models.error import Error
from ...models.start_call_request import StartCallRequest
from ...types import Response


def _get_kwargs(
    *,
    body: StartCallRequest,
    x_whatsapp_number_id: str | None = None,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if x_whatsapp_number_id is not None:
        headers["x-whatsapp-number-id"] = x_whatsapp_number_id

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/calls",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CallStarted | Error | None:
    if response.status_code == 200:
        response_200 = CallStarted.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CallStarted | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: StartCallRequest,
    x_whatsapp_number_id: str | None = None,
) -> Response[CallStarted | Error]:
    """Start call (BIC)

     Starts a business-initiated voice call to the user. Body: { to, sdp?, sdpType?:"offer",
    bizOpaqueCallbackData? }. Meta numbers: sdp is REQUIRED — the RFC 8866 offer from YOUR WebRTC client
    (business side must use a=setup:active) — and a prior user permission is required (otherwise Meta
    returns 138006 → META_CALL_PERMISSION_REQUIRED); billed per minute by Meta, directly on your WABA,
    only when answered. Web (unofficial) numbers: OMIT sdp — media is handled server-side — no
    permission step and no Meta billing.

    **Requires a number-scoped key.**

    Args:
        x_whatsapp_number_id (str | None):
        body (StartCallRequest): The body of Start call.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CallStarted | Error]
    """

    kwargs = _get_kwargs(
        body=body,
        x_whatsapp_number_id=x_whatsapp_number_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: StartCallRequest,
    x_whatsapp_number_id: str | None = None,
) -> CallStarted | Error | None:
    """Start call (BIC)

     Starts a business-initiated voice call to the user. Body: { to, sdp?, sdpType?:"offer",
    bizOpaqueCallbackData? }. Meta numbers: sdp is REQUIRED — the RFC 8866 offer from YOUR WebRTC client
    (business side must use a=setup:active) — and a prior user permission is required (otherwise Meta
    returns 138006 → META_CALL_PERMISSION_REQUIRED); billed per minute by Meta, directly on your WABA,
    only when answered. Web (unofficial) numbers: OMIT sdp — media is handled server-side — no
    permission step and no Meta billing.

    **Requires a number-scoped key.**

    Args:
        x_whatsapp_number_id (str | None):
        body (StartCallRequest): The body of Start call.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CallStarted | Error
    """

    return sync_detailed(
        client=client,
        body=body,
        x_whatsapp_number_id=x_whatsapp_number_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: StartCallRequest,
    x_whatsapp_number_id: str | None = None,
) -> Response[CallStarted | Error]:
    """Start call (BIC)

     Starts a business-initiated voice call to the user. Body: { to, sdp?, sdpType?:"offer",
    bizOpaqueCallbackData? }. Meta numbers: sdp is REQUIRED — the RFC 8866 offer from YOUR WebRTC client
    (business side must use a=setup:active) — and a prior user permission is required (otherwise Meta
    returns 138006 → META_CALL_PERMISSION_REQUIRED); billed per minute by Meta, directly on your WABA,
    only when answered. Web (unofficial) numbers: OMIT sdp — media is handled server-side — no
    permission step and no Meta billing.

    **Requires a number-scoped key.**

    Args:
        x_whatsapp_number_id (str | None):
        body (StartCallRequest): The body of Start call.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CallStarted | Error]
    """

    kwargs = _get_kwargs(
        body=body,
        x_whatsapp_number_id=x_whatsapp_number_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: StartCallRequest,
    x_whatsapp_number_id: str | None = None,
) -> CallStarted | Error | None:
    """Start call (BIC)

     Starts a business-initiated voice call to the user. Body: { to, sdp?, sdpType?:"offer",
    bizOpaqueCallbackData? }. Meta numbers: sdp is REQUIRED — the RFC 8866 offer from YOUR WebRTC client
    (business side must use a=setup:active) — and a prior user permission is required (otherwise Meta
    returns 138006 → META_CALL_PERMISSION_REQUIRED); billed per minute by Meta, directly on your WABA,
    only when answered. Web (unofficial) numbers: OMIT sdp — media is handled server-side — no
    permission step and no Meta billing.

    **Requires a number-scoped key.**

    Args:
        x_whatsapp_number_id (str | None):
        body (StartCallRequest): The body of Start call.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CallStarted | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            x_whatsapp_number_id=x_whatsapp_number_id,
        )
    ).parsed
