"""The proof that an operation is cheap: added to a copy's `openapi.json` (a path, a 2xx schema with an example, its
`x-pilotstatus`: nothing else) and generated with `make generate`, it is an SDK method, sync and async and typed,
that sends the right request and parses the answer; the sandbox serves it from its example; and the catalogue-driven
tests and the contract suite cover it, with no other file of the copy edited by hand.

It works on a copy of the project for minutes, so it runs in `make test-slow`, not in `make test`.
"""

from __future__ import annotations

import json
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests._project_copy import copy_project, make, python_in
from tests._spec import JSON

pytestmark = pytest.mark.proof

WIDGET_PATH = "/v1/widgets/{widgetId}"
WIDGET = {"id": "wdg_01", "name": "Blue widget", "size": 3, "tags": ["round", "blue"]}

WIDGET_SCHEMA: JSON = {
    "title": "Widget",
    "description": "A widget: an object of an area the project has never had.",
    "type": "object",
    "required": ["id", "name"],
    "properties": {
        "id": {"type": "string"},
        "name": {"type": "string"},
        "size": {"type": "integer", "minimum": 0},
        "tags": {"type": "array", "items": {"type": "string"}},
    },
}

GET_WIDGET: JSON = {
    "tags": ["Widgets"],
    "summary": "Get widget",
    "description": "Returns one widget of the number, by its id.",
    "operationId": "get_widgets_widgetId",
    "x-pilotstatus": {"method": "widgets.retrieve", "scope": "number", "idempotency": "none"},
    "parameters": [
        {
            "name": "widgetId",
            "in": "path",
            "required": True,
            "description": "The widget's id.",
            "schema": {"type": "string", "minLength": 1, "maxLength": 64, "pattern": "\\S"},
            "example": "wdg_01",
        },
        {"$ref": "#/components/parameters/WhatsappNumberId"},
    ],
    "responses": {
        "200": {
            "description": "The widget",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Widget"}, "example": WIDGET}},
        },
        "400": {"$ref": "#/components/responses/BadRequest"},
        "401": {"$ref": "#/components/responses/Unauthorized"},
        "403": {"$ref": "#/components/responses/TenantScopeNotAllowed"},
        "409": {"$ref": "#/components/responses/NumberNotConnected"},
        "429": {"$ref": "#/components/responses/RateLimited"},
    },
}
"""The synthetic operation: what a new operation of a new area costs in `openapi.json`, and all the copy gets."""


@dataclass(frozen=True)
class Added:
    root: Path
    before: dict[str, bytes]
    """Every file of the copy before the operation was added, by its path."""


def _files(root: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts and ".ruff_cache" not in path.parts
    }


@pytest.fixture(scope="module")
def added(tmp_path_factory: pytest.TempPathFactory) -> Added:
    root = copy_project(tmp_path_factory.mktemp("proof"))
    before = _files(root)
    spec: JSON = json.loads((root / "openapi.json").read_text(encoding="utf-8"))
    spec["paths"][WIDGET_PATH] = {"get": GET_WIDGET}
    spec["components"]["schemas"]["Widget"] = WIDGET_SCHEMA
    (root / "openapi.json").write_text(json.dumps(spec, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    generated = make(root, "generate")
    assert generated.returncode == 0, generated.stdout + generated.stderr
    return Added(root, before)


def test_make_generate_derives_everything_and_check_generated_agrees(added: Added) -> None:
    checked = make(added.root, "check-generated")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    changed = {name for name, content in _files(added.root).items() if added.before.get(name) != content}
    assert "openapi.json" in changed
    assert "generated/pilotstatus_api/api/widgets/get_widgets_widget_id.py" in changed
    assert "generated/pilotstatus_api/models/widget.py" in changed
    assert "api.md" in changed
    assert not {name for name in changed if name.startswith("tests/")}, "no test was edited"


def test_the_method_exists_sync_and_async_with_its_signature(added: Added) -> None:
    script = textwrap.dedent(
        """
        import inspect
        from pilotstatus import AsyncPilotStatus, PilotStatus
        for client in (PilotStatus(api_key="ps_x"), AsyncPilotStatus(api_key="ps_x")):
            method = client.widgets.retrieve
            print(type(client).__name__, inspect.iscoroutinefunction(method), inspect.signature(method))
        """
    )
    run = python_in(added.root, "-c", script)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == [
        "PilotStatus False (widget_id: 'str') -> 'Widget'",
        "AsyncPilotStatus True (widget_id: 'str') -> 'Widget'",
    ]


def test_the_method_is_typed_for_mypy(added: Added) -> None:
    snippet = added.root / "typed_widget.py"
    snippet.write_text(
        textwrap.dedent(
            """
            from pilotstatus import AsyncPilotStatus, PilotStatus


            async def main() -> None:
                widget = PilotStatus(api_key="ps_x").widgets.retrieve("wdg_01")
                reveal_type(widget)
                reveal_type(widget.size)
                reveal_type(await AsyncPilotStatus(api_key="ps_x").widgets.retrieve("wdg_01"))
                PilotStatus(api_key="ps_x").widgets.retrieve(1)
            """
        )
    )
    paths = ":".join(str(added.root / folder) for folder in ("wrapper", "generated"))
    run = python_in(added.root, "-m", "mypy", "--strict", "--no-incremental", str(snippet), env={"MYPYPATH": paths})
    shown = run.stdout
    assert 'Revealed type is "pilotstatus_api.models.widget.Widget"' in shown, shown
    assert 'Revealed type is "int | None"' in shown, shown
    assert shown.count("pilotstatus_api.models.widget.Widget") == 2, shown
    assert 'Argument 1 to "retrieve" of "Widgets" has incompatible type "int"; expected "str"' in shown, shown


def test_the_sdk_calls_it_on_the_sandbox_which_answers_its_example(added: Added) -> None:
    script = textwrap.dedent(
        """
        import asyncio
        from pilotstatus import AsyncPilotStatus, PilotStatus
        from pilotstatus_sandbox import Sandbox, SandboxConfig

        with Sandbox(SandboxConfig(calls=5, manual_clock=True)) as sandbox:
            # Every kind of number serves an operation that names no providers: Evolution v2's too, which cannot call.
            for key in ("ps_sandbox_meta_number", "ps_sandbox_web_number", "ps_sandbox_evolution_v2"):
                with PilotStatus(api_key=key, base_url=sandbox.url) as client:
                    print(client.widgets.retrieve("wdg_01").to_dict())
            async def main():
                async with AsyncPilotStatus(api_key="ps_sandbox_meta_number", base_url=sandbox.url) as client:
                    print((await client.widgets.retrieve("wdg_01")).to_dict())
            asyncio.run(main())
            with PilotStatus(api_key="ps_sandbox_tenant", base_url=sandbox.url) as client:
                try:
                    client.widgets.retrieve("wdg_01")
                except Exception as error:
                    print(type(error).__name__)
        """
    )
    run = python_in(added.root, "-c", script)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == [str(WIDGET)] * 4 + ["TenantScopeNotAllowedError"]


def test_the_sandbox_lists_it_as_example_only(added: Added) -> None:
    shown = python_in(added.root, "-m", "pilotstatus", "sandbox", "--help")
    assert shown.returncode == 0, shown.stderr
    assert "GET /v1/widgets/{widgetId} (get_widgets_widgetId)" in " ".join(shown.stdout.split())
    readme = (added.root / "README.md").read_text(encoding="utf-8")
    assert "| `get_widgets_widgetId` | `GET /v1/widgets/{widgetId}` | example-only |" in readme


CATALOGUE_DRIVEN = (
    ["tests/test_traits_sdk.py", "-k", "widgets"],
    ["tests/test_catalogue.py", "tests/test_sandbox_catalogue.py", "tests/test_contract_catalogue.py"],
    ["tests/test_sdk_structure.py", "tests/test_operations.py"],
)
"""The tests read from the catalogue, run in the copy: the first selection is the new operation's own rows."""


@pytest.mark.parametrize("selection", CATALOGUE_DRIVEN, ids=lambda selection: " ".join(selection))
def test_the_catalogue_driven_tests_cover_it(added: Added, selection: list[str]) -> None:
    run = python_in(added.root, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "0", *selection)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert " passed" in run.stdout


def test_the_contract_suite_reaches_it_on_every_number_that_serves_it(added: Added) -> None:
    """`test_every_operation_a_number_serves_answered_a_valid_request` reads the operations each number serves from
    the catalogue: in the copy it fails unless the suite got a 200 from the new operation on both numbers."""
    run = python_in(added.root, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "0", "tests/test_contract.py")
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert "failed" not in run.stdout
