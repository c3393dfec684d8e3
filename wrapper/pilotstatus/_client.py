"""The clients: `PilotStatus` (sync) and `AsyncPilotStatus` (async), twins with the same settings and resources."""

from __future__ import annotations

import types
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import httpx

from . import _retries
from ._base_client import BaseClient, bound_body
from ._constants import DEFAULT_MAX_RETRIES
from ._operations import Operation, RequestSpec
from ._registry import AsyncResources, SyncResources

__all__ = ["AsyncPilotStatus", "PilotStatus"]

_T = TypeVar("_T")


class PilotStatus(BaseClient[httpx.Client], SyncResources):
    """A client of the Pilot Status API.

    Args:
        api_key: a raw key (`ps_...`), sent as `x-api-key`. Default: `PILOT_STATUS_API_KEY`.
        api_key_id: a key id, sent as `x-api-key-id`, instead of a raw key. Default: `PILOT_STATUS_API_KEY_ID`.
        base_url: default `PILOT_STATUS_BASE_URL`, else `https://pilotstatus.com.br`.
        timeout: seconds (or an `httpx.Timeout`) for each attempt of a request: `connect` bounds opening a
            connection and `read` each wait for data, and `read` also bounds the whole attempt: a response not
            received in full `read` seconds after the attempt began (a body dripped a byte at a time, say) raises
            `APITimeoutError`. Default 30 s, 10 s to connect.
        max_retries: retries of a failed request that is safe to retry (default 2).
        http_client: an `httpx.Client` to send through (proxies, custom TLS...). It is not closed by `close()`.
        transport: an `httpx.BaseTransport` for a client built here (for example `httpx.MockTransport` in tests).
        whatsapp_number_id: with a tenant (account-wide) key, the number it acts on, sent as `x-whatsapp-number-id`
            with every request (number endpoints refuse a tenant key without it: `TenantScopeNotAllowedError`).
            `with_options(whatsapp_number_id=...)` gives a client for another number. A number-scoped key needs none.
        drift_warnings: log what a successful response holds that the spec does not know, a field or an enum value
            (default True): one WARNING on the `pilotstatus` logger for each distinct drift, once per client (its
            `with_options()` copies included), naming the operation, `Model.field` and the value's type, never the
            value. The call succeeds all the same: the field is kept in `additional_properties`, the value as it
            came. False turns the warnings off.

    Use it as a context manager, or call `close()`, to release connections. Redirects are never followed, so the key
    only ever goes to `base_url`. Its resources (`client.calls`, ...; see api.md) are created on first use.
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
        api_key_id: str | None = None,
        base_url: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.Client | None = None,
        transport: httpx.BaseTransport | None = None,
        whatsapp_number_id: str | None = None,
        drift_warnings: bool = True,
    ) -> None:
        super().__init__(
            api_key=api_key,
            api_key_id=api_key_id,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            http_client=http_client,
            transport=transport,
            whatsapp_number_id=whatsapp_number_id,
            drift_warnings=drift_warnings,
            build_http=lambda verify: httpx.Client(transport=transport, verify=verify),
        )

    def _call(
        self,
        operation: Operation[_T],
        *path: str,
        body: Any = None,
        query: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
    ) -> _T:
        """Call `operation` with these arguments (see `Operation.request`): checked, sent with retries, its 2xx
        body parsed, or its failure raised. Every resource method is this one line."""
        spec = self._prepare(operation, *path, body=body, query=query, idempotency_key=idempotency_key)
        return self._request(spec, operation.parse_response)

    def _request(self, spec: RequestSpec, parse: Callable[[httpx.Response], _T]) -> _T:
        """Send a request described by the generated package, with retries; parse its 2xx response, or raise."""
        return self._parsed(self._send(spec), parse, spec.get("operation_id"))

    def _send(self, spec: RequestSpec) -> httpx.Response:
        """Send a request described by the generated package, with retries: its 2xx response, read but not parsed
        (a walk reads the next page ahead while it parses this one), or the failure raised."""
        retries_done = 0
        while True:
            request = self._build_request(spec)
            response, error = self._attempt(request)
            if response is not None and error is None and response.is_success:
                return response
            delay = self._retry_delay(request, retries_done, response, error, spec.get("idempotency", "none"))
            if delay is None:
                raise self._failure(request, response, error)
            if response is not None:
                response.close()
            _retries.sleep(delay)
            retries_done += 1

    def _attempt(self, request: httpx.Request) -> tuple[httpx.Response | None, httpx.RequestError | None]:
        """Send `request` once and read its whole response before the attempt's deadline. Gives the response (read),
        or the error (no usable response), or both for a non-2xx response whose body does not decode."""
        deadline = self._attempt_deadline()
        try:
            response = self._http.send(request, stream=True, follow_redirects=False)
        except httpx.RequestError as error:
            return None, error
        finally:
            self._after_send(request)
        received = bound_body(response, deadline)
        try:
            response.read()
        except httpx.RequestError as error:
            response.close()
            return self._unreadable(response, received, error)
        return response, None

    def close(self) -> None:
        """Release the connections (of an `http_client` built here; an injected one stays open)."""
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> PilotStatus:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: types.TracebackType | None
    ) -> None:
        self.close()


class AsyncPilotStatus(BaseClient[httpx.AsyncClient], AsyncResources):
    """The async twin of `PilotStatus`: the same arguments, with `httpx.AsyncClient` and `httpx.AsyncBaseTransport`.

    `await client.calls.list()` fetches a page and `async for call in client.calls.iter()` walks every call. Use it as
    an async context manager, or `await client.close()`.
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
        api_key_id: str | None = None,
        base_url: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        whatsapp_number_id: str | None = None,
        drift_warnings: bool = True,
    ) -> None:
        super().__init__(
            api_key=api_key,
            api_key_id=api_key_id,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            http_client=http_client,
            transport=transport,
            whatsapp_number_id=whatsapp_number_id,
            drift_warnings=drift_warnings,
            build_http=lambda verify: httpx.AsyncClient(transport=transport, verify=verify),
        )

    async def _call(
        self,
        operation: Operation[_T],
        *path: str,
        body: Any = None,
        query: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
    ) -> _T:
        """Call `operation` with these arguments, as `PilotStatus._call` does."""
        spec = self._prepare(operation, *path, body=body, query=query, idempotency_key=idempotency_key)
        return await self._request(spec, operation.parse_response)

    async def _request(self, spec: RequestSpec, parse: Callable[[httpx.Response], _T]) -> _T:
        """Send a request described by the generated package, with retries; parse its 2xx response, or raise."""
        return self._parsed(await self._send(spec), parse, spec.get("operation_id"))

    async def _send(self, spec: RequestSpec) -> httpx.Response:
        """Send a request with retries: its 2xx response, read but not parsed, or the failure raised (as
        `PilotStatus._send` does)."""
        retries_done = 0
        while True:
            request = self._build_request(spec)
            response, error = await self._attempt(request)
            if response is not None and error is None and response.is_success:
                return response
            delay = self._retry_delay(request, retries_done, response, error, spec.get("idempotency", "none"))
            if delay is None:
                raise self._failure(request, response, error)
            if response is not None:
                await response.aclose()
            await _retries.async_sleep(delay)
            retries_done += 1

    async def _attempt(self, request: httpx.Request) -> tuple[httpx.Response | None, httpx.RequestError | None]:
        """Send `request` once and read its whole response before the attempt's deadline, as
        `PilotStatus._attempt` does."""
        deadline = self._attempt_deadline()
        try:
            response = await self._http.send(request, stream=True, follow_redirects=False)
        except httpx.RequestError as error:
            return None, error
        finally:
            self._after_send(request)
        received = bound_body(response, deadline)
        try:
            await response.aread()
        except httpx.RequestError as error:
            await response.aclose()
            return self._unreadable(response, received, error)
        return response, None

    async def close(self) -> None:
        """Release the connections (of an `http_client` built here; an injected one stays open)."""
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> AsyncPilotStatus:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: types.TracebackType | None
    ) -> None:
        await self.close()
