"""`pilotstatus webhooks listen`, run as a user runs it (its own process, on a free port): each signed delivery is
answered 200 and printed on one line, anything unsigned, tampered or not an event is answered 400 with one line on
stderr, any other method 405; Ctrl-C ends it with 0, an address in use with one error line; the secret is never
printed."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, Any

import httpx
import pytest

from pilotstatus._cli._receiver import Receiver, sdk_warnings
from pilotstatus._credentials import REDACTED, Credentials
from pilotstatus.webhooks import SIGNATURE_HEADER, sign
from pilotstatus_sandbox import Sandbox, SandboxConfig
from tests._command import run, use_key
from tests._spec import load_spec, media_examples, webhook_operations

SECRET = "whsec_cli_test_3f9a1c7e5b2d8046"
SECRET_ENV = "PILOT_STATUS_WEBHOOK_SECRET"
# Long enough for any start or line to come: a guard against a hang, not a measure of speed.
HANG_GUARD = 60.0

DOCUMENTED = {
    name: example
    for name, _, operation in webhook_operations(load_spec())
    for example in media_examples(operation["requestBody"]["content"]["application/json"])
}
# The line each documented example is printed as.
PRINTED = {
    "call.ringing": "2026-07-03T15:00:00.000Z  call.ringing  call_01HZX...  RINGING  5511888888888 -> 5511999999999",
    "call.connected": (
        "2026-07-03T15:00:05.000Z  call.connected  call_01HZX...  ACCEPTED  5511888888888 -> 5511999999999"
    ),
    "call.ended": "2026-07-03T15:02:05.000Z  call.ended  call_1  COMPLETED  5511888888888 -> 5511999999999  120 s",
    "call.missed": "2026-07-03T15:00:30.000Z  call.missed  call_01HZX...  MISSED  5511999999999 -> 5511888888888",
    "call.permission_updated": (
        "2026-07-03T15:00:01.000Z  call.permission_updated  -  TEMPORARY  5511999999999 -> 5511888888888"
    ),
    "message.sent": "2026-07-03T15:00:00.200Z  message.sent  msg_01HZX...  +5511888888888 -> +5511999999999",
    "message.delivered": "2026-07-03T15:00:01.000Z  message.delivered  msg_01HZX...  +5511888888888 -> +5511999999999",
    "message.read": "2026-07-03T15:00:03.000Z  message.read  msg_01HZX...  +5511888888888 -> +5511999999999",
    "message.failed": (
        "2026-07-03T15:00:00.200Z  message.failed  msg_01HZX...  - -> +5511999990004  META_OUTSIDE_24H_WINDOW: The"
        " 24-hour window is closed: send an approved template"
    ),
    "message.received": (
        '2026-07-03T15:05:00.000Z  message.received  msg_01HZY...  +5511999999999 -> +5511888888888  text "Hi! Is my'
        ' order on its way?"'
    ),
    "message.reply": (
        '2026-07-03T15:06:00.000Z  message.reply  msg_01HZY...  +5511999999999 -> +5511888888888  text "Thanks!"'
        "  replying to wamid.HBgNNTUxMTk5OTk5OTk5ORUCABEYEjA4"
    ),
    "message.group": (
        '2026-07-03T15:07:00.000Z  message.group  msg_01HZY...  +5511999999999 -> +5511888888888  text "Meeting at 3"'
        "  in 120363025246125486@g.us (Store team)"
    ),
    "message.newsletter": (
        "2026-07-03T15:08:00.000Z  message.newsletter  msg_01HZY...  +5511999999999 -> +5511888888888  text"
        ' "New arrivals this week"  in 120363144038483540@newsletter (Store news)'
    ),
}
NATIVE = {"event": "CallOffer", "instance": "inst_1", "data": {"CallID": "ABC123", "From": "5511999999999"}}


def body_of(payload: Any) -> bytes:
    return json.dumps(payload, separators=(",", ":")).encode()


def signed_headers(body: bytes, secret: str = SECRET) -> dict[str, str]:
    return {SIGNATURE_HEADER: sign(body, secret), "content-type": "application/json"}


def _pump(stream: IO[str], lines: queue.Queue[str]) -> None:
    for line in stream:
        lines.put(line.rstrip("\n"))


@dataclass
class Listener:
    """A running `pilotstatus webhooks listen`, and every line it has printed so far."""

    process: subprocess.Popen[str]
    out: queue.Queue[str] = field(default_factory=queue.Queue)
    err: queue.Queue[str] = field(default_factory=queue.Queue)
    url: str = ""
    printed: list[str] = field(default_factory=list)
    pumps: list[threading.Thread] = field(default_factory=list)

    def next_line(self, stream: queue.Queue[str]) -> str:
        try:
            line = stream.get(timeout=HANG_GUARD)
        except queue.Empty:
            pytest.fail(f"the listener printed nothing more (exit status {self.process.poll()})")
        self.printed.append(line)
        return line

    def next_out(self) -> str:
        return self.next_line(self.out)

    def next_err(self) -> str:
        return self.next_line(self.err)

    def drain(self) -> None:
        """Forget what earlier tests left unread."""
        for stream in (self.out, self.err):
            while not stream.empty():
                self.printed.append(stream.get_nowait())

    def post(self, body: bytes | Iterator[bytes], headers: dict[str, str] | None = None) -> httpx.Response:
        return httpx.post(self.url + "hooks/calls", content=body, headers=headers or {}, timeout=HANG_GUARD)

    def stop(self) -> tuple[int, str, str]:
        """Ctrl-C; the exit status and whatever else it printed."""
        self.process.send_signal(signal.SIGINT)
        code = self.process.wait(timeout=HANG_GUARD)
        for pump in self.pumps:  # every line it printed, up to the end of its output
            pump.join(timeout=HANG_GUARD)
        rest_out: list[str] = []
        rest_err: list[str] = []
        for stream, rest in ((self.out, rest_out), (self.err, rest_err)):
            while not stream.empty():
                rest.append(stream.get_nowait())
        self.printed += rest_out + rest_err
        return code, "\n".join(rest_out), "\n".join(rest_err)


@contextlib.contextmanager
def listening(*options: str, env_secret: str | None = SECRET) -> Iterator[Listener]:
    env = {name: value for name, value in os.environ.items() if not name.startswith("PILOT_STATUS_")}
    if env_secret is not None:
        env[SECRET_ENV] = env_secret
    process = subprocess.Popen(
        [sys.executable, "-m", "pilotstatus", "webhooks", "listen", "--port", "0", *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    listener = Listener(process)
    listener.pumps = pumps = [
        threading.Thread(target=_pump, args=(stream, lines), daemon=True)
        for stream, lines in ((process.stdout, listener.out), (process.stderr, listener.err))
    ]
    for pump in pumps:
        pump.start()
    try:
        start = listener.next_err()
        found = re.fullmatch(r"Listening for webhooks on (http://127\.0\.0\.1:(\d+)/) \(POST; Ctrl-C to stop\)", start)
        assert found is not None, start
        assert int(found.group(2)) != 0  # the port the system chose, not the 0 asked for
        listener.url = found.group(1)
        yield listener
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            process.wait(timeout=HANG_GUARD)
        for pump in pumps:
            pump.join(timeout=HANG_GUARD)
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()
        assert not any(SECRET in line for line in listener.printed)


@pytest.fixture(scope="module")
def listener() -> Iterator[Listener]:
    with listening() as running:
        yield running


@pytest.fixture
def fresh(listener: Listener) -> Listener:
    listener.drain()
    return listener


# --- what it prints ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(PRINTED))
def test_a_signed_event_is_answered_200_and_printed_on_one_line(fresh: Listener, name: str) -> None:
    body = body_of(DOCUMENTED[name])
    response = fresh.post(body, signed_headers(body))
    assert response.status_code == 200
    assert fresh.next_out() == PRINTED[name]


def test_a_users_long_or_odd_text_is_printed_cut_short_and_on_one_line(fresh: Listener) -> None:
    received = DOCUMENTED["message.received"]
    text = "line one\nline two \x1b[31m" + "x" * 100
    body = body_of({**received, "data": {**received["data"], "content": text, "type": "image"}})
    assert fresh.post(body, signed_headers(body)).status_code == 200
    line = fresh.next_out()
    shown = line.partition("  image ")[2]
    assert shown.startswith('"line one line two \\x1b[31mxxx')
    assert shown.endswith('…"')
    assert len(shown) == 60 + 2  # the quotes


def test_a_message_event_added_later_is_printed_as_one_it_does_not_know(fresh: Listener) -> None:
    body = body_of({"event": "message.edited", "data": {"id": "msg_1"}})
    assert fresh.post(body, signed_headers(body)).status_code == 200
    assert re.fullmatch(
        r"\S+Z  message\.edited  \(not an event this version knows; it holds event, data\)", fresh.next_out()
    )


def test_a_message_event_its_schema_refuses_is_answered_400_naming_the_key_under_data(fresh: Listener) -> None:
    failed = DOCUMENTED["message.failed"]
    body = body_of({**failed, "data": {key: value for key, value in failed["data"].items() if key != "error"}})
    assert fresh.post(body, signed_headers(body)).status_code == 400
    assert fresh.next_err() == "refused a webhook from 127.0.0.1 (400): the message.failed event has no `data.error`"


def test_a_native_event_is_answered_200_and_printed_as_one_it_does_not_know(fresh: Listener) -> None:
    body = body_of(NATIVE)
    assert fresh.post(body, signed_headers(body)).status_code == 200
    line = fresh.next_out()
    assert re.fullmatch(r"\S+Z  CallOffer  \(not an event this version knows; it holds event, instance, data\)", line)


def test_a_chunked_delivery_is_read_whole(fresh: Listener) -> None:
    body = body_of(DOCUMENTED["call.ended"])
    response = fresh.post(iter([body[:7], body[7:40], body[40:]]), signed_headers(body))
    assert response.status_code == 200
    assert fresh.next_out() == PRINTED["call.ended"]


REFUSED = {
    "unsigned": (lambda body: {}, "no x-pilot-status-signature header"),
    "signed with another secret": (lambda body: signed_headers(body, "whsec_someone_else"), "does not match"),
    "a malformed signature": (lambda body: {SIGNATURE_HEADER: "sha256=xyz"}, "not a hex HMAC-SHA256"),
}


@pytest.mark.parametrize(("headers", "why"), REFUSED.values(), ids=REFUSED.keys())
def test_a_delivery_that_does_not_verify_is_answered_400_with_one_line_on_stderr(
    fresh: Listener, headers: Any, why: str
) -> None:
    body = body_of(DOCUMENTED["call.connected"])
    assert fresh.post(body, headers(body)).status_code == 400
    line = fresh.next_err()
    assert line.startswith("refused a webhook from 127.0.0.1 (400): ")
    assert why in line
    # Nothing was printed for it: the next event printed is the next one delivered.
    good = body_of(DOCUMENTED["call.missed"])
    assert fresh.post(good, signed_headers(good)).status_code == 200
    assert fresh.next_out() == PRINTED["call.missed"]


def test_a_tampered_delivery_is_refused(fresh: Listener) -> None:
    body = body_of(DOCUMENTED["call.ended"])
    headers = signed_headers(body)
    assert fresh.post(body.replace(b"120", b"999"), headers).status_code == 400
    assert "does not match" in fresh.next_err()


def test_a_signed_body_that_is_not_an_event_is_answered_400_saying_why(fresh: Listener) -> None:
    for body, why in ((b"<html></html>", "not JSON"), (b"[1]", "not an object"), (b'{"event":"call.ended"}', "no `")):
        assert fresh.post(body, signed_headers(body)).status_code == 400
        line = fresh.next_err()
        assert line.startswith("refused a webhook")
        assert why in line


BADLY_TYPED = {
    "a duration as a string": (b'"duration":"abc"', "`duration` is a string, not an integer"),
    "a status as a number": (b'"status":123', "`status` is a number, not a string"),
    "NaN": (b'"duration":NaN', "`duration` is NaN, which is not a JSON number"),
    "1e999": (b'"duration":1e999', "`duration` is Infinity, which is not a JSON number"),
}


@pytest.mark.parametrize(("member", "why"), BADLY_TYPED.values(), ids=BADLY_TYPED.keys())
def test_a_signed_event_its_schema_refuses_is_answered_400_naming_the_field(
    fresh: Listener, member: bytes, why: str
) -> None:
    body = body_of(DOCUMENTED["call.ended"])[:-1] + b"," + member + b"}"
    assert fresh.post(body, signed_headers(body)).status_code == 400
    assert fresh.next_err() == f"refused a webhook from 127.0.0.1 (400): the call.ended event's {why}"


def test_a_status_it_does_not_know_is_printed_and_warned_about_once_on_stderr_naming_it(fresh: Listener) -> None:
    for _ in range(2):
        body = body_of({**DOCUMENTED["call.ended"], "status": "ON_HOLD_CLI"})
        assert fresh.post(body, signed_headers(body)).status_code == 200
        assert fresh.next_out() == PRINTED["call.ended"].replace("COMPLETED", "ON_HOLD_CLI")
    assert fresh.next_err() == (
        "call.ended: the webhook has an enum value the SDK does not know, CallEvent.status = 'ON_HOLD_CLI' (str);"
        " kept as it came"
    )
    assert fresh.post(b"{}", {}).status_code == 400  # stderr's next line: no second warning came before it
    assert fresh.next_err().startswith("refused a webhook")


def test_a_drift_warning_naming_a_value_that_holds_the_secret_is_one_line_on_stderr_without_it(
    fresh: Listener,
) -> None:
    body = body_of({**DOCUMENTED["call.ended"], "status": f"HOLD_{SECRET}"})
    assert fresh.post(body, signed_headers(body)).status_code == 200
    fresh.next_out()
    assert fresh.next_err() == (
        f"call.ended: the webhook has an enum value the SDK does not know, CallEvent.status = 'HOLD_{REDACTED}' (str);"
        " kept as it came"
    )
    assert fresh.post(b"{}", {}).status_code == 400  # stderr's next line: the warning came once
    assert fresh.next_err().startswith("refused a webhook")


def test_an_sdk_warning_while_listening_is_said_by_the_receiver_on_one_line_scrubbed_of_the_secret(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Through `Receiver.say`, as every other line on stderr (its lock, its scrub): not Python's last-resort handler,
    which would print the secret and a line break as they are."""
    scrub = Credentials(header="webhook secret", secret=SECRET).redact
    with Receiver(("127.0.0.1", 0), secret=SECRET, as_json=False, scrub=scrub) as server, sdk_warnings(server):
        logging.getLogger("pilotstatus.webhooks").warning("drift in %s\nsecond line", SECRET)
    logging.getLogger("pilotstatus").warning("after the command")  # its handler is gone with it
    assert capsys.readouterr().err == f"drift in {REDACTED} second line\n"


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE", "PATCH"])
def test_any_method_but_post_is_answered_405(fresh: Listener, method: str) -> None:
    response = httpx.request(method, fresh.url, timeout=HANG_GUARD)
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"
    assert f"{method} is not a delivery" in fresh.next_err()


@pytest.mark.parametrize(("length", "status"), [("1048577", "413"), ("-1", "400"), ("many", "400"), (None, "411")])
def test_a_body_too_large_or_of_no_size_is_refused_unread(fresh: Listener, length: str | None, status: str) -> None:
    """Sent by hand: the request says how large its body is, and the listener answers before any of it is sent."""
    host, port = fresh.url.removeprefix("http://").rstrip("/").split(":")
    sized = f"Content-Length: {length}\r\n" if length is not None else ""
    with socket.create_connection((host, int(port)), timeout=HANG_GUARD) as connection:
        connection.sendall(f"POST / HTTP/1.1\r\nHost: {host}\r\n{sized}\r\n".encode())
        answer = connection.makefile("rb").readline()
    assert answer.split()[1].decode() == status
    assert f"({status})" in fresh.next_err()


def test_concurrent_deliveries_each_get_one_whole_line(fresh: Listener) -> None:
    bodies = [body_of({**DOCUMENTED["call.ended"], "callId": f"call_{index:02d}"}) for index in range(16)]
    statuses: list[int] = []

    def deliver(body: bytes) -> None:
        statuses.append(fresh.post(body, signed_headers(body)).status_code)

    threads = [threading.Thread(target=deliver, args=(body,)) for body in bodies]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=HANG_GUARD)
    assert statuses == [200] * len(bodies)
    lines = sorted(fresh.next_out() for _ in bodies)
    expected = sorted(PRINTED["call.ended"].replace("call_1", f"call_{index:02d}") for index in range(16))
    assert lines == expected


# --- options and stopping ---------------------------------------------------------------------------------------


def test_json_prints_each_events_json_on_one_line_and_the_secret_option_overrides_the_environment() -> None:
    with listening("--json", "--secret", SECRET, env_secret="whsec_not_this_one_00000000") as running:
        payloads = [DOCUMENTED["call.ended"], {**DOCUMENTED["call.ringing"], "later": {"a": [1, "é"]}}, NATIVE]
        for payload in payloads:
            body = body_of(payload)
            assert running.post(body, signed_headers(body)).status_code == 200
            assert json.loads(running.next_out()) == payload


def test_ctrl_c_stops_it_with_exit_0_and_no_traceback() -> None:
    with listening() as running:
        body = body_of(DOCUMENTED["call.ringing"])
        assert running.post(body, signed_headers(body)).status_code == 200
        assert running.next_out() == PRINTED["call.ringing"]
        code, out, err = running.stop()
    assert (code, out, err) == (0, "", "")


def test_an_address_in_use_is_one_error_line_and_exit_1(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    use_key(monkeypatch, None)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        ran = run(capsys, "webhooks", "listen", "--port", str(port), "--secret", SECRET)
    line = ran.assert_one_error_line(1, f"cannot listen on 127.0.0.1:{port}")
    assert SECRET not in line
    assert ran.out == ""


def test_no_secret_is_a_usage_error_naming_where_to_put_it(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    use_key(monkeypatch, None)
    monkeypatch.delenv(SECRET_ENV, raising=False)
    ran = run(capsys, "webhooks", "listen", "--port", "0")
    ran.assert_one_error_line(2, SECRET_ENV, "--secret")
    monkeypatch.setenv(SECRET_ENV, "")
    run(capsys, "webhooks", "listen", "--port", "0").assert_one_error_line(2, SECRET_ENV)


def test_webhooks_listen_is_described_in_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    ran = run(capsys, "webhooks", "listen", "--help")
    assert ran.code == 0
    for option in ("--port", "--host", "--secret", "--json", SECRET_ENV, "x-pilot-status-signature"):
        assert option in ran.out


# --- with the sandbox -------------------------------------------------------------------------------------------


def test_the_sandboxs_webhooks_of_an_inbound_call_are_verified_and_printed_in_order(fresh: Listener) -> None:
    config = SandboxConfig(calls=0, webhook_url=fresh.url, webhook_secret=SECRET, manual_clock=True)
    with Sandbox(config) as sandbox, httpx.Client(base_url=sandbox.url, timeout=HANG_GUARD) as api:
        headers = {"x-api-key": "ps_sandbox_web_number"}
        call = api.post("/_sandbox/calls/incoming", json={"from": "5511988887777"}, headers=headers).json()
        assert api.post(f"/v1/calls/{call['id']}/accept", json={}, headers=headers).status_code == 200
        assert api.post(f"/_sandbox/calls/{call['id']}/hangup", headers=headers).status_code == 200
        lines = [fresh.next_out() for _ in range(3)]

    fields = [line.split("  ") for line in lines]
    assert [(event, call_id, status) for _, event, call_id, status, *_ in fields] == [
        ("call.ringing", call["id"], "RINGING"),
        ("call.connected", call["id"], "ACCEPTED"),
        ("call.ended", call["id"], "COMPLETED"),
    ]
    assert all(parts[4] == "5511988887777 -> 5511955550200" for parts in fields)
    assert fields[2][5].endswith(" s")


def test_each_delivery_is_printed_before_it_is_answered(monkeypatch: pytest.MonkeyPatch) -> None:
    """A sender that waits for each answer before its next delivery (as the sandbox's does) sees its events printed
    in the order it sent them: each line (or refusal) is out before its answer, never left to a race between the
    threads of two deliveries."""
    from pilotstatus._cli._receiver import Receiver, _Handler

    order: list[tuple[str, object]] = []
    server = Receiver(("127.0.0.1", 0), secret=SECRET, as_json=False, scrub=lambda text: text)
    # An event's line names it second ("<when>  call.ringing  ..."); a refusal's starts "refused".
    monkeypatch.setattr(server, "say", lambda line, stream: order.append(("printed", [*line.split("  "), ""][1])))
    answer = _Handler._answer

    def recorded(handler: _Handler, status: int, *, allow: str | None = None) -> None:
        order.append(("answered", status))
        answer(handler, status, allow=allow)

    monkeypatch.setattr(_Handler, "_answer", recorded)
    serving = threading.Thread(target=server.serve_forever, daemon=True)
    serving.start()
    url = f"http://127.0.0.1:{server.server_address[1]}/hooks/calls"
    try:
        for name in ("call.ringing", "call.connected"):
            body = body_of(DOCUMENTED[name])
            assert httpx.post(url, content=body, headers=signed_headers(body), timeout=HANG_GUARD).status_code == 200
        unsigned = body_of(DOCUMENTED["call.ended"])
        assert httpx.post(url, content=unsigned, timeout=HANG_GUARD).status_code == 400
    finally:
        server.shutdown()
        server.server_close()
    assert [kind for kind, _ in order] == ["printed", "answered"] * 3
    assert [what for kind, what in order if kind == "printed"] == ["call.ringing", "call.connected", ""]
