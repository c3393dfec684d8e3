"""The sandbox that drifts on purpose (`SandboxConfig(drift=True)`, `--drift`): exactly the three planted differences
of `_drift`, where its rules say and nowhere else, the same on every request and every sandbox; a call's planted
field and status the same in List calls and Retrieve call; a call the sandbox moves always shows its real status;
every drifted answer still conforms to `openapi.json`. With drift off, none of the three appears anywhere and List
calls' bytes are the seeded history's own. The selection rules are hashes of the call id or the request target,
each about as selective as documented, and unrelated to one another."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from starlette.responses import JSONResponse

from pilotstatus_sandbox import DRIFT_FIELD, DRIFT_HEADER, DRIFT_HEADER_VALUE, DRIFT_STATUS, CallHistory, SandboxConfig
from pilotstatus_sandbox._drift import (
    DRIFTING_OPERATIONS,
    ENDED_STATUSES,
    FIELD_ONE_IN,
    HEADER_ONE_IN,
    STATUS_ONE_IN,
    drift,
    drifted_call,
    plants_field,
    plants_header,
    plants_status,
    recording_url,
)
from pilotstatus_sandbox._instants import parse_before_ms
from pilotstatus_sandbox._pipeline import api_operations
from pilotstatus_sandbox._server import banner
from tests._contract import FailureGroup
from tests._sandbox_client import SandboxClient, manual_sandbox, validate_with_spec
from tests._sandbox_process import sandbox_process

CALLS = 1200
"""Calls in each number's history: a dozen pages of 100 per number."""
PAGE = 100
SEEDED_KEYS = ("meta", "web")
PROVIDERS = {"meta": "META", "web": "EVO_GO"}


@pytest.fixture(scope="module")
def drifting() -> Iterator[SandboxClient]:
    """A drifting sandbox whose calls no test changes (every response checked against its document)."""
    with manual_sandbox(calls=CALLS, drift=True) as client:
        yield client


@pytest.fixture(scope="module")
def plain() -> Iterator[SandboxClient]:
    """The same sandbox without drift."""
    with manual_sandbox(calls=CALLS) as client:
        yield client


def walk(client: SandboxClient, key: str) -> list[httpx.Response]:
    """Every page of List calls, 100 calls a page, each next page before the last call's `createdAt`."""
    pages: list[httpx.Response] = []
    params: dict[str, str | int] = {"limit": PAGE}
    while True:
        response = client.get("/v1/calls", key=key, params=params)
        assert response.status_code == 200, response.text
        pages.append(response)
        calls = response.json()["calls"]
        if len(calls) < PAGE:
            return pages
        params = {"limit": PAGE, "before": calls[-1]["createdAt"]}


def target(response: httpx.Response) -> str:
    """The request's path and query string, as the sandbox hashes them."""
    url = response.request.url
    return url.path + (f"?{url.query.decode()}" if url.query else "")


def history(client: SandboxClient, key: str) -> CallHistory:
    histories: dict[str, CallHistory] = client.sandbox.app.state.histories
    return histories[PROVIDERS[key]]


def ended_in_history(call_id: str, calls: CallHistory) -> bool:
    position = calls.position_of(call_id)
    assert position is not None, f"{call_id} is not a call of the seeded history"
    return calls.call(position)["status"] in ENDED_STATUSES


def headers_but_date(response: httpx.Response) -> dict[str, str]:
    return {name: value for name, value in response.headers.items() if name != "date"}


# --- drift off: nothing planted, the bytes of today -------------------------------------------------------------


@pytest.mark.parametrize("key", SEEDED_KEYS)
def test_without_drift_list_calls_pages_are_the_seeded_historys_own_bytes_and_plant_nothing(
    plain: SandboxClient, key: str
) -> None:
    pages = walk(plain, key)
    assert len(pages) >= CALLS // PAGE
    for page in pages:
        before = page.request.url.params.get("before")
        drawn = history(plain, key).page(limit=PAGE, before_ms=None if before is None else parse_before_ms(before))
        assert page.content == JSONResponse({"calls": drawn}).body
        assert DRIFT_HEADER.lower() not in page.headers
        for call in page.json()["calls"]:
            assert DRIFT_FIELD not in call
            assert call["status"] != DRIFT_STATUS


def test_without_drift_retrieve_call_and_the_other_operations_plant_nothing(plain: SandboxClient) -> None:
    for key in SEEDED_KEYS:
        for call in walk(plain, key)[0].json()["calls"]:
            for params in ({}, {"includeSdp": "1"}):
                response = plain.get(f"/v1/calls/{call['id']}", key=key, params=params)
                assert response.status_code == 200, response.text
                assert DRIFT_FIELD not in response.json()
                assert response.json()["status"] == call["status"] != DRIFT_STATUS
                assert DRIFT_HEADER.lower() not in response.headers
    with manual_sandbox(calls=50) as fresh:  # the other operations change what it holds
        for response in other_operations(fresh):
            assert DRIFT_HEADER.lower() not in response.headers
            assert DRIFT_FIELD not in response.text
            assert DRIFT_STATUS not in response.text


# --- drift on: the three differences, where the rules say, and nothing else --------------------------------------


@pytest.mark.parametrize("key", SEEDED_KEYS)
def test_drift_changes_list_calls_only_by_the_three_planted_differences_where_the_rules_say(
    drifting: SandboxClient, plain: SandboxClient, key: str
) -> None:
    drifted_pages, plain_pages = walk(drifting, key), walk(plain, key)
    assert [target(page) for page in drifted_pages] == [target(page) for page in plain_pages]
    calls = history(drifting, key)
    with_field = with_status = ended = with_header = 0
    for drifted_page, plain_page in zip(drifted_pages, plain_pages, strict=True):
        planted = plants_header(target(drifted_page))
        with_header += planted
        expected_headers = headers_but_date(plain_page) | (
            {DRIFT_HEADER.lower(): DRIFT_HEADER_VALUE} if planted else {}
        )
        expected_headers["content-length"] = drifted_page.headers["content-length"]  # the body is longer
        assert headers_but_date(drifted_page) == expected_headers
        shown, real = drifted_page.json(), plain_page.json()
        assert shown.keys() == real.keys() == {"calls"}
        for drifted_call_json, plain_call in zip(shown["calls"], real["calls"], strict=True):
            call_id = plain_call["id"]
            restored = dict(drifted_call_json)
            if plants_field(call_id):
                with_field += 1
                assert restored.pop(DRIFT_FIELD) == recording_url(call_id)
            if plain_call["status"] in ENDED_STATUSES:
                ended += 1
            if plants_status(call_id) and ended_in_history(call_id, calls):
                with_status += 1
                assert restored["status"] == DRIFT_STATUS
                restored["status"] = plain_call["status"]
            assert restored == plain_call  # nothing else differs, and nothing moved
    # Some, not all, of each: about the documented fractions.
    assert 0 < with_field < CALLS
    assert abs(with_field / CALLS - 1 / FIELD_ONE_IN) < 0.05
    assert 0 < with_status < ended
    assert abs(with_status / ended - 1 / STATUS_ONE_IN) < 0.05
    assert 0 < with_header < len(drifted_pages)


def test_the_planted_field_is_a_url_naming_the_call() -> None:
    assert recording_url("call_01ABC") == "https://sandbox.pilotstatus.invalid/recordings/call_01ABC.ogg"


def test_a_calls_planted_field_and_status_are_the_same_in_list_calls_and_retrieve_call(
    drifting: SandboxClient,
) -> None:
    seen_field = seen_status = 0
    for key in SEEDED_KEYS:
        for page in walk(drifting, key)[:2]:
            for listed in page.json()["calls"]:
                # By either id; a Meta id holding `/` cannot be a path segment (the router reads `%2F` as `/`).
                external = listed["externalCallId"]
                ids = [listed["id"]] + ([external] if external and "/" not in external else [])
                for call_id in ids:
                    for params in ({}, {"includeSdp": "1"}):
                        path = f"/v1/calls/{quote(call_id, safe='')}"
                        retrieved = drifting.ok("GET", path, key=key, params=params)
                        assert retrieved.get(DRIFT_FIELD) == listed.get(DRIFT_FIELD)
                        assert retrieved["status"] == listed["status"]
                seen_field += DRIFT_FIELD in listed
                seen_status += listed["status"] == DRIFT_STATUS
    assert seen_field > 0
    assert seen_status > 0


def other_operations(client: SandboxClient) -> list[httpx.Response]:
    """A response of every operation but List calls that can answer 200 without changing a seeded call, and some
    refusals (List calls' own included)."""
    call_id = client.ok("GET", "/v1/calls", params={"limit": 1})["calls"][0]["id"]
    web_call = client.ok("GET", "/v1/calls", key="web", params={"limit": 1})["calls"][0]["id"]
    sdp = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=setup:active\r\n"
    responses = [
        client.get(f"/v1/calls/{call_id}"),
        client.get(f"/v1/calls/{call_id}", params={"includeSdp": "1"}),
        client.get("/v1/calls/settings"),
        client.put("/v1/calls/settings", json={"call_icon_visibility": "DEFAULT"}),
        client.get("/v1/calls/permissions", params={"to": "5511999990001"}),
        client.post("/v1/calls/permissions/request", json={"to": "5511999990009"}),
        client.post("/v1/calls", json={"to": "5511999990003", "sdp": sdp}),
        client.post(f"/v1/calls/{web_call}/play", key="web", json={"mediaUrl": "https://media.test/a.ogg"}),
        client.get("/v1/calls/call_00000000000000000000000000"),  # 404
        client.get("/_sandbox/events"),
        client.get("/v1/calls", key="web-disconnected"),  # 409
        client.get("/v1/calls", key="unsupported-provider"),  # 400
    ]
    # List calls refused: on targets the header rule picks, so that only the status keeps the header away.
    picked = [limit for limit in range(101, 200) if plants_header(f"/v1/calls?limit={limit}")][:3]
    responses += [client.get("/v1/calls", params={"limit": limit}) for limit in picked]
    responses += [client.get("/v1/calls", key="rate-limited", params={"limit": limit}) for limit in picked]
    return responses


def test_the_header_is_on_200_responses_of_list_calls_only() -> None:
    with manual_sandbox(calls=50, drift=True) as fresh:  # the other operations change what it holds
        responses = other_operations(fresh)
    statuses = {response.status_code for response in responses}
    assert {200, 400, 404, 409, 429} <= statuses
    for response in responses:
        assert DRIFT_HEADER.lower() not in response.headers, (response.request.url, response.status_code)


def test_the_relay_only_numbers_empty_list_is_a_200_of_list_calls_too() -> None:
    with manual_sandbox(calls=0, drift=True) as client:
        for limit in range(1, 21):
            response = client.get("/v1/calls", key="relay-only", params={"limit": limit})
            assert response.json() == {"calls": [], "notice": "PII_RELAY_ONLY"}  # no calls: nothing else to plant
            assert response.headers.get(DRIFT_HEADER) == (
                DRIFT_HEADER_VALUE if plants_header(target(response)) else None
            )


def test_the_same_requests_get_the_same_bytes_twice_and_on_another_drifting_sandbox(drifting: SandboxClient) -> None:
    def answers(client: SandboxClient) -> list[tuple[int, bytes, str | None]]:
        got = []
        for key in SEEDED_KEYS:
            pages = walk(client, key)
            got += [(page.status_code, page.content, page.headers.get(DRIFT_HEADER)) for page in pages]
            for call in pages[0].json()["calls"][:40]:
                response = client.get(f"/v1/calls/{call['id']}", key=key)
                got.append((response.status_code, response.content, response.headers.get(DRIFT_HEADER)))
        return got

    first = answers(drifting)
    assert answers(drifting) == first
    with manual_sandbox(calls=CALLS, drift=True) as another:
        assert answers(another) == first
    assert any(header is not None for _, _, header in first)
    assert any(header is None for _, _, header in first)


def test_every_drifted_answer_conforms_to_the_spec_which_still_refuses_a_broken_one(drifting: SandboxClient) -> None:
    page = next(
        page
        for page in walk(drifting, "meta")
        if DRIFT_HEADER in page.headers and DRIFT_STATUS in page.text and DRIFT_FIELD in page.text
    )
    validate_with_spec(page)  # the client checks every answer; here, one with all three, explicitly
    call = next(call for call in page.json()["calls"] if call["status"] == DRIFT_STATUS)
    validate_with_spec(drifting.get(f"/v1/calls/{call['id']}"))
    body = page.json()
    del body["calls"][0]["id"]  # a real defect: the check is not blind
    headers = {name: value for name, value in page.headers.items() if name != "content-length"}
    broken = httpx.Response(200, json=body, headers=headers, request=page.request)
    broken.elapsed = page.elapsed
    with pytest.raises(FailureGroup) as refused:
        validate_with_spec(broken)
    assert "'id' is a required property" in str(refused.value.exceptions[0]).replace('"', "'")


def test_calls_the_sandbox_creates_or_moves_always_show_their_real_status() -> None:
    with manual_sandbox(calls=30, drift=True) as client:
        # A seeded call still in progress, ended by the sandbox: not one whose end the history drew.
        seeded = client.ok("GET", "/v1/calls", params={"limit": 30})["calls"]
        accepted = [call for call in seeded if call["status"] == "ACCEPTED"]
        assert accepted, "the newest seeded calls include an ACCEPTED one"
        ended_here = []
        for call in accepted:
            client.ok("POST", f"/v1/calls/{call['id']}/terminate")
            ended_here.append(call["id"])
        # Inbound calls until one is among those the status rule picks, each hung up (MISSED).
        picked = None
        for _ in range(200):
            created = client.incoming()
            client.ok("POST", f"/_sandbox/calls/{created['id']}/hangup")
            ended_here.append(created["id"])
            if plants_status(created["id"]):
                picked = created["id"]
                break
        assert picked is not None
        listed = {call["id"]: call for call in client.ok("GET", "/v1/calls", params={"limit": 100})["calls"]}
        for call_id in ended_here:
            assert listed[call_id]["status"] in ("COMPLETED", "MISSED")
            assert client.call(call_id)["status"] == listed[call_id]["status"]


def test_the_cli_flag_serves_a_drifting_sandbox_and_says_so(tmp_path: Path) -> None:
    log = tmp_path / "sandbox.log"
    with sandbox_process(log, "--calls", "200", "--drift") as url:
        response = httpx.get(f"{url}/v1/calls", params={"limit": 100}, headers={"x-api-key": "ps_sandbox_meta_number"})
    assert response.status_code == 200
    assert any(DRIFT_FIELD in call for call in response.json()["calls"])
    assert "Drift: on." in log.read_text()


# --- the rules themselves ------------------------------------------------------------------------------------------


def test_the_banner_says_drift_is_on_only_when_it_is() -> None:
    on = banner(SandboxConfig(calls=10, drift=True), "http://127.0.0.1:1")
    assert "Drift: on." in on
    assert all(name in on for name in (DRIFT_FIELD, DRIFT_STATUS, DRIFT_HEADER))
    assert "Drift" not in banner(SandboxConfig(calls=10), "http://127.0.0.1:1")


@pytest.mark.parametrize("value", [1, "yes", None])
def test_drift_must_be_true_or_false(value: Any) -> None:
    assert SandboxConfig().drift is False
    with pytest.raises(ValueError, match="drift must be True or False"):
        SandboxConfig(drift=value)


def test_the_rules_pick_about_the_documented_fractions_independently_of_one_another() -> None:
    # Every id of two seeded histories (deterministic data, so the same counts on every run).
    ids = [
        call["id"] for provider in ("META", "EVO_GO") for call in CallHistory(count=12_000, seed=3, provider=provider)
    ]
    fields = [plants_field(call_id) for call_id in ids]
    statuses = [plants_status(call_id) for call_id in ids]
    both = sum(field and status for field, status in zip(fields, statuses, strict=True))
    assert abs(sum(fields) / len(ids) - 1 / FIELD_ONE_IN) < 0.01
    assert abs(sum(statuses) / len(ids) - 1 / STATUS_ONE_IN) < 0.01
    # Independent: as many calls carry both as the product says (two salted CRC-32s would give twice as many).
    assert abs(both / len(ids) - 1 / (FIELD_ONE_IN * STATUS_ONE_IN)) < 0.006
    targets = [
        f"/v1/calls?limit=100&before=2026-10-{day:02d}T{hour:02d}:00:00.000Z"
        for day in range(1, 29)
        for hour in range(24)
    ]
    assert abs(sum(map(plants_header, targets)) / len(targets) - 1 / HEADER_ONE_IN) < 0.05


call_json = st.fixed_dictionaries(
    {
        "id": st.text(min_size=1, max_size=40),
        "externalCallId": st.none() | st.text(max_size=20),
        "direction": st.sampled_from(["INBOUND", "OUTBOUND"]),
        "status": st.sampled_from(["INITIATED", "RINGING", "ACCEPTED", *sorted(ENDED_STATUSES)]),
        "createdAt": st.just("2026-10-01T00:00:00.000Z"),
    }
)


@given(call=call_json, other=call_json)
def test_a_call_outside_the_seeded_history_gets_at_most_the_field_by_its_id_alone(
    call: dict[str, Any], other: dict[str, Any]
) -> None:
    seeded = CallHistory(count=10, seed=7, provider="META")
    before = json.dumps(call)
    shown = drifted_call(call, seeded)
    assert json.dumps(call) == before  # the backend's dict is not changed
    assert shown.pop(DRIFT_FIELD, None) == (recording_url(call["id"]) if plants_field(call["id"]) else None)
    assert shown == call  # the status stays: not a call of the history
    twin = drifted_call({**other, "id": call["id"]}, None)
    assert (DRIFT_FIELD in twin) == plants_field(call["id"])  # the id decides, nothing else


@given(position=st.integers(min_value=0, max_value=1999), seed=st.integers(min_value=0, max_value=2**32))
def test_a_seeded_call_shows_the_unknown_status_exactly_when_its_id_is_picked_and_the_history_ended_it(
    position: int, seed: int
) -> None:
    seeded = CallHistory(count=2000, seed=seed, provider="EVO_GO")
    call = seeded.call(position)
    shown = drifted_call(call, seeded)
    expected = plants_status(call["id"]) and call["status"] in ENDED_STATUSES
    assert (shown["status"] == DRIFT_STATUS) == expected
    assert shown == drifted_call(seeded.call(position), seeded)  # the same call, the same answer


@given(operation=st.sampled_from(sorted(set(api_operations().values()) - DRIFTING_OPERATIONS)), target=st.text())
def test_no_other_operation_drifts(operation: str, target: str) -> None:
    body = {"calls": [{"id": "call_x", "status": "COMPLETED"}], "success": True}
    assert drift(operation, body, target=target, history=None) == (body, {})


@given(target=st.text())
def test_the_header_rule_depends_on_the_target_alone(target: str) -> None:
    _, headers = drift("get_calls", {"calls": []}, target=target, history=None)
    assert headers == ({DRIFT_HEADER: DRIFT_HEADER_VALUE} if plants_header(target) else {})
    assert drift("get_calls", {"calls": []}, target=target, history=None)[1] == headers
