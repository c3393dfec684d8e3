"""The command line and the sandbox. `pilotstatus sandbox`'s webhook, ring-timeout and clock options: what reaches
`serve`, the secret from the environment, bad values refused in one line before the sandbox is even loaded, and the
sandbox command delivering signed webhooks. Then `pilotstatus calls export` against the sandbox, as a user runs it:
50,000 calls written, each exactly once, in order; and an export stopped with Ctrl-C part-way, then resumed, gives
the very same file."""

from __future__ import annotations

import ast
import hashlib
import hmac
import json
import os
import signal
import subprocess
import sys
import threading
import time
import types
from collections.abc import Iterator
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

import httpx
import pytest

from pilotstatus._cli import _installed as installed
from pilotstatus_sandbox import Sandbox, SandboxConfig
from pilotstatus_sandbox._command import EXTRA_MISSING, WEBHOOK_SECRET_ENV
from pilotstatus_sandbox._config import DEFAULT_RING_TIMEOUT, MAX_CALLS, MAX_MESSAGES
from tests._command import ERROR_PREFIX, run, use_key
from tests._loopback import serve
from tests._sandbox_process import sandbox_process

pytestmark = pytest.mark.long  # sandboxes started as processes, a 50,000-call export (make test-slow): started first

CALLS = 50_000
KEY = "ps_sandbox_web_number"
SECRET = "whsec_cli_test_SECRET"
HOOK = "http://127.0.0.1:9/webhooks"
HANG_GUARD = 30.0  # seconds: only a broken sandbox ever waits this long


# --- pilotstatus sandbox: the webhook, ring-timeout and clock options ---------------------------------------------


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """The options `serve` is called with, by a stand-in for the sandbox's server; no secret in the environment."""
    calls: list[dict[str, Any]] = []
    fake = types.ModuleType("pilotstatus_sandbox._server")
    fake.serve = lambda **options: calls.append(options)  # type: ignore[attr-defined]
    fake.ListenError = OSError  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "pilotstatus_sandbox._server", fake)
    monkeypatch.delenv(WEBHOOK_SECRET_ENV, raising=False)
    return calls


BASE = {"host": "127.0.0.1", "port": 8080, "calls": 5000, "messages": 200, "seed": 7, "rate_limit": None}


def test_the_webhook_ring_timeout_and_clock_options_reach_serve(
    capsys: pytest.CaptureFixture[str], served: list[dict[str, Any]]
) -> None:
    options = ["--webhook-url", HOOK, "--webhook-secret", SECRET, "--ring-timeout", "2.5", "--manual-clock"]
    ran = run(capsys, "sandbox", *options)
    assert (ran.code, ran.err) == (0, "")
    assert served == [
        {**BASE, "webhook_url": HOOK, "webhook_secret": SECRET, "ring_timeout": 2.5, "manual_clock": True}
    ]


def test_options_not_given_are_left_to_the_sandboxs_own_defaults(
    capsys: pytest.CaptureFixture[str], served: list[dict[str, Any]]
) -> None:
    assert run(capsys, "sandbox").code == 0
    assert served == [BASE]


def test_the_drift_option_reaches_serve_and_is_named_in_the_help(
    capsys: pytest.CaptureFixture[str], served: list[dict[str, Any]]
) -> None:
    assert run(capsys, "sandbox", "--drift", "--calls", "10").code == 0
    assert served == [{**BASE, "calls": 10, "drift": True}]
    ran = run(capsys, "sandbox", "--help")
    assert "--drift" in ran.out
    assert "differ from openapi.json on purpose" in " ".join(ran.out.split())


def test_the_access_log_option_reaches_serve_and_is_named_in_the_help(
    capsys: pytest.CaptureFixture[str], served: list[dict[str, Any]]
) -> None:
    assert run(capsys, "sandbox", "--access-log").code == 0
    assert served == [{**BASE, "access_log": True}]
    ran = run(capsys, "sandbox", "--help")
    assert "--access-log" in ran.out
    assert "log a line for each request answered (default: off" in " ".join(ran.out.split())


def test_the_webhook_secret_may_come_from_the_environment(
    capsys: pytest.CaptureFixture[str], served: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(WEBHOOK_SECRET_ENV, SECRET)
    assert run(capsys, "sandbox", "--webhook-url", HOOK).code == 0
    assert run(capsys, "sandbox", "--webhook-url", HOOK, "--webhook-secret", "given").code == 0
    assert run(capsys, "sandbox").code == 0  # set for other commands too: without a URL it is not used
    assert served == [
        {**BASE, "webhook_url": HOOK, "webhook_secret": SECRET},
        {**BASE, "webhook_url": HOOK, "webhook_secret": "given"},  # the option wins over the environment
        BASE,
    ]


@pytest.mark.parametrize(
    ("arguments", "fragment"),
    [
        (["--webhook-secret", SECRET], "--webhook-secret needs --webhook-url"),
        (["--webhook-url", HOOK], "--webhook-url needs a secret to sign the webhooks with: --webhook-secret or"),
    ],
)
def test_a_webhook_secret_without_a_url_or_the_reverse_is_refused_in_one_line_before_the_sandbox_loads(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, arguments: list[str], fragment: str
) -> None:
    monkeypatch.setitem(sys.modules, "pilotstatus_sandbox._server", None)  # loading it would fail: not tried
    monkeypatch.delenv(WEBHOOK_SECRET_ENV, raising=False)
    ran = run(capsys, "sandbox", *arguments)
    line = ran.assert_one_error_line(2, fragment)
    assert SECRET not in line


@pytest.mark.parametrize(
    ("arguments", "fragment"),
    [
        (["--ring-timeout", "0"], "argument --ring-timeout: 0 is not a ring timeout (a number of seconds above 0)"),
        (["--ring-timeout", "-3"], "argument --ring-timeout: -3 is not a ring timeout"),
        (["--ring-timeout", "nan"], "argument --ring-timeout: nan is not a ring timeout"),
        (["--ring-timeout", "inf"], "argument --ring-timeout: inf is not a ring timeout"),
        (["--ring-timeout", "soon"], "argument --ring-timeout: 'soon' is not a number of seconds"),
        (
            ["--webhook-url", "ftp://hooks.test/in"],
            "argument --webhook-url: 'ftp://hooks.test/in' is not an http(s) URL",
        ),
        (["--webhook-url", "hooks.test/in"], "argument --webhook-url: 'hooks.test/in' is not an http(s) URL"),
        (["--webhook-url", "http:///in"], "argument --webhook-url: 'http:///in' is not an http(s) URL"),
        (
            ["--webhook-url", "http://hooks.test:99999/"],
            "argument --webhook-url: 'http://hooks.test:99999/' is not a URL",
        ),
        (["--webhook-url", HOOK, "--webhook-secret", ""], "argument --webhook-secret: the secret must not be empty"),
        (
            ["--calls", "10000001"],
            "argument --calls: 10000001 is more calls than the sandbox holds (at most 10,000,000 a number)",
        ),
        (["--calls", "100000000"], "argument --calls: 100000000 is more calls than the sandbox holds"),
        (["--calls", "-1"], "argument --calls: -1 is not a count (0 or more)"),
        (
            ["--messages", "100001"],
            "argument --messages: 100001 is more messages than the sandbox seeds (at most 100,000 a number)",
        ),
        (["--messages", "-1"], "argument --messages: -1 is not a count (0 or more)"),
        (["--messages", "many"], "argument --messages: 'many' is not a whole number"),
    ],
)
def test_bad_webhook_and_ring_timeout_values_are_usage_errors_naming_the_option(
    capsys: pytest.CaptureFixture[str], served: list[dict[str, Any]], arguments: list[str], fragment: str
) -> None:
    ran = run(capsys, "sandbox", *arguments)
    assert ran.code == 2
    assert ran.err.startswith("usage: pilotstatus sandbox")
    # argparse's usage, then the refusal on one line of its own, last
    assert [line for line in ran.err_lines if "error:" in line] == ran.err_lines[-1:]
    assert ran.err_lines[-1].startswith(f"pilotstatus sandbox: error: {fragment}")
    assert "Traceback" not in ran.err
    assert served == []


def test_the_most_calls_the_sandbox_holds_is_taken_and_is_the_sandboxs_own_bound(
    capsys: pytest.CaptureFixture[str], served: list[dict[str, Any]]
) -> None:
    assert run(capsys, "sandbox", "--calls", "10000000").code == 0
    assert served == [{**BASE, "calls": 10_000_000}]
    with pytest.raises(ValueError, match="calls must be a whole number from 0 to 10,000,000"):
        SandboxConfig(calls=MAX_CALLS + 1)
    assert "at most 10,000,000" in " ".join(run(capsys, "sandbox", "--help").out.split())


def test_the_messages_seeded_on_each_number_reach_serve_up_to_the_sandboxs_own_bound(
    capsys: pytest.CaptureFixture[str], served: list[dict[str, Any]]
) -> None:
    assert run(capsys, "sandbox", "--messages", "100000").code == 0
    assert run(capsys, "sandbox", "--messages", "0").code == 0
    assert served == [{**BASE, "messages": 100_000}, {**BASE, "messages": 0}]
    with pytest.raises(ValueError, match="messages must be a whole number from 0 to 100,000"):
        SandboxConfig(messages=MAX_MESSAGES + 1)
    help_text = " ".join(run(capsys, "sandbox", "--help").out.split())
    assert "--messages N messages seeded on each number" in help_text
    assert "(default: 200, at most 100,000)" in help_text


def test_the_help_names_the_secrets_environment_variable_and_the_sandboxs_default_ring_timeout(
    capsys: pytest.CaptureFixture[str],
) -> None:
    ran = run(capsys, "sandbox", "--help")
    assert ran.code == 0
    help_text = " ".join(ran.out.split())
    assert WEBHOOK_SECRET_ENV in help_text
    assert "--webhook-url URL" in help_text
    assert "--manual-clock" in help_text
    assert f"(default: {DEFAULT_RING_TIMEOUT:g})" in help_text


def test_the_command_line_loads_the_sandbox_server_only_when_the_sandbox_command_runs() -> None:
    """Building the parser loads the sandbox's command (its entry point) and its help the catalogue and the areas'
    handler tables, but neither the server nor the web framework nor the spec validation: those only `run` loads."""
    probe = (
        "import sys\n"
        "from pilotstatus._cli import main\n"
        "main(['--version'])\n"
        "main(['sandbox', '--help'])\n"
        "main(['sandbox', '--webhook-secret', 's'])\n"
        "print(sorted(name for name in sys.modules if name.split('.')[0] == 'pilotstatus_sandbox'))\n"
        "print(sorted({name.split('.')[0] for name in sys.modules} & {'starlette', 'uvicorn', 'openapi_core'}))\n"
    )
    env = {name: value for name, value in os.environ.items() if not name.startswith("PILOT_STATUS_")}
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=env)
    *_, sandbox_modules, frameworks = done.stdout.splitlines()
    assert "'pilotstatus_sandbox._command'" in sandbox_modules
    for heavy in ("_server", "_app", "_pipeline", "_validation", "_realtime"):
        assert f"'pilotstatus_sandbox.{heavy}'" not in sandbox_modules
    assert frameworks == "[]"


WRAPPER = Path(installed.__file__).parents[1]  # the `pilotstatus` package


def test_the_wrapper_never_imports_the_sandbox() -> None:
    """No module of the wrapper names the sandbox package: the CLI finds its command through the entry point only."""
    for source in WRAPPER.rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            assert not any(name.split(".")[0] == "pilotstatus_sandbox" for name in names), source
    probe = "import sys, pilotstatus, pilotstatus._cli; print('pilotstatus_sandbox' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_the_sandbox_command_is_found_through_its_entry_point() -> None:
    (found,) = [entry for entry in installed.entry_points() if entry.name == "sandbox"]
    assert found in entry_points(group=installed.GROUP)
    assert found.value == "pilotstatus_sandbox._command:register"


@pytest.mark.parametrize(
    ("missing", "code", "line"),
    [
        (ModuleNotFoundError("No module named 'pilotstatus_sandbox'"), 2, EXTRA_MISSING),
        (ImportError("no register"), 1, "the sandbox command could not be loaded: no register"),
    ],
)
def test_a_command_whose_entry_point_cannot_load_still_answers_in_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, missing: ImportError, code: int, line: str
) -> None:
    class Unloadable:
        name = "sandbox"

        def load(self) -> object:
            raise missing

    monkeypatch.setattr(installed, "entry_points", lambda: [Unloadable()])
    for arguments in ([], ["--port", "9000"], ["--help"]):
        assert run(capsys, "sandbox", *arguments).assert_one_error_line(code) == ERROR_PREFIX + line
    assert "sandbox" in run(capsys, "--help").out  # still listed, saying what it needs


def test_without_the_extra_the_sandbox_command_says_how_to_install_it_and_its_help_still_shows() -> None:
    """The sandbox package is there (it ships in the wheel) but not the extra's web server and validation."""
    probe = (
        "import sys\n"
        "class Absent:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in {'starlette', 'uvicorn', 'openapi_core', 'websockets', 'jsonschema'}:\n"
        "            raise ModuleNotFoundError(f'No module named {name!r}')\n"
        "sys.meta_path.insert(0, Absent())\n"
        "from pilotstatus._cli import main\n"
        "code = main(sys.argv[1:])\n"
        "sys.exit(code)\n"
    )
    env = {name: value for name, value in os.environ.items() if not name.startswith("PILOT_STATUS_")}
    served = subprocess.run([sys.executable, "-c", probe, "sandbox"], capture_output=True, text=True, env=env)
    assert (served.returncode, served.stderr) == (2, ERROR_PREFIX + EXTRA_MISSING + "\n")
    helped = subprocess.run([sys.executable, "-c", probe, "sandbox", "--help"], capture_output=True, text=True, env=env)
    assert (helped.returncode, helped.stderr) == (0, "")
    assert "--webhook-url URL" in helped.stdout


def test_the_sandbox_command_signs_its_webhooks_with_the_secret_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    received: list[httpx.Request] = []
    arrived = threading.Event()

    def receiver(request: httpx.Request) -> httpx.Response:
        received.append(request)
        arrived.set()
        return httpx.Response(204)

    monkeypatch.setenv(WEBHOOK_SECRET_ENV, SECRET)  # the sandbox's process inherits it
    log = tmp_path / "sandbox.log"
    with serve(receiver) as receiver_url:
        options = ["--calls", "1", "--webhook-url", f"{receiver_url}/in", "--ring-timeout", "2.5", "--manual-clock"]
        with sandbox_process(log, *options) as url:
            helper = f"{url}/_sandbox/calls/incoming"
            call = httpx.post(helper, json={"from": "5511988887777"}, headers={"x-api-key": "ps_sandbox_meta_number"})
            assert call.status_code == 200, call.text
            assert arrived.wait(HANG_GUARD)
    printed = log.read_text()
    assert f"Webhooks: POST {receiver_url}/in, signed" in printed
    assert "Calls ring 2.5 s" in printed
    assert SECRET not in printed
    request = received[0]
    expected = hmac.new(SECRET.encode(), request.content, hashlib.sha256).hexdigest()
    assert hmac.compare_digest(request.headers["x-pilot-status-signature"], expected)
    assert json.loads(request.content)["event"] == "call.ringing"
    assert json.loads(request.content)["callId"] == call.json()["id"]


# --- pilotstatus calls get against the sandbox ---------------------------------------------------------------------


def test_calls_get_finds_a_call_by_a_provider_id_holding_a_slash(
    sandbox: Sandbox, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    use_key(monkeypatch, "ps_sandbox_meta_number")
    call = next(call for call in sandbox.app.state.histories["META"] if "/" in (call["externalCallId"] or ""))
    ran = run(capsys, "calls", "get", call["externalCallId"], "--json", "--base-url", sandbox.url)
    assert (ran.code, ran.err) == (0, "")
    assert json.loads(ran.out) == call


# --- pilotstatus calls export against the sandbox --------------------------------------------------------------------


@pytest.fixture(scope="module")
def big_sandbox() -> Iterator[Sandbox]:
    with Sandbox(SandboxConfig(calls=CALLS, seed=7)) as running:
        yield running


def pilotstatus(sandbox: Sandbox, *args: str) -> subprocess.Popen[str]:
    """The installed command in its own process, with the key in its environment."""
    env = {name: value for name, value in os.environ.items() if not name.startswith("PILOT_STATUS_")}
    env.update(PILOT_STATUS_BASE_URL=sandbox.url, PILOT_STATUS_API_KEY=KEY)
    return subprocess.Popen(
        [sys.executable, "-m", "pilotstatus", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture(scope="module")
def full_export(big_sandbox: Sandbox, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export") / "calls.jsonl"
    command = pilotstatus(big_sandbox, "calls", "export", "--output", str(path), "--no-progress")
    out, err = command.communicate(timeout=600)
    assert command.returncode == 0, err
    assert err.splitlines() == [f"wrote {CALLS} calls to {path}"]
    assert "Traceback" not in out + err
    return path


@pytest.mark.proof
def test_export_writes_all_50000_sandbox_calls_exactly_once_in_order(big_sandbox: Sandbox, full_export: Path) -> None:
    written = [json.loads(line) for line in full_export.read_text(encoding="utf-8").splitlines()]
    assert len(written) == CALLS
    assert len({call["id"] for call in written}) == CALLS
    # Field for field what the sandbox holds, newest first: nothing lost, nothing repeated, nothing reworded.
    assert written == list(big_sandbox.app.state.histories["EVO_GO"])


@pytest.mark.proof
def test_an_export_stopped_with_ctrl_c_resumes_into_the_same_file(
    big_sandbox: Sandbox, full_export: Path, tmp_path: Path
) -> None:
    path = tmp_path / "calls.jsonl"
    command = pilotstatus(big_sandbox, "calls", "export", "--output", str(path), "--no-progress")
    while command.poll() is None and (not path.exists() or path.stat().st_size < 1_000_000):
        time.sleep(0.01)
    assert command.poll() is None, "the export ended before it could be interrupted"
    command.send_signal(signal.SIGINT)
    out, err = command.communicate(timeout=60)
    assert command.returncode == 130
    assert len(err.splitlines()) == 1
    assert "--resume" in err
    assert "Traceback" not in out + err
    interrupted = path.read_bytes()
    assert 0 < len(interrupted) < len(full_export.read_bytes())

    resumed = pilotstatus(big_sandbox, "calls", "export", "--output", str(path), "--no-progress", "--resume")
    out, err = resumed.communicate(timeout=600)
    assert resumed.returncode == 0, err
    assert path.read_bytes() == full_export.read_bytes()
