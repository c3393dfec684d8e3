"""How the sandbox routes a call id: as the one path segment the client sent, `%2F` and all.

A third of Meta's call ids hold a `/` (`wacid.HBird...O/6/lG...=`); a client sends it as one segment, `%2F`. The
sandbox matches paths on the raw path, each segment decoded on its own, so every seeded call is found by either of
its ids, and any other single segment after `/v1/calls/` is a call id the number does not have: 404
CALL_NOT_FOUND, with its code, on every operation on a call. The other routing rules stay: literal paths before
templated ones, 405 with `Allow`, HEAD as GET, no redirect for a trailing slash.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from starlette.applications import Starlette

from pilotstatus_sandbox import Sandbox, SandboxConfig, create_app
from tests._sandbox_client import KEYS, send, send_all

IN_PROCESS_CALLS = 1000
"""The seeded calls of each number fetched in process: the newest 1,000 of the default history (a shorter history
is the start of a longer one), a request each by each id."""


def segment(call_id: str) -> str:
    """A call id as one path segment, as the SDK sends it."""
    return quote(call_id, safe="")


@pytest.fixture(scope="module")
def app() -> Starlette:
    """The sandbox in process: its ASGI app, no socket."""
    return create_app(SandboxConfig(calls=IN_PROCESS_CALLS, manual_clock=True))


@pytest.mark.parametrize(("kind", "provider"), [("meta", "META"), ("web", "EVO_GO")])
def test_every_seeded_call_is_found_by_its_id_and_by_its_provider_id_in_process(
    app: Starlette, kind: str, provider: str
) -> None:
    calls = list(app.state.histories[provider])
    # Every call by its id, then every call by its provider id (a call the provider refused has none).
    ids = [call["id"] for call in calls] + [call["externalCallId"] for call in calls]
    expected = calls + calls
    sent = [(call_id, call) for call_id, call in zip(ids, expected, strict=True) if call_id is not None]
    responses = send_all(app, [("GET", f"/v1/calls/{segment(call_id)}", kind) for call_id, _ in sent])
    missed = [
        (call_id, response.status_code)
        for (call_id, call), response in zip(sent, responses, strict=True)
        if response.status_code != 200 or response.json() != call
    ]
    assert missed == []
    assert len(sent) > len(calls) * 19 // 10  # nearly every call has a provider id


def test_a_third_of_the_meta_provider_ids_hold_a_slash(app: Starlette) -> None:
    """What the tests stand on: the seeded Meta ids do hold `/`."""
    with_slash = [call for call in app.state.histories["META"] if "/" in (call["externalCallId"] or "")]
    assert len(with_slash) > IN_PROCESS_CALLS // 4


def test_every_seeded_provider_id_holding_a_slash_is_found_over_http(sandbox: Sandbox) -> None:
    history = sandbox.app.state.histories["META"]
    ids = [call["externalCallId"] for call in history if "/" in (call["externalCallId"] or "")]
    assert len(ids) == 1894  # of the default 5,000
    missed = []
    with httpx.Client(base_url=sandbox.url, headers={"x-api-key": KEYS["meta"]}) as http:
        for call_id in ids:
            response = http.get(f"/v1/calls/{segment(call_id)}")
            if response.status_code != 200 or response.json()["externalCallId"] != call_id:
                missed.append((call_id, response.status_code))
    assert missed == []


def test_an_action_on_a_call_whose_provider_id_holds_a_slash_reaches_the_call(app: Starlette) -> None:
    call = next(
        call
        for call in app.state.histories["META"]
        if "/" in (call["externalCallId"] or "") and call["status"] in ("COMPLETED", "REJECTED", "FAILED")
    )
    response = send(app, "POST", f"/v1/calls/{segment(call['externalCallId'])}/terminate")
    assert (response.status_code, response.json()["code"]) == (409, "INVALID_CALL_STATE")
    assert call["id"] in response.json()["error"]


# Each operation on a call, with a body it takes, as a number whose provider has it.
CALL_OPERATIONS = [
    ("GET", "", "meta", None),
    ("POST", "/pre-accept", "meta", {"sdp": "v=0"}),
    ("POST", "/accept", "meta", {"sdp": "v=0"}),
    ("POST", "/reject", "meta", None),
    ("POST", "/terminate", "meta", None),
    ("POST", "/play", "web", {"mediaUrl": "https://example.com/a.mp3"}),
    ("POST", "/realtime-session", "web", {"mode": "listen"}),
    ("GET", "", "web", None),
    ("POST", "/terminate", "web", None),
]
LITERALS = {"settings", "permissions"}  # paths of their own under /v1/calls/, not call ids
unknown_ids = st.text(min_size=1, max_size=64).filter(lambda text: text.strip() and text not in LITERALS | {".", ".."})


@pytest.mark.parametrize(("method", "action", "kind", "body"), CALL_OPERATIONS)
@settings(max_examples=40)
@given(call_id=st.one_of(unknown_ids, unknown_ids.map(lambda text: f"wacid.{text}/{text}")))
def test_any_one_segment_that_is_no_call_of_the_number_is_call_not_found_on_every_operation(
    app: Starlette, method: str, action: str, kind: str, body: Any, call_id: str
) -> None:
    path = f"/v1/calls/{segment(call_id)}{action}"
    response = send(app, method, path, kind, json=body)
    assert (response.status_code, response.json().get("code")) == (404, "CALL_NOT_FOUND"), (path, response.text)


@pytest.mark.parametrize(
    ("path", "status", "answer"),
    [
        ("/v1/calls/settings", 200, None),  # a literal path, not a call id
        ("/v1/calls/%73ettings", 200, None),  # the same segment, spelt otherwise
        ("/v1/calls/permissions", 400, None),  # its own operation: `to` is missing
        ("/v1/calls/", 404, {"error": "Not Found"}),  # a trailing slash is another path, not a redirect
        ("/v1/calls/a%2Fb/c/d", 404, {"error": "Not Found"}),  # three segments after /v1/calls/: no such path
        ("/v1/calls/a/b", 404, {"error": "Not Found"}),  # two segments sent as two
    ],
)
def test_the_other_routing_rules_hold_on_the_raw_path(
    app: Starlette, path: str, status: int, answer: dict[str, str] | None
) -> None:
    response = send(app, "GET", path)
    assert response.status_code == status, response.text
    if answer is not None:
        assert response.json() == answer


def test_a_method_a_call_path_lacks_is_405_with_allow_and_head_answers_as_get(app: Starlette) -> None:
    path = f"/v1/calls/{segment('wacid.a/b')}"
    refused = send(app, "DELETE", path)
    assert (refused.status_code, refused.json()) == (405, {"error": "Method Not Allowed"})
    assert set(refused.headers["allow"].split(", ")) == {"GET", "HEAD"}
    head = send(app, "HEAD", path)
    assert (head.status_code, head.content) == (404, b"")


def test_the_operation_is_validated_with_the_call_id_as_routed(app: Starlette) -> None:
    # `includeSdp` is checked against the operation the router chose, though the call id holds `/`.
    response = send(app, "GET", f"/v1/calls/{segment('wacid.a/b')}", params={"includeSdp": "yes"})
    assert response.status_code == 400
    assert "includeSdp" in response.json()["error"]
