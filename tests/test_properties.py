"""Property tests: whatever body the spec allows, the generated models parse it, keep it, and write it back."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Protocol, Self

from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

from pilotstatus_api.models import Call, CallList, Error
from tests._spec import JSON, component_schema, documented_call, load_spec, resolve, validator

SPEC = load_spec()


class Model(Protocol):
    @classmethod
    def from_dict(cls, src_dict: Any) -> Self: ...

    def to_dict(self) -> dict[str, Any]: ...


def bodies(name: str) -> st.SearchStrategy[Any]:
    """Every body the named schema of openapi.json accepts, its `$ref`s resolved against the spec."""
    return from_schema({**component_schema(name), "components": SPEC["components"]})


def instants(value: Any, schema: JSON) -> Any:
    """`value` with every date-time the schema declares replaced by the instant it names.

    The models write timestamps back in Python's spelling (`+00:00`, microseconds), so a round trip keeps the
    instant, not the characters; everything else must come back exactly.
    """
    schema = resolve(SPEC, schema)
    if schema.get("format") == "date-time" and isinstance(value, str):
        return datetime.fromisoformat(value)
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        return {key: instants(item, properties[key]) if key in properties else item for key, item in value.items()}
    if isinstance(value, list) and "items" in schema:
        return [instants(item, schema["items"]) for item in value]
    return value


def assert_round_trips(model: type[Model], name: str, body: JSON) -> None:
    parsed = model.from_dict(body)
    written = parsed.to_dict()

    schema = component_schema(name)
    assert instants(written, schema) == instants(body, schema)
    assert list(validator(schema).iter_errors(written)) == []
    assert model.from_dict(written) == parsed


# Each list holds several calls, and the test below draws single calls 50 times: 25 lists prove the list's own part.
@settings(max_examples=25)
@given(bodies("CallList"))
def test_any_call_list_the_schema_accepts_parses_and_round_trips(body: JSON) -> None:
    assert_round_trips(CallList, "CallList", body)


@settings(max_examples=50)
@given(bodies("Call"))
def test_any_call_the_schema_accepts_parses_and_round_trips(body: JSON) -> None:
    assert_round_trips(Call, "Call", body)


@settings(max_examples=50)
@given(bodies("Error"))
def test_any_error_body_the_schema_accepts_parses_and_round_trips(body: JSON) -> None:
    assert_round_trips(Error, "Error", body)


# The documented call carries the strings: what is tested is how the two fields are read, not the other fields
# (any call the schema accepts is the round-trip test's).
@given(st.text(), st.text())
def test_any_status_or_direction_string_is_kept_as_sent(status: str, direction: str) -> None:
    parsed = Call.from_dict({**documented_call(), "status": status, "direction": direction})

    assert (parsed.status, parsed.direction) == (status, direction)
    assert (parsed.to_dict()["status"], parsed.to_dict()["direction"]) == (status, direction)
