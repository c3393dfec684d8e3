from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.analytics_period import AnalyticsPeriod
from ...models.dashboard_stats import DashboardStats
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    period: AnalyticsPeriod | None = None,
    timezone: str | None = None,
    tz: str | None = None,
    x_whatsapp_number_id: str | None = None,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if x_whatsapp_number_id is not None:
        headers["x-whatsapp-number-id"] = x_whatsapp_number_id

    params: dict[str, Any] = {}

    period_or_unset: AnalyticsPeriod | Unset = UNSET if period is None else period
    json_period: str | Unset = UNSET
    if not isinstance(period_or_unset, Unset):
        json_period = period_or_unset

    params["period"] = json_period

    params["timezone"] = timezone

    params["tz"] = tz

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/analytics/dashboard",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DashboardStats | Error | None:
    if response.status_code == 200:
        response_200 = DashboardStats.from_dict(response.json())

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
) -> Response[DashboardStats | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    period: AnalyticsPeriod | None = None,
    timezone: str | None = None,
    tz: str | None = None,
    x_whatsapp_number_id: str | None = None,
) -> Response[DashboardStats | Error]:
    """Analytics dashboard

     Returns aggregated send metrics for the linked number (chart-ready series). Accepts period
    (7d|30d|90d, default 30d) and timezone (or tz, default UTC). 409 if the key is not linked to a
    number. Requires a number-scoped key.

    **Requires a number-scoped key.**

    Args:
        period (AnalyticsPeriod | None): ("7d" | "30d" | "90d") The window of the dashboard: the
            last 7, 30 or 90 days.
        timezone (str | None): (string (IANA tz))
        tz (str | None): (string (IANA tz))
        x_whatsapp_number_id (str | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DashboardStats | Error]
    """

    kwargs = _get_kwargs(
        period=period,
        timezone=timezone,
        tz=tz,
        x_whatsapp_number_id=x_whatsapp_number_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    period: AnalyticsPeriod | None = None,
    timezone: str | None = None,
    tz: str | None = None,
    x_whatsapp_number_id: str | None = None,
) -> DashboardStats | Error | None:
    """Analytics dashboard

     Returns aggregated send metrics for the linked number (chart-ready series). Accepts period
    (7d|30d|90d, default 30d) and timezone (or tz, default UTC). 409 if the key is not linked to a
    number. Requires a number-scoped key.

    **Requires a number-scoped key.**

    Args:
        period (AnalyticsPeriod | None): ("7d" | "30d" | "90d") The window of the dashboard: the
            last 7, 30 or 90 days.
        timezone (str | None): (string (IANA tz))
        tz (str | None): (string (IANA tz))
        x_whatsapp_number_id (str | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DashboardStats | Error
    """

    return sync_detailed(
        client=client,
        period=period,
        timezone=timezone,
        tz=tz,
        x_whatsapp_number_id=x_whatsapp_number_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    period: AnalyticsPeriod | None = None,
    timezone: str | None = None,
    tz: str | None = None,
    x_whatsapp_number_id: str | None = None,
) -> Response[DashboardStats | Error]:
    """Analytics dashboard

     Returns aggregated send metrics for the linked number (chart-ready series). Accepts period
    (7d|30d|90d, default 30d) and timezone (or tz, default UTC). 409 if the key is not linked to a
    number. Requires a number-scoped key.

    **Requires a number-scoped key.**

    Args:
        period (AnalyticsPeriod | None): ("7d" | "30d" | "90d") The window of the dashboard: the
            last 7, 30 or 90 days.
        timezone (str | None): (string (IANA tz))
        tz (str | None): (string (IANA tz))
        x_whatsapp_number_id (str | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DashboardStats | Error]
    """

    kwargs = _get_kwargs(
        period=period,
        timezone=timezone,
        tz=tz,
        x_whatsapp_number_id=x_whatsapp_number_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    period: AnalyticsPeriod | None = None,
    timezone: str | None = None,
    tz: str | None = None,
    x_whatsapp_number_id: str | None = None,
) -> DashboardStats | Error | None:
    """Analytics dashboard

     Returns aggregated send metrics for the linked number (chart-ready series). Accepts period
    (7d|30d|90d, default 30d) and timezone (or tz, default UTC). 409 if the key is not linked to a
    number. Requires a number-scoped key.

    **Requires a number-scoped key.**

    Args:
        period (AnalyticsPeriod | None): ("7d" | "30d" | "90d") The window of the dashboard: the
            last 7, 30 or 90 days.
        timezone (str | None): (string (IANA tz))
        tz (str | None): (string (IANA tz))
        x_whatsapp_number_id (str | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DashboardStats | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            period=period,
            timezone=timezone,
            tz=tz,
            x_whatsapp_number_id=x_whatsapp_number_id,
        )
    ).parsed
