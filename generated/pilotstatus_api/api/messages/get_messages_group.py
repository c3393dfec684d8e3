import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.group_messages_page import GroupMessagesPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    start_date: datetime.datetime | None = None,
    end_date: datetime.datetime | None = None,
    page: int | None = 1,
    page_size: int | None = 30,
    x_whatsapp_number_id: str | None = None,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if x_whatsapp_number_id is not None:
        headers["x-whatsapp-number-id"] = x_whatsapp_number_id

    params: dict[str, Any] = {}

    start_date_or_unset: datetime.datetime | Unset = UNSET if start_date is None else start_date
    json_start_date: str | Unset = UNSET
    if not isinstance(start_date_or_unset, Unset):
        json_start_date = start_date_or_unset.isoformat()
    params["startDate"] = json_start_date

    end_date_or_unset: datetime.datetime | Unset = UNSET if end_date is None else end_date
    json_end_date: str | Unset = UNSET
    if not isinstance(end_date_or_unset, Unset):
        json_end_date = end_date_or_unset.isoformat()
    params["endDate"] = json_end_date

    params["page"] = page

    params["pageSize"] = page_size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/messages/group",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | GroupMessagesPage | None:
    if response.status_code == 200:
        response_200 = GroupMessagesPage.from_dict(response.json())

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
) -> Response[Error | GroupMessagesPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    start_date: datetime.datetime | None = None,
    end_date: datetime.datetime | None = None,
    page: int | None = 1,
    page_size: int | None = 30,
    x_whatsapp_number_id: str | None = None,
) -> Response[Error | GroupMessagesPage]:
    """Group messages

     Lists messages in the linked number's GROUP conversations (newest first). Paginated via
    page/pageSize. Filter by date with startDate/endDate (ISO 8601, over createdAt). Meta numbers return
    400 NOT_SUPPORTED_FOR_META (groups are PILOT_STATUS-only). The number's privacy (PII) mode applies:
    RELAY_ONLY → [] + notice:"PII_RELAY_ONLY"; STORE_X_DAYS clamps to the window max(startDate, now −
    retentionDays). Requires a number-scoped key.

    **Requires a number-scoped key.**

    Ties (rows of the same instant) are ordered by `id`, descending (inferred: the documentation states
    no tie-break). A row that arrives while pages are read pushes the older ones down a page: walk the
    list with a fixed endDate to read each row once.

    Args:
        start_date (datetime.datetime | None): (string (ISO 8601)) Stricter than upstream (our
            assumption): an RFC 3339 date-time with a zone, where upstream says ISO 8601.
        end_date (datetime.datetime | None): (string (ISO 8601)) Stricter than upstream (our
            assumption): an RFC 3339 date-time with a zone, where upstream says ISO 8601.
        page (int | None): Stricter than upstream (our assumption): a page below 1 is rejected
            with 400; upstream states `page ≥ 1`, not what happens below it. Default: 1.
        page_size (int | None): Stricter than upstream (our assumption): a value outside 1..100 is
            rejected with 400; upstream states the range, and the official SDK says the server caps it
            at 100. Default: 30.
        x_whatsapp_number_id (str | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | GroupMessagesPage]
    """

    kwargs = _get_kwargs(
        start_date=start_date,
        end_date=end_date,
        page=page,
        page_size=page_size,
        x_whatsapp_number_id=x_whatsapp_number_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    start_date: datetime.datetime | None = None,
    end_date: datetime.datetime | None = None,
    page: int | None = 1,
    page_size: int | None = 30,
    x_whatsapp_number_id: str | None = None,
) -> Error | GroupMessagesPage | None:
    """Group messages

     Lists messages in the linked number's GROUP conversations (newest first). Paginated via
    page/pageSize. Filter by date with startDate/endDate (ISO 8601, over createdAt). Meta numbers return
    400 NOT_SUPPORTED_FOR_META (groups are PILOT_STATUS-only). The number's privacy (PII) mode applies:
    RELAY_ONLY → [] + notice:"PII_RELAY_ONLY"; STORE_X_DAYS clamps to the window max(startDate, now −
    retentionDays). Requires a number-scoped key.

    **Requires a number-scoped key.**

    Ties (rows of the same instant) are ordered by `id`, descending (inferred: the documentation states
    no tie-break). A row that arrives while pages are read pushes the older ones down a page: walk the
    list with a fixed endDate to read each row once.

    Args:
        start_date (datetime.datetime | None): (string (ISO 8601)) Stricter than upstream (our
            assumption): an RFC 3339 date-time with a zone, where upstream says ISO 8601.
        end_date (datetime.datetime | None): (string (ISO 8601)) Stricter than upstream (our
            assumption): an RFC 3339 date-time with a zone, where upstream says ISO 8601.
        page (int | None): Stricter than upstream (our assumption): a page below 1 is rejected
            with 400; upstream states `page ≥ 1`, not what happens below it. Default: 1.
        page_size (int | None): Stricter than upstream (our assumption): a value outside 1..100 is
            rejected with 400; upstream states the range, and the official SDK says the server caps it
            at 100. Default: 30.
        x_whatsapp_number_id (str | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | GroupMessagesPage
    """

    return sync_detailed(
        client=client,
        start_date=start_date,
        end_date=end_date,
        page=page,
        page_size=page_size,
        x_whatsapp_number_id=x_whatsapp_number_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    start_date: datetime.datetime | None = None,
    end_date: datetime.datetime | None = None,
    page: int | None = 1,
    page_size: int | None = 30,
    x_whatsapp_number_id: str | None = None,
) -> Response[Error | GroupMessagesPage]:
    """Group messages

     Lists messages in the linked number's GROUP conversations (newest first). Paginated via
    page/pageSize. Filter by date with startDate/endDate (ISO 8601, over createdAt). Meta numbers return
    400 NOT_SUPPORTED_FOR_META (groups are PILOT_STATUS-only). The number's privacy (PII) mode applies:
    RELAY_ONLY → [] + notice:"PII_RELAY_ONLY"; STORE_X_DAYS clamps to the window max(startDate, now −
    retentionDays). Requires a number-scoped key.

    **Requires a number-scoped key.**

    Ties (rows of the same instant) are ordered by `id`, descending (inferred: the documentation states
    no tie-break). A row that arrives while pages are read pushes the older ones down a page: walk the
    list with a fixed endDate to read each row once.

    Args:
        start_date (datetime.datetime | None): (string (ISO 8601)) Stricter than upstream (our
            assumption): an RFC 3339 date-time with a zone, where upstream says ISO 8601.
        end_date (datetime.datetime | None): (string (ISO 8601)) Stricter than upstream (our
            assumption): an RFC 3339 date-time with a zone, where upstream says ISO 8601.
        page (int | None): Stricter than upstream (our assumption): a page below 1 is rejected
            with 400; upstream states `page ≥ 1`, not what happens below it. Default: 1.
        page_size (int | None): Stricter than upstream (our assumption): a value outside 1..100 is
            rejected with 400; upstream states the range, and the official SDK says the server caps it
            at 100. Default: 30.
        x_whatsapp_number_id (str | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | GroupMessagesPage]
    """

    kwargs = _get_kwargs(
        start_date=start_date,
        end_date=end_date,
        page=page,
        page_size=page_size,
        x_whatsapp_number_id=x_whatsapp_number_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    start_date: datetime.datetime | None = None,
    end_date: datetime.datetime | None = None,
    page: int | None = 1,
    page_size: int | None = 30,
    x_whatsapp_number_id: str | None = None,
) -> Error | GroupMessagesPage | None:
    """Group messages

     Lists messages in the linked number's GROUP conversations (newest first). Paginated via
    page/pageSize. Filter by date with startDate/endDate (ISO 8601, over createdAt). Meta numbers return
    400 NOT_SUPPORTED_FOR_META (groups are PILOT_STATUS-only). The number's privacy (PII) mode applies:
    RELAY_ONLY → [] + notice:"PII_RELAY_ONLY"; STORE_X_DAYS clamps to the window max(startDate, now −
    retentionDays). Requires a number-scoped key.

    **Requires a number-scoped key.**

    Ties (rows of the same instant) are ordered by `id`, descending (inferred: the documentation states
    no tie-break). A row that arrives while pages are read pushes the older ones down a page: walk the
    list with a fixed endDate to read each row once.

    Args:
        start_date (datetime.datetime | None): (string (ISO 8601)) Stricter than upstream (our
            assumption): an RFC 3339 date-time with a zone, where upstream says ISO 8601.
        end_date (datetime.datetime | None): (string (ISO 8601)) Stricter than upstream (our
            assumption): an RFC 3339 date-time with a zone, where upstream says ISO 8601.
        page (int | None): Stricter than upstream (our assumption): a page below 1 is rejected
            with 400; upstream states `page ≥ 1`, not what happens below it. Default: 1.
        page_size (int | None): Stricter than upstream (our assumption): a value outside 1..100 is
            rejected with 400; upstream states the range, and the official SDK says the server caps it
            at 100. Default: 30.
        x_whatsapp_number_id (str | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | GroupMessagesPage
    """

    return (
        await asyncio_detailed(
            client=client,
            start_date=start_date,
            end_date=end_date,
            page=page,
            page_size=page_size,
            x_whatsapp_number_id=x_whatsapp_number_id,
        )
    ).parsed
