"""`make bench`'s history walk: every message of `GET /v1/messages/history` (10,000 of them), with our
`messages.iter_history(page_size=100)` and with the official SDK's page loop, over the same server, 100 a page both.

The official SDK (`pilot-status` 1.15.0, import name `pilot_status`) returns one page a call,
`client.messages.history(page=..., page_size=100)`, a dict; walking the history is a loop over page 1, 2, ... until
the last page the answer's `totalPages` names (or an empty one). It is pointed at the local server as in the calls
walk (`bench_walk._local_transport`), with `get_retries=0`, and trusts the bench's CA through `SSL_CERT_FILE`. Pages
are numbered over the list as it stands at each request, newest first: a message that arrives during the loop pushes
the others down a page, and the loop gets one of them twice. Ours fixes its window's end at the newest message of its
first page and drops what it has already returned, so it returns every message of the window once, whatever arrives.

Two servers, each in a process of its own, each over HTTPS (a certificate made for the run, verified by every client)
and over plain HTTP:
- the prepared-pages server (`bench_server.py --messages N`): each message encoded once, a page a join of a slice, so
  that what is measured is the clients;
- the sandbox seeded with N messages a number (`bench_history_sandbox.py`: the command-line sandbox's app and uvicorn
  server, TLS added), as a user's tests would walk it; its server's CPU time a page is read from /proc (on Linux),
  and our walk's time over it beside its time over the prepared-pages server says what its listing adds to the walk,
  and whether the listing is what the walk waits for.

A third walker is the floor, as in the calls walk: the official SDK's requests sent by a bare `httpx.Client` (kept
alive) and read by `json.loads`. The timed rounds are interleaved, each walker going first in turn, with nothing
written meanwhile; a ratio is the median of the per-round ratios. Before them, every walker is checked to get the
whole history once, in the order a quiet listing gives. After them, over HTTPS, one walk of each client while a user
writes (a message every few milliseconds from the walk's first page on, the server's own way: `POST
/_bench/messages`, or the sandbox's `POST /_sandbox/messages/incoming`): ours must return exactly the messages there
were when it started (the window), each once; the official loop's duplicates and misses are counted.
"""

from __future__ import annotations

import contextlib
import gc
import json
import math
import ssl
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import httpx
import pilot_status  # type: ignore[import-untyped]

from pilotstatus import PilotStatus
from tools.bench_sandbox import cpu_seconds
from tools.bench_sandbox import server_process as stderr_server_process
from tools.bench_server import ARRIVALS_PATH, HISTORY_PATH
from tools.bench_walk import KEY, Trust, _local_transport, cert_file

TOOLS = Path(__file__).resolve().parent
SANDBOX_KEY = "ps_sandbox_meta_number"
PAGE_SIZE = 100
GOAL = 0.6
"""Ours / the official SDK's loop over HTTPS, at most."""
WRITE_INTERVAL = 0.005
"""Seconds between two messages of the user who writes while a walk pages."""
WRITER = "+5511988887777"
PREPARED = "prepared-pages server"
SANDBOX = "sandbox"
BOTTLENECK = 0.5
"""The share of our walk's time over the sandbox that its listing adds (beside the prepared-pages server) above which
the listing, not the client, is what the walk waits for."""


@dataclass(frozen=True)
class Server:
    """A server a walk reads: which one (`PREPARED` or `SANDBOX`), its scheme's label, its base URL, the CA file that
    verifies it (None: plain HTTP), the key it takes, and its process id."""

    kind: str
    scheme: str
    url: str
    ca: Path | None
    key: str
    pid: int

    def verify(self) -> ssl.SSLContext | bool:
        return True if self.ca is None else ssl.create_default_context(cafile=self.ca)

    def write(self, http: httpx.Client, number: int) -> None:
        """A user writes a message to the number, the server's own way."""
        if self.kind == SANDBOX:
            body = {"from": WRITER, "text": f"Mensagem {number} durante a leitura"}
            response = http.post("/_sandbox/messages/incoming", json=body)
        else:
            response = http.post(ARRIVALS_PATH)
        if response.status_code not in (200, 201):
            raise SystemExit(f"{self.kind}: a user's message was answered {response.status_code}: {response.text}")


@contextlib.contextmanager
def prepared_server(messages: int, seed: int, cert: Path | None = None) -> Iterator[tuple[str, int]]:
    """`bench_server.py` serving `messages` prepared messages (and no calls) in a process of its own, over TLS with
    `cert`; yields its base URL, printed once it listens, and its process id."""
    command = [sys.executable, str(TOOLS / "bench_server.py"), "--calls", "0", "--messages", str(messages)]
    command += ["--seed", str(seed)] + ([] if cert is None else ["--cert", str(cert)])
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as process:
        try:
            assert process.stdout is not None
            line = process.stdout.readline()
            if not line.startswith("Base URL: "):
                raise SystemExit(f"the prepared-pages server did not start (exit code {process.wait()}): {line!r}")
            yield line.removeprefix("Base URL: ").strip(), process.pid
        finally:
            process.terminate()
            process.wait(timeout=10)


def sandbox_server(messages: int, seed: int, cert: Path | None = None) -> contextlib.AbstractContextManager[Any]:
    """`bench_history_sandbox.py`, the sandbox seeded with `messages` messages a number, in a process of its own (over
    TLS with `cert`), until the block ends; yields its `Served` (base URL and process id)."""
    command = [sys.executable, str(TOOLS / "bench_history_sandbox.py"), "--messages", str(messages)]
    command += ["--seed", str(seed)] + ([] if cert is None else ["--cert", str(cert)])
    return stderr_server_process(command, "the history sandbox")


@contextlib.contextmanager
def our_client(server: Server) -> Iterator[PilotStatus]:
    """Our client for `server`: over TLS through an `httpx.Client` of ours that trusts the bench's CA, as in the calls
    walk; over plain HTTP, the client's own."""
    if server.ca is None:
        with PilotStatus(base_url=server.url, api_key=server.key) as client:
            yield client
        return
    with (
        httpx.Client(verify=server.verify()) as http,
        PilotStatus(base_url=server.url, api_key=server.key, http_client=http) as client,
    ):
        yield client


def ours_ids(server: Server, on_first: Callable[[], None] | None = None) -> list[str]:
    """The ids our walk returns, in order; `on_first` is called once the first message is in hand (its page read)."""
    ids: list[str] = []
    with our_client(server) as client:
        for message in client.messages.iter_history(page_size=PAGE_SIZE):
            if not ids and on_first is not None:
                on_first()
            ids.append(message.id)
    return ids


def count_ours(server: Server) -> int:
    """The timed walk: `sum(1 for _ in client.messages.iter_history(page_size=100))`, a new client each time."""
    with our_client(server) as client:
        return sum(1 for _ in client.messages.iter_history(page_size=PAGE_SIZE))


def peer_pages(server: Server) -> Iterator[list[dict[str, Any]]]:
    """The official SDK's page loop: page 1, 2, ... until the last page of the latest answer's `totalPages`, or an
    empty page. (`SSL_CERT_FILE` must name the CA over TLS: `cert_file`.)"""
    client = pilot_status.PilotStatusClient(api_key=server.key, get_retries=0, transport=_local_transport(server.url))
    page = 1
    while True:
        answer = client.messages.history(page=page, page_size=PAGE_SIZE)
        messages: list[dict[str, Any]] = answer["messages"]
        yield messages
        if not messages or page >= answer["totalPages"]:
            return
        page += 1


def count_peer(server: Server) -> int:
    """The timed walk: how many rows the official SDK's page loop gets, a new client each time."""
    with cert_file(server.ca):
        return sum(len(messages) for messages in peer_pages(server))


def count_httpx_alone(server: Server) -> int:
    """The floor, timed like the others: the official SDK's page loop (the same requests) sent by a bare
    `httpx.Client` and read with `json.loads`, no models, no checks, a new client each time."""
    seen, page = 0, 1
    with httpx.Client(base_url=server.url, headers={"x-api-key": server.key}, verify=server.verify()) as http:
        while True:
            params = {"page": str(page), "pageSize": str(PAGE_SIZE)}
            answer = json.loads(http.get(HISTORY_PATH, params=params).content)
            seen += len(answer["messages"])
            if not answer["messages"] or page >= answer["totalPages"]:
                return seen
            page += 1


def history_ids(server: Server) -> list[str]:
    """Every message's id, newest first, from a page loop while nothing is written (so the loop is exact); checked
    against the list's `total`."""
    ids: list[str] = []
    with httpx.Client(base_url=server.url, headers={"x-api-key": server.key}, verify=server.verify()) as http:
        page, total = 1, None
        while total is None or len(ids) < total:
            answer = http.get(HISTORY_PATH, params={"page": str(page), "pageSize": str(PAGE_SIZE)}).json()
            if total is not None and answer["total"] != total:
                raise SystemExit(f"{server.kind}: the history changed while nothing was written")
            total = answer["total"]
            if not answer["messages"]:
                break
            ids += [message["id"] for message in answer["messages"]]
            page += 1
    if len(ids) != total or len(set(ids)) != len(ids):
        raise SystemExit(f"{server.kind}: a quiet listing got {len(ids)} rows ({len(set(ids))} distinct) of {total}")
    return ids


class Writer:
    """A user writing to the number from a thread of its own: a message every `interval` seconds from `start()` until
    the `with` block ends (a failed write is raised there); `written` counts them. `start()` returns once the first
    is written, so that however short the walk, something arrives during it."""

    def __init__(self, server: Server, interval: float = WRITE_INTERVAL) -> None:
        self._server = server
        self._interval = interval
        self._stop = threading.Event()
        self._first = threading.Event()
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None
        self.written = 0

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="bench-writer", daemon=True)
            self._thread.start()
            self._first.wait(timeout=30)

    def _run(self) -> None:
        server = self._server
        with httpx.Client(base_url=server.url, headers={"x-api-key": server.key}, verify=server.verify()) as http:
            while not self._stop.is_set():
                try:
                    server.write(http, self.written)
                    self.written += 1
                except BaseException as error:  # handed to the walk's thread, raised there
                    self._error = error
                    return
                finally:
                    self._first.set()
                self._stop.wait(self._interval)

    def __enter__(self) -> Writer:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=30)
        if self._error is not None and exc is None:
            raise self._error


@dataclass(frozen=True)
class WhileWriting:
    """One walk while a user writes: the messages there were when it started (the window), the rows it returned,
    how many were distinct, how many of the window it missed, how many it returned from outside the window, and how
    many messages were written during it."""

    window: int
    returned: int
    distinct: int
    missed: int
    outside: int
    written: int

    @property
    def duplicates(self) -> int:
        return self.returned - self.distinct

    @property
    def exact(self) -> bool:
        """The window, each message once, nothing else."""
        return self.returned == self.distinct == self.window and not self.missed and not self.outside


def while_writing(server: Server, who: str, interval: float = WRITE_INTERVAL) -> WhileWriting:
    """A walk of `who` ("ours" or "official") over `server` while a user writes from its first page on."""
    window = history_ids(server)
    got: list[str] = []
    with Writer(server, interval) as writer:
        if who == "ours":
            got = ours_ids(server, on_first=writer.start)
        else:
            with cert_file(server.ca):
                for messages in peer_pages(server):
                    writer.start()  # once its first page is in hand, as ours
                    got += [message["id"] for message in messages]
    returned = set(got)
    return WhileWriting(
        window=len(window),
        returned=len(got),
        distinct=len(returned),
        missed=len(set(window) - returned),
        outside=len(returned - set(window)),
        written=writer.written,
    )


@dataclass(frozen=True)
class Timed:
    """The timed walks over one server and scheme: each walker's seconds a round, and the server's CPU seconds
    during each walker's walks in all (None where /proc is not there)."""

    server: Server
    ours: list[float]
    peer: list[float]
    floor: list[float]
    server_cpu: dict[str, float | None]

    @property
    def ratio(self) -> float:
        """Median over the rounds of ours / the official SDK's loop within a round."""
        return statistics.median(x / y for x, y in zip(self.ours, self.peer, strict=True))

    @property
    def over_floor(self) -> float:
        """Median over the rounds of ours / httpx alone within a round: what the SDK costs over its HTTP library."""
        return statistics.median(x / y for x, y in zip(self.ours, self.floor, strict=True))

    def cpu_a_page(self, who: str, pages: int) -> float | None:
        """The server's CPU seconds a page of `who`'s walks ("ours", "peer" or "floor"), each of `pages` pages."""
        spent = self.server_cpu[who]
        return None if spent is None else spent / (pages * len(self.ours))

    @property
    def busy(self) -> float | None:
        """The share of our walks' time the server spent CPU on them."""
        spent = self.server_cpu["ours"]
        return None if spent is None else spent / sum(self.ours)


@dataclass(frozen=True)
class HistoryWalk:
    """What the section measured: the timed walks of each server and scheme, and the walks while a user writes."""

    messages: int
    rounds: int
    timed: list[Timed]
    writing: list[tuple[Server, WhileWriting, WhileWriting]]
    """(server, ours, the official SDK's loop), over HTTPS."""

    @property
    def pages(self) -> int:
        """The requests each walker makes: a page of every 100 messages (one, empty, for none)."""
        return max(1, math.ceil(self.messages / PAGE_SIZE))


WALKERS: dict[str, Callable[[Server], int]] = {"ours": count_ours, "peer": count_peer, "floor": count_httpx_alone}
WHO = {"ours": "ours", "peer": "official", "floor": "httpx alone"}


def _timed(run: Callable[[Server], int], server: Server) -> tuple[float, int, float | None]:
    """Seconds `run(server)` took, what it returned, and the server's CPU seconds meanwhile; garbage collected first,
    so that none of it counts."""
    gc.collect()
    cpu = cpu_seconds(server.pid)
    start = time.perf_counter()
    count = run(server)
    elapsed = time.perf_counter() - start
    after = cpu_seconds(server.pid)
    return elapsed, count, None if cpu is None or after is None else after - cpu


def check(server: Server, messages: int) -> None:
    """Before timing: the server holds `messages` messages, and ours and the official SDK's loop each return them
    all once, in the order of a quiet listing."""
    expected = history_ids(server)
    if len(expected) != messages:
        raise SystemExit(f"{server.kind} ({server.scheme}) lists {len(expected)} messages, not {messages}")
    ours = ours_ids(server)
    if ours != expected:
        missing, repeated = len(set(expected) - set(ours)), len(ours) - len(set(ours))
        raise SystemExit(f"{server.kind} ({server.scheme}): ours got {len(ours)} ({missing} missing, {repeated} twice)")
    with cert_file(server.ca):
        peer = [message["id"] for page in peer_pages(server) for message in page]
    if peer != expected:
        raise SystemExit(f"{server.kind} ({server.scheme}): the official SDK's loop got {len(peer)}, not the history")


def walk(messages: int, rounds: int, seed: int = 7, interval: float = WRITE_INTERVAL) -> HistoryWalk:
    """Every walker over both servers and both schemes, `rounds` interleaved rounds after one to warm up; then the
    walks while a user writes, over HTTPS."""
    with tempfile.TemporaryDirectory(prefix="pilotstatus-bench-") as folder, contextlib.ExitStack() as stack:
        trust = Trust.make(Path(folder))
        servers = []
        for ca, scheme in ((trust.ca, "HTTPS"), (None, "plain HTTP")):
            cert = None if ca is None else trust.cert
            url, pid = stack.enter_context(prepared_server(messages, seed, cert))
            servers.append(Server(PREPARED, scheme, url, ca, KEY, pid))
            served = stack.enter_context(sandbox_server(messages, seed, cert))
            servers.append(Server(SANDBOX, scheme, served.url, ca, SANDBOX_KEY, served.pid))
        servers.sort(key=lambda server: server.kind != PREPARED)
        for server in servers:
            check(server, messages)
        times: dict[Server, dict[str, list[float]]] = {server: {who: [] for who in WALKERS} for server in servers}
        spent: dict[Server, dict[str, float | None]] = {server: dict.fromkeys(WALKERS, 0.0) for server in servers}
        for round_number in range(rounds + 1):  # the first round warms up
            for server in servers:
                names = list(WALKERS)
                for who in names[round_number % 3 :] + names[: round_number % 3]:  # each goes first in turn
                    elapsed, count, cpu = _timed(WALKERS[who], server)
                    if count != messages:
                        raise SystemExit(f"{server.kind} ({server.scheme}): {who} got {count} in round {round_number}")
                    if round_number:
                        times[server][who].append(elapsed)
                        total = spent[server][who]
                        spent[server][who] = None if total is None or cpu is None else total + cpu
        timed = [
            Timed(server, times[server]["ours"], times[server]["peer"], times[server]["floor"], spent[server])
            for server in servers
        ]
        writing = [
            (server, while_writing(server, "ours", interval), while_writing(server, "official", interval))
            for server in servers
            if server.ca is not None
        ]
    return HistoryWalk(messages, rounds, timed, writing)


def report(result: HistoryWalk, seconds: float) -> None:
    """Print each walker's median time on each server and scheme, ours / the official loop against the goal, each
    server's CPU a page of each walker and how busy it kept our walk, what the sandbox adds to our walk, and what each
    client returned while a user wrote."""
    print(
        f"History walk of {result.messages:,} messages, ours `messages.iter_history(page_size={PAGE_SIZE})` vs the"
        f" official SDK's page loop (`messages.history(page=..., page_size={PAGE_SIZE})` to the last page;"
        f" pilot-status 1.15.0), each server in a process of its own ({result.rounds} rounds, medians):"
    )
    titles = {
        PREPARED: f"prepared-pages server (bench_server.py --messages {result.messages}: the clients' own cost)",
        SANDBOX: f"the sandbox ({result.messages:,} messages a number, the command-line sandbox's server)",
    }
    for kind in (PREPARED, SANDBOX):
        print(f"  {titles[kind]}:")
        for timed in (timed for timed in result.timed if timed.server.kind == kind):
            https = timed.server.ca is not None
            verdict = f"(goal <= {GOAL}): {'met' if timed.ratio <= GOAL else 'NOT MET'}" if https else "(information)"
            line = (
                f"    {timed.server.scheme:<10}  ours {statistics.median(timed.ours) * 1000:7.1f} ms"
                f"   official {statistics.median(timed.peer) * 1000:7.1f} ms"
                f"   httpx alone {statistics.median(timed.floor) * 1000:7.1f} ms"
                f"   ours / official = {timed.ratio:.3f} {verdict}; ours / httpx alone = {timed.over_floor:.3f}"
            )
            print(line)
            cpu = {who: timed.cpu_a_page(who, result.pages) for who in WALKERS}
            if timed.busy is not None and None not in cpu.values():
                print(
                    "                server CPU a page: "
                    + ", ".join(f"{WHO[who]} {(seconds or 0) * 1000:.2f} ms" for who, seconds in cpu.items())
                    + f"; busy {timed.busy:.0%} of our walk's time"
                )
    by_scheme = {(timed.server.kind, timed.server.scheme): timed for timed in result.timed}
    added = [
        (scheme, statistics.median(x / y for x, y in zip(timed.ours, by_scheme[PREPARED, scheme].ours, strict=True)))
        for (kind, scheme), timed in by_scheme.items()
        if kind == SANDBOX and (PREPARED, scheme) in by_scheme
    ]
    if added:
        print(
            "  Ours over the sandbox / over the prepared-pages server (what the sandbox's listing adds to our walk): "
            + ", ".join(f"{scheme} {ratio:.2f}" for scheme, ratio in added)
        )
        # The share of our walk over the sandbox that the prepared-pages server would not have taken.
        share = max(1 - 1 / ratio for _, ratio in added)
        sandboxed = [timed.busy for timed in result.timed if timed.server.kind == SANDBOX and timed.busy is not None]
        busy = f", its server busy {max(sandboxed):.0%} of it" if sandboxed else ""
        if share > BOTTLENECK:
            print(f"  The sandbox's listing is what our walk waits for: {share:.0%} of the walk's time{busy}.")
        else:
            print(
                f"  The sandbox's listing is not the bottleneck: {share:.0%} of our walk's time at most{busy}; the"
                " client's own work is the rest."
            )
    print(
        f"  While a user writes (a message every {WRITE_INTERVAL * 1000:g} ms from the walk's first page on), over"
        " HTTPS, against the messages there were when the walk started (the window):"
    )
    for server, ours, peer in result.writing:
        verdict = "each once" if ours.exact else f"NOT each once ({ours.duplicates} twice, {ours.missed} missed)"
        print(
            f"    {server.kind:<21}  ours     {ours.returned:>7,} returned of a window of {ours.window:,}: {verdict}"
            f" ({ours.written} written during the walk, {ours.outside} of them returned)"
        )
        print(
            f"    {'':<21}  official {peer.returned:>7,} returned of a window of {peer.window:,}:"
            f" {peer.duplicates} twice, {peer.missed} missed, {peer.outside} from outside it"
            f" ({peer.written} written during the walk)"
        )
    print(f"  ({seconds:.0f} s for this section, the checks before the timed rounds included)")
