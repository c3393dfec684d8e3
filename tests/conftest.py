"""Hypothesis profiles: no deadline (tests never assert on time), and a reproducible run under CI. No test sleeps."""

import gc
import os
import sys
from collections.abc import Iterator

import pytest
from hypothesis import settings

from pilotstatus_sandbox import Sandbox, SandboxConfig
from tests._clients import Sleeps
from tests._signals import restore_interrupt

SANDBOX_CALLS = 5000
SANDBOX_SEED = 7

settings.register_profile("dev", deadline=None, max_examples=100)
settings.register_profile("ci", parent=settings.get_profile("dev"), derandomize=True, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else os.environ.get("HYPOTHESIS_PROFILE", "dev"))


def pytest_configure(config: pytest.Config) -> None:
    """In the main process and in each worker: the processes the tests start can be interrupted (`_signals`)."""
    restore_interrupt()


@pytest.hookimpl(hookwrapper=True)
def pytest_collection(session: pytest.Session) -> Iterator[None]:
    """Collecting builds every test at once (schemathesis builds each operation's test and its coverage cases), a
    heap of objects that all live to the end: the cyclic collector is off meanwhile, since it would walk that heap
    again and again as it grows, and what was built is then kept out of its walks for the rest of the run
    (`gc.freeze`). Around the hook itself, so that a process that collects nothing (xdist's controller) gets its
    collector back at once."""
    gc.disable()
    try:
        yield
    finally:
        gc.collect()
        gc.freeze()
        gc.enable()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The files marked `long` first, each file's tests still together and in their order. `make test` hands each
    worker a whole file at a time, in this order (`--dist loadfile --no-loadscope-reorder`); a long file handed out
    last would leave one worker running it alone while the other has finished, and the longest first is what
    shortens such a schedule most. (xdist's own order, by number of tests, puts a long file of few tests last.)"""
    items.sort(key=lambda item: item.get_closest_marker("long") is None)


@pytest.fixture(autouse=True)
def recursion_limit() -> Iterator[None]:
    """Each test leaves Python's recursion limit as it found it. A limit left raised (mypy's API raises it and keeps
    it) would let a later test in the same worker send a body that must be refused as nested too deeply, depending on
    which files that worker happened to run before."""
    before = sys.getrecursionlimit()
    yield
    after = sys.getrecursionlimit()
    assert after == before, f"the test left the recursion limit at {after}, not {before}"


@pytest.fixture(autouse=True)
def sleeps(monkeypatch: pytest.MonkeyPatch) -> Sleeps:
    """No test waits: every retry's wait is recorded here instead."""
    recorder = Sleeps()
    monkeypatch.setattr("pilotstatus._retries.sleep", recorder.sleep)
    monkeypatch.setattr("pilotstatus._retries.async_sleep", recorder.async_sleep)
    return recorder


@pytest.fixture(scope="session")
def sandbox() -> Iterator[Sandbox]:
    """The sandbox as a real server on a free loopback port, for the whole test session (default data: 5,000 calls a
    number, seed 7)."""
    with Sandbox(SandboxConfig(calls=SANDBOX_CALLS, seed=SANDBOX_SEED)) as running:
        yield running
