"""The contract suite's view of each operation, one row per entry of the catalogue (`pilotstatus_api.catalogue`):
which kinds of number serve it (its `providers`), whether a live run may send it unasked (a read), whether it
dials (a write whose body has a `to`, allowed only with `TO`), and the names `ALLOW` takes for it. An operation
added to the spec is a row here with no edit; the Calls rows are checked against the hand-written oracle
(`tests/_operations.py`) too, so that the derivation is checked against something other than itself."""

from __future__ import annotations

import pytest

from pilotstatus_api.catalogue import OPERATIONS, Entry
from tests._contract import SPEC_PATH, contract_runner
from tests._contract_targets import PROVIDERS, sandbox_targets
from tests._operations import OPERATIONS as ORACLE

RUNNER = contract_runner()
TARGETS = {target.name: target for target in sandbox_targets()}
KIND_OF_TARGET = {"meta": "META", "web": "EVO_GO", "tenant+num_sandbox_meta": "META"}
rows = pytest.mark.parametrize("entry", OPERATIONS, ids=lambda entry: entry.operation_id)


@rows
@pytest.mark.parametrize("target", sorted(KIND_OF_TARGET))
def test_a_number_serves_the_operations_whose_providers_name_its_kind(entry: Entry, target: str) -> None:
    kind = KIND_OF_TARGET[target]
    serves = entry.providers is None or kind in entry.providers
    assert (entry.operation_id in TARGETS[target].serves) is serves
    refusals = TARGETS[target].refusals[entry.operation_id]
    assert ((400, "FEATURE_NOT_SUPPORTED") in refusals) is not serves
    assert (str(entry.success_status) in TARGETS[target].positive_statuses(entry.operation_id)) is serves


@rows
def test_a_live_run_sends_the_reads_unasked_and_a_write_only_when_allowed(entry: Entry) -> None:
    assert (entry.operation_id in RUNNER.read_operations(SPEC_PATH)) is (entry.http_method == "GET")
    assert entry.operation_id in RUNNER.operation_ids(SPEC_PATH)


@rows
def test_allow_names_an_operation_by_its_id_and_by_its_sdk_method(entry: Entry) -> None:
    known = RUNNER.operation_ids(SPEC_PATH)
    assert RUNNER.operation_id_of(entry.operation_id, known) == entry.operation_id
    if entry.sdk_method is not None:
        assert RUNNER.operation_id_of(entry.sdk_method, known) == entry.operation_id


@rows
def test_to_is_required_by_exactly_the_operations_that_dial(entry: Entry) -> None:
    dials = entry.operation_id in RUNNER.DIALLING
    assert not (dials and entry.http_method == "GET")
    if dials:
        with pytest.raises(ValueError, match="TO must name"):
            RUNNER.destination({}, {entry.operation_id})
    else:
        assert RUNNER.destination({}, {entry.operation_id}) is None


def test_the_calls_operations_that_dial_are_the_oracles_writes_with_a_to() -> None:
    calls = {entry.operation_id for entry in OPERATIONS if entry.area == "calls"}
    oracle = {op.operation_id for op in ORACLE if op.changes_state and isinstance(op.body, dict) and "to" in op.body}
    assert RUNNER.DIALLING & calls == oracle == {"post_calls", "post_calls_permissions_request"}


def test_the_calls_reads_are_the_oracles_reads_and_list_calls() -> None:
    calls = {entry.operation_id for entry in OPERATIONS if entry.area == "calls"}
    oracle = {op.operation_id for op in ORACLE if not op.changes_state}
    assert RUNNER.read_operations(SPEC_PATH) & calls == oracle | {"get_calls"}


def test_every_kind_of_number_serves_something_and_the_sandbox_has_a_target_of_each() -> None:
    for kind in PROVIDERS:
        assert any(entry.providers is None or kind in entry.providers for entry in OPERATIONS), kind
        assert kind in KIND_OF_TARGET.values()
