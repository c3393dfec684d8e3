"""`make bench`'s sandbox throughput section: the bare app it measures the sandbox against answers exactly what the
sandbox answers for the same page (the same bytes, a List calls page of the spec), runs as a process of its own on
the command-line sandbox's server, and the interleaved rounds read pages from both servers.

It asserts nothing about speed: the numbers are for `make bench` to report, not for a test to judge."""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time

import httpx
import pytest

from pilotstatus_sandbox import Sandbox, SandboxConfig
from tests._spec import LIST_CALLS, load_spec, response_schema, validator
from tools import bench_bare_app, bench_sandbox

pytestmark = pytest.mark.proof  # `make bench`'s own tools, with servers of their own: in `make test-slow`

KEY = {"x-api-key": "ps_sandbox_meta_number"}


def bare_page() -> httpx.Response:
    async def get() -> httpx.Response:
        transport = httpx.ASGITransport(app=bench_bare_app.create_bare_app(bench_bare_app.page_body()))
        async with httpx.AsyncClient(transport=transport, base_url="http://bare.test") as http:
            return await http.get("/v1/calls", params={"limit": 100, "before": "2026-01-01T00:00:00.000Z"})

    return asyncio.run(get())


def test_the_bare_app_answers_a_list_calls_page_of_100_calls_as_the_spec_describes_it() -> None:
    response = bare_page()
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert len(body["calls"]) == bench_bare_app.PAGE_SIZE == 100
    path, method = LIST_CALLS
    validator(response_schema(load_spec(), path, method, "200", "application/json")).validate(body)


def test_the_bare_app_answers_the_very_bytes_the_sandbox_answers_for_its_first_page() -> None:
    with Sandbox(SandboxConfig(calls=100, seed=7, manual_clock=True)) as sandbox:
        sandboxed = httpx.get(f"{sandbox.url}/v1/calls", params={"limit": 100}, headers=KEY)
    assert sandboxed.status_code == 200
    assert bare_page().content == sandboxed.content
    assert json.loads(bench_bare_app.page_body()) == sandboxed.json()


def test_the_bare_app_runs_in_a_process_of_its_own_and_prints_its_base_url() -> None:
    with bench_sandbox.bare_app() as served:
        response = httpx.get(f"{served.url}/v1/calls", params={"limit": 100})
    assert response.status_code == 200
    assert len(response.json()["calls"]) == 100


def test_the_cursors_are_the_command_line_sandboxs_calls_newest_first() -> None:
    befores = bench_sandbox.cursors(300)
    with Sandbox(SandboxConfig(calls=300)) as sandbox:
        listed = httpx.get(f"{sandbox.url}/v1/calls", params={"limit": 100}, headers=KEY).json()["calls"]
    assert len(befores) == 300
    assert befores[:100] == [call["createdAt"] for call in listed]
    assert befores == sorted(befores, reverse=True)


def test_a_client_walks_round_the_history_and_every_page_it_reads_is_full() -> None:
    """A page started in the oldest calls would be short: a walk goes back to the newest calls before that, so that
    the sandbox is not measured on pages smaller than the bare app's."""
    befores = bench_sandbox.cursors(300)
    sizes: list[int] = []

    async def walk() -> int:
        with Sandbox(SandboxConfig(calls=300)) as sandbox:
            async with httpx.AsyncClient(base_url=sandbox.url, headers=KEY) as client:

                async def record(response: httpx.Response) -> None:
                    await response.aread()
                    sizes.append(len(response.json()["calls"]))

                client.event_hooks["response"].append(record)
                # From the last start a full page can have, for long enough to go round the history many times.
                return await bench_sandbox._walk(client, befores, len(befores) - 101, time.perf_counter() + 0.5)

    pages = asyncio.run(walk())
    assert pages == len(sizes) > 3  # went round: 300 calls hold 3 pages of 100
    assert set(sizes) == {bench_sandbox.PAGE_SIZE}


def test_a_throughput_round_reads_pages_from_the_sandbox_and_from_the_bare_app() -> None:
    measured = bench_sandbox.throughput(rounds=1, seconds=0.3)
    assert measured.sandbox > 0
    assert measured.bare > 0
    assert measured.ratio == pytest.approx(measured.sandbox / measured.bare)
    assert measured.clients_cpu > 0
    if sys.platform == "linux":  # each server's CPU is read from /proc
        assert measured.sandbox_cpu_a_page is not None
        assert measured.sandbox_cpu_a_page > 0
        assert measured.bare_cpu_a_page is not None


def test_a_process_cpu_time_is_read_from_proc_on_linux() -> None:
    used = bench_sandbox.cpu_seconds(os.getpid())
    if sys.platform != "linux":
        assert used is None
        return
    assert used is not None
    sum(range(3_000_000))  # some CPU of this process's own
    later = bench_sandbox.cpu_seconds(os.getpid())
    assert later is not None
    assert later >= used
    assert bench_sandbox.cpu_seconds(-1) is None  # no such process
