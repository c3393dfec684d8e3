"""`make bench`, the sandbox's own figures: how long it takes to start with a million calls a number, and what a
request of a kept-alive connection costs on the command-line sandbox (`pilotstatus sandbox`, its own process)
against the in-process one (`Sandbox`, a thread), in interleaved rounds.

The second is the regression guard of a fixed defect: a listening socket that asyncio does not know for TCP left
TCP_NODELAY unset on accepted connections, and Nagle's algorithm with delayed ACKs stalled every kept-alive request
by about 40 ms (60 ms a request against 18 ms in-process). The goal is a ratio within 1.5.
"""

from __future__ import annotations

import contextlib
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator

import httpx

from pilotstatus_sandbox import Sandbox, SandboxConfig, create_app

KEY = {"x-api-key": "ps_sandbox_meta_number"}
STARTUP_GOAL = 2.0
KEEPALIVE_GOAL = 1.5


def startup_seconds(calls: int, rounds: int) -> float:
    """The median time to build the sandbox's app (every number's history drawn) with `calls` calls a number."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        create_app(SandboxConfig(calls=calls, seed=7))
        times.append(time.perf_counter() - start)
    return statistics.median(times)


@contextlib.contextmanager
def command_line_sandbox(calls: int) -> Iterator[str]:
    """`pilotstatus sandbox --port 0` in a process of its own, until the block ends; yields its base URL."""
    command = [sys.executable, "-m", "pilotstatus", "sandbox", "--port", "0", "--calls", str(calls)]
    with subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True) as server:
        assert server.stderr is not None
        try:
            for line in server.stderr:
                found = re.search(r"Base URL: (http://\S+)", line)
                if found:
                    yield found.group(1)
                    break
            else:
                raise SystemExit(f"the command-line sandbox did not start (exit {server.wait()})")
        finally:
            server.terminate()
            server.wait(10)


def request_seconds(client: httpx.Client, requests: int) -> float:
    start = time.perf_counter()
    for _ in range(requests):
        response = client.get("/v1/calls", params={"limit": "1"})
        if response.status_code != 200:
            raise SystemExit(f"the sandbox answered {response.status_code}: {response.text}")
    return (time.perf_counter() - start) / requests


def keepalive_ratio(rounds: int, requests: int) -> tuple[float, float, float]:
    """Medians of the seconds a request on the command line and in process, and of their per-round ratio."""
    with (
        command_line_sandbox(1000) as cli_url,
        Sandbox(SandboxConfig(calls=1000, seed=7)) as in_process,
        httpx.Client(base_url=cli_url, headers=KEY) as cli,
        httpx.Client(base_url=in_process.url, headers=KEY) as local,
    ):
        request_seconds(cli, requests)  # warm up both: imports, the first connection
        request_seconds(local, requests)
        cli_times, local_times = [], []
        for _ in range(rounds):
            cli_times.append(request_seconds(cli, requests))
            local_times.append(request_seconds(local, requests))
    ratio = statistics.median(c / i for c, i in zip(cli_times, local_times, strict=True))
    return statistics.median(cli_times), statistics.median(local_times), ratio


def report(sandbox_calls: int, rounds: int) -> None:
    empty, full = startup_seconds(0, 3), startup_seconds(sandbox_calls, 3)
    print("Sandbox start-up (the app built, every number's history drawn; medians of 3):")
    print(f"  {0:>9,} calls a number  {empty:6.2f} s")
    verdict = "met" if full <= STARTUP_GOAL else "NOT MET"
    print(f"  {sandbox_calls:>9,} calls a number  {full:6.2f} s   goal <= {STARTUP_GOAL:g} s: {verdict}")
    cli, local, ratio = keepalive_ratio(rounds, requests=100)
    print("Sandbox: a request on a kept-alive connection, GET /v1/calls?limit=1 (medians):")
    print(f"  command line (pilotstatus sandbox)  {cli * 1000:6.2f} ms")
    print(f"  in process (Sandbox, a thread)      {local * 1000:6.2f} ms")
    print(f"  ratio: {ratio:.2f}   goal <= {KEEPALIVE_GOAL:g}: {'met' if ratio <= KEEPALIVE_GOAL else 'NOT MET'}")
