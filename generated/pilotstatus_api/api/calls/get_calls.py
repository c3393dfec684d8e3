import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.call_list import CallList
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | None = 25,
    before: datetime.datetime | None = None,
    x_whatsapp_number_id: str | None = None,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if x_whatsapp_number_id is not None:
        headers["x-whatsapp-number-id"] = x_whatsapp_number_id

    params: dict[str, Any] = {}

    params["limit"] = limit

    before_or_unset: datetime.datetime | Unset = UNSET if before is None else before
    json_before: str | Unset = UNSET
    if not isinstance(before_or_unset, Unset):
        json_before = before_or_unset.isoformat()
    params["before"] = json_before

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/calls",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CallList | Error | None:
    if response.status_code == 200:
        response_200 = CallList.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CallList | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | None = 25,
    before: datetime.datetime | None = None,
    x_whatsapp_number_id: str | None = None,
) -> Response[CallList | Error]:
    """List calls

     Lists the bound number's calls, newest first. Query: limit (1–100, default 25) and before (ISO 8601
    cursor — only calls created strictly before that instant). DTOs never carry SDPs here. Meta Cloud
    API and web (unofficial) numbers (other providers → 400 FEATURE_NOT_SUPPORTED).

    **Requires a number-scoped key.**

    Args:
        limit (int | None): (number (1–100)) Stricter than upstream (our assumption): a value
            outside 1..100 is rejected with 400; upstream states the range, not what happens outside
            it. Default: 25.
        before (datetime.datetime | None): (string (ISO 8601)) Stricter than upstream (our
            assumption): an RFC 3339 date-time with a zone, where upstream says ISO 8601.
        x_whatsapp_number_id (str | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CallList | Error]
    """

    kwargs = _get_kwargs(
        limit=limit,
        before=before,
        x_whatsapp_number_id=x_whatsapp_number_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    limit: int | None = 25,
    before: datetime.datetime | None = None,
    x_whatsapp_number_id: str | None = None,
) -> CallList | Error | None:
    """List calls

     Lists the bound number's calls, newest first. Query: limit (1–100, default 25) and before (ISO 8601
    cursor — only calls created strictly before that instant). DTOs never carry SDPs here. Meta Cloud
    API and web (unofficial) numbers (other providers → 400 FEATURE_NOT_SUPPORTED).

    **Requires a number-scoped key.**

    Args:
        limit (int | None): (number (1–100)) Stricter than upstream (our assumption): a value
            outside 1..100 is rejected with 400; upstream states the range, not what happens outside
            it. Default: 25.
        before (datetime.datetime | None): (string (ISO 8601)) Stricter than upstream (our
            assumption): an RFC 3339 date-time with a zone, where upstream says ISO 8601.
        x_whatsapp_number_id (str | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CallList | Error
    """

    return sync_detailed(
        client=client,
        limit=limit,
        before=before,
        x_whatsapp_number_id=x_whatsapp_number_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | None = 25,
    before: datetime.datetime | None = None,
    x_whatsapp_number_id: str | None = None,
) -> Response[CallList | Error]:
    """List calls

     Lists the bound number's calls, newest first. Query: limit (1–100, default 25) and before (ISO 8601
    cursor — only calls created strictly before that instant). DTOs never carry SDPs here. Meta Cloud
    API and web (unofficial) numbers (other providers → 400 FEATURE_NOT_SUPPORTED).

    **Requires a number-scoped key.**

    Args:
        limit (int | None): (number (1–100)) Stricter than upstream (our assumption): a value
            outside 1..100 is rejected with 400; upstream states the range, not what happens outside
            it. Default: 25.
        before (datetime.datetime | None): (string (ISO 8601)) Stricter than upstream (our
            assumption): an RFC 3339 date-time with a zone, where upstream says ISO 8601.
        x_whatsapp_number_id (str | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CallList | Error]
    """

    kwargs = _get_kwargs(
        limit=limit,
        before=before,
        x_whatsapp_number_id=x_whatsapp_number_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    limit: int | None = 25,
    before: datetime.datetime | None = None,
    x_whatsapp_number_id: str | None = None,
) -> CallList | Error | None:
    """List calls

     Lists the bound number's calls, newest first. Query: limit (1–100, default 25) and before (ISO 8601
    cursor — only calls created strictly before that instant). DTOs never carry SDPs here. Meta Cloud
    API and web (unofficial) numbers (other providers → 400 FEATURE_NOT_SUPPORTED).

    **Requires a number-scoped key.**

    Args:
        limit (int | None): (number (1–100)) Stricter than upstream (our assumption): a value
            outside 1..100 is rejected with 400; upstream states the range, not what happens outside
            it. Default: 25.
        before (datetime.datetime | None): (string (ISO 8601)) Stricter than upstream (our
            assumption): an RFC 3339 date-time with a zone, where upstream says ISO 8601.
        x_whatsapp_number_id (str | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CallList | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            before=before,
            x_whatsapp_number_id=x_whatsapp_number_id,
        )
    ).parsed
