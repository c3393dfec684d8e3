"""The file formats of `calls export`: JSON Lines and CSV, one call a line, written and read back.

Both keep every field the server sent, as the API spells them (`api_json`). A JSON line is the call as the API
sent it, the fields this SDK does not know included. A CSV row has the documented fields, then `extra`: a JSON
object of any other fields (empty when there are none). Reading back gives,
for each call, its id and `createdAt`: what resuming needs.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
from collections.abc import Iterator, Sequence
from typing import Any, Protocol

from pilotstatus._timestamps import format_instant
from pilotstatus_api.models.call import Call

# The documented fields of a call, in the order of the API reference.
FIELDS = (
    "id",
    "externalCallId",
    "direction",
    "status",
    "peerNumber",
    "durationSeconds",
    "startedAt",
    "connectedAt",
    "endedAt",
    "createdAt",
    "updatedAt",
)
CSV_HEADER = (*FIELDS, "extra")
TIMESTAMPS = ("startedAt", "connectedAt", "endedAt", "createdAt", "updatedAt")

# The line ending of both formats, on every platform, so that the same calls give the same bytes.
NEWLINE = "\n"


class NotAnExportError(Exception):
    """A file that is not an export in the format asked for; the message says where and why."""


class LineSource(Protocol):
    """The lines of an export being read (`_resume.Lines`), each with its newline."""

    number: int
    """The line number of the last line read."""
    complete: bool
    """Whether the last line read ends with its newline: a line without it was cut short, and is dropped."""
    exhausted: bool
    """Whether the end of the file has been reached."""

    def __iter__(self) -> Iterator[str]: ...


# What reading back yields for each call: its id and createdAt, as written; None for a line that holds no call.
Record = tuple[object, object] | None


class Format(Protocol):
    """A file format of `calls export`: how the file starts, how a call is written, and how the file is read back."""

    name: str

    def header(self) -> str:
        """What the file starts with, before any call."""
        ...

    def line(self, call: Call) -> str:
        """One call, as one line with its newline."""
        ...

    def records(self, lines: LineSource) -> Iterator[Record]:
        """Read the file back: a record for each line or row, read from `lines` as needed. Raises `NotAnExportError`."""
        ...


def api_instant(instant: datetime.datetime) -> str:
    """An instant as the API writes it: UTC with a `Z`, to the millisecond (or the microsecond, if it has one)."""
    return format_instant(instant, exact=True)


class Model(Protocol):
    """A generated model of a call (`Call`, or `CallDetail` as Get call returns it)."""

    def to_dict(self) -> dict[str, Any]: ...


def api_json(call: Model, timestamps: Sequence[str] = TIMESTAMPS) -> dict[str, Any]:
    """The call (or another model, whose `timestamps` are named) as the API's JSON: `to_dict()` (which keeps fields
    this SDK does not know), with the timestamps in the API's spelling rather than Python's `isoformat()` (`+00:00`,
    microseconds). A timestamp that is not an instant with a zone (which the model keeps as the text that came) is
    left as it came."""
    fields = call.to_dict()
    for name in timestamps:
        value = fields.get(name)
        if isinstance(value, str):
            try:
                instant = datetime.datetime.fromisoformat(value)
            except ValueError:
                continue
            if instant.utcoffset() is not None:
                fields[name] = api_instant(instant)
    return fields


def json_text(value: Any, **options: Any) -> str:
    """`value` as JSON, in UTF-8 text where it can be: a string holding a lone surrogate (valid JSON, which UTF-8
    cannot carry) is written with `\\u` escapes instead, so that it is kept exactly."""
    text = json.dumps(value, ensure_ascii=False, **options)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(value, **options)
    return text


def compact_json(value: Any) -> str:
    """`value` as JSON on one line."""
    return json_text(value, separators=(",", ":"))


class JsonLines:
    """One JSON object a line: the call as the API sent it, every field included."""

    name = "jsonl"

    def header(self) -> str:
        return ""

    def line(self, call: Call) -> str:
        return compact_json(api_json(call)) + NEWLINE

    def records(self, lines: LineSource) -> Iterator[Record]:
        for text in lines:
            if not lines.complete:
                return
            try:
                body = json.loads(text)
            except ValueError:
                body = None
            if not isinstance(body, dict):
                raise NotAnExportError(f"line {lines.number} is not a JSON object")
            yield body.get("id"), body.get("createdAt")


class Csv:
    """A header row, then one row a call: the documented fields and `extra`."""

    name = "csv"

    def __init__(self) -> None:
        self._buffer = io.StringIO()
        self._writer = csv.writer(self._buffer, lineterminator=NEWLINE)
        # The csv module quotes a field holding the line terminator ("\n") but not a lone "\r", which readers then
        # take for a line break: a row with one is written with every field quoted.
        self._quoting_writer = csv.writer(self._buffer, lineterminator=NEWLINE, quoting=csv.QUOTE_ALL)

    def header(self) -> str:
        return self._row(CSV_HEADER)

    def line(self, call: Call) -> str:
        fields = api_json(call)
        extra = {name: value for name, value in fields.items() if name not in FIELDS}
        return self._row([*(_utf8(fields.get(name)) for name in FIELDS), compact_json(extra) if extra else ""])

    def _row(self, values: Any) -> str:
        self._buffer.seek(0)
        self._buffer.truncate()
        values = list(values)
        carriage_return = any(isinstance(value, str) and "\r" in value for value in values)
        # None is written as an empty field.
        (self._quoting_writer if carriage_return else self._writer).writerow(values)
        return self._buffer.getvalue()

    def records(self, lines: LineSource) -> Iterator[Record]:
        # strict: a quote out of place is an error rather than a guess; a row cut inside quotes then ends in an
        # error at the end of the file, where it is a partial last row to drop.
        rows = csv.reader(lines, strict=True)
        header = True
        try:
            for row in rows:
                if not lines.complete:
                    return
                if header:
                    if tuple(row) != CSV_HEADER:
                        raise NotAnExportError(f"line 1 is not the header {','.join(CSV_HEADER)}")
                    header = False
                    yield None
                elif len(row) != len(CSV_HEADER):
                    raise NotAnExportError(f"line {lines.number} has {len(row)} fields, not {len(CSV_HEADER)}")
                else:
                    yield row[FIELDS.index("id")], row[FIELDS.index("createdAt")]
        except csv.Error as error:
            if not lines.exhausted:
                raise NotAnExportError(f"line {lines.number} is not CSV ({error})") from None


def _utf8(value: object) -> object:
    """A CSV cell's value: text holding a lone surrogate (valid JSON, which UTF-8 cannot carry) gets a `\\udc00`
    escape in its place rather than fail the export. (JSON lines keep it exactly, as a JSON escape.)"""
    if isinstance(value, str) and not value.isascii():
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    return value


FORMATS: dict[str, type[JsonLines] | type[Csv]] = {"jsonl": JsonLines, "csv": Csv}


def format_for(name: str | None, output: str) -> Format:
    """The format called `name`, or when none is given, the one `output`'s suffix names (CSV for `.csv`, else JSON
    Lines)."""
    if name is None:
        name = "csv" if output.lower().endswith(".csv") else "jsonl"
    return FORMATS[name]()
