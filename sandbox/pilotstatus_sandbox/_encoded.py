"""JSON answers encoded once: what the sandbox sends is the UTF-8 text Starlette's `JSONResponse` writes (compact,
non-ASCII as is, no `NaN`), and a body assembled from pieces encoded earlier (a page of List calls, from each call's
cached text) is the very same bytes as that body encoded whole.

Importing it loads no web framework (`_dataset` encodes with it)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

__all__ = ["EncodedJSON", "encode_json"]


def encode_json(value: Any) -> bytes:
    """`value` as the answers write JSON: the bytes `starlette.responses.JSONResponse(value).body` holds."""
    return json.dumps(value, ensure_ascii=False, allow_nan=False, indent=None, separators=(",", ":")).encode("utf-8")


@dataclass(frozen=True, slots=True)
class EncodedJSON:
    """An answer's JSON body already encoded (as `encode_json` writes it), sent as it is: a handler returns one when
    it assembles its body from pieces it keeps encoded, rather than a value to encode."""

    data: bytes

    @classmethod
    def listing(cls, name: str, items: list[bytes]) -> EncodedJSON:
        """The object `{name: [items...]}`, each item an encoded JSON value: how a page of a list is assembled."""
        return cls(b"{" + encode_json(name) + b":[" + b",".join(items) + b"]}")

    def value(self) -> Any:
        """The JSON value, decoded: for what must read or change it before it is sent (drift)."""
        return json.loads(self.data)
