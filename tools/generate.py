"""Generate the `pilotstatus_api` package from `openapi.json`, or check that the committed copy is current.

`make generate` and `make check-generated` both run this script, so a regeneration and its check can never drift
apart. The generator always writes into a fresh temporary folder first:

- without `--check`, that folder then replaces the target package whole, so a model or an endpoint removed from
  the spec leaves no stale module behind;
- with `--check`, it is compared with the target and every difference is printed as a unified diff.

The generator and ruff (its post-hooks) are taken from the environment running this script, which `make` points at
the project's `.venv`, where both are pinned: the same spec gives the same bytes on every machine. The generator runs
with the project's template overrides, `templates/` (see its README), so both commands use them.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import pprint
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from openapi_python_client.strings import PythonIdentifier

PACKAGE = "pilotstatus_api"
ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "templates"
IGNORED = {"__pycache__", ".ruff_cache", ".mypy_cache"}


class GenerationError(Exception):
    """The generator failed or warned; its output is in the message."""


def generate(spec: Path, config: Path, output: Path) -> None:
    """Run openapi-python-client into `output` (which must not exist), failing on any warning.

    Without `--fail-on-warning` the generator silently leaves out an endpoint or a response it cannot parse.
    """
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    command = [
        str(bin_dir / "openapi-python-client"),
        "generate",
        "--path",
        str(spec),
        "--config",
        str(config),
        "--output-path",
        str(output),
        "--meta",
        "none",
        "--custom-template-path",
        str(TEMPLATES),
        "--fail-on-warning",
    ]
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise GenerationError(
            f"openapi-python-client failed (exit {result.returncode}):\n{result.stdout}{result.stderr}"
        )
    # With `--meta none` the generator writes no py.typed; the package is typed, so the pipeline adds it.
    (output / "py.typed").write_text("")
    # The constraints of each request, which the generator does not keep, for the SDK to check arguments with; and
    # the schema of each webhook's body, which it does not read at all, for the SDK to check deliveries with.
    write_request_schemas(spec, output)
    write_webhook_schemas(spec, output)


# --- the constraints of each request ---------------------------------------------------------------------------
# `pilotstatus_api/request_schemas.py`: the constraints `openapi.json` states on each operation's request.
#
# The generator turns schemas into attrs models but keeps none of their constraints (patterns, enums of a request,
# lengths, formats). The SDK checks its arguments against them before sending anything, so that bad input gets a
# clear error naming the argument; it reads them from this module, written from the spec by `tools/generate.py`
# beside the generated code, so that every rule has one home: `openapi.json`.
#
# For each operation, under the name of its generated module (its operationId in snake case, as the generator names
# it): its operationId, its path and query parameters (name, whether required, schema) and its body's schema, with
# every `$ref` resolved, only the keywords that constrain a value kept (`VALIDATION_KEYWORDS`), and every open enum
# closed (`_closed_enum`).

# What constrains a value; descriptions and examples are left out. The SDK's checker supports exactly these, and a
# test fails if the spec uses another one in a request.
VALIDATION_KEYWORDS = frozenset(
    {
        "type",
        "enum",
        "pattern",
        "format",
        "minLength",
        "maxLength",
        "minimum",
        "maximum",
        "minItems",
        "maxItems",
        "required",
        "properties",
        "items",
        "anyOf",
        "allOf",
        "not",
    }
)
HTTP_METHODS = ("get", "put", "post", "delete", "patch")
# A webhook's body schema also uses `const` (`"event": {"const": "call.permission_updated"}`), which no request does.
WEBHOOK_KEYWORDS = VALIDATION_KEYWORDS | {"const"}

REQUEST_SCHEMAS_HEADER = '''"""The constraints `openapi.json` states on each request, checked before sending it.

Written by `tools/generate.py` from `openapi.json`; do not edit.
"""

from typing import Any

REQUEST_SCHEMAS: dict[str, dict[str, Any]] = '''


def _closed_enum(members: list[Any]) -> dict[str, Any] | None:
    """Of the (resolved) members of an `anyOf`, the enum of the open-enum idiom, `anyOf: [{$ref: SomeEnum}, {type:
    string}]`; None for any other `anyOf`.

    A request is checked against the enum alone: the spec's enums are closed on write, even where they are open on
    read. The idiom is there so that a response may carry a value the server adds later without breaking a read; a
    request is written by the caller, who can only mean one of the values the spec knows. Sent as it is, a value
    outside them (`call_hours.status="MAYBE"`, `day_of_week="FUNDAY"`) is a typo the server may store as such, and
    that the SDK reads back as drift from the spec. Closed here, in the writer, because the spec cannot say it: the
    same component (`CallHours`) describes what is read and what is written. Not in the checker, which applies JSON
    Schema as it is (a test proves it agrees with a validator on these schemas): the rule stays visible in the
    generated file."""
    if len(members) != 2 or {"type": "string"} not in members:
        return None
    enums = [member for member in members if "enum" in member]
    return enums[0] if len(enums) == 1 else None


def _resolve(
    spec: dict[str, Any], node: Any, keywords: frozenset[str] = VALIDATION_KEYWORDS, *, close_enums: bool = True
) -> Any:
    """`node` with every `$ref` replaced by its target, recursively, and only `keywords` kept in schemas; with
    `close_enums` (a request's constraints), every open enum closed (`_closed_enum`). A webhook's schema keeps its
    enums open: what the server sends may hold a value added later, as a response may."""
    if isinstance(node, list):
        return [_resolve(spec, item, keywords, close_enums=close_enums) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        target: Any = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        return _resolve(spec, target, keywords, close_enums=close_enums)
    schema: dict[str, Any] = {}
    for key, value in node.items():
        if key not in keywords:
            continue
        if key == "properties":
            schema[key] = {
                name: _resolve(spec, prop, keywords, close_enums=close_enums) for name, prop in value.items()
            }
        elif key in ("items", "not"):
            schema[key] = _resolve(spec, value, keywords, close_enums=close_enums)
        elif key in ("anyOf", "allOf"):
            schema[key] = [_resolve(spec, member, keywords, close_enums=close_enums) for member in value]
        else:
            schema[key] = value
    closed = _closed_enum(schema["anyOf"]) if close_enums and "anyOf" in schema else None
    if closed is not None:
        del schema["anyOf"]
        if schema:  # beside other keywords: the enum as the one member, which says the same
            schema["anyOf"] = [closed]
        else:
            schema = closed
    return schema


def module_name(operation_id: str) -> str:
    """The name the generator gives the module of an operation."""
    return str(PythonIdentifier(operation_id, prefix="field_"))


def request_schemas(spec: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """For each operation (by module name): `operation_id`, `path` and `query` (lists of {name, required, schema})
    and `body` (a schema or None)."""
    found: dict[str, dict[str, Any]] = {}
    for item in spec.get("paths", {}).values():
        for method in HTTP_METHODS:
            if method not in item:
                continue
            operation = item[method]
            parameters = [*item.get("parameters", []), *operation.get("parameters", [])]
            entry: dict[str, Any] = {"operation_id": operation["operationId"], "path": [], "query": []}
            for parameter in parameters:
                if parameter["in"] in entry:
                    entry[parameter["in"]].append(
                        {
                            "name": parameter["name"],
                            "required": bool(parameter.get("required", False)),
                            "schema": _resolve(spec, parameter.get("schema", {})),
                        }
                    )
            body = operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
            entry["body"] = None if body is None else _resolve(spec, body)
            found[module_name(operation["operationId"])] = entry
    return dict(sorted(found.items()))


def write_request_schemas(spec_path: Path, package: Path) -> None:
    """Write `request_schemas.py` into the generated `package`, formatted as the generator's post-hooks format."""
    spec = json.loads(spec_path.read_text(encoding="utf-8"))
    _write_module(package / "request_schemas.py", REQUEST_SCHEMAS_HEADER, request_schemas(spec))


# --- the schema of each webhook's body -------------------------------------------------------------------------
# `pilotstatus_api/webhook_schemas.py`: for each event of the spec's OpenAPI 3.1 `webhooks` section (by its name, as
# the body's `event` holds it), the schema of the body it POSTs, with every `$ref` resolved and only the keywords that
# constrain a value kept (`WEBHOOK_KEYWORDS`). The generator reads no `webhooks` section, so without this module a
# delivery would be checked by nothing but the models' `from_dict()`, which converts and never checks. The SDK's
# `pilotstatus.webhooks` checks each known event against it, so an event added to the spec is checked as soon as it
# is generated.

WEBHOOK_SCHEMAS_HEADER = '''"""The schema `openapi.json` gives the body of each webhook, checked as a delivery is read.

Written by `tools/generate.py` from `openapi.json`; do not edit.
"""

from typing import Any

WEBHOOK_SCHEMAS: dict[str, dict[str, Any]] = '''


def webhook_schemas(spec: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """For each webhook (by event name), the resolved schema of the JSON body it POSTs."""
    found: dict[str, dict[str, Any]] = {}
    for name, item in spec.get("webhooks", {}).items():
        body = item.get("post", {}).get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
        if body is not None:
            found[name] = _resolve(spec, body, WEBHOOK_KEYWORDS, close_enums=False)
    return dict(sorted(found.items()))


def write_webhook_schemas(spec_path: Path, package: Path) -> None:
    """Write `webhook_schemas.py` into the generated `package`, formatted as `request_schemas.py` is."""
    spec = json.loads(spec_path.read_text(encoding="utf-8"))
    _write_module(package / "webhook_schemas.py", WEBHOOK_SCHEMAS_HEADER, webhook_schemas(spec))


def _write_module(target: Path, header: str, value: dict[str, Any]) -> None:
    """Write `header` and `value`'s repr into `target`, formatted as the generator's post-hooks format."""
    target.write_text(header + pprint.pformat(value, sort_dicts=False) + "\n", encoding="utf-8")
    ruff = Path(sys.executable).parent / "ruff"
    command = [str(ruff), "format", "--isolated", "--no-cache", "--line-length", "120", "--quiet", str(target)]
    subprocess.run(command, check=True)


def files_below(folder: Path) -> Iterator[Path]:
    """Every file below `folder`, relative to it, skipping caches."""
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if path.is_file() and not IGNORED.intersection(relative.parts) and path.suffix != ".pyc":
            yield relative


def read(folder: Path, relative: Path, present: set[Path]) -> bytes:
    return (folder / relative).read_bytes() if relative in present else b""


def lines(content: bytes) -> list[str]:
    return content.decode("utf-8", errors="replace").splitlines(keepends=True)


def differences(expected: Path, actual: Path) -> list[str]:
    """Unified diffs (and missing or extra files) that turn `actual` into `expected`, compared byte for byte."""
    expected_files = set(files_below(expected)) if expected.is_dir() else set()
    actual_files = set(files_below(actual)) if actual.is_dir() else set()
    report: list[str] = []
    for relative in sorted(expected_files | actual_files):
        before, after = read(actual, relative, actual_files), read(expected, relative, expected_files)
        if before != after:
            label = f"{actual.name}/{relative}"
            diff = list(
                difflib.unified_diff(lines(before), lines(after), f"committed: {label}", f"regenerated: {label}")
            )
            report.extend(diff or [f"{label}: the bytes differ (line endings or encoding)\n"])
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", type=Path, default=ROOT / "openapi.json")
    parser.add_argument("--config", type=Path, default=ROOT / "generator-config.yaml")
    parser.add_argument("--target", type=Path, default=ROOT / "generated" / PACKAGE)
    parser.add_argument("--check", action="store_true", help="compare with --target instead of replacing it")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="pilotstatus-generate-") as scratch:
        fresh = Path(scratch) / PACKAGE
        try:
            generate(args.spec.resolve(), args.config.resolve(), fresh)
        except GenerationError as error:
            print(error, file=sys.stderr)
            return 1
        if args.check:
            report = differences(expected=fresh, actual=args.target)
            if report:
                sys.stdout.writelines(report)
                print(
                    f"\n{args.target} does not match {args.spec.name}: run `make generate` and commit both.",
                    file=sys.stderr,
                )
                return 1
            print(f"{args.target} matches {args.spec.name}.")
            return 0
        if args.target.exists():
            shutil.rmtree(args.target)
        args.target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(fresh, args.target)
        print(f"Regenerated {args.target} from {args.spec.name}.")
        return 0


if __name__ == "__main__":
    sys.exit(main())
