"""The Python SDK for the Pilot Status API.

    from pilotstatus import PilotStatus

    with PilotStatus() as client:  # the key from PILOT_STATUS_API_KEY
        for call in client.calls.iter():
            print(call.created_at, call.status, call.peer_number)

The typed models and one function per operation are generated from `openapi.json` into `pilotstatus_api`; this
package adds what a generator cannot give: clients, pagination, typed errors, argument checks and retries.

The models and the page classes are loaded when first used (`pilotstatus.Call`, or the first request), not by
`import pilotstatus`, which stays about as quick as `import httpx`; so is `pilotstatus.webhooks`, which verifies and
reads call webhooks.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._client import AsyncPilotStatus, PilotStatus
from ._exceptions import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    CallNotFoundError,
    CallPermissionError,
    CallPermissionRequestLimitError,
    CallPermissionRequiredError,
    ConflictError,
    FeatureNotSupportedError,
    InstanceNotConnectedError,
    InternalServerError,
    InvalidInputError,
    NotFoundError,
    NumberScopeNotAllowedError,
    PaginationError,
    PaymentRequiredError,
    PermissionDeniedError,
    PilotStatusError,
    RateLimitError,
    TenantScopeNotAllowedError,
    WebhookError,
    WebhookPayloadError,
    WebhookVerificationError,
)
from ._version import __version__

if TYPE_CHECKING:
    from pilotstatus_api.models.call import Call
    from pilotstatus_api.models.call_action_result import CallActionResult
    from pilotstatus_api.models.call_detail import CallDetail
    from pilotstatus_api.models.call_direction import CallDirection
    from pilotstatus_api.models.call_event import CallEvent
    from pilotstatus_api.models.call_event_name import CallEventName
    from pilotstatus_api.models.call_hours import CallHours
    from pilotstatus_api.models.call_permission import CallPermission
    from pilotstatus_api.models.call_permission_action import CallPermissionAction
    from pilotstatus_api.models.call_permission_event_status import CallPermissionEventStatus
    from pilotstatus_api.models.call_permission_limit import CallPermissionLimit
    from pilotstatus_api.models.call_permission_request_sent import CallPermissionRequestSent
    from pilotstatus_api.models.call_permission_state import CallPermissionState
    from pilotstatus_api.models.call_permission_updated_event import CallPermissionUpdatedEvent
    from pilotstatus_api.models.call_started import CallStarted
    from pilotstatus_api.models.call_status import CallStatus
    from pilotstatus_api.models.calling_settings import CallingSettings
    from pilotstatus_api.models.calling_settings_updated import CallingSettingsUpdated
    from pilotstatus_api.models.holiday_schedule import HolidaySchedule
    from pilotstatus_api.models.realtime_session import RealtimeSession
    from pilotstatus_api.models.realtime_session_mode import RealtimeSessionMode
    from pilotstatus_api.models.voicemail import Voicemail
    from pilotstatus_api.models.weekly_operating_hours import WeeklyOperatingHours

    from . import webhooks
    from .pagination import AsyncCallPage, CallPage, Cursor

# Where each name loaded on first use lives.
_LAZY = {
    "AsyncCallPage": "pilotstatus.pagination",
    "CallPage": "pilotstatus.pagination",
    "Cursor": "pilotstatus.pagination",
    "Call": "pilotstatus_api.models.call",
    "CallActionResult": "pilotstatus_api.models.call_action_result",
    "CallDetail": "pilotstatus_api.models.call_detail",
    "CallDirection": "pilotstatus_api.models.call_direction",
    "CallEvent": "pilotstatus_api.models.call_event",
    "CallEventName": "pilotstatus_api.models.call_event_name",
    "CallHours": "pilotstatus_api.models.call_hours",
    "CallPermission": "pilotstatus_api.models.call_permission",
    "CallPermissionAction": "pilotstatus_api.models.call_permission_action",
    "CallPermissionEventStatus": "pilotstatus_api.models.call_permission_event_status",
    "CallPermissionLimit": "pilotstatus_api.models.call_permission_limit",
    "CallPermissionRequestSent": "pilotstatus_api.models.call_permission_request_sent",
    "CallPermissionState": "pilotstatus_api.models.call_permission_state",
    "CallPermissionUpdatedEvent": "pilotstatus_api.models.call_permission_updated_event",
    "CallStarted": "pilotstatus_api.models.call_started",
    "CallStatus": "pilotstatus_api.models.call_status",
    "CallingSettings": "pilotstatus_api.models.calling_settings",
    "CallingSettingsUpdated": "pilotstatus_api.models.calling_settings_updated",
    "HolidaySchedule": "pilotstatus_api.models.holiday_schedule",
    "RealtimeSession": "pilotstatus_api.models.realtime_session",
    "RealtimeSessionMode": "pilotstatus_api.models.realtime_session_mode",
    "Voicemail": "pilotstatus_api.models.voicemail",
    "WeeklyOperatingHours": "pilotstatus_api.models.weekly_operating_hours",
}

# Submodules loaded on first use, as `pilotstatus.webhooks` (importing one makes it an attribute of the package).
_LAZY_MODULES = frozenset({"webhooks"})


def __getattr__(name: str) -> Any:
    if name in _LAZY_MODULES:
        return importlib.import_module(f"{__name__}.{name}")
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'pilotstatus' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # found directly from now on
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "APIConnectionError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncCallPage",
    "AsyncPilotStatus",
    "AuthenticationError",
    "BadRequestError",
    "Call",
    "CallActionResult",
    "CallDetail",
    "CallDirection",
    "CallEvent",
    "CallEventName",
    "CallHours",
    "CallNotFoundError",
    "CallPage",
    "CallPermission",
    "CallPermissionAction",
    "CallPermissionError",
    "CallPermissionEventStatus",
    "CallPermissionLimit",
    "CallPermissionRequestLimitError",
    "CallPermissionRequestSent",
    "CallPermissionRequiredError",
    "CallPermissionState",
    "CallPermissionUpdatedEvent",
    "CallStarted",
    "CallStatus",
    "CallingSettings",
    "CallingSettingsUpdated",
    "ConflictError",
    "Cursor",
    "FeatureNotSupportedError",
    "HolidaySchedule",
    "InstanceNotConnectedError",
    "InternalServerError",
    "InvalidInputError",
    "NotFoundError",
    "NumberScopeNotAllowedError",
    "PaginationError",
    "PaymentRequiredError",
    "PermissionDeniedError",
    "PilotStatus",
    "PilotStatusError",
    "RateLimitError",
    "RealtimeSession",
    "RealtimeSessionMode",
    "TenantScopeNotAllowedError",
    "Voicemail",
    "WebhookError",
    "WebhookPayloadError",
    "WebhookVerificationError",
    "WeeklyOperatingHours",
    "__version__",
    "webhooks",
]
