"""Clients wired to an in-process handler through `httpx.MockTransport`, and the recorder of retry waits."""

from __future__ import annotations

from collections.abc import Callable

import httpx

from pilotstatus import AsyncPilotStatus, PilotStatus

KEY = "ps_live_0123456789abcdefSECRET"
BASE_URL = "https://api.test"

Handler = Callable[[httpx.Request], httpx.Response]


def sync_client(handler: Handler, *, max_retries: int = 2) -> PilotStatus:
    return PilotStatus(api_key=KEY, base_url=BASE_URL, transport=httpx.MockTransport(handler), max_retries=max_retries)


def async_client(handler: Handler, *, max_retries: int = 2) -> AsyncPilotStatus:
    return AsyncPilotStatus(
        api_key=KEY, base_url=BASE_URL, transport=httpx.MockTransport(handler), max_retries=max_retries
    )


def json_response(status: int, body: object, **headers: str) -> httpx.Response:
    return httpx.Response(status, json=body, headers=headers)


class Sleeps:
    """The waits the retry loop asked for, recorded instead of slept."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.delays.append(seconds)

    async def async_sleep(self, seconds: float) -> None:
        self.delays.append(seconds)
