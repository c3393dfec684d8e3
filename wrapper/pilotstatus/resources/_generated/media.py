"""Written by tools/generate.py from openapi.json; do not edit.

`media`: the resource's generated methods, sync and async.
"""

from __future__ import annotations

from pilotstatus.resources._handwritten.media import AsyncMediaMixin, MediaMixin

__all__ = ["AsyncMedia", "Media"]


class Media(MediaMixin):
    """The media users send to a Meta Cloud API number, downloaded by their Meta media id.

    `media`: `download()`.

    Written by hand (`resources/_handwritten/media.py`): `download()`.
    """


class AsyncMedia(AsyncMediaMixin):
    """The media users send to a Meta Cloud API number, downloaded by their Meta media id.

    `media`: `download()`.

    Written by hand (`resources/_handwritten/media.py`): `download()`.

    The async twin of `Media`: the same methods, awaited.
    """
