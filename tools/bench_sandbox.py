"""`make bench`, the sandbox's own figures: how long it takes to start with a million calls a number, what a
request of a kept-alive connection costs on the command-line sandbox (`pilotstatus sandbox`, its own process)
against the in-process one (`Sandbox`, a thread), and how many pages of 100 calls a second the command-line sandbox
serves to 50 concurrent clients against a bare app on the same web stack, each in interleaved rounds.

The second is the regression guard of a fixed defect: a listening socket that asyncio does not know for TCP left
TCP_NODELAY unset on accepted connections, and Nagle's algorithm with delayed ACKs stalled every kept-alive request
by about 40 ms (60 ms a request against 18 ms in-process). The goal is a ratio within 1.5.

The third says what the sandbox's own work (the key, its scope, the spec's validation, the page) costs against what
its web stack alone costs: the bare app (`bench_bare_app.py`) answers one page of 100 calls encoded once, on the
same uvicorn server with the same options. Each server runs in a process of its own, the clients in this one (one
`httpx.AsyncClient` each, its connection kept alive), so that the two cores are shared by one server and the
clients. Each client walks the history by `before` cursors, 100 calls a page, from a random call, for a fixed time
a round; a round measures the sandbox then the bare app, and the result is the median of the per-round ratios
(sandbox / bare app) of pages a second: the goal is 0.8 or more. Printed with it, each server's CPU time a page (read
from /proc, on Linux), what a page costs the server whoever waits for whom, and the clients' CPU as a share of the
round's time: near 100 %, the clients are what limits the bare app.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import random
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import httpx

from pilotstatus_sandbox import Sandbox, SandboxConfig, create_app
from pilotstatus_sandbox._dataset import CallHistory

KEY = {"x-api-key": "ps_sandbox_meta_number"}
STARTUP_GOAL = 2.0
KEEPALIVE_GOAL = 1.5
THROUGHPUT_GOAL = 0.8
CLIENTS = 50
PAGE_SIZE = 100
THROUGHPUT_CALLS = 5000
"""Calls a number in the command-line sandbox of the throughput rounds: the command's default."""
THROUGHPUT_ROUNDS = 5
ROUND_SECONDS = 2.0
BARE_APP = Path(__file__).resolve().with_name("bench_bare_app.py")


CLIENT_BOUND = 0.9
"""The share of a core the clients' process used in its busiest round beyond which they, not the servers, set the
pages a second: the pages a second of both servers then say less than their CPU time a page."""


def startup_seconds(calls: int, rounds: int) -> float:
    """The median time to build the sandbox's app (every number's history drawn) with `calls` calls a number."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        create_app(SandboxConfig(calls=calls, seed=7))
        times.append(time.perf_counter() - start)
    return statistics.median(times)


class Served(NamedTuple):
    """A server in a process of its own: its base URL and its process id."""

    url: str
    pid: int


@contextlib.contextmanager
def server_process(command: list[str], name: str) -> Iterator[Served]:
    """`command`, a server that prints `Base URL: ...` on stderr once it listens, in a process of its own until the
    block ends. Its log is left unread: uvicorn logs nothing per request unless asked."""
    with subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True) as server:
        assert server.stderr is not None
        try:
            for line in server.stderr:
                found = re.search(r"Base URL: (https?://\S+)", line)
                if found:
                    yield Served(found.group(1), server.pid)
                    break
            else:
                raise SystemExit(f"{name} did not start (exit {server.wait()})")
        finally:
            server.terminate()
            server.wait(10)


def command_line_sandbox(calls: int) -> contextlib.AbstractContextManager[Served]:
    """`pilotstatus sandbox --port 0` in a process of its own, until the block ends."""
    command = [sys.executable, "-m", "pilotstatus", "sandbox", "--port", "0", "--calls", str(calls)]
    return server_process(command, "the command-line sandbox")


def bare_app() -> contextlib.AbstractContextManager[Served]:
    """The bare app (`bench_bare_app.py`) in a process of its own, until the block ends."""
    return server_process([sys.executable, str(BARE_APP), "--port", "0"], "the bare app")


def cpu_seconds(pid: int) -> float | None:
    """The CPU time a process has used so far (user and system), from Linux's /proc; None elsewhere."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[1].split()  # after the command's name, which may hold spaces: state, ppid...
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime and stime, in clock ticks


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
        command_line_sandbox(1000) as command_line,
        Sandbox(SandboxConfig(calls=1000, seed=7)) as in_process,
        httpx.Client(base_url=command_line.url, headers=KEY) as cli,
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


def cursors(calls: int) -> list[str]:
    """The `createdAt` of every call of the command-line sandbox's Meta history (`calls` calls, its default seed),
    newest first: the `before` cursors the clients walk by."""
    config = SandboxConfig(calls=calls)
    history = CallHistory(count=calls, seed=config.seed, provider="META", newest=config.newest_ms)
    return [call["createdAt"] for call in history]


async def _walk(client: httpx.AsyncClient, befores: list[str], start: int, deadline: float) -> int:
    """Pages of `PAGE_SIZE` calls read until `deadline`, each `before` the cursor a walk from call `start` would
    send next (back to the newest calls before a page would hold fewer than `PAGE_SIZE`, so that every page is as
    large as the bare app's): their count."""
    pages = 0
    position = start
    span = len(befores) - PAGE_SIZE  # a page starting at `span` or later would be short
    while time.perf_counter() < deadline:
        response = await client.get("/v1/calls", params={"limit": PAGE_SIZE, "before": befores[position]})
        if response.status_code != 200:
            raise SystemExit(f"{client.base_url} answered {response.status_code}: {response.text[:200]}")
        pages += 1
        position = (position + PAGE_SIZE) % span
    return pages


class Round(NamedTuple):
    """One round against one server: pages a second, the share of the round this process spent on the CPU (the
    clients' cost), and the server's CPU time a page (None where it cannot be read)."""

    pages_a_second: float
    clients_cpu: float
    server_cpu_a_page: float | None


async def _round(
    clients: list[httpx.AsyncClient], server: Served, befores: list[str], seconds: float, seed: int
) -> Round:
    """The clients read pages together for `seconds`, each from a random call."""
    starts = random.Random(seed).choices(range(len(befores) - PAGE_SIZE), k=len(clients))
    server_cpu, cpu, started = cpu_seconds(server.pid), time.process_time(), time.perf_counter()
    deadline = started + seconds
    pages = sum(await asyncio.gather(*(_walk(c, befores, s, deadline) for c, s in zip(clients, starts, strict=True))))
    elapsed, server_after = time.perf_counter() - started, cpu_seconds(server.pid)
    server_cost = None if server_cpu is None or server_after is None else (server_after - server_cpu) / pages
    return Round(pages / elapsed, (time.process_time() - cpu) / elapsed, server_cost)


async def _throughput_rounds(
    servers: dict[str, Served], befores: list[str], rounds: int, seconds: float
) -> dict[str, list[Round]]:
    """Each server's rounds (by name), interleaved: a round of each in turn."""
    results: dict[str, list[Round]] = {name: [] for name in servers}
    async with contextlib.AsyncExitStack() as stack:
        clients = {
            name: [
                await stack.enter_async_context(httpx.AsyncClient(base_url=server.url, headers=KEY, timeout=60))
                for _ in range(CLIENTS)
            ]
            for name, server in servers.items()
        }
        for name, server in servers.items():  # warm up: every connection opened, the servers' first pages served
            await _round(clients[name], server, befores, seconds / 4, seed=-1)
        for round_ in range(rounds):
            for name, server in servers.items():
                results[name].append(await _round(clients[name], server, befores, seconds, seed=round_))
    return results


class Throughput(NamedTuple):
    """Medians over the rounds: each server's pages a second and CPU time a page (None where it cannot be read),
    and the per-round ratio of pages a second (sandbox / bare app); and the clients' CPU share in the busiest
    round."""

    sandbox: float
    bare: float
    ratio: float
    sandbox_cpu_a_page: float | None
    bare_cpu_a_page: float | None
    clients_cpu: float


def _median_cost(rounds: list[Round]) -> float | None:
    costs = [round_.server_cpu_a_page for round_ in rounds]
    return None if None in costs else statistics.median(cost for cost in costs if cost is not None)


def throughput(rounds: int, seconds: float = ROUND_SECONDS) -> Throughput:
    """The command-line sandbox (`THROUGHPUT_CALLS` calls a number) against the bare app, in interleaved rounds."""
    befores = cursors(THROUGHPUT_CALLS)
    with command_line_sandbox(THROUGHPUT_CALLS) as sandbox_server, bare_app() as bare_server:
        servers = {"sandbox": sandbox_server, "bare": bare_server}
        results = asyncio.run(_throughput_rounds(servers, befores, rounds, seconds))
    sandbox, bare = results["sandbox"], results["bare"]
    return Throughput(
        sandbox=statistics.median(round_.pages_a_second for round_ in sandbox),
        bare=statistics.median(round_.pages_a_second for round_ in bare),
        ratio=statistics.median(s.pages_a_second / b.pages_a_second for s, b in zip(sandbox, bare, strict=True)),
        sandbox_cpu_a_page=_median_cost(sandbox),
        bare_cpu_a_page=_median_cost(bare),
        clients_cpu=max(round_.clients_cpu for round_ in sandbox + bare),
    )


def _cost(seconds: float | None) -> str:
    return "" if seconds is None else f"   server CPU {seconds * 1000:5.2f} ms a page"


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
    pages_rounds = min(rounds, THROUGHPUT_ROUNDS)
    measured = throughput(pages_rounds)
    print(
        f"Sandbox: pages of {PAGE_SIZE} calls a second to {CLIENTS} concurrent clients walking by `before`"
        f" ({pages_rounds} rounds of {ROUND_SECONDS:g} s, medians):"
    )
    print(
        f"  command line (pilotstatus sandbox, {THROUGHPUT_CALLS:,} calls)  {measured.sandbox:7.1f} pages/s"
        + _cost(measured.sandbox_cpu_a_page)
    )
    print(
        f"  bare app (one page from memory, same uvicorn)        {measured.bare:7.1f} pages/s"
        + _cost(measured.bare_cpu_a_page)
    )
    print(f"  the clients' CPU in the busiest round: {measured.clients_cpu:.0%} of one core")
    verdict = "met" if measured.ratio >= THROUGHPUT_GOAL else "NOT MET"
    if measured.clients_cpu >= CLIENT_BOUND:  # the ratio then tells the clients' limit more than the servers'
        verdict += " (the clients were the limit: the server CPU a page below is the servers' own cost)"
    print(f"  ratio sandbox / bare app: {measured.ratio:.2f}   goal >= {THROUGHPUT_GOAL:g}: {verdict}")
    if measured.sandbox_cpu_a_page and measured.bare_cpu_a_page is not None:
        print(
            "  server CPU a page, bare app / sandbox:"
            f" {measured.bare_cpu_a_page / measured.sandbox_cpu_a_page:.2f} (what a page costs the sandbox's server"
            " beside its web stack alone, whatever limits the clients)"
        )
