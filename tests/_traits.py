"""The SDK's operations as rows read from the catalogue (`pilotstatus_api.catalogue`) and the spec's examples, for
the tests that check every operation the same way (`tests/test_traits_sdk.py`).

A row is a catalogue entry the SDK exposes (`sdk_method`), reached from a client by its attribute path
(`client.calls.settings.retrieve`), and called by the convention the generated methods follow: its path parameters
positional, from their examples; its required query parameters and required body properties as keyword arguments
named by the API's names in snake case, from their examples (an optional query parameter with a default is left to
its default, which is sent) (a body none of whose properties is required gets its
first argument that has an example, so that it says something); each `flags` parameter as `True`; `hide` never
passed. From the same sources comes the request the call must send, and the answer it must parse (for a list paged
by number, a `NumberedPage` of its items).

Nothing here is written per operation: an operation added to `openapi.json` with its `x-pilotstatus` is a row the
day it is generated. A hand-written method (`handwritten: true`) is a row only when its signature follows the
convention; one that does not (`calls.list`, which takes a page size and a cursor and returns a page) is left to its
own tests (tests/test_pagination.py), and `SKIPPED` names it. The Calls oracle (`tests/_operations.py`) stays the
independent, hand-written check of the Calls surface; these rows are what keeps a new operation covered.
"""

from __future__ import annotations

import asyncio
import inspect
import re
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any
from urllib.parse import quote

import httpx

import pilotstatus_api.models
from pilotstatus import AsyncPilotStatus, PilotStatus
from pilotstatus.pagination import AsyncNumberedPage, NumberedPage
from pilotstatus_api.catalogue import OPERATIONS, Entry
from tests._clients import BASE_URL, KEY
from tests._operations import Flavor
from tests._spec import JSON, error_responses, inlined, load_spec, media_examples, resolve

SPEC = load_spec()
NUMBER_HEADER = "x-whatsapp-number-id"


def snake(name: str) -> str:
    """The SDK's name for an API name: `mediaUrl` is `media_url`, `callId` is `call_id`, `pre-accept` is
    `pre_accept`; Python's builtins (`list`, `id`) are kept as they are."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).replace("-", "_").lower()


def argument_name(entry: Entry, api_name: str) -> str:
    """The SDK argument of a parameter or body property: `snake(api_name)`, unless the operation's
    `x-pilotstatus/arguments` names it otherwise (`id` is `template_id`)."""
    return dict(entry.arguments).get(api_name) or snake(api_name)


@cache
def spec_operation(operation_id: str) -> JSON:
    """The operation of openapi.json, its shared parameters and responses in place."""
    entry = next(entry for entry in OPERATIONS if entry.operation_id == operation_id)
    return inlined(SPEC, SPEC["paths"][entry.path][entry.http_method.lower()])


def _parameters(entry: Entry, where: str) -> list[JSON]:
    return [p for p in spec_operation(entry.operation_id).get("parameters", []) if p["in"] == where]


def body_schema(entry: Entry) -> JSON | None:
    """The request body's object schema, `$ref`s and `allOf` members merged into one `properties`/`required`."""
    if entry.body is None:
        return None
    return _merged(SPEC["components"]["schemas"][entry.body])


def _merged(schema: JSON) -> JSON:
    schema = resolve(SPEC, schema)
    properties: dict[str, JSON] = dict(schema.get("properties", {}))
    required: list[str] = list(schema.get("required", []))
    for member in schema.get("allOf", []):
        merged = _merged(member)
        properties.update(merged["properties"])
        required.extend(merged["required"])
    return {"properties": properties, "required": required}


class NoExampleError(LookupError):
    """A value the spec gives no example for, and no rule can make."""


def example_value(schema: JSON, where: str) -> Any:
    """A valid value for `schema`, from the spec: its example, first of its examples, const, default or first enum
    value (a `$ref` followed); for a plain string with none, a string of its minimum length. A constrained value
    (a pattern, a format) with no example is the spec's to give: NoExampleError names where."""
    resolved = resolve(SPEC, schema)
    for source in (schema, resolved):
        if "example" in source:
            return source["example"]
        if source.get("examples"):
            return source["examples"][0]
        if "const" in source:
            return source["const"]
        if "default" in source:
            return source["default"]
        if source.get("enum"):
            return source["enum"][0]
    if resolved.get("type") == "string" and not {"pattern", "format"} & set(resolved):
        return "x" * max(1, resolved.get("minLength", 1))
    if resolved.get("type") == "boolean":
        return True
    raise NoExampleError(f"{where}: give it an example in openapi.json")


def _parameter_example(parameter: JSON, where: str) -> Any:
    if "example" in parameter:
        return parameter["example"]
    if parameter.get("examples"):
        return next(iter(parameter["examples"].values()))["value"]
    return example_value(parameter.get("schema", {}), where)


def query_text(value: Any) -> str:
    """How a query value travels: booleans as `true`/`false`, the rest as text."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


@dataclass(frozen=True)
class Row:
    """One operation the SDK exposes, the arguments of a call by the convention, and what that call sends."""

    entry: Entry
    path_values: tuple[str, ...]
    """The path parameters' examples, in the path's order: the call's positional arguments."""
    keywords: Mapping[str, Any]
    """The call's keyword arguments, by their SDK names."""
    required: tuple[str, ...]
    """The keyword arguments the method must be given (required query parameters and body properties)."""
    query: tuple[tuple[str, str], ...]
    """The query the call sends, by the API's names."""
    body: JSON | None
    """The JSON body the call sends; None when it sends no body."""

    def __str__(self) -> str:
        return self.entry.sdk_method or self.entry.operation_id

    @property
    def sdk_method(self) -> str:
        assert self.entry.sdk_method is not None
        return self.entry.sdk_method

    @property
    def changes_state(self) -> bool:
        return self.entry.http_method != "GET"

    @property
    def path_names(self) -> tuple[str, ...]:
        return tuple(argument_name(self.entry, name) for name in self.entry.path_parameters)

    def url_path(self, values: tuple[str, ...] | None = None) -> str:
        """The raw path the call must send: each path parameter percent-encoded as one segment."""
        given = dict(zip(self.entry.path_parameters, values or self.path_values, strict=True))
        return re.sub(r"\{([^}]+)\}", lambda match: quote(given[match.group(1)], safe=""), self.entry.path)

    def method_of(self, client: object) -> Callable[..., Any]:
        """The SDK method, reached from `client` by its attribute path."""
        target: Any = client
        for name in self.sdk_method.split("."):
            target = getattr(target, name)
        method: Callable[..., Any] = target
        return method

    @property
    def success(self) -> tuple[int, Any]:
        """The 2xx status and its example body."""
        response = spec_operation(self.entry.operation_id)["responses"][str(self.entry.success_status)]
        return self.entry.success_status, media_examples(response["content"]["application/json"])[0]

    def returned(self, body: Any) -> Any:
        """The part of a 2xx body the method returns (the envelope's property, for `unwrap`; the items, for a page
        of a list paged by number)."""
        if self.page_items is not None:
            return body[self.page_items]
        return body[self.entry.unwrap] if self.entry.unwrap else body

    @property
    def page_items(self) -> str | None:
        """For a list paged by number (`pagination: page`, whose method returns a `NumberedPage` of its items): the
        property of the envelope that holds the items; else None."""
        if self.entry.pagination != "page":
            return None
        envelope = _merged(self._success_schema())["properties"]
        (key,) = [str(name) for name, schema in envelope.items() if resolve(SPEC, schema).get("type") == "array"]
        return key

    @property
    def many(self) -> bool:
        """Whether the method returns many models: a list of them, or a page of them."""
        return self.entry.returns == "list" or self.page_items is not None

    @property
    def models(self) -> tuple[type[Any], ...]:
        """The model classes the method may return: its one `model`, or each member of a 2xx body that is a union of
        models (an `anyOf` component, of which the catalogue names no model)."""
        if self.entry.model is not None:
            return (self.model,)
        schema = resolve(SPEC, self._success_schema())
        members = [resolve(SPEC, member) for member in schema.get("anyOf", [])]
        assert members, f"{self}: its 2xx body is no model"
        return tuple(getattr(pilotstatus_api.models, member["title"]) for member in members)

    def _success_schema(self) -> JSON:
        response = spec_operation(self.entry.operation_id)["responses"][str(self.entry.success_status)]
        schema: JSON = response["content"]["application/json"]["schema"]
        return schema

    @property
    def model(self) -> type[Any]:
        """The model class the method returns, or returns a list of: the 2xx model, or the class of its `unwrap`
        property."""
        assert self.entry.model is not None, f"{self}: its 2xx body is no model"
        name = self.entry.model
        if self.page_items is not None:
            envelope = _merged(self._success_schema())
            name = envelope["properties"][self.page_items]["items"]["$ref"].rsplit("/", 1)[1]
        elif self.entry.unwrap is not None:
            response = spec_operation(self.entry.operation_id)["responses"][str(self.entry.success_status)]
            envelope = _merged(response["content"]["application/json"]["schema"])
            prop = envelope["properties"][self.entry.unwrap]
            (ref,) = [member["$ref"] for member in [prop, *prop.get("anyOf", [])] if "$ref" in member]
            name = ref.rsplit("/", 1)[1]
        model: type[Any] = getattr(pilotstatus_api.models, name)
        return model

    @property
    def return_annotation(self) -> Any:
        """What the method is annotated to return: the model, or a list of it when the 2xx body is a bare array; the
        union of the models when the body is one of several."""
        if self.entry.model is None:
            return typing.Union[self.models]  # noqa: UP007 (a union of a tuple of classes)
        if self.page_items is not None:
            return NumberedPage[self.model]  # type: ignore[name-defined]
        return list[self.model] if self.entry.returns == "list" else self.model  # type: ignore[name-defined]

    def items(self, result: Any) -> list[Any]:
        """The models a returned value holds: itself, or the items of a returned list (checked to be one)."""
        if self.entry.returns == "list":
            assert type(result) is list, f"{self}: returned a {type(result).__name__}, not a list"
            return result
        if self.page_items is not None:
            assert isinstance(result, (NumberedPage, AsyncNumberedPage)), f"{self}: returned no page, but {result!r}"
            return list(result.items)
        return [result]

    def is_returned(self, result: Any) -> bool:
        """Whether `result` is what the method returns: a model (one of the union's), or a list of models. (A
        hand-written method may return a subclass of the model that adds what the response says beside its body:
        `messages.send()`.)"""
        return all(type(item) in self.models or isinstance(item, self.models) for item in self.items(result))

    def returned_schema(self, item: Any = None) -> JSON:
        """The schema of what the method returns (of each item, for a list), for `assert_mirrors`; of a union, the
        schema of the member `item` (a returned value) is an instance of."""
        schema = resolve(SPEC, self._success_schema())
        if self.entry.model is None:
            (member,) = [member for member in schema["anyOf"] if resolve(SPEC, member)["title"] == type(item).__name__]
            return resolve(SPEC, member)
        if self.entry.returns == "list":
            schema = resolve(SPEC, schema["items"])
        if self.page_items is not None:
            schema = resolve(SPEC, _merged(schema)["properties"][self.page_items]["items"])
        if self.entry.unwrap:
            schema = resolve(SPEC, _merged(schema)["properties"][self.entry.unwrap])
        return schema


def row_of(entry: Entry) -> Row:
    where = entry.sdk_method or entry.operation_id
    hidden = set(entry.hide)
    path_values = tuple(str(_parameter_example(p, f"{where}: {p['name']}")) for p in _parameters(entry, "path"))
    keywords: dict[str, Any] = {}
    query: list[tuple[str, str]] = []
    required: list[str] = []
    for parameter in _parameters(entry, "query"):
        name = parameter["name"]
        if name in hidden:
            continue
        if name in entry.flags:
            keywords[argument_name(entry, name)] = True
            query.append((name, query_text(example_value(parameter["schema"], f"{where}: {name}"))))
        elif parameter.get("required"):
            value = _parameter_example(parameter, f"{where}: {name}")
            keywords[argument_name(entry, name)] = value
            query.append((name, query_text(value)))
            required.append(argument_name(entry, name))
        elif "default" in resolve(SPEC, parameter.get("schema", {})):
            # An optional parameter with a default is an argument with that default, sent as it is (`page=1`).
            query.append((name, query_text(resolve(SPEC, parameter["schema"])["default"])))
    body: JSON | None = None
    schema = body_schema(entry)
    if schema is not None:
        body = {}
        exposed = {name: prop for name, prop in schema["properties"].items() if name not in hidden}
        chosen = [name for name in exposed if name in schema["required"]]
        required.extend(argument_name(entry, name) for name in chosen)
        if not chosen:
            chosen = [name for name in exposed if _has_example(exposed[name])][:1]
        whole = _body_example(entry)
        for name in chosen:
            # The operation's own example of its body first: a property's example may document another form of it
            # (Cancel's `messageIds`, a string in the published block, which the SDK sends as a list).
            value = whole[name] if name in whole else example_value(exposed[name], f"{where}: {name}")
            keywords[argument_name(entry, name)] = value
            body[name] = value
    return Row(entry, path_values, keywords, tuple(required), tuple(query), body)


def _body_example(entry: Entry) -> JSON:
    """The first example the operation gives of its JSON request body, when it gives one (else `{}`)."""
    content = spec_operation(entry.operation_id).get("requestBody", {}).get("content", {})
    examples = media_examples(content.get("application/json", {}))
    return examples[0] if examples and isinstance(examples[0], dict) else {}


def _has_example(schema: JSON) -> bool:
    resolved = resolve(SPEC, schema)
    return any("example" in source or source.get("examples") for source in (schema, resolved))


def convention_problems(row: Row, method: Callable[..., Any]) -> list[str]:
    """How the signature of `method` departs from the convention: path parameters positional in the path's order,
    the required arguments keyword-only without a default, no hidden argument, flags `bool = False`, every other
    argument with a default, and the return annotation the model it returns."""
    problems = []
    parameters = list(inspect.signature(method).parameters.values())
    positional = [p.name for p in parameters if p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD]
    if positional != list(row.path_names):
        problems.append(f"positional arguments {positional}, not the path parameters {list(row.path_names)}")
    by_name = {p.name: p for p in parameters}
    for name in row.required:
        found = by_name.get(name)
        if found is None or found.kind is not inspect.Parameter.KEYWORD_ONLY or found.default is not found.empty:
            problems.append(f"{name} is not a required keyword-only argument")
    for name in map(snake, row.entry.hide):
        if name in by_name:
            problems.append(f"{name} is hidden, yet an argument")
    hints = typing.get_type_hints(method)
    for name in map(snake, row.entry.flags):
        if name not in by_name or hints.get(name) is not bool or by_name[name].default is not False:
            problems.append(f"{name} is a flag, not an argument `bool = False`")
    optional = [p.name for p in parameters if p.kind is inspect.Parameter.KEYWORD_ONLY and p.name not in row.required]
    problems.extend(
        f"{name} is optional without a default" for name in optional if by_name[name].default is by_name[name].empty
    )
    returned = hints.get("return")
    expected = row.return_annotation
    if row.page_items is not None and inspect.iscoroutinefunction(method):
        expected = AsyncNumberedPage[row.model]  # type: ignore[name-defined]
    subclass = (
        row.entry.handwritten
        and row.entry.returns == "object"
        and isinstance(returned, type)
        and issubclass(returned, row.model)
    )
    if returned != expected and not subclass:
        problems.append(f"returns {returned}, not {expected}")
    return problems


def _sync_method(row: Row) -> Callable[..., Any]:
    with PilotStatus(api_key=KEY, base_url=BASE_URL, transport=httpx.MockTransport(_refuse)) as client:
        return row.method_of(client)


def _refuse(request: httpx.Request) -> httpx.Response:
    raise AssertionError(f"no request may be sent, but {request.method} {request.url} was")


EXPOSED = [row_of(entry) for entry in OPERATIONS if entry.sdk_method is not None]
"""Every operation the SDK exposes."""
SKIPPED = [row for row in EXPOSED if row.entry.handwritten and convention_problems(row, _sync_method(row))]
"""The hand-written methods whose signature does not follow the convention, left to their own tests."""
ROWS = [row for row in EXPOSED if row not in SKIPPED]
"""The rows of the tables: every generated method, and the hand-written ones that follow the convention."""


def call(
    flavor: Flavor,
    row: Row,
    handler: Callable[[httpx.Request], httpx.Response],
    *,
    path_values: tuple[Any, ...] | None = None,
    keywords: Mapping[str, Any] | None = None,
    whatsapp_number_id: str | None = None,
    max_retries: int = 2,
) -> Any:
    """Call `row`'s method once, with its arguments (or those given), through a new client of `flavor` served by
    `handler`; what it returned, or raise what it raised."""
    args = row.path_values if path_values is None else path_values
    kwargs = row.keywords if keywords is None else keywords
    transport = httpx.MockTransport(handler)
    options: dict[str, Any] = {
        "api_key": KEY, "base_url": BASE_URL, "transport": transport, "max_retries": max_retries,
        "whatsapp_number_id": whatsapp_number_id,
    }  # fmt: skip
    if flavor == "sync":
        with PilotStatus(**options) as client:
            result = row.method_of(client)(*args, **kwargs)
            assert not inspect.isawaitable(result)
            return result

    async def main() -> Any:
        async with AsyncPilotStatus(**options) as client:
            pending = row.method_of(client)(*args, **kwargs)
            assert inspect.isawaitable(pending)
            return await pending

    return asyncio.run(main())


def error_examples(row: Row) -> list[tuple[int, JSON]]:
    """Every documented error body of the operation, with its status."""
    return [
        (int(status), example)
        for status, response in error_responses(spec_operation(row.entry.operation_id)).items()
        for example in media_examples(response["content"]["application/json"])
    ]
