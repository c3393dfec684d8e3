"""Written by tools/generate.py from openapi.json; do not edit.

`media`: the resource's generated methods, sync and async.
"""

from __future__ import annotations

from pilotstatus._operations import Operation
from pilotstatus._resource import AsyncAPIResource, SyncAPIResource
from pilotstatus_api.api.media import get_media_media_id
from pilotstatus_api.models.media_download import MediaDownload

__all__ = ["AsyncMedia", "Media"]

DOWNLOAD = Operation(get_media_media_id, MediaDownload.from_dict)


class Media(SyncAPIResource):
    """The media users send to a Meta Cloud API number, downloaded by their Meta media id.

    `media`: `download()`.
    """

    def download(self, media_id: str, *, phone_number_id: str) -> MediaDownload:
        """Download media (Meta).

        Downloads a Meta Cloud API media by mediaId (e.g. from an inbound webhook) and returns it as a base64 data URI +
        mimeType. Requires the phoneNumberId query param (a tenant Meta number's metaPhoneId). Requires a number-scoped
        key.

        **Requires a number-scoped key.**

        Args:
            media_id: Meta Cloud API media id. The `media.id` of a history row, or the id an inbound webhook gives.
                Stricter than upstream (our assumption): at most 256 characters, not blank, and not `.` or `..`, as a
                call id.
            phone_number_id: metaPhoneId of a tenant Meta number. The media is fetched with that number's Meta
                credentials, whichever number the key is bound to.

        Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number (else
        `TenantScopeNotAllowedError`).
        """
        return self._call(DOWNLOAD, media_id, query={"phone_number_id": phone_number_id})


class AsyncMedia(AsyncAPIResource):
    """The media users send to a Meta Cloud API number, downloaded by their Meta media id.

    `media`: `download()`.

    The async twin of `Media`: the same methods, awaited.
    """

    async def download(self, media_id: str, *, phone_number_id: str) -> MediaDownload:
        """Download media (Meta).

        Downloads a Meta Cloud API media by mediaId (e.g. from an inbound webhook) and returns it as a base64 data URI +
        mimeType. Requires the phoneNumberId query param (a tenant Meta number's metaPhoneId). Requires a number-scoped
        key.

        **Requires a number-scoped key.**

        Args:
            media_id: Meta Cloud API media id. The `media.id` of a history row, or the id an inbound webhook gives.
                Stricter than upstream (our assumption): at most 256 characters, not blank, and not `.` or `..`, as a
                call id.
            phone_number_id: metaPhoneId of a tenant Meta number. The media is fetched with that number's Meta
                credentials, whichever number the key is bound to.

        Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number (else
        `TenantScopeNotAllowedError`).
        """
        return await self._call(DOWNLOAD, media_id, query={"phone_number_id": phone_number_id})
