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
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from openapi_python_client.strings import PythonIdentifier, snake_case

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
    write_catalogue(spec, output)
    write_json_keys(spec, config, output)


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
        return _resolve(spec, _deref(spec, node), keywords, close_enums=close_enums)
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


def _deref(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """`node`, or what its `$ref` points at (a shared parameter or response of `components`)."""
    while "$ref" in node:
        target: Any = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def module_name(operation_id: str) -> str:
    """The name the generator gives the module of an operation."""
    return str(PythonIdentifier(operation_id, prefix="field_"))


def request_schemas(spec: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """For each operation (by module name): `operation_id`, `path` and `query` (lists of {name, required, schema},
    and the SDK's `argument` name where `x-pilotstatus/arguments` gives one) and `body` (a schema or None)."""
    found: dict[str, dict[str, Any]] = {}
    for item in spec.get("paths", {}).values():
        for method in HTTP_METHODS:
            if method not in item:
                continue
            operation = item[method]
            parameters = [*item.get("parameters", []), *operation.get("parameters", [])]
            entry: dict[str, Any] = {"operation_id": operation["operationId"], "path": [], "query": []}
            renamed = operation.get("x-pilotstatus", {}).get("arguments", {})
            for parameter in (_deref(spec, node) for node in parameters):
                if parameter["in"] in entry:
                    entry[parameter["in"]].append(
                        {
                            "name": parameter["name"],
                            "required": bool(parameter.get("required", False)),
                            "schema": _resolve(spec, parameter.get("schema", {})),
                            # The SDK's name for it, where x-pilotstatus/arguments gives one: what a refusal names.
                            **({"argument": renamed[parameter["name"]]} if parameter["name"] in renamed else {}),
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


# --- the catalogue: one row per operation ------------------------------------------------------------------------
# `pilotstatus_api/catalogue.py`: every operation of the spec with the traits its `x-pilotstatus` object states (see
# `spec/x-pilotstatus.schema.json`) and what the generator made of it (its module, its 2xx model). Every list of
# operations in the project (the SDK's resources, the sandbox's routes and pipeline, the tests' tables) is read from
# it, so that an operation added to the spec is known everywhere at once.

CATALOGUE_HEADER = '''"""Every operation of `openapi.json` and its traits: the one list of operations the project reads.

Written by `tools/generate.py` from `openapi.json` (each operation's `x-pilotstatus` object); do not edit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Scope = Literal["number", "tenant", "any", "none"]
Idempotency = Literal["none", "optional", "required"]


@dataclass(frozen=True)
class Entry:
    """One operation, and the traits its `x-pilotstatus` object states."""

    operation_id: str
    """As `openapi.json` spells it (`post_calls_callId_accept`)."""
    module: str
    """The generated module under `pilotstatus_api.api.<area>` (`post_calls_call_id_accept`)."""
    area: str
    """The API area, from the operation's first tag in snake case (`calls`): its package in the sandbox."""
    http_method: str
    path: str
    sdk_method: str | None
    """Where the SDK exposes it, from the client (`calls.settings.retrieve`); None when it does not."""
    scope: Scope
    """Which keys may call it: `number` (a number key, or a tenant key naming the number in `x-whatsapp-number-id`),
    `tenant`, `any`, or `none`."""
    providers: tuple[str, ...] | None
    """The kinds of number that serve it; None: all of them."""
    idempotency: Idempotency
    """Whether it honours an `Idempotency-Key`: `none`, `optional` or `required`."""
    body_limit: int | None
    """The most bytes its request body may hold, where that is not the default."""
    path_parameters: tuple[str, ...]
    """Its path parameters, as the spec names them, in the path's order."""
    query_parameters: tuple[str, ...]
    number_header: bool
    """Whether it takes `x-whatsapp-number-id`."""
    body: str | None
    """The schema (component name) of its JSON request body, if it takes one."""
    body_required: bool
    success_status: int
    model: str | None
    """The component schema its 2xx body parses into (`CallActionResult`), or each item of it when the body is an
    array, as the generated model's class is named; None when it is none, or a union of models (`anyOf`: the
    generator makes no class of it, and the body parses into one of its members)."""
    model_module: str | None
    """That model's module under `pilotstatus_api.models` (`call_action_result`)."""
    returns: Literal["object", "list"]
    """`list` when the 2xx body is a bare array of `model`, `object` when it is one (a page of a paginated list, an
    envelope, a `CallList`, is an object)."""
    pagination: str | None
    """How a list is paged, when it is (`cursor`, `page`)."""
    handwritten: bool
    """Its SDK method is written by hand (behaviour the generator cannot give), not generated."""
    hide: tuple[str, ...]
    """Request properties and parameters the SDK method does not expose: left out of the request, so that the API's
    default applies."""
    flags: tuple[str, ...]
    """Query parameters the SDK takes as `bool` (sent as their one value when True, left out when False)."""
    arguments: tuple[tuple[str, str], ...]
    """The API's name and the SDK argument's, for each argument not named by the API's name in snake case
    (`("id", "template_id")`)."""
    unwrap: str | None
    """The property of the 2xx body the SDK method returns, when the body is an envelope."""
    has_example: bool
    """Whether its 2xx response has an example (what the sandbox answers an operation with no handler)."""


'''


def _component_name(spec: dict[str, Any], node: dict[str, Any] | None) -> str | None:
    """The component schema `node` refers to (`CallList`), or None."""
    ref = (node or {}).get("$ref", "")
    return ref.rsplit("/", 1)[1] if ref.startswith("#/components/schemas/") else None


def _is_union(schema: dict[str, Any]) -> bool:
    """Whether a component schema is a union (`anyOf`/`oneOf` and no properties of its own), of which the generator
    makes no class."""
    return ("anyOf" in schema or "oneOf" in schema) and "properties" not in schema


TRAITS_SCHEMA = ROOT / "spec" / "x-pilotstatus.schema.json"


def trait_problems(spec: dict[str, Any]) -> list[str]:
    """What is wrong with the operations' `x-pilotstatus` objects, checked against `spec/x-pilotstatus.schema.json`:
    one line per problem, naming the operation. Every operation must have one: a trait left out would be a guess."""
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(json.loads(TRAITS_SCHEMA.read_text(encoding="utf-8")))
    problems = []
    methods: dict[str, str] = {}
    for item in spec.get("paths", {}).values():
        for method in HTTP_METHODS:
            if method not in item:
                continue
            operation = item[method]
            name = operation.get("operationId", f"{method.upper()} operation")
            if "x-pilotstatus" not in operation:
                problems.append(f"{name}: no x-pilotstatus object (its traits: {TRAITS_SCHEMA.name})")
                continue
            traits = operation["x-pilotstatus"]
            for error in validator.iter_errors(traits):
                where = "/".join(str(part) for part in error.absolute_path)
                problems.append(f"{name}: x-pilotstatus{'/' + where if where else ''}: {error.message}")
            if isinstance(traits, dict):
                problems += _argument_problems(spec, name, item, operation, traits)
            sdk_method = traits.get("method") if isinstance(traits, dict) else None
            if isinstance(sdk_method, str):
                if sdk_method in methods:
                    problems.append(f"{name}: x-pilotstatus/method {sdk_method!r} is {methods[sdk_method]}'s too")
                methods[sdk_method] = name
    return problems


def _argument_problems(
    spec: dict[str, Any], name: str, item: dict[str, Any], operation: dict[str, Any], traits: dict[str, Any]
) -> list[str]:
    """`hide` and `flags` naming what the operation does not take: a typo there would change the SDK's method (an
    argument exposed, or typed otherwise) with nothing to say so."""
    parameters = [_deref(spec, node) for node in [*item.get("parameters", []), *operation.get("parameters", [])]]
    body = _deref(spec, operation.get("requestBody") or {})
    schema = _deref(spec, body.get("content", {}).get("application/json", {}).get("schema") or {})
    takes = {parameter["name"] for parameter in parameters} | set(schema.get("properties", {}))
    query = {parameter["name"] for parameter in parameters if parameter["in"] == "query"}
    problems = [
        f"{name}: x-pilotstatus/hide names {hidden!r}, which is no parameter or body property of the operation"
        for hidden in traits.get("hide", [])
        if isinstance(hidden, str) and hidden not in takes
    ]
    problems += [
        f"{name}: x-pilotstatus/flags names {flag!r}, which is no query parameter of the operation"
        for flag in traits.get("flags", [])
        if isinstance(flag, str) and flag not in query
    ]
    renamed = traits.get("arguments", {})
    if isinstance(renamed, dict):
        named = {parameter["name"] for parameter in parameters if parameter["in"] in ("path", "query")}
        problems += [
            f"{name}: x-pilotstatus/arguments names {api_name!r}, which is no path or query parameter of the operation"
            for api_name in renamed
            if api_name not in named
        ]
        kept = {snake_case(api_name) for api_name in takes - set(renamed)}
        problems += [
            f"{name}: x-pilotstatus/arguments names {argument!r} twice, or an argument the operation already has"
            for argument, count in Counter(renamed.values()).items()
            if isinstance(argument, str) and (count > 1 or argument in kept)
        ]
    return problems


def catalogue(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """The catalogue's rows, in the spec's order of paths and methods."""
    from openapi_python_client.strings import ClassName

    problems = trait_problems(spec)
    if problems:
        raise GenerationError("The operations' traits are not valid:\n" + "\n".join(problems))

    rows: list[dict[str, Any]] = []
    for path, item in spec.get("paths", {}).items():
        for method in HTTP_METHODS:
            if method not in item:
                continue
            operation = item[method]
            traits = operation.get("x-pilotstatus", {})
            parameters = [
                _deref(spec, node) for node in [*item.get("parameters", []), *operation.get("parameters", [])]
            ]
            body = operation.get("requestBody")
            body = _deref(spec, body) if body else None
            body_schema = (body or {}).get("content", {}).get("application/json", {}).get("schema")
            status, success = next(
                (code, _deref(spec, response))
                for code, response in operation["responses"].items()
                if code.startswith("2")
            )
            media = success.get("content", {}).get("application/json", {})
            schema = media.get("schema") or {}
            returns = "list" if schema.get("type") == "array" else "object"
            model = _component_name(spec, schema.get("items") if returns == "list" else schema)
            if model is not None and _is_union(spec["components"]["schemas"][model]):
                model = None
            class_name = (
                None if model is None else str(ClassName(spec["components"]["schemas"][model].get("title", model), ""))
            )
            tags = operation.get("tags") or ["default"]
            rows.append(
                {
                    "operation_id": operation["operationId"],
                    "module": module_name(operation["operationId"]),
                    "area": snake_case(tags[0]),
                    "http_method": method.upper(),
                    "path": path,
                    "sdk_method": traits.get("method"),
                    "scope": traits["scope"],
                    "providers": None if "providers" not in traits else tuple(traits["providers"]),
                    "idempotency": traits["idempotency"],
                    "body_limit": traits.get("bodyLimit"),
                    "path_parameters": tuple(p["name"] for p in parameters if p["in"] == "path"),
                    "query_parameters": tuple(p["name"] for p in parameters if p["in"] == "query"),
                    "number_header": any(
                        p["in"] == "header" and p["name"].lower() == "x-whatsapp-number-id" for p in parameters
                    ),
                    "body": _component_name(spec, body_schema),
                    "body_required": bool((body or {}).get("required", False)),
                    "success_status": int(status.replace("XX", "00")),
                    "model": class_name,
                    "model_module": None if class_name is None else snake_case(class_name),
                    "returns": returns,
                    "pagination": traits.get("pagination"),
                    "handwritten": bool(traits.get("handwritten", False)),
                    "hide": tuple(traits.get("hide", ())),
                    "flags": tuple(traits.get("flags", ())),
                    "arguments": tuple(traits.get("arguments", {}).items()),
                    "unwrap": traits.get("unwrap"),
                    "has_example": "example" in media or bool(media.get("examples")),
                }
            )
    return rows


def write_catalogue(spec_path: Path, package: Path) -> None:
    """Write `catalogue.py` into the generated `package`: `OPERATIONS`, a tuple of `Entry`, in the spec's order."""
    spec = json.loads(spec_path.read_text(encoding="utf-8"))
    entries = "".join(
        "    Entry(" + ", ".join(f"{key}={value!r}" for key, value in row.items()) + "),\n" for row in catalogue(spec)
    )
    target = package / "catalogue.py"
    target.write_text(
        CATALOGUE_HEADER
        + f"OPERATIONS: tuple[Entry, ...] = (\n{entries})\n"
        + '''"""Every operation, in the spec's order."""

BY_ID: dict[str, Entry] = {entry.operation_id: entry for entry in OPERATIONS}
"""Each operation by its operationId."""

BY_MODULE: dict[str, Entry] = {entry.module: entry for entry in OPERATIONS}
"""Each operation by the name of its generated module."""

BY_SDK_METHOD: dict[str, Entry] = {entry.sdk_method: entry for entry in OPERATIONS if entry.sdk_method is not None}
"""Each operation the SDK exposes, by its SDK name (`calls.settings.retrieve`)."""
''',
        encoding="utf-8",
    )
    ruff = Path(sys.executable).parent / "ruff"
    command = [str(ruff), "format", "--isolated", "--no-cache", "--line-length", "120", "--quiet", str(target)]
    subprocess.run(command, check=True)


# --- the JSON key of each attribute -----------------------------------------------------------------------------
# `pilotstatus_api/json_keys.py`: for each model class, the JSON key of each attribute whose Python name is not that
# key (`meta_status` for `metaStatus`), as openapi-python-client names classes and attributes (it is asked, not
# imitated). A generated model writes its keys only inside `to_dict()`, where no program can read them; the SDK's drift
# warnings name a field by the key the API sends, so they read them here.

JSON_KEYS_HEADER = '''"""Each model's attributes not named as their JSON keys, with the key: {class: {attribute: key}}.

Written by `tools/generate.py` from `openapi.json`; do not edit.
"""

JSON_KEYS: dict[str, dict[str, str]] = '''


def json_keys(spec: dict[str, Any], config_path: Path) -> dict[str, dict[str, str]]:
    """{class: {attribute: JSON key}} of every model the generator makes of `spec`, where the two names differ."""
    from openapi_python_client.config import Config, ConfigFile, MetaType
    from openapi_python_client.parser import GeneratorData
    from openapi_python_client.schema.untrusted_string import UntrustedString

    config = Config.from_sources(
        ConfigFile.load_from_path(config_path), MetaType.NONE, config_path, "utf-8", False, None
    )
    data = GeneratorData.from_dict(spec, config=config)
    if not isinstance(data, GeneratorData):
        raise GenerationError(f"openapi-python-client could not read the spec: {data.header}: {data.detail}")
    found: dict[str, dict[str, str]] = {}
    for model in sorted(data.models, key=lambda model: str(model.class_info.name)):
        keys = {}
        for prop in [*(model.required_properties or ()), *(model.optional_properties or ())]:
            key = prop.name.get_untrusted_value() if isinstance(prop.name, UntrustedString) else str(prop.name)
            if prop.python_name != key:
                keys[str(prop.python_name)] = key
        if keys:
            found[str(model.class_info.name)] = keys
    return found


def write_json_keys(spec_path: Path, config_path: Path, package: Path) -> None:
    """Write `json_keys.py` into the generated `package`, formatted as `request_schemas.py` is."""
    spec = json.loads(spec_path.read_text(encoding="utf-8"))
    _write_module(package / "json_keys.py", JSON_KEYS_HEADER, json_keys(spec, config_path))


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


# --- files of the project outside the package ----------------------------------------------------------------------
# Some derived files live outside `generated/` (the SDK's resource classes in `wrapper/`, `api.md`, the sandbox's table
# in the README). Each `ProjectWriter` writes its files into a scratch copy of the project's layout, and they are
# compared with, or copied over, the project's own exactly as the package is: `make generate` and `make check-generated`
# cover them too. A folder in `GENERATED_FOLDERS` is replaced whole, so that a file no longer derived is removed.

ProjectWriter = Callable[[dict[str, Any], Path], None]
"""Writes derived files, given the spec and the scratch project root to write them under (at their project paths)."""

PROJECT_WRITERS: list[ProjectWriter] = []
"""Every writer of files outside the package, in the order they run."""

GENERATED_FOLDERS: list[str] = []
"""Folders of the project (relative to its root) that hold nothing but derived files."""

# The writers live in modules of their own; run as a script, `tools` is importable only from the checkout's root.
sys.path.insert(0, str(ROOT))
from tools import generate_sdk  # noqa: E402  (the SDK's resources, registry, exports and api.md)
from tools.generate_sandbox_docs import write_sandbox_docs  # noqa: E402 (the README's table of the sandbox)

generate_sdk.register(globals())
PROJECT_WRITERS.append(write_sandbox_docs)


def write_project_files(spec_path: Path, scratch: Path) -> None:
    """Run every `PROJECT_WRITERS` into `scratch` (a folder mirroring the project's layout)."""
    spec = json.loads(spec_path.read_text(encoding="utf-8"))
    for writer in PROJECT_WRITERS:
        writer(spec, scratch)


def project_differences(scratch: Path, project: Path) -> list[str]:
    """Unified diffs that turn the project's derived files into what `scratch` holds."""
    report: list[str] = []
    for folder in GENERATED_FOLDERS:
        report.extend(differences(expected=scratch / folder, actual=project / folder))
    in_folders = {Path(folder) for folder in GENERATED_FOLDERS}
    for relative in files_below(scratch):
        if any(relative.is_relative_to(folder) for folder in in_folders):
            continue
        before = (project / relative).read_bytes() if (project / relative).is_file() else b""
        after = (scratch / relative).read_bytes()
        if before != after:
            label = str(relative)
            diff = list(
                difflib.unified_diff(lines(before), lines(after), f"committed: {label}", f"regenerated: {label}")
            )
            report.extend(diff or [f"{label}: the bytes differ (line endings or encoding)\n"])
    return report


def install_project_files(scratch: Path, project: Path) -> None:
    """Copy what `scratch` holds over the project's files (each folder of `GENERATED_FOLDERS` replaced whole)."""
    for folder in GENERATED_FOLDERS:
        if (project / folder).exists():
            shutil.rmtree(project / folder)
    for relative in files_below(scratch):
        (project / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(scratch / relative, project / relative)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", type=Path, default=ROOT / "openapi.json")
    parser.add_argument("--config", type=Path, default=ROOT / "generator-config.yaml")
    parser.add_argument("--target", type=Path, default=ROOT / "generated" / PACKAGE)
    parser.add_argument("--check", action="store_true", help="compare with --target instead of replacing it")
    parser.add_argument(
        "--project",
        type=Path,
        default=None,
        help="the project whose files outside the package are derived too (default: this project, when --target is"
        " its own package; none otherwise)",
    )
    args = parser.parse_args(argv)
    default_target = (ROOT / "generated" / PACKAGE).resolve()
    project = args.project or (ROOT if args.target.resolve() == default_target else None)

    with tempfile.TemporaryDirectory(prefix="pilotstatus-generate-") as scratch:
        fresh = Path(scratch) / PACKAGE
        scratch_project = Path(scratch) / "project"
        scratch_project.mkdir()
        try:
            generate(args.spec.resolve(), args.config.resolve(), fresh)
            if project is not None:
                write_project_files(args.spec.resolve(), scratch_project)
        except GenerationError as error:
            print(error, file=sys.stderr)
            return 1
        if args.check:
            report = differences(expected=fresh, actual=args.target)
            if project is not None:
                report += project_differences(scratch_project, project)
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
        if project is not None:
            install_project_files(scratch_project, project)
        print(f"Regenerated {args.target} from {args.spec.name}.")
        return 0


if __name__ == "__main__":
    sys.exit(main())
