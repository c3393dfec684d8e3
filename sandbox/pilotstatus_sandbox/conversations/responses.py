"""The Conversations area's handler (moto's `responses.py`): `GET /v1/conversations`, computed from the number's
messages by the Messages area's inbox (`messages/inbox.py`)."""

from __future__ import annotations

from typing import Any

from pilotstatus_sandbox._operation import Handler, Operation
from pilotstatus_sandbox.messages import inbox

__all__ = ["HANDLERS"]


def _list_conversations(op: Operation) -> Any:
    query = op.validated.query
    span = inbox.window(query.get("startDate"), query.get("endDate"))
    return inbox.conversations(op.backend, op.acting_number, span, page=query["page"], page_size=query["pageSize"])


HANDLERS: dict[str, Handler] = {"get_conversations": _list_conversations}
"""The handler of each Conversations operation, by operationId."""
