"""`pilotstatus messages send` and `pilotstatus messages get`, run in-process against a loopback HTTP server that
answers as the API documents: what a send puts on the wire, that the key it went with is printed whatever happens
(so that the same command run again with `--idempotency-key` cannot send twice), and one line and exit 2 for bad
input before any request."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from tests._clients import Sleeps
from tests._command import Loopback, loopback_server, run, use_key

NUMBER = "+5511999999999"
ACCEPTED: dict[str, Any] = {
    "id": "msg_01HZX",
    "correlationId": "c0a8012e-7f3b-4d6a-9f1e-2b3c4d5e6f70",
    "status": "QUEUED",
    "createdAt": "2026-07-03T12:00:00.000-03:00",
    "origin": "Suporte",
    "sourceNumber": "+5511988887777",
    "priority": "high",  # not documented: kept
}
MESSAGE: dict[str, Any] = {
    "id": "msg_01HZX",
    "externalMessageId": "wamid.HBgN",
    "status": "FAILED",
    "correlationId": "c0a8012e",
    "destinationNumber": NUMBER,
    "createdAt": "2026-07-03T15:00:00.000Z",
    "sentAt": "2026-07-03T15:00:00.200Z",
    "deliveredAt": None,
    "readAt": None,
    "errorCode": "META_OUTSIDE_24H_WINDOW",
    "errorMessage": "Outside the 24-hour window",
    "origin": "API",
    "metaPricing": {"conversationId": "b7e1", "originType": "utility", "category": "utility", "type": "regular"},
}


@dataclass
class FakeMessagesAPI:
    """Send message (with the answers in `sends`, one per request, the last repeated) and Get message; records
    every request."""

    sends: list[httpx.Response] = field(default_factory=lambda: [httpx.Response(202, json=ACCEPTED)])
    requests: list[httpx.Request] = field(default_factory=list)

    def handler(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        if request.url.path == "/v1/messages/send":
            return self.sends[min(len(self.requests), len(self.sends)) - 1]
        if request.url.path == "/v1/messages/msg_01HZX":
            return httpx.Response(200, json=MESSAGE)
        return httpx.Response(404, json={"error": "Message not found", "code": "MESSAGE_NOT_FOUND"})

    @property
    def keys(self) -> list[str | None]:
        return [request.headers.get("idempotency-key") for request in self.requests]


@pytest.fixture(autouse=True)
def environment(monkeypatch: pytest.MonkeyPatch) -> None:
    use_key(monkeypatch)
    monkeypatch.delenv("PILOT_STATUS_WHATSAPP_NUMBER_ID", raising=False)


@pytest.fixture(scope="module")
def server() -> Iterator[Loopback]:
    with loopback_server() as loopback:
        yield loopback


def serve(server: Loopback, api: FakeMessagesAPI | None = None) -> tuple[FakeMessagesAPI, str]:
    api = api or FakeMessagesAPI()
    return api, server.serve(api.handler)


def rows(out: str) -> dict[str, str]:
    parsed: dict[str, str] = {}
    for line in out.splitlines():
        name, separator, value = line.partition(":")
        if separator:
            parsed[name] = value.strip()
    return parsed


# --- messages send --------------------------------------------------------------------------------------------------


def test_send_posts_the_text_with_a_new_key_and_prints_the_message_and_the_key(
    server: Loopback, capsys: pytest.CaptureFixture[str]
) -> None:
    api, url = serve(server)
    ran = run(capsys, "messages", "send", "--to", NUMBER, "--text", "Olá, tudo bem?", "--base-url", url)
    assert ran.code == 0, ran.err
    (request,) = api.requests
    assert (request.method, request.url.path) == ("POST", "/v1/messages/send")
    assert json.loads(request.content) == {"destinationNumber": NUMBER, "text": "Olá, tudo bem?"}
    key = request.headers["idempotency-key"]
    assert uuid.UUID(key).version == 4
    assert ran.err_lines == [f"idempotency key: {key}"]
    shown = rows(ran.out)
    assert (shown["id"], shown["status"], shown["createdAt"]) == ("msg_01HZX", "QUEUED", "2026-07-03T15:00:00.000Z")
    assert shown["priority"] == "high"
    assert "flowToken" not in shown  # absent, not null: not shown


def test_send_a_template_with_its_variables(server: Loopback, capsys: pytest.CaptureFixture[str]) -> None:
    api, url = serve(server)
    argv = ["messages", "send", "--to", NUMBER, "--template", "order_confirmation", "--var", "name=Ana"]
    ran = run(capsys, *argv, "--var", "link=https://x.test/?a=1", "--base-url", url)
    assert ran.code == 0, ran.err
    assert json.loads(api.requests[0].content) == {
        "destinationNumber": NUMBER,
        "templateId": "order_confirmation",
        "variables": {"name": "Ana", "link": "https://x.test/?a=1"},
    }


def test_send_a_template_without_variables_sends_an_empty_object(
    server: Loopback, capsys: pytest.CaptureFixture[str]
) -> None:
    api, url = serve(server)
    ran = run(capsys, "messages", "send", "--to", NUMBER, "--template", "hello", "--base-url", url)
    assert ran.code == 0, ran.err
    assert json.loads(api.requests[0].content) == {"destinationNumber": NUMBER, "templateId": "hello", "variables": {}}


def test_send_with_the_key_of_an_earlier_send_prints_that_it_was_a_replay(
    server: Loopback, capsys: pytest.CaptureFixture[str]
) -> None:
    api, url = serve(
        server, FakeMessagesAPI([httpx.Response(202, json=ACCEPTED, headers={"Idempotent-Replayed": "true"})])
    )
    argv = ["messages", "send", "--to", NUMBER, "--text", "oi", "--idempotency-key", "order-42", "--base-url", url]
    ran = run(capsys, *argv)
    assert ran.code == 0, ran.err
    assert api.keys == ["order-42"]
    assert ran.err_lines == ["idempotency key: order-42 (a replay: this message was sent before, and not again)"]


def test_send_json_prints_the_answer_as_the_server_sent_it(
    server: Loopback, capsys: pytest.CaptureFixture[str]
) -> None:
    _, url = serve(server)
    ran = run(capsys, "messages", "send", "--to", NUMBER, "--text", "oi", "--json", "--base-url", url)
    assert ran.code == 0, ran.err
    assert json.loads(ran.out) == {**ACCEPTED, "createdAt": "2026-07-03T15:00:00.000Z"}
    assert ran.err_lines[0].startswith("idempotency key: ")


def test_a_send_that_fails_after_its_retries_names_its_key_and_how_to_send_it_again_safely(
    server: Loopback, capsys: pytest.CaptureFixture[str], sleeps: Sleeps
) -> None:
    api, url = serve(server, FakeMessagesAPI([httpx.Response(503, json={"error": "Unavailable"})]))
    ran = run(capsys, "messages", "send", "--to", NUMBER, "--text", "oi", "--max-retries", "2", "--base-url", url)
    (key,) = set(api.keys)
    assert len(api.requests) == 3  # retried, with one key
    assert len({request.content for request in api.requests}) == 1
    ran.assert_one_error_line(1, "503 Unavailable", f"idempotency key {key}", f"--idempotency-key {key}")


def test_a_key_reused_for_another_message_says_to_use_another_key(
    server: Loopback, capsys: pytest.CaptureFixture[str]
) -> None:
    reused = httpx.Response(409, json={"error": "Reused", "code": "IDEMPOTENCY_KEY_REUSED"})
    api, url = serve(server, FakeMessagesAPI([reused]))
    argv = ["messages", "send", "--to", NUMBER, "--text", "outro", "--idempotency-key", "order-42", "--base-url", url]
    ran = run(capsys, *argv)
    ran.assert_one_error_line(1, "409 IDEMPOTENCY_KEY_REUSED", "order-42 was used for another message")
    assert len(api.requests) == 1


def press_ctrl_c(seconds: float) -> None:
    raise KeyboardInterrupt


@pytest.mark.parametrize("given", [None, "order-42"])
def test_a_send_interrupted_while_it_waits_to_retry_names_its_key_and_how_to_send_it_again_safely(
    server: Loopback, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, given: str | None
) -> None:
    """Ctrl-C after a first attempt that may have reached the server: the user cannot know whether the message went,
    and only its key lets them send it again without sending it twice."""
    monkeypatch.setattr("pilotstatus._retries.sleep", press_ctrl_c)
    api, url = serve(server, FakeMessagesAPI([httpx.Response(503, json={"error": "Unavailable"})]))
    key_argv = [] if given is None else ["--idempotency-key", given]
    ran = run(capsys, "messages", "send", "--to", NUMBER, "--text", "oi", *key_argv, "--base-url", url)
    (key,) = api.keys
    assert key is not None
    assert given in (None, key)
    ran.assert_one_error_line(130, "interrupted", f"idempotency key {key}", f"--idempotency-key {key}")


BAD_SEND: dict[str, tuple[list[str], str]] = {
    "--var without --template": (["--text", "oi", "--var", "a=1"], "--var gives a variable of a --template"),
    "--var without =": (["--template", "t", "--var", "name"], "'name' is not NAME=VALUE"),
    "--var with no name": (["--template", "t", "--var", "=x"], "'=x' is not NAME=VALUE"),
    "--var twice": (["--template", "t", "--var", "a=1", "--var", "a=2"], "--var a is given twice"),
    "neither --text nor --template": ([], "one of the arguments --text --template is required"),
    "--text and --template": (["--text", "oi", "--template", "t"], "not allowed with argument"),
    "a key with a control character": (["--text", "oi", "--idempotency-key", "a\x07b"], "--idempotency-key must be"),
    "a key too long": (["--text", "oi", "--idempotency-key", "k" * 256], "--idempotency-key must be at most 255"),
    "an empty key": (["--text", "oi", "--idempotency-key", ""], "--idempotency-key must not be empty"),
}


@pytest.mark.parametrize(("argv", "problem"), BAD_SEND.values(), ids=BAD_SEND.keys())
def test_bad_send_input_is_one_line_exit_2_and_no_request(
    server: Loopback, capsys: pytest.CaptureFixture[str], argv: list[str], problem: str
) -> None:
    api, url = serve(server)
    ran = run(capsys, "messages", "send", "--to", NUMBER, *argv, "--base-url", url)
    assert ran.code == 2
    assert problem in ran.err
    assert ran.err.strip().splitlines()[-1].startswith(("pilotstatus: error: ", "pilotstatus messages send: error: "))
    assert "Traceback" not in ran.err
    assert api.requests == []


def test_an_empty_number_is_refused_before_any_request(server: Loopback, capsys: pytest.CaptureFixture[str]) -> None:
    api, url = serve(server)
    ran = run(capsys, "messages", "send", "--to", " ", "--text", "oi", "--base-url", url)
    ran.assert_one_error_line(2, "--to is empty")
    assert api.requests == []


# --- messages get ---------------------------------------------------------------------------------------------------


def test_get_prints_each_field_of_the_message_its_pricing_indented(
    server: Loopback, capsys: pytest.CaptureFixture[str]
) -> None:
    api, url = serve(server)
    ran = run(capsys, "messages", "get", "msg_01HZX", "--base-url", url)
    assert (ran.code, ran.err) == (0, "")
    shown = rows(ran.out)
    assert (shown["status"], shown["errorCode"]) == ("FAILED", "META_OUTSIDE_24H_WINDOW")
    assert shown["readAt"] == "-"
    assert shown["  category"] == "utility"
    assert "template" not in shown  # absent: not a template send
    assert [request.url.path for request in api.requests] == ["/v1/messages/msg_01HZX"]


def test_get_json_prints_the_message_as_the_server_sent_it(
    server: Loopback, capsys: pytest.CaptureFixture[str]
) -> None:
    _, url = serve(server)
    ran = run(capsys, "messages", "get", "msg_01HZX", "--json", "--base-url", url)
    assert ran.code == 0
    assert json.loads(ran.out) == MESSAGE


def test_get_a_message_that_is_not_the_numbers_is_one_line(
    server: Loopback, capsys: pytest.CaptureFixture[str]
) -> None:
    _, url = serve(server)
    ran = run(capsys, "messages", "get", "msg_other", "--base-url", url)
    ran.assert_one_error_line(1, "no message 'msg_other' on this number", "404 MESSAGE_NOT_FOUND")


@pytest.mark.parametrize("message_id", ["  ", "..", "m" * 257], ids=["blank", "dot-dot", "too long"])
def test_get_a_bad_id_is_refused_before_any_request(
    server: Loopback, capsys: pytest.CaptureFixture[str], message_id: str
) -> None:
    api, url = serve(server)
    ran = run(capsys, "messages", "get", message_id, "--base-url", url)
    ran.assert_one_error_line(2, "give the message's id as a send printed it")
    assert api.requests == []
