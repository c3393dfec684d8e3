"""`make bench` keeps working: a tiny run completes, each contender sees every call, and the ratios are printed; the
prepared-pages server answers as the API documents; the full walk counts what each client gets; the import-time
report reads `-X importtime` right.

It asserts nothing about speed: the numbers are for `make bench` to report, not for a test to judge."""

from __future__ import annotations

import datetime
import json
import os
import re
import socket
import ssl
import subprocess
import sys
import urllib.error
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from pilotstatus import APIConnectionError
from tests._spec import ROOT, component_schema, validator
from tools import bench_imports
from tools.bench_server import Pages, call_json, created_instants, format_ms, prepared_calls, server_context, serving
from tools.bench_walk import (
    KEY,
    Trust,
    cert_file,
    count_ours,
    count_peer,
    our_client,
    peer_pages,
    server_process,
    strictly_before_walk,
)

# `make bench`'s own tools, with servers in processes of their own: in `make test-slow`, the small run started first
pytestmark = [pytest.mark.proof, pytest.mark.long]


def test_a_small_benchmark_run_prints_the_ratios_and_the_memory_table() -> None:
    command = [sys.executable, str(ROOT / "tools" / "bench.py"), "--calls", "500", "--rounds", "1"]
    command += ["--memory-calls", "3000", "--sandbox-calls", "20000"]
    command += ["--import-rounds", "0", "--walk-calls", "700", "--walk-rounds", "1"]  # the import time: tests below
    command += ["--history-messages", "400", "--history-rounds", "1"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr  # a contender that misses a call exits non-zero
    assert re.search(r"\(a\)/\(b\) = \d+\.\d{3}", result.stdout)
    assert re.search(r"\(a\)/\(c\) = \d+\.\d{3}", result.stdout)
    assert re.search(r"peak traced .* ratio 3,000/1,500: \d+\.\d\d", result.stdout)
    assert re.search(r"live .* ratio 3,000/1,500: \d+\.\d\d", result.stdout)
    assert re.search(r"ratio 20,000/1,000: \d+\.\d\d   goal: flat", result.stdout)
    assert re.search(r"ratio sandbox / bare app: \d+\.\d\d   goal >= 0\.8: (met|NOT MET)", result.stdout)
    if sys.platform == "linux":  # the servers' CPU is read from /proc
        assert re.search(r"server CPU a page, bare app / sandbox: \d+\.\d\d \(", result.stdout)
    for scheme in ("HTTPS", "plain HTTP"):
        assert re.search(
            rf"  {scheme} +ours .* 700 calls, each once .* official .* \d+ calls \(\d+ lost", result.stdout
        )
    assert re.search(r"full walk, ours / official SDK, HTTPS = \d+\.\d{3} \(goal <= 0\.4\)", result.stdout)
    assert re.search(r"full walk, ours / official SDK, plain HTTP = \d+\.\d{3} \(goal <= 0\.9\)", result.stdout)
    for scheme in ("HTTPS", "plain HTTP"):  # the floor: httpx alone, against the official SDK and under ours
        floor = rf"  {scheme} +httpx alone +\d+\.\d ms; httpx alone / official SDK = \d+\.\d{{3}}; "
        assert re.search(floor + r"ours / httpx alone = \d+\.\d{3}", result.stdout)
    # The history walk: both servers over both schemes, the goal's verdict over HTTPS, then while a user writes.
    history = result.stdout.split("History walk of 400 messages", 1)[1]
    walked = r"ours +\d+\.\d ms +official +\d+\.\d ms +httpx alone +\d+\.\d ms +ours / official = \d+\.\d{3}"
    assert len(re.findall(rf"    HTTPS +{walked} \(goal <= 0\.6\): (?:met|NOT MET)", history)) == 2
    assert len(re.findall(rf"    plain HTTP +{walked} \(information\)", history)) == 2
    if sys.platform == "linux":  # the servers' CPU is read from /proc
        assert re.search(r"The sandbox's listing is (what our walk waits for|not the bottleneck)", history)
    assert len(re.findall(r"ours +400 returned of a window of 400: each once \(\d+ written", history)) == 2
    assert len(re.findall(r"official +\d+ returned of a window of \d+: \d+ twice, 0 missed", history)) == 2


# The prepared-pages server


TIED = prepared_calls(400, seed=3, ties=0.3)


def instant(text: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(text)


def test_the_prepared_calls_are_valid_calls_whose_instants_follow_the_documented_example() -> None:
    """The walk parses what the API sends: every status, null lifecycle fields, and instants related as in the
    documented call (`startedAt` = `createdAt`, connected, then ended `durationSeconds` later, `updatedAt` the last),
    not one instant repeated in every field, which would flatter a parser that reuses the instant it read last."""
    check = validator(component_schema("Call"))
    for call in TIED:
        check.validate(call)
        assert call["startedAt"] == call["createdAt"]
        lifecycle = [instant(str(call[key])) for key in ("createdAt", "connectedAt", "endedAt") if call[key]]
        assert lifecycle == sorted(lifecycle)
        assert instant(str(call["updatedAt"])) == lifecycle[-1]
        answered = call["connectedAt"] is not None
        assert (call["durationSeconds"] is not None) == answered
        if answered:
            ended, connected = instant(str(call["endedAt"])), instant(str(call["connectedAt"]))
            assert ended - connected == datetime.timedelta(seconds=int(str(call["durationSeconds"])))
    assert {call["status"] for call in TIED} == {"COMPLETED", "REJECTED", "FAILED", "RINGING"}
    assert len({(call["createdAt"], call["connectedAt"], call["endedAt"]) for call in TIED if call["endedAt"]}) > 1


@pytest.fixture(scope="module")
def tied_server() -> Iterator[str]:
    with serving(Pages(TIED)) as server:
        yield server.base_url


def test_the_data_set_has_calls_sharing_a_millisecond_newest_first() -> None:
    instants = created_instants(2000, seed=7)
    assert instants == sorted(instants, reverse=True)
    assert 0.05 < 1 - len(set(instants)) / len(instants) < 0.15  # about a tenth of the calls are tied
    assert created_instants(2000, seed=7) == instants  # the bench and its server build the same calls


SHIFTS = [datetime.timedelta(0), datetime.timedelta(microseconds=1), datetime.timedelta(milliseconds=-1)]


@pytest.mark.parametrize("shift", SHIFTS)
def test_the_server_answers_only_calls_created_strictly_before_before(
    tied_server: str, shift: datetime.timedelta
) -> None:
    tied_instants = [call["createdAt"] for call in TIED if sum(c["createdAt"] == call["createdAt"] for c in TIED) > 1]
    assert tied_instants  # the boundaries that matter: instants several calls share
    with httpx.Client(base_url=tied_server, headers={"x-api-key": KEY}) as http:
        for text in [*tied_instants[:20], str(TIED[0]["createdAt"]), str(TIED[-1]["createdAt"])]:
            before = instant(str(text)) + shift
            for limit in (1, 7, 100):
                params = {"limit": str(limit), "before": before.isoformat().replace("+00:00", "Z")}
                response = http.get("/v1/calls", params=params)
                assert response.status_code == 200
                expected = [call for call in TIED if instant(str(call["createdAt"])) < before][:limit]
                assert response.json() == {"calls": expected}


def test_the_server_pages_from_the_newest_call_without_before_25_by_default(tied_server: str) -> None:
    with httpx.Client(base_url=tied_server, headers={"x-api-key": KEY}) as http:
        assert http.get("/v1/calls").json() == {"calls": TIED[:25]}
        assert http.get("/v1/calls", params={"limit": 100}).json() == {"calls": TIED[:100]}
        # A zone other than Z is the same instant.
        plus_one = instant(str(TIED[10]["createdAt"])).astimezone(datetime.timezone(datetime.timedelta(hours=1)))
        calls = http.get("/v1/calls", params={"limit": 100, "before": plus_one.isoformat()}).json()["calls"]
        assert calls[0]["createdAt"] < str(TIED[10]["createdAt"])


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("limit=0", 400),
        ("limit=101", 400),
        ("limit=ten", 400),
        ("limit=1&limit=2", 400),
        ("before=yesterday", 400),
        ("before=2026-01-29T12:00:00", 400),  # no zone
        ("limit=100", 200),
    ],
)
def test_the_server_refuses_what_the_api_refuses(tied_server: str, query: str, status: int) -> None:
    assert httpx.get(f"{tied_server}/v1/calls?{query}", headers={"x-api-key": KEY}).status_code == status


def test_the_server_wants_a_key_and_serves_only_the_list_of_calls(tied_server: str) -> None:
    assert httpx.get(f"{tied_server}/v1/calls").status_code == 401
    assert httpx.get(f"{tied_server}/v1/calls/call_00000001", headers={"x-api-key": KEY}).status_code == 404


def _exchange(sock: socket.socket, request: bytes) -> tuple[bytes, bytes]:
    """Send `request` and read one response: its head and its body (by content-length)."""
    sock.sendall(request)
    data = b""
    while b"\r\n\r\n" not in data:
        data += sock.recv(65536)
    head, _, body = data.partition(b"\r\n\r\n")
    length = int(re.search(rb"content-length: (\d+)", head, flags=re.IGNORECASE).group(1))  # type: ignore[union-attr]
    while len(body) < length:
        body += sock.recv(65536)
    return head, body


def test_the_server_keeps_a_connection_open_until_the_client_asks_to_close_it(tied_server: str) -> None:
    host, port = tied_server.removeprefix("http://").split(":")
    request = f"GET /v1/calls?limit=3 HTTP/1.1\r\nhost: {host}\r\nx-api-key: {KEY}\r\n".encode()
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        for _ in range(3):  # three requests, one connection
            head, body = _exchange(sock, request + b"\r\n")
            assert head.startswith(b"HTTP/1.1 200 ")
            assert json.loads(body) == {"calls": TIED[:3]}
        head, _ = _exchange(sock, request + b"connection: close\r\n\r\n")
        assert b"connection: close" in head.lower()
        assert sock.recv(65536) == b""  # closed by the server


# The full walk


@pytest.fixture(scope="module")
def trust(tmp_path_factory: pytest.TempPathFactory) -> Trust:
    return Trust.make(tmp_path_factory.mktemp("trust"))


def test_our_walk_gets_every_call_exactly_once_from_the_server_process_over_https(trust: Trust) -> None:
    with server_process(1500, seed=5, cert=trust.cert) as url:
        assert url.startswith("https://127.0.0.1:")
        with our_client(url, trust.ca) as client:
            ids = [call.id for call in client.calls.iter(page_size=100)]
        assert count_ours(url, trust.ca) == 1500
    assert ids == [call["id"] for call in prepared_calls(1500, seed=5)]  # each once, newest first


def test_our_walk_gets_every_call_exactly_once_over_plain_http(tied_server: str) -> None:
    with our_client(tied_server) as client:
        assert [call.id for call in client.calls.iter(page_size=100)] == [call["id"] for call in TIED]
    assert count_ours(tied_server) == len(TIED)


def test_both_clients_verify_the_certificate(trust: Trust, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    with serving(Pages(TIED), tls=server_context(trust.cert)) as server:
        with pytest.raises(APIConnectionError), our_client(server.base_url) as client:  # certifi's CAs only
            next(iter(client.calls.iter()))
        with pytest.raises(urllib.error.URLError, match="CERTIFICATE_VERIFY_FAILED"):
            count_peer(server.base_url)
        # With the bench's CA, both get through; SSL_CERT_FILE is set for the official SDK's walk only.
        assert count_ours(server.base_url, trust.ca) == len(TIED)
        assert count_peer(server.base_url, trust.ca) == strictly_before_walk(created_instants(400, 3, 0.3))
        with cert_file(trust.ca):
            assert os.environ["SSL_CERT_FILE"] == str(trust.ca)
            assert ssl.get_default_verify_paths().cafile == str(trust.ca)  # what urllib's default context loads
        assert "SSL_CERT_FILE" not in os.environ


def calls_at(instants: list[int]) -> list[dict[str, object]]:
    return [call_json(index, created) for index, created in enumerate(instants)]


def test_the_official_sdk_loop_loses_the_calls_tied_with_a_page_boundary_and_the_count_says_so() -> None:
    # 250 calls a millisecond apart, but calls 99 and 100 share one, and so do 199, 200 and 201. The loop's first
    # page ends at call 99, so `before` = its instant skips call 100; its second page (101 to 200) ends at call 200,
    # which skips 201; the third page brings the last 48 calls.
    instants = [1_769_688_000_000 - index for index in range(250)]
    instants[100] = instants[99]
    instants[200] = instants[201] = instants[199]
    calls = calls_at(instants)
    assert strictly_before_walk(instants) == 248
    with serving(Pages(calls)) as server:
        pages = list(peer_pages(server.base_url))
        assert [len(page) for page in pages] == [100, 100, 48]
        got = {call["id"] for page in pages for call in page}
        assert {str(call["id"]) for call in calls} - got == {"call_00000100", "call_00000201"}
        assert count_peer(server.base_url) == 248
        assert count_ours(server.base_url) == 250  # ours loses none of them


def test_the_official_sdk_loop_gets_what_the_strictly_before_model_says_on_the_bench_data() -> None:
    instants = created_instants(3000, seed=11)
    expected = strictly_before_walk(instants)
    assert expected < 3000  # some page boundaries fall on tied calls: a loss to count
    with serving(Pages(prepared_calls(3000, seed=11))) as server:
        assert count_peer(server.base_url) == expected
        assert count_ours(server.base_url) == 3000


def test_the_model_of_the_before_loop() -> None:
    assert strictly_before_walk([]) == 0
    assert strictly_before_walk(list(range(250, 0, -1))) == 250  # no ties, no loss
    assert strictly_before_walk([5] * 99) == 99  # a short first page: no boundary
    assert strictly_before_walk([5] * 150) == 100  # a full page all at one instant: the rest is out of reach
    assert strictly_before_walk([9, 8, 8, 7, 7, 7, 6], page_size=2) == 5  # loses one 8 and one 7
    assert format_ms(0) == "1970-01-01T00:00:00.000Z"


# The import time


IMPORTTIME = """\
import time: self [us] | cumulative | imported package
import time:       100 |        100 |   _io
import time:       500 |        600 | encodings
import time:      1000 |       1000 |   httpx._models
import time:      2000 |       3000 | httpx
import time:        50 |         50 |       attr._compat
import time:       200 |        250 |     attr
import time:       100 |        350 |   attrs
import time:       300 |        300 |       platform
import time:        20 |        320 |     asyncio.events
import time:        30 |        350 |   asyncio
import time:       400 |        400 |     pilotstatus_api.models
import time:        10 |        410 |   pilotstatus_api
import time:        40 |       1150 | pilotstatus
"""


def test_the_importtime_report_counts_only_what_comes_after_httpx_grouped_with_who_imported_it() -> None:
    modules = bench_imports.parse_importtime(IMPORTTIME)
    assert [(m.name, m.depth) for m in modules[:3]] == [("_io", 1), ("encodings", 0), ("httpx._models", 1)]
    base, target, groups = bench_imports.beyond(
        modules, "httpx", "pilotstatus", {"attr": ["attrs"], "attrs": ["attrs"]}
    )
    assert (base, target) == (3000, 1150)
    found = {group.package: group for group in groups}
    assert set(found) == {"attrs", "platform", "asyncio", "pilotstatus_api", "pilotstatus"}  # no httpx, no _io
    assert found["attrs"] == bench_imports.Group("attrs", ("attr", "attrs"), 350, 350, 3, "pilotstatus")
    assert found["platform"].imported_by == "asyncio.events"
    assert found["asyncio"].self_us == 50
    assert found["asyncio"].with_imports_us == 350
    assert found["pilotstatus_api"].with_imports_us == 410
    assert found["pilotstatus"].imported_by is None
    assert [group.package for group in groups][:2] == ["pilotstatus_api", "attrs"]  # largest self time first
    assert bench_imports.label(found["attrs"]) == "attrs (attr, attrs)"
    assert bench_imports.label(found["platform"]) == "platform (stdlib)"


def test_the_importtime_report_of_the_installed_package_names_pilotstatus_and_not_what_it_loads_on_first_use() -> None:
    python = Path(sys.executable)
    modules = bench_imports.importtime(python)
    base, target, groups = bench_imports.beyond(modules, "httpx", "pilotstatus", bench_imports.distributions_of(python))
    names = {group.package for group in groups}
    assert "pilotstatus" in names
    assert not names & {"pilotstatus_api", "attrs", "tqdm"}  # the models, and the command's progress bar: on first use
    assert not names & {"httpx", "httpcore", "h11", "certifi"}  # imported by httpx first
    assert base > 0
    assert target > 0


def test_the_import_time_venv_is_made_again_when_what_the_install_reads_changes(tmp_path: Path) -> None:
    (tmp_path / "wrapper" / "pilotstatus").mkdir(parents=True)
    source = tmp_path / "wrapper" / "pilotstatus" / "__init__.py"
    source.write_text("x = 1\n")
    (tmp_path / "pyproject.toml").write_text("[project]\n")
    key = bench_imports.inputs_key(tmp_path)
    (tmp_path / "wrapper" / "pilotstatus" / "__pycache__").mkdir()
    (tmp_path / "wrapper" / "pilotstatus" / "__pycache__" / "__init__.cpython-311.pyc").write_bytes(b"\0")
    assert bench_imports.inputs_key(tmp_path) == key  # bytecode is not an input
    source.write_text("x = 2\n")
    assert bench_imports.inputs_key(tmp_path) != key
