"""`media.download()` returns the media's bytes: `.content`, the answer's data URL decoded, sync and async, against
the sandbox (a user's photo to the Meta number, found by its history row's `media.id`), and whatever bytes a data
URL carries."""

from __future__ import annotations

import asyncio
import base64
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pilotstatus import AsyncPilotStatus, DownloadedMedia, PilotStatus
from pilotstatus.resources.media import decode_data_url
from pilotstatus_sandbox import Sandbox, SandboxConfig, SandboxHelpers
from tests._clients import json_response, sync_client

META_KEY = "ps_sandbox_meta_number"
META_PHONE_NUMBER_ID = "100000000000100"
"""The Meta demo number's phone number id (the README's table of numbers)."""
PHOTO = bytes(range(256)) * 3


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(SandboxConfig(calls=0, messages=0, manual_clock=True)) as running:
        yield running


def a_users_photo(sandbox: Sandbox) -> str:
    """The Meta media id of a photo a user sends the Meta number."""
    with SandboxHelpers(sandbox.url, api_key=META_KEY) as helpers:
        media = {"mimeType": "image/jpeg", "fileName": "photo.jpg", "base64": base64.b64encode(PHOTO).decode()}
        row = helpers.incoming_message(from_="5511988887777", media=media)
    media_id = row["media"]["id"]
    assert isinstance(media_id, str)
    return media_id


def test_a_downloaded_media_is_the_bytes_the_user_sent(sandbox: Sandbox) -> None:
    media_id = a_users_photo(sandbox)
    with PilotStatus(base_url=sandbox.url, api_key=META_KEY) as client:
        downloaded = client.media.download(media_id, phone_number_id=META_PHONE_NUMBER_ID)
    assert isinstance(downloaded, DownloadedMedia)
    assert downloaded.base64.startswith("data:image/jpeg;base64,")
    assert (downloaded.content, downloaded.mime_type, downloaded.file_name) == (PHOTO, "image/jpeg", "photo.jpg")


def test_the_async_client_downloads_the_same_bytes(sandbox: Sandbox) -> None:
    media_id = a_users_photo(sandbox)

    async def download() -> DownloadedMedia:
        async with AsyncPilotStatus(base_url=sandbox.url, api_key=META_KEY) as client:
            return await client.media.download(media_id, phone_number_id=META_PHONE_NUMBER_ID)

    assert asyncio.run(download()).content == PHOTO


@given(data=st.binary(max_size=2048), mime=st.sampled_from(["image/png", "audio/ogg; codecs=opus", "application/pdf"]))
def test_a_data_url_decodes_to_the_bytes_it_carries(data: bytes, mime: str) -> None:
    encoded = base64.b64encode(data).decode()
    assert decode_data_url(f"data:{mime};base64,{encoded}") == data
    assert decode_data_url(encoded) == data  # the prefix is optional: nothing promises it
    assert decode_data_url(f"data:{mime};base64,{encoded[:1]}\n{encoded[1:]}") == data  # line breaks are ignored


@pytest.mark.parametrize(
    ("sent", "named"),
    [
        ("data:image/png;base64,not*base64", "not base64"),
        ("data:image/png,aGVsbG8=", "not base64"),
        ("data:image/png;base64", "no ','"),
    ],
)
def test_media_that_is_not_base64_is_a_value_error_naming_the_media(sent: str, named: str) -> None:
    media = DownloadedMedia.from_dict({"base64": sent, "mimeType": "image/png", "fileName": None, "mediaId": "m_1"})
    with pytest.raises(ValueError, match=named) as raised:
        _ = media.content
    assert "m_1" in str(raised.value)


@pytest.mark.parametrize("sent", [None, 12345, ["aGVsbG8="], {"data": "aGVsbG8="}])
def test_a_base64_field_that_is_not_text_is_a_value_error_naming_the_media_and_what_came(sent: object) -> None:
    answer = {"base64": sent, "mimeType": "image/png", "fileName": None, "mediaId": "m_1"}
    with sync_client(lambda request: json_response(200, answer)) as client:
        media = client.media.download("m_1", phone_number_id=META_PHONE_NUMBER_ID)
    kind = "null" if sent is None else type(sent).__name__
    with pytest.raises(ValueError, match=f"media m_1: base64 is {kind}, not a data URL"):
        _ = media.content


@pytest.mark.parametrize("marker", ["BASE64", "Base64"])
def test_the_base64_marker_of_a_data_url_is_read_in_any_case(marker: str) -> None:
    assert decode_data_url(f"data:image/png;{marker},aGVsbG8=") == b"hello"


def test_a_data_url_whose_data_is_not_ascii_is_not_base64() -> None:
    with pytest.raises(ValueError, match="not base64"):
        decode_data_url("data:image/png;base64,aGVsbG8é")
