from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.call_permission_request import CallPermissionRequest
from ...models.call_permission_request_sent import CallPermissionRequestSent
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    *,
    body: CallPermissionRequest,
    x_whatsapp_number_id: str | None = None,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if x_whatsapp_number_id is not None:
        headers["x-whatsapp-number-id"] = x_whatsapp_number_id

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/calls/permissions/request",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CallPermissionRequestSent | Error | None:
    if response.status_code == 200:
        response_200 = CallPermissionRequestSent.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CallPermissionRequestSent | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CallPermissionRequest,
    x_whatsapp_number_id: str | None = None,
) -> Response[CallPermissionRequestSent | Error]:
    """Request call permission

     Sends the interactive call_permission_request message to the user (valid inside the 24h service
    window). Body: { to, text? }. The user's answer arrives as the call.permission_updated webhook
    event. Meta limits apply (138009 → META_CALL_PERMISSION_REQUEST_LIMIT).

    **Requires a number-scoped key.**

    Args:
        x_whatsapp_number_id (str | None):
        body (CallPermissionRequest): The body of Request call permission.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CallPermissionRequestSent | Error]
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
    body: CallPermissionRequest,
    x_whatsapp_number_id: str | None = None,
) -> CallPermissionRequestSent | Error | None:
    """Request call permission

     Sends the interactive call_permission_request message to the user (valid inside the 24h service
    window). Body: { to, text? }. The user's answer arrives as the call.permission_updated webhook
    event. Meta limits apply (138009 → META_CALL_PERMISSION_REQUEST_LIMIT).

    **Requires a number-scoped key.**

    Args:
        x_whatsapp_number_id (str | None):
        body (CallPermissionRequest): The body of Request call permission.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CallPermissionRequestSent | Error
    """

    return sync_detailed(
        client=client,
        body=body,
        x_whatsapp_number_id=x_whatsapp_number_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CallPermissionRequest,
    x_whatsapp_number_id: str | None = None,
) -> Response[CallPermissionRequestSent | Error]:
    """Request call permission

     Sends the interactive call_permission_request message to the user (valid inside the 24h service
    window). Body: { to, text? }. The user's answer arrives as the call.permission_updated webhook
    event. Meta limits apply (138009 → META_CALL_PERMISSION_REQUEST_LIMIT).

    **Requires a number-scoped key.**

    Args:
        x_whatsapp_number_id (str | None):
        body (CallPermissionRequest): The body of Request call permission.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CallPermissionRequestSent | Error]
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
    body: CallPermissionRequest,
    x_whatsapp_number_id: str | None = None,
) -> CallPermissionRequestSent | Error | None:
    """Request call permission

     Sends the interactive call_permission_request message to the user (valid inside the 24h service
    window). Body: { to, text? }. The user's answer arrives as the call.permission_updated webhook
    event. Meta limits apply (138009 → META_CALL_PERMISSION_REQUEST_LIMIT).

    **Requires a number-scoped key.**

    Args:
        x_whatsapp_number_id (str | None):
        body (CallPermissionRequest): The body of Request call permission.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CallPermissionRequestSent | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            x_whatsapp_number_id=x_whatsapp_number_id,
        )
    ).parsed
