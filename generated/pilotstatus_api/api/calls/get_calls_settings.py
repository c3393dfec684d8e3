from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.calling_settings_envelope import CallingSettingsEnvelope
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    *,
    x_whatsapp_number_id: str | None = None,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if x_whatsapp_number_id is not None:
        headers["x-whatsapp-number-id"] = x_whatsapp_number_id

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/calls/settings",
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CallingSettingsEnvelope | Error | None:
    if response.status_code == 200:
        response_200 = CallingSettingsEnvelope.from_dict(response.json())

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
) -> Response[CallingSettingsEnvelope | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    x_whatsapp_number_id: str | None = None,
) -> Response[CallingSettingsEnvelope | Error]:
    """Get calling settings

     Returns the number's calling object (status, call_icon_visibility, callback_permission_status,
    call_hours, ...) exactly as Meta exposes it. SIP credentials are never requested nor returned.

    **Requires a number-scoped key.**

    Args:
        x_whatsapp_number_id (str | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CallingSettingsEnvelope | Error]
    """

    kwargs = _get_kwargs(
        x_whatsapp_number_id=x_whatsapp_number_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    x_whatsapp_number_id: str | None = None,
) -> CallingSettingsEnvelope | Error | None:
    """Get calling settings

     Returns the number's calling object (status, call_icon_visibility, callback_permission_status,
    call_hours, ...) exactly as Meta exposes it. SIP credentials are never requested nor returned.

    **Requires a number-scoped key.**

    Args:
        x_whatsapp_number_id (str | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CallingSettingsEnvelope | Error
    """

    return sync_detailed(
        client=client,
        x_whatsapp_number_id=x_whatsapp_number_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    x_whatsapp_number_id: str | None = None,
) -> Response[CallingSettingsEnvelope | Error]:
    """Get calling settings

     Returns the number's calling object (status, call_icon_visibility, callback_permission_status,
    call_hours, ...) exactly as Meta exposes it. SIP credentials are never requested nor returned.

    **Requires a number-scoped key.**

    Args:
        x_whatsapp_number_id (str | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CallingSettingsEnvelope | Error]
    """

    kwargs = _get_kwargs(
        x_whatsapp_number_id=x_whatsapp_number_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    x_whatsapp_number_id: str | None = None,
) -> CallingSettingsEnvelope | Error | None:
    """Get calling settings

     Returns the number's calling object (status, call_icon_visibility, callback_permission_status,
    call_hours, ...) exactly as Meta exposes it. SIP credentials are never requested nor returned.

    **Requires a number-scoped key.**

    Args:
        x_whatsapp_number_id (str | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CallingSettingsEnvelope | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            x_whatsapp_number_id=x_whatsapp_number_id,
        )
    ).parsed
