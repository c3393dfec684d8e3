"""`client.templates` against the sandbox over real HTTP (its clock moved by the test helper): a template created on a
Meta number is PENDING until Meta's review approves it (or rejects a name starting with `reject`), the content and
examples are taken as JSON or as models, a mistake the spec can name is refused before any request naming where it
is, what only the server knows comes back as its typed error, and a template is found by its id or its name until it
is deleted."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from pilotstatus import (
    AsyncPilotStatus,
    BadRequestError,
    InvalidInputError,
    PilotStatus,
    TemplateContent,
    TemplateDeleted,
    TemplateDetail,
    TemplateExamplesRequiredError,
    TemplateNameTakenError,
    TemplateNotFoundError,
)
from pilotstatus_sandbox import Sandbox, SandboxConfig, SandboxHelpers

META_KEY = "ps_sandbox_meta_number"
WEB_KEY = "ps_sandbox_web_number"
GREETING = {"body": {"text": "Oi {{nome}}, tudo bem?"}}
NAMES = (f"sdk_template_{count}" for count in itertools.count())


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(SandboxConfig(calls=10, manual_clock=True)) as running:
        yield running


@pytest.fixture
def meta(sandbox: Sandbox) -> Iterator[PilotStatus]:
    with PilotStatus(base_url=sandbox.url, api_key=META_KEY) as client:
        yield client


@pytest.fixture
def web(sandbox: Sandbox) -> Iterator[PilotStatus]:
    with PilotStatus(base_url=sandbox.url, api_key=WEB_KEY) as client:
        yield client


def advance(sandbox: Sandbox, seconds: float) -> None:
    with SandboxHelpers(sandbox.url, api_key=META_KEY) as helpers:
        helpers.advance(seconds)


def refuse(request: httpx.Request) -> httpx.Response:
    raise AssertionError(f"no request may be sent, but {request.method} {request.url} was")


def offline() -> PilotStatus:
    """A client whose every request fails the test: what it refuses, it refuses before sending."""
    return PilotStatus(base_url="http://sandbox.invalid", api_key=META_KEY, transport=httpx.MockTransport(refuse))


def test_a_template_created_on_a_meta_number_is_sendable_once_meta_approves_it(
    meta: PilotStatus, sandbox: Sandbox
) -> None:
    created = meta.templates.create(
        name=next(NAMES), category="UTILITY", language="pt_BR", body=GREETING, examples={"nome": "Maria"}
    )
    assert isinstance(created, TemplateDetail)
    assert (created.source, created.meta_status, created.sendable, created.variables) == (
        "META",
        "PENDING",
        False,
        ["nome"],
    )
    advance(sandbox, 5)
    approved = meta.templates.retrieve(created.id)
    assert (approved.meta_status, approved.sendable) == ("APPROVED", True)
    assert {template.id: template.sendable for template in meta.templates.list()}[created.id] is True


def test_a_template_whose_name_starts_with_reject_is_rejected_by_meta(meta: PilotStatus, sandbox: Sandbox) -> None:
    created = meta.templates.create(name="reject_" + next(NAMES), body="Uma mensagem qualquer, sem variáveis.")
    advance(sandbox, 5)
    rejected = meta.templates.retrieve(created.name)
    assert (rejected.meta_status, rejected.sendable) == ("REJECTED", False)


def test_on_a_web_number_a_template_is_sendable_at_once_and_found_by_id_or_name(web: PilotStatus) -> None:
    created = web.templates.create(name=next(NAMES), body=TemplateContent.from_dict(GREETING), examples={"nome": "Ana"})
    assert (created.source, created.meta_status, created.sendable) == ("PILOT_STATUS", None, True)
    assert web.templates.retrieve(created.id).to_dict() == created.to_dict()
    assert web.templates.retrieve(created.name).id == created.id


def test_an_update_replaces_the_content_and_on_a_meta_number_is_reviewed_again(
    meta: PilotStatus, sandbox: Sandbox
) -> None:
    created = meta.templates.create(name=next(NAMES), body=GREETING, examples={"nome": "Maria"})
    advance(sandbox, 5)
    content = {"body": {"text": "Oi {{nome}}, seu pedido {{pedido}} saiu."}, "footer": {"text": "Loja"}}
    updated = meta.templates.update(created.name, body=content, examples={"nome": "Maria", "pedido": "42"})
    assert (updated.body, updated.variables, updated.meta_status) == (
        content["body"]["text"],
        ["nome", "pedido"],
        "PENDING",
    )
    advance(sandbox, 5)
    assert meta.templates.retrieve(created.id).meta_status == "APPROVED"


def test_a_deleted_template_is_not_found_any_more(web: PilotStatus) -> None:
    created = web.templates.create(name=next(NAMES), body="Olá, até logo!")
    deleted = web.templates.delete(created.name)
    assert isinstance(deleted, TemplateDeleted)
    assert (deleted.deleted, deleted.id) == (True, created.id)
    with pytest.raises(TemplateNotFoundError) as caught:
        web.templates.retrieve(created.id)
    assert (caught.value.status_code, caught.value.code) == (404, "TEMPLATE_NOT_FOUND")
    with pytest.raises(TemplateNotFoundError):
        web.templates.delete(created.id)


def test_a_variable_without_an_example_raises_the_error_naming_it(web: PilotStatus) -> None:
    content = {"body": {"text": "Oi {{nome}}, use {{cupom}} hoje."}}
    with pytest.raises(TemplateExamplesRequiredError) as caught:
        web.templates.create(name=next(NAMES), body=content, examples={"nome": "Maria"})
    assert caught.value.missing == ["cupom"]
    assert isinstance(caught.value, BadRequestError)


def test_a_name_taken_raises_its_conflict(web: PilotStatus) -> None:
    with pytest.raises(TemplateNameTakenError) as caught:
        web.templates.create(name="boas_vindas", body="Olá, até logo!")
    assert (caught.value.status_code, caught.value.code) == (409, "TEMPLATE_NAME_TAKEN")


def test_a_rule_only_the_server_states_is_its_validation_error_naming_the_field(web: PilotStatus) -> None:
    with pytest.raises(BadRequestError) as caught:
        web.templates.create(name=next(NAMES), body={"body": {"text": "{{nome}}, oi!"}}, examples={"nome": "A"})
    assert type(caught.value) is BadRequestError
    assert caught.value.message == "Validation error: body.body.text must not start with a variable"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"body": {"body": {"text": "x" * 1025}}}, "body.body.text must be at most 1024 characters long."),
        ({"body": {"body": {"text": "Oi"}, "header": {"type": "LOCATION"}}}, "body.header.type='LOCATION' must be"),
        ({"body": {"body": {"text": "Oi"}, "buttons": [{"text": "Sim"}]}}, "body.buttons[0].type is required."),
        ({"body": {"body": {"text": "Oi"}}, "category": "PROMO"}, "category='PROMO' must be one of"),
        ({"body": "Oi {{nome}}.", "examples": {"nome": 5}}, "examples['nome'] must be a string, not int."),
        ({"body": "Oi {{nome}}.", "examples": ["nome"]}, "examples must be a TemplateExamples or a dict, not list."),
        ({"body": {"footer": {"text": "Loja"}}}, "body.body is required."),
    ],
)
def test_a_mistake_the_spec_names_is_refused_before_any_request_naming_where_it_is(
    arguments: dict[str, Any], message: str
) -> None:
    with offline() as client:
        with pytest.raises(InvalidInputError) as caught:
            client.templates.create(name="promo", **arguments)
        assert str(caught.value).startswith(message), str(caught.value)
        with pytest.raises(InvalidInputError) as caught:
            client.templates.update("promo", **arguments)
        assert str(caught.value).startswith(message), str(caught.value)


def test_the_async_client_creates_lists_updates_and_deletes(sandbox: Sandbox) -> None:
    async def walk() -> tuple[TemplateDetail, TemplateDetail, list[str], TemplateDeleted]:
        async with AsyncPilotStatus(base_url=sandbox.url, api_key=WEB_KEY) as client:
            created = await client.templates.create(name=next(NAMES), body=GREETING, examples={"nome": "Maria"})
            updated = await client.templates.update(created.id, body="Novo texto, sem variáveis.")
            listed = [template.id for template in await client.templates.list()]
            return created, updated, listed, await client.templates.delete(created.id)

    created, updated, listed, deleted = asyncio.run(walk())
    assert (updated.id, updated.body, updated.variables) == (created.id, "Novo texto, sem variáveis.", [])
    assert created.id in listed
    assert deleted.id == created.id
