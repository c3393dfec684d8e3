"""The Calls area: its state (`models`, each number's calls, settings and permissions) and its handlers
(`responses`, one per operation of the area, by operationId)."""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["UNSERVED", "WHY_NOT"]

WHY_NOT: Mapping[str, str] = {
    "META": "a Meta number's audio flows over WebRTC, not through the API",
    "EVO_GO": "a web number's media is handled by the server, without Meta's signalling, settings or permissions",
}
"""Why a kind of number lacks the Calls operations it lacks: the second half of its 400 FEATURE_NOT_SUPPORTED."""

UNSERVED = "Calling is only supported for Meta Cloud API and Pilot Status (web) numbers."
"""The documented 400 FEATURE_NOT_SUPPORTED message of every Calls operation on a number whose kind serves none of
them (an Evolution v2 number), in place of the sentence that names one operation."""
