"""The README stays true: CI runs the commands it gives, and every code example runs against a local server."""

from __future__ import annotations

import contextlib
import datetime
import io
import re
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests._fake_api import FakeCallsAPI, call_body
from tests._loopback import serve
from tests._spec import ROOT, load_spec

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
OCTOBER_27 = datetime.datetime(2026, 10, 27, tzinfo=datetime.UTC)
NOVEMBER_1 = datetime.datetime(2026, 11, 1, tzinfo=datetime.UTC)
# 250 calls in the last week of October, three to a millisecond (so pages end inside groups of equal instants), then
# 20 on November 1st, the 17th newest of them still ringing.
CALLS = [
    call_body(f"call_oct_{i:03d}", OCTOBER_27 + datetime.timedelta(milliseconds=i // 3), durationSeconds=60)
    for i in range(250)
] + [
    call_body(
        f"call_nov_{i:02d}",
        NOVEMBER_1 + datetime.timedelta(minutes=i),
        **({"status": "RINGING"} if i == 3 else {"durationSeconds": 60}),
    )
    for i in range(20)
]


def readme_api(request: httpx.Request) -> httpx.Response:
    """The API as the README's examples meet it: for KEY, List calls over the dataset and every other operation
    answering its example from `openapi.json` (a user without permission to be called); a provider without calling
    for UNSUPPORTED_KEY; 401 otherwise. Every request is recorded in SEEN."""
    key = request.headers.get("x-api-key")
    SEEN.append((request.method, request.url.path, request.headers.get("x-whatsapp-number-id")))
    if key == UNSUPPORTED_KEY:
        return httpx.Response(400, json={"error": FEATURE_NOT_SUPPORTED, "code": "FEATURE_NOT_SUPPORTED"})
    if key != KEY:
        return httpx.Response(401, json={"error": "Unauthorized"})
    if (request.method, request.url.path) == ("GET", "/v1/calls"):
        return API.handler(request)
    if (request.method, request.url.path) == ("GET", "/v1/calls/permissions"):
        return httpx.Response(200, json={"permission": {"status": "no_permission"}, "actions": []})
    return httpx.Response(200, json=success_example(request.method, request.url.path))


def success_example(method: str, path: str) -> Any:
    """The 2xx example `openapi.json` gives the operation at `method` `path` (a `{callId}` matches one segment)."""
    paths = sorted(load_spec()["paths"].items(), key=lambda entry: "{" in entry[0])  # `settings` is no `{callId}`
    for template, item in paths:
        pattern = re.escape(template).replace(re.escape("{callId}"), "[^/]+")
        if re.fullmatch(pattern, path) and method.lower() in item:
            (status,) = [status for status in item[method.lower()]["responses"] if status.startswith("2")]
            return item[method.lower()]["responses"][status]["content"]["application/json"]["example"]
    raise AssertionError(f"no operation {method} {path} in openapi.json")


API = FakeCallsAPI(CALLS)
SEEN: list[tuple[str, str, str | None]] = []


@pytest.fixture
def local_api(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    with serve(readme_api) as base_url:
        monkeypatch.setenv("PILOT_STATUS_BASE_URL", base_url)
        yield base_url


def block_with(marker: str) -> int:
    """The index of the one python block of the README that holds `marker`."""
    (index,) = [i for i, block in enumerate(code_blocks("python")) if marker in block]
    return index


QUICKSTART = block_with("calls.iter(since=")
CALLS_API = block_with("calls.settings.update(")
ERRORS = block_with("except pilotstatus.FeatureNotSupportedError")
ASYNC = block_with("async for")
WEBHOOKS = block_with("webhooks.unwrap(")
SANDBOX = block_with("with Sandbox(")
GENERATED = block_with("sync_detailed")


def run_block(index: int, base_url: str) -> str:
    """Run the README's python block number `index`; return what it printed."""
    block = code_blocks("python")[index].replace("https://pilotstatus.com.br", base_url)
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        exec(compile(block, "README.md", "exec"), {"__name__": "readme"})
    return output.getvalue()


def test_the_readme_has_the_quickstart_blocks_then_the_generated_layer_block() -> None:
    assert len(code_blocks("python")) == 7
    assert list(range(7)) == [QUICKSTART, CALLS_API, ERRORS, ASYNC, WEBHOOKS, SANDBOX, GENERATED]
    assert "calls.list(" in code_blocks("python")[QUICKSTART]


def test_the_quickstart_lists_a_page_and_iterates_every_call_of_january(
    local_api: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PILOT_STATUS_API_KEY", KEY)
    lines = run_block(QUICKSTART, local_api).splitlines()
    assert len(lines) == 12
    assert all(" INBOUND COMPLETED 5511999999999" in line for line in lines[:10])
    assert lines[10] == "more: True HTTP 200"
    assert lines[11] == "calls in the last week of October: 250"


def test_the_calls_api_example_starts_answers_and_configures(local_api: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PILOT_STATUS_API_KEY", KEY)
    SEEN.clear()
    assert run_block(CALLS_API, local_api).splitlines() == [
        "started: call_01HZX... INITIATED",
        "now: RINGING",
        "hung up: COMPLETED",
        "answered: ACCEPTED",
        "calling: ENABLED hours: DISABLED",
        "permission: no_permission",
        "asked, message wamid.HBgM...",
        "Sao Paulo: 5 calls",
        "Rio: 5 calls",
    ]
    writes = [(method, path) for method, path, _ in SEEN if method != "GET"]
    assert writes == [
        ("POST", "/v1/calls"),
        ("POST", "/v1/calls/call_01HZX.../play"),
        ("POST", "/v1/calls/call_01HZX.../terminate"),
        ("POST", "/v1/calls/call_nov_03/accept"),
        ("PUT", "/v1/calls/settings"),
        ("POST", "/v1/calls/permissions/request"),
    ]
    assert [number for _, _, number in SEEN[-2:]] == ["num_sao_paulo", "num_rio"]
    assert {number for _, _, number in SEEN[:-2]} == {None}


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
    assert run_block(ERRORS, local_api) == printed


def test_the_error_example_reports_an_unreachable_api(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PILOT_STATUS_API_KEY", KEY)
    with serve(readme_api) as base_url:
        pass  # the port is closed again: nothing listens there
    monkeypatch.setenv("PILOT_STATUS_BASE_URL", base_url)
    assert run_block(ERRORS, base_url).startswith("Pilot Status is unreachable: ")


def test_the_async_example_lists_and_iterates(local_api: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PILOT_STATUS_API_KEY", KEY)
    assert run_block(ASYNC, local_api) == "newest: call_nov_19\ncalls in all: 270\n"


def test_the_generated_layer_example_prints_a_page(local_api: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PILOT_STATUS_API_KEY", KEY)
    lines = run_block(GENERATED, local_api).splitlines()
    assert [line.partition(" ")[2] for line in lines] == ["INBOUND COMPLETED 5511999999999 60"] * 10
    assert lines[0].startswith("2026-11-01T00:19:00+00:00 ")


def test_the_generated_layer_example_prints_an_error(local_api: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PILOT_STATUS_API_KEY", "ps_readme_wrong_key")
    assert run_block(GENERATED, local_api) == "401 (no code) Unauthorized\n"


def test_the_sandbox_example_iterates_then_drives_a_call_and_an_inbound_call_through_the_clock() -> None:
    assert run_block(SANDBOX, "unused").splitlines() == [
        "calls: 1000",
        "status: ACCEPTED",
        "duration: 30",
        "inbound: MISSED",
        "events: call.ringing call.connected call.ended call.ringing call.missed",
    ]
    block = code_blocks("python")[SANDBOX]
    printed = README[README.index(block) + len(block) :][:400]
    assert "`calls: 1000`, `status: ACCEPTED`, `duration: 30`, `inbound: MISSED`" in printed


def test_the_webhooks_example_reads_a_signed_event_and_refuses_a_tampered_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("PILOT_STATUS_WEBHOOK_SECRET", raising=False)
    printed = run_block(WEBHOOKS, "unused")
    shown = README[README.index(code_blocks("python")[WEBHOOKS]) :]
    (expected,) = re.findall(r"It prints:\n\n```text\n(.*?)```", shown, flags=re.DOTALL)[:1]
    assert printed == expected
    assert printed.splitlines()[1:] == [
        "200",
        "refused: the x-pilot-status-signature signature does not match the body: the body was changed, or signed"
        " with another secret",
        "400",
    ]
