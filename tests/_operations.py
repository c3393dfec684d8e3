"""The Calls operations of the SDK as a table, for the tests that check every one of them the same way.

Each `Op` says how to call one SDK method (sync or async: the same lambda serves `Calls` and `AsyncCalls`), which
request that must send (method, path, query, JSON body), and which model its 2xx body becomes. `OPERATIONS` has one
row per operation of `openapi.json` (List calls aside: `calls.list()`/`iter()` are tested on their own);
`REQUESTS` adds the variants of an operation whose arguments change the request (with and without an optional
argument). The expected values are written out here, not derived from the SDK, and cross-checked against the spec.

`run()` calls an operation through a client wired to a handler by `httpx.MockTransport`; `Recorder` is such a
handler, which keeps each request as it arrived (the SDK redacts the key in a request once it is sent, so the
headers are copied when the handler sees them). `assert_mirrors()` checks a parsed model against the JSON it came
from, field by field and with every unknown field kept; `unset_paths()` finds any `Unset` left in a model.
"""

from __future__ import annotations

import asyncio
import datetime
import inspect
import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal
from urllib.parse import quote

import attrs
import httpx

from pilotstatus import AsyncPilotStatus, PilotStatus
from pilotstatus._validation import python_name
from pilotstatus.resources.calls import AsyncCalls, Calls
from pilotstatus_api.json_keys import JSON_KEYS
from pilotstatus_api.models.call_action_result import CallActionResult
from pilotstatus_api.models.call_detail import CallDetail
from pilotstatus_api.models.call_hours import CallHours
from pilotstatus_api.models.call_permission import CallPermission
from pilotstatus_api.models.call_permission_request_sent import CallPermissionRequestSent
from pilotstatus_api.models.call_started import CallStarted
from pilotstatus_api.models.calling_settings import CallingSettings
from pilotstatus_api.models.calling_settings_updated import CallingSettingsUpdated
from pilotstatus_api.models.realtime_session import RealtimeSession
from pilotstatus_api.models.weekly_operating_hours import WeeklyOperatingHours
from pilotstatus_api.types import Unset
from tests._clients import BASE_URL, KEY
from tests._spec import JSON, load_spec, operations, resolve

SPEC = load_spec()  # one copy, read only here (load_spec() copies the whole document each time)

Flavor = Literal["sync", "async"]
FLAVORS: tuple[Flavor, ...] = ("sync", "async")

AnyCalls = Calls | AsyncCalls
Invoke = Callable[[AnyCalls, str], object]
"""Calls one SDK method on `client.calls` with a call id (ignored by the operations that take none). For an async
client it returns the coroutine, which `run()` awaits."""

CALL_ID = "call_01HZX0000000000000000000"
# A provider id with the characters a path segment must not carry as they are: it must be sent as ONE segment.
AWKWARD_CALL_ID = "wacid.ABC/def?x"
AWKWARD_CALL_ID_IN_PATH = "wacid.ABC%2Fdef%3Fx"
PHONE = "+5511999999999"
SDP_OFFER = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\na=setup:active\r\n"
SDP_ANSWER = "v=0\r\no=- 3 4 IN IP4 127.0.0.1\r\ns=-\r\na=setup:passive\r\n"
MEDIA_URL = "https://example.com/greeting.mp3"
NUMBER_ID = "1234567890"
OTHER_NUMBER_ID = "9876543210"

WEEKLY_HOURS = {
    "status": "ENABLED",
    "timezone_id": "America/Sao_Paulo",
    "weekly_operating_hours": [
        {"day_of_week": "MONDAY", "open_time": "0900", "close_time": "1800"},
        {"day_of_week": "FRIDAY", "open_time": "1000", "close_time": "1200"},
    ],
    "holiday_schedule": [{"date": "2026-12-25", "start_time": "0000", "end_time": "2359"}],
}


@dataclass(frozen=True)
class Op:
    """One way of calling one operation, and what it must send and return."""

    name: str
    """The test id: the SDK method, and the variant of its arguments."""
    operation_id: str
    """The spec's operationId."""
    invoke: Invoke
    method: str
    path: str
    """The path, with `{call_id}` where the call id goes (percent-encoded as one segment)."""
    body: JSON | None
    """The JSON body expected, exactly; None when no body at all must be sent."""
    model: type[Any]
    """The class of the returned value."""
    query: dict[str, str] = field(default_factory=dict)
    root: tuple[str, ...] = ()
    """Where the returned value is in the 2xx body (settings.retrieve returns the envelope's `calling`)."""
    open_enums: tuple[tuple[str | int, ...], ...] = ()
    """Where, in the 2xx body, a value of an open enum is (a value the server adds later must be kept)."""

    def __str__(self) -> str:
        return self.name

    @property
    def on_call(self) -> bool:
        """Whether the operation acts on one call (takes a call id)."""
        return "{call_id}" in self.path

    @property
    def changes_state(self) -> bool:
        return self.method != "GET"

    def url_path(self, call_id: str = CALL_ID) -> str:
        return self.path.format(call_id=quote(call_id, safe=""))

    @property
    def spec_operation(self) -> tuple[str, str, JSON]:
        return spec_operations()[self.operation_id]

    @property
    def success_schema(self) -> JSON:
        """The schema of the 2xx body (a `$ref` to a component)."""
        schema: JSON = self.spec_operation[2]["responses"]["200"]["content"]["application/json"]["schema"]
        return schema

    @property
    def schema_name(self) -> str:
        name: str = self.success_schema["$ref"].rsplit("/", 1)[1]
        return name

    @property
    def example(self) -> JSON:
        """The 2xx example of the operation in openapi.json."""
        example: JSON = self.spec_operation[2]["responses"]["200"]["content"]["application/json"]["example"]
        return example

    def result_body(self, body: JSON) -> Any:
        """The part of a 2xx body the returned value stands for."""
        for key in self.root:
            body = body[key]
        return body

    def result_schema(self) -> JSON:
        schema = resolve(SPEC, self.success_schema)
        for key in self.root:
            schema = resolve(SPEC, properties(schema)[key])
        return schema


@cache
def spec_operations() -> dict[str, tuple[str, str, JSON]]:
    """Every operation of openapi.json by operationId: (path, method, operation)."""
    return {operation["operationId"]: (path, method, operation) for path, method, operation in operations(SPEC)}


ACTION = CallActionResult

OPERATIONS: list[Op] = [
    Op(
        "create",
        "post_calls",
        lambda calls, call_id: calls.create(to=PHONE),
        "POST",
        "/v1/calls",
        {"to": PHONE},
        CallStarted,
        open_enums=(("status",),),
    ),
    Op(
        "retrieve",
        "get_calls_callId",
        lambda calls, call_id: calls.retrieve(call_id),
        "GET",
        "/v1/calls/{call_id}",
        None,
        CallDetail,
        open_enums=(("status",), ("direction",)),
    ),
    Op(
        "pre_accept",
        "post_calls_callId_pre-accept",
        lambda calls, call_id: calls.pre_accept(call_id, sdp=SDP_ANSWER),
        "POST",
        "/v1/calls/{call_id}/pre-accept",
        {"sdp": SDP_ANSWER},
        ACTION,
        open_enums=(("status",),),
    ),
    Op(
        "accept",
        "post_calls_callId_accept",
        lambda calls, call_id: calls.accept(call_id),
        "POST",
        "/v1/calls/{call_id}/accept",
        {},
        ACTION,
        open_enums=(("status",),),
    ),
    Op(
        "reject",
        "post_calls_callId_reject",
        lambda calls, call_id: calls.reject(call_id),
        "POST",
        "/v1/calls/{call_id}/reject",
        None,
        ACTION,
        open_enums=(("status",),),
    ),
    Op(
        "terminate",
        "post_calls_callId_terminate",
        lambda calls, call_id: calls.terminate(call_id),
        "POST",
        "/v1/calls/{call_id}/terminate",
        None,
        ACTION,
        open_enums=(("status",),),
    ),
    Op(
        "play",
        "post_calls_callId_play",
        lambda calls, call_id: calls.play(call_id, media_url=MEDIA_URL),
        "POST",
        "/v1/calls/{call_id}/play",
        {"mediaUrl": MEDIA_URL},
        ACTION,
        open_enums=(("status",),),
    ),
    Op(
        "realtime_session",
        "post_calls_callId_realtime-session",
        lambda calls, call_id: calls.realtime_session(call_id, mode="talk"),
        "POST",
        "/v1/calls/{call_id}/realtime-session",
        {"mode": "talk"},
        RealtimeSession,
    ),
    Op(
        "settings.retrieve",
        "get_calls_settings",
        lambda calls, call_id: calls.settings.retrieve(),
        "GET",
        "/v1/calls/settings",
        None,
        CallingSettings,
        root=("calling",),
        open_enums=(
            ("calling", "status"),
            ("calling", "call_icon_visibility"),
            ("calling", "callback_permission_status"),
            ("calling", "call_hours", "status"),
        ),
    ),
    Op(
        "settings.update",
        "put_calls_settings",
        lambda calls, call_id: calls.settings.update(status="DISABLED"),
        "PUT",
        "/v1/calls/settings",
        {"status": "DISABLED"},
        CallingSettingsUpdated,
    ),
    Op(
        "permissions.retrieve",
        "get_calls_permissions",
        lambda calls, call_id: calls.permissions.retrieve(to=PHONE),
        "GET",
        "/v1/calls/permissions",
        None,
        CallPermission,
        query={"to": PHONE},
        open_enums=(("permission", "status"), ("actions", 0, "action_name")),
    ),
    Op(
        "permissions.request",
        "post_calls_permissions_request",
        lambda calls, call_id: calls.permissions.request(to=PHONE),
        "POST",
        "/v1/calls/permissions/request",
        {"to": PHONE},
        CallPermissionRequestSent,
    ),
]

_BY_NAME = {op.name: op for op in OPERATIONS}


def variant(name: str, of: str, invoke: Invoke, *, body: JSON | None = None, query: dict[str, str] | None = None) -> Op:
    """Another way of calling the operation `of`: other arguments, so another body or query."""
    base = _BY_NAME[of]
    return Op(
        name,
        base.operation_id,
        invoke,
        base.method,
        base.path,
        body if body is not None else base.body,
        base.model,
        query=query if query is not None else base.query,
        root=base.root,
        open_enums=base.open_enums,
    )


REQUESTS: list[Op] = [
    *OPERATIONS,
    variant(
        "create+sdp+data",
        "create",
        lambda calls, call_id: calls.create(to="5511999999999", sdp=SDP_OFFER, biz_opaque_callback_data="order-42"),
        body={"to": "5511999999999", "sdp": SDP_OFFER, "bizOpaqueCallbackData": "order-42"},
    ),
    variant(
        "retrieve+include_sdp",
        "retrieve",
        lambda calls, call_id: calls.retrieve(call_id, include_sdp=True),
        query={"includeSdp": "1"},
    ),
    variant(
        "retrieve+include_sdp=False",
        "retrieve",
        lambda calls, call_id: calls.retrieve(call_id, include_sdp=False),
    ),
    variant(
        "accept+sdp",
        "accept",
        lambda calls, call_id: calls.accept(call_id, sdp=SDP_ANSWER),
        body={"sdp": SDP_ANSWER},
    ),
    variant(
        "realtime_session+listen",
        "realtime_session",
        lambda calls, call_id: calls.realtime_session(call_id, mode="listen"),
        body={"mode": "listen"},
    ),
    variant(
        "settings.update+icon+callback",
        "settings.update",
        lambda calls, call_id: calls.settings.update(
            call_icon_visibility="DISABLE_ALL", callback_permission_status="ENABLED"
        ),
        body={"call_icon_visibility": "DISABLE_ALL", "callback_permission_status": "ENABLED"},
    ),
    variant(
        "settings.update+call_hours_dict",
        "settings.update",
        lambda calls, call_id: calls.settings.update(call_hours=WEEKLY_HOURS),
        body={"call_hours": WEEKLY_HOURS},
    ),
    variant(
        "settings.update+call_hours_model",
        "settings.update",
        lambda calls, call_id: calls.settings.update(
            call_hours=CallHours(
                status="ENABLED",
                timezone_id="America/Sao_Paulo",
                weekly_operating_hours=[
                    WeeklyOperatingHours(day_of_week="MONDAY", open_time="0900", close_time="1800")
                ],
            )
        ),
        body={
            "call_hours": {
                "status": "ENABLED",
                "timezone_id": "America/Sao_Paulo",
                "weekly_operating_hours": [{"day_of_week": "MONDAY", "open_time": "0900", "close_time": "1800"}],
            }
        },
    ),
    variant(
        "settings.update+voicemail",
        "settings.update",
        lambda calls, call_id: calls.settings.update(voicemail={"status": "ENABLED"}),
        body={"voicemail": {"status": "ENABLED"}},
    ),
    variant(
        "settings.update+everything",
        "settings.update",
        lambda calls, call_id: calls.settings.update(
            status="ENABLED",
            call_icon_visibility="DEFAULT",
            callback_permission_status="DISABLED",
            call_hours={"status": "DISABLED"},
            voicemail={},
        ),
        body={
            "status": "ENABLED",
            "call_icon_visibility": "DEFAULT",
            "callback_permission_status": "DISABLED",
            "call_hours": {"status": "DISABLED"},
            "voicemail": {},
        },
    ),
    variant(
        "permissions.retrieve+digits",
        "permissions.retrieve",
        lambda calls, call_id: calls.permissions.retrieve(to="5511999999999"),
        query={"to": "5511999999999"},
    ),
    variant(
        "permissions.request+text",
        "permissions.request",
        lambda calls, call_id: calls.permissions.request(to=PHONE, text="Podemos te ligar"),
        body={"to": PHONE, "text": "Podemos te ligar"},
    ),
]

CALL_OPERATIONS = [op for op in OPERATIONS if op.on_call]
STATE_CHANGING = [op for op in OPERATIONS if op.changes_state]
READS = [op for op in OPERATIONS if not op.changes_state]


# --- calling ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sent:
    """A request as the server received it: the headers before the SDK redacted the key."""

    method: str
    path: str
    raw_path: str
    query: list[tuple[str, str]]
    headers: httpx.Headers
    content: bytes

    def json(self) -> Any:
        return json.loads(self.content)


Outcome = httpx.Response | Exception


class Recorder:
    """A MockTransport handler: answers each request with the next outcome (the last one is repeated), and keeps
    every request it got."""

    def __init__(self, *outcomes: Outcome | Callable[[], Outcome]) -> None:
        self._outcomes = list(outcomes)
        self.sent: list[Sent] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.sent.append(
            Sent(
                method=request.method,
                path=request.url.path,
                raw_path=request.url.raw_path.decode("ascii").split("?", 1)[0],
                query=list(request.url.params.multi_items()),
                headers=httpx.Headers(request.headers),
                content=request.read(),
            )
        )
        outcome = self._outcomes[min(len(self.sent), len(self._outcomes)) - 1]
        if callable(outcome) and not isinstance(outcome, (httpx.Response, Exception)):
            outcome = outcome()
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    @property
    def last(self) -> Sent:
        return self.sent[-1]


def never_called(request: httpx.Request) -> httpx.Response:
    raise AssertionError(f"no request may be sent, but {request.method} {request.url} was")


def run(
    flavor: Flavor,
    op: Op | Invoke,
    handler: Callable[[httpx.Request], httpx.Response],
    *,
    call_id: str = CALL_ID,
    max_retries: int = 2,
    whatsapp_number_id: str | None = None,
    options: Mapping[str, Any] | None = None,
) -> Any:
    """Call `op` once through a new client of `flavor` served by `handler`, and return what it returned (or raise
    what it raised). `options` are given to `client.with_options()` first."""
    invoke = op.invoke if isinstance(op, Op) else op
    transport = httpx.MockTransport(handler)
    if flavor == "sync":
        with PilotStatus(
            api_key=KEY,
            base_url=BASE_URL,
            transport=transport,
            max_retries=max_retries,
            whatsapp_number_id=whatsapp_number_id,
        ) as client:
            used = client.with_options(**options) if options else client
            result = invoke(used.calls, call_id)
            assert not inspect.isawaitable(result)
            return result

    async def main() -> Any:
        async with AsyncPilotStatus(
            api_key=KEY,
            base_url=BASE_URL,
            transport=transport,
            max_retries=max_retries,
            whatsapp_number_id=whatsapp_number_id,
        ) as client:
            used = client.with_options(**options) if options else client
            pending = invoke(used.calls, call_id)
            assert inspect.isawaitable(pending)
            return await pending

    return asyncio.run(main())


def ok(op: Op, body: Any = None) -> httpx.Response:
    """A 200 response of `op`: its spec example, or `body`."""
    return httpx.Response(200, json=op.example if body is None else body)


def error(status: int, code: str | None = None, message: str = "Nope", **headers: str) -> httpx.Response:
    body: JSON = {"error": message}
    if code is not None:
        body["code"] = code
    return httpx.Response(status, json=body, headers=headers)


# --- checking parsed models -------------------------------------------------------------------------------------


def properties(schema: JSON) -> dict[str, JSON]:
    """The properties an object schema declares, its `$ref` and `allOf` members followed."""
    schema = resolve(SPEC, schema)
    found: dict[str, JSON] = dict(schema.get("properties", {}))
    for member in schema.get("allOf", []):
        found.update(properties(member))
    return found


def _object_member(schema: JSON) -> JSON:
    """Of a property's schema, the member that describes an object or an array, if it is a choice of some."""
    schema = resolve(SPEC, schema)
    for member in schema.get("anyOf", []):
        resolved = resolve(SPEC, member)
        if resolved.get("type") in ("object", "array") or "properties" in resolved or "allOf" in resolved:
            return resolved
    return schema


def attribute_of(model: Any, key: str) -> str:
    """The attribute of a generated model that holds JSON key `key`: the generator's name for it (`type_` for `type`,
    from `pilotstatus_api.json_keys`), else the key in snake case."""
    renamed = {json_key: attribute for attribute, json_key in JSON_KEYS.get(type(model).__name__, {}).items()}
    return renamed.get(key) or python_name(key)


def assert_mirrors(parsed: Any, body: Any, schema: JSON, where: str = "$") -> None:
    """`parsed` holds exactly what `body` says: every declared field at its place (recursively, in nested models and
    lists), every undeclared field in `additional_properties` with its value, and nothing more."""
    if attrs.has(type(parsed)):
        assert isinstance(body, dict), f"{where}: a model parsed from {body!r}"
        declared = properties(schema)
        extra = {key: value for key, value in body.items() if key not in declared}
        assert parsed.additional_properties == extra, f"{where}: unknown fields {extra!r} not kept as they came"
        for key, value in body.items():
            if key in declared:
                assert_mirrors(
                    getattr(parsed, attribute_of(parsed, key)), value, _object_member(declared[key]), f"{where}.{key}"
                )
    elif isinstance(parsed, list):
        assert isinstance(body, list), f"{where}: a list parsed from {body!r}"
        assert len(parsed) == len(body), where
        items = resolve(SPEC, schema).get("items", {})
        for index, (item, value) in enumerate(zip(parsed, body, strict=True)):
            assert_mirrors(item, value, _object_member(items), f"{where}[{index}]")
    elif isinstance(parsed, datetime.datetime):
        assert parsed == datetime.datetime.fromisoformat(body), f"{where}: {parsed!r} from {body!r}"
    elif isinstance(parsed, datetime.date):
        assert parsed == datetime.date.fromisoformat(body), f"{where}: {parsed!r} from {body!r}"
    else:
        assert parsed == body, f"{where}: {parsed!r} from {body!r}"
        assert type(parsed) is type(body), f"{where}: {parsed!r} from {body!r}"


def unset_paths(value: Any, where: str = "$") -> Iterator[str]:
    """Where an `Unset` is in `value`: a model's fields, nested models, lists and dicts, recursively."""
    if isinstance(value, Unset):
        yield where
    elif attrs.has(type(value)):
        for attribute in attrs.fields(type(value)):
            yield from unset_paths(getattr(value, attribute.name), f"{where}.{attribute.name}")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from unset_paths(item, f"{where}[{key!r}]")
    elif isinstance(value, (list, tuple, frozenset, set)):
        for index, item in enumerate(value):
            yield from unset_paths(item, f"{where}[{index}]")


def at(value: Any, path: tuple[str | int, ...]) -> Any:
    """The value at a JSON path (`("actions", 0, "action_name")`) of a model, by the SDK's field names."""
    for step in path:
        value = value[step] if isinstance(step, int) else getattr(value, python_name(step))
    return value


def with_value(body: Any, path: tuple[str | int, ...], value: Any) -> Any:
    """A copy of `body` with `value` at `path`."""
    copied = json.loads(json.dumps(body))
    target = copied
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return copied


EXTRA_FIELD = "someFieldAddedLater"
EXTRA_VALUE = {"nested": [1, "two", None], "flag": True}


def with_extra_fields(body: Any) -> Any:
    """A copy of `body` with an unknown field in every object of it."""
    if isinstance(body, dict):
        return {**{key: with_extra_fields(value) for key, value in body.items()}, EXTRA_FIELD: EXTRA_VALUE}
    if isinstance(body, list):
        return [with_extra_fields(item) for item in body]
    return body
