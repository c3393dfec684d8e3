"""How `create_app` wires the sandbox: the backend on `app.state`, the timers thread of its lifespan (none on a
manual clock), and the webhook sender that every emitted event goes to and that closes at shutdown."""

from __future__ import annotations

import asyncio
import threading
from typing import Any, ClassVar

import httpx
import pytest

from pilotstatus_sandbox import SandboxConfig, create_app
from pilotstatus_sandbox._backend import Backend
from pilotstatus_sandbox._realtime import FRAME_BYTES, tone_frames

GUARD = 10.0  # seconds: a hang guard, never a timing
TIMERS = "pilotstatus-sandbox-timers"


class RecordingSender:
    """Stands in for `WebhookSender`: records what it is given, and whether it was closed."""

    made: ClassVar[list[RecordingSender]] = []

    def __init__(self, url: str, secret: str) -> None:
        self.url, self.secret = url, secret
        self.payloads: list[dict[str, Any]] = []
        self.closed = False
        self.got_one = threading.Event()
        RecordingSender.made.append(self)

    def send(self, payload: dict[str, Any]) -> None:
        self.payloads.append(payload)
        self.got_one.set()

    def close(self) -> None:
        self.closed = True


@pytest.fixture
def recording(monkeypatch: pytest.MonkeyPatch) -> type[RecordingSender]:
    RecordingSender.made = []
    monkeypatch.setattr("pilotstatus_sandbox._webhooks.WebhookSender", RecordingSender)
    return RecordingSender


def timer_threads() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name == TIMERS]


def test_the_app_holds_its_backend_and_the_seeded_histories() -> None:
    app = create_app(SandboxConfig(calls=7, manual_clock=True))
    assert isinstance(app.state.backend, Backend)
    assert {provider: len(history) for provider, history in app.state.histories.items()} == {"META": 7, "EVO_GO": 7}


@pytest.mark.parametrize(("manual", "threads"), [(False, 1), (True, 0)])
def test_the_lifespan_runs_the_timers_unless_the_clock_is_manual(manual: bool, threads: int) -> None:
    app = create_app(SandboxConfig(calls=5, manual_clock=manual))
    before = len(timer_threads())

    async def run() -> int:
        async with app.router.lifespan_context(app):
            return len(timer_threads()) - before

    assert asyncio.run(run()) == threads
    assert len(timer_threads()) == before  # stopped and joined at shutdown


def test_every_event_goes_to_the_webhook_sender_which_closes_at_shutdown(recording: type[RecordingSender]) -> None:
    config = SandboxConfig(calls=5, manual_clock=True, webhook_url="http://127.0.0.1:9/hooks", webhook_secret="s3")
    app = create_app(config)
    (sender,) = recording.made
    assert (sender.url, sender.secret) == ("http://127.0.0.1:9/hooks", "s3")

    async def run() -> None:
        async with (
            app.router.lifespan_context(app),
            httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://sandbox") as client,
        ):
            headers = {"x-api-key": "ps_sandbox_web_number"}
            call = (
                await client.post("/_sandbox/calls/incoming", headers=headers, json={"from": "5511988887777"})
            ).json()
            await client.post(f"/v1/calls/{call['id']}/reject", headers=headers)
            events = (await client.get("/_sandbox/events", headers=headers)).json()["events"]
            assert sender.payloads == events
            assert [event["event"] for event in events] == ["call.ringing", "call.ended"]
            assert not sender.closed

    asyncio.run(run())
    assert sender.closed


def test_without_a_webhook_url_no_sender_is_made(recording: type[RecordingSender]) -> None:
    create_app(SandboxConfig(calls=5, manual_clock=True))
    assert recording.made == []


def test_on_the_real_clock_the_timers_apply_transitions_without_a_request(recording: type[RecordingSender]) -> None:
    config = SandboxConfig(calls=5, webhook_url="http://127.0.0.1:9/hooks", webhook_secret="s3")
    app = create_app(config)
    (sender,) = recording.made
    backend: Backend = app.state.backend

    async def run() -> None:
        async with app.router.lifespan_context(app):
            number = backend.number("num_sandbox_web")
            assert number is not None
            number.calls.incoming_call(from_="5511988887777")
            assert sender.got_one.wait(GUARD)
            sender.got_one.clear()
            backend.clock.advance(config.ring_timeout)  # moves time without applying anything: the thread does
            assert await asyncio.to_thread(sender.got_one.wait, GUARD)

    asyncio.run(run())
    assert [payload["event"] for payload in sender.payloads] == ["call.ringing", "call.missed"]


def test_the_tone_loops_over_one_second_of_whole_frames() -> None:
    frames = tone_frames()
    assert len(frames) == 50
    assert {len(frame) for frame in frames} == {FRAME_BYTES}
