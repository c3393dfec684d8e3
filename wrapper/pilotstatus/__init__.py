"""The Python SDK for the Pilot Status API.

    from pilotstatus import PilotStatus

    with PilotStatus() as client:  # the key from PILOT_STATUS_API_KEY
        for call in client.calls.iter():
            print(call.created_at, call.status, call.peer_number)

The typed models and one function per operation are generated from `openapi.json` into `pilotstatus_api`; this
package adds what a generator cannot give: clients, pagination, typed errors and retries.
"""

from pilotstatus_api.models.call import Call
from pilotstatus_api.models.call_direction import CallDirection
from pilotstatus_api.models.call_status import CallStatus

from ._client import AsyncPilotStatus, PilotStatus
from ._exceptions import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    CallNotFoundError,
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
)
from ._version import __version__
from .pagination import AsyncCallPage, CallPage, Cursor

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
    "CallDirection",
    "CallNotFoundError",
    "CallPage",
    "CallStatus",
    "ConflictError",
    "Cursor",
    "FeatureNotSupportedError",
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
    "TenantScopeNotAllowedError",
    "__version__",
]
