"""The shorter way a valid request is validated (`_validation._Shortcut`) gives exactly openapi-core's outcome: on
generated requests to every operation that takes it (query strings, path parameters, headers, keys, hosts and
bodies, valid or not), the validator with its shortcuts and the one without answer the same, parameters and
problem alike. And a plainly valid request is validated without openapi-core."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from starlette.requests import Request

from pilotstatus_sandbox._instants import format_ms
from pilotstatus_sandbox._pipeline import helpers_spec
from pilotstatus_sandbox._spec import load_spec, validation_spec
from pilotstatus_sandbox._validation import _PARAMETER, RequestValidator

DOCUMENTS = {"api": validation_spec(load_spec()), "helpers": helpers_spec()}
WITH = {name: RequestValidator(document) for name, document in DOCUMENTS.items()}
WITHOUT = {name: RequestValidator(document, shortcuts=False) for name, document in DOCUMENTS.items()}
SHORTCUT_OPERATIONS = sorted(
    (name, path, method)
    for name, validator in WITH.items()
    for (path, method), shortcut in validator._shortcuts.items()
    if shortcut is not None
)


def parameters(name: str, path: str, method: str, where: str) -> list[str]:
    """The names of the operation's parameters in `where` (query, path, header)."""
    document = DOCUMENTS[name]
    found = []
    for parameter in document["paths"][path][method].get("parameters", []):
        if "$ref" in parameter:
            parameter = document["components"]["parameters"][parameter["$ref"].rsplit("/", 1)[1]]
        if parameter["in"] == where:
            found.append(parameter["name"])
    return found


def request(method: str, path: str, path_params: dict[str, str], query: str, headers: list[tuple[str, str]]) -> Request:
    """A request as the app's router hands it on: its path parameters decoded, its raw path percent-encoded."""
    raw = _PARAMETER.sub(lambda found: quote(path_params[found[1]], safe=""), path)
    scope: dict[str, Any] = {
        "type": "http",
        "method": method.upper(),
        "path": raw,
        "raw_path": raw.encode(),
        "query_string": query.encode("latin-1"),
        "headers": [(name.encode("latin-1"), value.encode("latin-1")) for name, value in headers],
        "scheme": "http",
        "server": ("127.0.0.1", 8080),
        "root_path": "",
        "path_params": path_params,
    }
    return Request(scope)


HEADER_TEXT = st.text(st.characters(min_codepoint=0x20, max_codepoint=0xFF, exclude_characters="\x7f"), max_size=12)
VALUES = st.one_of(
    st.integers(min_value=-3, max_value=130).map(str),
    st.integers(min_value=0, max_value=4_102_444_800_000).map(format_ms),
    st.sampled_from(["", "1", "0", "25", "100", "101", "+5", " 5", "5_0", "\uff11\uff12", "2026-10-12T10:00:00+03:00"]),
    st.sampled_from(["2026-10-12T23:59:60Z", "2026-10-12T10:00:00", "2026-13-01T00:00:00Z", "+5511999990001"]),
    st.text(max_size=12),
)
HOSTS = st.sampled_from(["127.0.0.1:8080", "sandbox.test", "[::1]:8080", "a b", "x/y", "", "h:notaport", "é"])
KEY_HEADERS = st.lists(st.sampled_from(["x-api-key", "X-Api-Key-Id", "x-api-key-id"]), max_size=2, unique=True)
BODIES = st.sampled_from([(b"", None), (b'{"to": "+5511999990001"}', "application/json"), (b"not json", "text/plain")])


@pytest.mark.proof
@settings(max_examples=1500, deadline=None)
@given(data=st.data())
def test_the_shortcut_answers_exactly_what_openapi_core_answers(data: st.DataObject) -> None:
    name, path, method = data.draw(st.sampled_from(SHORTCUT_OPERATIONS))
    known = parameters(name, path, method, "query")
    names = st.sampled_from([*known, "other"]) if known else st.just("other")
    query = urlencode(data.draw(st.lists(st.tuples(names, VALUES), max_size=4)))
    path_params = {
        parameter: data.draw(st.one_of(st.text(min_size=1, max_size=10), st.sampled_from([".", "..", " ", "call_1"])))
        for parameter in _PARAMETER.findall(path)
    }
    headers = [("host", data.draw(HOSTS))]
    headers += [(key, data.draw(HEADER_TEXT)) for key in data.draw(KEY_HEADERS)]
    number = data.draw(st.one_of(st.none(), st.just("num_sandbox_meta"), HEADER_TEXT))
    if number is not None:
        headers.append(("x-whatsapp-number-id", number))
    body, content_type = data.draw(BODIES)
    if content_type is not None:
        headers.append(("content-type", content_type))
    fast = WITH[name].validate(request(method, path, path_params, query, headers), body, template=path)
    slow = WITHOUT[name].validate(request(method, path, path_params, query, headers), body, template=path)
    assert fast == slow


VALID = [
    (
        "api",
        "/v1/calls",
        "get",
        {},
        "limit=100&before=2026-10-12T10%3A00%3A00.000Z",
        {"limit": 100, "before": "2026-10-12T10:00:00.000Z"},
    ),
    ("api", "/v1/calls", "get", {}, "", {"limit": 25}),
    ("api", "/v1/calls/{callId}", "get", {"callId": "wacid.HB/x"}, "includeSdp=1", {"includeSdp": "1"}),
    ("api", "/v1/calls/{callId}/reject", "post", {"callId": "call_1"}, "", {}),
    ("api", "/v1/calls/permissions", "get", {}, "to=%2B5511999990001", {"to": "+5511999990001"}),
    ("helpers", "/_sandbox/events", "get", {}, "", {}),
]


@pytest.mark.parametrize(("name", "path", "method", "path_params", "query", "expected"), VALID)
def test_a_plainly_valid_request_is_validated_without_openapi_core(
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    path: str,
    method: str,
    path_params: dict[str, str],
    query: str,
    expected: dict[str, Any],
) -> None:
    validator = RequestValidator(DOCUMENTS[name])
    headers = [("host", "127.0.0.1:8080"), ("x-api-key", "ps_sandbox_meta_number")]
    assert validator.validate(request(method, path, path_params, query, headers), template=path) == WITHOUT[
        name
    ].validate(request(method, path, path_params, query, headers), template=path)

    def refuse(*_: object) -> None:
        raise AssertionError("openapi-core was asked")

    monkeypatch.setattr(validator._openapi, "unmarshal_request", refuse)
    validated = validator.validate(request(method, path, path_params, query, headers), template=path)
    assert validated.problem is None
    assert dict(validated.query) == expected
    assert dict(validated.path) == path_params


def test_the_operations_list_calls_reads_take_the_shortcut() -> None:
    assert ("api", "/v1/calls", "get") in SHORTCUT_OPERATIONS
    assert ("api", "/v1/calls/{callId}", "get") in SHORTCUT_OPERATIONS
    assert ("api", "/v1/calls", "post") not in SHORTCUT_OPERATIONS  # a body: openapi-core reads it
