"""The `pilotstatus` command: `calls list`, the global options, `sandbox`, and how every failure is reported (one
line on stderr, no traceback, never the key), run in-process against a loopback HTTP server."""

from __future__ import annotations

import datetime
import json
import os
import subprocess
import sys
import types
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

import pilotstatus._cli._list
from pilotstatus import __version__
from pilotstatus._cli._formats import api_instant
from tests._clients import KEY
from tests._command import (
    ERROR_PREFIX,
    Loopback,
    at,
    closed_port_url,
    export_dataset,
    loopback_server,
    newest_first,
    run,
    use_key,
)
from tests._fake_api import FakeCallsAPI, call_body, dataset, iso


@pytest.fixture(autouse=True)
def environment(monkeypatch: pytest.MonkeyPatch) -> None:
    use_key(monkeypatch)


@pytest.fixture(scope="module")
def server() -> Iterator[Loopback]:
    with loopback_server() as loopback:
        yield loopback


@pytest.fixture
def loopback(server: Loopback) -> Loopback:
    return server


def one_response(status: int, body: object, **headers: str) -> Callable[[httpx.Request], httpx.Response]:
    return lambda request: httpx.Response(status, json=body, headers=headers)


# --- calls list -----------------------------------------------------------------------------------------------------


def test_list_prints_every_call_of_the_page_in_an_aligned_table_under_a_heading(
    loopback: Loopback,
    capsys: pytest.CaptureFixture[str],
) -> None:
    calls = export_dataset()
    url = loopback.serve(FakeCallsAPI(calls).handler)
    ran = run(capsys, "--base-url", url, "calls", "list", "--limit", "20")
    assert ran.code == 0
    heading, *rows = ran.out.splitlines()
    assert heading.split() == ["createdAt", "id", "direction", "status", "peerNumber", "durationSeconds", "endedAt"]
    page = newest_first(calls)[:20]
    assert [row.split()[1] for row in rows] == [call["id"] for call in page]
    for row, call in zip(rows, page, strict=True):
        assert row.startswith(call["createdAt"] + "  ")  # the API's own spelling, ready for --before
    columns = [heading.index(name) for name in ("id", "direction", "status")]
    assert all(row[column - 1] == " " and row[column] != " " for row in rows for column in columns)


def test_list_shows_null_and_absent_fields_as_a_dash(loopback: Loopback, capsys: pytest.CaptureFixture[str]) -> None:
    calls = [call_body("call_null", at(1), durationSeconds=None, endedAt=None)]
    url = loopback.serve(FakeCallsAPI(calls).handler)
    ran = run(capsys, "calls", "list", "--base-url", url)
    assert ran.out.splitlines()[1].split()[-2:] == ["-", "-"]


def test_list_escapes_control_characters_the_server_sent(
    loopback: Loopback, capsys: pytest.CaptureFixture[str]
) -> None:
    calls = [call_body("call_1", at(1), peerNumber="55\x1b[2J11\r99")]
    url = loopback.serve(FakeCallsAPI(calls).handler)
    ran = run(capsys, "calls", "list", "--base-url", url)
    assert "\x1b" not in ran.out
    assert "\r" not in ran.out
    assert "55\\x1b[2J11" in ran.out


def test_list_json_prints_each_call_as_the_api_sent_it_keeping_fields_the_sdk_does_not_know(
    loopback: Loopback,
    capsys: pytest.CaptureFixture[str],
) -> None:
    calls = export_dataset()
    url = loopback.serve(FakeCallsAPI(calls).handler)
    ran = run(capsys, "calls", "list", "--json", "--limit", "100", "--base-url", url)
    assert ran.code == 0
    printed = json.loads(ran.out)
    assert list(printed) == ["calls"]
    assert printed["calls"] == newest_first(calls)  # field for field, timestamps spelled as the API does
    assert any(call.get("recordingUrl") == "https://example.test/rec/6" for call in printed["calls"])


def test_list_json_includes_the_notice_of_a_privacy_mode_list(
    loopback: Loopback, capsys: pytest.CaptureFixture[str]
) -> None:
    url = loopback.serve(one_response(200, {"calls": [], "notice": "PII_RELAY_ONLY"}))
    ran = run(capsys, "calls", "list", "--json", "--base-url", url)
    assert json.loads(ran.out) == {"calls": [], "notice": "PII_RELAY_ONLY"}


def test_list_tells_on_stderr_of_the_notice_in_table_form(
    loopback: Loopback, capsys: pytest.CaptureFixture[str]
) -> None:
    url = loopback.serve(one_response(200, {"calls": [], "notice": "PII_RELAY_ONLY"}))
    ran = run(capsys, "calls", "list", "--base-url", url)
    assert ran.code == 0
    assert ran.err_lines == ["notice: PII_RELAY_ONLY"]


def test_list_says_on_stderr_how_to_get_the_next_page_and_nothing_after_the_last(
    loopback: Loopback,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = loopback.serve(FakeCallsAPI(dataset([0, 1, 2, 3, 4])).handler)
    more = run(capsys, "calls", "list", "--limit", "3", "--base-url", url)
    last = run(capsys, "calls", "list", "--limit", "6", "--base-url", url)
    assert more.err_lines == [
        f"more calls: add --before {iso(at(3))} (the last call shown here comes again on that page;"
        " `pilotstatus calls export` gets every call exactly once)"
    ]
    assert last.err == ""


def follow_hints(capsys: pytest.CaptureFixture[str], url: str, limit: int) -> tuple[list[str], list[str]]:
    """Page as a person would, with the --before each page's hint gives; return the ids seen and the hints."""
    seen: list[str] = []
    hints: list[str] = []
    before: list[str] = []
    while True:
        ran = run(capsys, "calls", "list", "--limit", str(limit), "--json", "--base-url", url, *before)
        assert ran.code == 0
        seen += [call["id"] for call in json.loads(ran.out)["calls"]]
        if not ran.err:
            return seen, hints
        hints.append(ran.err)
        next_before = ran.err.split("--before ")[1].split()[0]
        assert not before or next_before < before[1], "the hint does not move on"
        before = ["--before", next_before]


def test_following_the_next_page_hints_loses_no_call_across_equal_timestamps(
    loopback: Loopback,
    capsys: pytest.CaptureFixture[str],
) -> None:
    calls = export_dataset()  # runs of 7 and 12 calls at one millisecond
    url = loopback.serve(FakeCallsAPI(calls).handler)
    seen, hints = follow_hints(capsys, url, limit=13)
    assert set(seen) == {call["id"] for call in calls}
    assert len(seen) > len(calls)  # the calls of a page's last millisecond come again, as the hints say
    assert all("again on that page" in hint for hint in hints)


def test_when_a_whole_page_shares_one_millisecond_the_hint_moves_past_it_and_says_so(
    loopback: Loopback,
    capsys: pytest.CaptureFixture[str],
) -> None:
    calls = export_dataset()
    url = loopback.serve(FakeCallsAPI(calls).handler)
    seen, hints = follow_hints(capsys, url, limit=5)
    skipping = [hint for hint in hints if "any more of them are skipped" in hint]
    assert skipping, hints
    skipped_instants = {hint.split("--before ")[1].split()[0] for hint in skipping}
    assert skipped_instants == {iso(at(8)), iso(at(5))}
    assert {call["id"] for call in calls if call["createdAt"] not in skipped_instants} <= set(seen)


def test_list_sends_before_and_limit_as_the_api_expects(loopback: Loopback, capsys: pytest.CaptureFixture[str]) -> None:
    api = FakeCallsAPI(dataset(range(10)))
    url = loopback.serve(api.handler)
    ran = run(capsys, "calls", "list", "--before", "2026-01-29T09:00:00.005-03:00", "--limit", "2", "--base-url", url)
    assert ran.code == 0
    assert api.requests == [{"limit": "2", "before": iso(at(5))}]
    assert [row.split()[1] for row in ran.out.splitlines()[1:]] == ["call_4", "call_3"]


# --- global options -------------------------------------------------------------------------------------------------


def test_connection_options_are_taken_before_or_after_the_command(
    loopback: Loopback, capsys: pytest.CaptureFixture[str]
) -> None:
    url = loopback.serve(one_response(500, {"error": "boom"}))
    before = run(capsys, "--base-url", url, "--max-retries", "0", "calls", "list")
    after = run(capsys, "calls", "list", "--base-url", url, "--max-retries", "0")
    mixed = run(capsys, "--base-url", url, "calls", "list", "--max-retries", "0")
    for ran in (before, after, mixed):
        ran.assert_one_error_line(1, "500 boom")


def test_an_option_after_the_command_does_not_reset_one_given_before_it(
    loopback: Loopback, capsys: pytest.CaptureFixture[str], sleeps: object
) -> None:
    requests: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        return httpx.Response(503, json={"error": "busy"})

    url = loopback.serve(handler)
    ran = run(capsys, "--max-retries", "3", "calls", "list", "--base-url", url)
    ran.assert_one_error_line(1, "503 busy")
    assert len(requests) == 4  # --max-retries 3 from before the command still holds


def test_the_base_url_comes_from_the_environment_when_no_option_gives_it(
    loopback: Loopback, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url = loopback.serve(FakeCallsAPI(dataset([1])).handler)
    monkeypatch.setenv("PILOT_STATUS_BASE_URL", url)
    ran = run(capsys, "calls", "list")
    assert ran.code == 0
    assert "call_0" in ran.out


def test_version_prints_the_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    ran = run(capsys, "--version")
    assert (ran.code, ran.out.strip()) == (0, f"pilotstatus {__version__}")


def test_help_says_the_key_comes_from_the_environment_only(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ([], ["calls"], ["calls", "list"], ["calls", "export"]):
        ran = run(capsys, *command, "--help")
        assert ran.code == 0
        text = " ".join(ran.out.split())
        assert "read from the environment only: PILOT_STATUS_API_KEY" in text
        assert "--api-key" not in text


@pytest.mark.parametrize(
    "arguments",
    [["calls", "list", "--api-key", KEY], ["--api-key", KEY, "calls", "list"], ["calls", "list", f"--api-key={KEY}"]],
)
def test_there_is_no_option_to_pass_the_key_and_the_usage_error_does_not_repeat_it(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, arguments: list[str]
) -> None:
    use_key(monkeypatch, None)
    ran = run(capsys, *arguments)
    assert ran.code == 2
    assert ran.err.startswith("usage: pilotstatus")
    assert KEY not in ran.err
    assert "ps_****CRET" in ran.err
    assert "Traceback" not in ran.err


# --- failures: one line each ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "body", "fragments"),
    [
        (401, {"error": "Unauthorized"}, ["401 Unauthorized"]),
        (400, {"error": "Calling is not supported", "code": "FEATURE_NOT_SUPPORTED"}, ["400 FEATURE_NOT_SUPPORTED"]),
        (403, {"error": "Wrong scope", "code": "TENANT_SCOPE_NOT_ALLOWED"}, ["403 TENANT_SCOPE_NOT_ALLOWED"]),
        (404, {"error": "Not found"}, ["404 Not found"]),
        (429, {"error": "Too many requests"}, ["429 Too many requests"]),
        (
            500,
            {"error": "Internal error\nwith\ttraceback-like lines"},
            ["500 Internal error with traceback-like lines"],
        ),
        (502, "<html><body>Bad gateway</body></html>", ["502"]),
        (200, {"calls": [{"id": 7}]}, ["does not parse"]),  # a 2xx body that is not a call list
    ],
)
@pytest.mark.parametrize("command", [["calls", "list"], ["calls", "export", "--output", "-"]])
def test_each_api_error_prints_exactly_one_line_without_traceback_or_key_and_exits_1(
    loopback: Loopback,
    capsys: pytest.CaptureFixture[str],
    status: int,
    body: object,
    fragments: list[str],
    command: list[str],
) -> None:
    url = loopback.serve(one_response(status, body))
    ran = run(capsys, *command, "--base-url", url, "--max-retries", "0")
    ran.assert_one_error_line(1, *fragments)
    assert ran.out == ""


def test_a_key_the_server_echoes_back_is_not_printed(loopback: Loopback, capsys: pytest.CaptureFixture[str]) -> None:
    url = loopback.serve(one_response(401, {"error": f"Invalid key {KEY}"}, **{"x-echo": KEY}))
    ran = run(capsys, "calls", "list", "--base-url", url)
    line = ran.assert_one_error_line(1, "401 Invalid key")
    assert "[redacted]" in line


def test_no_server_listening_prints_one_line_naming_the_address_and_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    url = closed_port_url()
    ran = run(capsys, "calls", "list", "--base-url", url)
    ran.assert_one_error_line(1, f"Could not connect to {url[len('http://') :]} (ConnectError: ")


def test_a_missing_key_prints_one_line_naming_the_environment_variables_and_exits_2(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    use_key(monkeypatch, None)
    for command in (["calls", "list"], ["calls", "export", "--output", "-"]):
        ran = run(capsys, *command, "--base-url", closed_port_url())
        ran.assert_one_error_line(2, "No API key", "PILOT_STATUS_API_KEY", "PILOT_STATUS_API_KEY_ID")


def test_a_missing_key_is_explained_for_a_shell_user_not_for_python_code(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    use_key(monkeypatch, None)
    line = run(capsys, "calls", "list", "--base-url", closed_port_url()).assert_one_error_line(2)
    assert "set PILOT_STATUS_API_KEY in the environment to your key (the one starting with 'ps_')" in line
    assert "api_key=" not in line
    assert "api_key_id=" not in line


@pytest.mark.parametrize(
    ("arguments", "flag"),
    [
        (["calls", "list", "--before", "2026-01-29T12:00:00"], "--before"),
        (["calls", "export", "--since", "2026-01-01T00:00:00", "--output", "-"], "--since"),
        (["calls", "export", "--until", "2026-01-01", "--output", "-"], "--until"),
    ],
)
def test_an_instant_without_a_zone_is_explained_with_an_option_that_has_one(
    capsys: pytest.CaptureFixture[str], arguments: list[str], flag: str
) -> None:
    ran = run(capsys, "--base-url", closed_port_url(), *arguments)
    line = ran.assert_one_error_line(2, f"{flag} has no time zone", f"{flag} 2026-01-01T00:00:00Z")
    assert "tzinfo" not in line
    assert "datetime" not in line


@pytest.mark.parametrize(
    ("headers", "body", "wait"),
    [
        ({"retry-after": "3600"}, {"error": "Too many requests"}, "retry after 3600 s"),
        ({}, {"error": "Too many requests", "retryAfterSeconds": 90.5}, "retry after 90.5 s"),
        ({}, {"error": "Too many requests"}, None),
    ],
    ids=["header", "body", "unknown"],
)
@pytest.mark.parametrize("command", [["calls", "list"], ["calls", "export", "--output", "-"]])
def test_a_rate_limit_says_how_long_to_wait_when_the_server_says(
    loopback: Loopback,
    capsys: pytest.CaptureFixture[str],
    headers: dict[str, str],
    body: object,
    wait: str | None,
    command: list[str],
) -> None:
    url = loopback.serve(one_response(429, body, **headers))
    line = run(capsys, *command, "--base-url", url).assert_one_error_line(1, "429 Too many requests")
    if wait is None:
        assert "retry after" not in line
    else:
        assert line.endswith(f"({wait})")


@pytest.mark.parametrize("command", [["calls", "list"], ["calls", "export", "--output", "-"]])
@pytest.mark.parametrize("variable", ["PILOT_STATUS_API_KEY", "PILOT_STATUS_API_KEY_ID"])
def test_a_refused_key_says_which_variable_holds_it_and_that_it_must_match_the_deployment(
    loopback: Loopback,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    command: list[str],
    variable: str,
) -> None:
    use_key(monkeypatch, None)
    monkeypatch.setenv(variable, KEY if variable == "PILOT_STATUS_API_KEY" else "ck_0123456789SECRET")
    url = loopback.serve(one_response(401, {"error": "Unauthorized"}))
    line = run(capsys, *command, "--base-url", url, "--max-retries", "0").assert_one_error_line(1)
    assert line.startswith(f"{ERROR_PREFIX}401 Unauthorized (the API at {url} refused the key in {variable}: ")
    assert "a sandbox's demo key to the sandbox and a real key to https://pilotstatus.com.br" in line
    assert "PILOT_STATUS_BASE_URL or --base-url says where requests go" in line
    assert "SECRET" not in line


@pytest.mark.parametrize(
    ("number", "fragment"),
    [
        (None, "a tenant key on the number named with --whatsapp-number-id ID or $PILOT_STATUS_WHATSAPP_NUMBER_ID"),
        ("num_other", "a tenant key on a number of its account, here num_other (from --whatsapp-number-id"),
    ],
    ids=["no-number", "a-number"],
)
def test_a_forbidden_request_says_to_check_the_key_s_scope_and_the_number(
    loopback: Loopback, capsys: pytest.CaptureFixture[str], number: str | None, fragment: str
) -> None:
    url = loopback.serve(one_response(403, {"error": "Forbidden"}))
    options = [] if number is None else ["--whatsapp-number-id", number]
    line = run(capsys, "calls", "settings", "--base-url", url, *options).assert_one_error_line(1, "403 Forbidden (")
    assert "the key in PILOT_STATUS_API_KEY is valid but may not do this: check its scope" in line
    assert fragment in line


@pytest.mark.parametrize("variable", ["PILOT_STATUS_API_KEY", "PILOT_STATUS_API_KEY_ID"])
def test_a_demo_key_without_a_base_url_says_to_set_the_sandbox_s_address_before_sending_anything(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    use_key(monkeypatch, None)
    monkeypatch.setenv(variable, "ps_sandbox_meta_number" if variable == "PILOT_STATUS_API_KEY" else "ck_sandbox_web")
    for command in (["calls", "list"], ["calls", "export", "--output", "-"]):
        line = run(capsys, *command).assert_one_error_line(2)
        assert line == (
            f"{ERROR_PREFIX}{variable} holds one of the sandbox's demo keys, but the base URL is the production API's,"
            " which does not know them: set PILOT_STATUS_BASE_URL (or --base-url) to your sandbox's address, such as"
            " http://127.0.0.1:8080 (`pilotstatus sandbox` prints it)"
        )


def test_a_malformed_key_is_refused_in_one_line_that_does_not_show_it(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    use_key(monkeypatch, "sk_live_0123456789abcdefSECRET")
    ran = run(capsys, "calls", "list", "--base-url", closed_port_url())
    line = ran.assert_one_error_line(2, "must start with 'ps_'")
    assert "SECRET" not in line


@pytest.mark.parametrize(
    ("arguments", "fragment"),
    [
        (["calls", "list", "--before", "yesterday"], "before='yesterday' is not an ISO 8601 date-time"),
        (["calls", "list", "--before", "2026-01-29T12:00:00"], "has no time zone"),
        (["calls", "list", "--limit", "0"], "limit=0 is outside 1..100"),
        (["calls", "list", "--limit", "101"], "limit=101 is outside 1..100"),
        (["--timeout", "0", "calls", "list"], "timeout must be a number of seconds above 0"),
        (["--max-retries", "-1", "calls", "list"], "max_retries must be a whole number >= 0"),
        (["--base-url", "ftp://example.test", "calls", "list"], "base_url must be an http(s) address"),
    ],
)
def test_a_bad_argument_prints_one_line_and_exits_2(
    capsys: pytest.CaptureFixture[str], arguments: list[str], fragment: str
) -> None:
    if "--base-url" not in arguments:
        arguments = ["--base-url", closed_port_url(), *arguments]
    run(capsys, *arguments).assert_one_error_line(2, fragment)


@pytest.mark.parametrize(
    "arguments",
    [[], ["calls"], ["nope"], ["calls", "list", "--limit", "many"], ["calls", "list", "--bogus"]],
)
def test_a_command_line_argparse_cannot_read_exits_2_with_its_usage(
    capsys: pytest.CaptureFixture[str], arguments: list[str]
) -> None:
    ran = run(capsys, *arguments)
    assert ran.code == 2
    assert ran.err.startswith("usage: pilotstatus")
    assert "Traceback" not in ran.err


def test_a_failure_nobody_foresaw_is_still_one_line_without_the_key(
    loopback: Loopback, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(calls: object) -> str:
        raise RuntimeError(f"bug while holding {KEY}")

    monkeypatch.setattr(pilotstatus._cli._list, "table", broken)
    url = loopback.serve(FakeCallsAPI(dataset([1])).handler)
    ran = run(capsys, "calls", "list", "--base-url", url)
    ran.assert_one_error_line(1, "unexpected RuntimeError: bug while holding [redacted]")


def test_ctrl_c_during_list_prints_one_line_and_exits_130(
    loopback: Loopback, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(calls: object) -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr(pilotstatus._cli._list, "table", interrupted)
    url = loopback.serve(FakeCallsAPI(dataset([1])).handler)
    ran = run(capsys, "calls", "list", "--base-url", url)
    ran.assert_one_error_line(130, "interrupted")


class ClosedPipe:
    """A stdout whose reader has gone, as after `pilotstatus calls list | head -1`."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")

    def flush(self) -> None:
        raise BrokenPipeError(32, "Broken pipe")


@pytest.mark.parametrize("command", [["calls", "list"], ["calls", "export", "--output", "-", "--no-progress"]])
def test_a_closed_stdout_pipe_ends_the_command_quietly(
    loopback: Loopback, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    url = loopback.serve(FakeCallsAPI(dataset(range(30))).handler)
    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    ran = run(capsys, *command, "--base-url", url)
    assert ran.code == 141
    assert ran.err == ""


# --- sandbox --------------------------------------------------------------------------------------------------------


def test_sandbox_without_its_extra_prints_how_to_install_it_and_exits_2(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pilotstatus_sandbox._server", None)  # as if the extra were not installed
    ran = run(capsys, "sandbox")
    assert ran.assert_one_error_line(2) == (
        ERROR_PREFIX + "the sandbox needs its extra: pip install 'pilotstatus[sandbox]'"
    )


def test_sandbox_serves_with_the_options_given(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    served: list[dict[str, object]] = []
    fake = types.ModuleType("pilotstatus_sandbox._server")
    fake.serve = lambda **options: served.append(options)  # type: ignore[attr-defined]
    fake.ListenError = OSError  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "pilotstatus_sandbox._server", fake)
    default = run(capsys, "sandbox")
    chosen = run(
        capsys,
        "sandbox",
        *("--host", "0.0.0.0", "--port", "9000", "--calls", "10", "--messages", "30", "--seed", "3"),
        *("--rate-limit", "2.5"),
    )
    assert (default.code, chosen.code) == (0, 0)
    assert served == [
        {"host": "127.0.0.1", "port": 8080, "calls": 5000, "messages": 200, "seed": 7, "rate_limit": None},
        {"host": "0.0.0.0", "port": 9000, "calls": 10, "messages": 30, "seed": 3, "rate_limit": 2.5},
    ]


def test_sandbox_stopped_with_ctrl_c_exits_0_quietly(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def serve_until_interrupted(**options: object) -> None:
        raise KeyboardInterrupt

    fake = types.ModuleType("pilotstatus_sandbox._server")
    fake.serve = serve_until_interrupted  # type: ignore[attr-defined]
    fake.ListenError = OSError  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "pilotstatus_sandbox._server", fake)
    ran = run(capsys, "sandbox")
    assert (ran.code, ran.err) == (0, "")


@pytest.mark.parametrize(
    "arguments", [["--port", "70000"], ["--port", "http"], ["--calls", "-1"], ["--rate-limit", "0"], ["--seed", "x"]]
)
def test_sandbox_options_out_of_range_are_usage_errors(
    capsys: pytest.CaptureFixture[str], arguments: list[str]
) -> None:
    ran = run(capsys, "sandbox", *arguments)
    assert ran.code == 2
    assert ran.err.startswith("usage: pilotstatus sandbox")


# --- the installed command ------------------------------------------------------------------------------------------

BIN = Path(sys.executable).parent


def command_environment() -> dict[str, str]:
    return {name: value for name, value in os.environ.items() if not name.startswith("PILOT_STATUS_")}


@pytest.mark.parametrize("command", [[str(BIN / "pilotstatus")], [sys.executable, "-m", "pilotstatus"]])
def test_the_installed_command_prints_its_version_and_fails_in_one_line(command: list[str]) -> None:
    version = subprocess.run([*command, "--version"], capture_output=True, text=True, check=False)
    assert (version.returncode, version.stdout.strip()) == (0, f"pilotstatus {__version__}")
    failed = subprocess.run(
        [*command, "calls", "list"], capture_output=True, text=True, check=False, env=command_environment()
    )
    assert failed.returncode == 2
    assert failed.stderr.startswith(ERROR_PREFIX + "No API key")
    assert len(failed.stderr.splitlines()) == 1
    assert "PILOT_STATUS_API_KEY" in failed.stderr
    assert "Traceback" not in failed.stderr


_MINUS_3 = datetime.timezone(datetime.timedelta(hours=-3))


@pytest.mark.parametrize(
    ("instant", "written"),
    [
        (datetime.datetime(2026, 7, 3, 15, 0, tzinfo=datetime.UTC), "2026-07-03T15:00:00.000Z"),
        (datetime.datetime(2026, 7, 3, 12, 0, 0, 5000, tzinfo=_MINUS_3), "2026-07-03T15:00:00.005Z"),
        (datetime.datetime(2026, 7, 3, 15, 0, 0, 123456, tzinfo=datetime.UTC), "2026-07-03T15:00:00.123456Z"),
    ],
)
def test_instants_are_written_as_the_api_writes_them_without_losing_precision(
    instant: datetime.datetime, written: str
) -> None:
    assert api_instant(instant) == written
