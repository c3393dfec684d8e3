from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.template_list_item import TemplateListItem
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
        "url": "/v1/templates",
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | list[TemplateListItem] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = TemplateListItem.from_dict(response_200_item_data)

            response_200.append(response_200_item)

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
) -> Response[Error | list[TemplateListItem]]:
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
) -> Response[Error | list[TemplateListItem]]:
    """List templates

     Lists templates available for the linked number (scoped by number; WABA-shared for Meta). Each item
    has id, name, category, body, variables, plus source ("META" | "PILOT_STATUS"), metaStatus
    ("APPROVED" | "PENDING" | "REJECTED" | "DISABLED" | null), metaLanguage and sendable (boolean). On a
    Meta Cloud API number only source=META + metaStatus=APPROVED templates are sendable; non-Meta
    templates are not sendable on a Meta number. Requires a number-scoped key.

    **Requires a number-scoped key.**

    Args:
        x_whatsapp_number_id (str | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[TemplateListItem]]
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
) -> Error | list[TemplateListItem] | None:
    """List templates

     Lists templates available for the linked number (scoped by number; WABA-shared for Meta). Each item
    has id, name, category, body, variables, plus source ("META" | "PILOT_STATUS"), metaStatus
    ("APPROVED" | "PENDING" | "REJECTED" | "DISABLED" | null), metaLanguage and sendable (boolean). On a
    Meta Cloud API number only source=META + metaStatus=APPROVED templates are sendable; non-Meta
    templates are not sendable on a Meta number. Requires a number-scoped key.

    **Requires a number-scoped key.**

    Args:
        x_whatsapp_number_id (str | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[TemplateListItem]
    """

    return sync_detailed(
        client=client,
        x_whatsapp_number_id=x_whatsapp_number_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    x_whatsapp_number_id: str | None = None,
) -> Response[Error | list[TemplateListItem]]:
    """List templates

     Lists templates available for the linked number (scoped by number; WABA-shared for Meta). Each item
    has id, name, category, body, variables, plus source ("META" | "PILOT_STATUS"), metaStatus
    ("APPROVED" | "PENDING" | "REJECTED" | "DISABLED" | null), metaLanguage and sendable (boolean). On a
    Meta Cloud API number only source=META + metaStatus=APPROVED templates are sendable; non-Meta
    templates are not sendable on a Meta number. Requires a number-scoped key.

    **Requires a number-scoped key.**

    Args:
        x_whatsapp_number_id (str | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[TemplateListItem]]
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
) -> Error | list[TemplateListItem] | None:
    """List templates

     Lists templates available for the linked number (scoped by number; WABA-shared for Meta). Each item
    has id, name, category, body, variables, plus source ("META" | "PILOT_STATUS"), metaStatus
    ("APPROVED" | "PENDING" | "REJECTED" | "DISABLED" | null), metaLanguage and sendable (boolean). On a
    Meta Cloud API number only source=META + metaStatus=APPROVED templates are sendable; non-Meta
    templates are not sendable on a Meta number. Requires a number-scoped key.

    **Requires a number-scoped key.**

    Args:
        x_whatsapp_number_id (str | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[TemplateListItem]
    """

    return (
        await asyncio_detailed(
            client=client,
            x_whatsapp_number_id=x_whatsapp_number_id,
        )
    ).parsed
