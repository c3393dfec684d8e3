"""The README stays true: CI runs the commands it gives, and its code example runs."""

from __future__ import annotations

import contextlib
import io
import json
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests._spec import ROOT, documented_page

README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCUMENTED_PAGE = documented_page()
KEY = "ps_readme_example"


def code_blocks(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```$", README, flags=re.DOTALL | re.MULTILINE)


def commands(script: str) -> list[str]:
    lines = (line.split("#", 1)[0].strip() for line in script.splitlines())
    return [line for line in lines if line.startswith("make ")]


def test_ci_runs_the_install_and_test_commands_the_readme_gives_and_the_gates_it_names() -> None:
    readme_commands = commands(code_blocks("sh")[0])
    assert readme_commands == ["make install", "make test"]
    ci_commands = commands((ROOT / ".ci" / "run").read_text(encoding="utf-8"))
    assert ci_commands[: len(readme_commands)] == readme_commands
    for gate in ci_commands[len(readme_commands) :]:
        assert f"`{gate}`" in README, f"CI runs {gate}, which the README does not mention"


class _ListCalls(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        authorized = self.headers.get("x-api-key") == KEY
        status, body = (200, DOCUMENTED_PAGE) if authorized else (401, {"error": "Unauthorized"})
        payload = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output clean."""


@pytest.fixture
def local_api() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _ListCalls)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize(("key", "expected"), [(KEY, "INBOUND COMPLETED 5511999999999 120"), ("ps_wrong", "401")])
def test_the_readme_example_runs_against_a_local_server(
    local_api: str, monkeypatch: pytest.MonkeyPatch, key: str, expected: str
) -> None:
    (example,) = code_blocks("python")
    monkeypatch.setenv("PILOT_STATUS_API_KEY", key)
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        exec(compile(example.replace("https://pilotstatus.com.br", local_api), "README.md", "exec"), {})
    assert expected in output.getvalue()
