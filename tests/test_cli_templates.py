"""`pilotstatus templates list`: the number's templates as an aligned table, or as the API's JSON, run in-process
against a loopback HTTP server answering as the API documents, and against the sandbox's demo numbers; every failure
is one line on stderr, as for the calls commands."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from pilotstatus_sandbox import Sandbox, SandboxConfig
from tests._command import Loopback, loopback_server, run, use_key

TEMPLATES: list[dict[str, Any]] = [
    {
        "id": "tpl_01",
        "name": "boas_vindas",
        "category": "UTILITY",
        "body": "Olá {{nome}}, seja bem-vindo!",
        "variables": ["nome"],
        "source": "META",
        "metaStatus": "APPROVED",
        "metaLanguage": "pt_BR",
        "sendable": True,
        "latestVersion": None,
    },
    {
        "id": "tpl_0002",
        "name": "lembrete_de_consulta",
        "category": "UTILITY",
        "body": "Sua consulta é amanhã às {{hora}} com {{medico}}.",
        "variables": ["hora", "medico"],
        "source": "META",
        "metaStatus": "PENDING",
        "metaLanguage": "pt_BR",
        "sendable": False,
        "latestVersion": {"version": 2},
    },
    {  # only what the official SDK requires, and a field this SDK does not know
        "id": "tpl_3",
        "name": "aviso",
        "category": "AUTHENTICATION",
        "archivedAt": "2026-07-03T15:00:00.000Z",
    },
]


@pytest.fixture(autouse=True)
def environment(monkeypatch: pytest.MonkeyPatch) -> None:
    use_key(monkeypatch)


@pytest.fixture(scope="module")
def server() -> Iterator[Loopback]:
    with loopback_server() as loopback:
        yield loopback


class Recorded:
    """Answers with a body, keeping each request."""

    def __init__(self, status: int, body: object) -> None:
        self.status, self.body = status, body
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return httpx.Response(self.status, json=self.body)


def test_list_prints_every_template_in_an_aligned_table_under_a_heading(
    server: Loopback, capsys: pytest.CaptureFixture[str]
) -> None:
    answer = Recorded(200, TEMPLATES)
    ran = run(capsys, "templates", "list", "--base-url", server.serve(answer))
    assert ran.code == 0, ran.err
    heading, *rows = ran.out.splitlines()
    assert heading.split() == ["name", "id", "category", "source", "metaStatus", "sendable", "variables"]
    assert [row.split() for row in rows] == [
        ["boas_vindas", "tpl_01", "UTILITY", "META", "APPROVED", "yes", "nome"],
        ["lembrete_de_consulta", "tpl_0002", "UTILITY", "META", "PENDING", "no", "hora", "medico"],
        ["aviso", "tpl_3", "AUTHENTICATION", "-", "-", "-", "-"],
    ]
    columns = [heading.index(name) for name in ("id", "category", "source", "metaStatus", "sendable", "variables")]
    assert all(row[column - 1] == " " and row[column] != " " for row in rows for column in columns)
    (request,) = answer.requests
    assert (request.method, request.url.path) == ("GET", "/v1/templates")


def test_list_json_prints_each_template_as_the_api_sent_it_keeping_fields_the_sdk_does_not_know(
    server: Loopback, capsys: pytest.CaptureFixture[str]
) -> None:
    ran = run(capsys, "templates", "list", "--json", "--base-url", server.serve(Recorded(200, TEMPLATES)))
    assert ran.code == 0, ran.err
    assert json.loads(ran.out) == TEMPLATES


def test_list_escapes_control_characters_the_server_sent(server: Loopback, capsys: pytest.CaptureFixture[str]) -> None:
    answer = Recorded(200, [{"id": "tpl_1", "name": "oi\x1b[2J\rtchau", "category": "UTILITY"}])
    ran = run(capsys, "templates", "list", "--base-url", server.serve(answer))
    assert "\x1b" not in ran.out
    assert "\r" not in ran.out
    assert "oi\\x1b[2J" in ran.out


def test_list_names_the_number_of_a_tenant_key_in_its_header(
    server: Loopback, capsys: pytest.CaptureFixture[str]
) -> None:
    answer = Recorded(200, [])
    ran = run(capsys, "templates", "list", "--whatsapp-number-id", "num_1", "--base-url", server.serve(answer))
    assert (ran.code, ran.out.splitlines()) == (0, ["name  id  category  source  metaStatus  sendable  variables"])
    assert answer.requests[0].headers["x-whatsapp-number-id"] == "num_1"


def test_a_refusal_is_one_line_and_exit_1(server: Loopback, capsys: pytest.CaptureFixture[str]) -> None:
    body = {"error": "Tenant-scoped keys cannot call number endpoints", "code": "TENANT_SCOPE_NOT_ALLOWED"}
    ran = run(capsys, "templates", "list", "--base-url", server.serve(Recorded(403, body)))
    ran.assert_one_error_line(1, "TENANT_SCOPE_NOT_ALLOWED", "--whatsapp-number-id")
    assert ran.out == ""


def test_a_missing_key_is_one_line_and_exit_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    use_key(monkeypatch, None)
    ran = run(capsys, "templates", "list", "--base-url", "http://127.0.0.1:9")
    ran.assert_one_error_line(2, "PILOT_STATUS_API_KEY")


def test_the_help_lists_templates_list_with_the_connection_options(capsys: pytest.CaptureFixture[str]) -> None:
    assert "templates" in run(capsys, "--help").out
    assert "list" in run(capsys, "templates", "--help").out
    listed = run(capsys, "templates", "list", "--help")
    assert listed.code == 0
    assert "--json" in listed.out
    assert "--whatsapp-number-id" in listed.out


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        (
            "ps_sandbox_meta_number",
            [["boas_vindas", "META", "APPROVED", "yes"], ["promocao", "META", "REJECTED", "no"]],
        ),
        (
            "ps_sandbox_web_number",
            [["boas_vindas", "PILOT_STATUS", "-", "yes"], ["promocao", "PILOT_STATUS", "-", "yes"]],
        ),
    ],
)
def test_list_shows_which_of_the_sandboxs_templates_can_be_sent(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], key: str, expected: list[list[str]]
) -> None:
    use_key(monkeypatch, key)
    with Sandbox(SandboxConfig(calls=0, manual_clock=True)) as sandbox:
        ran = run(capsys, "templates", "list", "--base-url", sandbox.url)
    assert ran.code == 0, ran.err
    rows = [row.split() for row in ran.out.splitlines()[1:]]
    assert [[row[0], row[3], row[4], row[5]] for row in rows] == expected
