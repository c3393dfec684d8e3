"""The README stays true: CI runs the commands it gives, and every code example runs against a local server."""

from __future__ import annotations

import contextlib
import datetime
import io
import re
from collections.abc import Iterator

import httpx
import pytest

from tests._fake_api import FakeCallsAPI, call_body
from tests._loopback import serve
from tests._spec import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
KEY = "ps_readme_example"


def code_blocks(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```$", README, flags=re.DOTALL | re.MULTILINE)


def commands(script: str) -> list[str]:
    lines = (line.split("#", 1)[0].strip() for line in script.splitlines())
    return [line for line in lines if line.startswith("make ")]


def test_ci_runs_the_two_commands_the_readme_gives_and_the_gates_it_names() -> None:
    readme_commands = commands(code_blocks("sh")[0])
    assert readme_commands == ["make demo", "make test"]
    ci_commands = commands((ROOT / ".ci" / "run").read_text(encoding="utf-8"))
    assert ci_commands[: len(readme_commands)] == readme_commands
    for gate in ci_commands[len(readme_commands) :]:
        assert f"`{gate}`" in README, f"CI runs {gate}, which the README does not mention"


UNSUPPORTED_KEY = "ps_readme_unsupported_provider"
FEATURE_NOT_SUPPORTED = "Calling is only supported for Meta Cloud API and Pilot Status (web) numbers."
JANUARY = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
# 250 calls in January, three to a millisecond (so pages end inside groups of equal instants), then 20 in February.
CALLS = [
    call_body(f"call_jan_{i:03d}", JANUARY + datetime.timedelta(days=5, milliseconds=i // 3), durationSeconds=60)
    for i in range(250)
] + [
    call_body(f"call_feb_{i:02d}", JANUARY + datetime.timedelta(days=40, minutes=i), durationSeconds=60)
    for i in range(20)
]


def readme_api(request: httpx.Request) -> httpx.Response:
    """List calls as the README's examples meet it: the dataset for KEY, a provider without calling for
    UNSUPPORTED_KEY, 401 otherwise."""
    key = request.headers.get("x-api-key")
    if key == UNSUPPORTED_KEY:
        return httpx.Response(400, json={"error": FEATURE_NOT_SUPPORTED, "code": "FEATURE_NOT_SUPPORTED"})
    if key != KEY:
        return httpx.Response(401, json={"error": "Unauthorized"})
    return API.handler(request)


API = FakeCallsAPI(CALLS)


@pytest.fixture
def local_api(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    with serve(readme_api) as base_url:
        monkeypatch.setenv("PILOT_STATUS_BASE_URL", base_url)
        yield base_url


def run_block(index: int, base_url: str) -> str:
    """Run the README's python block number `index`; return what it printed."""
    block = code_blocks("python")[index].replace("https://pilotstatus.com.br", base_url)
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        exec(compile(block, "README.md", "exec"), {"__name__": "readme"})
    return output.getvalue()


def test_the_readme_has_the_quickstart_blocks_then_the_generated_layer_block() -> None:
    blocks = code_blocks("python")
    assert len(blocks) == 5
    assert "calls.list(" in blocks[0]
    assert "calls.iter(" in blocks[0]
    assert "except pilotstatus.FeatureNotSupportedError" in blocks[1]
    assert "async for" in blocks[2]
    assert "with Sandbox(" in blocks[3]
    assert "sync_detailed" in blocks[4]


def test_the_quickstart_lists_a_page_and_iterates_every_call_of_january(
    local_api: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PILOT_STATUS_API_KEY", KEY)
    lines = run_block(0, local_api).splitlines()
    assert len(lines) == 12
    assert all(" INBOUND COMPLETED 5511999999999" in line for line in lines[:10])
    assert lines[10] == "more: True HTTP 200"
    assert lines[11] == "calls in January: 250"


@pytest.mark.parametrize(
    ("key", "printed"),
    [
        (UNSUPPORTED_KEY, f"This number cannot use calls: {FEATURE_NOT_SUPPORTED}\n"),
        ("ps_readme_wrong_key", "Check PILOT_STATUS_API_KEY\n"),
        (KEY, ""),
    ],
)
def test_the_error_example_catches_each_error_by_its_class(
    local_api: str, monkeypatch: pytest.MonkeyPatch, key: str, printed: str
) -> None:
    monkeypatch.setenv("PILOT_STATUS_API_KEY", key)
    assert run_block(1, local_api) == printed


def test_the_error_example_reports_an_unreachable_api(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PILOT_STATUS_API_KEY", KEY)
    with serve(readme_api) as base_url:
        pass  # the port is closed again: nothing listens there
    monkeypatch.setenv("PILOT_STATUS_BASE_URL", base_url)
    assert run_block(1, base_url).startswith("Pilot Status is unreachable: ")


def test_the_async_example_lists_and_iterates(local_api: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PILOT_STATUS_API_KEY", KEY)
    assert run_block(2, local_api) == "newest: call_feb_19\ncalls in all: 270\n"


def test_the_generated_layer_example_prints_a_page(local_api: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PILOT_STATUS_API_KEY", KEY)
    lines = run_block(4, local_api).splitlines()
    assert [line.partition(" ")[2] for line in lines] == ["INBOUND COMPLETED 5511999999999 60"] * 10
    assert lines[0].startswith("2026-02-10T00:19:00+00:00 ")


def test_the_generated_layer_example_prints_an_error(local_api: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PILOT_STATUS_API_KEY", "ps_readme_wrong_key")
    assert run_block(4, local_api) == "401 (no code) Unauthorized\n"


def test_the_sandbox_example_iterates_the_sandbox_calls() -> None:
    assert run_block(3, "unused") == "calls: 1000\n"
