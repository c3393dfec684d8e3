"""List calls from kept texts: each history call's JSON is rendered once and kept (a bounded cache), and a page is
assembled from those texts. The page is the very bytes Starlette's JSONResponse writes for the same calls, in
whatever state the sandbox has moved them to: a call that changes is listed as it is now, never as its kept text
says it was; and the cache stays within its bound however many calls are listed."""

from __future__ import annotations

import httpx
from hypothesis import given, settings
from hypothesis import strategies as st
from starlette.responses import JSONResponse

from pilotstatus_sandbox import Sandbox, SandboxConfig
from pilotstatus_sandbox._backend import Backend
from pilotstatus_sandbox._dataset import RENDERED_CALLS, CallHistory
from pilotstatus_sandbox._encoded import EncodedJSON, encode_json
from pilotstatus_sandbox._errors import ApiError
from pilotstatus_sandbox._instants import parse_before_ms
from pilotstatus_sandbox.calls.models import Calls

WEB_KEY = {"x-api-key": "ps_sandbox_web_number"}

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@given(JSON_VALUES)
def test_encode_json_writes_what_json_response_writes(value: object) -> None:
    assert encode_json(value) == JSONResponse(value).body


@given(st.lists(JSON_VALUES, max_size=5))
def test_a_listing_assembled_from_encoded_items_is_the_listing_encoded_whole(items: list[object]) -> None:
    assembled = EncodedJSON.listing("calls", [encode_json(item) for item in items])
    assert assembled.data == encode_json({"calls": items})
    assert assembled.value() == {"calls": items}


def web_number(calls: int = 60) -> tuple[Backend, Calls]:
    backend = Backend(SandboxConfig(calls=calls, seed=7, manual_clock=True))
    found = backend.number("num_sandbox_web")
    assert found is not None
    return backend, found.calls


MOVES = st.lists(
    st.tuples(
        st.sampled_from(["incoming", "start", "advance", "accept", "reject", "terminate", "hangup", "list"]),
        st.integers(min_value=0, max_value=59),
        st.integers(min_value=1, max_value=100),
    ),
    max_size=30,
)


@settings(max_examples=60, deadline=None)
@given(MOVES)
def test_every_page_is_the_json_response_of_the_calls_as_they_are_now(moves: list[tuple[str, int, int]]) -> None:
    backend, web = web_number()
    history = web.history
    assert history is not None
    newest_created: int | None = None
    for move, at, limit in moves:
        target = history.call(at)["id"]
        try:
            if move in ("incoming", "start"):
                made = (
                    web.incoming_call(from_="5511988887777")
                    if move == "incoming"
                    else web.start_call(to="5511987654321", sdp=None, biz_opaque_callback_data=None)
                )
                newest_created = parse_before_ms(web.get_call(made["id"], include_sdp=False)["createdAt"])
            elif move == "advance":
                backend.advance(limit / 10)
            elif move == "accept":
                web.accept(target, sdp=None)
            elif move == "reject":
                web.reject(target)
            elif move == "terminate":
                web.terminate(target)
            elif move == "hangup":
                web.hangup(target)
        except ApiError:
            pass  # an action the call's state refuses: nothing changed
        for before_ms in (None, history.created_ms(at), newest_created):
            fresh = JSONResponse({"calls": web.list_calls(limit=limit, before_ms=before_ms)}).body
            assert EncodedJSON.listing("calls", web.list_calls_encoded(limit=limit, before_ms=before_ms)).data == fresh


def test_a_history_call_changed_after_it_was_listed_is_listed_as_it_is_now() -> None:
    with (
        Sandbox(SandboxConfig(calls=60, seed=7, manual_clock=True)) as sandbox,
        httpx.Client(base_url=sandbox.url, headers=WEB_KEY) as http,
    ):
        history: CallHistory = sandbox.app.state.histories["EVO_GO"]
        position, ringing = next(
            (position, call)
            for position, call in enumerate(history)
            if call["status"] == "RINGING" and call["direction"] == "INBOUND"
        )
        before = http.get("/v1/calls", params={"limit": 100}).json()["calls"]
        assert before[position] == ringing  # listed, and so kept
        assert http.post(f"/v1/calls/{ringing['id']}/reject").status_code == 200
        after = http.get("/v1/calls", params={"limit": 100}).json()["calls"]
    assert after[position]["id"] == ringing["id"]
    assert after[position]["status"] == "REJECTED"
    assert after[position]["endedAt"] is not None
    assert history.rendered(position).json == encode_json(ringing)  # the kept text is the drawn call's, unused
    assert [call for index, call in enumerate(after) if index != position] == [
        call for index, call in enumerate(before) if index != position
    ]


def test_each_call_is_rendered_once_and_the_kept_texts_stay_within_their_bound() -> None:
    history = CallHistory(count=RENDERED_CALLS + 500, seed=7, provider="META")
    first = [history.rendered(position) for position in range(100)]
    assert history.rendered.cache_info().misses == 100
    assert [history.rendered(position) for position in range(100)] == first
    assert history.rendered.cache_info().misses == 100  # the second listing drew nothing
    for position in range(len(history)):
        history.rendered(position)
    assert history.rendered.cache_info().currsize == RENDERED_CALLS
    assert [history.rendered(position).json for position in range(100)] == [
        encode_json(history.call(p)) for p in range(100)
    ]
