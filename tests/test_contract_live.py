"""Live contract mode (`make contract`), proven against servers that record what they receive (the sandbox started
as a separate process, a recording proxy in front of an in-process sandbox, and servers that break the spec): the
checks pass, only GET requests are sent unless writes are named one by one in ALLOW, every number called or sent a
message is TO (and no message goes to a group or a channel), settings updated during a run are written back, and
the key appears nowhere in the output or the report, even when a check fails on a response that echoes it. No
request goes to any real deployment."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from schemathesis.core.result import Ok

from pilotstatus_api import catalogue
from pilotstatus_sandbox import Sandbox, SandboxConfig, SandboxHelpers
from pilotstatus_sandbox._drift import DRIFT_FIELD, DRIFT_HEADER, DRIFT_STATUS
from tests._contract import SPEC_PATH
from tests._contract import contract_runner as load_contract_runner
from tests._contract_steering import dialable
from tests._contract_targets import Budget, Secret, Target
from tests._loopback import serve
from tests._sandbox_process import sandbox_process
from tests.test_contract import load_target_schema

pytestmark = pytest.mark.long  # four `make contract` runs against servers of their own (make test-slow): started first

ROOT = Path(__file__).resolve().parents[1]
KEY = "ps_sandbox_meta_number"
KEY_ID = "ck_sandbox_meta_number"
TO = "+5511988880001"  # a sandbox magic peer: answers, and holds a permission on the Meta number

contract_runner = load_contract_runner()


def make_contract(base_url: str, report: Path, *variables: str, **env: str) -> subprocess.CompletedProcess[str]:
    """`make contract BASE_URL=... REPORT=... VARIABLES...` with `env`, few examples, unthrottled."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("PILOT_STATUS_", "CONTRACT_"))}
    environ = {k: v for k, v in environ.items() if k not in ("ALLOW", "TO")}
    return subprocess.run(
        ["make", "--no-print-directory", "contract", f"BASE_URL={base_url}", f"REPORT={report}", *variables],
        cwd=ROOT,
        env={**environ, "CONTRACT_RATE_LIMIT": "500/s", "CONTRACT_MAX_EXAMPLES": "2", **env},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


class Recorder:
    """A proxy to an in-process sandbox that records each request (method, path, JSON body), and breaks the
    order of the call lists it passes on, so that a run through it has exactly one check to fail."""

    def __init__(self, sandbox_url: str) -> None:
        self.requests: list[tuple[str, str, Any]] = []
        self._client = httpx.Client(base_url=sandbox_url)
        self._lock = threading.Lock()

    def close(self) -> None:
        self._client.close()

    def __call__(self, request: httpx.Request) -> httpx.Response:
        try:
            body = json.loads(request.content) if request.content else None
        except ValueError:
            body = request.content  # not JSON (an invalid request): kept as it came
        with self._lock:
            self.requests.append((request.method, request.url.path, body))
        headers = [(k, v) for k, v in request.headers.raw if k.lower() not in (b"host", b"content-length")]
        upstream = self._client.request(
            request.method, request.url.raw_path.decode(), headers=headers, content=request.content
        )
        content = upstream.content
        if request.method == "GET" and request.url.path == "/v1/calls" and upstream.status_code == 200:
            listed = upstream.json()
            content = json.dumps({**listed, "calls": listed["calls"][::-1]}).encode()
        kept = {k: v for k, v in upstream.headers.items() if k.lower() not in ("content-length", "content-encoding")}
        return httpx.Response(upstream.status_code, headers=kept, content=content)


def test_the_recording_proxy_passes_on_a_header_that_is_not_ascii_as_it_came() -> None:
    """An Idempotency-Key may be any printable text: the proxy (and the loopback server under it) must neither drop
    the connection on it nor change it."""
    seen: list[list[tuple[bytes, bytes]]] = []

    def upstream(request: httpx.Request) -> httpx.Response:
        seen.append(list(request.headers.raw))
        return httpx.Response(202, json={})

    key = "pedido-42-café".encode("latin-1")
    with serve(upstream) as upstream_url, serve(recorder := Recorder(upstream_url)) as proxy:
        sent = httpx.post(f"{proxy}/v1/messages/send", headers=[(b"Idempotency-Key", key)], json={"text": "Oi"})
        recorder.close()
    assert sent.status_code == 202
    assert (b"idempotency-key", key) in [(name.lower(), value) for name, value in seen[0]]


def broken_api(request: httpx.Request) -> httpx.Response:
    """A deployment that breaks the contract three ways: its lists are always empty (no call to check), its
    settings violate their schema and echo the key, and it refuses the permission probe with a 400 without a code.
    Failing checks must still not show the key."""
    key = request.headers.get("x-api-key")
    if key != KEY:
        return httpx.Response(401, json={"error": "Unauthorized"})
    if request.url.path == "/v1/calls/settings":
        # Padded so that a report shortening long bodies would cut the key in two.
        return httpx.Response(200, json={"calling": "not an object", "debug": "x" * 480 + f"key={key}"})
    if request.url.path == "/v1/calls/permissions":
        return httpx.Response(400, json={"error": "Validation error"})
    return httpx.Response(200, json={"calls": []})


def settings_of(sandbox: Sandbox) -> Any:
    return httpx.get(f"{sandbox.url}/v1/calls/settings", headers={"x-api-key": KEY}).json()["calling"]


@dataclass(frozen=True)
class Run:
    """One `make contract` run: what it printed, its exit status and its JUnit report."""

    result: subprocess.CompletedProcess[str]
    report: Path

    @property
    def output(self) -> str:
        return self.result.stdout + self.result.stderr

    def failed(self) -> set[str]:
        """The names of the report's failed tests."""
        return set(re.findall(r'<testcase [^>]*name="([^"]+)"[^>]*>\s*<failure', self.report.read_text()))


@dataclass(frozen=True)
class Runs:
    """Every `make contract` run of this module, and what the servers they ran against recorded."""

    runs: dict[str, Run]
    sandbox_log: Path
    recorder: Recorder
    settings_before: Any
    settings_after: Any
    proxied_events: list[dict[str, Any]]
    """The webhooks of the Meta number behind the recording proxy, after the runs: every message sent, as it went."""


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Runs]:
    """The module's `make contract` runs, two at a time (each is a process of its own, and waits on the other
    half of the time): against the sandbox started as a separate process (with a demo key), against a recording
    proxy in front of an in-process sandbox (with writes allowed), and against a server that breaks the spec."""
    folder = tmp_path_factory.mktemp("runs")
    log = folder / "sandbox.log"
    with (
        sandbox_process(log, "--calls", "300", "--access-log") as separate,  # its log: what was sent
        sandbox_process(folder / "drifting.log", "--calls", "300", "--drift") as drifting,
        Sandbox(SandboxConfig(calls=300)) as proxied,
        serve(recorder := Recorder(proxied.url)) as proxy,
        serve(broken_api) as broken,
    ):
        # Every setting an update takes is set first, so that all of them can be written back.
        full = {"status": "ENABLED", "call_icon_visibility": "DEFAULT", "callback_permission_status": "DISABLED",
                "call_hours": {"status": "DISABLED"}, "voicemail": {"status": "DISABLED"}}  # fmt: skip
        assert httpx.put(f"{proxied.url}/v1/calls/settings", json=full, headers={"x-api-key": KEY}).status_code == 200
        before = settings_of(proxied)
        jobs: dict[str, tuple[str, tuple[str, ...], dict[str, str]]] = {
            "read-only": (separate, (), {"PILOT_STATUS_API_KEY": KEY}),
            "writes": (
                proxy,
                # By both names.
                (
                    "ALLOW=calls.create,post_calls_callId_terminate,calls.settings.update,messages.send,messages.cancel",
                    f"TO={TO}",
                ),
                {
                    "PILOT_STATUS_API_KEY_ID": KEY_ID,
                    "CONTRACT_ALLOW_WRITES": "post_calls_permissions_request",  # ... an operationId, by the older name
                    # Its lists fail their check before a valid one is counted: no call checked is expected here.
                    "CONTRACT_EXPECT_CALLS": "0",
                },
            ),
            "drift": (drifting, (), {"PILOT_STATUS_API_KEY": KEY}),
            "broken": (
                broken,
                (),
                {
                    "PILOT_STATUS_API_KEY": KEY,
                    "CONTRACT_OPERATIONS": "calls.list,calls.settings.retrieve,calls.permissions.retrieve",
                },
            ),
        }

        def run(name: str) -> Run:
            url, variables, env = jobs[name]
            report = folder / name / "junit.xml"  # each run's drift reports beside its own JUnit report
            return Run(make_contract(url, report, *variables, **env), report)

        with ThreadPoolExecutor(max_workers=2) as pool:
            done = dict(zip(jobs, pool.map(run, jobs), strict=True))
        with SandboxHelpers(proxied.url, api_key=KEY) as helpers:
            events = helpers.events()
        yield Runs(done, log, recorder, before, settings_of(proxied), events)
        recorder.close()


@pytest.mark.proof
def test_make_contract_passes_against_a_separate_sandbox_sending_only_gets_and_never_prints_the_key(
    runs: Runs,
) -> None:
    run = runs.runs["read-only"]
    assert run.result.returncode == 0, run.output
    assert "contract: passed" in run.output
    assert "writes allowed: none: read-only" in run.output
    assert KEY not in run.output
    assert KEY not in run.report.read_text()
    assert 'failures="0"' in run.report.read_text()
    # The log holds the requests of every run against the separate sandbox: all of them GET requests.
    requests = [line for line in runs.sandbox_log.read_text().splitlines() if "HTTP/1.1" in line]
    assert len(requests) > 50
    assert all('"GET /v1/' in line for line in requests)  # read-only: no other method, no other path
    paths = {re.search(r'"GET (/v1/[^? ]*)', line).group(1) for line in requests}  # type: ignore[union-attr]
    reads = {entry.path for entry in catalogue.OPERATIONS if entry.http_method == "GET" and "{" not in entry.path}
    assert {"/v1/calls", "/v1/calls/settings", "/v1/calls/permissions"} <= reads <= paths  # every GET operation ran
    assert any(path.startswith("/v1/templates/") for path in paths)


def drift_report(run: Run) -> Any:
    return json.loads((run.report.parent / "drift.json").read_text())


@pytest.mark.proof
def test_against_the_plain_sandbox_the_drift_report_is_empty(runs: Runs) -> None:
    run = runs.runs["read-only"]
    report = drift_report(run)
    assert report["responses"] > 50
    assert report["entries"] == []
    assert json.loads((run.report.parent / "drift.patch.json").read_text()) == []
    assert "contract: no drift from openapi.json" in run.output


PLANTED = {
    ("unknown-field", f"/components/schemas/Call/properties/{DRIFT_FIELD}", DRIFT_FIELD),
    ("unknown-enum-value", "/components/schemas/CallStatus/enum", DRIFT_STATUS),
    ("undocumented-header", f"/paths/~1v1~1calls/get/responses/200/headers/{DRIFT_HEADER}", DRIFT_HEADER.lower()),
}
"""What `pilotstatus sandbox --drift` plants, as the drift report must name it: (kind, pointer, detail)."""


@pytest.mark.proof
def test_against_a_drifting_sandbox_the_reports_name_each_planted_difference_once_and_no_key(runs: Runs) -> None:
    run = runs.runs["drift"]
    assert run.result.returncode == 0, run.output  # live: additive drift is reported, not failed
    assert "contract: drift from openapi.json: 3 differences, 0 breaking the SDK" in run.output
    entries = drift_report(run)["entries"]
    # List calls is where a read-only run meets calls (its retrieves ask for ids that do not exist).
    assert {(entry["kind"], entry["pointer"], entry["detail"]) for entry in entries} == PLANTED
    assert len(entries) == len(PLANTED)
    for entry in entries:
        assert entry["operation"] == "get_calls"
        assert 0 < entry["count"] <= entry["of"]
        assert entry["breaks_sdk"] is False
        assert entry["in_patch"] is True
        assert '"x-api-key: $PILOT_STATUS_API_KEY"' in entry["first_request"]
    for name in ("drift.json", "drift.md", "drift.patch.json", "junit.xml"):
        assert KEY not in (run.report.parent / name).read_text(), name
    markdown = (run.report.parent / "drift.md").read_text()
    assert f"the API now sends `Call.{DRIFT_FIELD}` (string, " in markdown


@pytest.mark.proof
def test_adopting_the_drift_of_a_drifting_sandbox_adds_exactly_what_was_planted_and_types_it(
    runs: Runs, tmp_path: Path
) -> None:
    run = runs.runs["drift"]
    spec = tmp_path / "openapi.json"
    spec.write_bytes(SPEC_PATH.read_bytes())
    generated = tmp_path / "generated" / "pilotstatus_api"
    shutil.copytree(ROOT / "generated" / "pilotstatus_api", generated, ignore=shutil.ignore_patterns("__pycache__"))
    adopted = subprocess.run(
        [sys.executable, ROOT / "tools" / "adopt_drift.py", "--patch", run.report.parent / "drift.patch.json",
         "--spec", spec, "--generated", generated],
        capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    assert adopted.returncode == 0, adopted.stdout + adopted.stderr
    before, after = json.loads(SPEC_PATH.read_text()), json.loads(spec.read_text())
    date = drift_report(run)["observed_on"]
    note = f"Observed on {date}, not documented upstream."
    call, status = after["components"]["schemas"]["Call"], after["components"]["schemas"]["CallStatus"]
    assert call["properties"].pop(DRIFT_FIELD) == {
        "type": "string",
        "description": note,
        "x-pilotstatus-observed": date,
    }
    assert status["enum"].pop() == DRIFT_STATUS
    assert status.pop("x-pilotstatus-observed") == {DRIFT_STATUS: note}
    headers = after["paths"]["/v1/calls"]["get"]["responses"]["200"].pop("headers")
    assert set(headers) == {DRIFT_HEADER}
    assert after == before  # nothing else changed
    model = (generated / "models" / "call.py").read_text()
    assert "recording_url: str | None = None" in model
    assert f'"{DRIFT_STATUS}"' in (generated / "models" / "call_status.py").read_text()
    assert "openapi.json" in adopted.stdout  # the diffs, for review
    assert "recording_url" in adopted.stdout


ALLOWED_WRITES = {
    ("POST", "/v1/messages/send"),
    ("DELETE", "/v1/messages/cancel"),
    ("POST", "/v1/calls"),
    ("POST", "/v1/calls/{callId}/terminate"),
    ("PUT", "/v1/calls/settings"),
    ("POST", "/v1/calls/permissions/request"),
}


def _template(path: str) -> str:
    return re.sub(r"^/v1/calls/(?!settings$|permissions)[^/]+", "/v1/calls/{callId}", path)


@pytest.mark.proof
def test_a_live_run_sends_only_the_writes_named_and_calls_only_to(runs: Runs) -> None:
    run, requests = runs.runs["writes"], runs.recorder.requests
    assert (
        "writes allowed: calls.create, calls.permissions.request, calls.settings.update, calls.terminate, "
        "messages.cancel, messages.send" in run.output
    )
    sent = {(method, _template(path)) for method, path, _ in requests}
    assert {(method, path) for method, path in sent if method != "GET"} == ALLOWED_WRITES
    dialling = {("POST", "/v1/calls"), ("POST", "/v1/calls/permissions/request")}
    dialled = [
        body.get("to") for method, path, body in requests if (method, path) in dialling and isinstance(body, dict)
    ]
    # Every number a Start call or a permission request named was TO (the others have too few digits to be one).
    assert {to for to in dialled if isinstance(to, str) and sum(char.isdigit() for char in to) >= 7} == {TO}
    assert KEY_ID not in run.output
    assert KEY_ID not in run.report.read_text()


def phones(body: Any) -> Iterator[tuple[str, Any]]:
    """(name, value) of every phone field of a JSON body, at any depth."""
    if isinstance(body, list):
        for item in body:
            yield from phones(item)
    elif isinstance(body, dict):
        for name, value in body.items():
            if name in contract_runner.PHONE_FIELDS:
                yield name, value
            yield from phones(value)


@pytest.mark.proof
def test_a_live_run_sends_messages_only_to_to_and_never_to_a_group_or_a_channel(runs: Runs) -> None:
    sends = [body for method, path, body in runs.recorder.requests if (method, path) == ("POST", "/v1/messages/send")]
    assert len(sends) > 5
    for body in sends:
        if isinstance(body, dict):
            assert not {"groupId", "newsletterId"} & body.keys(), body
            for name, value in phones(body):
                # Every phone that could name someone: a destination (a BSUID too) or a button's number to dial.
                reaches = isinstance(value, str) and (value.strip() if name == "destinationNumber" else dialable(value))
                assert not reaches or value == TO, body
    # And as the number saw it: every message that went out (or failed to) went to TO.
    outbound = [event["data"] for event in runs.proxied_events if event["event"].startswith("message.")]
    assert outbound
    assert {data["to"] for data in outbound if data["fromMe"]} == {TO}


@pytest.mark.proof
def test_a_live_run_that_fails_writes_the_settings_back_as_it_read_them(runs: Runs) -> None:
    run, requests = runs.runs["writes"], runs.recorder.requests
    assert run.result.returncode != 0, run.output
    # The one failure is the list order the proxy broke: the writes passed, and with CONTRACT_EXPECT_CALLS=0 no
    # list checked is not one.
    assert "Calls not newest first" in run.output
    assert run.failed() == {"test_contract_live[GET /v1/calls][live]"}
    # Read first, written back last (every key an update takes: `sip` is read-only), and read again.
    assert requests[0][:2] == ("GET", "/v1/calls/settings")
    assert requests[-2] == ("PUT", "/v1/calls/settings", {k: v for k, v in runs.settings_before.items() if k != "sip"})
    assert requests[-1][:2] == ("GET", "/v1/calls/settings")
    assert any(method == "PUT" for method, _, _ in requests[1:-2])  # the run itself updated them
    assert runs.settings_after == runs.settings_before
    assert "contract: calling settings written back as they were read" in run.output


def test_writing_the_settings_back_names_what_a_partial_update_cannot_undo() -> None:
    headers = {"x-api-key": KEY}
    with Sandbox(SandboxConfig(calls=0)) as sandbox:
        guard = contract_runner.SettingsGuard(sandbox.url, "x-api-key", KEY)
        guard.save()
        saved = dict(guard.saved)
        assert "voicemail" not in saved
        # What a run might do: change a setting that was read, and set one that was not.
        changes = {"status": "DISABLED", "voicemail": {"status": "ENABLED"}}
        assert httpx.put(f"{sandbox.url}/v1/calls/settings", json=changes, headers=headers).status_code == 200
        assert guard.restore() == ["voicemail"]
        assert settings_of(sandbox)["status"] == saved["status"]
        guard.close()


@pytest.mark.proof
def test_failing_checks_fail_make_contract_and_the_report_still_hides_the_key(runs: Runs) -> None:
    run = runs.runs["broken"]
    assert run.result.returncode != 0
    assert "contract: FAILED" in run.output
    # Live, what breaks the SDK fails (a settings envelope whose `calling` is no object), named by the drift check.
    assert "Drift from openapi.json that breaks the SDK" in run.output
    assert "type-mismatch at CallingSettingsEnvelope.calling" in run.output
    breaking = [entry for entry in drift_report(run)["entries"] if entry["breaks_sdk"]]
    assert [(entry["operation"], entry["kind"]) for entry in breaking] == [("get_calls_settings", "type-mismatch")]
    for name in ("drift.json", "drift.md", "drift.patch.json"):
        assert KEY not in (run.report.parent / name).read_text(), name
    assert "Refusal without its documented code" in run.output  # a valid request refused with a 400 and no code
    assert KEY not in run.output
    assert KEY not in run.report.read_text()
    assert "[redacted]" in run.output  # the echoed key, removed


@pytest.mark.proof
def test_a_live_run_whose_valid_requests_never_get_a_call_fails(runs: Runs) -> None:
    """Its lists are all empty, so no call was checked against the schema (CONTRACT_EXPECT_CALLS=0 lets a run
    expect that: the writes run)."""
    run = runs.runs["broken"]
    assert "no valid request got calls" in run.result.stdout
    assert "test_valid_requests_got_calls_to_check_against_the_schema" in run.failed()


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        ("http://127.0.0.1:9", {}, "set PILOT_STATUS_API_KEY"),
        ("", {"PILOT_STATUS_API_KEY": KEY}, "BASE_URL must be an http(s) URL"),
        ("ftp://example.com", {"PILOT_STATUS_API_KEY": KEY}, "BASE_URL must be an http(s) URL"),
        ("http://127.0.0.1:9", {"PILOT_STATUS_API_KEY": KEY, "PILOT_STATUS_API_KEY_ID": "ck_x"}, "both"),
        ("http://127.0.0.1:9", {"PILOT_STATUS_API_KEY": KEY, "CONTRACT_MAX_EXAMPLES": "ten"}, "CONTRACT_MAX_EXAMPLES"),
        ("http://127.0.0.1:9", {"PILOT_STATUS_API_KEY": KEY, "CONTRACT_RATE_LIMIT": "fast"}, "CONTRACT_RATE_LIMIT"),
        ("http://127.0.0.1:9", {"PILOT_STATUS_API_KEY": KEY, "CONTRACT_ALLOW_WRITES": "post_x"}, "post_x"),
        ("http://127.0.0.1:9", {"PILOT_STATUS_API_KEY": KEY, "ALLOW": "create_call"}, "ALLOW names no operation"),
        ("http://127.0.0.1:9", {"PILOT_STATUS_API_KEY": KEY, "ALLOW": "calls.create"}, "TO must name"),
        ("http://127.0.0.1:9", {"PILOT_STATUS_API_KEY": KEY, "ALLOW": "calls.permissions.request"}, "TO must name"),
        ("http://127.0.0.1:9", {"PILOT_STATUS_API_KEY": KEY, "ALLOW": "messages.send"}, "send messages to"),
        ("http://127.0.0.1:9", {"PILOT_STATUS_API_KEY": KEY, "ALLOW": "calls.create", "TO": "+55 11"}, "TO must be"),
        # The settings cannot be read (nothing listens): no run, rather than a run that could not restore them.
        ("http://127.0.0.1:9", {"PILOT_STATUS_API_KEY": KEY, "ALLOW": "calls.settings.update"}, "cannot read"),
    ],
)
def test_make_contract_refuses_a_bad_setting_in_one_line_before_any_run(
    tmp_path: Path, args: str, env: dict[str, str], message: str
) -> None:
    result = make_contract(args, tmp_path / "junit.xml", **env)
    assert result.returncode != 0
    errors = [line for line in result.stderr.splitlines() if line.startswith("contract: error:")]
    assert len(errors) == 1, result.stderr
    assert message in errors[0]
    assert "Traceback" not in result.stdout + result.stderr
    assert not (tmp_path / "junit.xml").exists()  # the suite never started


def live_operations(environ: dict[str, str]) -> set[str]:
    target = Target("live", (("x-api-key", Secret(KEY)),), {}, frozenset(), ("400",), Budget(examples=1, scenarios=1))
    schema = load_target_schema(target, live=True, environ=environ)
    operations = list(schema.get_all_operations())
    assert all(isinstance(operation, Ok) for operation in operations)
    return {operation.ok().label for operation in operations if isinstance(operation, Ok)}


READS = {f"GET {entry.path}" for entry in catalogue.OPERATIONS if entry.http_method == "GET"}


def test_live_mode_runs_only_get_operations_unless_one_is_named() -> None:
    assert live_operations({}) == READS
    assert live_operations({"ALLOW": "post_calls", "TO": TO}) == READS | {"POST /v1/calls"}
    assert live_operations({"ALLOW": "post_calls_callId_terminate, calls.reject"}) == READS | {
        "POST /v1/calls/{callId}/terminate",
        "POST /v1/calls/{callId}/reject",
    }
    assert live_operations({"CONTRACT_ALLOW_WRITES": "post_calls_callId_accept"}) == READS | {
        "POST /v1/calls/{callId}/accept"
    }


def test_live_mode_can_be_limited_to_the_operations_named() -> None:
    assert live_operations({"CONTRACT_OPERATIONS": "get_calls"}) == {"GET /v1/calls"}
    limited = {"CONTRACT_OPERATIONS": "get_calls, calls.create", "TO": TO}
    assert live_operations(limited) == {"GET /v1/calls"}  # a write still needs ALLOW
    assert live_operations({**limited, "ALLOW": "calls.create"}) == {"GET /v1/calls", "POST /v1/calls"}


def test_live_mode_refuses_a_settings_update_that_no_runner_writes_back() -> None:
    with pytest.raises(RuntimeError, match="restores the settings"):
        live_operations({"ALLOW": "calls.settings.update"})
    assert "PUT /v1/calls/settings" in live_operations(
        {"ALLOW": "calls.settings.update", "PILOTSTATUS_CONTRACT_RESTORES_SETTINGS": "1"}
    )


def test_the_runner_removes_the_key_and_any_long_enough_piece_of_its_ends() -> None:
    pattern = contract_runner.redaction([KEY])
    text = f"full {KEY}, cut {KEY[:9]}..., tail ...{KEY[-10:]}, short {KEY[:5]}"
    assert (
        contract_runner.redact(text, pattern) == "full [redacted], cut [redacted]..., tail ...[redacted], short ps_sa"
    )


def test_naming_an_unknown_operation_is_an_error() -> None:
    with pytest.raises(ValueError, match="post_nothing"):
        contract_runner.allowed_write_operations(
            {"CONTRACT_ALLOW_WRITES": "post_calls, post_nothing"}, {"get_calls", "post_calls"}
        )


def test_to_is_required_by_a_write_that_reaches_a_phone_number_and_only_then() -> None:
    assert contract_runner.destination({}, {"post_calls_callId_terminate", "put_calls_settings"}) is None
    assert contract_runner.destination({"TO": " +5511988880001 "}, {"post_calls"}) == "+5511988880001"
    for dialling in ({"post_calls"}, {"post_calls_permissions_request"}):
        with pytest.raises(ValueError, match="TO must name"):
            contract_runner.destination({}, dialling)
