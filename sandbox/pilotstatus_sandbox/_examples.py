"""The answer of an example-only operation (one of the spec with no handler: `_areas`): its 2xx response's example,
checked against that response's schema when the app is built, so that a wrong example fails the build loudly rather
than teaching a client a shape the API does not have."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from jsonschema import Draft202012Validator

from pilotstatus_api.catalogue import Entry

__all__ = ["Example", "ExampleError", "example_of"]

_JSON = "application/json"


class ExampleError(RuntimeError):
    """An example-only operation whose 2xx answer cannot be made: no example, or one its schema refuses."""


@dataclass(frozen=True)
class Example:
    """What an example-only operation answers: its 2xx status and the example (None: the response has no body)."""

    status: int
    body: Any

    def answer(self) -> Any:
        """A copy of the example, so that no answer shares the one kept."""
        return copy.deepcopy(self.body)


def _deref(spec: Mapping[str, Any], node: Mapping[str, Any]) -> Mapping[str, Any]:
    """`node`, or what its local `$ref` (`#/components/...`) points to."""
    while "$ref" in node:
        target: Any = spec
        for step in node["$ref"].removeprefix("#/").split("/"):
            target = target[step.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


def example_of(spec: Mapping[str, Any], entry: Entry) -> Example:
    """The 2xx answer of `entry` from `spec`: its example, validated against its schema (`ExampleError` when there
    is none, or it does not match)."""
    operation = spec["paths"][entry.path][entry.http_method.lower()]
    code, response = next(
        (code, _deref(spec, response)) for code, response in operation["responses"].items() if code.startswith("2")
    )
    content = response.get("content")
    if not content:  # a 2xx without a body (204): nothing to make up
        return Example(entry.success_status, None)
    media = content.get(_JSON)
    if media is None:
        raise ExampleError(f"{entry.operation_id}: its {code} answer is not {_JSON}; the sandbox answers only JSON")
    if "example" in media:
        body = media["example"]
    elif media.get("examples"):
        body = _deref(spec, next(iter(media["examples"].values()))).get("value")
    else:
        raise ExampleError(
            f"{entry.operation_id} has no handler and its {code} answer no example: give it one in openapi.json"
            " (what the sandbox answers until the area has state), or a handler"
        )
    schema = dict(_deref(spec, media.get("schema", {})))
    # The schema's `$ref`s point into the spec's components: give it them, so that they resolve where they are.
    schema["components"] = spec.get("components", {})
    errors = sorted(Draft202012Validator(schema).iter_errors(body), key=lambda error: list(error.absolute_path))
    if errors:
        where = "/".join(str(step) for step in errors[0].absolute_path) or "the body"
        raise ExampleError(
            f"{entry.operation_id}: the example of its {code} answer does not match its schema at {where}:"
            f" {errors[0].message[:200]}"
        )
    return Example(entry.success_status, body)
