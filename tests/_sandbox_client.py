"""A client for the stateful sandbox's tests: the API and the `/_sandbox/` helpers over real HTTP, each response
checked against its document (the API's against `openapi.json` by schemathesis, the helpers' against
`_helpers_openapi.json` by openapi-core) as it arrives, so that every test also proves the answers conform."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import parse_qs, unquote

import httpx
from openapi_core import OpenAPI
from openapi_core.datatypes import RequestParameters
from starlette.applications import Starlette
from werkzeug.datastructures import Headers, ImmutableMultiDict

from pilotstatus_sandbox import Sandbox, SandboxConfig
from pilotstatus_sandbox._pipeline import helpers_spec
from tests._contract import RESPONSE_CHECKS, load_schema

__all__ = [
    "KEYS",
    "NUMBER_IDS",
    "SandboxClient",
    "check_response",
    "manual_sandbox",
    "send",
    "send_all",
    "validate_with_spec",
]

KEYS = {
    "meta": "ps_sandbox_meta_number",
    "web": "ps_sandbox_web_number",
    "relay-only": "ps_sandbox_relay_only",
    "web-disconnected": "ps_sandbox_web_disconnected",
    "unsupported-provider": "ps_sandbox_evolution_v2",
    "tenant": "ps_sandbox_tenant",
    "rate-limited": "ps_sandbox_rate_limited",
    "store-days": "ps_sandbox_store_days",
}
NUMBER_IDS = {
    "meta": "num_sandbox_meta",
    "web": "num_sandbox_web",
    "relay-only": "num_sandbox_relay_only",
    "web-disconnected": "num_sandbox_web_disconnected",
    "unsupported-provider": "num_sandbox_evolution_v2",
    "store-days": "num_sandbox_store_days",
}

_HELPERS = OpenAPI.from_dict(helpers_spec())


class _HelperRequest:
    """An httpx request as openapi-core reads one."""

    def __init__(self, request: httpx.Request) -> None:
        self._request = request
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(parse_qs(request.url.query.decode())),
            header=Headers(dict(request.headers)),
            cookie=ImmutableMultiDict(),
        )

    @property
    def host_url(self) -> str:
        return f"{self._request.url.scheme}://{self._request.url.netloc.decode()}"

    @property
    def path(self) -> str:
        return self._request.url.path

    @property
    def method(self) -> str:
        return self._request.method.lower()

    @property
    def body(self) -> bytes | None:
        return self._request.content or None

    @property
    def content_type(self) -> str:
        return str(self._request.headers.get("content-type", "application/octet-stream"))


class _HelperResponse:
    """An httpx response as openapi-core reads one."""

    def __init__(self, response: httpx.Response) -> None:
        self.data = response.content
        self.status_code = response.status_code
        self.content_type = response.headers.get("content-type", "")
        self.headers = Headers(dict(response.headers))


def validate_with_spec(response: httpx.Response) -> None:
    """`tests._contract.validate_with_spec`, for operations with path parameters too: raise schemathesis's
    `FailureGroup` unless `response` conforms to its operation in `openapi.json`."""
    request = response.request
    operation = load_schema().find_operation_by_path(request.method, request.url.path)
    assert operation is not None, f"no operation in the spec for {request.method} {request.url.path}"
    segments = zip(operation.path.split("/"), request.url.path.split("/"), strict=True)
    path_parameters = {template[1:-1]: unquote(value) for template, value in segments if template.startswith("{")}
    case = operation.Case(path_parameters=path_parameters, query=dict(request.url.params))
    case.validate_response(response, checks=RESPONSE_CHECKS)


def check_response(response: httpx.Response) -> None:
    """Raise unless `response` conforms to its document: `openapi.json` for the API, the helpers' for
    `/_sandbox/`. A request for a path or method no document has (the router's 404 and 405) is left to the test
    that sent it."""
    response.read()
    if response.status_code in (404, 405) and response.json() in (
        {"error": "Not Found"},
        {"error": "Method Not Allowed"},
    ):
        return
    if response.request.url.path.startswith("/_sandbox/"):
        _HELPERS.validate_response(_HelperRequest(response.request), _HelperResponse(response))
    else:
        validate_with_spec(response)


class SandboxClient:
    """Requests to one sandbox as one demo key (`key`, a scenario name of `KEYS`), every response checked."""

    def __init__(self, sandbox: Sandbox, client: httpx.Client) -> None:
        self.sandbox = sandbox
        self._client = client

    def request(
        self, method: str, path: str, *, key: str = "meta", number_id: str | None = None, **kwargs: Any
    ) -> httpx.Response:
        headers = {"x-api-key": KEYS[key], **kwargs.pop("headers", {})}
        if number_id is not None:
            headers["x-whatsapp-number-id"] = number_id
        return self._client.request(method, path, headers=headers, **kwargs)

    def get(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("POST", path, **kwargs)

    def put(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("PUT", path, **kwargs)

    def ok(self, method: str, path: str, **kwargs: Any) -> Any:
        """The JSON body of a request that must succeed."""
        response = self.request(method, path, **kwargs)
        assert response.status_code == 200, response.text
        return response.json()

    def advance(self, seconds: float) -> str:
        """Move the sandbox's clock through its helper; the new time."""
        now: str = self.ok("POST", "/_sandbox/clock/advance", json={"seconds": seconds})["now"]
        return now

    def call(self, call_id: str, *, key: str = "meta") -> Any:
        return self.ok("GET", f"/v1/calls/{call_id}", key=key)

    def events(self, *, key: str = "meta") -> list[dict[str, Any]]:
        events: list[dict[str, Any]] = self.ok("GET", "/_sandbox/events", key=key)["events"]
        return events

    def incoming(self, *, key: str = "meta", caller: str = "5511988887777", **kwargs: Any) -> Any:
        """A user calls the key's number: the new INBOUND RINGING call."""
        return self.ok("POST", "/_sandbox/calls/incoming", key=key, json={"from": caller}, **kwargs)


@contextmanager
def manual_sandbox(calls: int = 50, **options: Any) -> Iterator[SandboxClient]:
    """A sandbox whose clock moves only through the helper, and a checking client for it."""
    with (
        Sandbox(SandboxConfig(calls=calls, manual_clock=True, **options)) as sandbox,
        httpx.Client(base_url=sandbox.url, event_hooks={"response": [check_response]}) as client,
    ):
        yield SandboxClient(sandbox, client)


def send_all(app: Starlette, requests: list[tuple[str, str, str]], **kwargs: Any) -> list[httpx.Response]:
    """Each (method, path, demo key of `KEYS`) sent to the sandbox's app in process (no socket), in order, with
    `kwargs` (and `headers` beside the key's) for each; their responses."""

    headers = kwargs.pop("headers", {})

    async def send_each() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://sandbox") as client:
            return [
                await client.request(method, path, headers={"x-api-key": KEYS[key], **headers}, **kwargs)
                for method, path, key in requests
            ]

    return asyncio.run(send_each())


def send(app: Starlette, method: str, path: str, key: str = "meta", **kwargs: Any) -> httpx.Response:
    """One request sent to the sandbox's app in process, as `send_all`."""
    (response,) = send_all(app, [(method, path, key)], **kwargs)
    return response
