"""The read-only commands of one call, the calling settings and a call permission: `pilotstatus calls get`,
`calls settings` and `calls permission`, run in-process against a loopback HTTP server that answers as the API
documents (the sandbox does not serve these operations yet)."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from tests._clients import KEY
from tests._command import Loopback, closed_port_url, loopback_server, run, use_key

NUMBER_ID_ENV = "PILOT_STATUS_WHATSAPP_NUMBER_ID"

SDP_OFFER = "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0\r\n"

CALL: dict[str, Any] = {
    "id": "call_01HZX",
    "externalCallId": "wacid.ABGG",
    "direction": "INBOUND",
    "status": "COMPLETED",
    "peerNumber": "5511999999999",
    "durationSeconds": 42,
    "startedAt": "2026-07-03T15:00:00.000Z",
    "connectedAt": "2026-07-03T15:00:05.000Z",
    "endedAt": None,
    "createdAt": "2026-07-03T15:00:00.000Z",
    "updatedAt": "2026-07-03T15:00:47.123Z",
    "recordingUrl": "https://example.test/rec/1",  # not documented: kept
    "labels": {"team": "vendas", "tags": ["São Paulo"]},  # not documented, and not a string
}
CALL_WITH_SDP: dict[str, Any] = {**CALL, "sdpOffer": SDP_OFFER, "sdpAnswer": None}

CALLING: dict[str, Any] = {
    "status": "ENABLED",
    "call_icon_visibility": "DEFAULT",
    "callback_permission_status": "DISABLED",
    "call_hours": {
        "status": "ENABLED",
        "timezone_id": "America/Sao_Paulo",
        "weekly_operating_hours": [
            {"day_of_week": "MONDAY", "open_time": "0800", "close_time": "1200"},
            {"day_of_week": "MONDAY", "open_time": "1400", "close_time": "1800"},
            {"day_of_week": "SATURDAY", "open_time": "0900", "close_time": "1300"},
        ],
        "holiday_schedule": [{"date": "2026-12-25", "start_time": "0000", "end_time": "2359"}],
    },
    "sip": {"status": "DISABLED"},
    "audio": {"enabled": True},  # a field Meta added: kept
}

# 1768550400 is 2026-01-16T08:00:00Z.
PERMISSION: dict[str, Any] = {
    "permission": {"status": "temporary", "expiration_time": 1768550400},
    "actions": [
        {
            "action_name": "start_call",
            "can_perform_action": True,
            "limits": [{"time_period": "PT24H", "max_allowed": 5, "current_usage": 2}],
        },
        {
            "action_name": "send_call_permission_request",
            "can_perform_action": False,
            "limits": [
                {"time_period": "P1D", "max_allowed": 1, "current_usage": 1, "limit_expiration_time": 1768550400},
                {"time_period": "P7D", "max_allowed": 2, "current_usage": 1},
            ],
        },
    ],
    "business_number": "5511888888888",  # a field Meta added: kept
}


@dataclass
class Seen:
    """A request as the server received it."""

    path: str
    query: dict[str, str]
    headers: httpx.Headers


@dataclass
class FakeAPI:
    """Answers each path with a fixed status and body, and records every request."""

    routes: dict[str, tuple[int, Any]]
    requests: list[Seen] = field(default_factory=list)

    def handler(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(Seen(request.url.path, dict(request.url.params), request.headers))
        status, body = self.routes.get(request.url.path, (404, {"error": "Not found"}))
        return httpx.Response(status, json=body)


@pytest.fixture(autouse=True)
def environment(monkeypatch: pytest.MonkeyPatch) -> None:
    use_key(monkeypatch)
    monkeypatch.delenv(NUMBER_ID_ENV, raising=False)


@pytest.fixture(scope="module")
def server() -> Iterator[Loopback]:
    with loopback_server() as loopback:
        yield loopback


def serve(server: Loopback, routes: dict[str, tuple[int, Any]]) -> tuple[FakeAPI, str]:
    api = FakeAPI(routes)
    return api, server.serve(api.handler)


def the_api(server: Loopback) -> tuple[FakeAPI, str]:
    """A Meta number: a call, its settings and a permission."""
    return serve(
        server,
        {
            "/v1/calls/call_01HZX": (200, CALL),
            "/v1/calls/settings": (200, {"calling": CALLING}),
            "/v1/calls/permissions": (200, PERMISSION),
        },
    )


def rows(out: str) -> dict[str, str]:
    """The `label: value` lines of a readable output, by label (indented labels keep their indentation)."""
    parsed: dict[str, str] = {}
    for line in out.splitlines():
        name, separator, value = line.partition(":")
        if separator and not name.startswith(" " * 4):
            parsed[name] = value.strip()
    return parsed


COMMANDS = {
    "get": ["calls", "get", "call_01HZX"],
    "settings": ["calls", "settings"],
    "permission": ["calls", "permission", "--to", "+5511999999999"],
}


# --- calls get ------------------------------------------------------------------------------------------------------


def test_get_prints_each_field_of_the_call_on_a_line_of_its_own(
    server: Loopback, capsys: pytest.CaptureFixture[str]
) -> None:
    api, url = the_api(server)
    ran = run(capsys, "calls", "get", "call_01HZX", "--base-url", url)
    assert (ran.code, ran.err) == (0, "")
    shown = rows(ran.out)
    assert shown["id"] == "call_01HZX"
    assert shown["status"] == "COMPLETED"
    assert shown["durationSeconds"] == "42"
    assert shown["updatedAt"] == "2026-07-03T15:00:47.123Z"
    assert shown["endedAt"] == "-"  # null
    assert shown["recordingUrl"] == "https://example.test/rec/1"  # a field the SDK does not know
    assert shown["labels"] == '{"team":"vendas","tags":["São Paulo"]}'
    assert "sdpOffer" not in shown  # not asked for, not sent
    columns = {len(line) - len(line.split(":", 1)[1].lstrip()) for line in ran.out.splitlines()}
    assert len(columns) == 1  # the values are aligned in one column
    assert [request.path for request in api.requests] == ["/v1/calls/call_01HZX"]


def test_get_json_prints_the_call_as_the_server_sent_it_with_fields_the_sdk_does_not_know(
    server: Loopback, capsys: pytest.CaptureFixture[str]
) -> None:
    _, url = the_api(server)
    ran = run(capsys, "calls", "get", "call_01HZX", "--json", "--base-url", url)
    assert ran.code == 0
    assert json.loads(ran.out) == CALL


def test_get_json_spells_instants_as_calls_list_json_does(server: Loopback, capsys: pytest.CaptureFixture[str]) -> None:
    call = {**CALL, "createdAt": "2026-07-03T12:00:00.005-03:00", "startedAt": "2026-07-03T15:00:00.000123+00:00"}
    _, url = serve(server, {"/v1/calls/call_01HZX": (200, call)})
    ran = run(capsys, "calls", "get", "call_01HZX", "--json", "--base-url", url)
    printed = json.loads(ran.out)
    assert printed["createdAt"] == "2026-07-03T15:00:00.005Z"  # UTC, Z, milliseconds
    assert printed["startedAt"] == "2026-07-03T15:00:00.000123Z"  # a finer instant is not rounded


def test_get_asks_for_the_sdps_only_with_sdp(server: Loopback, capsys: pytest.CaptureFixture[str]) -> None:
    api, url = serve(server, {"/v1/calls/call_01HZX": (200, CALL_WITH_SDP)})
    assert run(capsys, "calls", "get", "call_01HZX", "--base-url", url).code == 0
    assert run(capsys, "calls", "get", "call_01HZX", "--sdp", "--base-url", url).code == 0
    assert [request.query for request in api.requests] == [{}, {"includeSdp": "1"}]


def test_get_sdp_prints_the_offer_line_by_line_under_its_size_and_a_null_answer_as_a_dash(
    server: Loopback, capsys: pytest.CaptureFixture[str]
) -> None:
    _, url = serve(server, {"/v1/calls/call_01HZX": (200, CALL_WITH_SDP)})
    ran = run(capsys, "calls", "get", "call_01HZX", "--sdp", "--base-url", url)
    assert ran.code == 0
    lines = ran.out.splitlines()
    start = next(index for index, line in enumerate(lines) if line.startswith("sdpOffer:"))
    assert lines[start].split(":", 1)[1].split() == ["5", "lines,", str(len(SDP_OFFER)), "characters"]
    column = len(lines[start]) - len(lines[start].split(":", 1)[1].lstrip())
    offer = lines[start + 1 : start + 6]
    assert [line[column:] for line in offer] == SDP_OFFER.split("\r\n")[:-1]
    assert all(line[:column].isspace() for line in offer)
    assert "\r" not in ran.out
    assert lines[start + 6].split() == ["sdpAnswer:", "-"]


def test_get_sdp_json_has_the_sdps_exactly(server: Loopback, capsys: pytest.CaptureFixture[str]) -> None:
    _, url = serve(server, {"/v1/calls/call_01HZX": (200, CALL_WITH_SDP)})
    ran = run(capsys, "calls", "get", "call_01HZX", "--sdp", "--json", "--base-url", url)
    assert json.loads(ran.out) == CALL_WITH_SDP


def test_get_escapes_control_characters_the_server_sent(server: Loopback, capsys: pytest.CaptureFixture[str]) -> None:
    call = {**CALL_WITH_SDP, "peerNumber": "55\x1b[2J11", "sdpOffer": "v=0\r\ns=\x1b]0;title\x07\r\n"}
    _, url = serve(server, {"/v1/calls/call_01HZX": (200, call)})
    ran = run(capsys, "calls", "get", "call_01HZX", "--sdp", "--base-url", url)
    assert ran.code == 0
    assert "\x1b" not in ran.out
    assert "\x07" not in ran.out
    assert "55\\x1b[2J11" in ran.out
    assert "s=\\x1b]0;title\\x07" in ran.out


def test_a_call_not_on_the_number_is_one_line_naming_it(server: Loopback, capsys: pytest.CaptureFixture[str]) -> None:
    _, url = serve(server, {"/v1/calls/call_gone": (404, {"error": "Call not found", "code": "CALL_NOT_FOUND"})})
    ran = run(capsys, "calls", "get", "call_gone", "--base-url", url)
    ran.assert_one_error_line(1, "no call 'call_gone' on this number", "404 CALL_NOT_FOUND Call not found")
    assert ran.out == ""


@pytest.mark.parametrize(
    ("call_id", "fragment"),
    [
        ("", "CALL_ID must not be empty"),
        ("..", "CALL_ID must not be '.' or '..'"),
        (".", "CALL_ID must not be"),
        ("x" * 70_000, "CALL_ID must be at most 256 characters long"),
        ("   ", "CALL_ID must not be blank"),
        ("\udcff", "CALL_ID holds a lone surrogate ('\\udcff' at position 0)"),  # a byte not UTF-8, as argv decodes it
    ],
    ids=["empty", "dot dot", "dot", "70000 characters", "blank", "not UTF-8"],
)
def test_a_bad_call_id_is_refused_for_a_shell_user_before_any_request(
    server: Loopback, capsys: pytest.CaptureFixture[str], call_id: str, fragment: str
) -> None:
    api, url = the_api(server)
    ran = run(capsys, "calls", "get", call_id, "--base-url", url)
    line = ran.assert_one_error_line(2, fragment, "(call_...)")
    assert "call_id" not in line  # the Python argument's name means nothing in a shell
    assert api.requests == []


def test_a_bad_call_id_is_refused_even_before_the_key_is_looked_for(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    use_key(monkeypatch, None)
    ran = run(capsys, "calls", "get", "..", "--base-url", closed_port_url())
    ran.assert_one_error_line(2, "CALL_ID must not be '.' or '..'")


# --- calls settings -------------------------------------------------------------------------------------------------


def test_settings_prints_a_summary_with_the_call_hours_day_by_day(
    server: Loopback, capsys: pytest.CaptureFixture[str]
) -> None:
    api, url = the_api(server)
    ran = run(capsys, "calls", "settings", "--base-url", url)
    assert (ran.code, ran.err) == (0, "")
    shown = rows(ran.out)
    assert shown["status"] == "ENABLED"
    assert shown["call_icon_visibility"] == "DEFAULT"
    assert shown["callback_permission_status"] == "DISABLED"
    assert shown["call_hours"] == "ENABLED, time zone America/Sao_Paulo"
    assert shown["  MONDAY"] == "08:00-12:00, 14:00-18:00"
    assert shown["  SATURDAY"] == "09:00-13:00"
    assert shown["  holiday 2026-12-25"] == "00:00-23:59"
    assert shown["audio"] == '{"enabled":true}'  # a field Meta added
    assert shown["sip"] == '{"status":"DISABLED"}'
    assert [request.path for request in api.requests] == ["/v1/calls/settings"]


def test_settings_says_call_hours_disabled_mean_calls_at_any_hour(
    server: Loopback, capsys: pytest.CaptureFixture[str]
) -> None:
    calling = {"status": "ENABLED", "call_hours": {"status": "DISABLED"}}
    _, url = serve(server, {"/v1/calls/settings": (200, {"calling": calling})})
    ran = run(capsys, "calls", "settings", "--base-url", url)
    shown = rows(ran.out)
    assert shown["call_hours"] == "DISABLED (calls at any hour)"
    assert shown["call_icon_visibility"] == "-"  # not sent
    assert not any(name.startswith("  ") for name in shown)


def test_settings_json_prints_the_calling_object_as_the_server_sent_it(
    server: Loopback, capsys: pytest.CaptureFixture[str]
) -> None:
    calling = copy.deepcopy(CALLING)
    calling["call_hours"]["weekly_operating_hours"][0]["note"] = "lunch break after"  # nested, unknown
    _, url = serve(server, {"/v1/calls/settings": (200, {"calling": calling})})
    ran = run(capsys, "calls", "settings", "--json", "--base-url", url)
    assert ran.code == 0
    assert json.loads(ran.out) == calling


# --- calls permission -----------------------------------------------------------------------------------------------


def test_permission_prints_its_status_expiry_and_each_action_with_its_limits(
    server: Loopback, capsys: pytest.CaptureFixture[str]
) -> None:
    api, url = the_api(server)
    ran = run(capsys, "calls", "permission", "--to", "+5511999999999", "--base-url", url)
    assert (ran.code, ran.err) == (0, "")
    shown = rows(ran.out)
    assert shown["permission"] == "temporary, expires 2026-01-16T08:00:00.000Z"
    assert shown["  start_call"] == "can (2 of 5 used per PT24H)"
    assert shown["  send_call_permission_request"] == (
        "cannot (1 of 1 used per P1D, resets 2026-01-16T08:00:00.000Z; 1 of 2 used per P7D)"
    )
    assert shown["business_number"] == "5511888888888"
    assert [(request.path, request.query) for request in api.requests] == [
        ("/v1/calls/permissions", {"to": "+5511999999999"})
    ]


def test_a_permission_without_expiry_shows_none(server: Loopback, capsys: pytest.CaptureFixture[str]) -> None:
    body = {"permission": {"status": "no_permission"}, "actions": [{"action_name": "start_call"}]}
    _, url = serve(server, {"/v1/calls/permissions": (200, body)})
    ran = run(capsys, "calls", "permission", "--to", "5511999999999", "--base-url", url)
    shown = rows(ran.out)
    assert shown["permission"] == "no_permission"
    assert shown["  start_call"] == "-"  # can_perform_action not sent: neither can nor cannot


def test_permission_json_prints_the_answer_as_the_server_sent_it(
    server: Loopback, capsys: pytest.CaptureFixture[str]
) -> None:
    _, url = the_api(server)
    ran = run(capsys, "calls", "permission", "--to", "+5511999999999", "--json", "--base-url", url)
    assert ran.code == 0
    assert json.loads(ran.out) == PERMISSION


@pytest.mark.parametrize("to", ["abc", "", "+55 11 99999-9999", "551199", "++5511999999999"])
def test_a_bad_to_is_refused_for_a_shell_user_before_any_request(
    server: Loopback, capsys: pytest.CaptureFixture[str], to: str
) -> None:
    api, url = the_api(server)
    ran = run(capsys, "calls", "permission", "--to", to, "--base-url", url)
    line = ran.assert_one_error_line(2, f"--to {to!r} is not a phone number", "--to +5511999999999")
    assert "to=" not in line  # the Python argument means nothing in a shell
    assert api.requests == []


def test_permission_needs_to(capsys: pytest.CaptureFixture[str]) -> None:
    ran = run(capsys, "calls", "permission")
    assert ran.code == 2
    assert "--to" in ran.err


# --- what every command shares --------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", COMMANDS.values(), ids=COMMANDS.keys())
@pytest.mark.parametrize("where", ["after", "before"])
def test_whatsapp_number_id_is_sent_as_the_header(
    server: Loopback, capsys: pytest.CaptureFixture[str], command: list[str], where: str
) -> None:
    api, url = the_api(server)
    option = ["--whatsapp-number-id", "wn_1"]
    argv = [*command, *option] if where == "after" else [*option, *command]
    assert run(capsys, *argv, "--base-url", url).code == 0
    assert [request.headers.get("x-whatsapp-number-id") for request in api.requests] == ["wn_1"]


@pytest.mark.parametrize("command", COMMANDS.values(), ids=COMMANDS.keys())
def test_the_number_comes_from_the_environment_unless_an_option_gives_it(
    server: Loopback, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    api, url = the_api(server)
    assert run(capsys, *command, "--base-url", url).code == 0
    monkeypatch.setenv(NUMBER_ID_ENV, "")
    assert run(capsys, *command, "--base-url", url).code == 0
    monkeypatch.setenv(NUMBER_ID_ENV, "wn_env")
    assert run(capsys, *command, "--base-url", url).code == 0
    assert run(capsys, *command, "--base-url", url, "--whatsapp-number-id", "wn_option").code == 0
    assert [request.headers.get("x-whatsapp-number-id") for request in api.requests] == [
        None,
        None,
        "wn_env",
        "wn_option",
    ]


def test_a_bad_whatsapp_number_id_is_one_line_and_exit_2(server: Loopback, capsys: pytest.CaptureFixture[str]) -> None:
    api, url = the_api(server)
    ran = run(capsys, "calls", "settings", "--whatsapp-number-id", " wn_1", "--base-url", url)
    ran.assert_one_error_line(2, "whatsapp_number_id")
    assert api.requests == []


@pytest.mark.parametrize("command", COMMANDS.values(), ids=COMMANDS.keys())
@pytest.mark.parametrize(
    ("status", "body", "fragment"),
    [
        (
            400,
            {
                "error": "Calling is only supported for Meta Cloud API and Pilot Status (web) numbers.",
                "code": "FEATURE_NOT_SUPPORTED",
            },
            "400 FEATURE_NOT_SUPPORTED Calling is only supported",
        ),
        (401, {"error": "Unauthorized"}, "401 Unauthorized"),
        (409, {"error": "Not connected", "code": "WHATSAPP_INSTANCE_NOT_CONNECTED"}, "409"),
        (500, {"error": "boom\nwith\ttraceback-like lines"}, "500 boom with traceback-like lines"),
    ],
    ids=["feature-not-supported", "unauthorized", "not-connected", "server-error"],
)
def test_each_api_error_is_one_line_and_exit_1(
    server: Loopback,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
    status: int,
    body: object,
    fragment: str,
) -> None:
    paths = ["/v1/calls/call_01HZX", "/v1/calls/settings", "/v1/calls/permissions"]
    _, url = serve(server, dict.fromkeys(paths, (status, body)))
    ran = run(capsys, *command, "--base-url", url, "--max-retries", "0")
    ran.assert_one_error_line(1, fragment)
    assert ran.out == ""


@pytest.mark.parametrize("command", COMMANDS.values(), ids=COMMANDS.keys())
def test_a_tenant_key_without_a_number_is_told_how_to_name_one(
    server: Loopback, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    body = {"error": "Use a number key", "code": "TENANT_SCOPE_NOT_ALLOWED"}
    paths = ["/v1/calls/call_01HZX", "/v1/calls/settings", "/v1/calls/permissions"]
    _, url = serve(server, dict.fromkeys(paths, (403, body)))
    ran = run(capsys, *command, "--base-url", url)
    ran.assert_one_error_line(1, "403 TENANT_SCOPE_NOT_ALLOWED", "--whatsapp-number-id ID", NUMBER_ID_ENV)


@pytest.mark.parametrize("command", COMMANDS.values(), ids=COMMANDS.keys())
def test_a_key_the_server_echoes_back_is_not_printed(
    server: Loopback, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    paths = ["/v1/calls/call_01HZX", "/v1/calls/settings", "/v1/calls/permissions"]
    _, url = serve(server, dict.fromkeys(paths, (401, {"error": f"Invalid key {KEY}"})))
    line = run(capsys, *command, "--base-url", url).assert_one_error_line(1, "401 Invalid key")
    assert "[redacted]" in line


@pytest.mark.parametrize("command", COMMANDS.values(), ids=COMMANDS.keys())
@pytest.mark.parametrize("json_output", [False, True], ids=["readable", "json"])
def test_the_key_is_not_in_the_output_of_a_command_that_succeeds(
    server: Loopback, capsys: pytest.CaptureFixture[str], command: list[str], json_output: bool
) -> None:
    _, url = the_api(server)
    ran = run(capsys, *command, *(["--json"] if json_output else []), "--base-url", url)
    assert ran.code == 0
    assert KEY not in ran.out + ran.err
    assert "SECRET" not in ran.out + ran.err


@pytest.mark.parametrize("command", COMMANDS.values(), ids=COMMANDS.keys())
def test_no_server_listening_is_one_line_naming_the_address_and_exit_1(
    capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    url = closed_port_url()
    run(capsys, *command, "--base-url", url).assert_one_error_line(1, f"Could not connect to {url[len('http://') :]}")


@pytest.mark.parametrize("command", COMMANDS.values(), ids=COMMANDS.keys())
def test_a_missing_key_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    use_key(monkeypatch, None)
    run(capsys, *command, "--base-url", closed_port_url()).assert_one_error_line(2, "No API key")


def test_calls_help_lists_the_read_only_commands_and_no_command_that_changes_anything(
    capsys: pytest.CaptureFixture[str],
) -> None:
    ran = run(capsys, "calls", "--help")
    assert ran.code == 0
    listed = ran.out.split("COMMAND\n", 1)[1].split("\n\n")[0].split()
    assert {"list", "export", "get", "settings", "permission"} <= set(listed)
    for action in ("create", "accept", "pre-accept", "reject", "terminate", "play", "realtime-session", "update"):
        assert action not in listed
        assert run(capsys, "calls", action).code == 2


@pytest.mark.parametrize("command", COMMANDS.keys())
def test_each_command_has_help_with_the_connection_options_and_the_key_note(
    capsys: pytest.CaptureFixture[str], command: str
) -> None:
    ran = run(capsys, "calls", command, "--help")
    assert ran.code == 0
    text = " ".join(ran.out.split())
    for option in ("--json", "--base-url", "--timeout", "--max-retries", "--whatsapp-number-id"):
        assert option in text
    assert "read from the environment only: PILOT_STATUS_API_KEY" in text
    assert "--api-key" not in text


def test_get_json_leaves_a_timestamp_it_cannot_read_as_the_server_sent_it(
    server: Loopback, capsys: pytest.CaptureFixture[str]
) -> None:
    call = {**CALL, "startedAt": "soon", "endedAt": "2026-07-03T15:00:47"}  # not an instant; no zone
    _, url = serve(server, {"/v1/calls/call_01HZX": (200, call)})
    ran = run(capsys, "calls", "get", "call_01HZX", "--json", "--base-url", url)
    assert (ran.code, ran.err) == (0, "")
    assert json.loads(ran.out) == call
