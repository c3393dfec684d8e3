"""One module per area of the API, each with a sync and an async resource class."""

from .calls import AsyncCalls, Calls

__all__ = ["AsyncCalls", "Calls"]
