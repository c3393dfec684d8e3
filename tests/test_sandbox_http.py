"""The sandbox over real HTTP: every demo key gets its documented answer, bad parameters get a 400 that names
them, the rate limit can be switched on, and unknown paths and methods get the API's error body."""

from __future__ import annotations

import socket
from pathlib import Path

import httpx
import pytest

from pilotstatus._cli import main
from pilotstatus_sandbox import SCENARIOS, SERVED_OPERATIONS, Sandbox, SandboxConfig, Scenario, key_table
from pilotstatus_sandbox._backend import NUMBERS
from pilotstatus_sandbox._rate_limit import MIN_RATE
from pilotstatus_sandbox._spec import load_spec
from tests._command import run
from tests._sandbox_process import sandbox_process

SCENARIO_IDS = [scenario.name for scenario in SCENARIOS]


def get(sandbox: Sandbox, headers: dict[str, str], **params: str) -> httpx.Response:
    return httpx.get(f"{sandbox.url}/v1/calls", headers=headers, params=params)


@pytest.mark.parametrize("scenario", SCENARIOS, ids=SCENARIO_IDS)
@pytest.mark.parametrize("header", ["x-api-key", "x-api-key-id"])
def test_each_demo_key_gets_its_documented_answer(sandbox: Sandbox, scenario: Scenario, header: str) -> None:
    credential = scenario.api_key if header == "x-api-key" else scenario.api_key_id
    response = get(sandbox, {header: credential})
    assert response.status_code == scenario.status
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    if scenario.status != 200:
        assert body == {"error": scenario.error, **({"code": scenario.code} if scenario.code else {})}
    else:
        spec = next(spec for spec in NUMBERS if spec.number_id == scenario.number_id)
        if spec.pii_mode == "RELAY_ONLY":  # a number that keeps no calls to list
            assert body == {"calls": [], "notice": "PII_RELAY_ONLY"}
        else:  # the documented default page size, of a number with seeded calls
            assert len(body["calls"]) == (25 if spec.seeded else 0)
    assert response.headers.get("retry-after") == (None if scenario.retry_after is None else str(scenario.retry_after))


def test_the_documented_message_of_feature_not_supported(sandbox: Sandbox) -> None:
    body = get(sandbox, {"x-api-key": "ps_sandbox_evolution_v2"}).json()
    assert body["error"] == "Calling is only supported for Meta Cloud API and Pilot Status (web) numbers."


@pytest.mark.parametrize(
    "headers",
    [{}, {"x-api-key": "ps_live_unknown"}, {"x-api-key-id": "ps_sandbox_meta_number"}, {"authorization": "Bearer x"}],
    ids=["none", "unknown", "key-in-the-id-header", "bearer"],
)
def test_a_missing_or_unknown_key_gets_401(sandbox: Sandbox, headers: dict[str, str]) -> None:
    response = get(sandbox, headers)
    assert (response.status_code, response.json()) == (401, {"error": "Unauthorized"})


@pytest.mark.parametrize(
    ("params", "named"),
    [
        ({"limit": "0"}, "limit"),
        ({"limit": "101"}, "limit"),
        ({"limit": "ten"}, "limit"),
        ({"limit": ""}, "limit"),
        ({"before": "yesterday"}, "before"),
        ({"before": "2026-02-30T00:00:00Z"}, "before"),
        ({"before": ""}, "before"),
    ],
)
def test_an_invalid_parameter_gets_400_naming_it(sandbox: Sandbox, params: dict[str, str], named: str) -> None:
    response = get(sandbox, {"x-api-key": "ps_sandbox_meta_number"}, **params)
    assert response.status_code == 400
    assert set(response.json()) == {"error"}
    assert response.json()["error"].startswith("Validation error")
    assert named in response.json()["error"]


@pytest.mark.parametrize("limit", ["5_0", " 5", "5 ", "+5", "\uff15", "5.0", "1e1"])
def test_limit_must_be_written_in_ascii_digits(sandbox: Sandbox, limit: str) -> None:
    response = get(sandbox, {"x-api-key": "ps_sandbox_meta_number"}, limit=limit)
    assert response.status_code == 400
    assert "limit" in response.json()["error"]


@pytest.mark.parametrize("name", ["limit", "before"])
def test_a_parameter_given_twice_gets_400(sandbox: Sandbox, name: str) -> None:
    value = "5" if name == "limit" else "2026-11-01T00:00:00.000Z"
    response = httpx.get(
        f"{sandbox.url}/v1/calls",
        params=[(name, value), (name, value)],
        headers={"x-api-key": "ps_sandbox_meta_number"},
    )
    assert response.status_code == 400
    assert "given 2 times" in response.json()["error"]


def test_head_answers_as_get_without_a_body(sandbox: Sandbox) -> None:
    headers = {"x-api-key": "ps_sandbox_meta_number"}
    head = httpx.head(f"{sandbox.url}/v1/calls", headers=headers, params={"limit": "3"})
    got = get(sandbox, headers, limit="3")
    assert (head.status_code, head.content) == (200, b"")
    assert head.headers["content-length"] == got.headers["content-length"]


def test_a_trailing_slash_is_another_path_not_a_redirect(sandbox: Sandbox) -> None:
    response = httpx.get(f"{sandbox.url}/v1/calls/", headers={"x-api-key": "ps_sandbox_meta_number"})
    assert (response.status_code, response.json()) == (404, {"error": "Not Found"})


def test_a_port_in_use_is_one_line_from_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        code = main(["sandbox", "--port", str(taken.getsockname()[1]), "--calls", "10"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1
    assert err.startswith("pilotstatus: error: cannot listen on 127.0.0.1:")


def test_validation_comes_before_the_number_checks(sandbox: Sandbox) -> None:
    response = get(sandbox, {"x-api-key": "ps_sandbox_web_disconnected"}, limit="0")
    assert response.status_code == 400


@pytest.mark.parametrize(("limit", "count"), [("1", 1), ("100", 100), ("37", 37)])
def test_limit_is_the_page_size(sandbox: Sandbox, limit: str, count: int) -> None:
    assert len(get(sandbox, {"x-api-key": "ps_sandbox_web_number"}, limit=limit).json()["calls"]) == count


def test_before_returns_calls_created_strictly_before_it(sandbox: Sandbox) -> None:
    first = get(sandbox, {"x-api-key": "ps_sandbox_meta_number"}, limit="100").json()["calls"]
    boundary = first[50]["createdAt"]
    after = get(sandbox, {"x-api-key": "ps_sandbox_meta_number"}, limit="100", before=boundary).json()["calls"]
    assert all(call["createdAt"] < boundary for call in after)
    assert after[0] == next(call for call in first if call["createdAt"] < boundary)


def test_no_key_is_echoed_in_any_answer(sandbox: Sandbox) -> None:
    for scenario in SCENARIOS:
        for params in ({}, {"limit": "0"}):
            response = get(sandbox, {"x-api-key": scenario.api_key}, **params)
            assert scenario.api_key not in response.text
            assert scenario.api_key not in str(response.headers)


def test_the_rate_limit_when_switched_on_answers_429_with_retry_after() -> None:
    with Sandbox(SandboxConfig(calls=10, rate_limit=0.01)) as limited:
        statuses = [get(limited, {"x-api-key": "ps_sandbox_meta_number"}).status_code for _ in range(3)]
        limited_response = get(limited, {"x-api-key": "ps_sandbox_meta_number"})
        other_key = get(limited, {"x-api-key": "ps_sandbox_web_number"})
    assert statuses == [200, 429, 429]
    assert limited_response.json() == {"error": "Too many requests"}
    assert 1 <= int(limited_response.headers["retry-after"]) <= 100
    assert other_key.status_code == 200


def test_other_methods_get_405_with_allow(sandbox: Sandbox) -> None:
    response = httpx.delete(f"{sandbox.url}/v1/calls", headers={"x-api-key": "ps_sandbox_meta_number"})
    assert response.status_code == 405
    assert set(response.headers["allow"].split(", ")) == {"GET", "HEAD", "POST"}
    assert response.json() == {"error": "Method Not Allowed"}


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("POST", "/v1/calls"),
        ("GET", "/v1/calls/call_1"),
        ("GET", "/v1/calls/settings"),
        ("PUT", "/v1/calls/settings"),
        ("POST", "/v1/calls/call_1/accept"),
        ("POST", "/v1/calls/permissions/request"),
    ],
)
def test_every_operation_of_the_spec_is_served(sandbox: Sandbox, method: str, path: str) -> None:
    # An empty request reaches the operation: a 400 naming what is missing or a 404 for the call, never a 501, nor
    # the 404/405 of a path or method the spec lacks.
    response = httpx.request(method, f"{sandbox.url}{path}", headers={"x-api-key": "ps_sandbox_meta_number"})
    assert response.status_code in (200, 400, 404)
    assert response.json() not in ({"error": "Not Found"}, {"error": "Method Not Allowed"})


def test_served_operations_are_every_operation_of_the_spec() -> None:
    spec = load_spec()
    operation_ids = {
        operation["operationId"]
        for item in spec["paths"].values()
        for method, operation in item.items()
        if method in ("get", "put", "post", "delete", "patch")
    }
    assert operation_ids == SERVED_OPERATIONS


def test_unknown_paths_get_404_with_an_error_body(sandbox: Sandbox) -> None:
    response = httpx.get(f"{sandbox.url}/v1/nothing", headers={"x-api-key": "ps_sandbox_meta_number"})
    assert (response.status_code, response.json()) == (404, {"error": "Not Found"})


def test_the_key_table_lists_every_scenario() -> None:
    table = key_table()
    for scenario in SCENARIOS:
        assert scenario.api_key in table
        assert scenario.api_key_id in table
    assert "401" in table


def test_the_command_refuses_a_rate_below_the_floor_the_sandbox_enforces(capsys: pytest.CaptureFixture[str]) -> None:
    ran = run(capsys, "sandbox", "--rate-limit", str(MIN_RATE / 2))
    assert ran.code == 2
    assert ran.err_lines[-1].endswith(f"(a number of requests a second, at least {MIN_RATE})")
    with pytest.raises(ValueError, match=f"at least {MIN_RATE}"):
        SandboxConfig(rate_limit=MIN_RATE / 2)


def test_the_sandbox_serves_on_an_ipv6_loopback_address(tmp_path: Path) -> None:
    try:
        with socket.socket(socket.AF_INET6) as probe:
            probe.bind(("::1", 0))
    except OSError:
        pytest.skip("this machine has no IPv6 loopback")
    with sandbox_process(tmp_path / "sandbox.log", "--host", "::1", "--calls", "3") as url:
        assert url.startswith("http://[::1]:")
        response = httpx.get(f"{url}/v1/calls", headers={"x-api-key": "ps_sandbox_meta_number"})
    assert (response.status_code, len(response.json()["calls"])) == (200, 3)
