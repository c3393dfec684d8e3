"""The Templates area's handlers (moto's `responses.py`): one thin handler per operation of the area, by operationId.
A handler reads the validated request, calls the number's templates (`models.Templates`) and returns its JSON;
everything before that (the key, its scope, the connection, the body's shape) is the request pipeline's
(`_pipeline`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pilotstatus_sandbox._operation import Handler, Operation

if TYPE_CHECKING:
    from .models import Templates

__all__ = ["HANDLERS"]


def _templates(op: Operation) -> Templates:
    return op.acting_number.templates


def _ref(op: Operation) -> str:
    """The `{id}` of the path: a template's id or its name."""
    ref: str = op.request.path_params["id"]
    return ref


HANDLERS: dict[str, Handler] = {
    "get_templates": lambda op: _templates(op).list(),
    "post_templates": lambda op: _templates(op).create(op.body),
    "get_templates_id": lambda op: _templates(op).retrieve(_ref(op)),
    "put_templates_id": lambda op: _templates(op).update(_ref(op), op.body),
    "delete_templates_id": lambda op: _templates(op).delete(_ref(op)),
}
"""The handler of each Templates operation, by operationId: every one of the area."""
