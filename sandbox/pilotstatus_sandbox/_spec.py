"""The OpenAPI document the sandbox serves and validates requests against: the project's `openapi.json`."""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = ["DEFAULT_BODY_LIMIT", "TRAITS_EXTENSION", "load_spec", "validation_spec"]

DEFAULT_BODY_LIMIT = 1 << 20
"""The most bytes a request body may hold (1 MiB) when its operation does not say: far more than any Calls body
needs (an SDP offer is a few kilobytes), and little enough that an oversized request costs the sandbox nothing."""

TRAITS_EXTENSION = "x-pilotstatus"
"""The operation extension holding its traits (`spec/x-pilotstatus.schema.json`); its `bodyLimit` sets the
operation's own body limit, in bytes (for media sent as data URLs, say), read from the catalogue's `body_limit`."""

_SOURCE_SPEC = Path(__file__).resolve().parents[2] / "openapi.json"


@cache
def load_spec() -> dict[str, Any]:
    """The spec: the copy a built wheel carries, or else the checkout's own `openapi.json` (an editable install)."""
    packaged = resources.files(__package__).joinpath("openapi.json")
    text = packaged.read_text(encoding="utf-8") if packaged.is_file() else _SOURCE_SPEC.read_text(encoding="utf-8")
    spec: dict[str, Any] = json.loads(text)
    return spec


def validation_spec(spec: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """`spec` (default: `load_spec()`) with its server made relative, so that requests match it on whatever host and
    port the sandbox has."""
    relative = copy.deepcopy(dict(load_spec() if spec is None else spec))
    relative["servers"] = [{"url": "/"}]
    return relative
