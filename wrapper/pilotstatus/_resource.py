"""What every resource (`client.calls`, `client.calls.settings`, ...) stands on: the client it calls through.

A resource holds its client and calls an operation with `_call(...)`: one line per method. It knows the client only
as `SyncClient` or `AsyncClient`, the few methods it calls, so that no resource module imports `_client.py` (which
imports the registry of resources): the resources depend on this module, and nothing here depends on them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Protocol, TypeVar

import httpx

from ._exceptions import InvalidInputError
from ._operations import Operation, RequestSpec

__all__ = ["AsyncAPIResource", "AsyncClient", "SyncAPIResource", "SyncClient", "any_of", "flag"]

_T = TypeVar("_T")
_A = TypeVar("_A")
_B = TypeVar("_B")


class SyncClient(Protocol):
    """What a sync resource calls on `PilotStatus`."""

    def _call(
        self,
        operation: Operation[_T],
        *path: str,
        body: Any = None,
        query: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
    ) -> _T:
        """Call `operation` with these arguments: checked, sent with retries, its 2xx body parsed, or its failure
        raised."""
        ...

    def _prepare(
        self,
        operation: Operation[Any],
        *path: str,
        body: Any = None,
        query: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
    ) -> RequestSpec:
        """The request of `operation` for these arguments (checked against the spec), for the client's number, with
        the caller's `idempotency_key` (else one of its own, for an operation that honours a key)."""
        ...

    def _request(self, spec: RequestSpec, parse: Callable[[httpx.Response], _T]) -> _T:
        """Send a prepared request with retries; parse its 2xx response with `parse`, or raise."""
        ...

    def _send(self, spec: RequestSpec) -> httpx.Response:
        """Send a prepared request with retries: its 2xx response, read but not parsed, or the failure raised."""
        ...

    def _parsed(
        self, response: httpx.Response, parse: Callable[[httpx.Response], _T], operation_id: str | None = None
    ) -> _T:
        """`parse(response)` for a 2xx response of `operation_id`; a body that does not parse raises
        `APIResponseValidationError`."""
        ...


class AsyncClient(Protocol):
    """What an async resource calls on `AsyncPilotStatus`."""

    async def _call(
        self,
        operation: Operation[_T],
        *path: str,
        body: Any = None,
        query: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
    ) -> _T:
        """Call `operation` with these arguments, as `SyncClient._call` does."""
        ...

    def _prepare(
        self,
        operation: Operation[Any],
        *path: str,
        body: Any = None,
        query: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
    ) -> RequestSpec:
        """The request of `operation` for these arguments (checked against the spec), for the client's number, with
        the caller's `idempotency_key` (else one of its own, for an operation that honours a key)."""
        ...

    async def _request(self, spec: RequestSpec, parse: Callable[[httpx.Response], _T]) -> _T:
        """Send a prepared request with retries; parse its 2xx response with `parse`, or raise."""
        ...

    async def _send(self, spec: RequestSpec) -> httpx.Response:
        """Send a prepared request with retries: its 2xx response, read but not parsed, or the failure raised."""
        ...

    def _parsed(
        self, response: httpx.Response, parse: Callable[[httpx.Response], _T], operation_id: str | None = None
    ) -> _T:
        """`parse(response)` for a 2xx response of `operation_id`, as `SyncClient._parsed` does."""
        ...


class SyncAPIResource:
    """A resource of `PilotStatus`: its methods call operations through the client."""

    def __init__(self, client: SyncClient) -> None:
        self._client = client

    def _call(
        self,
        operation: Operation[_T],
        *path: str,
        body: Any = None,
        query: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
    ) -> _T:
        return self._client._call(operation, *path, body=body, query=query, idempotency_key=idempotency_key)


class AsyncAPIResource:
    """A resource of `AsyncPilotStatus`: its methods call operations through the client, awaited."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    async def _call(
        self,
        operation: Operation[_T],
        *path: str,
        body: Any = None,
        query: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
    ) -> _T:
        return await self._client._call(operation, *path, body=body, query=query, idempotency_key=idempotency_key)


def flag(value: bool, name: str, on: str) -> str | None:
    """A query parameter whose one value means yes (`includeSdp=1`), taken as a `bool` argument: `on` when True,
    None (left out) when False; anything else is an `InvalidInputError` naming the argument."""
    if not isinstance(value, bool):
        raise InvalidInputError(f"{name} must be True or False, not {value!r}.")
    return on if value else None


def any_of(first: Callable[[Any], _A], second: Callable[[Any], _B]) -> Callable[[Any], _A | _B]:
    """The parse of a 2xx body that the spec gives as one of two models (an `anyOf` component): `first`'s model when
    it reads the body, else `second`'s, as the generated client reads such a body (a model reads a body that has
    each of its required keys). A union of more is nested: `any_of(A.from_dict, any_of(B.from_dict, C.from_dict))`.
    When neither reads it, what `second` raised is raised."""

    def parse(body: Any) -> _A | _B:
        try:
            return first(body)
        except (TypeError, ValueError, AttributeError, KeyError):
            return second(body)

    return parse
