from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.message_details import MessageDetails
from ...types import Response


def _get_kwargs(
    message_id: str,
    *,
    x_whatsapp_number_id: str | None = None,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if x_whatsapp_number_id is not None:
        headers["x-whatsapp-number-id"] = x_whatsapp_number_id

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/messages/{message_id}".format(
            message_id=quote(str(message_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | MessageDetails | None:
    if response.status_code == 200:
        response_200 = MessageDetails.from_dict(response.json())

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
) -> Response[Error | MessageDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    message_id: str,
    *,
    client: AuthenticatedClient | Client,
    x_whatsapp_number_id: str | None = None,
) -> Response[Error | MessageDetails]:
    """Get message

     Returns one message sent by the key's number: its status, the instants of its life and, when it
    failed, why (`errorCode`). {messageId} accepts the Pilot Status id (msg_...), the correlationId of
    the send, or the provider's id (wamid). A message with no send request (sent from the WhatsApp
    Business app or another client of the same WABA: origin APP, LAYER, or a native Chatwoot inbox) is
    404.

    **Requires a number-scoped key.**

    Args:
        message_id (str):
        x_whatsapp_number_id (str | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | MessageDetails]
    """

    kwargs = _get_kwargs(
        message_id=message_id,
        x_whatsapp_number_id=x_whatsapp_number_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    message_id: str,
    *,
    client: AuthenticatedClient | Client,
    x_whatsapp_number_id: str | None = None,
) -> Error | MessageDetails | None:
    """Get message

     Returns one message sent by the key's number: its status, the instants of its life and, when it
    failed, why (`errorCode`). {messageId} accepts the Pilot Status id (msg_...), the correlationId of
    the send, or the provider's id (wamid). A message with no send request (sent from the WhatsApp
    Business app or another client of the same WABA: origin APP, LAYER, or a native Chatwoot inbox) is
    404.

    **Requires a number-scoped key.**

    Args:
        message_id (str):
        x_whatsapp_number_id (str | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | MessageDetails
    """

    return sync_detailed(
        message_id=message_id,
        client=client,
        x_whatsapp_number_id=x_whatsapp_number_id,
    ).parsed


async def asyncio_detailed(
    message_id: str,
    *,
    client: AuthenticatedClient | Client,
    x_whatsapp_number_id: str | None = None,
) -> Response[Error | MessageDetails]:
    """Get message

     Returns one message sent by the key's number: its status, the instants of its life and, when it
    failed, why (`errorCode`). {messageId} accepts the Pilot Status id (msg_...), the correlationId of
    the send, or the provider's id (wamid). A message with no send request (sent from the WhatsApp
    Business app or another client of the same WABA: origin APP, LAYER, or a native Chatwoot inbox) is
    404.

    **Requires a number-scoped key.**

    Args:
        message_id (str):
        x_whatsapp_number_id (str | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | MessageDetails]
    """

    kwargs = _get_kwargs(
        message_id=message_id,
        x_whatsapp_number_id=x_whatsapp_number_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    message_id: str,
    *,
    client: AuthenticatedClient | Client,
    x_whatsapp_number_id: str | None = None,
) -> Error | MessageDetails | None:
    """Get message

     Returns one message sent by the key's number: its status, the instants of its life and, when it
    failed, why (`errorCode`). {messageId} accepts the Pilot Status id (msg_...), the correlationId of
    the send, or the provider's id (wamid). A message with no send request (sent from the WhatsApp
    Business app or another client of the same WABA: origin APP, LAYER, or a native Chatwoot inbox) is
    404.

    **Requires a number-scoped key.**

    Args:
        message_id (str):
        x_whatsapp_number_id (str | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | MessageDetails
    """

    return (
        await asyncio_detailed(
            message_id=message_id,
            client=client,
            x_whatsapp_number_id=x_whatsapp_number_id,
        )
    ).parsed
