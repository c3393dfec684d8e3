"""How the sandbox refuses a request from inside an operation: an `ApiError`, answered as the API's error body."""

from __future__ import annotations

__all__ = ["ApiError"]


class ApiError(Exception):
    """A refusal, answered as the API's error body `{"error": message, "code": code}`."""

    def __init__(self, status: int, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code
