"""The Calls area: its state (`models`, each number's calls, settings and permissions) and its handlers
(`responses`, one per operation of the area, by operationId)."""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["WHY_NOT"]

WHY_NOT: Mapping[str, str] = {
    "META": "a Meta number's audio flows over WebRTC, not through the API",
    "EVO_GO": "a web number's media is handled by the server, without Meta's signalling, settings or permissions",
}
"""Why a kind of number lacks the Calls operations it lacks: the second half of its 400 FEATURE_NOT_SUPPORTED."""
