"""The contract suite's own checks, each fed crafted responses: it passes what the API may answer and fails what it
must not, as schemathesis runs it (`Case.validate_response` with the check)."""

from __future__ import annotations

import datetime
import functools
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from schemathesis.checks import CheckFunction
from schemathesis.core.failures import FailureGroup
from schemathesis.generation import GenerationMode
from schemathesis.generation.case import Case
from schemathesis.generation.hypothesis.examples import generate_one

from pilotstatus_sandbox import SCENARIOS
from tests._contract import load_schema
from tests._contract_checks import (
    LATER,
    CallStatusMovesForward,
    CallStore,
    RetrieveShowsActionResult,
    calls_listed_newest_first,
    documented_answer,
    message_status_moves_forward,
    one_credential,
    parse_instant,
)
from tests._contract_targets import Secret, Target, sandbox_targets

BASE = "http://sandbox.test"
TARGETS = {target.name: target for target in sandbox_targets()}


@functools.cache
def _generated(method: str, path: str, mode: GenerationMode) -> Any:
    return generate_one(load_schema()[path][method].as_strategy(generation_mode=mode))


def _copy(case: Any, **parts: Any) -> Case[Any]:
    fields = {name: getattr(case, name) for name in ("path_parameters", "headers", "query", "body", "media_type")}
    return Case(case.operation, case.method, case.path, meta=case.meta, **{**fields, **parts})


def valid_case(method: str, path: str, **parts: Any) -> Case[Any]:
    """A valid case of the operation (as schemathesis generates one, once), with `parts` (query,
    path_parameters...) replacing what was generated."""
    return _copy(_generated(method, path, GenerationMode.POSITIVE), **parts)


def invalid_case(method: str, path: str) -> Case[Any]:
    return _copy(_generated(method, path, GenerationMode.NEGATIVE))


def answer(case: Any, status: int, body: Any, headers: dict[str, str] | None = None) -> httpx.Response:
    """`body` as the answer to `case`, its request carrying `headers`."""
    url = BASE + case.formatted_path
    response = httpx.Response(status, json=body, request=httpx.Request(case.method, url, headers=headers or {}))
    response.elapsed = datetime.timedelta(milliseconds=1)  # as if it had been received
    return response


def failures(case: Any, response: httpx.Response, check: CheckFunction) -> list[str]:
    """The titles of the failures `check` reports for `response` (none when it passes)."""
    try:
        case.validate_response(response, checks=[check])
    except FailureGroup as group:
        return [getattr(failure, "title", str(failure)) for failure in group.exceptions]
    return []


def call(created: str, call_id: str = "call_1", status: str = "COMPLETED") -> dict[str, Any]:
    return {"id": call_id, "externalCallId": None, "direction": "INBOUND", "status": status, "createdAt": created}


def page(*created: str) -> dict[str, Any]:
    return {"calls": [call(instant, f"call_{n}") for n, instant in enumerate(created)]}


# -- calls_listed_newest_first --------------------------------------------------------------------------------------


def list_calls(**query: Any) -> Any:
    return valid_case("GET", "/v1/calls", query=query)


def test_a_page_newest_first_with_ties_before_the_cursor_and_within_its_limit_passes() -> None:
    case = list_calls(limit=3, before="2026-07-03T15:00:00.000Z")
    body = page("2026-07-03T14:59:59.999Z", "2026-07-03T14:59:59.999Z", "2026-07-03T10:00:00+00:00")
    assert failures(case, answer(case, 200, body), calls_listed_newest_first) == []


def test_a_page_out_of_order_fails() -> None:
    case = list_calls()
    body = page("2026-07-03T14:00:00.000Z", "2026-07-03T14:00:00.001Z")
    assert failures(case, answer(case, 200, body), calls_listed_newest_first) == ["Calls not newest first"]


@pytest.mark.parametrize(
    "created", ["2026-07-03T15:00:00.000Z", "2026-07-03T15:00:00.001Z", "2026-07-03T12:00:00-03:00"]
)
def test_a_call_not_strictly_before_the_cursor_fails(created: str) -> None:
    case = list_calls(before="2026-07-03T15:00:00.000Z")
    assert failures(case, answer(case, 200, page(created)), calls_listed_newest_first) == [
        "Call not strictly before the cursor"
    ]


def test_a_page_longer_than_its_limit_fails_and_the_default_limit_is_25() -> None:
    case = list_calls(limit=2)
    body = page(*["2026-07-03T14:00:00.000Z"] * 3)
    assert failures(case, answer(case, 200, body), calls_listed_newest_first) == ["Page longer than its limit"]
    unlimited = list_calls()
    assert (
        failures(unlimited, answer(unlimited, 200, page(*["2026-07-03T14:00:00.000Z"] * 25)), calls_listed_newest_first)
        == []
    )
    assert failures(
        unlimited, answer(unlimited, 200, page(*["2026-07-03T14:00:00.000Z"] * 26)), calls_listed_newest_first
    ) == ["Page longer than its limit"]


def test_a_leap_second_cursor_is_the_first_instant_of_the_next_minute() -> None:
    case = list_calls(before="2016-12-31T23:59:60Z")
    assert failures(case, answer(case, 200, page("2016-12-31T23:59:59.999Z")), calls_listed_newest_first) == []
    assert failures(case, answer(case, 200, page("2017-01-01T00:00:00.000Z")), calls_listed_newest_first) == [
        "Call not strictly before the cursor"
    ]


def test_a_cursor_finer_than_a_millisecond_is_compared_exactly() -> None:
    case = list_calls(before="2026-07-03T15:00:00.0000001Z")
    assert failures(case, answer(case, 200, page("2026-07-03T15:00:00.000Z")), calls_listed_newest_first) == []


def test_the_list_check_leaves_other_operations_and_refusals_alone() -> None:
    case = list_calls()
    assert failures(case, answer(case, 400, {"error": "Validation error"}), calls_listed_newest_first) == []
    retrieve = valid_case("GET", "/v1/calls/{callId}", path_parameters={"callId": "call_1"})
    assert failures(retrieve, answer(retrieve, 200, page("1", "2")), calls_listed_newest_first) == []


instants = st.datetimes(
    min_value=datetime.datetime(1971, 1, 1), max_value=datetime.datetime(2100, 1, 1), timezones=st.just(datetime.UTC)
)


@given(st.lists(instants, min_size=2, max_size=8, unique=True))
def test_any_newest_first_page_passes_and_any_swapped_pair_fails(moments: list[datetime.datetime]) -> None:
    texts = [
        f"{moment:%Y-%m-%dT%H:%M:%S}.{moment.microsecond // 1000:03d}Z" for moment in sorted(moments, reverse=True)
    ]
    if len(set(texts)) < len(texts):
        return  # two moments in the same millisecond: not a strict order once written
    case = list_calls(limit=100)
    assert failures(case, answer(case, 200, page(*texts)), calls_listed_newest_first) == []
    swapped = [texts[1], texts[0], *texts[2:]]
    assert failures(case, answer(case, 200, page(*swapped)), calls_listed_newest_first) == ["Calls not newest first"]


@given(instants, st.integers(min_value=-23 * 60 - 59, max_value=23 * 60 + 59))
def test_an_instant_with_an_offset_parses_to_the_same_moment(moment: datetime.datetime, offset: int) -> None:
    zone = datetime.timezone(datetime.timedelta(minutes=offset))
    local = moment.astimezone(zone)
    sign, minutes = ("+" if offset >= 0 else "-"), abs(offset)
    text = f"{local:%Y-%m-%dT%H:%M:%S}.{local.microsecond:06d}{sign}{minutes // 60:02d}:{minutes % 60:02d}"
    parsed = parse_instant(text)
    assert parsed is not None
    assert parsed == parse_instant(f"{moment:%Y-%m-%dT%H:%M:%S}.{moment.microsecond:06d}Z")
    assert float(parsed) == pytest.approx(moment.timestamp(), abs=1e-6)


@pytest.mark.parametrize("text", ["2026-02-30T00:00:00Z", "2026-07-03 15:00:00Z", "2026-07-03T15:00:00", "yesterday"])
def test_what_is_not_a_date_time_parses_to_none(text: str) -> None:
    assert parse_instant(text) is None


# -- CallStatusMovesForward and RetrieveShowsActionResult -----------------------------------------------------------


def started(call_id: str, status: str) -> tuple[Any, httpx.Response]:
    case = valid_case("POST", "/v1/calls")
    return case, answer(case, 200, {"id": call_id, "externalCallId": None, "status": status})


def retrieved(call_id: str, status: str) -> tuple[Any, httpx.Response]:
    case = valid_case("GET", "/v1/calls/{callId}", path_parameters={"callId": call_id})
    return case, answer(case, 200, call("2026-07-03T14:00:00.000Z", call_id, status))


def acted(action: str, call_id: str, status: str) -> tuple[Any, httpx.Response]:
    case = valid_case("POST", f"/v1/calls/{{callId}}/{action}", path_parameters={"callId": call_id})
    return case, answer(case, 200, {"success": True, "id": call_id, "status": status})


def listed(call_id: str, status: str) -> tuple[Any, httpx.Response]:
    case = list_calls()
    return case, answer(case, 200, {"calls": [call("2026-07-03T14:00:00.000Z", call_id, status)]})


def run(check: CheckFunction, steps: Iterable[tuple[Any, httpx.Response]]) -> list[str]:
    """The failures `check` reports along `steps`, in order."""
    return [title for case, response in steps for title in failures(case, response, check)]


def forward() -> CheckFunction:
    return CallStatusMovesForward(CallStore()).after_response


def test_a_call_through_its_lifecycle_passes() -> None:
    check = forward()
    steps = [
        started("c", "INITIATED"),
        retrieved("c", "RINGING"),
        listed("c", "ACCEPTED"),
        acted("terminate", "c", "COMPLETED"),
    ]
    assert run(check, [*steps, retrieved("c", "COMPLETED")]) == []


@pytest.mark.parametrize(
    ("before", "after"),
    [("RINGING", "INITIATED"), ("ACCEPTED", "RINGING"), ("ACCEPTED", "REJECTED"), ("COMPLETED", "ACCEPTED"),
     ("REJECTED", "COMPLETED"), ("MISSED", "RINGING"), ("FAILED", "COMPLETED")],
)  # fmt: skip
def test_a_status_moving_back_or_an_ended_call_changing_fails(before: str, after: str) -> None:
    assert run(forward(), [retrieved("c", before), listed("c", after)]) == ["Call status moved backwards"]


def test_calls_are_told_apart_by_id_and_server() -> None:
    check = forward()
    assert run(check, [retrieved("c", "COMPLETED"), retrieved("d", "RINGING")]) == []
    case, response = retrieved("c", "RINGING")
    elsewhere = httpx.Response(200, json=response.json(), request=httpx.Request("GET", "http://other.test/v1/calls/c"))
    elsewhere.elapsed = response.elapsed
    assert failures(case, elsewhere, check) == []


def test_an_unknown_status_and_a_refusal_are_not_a_step_of_the_lifecycle() -> None:
    check = forward()
    refused = valid_case("GET", "/v1/calls/{callId}", path_parameters={"callId": "c"})
    steps = [retrieved("c", "COMPLETED"), retrieved("c", "ON_HOLD"), (refused, answer(refused, 404, {"error": "x"}))]
    assert run(check, steps) == []


lifecycles = st.sampled_from(["INITIATED", "RINGING"]).flatmap(
    lambda first: st.recursive(
        st.just([first]),
        lambda paths: paths.flatmap(
            lambda path: st.sampled_from(sorted(LATER[path[-1]]) or [path[-1]]).map(lambda next_: [*path, next_])
        ),
        max_leaves=5,
    )
)


@given(lifecycles)
def test_any_path_of_the_lifecycle_passes_and_going_back_from_its_end_fails(path: list[str]) -> None:
    check = forward()
    assert run(check, [retrieved("c", status) for status in path]) == []
    if path[-1] != path[0]:
        assert run(check, [retrieved("c", path[0])]) == ["Call status moved backwards"]


def shows_result() -> CheckFunction:
    return RetrieveShowsActionResult(CallStore()).after_response


@pytest.mark.parametrize(
    ("action", "result", "retrieve"),
    [("terminate", "COMPLETED", "COMPLETED"), ("accept", "ACCEPTED", "ACCEPTED"), ("accept", "ACCEPTED", "COMPLETED"),
     ("reject", "REJECTED", "REJECTED"), ("pre-accept", "RINGING", "ACCEPTED"), ("play", "INITIATED", "RINGING")],
)  # fmt: skip
def test_a_retrieve_showing_the_action_result_or_a_later_status_passes(action: str, result: str, retrieve: str) -> None:
    assert run(shows_result(), [acted(action, "c", result), retrieved("c", retrieve)]) == []


@pytest.mark.parametrize(
    ("action", "result", "retrieve"),
    [("terminate", "COMPLETED", "RINGING"), ("accept", "ACCEPTED", "RINGING"), ("reject", "REJECTED", "MISSED"),
     ("terminate", "COMPLETED", "FAILED")],
)  # fmt: skip
def test_a_retrieve_not_showing_the_action_result_fails(action: str, result: str, retrieve: str) -> None:
    assert run(shows_result(), [acted(action, "c", result), retrieved("c", retrieve)]) == [
        "Retrieve does not show the action's result"
    ]


def test_only_a_retrieve_after_an_action_is_held_to_its_result() -> None:
    check = shows_result()
    assert run(check, [retrieved("c", "COMPLETED"), retrieved("c", "RINGING"), listed("c", "INITIATED")]) == []
    assert run(check, [acted("terminate", "c", "COMPLETED"), listed("c", "RINGING")]) == []  # the other check's


# -- message_status_moves_forward ----------------------------------------------------------------------------------

MESSAGE_READS = {
    "history": "/v1/messages/history",
    "unread": "/v1/messages/unread",
    "group": "/v1/messages/group",
}


def shown(where: str, message_id: str, status: str, *, replayed: bool = False) -> tuple[Any, httpx.Response]:
    """A response of `where` (`send`, `get`, `cancel`, or a list of `MESSAGE_READS`) showing the message at `status`
    (a cancel shows only the ids it cancelled, so CANCELED); `replayed`, a send's stored answer replayed."""
    if where == "send":
        case = valid_case("POST", "/v1/messages/send")
        body: Any = {"id": message_id, "correlationId": "c0ffee", "status": status, "createdAt": "2026-07-03T14:00:00Z"}
        response = answer(case, 202, body)
        if replayed:
            response.headers["Idempotent-Replayed"] = "true"
        return case, response
    if where == "get":
        case = valid_case("GET", "/v1/messages/{messageId}", path_parameters={"messageId": message_id})
        return case, answer(case, 200, {"id": message_id, "status": status, "destinationNumber": "+5511999990001"})
    if where == "cancel":
        assert status == "CANCELED"
        case = valid_case("DELETE", "/v1/messages/cancel")
        return case, answer(case, 200, {"cancelled": [message_id], "failed": []})
    case = valid_case("GET", MESSAGE_READS[where])
    rows = [{"id": "cm_other", "status": "READ"}, {"id": message_id, "status": status, "direction": "OUTBOUND"}]
    return case, answer(case, 200, {"messages": rows, "total": 2, "page": 1, "pageSize": 30, "totalPages": 1})


def moves_forward(
    target: str = "meta", store: CallStore | None = None, seen: Counter[tuple[str, str]] | None = None
) -> CheckFunction:
    return message_status_moves_forward(TARGETS[target], store=CallStore() if store is None else store, seen=seen)


BACKWARDS = "Message status moved backwards"


def test_a_message_followed_through_send_retrieve_and_the_lists_to_read_passes() -> None:
    steps = [
        shown("send", "msg_1", "QUEUED"),
        shown("get", "msg_1", "QUEUED"),
        shown("history", "msg_1", "SENT"),
        shown("get", "msg_1", "DELIVERED"),
        shown("group", "msg_1", "DELIVERED"),
        shown("unread", "msg_1", "READ"),
        shown("get", "msg_1", "READ"),
    ]
    assert run(moves_forward(), steps) == []


@pytest.mark.parametrize(
    ("before", "after"),
    [("SENT", "QUEUED"), ("DELIVERED", "SENT"), ("READ", "DELIVERED"), ("READ", "QUEUED"), ("FAILED", "QUEUED"),
     ("FAILED", "READ"), ("CANCELED", "QUEUED"), ("CANCELED", "SENT"), ("FAILED", "CANCELED"),
     ("CANCELED", "FAILED"), ("SENT", "CANCELED"), ("READ", "CANCELED")],
)  # fmt: skip
def test_a_message_status_moving_back_or_leaving_an_end_fails(before: str, after: str) -> None:
    assert run(moves_forward(), [shown("get", "msg_1", before), shown("history", "msg_1", after)]) == [BACKWARDS]


@pytest.mark.parametrize(("before", "after"), [("QUEUED", "FAILED"), ("SENT", "FAILED"), ("QUEUED", "CANCELED")])
def test_a_message_may_fail_once_out_and_be_canceled_while_queued(before: str, after: str) -> None:
    assert run(moves_forward(), [shown("send", "msg_1", before), shown("get", "msg_1", after)]) == []


def backwards_report(check: CheckFunction, steps: list[tuple[Any, httpx.Response]]) -> str:
    """The message of the failure the last of `steps` gets (the ones before it pass)."""
    assert run(check, steps[:-1]) == []
    case, response = steps[-1]
    with pytest.raises(FailureGroup) as raised:
        case.validate_response(response, checks=[check])
    (failure,) = raised.value.exceptions
    return str(getattr(failure, "message", failure))


def test_the_failure_names_the_message_its_two_statuses_and_the_operations_that_showed_them() -> None:
    report = backwards_report(moves_forward(), [shown("history", "msg_7", "DELIVERED"), shown("get", "msg_7", "SENT")])
    assert report == (
        "message msg_7 was DELIVERED (in GET /v1/messages/history), then SENT (in GET /v1/messages/{messageId}): "
        "SENT comes before DELIVERED"
    )
    ended = backwards_report(moves_forward(), [shown("cancel", "msg_7", "CANCELED"), shown("unread", "msg_7", "READ")])
    assert ended.endswith("then READ (in GET /v1/messages/unread): CANCELED is an end"), ended


def test_the_report_of_a_backward_move_never_shows_a_key() -> None:
    key = str(TARGETS["meta"].credentials[0][1])  # a server echoing the key where a message id goes
    report = backwards_report(moves_forward(), [shown("get", key, "READ"), shown("get", key, "SENT")])
    assert key not in report
    assert "[redacted]" in report


def test_cancel_shows_each_message_it_cancelled_canceled_and_its_counts_show_none() -> None:
    check = moves_forward()
    assert run(check, [shown("send", "msg_1", "QUEUED"), shown("cancel", "msg_1", "CANCELED")]) == []
    assert run(check, [shown("get", "msg_1", "SENT")]) == [BACKWARDS]
    counts = valid_case("DELETE", "/v1/messages/cancel")
    counted = answer(counts, 200, {"cancelled": 1, "notFound": 0})
    assert run(check, [shown("send", "msg_2", "SENT"), (counts, counted)]) == []
    assert run(check, [shown("get", "msg_2", "DELIVERED")]) == []


def test_an_unknown_status_is_recorded_never_fails_and_is_not_a_step() -> None:
    seen: Counter[tuple[str, str]] = Counter()
    check = moves_forward(seen=seen)
    steps = [shown("get", "msg_1", "DELIVERED"), shown("history", "msg_1", "delivered")]
    assert run(check, [*steps, shown("get", "msg_1", "PAUSED")]) == []
    assert seen[("meta", "PAUSED")] == seen[("meta", "delivered")] == 1
    assert run(check, [shown("history", "msg_1", "SENT")]) == [BACKWARDS]  # still compared with DELIVERED


def test_the_messages_of_each_target_are_followed_apart_and_across_its_checks() -> None:
    store = CallStore()
    assert run(moves_forward("meta", store), [shown("get", "msg_1", "READ")]) == []
    assert run(moves_forward("tenant+num_sandbox_meta", store), [shown("get", "msg_1", "QUEUED")]) == []
    assert run(moves_forward("meta", store), [shown("get", "msg_1", "QUEUED")]) == [BACKWARDS]  # a new check, same run


def test_a_replayed_send_is_the_stored_answer_not_the_message_now() -> None:
    check = moves_forward()
    assert run(check, [shown("send", "msg_1", "QUEUED"), shown("get", "msg_1", "SENT")]) == []
    assert run(check, [shown("send", "msg_1", "QUEUED", replayed=True)]) == []
    assert run(check, [shown("send", "msg_1", "QUEUED")]) == [BACKWARDS]


def test_a_refusal_shows_no_message() -> None:
    check = moves_forward()
    refused = valid_case("GET", "/v1/messages/{messageId}", path_parameters={"messageId": "msg_1"})
    body = {"error": "x", "id": "msg_1", "status": "QUEUED"}
    assert run(check, [shown("get", "msg_1", "READ"), (refused, answer(refused, 404, body))]) == []


CHAIN = ("QUEUED", "SENT", "DELIVERED", "READ")


def goes_back(before: str, after: str) -> bool:
    """The order, written apart from the check's table: along QUEUED < SENT < DELIVERED < READ, FAILED from any step,
    CANCELED from QUEUED only, and nothing out of FAILED or CANCELED."""
    if before == after:
        return False
    if before in ("FAILED", "CANCELED"):
        return True
    if after == "FAILED":
        return False
    if after == "CANCELED":
        return before != "QUEUED"
    return CHAIN.index(after) < CHAIN.index(before)


KNOWN = [*CHAIN, "FAILED", "CANCELED"]
WHERE = ["send", "get", *MESSAGE_READS]


def where_shown(where: str, status: str) -> str:
    """A send never answers CANCELED: a cancel shows it instead."""
    return "cancel" if status == "CANCELED" and where == "send" else where


@given(st.lists(st.tuples(st.sampled_from(WHERE), st.sampled_from([*KNOWN, "PAUSED", "read"])), min_size=1, max_size=8))
def test_any_sequence_of_observations_fails_exactly_at_each_step_back(steps: list[tuple[str, str]]) -> None:
    check = moves_forward()
    last = None
    for where, status in steps:
        back = last is not None and status in KNOWN and goes_back(last, status)
        assert run(check, [shown(where_shown(where, status), "msg_1", status)]) == ([BACKWARDS] if back else [])
        last = status if status in KNOWN else last


@given(
    st.lists(st.sampled_from(CHAIN), min_size=1, max_size=6),
    st.sampled_from([None, "FAILED", "CANCELED"]),
    st.lists(st.sampled_from(WHERE), min_size=8, max_size=8),
    st.lists(st.sampled_from(["PAUSED", "read"]), max_size=3),
)
def test_any_forward_sequence_passes(steps: list[str], end: str | None, wheres: list[str], unknown: list[str]) -> None:
    path = sorted(steps, key=CHAIN.index)
    if end == "FAILED" or (end == "CANCELED" and path[-1] == "QUEUED"):
        path += [end, end]
    path[1:1] = unknown  # statuses the order does not know, anywhere: never a step
    observed = [shown(where_shown(where, status), "msg_1", status) for where, status in zip(wheres, path, strict=False)]
    assert run(moves_forward(), observed) == []


# -- documented_answer -------------------------------------------------------------------------------------------


def refused(target: str, case: Any, status: int, code: str | None) -> list[str]:
    body = {"error": "refused"} if code is None else {"error": "refused", "code": code}
    return failures(case, answer(case, status, body), documented_answer(TARGETS[target]))


def start_call() -> Any:
    return valid_case("POST", "/v1/calls")


def on_a_call(action: str) -> Any:
    return valid_case("POST", f"/v1/calls/{{callId}}/{action}", path_parameters={"callId": "call_x"})


REFUSED = "Refusal without its documented code"


@pytest.mark.parametrize(
    ("target", "case", "status", "code"),
    [
        ("meta", start_call, 400, "META_CALL_PERMISSION_REQUIRED"),
        ("meta", lambda: on_a_call("terminate"), 409, "INVALID_CALL_STATE"),
        ("meta", lambda: on_a_call("accept"), 404, "CALL_NOT_FOUND"),
        ("meta", lambda: on_a_call("play"), 400, "FEATURE_NOT_SUPPORTED"),
        ("meta", lambda: valid_case("PUT", "/v1/calls/settings"), 400, None),
        ("web", lambda: on_a_call("pre-accept"), 400, "FEATURE_NOT_SUPPORTED"),
        ("web-disconnected", start_call, 409, "WHATSAPP_INSTANCE_NOT_CONNECTED"),
        ("web-disconnected", lambda: on_a_call("pre-accept"), 400, "FEATURE_NOT_SUPPORTED"),
        ("unsupported-provider", start_call, 400, "FEATURE_NOT_SUPPORTED"),
        ("tenant", start_call, 403, "TENANT_SCOPE_NOT_ALLOWED"),
        ("rate-limited", start_call, 429, None),
        ("tenant+num_sandbox_meta", start_call, 400, "META_CALL_PERMISSION_REQUIRED"),
    ],
)
def test_a_valid_request_refused_as_documented_for_its_key_and_operation_passes(
    target: str, case: Callable[[], Any], status: int, code: str | None
) -> None:
    assert refused(target, case(), status, code) == []


@pytest.mark.parametrize(
    ("target", "case", "status", "code"),
    [
        ("web", start_call, 400, "META_CALL_PERMISSION_REQUIRED"),  # a web number needs no permission
        ("meta", start_call, 400, None),  # a plain validation error: the steered request is valid for the number
        ("meta", lambda: on_a_call("terminate"), 409, "WHATSAPP_INSTANCE_NOT_CONNECTED"),
        ("meta", lambda: valid_case("GET", "/v1/calls/settings"), 400, None),
        ("meta", lambda: on_a_call("accept"), 404, None),
        ("web", lambda: on_a_call("play"), 400, "FEATURE_NOT_SUPPORTED"),
        ("web-disconnected", start_call, 400, "FEATURE_NOT_SUPPORTED"),
        ("tenant", start_call, 403, None),
        ("meta", lambda: valid_case("GET", "/v1/calls"), 500, None),
    ],
)
def test_a_valid_request_refused_otherwise_fails(
    target: str, case: Callable[[], Any], status: int, code: str | None
) -> None:
    assert refused(target, case(), status, code) == [REFUSED]


def test_an_invalid_request_is_not_held_to_the_documented_refusals() -> None:
    case = invalid_case("POST", "/v1/calls")
    assert failures(case, answer(case, 400, {"error": "Validation error"}), documented_answer(TARGETS["meta"])) == []


# -- one_credential ------------------------------------------------------------------------------------------------


META = next(scenario for scenario in SCENARIOS if scenario.name == "meta")


@pytest.mark.parametrize(
    "headers",
    [{"x-api-key": META.api_key}, {"x-api-key-id": META.api_key_id}],
)
def test_a_request_with_one_of_the_targets_credentials_passes(headers: dict[str, str]) -> None:
    case = list_calls()
    assert failures(case, answer(case, 200, page(), headers), one_credential(TARGETS["meta"])) == []


@pytest.mark.parametrize(
    "headers",
    [
        {"x-api-key-id": META.api_key_id, "x-api-key": "generated"},  # the blind spot: a generated key beside the id
        {"x-api-key-id": META.api_key_id, "x-api-key": META.api_key},
        {"x-api-key": "generated"},
        {"x-api-key-id": META.api_key},  # the key under the other header
        {},
    ],
)
def test_a_request_with_another_or_a_second_credential_fails(headers: dict[str, str]) -> None:
    case = list_calls()
    assert failures(case, answer(case, 200, page(), headers), one_credential(TARGETS["meta"])) == [
        "Request without exactly one of the target's credentials"
    ]


def test_the_report_of_a_bad_credential_never_shows_a_key() -> None:
    target = Target(
        "t", (("x-api-key", Secret("ps_secret_value_1")),), {}, frozenset(), ("400",), TARGETS["meta"].budget
    )
    case = list_calls()
    response = answer(case, 200, page(), {"x-api-key": "ps_secret_value_2", "x-api-key-id": "ps_secret_value_1"})
    with pytest.raises(FailureGroup) as raised:
        case.validate_response(response, checks=[one_credential(target)])
    assert "ps_secret_value" not in str(raised.value)
