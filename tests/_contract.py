"""The spec as schemathesis sees it, and checking a response received by any client (the SDK's included) against it."""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import schemathesis
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import FailureGroup
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.specs.openapi.schemas import OpenApiSchema

__all__ = [
    "RESPONSE_CHECKS",
    "SPEC_PATH",
    "FailureGroup",
    "contract_runner",
    "load_schema",
    "load_spec_dict",
    "validate_with_spec",
]

SPEC_PATH = Path(__file__).resolve().parents[1] / "openapi.json"

# The checks that judge a response on its own: the others (negative data, ignored auth...) re-send requests.
RESPONSE_CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


@cache
def contract_runner() -> ModuleType:
    """`tools/contract.py` (`make contract`), as a module: the one place its settings are read."""
    spec = importlib.util.spec_from_file_location("contract_runner", SPEC_PATH.parent / "tools" / "contract.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@cache
def load_schema() -> OpenApiSchema:
    schema = schemathesis.openapi.from_path(SPEC_PATH)
    assert isinstance(schema, OpenApiSchema)
    return schema


def validate_with_spec(response: httpx.Response) -> None:
    """Raise `FailureGroup` (schemathesis's failed checks, with a report) unless `response` conforms to the spec's
    operation for its request: status documented, content type, headers and body schema."""
    schema = load_schema()
    operation = schema.find_operation_by_path(response.request.method, response.request.url.path)
    assert operation is not None, f"no operation in the spec for {response.request.method} {response.request.url.path}"
    case = operation.Case(query=dict(response.request.url.params))
    case.validate_response(response, checks=RESPONSE_CHECKS)


def load_spec_dict(spec_path: Path = SPEC_PATH) -> dict[str, Any]:
    """The spec at `spec_path`, as JSON data."""
    spec: dict[str, Any] = json.loads(spec_path.read_text(encoding="utf-8"))
    return spec
