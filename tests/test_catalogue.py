"""The catalogue: every operation of `openapi.json` states its traits in an `x-pilotstatus` object, valid against
`spec/x-pilotstatus.schema.json`, and `make generate` writes them into `pilotstatus_api.catalogue`, the one list of
operations the project reads. The Calls rows are checked against the hand-written oracle (`tests/_operations.py`),
so that the catalogue is checked against something other than itself."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from pilotstatus_api import catalogue
from tests._operations import OPERATIONS as ORACLE
from tests._spec import JSON, ROOT, load_spec, operations
from tools.generate import trait_problems

TRAITS_SCHEMA = ROOT / "spec" / "x-pilotstatus.schema.json"
GENERATE = ROOT / "tools" / "generate.py"


def test_the_traits_schema_is_a_valid_json_schema() -> None:
    Draft202012Validator.check_schema(json.loads(TRAITS_SCHEMA.read_text()))


def test_every_operation_of_the_spec_has_valid_traits() -> None:
    spec = load_spec()
    assert all("x-pilotstatus" in operation for _, _, operation in operations(spec))
    assert trait_problems(spec) == []


BROKEN: dict[str, tuple[Any, str]] = {
    "no traits": (None, "post_calls: no x-pilotstatus object"),
    "an unknown scope": ({"scope": "everyone", "idempotency": "none"}, "post_calls: x-pilotstatus/scope: 'everyone'"),
    "no idempotency": ({"scope": "number"}, "'idempotency' is a required property"),
    "an unknown provider": (
        {"scope": "number", "idempotency": "none", "providers": ["TELEGRAM"]},
        "post_calls: x-pilotstatus/providers/0: 'TELEGRAM'",
    ),
    "an unknown trait": ({"scope": "number", "idempotency": "none", "retry": True}, "'retry' was unexpected"),
    "a method that is no dotted name": ({"scope": "number", "idempotency": "none", "method": "create"}, "method"),
    "a hidden argument the operation does not take": (
        {"scope": "number", "idempotency": "none", "hide": ["sdptype"]},
        "post_calls: x-pilotstatus/hide names 'sdptype', which is no parameter or body property of the operation",
    ),
    "a flag that is no query parameter": (
        {"scope": "number", "idempotency": "none", "flags": ["to"]},
        "post_calls: x-pilotstatus/flags names 'to', which is no query parameter of the operation",
    ),
    "an argument name for what the operation does not take": (
        {"scope": "number", "idempotency": "none", "arguments": {"callId": "call_id"}},
        "post_calls: x-pilotstatus/arguments names 'callId', which is no path or query parameter of the operation",
    ),
    "an argument name that is no Python name in snake case": (
        {"scope": "number", "idempotency": "none", "arguments": {"to": "To"}},
        "post_calls: x-pilotstatus/arguments/to: 'To' does not match",
    ),
    "a method another operation has": (
        {"scope": "number", "idempotency": "none", "method": "calls.list"},
        "'calls.list' is get_calls's too",
    ),
}


@pytest.mark.parametrize(("traits", "problem"), BROKEN.values(), ids=BROKEN.keys())
def test_a_missing_or_wrong_trait_is_named_with_its_operation(traits: Any, problem: str) -> None:
    spec = load_spec()
    operation: JSON = spec["paths"]["/v1/calls"]["post"]
    if traits is None:
        del operation["x-pilotstatus"]
    else:
        operation["x-pilotstatus"] = traits
    assert any(problem in line for line in trait_problems(spec)), trait_problems(spec)


def test_an_argument_name_the_operation_already_has_is_named_with_its_operation() -> None:
    spec = load_spec()
    traits = spec["paths"]["/v1/calls"]["get"]["x-pilotstatus"]
    traits["arguments"] = {"limit": "before"}

    assert "get_calls: x-pilotstatus/arguments names 'before' twice, or an argument the operation already has" in (
        trait_problems(spec)
    )


@pytest.mark.proof  # runs the generator on a copy of the spec: in `make test-slow`
def test_make_generate_refuses_a_spec_with_a_wrong_trait(tmp_path: Path) -> None:
    spec = load_spec()
    spec["paths"]["/v1/calls"]["post"]["x-pilotstatus"]["scope"] = "everyone"
    path = tmp_path / "openapi.json"
    path.write_text(json.dumps(spec))
    result = subprocess.run(
        [sys.executable, GENERATE, "--spec", path, "--target", tmp_path / "out"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 1
    assert "post_calls: x-pilotstatus/scope: 'everyone'" in result.stderr
    assert not (tmp_path / "out").exists()


def test_the_catalogue_has_one_row_per_operation_in_the_spec_order() -> None:
    spec = load_spec()
    assert [entry.operation_id for entry in catalogue.OPERATIONS] == [
        op["operationId"] for _, _, op in operations(spec)
    ]
    assert [(entry.http_method, entry.path) for entry in catalogue.OPERATIONS] == [
        (method.upper(), path) for path, method, _ in operations(spec)
    ]


def test_each_row_states_the_traits_of_its_operation() -> None:
    for _path, _method, operation in operations(load_spec()):
        traits = operation["x-pilotstatus"]
        entry = catalogue.BY_ID[operation["operationId"]]
        assert (entry.sdk_method, entry.scope, entry.idempotency) == (
            traits.get("method"),
            traits["scope"],
            traits["idempotency"],
        ), entry
        assert entry.providers == (tuple(traits["providers"]) if "providers" in traits else None)
        assert entry.handwritten is traits.get("handwritten", False)


def test_the_calls_rows_agree_with_the_hand_written_oracle() -> None:
    for op in ORACLE:
        entry = catalogue.BY_ID[op.operation_id]
        assert (entry.http_method, entry.path.replace("{callId}", "{call_id}")) == (op.method, op.path)
        assert entry.model == op.schema_name
        assert entry.sdk_method == f"calls.{op.name}"
        assert entry.path_parameters == (("callId",) if op.on_call else ())
        assert entry.body_required is (op.operation_id not in {"post_calls_callId_accept", "put_calls_settings"}) or (
            entry.body is None
        )


def test_the_calls_api_honours_no_idempotency_key_and_acts_on_a_number() -> None:
    calls = [entry for entry in catalogue.OPERATIONS if entry.area == "calls"]
    assert {entry.operation_id for entry in calls} == {op.operation_id for op in ORACLE} | {"get_calls"}
    assert {entry.idempotency for entry in calls} == {"none"}
    assert {entry.scope for entry in calls} == {"number"}
    assert all(entry.number_header for entry in calls)


@pytest.mark.proof  # runs the generator on a copy of the spec: in `make test-slow`
def test_the_catalogue_changes_with_the_spec(tmp_path: Path) -> None:
    """Derived, not written: a trait changed in a copy of the spec is what the copy's catalogue says."""
    spec = copy.deepcopy(load_spec())
    spec["paths"]["/v1/calls"]["post"]["x-pilotstatus"].update(idempotency="optional", bodyLimit=4096)
    path = tmp_path / "openapi.json"
    path.write_text(json.dumps(spec))
    target = tmp_path / "pilotstatus_api"
    subprocess.run([sys.executable, GENERATE, "--spec", path, "--target", target], check=True, capture_output=True)
    text = (target / "catalogue.py").read_text()
    assert 'operation_id="post_calls",' in text
    row = text.split('operation_id="post_calls",', 1)[1].split("Entry(", 1)[0]
    assert 'idempotency="optional",' in row
    assert "body_limit=4096," in row


@pytest.mark.proof  # runs the generator on a copy of the spec: in `make test-slow`
def test_make_check_generated_never_reads_the_committed_catalogue() -> None:
    """The catalogue is what `make generate` rewrites: a broken committed copy (a merge conflict, say) must not stop
    the command that repairs it. Here importing it fails, and the check still runs, and passes."""
    blocked = (
        "import runpy, sys; sys.modules['pilotstatus_api.catalogue'] = None; "
        f"sys.argv = ['generate.py', '--check']; runpy.run_path({str(GENERATE)!r}, run_name='__main__')"
    )
    result = subprocess.run([sys.executable, "-c", blocked], capture_output=True, text=True, check=False, cwd=ROOT)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert "matches openapi.json" in result.stdout
