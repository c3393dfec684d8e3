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

from . import _exports
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
    IdempotencyKeyInUseError,
    IdempotencyKeyReusedError,
    InstanceNotConnectedError,
    InternalServerError,
    InvalidInputError,
    MediaSubscriptionRequiredError,
    NotFoundError,
    NumberBlockedError,
    NumberScopeNotAllowedError,
    PaginationError,
    PaymentRequiredError,
    PermissionDeniedError,
    PilotStatusError,
    RateLimitError,
    TemplateExamplesRequiredError,
    TemplateNameTakenError,
    TemplateNotFoundError,
    TenantScopeNotAllowedError,
    WebhookError,
    WebhookPayloadError,
    WebhookVerificationError,
)
from ._version import __version__

if TYPE_CHECKING:
    from . import webhooks
    from ._exports import *  # noqa: F403  (the models: `_exports.__all__`)
    from .pagination import AsyncCallPage, AsyncNumberedPage, CallPage, Cursor, NumberedPage
    from .resources.media import DownloadedMedia
    from .resources.messages import SentMessage

# Where each name loaded on first use lives: the page classes, and the models (generated into `_exports`).
_LAZY = {
    "AsyncCallPage": "pilotstatus.pagination",
    "AsyncNumberedPage": "pilotstatus.pagination",
    "CallPage": "pilotstatus.pagination",
    "Cursor": "pilotstatus.pagination",
    "DownloadedMedia": "pilotstatus.resources.media",
    "NumberedPage": "pilotstatus.pagination",
    "SentMessage": "pilotstatus.resources.messages",
    **_exports.MODELS,
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
    "AsyncNumberedPage",
    "AsyncPilotStatus",
    "AuthenticationError",
    "BadRequestError",
    "CallNotFoundError",
    "CallPage",
    "CallPermissionError",
    "CallPermissionRequestLimitError",
    "CallPermissionRequiredError",
    "ConflictError",
    "Cursor",
    "DownloadedMedia",
    "FeatureNotSupportedError",
    "IdempotencyKeyInUseError",
    "IdempotencyKeyReusedError",
    "InstanceNotConnectedError",
    "InternalServerError",
    "InvalidInputError",
    "MediaSubscriptionRequiredError",
    "NotFoundError",
    "NumberBlockedError",
    "NumberScopeNotAllowedError",
    "NumberedPage",
    "PaginationError",
    "PaymentRequiredError",
    "PermissionDeniedError",
    "PilotStatus",
    "PilotStatusError",
    "RateLimitError",
    "SentMessage",
    "TemplateExamplesRequiredError",
    "TemplateNameTakenError",
    "TemplateNotFoundError",
    "TenantScopeNotAllowedError",
    "WebhookError",
    "WebhookPayloadError",
    "WebhookVerificationError",
    "__version__",
    "webhooks",
]
__all__ += _exports.__all__
