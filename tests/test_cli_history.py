"""`pilotstatus messages history`: every message of a window, newest first, each exactly once while messages arrive,
streamed as an aligned table or as JSON lines, with a count on stderr on a long walk and one error line on failure."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest

import pilotstatus._cli._history
import pilotstatus._cli._progress
from tests._command import Loopback, Ran, loopback_server, run, use_key
from tests._numbered_pages import Arrive, NumberedServer, Row, Tick, body, rows_at


@pytest.fixture(autouse=True)
def environment(monkeypatch: pytest.MonkeyPatch) -> None:
    use_key(monkeypatch)


@pytest.fixture(scope="module")
def server() -> Iterator[Loopback]:
    with loopback_server() as loopback:
        yield loopback


def history(capsys: pytest.CaptureFixture[str], url: str, *options: str) -> Ran:
    return run(capsys, "messages", "history", "--base-url", url, *options)


def test_the_table_has_a_heading_then_one_row_a_message_newest_first(
    capsys: pytest.CaptureFixture[str], server: Loopback
) -> None:
    rows = rows_at([0, 1000, 2000])
    url = server.serve(NumberedServer("history", rows).handler)
    ran = history(capsys, url, "--no-progress")
    assert ran.code == 0, ran.err
    heading, *lines = ran.out.splitlines()
    assert heading.split() == [
        "providerTimestamp",
        "direction",
        "status",
        "messageType",
        "participantPhone",
        "id",
        "text",
    ]
    assert [line.split()[0] for line in lines] == [
        "2026-01-29T12:00:02.000Z",
        "2026-01-29T12:00:01.000Z",
        "2026-01-29T12:00:00.000Z",
    ]
    assert lines[0].split()[1:] == ["INBOUND", "DELIVERED", "text", "-", "item_000002", "hello", "item_000002"]
    assert {len(line) - len(line.split("hello")[1]) for line in lines} == {len(lines[0]) - len(" item_000002")}
    assert ran.err == "3 messages\n"


def test_json_is_one_line_a_message_with_every_field_the_server_sent(
    capsys: pytest.CaptureFixture[str], server: Loopback
) -> None:
    fake = NumberedServer("history", rows_at([0, 1]))

    def handler(request: httpx.Request) -> httpx.Response:
        answer = json.loads(fake.handler(request).content)
        answer["messages"][0]["reaction"] = {"emoji": "👍"}  # a field the spec does not know
        return httpx.Response(200, json=answer)

    ran = history(capsys, server.serve(handler), "--json", "--no-progress")
    assert ran.code == 0, ran.err
    lines = [json.loads(line) for line in ran.out.splitlines()]
    assert lines == [
        {**body("history", Row("item_000001", 1)), "reaction": {"emoji": "👍"}},
        body("history", Row("item_000000", 0)),
    ]
    assert ran.out.splitlines()[1] == json.dumps(lines[1], separators=(",", ":"), ensure_ascii=False)


def test_since_and_until_are_the_inclusive_bounds_sent(capsys: pytest.CaptureFixture[str], server: Loopback) -> None:
    fake = NumberedServer("history", rows_at(range(0, 5000, 1000)))
    url = server.serve(fake.handler)
    ran = history(capsys, url, "--since", "2026-01-29T12:00:01Z", "--until", "2026-01-29T09:00:03-03:00", "--json")
    assert ran.code == 0, ran.err
    assert [json.loads(line)["id"] for line in ran.out.splitlines()] == ["item_000003", "item_000002", "item_000001"]
    assert fake.requests[0] == {
        "startDate": "2026-01-29T12:00:01.000Z",
        "endDate": "2026-01-29T12:00:03.000Z",
        "page": "1",
        "pageSize": "100",
    }


def test_each_message_comes_once_while_more_arrive_than_the_walk_has_pages(
    capsys: pytest.CaptureFixture[str], server: Loopback
) -> None:
    fake = NumberedServer("history", rows_at(range(10)), changes=[[Tick(1000), Arrive(), Arrive(), Arrive()]] * 20)
    ran = history(capsys, server.serve(fake.handler), "--json", "--page-size", "3")
    assert ran.code == 0, ran.err
    assert [json.loads(line)["id"] for line in ran.out.splitlines()] == [f"item_{n:06d}" for n in range(9, -1, -1)]
    assert len(fake.arrived) == 9  # three before each of the three pages after the first


@pytest.mark.parametrize(
    ("options", "fragments"),
    [
        (("--since", "2026-01-02T00:00:00Z", "--until", "2026-01-01T00:00:00Z"), ["--since", "is after --until"]),
        (("--since", "2026-01-02T00:00:00"), ["--since has no time zone"]),
        (("--until", "soon"), ["--until='soon' is not an ISO 8601 date-time"]),
        (("--page-size", "101"), ["page_size=101 is outside 1..100"]),
    ],
)
def test_bad_options_are_one_error_line_and_exit_2_before_any_request(
    capsys: pytest.CaptureFixture[str], server: Loopback, options: tuple[str, ...], fragments: list[str]
) -> None:
    fake = NumberedServer("history", rows_at(range(3)))
    history(capsys, server.serve(fake.handler), *options).assert_one_error_line(2, *fragments)
    assert fake.requests == []


def test_a_failure_after_some_pages_keeps_what_was_printed_and_says_how_many_in_one_line(
    capsys: pytest.CaptureFixture[str], server: Loopback
) -> None:
    fake = NumberedServer("history", rows_at(range(5)))

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.params["page"] == "2":
            return httpx.Response(400, json={"error": "Invalid date range", "code": "INVALID_DATE_RANGE"})
        return fake.handler(request)

    ran = history(capsys, server.serve(handler), "--json", "--page-size", "2", "--no-progress")
    ran.assert_one_error_line(1, "INVALID_DATE_RANGE", "(after 2 messages printed)")
    assert [json.loads(line)["id"] for line in ran.out.splitlines()] == ["item_000004", "item_000003"]


def test_ctrl_c_during_the_walk_keeps_what_was_printed_and_says_how_many_in_one_line(
    capsys: pytest.CaptureFixture[str], server: Loopback, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C while the walk waits to ask for page 2 again (after a 503): exit 130, one line, the first page kept."""
    fake = NumberedServer("history", rows_at(range(5)))

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.params["page"] == "2":
            return httpx.Response(503, json={"error": "Unavailable"})
        return fake.handler(request)

    def press_ctrl_c(seconds: float) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("pilotstatus._retries.sleep", press_ctrl_c)
    ran = history(capsys, server.serve(handler), "--json", "--page-size", "2", "--no-progress")
    ran.assert_one_error_line(130, "interrupted after 2 messages")
    assert [json.loads(line)["id"] for line in ran.out.splitlines()] == ["item_000004", "item_000003"]


def test_a_failure_at_once_prints_no_heading(capsys: pytest.CaptureFixture[str], server: Loopback) -> None:
    url = server.serve(lambda request: httpx.Response(401, json={"error": "Invalid API key"}))
    ran = history(capsys, url)
    ran.assert_one_error_line(1, "401")
    assert ran.out == ""


def test_an_empty_history_is_the_heading_alone(capsys: pytest.CaptureFixture[str], server: Loopback) -> None:
    ran = history(capsys, server.serve(NumberedServer("history", []).handler))
    assert ran.code == 0
    assert ran.out.split() == [
        "providerTimestamp",
        "direction",
        "status",
        "messageType",
        "participantPhone",
        "id",
        "text",
    ]
    assert ran.err == "0 messages\n"


def test_a_long_walk_counts_on_stderr_when_stdout_is_not_a_terminal(
    capsys: pytest.CaptureFixture[str], server: Loopback, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pilotstatus._cli._history, "PROGRESS_DELAY", 0.0)
    monkeypatch.setattr(pilotstatus._cli._progress, "_is_terminal", lambda stream: True)
    url = server.serve(NumberedServer("history", rows_at(range(25))).handler)
    ran = history(capsys, url, "--json", "--page-size", "10")
    assert ran.code == 0
    assert len(ran.out.splitlines()) == 25
    assert "history: " in ran.err
    assert "25 messages [" in ran.err
    assert ran.err.endswith("\n25 messages\n")


def test_no_count_on_stderr_when_stdout_is_a_terminal_where_the_rows_show_it(
    capsys: pytest.CaptureFixture[str], server: Loopback, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pilotstatus._cli._history, "PROGRESS_DELAY", 0.0)
    monkeypatch.setattr(pilotstatus._cli._progress, "_is_terminal", lambda stream: True)
    monkeypatch.setattr(pilotstatus._cli._history, "_is_terminal", lambda: True)
    url = server.serve(NumberedServer("history", rows_at(range(25))).handler)
    ran = history(capsys, url, "--json", "--page-size", "10")
    assert ran.code == 0
    assert ran.err == "25 messages\n"


def test_text_from_the_server_cannot_break_the_table_or_drive_the_terminal(
    capsys: pytest.CaptureFixture[str], server: Loopback
) -> None:
    fake = NumberedServer("history", rows_at([0]))

    def handler(request: httpx.Request) -> httpx.Response:
        answer = json.loads(fake.handler(request).content)
        answer["messages"][0]["text"] = "two\nlines \x1b[31mred"
        return httpx.Response(200, json=answer)

    ran = history(capsys, server.serve(handler), "--no-progress")
    assert ran.code == 0
    _, row = ran.out.splitlines()
    assert "\x1b" not in row
    assert row.endswith("two lines \\x1b[31mred")


@pytest.mark.parametrize("as_json", [False, True], ids=["table", "json"])
def test_an_empty_walk_tells_on_stderr_of_the_notice_of_a_privacy_mode_list(
    capsys: pytest.CaptureFixture[str], server: Loopback, as_json: bool
) -> None:
    relay_only = {"messages": [], "total": 0, "page": 1, "pageSize": 30, "totalPages": 0, "notice": "PII_RELAY_ONLY"}
    url = server.serve(lambda request: httpx.Response(200, json=relay_only))
    ran = history(capsys, url, "--no-progress", *(["--json"] if as_json else []))
    assert ran.code == 0, ran.err
    assert ran.err_lines == ["0 messages", "notice: PII_RELAY_ONLY"]


def test_an_empty_walk_of_a_list_without_a_notice_says_only_its_count(
    capsys: pytest.CaptureFixture[str], server: Loopback
) -> None:
    url = server.serve(NumberedServer("history", []).handler)
    ran = history(capsys, url, "--no-progress")
    assert ran.code == 0, ran.err
    assert ran.err_lines == ["0 messages"]
