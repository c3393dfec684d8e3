"""`make bench`: what the wrapper costs over the generated layer, and proof that iteration memory stays flat.

All three contenders page through the same 10,000 calls, 100 per request, from one `httpx.MockTransport` serving
prepared JSON (so the network is not measured, only the client):

  (a) `PilotStatus.calls.iter()`: the wrapper, with its tie-safe cursor, checks and retries loop;
  (b) the generated `get_calls.sync_detailed` in a plain loop, `before` = the last call's `createdAt`;
  (c) raw `httpx` + `json.loads`, no models at all.

Each hands every call to the same loop body (`seen += 1`), as a program using the calls would: (a) from its one
loop over `iter()`, (b) and (c) from a loop over each page's calls inside their loop over pages.

Each round runs the three back to back; the result is the median over the rounds of the ratios within a round, since
both sides of a ratio ran on the same machine at the same moment. Then the memory of iterating 10,000, 50,000 and
100,000 calls with (a) is measured (see `memory()`); the ratio of the last two is the result, since bounded caches
are still filling during the first: a ratio near 1 means memory does not grow with the number of calls.

Then the sandbox: the time of a page of 100 calls at a random `before`, over real HTTP, from a sandbox of 1,000
calls and from one of 1,000,000, in interleaved rounds. A ratio near 1 means `before` is found without scanning.
Its start-up with 1,000,000 calls a number, a kept-alive request on the command-line sandbox against the
in-process one, and the pages a second 50 concurrent clients get from the command-line sandbox against a bare app on
the same uvicorn (see bench_sandbox.py and bench_bare_app.py).

Then the import time of `import pilotstatus` against `import httpx`, in a venv holding only what `pip install .`
brings, with what pilotstatus imports beyond httpx (see bench_imports.py). Last, the full walk of 20,000 calls from
a prepared-pages server in a process of its own, over HTTPS and over plain HTTP, with `calls.iter()` and with the
official SDK's before-loop, which skips calls (see bench_walk.py and bench_server.py); and the walk of 10,000
messages of the history with `messages.iter_history()` and with the official SDK's page loop, from the prepared-pages
server and from the sandbox, over HTTPS and plain HTTP, then while a user writes (see bench_history.py).
"""

from __future__ import annotations

import argparse
import bisect
import contextlib
import datetime
import gc
import json
import math
import random
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import httpx

from pilotstatus import PilotStatus
from pilotstatus_api import AuthenticatedClient
from pilotstatus_api.api.calls import get_calls
from pilotstatus_api.models import CallList
from pilotstatus_sandbox import Sandbox, SandboxConfig

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script: the checkout's `tools` importable
from tools import bench_history, bench_imports, bench_sandbox, bench_walk

BASE_URL = "https://bench.test"
KEY = "ps_bench_0000000000000000"
PAGE_SIZE = 100
NEWEST = datetime.datetime(2026, 1, 29, 12, 0, tzinfo=datetime.UTC)
STATUSES = ("COMPLETED", "REJECTED", "FAILED", "RINGING")


def call_json(index: int) -> dict[str, object]:
    """Call number `index`, one second older than the one before it, with every field a call can have."""
    created = NEWEST - datetime.timedelta(seconds=index)
    stamp = created.isoformat(timespec="milliseconds").replace("+00:00", "Z")
    ringing = index % 4 == 3
    return {
        "id": f"call_{index:08d}",
        "externalCallId": f"wacid.HBgNNTUxMTk5OTk5OTk5ORUCABEYIDNBMDE{index:08d}",
        "direction": "INBOUND" if index % 3 else "OUTBOUND",
        "status": STATUSES[index % 4],
        "peerNumber": f"55119{index % 100000000:08d}",
        "startedAt": stamp,
        "connectedAt": None if ringing else stamp,
        "endedAt": None if ringing else stamp,
        "durationSeconds": None if ringing else index % 600,
        "createdAt": stamp,
        "updatedAt": stamp,
    }


def parse_instant(text: str) -> float:
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


class PreparedCalls:
    """List calls over `count` prepared calls: each call encoded once, a page is a join of a slice."""

    def __init__(self, count: int) -> None:
        calls = [call_json(index) for index in range(count)]
        self._encoded = [json.dumps(call) for call in calls]
        self._keys = [-parse_instant(str(call["createdAt"])) for call in calls]  # ascending: newest first

    def __call__(self, request: httpx.Request) -> httpx.Response:
        params = request.url.params
        limit = int(params.get("limit", "25"))
        start = bisect.bisect_right(self._keys, -parse_instant(params["before"])) if "before" in params else 0
        body = '{"calls":[' + ",".join(self._encoded[start : start + limit]) + "]}"
        return httpx.Response(200, content=body.encode(), headers={"content-type": "application/json"})


class GeneratedCalls:
    """List calls over `count` calls made on the fly, so that the server side holds no dataset in memory."""

    def __init__(self, count: int) -> None:
        self._count = count
        self._newest = NEWEST.timestamp()

    def __call__(self, request: httpx.Request) -> httpx.Response:
        params = request.url.params
        limit = int(params.get("limit", "25"))
        start = 0
        if "before" in params:  # call i is i seconds older than the newest: the first one strictly before `before`
            start = max(0, math.floor(self._newest - parse_instant(params["before"])) + 1)
        calls = [call_json(index) for index in range(start, min(start + limit, self._count))]
        return httpx.Response(200, content=json.dumps({"calls": calls}).encode())


def with_wrapper(transport: httpx.MockTransport) -> int:
    seen = 0
    with PilotStatus(api_key=KEY, base_url=BASE_URL, transport=transport) as client:
        for _call in client.calls.iter(page_size=PAGE_SIZE):
            seen += 1  # the loop body each contender runs once a call (see the module's docstring)
    return seen


def with_generated(transport: httpx.MockTransport) -> int:
    client = AuthenticatedClient(
        BASE_URL, KEY, prefix="", auth_header_name="x-api-key", httpx_args={"transport": transport}
    )
    seen = 0
    with client:
        before: datetime.datetime | None = None
        while True:
            if before is None:
                response = get_calls.sync_detailed(client=client, limit=PAGE_SIZE)
            else:
                response = get_calls.sync_detailed(client=client, limit=PAGE_SIZE, before=before)
            assert isinstance(response.parsed, CallList)
            calls = response.parsed.calls
            for _call in calls:
                seen += 1
            if len(calls) < PAGE_SIZE:
                return seen
            before = calls[-1].created_at


def with_raw_httpx(transport: httpx.MockTransport) -> int:
    seen = 0
    with httpx.Client(base_url=BASE_URL, transport=transport, headers={"x-api-key": KEY}) as http:
        params: dict[str, str | int] = {"limit": PAGE_SIZE}
        while True:
            calls = json.loads(http.get("/v1/calls", params=params).content)["calls"]
            for _call in calls:
                seen += 1
            if len(calls) < PAGE_SIZE:
                return seen
            params = {"limit": PAGE_SIZE, "before": calls[-1]["createdAt"]}


def timed(run: Callable[[httpx.MockTransport], int], transport: httpx.MockTransport, expected: int) -> float:
    gc.collect()
    start = time.perf_counter()
    count = run(transport)
    elapsed = time.perf_counter() - start
    if count != expected:
        raise SystemExit(f"{run.__name__} saw {count} calls, not {expected}")
    return elapsed


def memory(count: int) -> tuple[int, int]:
    """Iterate `count` calls with the wrapper under tracemalloc: the peak traced memory, then, from a second run
    that collects garbage after every tenth of the calls, the most memory still in use (live) at any of those points.

    The two differ because each httpx response is a reference cycle, freed by Python's cyclic collector in
    batches rather than the moment its page is dropped: the peak includes that garbage, the live figure does not.
    """
    peaks = []
    for collect_every in (0, max(1, count // 10)):
        transport = httpx.MockTransport(GeneratedCalls(count))
        gc.collect()
        tracemalloc.start()
        live = 0
        try:
            with PilotStatus(api_key=KEY, base_url=BASE_URL, transport=transport) as client:
                seen = 0
                for seen, _ in enumerate(client.calls.iter(page_size=PAGE_SIZE), start=1):
                    if collect_every and seen % collect_every == 0:
                        gc.collect()
                        live = max(live, tracemalloc.get_traced_memory()[0])
            peaks.append(tracemalloc.get_traced_memory()[1] if not collect_every else live)
        finally:
            tracemalloc.stop()
        if seen != count:
            raise SystemExit(f"the wrapper saw {seen} calls, not {count}")
    return peaks[0], peaks[1]


def sandbox_page_times(sizes: tuple[int, ...], rounds: int, pages: int) -> dict[int, list[float]]:
    """Seconds per page of 100 calls at random `before` instants, over HTTP, from a sandbox of each size."""
    times: dict[int, list[float]] = {size: [] for size in sizes}
    with contextlib.ExitStack() as stack, httpx.Client() as http:
        sandboxes = {size: stack.enter_context(Sandbox(SandboxConfig(calls=size, seed=7))) for size in sizes}
        befores = {}
        for size, sandbox in sandboxes.items():
            history = sandbox.app.state.histories["META"]
            picks = random.Random(size).choices(range(len(history)), k=pages)
            befores[size] = [history.call(position)["createdAt"] for position in picks]
        headers = {"x-api-key": "ps_sandbox_meta_number"}
        for _ in range(rounds + 1):  # the first round warms up
            for size, sandbox in sandboxes.items():
                start = time.perf_counter()
                for before in befores[size]:
                    response = http.get(
                        f"{sandbox.url}/v1/calls", params={"limit": 100, "before": before}, headers=headers
                    )
                    if response.status_code != 200:
                        raise SystemExit(f"the sandbox answered {response.status_code}: {response.text}")
                times[size].append((time.perf_counter() - start) / pages)
    return {size: values[1:] for size, values in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--calls", type=int, default=10_000, help="calls in the timed dataset (default 10,000)")
    parser.add_argument("--rounds", type=int, default=15, help="interleaved rounds of each contender (default 15)")
    parser.add_argument("--memory-calls", type=int, default=100_000, help="calls in the memory run (default 100,000)")
    parser.add_argument(
        "--sandbox-calls", type=int, default=1_000_000, help="calls in the large sandbox (default 1,000,000)"
    )
    parser.add_argument(
        "--import-rounds", type=int, default=30, help="rounds of the import-time runs (default 30; 0 skips them)"
    )
    parser.add_argument("--fresh-venv", action="store_true", help="make the import-time venv anew, not from cache")
    parser.add_argument("--walk-calls", type=int, default=20_000, help="calls in the full walk (default 20,000)")
    parser.add_argument("--walk-rounds", type=int, default=9, help="rounds of the full walk (default 9; 0 skips it)")
    parser.add_argument(
        "--history-messages", type=int, default=10_000, help="messages in the history walk (default 10,000)"
    )
    parser.add_argument(
        "--history-rounds", type=int, default=9, help="rounds of the history walk (default 9; 0 skips it)"
    )
    args = parser.parse_args()

    transport = httpx.MockTransport(PreparedCalls(args.calls))
    contenders = {"(a) wrapper calls.iter()": with_wrapper, "(b) generated sync_detailed": with_generated}
    contenders["(c) raw httpx + json.loads"] = with_raw_httpx
    for run in contenders.values():  # warm up: imports, caches
        timed(run, transport, args.calls)
    times: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(args.rounds):
        for name, run in contenders.items():
            times[name].append(timed(run, transport, args.calls))
    a, b, c = times.values()
    # Each round runs the three back to back, so a ratio within a round cancels out what the machine was doing.
    a_over_b = statistics.median(x / y for x, y in zip(a, b, strict=True))
    a_over_c = statistics.median(x / y for x, y in zip(a, c, strict=True))

    print(f"Iterating {args.calls:,} calls in pages of {PAGE_SIZE} ({args.rounds} rounds, medians):")
    for name, values in times.items():
        value = statistics.median(values)
        print(f"  {name:<30} {value * 1000:8.1f} ms   ({args.calls / value:>9,.0f} calls/s)")
    print(f"  (a)/(b) = {a_over_b:.3f}   goal <= 1.10: {'met' if a_over_b <= 1.10 else 'NOT MET'}")
    print(f"  (a)/(c) = {a_over_c:.3f}")

    # Warm up first, so that one-off allocations (imports, the first client) do not count as growth.
    memory(2_000)
    counts = (args.memory_calls // 10, args.memory_calls // 2, args.memory_calls)
    results = {count: memory(count) for count in counts}
    print("Memory while iterating with (a), by number of calls:")
    for label, index in (("peak traced", 0), ("live", 1)):
        row = "  ".join(f"{count:>7,}: {results[count][index] / 1024:6,.0f} KiB" for count in counts)
        last, middle = results[counts[2]][index], results[counts[1]][index]
        print(f"  {label:<12} {row}   ratio {counts[2]:,}/{counts[1]:,}: {last / middle:.2f}")
    print(
        "  (The first tenth is lower because bounded caches are still filling: urllib keeps the last 128 URLs it"
        " parsed, and each page has its own URL.)"
    )

    sizes = (1_000, args.sandbox_calls)
    pages = sandbox_page_times(sizes, rounds=args.rounds, pages=50)
    small, large = (pages[size] for size in sizes)
    flatness = statistics.median(x / y for x, y in zip(large, small, strict=True))
    print("Sandbox: a page of 100 calls at a random `before`, over HTTP (medians):")
    for size in sizes:
        print(f"  {size:>9,} calls  {statistics.median(pages[size]) * 1000:6.2f} ms a page")
    print(f"  ratio {sizes[1]:,}/{sizes[0]:,}: {flatness:.2f}   goal: flat (about 1)")
    bench_sandbox.report(args.sandbox_calls, rounds=args.rounds)

    if args.import_rounds:
        bench_imports.report(args.import_rounds, fresh_venv=args.fresh_venv)
    if args.walk_rounds:
        started = time.perf_counter()
        walks = bench_walk.walk(args.walk_calls, args.walk_rounds)
        bench_walk.report(walks, args.walk_calls, args.walk_rounds, time.perf_counter() - started)
    if args.history_rounds:
        started = time.perf_counter()
        history = bench_history.walk(args.history_messages, args.history_rounds)
        bench_history.report(history, time.perf_counter() - started)


if __name__ == "__main__":
    main()
