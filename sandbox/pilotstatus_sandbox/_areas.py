"""The areas of the API the sandbox has state for, found by the catalogue's `area` of each operation: an area with
a package here (`calls/`) serves its operations with the handlers of its `responses.py` (`HANDLERS`, by
operationId); an operation whose area has no package, or no handler for it, is answered from its spec's 2xx example
(example-only). No list of areas or operations is kept: adding a handler to an area's table is what gives an
operation state.

Nothing here loads the web framework: the CLI's help reads which operations are example-only without the extra.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from ._operation import Handler

if TYPE_CHECKING:
    from pilotstatus_api.catalogue import Entry

__all__ = ["Area", "area", "example_only", "handlers"]


@dataclass(frozen=True)
class Area:
    """What the sandbox holds for one area: its handlers by operationId, why a kind of number lacks some of its
    operations, and what a kind that serves none of them is told (`_providers.unsupported`)."""

    name: str
    handlers: Mapping[str, Handler] = field(default_factory=dict)
    why_not: Mapping[str, str] = field(default_factory=dict)
    unserved: str | None = None


@cache
def area(name: str) -> Area:
    """The area `name` (snake case, as the catalogue's `Entry.area`): its package's tables, or an empty area when it
    has no package (its operations are example-only)."""
    package = f"{__package__}.{name}"
    if not name.isidentifier() or importlib.util.find_spec(package) is None:
        return Area(name)
    handlers: Mapping[str, Handler] = {}
    if importlib.util.find_spec(f"{package}.responses") is not None:
        handlers = importlib.import_module(f"{package}.responses").HANDLERS
    module = importlib.import_module(package)
    return Area(name, handlers, getattr(module, "WHY_NOT", {}), getattr(module, "UNSERVED", None))


def _catalogue() -> tuple[Entry, ...]:
    """The catalogue's operations, read when asked for: `make generate` imports this module (for the README's table)
    while the catalogue is what it rewrites, so a broken committed catalogue must not stop it."""
    from pilotstatus_api import catalogue

    return catalogue.OPERATIONS


def handlers(entries: Iterable[Entry] | None = None) -> dict[str, Handler]:
    """The handler of each operation of `entries` (default: the catalogue's) that has one, by operationId; a handler
    that names no operation of its area is a mistake, refused here."""
    found: dict[str, Handler] = {}
    by_area: dict[str, set[str]] = {}
    for entry in _catalogue() if entries is None else entries:
        by_area.setdefault(entry.area, set()).add(entry.operation_id)
    for name, operation_ids in by_area.items():
        table = area(name).handlers
        if stray := set(table) - operation_ids:
            raise RuntimeError(f"the {name} area has handlers for operations the catalogue lacks: {sorted(stray)}")
        found.update(table)
    return found


def example_only(entries: Iterable[Entry] | None = None) -> list[Entry]:
    """The operations of `entries` (default: the catalogue's) with no handler, answered from their 2xx example, in
    their order."""
    listed = list(_catalogue() if entries is None else entries)
    handled = handlers(listed)
    return [entry for entry in listed if entry.operation_id not in handled]
