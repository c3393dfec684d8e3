"""The sandbox command (`python -m pilotstatus_sandbox`) in a process of its own, as a user starts it."""

from __future__ import annotations

import contextlib
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest


@contextlib.contextmanager
def sandbox_process(log: Path, *options: str) -> Iterator[str]:
    """Run the sandbox on a free port (`--port 0`) with `options`, its output in `log`; yield the base URL it prints.

    The URL is printed once the socket listens, so requests made from then on are answered."""
    with log.open("w") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "pilotstatus_sandbox", "--port", "0", *options],
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    try:
        for _ in range(1200):
            found = re.search(r"^Base URL: (\S+)$", log.read_text(), flags=re.MULTILINE)
            if found is not None:
                break
            if process.poll() is not None:
                pytest.fail(f"the sandbox stopped before it served:\n{log.read_text()}")
            time.sleep(0.05)
        else:
            pytest.fail(f"the sandbox printed no address:\n{log.read_text()}")
        yield found.group(1)
    finally:
        process.terminate()
        process.wait(timeout=10)
