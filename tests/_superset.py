"""What `openapi.json` would lose against a published upstream block: the rule that keeps the spec faithful.

`openapi.json` may add to upstream (schemas, formats, bounds, more examples, more codes) but never drop or reword
what upstream publishes. `superset_gaps` lists every published thing that is missing or changed, each with where
it stands, so a failing test says exactly what was lost.

Two refinements are allowed on purpose, and only these:
- a parameter's schema `type` may be narrowed (upstream writes `limit` as a string): on the wire a query value is
  text either way, so its example is compared in its wire form ('25' and 25 are the same query);
- a response body's schema may be replaced by a stricter one (a `$ref`), provided every property upstream
  declares is still there with a type that admits upstream's.
That upstream's examples still validate against the refined schemas is checked by the example tests.
"""

from __future__ import annotations

from typing import Any

from tests._spec import JSON, media_examples, operations, resolve


def _types(schema: JSON) -> set[str]:
    declared = schema.get("type", [])
    return {declared} if isinstance(declared, str) else set(declared)


def _wire(value: Any) -> str:
    """How a parameter value is written in a URL."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _same_keys(upstream: JSON, ours: JSON, where: str, skip: frozenset[str] = frozenset()) -> list[str]:
    return [
        f"{where}: `{key}` is {ours.get(key, '<missing>')!r}, upstream publishes {value!r}"
        for key, value in upstream.items()
        if key not in skip and ours.get(key) != value
    ]


def _schema_gaps(upstream: JSON, ours: JSON, document: JSON, where: str) -> list[str]:
    ours = resolve(document, ours)
    gaps = []
    for name, prop in upstream.get("properties", {}).items():
        theirs = ours.get("properties", {}).get(name)
        if theirs is None:
            gaps.append(f"{where}: property `{name}` is missing")
        elif not _types(prop) <= _types(resolve(document, theirs)) | _any_of_types(document, theirs):
            gaps.append(f"{where}: property `{name}` no longer admits type {prop.get('type')!r}")
    return gaps


def _any_of_types(document: JSON, schema: JSON) -> set[str]:
    return {t for member in schema.get("anyOf", []) for t in _types(resolve(document, member))}


def _media_gaps(upstream: JSON, ours: JSON, document: JSON, where: str) -> list[str]:
    gaps = []
    for media_type, media in upstream.items():
        mine = ours.get(media_type)
        if mine is None:
            gaps.append(f"{where}: media type {media_type} is missing")
            continue
        kept = media_examples(mine)
        gaps += [f"{where} {media_type}: example {ex!r} is missing" for ex in media_examples(media) if ex not in kept]
        if "schema" in media:
            if "schema" not in mine:
                gaps.append(f"{where} {media_type}: schema is missing")
            else:
                gaps += _schema_gaps(media["schema"], mine["schema"], document, f"{where} {media_type} schema")
    return gaps


def _parameter_gaps(upstream: list[JSON], ours: list[JSON], where: str) -> list[str]:
    mine = {(p["name"], p["in"]): p for p in ours}
    gaps = []
    for param in upstream:
        at = f"{where} parameter {param['in']}:{param['name']}"
        theirs = mine.get((param["name"], param["in"]))
        if theirs is None:
            gaps.append(f"{at} is missing")
            continue
        gaps += _same_keys(param, theirs, at, skip=frozenset({"schema", "example"}))
        if "example" in param and _wire(theirs.get("example")) != _wire(param["example"]):
            gaps.append(f"{at}: example {theirs.get('example')!r} is not upstream's {param['example']!r}")
        gaps += _same_keys(param.get("schema", {}), theirs.get("schema", {}), f"{at} schema", skip=frozenset({"type"}))
    return gaps


def _operation_gaps(upstream: JSON, ours: JSON, document: JSON, where: str) -> list[str]:
    gaps = _same_keys(upstream, ours, where, skip=frozenset({"tags", "parameters", "requestBody", "responses"}))
    gaps += [f"{where}: tag {tag!r} is missing" for tag in upstream.get("tags", []) if tag not in ours.get("tags", [])]
    gaps += _parameter_gaps(upstream.get("parameters", []), ours.get("parameters", []), where)
    if "requestBody" in upstream:
        body = ours.get("requestBody")
        if body is None:
            gaps.append(f"{where}: requestBody is missing")
        else:
            at = f"{where} requestBody"
            gaps += _same_keys(upstream["requestBody"], body, at, skip=frozenset({"content"}))
            gaps += _media_gaps(upstream["requestBody"].get("content", {}), body.get("content", {}), document, at)
    for status, response in upstream.get("responses", {}).items():
        at = f"{where} response {status}"
        mine = ours.get("responses", {}).get(status)
        if mine is None:
            gaps.append(f"{at} is missing")
            continue
        gaps += _same_keys(response, mine, at, skip=frozenset({"content", "headers"}))
        gaps += [
            f"{at}: header {h} is missing" for h in response.get("headers", {}) if h not in mine.get("headers", {})
        ]
        gaps += _media_gaps(response.get("content", {}), mine.get("content", {}), document, at)
    return gaps


def superset_gaps(upstream: JSON, ours: JSON) -> list[str]:
    """Everything `upstream` publishes that `ours` lost or changed; empty when `ours` is a faithful superset."""
    gaps = _same_keys({"openapi": upstream.get("openapi")}, ours, "document")
    gaps += _same_keys(upstream.get("info", {}), ours.get("info", {}), "info")
    servers = [server["url"] for server in ours.get("servers", [])]
    gaps += [f"server {s['url']} is missing" for s in upstream.get("servers", []) if s["url"] not in servers]
    security = ours.get("security", [])
    gaps += [f"security requirement {r!r} is missing" for r in upstream.get("security", []) if r not in security]
    schemes = ours.get("components", {}).get("securitySchemes", {})
    for name, scheme in upstream.get("components", {}).get("securitySchemes", {}).items():
        gaps += _same_keys(scheme, schemes.get(name, {}), f"securityScheme {name}")
    for path, method, operation in operations(upstream):
        where = f"{method.upper()} {path}"
        mine = ours.get("paths", {}).get(path, {}).get(method)
        if mine is None:
            gaps.append(f"{where} is missing")
        else:
            gaps += _operation_gaps(operation, mine, ours, where)
    return gaps
