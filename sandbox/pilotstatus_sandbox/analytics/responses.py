"""The Analytics area's handler (moto's `responses.py`): `GET /v1/analytics/dashboard`, computed from the number's
sent messages (`dashboard`)."""

from __future__ import annotations

from typing import Any

from pilotstatus_sandbox._operation import Handler, Operation

from .dashboard import dashboard

__all__ = ["HANDLERS"]


def _dashboard(op: Operation) -> Any:
    query = op.validated.query
    timezone = query.get("timezone") or query.get("tz") or "UTC"  # `tz` is `timezone`'s alias
    return dashboard(op.backend, op.acting_number, period=query.get("period") or "30d", timezone=timezone)


HANDLERS: dict[str, Handler] = {"get_analytics_dashboard": _dashboard}
"""The handler of each Analytics operation, by operationId."""
