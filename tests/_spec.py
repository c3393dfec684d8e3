"""Reading `openapi.json` and the vendored upstream blocks, for the tests that check one against the other.

The project's spec is the single source of truth, so the tests derive what they check (schemas, examples,
operations) from it rather than restating it.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parent.parent
SPEC_PATH = ROOT / "openapi.json"
UPSTREAM_DIR = ROOT / "spec" / "upstream"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
LIST_CALLS = ("/v1/calls", "get")
# The fields of a call that are set only once it has rung, connected or ended.
LIFECYCLE_FIELDS = ("startedAt", "connectedAt", "endedAt", "durationSeconds")

JSON = dict[str, Any]


@cache
def _load_spec() -> JSON:
    document: JSON = json.loads(SPEC_PATH.read_text(encoding="utf-8"))
    return document


def load_spec() -> JSON:
    """A fresh copy of `openapi.json`, safe for a test to mutate."""
    return copy.deepcopy(_load_spec())


def upstream_paths() -> list[Path]:
    return sorted(UPSTREAM_DIR.glob("*.yaml"))


# How a vendored block says that the page it was copied from could only be read in part.
CUT_MARKER = "# [the rest of this block is not known]"


def is_partial(path: Path) -> bool:
    """Whether the block stops where its page could no longer be read (it ends with `CUT_MARKER`)."""
    return CUT_MARKER in path.read_text(encoding="utf-8")


def is_translation(path: Path) -> bool:
    """Whether the block is another language's page (`*.pt-BR.yaml`): its prose is not ours to keep word for word."""
    return len(path.suffixes) > 1


def load_upstream(path: Path) -> JSON:
    """A vendored block as a document. A partial block's last line before `CUT_MARKER` is where reading stopped,
    possibly mid-word (`operationId: post_ca`), so it is left out: what remains is what upstream is known to say.

    A block cut before its `paths:` (`post_templates.yaml`) still names its operation in its header line, as the page
    introduces the block (`# Block header in page: ````yaml openapi.json POST /v1/templates`): that operation is its
    one path, with nothing known of it but that it exists."""
    text = path.read_text(encoding="utf-8")
    if CUT_MARKER in text:
        lines = text[: text.index(CUT_MARKER)].splitlines()
        while lines and (not lines[-1].strip() or lines[-1].lstrip().startswith("#")):
            lines.pop()
        block: JSON = yaml.safe_load("\n".join(lines[:-1]) + "\n")
        _drop_open_end(block)
        if "paths" not in block and (named := _header_operation(text)) is not None:
            block["paths"] = {named[1]: {named[0]: {}}}
        return block
    whole: JSON = yaml.safe_load(text)
    return whole


_BLOCK_HEADER = re.compile(r"^# Block header in page: `+yaml \S+ ([A-Z]+) (/\S*)$", re.MULTILINE)


def _header_operation(text: str) -> tuple[str, str] | None:
    """The (method, path) a block's header line names (`# Block header in page: ````yaml openapi.json GET
    /v1/templates`), or None."""
    found = _BLOCK_HEADER.search(text)
    return None if found is None else (found.group(1).lower(), found.group(2))


def _drop_open_end(node: Any) -> None:
    """Remove the key left without a value where a block was cut (`schema:` with what followed unread). Only the
    last branch of the document can have been cut, so only it is followed."""
    if isinstance(node, dict) and node:
        last = next(reversed(node))
        if node[last] is None:
            del node[last]
        else:
            _drop_open_end(node[last])
    elif isinstance(node, list) and node:
        _drop_open_end(node[-1])


def last_branch(document: JSON) -> list[Any]:
    """The objects and lists on a document's last branch (the last key of the last key of ...), from the root: where a
    partial block was cut, so that each of them may be only the beginning of what upstream publishes."""
    nodes: list[Any] = []
    node: Any = document
    while isinstance(node, (dict, list)) and node:
        nodes.append(node)
        node = node[next(reversed(node))] if isinstance(node, dict) else node[-1]
    return nodes


def operations(document: JSON) -> Iterator[tuple[str, str, JSON]]:
    """Every (path, method, operation) of an OpenAPI document."""
    for path, item in document.get("paths", {}).items():
        for method in HTTP_METHODS:
            if method in item:
                yield path, method, item[method]


def webhook_operations(document: JSON) -> Iterator[tuple[str, str, JSON]]:
    """Every (event name, method, operation) of an OpenAPI 3.1 document's `webhooks` section."""
    for name, item in document.get("webhooks", {}).items():
        for method in HTTP_METHODS:
            if method in item:
                yield name, method, item[method]


def inlined(document: JSON, operation: JSON) -> JSON:
    """A copy of `operation` with each shared parameter and response (`components/parameters`,
    `components/responses`) in its place, for reading; the document itself keeps its `$ref`s."""
    copied = dict(operation)
    if "parameters" in copied:
        copied["parameters"] = [resolve(document, parameter) for parameter in copied["parameters"]]
    if "responses" in copied:
        copied["responses"] = {status: resolve(document, response) for status, response in copied["responses"].items()}
    return copied


def list_calls_operation(document: JSON) -> JSON:
    operation: JSON = document["paths"][LIST_CALLS[0]][LIST_CALLS[1]]
    return operation


def documented_page() -> JSON:
    """The 200 example of List calls in `openapi.json`: the page as the documentation shows it."""
    page: JSON = list_calls_operation(load_spec())["responses"]["200"]["content"]["application/json"]["example"]
    return page


def documented_call() -> JSON:
    call: JSON = documented_page()["calls"][0]
    return call


def error_responses(operation: JSON) -> dict[str, JSON]:
    """The 4xx and 5xx responses of an operation, by status."""
    return {status: response for status, response in operation["responses"].items() if status[0] in "45"}


def error_examples() -> list[tuple[int, JSON]]:
    """Every documented error body of List calls, with its status."""
    return [
        (int(status), example)
        for status, response in error_responses(inlined(load_spec(), list_calls_operation(load_spec()))).items()
        for example in media_examples(response["content"]["application/json"])
    ]


@dataclass(frozen=True)
class Example:
    """One example of a response body, with where it stands in its document."""

    where: str
    path: str
    method: str
    status: str
    media_type: str
    value: Any


def media_examples(media: JSON) -> list[Any]:
    """The example values of a media type object, whether given as `example` or as `examples`."""
    values = [media["example"]] if "example" in media else []
    values.extend(example["value"] for example in media.get("examples", {}).values())
    return values


def response_examples(document: JSON) -> Iterator[Example]:
    for path, method, operation in operations(document):
        for status, response in inlined(document, operation).get("responses", {}).items():
            for media_type, media in response.get("content", {}).items():
                for index, value in enumerate(media_examples(media)):
                    where = f"{method.upper()} {path} {status} {media_type} example {index}"
                    yield Example(where, path, method, status, media_type, value)


def validator(schema: JSON) -> Draft202012Validator:
    """A JSON Schema 2020-12 validator (formats checked) for a schema of `openapi.json`, its `$ref`s resolvable."""
    return Draft202012Validator(
        {**schema, "components": _load_spec()["components"]}, format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def component_schema(name: str) -> JSON:
    schema: JSON = load_spec()["components"]["schemas"][name]
    return schema


def response_schema(document: JSON, path: str, method: str, status: str, media_type: str) -> JSON:
    response = resolve(document, document["paths"][path][method]["responses"][status])
    schema: JSON = response["content"][media_type]["schema"]
    return schema


def resolve(document: JSON, node: JSON) -> JSON:
    """Follow a local `$ref` (one level deep is all the spec uses)."""
    if "$ref" not in node:
        return node
    target: Any = document
    for part in node["$ref"].removeprefix("#/").split("/"):
        target = target[part]
    resolved: JSON = target
    return resolved
