"""The sandbox driven by the catalogue: an operation of the spec with no handler is served from the day it enters the
spec, answered with its 2xx example after the same pipeline (key scope, provider, connection, body), and listed as
example-only by `pilotstatus sandbox --help` and the README's table; a wrong example fails the app's build. Every
catalogue scope (`number`, `tenant`, `any`, `none`) and a provider list are tried on operations added to a copy of
the spec, as the next areas of the API will add them, on every kind of number: the Evolution v2 number, which no
Calls operation serves, is served what names no `providers` as any number is."""

from __future__ import annotations

import asyncio
import copy
import dataclasses
import json
from typing import Any

import httpx
import pytest
from openapi_python_client.strings import snake_case
from starlette.applications import Starlette

from pilotstatus_api.catalogue import BY_ID, OPERATIONS, Entry
from pilotstatus_sandbox import SandboxConfig, create_app
from pilotstatus_sandbox._areas import example_only, handlers
from pilotstatus_sandbox._backend import NUMBERS
from pilotstatus_sandbox._examples import ExampleError
from pilotstatus_sandbox._providers import NAMES
from pilotstatus_sandbox._spec import load_spec
from tests._command import run
from tests._sandbox_client import NUMBER_IDS, send
from tests._spec import ROOT
from tools.generate_sandbox_docs import operations_table

WIDGETS = {"widgets": [{"id": "wdg_1", "name": "welcome", "status": "APPROVED"}]}
WIDGETS_SCHEMA = {
    "type": "object",
    "required": ["widgets"],
    "properties": {
        "widgets": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "name"],
                "properties": {"id": {"type": "string"}, "name": {"type": "string"}, "status": {"type": "string"}},
            },
        }
    },
}


def added(
    path: str,
    operation_id: str,
    scope: str,
    *,
    example: Any = WIDGETS,
    providers: list[str] | None = None,
    tag: str = "Synthetic",
) -> tuple[dict[str, Any], Entry]:
    """A copy of the spec with one more GET operation (by default of tag Synthetic: an area with no package in the
    sandbox), and its catalogue entry, as `make generate` would write it. Its path and operationId are no real
    operation's (`synthetic` in each), so that the spec gaining an area never turns it into one it already has."""
    spec = copy.deepcopy(load_spec())
    assert path not in spec["paths"]
    assert operation_id not in BY_ID
    traits: dict[str, Any] = {"scope": scope, "idempotency": "none"}
    if providers is not None:
        traits["providers"] = providers
    media: dict[str, Any] = {"schema": WIDGETS_SCHEMA}
    if example is not None:
        media["example"] = example
    spec["paths"][path] = {
        "get": {
            "operationId": operation_id,
            "tags": [tag],
            "summary": "List widgets",
            "x-pilotstatus": traits,
            "responses": {"200": {"description": "The widgets", "content": {"application/json": media}}},
        }
    }
    entry = dataclasses.replace(
        BY_ID["get_calls_settings"],
        operation_id=operation_id,
        module=operation_id,
        area=snake_case(tag),
        path=path,
        sdk_method=None,
        scope=scope,  # type: ignore[arg-type]
        providers=None if providers is None else tuple(providers),
        query_parameters=(),
        model=None,
        model_module=None,
        unwrap=None,
    )
    return spec, entry


def app_with(spec: dict[str, Any], *entries: Entry) -> Starlette:
    return create_app(SandboxConfig(calls=3, manual_clock=True), spec=spec, operations=(*OPERATIONS, *entries))


def get(app: Starlette, path: str, **headers: str) -> httpx.Response:
    """A GET with exactly the headers given (no key unless one is given)."""

    async def one() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://sandbox") as client:
            return await client.get(path, headers=headers)

    return asyncio.run(one())


def refusal(response: httpx.Response) -> tuple[int, str | None]:
    return response.status_code, response.json().get("code")


# --- example-only operations -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def number_scoped() -> Starlette:
    spec, entry = added("/v1/synthetic/widgets", "get_synthetic_widgets", "number")
    return app_with(spec, entry)


def test_an_operation_without_a_handler_answers_its_example_to_the_keys_that_reach_a_number(
    number_scoped: Starlette,
) -> None:
    for key in ("meta", "web", "relay-only"):
        response = send(number_scoped, "GET", "/v1/synthetic/widgets", key)
        assert (response.status_code, response.json()) == (200, WIDGETS), key
    named = send(
        number_scoped, "GET", "/v1/synthetic/widgets", "tenant", headers={"x-whatsapp-number-id": "num_sandbox_web"}
    )
    assert (named.status_code, named.json()) == (200, WIDGETS)


def test_an_example_only_operation_goes_through_the_same_pipeline(number_scoped: Starlette) -> None:
    assert refusal(get(number_scoped, "/v1/synthetic/widgets")) == (401, None)
    assert refusal(send(number_scoped, "GET", "/v1/synthetic/widgets", "tenant")) == (403, "TENANT_SCOPE_NOT_ALLOWED")
    assert refusal(send(number_scoped, "GET", "/v1/synthetic/widgets", "rate-limited")) == (429, None)
    assert refusal(send(number_scoped, "GET", "/v1/synthetic/widgets", "web-disconnected")) == (
        409,
        "WHATSAPP_INSTANCE_NOT_CONNECTED",
    )
    assert refusal(send(number_scoped, "POST", "/v1/synthetic/widgets")) == (405, None)


def test_each_answer_is_a_copy_of_the_example(number_scoped: Starlette) -> None:
    first = send(number_scoped, "GET", "/v1/synthetic/widgets")
    assert first.json() == send(number_scoped, "GET", "/v1/synthetic/widgets").json() == WIDGETS


def test_an_example_its_schema_refuses_fails_the_build_naming_the_operation_and_the_place() -> None:
    spec, entry = added("/v1/synthetic/widgets", "get_synthetic_widgets", "number", example={"widgets": [{"id": 7}]})
    with pytest.raises(ExampleError, match=r"get_synthetic_widgets: the example of its 200 answer .* at widgets/0"):
        app_with(spec, entry)


def test_an_operation_with_neither_handler_nor_example_fails_the_build() -> None:
    spec, entry = added("/v1/synthetic/widgets", "get_synthetic_widgets", "number", example=None)
    with pytest.raises(ExampleError, match="get_synthetic_widgets has no handler and its 200 answer no example"):
        app_with(spec, entry)


def test_an_entry_the_spec_lacks_fails_the_build() -> None:
    _, entry = added("/v1/synthetic/widgets", "get_synthetic_widgets", "number")
    with pytest.raises(
        RuntimeError, match="the spec has no operation get_synthetic_widgets at GET /v1/synthetic/widgets"
    ):
        app_with(copy.deepcopy(load_spec()), entry)


def test_a_handler_for_an_operation_the_catalogue_lacks_is_refused() -> None:
    without_play = [entry for entry in OPERATIONS if entry.operation_id != "post_calls_callId_play"]
    with pytest.raises(RuntimeError, match="post_calls_callId_play"):
        handlers(without_play)


def test_every_operation_is_handled_or_example_only_and_every_calls_operation_has_state() -> None:
    handled = set(handlers())
    example_ids = {entry.operation_id for entry in example_only()}
    assert handled | example_ids == {entry.operation_id for entry in OPERATIONS}
    assert not handled & example_ids
    assert {entry.operation_id for entry in OPERATIONS if entry.area == "calls"} <= handled


# --- the scopes --------------------------------------------------------------------------------------------------


def test_a_tenant_operation_takes_the_tenant_key_and_refuses_a_numbers_key() -> None:
    spec, entry = added("/v1/synthetic/accounts", "get_synthetic_accounts", "tenant")
    app = app_with(spec, entry)
    assert send(app, "GET", "/v1/synthetic/accounts", "tenant").json() == WIDGETS
    assert (
        send(app, "GET", "/v1/synthetic/accounts", "tenant", headers={"x-whatsapp-number-id": "num_x"}).status_code
        == 200
    )
    for key in ("meta", "web", "relay-only", "web-disconnected", "unsupported-provider"):
        response = send(app, "GET", "/v1/synthetic/accounts", key)
        assert refusal(response) == (403, "NUMBER_SCOPE_NOT_ALLOWED"), key
        assert response.json()["error"] == "Number-scoped keys cannot call tenant endpoints"
    assert refusal(send(app, "GET", "/v1/synthetic/accounts", "rate-limited")) == (429, None)


def test_an_operation_of_any_scope_takes_both_kinds_of_key() -> None:
    spec, entry = added("/v1/synthetic/keys", "get_synthetic_keys", "any")
    app = app_with(spec, entry)
    for key in ("tenant", "meta", "web"):
        assert send(app, "GET", "/v1/synthetic/keys", key).status_code == 200, key
    named = send(app, "GET", "/v1/synthetic/keys", "tenant", headers={"x-whatsapp-number-id": NUMBER_IDS["meta"]})
    assert named.status_code == 200
    unknown = send(app, "GET", "/v1/synthetic/keys", "tenant", headers={"x-whatsapp-number-id": "num_unknown"})
    assert refusal(unknown) == (403, "TENANT_SCOPE_NOT_ALLOWED")


def test_only_an_operation_on_the_number_needs_its_whatsapp_session() -> None:
    """The disconnected web number's key: 409 on an operation of scope `number` (what its session does), served on
    one of scope `any` (the account's, which a number's key may call too)."""
    for scope, expected in (("number", (409, "WHATSAPP_INSTANCE_NOT_CONNECTED")), ("any", (200, None))):
        spec, entry = added("/v1/synthetic/keys", "get_synthetic_keys", scope)
        response = send(app_with(spec, entry), "GET", "/v1/synthetic/keys", "web-disconnected")
        assert (response.status_code, response.json().get("code") if response.status_code != 200 else None) == expected


def test_an_operation_of_no_scope_needs_no_key() -> None:
    spec, entry = added("/v1/synthetic/status", "get_synthetic_status", "none")
    app = app_with(spec, entry)
    assert get(app, "/v1/synthetic/status").json() == WIDGETS
    assert get(app, "/v1/synthetic/status", **{"x-api-key": "anything"}).status_code == 200


# --- the providers ---------------------------------------------------------------------------------------------------


def test_an_operation_some_numbers_lack_is_refused_saying_which_numbers_have_it() -> None:
    spec, entry = added("/v1/synthetic/widgets", "get_synthetic_widgets", "number", providers=["META"])
    app = app_with(spec, entry)
    assert send(app, "GET", "/v1/synthetic/widgets", "meta").status_code == 200
    for key in ("web", "web-disconnected"):  # the provider is checked before the connection
        response = send(app, "GET", "/v1/synthetic/widgets", key)
        assert refusal(response) == (400, "FEATURE_NOT_SUPPORTED"), key
        assert response.json()["error"] == "GET /v1/synthetic/widgets is for Meta Cloud API numbers only."


def test_a_calls_operation_a_number_lacks_says_which_numbers_have_it_and_why() -> None:
    app = create_app(SandboxConfig(calls=3, manual_clock=True))
    played = send(app, "POST", "/v1/calls/call_1/play", "meta", json={"mediaUrl": "https://example.com/a.mp3"})
    assert played.json() == {
        "error": "POST /v1/calls/{callId}/play is for Pilot Status web (EVO_GO) numbers only: a Meta number's audio"
        " flows over WebRTC, not through the API.",
        "code": "FEATURE_NOT_SUPPORTED",
    }
    settings = send(app, "GET", "/v1/calls/settings", "web")
    assert settings.json()["error"] == (
        "GET /v1/calls/settings is for Meta Cloud API numbers only: a web number's media is handled by the server,"
        " without Meta's signalling, settings or permissions."
    )


def test_an_operation_that_names_no_providers_is_served_to_the_number_that_cannot_call() -> None:
    spec, entry = added("/v1/synthetic/widgets", "get_synthetic_widgets", "number")
    app = app_with(spec, entry)
    own = send(app, "GET", "/v1/synthetic/widgets", "unsupported-provider")
    assert (own.status_code, own.json()) == (200, WIDGETS)
    named = {"x-whatsapp-number-id": "num_sandbox_evolution_v2"}
    assert send(app, "GET", "/v1/synthetic/widgets", "tenant", headers=named).json() == WIDGETS
    calls = send(app, "GET", "/v1/calls", "unsupported-provider")  # its Calls answer is as it was
    assert calls.json() == {
        "error": "Calling is only supported for Meta Cloud API and Pilot Status (web) numbers.",
        "code": "FEATURE_NOT_SUPPORTED",
    }


def test_an_operation_for_meta_numbers_is_refused_to_the_number_that_cannot_call_naming_who_has_it() -> None:
    spec, entry = added("/v1/synthetic/widgets", "get_synthetic_widgets", "number", providers=["META"])
    app = app_with(spec, entry)
    named = {"x-whatsapp-number-id": "num_sandbox_evolution_v2"}
    for response in (
        send(app, "GET", "/v1/synthetic/widgets", "unsupported-provider"),
        send(app, "GET", "/v1/synthetic/widgets", "tenant", headers=named),
    ):
        assert response.json() == {
            "error": "GET /v1/synthetic/widgets is for Meta Cloud API numbers only.",
            "code": "FEATURE_NOT_SUPPORTED",
        }


def test_the_calls_wording_for_a_number_that_cannot_call_holds_while_no_calls_operation_serves_its_kind() -> None:
    # A Calls operation that names no providers serves every kind: the Evolution v2 number then has a Calls
    # operation, and is told of each one it lacks which numbers have it, as the Meta and web numbers are.
    spec, entry = added("/v1/calls/synthetic-summary", "get_calls_synthetic-summary", "number", tag="Calls")
    app = app_with(spec, entry)
    assert send(app, "GET", "/v1/calls/synthetic-summary", "unsupported-provider").json() == WIDGETS
    settings = send(app, "GET", "/v1/calls/settings", "unsupported-provider")
    assert refusal(settings) == (400, "FEATURE_NOT_SUPPORTED")
    assert settings.json()["error"] == "GET /v1/calls/settings is for Meta Cloud API numbers only."
    incoming = send(app, "POST", "/_sandbox/calls/incoming", "unsupported-provider", json={"from": "5511988887777"})
    assert incoming.status_code == 200  # the Calls helpers serve a kind that serves a Calls operation


# --- where the example-only operations are listed -------------------------------------------------------------------


def one_line(help_text: str) -> str:
    """The help as one line (argparse wraps it, breaking a word at its hyphen too)."""
    return " ".join(help_text.split()).replace("- ", "-")


def test_the_sandbox_commands_help_lists_the_example_only_operations(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    today = one_line(run(capsys, "sandbox", "--help").out)
    already = example_only()
    if not already:
        assert "Every operation of openapi.json has state in the sandbox: none is example-only." in today
    for entry in already:  # an operation the spec gained before its area gained state; the list ends with a period
        listed = f"{entry.http_method} {entry.path} ({entry.operation_id})"
        assert f"{listed}," in today or f"{listed}." in today
    _, entry = added("/v1/synthetic/widgets", "get_synthetic_widgets", "number")
    monkeypatch.setattr("pilotstatus_api.catalogue.OPERATIONS", (*OPERATIONS, entry))
    ran = run(capsys, "sandbox", "--help")
    assert ran.code == 0
    listed = one_line(ran.out)
    assert f"Example-only operations ({len(already) + 1})" in listed
    assert "GET /v1/synthetic/widgets (get_synthetic_widgets)." in listed


def test_the_readme_table_marks_each_operation_with_state_or_example_only() -> None:
    spec, _ = added("/v1/synthetic/widgets", "get_synthetic_widgets", "tenant")
    rows = operations_table(spec).splitlines()
    assert len(rows) == 2 + len(OPERATIONS) + 1
    assert rows[-1] == "| `get_synthetic_widgets` | `GET /v1/synthetic/widgets` | example-only | the tenant key | all |"
    play = next(row for row in rows if row.startswith("| `post_calls_callId_play` "))
    assert play.split(" | ")[2:] == ["state", "a number's key, or the tenant key naming the number", "`EVO_GO` |"]


def test_the_kinds_providers_may_name_are_the_kinds_of_the_sandboxs_numbers() -> None:
    schema = json.loads((ROOT / "spec" / "x-pilotstatus.schema.json").read_text(encoding="utf-8"))
    allowed = schema["properties"]["providers"]["items"]["enum"]
    assert sorted(allowed) == sorted({number.provider for number in NUMBERS})
    assert all(kind in NAMES for kind in allowed)  # each one named in a refusal's sentence
