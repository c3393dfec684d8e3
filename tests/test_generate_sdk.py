"""What `make generate` writes of the SDK (`tools/generate_sdk.py`) for operations the Calls API does not have: a new
area with a list returned bare, a path parameter, arguments named as Python builtins or keywords, a hidden property,
an operation that honours an `Idempotency-Key` and one without the number header; and what it refuses.

The spec is a copy of `openapi.json` with synthetic operations added (only the spec: nothing else is written by
hand), and the writer runs on it in process; the modules it writes are compiled, and read as text."""

from __future__ import annotations

import ast
import copy
from pathlib import Path
from typing import Any

import httpx
import pytest

from pilotstatus import APIResponseValidationError, PilotStatus
from pilotstatus_api import catalogue
from pilotstatus_api.models import CancelMessagesCounts, CancelMessagesResult
from tests._clients import BASE_URL, KEY
from tests._spec import JSON, ROOT, load_spec, operations
from tools import generate
from tools.generate_sdk import (
    EXPORTS,
    REGISTRY,
    RESOURCES,
    Paging,
    Resource,
    exported_models,
    resources,
    walk,
    write_sdk,
)


def synthetic_spec() -> JSON:
    spec = copy.deepcopy(load_spec())
    # Long enough that its first line, wrapped without the docstring's opening quotes, would pass 120 characters.
    spec["tags"].append({"name": "Gadgets", "description": GADGETS})
    schemas = spec["components"]["schemas"]
    schemas["Gadget"] = {
        "title": "Gadget",
        "type": "object",
        "required": ["id"],
        "properties": {"id": {"type": "string"}, "name": {"type": "string"}},
    }
    schemas["GadgetUpdate"] = {
        "title": "GadgetUpdate",
        "type": "object",
        "required": ["name"],
        "properties": {
            "name": {"type": "string", "description": "The gadget's new name."},
            "list": {"type": "array", "items": {"type": "string"}, "description": "Where it is listed."},
            "from": {"type": "string", "format": "date-time", "description": "From when it applies."},
            "kind": {"type": "string", "enum": ["marketing", "utility"]},
            "format": {"type": "string", "enum": ["text"]},
        },
    }
    schemas["GadgetCount"] = {
        "title": "GadgetCount",
        "type": "object",
        "required": ["removed"],
        "properties": {"removed": {"type": "integer"}},
    }
    schemas["GadgetRemoved"] = {
        "title": "GadgetRemoved",
        "anyOf": [{"$ref": "#/components/schemas/Gadget"}, {"$ref": "#/components/schemas/GadgetCount"}],
    }
    gadgets = [{"$ref": "#/components/schemas/Gadget"}]
    spec["paths"]["/v1/gadgets"] = {
        "get": {
            "tags": ["Gadgets"],
            "summary": "List gadgets",
            "description": "Every gadget of the account.",
            "operationId": "get_gadgets",
            "x-pilotstatus": {"method": "gadgets.list", "scope": "tenant", "idempotency": "none"},
            "parameters": [
                {
                    "name": "pageSize",
                    "in": "query",
                    "description": "How many.",
                    "schema": {"type": "integer", "default": 30},
                },
                {"name": "status", "in": "query", "schema": {"type": "string"}},
            ],
            "responses": {
                "200": {
                    "description": "The gadgets.",
                    "content": {"application/json": {"schema": {"type": "array", "items": gadgets[0]}}},
                }
            },
        }
    }
    spec["paths"]["/v1/gadgets/{id}"] = {
        "put": {
            "tags": ["Gadgets"],
            "summary": "Update gadget",
            "operationId": "put_gadgets_id",
            "x-pilotstatus": {
                "method": "gadgets.update",
                "scope": "number",
                "idempotency": "optional",
                "hide": ["format"],
            },
            "parameters": [
                {"name": "id", "in": "path", "required": True, "description": "Its id.", "schema": {"type": "string"}},
                {"$ref": "#/components/parameters/WhatsappNumberId"},
            ],
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/GadgetUpdate"}}},
            },
            "responses": {
                "200": {
                    "description": "The gadget.",
                    "content": {"application/json": {"schema": gadgets[0]}},
                }
            },
        },
        "delete": {
            "tags": ["Gadgets"],
            "summary": "Remove gadget",
            "operationId": "delete_gadgets_id",
            "x-pilotstatus": {"method": "gadgets.remove", "scope": "number", "idempotency": "none"},
            "parameters": [
                {"name": "id", "in": "path", "required": True, "description": "Its id.", "schema": {"type": "string"}},
            ],
            "responses": {
                "200": {
                    "description": "The gadget removed, or how many were.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/GadgetRemoved"}}},
                }
            },
        },
    }
    schemas["GadgetEvent"] = {
        "title": "GadgetEvent",
        "type": "object",
        "required": ["id"],
        "properties": {"id": {"type": "string"}, "createdAt": {"type": "string", "format": "date-time"}},
    }
    schemas["GadgetEventsPage"] = {
        "title": "GadgetEventsPage",
        "type": "object",
        "required": ["events", "total", "page", "pageSize", "totalPages"],
        "properties": {
            "events": {"type": "array", "items": {"$ref": "#/components/schemas/GadgetEvent"}},
            **{count: {"type": "integer"} for count in ("total", "page", "pageSize", "totalPages")},
            "notice": {"type": "string"},
        },
    }

    def query(name: str, description: str, schema: JSON) -> JSON:
        return {"name": name, "in": "query", "description": description, "schema": schema}

    spec["paths"]["/v1/gadgets/events"] = {
        "get": {
            "tags": ["Gadgets"],
            "summary": "List gadget events",
            "operationId": "get_gadgets_events",
            "x-pilotstatus": {
                "method": "gadgets.events",
                "scope": "number",
                "idempotency": "none",
                "pagination": "page",
                "order": {"by": "createdAt"},
            },
            "parameters": [
                query("startDate", "The oldest createdAt included.", {"type": "string", "format": "date-time"}),
                query("endDate", "The newest createdAt included.", {"type": "string", "format": "date-time"}),
                query("page", "The page, from 1.", {"type": "integer", "minimum": 1, "default": 1}),
                query("pageSize", "Events a page.", {"type": "integer", "minimum": 1, "maximum": 100, "default": 30}),
                query("kind", "Only events of this kind.", {"type": "string"}),
                {"$ref": "#/components/parameters/WhatsappNumberId"},
            ],
            "responses": {
                "200": {
                    "description": "One page of events.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/GadgetEventsPage"}}},
                }
            },
        }
    }
    return spec


GADGETS = (
    "The number's gadgets, an area no spec has yet: each of them listed, and updated by its own id, once in a while,"
    " or never at all, as you like it."
)


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    scratch = tmp_path_factory.mktemp("sdk")
    write_sdk(generate, synthetic_spec(), scratch)
    return scratch


def source(written: Path, module: str) -> str:
    return (written / RESOURCES / f"{module}.py").read_text(encoding="utf-8")


def test_a_new_area_gets_a_module_that_compiles_and_states_where_it_comes_from(written: Path) -> None:
    text = source(written, "gadgets")
    compile(text, "gadgets.py", "exec")
    assert text.startswith('"""Written by tools/generate.py from openapi.json; do not edit.')
    assert "class Gadgets(SyncAPIResource):" in text
    assert "class AsyncGadgets(AsyncAPIResource):" in text


def methods(text: str, cls: str) -> dict[str, str]:
    """Each method of class `cls` in `text`: its signature and body, as source, without the docstring."""
    for node in ast.parse(text).body:
        if isinstance(node, ast.ClassDef) and node.name == cls:
            found = {}
            for item in node.body:
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    item.body = [statement for statement in item.body if not isinstance(statement, ast.Expr)]
                    found[item.name] = ast.unparse(item)
            return found
    raise AssertionError(f"no class {cls}")


def test_a_list_returned_bare_is_a_list_of_its_model_with_query_parameters_keyword_only(written: Path) -> None:
    text = source(written, "gadgets")
    listed = methods(text, "Gadgets")["list"]
    assert listed.startswith("def list(self, *, page_size: int=30, status: str | None=None) -> builtins.list[Gadget]:")
    assert 'return self._call(LIST, query={"page_size": page_size, "status": status})' in text
    assert "LIST = Operation(get_gadgets, lambda body: [Gadget.from_dict(item) for item in body])" in text
    assert "import builtins" in text


def test_a_list_paged_by_number_gets_a_one_page_method_and_a_walk_beside_it(written: Path) -> None:
    text = source(written, "gadgets")
    found = methods(text, "Gadgets")
    dates = "start_date: datetime.datetime | str | None=None, end_date: datetime.datetime | str | None=None"
    assert found["events"] == (
        f"def events(self, *, {dates}, page: int=1, page_size: int=30, kind: str | None=None)"
        " -> NumberedPage[GadgetEvent]:\n    return fetch_page(self._client, EVENTS_PAGES, page=page,"
        " page_size=page_size, start_date=start_date, end_date=end_date, query={'kind': kind})"
    )
    assert found["iter_events"] == (
        f"def iter_events(self, *, {dates}, kind: str | None=None, page_size: int=100) -> Iterator[GadgetEvent]:"
        "\n    return walk(self._client, EVENTS_PAGES, page_size=page_size, start_date=start_date,"
        " end_date=end_date, query={'kind': kind})"
    )
    assert "EVENTS = Operation(get_gadgets_events, GadgetEventsPage.from_dict)" in text
    assert (
        'EVENTS_PAGES = NumberedList(EVENTS, items="events", dates=("startDate", "endDate"), order="created_at")'
        in text
    )
    asynchronous = methods(text, "AsyncGadgets")
    assert asynchronous["events"].startswith(f"async def events(self, *, {dates}, page: int=1,")
    assert asynchronous["events"].endswith(
        "-> AsyncNumberedPage[GadgetEvent]:\n    return await fetch_async_page(self._client, EVENTS_PAGES, page=page,"
        " page_size=page_size, start_date=start_date, end_date=end_date, query={'kind': kind})"
    )
    assert asynchronous["iter_events"].startswith("def iter_events(self, *,")
    assert (
        "-> AsyncIterator[GadgetEvent]:\n    return walk_async(self._client, EVENTS_PAGES,"
        in asynchronous["iter_events"]
    )


def test_the_walk_of_a_list_paged_by_number_says_what_it_promises_and_the_page_points_to_it(written: Path) -> None:
    text = source(written, "gadgets")
    assert '"""List gadget events: every item (`GadgetEvent`), newest first,' in text
    assert "Each item in [`start_date`, `end_date`] is returned exactly once, however many arrive" in " ".join(
        text.split()
    )
    assert "            page_size: items per request, 1..100 (default 100)." in text
    assert "`iter_events()` walks every page without that loss." in " ".join(text.split())
    api = (written / "api.md").read_text(encoding="utf-8")
    assert "- `client.gadgets.iter_events(*, start_date: datetime.datetime | str | None = None," in api
    assert "NumberedPage" in api


def test_the_walk_beside_list_is_iter_and_beside_any_other_method_iter_and_its_name() -> None:
    assert Paging.walk_name("list") == "iter"
    assert Paging.walk_name("history") == "iter_history"


def test_arguments_keep_the_apis_names_builtins_included_and_a_keyword_gets_an_underscore(written: Path) -> None:
    update = methods(source(written, "gadgets"), "Gadgets")["update"]
    assert update.startswith(
        "def update(self, id: str, *, name: str, list: builtins.list[str] | None=None,"
        " from_: datetime.datetime | None=None, kind: GadgetUpdateKind | None=None,"
        " idempotency_key: str | None=None) -> Gadget:"
    )
    assert "body=GadgetUpdate(name=name, list_=list, from_=from_, kind=kind)" in update
    assert "format" not in update  # hidden


def test_an_argument_the_traits_name_takes_that_name_and_still_fills_the_apis(tmp_path: Path) -> None:
    spec = synthetic_spec()
    spec["paths"]["/v1/gadgets/{id}"]["put"]["x-pilotstatus"]["arguments"] = {"id": "gadget_id"}
    write_sdk(generate, spec, tmp_path)

    update = methods(source(tmp_path, "gadgets"), "Gadgets")["update"]

    assert update.startswith("def update(self, gadget_id: str, *, name: str, list: builtins.list[str] | None=None,")
    assert "body=GadgetUpdate(name=name, list_=list, from_=from_, kind=kind)" in update
    assert "self._call(UPDATE, gadget_id," in update


def test_an_operation_that_honours_a_key_takes_the_callers_key_and_one_that_does_not_takes_none(written: Path) -> None:
    gadgets = methods(source(written, "gadgets"), "Gadgets")
    assert gadgets["update"].endswith(
        "return self._call(UPDATE, id, body=GadgetUpdate(name=name, list_=list, from_=from_, kind=kind),"
        " idempotency_key=idempotency_key)"
    )
    assert "idempotency_key" not in gadgets["list"]
    asynchronous = methods(source(written, "gadgets"), "AsyncGadgets")["update"]
    assert asynchronous.endswith("idempotency_key=idempotency_key)")


def test_the_async_twin_awaits_the_same_call(written: Path) -> None:
    update = methods(source(written, "gadgets"), "AsyncGadgets")["update"]
    assert update.startswith("async def update(self, id: str, *, name: str,")
    assert "return await self._call(UPDATE, id, body=GadgetUpdate(" in update


def test_a_docstring_has_the_summary_the_description_the_arguments_and_what_the_catalogue_says(written: Path) -> None:
    text = source(written, "gadgets")
    assert '"""Update gadget.' in text
    assert "            name: The gadget's new name." in text
    assert "            list: Where it is listed." in text
    assert "Sent with an `Idempotency-Key` of its own (`idempotency_key`, or a new one), the same on each retry" in text
    assert "            idempotency_key: Your own key for this request (1 to 255 printable ASCII characters)" in text
    assert '"""List gadgets.\n\n        Every gadget of the account.' in text
    assert "            page_size: How many." in text
    assert "Keys: a tenant (account-wide) key; a number's key raises `NumberScopeNotAllowedError`." in text


def test_every_generated_docstring_says_which_keys_may_call_it_from_its_scope(written: Path) -> None:
    """Upstream's text names one kind of key ("Requires a number-scoped key."); the catalogue's `scope` says all."""
    assert source(written, "gadgets").count("Keys: a tenant (account-wide) key;") == 2  # list, sync and async
    calls = (ROOT / "wrapper" / "pilotstatus" / "resources" / "_generated" / "calls.py").read_text(encoding="utf-8")
    said = calls.count("Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number")
    generated = [
        entry
        for entry in catalogue.OPERATIONS
        if entry.sdk_method is not None and entry.sdk_method.count(".") == 1 and entry.sdk_method.startswith("calls.")
    ]
    assert said == 2 * len([entry for entry in generated if not entry.handwritten]) == 16  # sync and async


def test_the_registry_and_the_exports_have_the_new_area(written: Path) -> None:
    registry = (written / REGISTRY).read_text(encoding="utf-8")
    assert "    def gadgets(self) -> Gadgets:" in registry
    assert "    def gadgets(self) -> AsyncGadgets:" in registry
    exports = (written / EXPORTS).read_text(encoding="utf-8")
    assert '"Gadget": "pilotstatus_api.models.gadget",' in exports
    assert "GadgetUpdate" not in exports  # a request body: its properties are the arguments
    api = (written / "api.md").read_text(encoding="utf-8")
    assert "## `client.gadgets`" in api
    assert "- `client.gadgets.update(id: str, *, name: str," in api


def test_the_writer_changes_nothing_of_the_calls_resources(written: Path) -> None:
    root = Path(generate.ROOT)
    for module in ("calls", "call_settings", "call_permissions"):
        assert source(written, module) == (root / RESOURCES / f"{module}.py").read_text(encoding="utf-8")


def found_resources(spec: JSON) -> dict[str, Resource]:
    return {resource.path: resource for resource in walk(resources(generate, spec))}


@pytest.mark.parametrize("spec", [load_spec(), synthetic_spec()], ids=["openapi.json", "a new area"])
def test_a_resource_is_named_by_its_path_each_parent_in_the_singular(spec: JSON) -> None:
    found = found_resources(spec)
    named = {path: (r.class_name, r.module) for path, r in found.items()}
    assert {path: name for path, name in named.items() if path.split(".")[0] == "calls"} == {
        "calls": ("Calls", "calls"),
        "calls.settings": ("CallSettings", "call_settings"),
        "calls.permissions": ("CallPermissions", "call_permissions"),
    }
    # Every area's resources: each owner of an SDK method the spec names, and each of its parents.
    methods = [operation["x-pilotstatus"].get("method") for _, _, operation in operations(spec)]
    parts = [method.split(".")[:-1] for method in methods if method]
    assert set(found) == {".".join(owner[:depth]) for owner in parts for depth in range(1, len(owner) + 1)}
    for path, (class_name, module) in named.items():
        *parents, last = path.split(".")
        words = [*(parent.removesuffix("s") for parent in parents), last]
        assert module == "_".join(words), path
        assert class_name == "".join(word.capitalize() for part in words for word in part.split("_")), path


REFUSED: dict[str, tuple[dict[str, Any], str]] = {
    "a required property hidden": ({"hide": ["name"]}, "name is required, so it cannot be hidden"),
    "a flag of more than one value": ({"flags": ["status"]}, "the flag status must be an enum of one value"),
    "an order on a list not paged by number": (
        {"order": {"by": "createdAt"}},
        "put_gadgets_id: x-pilotstatus/order is for a list paged by number",
    ),
}

PAGED_REFUSED: dict[str, tuple[dict[str, Any], str]] = {
    "no order for the date bounds": ({"order": None}, "x-pilotstatus/order names the items' property"),
    "an order on no date-time property": ({"order": {"by": "id"}}, "'id', which is no date-time property"),
    "no page number": ({"drop": "page"}, "takes the query parameters page and pageSize"),
    "one date bound": ({"drop": "endDate"}, "takes both startDate and endDate"),
}


@pytest.mark.parametrize(("traits", "problem"), REFUSED.values(), ids=REFUSED.keys())
def test_the_writer_refuses_what_it_cannot_write_naming_the_operation(traits: dict[str, Any], problem: str) -> None:
    spec = synthetic_spec()
    operation = spec["paths"]["/v1/gadgets/{id}"]["put"]
    operation["parameters"].append({"name": "status", "in": "query", "schema": {"type": "string"}})
    operation["x-pilotstatus"].update(traits)
    with pytest.raises(generate.GenerationError, match=problem):
        resources(generate, spec)


def test_the_writer_refuses_an_argument_named_as_the_key_of_an_operation_that_honours_one() -> None:
    spec = synthetic_spec()
    operation = spec["paths"]["/v1/gadgets/{id}"]["put"]
    operation["parameters"].append({"name": "idempotencyKey", "in": "query", "schema": {"type": "string"}})
    with pytest.raises(generate.GenerationError, match="put_gadgets_id: an argument is named idempotency_key"):
        resources(generate, spec)


@pytest.mark.parametrize(("change", "problem"), PAGED_REFUSED.values(), ids=PAGED_REFUSED.keys())
def test_the_writer_refuses_a_list_paged_by_number_it_cannot_walk_naming_the_operation(
    change: dict[str, Any], problem: str
) -> None:
    spec = synthetic_spec()
    operation = spec["paths"]["/v1/gadgets/events"]["get"]
    if "order" in change:
        operation["x-pilotstatus"].pop("order")
        if change["order"] is not None:
            operation["x-pilotstatus"]["order"] = change["order"]
    else:
        operation["parameters"] = [p for p in operation["parameters"] if p.get("name") != change["drop"]]
    with pytest.raises(generate.GenerationError, match=f"get_gadgets_events: .*{problem}"):
        resources(generate, spec)


def test_a_method_marked_hand_written_but_not_written_is_refused(tmp_path: Path) -> None:
    spec = synthetic_spec()
    spec["paths"]["/v1/gadgets"]["get"]["x-pilotstatus"]["handwritten"] = True
    with pytest.raises(generate.GenerationError, match=r"gadgets: list marked handwritten.*GadgetsMixin"):
        write_sdk(generate, spec, tmp_path / "scratch", root=Path(generate.ROOT))


def test_the_exports_leave_out_request_bodies_envelopes_and_the_error_body() -> None:
    exported = exported_models(generate, load_spec())
    assert "StartCallRequest" not in exported
    assert "CallList" not in exported
    assert "CallingSettingsEnvelope" not in exported
    assert {"Error", "ErrorCode", "ErrorDetails"}.isdisjoint(exported)
    assert exported["CallDetail"] == "pilotstatus_api.models.call_detail"


def test_a_2xx_that_is_a_union_of_models_returns_either_parsed_by_the_first_that_reads_it(written: Path) -> None:
    text = source(written, "gadgets")
    removed = methods(text, "Gadgets")["remove"]
    assert removed.startswith("def remove(self, id: str) -> Gadget | GadgetCount:")
    assert "REMOVE = Operation(delete_gadgets_id, any_of(Gadget.from_dict, GadgetCount.from_dict))" in text
    exports = (written / EXPORTS).read_text(encoding="utf-8")
    assert '"GadgetCount": "pilotstatus_api.models.gadget_count",' in exports
    assert "GadgetRemoved" not in exports  # the generator makes no class of a union


@pytest.mark.parametrize(
    ("body", "model"),
    [
        ({"cancelled": ["msg_1"], "failed": [{"id": "msg_2", "reason": "not scheduled"}]}, CancelMessagesResult),
        ({"cancelled": 2, "notFound": 0}, CancelMessagesCounts),
    ],
    ids=["ids", "counts"],
)
def test_cancel_reads_either_shape_of_its_answer_as_its_model(body: JSON, model: type[Any]) -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json=body))
    with PilotStatus(api_key=KEY, base_url=BASE_URL, transport=transport) as client:
        result = client.messages.cancel(message_ids=["msg_1", "msg_2"])
    assert type(result) is model
    assert result.to_dict() == body


def test_an_answer_that_is_neither_member_of_the_union_is_refused() -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json={"cancelled": ["msg_1"]}))
    client = PilotStatus(api_key=KEY, base_url=BASE_URL, transport=transport, max_retries=0)
    with client, pytest.raises(APIResponseValidationError):
        client.messages.cancel(message_ids=["msg_1"])


def test_every_written_line_is_within_the_line_length_docstrings_opening_quotes_included(written: Path) -> None:
    too_long = [
        f"{path.name}:{number}"
        for path in [written / REGISTRY, *sorted((written / RESOURCES).glob("*.py"))]
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if len(line) > 120
    ]
    assert too_long == []


def test_every_written_module_lists_its_classes_in_order(written: Path) -> None:
    """`__all__` sorted, as the linter wants it, whatever the resource's name (`Analytics` before `AsyncAnalytics`)."""
    for path in sorted((written / RESOURCES).glob("*.py")):
        exported = [
            ast.literal_eval(node.value)
            for node in ast.parse(path.read_text(encoding="utf-8")).body
            if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets)
        ]
        assert all(names == sorted(names) for names in exported), path.name
