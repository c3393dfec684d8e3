"""The one module that knows how the generated package describes a request: the coupling to the generator lives here.

Each generated operation module (`pilotstatus_api.api.calls.post_calls`, ...) has a `_get_kwargs(...)` function that
turns typed arguments into a request description: method, path (each path parameter percent-encoded as one
segment), query, JSON body and headers. The SDK sends that description through its own client (its retries, its
errors, its secrecy) instead of the generated `sync()`, which would parse error bodies on its own and lose the raw
response. `_get_kwargs` is private to the generated module, but the generator is pinned, and every test goes
through here, so a generator change that renames it fails at once, in one place.

An `Operation` pairs that description with how the 2xx body is parsed, and checks every argument against the spec's
constraints (`_validation`) before anything is sent. What else a request depends on is the operation's row of the
catalogue (`pilotstatus_api.catalogue`): whether it takes the number header, and whether it honours an
`Idempotency-Key` (then each call gets a key of its own, which its retries repeat).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import httpx

from . import _validation
from ._constants import IDEMPOTENCY_KEY_HEADER, MAX_IDEMPOTENCY_KEY_LENGTH
from ._exceptions import InvalidInputError

if TYPE_CHECKING:
    from pilotstatus_api.catalogue import Entry

__all__ = ["Operation", "RequestSpec", "check_idempotency_key"]

_T = TypeVar("_T")

RequestSpec = dict[str, Any]
"""A request as `_get_kwargs` describes it: `method`, `url` (the path), and `params`, `json`, `headers` when any;
`Operation.request` adds `operation_id`, which the client names the operation by in what it logs of the response,
and `idempotency`, the catalogue's word on whether the operation honours an `Idempotency-Key` (which the retry rule
reads). A walk that reads ahead adds `extensions`, the httpx request extensions (a `trace`)."""


@dataclass(frozen=True)
class Operation(Generic[_T]):
    """One API operation: its generated module, and how its 2xx body becomes the value a call returns."""

    module: ModuleType
    parse: Callable[[Any], _T]
    """From the decoded JSON body to the returned value (a generated model's `from_dict`, or a field of one)."""
    traits: Entry | None = None
    """Its row of the catalogue; None (always, but in tests): the catalogue's row of `module`."""

    @functools.cached_property
    def entry(self) -> Entry:
        """Its row of the catalogue: whether it takes the number header, whether it honours an `Idempotency-Key`."""
        if self.traits is not None:
            return self.traits
        from pilotstatus_api.catalogue import BY_MODULE  # loaded by the first request, like the checks

        return BY_MODULE[self.name]

    @functools.cached_property  # read for every request (a frozen dataclass keeps it in its __dict__ all the same)
    def name(self) -> str:
        """The generated module's name: the operationId, in snake case (`post_calls_call_id_accept`)."""
        return self.module.__name__.rsplit(".", 1)[1]

    @functools.cached_property
    def operation_id(self) -> str:
        """The operationId as `openapi.json` spells it (`post_calls_callId_accept`), which the generated
        `request_schemas` keeps beside the module name."""
        from pilotstatus_api.request_schemas import REQUEST_SCHEMAS  # loaded by the first request, like the checks

        operation_id: str = REQUEST_SCHEMAS[self.name]["operation_id"]
        return operation_id

    def request(
        self,
        *path: str,
        body: Any = None,
        query: Mapping[str, Any] | None = None,
        whatsapp_number_id: str | None = None,
        idempotency_key: str | None = None,
    ) -> RequestSpec:
        """The request for these arguments, every one checked against the spec first (`InvalidInputError`).

        `path` are the path parameters in the spec's order; `body` a generated request model; `query` the keyword
        arguments of the generated function (typed values, such as a `datetime`); `whatsapp_number_id` the number a
        tenant key acts on, sent as `x-whatsapp-number-id` to an operation that takes that header (the generated
        function of one that does not has no such argument).

        An operation that honours an `Idempotency-Key` is sent with `idempotency_key` (the caller's, checked), or
        else with a new one (a UUID4) made here, once per call: every retry of the call sends the same key, so the
        server acts on it once however often it arrives."""
        if idempotency_key is not None:
            idempotency_key = check_idempotency_key(idempotency_key)
            if self.entry.idempotency == "none":
                raise InvalidInputError(
                    f"idempotency_key is given, but {self.operation_id} honours no Idempotency-Key.",
                    argument="idempotency_key",
                )
        _validation.check_path(self.name, *path)
        entry = self.entry
        arguments: dict[str, Any] = dict(query or {})
        if body is not None:
            arguments["body"] = body
        if entry.number_header:
            arguments["x_whatsapp_number_id"] = whatsapp_number_id
        spec: RequestSpec = self.module._get_kwargs(*path, **arguments)
        _validation.check_query(self.name, spec.get("params", {}))
        _validation.check_body(self.name, spec.get("json"))
        spec["operation_id"] = self.operation_id
        spec["idempotency"] = entry.idempotency
        if entry.idempotency != "none":
            if idempotency_key is None:
                import uuid  # only such an operation needs it, and `import pilotstatus` would pay for it (2 ms)

                idempotency_key = str(uuid.uuid4())
            spec["headers"] = {**spec.get("headers", {}), IDEMPOTENCY_KEY_HEADER: idempotency_key}
        return spec

    def parse_response(self, response: httpx.Response) -> _T:
        """The value of a 2xx response. (The client turns any failure here into an `APIResponseValidationError`.)"""
        return self.parse(response.json())


def check_idempotency_key(key: object) -> str:
    """`key` if it can be sent as an `Idempotency-Key`, else `InvalidInputError` naming `idempotency_key`.

    The API takes 1 to 255 characters with no control character (a longer or odd key is its 400
    `IDEMPOTENCY_KEY_INVALID`). Stricter (our assumption): only printable ASCII, as an HTTP header carries text (httpx
    refuses to send anything else), and no space at either end, which HTTP drops: the server would keep another key
    than the one the caller holds. The message never quotes the key: whatever a caller puts in it stays out of
    tracebacks and logs."""
    if not isinstance(key, str):
        raise InvalidInputError(
            f"idempotency_key must be a string, not {type(key).__name__}.", argument="idempotency_key"
        )
    if not key:
        raise InvalidInputError("idempotency_key must not be empty.", argument="idempotency_key")
    if len(key) > MAX_IDEMPOTENCY_KEY_LENGTH:
        raise InvalidInputError(
            f"idempotency_key must be at most {MAX_IDEMPOTENCY_KEY_LENGTH} characters long, not {len(key)}.",
            argument="idempotency_key",
        )
    for position, char in enumerate(key):
        if not (char.isascii() and char.isprintable()):
            raise InvalidInputError(
                f"idempotency_key must be printable ASCII (no control character, nothing beyond ASCII), but holds"
                f" {char!a} at position {position}.",
                argument="idempotency_key",
            )
    if key != key.strip():
        raise InvalidInputError(
            "idempotency_key has spaces at an end, which HTTP drops: the server would keep another key.",
            argument="idempotency_key",
        )
    return key
