"""The processes the tests start can be interrupted with Ctrl-C even when the suite was started with SIGINT ignored
(in the background by a non-interactive shell, as a CI job or a script's loop may be): see `tests/_signals.py`."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# A process that starts with SIGINT ignored, optionally restores it, then reports how its own child handles SIGINT.
PARENT = """
import signal, subprocess, sys
signal.signal(signal.SIGINT, signal.SIG_IGN)
if sys.argv[1] == "restore":
    from tests._signals import restore_interrupt
    restore_interrupt()
child = "import signal; print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)"
print(subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, check=True).stdout.strip())
"""


def _child_handles_interrupt(mode: str) -> bool:
    ran = subprocess.run(
        [sys.executable, "-c", PARENT, mode], capture_output=True, text=True, check=True, cwd=ROOT, timeout=60
    )
    return {"True": True, "False": False}[ran.stdout.strip()]


def test_a_process_started_with_sigint_ignored_passes_the_ignore_on_to_its_children() -> None:
    """Why the restore exists: without it, a child of such a process ignores Ctrl-C too."""
    assert _child_handles_interrupt("keep") is False


def test_restoring_the_interrupt_lets_the_children_of_such_a_process_be_interrupted() -> None:
    assert _child_handles_interrupt("restore") is True


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signal dispositions")
def test_this_test_process_does_not_ignore_sigint() -> None:
    """conftest's `pytest_configure` ran here, in this worker: whatever started the suite, the processes the tests
    start (listeners, exports, sandboxes) get Ctrl-C."""
    assert signal.getsignal(signal.SIGINT) is not signal.SIG_IGN
