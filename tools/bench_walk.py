"""`make bench`'s full walk: every call, with our `calls.iter()` and with the official SDK, over HTTP and HTTPS.

The official SDK (`pilot-status` 1.15.0, import name `pilot_status`) is synchronous, sends each request with
`urllib.request.urlopen` (a new connection, and over HTTPS a new TLS context and handshake, per request) and returns
plain dicts. Its only way to walk every call is a loop of `client.calls.list(limit=100, before=...)`, `before` being
the last call's `createdAt`, until a short page: it skips the calls that share the boundary's instant but did not fit
on the page. Its client has no base URL option (the address is fixed to https://pilotstatus.com.br); its `transport`
option, a function that sends a `urllib.request.Request`, is where the bench points it at the local server: the
transport below rewrites the address and hands the request to the SDK's own default transport. It is built with
`get_retries=0`, so that a failed request fails the bench instead of being retried after a pause.

Both clients verify the server's certificate, from a CA made at bench time: ours through
`httpx.Client(verify=ssl_context)` handed in as `http_client`, the official SDK through `SSL_CERT_FILE`, which the
default TLS context of urllib honours (set only while it walks). That file holds the bench's CA alone, so each of the
official SDK's per-request TLS contexts loads one certificate, not a system bundle: a cost in its favour.

A third walker is the floor of our HTTP stack: the official SDK's requests sent by a bare `httpx.Client` (kept
alive) and read by `json.loads`, with no models and no checks. The SDK cannot be faster than it; `ours / httpx alone`
is what the SDK itself costs, and `httpx alone / official SDK` how far below the official SDK httpx lets us go.

The server (`bench_server.py`) runs in a process of its own, one for each scheme. The rounds are interleaved, each
walker going first in turn; a ratio is the median over the rounds of the ratios within a round.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import json
import os
import ssl
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pilot_status  # type: ignore[import-untyped]
import pilot_status.http  # type: ignore[import-untyped]
import trustme

from pilotstatus import PilotStatus
from tools.bench_server import created_instants, prepared_calls

SERVER = Path(__file__).resolve().parent / "bench_server.py"
KEY = "ps_bench_0000000000000000"
PAGE_SIZE = 100
PEER_BASE_URL = "https://pilotstatus.com.br"  # fixed in the official SDK's client


@dataclass(frozen=True)
class Trust:
    """The bench's certificate authority (`ca`, a PEM file) and the server's key and certificate chain (`cert`)."""

    ca: Path
    cert: Path

    @classmethod
    def make(cls, folder: Path) -> Trust:
        authority = trustme.CA()
        issued = authority.issue_cert("127.0.0.1", "localhost")
        trust = cls(ca=folder / "ca.pem", cert=folder / "server.pem")
        authority.cert_pem.write_to_path(str(trust.ca))
        issued.private_key_and_cert_chain_pem.write_to_path(str(trust.cert))
        return trust


@contextlib.contextmanager
def server_process(calls: int, seed: int, cert: Path | None = None) -> Iterator[str]:
    """`bench_server.py` serving `calls` prepared calls in a process of its own (over TLS with `cert`); yields its
    base URL, printed once it listens."""
    command = [sys.executable, str(SERVER), "--calls", str(calls), "--seed", str(seed)]
    if cert is not None:
        command += ["--cert", str(cert)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        if not line.startswith("Base URL: "):
            raise SystemExit(f"the prepared-pages server did not start (exit code {process.wait()}): {line!r}")
        yield line.removeprefix("Base URL: ").strip()
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stdout is not None:
            process.stdout.close()


@contextlib.contextmanager
def our_client(base_url: str, ca: Path | None = None) -> Iterator[PilotStatus]:
    """Our client for `base_url`, verifying the server against `ca` when given, through an `httpx.Client` of ours."""
    if ca is None:
        with PilotStatus(base_url=base_url, api_key=KEY) as client:
            yield client
        return
    with (
        httpx.Client(verify=ssl.create_default_context(cafile=ca)) as http,
        PilotStatus(base_url=base_url, api_key=KEY, http_client=http) as client,
    ):
        yield client


def count_ours(base_url: str, ca: Path | None = None) -> int:
    """The timed walk: `sum(1 for _ in client.calls.iter())`, pages of 100, a new client each time."""
    with our_client(base_url, ca) as client:
        return sum(1 for _ in client.calls.iter(page_size=PAGE_SIZE))


def count_httpx_alone(base_url: str, ca: Path | None = None) -> int:
    """The floor of our HTTP stack, timed like the others: the official SDK's before-loop (the same requests) sent by
    a bare `httpx.Client` and read with `json.loads`, no models, no checks, a new client each time."""
    verify: ssl.SSLContext | bool = True if ca is None else ssl.create_default_context(cafile=ca)
    seen, params = 0, {"limit": str(PAGE_SIZE)}
    with httpx.Client(base_url=base_url, headers={"x-api-key": KEY}, verify=verify) as http:
        while True:
            calls = json.loads(http.get("/v1/calls", params=params).content)["calls"]
            seen += len(calls)
            if len(calls) < PAGE_SIZE:
                return seen
            params = {"limit": str(PAGE_SIZE), "before": calls[-1]["createdAt"]}


def _local_transport(base_url: str) -> Callable[[Any, float], Any]:
    """The official SDK's default transport, sending to `base_url` instead of its fixed address."""
    send = pilot_status.http._default_transport

    def transport(request: Any, timeout_s: float) -> Any:
        url: str = request.full_url
        if not url.startswith(PEER_BASE_URL + "/"):
            raise AssertionError(f"the official SDK asked for {url}, not an address under {PEER_BASE_URL}")
        request.full_url = base_url + url.removeprefix(PEER_BASE_URL)
        return send(request, timeout_s)

    return transport


def peer_pages(base_url: str, page_size: int = PAGE_SIZE) -> Iterator[list[dict[str, Any]]]:
    """The official SDK's before-loop: pages until a short one, `before` = the last call's `createdAt`."""
    client = pilot_status.PilotStatusClient(api_key=KEY, get_retries=0, transport=_local_transport(base_url))
    before: str | None = None
    while True:
        calls: list[dict[str, Any]] = client.calls.list(limit=page_size, before=before)["calls"]
        yield calls
        if len(calls) < page_size:
            return
        before = calls[-1]["createdAt"]


def count_peer(base_url: str, ca: Path | None = None) -> int:
    """The timed walk: how many calls the official SDK's before-loop gets, a new client each time."""
    with cert_file(ca):
        return sum(len(calls) for calls in peer_pages(base_url))


@contextlib.contextmanager
def cert_file(ca: Path | None) -> Iterator[None]:
    """`SSL_CERT_FILE` set to `ca` for the official SDK (urllib's default TLS context reads it), then restored."""
    if ca is None:
        yield
        return
    previous = os.environ.get("SSL_CERT_FILE")
    os.environ["SSL_CERT_FILE"] = str(ca)
    try:
        yield
    finally:
        if previous is None:
            del os.environ["SSL_CERT_FILE"]
        else:
            os.environ["SSL_CERT_FILE"] = previous


def strictly_before_walk(created: list[int], page_size: int = PAGE_SIZE) -> int:
    """How many calls a before-loop gets from calls created at `created` (newest first), computed without a server:
    each page starts at the first call strictly before the last call of the page before."""
    got, start = 0, 0
    while True:
        page = created[start : start + page_size]
        got += len(page)
        if len(page) < page_size:
            return got
        start += page_size
        while start < len(created) and created[start] >= page[-1]:
            start += 1


@dataclass(frozen=True)
class Walk:
    """The result of the walk over one scheme: seconds per round of each client, and the calls each got."""

    scheme: str
    ours: list[float]
    peer: list[float]
    ours_calls: int
    peer_calls: int
    floor: list[float]
    """`count_httpx_alone`'s seconds per round: what our HTTP library costs before the SDK adds anything."""

    @property
    def ratio(self) -> float:
        """Median over the rounds of ours / peer within a round."""
        return statistics.median(x / y for x, y in zip(self.ours, self.peer, strict=True))

    @property
    def floor_ratio(self) -> float:
        """Median over the rounds of httpx alone / peer within a round: the least `ratio` could be with httpx."""
        return statistics.median(x / y for x, y in zip(self.floor, self.peer, strict=True))

    @property
    def over_floor(self) -> float:
        """Median over the rounds of ours / httpx alone within a round: what the SDK costs over its HTTP library."""
        return statistics.median(x / y for x, y in zip(self.ours, self.floor, strict=True))


def _timed(run: Callable[[], int]) -> tuple[float, int]:
    """Seconds `run()` took, and what it returned; garbage collected first, so that none of it counts."""
    gc.collect()
    start = time.perf_counter()
    count = run()
    return time.perf_counter() - start, count


def walk(calls: int, rounds: int, seed: int = 7) -> tuple[Walk, Walk]:
    """Both clients over HTTPS and over plain HTTP, `rounds` interleaved rounds after one to warm up.

    Before the timed rounds, each walk is checked once: ours must get every call exactly once, in order; the official
    SDK must get no call twice, and exactly the calls the strictly-before model says it gets."""
    expected_ids = [str(call["id"]) for call in prepared_calls(calls, seed)]
    expected_peer = strictly_before_walk(created_instants(calls, seed))
    with tempfile.TemporaryDirectory(prefix="pilotstatus-bench-") as folder, contextlib.ExitStack() as stack:
        trust = Trust.make(Path(folder))
        urls = {
            "HTTPS": (stack.enter_context(server_process(calls, seed, trust.cert)), trust.ca),
            "plain HTTP": (stack.enter_context(server_process(calls, seed)), None),
        }
        for scheme, (url, ca) in urls.items():
            with our_client(url, ca) as client:
                got = [call.id for call in client.calls.iter(page_size=PAGE_SIZE)]
            if got != expected_ids:
                missing, repeated = len(set(expected_ids) - set(got)), len(got) - len(set(got))
                raise SystemExit(f"{scheme}: ours got {len(got)} calls ({missing} missing, {repeated} repeated)")
            with cert_file(ca):
                peer_ids = [call["id"] for page in peer_pages(url) for call in page]
            if len(peer_ids) != len(set(peer_ids)) or len(peer_ids) != expected_peer:
                raise SystemExit(
                    f"{scheme}: the official SDK got {len(peer_ids)} calls ({len(set(peer_ids))} distinct), not the"
                    f" {expected_peer} a strictly-before loop gets"
                )
        walkers = {"ours": (count_ours, calls), "peer": (count_peer, expected_peer)}
        walkers["floor"] = (count_httpx_alone, expected_peer)  # the official SDK's requests, so its count
        times: dict[str, dict[str, list[float]]] = {scheme: {who: [] for who in walkers} for scheme in urls}
        counts: dict[str, dict[str, int]] = {scheme: {} for scheme in urls}
        for round_number in range(rounds + 1):  # the first round warms up
            for scheme, (url, ca) in urls.items():
                order = list(walkers)[round_number % 3 :] + list(walkers)[: round_number % 3]  # each goes first
                for who in order:
                    run, expected = walkers[who]
                    elapsed, count = _timed(functools.partial(run, url, ca))
                    if count != expected:
                        raise SystemExit(f"{scheme}: {who} got {count} calls in round {round_number}")
                    counts[scheme][who] = count
                    if round_number:
                        times[scheme][who].append(elapsed)
    https, plain = (
        Walk(
            scheme,
            times[scheme]["ours"],
            times[scheme]["peer"],
            counts[scheme]["ours"],
            counts[scheme]["peer"],
            times[scheme]["floor"],
        )
        for scheme in urls
    )
    return https, plain


def report(walks: tuple[Walk, ...], calls: int, rounds: int, seconds: float) -> None:
    """Print each client's median time and calls over each scheme, and the two ratios against their goals; `seconds`
    is how long the section took."""
    goals = {"HTTPS": 0.4, "plain HTTP": 0.9}
    print(
        f"Full walk of {calls:,} calls, ours `calls.iter()` vs the official SDK's before-loop (pilot-status 1.15.0),"
        f" from a prepared-pages server in a process of its own ({rounds} rounds, medians):"
    )
    for result in walks:
        ours_ms, peer_ms = statistics.median(result.ours) * 1000, statistics.median(result.peer) * 1000
        lost = calls - result.peer_calls
        print(
            f"  {result.scheme:<10}  ours {ours_ms:8.1f} ms  {result.ours_calls:>7,} calls, each once"
            f"   official {peer_ms:8.1f} ms  {result.peer_calls:>7,} calls ({lost:,} lost: {lost / calls:.2%})"
        )
    for result in walks:
        goal = goals[result.scheme]
        verdict = "met" if result.ratio <= goal else "NOT MET"
        print(f"  full walk, ours / official SDK, {result.scheme} = {result.ratio:.3f} (goal <= {goal}): {verdict}")
    print("  The floor: the official SDK's requests sent by a bare httpx.Client, read by json.loads (no models):")
    for result in walks:
        print(
            f"  {result.scheme:<10}  httpx alone {statistics.median(result.floor) * 1000:8.1f} ms;"
            f" httpx alone / official SDK = {result.floor_ratio:.3f}; ours / httpx alone = {result.over_floor:.3f}"
        )
    print(f"  ({seconds:.0f} s for this section, the checks before the timed rounds included)")
