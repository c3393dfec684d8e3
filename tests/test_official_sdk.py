"""The official SDK (`pilot-status` 1.15.0) against the sandbox: through every Calls operation, as the Meta number's
key, the web number's key and the tenant key acting on each number, every request it sends is accepted, every
answer matches the `TypedDict` it is typed as, an operation the number's provider lacks is refused with the
documented 400 FEATURE_NOT_SUPPORTED (which the SDK raises as its `ValidationError`), and every `call.*` webhook the
sandbox emits is one the SDK's parser and types accept.

The official SDK runs in a process of its own (`tests/_official_sdk.py`, once for the module): nothing here imports
it. The checker of its types (`tests/_typed_dicts.py`) is tested here too, on `TypedDict`s shaped like the SDK's."""

from __future__ import annotations

import ast
import functools
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from typing import Any, Literal, NotRequired, Required, TypedDict

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pilotstatus_api import catalogue
from tests._spec import ROOT, load_spec, operations
from tests._typed_dicts import required_keys, type_issues

ACCEPTED = "accepted"
REFUSED = "FEATURE_NOT_SUPPORTED"
CALLERS = {
    "Meta number key": ("num_sandbox_meta", False),
    "web number key": ("num_sandbox_web", False),
    "tenant key on the Meta number": ("num_sandbox_meta", True),
    "tenant key on the web number": ("num_sandbox_web", True),
}
PROVIDER_OF = {"num_sandbox_meta": "META", "num_sandbox_web": "EVO_GO"}
CALLS = {entry.operation_id for entry in catalogue.OPERATIONS if entry.area == "calls"}
"""The operations the walk goes through: the Calls area's, as the catalogue has them."""
CALL_EVENTS = {"call.ringing", "call.connected", "call.ended", "call.missed", "call.permission_updated"}
OUR_PACKAGES = ("wrapper", "sandbox", "generated")

Step = dict[str, Any]


@pytest.fixture(scope="module")
def walk() -> dict[str, Any]:
    """What `tests/_official_sdk.py` saw, run once in a process of its own."""
    ran = subprocess.run(
        [sys.executable, "-m", "tests._official_sdk"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert ran.returncode == 0, ran.stderr
    report: dict[str, Any] = json.loads(ran.stdout)
    return report


def exchanges(walk: dict[str, Any]) -> Iterator[tuple[Step, dict[str, Any]]]:
    for step in walk["steps"]:
        for exchange in step["exchanges"]:
            yield step, exchange


@functools.cache
def routes() -> list[tuple[str, re.Pattern[str], str]]:
    """(method, path pattern, `operationId`) of each operation of `openapi.json`, the literal paths first."""
    found = sorted(operations(load_spec()), key=lambda found: found[0].count("{"))
    return [
        (verb.upper(), re.compile(re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template))), operation["operationId"])
        for template, verb, operation in found
    ]


def operation_of(method: str, path: str) -> str:
    """The `operationId` of `openapi.json` that serves `method` on `path`."""
    for verb, pattern, operation_id in routes():
        if verb == method and pattern.fullmatch(path):
            return operation_id
    raise AssertionError(f"no operation of openapi.json serves {method} {path}")


def describe(step: Step) -> str:
    sent = [(e["method"], e["path"], e["query"], e["sent"], e["status"], e["answer"]) for e in step["exchanges"]]
    return f"{step['caller']}: {step['method']} sent {sent}, the SDK {step['outcome']}"


def test_the_walk_sends_every_calls_operation_as_each_caller(walk: dict[str, Any]) -> None:
    sent: dict[str, set[str]] = {caller: set() for caller in CALLERS}
    for step, exchange in exchanges(walk):
        sent[step["caller"]].add(operation_of(exchange["method"], exchange["path"]))
    assert sent == dict.fromkeys(CALLERS, CALLS)


def test_no_scene_of_the_walk_broke_off(walk: dict[str, Any]) -> None:
    assert walk["broken_scenes"] == []


def test_each_sdk_call_sends_exactly_one_request(walk: dict[str, Any]) -> None:
    assert [describe(step) for step in walk["steps"] if len(step["exchanges"]) != 1] == []


def serves(step: Step) -> bool:
    """Whether the number of the step's caller serves the operation the step sent (the catalogue's `providers`)."""
    number, _ = CALLERS[step["caller"]]
    (exchange,) = step["exchanges"]
    providers = catalogue.BY_ID[operation_of(exchange["method"], exchange["path"])].providers
    return providers is None or PROVIDER_OF[number] in providers


def served(walk: dict[str, Any]) -> set[tuple[str, str]]:
    """(caller, SDK method) of each step whose operation the caller's number serves."""
    return {(step["caller"], step["method"]) for step in walk["steps"] if serves(step)}


def test_every_request_the_official_sdk_sends_is_accepted(walk: dict[str, Any]) -> None:
    accepted = [step for step in walk["steps"] if step["expect"] == ACCEPTED]
    refused = [
        describe(step)
        for step in accepted
        if not step["outcome"].get("returned") or not all(200 <= e["status"] < 300 for e in step["exchanges"])
    ]
    assert refused == []
    assert {(step["caller"], step["method"]) for step in accepted} == served(walk)


def test_every_answer_matches_the_type_the_official_sdk_gives_it(walk: dict[str, Any]) -> None:
    returned = [step for step in walk["steps"] if step["outcome"].get("returned")]
    mismatches = [
        f"{step['caller']}: {step['method']}: {issue}" for step in returned for issue in step["outcome"]["type_issues"]
    ]
    assert mismatches == []
    assert {(step["caller"], step["method"]) for step in returned} == served(walk)


def test_an_operation_the_provider_lacks_is_refused_as_the_sdks_validation_error(walk: dict[str, Any]) -> None:
    refusals = [step for step in walk["steps"] if step["expect"] == REFUSED]
    for step in refusals:
        (exchange,) = step["exchanges"]
        answer = exchange["answer"]
        assert exchange["status"] == 400, describe(step)
        assert answer["code"] == "FEATURE_NOT_SUPPORTED", describe(step)
        assert step["outcome"] == {
            "raised": "ValidationError",
            "status": 400,
            "code": "FEATURE_NOT_SUPPORTED",
            "message": answer["error"],
        }
    refused = {(step["caller"], step["method"]) for step in refusals}
    assert refused == {(step["caller"], step["method"]) for step in walk["steps"] if not serves(step)}
    # What each provider lacks (../shared/reference/calls-more.md, section 1; calls-api.md, section 6), in the
    # official SDK's names: the walk's own expectations, written by hand, agree with the catalogue above.
    assert {(CALLERS[caller][0], method) for caller, method in refused} == {
        ("num_sandbox_meta", "calls.play"), ("num_sandbox_meta", "calls.realtime_session"),
        ("num_sandbox_web", "calls.pre_accept"), ("num_sandbox_web", "calls.get_settings"),
        ("num_sandbox_web", "calls.update_settings"), ("num_sandbox_web", "calls.get_permissions"),
        ("num_sandbox_web", "calls.request_permission"),
    }  # fmt: skip


def test_the_tenant_key_names_its_number_on_every_request_and_a_number_key_names_none(walk: dict[str, Any]) -> None:
    named = {(step["caller"], exchange["number_header"]) for step, exchange in exchanges(walk)}
    assert named == {(caller, number if tenant else None) for caller, (number, tenant) in CALLERS.items()}


def test_every_call_event_of_the_sandbox_matches_the_official_sdks_webhook_types(walk: dict[str, Any]) -> None:
    wrong = [event for event in walk["events"] if event["parse_issues"] or event["type_issues"]]
    assert wrong == []
    seen = {(event["number"], event["event"]["event"]) for event in walk["events"]}
    assert seen == {("num_sandbox_meta", name) for name in CALL_EVENTS} | {
        ("num_sandbox_web", name) for name in CALL_EVENTS - {"call.permission_updated"}
    }


def test_our_packages_never_import_the_official_sdk() -> None:
    importing = []
    for package in OUR_PACKAGES:
        for source in sorted((ROOT / package).rglob("*.py")):
            for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
                names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
                if isinstance(node, ast.ImportFrom) and node.module is not None:
                    names = [node.module]
                if any(name == "pilot_status" or name.startswith("pilot_status.") for name in names):
                    importing.append(str(source.relative_to(ROOT)))
    assert importing == []


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
