from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.send_message_accepted import SendMessageAccepted
from ...models.send_message_request import SendMessageRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: SendMessageRequest | None = None,
    idempotency_key: str | None = None,
    x_whatsapp_number_id: str | None = None,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if idempotency_key is not None:
        headers["Idempotency-Key"] = idempotency_key
    if x_whatsapp_number_id is not None:
        headers["x-whatsapp-number-id"] = x_whatsapp_number_id

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/messages/send",
    }

    body_or_unset: SendMessageRequest | Unset = UNSET if body is None else body

    if not isinstance(body_or_unset, Unset):
        _kwargs["json"] = body_or_unset.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | SendMessageAccepted | None:
    if response.status_code == 202:
        response_202 = SendMessageAccepted.from_dict(response.json())

        return response_202

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 402:
        response_402 = Error.from_dict(response.json())

        return response_402

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
) -> Response[Error | SendMessageAccepted]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SendMessageRequest | None = None,
    idempotency_key: str | None = None,
    x_whatsapp_number_id: str | None = None,
) -> Response[Error | SendMessageAccepted]:
    """Send message

     Enqueues sending a message from the number linked to the API key. Use exactly one of templateId
    (template send, with variables) or text (free-form); and exactly one destination: destinationNumber
    (E.164), groupId (…@g.us) or newsletterId (…@newsletter). Requires a number-scoped key (403 for a
    tenant key). Real side effect: actually delivers and may cost. NOT_SUPPORTED_FOR_META for
    groupId/newsletterId on Meta numbers.

    **Requires a number-scoped key.**

    The 202 means the message is queued: it is then SENT, DELIVERED and READ, or FAILED with an
    `errorCode` (Get message, and the `message.*` webhooks). A failure found after the 202, such as
    META_OUTSIDE_24H_WINDOW for free-form text to a user who has not written in 24 hours, is no HTTP
    error. Honours an `Idempotency-Key`: a request sent again with the same key and body is answered
    once.

    Args:
        idempotency_key (str | None):
        x_whatsapp_number_id (str | None):
        body (SendMessageRequest | None): The body of Send message. Exactly one destination:
            `destinationNumber`, `groupId` or `newsletterId` (a group or a newsletter is refused to a
            Meta number, 400 NOT_SUPPORTED_FOR_META). What is sent: a template (`templateId`, its
            `variables`), free-form `text`, direct `media` (with `mediaType`), or one interactive
            message, `list`, `carousel` or `flow`, which exclude each other and `templateId`,
            `buttons`, `header` and direct `media` (the official Python SDK). Sending media needs a
            paid subscription (402 SUBSCRIPTION_REQUIRED_FOR_MEDIA). These rules are the server's:
            none is written as a schema constraint here.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SendMessageAccepted]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
        x_whatsapp_number_id=x_whatsapp_number_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: SendMessageRequest | None = None,
    idempotency_key: str | None = None,
    x_whatsapp_number_id: str | None = None,
) -> Error | SendMessageAccepted | None:
    """Send message

     Enqueues sending a message from the number linked to the API key. Use exactly one of templateId
    (template send, with variables) or text (free-form); and exactly one destination: destinationNumber
    (E.164), groupId (…@g.us) or newsletterId (…@newsletter). Requires a number-scoped key (403 for a
    tenant key). Real side effect: actually delivers and may cost. NOT_SUPPORTED_FOR_META for
    groupId/newsletterId on Meta numbers.

    **Requires a number-scoped key.**

    The 202 means the message is queued: it is then SENT, DELIVERED and READ, or FAILED with an
    `errorCode` (Get message, and the `message.*` webhooks). A failure found after the 202, such as
    META_OUTSIDE_24H_WINDOW for free-form text to a user who has not written in 24 hours, is no HTTP
    error. Honours an `Idempotency-Key`: a request sent again with the same key and body is answered
    once.

    Args:
        idempotency_key (str | None):
        x_whatsapp_number_id (str | None):
        body (SendMessageRequest | None): The body of Send message. Exactly one destination:
            `destinationNumber`, `groupId` or `newsletterId` (a group or a newsletter is refused to a
            Meta number, 400 NOT_SUPPORTED_FOR_META). What is sent: a template (`templateId`, its
            `variables`), free-form `text`, direct `media` (with `mediaType`), or one interactive
            message, `list`, `carousel` or `flow`, which exclude each other and `templateId`,
            `buttons`, `header` and direct `media` (the official Python SDK). Sending media needs a
            paid subscription (402 SUBSCRIPTION_REQUIRED_FOR_MEDIA). These rules are the server's:
            none is written as a schema constraint here.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SendMessageAccepted
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
        x_whatsapp_number_id=x_whatsapp_number_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SendMessageRequest | None = None,
    idempotency_key: str | None = None,
    x_whatsapp_number_id: str | None = None,
) -> Response[Error | SendMessageAccepted]:
    """Send message

     Enqueues sending a message from the number linked to the API key. Use exactly one of templateId
    (template send, with variables) or text (free-form); and exactly one destination: destinationNumber
    (E.164), groupId (…@g.us) or newsletterId (…@newsletter). Requires a number-scoped key (403 for a
    tenant key). Real side effect: actually delivers and may cost. NOT_SUPPORTED_FOR_META for
    groupId/newsletterId on Meta numbers.

    **Requires a number-scoped key.**

    The 202 means the message is queued: it is then SENT, DELIVERED and READ, or FAILED with an
    `errorCode` (Get message, and the `message.*` webhooks). A failure found after the 202, such as
    META_OUTSIDE_24H_WINDOW for free-form text to a user who has not written in 24 hours, is no HTTP
    error. Honours an `Idempotency-Key`: a request sent again with the same key and body is answered
    once.

    Args:
        idempotency_key (str | None):
        x_whatsapp_number_id (str | None):
        body (SendMessageRequest | None): The body of Send message. Exactly one destination:
            `destinationNumber`, `groupId` or `newsletterId` (a group or a newsletter is refused to a
            Meta number, 400 NOT_SUPPORTED_FOR_META). What is sent: a template (`templateId`, its
            `variables`), free-form `text`, direct `media` (with `mediaType`), or one interactive
            message, `list`, `carousel` or `flow`, which exclude each other and `templateId`,
            `buttons`, `header` and direct `media` (the official Python SDK). Sending media needs a
            paid subscription (402 SUBSCRIPTION_REQUIRED_FOR_MEDIA). These rules are the server's:
            none is written as a schema constraint here.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SendMessageAccepted]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
        x_whatsapp_number_id=x_whatsapp_number_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: SendMessageRequest | None = None,
    idempotency_key: str | None = None,
    x_whatsapp_number_id: str | None = None,
) -> Error | SendMessageAccepted | None:
    """Send message

     Enqueues sending a message from the number linked to the API key. Use exactly one of templateId
    (template send, with variables) or text (free-form); and exactly one destination: destinationNumber
    (E.164), groupId (…@g.us) or newsletterId (…@newsletter). Requires a number-scoped key (403 for a
    tenant key). Real side effect: actually delivers and may cost. NOT_SUPPORTED_FOR_META for
    groupId/newsletterId on Meta numbers.

    **Requires a number-scoped key.**

    The 202 means the message is queued: it is then SENT, DELIVERED and READ, or FAILED with an
    `errorCode` (Get message, and the `message.*` webhooks). A failure found after the 202, such as
    META_OUTSIDE_24H_WINDOW for free-form text to a user who has not written in 24 hours, is no HTTP
    error. Honours an `Idempotency-Key`: a request sent again with the same key and body is answered
    once.

    Args:
        idempotency_key (str | None):
        x_whatsapp_number_id (str | None):
        body (SendMessageRequest | None): The body of Send message. Exactly one destination:
            `destinationNumber`, `groupId` or `newsletterId` (a group or a newsletter is refused to a
            Meta number, 400 NOT_SUPPORTED_FOR_META). What is sent: a template (`templateId`, its
            `variables`), free-form `text`, direct `media` (with `mediaType`), or one interactive
            message, `list`, `carousel` or `flow`, which exclude each other and `templateId`,
            `buttons`, `header` and direct `media` (the official Python SDK). Sending media needs a
            paid subscription (402 SUBSCRIPTION_REQUIRED_FOR_MEDIA). These rules are the server's:
            none is written as a schema constraint here.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SendMessageAccepted
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
            x_whatsapp_number_id=x_whatsapp_number_id,
        )
    ).parsed
