"""The generated package parses what the API sends, including what it will send tomorrow, into typed models."""

from __future__ import annotations

import asyncio
import importlib
import typing
from datetime import UTC, datetime, timedelta
from importlib.metadata import version
from importlib.resources import files

import httpx
import pytest
from openapi_python_client.strings import snake_case

import pilotstatus
import pilotstatus_api.models
from pilotstatus_api import AuthenticatedClient
from pilotstatus_api.api.calls import get_calls
from pilotstatus_api.models import Call, CallList, Error
from tests._spec import (
    JSON,
    LIFECYCLE_FIELDS,
    documented_call,
    documented_page,
    error_examples,
    inlined,
    load_spec,
    operations,
)

BASE_URL = "https://pilotstatus.test"


def client_serving(transport: httpx.MockTransport) -> AuthenticatedClient:
    return AuthenticatedClient(
        base_url=BASE_URL,
        token="ps_test_key",
        prefix="",
        auth_header_name="x-api-key",
        httpx_args={"transport": transport},
    )


def as_api_writes_it(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


# --- the documented page --------------------------------------------------------------------------------------


def test_the_documented_page_parses_into_typed_calls_with_aware_timestamps() -> None:
    raw = documented_page()
    page = CallList.from_dict(raw)

    assert [type(call) for call in page.calls] == [Call] * len(raw["calls"])
    call, source = page.calls[0], raw["calls"][0]
    assert (call.id, call.external_call_id, call.peer_number) == (
        source["id"],
        source["externalCallId"],
        source["peerNumber"],
    )
    assert (call.status, call.direction, call.duration_seconds) == ("COMPLETED", "INBOUND", 120)
    timestamps = {
        "createdAt": call.created_at,
        "updatedAt": call.updated_at,
        "startedAt": call.started_at,
        "connectedAt": call.connected_at,
        "endedAt": call.ended_at,
    }
    for key, value in timestamps.items():
        assert isinstance(value, datetime), key
        assert value.utcoffset() == timedelta(0), key
        assert as_api_writes_it(value) == source[key], key
    assert call.additional_properties == {}


def test_the_generated_client_sends_the_key_and_query_and_parses_the_page() -> None:
    requests: list[httpx.Request] = []

    def serve(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        return httpx.Response(200, json=documented_page())

    before = datetime(2026, 7, 3, 15, 0, tzinfo=UTC)
    with client_serving(httpx.MockTransport(serve)) as client:
        response = get_calls.sync_detailed(client=client, limit=10, before=before)

    assert response.status_code == 200
    assert isinstance(response.parsed, CallList)
    assert response.parsed.calls[0].id == documented_call()["id"]
    (request,) = requests
    assert (request.method, request.url.path) == ("GET", "/v1/calls")
    assert request.url.params["limit"] == "10"
    assert datetime.fromisoformat(request.url.params["before"]) == before
    assert request.headers["x-api-key"] == "ps_test_key"


def test_the_generated_async_client_parses_the_page_and_sends_the_default_limit() -> None:
    requests: list[httpx.Request] = []

    def serve(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        return httpx.Response(200, json=documented_page())

    async def list_calls() -> CallList | Error | None:
        async with client_serving(httpx.MockTransport(serve)) as client:
            return await get_calls.asyncio(client=client)

    page = asyncio.run(list_calls())
    assert isinstance(page, CallList)
    assert requests[0].url.params["limit"] == "25"
    assert "before" not in requests[0].url.params


ERROR_EXAMPLES = error_examples()


@pytest.mark.parametrize(
    ("status", "body"), ERROR_EXAMPLES, ids=[f"{s}-{b.get('code', 'no code')}" for s, b in ERROR_EXAMPLES]
)
def test_every_documented_error_response_parses_into_an_error(status: int, body: JSON) -> None:
    with client_serving(httpx.MockTransport(lambda _: httpx.Response(status, json=body))) as client:
        response = get_calls.sync_detailed(client=client)

    assert response.status_code == status
    assert isinstance(response.parsed, Error)
    assert response.parsed.error == body["error"]
    assert response.parsed.code == body.get("code")


# --- what the server may send tomorrow ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "direction"), [("MISSED", "INBOUND"), ("BUSY", "OUTBOUND"), ("RINGING", "SIDEWAYS")]
)
def test_unknown_status_and_direction_values_parse_and_are_kept(status: str, direction: str) -> None:
    call = Call.from_dict({**documented_call(), "status": status, "direction": direction})

    assert (call.status, call.direction) == (status, direction)
    assert (call.to_dict()["status"], call.to_dict()["direction"]) == (status, direction)


def test_unknown_fields_are_kept_on_the_call_and_the_page_and_written_back() -> None:
    extra = {"recordingUrl": "https://example.test/r.mp3", "tags": ["vip"], "meta": {"queue": {"id": 3}}}
    page = CallList.from_dict(
        {"calls": [{**documented_call(), **extra}], "nextCursor": "abc", "notice": "PII_RELAY_ONLY"}
    )

    call = page.calls[0]
    assert call.additional_properties == extra
    assert call["recordingUrl"] == extra["recordingUrl"]
    assert page.additional_properties == {"nextCursor": "abc"}
    assert page.notice == "PII_RELAY_ONLY"
    written = page.to_dict()
    assert written["nextCursor"] == "abc"
    assert {key: written["calls"][0][key] for key in extra} == extra


@pytest.mark.parametrize("absent_as", ["null", "missing"])
def test_a_ringing_call_parses_without_its_lifecycle_fields(absent_as: str) -> None:
    raw = {key: value for key, value in documented_call().items() if key not in LIFECYCLE_FIELDS}
    if absent_as == "null":
        raw.update(dict.fromkeys(LIFECYCLE_FIELDS))
    call = Call.from_dict({**raw, "status": "RINGING"})

    assert (call.started_at, call.connected_at, call.ended_at, call.duration_seconds) == (None,) * 4
    assert {key for key in LIFECYCLE_FIELDS if key in call.to_dict()} == (
        set(LIFECYCLE_FIELDS) if absent_as == "null" else set()
    )


@pytest.mark.parametrize(
    "written",
    [
        "2026-07-03T15:00:00.000Z",
        "2026-07-03T15:00:00Z",
        "2026-07-03T15:00:00+00:00",
        "2026-07-03T15:00:00.000000+00:00",
        "2026-07-03T12:00:00-03:00",
    ],
)
def test_every_spelling_of_a_timestamp_parses_to_the_same_aware_instant(written: str) -> None:
    call = Call.from_dict({**documented_call(), "createdAt": written, "connectedAt": written})

    for value in (call.created_at, call.connected_at):
        assert isinstance(value, datetime)
        assert value.utcoffset() is not None
        assert value == datetime(2026, 7, 3, 15, 0, tzinfo=UTC)


def test_a_lowercase_rfc3339_separator_is_refused_by_the_parser_not_misread() -> None:
    """RFC 3339 allows `t` and `z`, and the schema's format check accepts them, but the generated parser
    (`datetime.fromisoformat`) does not. The API writes `T` and `Z` (JavaScript's toISOString); if it ever did
    not, parsing must fail loudly here, where the wrapper can report it, rather than produce a wrong time."""
    with pytest.raises(ValueError, match="Invalid isoformat"):
        Call.from_dict({**documented_call(), "createdAt": "2026-07-03t15:00:00.000z"})


def test_an_error_with_an_unknown_code_details_and_fields_parses_and_keeps_them() -> None:
    body = {"error": "Examples required", "code": "TEMPLATE_EXAMPLES_REQUIRED", "details": {"missing": ["2"]}, "id": 9}
    error = Error.from_dict(body)

    assert (error.error, error.code) == (body["error"], body["code"])
    assert error.additional_properties == {"id": 9}
    assert error.to_dict() == body


# --- the generated surface ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tag", "operation_id"),
    [(operation["tags"][0], operation["operationId"]) for _, _, operation in operations(load_spec())],
)
def test_every_operation_is_generated_with_sync_and_async_functions(tag: str, operation_id: str) -> None:
    module = importlib.import_module(f"pilotstatus_api.api.{snake_case(tag)}.{snake_case(operation_id)}")
    for function in ("sync_detailed", "sync", "asyncio_detailed", "asyncio"):
        assert callable(getattr(module, function, None)), function


def _unions(spec: JSON) -> dict[str, list[str]]:
    """The component schemas that are a union of others (`anyOf` of `$ref`s, as CancelMessagesResponse is), each
    with its members: the generator makes no class of them, a body of one parses into one of its members."""
    return {
        name: [member["$ref"].rsplit("/", 1)[1] for member in schema["anyOf"]]
        for name, schema in spec["components"]["schemas"].items()
        if "anyOf" in schema and "properties" not in schema and all("$ref" in m for m in schema["anyOf"])
    }


def test_the_models_are_the_spec_schemas_named_as_in_the_spec() -> None:
    spec = load_spec()
    unions = _unions(spec)
    assert "CancelMessagesResponse" in unions
    schemas = set(spec["components"]["schemas"]) - set(unions)
    models = set(pilotstatus_api.models.__all__)
    assert schemas <= models
    assert not set(unions) & models
    # The others are the enums written inline in a schema or a parameter, named after where they stand.
    owners = schemas | {"GetCallsCallId"}
    assert all(any(extra.startswith(owner) for owner in owners) for extra in models - schemas), models - schemas


@pytest.mark.parametrize("package", ["pilotstatus", "pilotstatus_api"])
def test_both_packages_declare_their_types(package: str) -> None:
    assert files(package).joinpath("py.typed").is_file()


def test_the_wrapper_reports_the_installed_version() -> None:
    assert pilotstatus.__version__ == version("pilotstatus")


def generated_operations() -> list[tuple[str, str, bool, int]]:
    """Each operation of the spec, the package of its tag (`calls`, `templates`), whether its 2xx body is a bare
    array, and how many models that body may be (more than one for a union)."""
    spec = load_spec()
    unions = _unions(spec)
    found = []
    for _, _, operation in operations(spec):
        (body,) = [
            response["content"]["application/json"]["schema"]
            for status, response in inlined(spec, operation)["responses"].items()
            if status.startswith("2")
        ]
        members = len(unions.get(body.get("$ref", "").rsplit("/", 1)[-1], [body]))
        found.append((operation["operationId"], snake_case(operation["tags"][0]), body.get("type") == "array", members))
    return found


@pytest.mark.parametrize(("operation_id", "area", "returns_an_array", "members"), generated_operations())
def test_every_operation_parses_its_2xx_into_a_model_never_any_or_none(
    operation_id: str, area: str, returns_an_array: bool, members: int
) -> None:
    """Its module is in its tag's package; a 2xx that is a bare array parses into a list of that one model; a 2xx
    that is a union of models parses into one of them."""
    module = importlib.import_module(f"pilotstatus_api.api.{area}.{snake_case(operation_id)}")
    returned = typing.get_type_hints(module.sync)["return"]
    found = [member for member in typing.get_args(returned) if member is not type(None)]
    assert typing.Any not in found
    bodies = [member for member in found if member is not Error]
    if members > 1:
        assert len(bodies) == members, found
        assert all(model.__module__.startswith("pilotstatus_api.models.") for model in bodies), found
        return
    assert len(bodies) == 1, found
    if returns_an_array:
        assert typing.get_origin(bodies[0]) is list, found
        models = list(typing.get_args(bodies[0]))
    else:
        models = bodies
    assert len(models) == 1, found
    assert isinstance(models[0], type), found
    assert callable(getattr(models[0], "from_dict", None))
    assert models[0].__module__.startswith("pilotstatus_api.models.")
