"""Which kinds of number serve an operation: read from the catalogue (`Entry.providers`, the spec's
`x-pilotstatus.providers`), never listed here. What is here is how a refusal is worded.

Meta Cloud API numbers relay signalling (SDP) and pass Meta's settings and permissions through; Pilot Status web
(EVO_GO) numbers handle media on the server, so they have `play` and `realtime-session` instead, and no pre-accept,
settings or permissions (calls-more.md §1, from the official SDK); Evolution v2 numbers cannot call at all. Why a
kind of number lacks what it lacks is its area's data (`Area.why_not`, and `Area.unserved` for a kind that serves
none of the area's operations: `WHY_NOT` and `UNSERVED` in the area's package, as `calls`); the sentence is derived
from the operation.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    # Annotations only: `make generate` imports the areas (for the README's table) while it rewrites the catalogue.
    from pilotstatus_api.catalogue import Entry

    from ._areas import Area

__all__ = ["NAMES", "Provider", "area_kinds", "unsupported"]

Provider = Literal["META", "EVO_GO", "EVOLUTION_V2"]

NAMES: Mapping[str, str] = {
    "META": "Meta Cloud API",
    "EVO_GO": "Pilot Status web (EVO_GO)",
    "EVOLUTION_V2": "Evolution v2",
}
"""Each kind of number as a sentence names it."""


def area_kinds(entries: Iterable[Entry]) -> dict[str, frozenset[str] | None]:
    """By area, the kinds of number that serve at least one of its operations in `entries`: None (every kind) for
    an area with an operation that names no `providers`."""
    kinds: dict[str, frozenset[str] | None] = {}
    for entry in entries:
        known = kinds.get(entry.area, frozenset())
        if known is None or entry.providers is None:
            kinds[entry.area] = None
        else:
            kinds[entry.area] = known | set(entry.providers)
    return kinds


def unsupported(
    provider: str, what: str, kinds: Collection[str] | None, area: Area, served_in_area: Collection[str] | None
) -> str | None:
    """Why a number of kind `provider` cannot serve `what` (an operation, `GET /v1/calls`), which the kinds `kinds`
    serve (None: every kind), in `area`, some operation of which the kinds `served_in_area` serve (None: every kind):
    the 400 FEATURE_NOT_SUPPORTED message, or None when it can.

    A kind that serves none of the area's operations gets the area's own wording when it has one (`Area.unserved`:
    the Calls area's documented "Calling is only supported for ..."); otherwise the sentence names the kinds that
    serve `what`, and why this one lacks it when the area says (`Area.why_not`)."""
    if kinds is None or provider in kinds:
        return None
    if area.unserved is not None and served_in_area is not None and provider not in served_in_area:
        return area.unserved
    names = " and ".join(NAMES.get(kind, kind) for kind in kinds)
    why = area.why_not.get(provider)
    return f"{what} is for {names} numbers only" + (f": {why}." if why else ".")
