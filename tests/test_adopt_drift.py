"""`make adopt-drift` (`tools/adopt_drift.py`): a drift patch becomes a labelled, valid extension of `openapi.json`
and a regenerated client, with the diffs shown; anything but an addition is refused with nothing written.

Every test works on copies in a temporary folder, never on the checkout's `openapi.json` or `generated/`.
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pilotstatus_sandbox._drift import DRIFT_FIELD, DRIFT_HEADER, DRIFT_STATUS
from tests._project_copy import IMPORTED_FROM, copy_env, copy_project, make
from tests._spec import JSON, ROOT, SPEC_PATH
from tools.adopt_drift import OBSERVED, AdoptionError, adopt, dump_spec, main, observed_sentence

SCRIPT = ROOT / "tools" / "adopt_drift.py"
OBSERVED_ON = "2026-12-02"
NOTE = observed_sentence(OBSERVED_ON)
CALL_PROPERTIES = "/components/schemas/Call/properties"
CALL_STATUS = "/components/schemas/CallStatus"
LIST_CALLS_200 = "/paths/~1v1~1calls/get/responses/200"

PLANTED_PATCH: list[JSON] = [
    {
        "op": "add",
        "path": f"{CALL_PROPERTIES}/{DRIFT_FIELD}",
        "value": {"type": "string", "description": NOTE, OBSERVED: OBSERVED_ON},
        OBSERVED: OBSERVED_ON,
    },
    {"op": "add", "path": f"{CALL_STATUS}/enum/-", "value": DRIFT_STATUS, OBSERVED: OBSERVED_ON},
    {"op": "add", "path": f"{CALL_STATUS}/{OBSERVED}", "value": {DRIFT_STATUS: NOTE}, OBSERVED: OBSERVED_ON},
    {
        "op": "add",
        "path": f"{LIST_CALLS_200}/headers",
        "value": {DRIFT_HEADER: {"description": NOTE, "schema": {"type": "string"}, OBSERVED: OBSERVED_ON}},
        OBSERVED: OBSERVED_ON,
    },
]
"""The design's patch for what `pilotstatus sandbox --drift` plants: a field on Call, a status value, a header of List
calls (whose 200 response has no `headers` yet), each labelled as `make contract` labels it."""


PIPELINE_TESTS = (
    "tests/test_superset.py",
    "tests/test_spec.py",
    "tests/test_spec_calls.py",
    "tests/test_generated_models.py",
    "tests/test_pipeline.py::test_the_committed_package_is_what_openapi_json_generates",
)
"""The tests that prove a spec and its package sound: they must still pass once the planted drift is adopted."""

PLANTED_NAME_AS_UNKNOWN = (
    "tests/test_generated_models.py::test_unknown_keys_stay_in_additional_properties_beside_the_nulls",
)
"""Tests whose example of a key the spec does not know is `recordingUrl`, the very field the drifting sandbox plants:
once it is adopted the key is known, so they fail for their example's sake, not the pipeline's."""


def write_patch(folder: Path, operations: Any) -> Path:
    path = folder / "drift.patch.json"
    path.write_text(json.dumps(operations, indent=2))
    return path


# --- the planted drift, adopted in a copy of the project -------------------------------------------------------


@dataclass(frozen=True)
class Adopted:
    root: Path
    result: subprocess.CompletedProcess[str]


@pytest.fixture(scope="module")
def adopted(tmp_path_factory: pytest.TempPathFactory) -> Adopted:
    """The planted patch adopted by `make adopt-drift` in a copy of the project, with the checkout's `.venv` (whose
    install `make` must take as it is: `--assume-old`)."""
    root = copy_project(tmp_path_factory.mktemp("adopted"))
    patch = write_patch(root.parent, PLANTED_PATCH)
    result = make(root, "adopt-drift", f"PATCH={patch}")
    return Adopted(root, result)


@pytest.mark.proof
@pytest.mark.slow
def test_adopting_the_planted_drift_adds_exactly_its_three_items_labelled(adopted: Adopted) -> None:
    assert adopted.result.returncode == 0, adopted.result.stdout + adopted.result.stderr
    before, after = json.loads(SPEC_PATH.read_text()), json.loads((adopted.root / "openapi.json").read_text())
    schemas = after["components"]["schemas"]
    assert schemas["Call"]["properties"].pop(DRIFT_FIELD) == {
        "type": "string",
        "description": NOTE,
        OBSERVED: OBSERVED_ON,
    }
    assert schemas["CallStatus"]["enum"].pop() == DRIFT_STATUS
    assert schemas["CallStatus"].pop(OBSERVED) == {DRIFT_STATUS: NOTE}
    response = after["paths"]["/v1/calls"]["get"]["responses"]["200"]
    assert response.pop("headers") == {
        DRIFT_HEADER: {"description": NOTE, "schema": {"type": "string"}, OBSERVED: OBSERVED_ON}
    }
    assert after == before


@pytest.mark.proof
@pytest.mark.slow
def test_the_regenerated_client_types_the_new_field_and_knows_the_new_status(adopted: Adopted) -> None:
    models = adopted.root / "generated" / "pilotstatus_api" / "models"
    assert "    recording_url: str | None = None\n" in (models / "call.py").read_text()
    assert f'"{DRIFT_STATUS}"' in (models / "call_status.py").read_text()


@pytest.mark.proof
@pytest.mark.slow
def test_the_diffs_of_the_spec_and_of_the_package_are_printed_with_what_to_do_next(adopted: Adopted) -> None:
    shown = adopted.result.stdout
    assert "--- openapi.json (before)\n+++ openapi.json (adopted)\n" in shown
    assert f'+          "{DRIFT_STATUS}"' in shown
    assert "+++ generated/pilotstatus_api/models/call.py (adopted)\n" in shown
    assert "+    recording_url: str | None = None\n" in shown
    assert "+++ generated/pilotstatus_api/models/call_status.py (adopted)\n" in shown
    assert (
        shown.rstrip().splitlines()[-1].endswith("Review the diffs above, run `make test`, then commit both together.")
    )


@pytest.mark.slow
@pytest.mark.proof  # a minute on one core: in `make test-slow`, with the other proofs on a copy of the project
def test_the_pipelines_own_tests_still_pass_on_the_adopted_copy(adopted: Adopted) -> None:
    assert adopted.result.returncode == 0, adopted.result.stderr
    root = adopted.root
    env = copy_env(root)
    where = subprocess.run(
        [sys.executable, "-c", IMPORTED_FROM],
        cwd=root, env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert all(Path(file).is_relative_to(root) for file in where.stdout.split()), where.stdout

    deselected = [f"--deselect={test}" for test in PLANTED_NAME_AS_UNKNOWN]
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *deselected, *PIPELINE_TESTS],
        cwd=root, env=env, capture_output=True, text=True, check=False, timeout=600,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]


# --- labels and dates ------------------------------------------------------------------------------------------


@pytest.fixture
def spec_copy(tmp_path: Path) -> Path:
    path = tmp_path / "openapi.json"
    path.write_bytes(SPEC_PATH.read_bytes())
    return path


def adopted_spec(tmp_path: Path, spec: Path, operations: list[JSON], date: str = "2027-01-05") -> JSON:
    adoption = adopt(write_patch(tmp_path, operations), spec, date)
    assert adoption is not None
    document: JSON = json.loads(adoption.after)
    return document


def test_the_spec_is_written_in_its_own_formatting() -> None:
    text = SPEC_PATH.read_text(encoding="utf-8")
    assert dump_spec(json.loads(text)) == text


def test_a_hand_written_patch_without_labels_gets_them(tmp_path: Path, spec_copy: Path) -> None:
    operations: list[JSON] = [
        {"op": "add", "path": f"{CALL_PROPERTIES}/{DRIFT_FIELD}", "value": {"type": "string"}},
        {"op": "add", "path": f"{CALL_STATUS}/enum/-", "value": DRIFT_STATUS},
        {"op": "add", "path": f"{LIST_CALLS_200}/headers", "value": {DRIFT_HEADER: {"schema": {"type": "string"}}}},
    ]
    spec = adopted_spec(tmp_path, spec_copy, operations, date="2027-01-05")
    note = "Observed on 2027-01-05, not documented upstream."
    schemas = spec["components"]["schemas"]
    assert schemas["Call"]["properties"][DRIFT_FIELD] == {"type": "string", "description": note, OBSERVED: "2027-01-05"}
    assert schemas["CallStatus"][OBSERVED] == {DRIFT_STATUS: note}
    header = spec["paths"]["/v1/calls"]["get"]["responses"]["200"]["headers"][DRIFT_HEADER]
    assert header == {"schema": {"type": "string"}, "description": note, OBSERVED: "2027-01-05"}


def test_a_label_the_patch_already_carries_is_kept(tmp_path: Path, spec_copy: Path) -> None:
    own = {"type": "string", "description": "The recording, for calls that were recorded.", OBSERVED: "2026-11-30"}
    spec = adopted_spec(tmp_path, spec_copy, [{"op": "add", "path": f"{CALL_PROPERTIES}/{DRIFT_FIELD}", "value": own}])
    assert spec["components"]["schemas"]["Call"]["properties"][DRIFT_FIELD] == own


def test_the_date_of_an_operation_is_its_own_member_before_the_default(tmp_path: Path, spec_copy: Path) -> None:
    operations: list[JSON] = [
        {"op": "add", "path": f"{CALL_PROPERTIES}/{DRIFT_FIELD}", "value": {"type": "string"}, OBSERVED: "2026-10-01"},
        {"op": "add", "path": f"{CALL_STATUS}/enum/-", "value": DRIFT_STATUS},
    ]
    spec = adopted_spec(tmp_path, spec_copy, operations, date="2027-01-05")
    schemas = spec["components"]["schemas"]
    assert schemas["Call"]["properties"][DRIFT_FIELD][OBSERVED] == "2026-10-01"
    assert schemas["Call"]["properties"][DRIFT_FIELD]["description"] == observed_sentence("2026-10-01")
    assert schemas["CallStatus"][OBSERVED] == {DRIFT_STATUS: observed_sentence("2027-01-05")}


def test_a_status_code_is_adopted_with_its_response_labelled(tmp_path: Path, spec_copy: Path) -> None:
    response = {"content": {"application/json": {"schema": {"type": "object"}}}}
    spec = adopted_spec(
        tmp_path, spec_copy, [{"op": "add", "path": "/paths/~1v1~1calls/get/responses/502", "value": response}]
    )
    adopted_response = spec["paths"]["/v1/calls"]["get"]["responses"]["502"]
    assert adopted_response["description"] == observed_sentence("2027-01-05")
    assert adopted_response[OBSERVED] == "2027-01-05"


PROPERTY_NAMES = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=12)


@pytest.mark.proof
@settings(max_examples=25)
@given(names=st.sets(PROPERTY_NAMES, min_size=1, max_size=4), date=st.dates().map(lambda day: day.isoformat()))
def test_any_new_properties_are_all_the_adoption_adds_each_labelled(names: set[str], date: str) -> None:
    original: JSON = json.loads(SPEC_PATH.read_text())
    names -= set(original["components"]["schemas"]["Call"]["properties"])
    operations: list[JSON] = [
        {
            "op": "add",
            "path": f"{CALL_PROPERTIES}/{name.replace('~', '~0').replace('/', '~1')}",
            "value": {"type": "string"},
        }
        for name in sorted(names)
    ]
    if not operations:
        return
    with tempfile.TemporaryDirectory() as scratch:
        spec = adopted_spec(Path(scratch), SPEC_PATH, operations, date=date)
    properties = spec["components"]["schemas"]["Call"]["properties"]
    for name in names:
        assert properties.pop(name) == {"type": "string", "description": observed_sentence(date), OBSERVED: date}
    assert spec == original


# --- refusals: nothing is written ------------------------------------------------------------------------------


def run_main(tmp_path: Path, spec: Path, patch: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """`tools/adopt_drift.py` on a copy of the spec, with a package folder that must stay absent."""
    generated = tmp_path / "generated" / "pilotstatus_api"
    code = main(["--patch", str(patch), "--spec", str(spec), "--generated", str(generated), "--date", "2027-01-05"])
    assert not generated.exists()
    captured = capsys.readouterr()
    return code, captured.out, captured.err


REFUSED: dict[str, tuple[Callable[[JSON], Any], str]] = {
    "a patch that is an object": (lambda spec: {"op": "add"}, "not a JSON Patch: expected a JSON array"),
    "an operation that is not an object": (lambda spec: [PLANTED_PATCH[0], "add"], "operation 1 is not a JSON object"),
    "a replace": (
        lambda spec: [PLANTED_PATCH[0], {"op": "replace", "path": f"{CALL_STATUS}/type", "value": "integer"}],
        "operation 1: `op` is 'replace'; adoption only ever adds",
    ),
    "a remove": (
        lambda spec: [{"op": "remove", "path": f"{CALL_PROPERTIES}/id"}],
        "operation 0: `op` is 'remove'; adoption only ever adds",
    ),
    "an add over an existing property": (
        lambda spec: [{"op": "add", "path": f"{CALL_PROPERTIES}/id", "value": {"type": "integer"}}],
        f"operation 0: {CALL_PROPERTIES}/id already exists; adding it would replace it",
    ),
    "an add over an existing label": (
        lambda spec: [*PLANTED_PATCH[1:3], {"op": "add", "path": f"{CALL_STATUS}/{OBSERVED}", "value": {}}],
        f"operation 2: {CALL_STATUS}/{OBSERVED} already exists",
    ),
    "an insert before an existing enum value": (
        lambda spec: [{"op": "add", "path": f"{CALL_STATUS}/enum/0", "value": DRIFT_STATUS}],
        "only an append (`/-`) may add to an array",
    ),
    "an add whose parent does not exist": (
        lambda spec: [{"op": "add", "path": "/components/schemas/Nothing/properties/x", "value": {"type": "string"}}],
        "operation 0: adds at /components/schemas/Nothing/properties/x, whose parent does not exist",
    ),
    "an enum value already listed": (
        lambda spec: [{"op": "add", "path": f"{CALL_STATUS}/enum/-", "value": "RINGING"}],
        f"operation 0: {CALL_STATUS}/enum already lists 'RINGING'",
    ),
    "a keyword added to an existing schema": (
        lambda spec: [{"op": "add", "path": f"{CALL_PROPERTIES}/id/format", "value": "uuid"}],
        f"operation 0: adds at {CALL_PROPERTIES}/id/format, which adoption cannot label",
    ),
    "an add without a value": (
        lambda spec: [{"op": "add", "path": f"{CALL_PROPERTIES}/{DRIFT_FIELD}"}],
        "operation 0: an `add` without a `value`",
    ),
    "an operation date that is no date": (
        lambda spec: [{**PLANTED_PATCH[0], OBSERVED: "yesterday"}],
        f"operation 0: `{OBSERVED}` is 'yesterday', not a date",
    ),
    "a result that is not valid OpenAPI": (
        lambda spec: [PLANTED_PATCH[0], {"op": "add", "path": f"{LIST_CALLS_200}/headers", "value": {"X-A": {}}}],
        f"operation 1: not a valid OpenAPI document at {LIST_CALLS_200}/headers/X-A",
    ),
}


@pytest.mark.parametrize(("make_patch", "reason"), REFUSED.values(), ids=REFUSED.keys())
def test_a_patch_that_does_not_only_add_is_refused_in_one_line_and_nothing_is_written(
    make_patch: Callable[[JSON], Any],
    reason: str,
    tmp_path: Path,
    spec_copy: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = spec_copy.read_bytes()
    patch = write_patch(tmp_path, make_patch(json.loads(before)))
    code, out, err = run_main(tmp_path, spec_copy, patch, capsys)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert err.startswith("adopt-drift: refused, nothing written: ")
    assert reason in err
    assert spec_copy.read_bytes() == before


def test_a_missing_patch_is_refused_with_what_to_run_first(
    tmp_path: Path, spec_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = spec_copy.read_bytes()
    code, _, err = run_main(tmp_path, spec_copy, tmp_path / "none.json", capsys)
    assert code == 2
    assert "no such patch; run `make contract` first" in err
    assert spec_copy.read_bytes() == before


def test_a_patch_that_is_not_json_is_refused(
    tmp_path: Path, spec_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = spec_copy.read_bytes()
    patch = tmp_path / "drift.patch.json"
    patch.write_text('[{"op": "add",')
    code, _, err = run_main(tmp_path, spec_copy, patch, capsys)
    assert code == 2
    assert "not a readable JSON patch" in err
    assert spec_copy.read_bytes() == before


def test_a_spec_not_in_its_own_formatting_is_refused(
    tmp_path: Path, spec_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec_copy.write_text(json.dumps(json.loads(spec_copy.read_text()), indent=4))
    before = spec_copy.read_bytes()
    code, _, err = run_main(tmp_path, spec_copy, write_patch(tmp_path, PLANTED_PATCH), capsys)
    assert code == 2
    assert "is not in its own formatting" in err
    assert spec_copy.read_bytes() == before


def test_an_empty_patch_is_nothing_to_adopt(
    tmp_path: Path, spec_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = spec_copy.read_bytes()
    code, out, err = run_main(tmp_path, spec_copy, write_patch(tmp_path, []), capsys)
    assert (code, err) == (0, "")
    assert "nothing to adopt" in out
    assert spec_copy.read_bytes() == before


OPERATIONS_THAT_ARE_NOT_ADD = st.one_of(
    st.sampled_from(["remove", "replace", "move", "copy", "test"]), st.text(max_size=8)
).filter(lambda op: op != "add")


@settings(max_examples=50)
@given(op=OPERATIONS_THAT_ARE_NOT_ADD, position=st.integers(min_value=0, max_value=3))
def test_any_operation_but_add_anywhere_in_the_patch_is_refused_by_its_index(op: str, position: int) -> None:
    operations = copy.deepcopy(PLANTED_PATCH)
    operations.insert(
        position, {"op": op, "path": f"{CALL_PROPERTIES}/id", "value": 1, "from": f"{CALL_PROPERTIES}/id"}
    )
    with (
        tempfile.TemporaryDirectory() as scratch,
        pytest.raises(AdoptionError, match=f"^operation {position}: `op` is "),
    ):
        adopt(write_patch(Path(scratch), operations), SPEC_PATH, "2027-01-05")


def test_the_command_line_refuses_with_exit_code_2_and_no_traceback(tmp_path: Path, spec_copy: Path) -> None:
    before = spec_copy.read_bytes()
    patch = write_patch(tmp_path, [{"op": "remove", "path": f"{CALL_PROPERTIES}/id"}])
    result = subprocess.run(
        [sys.executable, SCRIPT, "--patch", patch, "--spec", spec_copy, "--generated", tmp_path / "generated"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [
        "adopt-drift: refused, nothing written: operation 0: `op` is 'remove'; adoption only ever adds (`add`)"
    ]
    assert spec_copy.read_bytes() == before
