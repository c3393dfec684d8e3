from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.call_detail import CallDetail
from ...models.error import Error
from ...models.get_calls_call_id_include_sdp import GetCallsCallIdIncludeSdp
from ...types import UNSET, Response, Unset


def _get_kwargs(
    call_id: str,
    *,
    include_sdp: GetCallsCallIdIncludeSdp | None = None,
    x_whatsapp_number_id: str | None = None,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if x_whatsapp_number_id is not None:
        headers["x-whatsapp-number-id"] = x_whatsapp_number_id

    params: dict[str, Any] = {}

    include_sdp_or_unset: GetCallsCallIdIncludeSdp | Unset = UNSET if include_sdp is None else include_sdp
    json_include_sdp: str | Unset = UNSET
    if not isinstance(include_sdp_or_unset, Unset):
        json_include_sdp = include_sdp_or_unset

    params["includeSdp"] = json_include_sdp

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/calls/{call_id}".format(
            call_id=quote(str(call_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CallDetail | Error | None:
    if response.status_code == 200:
        response_200 = CallDetail.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CallDetail | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    call_id: str,
    *,
    client: AuthenticatedClient | Client,
    include_sdp: GetCallsCallIdIncludeSdp | None = None,
    x_whatsapp_number_id: str | None = None,
) -> Response[CallDetail | Error]:
    """Get call

     Returns one call of the key's number. {callId} accepts the Pilot Status id (call_...) OR the
    provider call id (Meta wacid / Evolution GO CallID). SDPs are omitted by default — pass
    ?includeSdp=1 to receive sdpOffer/sdpAnswer (needed e.g. to answer an inbound call on a Meta number;
    always null on web numbers). 404 CALL_NOT_FOUND when the call does not belong to the number. Meta
    and web numbers.

    **Requires a number-scoped key.**

    Args:
        call_id (str):
        include_sdp (GetCallsCallIdIncludeSdp | None):
        x_whatsapp_number_id (str | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CallDetail | Error]
    """

    kwargs = _get_kwargs(
        call_id=call_id,
        include_sdp=include_sdp,
        x_whatsapp_number_id=x_whatsapp_number_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    call_id: str,
    *,
    client: AuthenticatedClient | Client,
    include_sdp: GetCallsCallIdIncludeSdp | None = None,
    x_whatsapp_number_id: str | None = None,
) -> CallDetail | Error | None:
    """Get call

     Returns one call of the key's number. {callId} accepts the Pilot Status id (call_...) OR the
    provider call id (Meta wacid / Evolution GO CallID). SDPs are omitted by default — pass
    ?includeSdp=1 to receive sdpOffer/sdpAnswer (needed e.g. to answer an inbound call on a Meta number;
    always null on web numbers). 404 CALL_NOT_FOUND when the call does not belong to the number. Meta
    and web numbers.

    **Requires a number-scoped key.**

    Args:
        call_id (str):
        include_sdp (GetCallsCallIdIncludeSdp | None):
        x_whatsapp_number_id (str | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CallDetail | Error
    """

    return sync_detailed(
        call_id=call_id,
        client=client,
        include_sdp=include_sdp,
        x_whatsapp_number_id=x_whatsapp_number_id,
    ).parsed


async def asyncio_detailed(
    call_id: str,
    *,
    client: AuthenticatedClient | Client,
    include_sdp: GetCallsCallIdIncludeSdp | None = None,
    x_whatsapp_number_id: str | None = None,
) -> Response[CallDetail | Error]:
    """Get call

     Returns one call of the key's number. {callId} accepts the Pilot Status id (call_...) OR the
    provider call id (Meta wacid / Evolution GO CallID). SDPs are omitted by default — pass
    ?includeSdp=1 to receive sdpOffer/sdpAnswer (needed e.g. to answer an inbound call on a Meta number;
    always null on web numbers). 404 CALL_NOT_FOUND when the call does not belong to the number. Meta
    and web numbers.

    **Requires a number-scoped key.**

    Args:
        call_id (str):
        include_sdp (GetCallsCallIdIncludeSdp | None):
        x_whatsapp_number_id (str | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CallDetail | Error]
    """

    kwargs = _get_kwargs(
        call_id=call_id,
        include_sdp=include_sdp,
        x_whatsapp_number_id=x_whatsapp_number_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    call_id: str,
    *,
    client: AuthenticatedClient | Client,
    include_sdp: GetCallsCallIdIncludeSdp | None = None,
    x_whatsapp_number_id: str | None = None,
) -> CallDetail | Error | None:
    """Get call

     Returns one call of the key's number. {callId} accepts the Pilot Status id (call_...) OR the
    provider call id (Meta wacid / Evolution GO CallID). SDPs are omitted by default — pass
    ?includeSdp=1 to receive sdpOffer/sdpAnswer (needed e.g. to answer an inbound call on a Meta number;
    always null on web numbers). 404 CALL_NOT_FOUND when the call does not belong to the number. Meta
    and web numbers.

    **Requires a number-scoped key.**

    Args:
        call_id (str):
        include_sdp (GetCallsCallIdIncludeSdp | None):
        x_whatsapp_number_id (str | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CallDetail | Error
    """

    return (
        await asyncio_detailed(
            call_id=call_id,
            client=client,
            include_sdp=include_sdp,
            x_whatsapp_number_id=x_whatsapp_number_id,
        )
    ).parsed
