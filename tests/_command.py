"""Running the `pilotstatus` command in-process, as a shell would, against a loopback HTTP server.

`run()` calls `pilotstatus._cli.main()` with `--base-url` pointing at the server and the key in the environment,
and returns the exit status and what went to stdout and stderr.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from pilotstatus._cli import main
from tests._clients import KEY
from tests._fake_api import EPOCH, call_body
from tests._loopback import Handler, serve

KEY_ENV = "PILOT_STATUS_API_KEY"
ENV_VARS = ("PILOT_STATUS_API_KEY", "PILOT_STATUS_API_KEY_ID", "PILOT_STATUS_BASE_URL")
ERROR_PREFIX = "pilotstatus: error: "


@dataclass
class Ran:
    """The outcome of one command."""

    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return self.err.splitlines()

    def assert_one_error_line(self, code: int, *fragments: str) -> str:
        """Assert the command failed with exactly one line on stderr, prefixed, naming `fragments`, with no
        traceback and no key; return the line."""
        assert self.code == code, (self.code, self.err)
        assert len(self.err_lines) == 1, self.err
        line = self.err_lines[0]
        assert line.startswith(ERROR_PREFIX), line
        for fragment in fragments:
            assert fragment in line, (fragment, line)
        assert "Traceback" not in self.err + self.out
        assert KEY not in self.err + self.out
        return line


def use_key(monkeypatch: pytest.MonkeyPatch, key: str | None = KEY) -> None:
    """The environment of a user: the key set (or not), nothing else of the SDK's."""
    for name in ENV_VARS:
        monkeypatch.delenv(name, raising=False)
    if key is not None:
        monkeypatch.setenv(KEY_ENV, key)


class Loopback:
    """One loopback HTTP server for a whole test module (starting and stopping one takes a moment), answering with
    the handler the test in progress gave to `serve()`."""

    def __init__(self) -> None:
        self.url = ""
        self._handler: Handler = lambda request: httpx.Response(404, json={"error": "no handler"})

    def __call__(self, request: httpx.Request) -> httpx.Response:
        return self._handler(request)

    def serve(self, handler: Handler) -> str:
        """Answer with `handler` from now on; return the server's base URL."""
        self._handler = handler
        return self.url


@contextlib.contextmanager
def loopback_server() -> Iterator[Loopback]:
    loopback = Loopback()
    with serve(loopback) as url:
        loopback.url = url
        yield loopback


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> Ran:
    code = main(list(argv))
    captured = capsys.readouterr()
    return Ran(code, captured.out, captured.err)


def closed_port_url() -> str:
    """The address of a loopback port nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def at(ms: int) -> datetime.datetime:
    return EPOCH + datetime.timedelta(milliseconds=ms)


# Milliseconds after EPOCH: single calls, then runs of 7 and 12 calls sharing one millisecond, so that pages of any
# size end inside runs of equal timestamps, then more single calls.
OFFSETS_MS = [0, 1, 2, *[5] * 7, 6, *[8] * 12, 9, 10, 11, *range(20, 40)]


def export_dataset() -> list[dict[str, Any]]:
    """Calls as the API sends them, with what an export must keep: null and absent fields, a field this SDK does
    not know, non-ASCII text, text that CSV must quote (a comma, a quote, a newline, a lone carriage return), and a
    lone surrogate (valid JSON that UTF-8 cannot carry, as a server cutting an emoji in half sends)."""
    calls = [call_body(f"call_{i:02d}", at(ms)) for i, ms in enumerate(OFFSETS_MS)]
    calls[4].update(durationSeconds=None, connectedAt=None, endedAt=None, status="REJECTED")
    calls[5].update(
        durationSeconds=42,
        startedAt=calls[5]["createdAt"],
        connectedAt=calls[5]["createdAt"],
        endedAt=calls[5]["updatedAt"],
    )
    calls[6]["recordingUrl"] = "https://example.test/rec/6"  # not documented: must survive as an extra field
    calls[7]["peerNumber"] = 'São Paulo, "quoted"\nsecond line'
    calls[8]["peerNumber"] = "5511\r999"
    calls[9]["externalCallId"] = "wacid.\udc00cut"
    calls[15]["labels"] = {"team": "vendas", "tags": ["a", "b"]}
    calls[30]["status"] = "MISSED"  # a status value the spec does not list yet
    return calls


def newest_first(calls: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The calls in the order the fake API serves them: newest first, ties in the dataset's order."""
    return sorted(calls, key=lambda call: call["createdAt"], reverse=True)


def as_exported(body: dict[str, Any]) -> dict[str, Any]:
    """A call as an export writes it: exactly as the API sent it (the test data spells instants as the API does)."""
    parsed: dict[str, Any] = json.loads(json.dumps(body))
    return parsed
