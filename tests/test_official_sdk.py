"""The checker of the official SDK's types (`tests/_typed_dicts.py`), on `TypedDict`s shaped like the SDK's."""

from __future__ import annotations

from typing import Any, Literal, NotRequired, Required, TypedDict

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests._typed_dicts import required_keys, type_issues

# The checker of the official SDK's types, on TypedDicts of the same shapes. This module, like the SDK's `types.py`,
# has `from __future__ import annotations`: the case where Python 3.11 gets `__required_keys__` wrong.

Status = Literal["RINGING", "MISSED"]


class Limit(TypedDict):
    time_period: str
    max_allowed: int


class Action(TypedDict, total=False):
    action_name: Required[str]
    limits: list[Limit]


class Sample(TypedDict, total=False):
    id: Required[str]
    externalCallId: Required[str | None]
    status: Required[Status]
    durationSeconds: int | None
    ratio: float
    answered: bool
    actions: list[Action]
    calling: dict[str, Any]


class Flat(TypedDict):
    event: Literal["call.ended"]
    callId: str | None
    duration: NotRequired[int]


CONFORMING: Sample = {
    "id": "call_1",
    "externalCallId": None,
    "status": "MISSED",
    "durationSeconds": 3,
    "ratio": 1,
    "answered": False,
    "actions": [{"action_name": "start_call", "limits": [{"time_period": "PT24H", "max_allowed": 1}]}],
    "calling": {"status": "ENABLED", "call_hours": {"status": "DISABLED"}},
}


def test_the_required_keys_are_read_from_required_and_not_required_whatever_the_class_totality() -> None:
    assert Sample.__required_keys__ == frozenset()  # Python's own reading here: why the checker does not use it
    assert required_keys(Sample) == {"id", "externalCallId", "status"}
    assert required_keys(Flat) == {"event", "callId"}
    assert required_keys(Limit) == {"time_period", "max_allowed"}


def test_a_conforming_answer_has_no_issues_whatever_keys_it_adds() -> None:
    assert type_issues(CONFORMING, Sample) == []
    assert type_issues({**CONFORMING, "recordingUrl": "https://x/1.ogg", "notice": None}, Sample) == []
    assert type_issues({"event": "call.ended", "callId": None}, Flat) == []


@pytest.mark.parametrize(
    ("answer", "issues"),
    [
        ({"externalCallId": "w", "status": "RINGING"}, ["$: id is required by Sample"]),
        ({**CONFORMING, "id": None}, ["$.id: expected string, got null"]),
        (
            {**CONFORMING, "status": "ON_HOLD"},
            ["$.status: expected one of ['RINGING', 'MISSED'], got string 'ON_HOLD'"],
        ),
        ({**CONFORMING, "durationSeconds": True}, ["$.durationSeconds: expected integer or null, got boolean True"]),
        ({**CONFORMING, "durationSeconds": 2.5}, ["$.durationSeconds: expected integer or null, got number 2.5"]),
        ({**CONFORMING, "answered": 0}, ["$.answered: expected boolean, got integer 0"]),
        ({**CONFORMING, "ratio": "1"}, ["$.ratio: expected number, got string '1'"]),
        ({**CONFORMING, "calling": []}, ["$.calling: expected an object, got array []"]),
        (
            {**CONFORMING, "actions": [{"action_name": "start_call", "limits": [{"time_period": "PT24H"}]}]},
            ["$.actions[0].limits[0]: max_allowed is required by Limit"],
        ),
        (
            {**CONFORMING, "actions": {"action_name": "x"}},
            ["$.actions: expected an array, got object {'action_name': 'x'}"],
        ),
        (["call_1"], ["$: expected an object (Sample), got array ['call_1']"]),
    ],
)
def test_a_missing_required_key_or_a_wrong_type_is_reported_at_its_place(answer: Any, issues: list[str]) -> None:
    assert type_issues(answer, Sample) == issues


def test_a_flat_event_without_a_required_nullable_key_or_with_a_wrong_name_is_reported() -> None:
    assert type_issues({"event": "call.ended"}, Flat) == ["$: callId is required by Flat"]
    assert type_issues({"event": "call.ringing", "callId": "c", "duration": None}, Flat) == [
        "$.event: expected one of ['call.ended'], got string 'call.ringing'",
        "$.duration: expected integer, got null",
    ]


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)


@given(
    dropped=st.sets(st.sampled_from(sorted(required_keys(Sample)))),
    extra=st.dictionaries(
        st.text(min_size=1, max_size=8).filter(lambda key: key not in Sample.__annotations__), JSON_VALUES, max_size=4
    ),
)
def test_exactly_the_dropped_required_keys_are_reported_and_no_extra_key_is(dropped: set[str], extra: Any) -> None:
    answer = {key: value for key, value in {**CONFORMING, **extra}.items() if key not in dropped}
    assert type_issues(answer, Sample) == [f"$: {key} is required by Sample" for key in sorted(dropped)]
