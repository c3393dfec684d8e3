"""The fault helper (`/_sandbox/faults`) over real HTTP: the next requests of an operation on a number meet a 503, a
dropped connection, a timeout or a delay, before the operation runs (nothing kept) or after (kept, the answer
lost), as many times as asked and on that number only; a held request is let go by clearing the faults. The retry
of a send through a fault is proven in test_sandbox_messages_http.py."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from pilotstatus_sandbox import SandboxHelperError, SandboxHelpers
from pilotstatus_sandbox._faults import Disconnect
from tests._sandbox_client import KEYS, SandboxClient, manual_sandbox

START = {"to": "+5511999990001"}


@pytest.fixture
def api() -> Iterator[SandboxClient]:
    with manual_sandbox(calls=0) as client:
        yield client


def arm(api: SandboxClient, key: str = "web", **fault: Any) -> dict[str, Any]:
    armed: dict[str, Any] = api.ok("POST", "/_sandbox/faults", key=key, json=fault)
    return armed


def start(api: SandboxClient, key: str = "web", **body: Any) -> httpx.Response:
    """Start call, unchecked: a fault's 503 is the sandbox's, which no spec documents."""
    headers = {"x-api-key": KEYS[key]}
    return httpx.post(f"{api.sandbox.url}/v1/calls", json={**START, **body}, headers=headers)


def calls(api: SandboxClient, key: str = "web") -> list[dict[str, Any]]:
    listed: list[dict[str, Any]] = api.ok("GET", "/v1/calls", key=key)["calls"]
    return listed


def faults(api: SandboxClient, key: str = "web") -> list[dict[str, Any]]:
    listed: list[dict[str, Any]] = api.ok("GET", "/_sandbox/faults", key=key)["faults"]
    return listed


class _Kept(logging.Handler):
    """Keeps every record it is handed."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def test_a_503_before_the_operation_keeps_nothing_and_strikes_count_requests(api: SandboxClient) -> None:
    armed = arm(api, operation="post_calls", kind="503", count=2)
    assert armed == {"operation": "post_calls", "when": "before", "kind": "503", "count": 2, "seconds": 5, "held": 0}
    for _ in range(2):
        refused = start(api)
        assert (refused.status_code, refused.json()) == (503, {"error": "Service unavailable (sandbox fault)"})
    assert calls(api) == []
    assert faults(api) == []  # spent
    assert start(api).status_code == 200


def test_a_503_after_the_operation_loses_the_answer_of_what_was_kept(api: SandboxClient) -> None:
    arm(api, operation="post_calls", kind="503", when="after")
    assert start(api).status_code == 503
    assert len(calls(api)) == 1


def test_a_disconnect_drops_the_connection_without_an_answer_and_logs_no_error(api: SandboxClient) -> None:
    handler = _Kept()
    records = handler.records
    server_log = logging.getLogger("uvicorn.error")
    server_log.addHandler(handler)
    try:
        arm(api, operation="post_calls", kind="disconnect", when="after")
        with pytest.raises(httpx.RemoteProtocolError):
            api.post("/v1/calls", key="web", json=START)
        arm(api, operation="post_calls", kind="disconnect")
        with pytest.raises(httpx.RemoteProtocolError):
            api.post("/v1/calls", key="web", json=START)
    finally:
        server_log.removeHandler(handler)
    assert len(calls(api)) == 1  # the one struck after it ran
    assert not [record for record in records if record.exc_info and isinstance(record.exc_info[1], Disconnect)]


@pytest.mark.parametrize(("when", "kept"), [("before", 0), ("after", 1)])
def test_a_timeout_holds_the_answer_until_the_client_gives_up(api: SandboxClient, when: str, kept: int) -> None:
    arm(api, operation="post_calls", kind="timeout", when=when, seconds=30)
    with httpx.Client(base_url=api.sandbox.url, timeout=0.3) as impatient, pytest.raises(httpx.ReadTimeout):
        impatient.post("/v1/calls", json=START, headers={"x-api-key": KEYS["web"]})
    while not any(fault["held"] for fault in faults(api)):  # held from the moment the request came
        pass
    assert api.ok("DELETE", "/_sandbox/faults", key="web") == {"cleared": 1}
    assert len(calls(api)) == kept


def test_a_delay_holds_the_request_until_the_faults_are_cleared_then_answers(api: SandboxClient) -> None:
    arm(api, operation="post_calls", kind="delay", seconds=60)
    answers: list[httpx.Response] = []
    held = threading.Thread(target=lambda: answers.append(api.post("/v1/calls", key="web", json=START)))
    held.start()
    while not any(fault["held"] for fault in faults(api)):
        held.join(0.01)
    assert calls(api) == []  # held before it ran
    api.ok("DELETE", "/_sandbox/faults", key="web")
    held.join()
    assert answers[0].status_code == 200
    assert [call["id"] for call in calls(api)] == [answers[0].json()["id"]]


def test_a_fault_strikes_its_operation_on_its_number_only(api: SandboxClient) -> None:
    arm(api, key="web", operation="post_calls", kind="503")
    assert api.get("/v1/calls", key="web").status_code == 200  # another operation
    assert start(api, key="meta", sdp="v=0").status_code == 200  # another number
    assert faults(api, key="meta") == []
    assert start(api).status_code == 503


def test_a_fault_on_no_operation_of_the_api_is_refused(api: SandboxClient) -> None:
    refused = api.post("/_sandbox/faults", key="web", json={"operation": "post_nothing", "kind": "503"})
    assert refused.status_code == 400
    assert "post_nothing" in refused.json()["error"]
    unknown_kind = api.post("/_sandbox/faults", key="web", json={"operation": "post_calls", "kind": "crash"})
    assert unknown_kind.status_code == 400
    assert faults(api) == []


def test_the_helpers_client_arms_lists_and_clears_faults(api: SandboxClient) -> None:
    with SandboxHelpers(api.sandbox.url, api_key=KEYS["web"]) as helpers:
        armed = helpers.fault("post_calls", kind="timeout", when="after", count=2, seconds=1.5)
        assert (armed["kind"], armed["when"], armed["count"], armed["seconds"]) == ("timeout", "after", 2, 1.5)
        assert helpers.faults() == [armed]
        assert helpers.clear_faults() == 1
        assert helpers.faults() == []
        with pytest.raises(SandboxHelperError) as refused:
            helpers.fault("post_nothing", kind="503")
        assert refused.value.status_code == 400
