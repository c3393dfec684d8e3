from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.template_detail import TemplateDetail
from ...types import Response


def _get_kwargs(
    id: str,
    *,
    x_whatsapp_number_id: str | None = None,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if x_whatsapp_number_id is not None:
        headers["x-whatsapp-number-id"] = x_whatsapp_number_id

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/templates/{id}".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | TemplateDetail | None:
    if response.status_code == 200:
        response_200 = TemplateDetail.from_dict(response.json())

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
) -> Response[Error | TemplateDetail]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    x_whatsapp_number_id: str | None = None,
) -> Response[Error | TemplateDetail]:
    """Get template

     Returns a template by id (or name), with body and variables. Also includes source ("META" |
    "PILOT_STATUS"), metaStatus ("APPROVED" | "PENDING" | "REJECTED" | "DISABLED" | null), metaLanguage
    and sendable — on a Meta Cloud API number only source=META + metaStatus=APPROVED templates are
    sendable. 404 TEMPLATE_NOT_FOUND if it doesn't exist in the number's scope. Requires a number-scoped
    key.

    **Requires a number-scoped key.**

    Args:
        id (str):
        x_whatsapp_number_id (str | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TemplateDetail]
    """

    kwargs = _get_kwargs(
        id=id,
        x_whatsapp_number_id=x_whatsapp_number_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    x_whatsapp_number_id: str | None = None,
) -> Error | TemplateDetail | None:
    """Get template

     Returns a template by id (or name), with body and variables. Also includes source ("META" |
    "PILOT_STATUS"), metaStatus ("APPROVED" | "PENDING" | "REJECTED" | "DISABLED" | null), metaLanguage
    and sendable — on a Meta Cloud API number only source=META + metaStatus=APPROVED templates are
    sendable. 404 TEMPLATE_NOT_FOUND if it doesn't exist in the number's scope. Requires a number-scoped
    key.

    **Requires a number-scoped key.**

    Args:
        id (str):
        x_whatsapp_number_id (str | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TemplateDetail
    """

    return sync_detailed(
        id=id,
        client=client,
        x_whatsapp_number_id=x_whatsapp_number_id,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    x_whatsapp_number_id: str | None = None,
) -> Response[Error | TemplateDetail]:
    """Get template

     Returns a template by id (or name), with body and variables. Also includes source ("META" |
    "PILOT_STATUS"), metaStatus ("APPROVED" | "PENDING" | "REJECTED" | "DISABLED" | null), metaLanguage
    and sendable — on a Meta Cloud API number only source=META + metaStatus=APPROVED templates are
    sendable. 404 TEMPLATE_NOT_FOUND if it doesn't exist in the number's scope. Requires a number-scoped
    key.

    **Requires a number-scoped key.**

    Args:
        id (str):
        x_whatsapp_number_id (str | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TemplateDetail]
    """

    kwargs = _get_kwargs(
        id=id,
        x_whatsapp_number_id=x_whatsapp_number_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    x_whatsapp_number_id: str | None = None,
) -> Error | TemplateDetail | None:
    """Get template

     Returns a template by id (or name), with body and variables. Also includes source ("META" |
    "PILOT_STATUS"), metaStatus ("APPROVED" | "PENDING" | "REJECTED" | "DISABLED" | null), metaLanguage
    and sendable — on a Meta Cloud API number only source=META + metaStatus=APPROVED templates are
    sendable. 404 TEMPLATE_NOT_FOUND if it doesn't exist in the number's scope. Requires a number-scoped
    key.

    **Requires a number-scoped key.**

    Args:
        id (str):
        x_whatsapp_number_id (str | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TemplateDetail
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            x_whatsapp_number_id=x_whatsapp_number_id,
        )
    ).parsed
