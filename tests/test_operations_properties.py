"""Property tests: whatever 2xx body an operation's schema accepts, the SDK returns it as the operation's model.

For every Calls operation, sync and async, a body drawn from its 2xx schema in openapi.json (`$ref`s resolved
against the components) is served by `httpx.MockTransport`; the value returned holds every declared field of it at
its place, every other field (at any depth) in `additional_properties`, and no `Unset` anywhere.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

from pilotstatus_api.models.call_permission import CallPermission
from pilotstatus_api.types import UNSET
from tests._operations import (
    OPERATIONS,
    Flavor,
    Op,
    Recorder,
    assert_mirrors,
    ok,
    properties,
    run,
    unset_paths,
)
from tests._spec import JSON, load_spec

SPEC = load_spec()
EXAMPLES = 10  # per operation (test_generated_models draws every model too): the file stays within seconds
ASYNC_EXAMPLES = 4  # the async client parses with the same code; what differs is how the body arrives
# hypothesis-jsonschema draws objects by filtering (unique keys, required ones): expected, not a problem of the test.
GENERATION_IS_SLOW = [HealthCheck.filter_too_much, HealthCheck.too_slow, HealthCheck.data_too_large]

JSON_VALUES: st.SearchStrategy[Any] = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(), children, max_size=3),
    max_leaves=6,
)


@cache
def bodies(schema_name: str) -> st.SearchStrategy[Any]:
    """Every body the named schema accepts (built once per schema: building it is slow)."""
    return from_schema({**SPEC["components"]["schemas"][schema_name], "components": SPEC["components"]})


@cache
def extra_fields(op_name: str) -> st.SearchStrategy[dict[str, Any]]:
    """Fields the model the operation returns does not declare, with any JSON value."""
    op = next(op for op in OPERATIONS if op.name == op_name)
    declared = set(properties(op.result_schema()))
    return st.dictionaries(st.text(min_size=1).filter(lambda key: key not in declared), JSON_VALUES, min_size=1)


def with_extra(op: Op, body: JSON, extra: dict[str, Any]) -> JSON:
    """`body` with `extra` added to the object the returned model stands for."""
    if not op.root:
        return {**body, **extra}
    (key,) = op.root
    return {**body, key: {**body[key], **extra}}


def check_any_body(flavor: Flavor, op: Op, data: st.DataObject) -> None:
    body = data.draw(bodies(op.schema_name), label="body")
    extra = data.draw(extra_fields(op.name), label="extra")
    served = with_extra(op, body, extra)

    result = run(flavor, op, Recorder(ok(op, served)))

    assert type(result) is op.model
    assert list(unset_paths(result)) == []
    assert_mirrors(result, op.result_body(served), op.result_schema())
    for key, value in extra.items():
        assert result.additional_properties[key] == value


@pytest.mark.parametrize("op", OPERATIONS, ids=str)
@settings(max_examples=EXAMPLES, suppress_health_check=GENERATION_IS_SLOW)
@given(data=st.data())
def test_any_2xx_body_the_schema_accepts_parses_into_the_model(op: Op, data: st.DataObject) -> None:
    check_any_body("sync", op, data)


@pytest.mark.parametrize("op", OPERATIONS, ids=str)
@settings(max_examples=ASYNC_EXAMPLES, suppress_health_check=GENERATION_IS_SLOW)
@given(data=st.data())
def test_the_async_client_parses_any_2xx_body_the_same_way(op: Op, data: st.DataObject) -> None:
    check_any_body("async", op, data)


# --- the checkers themselves ------------------------------------------------------------------------------------

PERMISSIONS = next(op for op in OPERATIONS if op.name == "permissions.retrieve")


@pytest.mark.parametrize(
    "spoil",
    [
        lambda model: model.additional_properties.update(invented=1),
        lambda model: setattr(model.permission, "status", "permanent"),
        lambda model: model.actions[0].limits[0].additional_properties.update(invented=2),
        lambda model: setattr(model.actions[0], "can_perform_action", 1),
        lambda model: model.actions.append(model.actions[0]),
    ],
)
def test_assert_mirrors_sees_a_model_that_differs_from_its_body(spoil: Any) -> None:
    model = CallPermission.from_dict(PERMISSIONS.example)
    assert_mirrors(model, PERMISSIONS.example, PERMISSIONS.result_schema())
    spoil(model)
    with pytest.raises(AssertionError):
        assert_mirrors(model, PERMISSIONS.example, PERMISSIONS.result_schema())


def test_assert_mirrors_sees_an_unknown_field_that_was_dropped() -> None:
    body = {**PERMISSIONS.example, "permission": {**PERMISSIONS.example["permission"], "invented": True}}
    with pytest.raises(AssertionError):
        assert_mirrors(CallPermission.from_dict(PERMISSIONS.example), body, PERMISSIONS.result_schema())


def test_unset_paths_finds_an_unset_at_any_depth() -> None:
    model = CallPermission.from_dict(PERMISSIONS.example)
    assert list(unset_paths(model)) == []
    actions = model.actions
    assert actions is not None
    limits = actions[0].limits
    assert limits is not None
    limits[0].max_allowed = UNSET  # type: ignore[assignment]
    model.additional_properties["x"] = [UNSET]
    assert sorted(unset_paths(model)) == ["$.actions[0].limits[0].max_allowed", "$.additional_properties['x'][0]"]
