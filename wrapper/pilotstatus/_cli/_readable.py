"""One thing (a call, the calling settings, a permission) for people: `name: value` lines, values in one column.

Labels are the API's field names, as the table's headings are. Values are shown as the table shows them: text with
control characters escaped (it comes from the server, and must not drive the terminal), a null or absent field as
`-`; a JSON object or list as compact JSON on its line; an instant as the API writes it. Rows whose label starts
with spaces are the parts of the row above them (the windows of the call hours, say); a row without a label is a
line of text of the row above (an SDP), in the column of the values.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping
from typing import Any

from pilotstatus._timestamps import format_instant

from ._errors import printable
from ._formats import compact_json
from ._table import MISSING

Row = tuple[str, str]
"""A label and its value, both as shown."""

INDENT = "  "


def shown(value: object) -> str:
    """How a JSON value is shown on a row."""
    if value is None:
        return MISSING
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return printable(value) or MISSING
    return printable(compact_json(value))


def escaped(line: str) -> str:
    """One line of text from the server as it is, spaces and all, with control characters (and tabs) escaped."""
    return "".join(char if char.isprintable() else ascii(char)[1:-1] for char in line)


def label(name: str, depth: int = 0) -> str:
    """A row's label: a field name from the server (escaped), indented `depth` levels."""
    return INDENT * depth + (printable(name) or repr(name))


def unix_instant(seconds: object) -> str:
    """An instant the API gives in Unix seconds, as the API writes instants elsewhere (`...T12:00:00.000Z`); a value
    that is not one is shown as it came."""
    if isinstance(seconds, (int, float)) and not isinstance(seconds, bool):
        try:
            return format_instant(datetime.datetime.fromtimestamp(seconds, datetime.UTC))
        except (OverflowError, OSError, ValueError):
            pass
    return shown(seconds)


def clock(text: object) -> str:
    """A time of day as Meta gives it, HHMM on a 24-hour clock, as HH:MM; anything else as it came."""
    if isinstance(text, str) and re.fullmatch(r"[0-9]{4}", text):
        return f"{text[:2]}:{text[2:]}"
    return shown(text)


def other_rows(fields: Mapping[str, Any], known: Iterable[str], depth: int = 0) -> list[Row]:
    """A row for each field of `fields` not in `known`: the fields the server sent beyond those shown otherwise."""
    names = set(known)
    return [(label(name, depth), shown(value)) for name, value in fields.items() if name not in names]


def text_rows(text: str) -> list[Row]:
    """`text` (lines ended by CRLF, LF or CR, as an SDP's are) as rows without a label, each line escaped."""
    lines = re.split(r"\r\n|\n|\r", text)
    if lines and not lines[-1]:
        lines.pop()  # the end of the last line
    return [("", escaped(line)) for line in lines]


def render(rows: Iterable[Row]) -> str:
    """The rows as lines, `label: value`, the values aligned in one column."""
    rows = list(rows)
    width = max((len(name) for name, _ in rows), default=0) + 1
    return "\n".join(f"{(name + ':' if name else '').ljust(width)} {value}".rstrip() for name, value in rows)
