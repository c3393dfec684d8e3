"""Which kinds of number serve an operation: read from the catalogue (`Entry.providers`, the spec's
`x-pilotstatus.providers`), never listed here. What is here is how a refusal is worded.

Meta Cloud API numbers relay signalling (SDP) and pass Meta's settings and permissions through; Pilot Status web
(EVO_GO) numbers handle media on the server, so they have `play` and `realtime-session` instead, and no pre-accept,
settings or permissions (calls-more.md §1, from the official SDK). Why a kind of number lacks what it lacks is its
area's data (`WHY_NOT` in the area's package, as `calls.WHY_NOT`); the sentence is derived from the operation.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from pilotstatus_api.catalogue import Entry

__all__ = ["NAMES", "UNSUPPORTED_PROVIDER", "Provider", "unsupported"]

Provider = Literal["META", "EVO_GO"]

NAMES: Mapping[str, str] = {"META": "Meta Cloud API", "EVO_GO": "Pilot Status web (EVO_GO)"}
"""Each kind of number as a sentence names it."""

UNSUPPORTED_PROVIDER = "Calling is only supported for Meta Cloud API and Pilot Status (web) numbers."
"""The documented message of a number whose provider cannot call at all."""


def unsupported(provider: Provider, entry: Entry, why_not: Mapping[str, str]) -> str | None:
    """Why a number of kind `provider` cannot serve the operation `entry` (the 400 FEATURE_NOT_SUPPORTED message),
    or None when it can. `why_not` is the area's reason, by kind of number, for what that kind lacks."""
    if entry.providers is None or provider in entry.providers:
        return None
    names = " and ".join(NAMES.get(kind, kind) for kind in entry.providers)
    why = why_not.get(provider)
    return f"{entry.http_method} {entry.path} is for {names} numbers only" + (f": {why}." if why else ".")
