"""The Calls surface of the SDK is what it was before its resources were generated from the catalogue: the same
resources at the same places, the same public methods, each with the same signature (names, kinds and defaults of
its arguments, their annotations as written, its return annotation), sync and async.

The signatures are written out here, as `inspect.signature` gave them for the hand-written resources; the generator
must reproduce them, not the other way round."""

from __future__ import annotations

import inspect
from typing import Any, Literal

import pytest

from pilotstatus import AsyncPilotStatus, PilotStatus
from tests._clients import KEY

Kind = Literal["def", "async def"]

MethodTable = dict[str, tuple[Kind, str]]

CALLS: MethodTable = {
    "create": (
        "def",
        "(self, *, to: 'str', sdp: 'str | None' = None, biz_opaque_callback_data: 'str | None' = None)"
        " -> 'CallStarted'",
    ),
    "retrieve": ("def", "(self, call_id: 'str', *, include_sdp: 'bool' = False) -> 'CallDetail'"),
    "pre_accept": ("def", "(self, call_id: 'str', *, sdp: 'str') -> 'CallActionResult'"),
    "accept": ("def", "(self, call_id: 'str', *, sdp: 'str | None' = None) -> 'CallActionResult'"),
    "reject": ("def", "(self, call_id: 'str') -> 'CallActionResult'"),
    "terminate": ("def", "(self, call_id: 'str') -> 'CallActionResult'"),
    "play": ("def", "(self, call_id: 'str', *, media_url: 'str') -> 'CallActionResult'"),
    "realtime_session": ("def", "(self, call_id: 'str', *, mode: 'RealtimeSessionMode') -> 'RealtimeSession'"),
    "list": ("def", "(self, *, limit: 'int' = 25, before: 'Before' = None) -> 'CallPage'"),
    "iter": (
        "def",
        "(self, *, since: 'datetime.datetime | str | None' = None, until: 'Until' = None, page_size: 'int' = 100)"
        " -> 'Iterator[Call]'",
    ),
}

SETTINGS: MethodTable = {
    "retrieve": ("def", "(self) -> 'CallingSettings'"),
    "update": (
        "def",
        "(self, *, status: 'CallingSettingsUpdateStatus | None' = None,"
        " call_icon_visibility: 'CallingSettingsUpdateCallIconVisibility | None' = None,"
        " callback_permission_status: 'CallingSettingsUpdateCallbackPermissionStatus | None' = None,"
        " call_hours: 'CallHours | Mapping[str, Any] | None' = None,"
        " voicemail: 'Voicemail | Mapping[str, Any] | None' = None) -> 'CallingSettingsUpdated'",
    ),
}

PERMISSIONS: MethodTable = {
    "retrieve": ("def", "(self, *, to: 'str') -> 'CallPermission'"),
    "request": ("def", "(self, *, to: 'str', text: 'str | None' = None) -> 'CallPermissionRequestSent'"),
}


def asynchronous(table: MethodTable, **returns: str) -> MethodTable:
    """The async twin of a sync table: every method a coroutine function (but those in `returns`, which return an
    async iterator, with this return annotation instead)."""
    twin: MethodTable = {}
    for name, (_, signature) in table.items():
        if name in returns:
            twin[name] = ("def", signature.rsplit(" -> ", 1)[0] + f" -> {returns[name]!r}")
        else:
            twin[name] = ("async def", signature)
    return twin


ASYNC_CALLS = asynchronous(CALLS, iter="AsyncIterator[Call]")
ASYNC_CALLS["list"] = ("async def", CALLS["list"][1].replace("'CallPage'", "'AsyncCallPage'"))

# (where the resource is, from the client; the module and class it is an instance of; its methods)
SURFACE: dict[str, tuple[str, str, MethodTable, MethodTable]] = {
    "calls": ("pilotstatus.resources.calls", "Calls", CALLS, ASYNC_CALLS),
    "calls.settings": ("pilotstatus.resources.call_settings", "CallSettings", SETTINGS, asynchronous(SETTINGS)),
    "calls.permissions": (
        "pilotstatus.resources.call_permissions",
        "CallPermissions",
        PERMISSIONS,
        asynchronous(PERMISSIONS),
    ),
}


def public_methods(resource: object) -> MethodTable:
    """The public methods of a resource, each with its kind and its signature as `inspect` renders it."""
    found: MethodTable = {}
    for name in dir(type(resource)):
        member = inspect.getattr_static(type(resource), name)
        if name.startswith("_") or not inspect.isfunction(member):
            continue
        kind: Kind = "async def" if inspect.iscoroutinefunction(member) else "def"
        found[name] = (kind, str(inspect.signature(member)))
    return found


def resource_at(client: Any, where: str) -> Any:
    for step in where.split("."):
        client = getattr(client, step)
    return client


@pytest.fixture(scope="module")
def clients() -> dict[str, Any]:
    return {
        "sync": PilotStatus(api_key=KEY, base_url="https://api.test"),
        "async": AsyncPilotStatus(api_key=KEY, base_url="https://api.test"),
    }


@pytest.mark.parametrize("where", SURFACE)
@pytest.mark.parametrize("flavor", ["sync", "async"])
def test_every_calls_resource_keeps_its_methods_and_their_signatures(
    clients: dict[str, Any], where: str, flavor: str
) -> None:
    resource = resource_at(clients[flavor], where)
    _, _, sync_table, async_table = SURFACE[where]
    assert public_methods(resource) == (sync_table if flavor == "sync" else async_table)


@pytest.mark.parametrize("where", SURFACE)
@pytest.mark.parametrize("flavor", ["sync", "async"])
def test_every_calls_resource_keeps_its_class_and_the_module_that_exports_it(
    clients: dict[str, Any], where: str, flavor: str
) -> None:
    module_name, class_name, _, _ = SURFACE[where]
    module = __import__(module_name, fromlist=["_"])
    name = class_name if flavor == "sync" else f"Async{class_name}"
    assert type(resource_at(clients[flavor], where)) is getattr(module, name)
    assert type(resource_at(clients[flavor], where)).__name__ == name
