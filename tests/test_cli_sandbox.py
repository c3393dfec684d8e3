"""`pilotstatus calls export` against the sandbox, as a user runs it: 50,000 calls written, each exactly once, in
order; and an export stopped with Ctrl-C part-way, then resumed, gives the very same file."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from pilotstatus_sandbox import Sandbox, SandboxConfig

CALLS = 50_000
KEY = "ps_sandbox_web_number"


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


def test_export_writes_all_50000_sandbox_calls_exactly_once_in_order(big_sandbox: Sandbox, full_export: Path) -> None:
    written = [json.loads(line) for line in full_export.read_text(encoding="utf-8").splitlines()]
    assert len(written) == CALLS
    assert len({call["id"] for call in written}) == CALLS
    # Field for field what the sandbox holds, newest first: nothing lost, nothing repeated, nothing reworded.
    assert written == list(big_sandbox.app.state.histories["EVO_GO"])


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
