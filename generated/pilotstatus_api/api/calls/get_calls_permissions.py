from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.call_permission import CallPermission
from ...models.error import Error
from ...types import UNSET, Response


def _get_kwargs(
    *,
    to: str,
    x_whatsapp_number_id: str | None = None,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if x_whatsapp_number_id is not None:
        headers["x-whatsapp-number-id"] = x_whatsapp_number_id

    params: dict[str, Any] = {}

    params["to"] = to

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/calls/permissions",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CallPermission | Error | None:
    if response.status_code == 200:
        response_200 = CallPermission.from_dict(response.json())

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
) -> Response[CallPermission | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    to: str,
    x_whatsapp_number_id: str | None = None,
) -> Response[CallPermission | Error]:
    """Get call permission

     Probes whether the business may call ?to=<phone>: permission status (no_permission | temporary |
    permanent, with expiration_time) plus per-action limits (send_call_permission_request / start_call).
    Required before a BIC.

    **Requires a number-scoped key.**

    Args:
        to (str): (string (E.164)) Stricter than upstream (our assumption): digits with an
            optional leading `+`, 7 to 15 digits.
        x_whatsapp_number_id (str | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CallPermission | Error]
    """

    kwargs = _get_kwargs(
        to=to,
        x_whatsapp_number_id=x_whatsapp_number_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    to: str,
    x_whatsapp_number_id: str | None = None,
) -> CallPermission | Error | None:
    """Get call permission

     Probes whether the business may call ?to=<phone>: permission status (no_permission | temporary |
    permanent, with expiration_time) plus per-action limits (send_call_permission_request / start_call).
    Required before a BIC.

    **Requires a number-scoped key.**

    Args:
        to (str): (string (E.164)) Stricter than upstream (our assumption): digits with an
            optional leading `+`, 7 to 15 digits.
        x_whatsapp_number_id (str | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CallPermission | Error
    """

    return sync_detailed(
        client=client,
        to=to,
        x_whatsapp_number_id=x_whatsapp_number_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    to: str,
    x_whatsapp_number_id: str | None = None,
) -> Response[CallPermission | Error]:
    """Get call permission

     Probes whether the business may call ?to=<phone>: permission status (no_permission | temporary |
    permanent, with expiration_time) plus per-action limits (send_call_permission_request / start_call).
    Required before a BIC.

    **Requires a number-scoped key.**

    Args:
        to (str): (string (E.164)) Stricter than upstream (our assumption): digits with an
            optional leading `+`, 7 to 15 digits.
        x_whatsapp_number_id (str | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CallPermission | Error]
    """

    kwargs = _get_kwargs(
        to=to,
        x_whatsapp_number_id=x_whatsapp_number_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    to: str,
    x_whatsapp_number_id: str | None = None,
) -> CallPermission | Error | None:
    """Get call permission

     Probes whether the business may call ?to=<phone>: permission status (no_permission | temporary |
    permanent, with expiration_time) plus per-action limits (send_call_permission_request / start_call).
    Required before a BIC.

    **Requires a number-scoped key.**

    Args:
        to (str): (string (E.164)) Stricter than upstream (our assumption): digits with an
            optional leading `+`, 7 to 15 digits.
        x_whatsapp_number_id (str | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CallPermission | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            to=to,
            x_whatsapp_number_id=x_whatsapp_number_id,
        )
    ).parsed
