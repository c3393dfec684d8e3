"""The no-resend rule on every Calls operation, sync and async.

A POST or PUT may have been acted on once the server got it, and no Calls operation honours an `Idempotency-Key`
(its catalogue row says `idempotency: none`): after a 5xx, a 408, a timeout or a connection broken after sending, it
is sent exactly once and the error raised. It is sent again only
after a 429 (refused without being acted on) or when its connection never opened. A GET is retried after all of
these. No test sleeps (the waits are recorded by the `sleeps` fixture).
"""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

from pilotstatus import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    InternalServerError,
    PilotStatusError,
    RateLimitError,
)
from tests._clients import Sleeps
from tests._operations import FLAVORS, READS, STATE_CHANGING, Flavor, Op, Outcome, Recorder, error, ok, run

flavors = pytest.mark.parametrize("flavor", FLAVORS)
state_changing = pytest.mark.parametrize("op", STATE_CHANGING, ids=str)
reads = pytest.mark.parametrize("op", READS, ids=str)

# Outcomes after which the request may have been acted on, and the error each leaves a POST or PUT with.
MAY_HAVE_ARRIVED: list[tuple[str, Callable[[], Outcome], type[PilotStatusError]]] = [
    ("500", lambda: error(500), InternalServerError),
    ("502", lambda: error(502), InternalServerError),
    ("503", lambda: error(503, None, "Unavailable", **{"retry-after": "1"}), InternalServerError),
    ("504", lambda: error(504), InternalServerError),
    ("408", lambda: error(408), APIStatusError),
    ("ReadTimeout", lambda: httpx.ReadTimeout("read timed out"), APITimeoutError),
    ("WriteTimeout", lambda: httpx.WriteTimeout("write timed out"), APITimeoutError),
    ("RemoteProtocolError", lambda: httpx.RemoteProtocolError("server disconnected"), APIConnectionError),
    ("ReadError", lambda: httpx.ReadError("connection reset by peer"), APIConnectionError),
    ("WriteError", lambda: httpx.WriteError("broken pipe"), APIConnectionError),
]
# Outcomes after which the request cannot have been acted on.
NOT_ACTED_ON: list[tuple[str, Callable[[], Outcome]]] = [
    ("429 Retry-After", lambda: error(429, None, "Too many requests", **{"retry-after": "1"})),
    ("429 retryAfterSeconds", lambda: httpx.Response(429, json={"error": "Slow down", "retryAfterSeconds": 0.5})),
    ("429 no hint", lambda: error(429)),
    ("ConnectError", lambda: httpx.ConnectError("connection refused")),
    ("ConnectTimeout", lambda: httpx.ConnectTimeout("connect timed out")),
    ("PoolTimeout", lambda: httpx.PoolTimeout("no free connection")),
]


@flavors
@state_changing
@pytest.mark.parametrize(
    ("failure", "make", "expected"), MAY_HAVE_ARRIVED, ids=[name for name, _, _ in MAY_HAVE_ARRIVED]
)
def test_a_request_that_changes_state_is_sent_once_when_it_may_have_arrived(
    flavor: Flavor,
    op: Op,
    failure: str,
    make: Callable[[], Outcome],
    expected: type[PilotStatusError],
    sleeps: Sleeps,
) -> None:
    recorder = Recorder(make(), ok(op))
    with pytest.raises(PilotStatusError) as caught:
        run(flavor, op, recorder, max_retries=3)
    assert type(caught.value) is expected
    assert len(recorder.sent) == 1
    assert recorder.last.method == op.method
    assert sleeps.delays == []


@flavors
@state_changing
@pytest.mark.parametrize(("failure", "make"), NOT_ACTED_ON, ids=[name for name, _ in NOT_ACTED_ON])
def test_a_request_that_changes_state_is_sent_again_when_it_was_not_acted_on(
    flavor: Flavor, op: Op, failure: str, make: Callable[[], Outcome], sleeps: Sleeps
) -> None:
    recorder = Recorder(make(), ok(op))
    result = run(flavor, op, recorder, max_retries=2)
    assert type(result) is op.model
    assert len(recorder.sent) == 2
    first, second = recorder.sent
    assert (first.method, first.raw_path, first.content) == (second.method, second.raw_path, second.content)
    assert len(sleeps.delays) == 1
    if failure == "429 Retry-After":
        assert sleeps.delays == [1.0]
    if failure == "429 retryAfterSeconds":
        assert sleeps.delays == [0.5]


@flavors
@state_changing
def test_a_request_that_changes_state_gives_up_after_max_retries_of_429(flavor: Flavor, op: Op, sleeps: Sleeps) -> None:
    recorder = Recorder(lambda: error(429, None, "Too many requests", **{"retry-after": "1"}))
    with pytest.raises(RateLimitError):
        run(flavor, op, recorder, max_retries=2)
    assert len(recorder.sent) == 3
    assert sleeps.delays == [1.0, 1.0]


@flavors
@state_changing
def test_a_connection_that_never_opened_and_then_a_500_sends_the_request_once(
    flavor: Flavor, op: Op, sleeps: Sleeps
) -> None:
    recorder = Recorder(httpx.ConnectError("refused"), error(500), ok(op))
    with pytest.raises(InternalServerError):
        run(flavor, op, recorder, max_retries=5)
    assert len(recorder.sent) == 2  # the first attempt never reached a server; the second did, and is not repeated
    assert len(sleeps.delays) == 1


@flavors
@reads
@pytest.mark.parametrize(
    ("failure", "make"),
    [(name, make) for name, make, _ in MAY_HAVE_ARRIVED] + NOT_ACTED_ON,
    ids=[name for name, _, _ in MAY_HAVE_ARRIVED] + [name for name, _ in NOT_ACTED_ON],
)
def test_a_read_is_retried_after_any_transient_failure(
    flavor: Flavor, op: Op, failure: str, make: Callable[[], Outcome], sleeps: Sleeps
) -> None:
    recorder = Recorder(make(), make(), ok(op))
    result = run(flavor, op, recorder, max_retries=2)
    assert type(result) is op.model
    assert len(recorder.sent) == 3
    assert all(sent.method == "GET" for sent in recorder.sent)
    assert len(sleeps.delays) == 2


@flavors
@reads
@pytest.mark.parametrize("status", [500, 502, 503])
def test_a_read_gives_up_after_max_retries_of_5xx(flavor: Flavor, op: Op, status: int, sleeps: Sleeps) -> None:
    recorder = Recorder(lambda: error(status))
    with pytest.raises(InternalServerError):
        run(flavor, op, recorder, max_retries=2)
    assert len(recorder.sent) == 3
    assert len(sleeps.delays) == 2


@flavors
@pytest.mark.parametrize("op", STATE_CHANGING + READS, ids=str)
@pytest.mark.parametrize("status", [400, 401, 403, 404, 409])
def test_a_client_error_is_never_sent_again(flavor: Flavor, op: Op, status: int, sleeps: Sleeps) -> None:
    recorder = Recorder(error(status), ok(op))
    with pytest.raises(APIStatusError):
        run(flavor, op, recorder, max_retries=3)
    assert len(recorder.sent) == 1
    assert sleeps.delays == []
