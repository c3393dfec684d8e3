"""The sandbox as an ASGI app: `GET /v1/calls` as the Pilot Status documentation describes it.

A request goes through the steps the real API documents, in this order: the key (401 when unknown), the optional
rate limit (429 with `Retry-After`), the key's scope (403 for a tenant key), the parameters against the spec (400),
then the number: a provider that cannot call (400 FEATURE_NOT_SUPPORTED), a web number not connected (409), or
its calls, newest first, strictly before `before`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from ._config import SandboxConfig
from ._dataset import CallHistory
from ._instants import parse_before_ms
from ._rate_limit import RateLimiter
from ._scenarios import Scenario, find_scenario
from ._spec import load_spec, validation_spec
from ._validation import RequestValidator

__all__ = ["SERVED_OPERATIONS", "SandboxConfig", "create_app"]

_KEY_HEADERS = ("x-api-key", "x-api-key-id")


def _error(status: int, message: str, code: str | None = None, **extra: Any) -> JSONResponse:
    body: dict[str, Any] = {"error": message}
    if code is not None:
        body["code"] = code
    return JSONResponse(body, status_code=status, **extra)


class _CallsEndpoint:
    def __init__(self, config: SandboxConfig) -> None:
        self._validator = RequestValidator(validation_spec())
        self._limiter = None if config.rate_limit is None else RateLimiter(config.rate_limit)
        self.histories = {
            provider: CallHistory(count=config.calls, seed=config.seed, provider=provider, newest=config.newest_ms)
            for provider in ("META", "EVO_GO")
        }

    async def list_calls(self, request: Request) -> Response:
        credential = next(((name, request.headers[name]) for name in _KEY_HEADERS if name in request.headers), None)
        scenario = None if credential is None else find_scenario(*credential)
        if scenario is None:
            return _error(401, "Unauthorized")
        if self._limiter is not None and (wait := self._limiter.acquire(scenario.name)) is not None:
            return _error(429, "Too many requests", headers={"Retry-After": str(wait)})
        if scenario.status in (403, 429):
            return self._scenario_error(scenario)
        validated = self._validator.validate(request)
        if validated.problem is not None:
            return _error(400, f"Validation error: {validated.problem}")
        if scenario.status != 200:
            return self._scenario_error(scenario)
        if scenario.provider is None:
            return JSONResponse({"calls": [], "notice": scenario.notice})
        raw_before = request.query_params.get("before")
        before_ms = None if raw_before is None else parse_before_ms(raw_before)
        if raw_before is not None and before_ms is None:
            return _error(400, f"Validation error: before ({raw_before!r}) is not an RFC 3339 date-time")
        calls = self.histories[scenario.provider].page(limit=validated.query["limit"], before_ms=before_ms)
        return JSONResponse({"calls": calls})

    @staticmethod
    def _scenario_error(scenario: Scenario) -> JSONResponse:
        assert scenario.error is not None, f"scenario {scenario.name} answers {scenario.status} without a message"
        headers = {} if scenario.retry_after is None else {"Retry-After": str(scenario.retry_after)}
        return _error(scenario.status, scenario.error, scenario.code, headers=headers)


async def _http_error(request: Request, exc: Exception) -> Response:
    """Unknown paths and methods get the API's error body (405 keeps its `Allow` header)."""
    assert isinstance(exc, HTTPException)
    return _error(exc.status_code, exc.detail, headers=exc.headers)


async def _not_implemented(request: Request) -> Response:
    """An operation of the spec that the sandbox does not serve yet: a clear 501, never a 404 or 405 that would
    read as "no such operation"."""
    return _error(501, f"{request.method} {request.url.path} is in the API but not served by this sandbox yet")


def _routes(endpoint: _CallsEndpoint) -> list[Route]:
    """A route for every path of the spec, each with the methods the spec gives it (so a 405's `Allow` lists them).
    Literal paths come before templated ones: `/v1/calls/settings` is not a `{callId}`."""
    served = {("/v1/calls", "GET"): endpoint.list_calls}
    assert {_operation_id(path, method) for path, method in served} == SERVED_OPERATIONS
    routes = []
    for path, item in sorted(load_spec()["paths"].items(), key=lambda entry: ("{" in entry[0], entry[0])):
        handlers = {method: served.get((path, method), _not_implemented) for method in map(str.upper, item)}
        methods = [method for method in handlers if method.lower() in _METHODS]
        routes.append(Route(path, _by_method({m: handlers[m] for m in methods}), methods=methods))
    return routes


def _by_method(
    handlers: dict[str, Callable[[Request], Awaitable[Response]]],
) -> Callable[[Request], Awaitable[Response]]:
    """One endpoint for a path, handing each request to its method's handler (HEAD is GET's); one route a path,
    so that a 405 lists every method of the path in `Allow`."""

    async def endpoint(request: Request) -> Response:
        return await handlers["GET" if request.method == "HEAD" else request.method](request)

    return endpoint


_METHODS = frozenset({"get", "put", "post", "delete", "patch"})

SERVED_OPERATIONS = frozenset({"get_calls"})
"""The operations of the spec the sandbox serves so far (by operationId); the others answer 501."""


def _operation_id(path: str, method: str) -> str:
    operation_id: str = load_spec()["paths"][path][method.lower()]["operationId"]
    return operation_id


def create_app(config: SandboxConfig | None = None) -> Starlette:
    """The sandbox's ASGI app, its data drawn from `config` (default: 5,000 calls a number, seed 7)."""
    endpoint = _CallsEndpoint(config or SandboxConfig())
    app = Starlette(routes=_routes(endpoint), exception_handlers={HTTPException: _http_error})
    app.router.redirect_slashes = False  # `/v1/calls/` is another path (404), not a redirect to follow
    app.state.histories = endpoint.histories
    return app
