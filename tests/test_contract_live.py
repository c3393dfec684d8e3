"""Live contract mode (`make contract`), proven against the sandbox started as a separate process: the checks pass,
only GET requests are sent, and the key appears nowhere in the output or the report, even when a check fails on a
response that echoes it."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from schemathesis.core.result import Ok

from pilotstatus_sandbox import SERVED_OPERATIONS
from tests._contract import contract_runner as load_contract_runner
from tests._loopback import serve
from tests._sandbox_process import sandbox_process
from tests.test_contract import Secret, Target, load_target_schema

ROOT = Path(__file__).resolve().parents[1]
KEY = "ps_sandbox_meta_number"

contract_runner = load_contract_runner()


@pytest.fixture(scope="module")
def separate_sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """`python -m pilotstatus_sandbox` in its own process; yields its URL and its log file."""
    log = tmp_path_factory.mktemp("sandbox") / "sandbox.log"
    with sandbox_process(log, "--calls", "300") as url:
        yield url, log


def make_contract(base_url: str, report: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("PILOT_STATUS_", "CONTRACT_"))}
    return subprocess.run(
        ["make", "--no-print-directory", "contract", f"BASE_URL={base_url}", f"REPORT={report}"],
        cwd=ROOT,
        # The sandbox serves List calls so far: the run is limited to it.
        env={
            **environ,
            "CONTRACT_RATE_LIMIT": "200/s",
            "CONTRACT_MAX_EXAMPLES": "10",
            "CONTRACT_OPERATIONS": ",".join(sorted(SERVED_OPERATIONS)),
            **env,
        },
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_make_contract_passes_against_a_separate_sandbox_and_never_prints_the_key(
    separate_sandbox: tuple[str, Path], tmp_path: Path
) -> None:
    url, log = separate_sandbox
    report = tmp_path / "junit.xml"
    result = make_contract(url, report, PILOT_STATUS_API_KEY=KEY)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "contract: passed" in output
    assert KEY not in output
    assert KEY not in report.read_text()
    assert 'failures="0"' in report.read_text()
    requests = [line for line in log.read_text().splitlines() if "HTTP/1.1" in line]
    assert len(requests) > 50
    assert all('"GET /v1/calls' in line for line in requests)  # read-only: no other method, no other path


def test_make_contract_with_a_key_id_passes(separate_sandbox: tuple[str, Path], tmp_path: Path) -> None:
    result = make_contract(separate_sandbox[0], tmp_path / "junit.xml", PILOT_STATUS_API_KEY_ID="ck_sandbox_web_number")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ck_sandbox_web_number" not in result.stdout + result.stderr


def broken_api(request: httpx.Request) -> httpx.Response:
    """Calls without `createdAt`, and the key echoed back in the body: a failing check must still not show it."""
    key = request.headers.get("x-api-key")
    if key != KEY:
        return httpx.Response(401, json={"error": "Unauthorized"})
    call = {"id": "call_1", "externalCallId": None, "direction": "INBOUND", "status": "COMPLETED"}
    # Padded so that a report shortening long bodies would cut the key in two.
    return httpx.Response(200, json={"calls": [call], "debug": "x" * 480 + f"key={key}"})


def test_a_failing_check_fails_make_contract_and_the_report_still_hides_the_key(tmp_path: Path) -> None:
    report = tmp_path / "junit.xml"
    with serve(broken_api) as url:
        result = make_contract(url, report, PILOT_STATUS_API_KEY=KEY)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "contract: FAILED" in output
    assert "Response violates schema" in output
    assert KEY not in output
    assert KEY not in report.read_text()
    assert "[redacted]" in output  # the echoed key, removed


def test_a_live_run_that_never_gets_calls_fails_unless_that_is_expected(
    separate_sandbox: tuple[str, Path], tmp_path: Path
) -> None:
    refused = make_contract(separate_sandbox[0], tmp_path / "a.xml", PILOT_STATUS_API_KEY="ps_sandbox_rate_limited")
    assert refused.returncode != 0
    assert "no valid request got calls" in refused.stdout
    expected = make_contract(
        separate_sandbox[0],
        tmp_path / "b.xml",
        PILOT_STATUS_API_KEY="ps_sandbox_rate_limited",
        CONTRACT_EXPECT_CALLS="0",
    )
    assert expected.returncode == 0, expected.stdout + expected.stderr


def refusing_api(request: httpx.Request) -> httpx.Response:
    """A deployment that refuses every request with 400 and no code: valid ones included, which is a bug."""
    if request.headers.get("x-api-key") != KEY:
        return httpx.Response(401, json={"error": "Unauthorized"})
    return httpx.Response(400, json={"error": "Validation error"})


def test_a_valid_request_refused_without_its_documented_code_fails(tmp_path: Path) -> None:
    with serve(refusing_api) as url:
        result = make_contract(url, tmp_path / "junit.xml", PILOT_STATUS_API_KEY=KEY)
    assert result.returncode != 0
    assert "Refusal without its documented code" in result.stdout


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
    ],
)
def test_make_contract_without_a_url_or_key_says_so_in_one_line(
    tmp_path: Path, args: str, env: dict[str, str], message: str
) -> None:
    result = make_contract(args, tmp_path / "junit.xml", **env)
    assert result.returncode != 0
    errors = [line for line in result.stderr.splitlines() if line.startswith("contract: error:")]
    assert len(errors) == 1
    assert message in errors[0]
    assert "Traceback" not in result.stdout + result.stderr


def live_operations(environ: dict[str, str]) -> set[str]:
    target = Target("live", "x-api-key", Secret(KEY), ("200",), ("400",))
    schema = load_target_schema(target, live=True, environ=environ)
    operations = list(schema.get_all_operations())
    assert all(isinstance(operation, Ok) for operation in operations)
    return {operation.ok().label for operation in operations if isinstance(operation, Ok)}


READS = {"GET /v1/calls", "GET /v1/calls/{callId}", "GET /v1/calls/settings", "GET /v1/calls/permissions"}


def test_live_mode_runs_only_get_operations_unless_one_is_named() -> None:
    assert live_operations({}) == READS
    assert live_operations({"CONTRACT_ALLOW_WRITES": "post_calls"}) == READS | {"POST /v1/calls"}


def test_live_mode_can_be_limited_to_the_operations_named() -> None:
    assert live_operations({"CONTRACT_OPERATIONS": "get_calls"}) == {"GET /v1/calls"}
    limited = {"CONTRACT_OPERATIONS": "get_calls, post_calls"}
    assert live_operations(limited) == {"GET /v1/calls"}  # a write still needs CONTRACT_ALLOW_WRITES
    assert live_operations({**limited, "CONTRACT_ALLOW_WRITES": "post_calls"}) == {
        "GET /v1/calls",
        "POST /v1/calls",
    }


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
