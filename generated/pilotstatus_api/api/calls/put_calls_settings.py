from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.calling_settings_update import CallingSettingsUpdate
from ...models.calling_settings_updated import CallingSettingsUpdated
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: CallingSettingsUpdate | None = None,
    x_whatsapp_number_id: str | None = None,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if x_whatsapp_number_id is not None:
        headers["x-whatsapp-number-id"] = x_whatsapp_number_id

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/calls/settings",
    }

    body_or_unset: CallingSettingsUpdate | Unset = UNSET if body is None else body

    if not isinstance(body_or_unset, Unset):
        _kwargs["json"] = body_or_unset.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CallingSettingsUpdated | Error | None:
    if response.status_code == 200:
        response_200 = CallingSettingsUpdated.from_dict(response.json())

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
) -> Response[CallingSettingsUpdated | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CallingSettingsUpdate | None = None,
    x_whatsapp_number_id: str | None = None,
) -> Response[CallingSettingsUpdated | Error]:
    """Update calling settings

     PARTIAL update of the calling object: status, call_icon_visibility, callback_permission_status,
    call_hours, and voicemail (sip is rejected). Note: call_hours REPLACES the stored object entirely
    (Meta semantics). Numbers with a messaging tier < 2,000/day cannot enable it (Meta 138015).

    **Requires a number-scoped key.**

    Args:
        x_whatsapp_number_id (str | None):
        body (CallingSettingsUpdate | None): The body of Update calling settings: a PARTIAL
            update, only the keys given change. `call_hours` replaces the stored object entirely.
            `sip` is rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CallingSettingsUpdated | Error]
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
    body: CallingSettingsUpdate | None = None,
    x_whatsapp_number_id: str | None = None,
) -> CallingSettingsUpdated | Error | None:
    """Update calling settings

     PARTIAL update of the calling object: status, call_icon_visibility, callback_permission_status,
    call_hours, and voicemail (sip is rejected). Note: call_hours REPLACES the stored object entirely
    (Meta semantics). Numbers with a messaging tier < 2,000/day cannot enable it (Meta 138015).

    **Requires a number-scoped key.**

    Args:
        x_whatsapp_number_id (str | None):
        body (CallingSettingsUpdate | None): The body of Update calling settings: a PARTIAL
            update, only the keys given change. `call_hours` replaces the stored object entirely.
            `sip` is rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CallingSettingsUpdated | Error
    """

    return sync_detailed(
        client=client,
        body=body,
        x_whatsapp_number_id=x_whatsapp_number_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CallingSettingsUpdate | None = None,
    x_whatsapp_number_id: str | None = None,
) -> Response[CallingSettingsUpdated | Error]:
    """Update calling settings

     PARTIAL update of the calling object: status, call_icon_visibility, callback_permission_status,
    call_hours, and voicemail (sip is rejected). Note: call_hours REPLACES the stored object entirely
    (Meta semantics). Numbers with a messaging tier < 2,000/day cannot enable it (Meta 138015).

    **Requires a number-scoped key.**

    Args:
        x_whatsapp_number_id (str | None):
        body (CallingSettingsUpdate | None): The body of Update calling settings: a PARTIAL
            update, only the keys given change. `call_hours` replaces the stored object entirely.
            `sip` is rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CallingSettingsUpdated | Error]
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
    body: CallingSettingsUpdate | None = None,
    x_whatsapp_number_id: str | None = None,
) -> CallingSettingsUpdated | Error | None:
    """Update calling settings

     PARTIAL update of the calling object: status, call_icon_visibility, callback_permission_status,
    call_hours, and voicemail (sip is rejected). Note: call_hours REPLACES the stored object entirely
    (Meta semantics). Numbers with a messaging tier < 2,000/day cannot enable it (Meta 138015).

    **Requires a number-scoped key.**

    Args:
        x_whatsapp_number_id (str | None):
        body (CallingSettingsUpdate | None): The body of Update calling settings: a PARTIAL
            update, only the keys given change. `call_hours` replaces the stored object entirely.
            `sip` is rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CallingSettingsUpdated | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            x_whatsapp_number_id=x_whatsapp_number_id,
        )
    ).parsed
