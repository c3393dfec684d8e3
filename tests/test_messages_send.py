"""`messages.send()`, `retrieve()` and `cancel()`, sync and async, against recording servers: what a send puts on the
wire (its arguments as models or as the API's JSON, its instants in the API's spelling, its `Idempotency-Key`), what
it refuses before sending (only the combinations the sources state), what it returns (`replayed`, the key), and how
it survives faults: retried with one key and the same bytes, delivered once, where a write without a key (Cancel)
is never sent again once it may have arrived.

`FakeSendAPI` answers as the API documents it: a 2xx answer is stored under its key, and the same key with the same
body gets it again with `Idempotent-Replayed: true`, nothing sent again; with another body, 409
IDEMPOTENCY_KEY_REUSED. Faults are scripted before it: a lost answer (the message sent, the answer never arriving),
a connection broken before anything is done, a 5xx (nothing kept: the assumption the SDK's retry rests on), a 409
IDEMPOTENCY_KEY_IN_USE.
"""

from __future__ import annotations

import asyncio
import datetime
import json
import re
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pilotstatus import (
    AsyncPilotStatus,
    IdempotencyKeyReusedError,
    InvalidInputError,
    PilotStatus,
    PilotStatusError,
)
from pilotstatus.resources._handwritten.messages import DESTINATIONS, EXCLUDED_BY_INTERACTIVE, INTERACTIVE
from pilotstatus.resources.messages import SentMessage
from pilotstatus_api.models.button import Button
from pilotstatus_api.models.cancel_messages_counts import CancelMessagesCounts
from pilotstatus_api.models.cancel_messages_result import CancelMessagesResult
from pilotstatus_api.models.flow import Flow
from pilotstatus_api.models.interactive_list import InteractiveList
from pilotstatus_api.models.list_row import ListRow
from pilotstatus_api.models.list_section import ListSection
from pilotstatus_api.models.marketing_options import MarketingOptions
from pilotstatus_api.models.message_header import MessageHeader
from pilotstatus_api.models.send_message_accepted import SendMessageAccepted
from tests._clients import BASE_URL, KEY, Sleeps
from tests._loopback import Disconnect, serve
from tests._operations import FLAVORS, Flavor, Recorder, error, never_called
from tests._spec import ROOT

flavors = pytest.mark.parametrize("flavor", FLAVORS)

TO = "+5511999999999"
ACCEPTED: dict[str, Any] = {
    "id": "msg_01HZX",
    "correlationId": "c0a8012e-7f3b-4d6a-9f1e-2b3c4d5e6f70",
    "status": "QUEUED",
    "createdAt": "2026-07-03T15:00:00.000Z",
    "origin": "Suporte",
    "sourceNumber": "+5511988887777",
}


def call(
    flavor: Flavor, handler: Callable[[httpx.Request], httpx.Response], invoke: Callable[[Any], Any], **settings: Any
) -> Any:
    """`invoke(client.messages)` on a new client of `flavor`, served by `handler` through `httpx.MockTransport`, or
    by the server at `base_url` when the settings give one (awaited for an async client)."""
    options: dict[str, Any] = {"api_key": KEY, "base_url": BASE_URL, **settings}
    if "base_url" not in settings:
        options["transport"] = httpx.MockTransport(handler)
    if flavor == "sync":
        with PilotStatus(**options) as client:
            return invoke(client.messages)

    async def main() -> Any:
        async with AsyncPilotStatus(**options) as client:
            return await invoke(client.messages)

    return asyncio.run(main())


def accepted(**headers: str) -> httpx.Response:
    return httpx.Response(202, json=ACCEPTED, headers=headers)


def sending(**arguments: Any) -> Callable[[Any], Any]:
    return lambda messages: messages.send(**arguments)


# --- the request --------------------------------------------------------------------------------------------------


@flavors
def test_a_text_send_posts_its_arguments_with_a_key_of_its_own(flavor: Flavor) -> None:
    recorder = Recorder(accepted())
    call(flavor, recorder, sending(destination_number=TO, text="Olá, tudo bem?"))
    (sent,) = recorder.sent
    assert (sent.method, sent.path) == ("POST", "/v1/messages/send")
    assert sent.json() == {"destinationNumber": TO, "text": "Olá, tudo bem?"}
    assert uuid.UUID(sent.headers["idempotency-key"]).version == 4


@flavors
def test_each_send_gets_a_key_of_its_own(flavor: Flavor) -> None:
    recorder = Recorder(accepted())
    for _ in range(2):
        call(flavor, recorder, sending(destination_number=TO, text="oi"))
    first, second = (sent.headers["idempotency-key"] for sent in recorder.sent)
    assert first != second


@flavors
def test_the_callers_key_is_sent_and_returned(flavor: Flavor) -> None:
    recorder = Recorder(accepted())
    sent = call(flavor, recorder, sending(group_id="1203@g.us", text="oi", idempotency_key="order-42"))
    assert recorder.last.headers["idempotency-key"] == "order-42"
    assert sent.idempotency_key == "order-42"


MENU = {
    "buttonText": "Escolher",
    "sections": [{"title": "Pizzas", "rows": [{"title": "Margherita", "description": "Tomate", "rowId": "p1"}]}],
}
MENU_MODEL = InteractiveList(
    button_text="Escolher",
    sections=[ListSection(title="Pizzas", rows=[ListRow(title="Margherita", description="Tomate", row_id="p1")])],
)
FLOW = {"flowId": "123", "cta": "Agendar", "action": "navigate", "screen": "INICIO", "data": {"a": 1}}
BUTTONS = [{"type": "reply", "label": "Sim"}, {"type": "url", "label": "Site", "url": "https://example.com"}]

# The same send, with each nested argument as the API's JSON and as a generated model: the same bytes.
AS_JSON_AND_AS_MODEL: dict[str, tuple[dict[str, Any], dict[str, Any], dict[str, Any]]] = {
    "list": ({"list": MENU}, {"list": MENU_MODEL}, {"list": MENU}),
    "flow": ({"flow": FLOW}, {"flow": Flow.from_dict(FLOW)}, {"flow": FLOW}),
    "buttons": (
        {"buttons": BUTTONS},
        {"buttons": [Button.from_dict(BUTTONS[0]), BUTTONS[1]]},
        {"buttons": BUTTONS},
    ),
    "header": (
        {"header": {"type": "text", "content": "Pedido"}},
        {"header": MessageHeader(type_="text", content="Pedido")},
        {"header": {"type": "text", "content": "Pedido"}},
    ),
    "marketing_options": (
        {"marketing_options": {"aiRewriteEnabled": True}},
        {"marketing_options": MarketingOptions(ai_rewrite_enabled=True)},
        {"marketingOptions": {"aiRewriteEnabled": True}},
    ),
    "variables": (
        {"template_id": "t", "variables": {"nome": "Ana"}},
        {},
        {"templateId": "t", "variables": {"nome": "Ana"}},
    ),
    "carousel": (
        {"carousel": {"cards": [{"body": "a", "media": {"link": "https://example.com/a.jpg"}}]}},
        {},
        {"carousel": {"cards": [{"body": "a", "media": {"link": "https://example.com/a.jpg"}}]}},
    ),
}


@flavors
@pytest.mark.parametrize(
    ("as_json", "as_model", "body"), AS_JSON_AND_AS_MODEL.values(), ids=AS_JSON_AND_AS_MODEL.keys()
)
def test_a_nested_argument_is_taken_as_the_apis_json_or_as_a_model_and_sent_as_json(
    flavor: Flavor, as_json: dict[str, Any], as_model: dict[str, Any], body: dict[str, Any]
) -> None:
    recorder = Recorder(accepted())
    for arguments in (as_json, as_model) if as_model else (as_json,):
        call(flavor, recorder, sending(destination_number=TO, text="oi", **arguments))
    assert all(sent.json() == {"destinationNumber": TO, "text": "oi", **body} for sent in recorder.sent)
    assert len({sent.content for sent in recorder.sent}) == 1


INSTANTS: dict[str, tuple[Any, str]] = {
    "aware datetime": (datetime.datetime(2026, 7, 3, 12, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=-3))),
                       "2026-07-03T15:00:00.000Z"),
    "ISO string with an offset": ("2026-07-03T12:00:00-03:00", "2026-07-03T15:00:00.000Z"),
    "ISO string in Z": ("2026-07-03T15:00:00.250Z", "2026-07-03T15:00:00.250Z"),
    "microseconds kept": (datetime.datetime(2026, 7, 3, 15, 0, 0, 250001, tzinfo=datetime.UTC),
                          "2026-07-03T15:00:00.250001Z"),
}  # fmt: skip


@flavors
@pytest.mark.parametrize(("given", "spelled"), INSTANTS.values(), ids=INSTANTS.keys())
def test_deliver_at_and_deliver_until_take_an_aware_datetime_or_an_iso_string_sent_in_the_apis_spelling(
    flavor: Flavor, given: Any, spelled: str
) -> None:
    recorder = Recorder(accepted())
    call(flavor, recorder, sending(destination_number=TO, text="oi", deliver_at=given, deliver_until=given))
    assert recorder.last.json() == {
        "destinationNumber": TO,
        "text": "oi",
        "deliverAt": spelled,
        "deliverUntil": spelled,
    }


@flavors
@pytest.mark.parametrize(
    ("given", "problem"),
    [
        (datetime.datetime(2026, 7, 3, 12, 0), "has no time zone"),
        ("2026-07-03T12:00:00", "has no time zone"),
        ("amanhã", "is not an ISO 8601 date-time"),
        (1783000000, "must be a datetime or an ISO 8601 string"),
    ],
    ids=["naive datetime", "ISO string without a zone", "not a date", "a number"],
)
@pytest.mark.parametrize("name", ["deliver_at", "deliver_until"])
def test_an_instant_without_a_zone_or_that_is_none_is_refused_naming_it(
    flavor: Flavor, given: Any, problem: str, name: str
) -> None:
    with pytest.raises(InvalidInputError) as caught:
        call(flavor, never_called, sending(destination_number=TO, text="oi", **{name: given}))
    assert str(caught.value).startswith(name)
    assert problem in str(caught.value)


@flavors
@pytest.mark.parametrize(
    ("arguments", "problem"),
    [
        ({"list": {"buttonText": 3}}, "list.button_text must be a string, not int."),
        ({"buttons": [{"type": "reply"}]}, "buttons[0].label is required."),
        ({"buttons": [{"type": "reply", "label": "a"}] * 4}, "buttons must have at most 3 items."),
        ({"buttons": "Sim"}, "buttons must be a list, not str."),
        ({"labels": "vip"}, "labels must be a list, not str."),
        ({"header": {"type": "gif", "content": "x"}}, "header.type='gif' must be one of"),
        ({"marketing_options": "yes"}, "marketing_options must be a MarketingOptions or a dict, not str."),
        ({"media_type": "gif", "media": "https://example.com/a.gif"}, "media_type='gif' must be one of"),
    ],
    ids=["list", "a button", "four buttons", "buttons as text", "labels as text", "header", "marketing", "media"],
)
def test_a_nested_argument_the_spec_refuses_is_refused_naming_the_field_inside(
    flavor: Flavor, arguments: dict[str, Any], problem: str
) -> None:
    with pytest.raises(InvalidInputError) as caught:
        call(flavor, never_called, sending(destination_number=TO, text="oi", **arguments))
    assert problem in str(caught.value)


# --- the combinations the sources exclude, and only those ------------------------------------------------------------

SAMPLE: dict[str, Any] = {
    "destination_number": TO,
    "group_id": "120363025246125486@g.us",
    "newsletter_id": "120363025246125999@newsletter",
    "list": MENU,
    "carousel": {"cards": []},
    "flow": FLOW,
    "template_id": "order_confirmation",
    "buttons": BUTTONS[:1],
    "header": {"type": "text", "content": "Pedido"},
    "media": "https://example.com/a.jpg",
}

ONE_DESTINATION = "takes exactly one destination, destination_number=, group_id= or newsletter_id="
REFUSED: dict[str, tuple[tuple[str, ...], str]] = {
    "no destination": ((), f"{ONE_DESTINATION} (got none)"),
    **{
        f"{a} and {b}": ((a, b), f"{ONE_DESTINATION} (got {a} and {b})")
        for i, a in enumerate(DESTINATIONS)
        for b in DESTINATIONS[i + 1 :]
    },
    "all three destinations": (DESTINATIONS, "(got destination_number, group_id and newsletter_id)"),
    **{
        f"{a} and {b}": (("destination_number", a, b), f"{a} and {b} exclude each other")
        for i, a in enumerate(INTERACTIVE)
        for b in INTERACTIVE[i + 1 :]
    },
    **{
        f"{a} with {b}": (("destination_number", a, b), f"{a} excludes {b}: an interactive message is sent without")
        for a in INTERACTIVE
        for b in EXCLUDED_BY_INTERACTIVE
    },
}  # fmt: skip


@flavors
@pytest.mark.parametrize(("given", "problem"), REFUSED.values(), ids=REFUSED.keys())
def test_a_combination_the_sources_exclude_is_refused_naming_the_arguments_before_any_request(
    flavor: Flavor, given: tuple[str, ...], problem: str
) -> None:
    with pytest.raises(InvalidInputError) as caught:
        call(flavor, never_called, sending(text="oi", **{name: SAMPLE[name] for name in given}))
    assert problem in str(caught.value)
    assert caught.value.argument in given or (not given and caught.value.argument == "destination_number")


ALLOWED: dict[str, dict[str, Any]] = {
    "text": {"text": "oi"},
    "text with buttons, header and footer": {"text": "oi", "buttons": BUTTONS, "header": SAMPLE["header"],
                                             "footer": "Obrigado"},
    "template with variables and buttons": {"template_id": "t", "variables": {"nome": "Ana"}, "buttons": BUTTONS},
    "template and text": {"template_id": "t", "text": "oi"},
    "neither template nor text": {"media": SAMPLE["media"], "media_type": "image"},
    "nothing at all to send": {},
    "media with text and a header": {"media": SAMPLE["media"], "text": "legenda", "header": SAMPLE["header"]},
    "list with text, footer and labels": {"list": MENU, "text": "Cardápio", "footer": "f", "labels": ["vip"]},
    "flow with text and a schedule": {"flow": FLOW, "text": "t", "deliver_at": "2026-07-03T15:00:00Z"},
    "carousel with variables and mark_read": {"carousel": {"cards": []}, "variables": {}, "mark_read": False},
}  # fmt: skip


@flavors
@pytest.mark.parametrize("arguments", ALLOWED.values(), ids=ALLOWED.keys())
def test_a_combination_the_sources_do_not_exclude_is_sent_for_the_server_to_judge(
    flavor: Flavor, arguments: dict[str, Any]
) -> None:
    recorder = Recorder(accepted())
    call(flavor, recorder, sending(newsletter_id=SAMPLE["newsletter_id"], **arguments))
    assert len(recorder.sent) == 1


def test_the_readme_table_of_exclusions_is_the_one_the_sdk_applies() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Sends that are safe to retry", 1)[1].split("\n### ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ") and not line.startswith("| Arguments")]
    named = [tuple(re.findall(r"`(\w+)`", row.split("|")[1])) for row in rows if not set(row) <= {"|", "-", " "}]
    assert named == [DESTINATIONS, INTERACTIVE, (*INTERACTIVE, *EXCLUDED_BY_INTERACTIVE)]


# --- the answer -------------------------------------------------------------------------------------------------------


@flavors
def test_the_answer_is_the_accepted_message_with_replayed_false_and_the_key(flavor: Flavor) -> None:
    recorder = Recorder(httpx.Response(202, json={**ACCEPTED, "priority": "high"}))
    sent = call(flavor, recorder, sending(destination_number=TO, text="oi"))
    assert type(sent) is SentMessage
    assert isinstance(sent, SendMessageAccepted)
    assert (sent.id, sent.correlation_id, sent.status, sent.origin) == ("msg_01HZX", ACCEPTED["correlationId"],
                                                                        "QUEUED", "Suporte")  # fmt: skip
    assert sent.replayed is False
    assert sent.idempotency_key == recorder.last.headers["idempotency-key"]
    assert sent.additional_properties == {"priority": "high"}
    assert sent.to_dict() == {**ACCEPTED, "createdAt": "2026-07-03T15:00:00+00:00", "priority": "high"}


@flavors
@pytest.mark.parametrize(("header", "replayed"), [("true", True), ("TRUE", True), ("false", False), ("", False)])
def test_replayed_is_read_from_the_idempotent_replayed_header(flavor: Flavor, header: str, replayed: bool) -> None:
    sent = call(flavor, Recorder(accepted(**{"Idempotent-Replayed": header})), sending(destination_number=TO))
    assert sent.replayed is replayed


@flavors
def test_a_key_reused_with_another_body_is_its_own_error_with_the_key(flavor: Flavor, sleeps: Sleeps) -> None:
    recorder = Recorder(error(409, "IDEMPOTENCY_KEY_REUSED", "Reused"))
    with pytest.raises(IdempotencyKeyReusedError) as caught:
        call(flavor, recorder, sending(destination_number=TO, text="outro", idempotency_key="order-42"))
    assert caught.value.idempotency_key == "order-42"
    assert len(recorder.sent) == 1


# --- faults: a fake API that keeps its answers by key -----------------------------------------------------------------

LOST = "lost"  # the message is sent and its answer stored, but the answer never reaches the client (a timeout)
DROPPED = "dropped"  # the connection breaks before anything is done
IN_USE = "in_use"  # 409 IDEMPOTENCY_KEY_IN_USE, with Retry-After: 0
IN_USE_NO_HINT = "in_use_no_hint"  # the same without Retry-After: the backoff
REFUSED_CONNECTION = "refused"  # the connection never opens
FAULTS = (LOST, DROPPED, IN_USE, IN_USE_NO_HINT, REFUSED_CONNECTION, "500", "502", "503")


@dataclass
class FakeSendAPI:
    """Send message as the API documents it, behind a script of faults (one per request, in order, then none)."""

    faults: list[str]
    attempts: int = 0
    """Every attempt, a refused connection included."""
    requests: list[tuple[str | None, bytes]] = field(default_factory=list)
    """The key and the body of every request that arrived (a refused connection is no request)."""
    delivered: list[bytes] = field(default_factory=list)
    """The body of every message sent: a send delivered once is one."""
    stored: dict[str, tuple[bytes, dict[str, Any]]] = field(default_factory=dict)

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.attempts += 1
        fault = self.faults.pop(0) if self.faults else None
        if fault == REFUSED_CONNECTION:
            raise httpx.ConnectError("connection refused")
        key, body = request.headers.get("idempotency-key"), request.read()
        self.requests.append((key, body))
        if fault == DROPPED:
            raise httpx.RemoteProtocolError("server disconnected without sending a response")
        if fault in ("500", "502", "503"):
            return error(int(fault), None, "Upstream failed")  # nothing kept: only 2xx answers are remembered
        if fault in (IN_USE, IN_USE_NO_HINT):
            hint = {"retry-after": "0"} if fault == IN_USE else {}
            return error(409, "IDEMPOTENCY_KEY_IN_USE", "Still running", **hint)
        response = self.answer(key, body)
        if fault == LOST:
            raise httpx.ReadTimeout("timed out")
        return response

    def answer(self, key: str | None, body: bytes) -> httpx.Response:
        if key is not None and key in self.stored:
            first_body, answer = self.stored[key]
            if first_body != body:
                return error(409, "IDEMPOTENCY_KEY_REUSED", "Reused with another body")
            return httpx.Response(202, json=answer, headers={"Idempotent-Replayed": "true"})
        self.delivered.append(body)
        answer = {**ACCEPTED, "id": f"msg_{len(self.delivered)}"}
        if key is not None:
            self.stored[key] = (body, answer)
        return httpx.Response(202, json=answer)


def outcome(invoke: Callable[[], Any]) -> Any:
    """What `invoke()` returned, or the `PilotStatusError` it raised."""
    try:
        return invoke()
    except PilotStatusError as failure:
        return failure


def attempts_of_a_keyed_send(faults: list[str], max_retries: int) -> int:
    """How many requests a keyed send makes: one per fault until one succeeds, at most `max_retries + 1`."""
    return min(len(faults), max_retries) + 1


@given(
    faults=st.lists(st.sampled_from(FAULTS), max_size=6),
    max_retries=st.integers(min_value=0, max_value=5),
    flavor=st.sampled_from(FLAVORS),
)
@settings(max_examples=150)
def test_a_send_through_any_faults_within_max_retries_is_delivered_once_with_one_key_and_the_same_bytes(
    faults: list[str], max_retries: int, flavor: Flavor
) -> None:
    api = FakeSendAPI(list(faults))
    invoke = sending(destination_number=TO, text="Seu pedido saiu", list=None, buttons=BUTTONS[:1])
    sent = outcome(lambda: call(flavor, api.handle, invoke, max_retries=max_retries))
    if isinstance(sent, PilotStatusError):
        assert len(faults) > max_retries
        assert sent.idempotency_key is not None
        assert len(api.delivered) <= 1
    else:
        assert len(faults) <= max_retries
        assert len(api.delivered) == 1
        assert sent.id == "msg_1"
        assert sent.replayed == (LOST in faults)
        assert sent.idempotency_key == api.requests[0][0]
    assert api.attempts == attempts_of_a_keyed_send(faults, max_retries)
    assert len({key for key, _ in api.requests}) <= 1  # none arrived when every connection was refused
    assert len({body for _, body in api.requests}) <= 1
    assert all(key is not None and uuid.UUID(key).version == 4 for key, _ in api.requests)


MAY_HAVE_ARRIVED = (LOST, DROPPED, "500", "502", "503")


def attempts_of_a_write_without_a_key(faults: list[str], max_retries: int) -> int:
    """How many requests a write without a key makes: it stops at the first fault after which it may have arrived."""
    for attempt, fault in enumerate(faults[: max_retries + 1]):
        if fault in MAY_HAVE_ARRIVED or fault in (IN_USE, IN_USE_NO_HINT):
            return attempt + 1
    return min(len(faults), max_retries) + 1


@given(
    faults=st.lists(st.sampled_from(FAULTS), max_size=6),
    max_retries=st.integers(min_value=0, max_value=5),
    flavor=st.sampled_from(FLAVORS),
)
@settings(max_examples=100)
def test_a_write_without_a_key_is_never_sent_again_once_it_may_have_arrived(
    faults: list[str], max_retries: int, flavor: Flavor
) -> None:
    api = FakeSendAPI(list(faults))
    result = outcome(
        lambda: call(
            flavor, api.handle, lambda messages: messages.cancel(message_ids=["msg_1"]), max_retries=max_retries
        )
    )
    assert not isinstance(result, PilotStatusError) or result.idempotency_key is None
    assert api.attempts == attempts_of_a_write_without_a_key(faults, max_retries)
    assert all(key is None for key, _ in api.requests)


# --- faults over real sockets -----------------------------------------------------------------------------------------


@flavors
def test_over_real_sockets_a_send_survives_a_5xx_a_broken_connection_a_key_in_use_and_a_lost_answer(
    flavor: Flavor, sleeps: Sleeps
) -> None:
    api = FakeSendAPI([])
    steps = ["500", DROPPED, IN_USE, LOST]
    retried = threading.Event()

    def handler(request: httpx.Request) -> httpx.Response:
        retried.set()  # the answer held by a lost attempt may now be dropped: the client has sent again
        key, body = request.headers.get("idempotency-key"), request.read()
        api.requests.append((key, body))
        step = steps.pop(0) if steps else None
        if step == "500":
            return error(500, None, "Upstream failed")
        if step == DROPPED:
            raise Disconnect
        if step == IN_USE:
            return error(409, "IDEMPOTENCY_KEY_IN_USE", "Still running", **{"retry-after": "0"})
        if step == LOST:
            api.answer(key, body)  # sent, and the answer stored; it never reaches the client
            retried.clear()
            retried.wait(timeout=10)
            raise Disconnect
        return api.answer(key, body)

    with serve(handler) as url:
        invoke = sending(destination_number=TO, text="Seu pedido saiu", idempotency_key="order-42")
        timeout = httpx.Timeout(5.0, read=0.5)
        sent = call(flavor, never_called, invoke, base_url=url, max_retries=4, timeout=timeout)
    assert len(api.requests) == 5
    assert {key for key, _ in api.requests} == {"order-42"}
    assert len({body for _, body in api.requests}) == 1
    assert json.loads(api.requests[0][1]) == {"destinationNumber": TO, "text": "Seu pedido saiu"}
    assert len(api.delivered) == 1
    assert sent.replayed is True
    assert sent.id == "msg_1"
    assert len(sleeps.delays) == 4


# --- cancel and retrieve ----------------------------------------------------------------------------------------------


@flavors
def test_cancel_sends_the_ids_as_a_list_and_reads_the_ids_it_gets_back(flavor: Flavor) -> None:
    answer = {"cancelled": ["msg_1"], "failed": [{"id": "msg_2", "reason": "Message is not scheduled"}]}
    recorder = Recorder(httpx.Response(200, json=answer))
    result = call(flavor, recorder, lambda messages: messages.cancel(message_ids=("msg_1", "msg_2")))
    assert (recorder.last.method, recorder.last.path) == ("DELETE", "/v1/messages/cancel")
    assert recorder.last.json() == {"messageIds": ["msg_1", "msg_2"]}
    assert "idempotency-key" not in recorder.last.headers
    assert type(result) is CancelMessagesResult
    assert result.cancelled == ["msg_1"]
    assert (result.failed[0].id, result.failed[0].reason) == ("msg_2", "Message is not scheduled")


@flavors
def test_cancel_reads_the_published_blocks_counts_too(flavor: Flavor) -> None:
    recorder = Recorder(httpx.Response(200, json={"cancelled": 2, "notFound": 0}))
    result = call(flavor, recorder, lambda messages: messages.cancel(message_ids=["msg_1", "msg_2"]))
    assert type(result) is CancelMessagesCounts
    assert (result.cancelled, result.not_found) == (2, 0)


@flavors
@pytest.mark.parametrize(
    ("message_ids", "problem"),
    [
        ("msg_1", "message_ids must be a list of message ids, not str (one id is ['msg_...'])."),
        ([], "message_ids must hold 1 to 100 ids, not 0."),
        ([f"msg_{i}" for i in range(101)], "message_ids must hold 1 to 100 ids, not 101."),
        (["msg_1", ""], "message_ids[1] must not be empty"),
        (["msg_1", 2], "message_ids[1] is a int"),
        ({"msg_1"}, "message_ids must be a list of message ids, not set."),
        (None, "message_ids must be a list of message ids, not NoneType."),
    ],
    ids=["a string", "none", "101", "an empty id", "a number", "a set", "None"],
)
def test_cancel_refuses_anything_but_a_list_of_1_to_100_ids_before_any_request(
    flavor: Flavor, message_ids: Any, problem: str
) -> None:
    with pytest.raises(InvalidInputError) as caught:
        call(flavor, never_called, lambda messages: messages.cancel(message_ids=message_ids))
    assert str(caught.value).startswith(problem)
    assert caught.value.argument == "message_ids"


@flavors
def test_cancel_takes_100_ids(flavor: Flavor) -> None:
    ids = [f"msg_{i}" for i in range(100)]
    recorder = Recorder(httpx.Response(200, json={"cancelled": ids, "failed": []}))
    assert call(flavor, recorder, lambda messages: messages.cancel(message_ids=ids)).cancelled == ids
