"""The Messages area's handlers (moto's `responses.py`): one thin handler per operation of the area with state, by
operationId. A handler reads the validated request and calls the area's state (`sending`, over the number's
`models.Messages`); everything before that (the key, its scope, the provider, the connection, the body, the
idempotency key) is the request pipeline's (`_pipeline`)."""

from __future__ import annotations

from typing import Any

from pilotstatus_sandbox._operation import Handler, Operation

from . import inbox, sending

__all__ = ["HANDLERS"]


def _send(op: Operation) -> Any:
    return sending.send(op.backend, op.acting_number, op.body)


def _retrieve(op: Operation) -> Any:
    message_id: str = op.request.path_params["messageId"]
    return sending.retrieve(op.backend, op.acting_number, message_id)


def _cancel(op: Operation) -> Any:
    return sending.cancel(op.backend, op.acting_number, op.body["messageIds"])


HANDLERS: dict[str, Handler] = {
    "post_messages_send": _send,
    "get_messages_id": _retrieve,
    "delete_messages_cancel": _cancel,
    **inbox.HANDLERS,  # history, unread and group messages: the reads (`inbox`)
}
"""The handler of each Messages operation with state, by operationId."""
