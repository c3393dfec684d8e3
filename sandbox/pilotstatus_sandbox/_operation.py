"""What a handler is given, and what it is: the one interface between the request pipeline (`_pipeline`) and the
areas' handlers (`<area>/responses.py`). Importing it loads no web framework, so that which operations have handlers
can be read without the sandbox's extra (`pilotstatus sandbox --help` lists the others)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from starlette.requests import Request

    from ._backend import Backend, Number
    from ._validation import ValidatedRequest

__all__ = ["Handler", "Operation"]


@dataclass(frozen=True)
class Operation:
    """What a handler gets: the number the request acts on (None for an operation that acts on none: a tenant's,
    or one that needs no key), the backend, the validated request, and the request itself (for its host, when an
    answer holds a URL)."""

    number: Number | None
    backend: Backend
    validated: ValidatedRequest
    request: Request

    @property
    def acting_number(self) -> Number:
        """The number the request acts on, for an operation that acts on one (the pipeline has resolved it)."""
        if self.number is None:
            raise RuntimeError("this operation acts on no number: its handler cannot ask for one")
        return self.number

    @property
    def body(self) -> Mapping[str, Any]:
        """The JSON body; `{}` for an optional body left out."""
        body = self.validated.body
        return {} if body is None else body

    @property
    def call_id(self) -> str:
        call_id: str = self.request.path_params["callId"]
        return call_id


Handler = Callable[[Operation], Any]
"""A handler: the operation's answer (its 2xx JSON body, or that body already encoded: `_encoded.EncodedJSON`), or
an `ApiError`."""
