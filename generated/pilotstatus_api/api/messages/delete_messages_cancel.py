from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.cancel_messages_counts import CancelMessagesCounts
from ...models.cancel_messages_request import CancelMessagesRequest
from ...models.cancel_messages_result import CancelMessagesResult
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    *,
    body: CancelMessagesRequest,
    x_whatsapp_number_id: str | None = None,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if x_whatsapp_number_id is not None:
        headers["x-whatsapp-number-id"] = x_whatsapp_number_id

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/v1/messages/cancel",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CancelMessagesCounts | CancelMessagesResult | Error | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> CancelMessagesCounts | CancelMessagesResult:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_cancel_messages_response_type_0 = CancelMessagesResult.from_dict(data)

                return componentsschemas_cancel_messages_response_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_cancel_messages_response_type_1 = CancelMessagesCounts.from_dict(data)

            return componentsschemas_cancel_messages_response_type_1

        response_200 = _parse_response_200(response.json())

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
) -> Response[CancelMessagesCounts | CancelMessagesResult | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CancelMessagesRequest,
    x_whatsapp_number_id: str | None = None,
) -> Response[CancelMessagesCounts | CancelMessagesResult | Error]:
    """Cancel scheduled messages

     Cancels SCHEDULED (not yet sent) messages by an array of messageIds (1–100). Requires a number-
    scoped key. Real side effect on the send queue.

    **Requires a number-scoped key.**

    A scheduled message is one still QUEUED for a `deliverAt` to come; it becomes CANCELED. An id that
    is not the number's, or a message no longer scheduled, is not cancelled: it is listed in `failed`
    with its reason.

    Args:
        x_whatsapp_number_id (str | None):
        body (CancelMessagesRequest): The body of Cancel scheduled messages.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CancelMessagesCounts | CancelMessagesResult | Error]
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
    body: CancelMessagesRequest,
    x_whatsapp_number_id: str | None = None,
) -> CancelMessagesCounts | CancelMessagesResult | Error | None:
    """Cancel scheduled messages

     Cancels SCHEDULED (not yet sent) messages by an array of messageIds (1–100). Requires a number-
    scoped key. Real side effect on the send queue.

    **Requires a number-scoped key.**

    A scheduled message is one still QUEUED for a `deliverAt` to come; it becomes CANCELED. An id that
    is not the number's, or a message no longer scheduled, is not cancelled: it is listed in `failed`
    with its reason.

    Args:
        x_whatsapp_number_id (str | None):
        body (CancelMessagesRequest): The body of Cancel scheduled messages.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CancelMessagesCounts | CancelMessagesResult | Error
    """

    return sync_detailed(
        client=client,
        body=body,
        x_whatsapp_number_id=x_whatsapp_number_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CancelMessagesRequest,
    x_whatsapp_number_id: str | None = None,
) -> Response[CancelMessagesCounts | CancelMessagesResult | Error]:
    """Cancel scheduled messages

     Cancels SCHEDULED (not yet sent) messages by an array of messageIds (1–100). Requires a number-
    scoped key. Real side effect on the send queue.

    **Requires a number-scoped key.**

    A scheduled message is one still QUEUED for a `deliverAt` to come; it becomes CANCELED. An id that
    is not the number's, or a message no longer scheduled, is not cancelled: it is listed in `failed`
    with its reason.

    Args:
        x_whatsapp_number_id (str | None):
        body (CancelMessagesRequest): The body of Cancel scheduled messages.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CancelMessagesCounts | CancelMessagesResult | Error]
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
    body: CancelMessagesRequest,
    x_whatsapp_number_id: str | None = None,
) -> CancelMessagesCounts | CancelMessagesResult | Error | None:
    """Cancel scheduled messages

     Cancels SCHEDULED (not yet sent) messages by an array of messageIds (1–100). Requires a number-
    scoped key. Real side effect on the send queue.

    **Requires a number-scoped key.**

    A scheduled message is one still QUEUED for a `deliverAt` to come; it becomes CANCELED. An id that
    is not the number's, or a message no longer scheduled, is not cancelled: it is listed in `failed`
    with its reason.

    Args:
        x_whatsapp_number_id (str | None):
        body (CancelMessagesRequest): The body of Cancel scheduled messages.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CancelMessagesCounts | CancelMessagesResult | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            x_whatsapp_number_id=x_whatsapp_number_id,
        )
    ).parsed
