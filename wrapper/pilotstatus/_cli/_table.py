"""A page of calls (or any list of models, by columns of its own) as an aligned text table, for people: one item a
line, the API's field names as headings.

Timestamps are written as the API writes them (UTC, `Z`, milliseconds), so that a `createdAt` can be pasted into
`--before`; a field that is null or absent shows as `-`. Text from the server is shown with control characters
escaped, so that it cannot break the table or drive the terminal.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from typing import Any

from pilotstatus._timestamps import format_instant
from pilotstatus_api.models.call import Call

from ._errors import printable

MISSING = "-"

Columns = Sequence[tuple[str, Callable[[Any], object]]]
"""The heading and the value of each column."""

# What tells calls apart at a glance.
COLUMNS: tuple[tuple[str, Callable[[Call], object]], ...] = (
    ("createdAt", lambda call: call.created_at),
    ("id", lambda call: call.id),
    ("direction", lambda call: call.direction),
    ("status", lambda call: call.status),
    ("peerNumber", lambda call: call.peer_number),
    ("durationSeconds", lambda call: call.duration_seconds),
    ("endedAt", lambda call: call.ended_at),
)


def cell(value: object) -> str:
    """How one value is shown."""
    if isinstance(value, datetime.datetime):
        return format_instant(value)
    if value is None or not isinstance(value, (str, int, float)):  # None: null or not sent
        return MISSING
    return printable(str(value)) or MISSING


def table(items: Sequence[Any], columns: Columns = COLUMNS) -> str:
    """The items (calls, newest first as given, by default) under a heading line; columns padded to their widest
    value."""
    rows = [[heading for heading, _ in columns]]
    rows += [[cell(value(item)) for _, value in columns] for item in items]
    widths = [max(len(row[column]) for row in rows) for column in range(len(columns))]
    return "\n".join(
        "  ".join(text.ljust(width) for text, width in zip(row, widths, strict=True)).rstrip() for row in rows
    )
