"""The sandbox as an ASGI app: every operation of the catalogue (`pilotstatus_api.catalogue`, from `openapi.json`),
the `/_sandbox/` test helpers, and the realtime WebSocket, wired to one backend.

Routes are built from the catalogue and the helpers' document (`_helpers_openapi.json`), never from a list of our
own: one route per path, each with the methods its operations give it, so a path the spec lacks is 404 and a
method the path lacks is 405 with `Allow` (both with the API's error body). Literal paths come before templated
ones (`/v1/calls/settings` is not a `{callId}`); HEAD answers as GET; a trailing slash is another path (404), not a
redirect. Paths are matched on the raw path, segment by segment, each segment decoded on its own: a call id sent
as `wacid.HB...O%2F6...` (a third of Meta's ids hold a `/`) is one `{callId}`, as the client meant it, where the
path Starlette decodes whole would split it in two and route it nowhere. What each request goes through, in order,
and the sandbox behaviour not documented upstream, is said in `_pipeline`.

An operation is answered by its area's handler (`<area>/responses.py`, found by `_areas`) or, when it has none, by
its 2xx example (`_examples`): every example-only operation's example is checked against its schema here, when the
app is built, so that a wrong one fails at once. `create_app` takes the spec and the catalogue's entries it serves
(by default the project's), so that a test can serve a spec with an operation the project does not have.

`create_app` builds the backend (`_backend.Backend`), a `WebhookSender` when `SandboxConfig.webhook_url` is set
(each event the backend emits is handed to it, never holding up the request), and a lifespan that runs the
backend's timers in a daemon thread (unless `manual_clock`) so that transitions (a peer answering, a ring timeout)
happen on time and their webhooks go out without a request; without the lifespan, they still happen, but only
when a request comes. At shutdown the thread stops and the sender closes.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from functools import lru_cache
from typing import Any, Protocol
from urllib.parse import unquote_to_bytes

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Match, Route, WebSocketRoute
from starlette.types import Scope

from pilotstatus_api.catalogue import OPERATIONS, Entry

from ._areas import handlers
from ._backend import Backend
from ._config import SandboxConfig
from ._examples import Example, example_of
from ._operation import Handler
from ._pipeline import HELPER_HANDLERS, Endpoint, Pipeline, error, helper_operations, helpers_spec
from ._realtime import realtime_http, realtime_socket
from ._spec import load_spec, validation_spec

__all__ = ["SERVED_OPERATIONS", "SandboxConfig", "create_app"]

SERVED_OPERATIONS = frozenset(entry.operation_id for entry in OPERATIONS)
"""The operations the sandbox serves (by operationId): every one of the catalogue, with state or from its example."""

_SERVED_ELSEWHERE = {"sandbox_openapi", "sandbox_realtime"}  # served by the app itself, not through the key checks
if set(HELPER_HANDLERS) != set(helper_operations().values()) - _SERVED_ELSEWHERE:
    raise RuntimeError("the helpers' document and their handlers differ")


class _Sender(Protocol):
    """What the app needs of `_webhooks.WebhookSender`."""

    def send(self, payload: dict[str, Any]) -> None: ...
    def close(self) -> None: ...


_View = Callable[[Request], Awaitable[Response]]


async def _http_error(request: Request, exc: Exception) -> Response:
    """Unknown paths and methods get the API's error body (405 keeps its `Allow` header)."""
    assert isinstance(exc, HTTPException)
    return error(exc.status_code, exc.detail, headers=exc.headers)


def _segments(scope: Scope) -> tuple[str, ...]:
    """The request's path cut at each `/` it was sent with, each segment percent-decoded on its own: `%2F` stays
    inside its segment, which `scope["path"]` (decoded whole) cannot show."""
    raw: bytes | None = scope.get("raw_path")
    if raw is None:  # optional in ASGI: without it, the decoded path is all there is
        return tuple(str(scope["path"]).split("/"))
    return _decoded_segments(raw)


@lru_cache(maxsize=1024)
def _decoded_segments(raw: bytes) -> tuple[str, ...]:
    """`raw`'s segments decoded; kept, since each route a request is matched against asks for them."""
    # Decoded as the server decodes `scope["path"]`: UTF-8, a byte that is not UTF-8 replaced rather than refused.
    return tuple(unquote_to_bytes(segment).decode("utf-8", "replace") for segment in raw.split(b"/"))


def _path_params(template: list[str], scope: Scope) -> dict[str, str] | None:
    """The path parameters of a request whose segments match `template`'s (a literal segment matches itself, a
    `{name}` any segment but the empty one, as Starlette's), or None when they do not match."""
    segments = _segments(scope)
    if len(segments) != len(template):
        return None
    params = {}
    for expected, given in zip(template, segments, strict=True):
        if expected.startswith("{"):
            if not given:
                return None
            params[expected[1:-1]] = given
        elif given != expected:
            return None
    return params


class _SegmentRoute(Route):
    """Starlette's route (its methods, HEAD with GET, a method it lacks a partial match: 405 with `Allow`), matched
    segment by segment on the raw path (`_segments`)."""

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        params = _path_params(self.path.split("/"), scope) if scope["type"] == "http" else None
        if params is None:
            return Match.NONE, {}
        child_scope = {"endpoint": self.endpoint, "path_params": {**scope.get("path_params", {}), **params}}
        if self.methods and scope["method"] not in self.methods:
            return Match.PARTIAL, child_scope
        return Match.FULL, child_scope


class _SegmentWebSocketRoute(WebSocketRoute):
    """Starlette's WebSocket route, matched segment by segment on the raw path, as `_SegmentRoute`."""

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        params = _path_params(self.path.split("/"), scope) if scope["type"] == "websocket" else None
        if params is None:
            return Match.NONE, {}
        return Match.FULL, {"endpoint": self.endpoint, "path_params": {**scope.get("path_params", {}), **params}}


async def _helpers_document(request: Request) -> Response:
    return JSONResponse(helpers_spec())


def _api_endpoints(spec: dict[str, Any], entries: tuple[Entry, ...]) -> list[Endpoint]:
    """An endpoint for each entry: its area's handler, or its validated example (`ExampleError` for a bad one)."""
    found = handlers(entries)
    endpoints = []
    for entry in entries:
        operation = spec["paths"].get(entry.path, {}).get(entry.http_method.lower(), {})
        if operation.get("operationId") != entry.operation_id:
            raise RuntimeError(f"the spec has no operation {entry.operation_id} at {entry.http_method} {entry.path}")
        handler = found.get(entry.operation_id) or _answer_with(example_of(spec, entry))
        endpoints.append(Endpoint(entry.operation_id, entry.path, handler, entry, entry.success_status))
    return endpoints


def _answer_with(example: Example) -> Handler:
    return lambda op: example.answer()


def _routes(pipeline: Pipeline, endpoints: list[Endpoint]) -> list[BaseRoute]:
    """A route for every path of the catalogue and of the helpers' document, each with the methods its operations
    give it (so a 405's `Allow` lists them), literal paths before templated ones."""
    views: dict[str, dict[str, _View]] = {}
    for endpoint in endpoints:
        assert endpoint.entry is not None
        views.setdefault(endpoint.template, {})[endpoint.entry.http_method] = _bound(pipeline, endpoint)
    for (path, method), operation_id in helper_operations().items():
        if operation_id == "sandbox_openapi":
            view: _View = _helpers_document
        elif operation_id == "sandbox_realtime":
            view = realtime_http
        else:
            view = _bound(pipeline, Endpoint(operation_id, path, HELPER_HANDLERS[operation_id], None))
        views.setdefault(path, {})[method] = view
    routes: list[BaseRoute] = [_SegmentWebSocketRoute("/_sandbox/realtime/{callId}", realtime_socket)]
    for path in sorted(views, key=lambda path: ("{" in path, path)):
        routes.append(_SegmentRoute(path, _by_method(views[path]), methods=list(views[path])))
    return routes


def _bound(pipeline: Pipeline, endpoint: Endpoint) -> _View:
    async def handle(request: Request) -> Response:
        return await pipeline.handle(endpoint, request)

    return handle


def _by_method(handlers: dict[str, _View]) -> _View:
    """One endpoint for a path, handing each request to its method's handler (HEAD is GET's); one route a path,
    so that a 405 lists every method of the path in `Allow`."""

    async def endpoint(request: Request) -> Response:
        return await handlers["GET" if request.method == "HEAD" else request.method](request)

    return endpoint


def _webhook_sender(config: SandboxConfig) -> _Sender | None:
    if config.webhook_url is None or config.webhook_secret is None:
        return None
    from ._webhooks import WebhookSender  # only a sandbox that delivers webhooks needs the sender

    sender: _Sender = WebhookSender(config.webhook_url, config.webhook_secret)
    return sender


def create_app(
    config: SandboxConfig | None = None,
    *,
    on_progress: Callable[[int], None] | None = None,
    spec: dict[str, Any] | None = None,
    operations: tuple[Entry, ...] | None = None,
) -> Starlette:
    """The sandbox's ASGI app, its data drawn from `config` (default: 5,000 calls a number, seed 7); `on_progress`,
    when given, is told each block of calls drawn, as a count. It serves `operations` (default: the catalogue's),
    validated against `spec` (default: `openapi.json`), which must hold each of them."""
    config = config or SandboxConfig()
    spec = load_spec() if spec is None else spec
    entries = OPERATIONS if operations is None else operations
    endpoints = _api_endpoints(spec, entries)
    sender = _webhook_sender(config)
    backend = Backend(config, on_event=None if sender is None else sender.send, on_progress=on_progress)
    pipeline = Pipeline(config, backend, api_spec=validation_spec(spec), operations=entries)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        stop = threading.Event()
        timers = None
        if not config.manual_clock:
            timers = threading.Thread(
                target=backend.run_timers, args=(stop,), name="pilotstatus-sandbox-timers", daemon=True
            )
            timers.start()
        try:
            yield
        finally:
            # Off the event loop: the sender may take seconds to deliver what is queued.
            stop.set()
            if timers is not None:
                await asyncio.to_thread(timers.join)
            if sender is not None:
                await asyncio.to_thread(sender.close)

    app = Starlette(
        routes=_routes(pipeline, endpoints), exception_handlers={HTTPException: _http_error}, lifespan=lifespan
    )
    app.router.redirect_slashes = False  # `/v1/calls/` is another path (404), not a redirect to follow
    app.state.backend = backend
    app.state.histories = backend.histories()
    return app
