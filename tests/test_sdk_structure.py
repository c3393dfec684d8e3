"""How the SDK is put together: resources stand on a small base and never on the client, every method of a resource
is either generated from the catalogue or listed in it as hand-written, and a resource (with the models it needs) is
loaded on first use, not by `import pilotstatus`.

The import graph is read from the sources (every `import`, in a function or under `TYPE_CHECKING` too), so that an
import added anywhere, even one that only type checkers follow, is seen."""

from __future__ import annotations

import ast
import inspect
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import pilotstatus
from pilotstatus import AsyncPilotStatus, PilotStatus
from pilotstatus._resource import AsyncAPIResource, SyncAPIResource
from pilotstatus_api import catalogue
from tests._clients import BASE_URL, KEY
from tests._spec import ROOT

PACKAGE = ROOT / "wrapper" / "pilotstatus"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """The modules of `pilotstatus` that `path` names in an import, anywhere in it (a parent package is not counted
    unless it is imported itself, as `from pilotstatus import X` does)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            submodules = {f"{base}.{alias.name}" for alias in node.names} & set(MODULES)
            found |= submodules  # `from . import _validation` imports that module (its package is its parent)
            if len(submodules) < len(node.names):
                found.add(base)
    return {module for module in found if module in MODULES}


MODULES: dict[str, Path] = {module_name(path): path for path in PACKAGE.rglob("*.py")}
GRAPH: dict[str, set[str]] = {name: imports_of(path) for name, path in MODULES.items()}
RESOURCE_MODULES = sorted(
    name for name in MODULES if name.startswith("pilotstatus.resources") or name == "pilotstatus._resource"
)


def reachable(start: str) -> set[str]:
    seen: set[str] = set()
    pending = [start]
    while pending:
        for module in GRAPH[pending.pop()] - seen:
            seen.add(module)
            pending.append(module)
    return seen


def test_the_import_graph_sees_the_imports_of_the_client() -> None:
    """The reader of the graph itself: it finds what `_client.py` imports (the registry), in any spelling."""
    assert "pilotstatus._registry" in GRAPH["pilotstatus._client"]
    assert "pilotstatus._resource" in GRAPH["pilotstatus._registry"]
    assert "pilotstatus.resources._generated.calls" in GRAPH["pilotstatus._registry"]  # in a function
    assert "pilotstatus._exports" in GRAPH["pilotstatus"]


@pytest.mark.parametrize("module", RESOURCE_MODULES)
def test_no_resource_module_reaches_the_client_by_any_import(module: str) -> None:
    reached = reachable(module)
    assert "pilotstatus._client" not in reached
    assert "pilotstatus" not in reached  # the package's __init__ imports the client


def test_no_module_of_the_sdk_is_in_an_import_circle_with_a_resource_or_the_client() -> None:
    for module in [*RESOURCE_MODULES, "pilotstatus._client", "pilotstatus._base_client"]:
        assert module not in reachable(module), module


def test_import_pilotstatus_loads_no_resource_and_a_client_loads_one_on_first_use() -> None:
    script = (
        "import sys\n"
        "import pilotstatus\n"
        "def loaded():\n"
        "    return sorted(m for m in sys.modules if m.startswith(('pilotstatus.resources.', 'pilotstatus_api.')))\n"
        "print(loaded())\n"
        f"client = pilotstatus.PilotStatus(api_key={KEY!r}, base_url={BASE_URL!r})\n"
        "print(loaded())\n"
        "client.calls\n"
        "print('pilotstatus.resources._generated.calls' in sys.modules, 'pilotstatus_api.models.call' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    after_import, after_client, after_use = result.stdout.splitlines()
    assert after_import == "[]"
    assert after_client == after_import
    assert after_use == "True True"


# --- every method is generated or listed ----------------------------------------------------------------------------

RESOURCE_PATHS = sorted({method.rsplit(".", 1)[0] for method in catalogue.BY_SDK_METHOD})


def resource_class(flavor: str, path: str) -> type[Any]:
    client: Any = PilotStatus if flavor == "sync" else AsyncPilotStatus
    resource = client(api_key=KEY, base_url=BASE_URL)
    for step in path.split("."):
        resource = getattr(resource, step)
    assert isinstance(resource, (SyncAPIResource, AsyncAPIResource))
    return type(resource)


def public_methods(cls: type[Any]) -> dict[str, type[Any]]:
    """Each public method of `cls`, with the class that defines it."""
    found: dict[str, type[Any]] = {}
    for owner in reversed(cls.__mro__):
        for name, member in vars(owner).items():
            if not name.startswith("_") and inspect.isfunction(member):
                found[name] = owner
    return found


def rows(path: str) -> Iterator[tuple[str, catalogue.Entry]]:
    """The operations of the resource at `path`, each with its method's name."""
    for method, entry in catalogue.BY_SDK_METHOD.items():
        if method.rsplit(".", 1)[0] == path:
            yield method.rsplit(".", 1)[1], entry


@pytest.mark.parametrize("path", RESOURCE_PATHS)
@pytest.mark.parametrize("flavor", ["sync", "async"])
def test_every_method_of_a_resource_is_generated_or_listed_as_hand_written(flavor: str, path: str) -> None:
    """A generated method is defined by the generated class; a hand-written one by the hand-written class it extends,
    and the catalogue lists it (`handwritten`); nothing else, but the walk beside a paginated list (`iter()` beside
    `list()`, else `iter_<method>()`), written by hand with a hand-written list and generated with a generated one."""
    cls = resource_class(flavor, path)
    methods = public_methods(cls)
    generated = {name for name, entry in rows(path) if not entry.handwritten}
    handwritten = {name for name, entry in rows(path) if entry.handwritten}
    walks = {name: entry.handwritten for name, entry in rows(path) if entry.pagination}
    walks = {"iter" if name == "list" else f"iter_{name}": by_hand for name, by_hand in walks.items()}
    assert set(methods) == generated | handwritten | set(walks)
    generated_walks = {name for name, by_hand in walks.items() if not by_hand}
    assert {name for name, owner in methods.items() if owner is cls} == generated | generated_walks
    assert cls.__module__.startswith("pilotstatus.resources._generated.")
    for name in handwritten | set(walks) - generated_walks:
        assert methods[name].__module__.startswith("pilotstatus.resources._handwritten."), name


def test_the_catalogue_lists_the_hand_written_methods_of_the_calls_api() -> None:
    assert {entry.sdk_method for entry in catalogue.OPERATIONS if entry.handwritten and entry.area == "calls"} == {
        "calls.list",
        "calls.settings.update",
    }


def test_a_resource_copied_with_its_client_by_with_options_is_bound_to_the_copy() -> None:
    client = PilotStatus(api_key=KEY, base_url=BASE_URL)
    calls, settings = client.calls, client.calls.settings
    other = client.with_options(whatsapp_number_id="1234567890")
    assert other.calls is not calls
    assert other.calls._client is other
    assert other.calls.settings._client is other
    assert client.calls is calls
    assert client.calls.settings is settings
    assert calls._client is client


# --- the exports --------------------------------------------------------------------------------------------------

MODELS_OF_TODAY = {
    "Call", "CallActionResult", "CallDetail", "CallDirection", "CallEvent", "CallEventName", "CallHours",
    "CallPermission", "CallPermissionAction", "CallPermissionEventStatus", "CallPermissionLimit",
    "CallPermissionRequestSent", "CallPermissionState", "CallPermissionUpdatedEvent", "CallStarted", "CallStatus",
    "CallingSettings", "CallingSettingsUpdated", "HolidaySchedule", "RealtimeSession", "RealtimeSessionMode",
    "Voicemail", "WeeklyOperatingHours",
}  # fmt: skip


def test_pilotstatus_still_exports_every_model_it_exported_each_the_generated_one() -> None:
    assert set(pilotstatus.__all__) >= MODELS_OF_TODAY
    for name in pilotstatus._exports.MODELS:
        model = getattr(pilotstatus, name)
        assert model is getattr(__import__(pilotstatus._exports.MODELS[name], fromlist=[name]), name)
    assert set(pilotstatus._exports.MODELS) <= set(dir(pilotstatus))


def test_pilotstatus_exports_no_request_body_no_envelope_and_no_error_body() -> None:
    exported = set(pilotstatus._exports.MODELS)
    bodies = {entry.body for entry in catalogue.OPERATIONS if entry.body}
    assert bodies
    assert not exported & bodies
    assert not exported & {"CallList", "CallingSettingsEnvelope", "Error", "ErrorDetails", "ErrorCode"}


# --- api.md ---------------------------------------------------------------------------------------------------------


def test_api_md_names_every_method_of_every_resource_and_is_linked_from_the_readme() -> None:
    text = (ROOT / "api.md").read_text(encoding="utf-8")
    for path in RESOURCE_PATHS:
        for name in public_methods(resource_class("sync", path)):
            assert f"`client.{path}.{name}(" in text, f"{path}.{name}"
    assert "](api.md)" in (ROOT / "README.md").read_text(encoding="utf-8")
