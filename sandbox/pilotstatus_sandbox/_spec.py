"""The OpenAPI document the sandbox serves and validates requests against: the project's `openapi.json`."""

from __future__ import annotations

import copy
import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = ["load_spec", "validation_spec"]

_SOURCE_SPEC = Path(__file__).resolve().parents[2] / "openapi.json"


@cache
def load_spec() -> dict[str, Any]:
    """The spec: the copy a built wheel carries, or else the checkout's own `openapi.json` (an editable install)."""
    packaged = resources.files(__package__).joinpath("openapi.json")
    text = packaged.read_text(encoding="utf-8") if packaged.is_file() else _SOURCE_SPEC.read_text(encoding="utf-8")
    spec: dict[str, Any] = json.loads(text)
    return spec


def validation_spec() -> dict[str, Any]:
    """The spec with its server made relative, so that requests match it on whatever host and port the sandbox has."""
    spec = copy.deepcopy(load_spec())
    spec["servers"] = [{"url": "/"}]
    return spec
