"""The SDK's per-operation code, written from the catalogue: a `ProjectWriter` of `tools/generate.py`.

`make generate` writes, from each operation's row of the catalogue (its `x-pilotstatus` traits) and its text in
`openapi.json`:

- `wrapper/pilotstatus/resources/_generated/`: one module per resource (`calls`, `calls.settings`, ...), each with a
  sync and an async class. A method is one line over an `Operation`: its path parameters positional, everything
  else keyword-only and named by the API's names in snake case, its docstring from the operation's summary,
  description and arguments. The methods the catalogue marks `handwritten` are not written: they come from a
  hand-written base class (`<Class>Mixin` and `Async<Class>Mixin` in `resources/_handwritten/<module>.py`), which
  the generated class extends. Sub-resources are attributes (`calls.settings`), created on first use.
- `wrapper/pilotstatus/_registry.py`: the clients' top-level resources (`client.calls`), each loaded on first use.
- `wrapper/pilotstatus/_exports.py`: the models `pilotstatus` exports (`pilotstatus.Call`), loaded on first use.
- `api.md`: every resource, method, argument and return type on one page.

A resource's class is named from its path, each segment but the last in the singular: `calls` is `Calls`,
`calls.settings` is `CallSettings`; its module is that name in snake case (`call_settings`).
"""

from __future__ import annotations

import ast
import keyword
import re
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from openapi_python_client.strings import ClassName, PythonIdentifier, snake_case

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = Path("wrapper/pilotstatus")
RESOURCES = PACKAGE / "resources" / "_generated"
HANDWRITTEN = PACKAGE / "resources" / "_handwritten"
REGISTRY = PACKAGE / "_registry.py"
EXPORTS = PACKAGE / "_exports.py"
API_MD = Path("api.md")
HEADER = "Written by tools/generate.py from openapi.json; do not edit."
WIDTH = 120


def register(namespace: dict[str, Any]) -> None:
    """Add the SDK's writer and its generated folder to `tools/generate.py`, given its globals (so that its
    `catalogue()` and `GenerationError` are those of the running script, however it was loaded)."""
    generate = ModuleType("generate")
    vars(generate).update(namespace)
    namespace["PROJECT_WRITERS"].append(lambda spec, scratch: write_sdk(generate, spec, scratch))
    namespace["GENERATED_FOLDERS"].append(str(RESOURCES))


# --- the resources, from the catalogue ------------------------------------------------------------------------------


@dataclass
class Argument:
    """One argument of a generated method, and where its value goes in the request."""

    name: str
    """As the method takes it: the API's name in snake case (`media_url`, `list`), or the name
    `x-pilotstatus/arguments` gives it (`template_id` for `id`)."""
    api_name: str
    annotation: str
    default: str | None
    """Its default, as Python source; None: it has none (required)."""
    where: str
    """`path`, `query`, `flag` (a query parameter taken as a `bool`), `body` (a property of the request body) or
    `key` (`idempotency_key`, the `Idempotency-Key` of an operation that honours one)."""
    target: str
    """Its name in the generated code: the generated function's keyword (query), or the body model's field."""
    description: str
    on: str = ""
    """A flag's one value (`1`)."""

    def source(self) -> str:
        text = f"{self.name}: {self.annotation}"
        return text if self.default is None else f"{text} = {self.default}"


@dataclass
class Paging:
    """How a list paged by number (`pagination: page`) is fetched and walked: the `NumberedList` of its method."""

    items: str
    """The envelope's attribute that holds the items (`messages`)."""
    item: str
    """The items' type (`HistoryMessage`)."""
    dates: tuple[str, str] | None
    """The API's names of its date bounds (`startDate`, `endDate`), or None: it has none."""
    order: str | None
    """The items' attribute the list is newest first by (its `x-pilotstatus` `order.by`), where it has date bounds."""
    moves: bool
    """Whether an item's value of it changes (`order.moves`: a conversation that gets a message goes to the top)."""

    @staticmethod
    def walk_name(method: str) -> str:
        """The walk beside the one-page method `method`: `iter()` beside `list()`, else `iter_<method>()`."""
        return "iter" if method == "list" else f"iter_{method}"


@dataclass
class Method:
    """One generated method: an operation of a resource."""

    name: str
    row: dict[str, Any]
    operation: dict[str, Any]
    arguments: list[Argument]
    returns: str
    parse: str
    body_model: str | None
    imports: set[tuple[str, str]]
    paging: Paging | None = None
    """For a list paged by number: how; the method returns one page, and a walk (`walk`) goes with it."""

    @property
    def constant(self) -> str:
        return self.name.upper()

    @property
    def walk(self) -> str | None:
        """The name of the walk that goes with a one-page method, or None."""
        return None if self.paging is None else Paging.walk_name(self.name)


@dataclass
class Resource:
    """A resource (`calls`, `calls.settings`): its generated methods, its hand-written ones, its sub-resources."""

    path: str
    description: str = ""
    methods: list[Method] = field(default_factory=list)
    handwritten: list[str] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)
    children: list[Resource] = field(default_factory=list)

    @property
    def class_name(self) -> str:
        *parents, last = self.path.split(".")
        return str(ClassName("_".join([*(part.removesuffix("s") for part in parents), last]), ""))

    @property
    def module(self) -> str:
        return snake_case(self.class_name)

    @property
    def attribute(self) -> str:
        return self.path.rsplit(".", 1)[-1]

    @property
    def mixin(self) -> str | None:
        return f"{self.class_name}Mixin" if self.handwritten else None


def _ref_target(spec: dict[str, Any], schema: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
    ref = schema.get("$ref", "")
    if not ref.startswith("#/components/schemas/"):
        return None
    name = ref.rsplit("/", 1)[1]
    return name, spec["components"]["schemas"][name]


def _union_members(spec: dict[str, Any], schema: dict[str, Any]) -> list[str] | None:
    """The component schemas a union component (`anyOf`/`oneOf` of `$ref`s, and nothing else to read) is one of, in
    its order; None for any other schema. The generator makes no class of a union: a body of it is one of its
    members."""
    members = schema.get("anyOf", schema.get("oneOf"))
    if members is None or "properties" in schema:
        return None
    targets = [_ref_target(spec, member) for member in members]
    return None if None in targets else [target[0] for target in targets if target is not None]


def _model(spec: dict[str, Any], name: str) -> tuple[str, str]:
    """The generated class of component schema `name`, and its module."""
    class_name = str(ClassName(spec["components"]["schemas"][name].get("title", name), ""))
    return class_name, f"pilotstatus_api.models.{snake_case(class_name)}"


def annotation(spec: dict[str, Any], schema: dict[str, Any], owner: str, imports: set[tuple[str, str]]) -> str:
    """The Python type the generated code gives `schema` (a property of `owner`, named as the generator names an
    inline enum or object: `CallingSettingsUpdateStatus`), adding what it names to `imports`."""
    target = _ref_target(spec, schema)
    members = None if target is None else _union_members(spec, target[1])
    if members is not None:  # a union component: one of its members
        return " | ".join(
            annotation(spec, {"$ref": f"#/components/schemas/{member}"}, owner, imports) for member in members
        )
    if target is not None:
        class_name, module = _model(spec, target[0])
        imports.add((module, class_name))
        return class_name
    if "enum" in schema or schema.get("type") == "object":
        class_name = str(ClassName(owner, ""))
        imports.add((f"pilotstatus_api.models.{snake_case(class_name)}", class_name))
        return class_name
    for union in ("anyOf", "oneOf"):
        if union in schema:
            members = [annotation(spec, member, f"{owner}_type_{i}", imports) for i, member in enumerate(schema[union])]
            return " | ".join(dict.fromkeys(members))
    kind = schema.get("type")
    if kind == "array":
        return f"list[{annotation(spec, schema.get('items', {}), f'{owner}_item', imports)}]"
    if kind == "string" and schema.get("format") in ("date-time", "date"):
        imports.add(("datetime", ""))
        return "datetime.datetime" if schema["format"] == "date-time" else "datetime.date"
    simple = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}
    if kind in simple:
        return simple[kind]
    imports.add(("typing", "Any"))
    return "Any"


def _description(spec: dict[str, Any], node: dict[str, Any]) -> str:
    """The description of a parameter or a property: its own, its schema's, or its component's."""
    for candidate in (node, node.get("schema", {})):
        if candidate.get("description"):
            return str(candidate["description"])
        target = _ref_target(spec, candidate)
        if target is not None and target[1].get("description"):
            return str(target[1]["description"])
    return ""


def _argument_name(api_name: str, renamed: dict[str, str]) -> str:
    """The API's name in snake case, or the name `x-pilotstatus/arguments` gives it."""
    if api_name in renamed:
        return renamed[api_name]
    name = snake_case(api_name)
    return f"{name}_" if keyword.iskeyword(name) else name


def _deref(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node and not node["$ref"].startswith("#/components/schemas/"):
        target: Any = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def _operation(spec: dict[str, Any], row: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The operation of `row` in the spec, and its parameters (shared ones resolved)."""
    item = spec["paths"][row["path"]]
    operation = item[row["http_method"].lower()]
    parameters = [_deref(spec, node) for node in [*item.get("parameters", []), *operation.get("parameters", [])]]
    return operation, parameters


def method_of(spec: dict[str, Any], row: dict[str, Any], error: type[Exception]) -> Method:
    """The generated method of a catalogue row (one the SDK exposes, not hand-written)."""
    method_name = row["sdk_method"].rsplit(".", 1)[1]
    operation, parameters = _operation(spec, row)
    imports: set[tuple[str, str]] = {(f"pilotstatus_api.api.{row['area']}", row["module"])}
    arguments: list[Argument] = []
    hidden, renamed = set(row["hide"]), dict(row["arguments"])
    for parameter in parameters:
        where, api_name = parameter["in"], parameter["name"]
        if where not in ("path", "query") or api_name in hidden:
            continue
        schema = parameter.get("schema", {})
        name, target = _argument_name(api_name, renamed), str(PythonIdentifier(api_name, prefix=""))
        description = _description(spec, parameter)
        if api_name in row["flags"]:
            values = schema.get("enum", [])
            if len(values) != 1:
                raise error(f"{row['operation_id']}: the flag {api_name} must be an enum of one value")
            arguments.append(Argument(name, api_name, "bool", "False", "flag", target, description, values[0]))
            continue
        kind = annotation(spec, schema, f"{row['operation_id']}_{api_name}", imports)
        if where == "path":
            arguments.append(Argument(name, api_name, kind, None, "path", target, description))
        elif parameter.get("required", False):
            arguments.append(Argument(name, api_name, kind, None, "query", target, description))
        elif "default" in schema:
            arguments.append(Argument(name, api_name, kind, repr(schema["default"]), "query", target, description))
        else:
            arguments.append(Argument(name, api_name, f"{kind} | None", "None", "query", target, description))
    body_model = None
    if row["body"] is not None:
        body_model, module = _model(spec, row["body"])
        imports.add((module, body_model))
        body_schema = spec["components"]["schemas"][row["body"]]
        required = set(body_schema.get("required", []))
        for api_name, schema in body_schema.get("properties", {}).items():
            if api_name in hidden:
                if api_name in required:
                    raise error(f"{row['operation_id']}: {api_name} is required, so it cannot be hidden")
                continue
            kind = annotation(spec, schema, f"{body_model}_{api_name}", imports)
            target = str(PythonIdentifier(api_name, prefix="field_"))
            default = None if api_name in required else "None"
            kind = kind if api_name in required else f"{kind} | None"
            description = _description(spec, schema)
            name = _argument_name(api_name, {})  # x-pilotstatus/arguments names parameters only
            arguments.append(Argument(name, api_name, kind, default, "body", target, description))
    elif "requestBody" in operation:
        raise error(
            f"{row['operation_id']}: its request body is not a component schema; give it one, or mark its SDK"
            " method handwritten"
        )
    if row["idempotency"] != "none":
        if any(argument.name == KEY_ARGUMENT for argument in arguments):
            raise error(f"{row['operation_id']}: an argument is named {KEY_ARGUMENT}, the Idempotency-Key's")
        arguments.append(
            Argument(KEY_ARGUMENT, "Idempotency-Key", "str | None", "None", "key", KEY_ARGUMENT, KEY_DESCRIPTION)
        )
    arguments.sort(key=lambda argument: argument.where != "path")  # path parameters first, in the path's order
    returns, parse = _returns(spec, row, operation, imports, error)
    paging = None
    if row["pagination"] == "page":
        paging = _paging(spec, row, operation, arguments, imports, error)
        returns = f"NumberedPage[{paging.item}]"
    elif "order" in operation.get("x-pilotstatus", {}):
        raise error(f"{row['operation_id']}: x-pilotstatus/order is for a list paged by number (pagination: page)")
    return Method(method_name, row, operation, arguments, returns, parse, body_model, imports, paging)


def _all_properties(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """The properties of an object schema, those of the members of its `allOf` included (a `$ref` followed)."""
    found: dict[str, Any] = {}
    for member in schema.get("allOf", []):
        target = _ref_target(spec, member)
        found.update(_all_properties(spec, target[1] if target is not None else member))
    found.update(schema.get("properties", {}))
    return found


PAGE_PARAMETERS = ("page", "pageSize")
DATE_BOUNDS = ("startDate", "endDate")


def _paging(
    spec: dict[str, Any],
    row: dict[str, Any],
    operation: dict[str, Any],
    arguments: list[Argument],
    imports: set[tuple[str, str]],
    error: type,
) -> Paging:
    """How the list of `row` (`pagination: page`) is paged, from its envelope and its traits; its date bounds
    become arguments that take an ISO 8601 string too."""
    name = row["operation_id"]
    query = {argument.api_name: argument for argument in arguments if argument.where == "query"}
    if not set(PAGE_PARAMETERS) <= set(query):
        raise error(f"{name}: a list paged by number takes the query parameters {' and '.join(PAGE_PARAMETERS)}")
    response = _deref(spec, operation["responses"][str(row["success_status"])])
    target = _ref_target(spec, response.get("content", {}).get("application/json", {}).get("schema", {}))
    properties = target[1].get("properties", {}) if target is not None else {}
    arrays = [key for key, schema in properties.items() if schema.get("type") == "array"]
    counts = {"total", "page", "pageSize", "totalPages"}
    if target is None or len(arrays) != 1 or not counts <= set(properties):
        raise error(
            f"{name}: a page of a list paged by number is a component with one array of items and"
            f" {', '.join(sorted(counts))}"
        )
    items_schema = properties[arrays[0]].get("items", {})
    item = annotation(spec, items_schema, f"{target[0]}_{arrays[0]}_item", imports)
    order = operation.get("x-pilotstatus", {}).get("order")
    bounds = [bound for bound in DATE_BOUNDS if bound in query]
    if bounds and (len(bounds) != len(DATE_BOUNDS) or order is None):
        raise error(
            f"{name}: a list paged by number with date bounds takes both {' and '.join(DATE_BOUNDS)}, and its"
            " x-pilotstatus/order names the items' property they select on"
        )
    if order is not None and not bounds:
        raise error(f"{name}: x-pilotstatus/order is for a list with date bounds ({', '.join(DATE_BOUNDS)})")
    item_target = _ref_target(spec, items_schema)
    by = None if order is None else order["by"]
    if by is not None:
        item_properties = _all_properties(spec, item_target[1]) if item_target is not None else {}
        if item_properties.get(by, {}).get("format") != "date-time":
            raise error(f"{name}: x-pilotstatus/order/by names {by!r}, which is no date-time property of its items")
    for bound in bounds:
        query[bound].annotation = "datetime.datetime | str | None"
    imports.add(("pilotstatus.pagination", "NumberedPage"))
    return Paging(
        items=str(PythonIdentifier(arrays[0], prefix="field_")),
        item=item,
        dates=DATE_BOUNDS if bounds else None,
        order=None if by is None else str(PythonIdentifier(by, prefix="field_")),
        moves=bool(order and order.get("moves", False)),
    )


def _returns(
    spec: dict[str, Any], row: dict[str, Any], operation: dict[str, Any], imports: set[tuple[str, str]], error: type
) -> tuple[str, str]:
    """The return type of the method of `row`, and the parse of its decoded 2xx body (Python source)."""
    response = _deref(spec, operation["responses"][str(row["success_status"])])
    schema = response.get("content", {}).get("application/json", {}).get("schema")
    if schema is None:
        raise error(f"{row['operation_id']}: its 2xx response has no JSON body; mark its SDK method handwritten")
    target = _ref_target(spec, schema)
    members = None if target is None else _union_members(spec, target[1])
    if members is not None:
        if row["unwrap"] is not None:
            raise error(f"{row['operation_id']}: its 2xx body is a union of models, of which none can be unwrapped")
        classes = [_model(spec, member) for member in members]
        imports.update((module, class_name) for class_name, module in classes)
        imports.add(("pilotstatus._resource", "any_of"))
        parse = f"{classes[-1][0]}.from_dict"
        for class_name, _ in reversed(classes[:-1]):
            parse = f"any_of({class_name}.from_dict, {parse})"
        return " | ".join(class_name for class_name, _ in classes), parse
    if target is not None:
        class_name, module = _model(spec, target[0])
        imports.add((module, class_name))
        if row["unwrap"] is None:
            return class_name, f"{class_name}.from_dict"
        inner = target[1].get("properties", {}).get(row["unwrap"])
        if inner is None:
            raise error(f"{row['operation_id']}: its 2xx body has no property {row['unwrap']!r} to unwrap")
        returns = annotation(spec, inner, f"{class_name}_{row['unwrap']}", imports)
        field_name = PythonIdentifier(row["unwrap"], prefix="field_")
        return returns, f"lambda body: {class_name}.from_dict(body).{field_name}"
    items = _ref_target(spec, schema.get("items", {})) if schema.get("type") == "array" else None
    if items is not None:
        class_name, module = _model(spec, items[0])
        imports.add((module, class_name))
        return f"list[{class_name}]", f"lambda body: [{class_name}.from_dict(item) for item in body]"
    imports.add(("typing", "Any"))
    return "Any", "lambda body: body"


def resources(generate: ModuleType, spec: dict[str, Any]) -> list[Resource]:
    """The top-level resources, each with its sub-resources, in the catalogue's order."""
    by_path: dict[str, Resource] = {}

    def resource(path: str) -> Resource:
        if path not in by_path:
            by_path[path] = Resource(path)
            if "." in path:
                parent = resource(path.rsplit(".", 1)[0])
                parent.children.append(by_path[path])
        return by_path[path]

    for row in generate.catalogue(spec):
        if row["sdk_method"] is None:
            continue
        owner = resource(row["sdk_method"].rsplit(".", 1)[0])
        owner.rows.append(row)
        if row["handwritten"]:
            owner.handwritten.append(row["sdk_method"].rsplit(".", 1)[1])
        else:
            owner.methods.append(method_of(spec, row, generate.GenerationError))
    tags = {tag["name"]: tag.get("description", "") for tag in spec.get("tags", [])}
    for path, found in by_path.items():
        if "." not in path:
            area_tags = [tag for row in found.rows for tag in _operation(spec, row)[0].get("tags", [])[:1]]
            found.description = tags.get(area_tags[0], "") if area_tags else ""
        names = {name for module, name in _all_imports(found)} | {found.class_name}
        for child in found.children:
            if child.class_name in names:
                raise generate.GenerationError(f"{child.path}: its class {child.class_name} has a model's name")
    return [found for path, found in by_path.items() if "." not in path]


def _all_imports(resource: Resource) -> set[tuple[str, str]]:
    return {item for method in resource.methods for item in method.imports}


def walk(found: list[Resource]) -> Iterator[Resource]:
    for resource in found:
        yield resource
        yield from walk(resource.children)


# --- docstrings -----------------------------------------------------------------------------------------------------


QUOTES = '"""'
"""A docstring's opening quotes, given to `_paragraphs` as `first` when they stand on its first line."""


def _paragraphs(text: str, indent: str, first: str = "") -> list[str]:
    """`text` wrapped for a docstring at `indent`, paragraph by paragraph (blank lines between them kept)."""
    lines: list[str] = []
    for number, paragraph in enumerate(text.strip().split("\n\n")):
        if number:
            lines.append("")
        lines += textwrap.wrap(
            " ".join(paragraph.split()),
            WIDTH - len(indent),
            initial_indent=first if number == 0 else "",
            subsequent_indent="",
            break_on_hyphens=False,
            break_long_words=False,
        )
    return lines


PROVIDERS = {"META": "Meta Cloud API", "EVO_GO": "Pilot Status web", "EVOLUTION_V2": "Evolution v2"}
"""The kinds of number, as the catalogue names them, as a reader knows them."""


def _served(row: dict[str, Any]) -> str:
    """Which numbers serve the operation: its catalogue's `providers`."""
    if row["providers"] is None:
        return ""
    kinds = " and ".join(PROVIDERS.get(kind, kind) for kind in row["providers"])
    return f"Served on {kinds} numbers; any other kind of number raises `FeatureNotSupportedError`."


KEYS = {
    "number": "Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number (else"
    " `TenantScopeNotAllowedError`).",
    "tenant": "Keys: a tenant (account-wide) key; a number's key raises `NumberScopeNotAllowedError`.",
    "any": "Keys: a number's key or a tenant key.",
    "none": "Keys: none needed.",
}
"""Which keys may call it, from its catalogue's `scope`: said beside upstream's words, which name only one kind."""


def _keys(row: dict[str, Any]) -> str:
    return KEYS[row["scope"]]


KEY_ARGUMENT = "idempotency_key"
"""The argument of a method whose operation honours an `Idempotency-Key`: the caller's key, else the SDK's own."""
KEY_DESCRIPTION = (
    "Your own key for this request (1 to 255 printable ASCII characters), to send the same request again later"
    " with it; default: a new UUID4 for each call. The server acts once on a key for 24 hours: the same key with the"
    " same body gets the first answer again, with another body `IdempotencyKeyReusedError`."
)


def _resend(row: dict[str, Any]) -> str:
    """What the SDK does when a request of the operation fails on the way: its catalogue's `idempotency`."""
    if row["idempotency"] != "none":
        return (
            "Sent with an `Idempotency-Key` of its own (`idempotency_key`, or a new one), the same on each retry:"
            " retried after a timeout, a broken connection or a 5xx, as a read is, and after a 409"
            " `IDEMPOTENCY_KEY_IN_USE`; an error raised carries the key as `idempotency_key`."
        )
    if row["http_method"] in ("GET", "HEAD", "OPTIONS"):
        return ""
    return (
        "Sent once: not sent again once it may have reached the server (only after a 429, or a connection that"
        " never opened)."
    )


def _argument_lines(arguments: list[Argument], indent: str) -> list[str]:
    """The `Args:` entries of a docstring at `indent`: each argument and its description, wrapped."""
    lines = []
    for argument in arguments:
        text = argument.description or "(not described)"
        if argument.where == "flag":
            text = f"True sends `{argument.api_name}={argument.on}`: {text}"
        wrapped = textwrap.wrap(
            f"{argument.name}: {' '.join(text.split())}",
            WIDTH - len(indent) - 4,
            subsequent_indent="    ",
            break_on_hyphens=False,
            break_long_words=False,
        )
        lines += [f"    {line}" for line in wrapped]
    return lines


def docstring(method: Method, indent: str) -> list[str]:
    """The docstring of a generated method, as lines at `indent` (the first one opening the quotes)."""
    operation = method.operation
    summary = operation.get("summary") or method.name
    lines = [f"{summary.rstrip('.')}."]
    if operation.get("description"):
        lines += ["", *_paragraphs(operation["description"], indent)]
    note = operation.get("x-pilotstatus", {}).get("note")
    if note:
        lines += ["", *_paragraphs(note, indent)]
    if method.arguments:
        lines += ["", "Args:", *_argument_lines(method.arguments, indent)]
    if method.row["unwrap"]:
        lines += ["", f"Returns the `{method.row['unwrap']}` object of the response body."]
    if method.paging is not None:
        lines += ["", *_paragraphs(_one_page(method), indent)]
    for sentence in (_keys(method.row), _served(method.row), _resend(method.row)):
        if sentence:
            lines += ["", *_paragraphs(sentence, indent)]
    text = "\n".join(f"{indent}{line}" if line and number else line for number, line in enumerate(lines))
    text = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    closing = f"\n{indent}" if len(lines) > 1 else ""
    return [f'{indent}"""{text}{closing}"""']


DATES = "The date bounds are aware datetimes or ISO 8601 strings with a zone, both inclusive."


def _one_page(method: Method) -> str:
    assert method.paging is not None
    return (
        "Returns one page (`NumberedPage`): its items, `total`, `page`, `page_size`, `total_pages`, and"
        " `get_next_page()`, which asks for the next number. The list is newest first and numbered anew at each"
        " request, so what arrives or leaves between two requests shifts the pages (an item comes twice, or not at"
        f" all): `{method.walk}()` walks every page without that loss."
        + (f" {DATES}" if method.paging.dates is not None else "")
    )


WALK_GUARANTEES = {
    "fixed": (
        "Each item in [`start_date`, `end_date`] is returned exactly once, however many arrive during the walk: the"
        " window ends at the newest item of the first page (on the server's clock, not this one's), each later page"
        " is asked for up to that instant, and what a page repeats of an earlier one is dropped. An item that"
        " arrives during the walk is left out, unless it shares the instant of that newest item: then it may come"
        " (once)."
    ),
    "moves": (
        "Each item in [`start_date`, `end_date`] when the walk begins is returned, and none twice, though an item"
        " that changes during the walk moves to the top of the list (a conversation that gets a message): a pass"
        " over the list finds every item that stays where it was, and the items that moved from below its position"
        " to the top are found by a pass over what is at least as new as the newest item of the pass before. The"
        " walk ends with a pass whose first page holds all it goes over, or that finds nothing newer than the one"
        " instant the pass before it went over. An item that moves past `end_date` during the walk may be left"
        " out; one that joins the list during the walk may come (once)."
    ),
    "shrinks": (
        "The list shrinks as items leave it (a message that is read) and grows at the top as items arrive. Each item"
        " in it from the start of the walk to its end is returned exactly once, and none twice: a page that repeats"
        " what an earlier one brought is dropped, and when the list's `total` has shrunk since the page before, the"
        " walk steps back as many places. An item that leaves or arrives during the walk may come (once) or not."
        " This holds as long as what arrives sorts above what the walk has passed, as a new message does; one that"
        " shares its instant with messages already passed (a sandbox whose clock stands still) sorts among them by"
        " id."
    ),
}
"""What a walk promises, by the kind of its list: a window fixed by its first page, items that move to the top, or
a list without date bounds."""


def walk_docstring(method: Method, indent: str) -> list[str]:
    """The docstring of the walk that goes with the one-page method `method`, as lines at `indent`."""
    assert method.paging is not None
    paging = method.paging
    kind = "shrinks" if paging.dates is None else "moves" if paging.moves else "fixed"
    summary = (method.operation.get("summary") or method.name).rstrip(".")
    lines = [
        f"{summary}: every item (`{paging.item}`), newest first, each page fetched when the loop needs it.",
        "",
        *_paragraphs(WALK_GUARANTEES[kind], indent),
        "",
        "Args:",
        *_argument_lines(_walk_arguments(method), indent),
    ]
    checked = f"{DATES} " if paging.dates is not None else ""
    checked += f"Arguments are checked at once, before any request. {_keys(method.row)}"
    lines += ["", *_paragraphs(checked, indent)]
    text = "\n".join(f"{indent}{line}" if line and number else line for number, line in enumerate(lines))
    text = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    return [f'{indent}"""{text}\n{indent}"""']


WALK_PAGE_SIZE = 100
"""The page size of a walk: the API's largest, for the fewest requests."""


def _walk_arguments(method: Method) -> list[Argument]:
    """The arguments of the walk of `method`: those of the one-page method but the page number, its page size 100."""
    arguments = [argument for argument in method.arguments if argument.api_name not in PAGE_PARAMETERS]
    size = next(argument for argument in method.arguments if argument.api_name == "pageSize")
    about = f"items per request, 1..100 (default {WALK_PAGE_SIZE})."
    return [*arguments, Argument(size.name, size.api_name, "int", str(WALK_PAGE_SIZE), "query", size.target, about)]


def _walk_signature(method: Method) -> str:
    return ", ".join(["self", "*", *(argument.source() for argument in _walk_arguments(method))])


def _paged_call(method: Method) -> str:
    """The arguments after the client and the list, for `fetch_page(...)` (with `page`) or `walk(...)` (without)."""
    parts = [f"{argument.name}={argument.name}" for argument in method.arguments if argument.api_name in DATE_BOUNDS]
    query = _query(
        [argument for argument in method.arguments if argument.api_name not in (*DATE_BOUNDS, *PAGE_PARAMETERS)]
    )
    if query:
        parts.append("query={" + ", ".join(query) + "}")
    return "".join(f", {part}" for part in parts)


def _paged_lines(method: Method, flavor: str) -> list[str]:
    """The one-page method of a list paged by number, and its walk."""
    assert method.paging is not None
    item, listing, extra = method.paging.item, f"{method.constant}_PAGES", _paged_call(method)
    if flavor == "async":
        return [
            "",
            f"    async def {method.name}({_signature(method)}) -> AsyncNumberedPage[{item}]:",
            *docstring(method, "        "),
            f"        return await fetch_async_page(self._client, {listing}, page=page, page_size=page_size{extra})",
            "",
            f"    def {method.walk}({_walk_signature(method)}) -> AsyncIterator[{item}]:",
            *walk_docstring(method, "        "),
            f"        return walk_async(self._client, {listing}, page_size=page_size{extra})",
        ]
    return [
        "",
        f"    def {method.name}({_signature(method)}) -> NumberedPage[{item}]:",
        *docstring(method, "        "),
        f"        return fetch_page(self._client, {listing}, page=page, page_size=page_size{extra})",
        "",
        f"    def {method.walk}({_walk_signature(method)}) -> Iterator[{item}]:",
        *walk_docstring(method, "        "),
        f"        return walk(self._client, {listing}, page_size=page_size{extra})",
    ]


def _listing(method: Method) -> str:
    """The `NumberedList` constant of a list paged by number, as Python source."""
    assert method.paging is not None
    paging = method.paging
    parts = [method.constant, f"items={paging.items!r}"]
    if paging.dates is not None:
        parts += [f"dates={paging.dates!r}", f"order={paging.order!r}"]
    if paging.moves:
        parts.append("moves=True")
    return f"{method.constant}_PAGES = NumberedList({', '.join(parts)})".replace("'", '"')


# --- the resource modules -------------------------------------------------------------------------------------------


def _query(arguments: list[Argument]) -> list[str]:
    """The entries of the `query={...}` of a call, as Python source: the generated function's keyword for each query
    argument (a flag as its one value or None)."""
    return [
        f'"{argument.target}": flag({argument.name}, "{argument.name}", {argument.on!r})'
        if argument.where == "flag"
        else f'"{argument.target}": {argument.name}'
        for argument in arguments
        if argument.where in ("query", "flag")
    ]


def _call(method: Method) -> str:
    """The arguments of `self._call(...)` for `method`, as Python source."""
    parts = [method.constant]
    parts += [argument.name for argument in method.arguments if argument.where == "path"]
    query = _query(method.arguments)
    if method.body_model is not None:
        fields = ", ".join(f"{a.target}={a.name}" for a in method.arguments if a.where == "body")
        parts.append(f"body={method.body_model}({fields})")
    if query:
        parts.append("query={" + ", ".join(query) + "}")
    parts += [f"{argument.name}={argument.name}" for argument in method.arguments if argument.where == "key"]
    return ", ".join(parts)


def _signature(method: Method) -> str:
    positional = [argument.source() for argument in method.arguments if argument.where == "path"]
    keywords = [argument.source() for argument in method.arguments if argument.where != "path"]
    return ", ".join(["self", *positional, *(["*", *keywords] if keywords else [])])


def _class_lines(resource: Resource, flavor: str) -> list[str]:
    prefix = "Async" if flavor == "async" else ""
    base = f"{prefix}{resource.mixin}" if resource.mixin else f"{prefix or 'Sync'}APIResource"
    lines = [f"class {prefix}{resource.class_name}({base}):"]
    lines += _class_docstring(resource, flavor)
    for child in resource.children:
        lines += [
            "",
            "    @functools.cached_property",
            f"    def {child.attribute}(self) -> {prefix}{child.class_name}:",
            f'        """`{child.path}`: {_methods_text(child)}."""',
            f"        return {prefix}{child.class_name}(self._client)",
        ]
    for method in resource.methods:
        if method.paging is not None:
            lines += _paged_lines(method, flavor)
            continue
        define = "async def" if flavor == "async" else "def"
        awaited = "await " if flavor == "async" else ""
        lines += [
            "",
            f"    {define} {method.name}({_signature(method)}) -> {method.returns}:",
            *docstring(method, "        "),
            f"        return {awaited}self._call({_call(method)})",
        ]
    return lines


def _walks(resource: Resource) -> list[str]:
    """`iter()`, beside a paginated list: written by hand with it, though no operation of its own."""
    return ["iter"] if any(row["pagination"] and row["handwritten"] for row in resource.rows) else []


def _methods_text(resource: Resource) -> str:
    names = {*(m.name for m in resource.methods), *(m.walk for m in resource.methods if m.walk)}
    names |= {*resource.handwritten, *_walks(resource)}
    return ", ".join(f"`{name}()`" for name in sorted(names))


def _class_docstring(resource: Resource, flavor: str) -> list[str]:
    about = f"`{resource.path}`: {_methods_text(resource)}."
    if resource.children:
        about += " Its resources: " + ", ".join(f"`{child.path}`" for child in resource.children) + "."
    # The first line is wrapped with the opening quotes, which stand on it.
    if resource.description.strip():
        lines = [*_paragraphs(resource.description, "    ", first=QUOTES), "", *_paragraphs(about, "    ")]
    else:
        lines = _paragraphs(about, "    ", first=QUOTES)
    if resource.handwritten:
        lines += [
            "",
            *_paragraphs(
                f"Written by hand (`resources/_handwritten/{resource.module}.py`): "
                + ", ".join(f"`{name}()`" for name in [*resource.handwritten, *_walks(resource)])
                + ".",
                "    ",
            ),
        ]
    if flavor == "async":
        lines += ["", f"The async twin of `{resource.class_name}`: the same methods, awaited."]
    text = "\n".join(f"    {line}" if line and number else line for number, line in enumerate(lines))
    return [f'    {text}\n    """']


def _import_lines(items: set[tuple[str, str]]) -> list[str]:
    """`import` lines for `(module, name)` pairs (a name of "" imports the module), grouped as isort does."""
    modules = sorted(module for module, name in items if not name)
    by_module: dict[str, set[str]] = {}
    for module, name in items:
        if name:
            by_module.setdefault(module, set()).add(name)
    lines = [f"import {module}" for module in modules]
    lines += [f"from {module} import {', '.join(sorted(names))}" for module, names in sorted(by_module.items())]
    return lines


_BUILTIN_LIST = re.compile(r"(?<![\w.])list\[")


def resource_module(resource: Resource) -> str:
    classes: list[str] = []
    for flavor in ("sync", "async"):
        classes += ["", "", *_class_lines(resource, flavor)]
    imports = _all_imports(resource)
    standard = {("functools", "")} if resource.children else set()
    if any(method.paging is not None for method in resource.methods):
        imports = imports | {
            ("collections.abc", "AsyncIterator"),
            ("collections.abc", "Iterator"),
            ("pilotstatus.pagination", "AsyncNumberedPage"),
            ("pilotstatus.pagination", "NumberedList"),
            ("pilotstatus.pagination", "fetch_async_page"),
            ("pilotstatus.pagination", "fetch_page"),
            ("pilotstatus.pagination", "walk"),
            ("pilotstatus.pagination", "walk_async"),
        }
    standard |= {item for item in imports if item[0] in ("collections.abc", "datetime", "typing")}
    if "list" in {method.name for method in resource.methods} | set(resource.handwritten):
        # In the class, `list` is the method: a type of a list is the builtin's.
        renamed = [_BUILTIN_LIST.sub("builtins.list[", line) for line in classes]
        if renamed != classes:
            classes = renamed
            standard.add(("builtins", ""))
    first_party = {item for item in imports if item not in standard}
    if any(argument.where == "flag" for method in resource.methods for argument in method.arguments):
        first_party.add(("pilotstatus._resource", "flag"))
    if resource.mixin:
        module = f"pilotstatus.resources._handwritten.{resource.module}"
        first_party |= {(module, resource.mixin), (module, f"Async{resource.mixin}")}
    else:
        first_party |= {("pilotstatus._resource", "SyncAPIResource"), ("pilotstatus._resource", "AsyncAPIResource")}
    if resource.methods:  # a resource whose every method is written by hand defines no operation here
        first_party.add(("pilotstatus._operations", "Operation"))
    local = {(f".{child.module}", child.class_name) for child in resource.children}
    local |= {(f".{child.module}", f"Async{child.class_name}") for child in resource.children}
    lines = [
        f'"""{HEADER}',
        "",
        f"`{resource.path}`: the resource's generated methods, sync and async.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        *_import_lines(standard),
        "",
        *_import_lines(first_party),
        "",
        *_import_lines(local),
        "",
        f"__all__ = {sorted([f'Async{resource.class_name}', resource.class_name])!r}".replace("'", '"'),
        "",
    ]
    lines += [f"{method.constant} = Operation({method.row['module']}, {method.parse})" for method in resource.methods]
    lines += [_listing(method) for method in resource.methods if method.paging is not None]
    return "\n".join(lines + classes) + "\n"


# --- the registry, the exports ------------------------------------------------------------------------------------


def registry_module(found: list[Resource]) -> str:
    lines = [
        f'"""{HEADER}',
        "",
        "The resources of the clients (`client.calls`, ...): each created, and its module loaded, on first use, so",
        "that `import pilotstatus` loads none of them.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "import functools",
        "from typing import TYPE_CHECKING",
        "",
        "from ._resource import AsyncClient, SyncClient",
        "",
        "if TYPE_CHECKING:",
    ]
    lines += [f"    from .resources._generated.{r.module} import Async{r.class_name}, {r.class_name}" for r in found]
    lines += ["", '__all__ = ["AsyncResources", "SyncResources"]']
    for flavor, protocol in (("sync", "SyncClient"), ("async", "AsyncClient")):
        prefix = "Async" if flavor == "async" else ""
        client = "AsyncPilotStatus" if flavor == "async" else "PilotStatus"
        lines += ["", "", f"class {prefix or 'Sync'}Resources({protocol}):", f'    """The resources of `{client}`."""']
        for resource in found:
            about = " ".join(resource.description.split()) or f"`{resource.path}`."
            text = f"{about} `{resource.path}`: {_methods_text(resource)}"
            if resource.children:
                text += "; " + ", ".join(f"`{child.path}`" for child in resource.children)
            doc = _paragraphs(text + ".", "        ", first=QUOTES)  # the opening quotes stand on the first line
            doc_text = "\n".join(f"        {line}" if number else line for number, line in enumerate(doc))
            closing = '\n        """' if len(doc) > 1 else '"""'
            lines += [
                "",
                "    @functools.cached_property",
                f"    def {resource.attribute}(self) -> {prefix}{resource.class_name}:",
                f"        {doc_text}{closing}",
                f"        from .resources._generated.{resource.module} import {prefix}{resource.class_name}",
                "",
                f"        return {prefix}{resource.class_name}(self)",
            ]
    return "\n".join(lines) + "\n"


def exported_models(generate: ModuleType, spec: dict[str, Any]) -> dict[str, str]:
    """The models `pilotstatus` exports, by class name, with their modules: every component schema but a request
    body (the SDK takes its properties as arguments), the envelope of a list or an unwrapped object (the SDK returns
    a page, or the object), the error body with what it holds (the SDK raises a typed error instead), and a union,
    of which the generator makes no class (its members are exported)."""
    schemas = spec["components"]["schemas"]
    left_out: set[str] = set()
    for row in generate.catalogue(spec):
        if row["body"]:
            left_out.add(row["body"])
        if row["pagination"] or row["unwrap"]:
            operation, _ = _operation(spec, row)
            response = _deref(spec, operation["responses"][str(row["success_status"])])
            target = _ref_target(spec, response.get("content", {}).get("application/json", {}).get("schema", {}))
            if target is not None:
                left_out.add(target[0])
    errors = [
        _ref_target(spec, content.get("schema", {}))
        for response in spec["components"].get("responses", {}).values()
        for content in response.get("content", {}).values()
    ]
    pending = [target[0] for target in errors if target is not None]
    while pending:
        name = pending.pop()
        if name in left_out:
            continue
        left_out.add(name)
        pending += [
            target[0] for schema in _subschemas(schemas[name]) if (target := _ref_target(spec, schema)) is not None
        ]
    left_out |= {name for name in schemas if _union_members(spec, schemas[name]) is not None}  # no class to export
    exported = dict(_model(spec, name) for name in schemas if name not in left_out)
    return dict(sorted(exported.items()))


def _subschemas(schema: Any) -> Iterator[dict[str, Any]]:
    if isinstance(schema, dict):
        yield schema
        for value in schema.values():
            yield from _subschemas(value)
    elif isinstance(schema, list):
        for item in schema:
            yield from _subschemas(item)


def exports_module(models: dict[str, str]) -> str:
    lines = [
        f'"""{HEADER}',
        "",
        "The models `pilotstatus` exports (`pilotstatus.Call`), each loaded on first use from the generated package,",
        "so that `import pilotstatus` loads none of them.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "from typing import TYPE_CHECKING",
        "",
        "if TYPE_CHECKING:",
        *(f"    from {module} import {name}" for name, module in models.items()),
        "",
        "__all__ = [",
        *(f'    "{name}",' for name in models),
        "]",
        "",
        "MODELS: dict[str, str] = {",
        *(f'    "{name}": "{module}",' for name, module in models.items()),
        "}",
        '"""Each exported model, by name: the module of the generated package it is in."""',
    ]
    return "\n".join(lines) + "\n"


# --- api.md ---------------------------------------------------------------------------------------------------------


def _constants(path: Path) -> dict[str, str]:
    """The module-level constants of a module (`NAME = 25`), as source, by name: read, not imported."""
    found: dict[str, str] = {}
    if path.is_file():
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
                found.update(
                    (target.id, repr(node.value.value)) for target in node.targets if isinstance(target, ast.Name)
                )
    return found


def _rendered(function: ast.FunctionDef | ast.AsyncFunctionDef, constants: dict[str, str]) -> str:
    """A method's signature as api.md shows it: no `self`, a default named by a constant shown as its value."""
    arguments = function.args
    defaults: list[ast.expr | None] = [None] * (len(arguments.args) - len(arguments.defaults)) + [*arguments.defaults]

    def one(argument: ast.arg, default: ast.expr | None) -> str:
        text = argument.arg if argument.annotation is None else f"{argument.arg}: {ast.unparse(argument.annotation)}"
        if default is None:
            return text
        value = ast.unparse(default)
        return f"{text} = {constants.get(value, value)}"

    parts = [one(argument, default) for argument, default in zip(arguments.args, defaults, strict=True)][1:]
    if arguments.kwonlyargs:
        parts.append("*")
        parts += [one(a, d) for a, d in zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True)]
    returns = ast.unparse(function.returns) if function.returns is not None else "None"
    return f"({', '.join(parts)}) -> {returns}"


def handwritten_signatures(resource: Resource, root: Path) -> dict[str, tuple[str, str]]:
    """The signatures of the hand-written methods of `resource` (sync, async), as written in its module: read, not
    imported."""
    path = root / HANDWRITTEN / f"{resource.module}.py"
    if not path.is_file() or resource.mixin is None:
        return {}
    constants = {**_constants(root / PACKAGE / "_constants.py"), **_constants(path)}
    classes = {
        node.name: node for node in ast.parse(path.read_text(encoding="utf-8")).body if isinstance(node, ast.ClassDef)
    }
    signatures: dict[str, list[str]] = {}
    for name in (resource.mixin, f"Async{resource.mixin}"):
        for item in classes[name].body if name in classes else []:
            if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) and not item.name.startswith("_"):
                signatures.setdefault(item.name, []).append(_rendered(item, constants))
    return {name: (found[0], found[-1]) for name, found in signatures.items()}


def _exported(root: Path) -> set[str]:
    """The names `pilotstatus` exports beside the models (its `__all__` as written): the page classes, ..."""
    for node in ast.parse((root / PACKAGE / "__init__.py").read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            return {str(item) for item in ast.literal_eval(node.value)}
    return set()


def api_md(generate: ModuleType, spec: dict[str, Any], found: list[Resource], root: Path) -> str:
    exported = set(exported_models(generate, spec)) | _exported(root)
    lines = [
        "# API reference",
        "",
        f"<!-- {HEADER} -->",
        "",
        "Every resource of the SDK, its methods, their arguments and what they return. `PilotStatus` and",
        "`AsyncPilotStatus` have the same resources and methods, awaited (where an async method differs otherwise, its",
        "signature follows). A path parameter is positional, every other argument keyword-only; the types named are",
        "exported by `pilotstatus`, or are the generated package's (`pilotstatus_api.models`), or, in a hand-written",
        "method, its module's own (`Before` and `Until` are `pilotstatus.resources.calls.Before` and `.Until`,",
        "`Instant` is `pilotstatus.resources.messages.Instant`).",
    ]
    for resource in walk(found):
        level = "#" * (resource.path.count(".") + 2)
        lines += ["", f"{level} `client.{resource.path}`", ""]
        if resource.description:
            lines += [" ".join(resource.description.split()), ""]
        signatures = handwritten_signatures(resource, root)
        by_name = {method.name: method for method in resource.methods}
        entries: list[tuple[str, str, str]] = []
        for row in resource.rows:
            name = row["sdk_method"].rsplit(".", 1)[1]
            method = by_name.get(name)
            summary = _operation(spec, row)[0].get("summary", "")
            where = f"{row['http_method']} `{row['path']}`, {summary}"
            if method is not None and method.paging is not None and method.walk is not None:
                item, arguments = method.paging.item, _signature(method).removeprefix("self, ")
                walk_arguments = _walk_signature(method).removeprefix("self, ")
                entries.append((name, f"({arguments}) -> NumberedPage[{item}]", f"{where}, one page"))
                entries.append((name, f"({arguments}) -> AsyncNumberedPage[{item}]", "async"))
                entries.append((method.walk, f"({walk_arguments}) -> Iterator[{item}]", f"{where}, every page"))
                entries.append((method.walk, f"({walk_arguments}) -> AsyncIterator[{item}]", "async"))
            elif method is not None:
                signature = f"({_signature(method).removeprefix('self, ').removeprefix('self')}) -> {method.returns}"
                entries.append((name, signature, where))
            else:
                sync, asynchronous = signatures.get(name, ("(...)", "(...)"))
                entries.append((name, sync, f"{where} (hand-written)"))
                if asynchronous != sync:
                    entries.append((name, asynchronous, "async"))
        for name, (sync, asynchronous) in signatures.items():
            if name not in by_name and name not in {row["sdk_method"].rsplit(".", 1)[1] for row in resource.rows}:
                entries.append((name, sync, "hand-written"))
                if asynchronous != sync:
                    entries.append((name, asynchronous, "async"))
        words = {word for _, signature, _ in entries for word in re.findall(r"[A-Za-z_][A-Za-z0-9_]*", signature)}
        if words & exported:
            lines += ["```python", f"from pilotstatus import {', '.join(sorted(words & exported))}", "```", ""]
        lines += [f"- `client.{resource.path}.{name}{signature}`: {about}" for name, signature, about in entries]
    return "\n".join(lines) + "\n"


# --- writing ----------------------------------------------------------------------------------------------------------


def write_sdk(generate: ModuleType, spec: dict[str, Any], scratch: Path, root: Path = ROOT) -> None:
    """Write the SDK's derived files under `scratch`, at their project paths; `root` is the project whose
    hand-written resource modules are read (their methods' signatures go into api.md)."""
    found = resources(generate, spec)
    for resource in walk(found):
        missing = set(resource.handwritten) - set(handwritten_signatures(resource, root))
        if missing:
            raise generate.GenerationError(
                f"{resource.path}: {', '.join(sorted(missing))} marked handwritten in x-pilotstatus, but not written:"
                f" write them in {HANDWRITTEN / resource.module}.py, as methods of {resource.mixin} and"
                f" Async{resource.mixin}"
            )
    folder = scratch / RESOURCES
    folder.mkdir(parents=True, exist_ok=True)
    written = [folder / "__init__.py", scratch / REGISTRY, scratch / EXPORTS, scratch / API_MD]
    (folder / "__init__.py").write_text(
        f'"""{HEADER}\n\nThe resource classes, one module per resource.\n"""\n',
        encoding="utf-8",
    )
    for resource in walk(found):
        target = folder / f"{resource.module}.py"
        target.write_text(resource_module(resource), encoding="utf-8")
        written.append(target)
    (scratch / REGISTRY).write_text(registry_module(found), encoding="utf-8")
    (scratch / EXPORTS).write_text(exports_module(exported_models(generate, spec)), encoding="utf-8")
    (scratch / API_MD).write_text(api_md(generate, spec, found, root), encoding="utf-8")
    _format(written)


def _format(paths: list[Path]) -> None:
    """Sort the imports and format `paths` as the project's own code is (its ruff settings; in Markdown, the code
    blocks)."""
    ruff = str(Path(sys.executable).parent / "ruff")
    config = ["--config", str(ROOT / "pyproject.toml"), "--no-cache", "--quiet"]
    code = [str(path) for path in paths if path.suffix == ".py"]
    subprocess.run([ruff, "check", *config, "--fix-only", "--select", "I", *code], check=True)
    subprocess.run([ruff, "format", *config, *map(str, paths)], check=True)
