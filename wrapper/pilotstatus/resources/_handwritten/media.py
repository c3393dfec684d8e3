"""The hand-written method of `media`: `download()`, whose answer carries the media's bytes.

The API answers `{base64, mimeType, fileName, mediaId}`, `base64` being a data URL (`data:<mime>;base64,<data>`);
what a caller wants is the file. `download()` returns a `DownloadedMedia`, the generated `MediaDownload` with
`.content`, those bytes, decoded when asked for (a voice note is small, a video is not: nothing is decoded twice or
unasked).
"""

from __future__ import annotations

import base64
import functools

from attrs import define

from pilotstatus._operations import Operation
from pilotstatus._resource import AsyncAPIResource, SyncAPIResource
from pilotstatus_api.api.media import get_media_media_id
from pilotstatus_api.models.media_download import MediaDownload

__all__ = ["DOWNLOAD", "AsyncMediaMixin", "DownloadedMedia", "MediaMixin", "decode_data_url"]


def decode_data_url(text: str) -> bytes:
    """The bytes of a base64 data URL (`data:image/jpeg;base64,/9j/...`), or of bare base64 (the prefix is optional:
    nothing promises it). Whitespace inside the data is ignored, as RFC 2397 readers do, and the `;base64` marker is
    read in any case, as the WHATWG's data URL reader does; anything else that is not base64 (a character beyond
    ASCII included) is a `ValueError` naming what is wrong."""
    data = text
    if text.startswith("data:"):
        header, comma, data = text.partition(",")
        if not comma:
            raise ValueError("the data URL has no ',' before its data")
        if not header.lower().endswith(";base64"):
            raise ValueError(f"the data URL is not base64 ({header[:60]!r})")
    try:
        return base64.b64decode("".join(data.split()), validate=True)
    except ValueError as error:  # binascii.Error, or a character beyond ASCII
        raise ValueError(f"the media's data is not base64: {error}") from None


@define
class DownloadedMedia(MediaDownload):
    """What `media.download()` returns: the API's answer (`base64`, `mime_type`, `file_name`, `media_id`) and
    `.content`, the media's bytes."""

    @functools.cached_property
    def content(self) -> bytes:
        """The media's bytes: `base64` with its data-URL prefix stripped, decoded. A `ValueError` naming the media
        when the server sent something that is not base64, or no text at all (the answer itself parsed: its other
        fields stand)."""
        sent: object = self.base64  # the model keeps whatever JSON came: `null` or a number too
        if not isinstance(sent, str):
            kind = "null" if sent is None else type(sent).__name__
            raise ValueError(f"media {self.media_id}: base64 is {kind}, not a data URL")
        try:
            return decode_data_url(sent)
        except ValueError as error:
            raise ValueError(f"media {self.media_id}: {error}") from None


DOWNLOAD = Operation(get_media_media_id, DownloadedMedia.from_dict)


class MediaMixin(SyncAPIResource):
    """`media.download()`, of `Media`."""

    def download(self, media_id: str, *, phone_number_id: str) -> DownloadedMedia:
        """Download a media a user sent to a Meta Cloud API number, by its Meta media id (a history row's
        `media.id`); `phone_number_id` is the Meta number's phone number id. `.content` is its bytes."""
        return self._call(DOWNLOAD, media_id, query={"phone_number_id": phone_number_id})


class AsyncMediaMixin(AsyncAPIResource):
    """`media.download()`, of `AsyncMedia`."""

    async def download(self, media_id: str, *, phone_number_id: str) -> DownloadedMedia:
        """Download a media a user sent to a Meta Cloud API number, by its Meta media id (a history row's
        `media.id`); `phone_number_id` is the Meta number's phone number id. `.content` is its bytes."""
        return await self._call(DOWNLOAD, media_id, query={"phone_number_id": phone_number_id})
