"""Hypothesis profiles: no deadline (tests never assert on time), and a reproducible run under CI. No test sleeps."""

import os

import pytest
from hypothesis import settings

from tests._clients import Sleeps

settings.register_profile("dev", deadline=None, max_examples=200)
settings.register_profile("ci", parent=settings.get_profile("dev"), derandomize=True, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture(autouse=True)
def sleeps(monkeypatch: pytest.MonkeyPatch) -> Sleeps:
    """No test waits: every retry's wait is recorded here instead."""
    recorder = Sleeps()
    monkeypatch.setattr("pilotstatus._retries.sleep", recorder.sleep)
    monkeypatch.setattr("pilotstatus._retries.async_sleep", recorder.async_sleep)
    return recorder
