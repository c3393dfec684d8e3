"""The official SDK (`pilot-status` 1.15.0) against the sandbox: through every Calls operation and every messaging
method it has, as the Meta number's key, the web number's key and the tenant key acting on each number, every
request it sends is accepted (its sends' `variables: {}`, `mediaType: "image"`, list of `messageIds` and `tz`
included), every answer matches the `TypedDict` it is typed as, an operation the number's provider lacks is refused
with the documented 400 FEATURE_NOT_SUPPORTED (which the SDK raises as its `ValidationError`), and every `call.*` and
`message.*` webhook the sandbox emits is one the SDK's parser and types accept.

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
from pilotstatus_sandbox._backend import NUMBERS
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
MESSAGING = {
    "post_messages_send": "messages.send",
    "get_messages_id": "messages.get",
    "get_messages_history": "messages.history",
    "delete_messages_cancel": "messages.cancel",
    "get_templates": "templates.list",
    "get_templates_id": "templates.get",
    "get_media_mediaId": "media.download",
    "get_analytics_dashboard": "analytics.get_dashboard_stats",
}
"""The messaging operations the official SDK has a method for, and that method (it has none for unread or group
messages, conversations, or a template's writes)."""
WALKED = CALLS | set(MESSAGING)
"""The operations the walk goes through: the Calls area's, as the catalogue has them, and those."""
CALL_EVENTS = {"call.ringing", "call.connected", "call.ended", "call.missed", "call.permission_updated"}
MESSAGE_EVENTS = {"message.sent", "message.delivered", "message.read", "message.failed", "message.received"}
"""The `message.*` webhooks of what the walk does on either number: sends delivered, read and failed, and a user
writing (`message.reply` when the user quotes a message sent, `message.group` in a web number's group)."""
OUR_PACKAGES = ("wrapper", "sandbox", "generated")
(META_PHONE_NUMBER_ID,) = (spec.phone_number_id for spec in NUMBERS if spec.number_id == "num_sandbox_meta")

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


def test_the_walk_sends_every_calls_and_messaging_operation_of_the_official_sdk_as_each_caller(
    walk: dict[str, Any],
) -> None:
    sent: dict[str, set[str]] = {caller: set() for caller in CALLERS}
    for step, exchange in exchanges(walk):
        operation = operation_of(exchange["method"], exchange["path"])
        sent[step["caller"]].add(operation)
        assert MESSAGING.get(operation, step["method"]) == step["method"], describe(step)
    assert sent == dict.fromkeys(CALLERS, WALKED)


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


def test_every_call_and_message_event_of_the_sandbox_matches_the_official_sdks_webhook_types(
    walk: dict[str, Any],
) -> None:
    wrong = [event for event in walk["events"] if event["parse_issues"] or event["type_issues"]]
    assert wrong == []
    seen = {(event["number"], event["event"]["event"]) for event in walk["events"]}
    assert seen == {("num_sandbox_meta", name) for name in CALL_EVENTS | MESSAGE_EVENTS | {"message.reply"}} | {
        ("num_sandbox_web", name)
        for name in CALL_EVENTS - {"call.permission_updated"} | MESSAGE_EVENTS | {"message.reply", "message.group"}
    }


def sent_by(walk: dict[str, Any], method: str) -> list[tuple[Step, dict[str, Any]]]:
    """Each request of the walk's `method` (an official SDK method, `messages.send`), with its step."""
    return [(step, exchange) for step, exchange in exchanges(walk) if step["method"] == method]


def test_every_send_carries_variables_as_the_official_sdk_builds_it_and_is_accepted(walk: dict[str, Any]) -> None:
    """`variables` is `{}` when the send names none (a text, media), and the template's when it does."""
    sends = sent_by(walk, "messages.send")
    assert len(sends) >= 6 * len(CALLERS)
    for step, exchange in sends:
        assert 200 <= exchange["status"] < 300, describe(step)
        assert exchange["sent"]["variables"] == ({"nome": "Maria"} if "templateId" in exchange["sent"] else {})
    assert {exchange["sent"]["variables"] == {} for _, exchange in sends} == {True, False}


def test_media_sent_without_a_type_goes_as_an_image_and_is_accepted(walk: dict[str, Any]) -> None:
    media = [(step, exchange) for step, exchange in sent_by(walk, "messages.send") if "media" in exchange["sent"]]
    assert {step["caller"] for step, _ in media} == set(CALLERS)
    for step, exchange in media:
        assert exchange["sent"]["mediaType"] == "image", describe(step)
        assert exchange["status"] == 202, describe(step)


def test_a_cancel_sends_a_list_of_ids_and_cancels_the_scheduled_message(walk: dict[str, Any]) -> None:
    cancels = sent_by(walk, "messages.cancel")
    assert {step["caller"] for step, _ in cancels} == set(CALLERS)
    for step, exchange in cancels:
        ids = exchange["sent"]["messageIds"]
        assert isinstance(ids, list), describe(step)
        assert exchange["answer"] == {"cancelled": ids, "failed": []}, describe(step)


def test_a_send_repeated_with_its_idempotency_key_is_answered_with_the_same_message(walk: dict[str, Any]) -> None:
    keyed: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for step, exchange in sent_by(walk, "messages.send"):
        if exchange["idempotency_key"] is not None:
            keyed.setdefault((step["caller"], exchange["idempotency_key"]), []).append(exchange)
    assert {caller for caller, _ in keyed} == set(CALLERS)
    for first, again in keyed.values():
        assert again["sent"] == first["sent"]
        assert again["answer"] == first["answer"]  # the stored answer, replayed: one message


def test_the_dashboard_is_asked_with_and_without_tz(walk: dict[str, Any]) -> None:
    asked = {
        (step["caller"], json.dumps(exchange["query"]))
        for step, exchange in sent_by(walk, "analytics.get_dashboard_stats")
    }
    assert asked == {(caller, query) for caller in CALLERS for query in ("{}", json.dumps({"tz": "America/Sao_Paulo"}))}


def test_media_is_downloaded_with_the_demo_meta_numbers_phone_number_id_whatever_the_callers_number(
    walk: dict[str, Any],
) -> None:
    downloads = sent_by(walk, "media.download")
    assert {step["caller"] for step, _ in downloads} == set(CALLERS)
    for step, exchange in downloads:
        assert exchange["status"] == 200, describe(step)
        assert exchange["query"] == {"phoneNumberId": META_PHONE_NUMBER_ID}
        assert exchange["answer"]["base64"].startswith("data:image/png;base64,")


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
