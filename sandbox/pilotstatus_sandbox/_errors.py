"""How the sandbox refuses a request from inside an operation: an `ApiError`, answered as the API's error body."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["ApiError"]


class ApiError(Exception):
    """A refusal, answered as the API's error body `{"error": message, "code": code}`, with `details` when the
    refusal has any (`{"missing": [...]}` for TEMPLATE_EXAMPLES_REQUIRED) and `reason` when it has one
    (`extra_charge_unpaid` for NUMBER_BLOCKED)."""

    def __init__(
        self,
        status: int,
        message: str,
        code: str | None = None,
        *,
        details: Mapping[str, Any] | None = None,
        reason: str | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code
        self.details = details
        self.reason = reason
