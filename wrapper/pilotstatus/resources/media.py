"""The Media resource, `client.media`: generated (`_generated/media.py`), with `download()` written by hand
(`_handwritten/media.py`), so that its answer carries the media's bytes."""

from ._generated.media import AsyncMedia, Media
from ._handwritten.media import DOWNLOAD, DownloadedMedia, decode_data_url

__all__ = ["DOWNLOAD", "AsyncMedia", "DownloadedMedia", "Media", "decode_data_url"]
