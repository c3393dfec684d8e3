"""Reading an interrupted export back: what it holds, where its last complete line ends, and where to go on from.

An export is written newest first and flushed page by page, so an interruption (Ctrl-C, a lost connection, a
killed process) leaves a file of complete lines, perhaps followed by one line cut short. Resuming drops that partial
line and continues after the last call written, using its `createdAt` and the ids written in that same millisecond
(`Cursor.resume()`): the API orders the calls of one millisecond arbitrarily, so the ids are what tells the written
ones from the rest.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import BinaryIO

from pilotstatus._exceptions import InvalidInputError
from pilotstatus._timestamps import floor_ms, to_instant
from pilotstatus.pagination import Cursor

from ._formats import Format, NotAnExportError, Record


class Lines:
    """The lines of a file opened in binary, decoded, with the bytes they take: the position where each record read
    so far ends is `consumed` once it has been read."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self.consumed = 0
        self.number = 0
        self.complete = True
        self.exhausted = False

    def __iter__(self) -> Lines:
        return self

    def __next__(self) -> str:
        raw = self._stream.readline()
        if not raw:
            self.exhausted = True
            raise StopIteration
        self.consumed += len(raw)
        self.number += 1
        self.complete = raw.endswith(b"\n")
        if not self.complete:  # cut short, perhaps inside a character: it is dropped whatever it holds
            return raw.decode("utf-8", errors="replace")
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            raise NotAnExportError(f"line {self.number} is not UTF-8 text") from None


@dataclass
class Written:
    """What an existing export holds."""

    end: int = 0
    """The size of its complete lines, in bytes: what is kept."""
    calls: int = 0
    """How many calls those lines hold."""
    header: bool = False
    """Whether they begin with the format's header (a CSV file's)."""
    last_created_at: datetime.datetime | None = None
    """The `createdAt` of the last call written, or None when there is none."""
    last_ids: set[str] = field(default_factory=set)
    """The ids of the calls written in the millisecond of the last one."""

    def cursor(self) -> Cursor | None:
        """Where the export goes on from, or None to start from the beginning."""
        if self.last_created_at is None:
            return None
        return Cursor.resume(self.last_created_at, self.last_ids)

    def add(self, record: Record, line: int) -> None:
        if record is None:
            self.header = True
            return
        call_id, created_text = record
        if not isinstance(call_id, str) or not call_id:
            raise NotAnExportError(f"line {line} has no call id")
        try:
            if not isinstance(created_text, str):
                raise InvalidInputError("createdAt is not a string")
            created = to_instant(created_text, "createdAt")
        except InvalidInputError:
            raise NotAnExportError(f"line {line} has no valid createdAt") from None
        if self.last_created_at is not None and created > self.last_created_at:
            raise NotAnExportError(f"line {line} is newer than the line before it, and an export is newest first")
        if self.last_created_at is None or floor_ms(created) != floor_ms(self.last_created_at):
            self.last_ids = set()
        self.last_ids.add(call_id)
        self.last_created_at = created
        self.calls += 1


def read_export(stream: BinaryIO, export_format: Format) -> Written:
    """What `stream` (an export in `export_format`, at its start) holds, up to its last complete line. Raises
    `NotAnExportError` when it is not such an export."""
    lines = Lines(stream)
    written = Written()
    for record in export_format.records(lines):
        if not lines.complete:
            break
        written.add(record, lines.number)
        written.end = lines.consumed
    return written
