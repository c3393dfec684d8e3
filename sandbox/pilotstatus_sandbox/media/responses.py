"""The Media area's handler (moto's `responses.py`): `GET /v1/media/{mediaId}`, the media a user sent to a Meta
number, found among that number's messages.

Sandbox behaviour, not documented upstream: `phoneNumberId` names the Meta number (any of the sandbox's, as any Meta
number of the account upstream: `NumberSpec.phone_number_id`) whose users' media is looked for; one that names none
is 400, a media id that number never received is 404 (without a code: upstream names none). The media comes back
whole, as a data URL (`data:<mimeType>;base64,...`)."""

from __future__ import annotations

import base64
from typing import Any

from pilotstatus_sandbox._backend import NUMBERS, Backend
from pilotstatus_sandbox._errors import ApiError
from pilotstatus_sandbox._operation import Handler, Operation

__all__ = ["HANDLERS", "download"]

_PHONE_NUMBER_IDS = {spec.phone_number_id: spec.number_id for spec in NUMBERS if spec.phone_number_id is not None}


def download(backend: Backend, media_id: str, *, phone_number_id: str) -> dict[str, Any]:
    """The media `media_id` that a user sent to the Meta number whose phone number id is `phone_number_id`."""
    number_id = _PHONE_NUMBER_IDS.get(phone_number_id)
    number = None if number_id is None else backend.number(number_id)
    if number is None:
        known = ", ".join(sorted(_PHONE_NUMBER_IDS))
        raise ApiError(
            400,
            f"Validation error: phoneNumberId ({phone_number_id[:40]!r}) is not the phone number id of a Meta number"
            f" of this account (the sandbox's: {known})",
        )
    with backend.locked():
        for message in number.messages.all():
            media = message.media
            if media is not None and media.id == media_id and media.content is not None:
                mime_type = media.mime_type or "application/octet-stream"
                return {
                    "base64": f"data:{mime_type};base64,{base64.b64encode(media.content).decode()}",
                    "mimeType": mime_type,
                    "fileName": media.file_name,
                    "mediaId": media_id,
                }
    raise ApiError(404, f"Media not found: {media_id[:80]!r} is no media sent to {phone_number_id}")


def _download(op: Operation) -> Any:
    media_id: str = op.request.path_params["mediaId"]
    return download(op.backend, media_id, phone_number_id=op.validated.query["phoneNumberId"])


HANDLERS: dict[str, Handler] = {"get_media_mediaId": _download}
"""The handler of each Media operation, by operationId."""
