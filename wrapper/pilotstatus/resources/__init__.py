"""The resources of the clients, one class per resource (`Calls`, `CallSettings`, ...), sync and async.

The classes are generated from the spec into `_generated/` (with the hand-written methods of `_handwritten/`); this
package exports the top-level ones, loaded on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .calls import AsyncCalls, Calls

__all__ = ["AsyncCalls", "Calls"]


def __getattr__(name: str) -> Any:
    # On first use, as the clients' resources: `import pilotstatus` loads none of them.
    if name in ("AsyncCalls", "Calls"):
        return getattr(importlib.import_module(f"{__name__}.calls"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
