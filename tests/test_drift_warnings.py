"""The SDK notices drift: a 2xx response that parses but holds a field or an enum value the spec does not know is
logged, once per distinct drift per client, as a WARNING on the `pilotstatus` logger, and the call succeeds as before.

The drift is served by `httpx.MockTransport` handlers: List calls by `FakeCallsAPI` (pages, so that one drift is seen
on many calls and pages), every other operation by its spec example with something added (`tests/_operations`).
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import sys
import threading
import types
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any, cast

import attrs
import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pilotstatus import APIResponseValidationError, AsyncPilotStatus, InvalidInputError, PilotStatus
from pilotstatus._drift import (
    MAX_WARNINGS,
    UNKNOWN_ENUM_VALUE,
    DriftRecord,
    Finding,
    _type_hints,
    find_drift,
    plan,
)
from pilotstatus._validation import python_name
from pilotstatus_api.models.call import Call
from pilotstatus_api.models.call_status import CALL_STATUS_VALUES
from tests._clients import BASE_URL, KEY
from tests._fake_api import EPOCH, FakeCallsAPI, call_body, dataset
from tests._operations import FLAVORS, OPERATIONS, SPEC, Flavor, Op, Recorder, at, ok, properties, run, with_value
from tests._spec import ROOT, resolve
from tools import generate

FIELD = "recordingUrl"
RECORDING = "https://recordings.example/private/5511999999999.ogg"  # a value that must never reach the log
STATUS = "ON_HOLD"

FIELD_WARNING = (
    "get_calls: the response has a field the SDK does not know, Call.recordingUrl (str); kept in additional_properties"
)
STATUS_WARNING = (
    "get_calls: the response has an enum value the SDK does not know, Call.status = 'ON_HOLD' (str); kept as it came"
)

CALL_KEYS = frozenset(resolve(SPEC, SPEC["components"]["schemas"]["Call"])["properties"])


def drift_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    """The messages of the warnings the SDK logged."""
    return [
        record.getMessage()
        for record in caplog.records
        if record.name == "pilotstatus" and record.levelno == logging.WARNING
    ]


@pytest.fixture
def warnings(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.WARNING, logger="pilotstatus")
    return caplog


def drifted_calls(count: int, *, field: bool = True, status: bool = False) -> FakeCallsAPI:
    """`count` calls, one millisecond apart, each with the unknown field and/or the unknown status."""
    calls = dataset(range(count))
    for call in calls:
        if field:
            call[FIELD] = RECORDING
        if status:
            call["status"] = STATUS
    return FakeCallsAPI(calls)


def client_of(api: FakeCallsAPI | httpx.MockTransport, **options: Any) -> PilotStatus:
    transport = api if isinstance(api, httpx.MockTransport) else api.transport()
    return PilotStatus(api_key=KEY, base_url=BASE_URL, transport=transport, **options)


def async_client_of(api: FakeCallsAPI, **options: Any) -> AsyncPilotStatus:
    return AsyncPilotStatus(api_key=KEY, base_url=BASE_URL, transport=api.transport(), **options)


# --- List calls, and paging through it ------------------------------------------------------------------------


def test_an_unknown_field_on_listed_calls_warns_once_however_many_calls_and_pages_carry_it(
    warnings: pytest.LogCaptureFixture,
) -> None:
    api = drifted_calls(35)
    with client_of(api) as client:
        calls = list(client.calls.iter(page_size=10))
        client.calls.list(limit=5)
    assert len(calls) == 35
    assert len(api.requests) == 5
    assert drift_lines(warnings) == [FIELD_WARNING]
    assert RECORDING not in warnings.text
    assert "5511999999999" not in warnings.text
    assert KEY not in warnings.text


def test_an_unknown_status_warns_once(warnings: pytest.LogCaptureFixture) -> None:
    with client_of(drifted_calls(30, field=False, status=True)) as client:
        assert {call.status for call in client.calls.iter(page_size=7)} == {STATUS}
    assert drift_lines(warnings) == [STATUS_WARNING]


def test_two_unknown_statuses_warn_once_each_naming_the_value(warnings: pytest.LogCaptureFixture) -> None:
    calls = dataset(range(20))
    for index, call in enumerate(calls):
        call["status"] = ("ON_HOLD", "TRANSFERRED")[index % 2]
    with client_of(FakeCallsAPI(calls)) as client:
        list(client.calls.iter(page_size=6))
    assert sorted(drift_lines(warnings)) == [
        STATUS_WARNING,
        "get_calls: the response has an enum value the SDK does not know, Call.status = 'TRANSFERRED' (str); kept as"
        " it came",
    ]


def test_two_distinct_drifts_warn_twice(warnings: pytest.LogCaptureFixture) -> None:
    with client_of(drifted_calls(30, status=True)) as client:
        list(client.calls.iter(page_size=10))
    assert sorted(drift_lines(warnings)) == sorted([FIELD_WARNING, STATUS_WARNING])


def test_one_field_with_values_of_two_types_is_two_drifts(warnings: pytest.LogCaptureFixture) -> None:
    calls = dataset(range(4))
    calls[1][FIELD], calls[3][FIELD] = RECORDING, None
    with client_of(FakeCallsAPI(calls)) as client:
        client.calls.list()
    assert sorted(drift_lines(warnings)) == [
        "get_calls: the response has a field the SDK does not know, Call.recordingUrl (None); kept in"
        " additional_properties",
        FIELD_WARNING,
    ]


def test_the_result_is_the_same_with_the_warnings_as_without(warnings: pytest.LogCaptureFixture) -> None:
    api = drifted_calls(12, status=True)
    with client_of(api) as client, client_of(api, drift_warnings=False) as quiet:
        warned, silent = list(client.calls.iter(page_size=5)), list(quiet.calls.iter(page_size=5))
    assert [call.to_dict() for call in warned] == [call.to_dict() for call in silent]
    assert all(call.additional_properties == {FIELD: RECORDING} and call.status == STATUS for call in warned)
    assert all(type(call.status) is str for call in warned)


def test_a_second_client_warns_again(warnings: pytest.LogCaptureFixture) -> None:
    api = drifted_calls(3)
    for _ in range(2):
        with client_of(api) as client:
            client.calls.list()
            client.calls.list()
    assert drift_lines(warnings) == [FIELD_WARNING, FIELD_WARNING]


def test_a_copy_from_with_options_shares_its_clients_record(warnings: pytest.LogCaptureFixture) -> None:
    with client_of(drifted_calls(3)) as client:
        client.with_options(max_retries=0).calls.list()
        client.calls.list()
        client.with_options(timeout=5).calls.list()
    assert drift_lines(warnings) == [FIELD_WARNING]


def test_drift_warnings_false_silences_them(warnings: pytest.LogCaptureFixture) -> None:
    with client_of(drifted_calls(30, status=True), drift_warnings=False) as client:
        list(client.calls.iter(page_size=10))
    assert drift_lines(warnings) == []


def test_with_options_turns_them_off_for_the_copy_only(warnings: pytest.LogCaptureFixture) -> None:
    with client_of(drifted_calls(3)) as client:
        quiet = client.with_options(drift_warnings=False)
        quiet.calls.list()
        assert drift_lines(warnings) == []
        assert quiet.with_options(max_retries=1).drift_warnings is False  # kept by a copy of the copy
        client.calls.list()
        assert drift_lines(warnings) == [FIELD_WARNING]
    with client_of(drifted_calls(3), drift_warnings=False) as quiet_client:
        quiet_client.with_options(drift_warnings=True).calls.list()
    assert drift_lines(warnings) == [FIELD_WARNING, FIELD_WARNING]


def test_the_async_client_warns_once_too(warnings: pytest.LogCaptureFixture) -> None:
    async def main() -> list[Call]:
        async with async_client_of(drifted_calls(25, status=True)) as client:
            calls = [call async for call in client.calls.iter(page_size=10)]
            await asyncio.gather(*(client.calls.list() for _ in range(5)))
            return calls

    calls = asyncio.run(main())
    assert len(calls) == 25
    assert all(call.additional_properties == {FIELD: RECORDING} for call in calls)
    assert sorted(drift_lines(warnings)) == sorted([FIELD_WARNING, STATUS_WARNING])


def test_the_async_client_can_be_silenced(warnings: pytest.LogCaptureFixture) -> None:
    async def main() -> None:
        async with async_client_of(drifted_calls(5), drift_warnings=False) as client:
            await client.calls.list()

    asyncio.run(main())
    assert drift_lines(warnings) == []


def test_threads_sharing_a_client_warn_once(warnings: pytest.LogCaptureFixture) -> None:
    start = threading.Barrier(8)

    def pages(client: PilotStatus) -> int:
        start.wait()
        return sum(len(client.calls.list(limit=3)) for _ in range(5))

    with client_of(drifted_calls(3, status=True)) as client, ThreadPoolExecutor(8) as pool:
        assert sum(pool.map(pages, [client] * 8)) == 8 * 5 * 3
    assert sorted(drift_lines(warnings)) == sorted([FIELD_WARNING, STATUS_WARNING])


def test_a_response_without_drift_logs_nothing(warnings: pytest.LogCaptureFixture) -> None:
    with client_of(FakeCallsAPI(dataset(range(40)))) as client:
        assert len(list(client.calls.iter(page_size=10))) == 40
    assert drift_lines(warnings) == []


@pytest.mark.parametrize("value", ["yes", 1, 0, None, 1.0], ids=repr)
def test_drift_warnings_must_be_a_bool(value: object) -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(500))
    with pytest.raises(InvalidInputError, match="drift_warnings must be True or False"):
        PilotStatus(api_key=KEY, base_url=BASE_URL, transport=transport, drift_warnings=value)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="drift_warnings must be True or False"):
        AsyncPilotStatus(api_key=KEY, base_url=BASE_URL, drift_warnings=value)  # type: ignore[arg-type]
    with PilotStatus(api_key=KEY, base_url=BASE_URL, transport=transport) as client:
        if value is not None:  # None keeps the client's setting, as for every option of with_options()
            with pytest.raises(InvalidInputError, match="drift_warnings must be True or False"):
                client.with_options(drift_warnings=value)  # type: ignore[arg-type]


# --- odd values: the check never fails a call ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "shown"),
    [
        (["ACCEPTED"], "[...] (list)"),
        ({"code": "X"}, "{...} (dict)"),
        (7, "7 (int)"),
        (None, "None (None)"),
        (True, "True (bool)"),
        (1.5, "1.5 (float)"),
    ],
    ids=["list", "dict", "int", "null", "bool", "float"],
)
def test_a_status_that_is_not_a_string_is_an_unknown_value_of_its_type(
    status: object, shown: str, warnings: pytest.LogCaptureFixture
) -> None:
    calls = dataset(range(3))
    calls[1]["status"] = status
    with client_of(FakeCallsAPI(calls)) as client:
        page = client.calls.list()
    assert [call.status for call in page] == ["COMPLETED", status, "COMPLETED"]
    assert drift_lines(warnings) == [
        f"get_calls: the response has an enum value the SDK does not know, Call.status = {shown}; kept as it came"
    ]


def test_a_status_of_true_and_one_of_1_are_two_values(warnings: pytest.LogCaptureFixture) -> None:
    calls = dataset(range(3))
    calls[0]["status"], calls[2]["status"] = True, 1
    with client_of(FakeCallsAPI(calls)) as client:
        client.calls.list()
    assert sorted(drift_lines(warnings)) == [
        f"get_calls: the response has an enum value the SDK does not know, Call.status = {shown}; kept as it came"
        for shown in ("1 (int)", "True (bool)")
    ]


@pytest.mark.parametrize(
    ("status", "shown"),
    [
        ("ON\nWARNING forged line", "'ON\\nWARNING forged line'"),
        ("\x1b[31mRED\x1b[0m", "'\\x1b[31mRED\\x1b[0m'"),
        ("\u202eDLOH_NO", "'\\u202eDLOH_NO'"),
        ("X" * 200, "'" + "X" * 60 + "..."),
        (f"KEY_{KEY}", "'KEY_[redacted]'"),
        ("A" * 55 + KEY, "'" + "A" * 55 + "[reda..."),
    ],
    ids=["newline", "terminal escape", "right-to-left override", "long", "holding the key", "the key where cut"],
)
def test_an_unknown_value_is_shown_as_its_repr_escaped_cut_short_and_without_the_key(
    status: str, shown: str, warnings: pytest.LogCaptureFixture
) -> None:
    calls = dataset(range(2))
    calls[0]["status"] = status
    with client_of(FakeCallsAPI(calls)) as client:
        assert status in [call.status for call in client.calls.list()]  # kept as it came
    (line,) = drift_lines(warnings)
    assert line == (
        f"get_calls: the response has an enum value the SDK does not know, Call.status = {shown} (str); kept as it came"
    )
    assert line.isprintable()
    assert KEY not in warnings.text


def test_an_unknown_value_too_large_to_show_is_named_by_its_type_and_never_raises() -> None:
    call = Call.from_dict(dataset(range(1))[0])
    call.status = cast(Any, 10**5000)  # Python will not write it out; only a model built by hand can hold it
    assert [(finding.name, finding.value) for finding in find_drift(call)] == [("status", "<int>")]


def test_a_body_that_does_not_parse_is_still_a_validation_error_and_no_drift(
    warnings: pytest.LogCaptureFixture,
) -> None:
    body = {"calls": [{FIELD: RECORDING, "status": STATUS}]}  # no id, no createdAt
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json=body))
    with client_of(transport) as client, pytest.raises(APIResponseValidationError):
        client.calls.list()
    assert drift_lines(warnings) == []


@pytest.mark.parametrize(
    ("key", "where"),
    [
        ("a\nWARNING forged line", "Call['a\\nWARNING forged line']"),
        ("x" * 200, "Call['" + "x" * 59 + "...']"),
        (f"echo-{KEY}", "Call['echo-[redacted]']"),
        (KEY, "Call['[redacted]']"),
        ("with space", "Call['with space']"),
        ("gravação", "Call['gravação']"),
        ("", "Call['']"),
    ],
    ids=["newline", "long", "holding the key", "the key", "space", "accents", "empty"],
)
def test_an_odd_key_is_shown_escaped_cut_short_and_without_the_key(
    key: str, where: str, warnings: pytest.LogCaptureFixture
) -> None:
    calls = dataset(range(2))
    calls[0][key] = 1
    with client_of(FakeCallsAPI(calls)) as client:
        page = client.calls.list()
    assert {call.id: call.additional_properties for call in page} == {"call_0": {key: 1}, "call_1": {}}
    assert drift_lines(warnings) == [
        f"get_calls: the response has a field the SDK does not know, {where} (int); kept in additional_properties"
    ]
    assert "\n" not in drift_lines(warnings)[0]
    assert KEY not in warnings.text


def test_past_the_limit_of_distinct_drifts_one_last_warning_says_the_rest_are_not_logged(
    warnings: pytest.LogCaptureFixture,
) -> None:
    calls = dataset(range(2))
    calls[0].update({f"field{index:03d}": index for index in range(MAX_WARNINGS + 20)})
    with client_of(FakeCallsAPI(calls)) as client:
        client.calls.list()
        client.calls.list()
    lines = drift_lines(warnings)
    assert len(lines) == MAX_WARNINGS + 1
    assert lines[-1] == (
        f"get_calls: the responses hold more than {MAX_WARNINGS} kinds of drift from the spec; further ones are not"
        " logged"
    )


# --- every operation ----------------------------------------------------------------------------------------------


def _declares_fields(model: Any) -> bool:
    return any(
        not field.name.startswith("_") and field.name != "additional_properties" for field in attrs.fields(type(model))
    )


def _models_in(value: Any) -> Iterator[Any]:
    """Every model in a parsed value: itself, and those of its fields and lists, recursively."""
    if attrs.has(type(value)):
        yield value
        for field in attrs.fields(type(value)):
            yield from _models_in(getattr(value, field.name))
    elif isinstance(value, list):
        for item in value:
            yield from _models_in(item)


def _with_field_everywhere(body: Any, key: str, value: Any) -> Any:
    if isinstance(body, dict):
        return {**{name: _with_field_everywhere(item, key, value) for name, item in body.items()}, key: value}
    if isinstance(body, list):
        return [_with_field_everywhere(item, key, value) for item in body]
    return body


def _result_with(op: Op, key: str, value: Any) -> Any:
    """The operation's spec example with `key` in every object of the part that the call returns."""
    body = json.loads(json.dumps(op.example))
    if not op.root:
        return _with_field_everywhere(body, key, value)
    return with_value(body, op.root, _with_field_everywhere(op.result_body(body), key, value))


@pytest.mark.parametrize("flavor", FLAVORS)
@pytest.mark.parametrize("op", OPERATIONS, ids=str)
def test_an_unknown_field_in_any_object_a_call_returns_warns_naming_its_model(
    op: Op, flavor: Flavor, warnings: pytest.LogCaptureFixture
) -> None:
    result = run(flavor, op, Recorder(ok(op, _result_with(op, "addedLater", [RECORDING]))))
    models = [model for model in _models_in(result) if _declares_fields(model)]
    assert models
    assert all(model.additional_properties == {"addedLater": [RECORDING]} for model in models)
    expected = {
        f"{op.operation_id}: the response has a field the SDK does not know, {type(model).__name__}.addedLater (list);"
        " kept in additional_properties"
        for model in models
    }
    assert sorted(drift_lines(warnings)) == sorted(expected)
    assert RECORDING not in warnings.text


@pytest.mark.parametrize("flavor", FLAVORS)
@pytest.mark.parametrize(
    ("op", "path"),
    [(op, path) for op in OPERATIONS for path in op.open_enums],
    ids=lambda value: str(value) if isinstance(value, Op) else ".".join(map(str, value)),
)
def test_an_unknown_value_of_any_enum_field_a_call_returns_warns_naming_its_model_and_field(
    op: Op, path: tuple[str | int, ...], flavor: Flavor, warnings: pytest.LogCaptureFixture
) -> None:
    body = with_value(op.example, path, "ADDED_LATER")  # a path in the whole body, the envelope's key included
    result = run(flavor, op, Recorder(ok(op, body)))
    holder = at(result, path[len(op.root) : -1])
    assert getattr(holder, python_name(str(path[-1]))) == "ADDED_LATER"
    assert drift_lines(warnings) == [
        f"{op.operation_id}: the response has an enum value the SDK does not know,"
        f" {type(holder).__name__}.{path[-1]} = 'ADDED_LATER' (str); kept as it came"
    ]


def test_a_retrieved_call_with_an_unknown_field_warns(warnings: pytest.LogCaptureFixture) -> None:
    detail = call_body("call_1", EPOCH, **{FIELD: RECORDING})
    with client_of(httpx.MockTransport(lambda request: httpx.Response(200, json=detail))) as client:
        call = client.calls.retrieve("call_1")
    assert call.additional_properties == {FIELD: RECORDING}
    assert drift_lines(warnings) == [
        "get_calls_callId: the response has a field the SDK does not know, CallDetail.recordingUrl (str); kept in"
        " additional_properties"
    ]


def test_an_action_with_an_unknown_field_warns(warnings: pytest.LogCaptureFixture) -> None:
    body = {"success": True, "id": "call_1", "status": "COMPLETED", "hangupCause": 16}
    with client_of(httpx.MockTransport(lambda request: httpx.Response(200, json=body))) as client:
        result = client.calls.terminate("call_1")
    assert (result.success, result.additional_properties) == (True, {"hangupCause": 16})
    assert drift_lines(warnings) == [
        "post_calls_callId_terminate: the response has a field the SDK does not know,"
        " CallActionResult.hangupCause (int); kept in additional_properties"
    ]


def test_what_a_free_form_object_holds_is_not_drift(warnings: pytest.LogCaptureFixture) -> None:
    settings = next(op for op in OPERATIONS if op.name == "settings.retrieve")
    body = with_value(settings.example, ("calling", "voicemail"), {"status": "ENABLED", "anything": [1]})
    body = with_value(body, ("calling", "sip"), {"status": "DISABLED"})
    calling = run("sync", settings, Recorder(ok(settings, body)))
    assert calling.voicemail.additional_properties == {"status": "ENABLED", "anything": [1]}
    assert drift_lines(warnings) == []


def test_every_enum_field_of_the_models_is_named_by_its_json_key() -> None:
    """An enum field is named in a warning by its JSON key. Every open enum the plans find must be a property of that
    key in the model's schema, and every open enum property of the spec must be found, so this fails the day a plan
    names a field otherwise than its key (`meta_status` for `metaStatus`), or misses an enum."""
    schemas = SPEC["components"]["schemas"]
    models = [model for model in _all_models() if model.__name__ in schemas]
    found: set[str] = set()
    declared: set[str] = set()
    for model in models:
        model_plan = plan(model)
        assert model_plan is not None, model
        declared_properties = properties(schemas[model.__name__])
        for _, _, key, _ in model_plan.enums:
            assert key in declared_properties, f"{model.__name__}.{key} is not the JSON key of its field"
            found.add(f"{model.__name__}.{key}")
        for key, schema in declared_properties.items():
            if _is_open_enum(schema):
                declared.add(f"{model.__name__}.{key}")
    assert found == declared
    assert {"Call.status", "Call.direction", "CallingSettings.status", "CallPermissionAction.action_name"} <= found


# A model of a generated package with a camelCase enum field, as `make generate` writes them: the attribute
# `meta_status`, whose JSON key `json_keys` gives.
WIDGET_MODULE = """
from typing import Any, Literal

from attrs import define as _attrs_define
from attrs import field as _attrs_field


@_attrs_define
class Widget:
    id: str
    meta_status: Literal["APPROVED", "PENDING"] | str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
"""


@pytest.fixture
def widget(monkeypatch: pytest.MonkeyPatch) -> type[Any]:
    """`Widget` of a package `widgets_api`: its module `widgets_api.models.widget`, beside `widgets_api.json_keys`."""
    modules = {name: types.ModuleType(name) for name in ("widgets_api", "widgets_api.models", "widgets_api.json_keys")}
    modules["widgets_api.models.widget"] = model = types.ModuleType("widgets_api.models.widget")
    exec(compile(WIDGET_MODULE, "widget.py", "exec"), vars(model))
    vars(modules["widgets_api.json_keys"])["JSON_KEYS"] = {"Widget": {"meta_status": "metaStatus"}}
    for name, module in modules.items():
        monkeypatch.setitem(sys.modules, name, module)
    cls: type[Any] = vars(model)["Widget"]
    return cls


def test_a_camel_case_enum_field_is_named_by_its_json_key_not_its_attribute(
    widget: type[Any], warnings: pytest.LogCaptureFixture
) -> None:
    assert find_drift(widget(id="w_1", meta_status="ARCHIVED")) == {
        Finding(UNKNOWN_ENUM_VALUE, "Widget", "metaStatus", "str", "'ARCHIVED'")
    }
    DriftRecord().notice("get_widgets", [widget(id="w_1", meta_status="ARCHIVED")], str)
    assert drift_lines(warnings) == [
        "get_widgets: the response has an enum value the SDK does not know, Widget.metaStatus = 'ARCHIVED' (str); kept"
        " as it came"
    ]


def test_the_generator_writes_the_json_key_of_each_attribute_it_names_otherwise() -> None:
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "Widgets", "version": "1"},
        "paths": {},
        "components": {
            "schemas": {
                "Widget": {
                    "type": "object",
                    "required": ["id"],
                    "properties": {
                        "id": {"type": "string"},
                        "metaStatus": {"anyOf": [{"type": "string", "enum": ["APPROVED"]}, {"type": "string"}]},
                        "from": {"type": "string"},
                        "latestVersion": {"type": ["object", "null"], "properties": {"versionId": {"type": "string"}}},
                    },
                }
            }
        },
    }
    assert generate.json_keys(spec, ROOT / "generator-config.yaml") == {
        "Widget": {"meta_status": "metaStatus", "from_": "from", "latest_version": "latestVersion"},
        "WidgetLatestVersionType0": {"version_id": "versionId"},
    }


def _is_open_enum(schema: dict[str, Any]) -> bool:
    members = [resolve(SPEC, member) for member in schema.get("anyOf", [])]
    return any("enum" in member for member in members) and {"type": "string"} in members


def _all_models() -> list[type]:
    import pilotstatus_api.models as package

    return [value for value in vars(package).values() if isinstance(value, type) and attrs.has(value)]


def test_the_type_hint_of_every_field_of_every_model_resolves() -> None:
    """A plan is made from the model's type hints; a hint that did not resolve would leave its field unchecked."""
    for model in _all_models():
        declared = {field.name for field in attrs.fields(model) if not field.name.startswith("_")}
        assert declared <= set(_type_hints(model)), model


# --- the property ---------------------------------------------------------------------------------------------------

_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3),
    max_leaves=6,
)
_extra_keys = st.text(max_size=20).filter(lambda key: key not in CALL_KEYS)
_TYPE_NAMES = {str: "str", int: "int", float: "float", bool: "bool", type(None): "None", dict: "dict", list: "list"}


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


@contextmanager
def _collected() -> Iterator[list[str]]:
    """The warnings of the `pilotstatus` logger while inside (caplog is per test, not per example)."""
    logger, handler = logging.getLogger("pilotstatus"), _Collect()
    logger.addHandler(handler)
    try:
        yield handler.lines
    finally:
        logger.removeHandler(handler)


@given(
    extras=st.lists(st.dictionaries(_extra_keys, _json_values, max_size=4), min_size=1, max_size=12),
    statuses=st.lists(st.sampled_from(sorted(CALL_STATUS_VALUES)) | st.text(max_size=10), min_size=12, max_size=12),
)
def test_random_extra_fields_never_fail_a_call_and_warn_once_per_distinct_field_and_type(
    extras: list[dict[str, Any]], statuses: list[str]
) -> None:
    calls = dataset(range(len(extras)))
    for call, extra, status in zip(calls, extras, statuses, strict=False):
        call.update(extra)
        call["status"] = status
    with _collected() as lines, client_of(FakeCallsAPI(calls)) as client:
        page = client.calls.list(limit=100)
        client.calls.list(limit=100)
    by_id = {call.id: call for call in page}
    for call, extra in zip(calls, extras, strict=True):
        assert by_id[call["id"]].additional_properties == extra
    fields = {(key, _TYPE_NAMES[type(value)]) for extra in extras for key, value in extra.items()}
    unknown_statuses = {call["status"] for call in calls} - CALL_STATUS_VALUES
    field_lines = [line for line in lines if "a field the SDK does not know" in line]
    assert len(field_lines) == len(fields)
    assert len(set(field_lines)) == len(fields)
    status_lines = [line for line in lines if "Call.status = " in line]
    assert len(status_lines) == len(unknown_statuses)
    for status in unknown_statuses:  # each named by its repr, cut short
        shown = repr(status)
        shown = shown if len(shown) <= 64 else shown[:61] + "..."
        assert any(line.endswith(f"Call.status = {shown} (str); kept as it came") for line in status_lines)
    assert len(lines) == len(fields) + len(unknown_statuses)
    for key, type_name in fields:
        if re.fullmatch(r"[A-Za-z0-9_-]{1,64}", key):
            assert (
                f"get_calls: the response has a field the SDK does not know, Call.{key} ({type_name}); kept in"
                " additional_properties"
            ) in lines
