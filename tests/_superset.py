"""What `openapi.json` would lose against a published upstream block: the rule that keeps the spec faithful.

`openapi.json` may add to upstream (schemas, formats, bounds, more examples, more codes) but never drop or reword
what upstream publishes. `superset_gaps` lists every published thing that is missing or changed, each with where
it stands, so a failing test says exactly what was lost. Values are compared as JSON (120 is not 120.0).

Refinements that are allowed on purpose, and only these:
- a parameter's or header's schema `type` may be narrowed (upstream writes `limit` as a string): on the wire the
  value is text either way, so a parameter's example is compared in its wire form ('25' and 25 are one query);
- a schema may gain keywords (`format`, bounds, `required`), or be replaced by a `$ref` to a stricter one, or by an
  `anyOf` that admits more, provided everything upstream's schema says still holds: each property is still there,
  recursively, each type and each enum value is still admitted, each required property is still required;
- a media type's `example` may move into `examples` beside new ones;
- a description may go on after upstream's words (to say where the spec is stricter than upstream, say), never
  change them.
That upstream's examples still validate against the refined schemas is checked by the example tests.

What ours adds beside upstream's operations is checked by `unlabelled_additions`: an operation that no upstream block
publishes (Get message, documented in prose and by the official SDK only) must label itself with
`x-pilotstatus-upstream`, saying where it comes from; a top-level section that no upstream block has is allowed only
where a rule says how it stays honest. `tags` may only describe tags that
upstream's operations already carry; `webhooks` (no upstream block has one: the call webhooks are documented in prose
and by the official SDK, never as OpenAPI) must label each of its operations with `x-pilotstatus-upstream`, saying
what is documented and what is inferred. Any other new section is reported.

Two kinds of block are read with their own allowance. A partial block (its page could be read only in part) ends
early, so what it shows of a list or an object is a beginning: each of its examples must be the beginning of one of
ours. A translated block (`*.pt-BR.yaml`) says in another language what ours says in English, so its prose (`summary`,
`description`, `title`) is not compared; its structure, values and examples are.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from tests._spec import HTTP_METHODS, JSON, media_examples, operations, resolve, webhook_operations

SCHEMA_KEYWORDS_COMPARED_APART = frozenset({"type", "properties", "items", "required", "enum"})


PROSE = frozenset({"summary", "description", "title"})


@dataclass(frozen=True)
class Documents:
    """The two documents compared, for resolving the `$ref`s of each side, and how the upstream one is read."""

    upstream: JSON
    ours: JSON
    partial: bool = False
    translated: bool = False


def _same(first: Any, second: Any) -> bool:
    return json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)


def _begins(upstream: Any, ours: Any) -> bool:
    """Whether `upstream`, read from a block cut short, is the beginning of `ours`: each key it has holds the beginning
    of ours, its list is a beginning of ours, and anything else is the same value."""
    if isinstance(upstream, dict) and isinstance(ours, dict):
        return all(key in ours and _begins(value, ours[key]) for key, value in upstream.items())
    if isinstance(upstream, list) and isinstance(ours, list):
        return len(upstream) <= len(ours) and all(map(_begins, upstream, ours))
    return _same(upstream, ours)


def _extends(upstream: Any, ours: Any) -> bool:
    """A description kept: upstream's words, possibly followed by more of ours after a space or a line break."""
    if not (isinstance(upstream, str) and isinstance(ours, str)) or not ours.startswith(upstream):
        return False
    return len(ours) == len(upstream) or ours[len(upstream)].isspace()


def _kept(key: str, upstream: Any, ours: Any, docs: Documents | None) -> bool:
    if docs is not None and docs.translated and key in PROSE:
        return True
    if key == "description" and _extends(upstream, ours):
        return True
    return _begins(upstream, ours) if docs is not None and docs.partial else _same(upstream, ours)


def _same_keys(
    upstream: JSON, ours: JSON, where: str, skip: frozenset[str] = frozenset(), docs: Documents | None = None
) -> list[str]:
    return [
        f"{where}: `{key}` is {ours.get(key, '<missing>')!r}, upstream publishes {value!r}"
        for key, value in upstream.items()
        if key not in skip and not _kept(key, value, ours.get(key), docs)
    ]


def _target(document: JSON, node: JSON) -> JSON:
    """`node`, its `$ref` followed; a `$ref` that leads nowhere resolves to nothing, so all it held is reported lost."""
    try:
        return resolve(document, node)
    except (KeyError, TypeError):
        return {}


def _wire(value: Any) -> str:
    """How a parameter value is written in a URL or a header."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value if isinstance(value, str) else json.dumps(value)


# --- schemas ------------------------------------------------------------------------------------------------------


def _alternatives(document: JSON, schema: JSON) -> list[JSON]:
    """The schema itself and, recursively, each member of its `anyOf`/`oneOf`: the shapes a value may take."""
    schema = _target(document, schema)
    members = schema.get("anyOf", []) + schema.get("oneOf", [])
    return [schema] + [shape for member in members for shape in _alternatives(document, member)]


def _types(schema: JSON) -> set[str]:
    declared = schema.get("type", [])
    return {declared} if isinstance(declared, str) else set(declared)


def _admits_value(shapes: list[JSON], value: Any) -> bool:
    """Whether some shape takes `value`: one listing it in its enum, or one of its type that lists none."""
    json_type = {str: "string", bool: "boolean", int: "integer", float: "number", type(None): "null"}.get(type(value))
    for shape in shapes:
        if "enum" in shape:
            if value in shape["enum"]:
                return True
        elif json_type in _types(shape) or (json_type == "integer" and "number" in _types(shape)):
            return True
    return False


def schema_gaps(upstream: JSON, ours: JSON, docs: Documents, where: str, *, on_the_wire: bool = False) -> list[str]:
    """What upstream's schema says that ours no longer does."""
    upstream = _target(docs.upstream, upstream)
    shapes = _alternatives(docs.ours, ours)
    own = shapes[0]
    gaps = _same_keys(upstream, own, where, skip=SCHEMA_KEYWORDS_COMPARED_APART, docs=docs)
    admitted = set().union(*map(_types, shapes))
    if not on_the_wire and not _types(upstream) <= admitted:
        gaps.append(f"{where}: type {upstream['type']!r} is no longer admitted (ours: {sorted(admitted)})")
    gaps += [
        f"{where}: enum value {v!r} is no longer admitted"
        for v in upstream.get("enum", [])
        if not _admits_value(shapes, v)
    ]
    required = set(own.get("required", []))
    gaps += [
        f"{where}: `{name}` is no longer required" for name in upstream.get("required", []) if name not in required
    ]
    properties = {name: prop for shape in shapes for name, prop in shape.get("properties", {}).items()}
    for name, prop in upstream.get("properties", {}).items():
        if name not in properties:
            gaps.append(f"{where}: property `{name}` is missing")
        else:
            gaps += schema_gaps(prop, properties[name], docs, f"{where}.{name}")
    if "items" in upstream:
        items = next((shape["items"] for shape in shapes if "items" in shape), None)
        if items is None:
            gaps.append(f"{where}: `items` is missing")
        else:
            gaps += schema_gaps(upstream["items"], items, docs, f"{where}[]")
    return gaps


# --- operations ---------------------------------------------------------------------------------------------------


def _parameters(document: JSON, path: str, method: str) -> dict[tuple[str, str], JSON]:
    """An operation's parameters by (name, in): the path's, overridden by the operation's own."""
    item = document.get("paths", {}).get(path, {})
    merged = {}
    for parameter in [*item.get("parameters", []), *item.get(method, {}).get("parameters", [])]:
        parameter = _target(document, parameter)
        if parameter:
            merged[(parameter["name"], parameter["in"])] = parameter
    return merged


def _wire_value_gaps(upstream: JSON, ours: JSON, docs: Documents, where: str) -> list[str]:
    """A parameter or a header: every key kept, the example in its wire form, the schema refined at most."""
    upstream, ours = _target(docs.upstream, upstream), _target(docs.ours, ours)
    gaps = _same_keys(upstream, ours, where, skip=frozenset({"schema", "example"}), docs=docs)
    if "example" in upstream and _wire(ours.get("example")) != _wire(upstream["example"]):
        gaps.append(f"{where}: example {ours.get('example')!r} is not upstream's {upstream['example']!r}")
    if "schema" in upstream:
        gaps += schema_gaps(upstream["schema"], ours.get("schema", {}), docs, f"{where} schema", on_the_wire=True)
    return gaps


def _media_gaps(upstream: JSON, ours: JSON, docs: Documents, where: str) -> list[str]:
    """A request or response body: every media type, every example and what every schema says."""
    gaps = []
    for media_type, media in upstream.get("content", {}).items():
        mine = ours.get("content", {}).get(media_type)
        if mine is None:
            gaps.append(f"{where}: media type {media_type} is missing")
            continue
        kept = media_examples(mine)
        gaps += [
            f"{where} {media_type}: example {example!r} is missing"
            for example in media_examples(media)
            if not any(_kept("example", example, other, docs) for other in kept)
        ]
        if "schema" in media:
            gaps += schema_gaps(media["schema"], mine.get("schema", {}), docs, f"{where} {media_type} schema")
    return gaps


def _body_gaps(upstream: JSON, ours: JSON | None, docs: Documents, where: str) -> list[str]:
    """A request body or a response: its own keys, its headers, its content."""
    if ours is None:
        return [f"{where} is missing"]
    upstream, ours = _target(docs.upstream, upstream), _target(docs.ours, ours)
    gaps = _same_keys(upstream, ours, where, skip=frozenset({"content", "headers"}), docs=docs)
    for name, header in upstream.get("headers", {}).items():
        mine = ours.get("headers", {}).get(name)
        if mine is None:
            gaps.append(f"{where}: header {name} is missing")
        else:
            gaps += _wire_value_gaps(header, mine, docs, f"{where} header {name}")
    return gaps + _media_gaps(upstream, ours, docs, where)


def _operation_gaps(docs: Documents, path: str, method: str) -> list[str]:
    where = f"{method.upper()} {path}"
    upstream, ours = docs.upstream["paths"][path][method], docs.ours["paths"][path][method]
    gaps = _same_keys(
        upstream, ours, where, skip=frozenset({"tags", "parameters", "requestBody", "responses"}), docs=docs
    )
    gaps += [f"{where}: tag {tag!r} is missing" for tag in upstream.get("tags", []) if tag not in ours.get("tags", [])]
    our_parameters = _parameters(docs.ours, path, method)
    for key, parameter in _parameters(docs.upstream, path, method).items():
        at = f"{where} parameter {key[1]}:{key[0]}"
        if key in our_parameters:
            gaps += _wire_value_gaps(parameter, our_parameters[key], docs, at)
        else:
            gaps.append(f"{at} is missing")
    if "requestBody" in upstream:
        gaps += _body_gaps(upstream["requestBody"], ours.get("requestBody"), docs, f"{where} requestBody")
    for status, response in upstream.get("responses", {}).items():
        gaps += _body_gaps(response, ours.get("responses", {}).get(status), docs, f"{where} response {status}")
    return gaps


# --- the document -------------------------------------------------------------------------------------------------


def _component_gaps(docs: Documents) -> list[str]:
    gaps = []
    ours = docs.ours.get("components", {})
    for kind, entries in docs.upstream.get("components", {}).items():
        for name, entry in entries.items():
            where = f"components/{kind}/{name}"
            mine = ours.get(kind, {}).get(name)
            if mine is None:
                gaps.append(f"{where} is missing")
            elif kind == "schemas":
                gaps += schema_gaps(entry, mine, docs, where)
            else:
                gaps += _same_keys(entry, mine, where, docs=docs)
    return gaps


def superset_gaps(upstream: JSON, ours: JSON, *, partial: bool = False, translated: bool = False) -> list[str]:
    """Everything `upstream` publishes that `ours` lost or changed; empty when `ours` is a faithful superset.

    `partial`: the block was cut short (see the module's docstring); `translated`: it is another language's page."""
    docs = Documents(upstream=upstream, ours=ours, partial=partial, translated=translated)
    gaps = _same_keys({"openapi": upstream.get("openapi")}, ours, "document")
    if not translated:  # the document's title and description, in another language
        gaps += _same_keys(upstream.get("info", {}), ours.get("info", {}), "info", docs=docs)
    servers = [server["url"] for server in ours.get("servers", [])]
    gaps += [f"server {s['url']} is missing" for s in upstream.get("servers", []) if s["url"] not in servers]
    security = ours.get("security", [])
    gaps += [f"security requirement {r!r} is missing" for r in upstream.get("security", []) if r not in security]
    tags = {tag["name"]: tag for tag in ours.get("tags", [])}
    for tag in upstream.get("tags", []):
        gaps += _same_keys(tag, tags.get(tag["name"], {}), f"tag {tag['name']}", docs=docs)
    gaps += _component_gaps(docs)
    for path, item in upstream.get("paths", {}).items():
        for method in HTTP_METHODS:
            if method not in item:
                continue
            if method in ours.get("paths", {}).get(path, {}):
                gaps += _operation_gaps(docs, path, method)
            else:
                gaps.append(f"{method.upper()} {path} is missing")
    return gaps


# --- what ours adds beside upstream -------------------------------------------------------------------------------

UPSTREAM_LABEL = "x-pilotstatus-upstream"
"""The extension that says, on a part of the spec no upstream block publishes, where what it says comes from."""


def _labelled(operation: JSON) -> bool:
    label = operation.get(UPSTREAM_LABEL)
    return isinstance(label, str) and bool(label.strip())


def unlabelled_additions(upstream_blocks: Iterable[JSON], ours: JSON) -> list[str]:
    """Each operation of `ours` that no upstream block publishes and that has no label, and each top-level section
    of `ours` that no upstream block has and that breaks its rule (see the module's docstring), with where it
    stands; empty when every such operation and section is accounted for."""
    blocks = list(upstream_blocks)
    published = {section for block in blocks for section in block}
    upstream_operations = [operation for block in blocks for *_, operation in operations(block)]
    upstream_tags = {tag for operation in upstream_operations for tag in operation.get("tags", [])}
    published_operations = {(path, method) for block in blocks for path, method, _ in operations(block)}
    gaps: list[str] = [
        f"{method.upper()} {path}: published by no upstream block, and no {UPSTREAM_LABEL} saying where it comes from"
        for path, method, operation in operations(ours)
        if (path, method) not in published_operations and not _labelled(operation)
    ]
    for section in sorted(ours.keys() - published):
        if section == "tags":
            gaps += [
                f"tag {tag['name']!r} is carried by no upstream operation"
                for tag in ours["tags"]
                if tag["name"] not in upstream_tags
            ]
        elif section == "webhooks":
            for name, item in ours["webhooks"].items():
                if not any(method in item for method in HTTP_METHODS):
                    gaps.append(f"webhooks/{name}: no operation")
            for name, method, operation in webhook_operations(ours):
                if not _labelled(operation):
                    gaps.append(f"webhooks/{name} {method.upper()}: no {UPSTREAM_LABEL} saying where it comes from")
        else:
            gaps.append(f"section `{section}` is in no upstream block, and no rule says how it stays honest")
    return gaps
