"""`make bench` keeps working: a tiny run completes, each contender sees every call, and the ratios are printed.

It asserts nothing about speed: the numbers are for `make bench` to report, not for a test to judge."""

from __future__ import annotations

import re
import subprocess
import sys

from tests._spec import ROOT


def test_a_small_benchmark_run_prints_the_ratios_and_the_memory_table() -> None:
    command = [sys.executable, str(ROOT / "tools" / "bench.py"), "--calls", "500", "--rounds", "1"]
    result = subprocess.run(
        [*command, "--memory-calls", "3000", "--sandbox-calls", "20000"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr  # a contender that misses a call exits non-zero
    assert re.search(r"\(a\)/\(b\) = \d+\.\d{3}", result.stdout)
    assert re.search(r"\(a\)/\(c\) = \d+\.\d{3}", result.stdout)
    assert re.search(r"peak traced .* ratio 3,000/1,500: \d+\.\d\d", result.stdout)
    assert re.search(r"live .* ratio 3,000/1,500: \d+\.\d\d", result.stdout)
    assert re.search(r"ratio 20,000/1,000: \d+\.\d\d   goal: flat", result.stdout)
