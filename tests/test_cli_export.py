"""`pilotstatus calls export`: every call of a period written exactly once, newest first, as JSON Lines or CSV,
never over an existing file, and resumable after any interruption to the very bytes of an uninterrupted export."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pilotstatus._cli._progress
from pilotstatus import Call
from pilotstatus._cli import main
from pilotstatus._cli._output import Output
from tests._clients import KEY
from tests._command import (
    ERROR_PREFIX,
    OFFSETS_MS,
    Loopback,
    Ran,
    as_exported,
    at,
    export_dataset,
    loopback_server,
    newest_first,
    run,
    use_key,
)
from tests._fake_api import FakeCallsAPI, dataset, iso

if sys.platform != "win32":
    import fcntl

CSV_HEADER = [
    "id",
    "externalCallId",
    "direction",
    "status",
    "peerNumber",
    "durationSeconds",
    "startedAt",
    "connectedAt",
    "endedAt",
    "createdAt",
    "updatedAt",
    "extra",
]
CALLS = export_dataset()
FORMATS = ["jsonl", "csv"]


@pytest.fixture(autouse=True)
def environment(monkeypatch: pytest.MonkeyPatch) -> None:
    use_key(monkeypatch)


@pytest.fixture(scope="module")
def server() -> Iterator[Loopback]:
    with loopback_server() as loopback:
        yield loopback


@pytest.fixture
def url(server: Loopback) -> str:
    """The loopback API serving CALLS."""
    return server.serve(FakeCallsAPI(CALLS).handler)


def export(capsys: pytest.CaptureFixture[str], url: str, output: Path | str, *options: str) -> Ran:
    return run(capsys, "calls", "export", "--output", str(output), "--no-progress", "--base-url", url, *options)


def jsonl_calls(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]


def csv_rows(text: str) -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    assert reader.fieldnames == CSV_HEADER
    return list(reader)


def csv_value(value: object) -> str:
    """How a field of a call is written in a CSV cell (a lone surrogate, which UTF-8 cannot carry, as `\\udc00`)."""
    return "" if value is None else str(value).encode("utf-8", "backslashreplace").decode("utf-8")


@pytest.fixture(scope="module")
def exports(server: Loopback, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The bytes of an uninterrupted export of CALLS, by format."""
    url = server.serve(FakeCallsAPI(CALLS).handler)
    directory = tmp_path_factory.mktemp("full")
    exports = {}
    with pytest.MonkeyPatch.context() as patch:
        use_key(patch)
        for export_format in FORMATS:
            path = directory / f"full.{export_format}"
            assert main(["calls", "export", "--output", str(path), "--format", export_format, "--base-url", url]) == 0
            exports[export_format] = path.read_bytes()
    return exports


# --- what is written ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("page_size", ["1", "4", "7", "100"])
def test_jsonl_has_every_call_exactly_once_newest_first_as_the_api_sent_it(
    capsys: pytest.CaptureFixture[str], url: str, tmp_path: Path, page_size: str
) -> None:
    path = tmp_path / "calls.jsonl"
    ran = export(capsys, url, path, "--page-size", page_size)
    assert ran.code == 0
    assert ran.err_lines == [f"wrote {len(CALLS)} calls to {path}"]
    text = path.read_bytes().decode("utf-8")
    assert text.endswith("\n")
    assert jsonl_calls(text) == [as_exported(call) for call in newest_first(CALLS)]
    assert '"peerNumber":"São Paulo, \\"quoted\\"\\nsecond line"' in text  # compact, not ASCII-escaped


@pytest.mark.parametrize("page_size", ["1", "4", "7", "100"])
def test_csv_has_a_header_and_every_call_exactly_once_newest_first_with_every_field(
    capsys: pytest.CaptureFixture[str], url: str, tmp_path: Path, page_size: str
) -> None:
    path = tmp_path / "calls.csv"
    ran = export(capsys, url, path, "--page-size", page_size)
    assert ran.code == 0
    assert ran.err_lines == [f"wrote {len(CALLS)} calls to {path}"]
    text = path.read_bytes().decode("utf-8")
    assert text.startswith(",".join(CSV_HEADER) + "\n")
    rows = csv_rows(text)
    expected = [as_exported(call) for call in newest_first(CALLS)]
    assert [row["id"] for row in rows] == [call["id"] for call in expected]
    for row, call in zip(rows, expected, strict=True):
        assert {name: row[name] for name in CSV_HEADER[:-1]} == {
            name: csv_value(call.get(name)) for name in CSV_HEADER[:-1]
        }


def test_the_csv_extra_column_keeps_the_fields_the_sdk_does_not_know(
    capsys: pytest.CaptureFixture[str], url: str, tmp_path: Path
) -> None:
    path = tmp_path / "calls.csv"
    export(capsys, url, path)
    extra = {row["id"]: row["extra"] for row in csv_rows(path.read_bytes().decode("utf-8"))}
    assert json.loads(extra.pop("call_06")) == {"recordingUrl": "https://example.test/rec/6"}
    assert json.loads(extra.pop("call_15")) == {"labels": {"team": "vendas", "tags": ["a", "b"]}}
    assert set(extra.values()) == {""}


def test_the_csv_cells_read_back_into_the_same_calls(
    capsys: pytest.CaptureFixture[str], url: str, tmp_path: Path
) -> None:
    path = tmp_path / "calls.csv"
    export(capsys, url, path)
    for row, call in zip(csv_rows(path.read_bytes().decode("utf-8")), newest_first(CALLS), strict=True):
        body: dict[str, Any] = {name: value for name, value in row.items() if value and name != "extra"}
        if "durationSeconds" in body:
            body["durationSeconds"] = int(body["durationSeconds"])
        body.update(json.loads(row["extra"]) if row["extra"] else {})
        assert Call.from_dict(body).to_dict() == {
            name: csv_value(value) if isinstance(value, str) else value
            for name, value in Call.from_dict(call).to_dict().items()
            if value is not None
        }


def test_the_format_follows_the_output_suffix_unless_given(
    capsys: pytest.CaptureFixture[str], url: str, tmp_path: Path
) -> None:
    export(capsys, url, tmp_path / "a.csv")
    export(capsys, url, tmp_path / "a.json")
    export(capsys, url, tmp_path / "b.csv", "--format", "jsonl")
    assert (tmp_path / "a.csv").read_bytes().decode("utf-8").startswith("id,externalCallId,")
    assert (tmp_path / "a.json").read_bytes().decode("utf-8").startswith('{"id":')
    assert (tmp_path / "b.csv").read_bytes().decode("utf-8").startswith('{"id":')


def test_since_is_inclusive_and_until_exclusive(capsys: pytest.CaptureFixture[str], url: str, tmp_path: Path) -> None:
    path = tmp_path / "window.jsonl"
    ran = export(capsys, url, path, "--since", iso(at(5)), "--until", iso(at(9)), "--page-size", "3")
    assert ran.code == 0
    written = [call["id"] for call in jsonl_calls(path.read_bytes().decode("utf-8"))]
    assert written == [call["id"] for call in newest_first(CALLS) if iso(at(5)) <= call["createdAt"] < iso(at(9))]
    assert len(written) == 7 + 1 + 12


@pytest.mark.parametrize("export_format", FORMATS)
def test_output_dash_writes_to_stdout(
    capsys: pytest.CaptureFixture[str], url: str, tmp_path: Path, export_format: str, exports: dict[str, bytes]
) -> None:
    ran = export(capsys, url, "-", "--format", export_format)
    assert ran.code == 0
    assert ran.err_lines == [f"wrote {len(CALLS)} calls to stdout"]
    assert ran.out.encode() == exports[export_format]


@pytest.mark.parametrize(("export_format", "content"), [("jsonl", ""), ("csv", ",".join(CSV_HEADER) + "\n")])
def test_an_export_of_no_calls_writes_an_empty_file_or_only_the_csv_header(
    capsys: pytest.CaptureFixture[str], url: str, tmp_path: Path, export_format: str, content: str
) -> None:
    path = tmp_path / f"none.{export_format}"
    ran = export(capsys, url, path, "--until", iso(at(0)))
    assert (ran.code, ran.err_lines) == (0, [f"wrote 0 calls to {path}"])
    assert path.read_bytes().decode("utf-8") == content


def test_the_file_is_flushed_after_every_page_with_whole_lines(
    capsys: pytest.CaptureFixture[str], url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "calls.jsonl"
    on_disk: list[bytes] = []
    flush = Output.flush

    def recording_flush(self: Output) -> None:
        flush(self)
        on_disk.append(path.read_bytes())

    monkeypatch.setattr(Output, "flush", recording_flush)
    export(capsys, url, path, "--page-size", "5")
    assert [len(content.splitlines()) for content in on_disk] == list(range(5, len(CALLS) + 1, 5))
    assert all(content.endswith(b"\n") for content in on_disk)


# --- never overwrite ------------------------------------------------------------------------------------------------


def test_an_existing_file_is_never_overwritten_without_resume(
    capsys: pytest.CaptureFixture[str], url: str, tmp_path: Path
) -> None:
    path = tmp_path / "calls.jsonl"
    path.write_text("precious\n")
    ran = export(capsys, url, path)
    assert ran.assert_one_error_line(2) == (
        f"{ERROR_PREFIX}{path} exists; pass --resume to continue it, or choose another --output"
    )
    assert path.read_text() == "precious\n"


def test_an_existing_empty_file_is_written(capsys: pytest.CaptureFixture[str], url: str, tmp_path: Path) -> None:
    path = tmp_path / "calls.jsonl"
    path.touch()
    assert export(capsys, url, path).code == 0
    assert len(path.read_bytes().decode("utf-8").splitlines()) == len(CALLS)


def test_resume_is_refused_for_stdout(capsys: pytest.CaptureFixture[str], url: str) -> None:
    export(capsys, url, "-", "--resume").assert_one_error_line(2, "--resume needs --output FILE")


# --- resuming -------------------------------------------------------------------------------------------------------


def cut_points(content: bytes) -> list[int]:
    """Where to cut an export to imitate an interruption: at the start, inside and at the end of the header, and
    for many lines (in and out of runs of equal timestamps) just before, at and just after their end; also right
    after the newline inside a quoted CSV cell, where the line ends but the row does not."""
    ends = [index + 1 for index, byte in enumerate(content) if byte == ord("\n")]
    points = {0, 1, len(content) - 1, len(content)}
    for end in ends[::5]:
        points.update({end - 7, end - 1, end, end + 1})
    embedded = content.find(b"\nsecond line")
    points.update({embedded, embedded + 1, embedded + 5})
    return sorted(point for point in points if 0 <= point <= len(content))


@pytest.mark.parametrize("export_format", FORMATS)
def test_resume_after_a_cut_anywhere_gives_exactly_the_uninterrupted_export(
    capsys: pytest.CaptureFixture[str], url: str, tmp_path: Path, export_format: str, exports: dict[str, bytes]
) -> None:
    full = exports[export_format]
    path = tmp_path / f"cut.{export_format}"
    for point in cut_points(full):
        path.write_bytes(full[:point])
        ran = export(capsys, url, path, "--format", export_format, "--resume", "--page-size", "3")
        assert ran.code == 0, (point, ran.err)
        assert path.read_bytes() == full, f"cut at byte {point}"


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), export_format=st.sampled_from(FORMATS), page_size=st.integers(1, 100))
def test_resume_after_a_cut_at_any_byte_with_any_page_size_gives_exactly_the_uninterrupted_export(
    capsys: pytest.CaptureFixture[str],
    server: Loopback,
    tmp_path_factory: pytest.TempPathFactory,
    data: st.DataObject,
    export_format: str,
    page_size: int,
    exports: dict[str, bytes],
) -> None:
    url = server.serve(FakeCallsAPI(CALLS).handler)
    full = exports[export_format]
    directory = tmp_path_factory.mktemp("cut")
    point = data.draw(st.integers(0, len(full)), "cut at byte")
    path = directory / f"cut.{export_format}"
    path.write_bytes(full[:point])
    ran = export(capsys, url, path, "--format", export_format, "--resume", "--page-size", str(page_size))
    assert ran.code == 0, ran.err
    assert path.read_bytes() == full


@pytest.mark.parametrize("export_format", FORMATS)
def test_resume_of_a_complete_export_adds_nothing(
    capsys: pytest.CaptureFixture[str], url: str, tmp_path: Path, export_format: str, exports: dict[str, bytes]
) -> None:
    full = exports[export_format]
    path = tmp_path / f"full.{export_format}"
    path.write_bytes(full)
    ran = export(capsys, url, path, "--resume")
    assert ran.err_lines == [f"wrote 0 calls to {path} ({len(CALLS)} in all)"]
    assert path.read_bytes() == full


@pytest.mark.parametrize("export_format", FORMATS)
def test_resume_of_a_missing_or_empty_file_starts_from_the_beginning(
    capsys: pytest.CaptureFixture[str], url: str, tmp_path: Path, export_format: str, exports: dict[str, bytes]
) -> None:
    full = exports[export_format]
    missing, empty = tmp_path / f"missing.{export_format}", tmp_path / f"empty.{export_format}"
    empty.touch()
    for path in (missing, empty):
        assert export(capsys, url, path, "--resume").code == 0
        assert path.read_bytes() == full


@pytest.mark.parametrize(
    ("name", "content", "fragment"),
    [
        ("calls.jsonl", ",".join(CSV_HEADER) + "\n", "is not a jsonl export of calls (line 1 is not a JSON object)"),
        ("calls.csv", '{"id":"call_1","createdAt":"2026-01-29T12:00:00Z"}\n', "is not a csv export of calls (line 1"),
        ("calls.jsonl", '{"id":"call_1","createdAt":"2026-01-29T12:00:00Z"}\nnot json\n', "line 2 is not a JSON"),
        ("calls.jsonl", '{"id":"call_1"}\n', "line 1 has no valid createdAt"),
        ("calls.jsonl", '{"createdAt":"2026-01-29T12:00:00Z"}\n', "line 1 has no call id"),
        (
            "calls.jsonl",
            '{"id":"a","createdAt":"2026-01-29T12:00:00Z"}\n{"id":"b","createdAt":"2026-01-29T12:00:01Z"}\n',
            "line 2 is newer than the line before it",
        ),
        ("calls.csv", ",".join(CSV_HEADER) + "\ncall_1,too,few\n", "line 2 has 3 fields, not 12"),
        ("calls.jsonl", "\xff\xfe\n", "line 1 is not UTF-8"),
    ],
)
def test_resume_refuses_a_file_that_is_not_an_export_in_that_format_and_leaves_it_alone(
    capsys: pytest.CaptureFixture[str], url: str, tmp_path: Path, name: str, content: str, fragment: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content.encode("latin-1") if "\xff" in content else content.encode())
    before = path.read_bytes()
    export(capsys, url, path, "--resume").assert_one_error_line(2, str(path), fragment, "cannot be resumed")
    assert path.read_bytes() == before


@pytest.mark.parametrize("window", [["--since", iso(at(35))], ["--until", iso(at(30))]])
def test_resume_refuses_a_file_whose_last_call_is_outside_since_until(
    capsys: pytest.CaptureFixture[str], url: str, tmp_path: Path, exports: dict[str, bytes], window: list[str]
) -> None:
    path = tmp_path / "part.jsonl"
    path.write_bytes(b"".join(exports["jsonl"].splitlines(keepends=True)[:10]) + b'{"id":"cut sh')  # the 10th: 30 ms
    ran = export(capsys, url, path, "--resume", *window)
    ran.assert_one_error_line(2, str(path), "ends with a call created at 2026-01-29T12:00:00.030Z", "outside")
    assert path.read_bytes().endswith(b'{"id":"cut sh')  # not even the partial line is touched


# --- interruptions --------------------------------------------------------------------------------------------------


def interrupt_after(monkeypatch: pytest.MonkeyPatch, calls: int) -> None:
    """Press Ctrl-C as the export is about to write call number `calls + 1`."""
    write = Output.write
    written = 0

    def write_then_interrupt(self: Output, call: Call) -> None:
        nonlocal written
        if written == calls:
            raise KeyboardInterrupt
        written += 1
        write(self, call)

    monkeypatch.setattr(Output, "write", write_then_interrupt)


@pytest.mark.parametrize("export_format", FORMATS)
@pytest.mark.parametrize("interrupted_after", [0, 5, 13, 17, len(CALLS) - 1])  # 5 and 17: inside runs of ties
def test_ctrl_c_keeps_the_calls_written_exits_130_and_resumes_to_the_identical_file(
    capsys: pytest.CaptureFixture[str],
    url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    export_format: str,
    interrupted_after: int,
    exports: dict[str, bytes],
) -> None:
    full = exports[export_format]
    path = tmp_path / f"interrupted.{export_format}"
    with monkeypatch.context() as patch:
        interrupt_after(patch, interrupted_after)
        ran = export(capsys, url, path, "--format", export_format, "--page-size", "4")
    assert ran.assert_one_error_line(130) == (
        f"{ERROR_PREFIX}interrupted after {interrupted_after} calls; run the same command with --resume to continue"
    )
    kept = path.read_bytes() if path.exists() else b""
    assert full.startswith(kept)  # what was written is kept, flushed, and all of it right
    if export_format == "jsonl":
        assert len(kept.splitlines()) == interrupted_after
    resumed = export(capsys, url, path, "--format", export_format, "--page-size", "4", "--resume")
    assert resumed.code == 0
    assert path.read_bytes() == full


def failing_after(requests: int, handler: Callable[[httpx.Request], httpx.Response]) -> Callable[..., httpx.Response]:
    """`handler` for `requests` requests, then 500s."""
    served = 0

    def maybe_failing(request: httpx.Request) -> httpx.Response:
        nonlocal served
        served += 1
        return handler(request) if served <= requests else httpx.Response(500, json={"error": "Database unavailable"})

    return maybe_failing


def test_an_api_failure_mid_export_says_how_to_resume_and_resuming_completes_the_file(
    capsys: pytest.CaptureFixture[str], server: Loopback, tmp_path: Path, exports: dict[str, bytes]
) -> None:
    full = exports["csv"]
    url = server.serve(FakeCallsAPI(CALLS).handler)
    path = tmp_path / "calls.csv"
    server.serve(failing_after(3, FakeCallsAPI(CALLS).handler))
    ran = export(capsys, url, path, "--page-size", "5", "--max-retries", "0")
    ran.assert_one_error_line(1, "500 Database unavailable", "run the same command with --resume to continue")
    server.serve(FakeCallsAPI(CALLS).handler)
    assert export(capsys, url, path, "--page-size", "5", "--resume").code == 0
    assert path.read_bytes() == full


def test_a_crowded_instant_stops_the_export_in_one_line_without_suggesting_a_resume_that_would_stop_again(
    capsys: pytest.CaptureFixture[str], server: Loopback, tmp_path: Path
) -> None:
    # Three newer calls, then 100 calls in one millisecond: more than the API's largest page can get past.
    url = server.serve(FakeCallsAPI(dataset([0] * 100 + [5, 6, 7])).handler)
    path = tmp_path / "calls.jsonl"
    ran = export(capsys, url, path, "--page-size", "50")
    line = ran.assert_one_error_line(1, "share createdAt 2026-01-29T12:00:00.000Z", "(after 103 calls written)")
    assert "--resume" not in line
    assert len(path.read_bytes().decode("utf-8").splitlines()) == 103  # what was written is kept


def test_a_failure_before_any_call_leaves_no_file_behind(
    capsys: pytest.CaptureFixture[str], server: Loopback, tmp_path: Path
) -> None:
    url = server.serve(lambda request: httpx.Response(401, json={"error": "Unauthorized"}))
    path = tmp_path / "calls.csv"
    ran = export(capsys, url, path)
    line = ran.assert_one_error_line(1, "401 Unauthorized")
    assert "--resume" not in line
    assert not path.exists()


# --- one writer at a time ------------------------------------------------------------------------------------------

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="exports lock their file on POSIX only (see _lock)")


def refused(path: Path) -> str:
    return (
        f"{ERROR_PREFIX}{path} is being written by another pilotstatus calls export (wait for it to end, or choose"
        " another --output)"
    )


@posix_only
@pytest.mark.parametrize("lines", [0, 10], ids=["empty", "ten-calls"])
@pytest.mark.parametrize("resume", [True, False], ids=["resume", "new"])
def test_an_export_is_refused_while_another_holds_the_file_s_lock_and_leaves_the_file_as_it_was(
    capsys: pytest.CaptureFixture[str], url: str, tmp_path: Path, exports: dict[str, bytes], lines: int, resume: bool
) -> None:
    full = exports["jsonl"]
    path = tmp_path / "calls.jsonl"
    path.write_bytes(b"".join(full.splitlines(keepends=True)[:lines]))
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    with path.open("rb") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # as an export in progress holds it
        ran = export(capsys, url, path, *(["--resume"] if resume else []))
        assert ran.assert_one_error_line(1) == refused(path)
        assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert export(capsys, url, path, "--resume").code == 0  # the lock is released: the export can go on
    assert path.read_bytes() == full


def pausing_at(
    request_number: int, handler: Callable[[httpx.Request], httpx.Response]
) -> tuple[Callable[[httpx.Request], httpx.Response], threading.Event, threading.Event]:
    """`handler`, except that request `request_number` waits for `release` once it has set `reached`."""
    reached, release = threading.Event(), threading.Event()
    served = 0

    def pausing(request: httpx.Request) -> httpx.Response:
        nonlocal served
        served += 1
        if served == request_number:
            reached.set()
            release.wait(timeout=300)
        return handler(request)

    return pausing, reached, release


@posix_only
def test_a_second_export_process_resuming_a_file_being_written_is_refused_and_the_first_completes_it(
    server: Loopback, tmp_path: Path, exports: dict[str, bytes]
) -> None:
    handler, reached, release = pausing_at(3, FakeCallsAPI(CALLS).handler)
    url = server.serve(handler)
    path = tmp_path / "calls.jsonl"
    command = [sys.executable, "-m", "pilotstatus", "calls", "export", "--output", str(path), "--base-url", url]
    environment = {name: value for name, value in os.environ.items() if not name.startswith("PILOT_STATUS_")}
    environment["PILOT_STATUS_API_KEY"] = KEY
    first = subprocess.Popen([*command, "--page-size", "5", "--no-progress"], env=environment, stderr=subprocess.PIPE)
    try:
        assert reached.wait(timeout=300), "the first export never asked for its third page"
        written = path.read_bytes()
        assert len(written.splitlines()) == 10  # two pages, flushed; the first export waits for the third
        second = subprocess.run([*command, "--resume"], env=environment, capture_output=True, text=True, check=False)
        assert (second.returncode, second.stdout, second.stderr) == (1, "", refused(path) + "\n")
        assert path.read_bytes() == written
    finally:
        release.set()
        _, first_errors = first.communicate(timeout=300)
    assert first.returncode == 0, first_errors
    assert path.read_bytes() == exports["jsonl"]  # every call once, newest first


# --- bad arguments and unwritable files -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "fragment"),
    [
        (["--since", "last week"], "--since='last week' is not an ISO 8601 date-time"),
        (["--until", "2026-01-29T12:00:00"], "--until has no time zone: add one, as in --until 2026-01-01T00:00:00Z"),
        (["--since", iso(at(9)), "--until", iso(at(5))], "is after until"),
        (["--page-size", "0"], "page_size=0 is outside 1..100"),
    ],
)
def test_a_bad_argument_prints_one_line_exits_2_and_creates_no_file(
    capsys: pytest.CaptureFixture[str], url: str, tmp_path: Path, options: list[str], fragment: str
) -> None:
    path = tmp_path / "calls.jsonl"
    export(capsys, url, path, *options).assert_one_error_line(2, fragment)
    assert not path.exists()


def test_a_file_that_cannot_be_written_is_named_in_one_line(
    capsys: pytest.CaptureFixture[str], url: str, tmp_path: Path
) -> None:
    path = tmp_path / "no such directory" / "calls.jsonl"
    export(capsys, url, path).assert_one_error_line(1, f"cannot write {path}: No such file or directory")


def test_a_directory_is_not_an_output(capsys: pytest.CaptureFixture[str], url: str, tmp_path: Path) -> None:
    export(capsys, url, tmp_path).assert_one_error_line(2, f"{tmp_path} is a directory")


# --- progress -------------------------------------------------------------------------------------------------------


def test_progress_on_a_stderr_that_is_not_a_terminal_is_plain_lines_then_the_summary(
    capsys: pytest.CaptureFixture[str], url: str, tmp_path: Path
) -> None:
    path = tmp_path / "calls.jsonl"
    ran = run(capsys, "calls", "export", "--output", str(path), "--page-size", "10", "--base-url", url)
    assert ran.code == 0
    assert "\r" not in ran.err
    *progress, summary = ran.err_lines
    assert summary == f"wrote {len(CALLS)} calls to {path}"
    assert progress
    assert all(line.startswith("export: ") and " calls [" in line for line in progress)
    assert progress[-1].startswith(f"export: {len(CALLS)} calls [")


def test_progress_on_a_terminal_is_a_counter_redrawn_in_place(
    capsys: pytest.CaptureFixture[str], url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pilotstatus._cli._progress, "_is_terminal", lambda stream: True)
    path = tmp_path / "calls.jsonl"
    ran = run(capsys, "calls", "export", "--output", str(path), "--page-size", "10", "--base-url", url)
    assert ran.code == 0
    assert "\r" in ran.err
    assert f"{len(CALLS)} calls [" in ran.err
    assert ran.err.endswith(f"\nwrote {len(CALLS)} calls to {path}\n")


def test_the_dataset_has_runs_of_equal_timestamps_longer_than_the_pages_used() -> None:
    assert max(OFFSETS_MS.count(ms) for ms in OFFSETS_MS) > 7
