"""`make demo`: the SDK's main job, end to end, on the embedded sandbox (no account, no network).

1. Start a webhook receiver, then the sandbox on a free loopback port (a real HTTP server with 5,000 calls per
   number), sending it signed call webhooks.
2. List the first page as a table, with the command-line tool; page through every call with `calls.iter()`.
3. A business-initiated call on the web number to the magic number that answers: audio played, a realtime media
   session opened, hung up.
4. An inbound call (the sandbox's test helper plays the user): accepted, then ended by the user.
5. A message's life on the same number: a text to the magic number whose user reads, QUEUED, then SENT, DELIVERED
   and READ as the sandbox's clock moves; the user's reply quoting it; the conversation as the history lists it.
6. The webhooks the calls and the message sent, each verified with `pilotstatus.webhooks.unwrap`, as one timeline; a
   tampered one refused.
7. Typed errors caught by class; bad input refused before any request. Stop.
"""

from __future__ import annotations

import datetime
import json
import os
import secrets
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from websockets.sync.client import connect

from pilotstatus import (
    InstanceNotConnectedError,
    InvalidInputError,
    PilotStatus,
    PilotStatusError,
    TenantScopeNotAllowedError,
    webhooks,
)
from pilotstatus_sandbox import Sandbox, SandboxConfig, SandboxHelpers

META_KEY = "ps_sandbox_meta_number"
WEB_KEY = "ps_sandbox_web_number"
ANSWERS = "+5511999990001"
"""A magic number: the phone answers a second after it starts ringing; a user who reads the messages sent to them."""
CALLER = "5511988887777"
MESSAGE_STATUS = {"message.sent": "SENT", "message.delivered": "DELIVERED", "message.read": "READ"}
"""The status a message of the number's has once each of its events is sent; a user's message is INBOUND."""
WAIT = 15.0
"""Seconds to wait for the sandbox before giving up (it takes about one)."""


def heading(text: str) -> None:
    print(f"\n== {text}", flush=True)


class Receiver(ThreadingHTTPServer):
    """A webhook endpoint: every delivery verified with `webhooks.unwrap`; a bad signature is refused with 400."""

    def __init__(self, secret: str) -> None:
        super().__init__(("127.0.0.1", 0), _Delivery)
        self.secret = secret
        self.events: list[webhooks.WebhookEvent] = []
        self.refused = 0
        self.arrived = threading.Condition()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/webhooks"

    def wait_for(self, count: int) -> bool:
        with self.arrived:
            return self.arrived.wait_for(lambda: len(self.events) >= count, timeout=WAIT)


class _Delivery(BaseHTTPRequestHandler):
    server: Receiver

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("content-length", "0")))
        try:
            event = webhooks.unwrap(body, dict(self.headers.items()), self.server.secret)
        except webhooks.WebhookError:
            self.server.refused += 1
            self.send_response(400)
        else:
            with self.server.arrived:
                self.server.events.append(event)
                self.server.arrived.notify_all()
            self.send_response(200)
        self.send_header("content-length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the demo prints the events itself."""


@contextmanager
def receiving(secret: str) -> Iterator[Receiver]:
    receiver = Receiver(secret)
    thread = threading.Thread(target=receiver.serve_forever, daemon=True)
    thread.start()
    try:
        yield receiver
    finally:
        receiver.shutdown()
        receiver.server_close()


def wait_until(what: str, condition: Callable[[], bool]) -> None:
    """Poll the sandbox until `condition` holds (the sandbox's peer answers on its own clock)."""
    deadline = time.monotonic() + WAIT
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"demo: the sandbox never reached: {what}")
        time.sleep(0.05)


def list_and_page(sandbox: Sandbox, config: SandboxConfig) -> int:
    heading("The first page, as a table: pilotstatus calls list --limit 10")
    # The sandbox's address and key, in place of any real ones the environment holds.
    env = {name: value for name, value in os.environ.items() if not name.startswith("PILOT_STATUS_")}
    env.update(PILOT_STATUS_BASE_URL=sandbox.url, PILOT_STATUS_API_KEY=META_KEY)
    listing = subprocess.run(
        [sys.executable, "-m", "pilotstatus", "calls", "list", "--limit", "10"], env=env, check=False
    )
    if listing.returncode != 0:
        return listing.returncode

    heading("Every call, page by page: client.calls.iter()")
    with PilotStatus(base_url=sandbox.url, api_key=META_KEY) as client:
        calls = list(client.calls.iter())
    ids = Counter(call.id for call in calls)
    shared = Counter(call.created_at for call in calls)
    ties = sum(count for count in shared.values() if count > 1)
    print(f"{len(calls):,} calls, {len(ids):,} distinct ids, newest {calls[0].created_at:%Y-%m-%d %H:%M:%S}")
    print(f"{ties:,} of them share their createdAt millisecond with another call; none lost, none repeated")
    print("by status:", ", ".join(f"{status} {count:,}" for status, count in Counter(c.status for c in calls).items()))
    if len(ids) != config.calls or len(calls) != config.calls:
        print(f"expected {config.calls:,} calls, each once", file=sys.stderr)
        return 1
    return 0


def business_call(client: PilotStatus, helpers: SandboxHelpers) -> None:
    heading(f"A call to {ANSWERS} (a magic number that answers), on the web number")
    started = client.calls.create(to=ANSWERS)
    print(f"calls.create(to={ANSWERS!r}) -> {started.id} {started.status}")
    wait_until("the call answered", lambda: client.calls.retrieve(started.id).status == "ACCEPTED")
    print(f"calls.retrieve(...).status -> ACCEPTED ({client.calls.retrieve(started.id).connected_at:%H:%M:%S.%f})")
    played = client.calls.play(started.id, media_url="https://example.com/audio/welcome.mp3")
    print(f"calls.play(..., media_url='.../welcome.mp3') -> success={played.success} {played.status}")
    session = client.calls.realtime_session(started.id, mode="talk")
    with connect(session.ws_url) as socket:
        socket.send(bytes(640))  # 20 ms of silence, PCM16 LE
        frame = socket.recv(timeout=WAIT)
    size = len(frame) if isinstance(frame, bytes) else 0
    print(f"calls.realtime_session(..., mode='talk') -> a WebSocket: sent 640 bytes of PCM16, got {size} back")
    print("helpers.advance(42): the sandbox's clock jumps 42 s, a conversation without the wait")
    helpers.advance(42)
    ended = client.calls.terminate(started.id)
    call = client.calls.retrieve(started.id)
    print(f"calls.terminate(...) -> {ended.status}, durationSeconds {call.duration_seconds}")


def inbound_call(client: PilotStatus, helpers: SandboxHelpers) -> None:
    heading(f"An inbound call from {CALLER} (the sandbox's test helper plays the user)")
    ringing = helpers.incoming_call(from_=CALLER)
    print(f"helpers.incoming_call(from_={CALLER!r}) -> {ringing.id} {ringing.direction} {ringing.status}")
    accepted = client.calls.accept(ringing.id)
    print(f"calls.accept(...) -> {accepted.status}")
    print("helpers.advance(95)")
    helpers.advance(95)
    ended = helpers.hangup(ringing.id)
    print(f"helpers.hangup(...) -> {ended.status} (the user hung up)")


def message_life(client: PilotStatus, helpers: SandboxHelpers) -> None:
    heading(f"A message to {ANSWERS} (a magic number whose user reads), on the web number")
    text = "Olá! Seu pedido saiu para entrega."
    sent = client.messages.send(destination_number=ANSWERS, text=text)
    print(f"messages.send(destination_number={ANSWERS!r}, text=...) -> {sent.id} {sent.status}")
    print(f"  sent with Idempotency-Key {sent.idempotency_key} (the SDK's own): a retry can never send it twice")
    print("helpers.advance(3): the sandbox's clock jumps 3 s, the user's phone gets the message and reads it")
    helpers.advance(3)
    message = client.messages.retrieve(sent.id)
    steps = ", ".join(
        f"{name} {instant:%H:%M:%S.%f}"[:-3]
        for name, instant in (("sent", message.sent_at), ("delivered", message.delivered_at), ("read", message.read_at))
        if instant is not None
    )
    print(f"messages.retrieve(...).status -> {message.status} ({steps})")
    reply = helpers.incoming_message(from_=ANSWERS, text="Chegou, obrigado!", reply_to=sent.id)
    print(f"helpers.incoming_message(from_={ANSWERS!r}, reply_to=...) -> {reply['id']} (the user replied)")
    heading("The conversation, newest first: client.messages.history(page_size=2)")
    for row in client.messages.history(page_size=2):
        print(f"{row.provider_timestamp:%H:%M:%S.%f}"[:-3], f"{row.direction:<8} {row.status:<9} {row.text}")


def timeline(receiver: Receiver, expected: int) -> int:
    heading("The webhooks they sent, verified with pilotstatus.webhooks.unwrap")
    if not receiver.wait_for(expected):
        print(f"expected {expected} webhooks, got {len(receiver.events)}", file=sys.stderr)
        return 1
    first: datetime.datetime | None = None
    for event in receiver.events:
        if isinstance(event, webhooks.CallWebhookEvent):
            at, what, status = event.timestamp, event.call_id, event.status
            extra = f"  duration {event.duration} s" if event.duration is not None else ""
        elif isinstance(event, webhooks.MessageWebhookEvent):
            at, what, status = event.created_at, event.id, MESSAGE_STATUS.get(event.event, "INBOUND")
            extra = (
                f"  quoting {event.quoted_message_id}" if isinstance(event, webhooks.MessageReplyWebhookEvent) else ""
            )
        else:
            continue
        first = first or at
        offset = (at - first).total_seconds()
        print(f"+{offset:7.3f}s  {event.event:<17} {what}  {status:<9} {event.from_} -> {event.to}{extra}")
    body = json.dumps({"event": "call.ended", "callId": "call_1", "status": "COMPLETED"}).encode()
    signature = webhooks.sign(body, receiver.secret)
    try:
        webhooks.unwrap(body.replace(b"COMPLETED", b"FAILED"), {webhooks.SIGNATURE_HEADER: signature}, receiver.secret)
    except webhooks.WebhookVerificationError as error:
        print(f"a tampered delivery: WebhookVerificationError: {error}")
    else:  # pragma: no cover - a changed body never verifies
        print("a tampered delivery was accepted", file=sys.stderr)
        return 1
    return 0


def typed_errors(sandbox: Sandbox) -> int:
    heading("Typed errors, caught by class")
    with PilotStatus(base_url=sandbox.url, api_key="ps_sandbox_web_disconnected") as client:
        try:
            client.calls.list()
        except InstanceNotConnectedError as error:
            print(f"InstanceNotConnectedError: {error}  (code {error.code}, status {error.status_code})")
    with PilotStatus(base_url=sandbox.url, api_key_id="ck_sandbox_tenant") as client:
        try:
            client.calls.list()
        except TenantScopeNotAllowedError as error:
            print(f"TenantScopeNotAllowedError: {error}")
        except PilotStatusError as error:  # pragma: no cover - the sandbox always answers 403 here
            print(f"unexpected: {error!r}", file=sys.stderr)
            return 1

    heading("Bad input refused before any request, by the spec's own constraints")
    with PilotStatus(base_url=sandbox.url, api_key=META_KEY) as client:
        for attempt, start in (
            ("calls.create(to='call me')", lambda: client.calls.create(to="call me")),
            ("calls.play(..., media_url='ftp://...')", lambda: client.calls.play("call_1", media_url="ftp://x")),
        ):
            try:
                start()
            except InvalidInputError as error:
                print(f"{attempt}: InvalidInputError: {error}")
            else:  # pragma: no cover - both are refused before sending
                print(f"{attempt} was sent", file=sys.stderr)
                return 1
    return 0


def main() -> int:
    secret = secrets.token_hex(16)
    with receiving(secret) as receiver:
        config = SandboxConfig(calls=5000, seed=7, webhook_url=receiver.url, webhook_secret=secret)
        with Sandbox(config) as sandbox:
            heading(f"Sandbox running at {sandbox.url} ({config.calls:,} calls per number, seed {config.seed})")
            print(f"call and message webhooks signed and sent to {receiver.url}")
            failed = list_and_page(sandbox, config)
            if failed:
                return failed
            with (
                PilotStatus(base_url=sandbox.url, api_key=WEB_KEY) as client,
                SandboxHelpers(sandbox.url, api_key=WEB_KEY) as helpers,
            ):
                business_call(client, helpers)
                inbound_call(client, helpers)
                message_life(client, helpers)
            # Each call: ringing, connected, ended; the message: sent, delivered, read; the user's reply.
            failed = timeline(receiver, expected=10) or typed_errors(sandbox)
            if failed:
                return failed
            heading("Sandbox stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
