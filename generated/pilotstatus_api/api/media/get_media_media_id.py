from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.media_download import MediaDownload
from ...types import UNSET, Response


def _get_kwargs(
    media_id: str,
    *,
    phone_number_id: str,
    x_whatsapp_number_id: str | None = None,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if x_whatsapp_number_id is not None:
        headers["x-whatsapp-number-id"] = x_whatsapp_number_id

    params: dict[str, Any] = {}

    params["phoneNumberId"] = phone_number_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/media/{media_id}".format(
            media_id=quote(str(media_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | MediaDownload | None:
    if response.status_code == 200:
        response_200 = MediaDownload.from_dict(response.json())

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

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | MediaDownload]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    media_id: str,
    *,
    client: AuthenticatedClient | Client,
    phone_number_id: str,
    x_whatsapp_number_id: str | None = None,
) -> Response[Error | MediaDownload]:
    """Download media (Meta)

     Downloads a Meta Cloud API media by mediaId (e.g. from an inbound webhook) and returns it as a
    base64 data URI + mimeType. Requires the phoneNumberId query param (a tenant Meta number's
    metaPhoneId). Requires a number-scoped key.

    **Requires a number-scoped key.**

    Args:
        media_id (str):
        phone_number_id (str):
        x_whatsapp_number_id (str | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | MediaDownload]
    """

    kwargs = _get_kwargs(
        media_id=media_id,
        phone_number_id=phone_number_id,
        x_whatsapp_number_id=x_whatsapp_number_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    media_id: str,
    *,
    client: AuthenticatedClient | Client,
    phone_number_id: str,
    x_whatsapp_number_id: str | None = None,
) -> Error | MediaDownload | None:
    """Download media (Meta)

     Downloads a Meta Cloud API media by mediaId (e.g. from an inbound webhook) and returns it as a
    base64 data URI + mimeType. Requires the phoneNumberId query param (a tenant Meta number's
    metaPhoneId). Requires a number-scoped key.

    **Requires a number-scoped key.**

    Args:
        media_id (str):
        phone_number_id (str):
        x_whatsapp_number_id (str | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | MediaDownload
    """

    return sync_detailed(
        media_id=media_id,
        client=client,
        phone_number_id=phone_number_id,
        x_whatsapp_number_id=x_whatsapp_number_id,
    ).parsed


async def asyncio_detailed(
    media_id: str,
    *,
    client: AuthenticatedClient | Client,
    phone_number_id: str,
    x_whatsapp_number_id: str | None = None,
) -> Response[Error | MediaDownload]:
    """Download media (Meta)

     Downloads a Meta Cloud API media by mediaId (e.g. from an inbound webhook) and returns it as a
    base64 data URI + mimeType. Requires the phoneNumberId query param (a tenant Meta number's
    metaPhoneId). Requires a number-scoped key.

    **Requires a number-scoped key.**

    Args:
        media_id (str):
        phone_number_id (str):
        x_whatsapp_number_id (str | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | MediaDownload]
    """

    kwargs = _get_kwargs(
        media_id=media_id,
        phone_number_id=phone_number_id,
        x_whatsapp_number_id=x_whatsapp_number_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    media_id: str,
    *,
    client: AuthenticatedClient | Client,
    phone_number_id: str,
    x_whatsapp_number_id: str | None = None,
) -> Error | MediaDownload | None:
    """Download media (Meta)

     Downloads a Meta Cloud API media by mediaId (e.g. from an inbound webhook) and returns it as a
    base64 data URI + mimeType. Requires the phoneNumberId query param (a tenant Meta number's
    metaPhoneId). Requires a number-scoped key.

    **Requires a number-scoped key.**

    Args:
        media_id (str):
        phone_number_id (str):
        x_whatsapp_number_id (str | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | MediaDownload
    """

    return (
        await asyncio_detailed(
            media_id=media_id,
            client=client,
            phone_number_id=phone_number_id,
            x_whatsapp_number_id=x_whatsapp_number_id,
        )
    ).parsed
