"""Written by tools/generate.py from openapi.json; do not edit.

`analytics`: the resource's generated methods, sync and async.
"""

from __future__ import annotations

from pilotstatus._operations import Operation
from pilotstatus._resource import AsyncAPIResource, SyncAPIResource
from pilotstatus_api.api.analytics import get_analytics_dashboard
from pilotstatus_api.models.analytics_period import AnalyticsPeriod
from pilotstatus_api.models.dashboard_stats import DashboardStats

__all__ = ["Analytics", "AsyncAnalytics"]

DASHBOARD = Operation(get_analytics_dashboard, DashboardStats.from_dict)


class Analytics(SyncAPIResource):
    """The number's sending metrics: totals, their change, and a series a day.

    `analytics`: `dashboard()`.
    """

    def dashboard(self, *, period: AnalyticsPeriod | None = None, timezone: str | None = None) -> DashboardStats:
        """Analytics dashboard.

        Returns aggregated send metrics for the linked number (chart-ready series). Accepts period (7d|30d|90d, default
        30d) and timezone (or tz, default UTC). 409 if the key is not linked to a number. Requires a number-scoped key.

        **Requires a number-scoped key.**

        Args:
            period: Time window (default 30d).
            timezone: Timezone (alias: tz; default UTC). The days of `dailyMessages` are this timezone's.

        Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number (else
        `TenantScopeNotAllowedError`).
        """
        return self._call(DASHBOARD, query={"period": period, "timezone": timezone})


class AsyncAnalytics(AsyncAPIResource):
    """The number's sending metrics: totals, their change, and a series a day.

    `analytics`: `dashboard()`.

    The async twin of `Analytics`: the same methods, awaited.
    """

    async def dashboard(self, *, period: AnalyticsPeriod | None = None, timezone: str | None = None) -> DashboardStats:
        """Analytics dashboard.

        Returns aggregated send metrics for the linked number (chart-ready series). Accepts period (7d|30d|90d, default
        30d) and timezone (or tz, default UTC). 409 if the key is not linked to a number. Requires a number-scoped key.

        **Requires a number-scoped key.**

        Args:
            period: Time window (default 30d).
            timezone: Timezone (alias: tz; default UTC). The days of `dailyMessages` are this timezone's.

        Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number (else
        `TenantScopeNotAllowedError`).
        """
        return await self._call(DASHBOARD, query={"period": period, "timezone": timezone})
