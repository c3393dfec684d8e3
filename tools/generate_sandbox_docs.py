"""The README's table of the operations the sandbox serves, derived from the spec: each operation, whether the
sandbox holds state for it (its area's handler) or answers its 2xx example, the keys that may call it and the
numbers that serve it. A `ProjectWriter` of `tools/generate.py`: `make generate` writes the table between its
markers in README.md, `make check-generated` fails when it is not what the spec and the handlers make."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openapi_python_client.strings import snake_case

from pilotstatus_sandbox._areas import area

__all__ = ["BEGIN", "END", "operations_table", "write_sandbox_docs"]

README = "README.md"
BEGIN = "<!-- sandbox-operations: begin (make generate writes this table from openapi.json) -->"
END = "<!-- sandbox-operations: end -->"
_METHODS = ("get", "put", "post", "delete", "patch")
_SCOPES = {
    "number": "a number's key, or the tenant key naming the number",
    "tenant": "the tenant key",
    "any": "any key",
    "none": "no key",
}


def operations_table(spec: dict[str, Any]) -> str:
    """The Markdown table: one row per operation of `spec`, in its order."""
    rows = [
        "| Operation | Method and path | In the sandbox | Keys | Numbers |",
        "|---|---|---|---|---|",
    ]
    for path, item in spec["paths"].items():
        for method in _METHODS:
            if method not in item:
                continue
            operation = item[method]
            traits = operation["x-pilotstatus"]
            operation_id = operation["operationId"]
            tag = (operation.get("tags") or ["default"])[0]
            served = "state" if operation_id in area(snake_case(tag)).handlers else "example-only"
            providers = ", ".join(f"`{kind}`" for kind in traits.get("providers", ())) or "all"
            keys = _SCOPES[traits["scope"]]
            rows.append(f"| `{operation_id}` | `{method.upper()} {path}` | {served} | {keys} | {providers} |")
    return "\n".join(rows) + "\n"


def write_sandbox_docs(spec: dict[str, Any], scratch: Path) -> None:
    """Write README.md into `scratch` with the table between its markers (from the scratch copy when another writer
    has already written one, else from the project's)."""
    source = scratch / README if (scratch / README).is_file() else Path(__file__).resolve().parents[1] / README
    text = source.read_text(encoding="utf-8")
    start, end = text.index(BEGIN) + len(BEGIN), text.index(END)
    (scratch / README).write_text(text[:start] + "\n\n" + operations_table(spec) + "\n" + text[end:], encoding="utf-8")
