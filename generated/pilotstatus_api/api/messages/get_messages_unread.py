from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.unread_messages_page import UnreadMessagesPage
from ...types import UNSET, Response


def _get_kwargs(
    *,
    page: int | None = 1,
    page_size: int | None = 30,
    x_whatsapp_number_id: str | None = None,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if x_whatsapp_number_id is not None:
        headers["x-whatsapp-number-id"] = x_whatsapp_number_id

    params: dict[str, Any] = {}

    params["page"] = page

    params["pageSize"] = page_size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/messages/unread",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | UnreadMessagesPage | None:
    if response.status_code == 200:
        response_200 = UnreadMessagesPage.from_dict(response.json())

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
) -> Response[Error | UnreadMessagesPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | None = 1,
    page_size: int | None = 30,
    x_whatsapp_number_id: str | None = None,
) -> Response[Error | UnreadMessagesPage]:
    """Unread messages

     Lists the linked number's unread INBOUND messages (newest first). "total" is the TRUE unread count —
    the sum of Conversation.unreadCount (the same counter the dashboard shows), not a raw count of
    inbound messages. Each item carries conversationUnreadCount (the conversation's unread total).
    Paginated via page/pageSize (no date range). The number's privacy (PII) mode applies: RELAY_ONLY →
    [] + notice:"PII_RELAY_ONLY"; STORE_X_DAYS clamps to the retention window. Requires a number-scoped
    key.

    **Requires a number-scoped key.**

    Ties (rows of the same instant) are ordered by `id`, descending (inferred: the documentation states
    no tie-break). The list shrinks as messages are read: a walk over its pages may miss a message read
    meanwhile.

    Args:
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
        Response[Error | UnreadMessagesPage]
    """

    kwargs = _get_kwargs(
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
    page: int | None = 1,
    page_size: int | None = 30,
    x_whatsapp_number_id: str | None = None,
) -> Error | UnreadMessagesPage | None:
    """Unread messages

     Lists the linked number's unread INBOUND messages (newest first). "total" is the TRUE unread count —
    the sum of Conversation.unreadCount (the same counter the dashboard shows), not a raw count of
    inbound messages. Each item carries conversationUnreadCount (the conversation's unread total).
    Paginated via page/pageSize (no date range). The number's privacy (PII) mode applies: RELAY_ONLY →
    [] + notice:"PII_RELAY_ONLY"; STORE_X_DAYS clamps to the retention window. Requires a number-scoped
    key.

    **Requires a number-scoped key.**

    Ties (rows of the same instant) are ordered by `id`, descending (inferred: the documentation states
    no tie-break). The list shrinks as messages are read: a walk over its pages may miss a message read
    meanwhile.

    Args:
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
        Error | UnreadMessagesPage
    """

    return sync_detailed(
        client=client,
        page=page,
        page_size=page_size,
        x_whatsapp_number_id=x_whatsapp_number_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | None = 1,
    page_size: int | None = 30,
    x_whatsapp_number_id: str | None = None,
) -> Response[Error | UnreadMessagesPage]:
    """Unread messages

     Lists the linked number's unread INBOUND messages (newest first). "total" is the TRUE unread count —
    the sum of Conversation.unreadCount (the same counter the dashboard shows), not a raw count of
    inbound messages. Each item carries conversationUnreadCount (the conversation's unread total).
    Paginated via page/pageSize (no date range). The number's privacy (PII) mode applies: RELAY_ONLY →
    [] + notice:"PII_RELAY_ONLY"; STORE_X_DAYS clamps to the retention window. Requires a number-scoped
    key.

    **Requires a number-scoped key.**

    Ties (rows of the same instant) are ordered by `id`, descending (inferred: the documentation states
    no tie-break). The list shrinks as messages are read: a walk over its pages may miss a message read
    meanwhile.

    Args:
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
        Response[Error | UnreadMessagesPage]
    """

    kwargs = _get_kwargs(
        page=page,
        page_size=page_size,
        x_whatsapp_number_id=x_whatsapp_number_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    page: int | None = 1,
    page_size: int | None = 30,
    x_whatsapp_number_id: str | None = None,
) -> Error | UnreadMessagesPage | None:
    """Unread messages

     Lists the linked number's unread INBOUND messages (newest first). "total" is the TRUE unread count —
    the sum of Conversation.unreadCount (the same counter the dashboard shows), not a raw count of
    inbound messages. Each item carries conversationUnreadCount (the conversation's unread total).
    Paginated via page/pageSize (no date range). The number's privacy (PII) mode applies: RELAY_ONLY →
    [] + notice:"PII_RELAY_ONLY"; STORE_X_DAYS clamps to the retention window. Requires a number-scoped
    key.

    **Requires a number-scoped key.**

    Ties (rows of the same instant) are ordered by `id`, descending (inferred: the documentation states
    no tie-break). The list shrinks as messages are read: a walk over its pages may miss a message read
    meanwhile.

    Args:
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
        Error | UnreadMessagesPage
    """

    return (
        await asyncio_detailed(
            client=client,
            page=page,
            page_size=page_size,
            x_whatsapp_number_id=x_whatsapp_number_id,
        )
    ).parsed
