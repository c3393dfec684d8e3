"""Reading a response for drift (`tests/_drift.py`) and writing the run's drift down (`tests/_drift_log.py`): each kind
of difference is found where it stands in openapi.json, counted once among what was checked, reported with its key
redacted, and proposed in the patch only when adding it to the spec is enough."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonpointer
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests._contract import load_spec_dict
from tests._drift import SpecIndex, node_at
from tests._drift_log import DriftLog, label, observed_schema
from tests._spec import documented_call

INDEX = SpecIndex(load_spec_dict())
JSON_HEADERS = {"content-type": ["application/json"]}
KEY = "ps_live_0123456789abcdef"


class Request:
    """What `DriftLog` reads of a request (as `requests.PreparedRequest` has it)."""

    def __init__(self, url: str = "http://api.test/v1/calls?limit=5", body: bytes | None = None) -> None:
        self.method = "GET" if body is None else "POST"
        self.url = url
        self.headers = {"x-api-key": KEY, "User-Agent": "schemathesis"}
        self.body = body


def page(*calls: dict[str, Any]) -> bytes:
    return json.dumps({"calls": list(calls)}).encode()


def kinds(
    operation: str, status: int, body: bytes, headers: dict[str, list[str]] | None = None
) -> set[tuple[str, str]]:
    analysis = INDEX.analyse(operation, status, headers or JSON_HEADERS, body)
    assert analysis is not None
    return {(finding.kind, finding.pointer) for finding in analysis.findings}


def test_a_response_as_the_spec_says_has_no_drift() -> None:
    assert kinds("get_calls", 200, page(documented_call(), documented_call())) == set()
    assert kinds("get_calls", 403, b'{"error": "no", "code": "TENANT_SCOPE_NOT_ALLOWED"}') == set()


def test_each_kind_of_difference_is_found_where_it_stands_in_the_spec() -> None:
    call = {**documented_call(), "recordingUrl": "https://r.test/1.ogg", "status": "ON_HOLD"}
    assert kinds("get_calls", 200, page(call), {**JSON_HEADERS, "x-region": ["sa"], "date": ["today"]}) == {
        ("unknown-field", "/components/schemas/Call/properties/recordingUrl"),
        ("unknown-enum-value", "/components/schemas/CallStatus/enum"),
        ("undocumented-header", "/paths/~1v1~1calls/get/responses/200/headers/X-Region"),
    }
    broken = {key: value for key, value in documented_call().items() if key != "id"}
    broken["durationSeconds"] = "42"
    broken["createdAt"] = "yesterday"
    assert kinds("get_calls", 200, page(broken)) == {
        ("missing-required", "/components/schemas/Call/properties/id"),
        ("type-mismatch", "/components/schemas/Call/properties/durationSeconds"),
        ("type-mismatch", "/components/schemas/Call/properties/createdAt"),
    }
    assert kinds("get_calls", 502, b'{"error": "bad gateway"}') == {
        ("undocumented-status", "/paths/~1v1~1calls/get/responses/502")
    }
    assert kinds("get_calls", 200, b"<html></html>", {"content-type": ["text/html"]}) == {
        ("undocumented-content-type", "/paths/~1v1~1calls/get/responses/200/content/text~1html")
    }


def test_a_field_of_a_call_detail_is_proposed_on_call_whose_fields_every_call_has() -> None:
    detail = {**documented_call(), "sdpOffer": None, "recordingUrl": "https://r.test/1.ogg"}
    assert kinds("get_calls_callId", 200, json.dumps(detail).encode()) == {
        ("unknown-field", "/components/schemas/Call/properties/recordingUrl")
    }


def test_only_what_breaks_the_sdk_is_marked_so() -> None:
    call = {**documented_call(), "recordingUrl": "x", "status": "ON_HOLD", "durationSeconds": "1"}
    analysis = INDEX.analyse("get_calls", 200, JSON_HEADERS, page(call))
    assert analysis is not None
    assert {finding.kind: finding.breaks_sdk for finding in analysis.findings} == {
        "unknown-field": False,
        "unknown-enum-value": False,
        "type-mismatch": True,
    }


def test_an_operation_the_spec_does_not_have_is_not_read() -> None:
    assert INDEX.analyse("post__sandbox_calls_incoming", 200, JSON_HEADERS, b"{}") is None


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3),
    max_leaves=10,
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    operation=st.sampled_from(sorted(INDEX.operations)),
    status=st.sampled_from([200, 400, 404, 409, 429, 500]),
    body=json_values,
)
def test_reading_any_json_body_never_fails_and_every_finding_points_into_the_spec_or_beside_it(
    operation: str, status: int, body: Any
) -> None:
    analysis = INDEX.analyse(operation, status, JSON_HEADERS, json.dumps(body).encode())
    assert analysis is not None
    for finding in analysis.findings:
        parent = finding.pointer.rsplit("/", 1)[0]
        # What is found exists in the spec, or (a new field, header, status...) would be added under what exists.
        assert _exists(finding.pointer) or _exists(parent), finding
        assert analysis.visits[finding.scope] > 0, finding


def _exists(pointer: str) -> bool:
    try:
        node_at(INDEX.spec, pointer)
    except jsonpointer.JsonPointerException:
        return False
    return True


@settings(max_examples=60, deadline=None)
@given(flags=st.lists(st.booleans(), min_size=1, max_size=30))
def test_a_new_field_is_one_entry_counted_among_every_call_checked(flags: list[bool]) -> None:
    log = DriftLog(INDEX, target="http://api.test")
    calls = [{**documented_call(), **({"recordingUrl": "u"} if flag else {})} for flag in flags]
    for start in range(0, len(calls), 4):
        analysis = INDEX.analyse("get_calls", 200, JSON_HEADERS, page(*calls[start : start + 4]))
        assert analysis is not None
        log.record("get_calls", analysis, Request())
    entries = log.entries()
    assert [(entry["count"], entry["of"]) for entry in entries] == ([(sum(flags), len(flags))] if any(flags) else [])


def test_the_reports_name_each_difference_once_redacted_and_the_patch_adds_only_the_additive_ones(
    tmp_path: Path,
) -> None:
    log = DriftLog(INDEX, target="http://api.test", redact=lambda text: text.replace(KEY, "[redacted]"))
    echoing = {**documented_call(), "recordingUrl": f"https://r.test/{KEY}", "status": "ON_HOLD"}
    for body in (page(echoing, documented_call()), page(echoing)):
        analysis = INDEX.analyse("get_calls", 200, {**JSON_HEADERS, "x-region": ["sa"]}, body)
        assert analysis is not None
        log.record("get_calls", analysis, Request())
    broken = INDEX.analyse("get_calls", 200, JSON_HEADERS, page({**documented_call(), "durationSeconds": "1"}))
    assert broken is not None
    log.record("get_calls", broken, Request())
    paths = log.write(tmp_path)
    assert {path.name for path in paths} == {"drift.json", "drift.md", "drift.patch.json"}
    for path in paths:
        assert KEY not in path.read_text()
    report = json.loads((tmp_path / "drift.json").read_text())
    by_kind = {entry["kind"]: entry for entry in report["entries"]}
    assert set(by_kind) == {"unknown-field", "unknown-enum-value", "undocumented-header", "type-mismatch"}
    assert (by_kind["unknown-field"]["count"], by_kind["unknown-field"]["of"]) == (2, 4)
    assert by_kind["unknown-field"]["sample"] == "https://r.test/[redacted]"
    assert by_kind["unknown-field"]["reading"] == "the API now sends `Call.recordingUrl` (string, 2 of 4 calls)"
    assert "$PILOT_STATUS_API_KEY" in by_kind["unknown-field"]["first_request"]
    assert report["breaking"] == 1
    assert "Call.recordingUrl" in (tmp_path / "drift.md").read_text()

    patch = json.loads((tmp_path / "drift.patch.json").read_text())
    note = label(log.observed_on)
    assert [(op["op"], op["path"]) for op in patch] == [
        ("add", "/components/schemas/Call/properties/recordingUrl"),
        ("add", "/paths/~1v1~1calls/get/responses/200/headers"),
        ("add", "/components/schemas/CallStatus/enum/-"),
        ("add", "/components/schemas/CallStatus/x-pilotstatus-observed"),
    ]
    assert patch[0]["value"] == {"type": "string", "description": note, "x-pilotstatus-observed": log.observed_on}
    assert set(patch[1]["value"]) == {"X-Region"}
    assert patch[2]["value"] == "ON_HOLD"
    assert patch[3]["value"] == {"ON_HOLD": note}


@pytest.mark.parametrize(
    ("types", "schema"),
    [
        ({"string"}, {"type": "string"}),
        ({"string", "null"}, {"type": ["string", "null"]}),
        ({"integer", "number"}, {"type": "number"}),
        ({"integer", "string"}, {"type": ["integer", "string"]}),
        ({"null"}, None),
    ],
)
def test_a_new_property_gets_the_types_its_values_had(types: set[str], schema: dict[str, Any] | None) -> None:
    assert observed_schema(types) == schema


def test_an_undocumented_error_status_is_proposed_with_the_error_schema_when_its_body_is_one() -> None:
    log = DriftLog(INDEX, target="http://api.test")
    analysis = INDEX.analyse("get_calls", 503, JSON_HEADERS, b'{"error": "maintenance", "code": "DOWN"}')
    assert analysis is not None
    log.record("get_calls", analysis, Request())
    [operation] = log.patch()
    assert operation["path"] == "/paths/~1v1~1calls/get/responses/503"
    assert operation["value"]["content"] == {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
