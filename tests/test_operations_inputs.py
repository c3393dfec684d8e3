"""Every bad argument of a Calls operation, sync and async, is refused before any request is sent.

The refusal is an `InvalidInputError` (also a `ValueError`) whose message names the argument; the transport fails
the test if it is called at all.
"""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

from pilotstatus import AsyncPilotStatus, InvalidInputError, PilotStatus
from tests._clients import BASE_URL, KEY
from tests._operations import (
    CALL_ID,
    CALL_OPERATIONS,
    FLAVORS,
    PHONE,
    Flavor,
    Invoke,
    Op,
    Recorder,
    never_called,
    run,
)

flavors = pytest.mark.parametrize("flavor", FLAVORS)


def refused(flavor: Flavor, invoke: Invoke | Op, *, call_id: Any = CALL_ID) -> InvalidInputError:
    """The error `invoke` raises, having sent nothing."""
    recorder = Recorder(AssertionError("a request was sent"))
    with pytest.raises(InvalidInputError) as caught:
        run(flavor, invoke, recorder, call_id=call_id)
    assert recorder.sent == []
    assert isinstance(caught.value, ValueError)
    return caught.value


@flavors
@pytest.mark.parametrize("op", CALL_OPERATIONS, ids=str)
@pytest.mark.parametrize(
    ("call_id", "says"),
    [
        ("", "must not be empty"),
        (".", "must not be '.' or '..'"),
        ("..", "must not be '.' or '..'"),
        (123, "must be a string"),
        (None, "must be a string"),
        (b"call_1", "must be a string"),
    ],
    ids=repr,
)
def test_a_call_id_that_is_no_path_segment_is_refused(flavor: Flavor, op: Op, call_id: Any, says: str) -> None:
    message = str(refused(flavor, op, call_id=call_id))
    assert "call_id" in message
    assert says in message


BAD_PHONES = [
    "call me",
    "55 11 9999",
    "",
    "+55 11 99999 9999",
    "123456",
    "+1234567890123456",
    "++5511999999",
    "5511-9999",
]
TO_OPERATIONS: list[tuple[str, Invoke]] = [
    ("create", lambda calls, call_id: calls.create(to=call_id)),
    ("permissions.retrieve", lambda calls, call_id: calls.permissions.retrieve(to=call_id)),
    ("permissions.request", lambda calls, call_id: calls.permissions.request(to=call_id)),
]


@flavors
@pytest.mark.parametrize(("name", "invoke"), TO_OPERATIONS, ids=[name for name, _ in TO_OPERATIONS])
@pytest.mark.parametrize("to", [*BAD_PHONES, 123, 5511999999999, None], ids=repr)
def test_a_to_that_is_not_a_phone_number_is_refused(flavor: Flavor, name: str, invoke: Invoke, to: Any) -> None:
    # The call id argument of the invoker carries `to` here.
    message = str(refused(flavor, invoke, call_id=to))
    assert message.startswith("to")


def unchecked(value: object) -> Any:
    """`value`, typed so that the type checker lets it be passed as any argument (as a caller without one may)."""
    return value


def bad(name: str, argument: str, invoke: Invoke, says: str = "") -> Any:
    return pytest.param(invoke, argument, says, id=name)


BAD_ARGUMENTS = [
    bad("mode TALK", "mode", lambda calls, i: calls.realtime_session(i, mode=unchecked("TALK")), "'talk', 'listen'"),
    bad("mode speak", "mode", lambda calls, i: calls.realtime_session(i, mode=unchecked("speak")), "'talk', 'listen'"),
    bad("mode empty", "mode", lambda calls, i: calls.realtime_session(i, mode=unchecked("")), "'talk', 'listen'"),
    bad("mode None", "mode", lambda calls, i: calls.realtime_session(i, mode=unchecked(None))),
    bad("media_url ftp", "media_url", lambda calls, i: calls.play(i, media_url="ftp://x")),
    bad("media_url no scheme", "media_url", lambda calls, i: calls.play(i, media_url="example.com/a.mp3")),
    bad("media_url empty", "media_url", lambda calls, i: calls.play(i, media_url="")),
    bad("media_url no host", "media_url", lambda calls, i: calls.play(i, media_url="https://")),
    bad("media_url space", "media_url", lambda calls, i: calls.play(i, media_url="https://example.com/a b.mp3")),
    bad("media_url not str", "media_url", lambda calls, i: calls.play(i, media_url=unchecked(None))),
    bad("pre_accept sdp empty", "sdp", lambda calls, i: calls.pre_accept(i, sdp=""), "must not be empty"),
    bad("pre_accept sdp None", "sdp", lambda calls, i: calls.pre_accept(i, sdp=unchecked(None))),
    bad("accept sdp empty", "sdp", lambda calls, i: calls.accept(i, sdp=""), "must not be empty"),
    bad("create sdp empty", "sdp", lambda calls, i: calls.create(to=PHONE, sdp=""), "must not be empty"),
    bad(
        "create data not str",
        "biz_opaque_callback_data",
        lambda calls, i: calls.create(to=PHONE, biz_opaque_callback_data=unchecked(5)),
    ),
    bad(
        "create data over 512",
        "biz_opaque_callback_data",
        lambda calls, i: calls.create(to=PHONE, biz_opaque_callback_data="x" * 513),
        "at most 512 characters",
    ),
    bad("include_sdp yes", "include_sdp", lambda calls, i: calls.retrieve(i, include_sdp=unchecked("yes"))),
    bad("include_sdp 1", "include_sdp", lambda calls, i: calls.retrieve(i, include_sdp=unchecked(1))),
    bad("include_sdp None", "include_sdp", lambda calls, i: calls.retrieve(i, include_sdp=unchecked(None))),
    bad("request text not str", "text", lambda calls, i: calls.permissions.request(to=PHONE, text=unchecked(5))),
    bad("update nothing", "status=", lambda calls, i: calls.settings.update(), "no setting"),
    bad(
        "update all None",
        "status=",
        lambda calls, i: calls.settings.update(status=None, call_hours=None, voicemail=None),
        "no setting",
    ),
    bad(
        "update status ON",
        "status",
        lambda calls, i: calls.settings.update(status=unchecked("ON")),
        "'ENABLED', 'DISABLED'",
    ),
    bad("update status lower", "status", lambda calls, i: calls.settings.update(status=unchecked("enabled"))),
    bad(
        "update icon",
        "call_icon_visibility",
        lambda calls, i: calls.settings.update(call_icon_visibility=unchecked("HIDDEN")),
    ),
    bad(
        "update callback",
        "callback_permission_status",
        lambda calls, i: calls.settings.update(callback_permission_status=unchecked("yes")),
    ),
    bad("call_hours no status", "call_hours", lambda calls, i: calls.settings.update(call_hours={}), "status"),
    bad(
        "call_hours only timezone",
        "call_hours",
        lambda calls, i: calls.settings.update(call_hours={"timezone_id": "America/Sao_Paulo"}),
        "status",
    ),
    bad(
        "call_hours open_time 9am",
        "call_hours.weekly_operating_hours[0].open_time",
        lambda calls, i: calls.settings.update(
            call_hours={
                "status": "ENABLED",
                "weekly_operating_hours": [{"day_of_week": "MONDAY", "open_time": "9am", "close_time": "1800"}],
            }
        ),
        "9am",
    ),
    bad(
        "call_hours close_time 2400",
        "call_hours.weekly_operating_hours[0].close_time",
        lambda calls, i: calls.settings.update(
            call_hours={
                "status": "ENABLED",
                "weekly_operating_hours": [{"day_of_week": "MONDAY", "open_time": "0900", "close_time": "2400"}],
            }
        ),
    ),
    bad(
        "call_hours window without close_time",
        "call_hours",
        lambda calls, i: calls.settings.update(
            call_hours={"status": "ENABLED", "weekly_operating_hours": [{"day_of_week": "MONDAY", "open_time": "0900"}]}
        ),
        "close_time",
    ),
    bad(
        "call_hours holiday bad date",
        "call_hours",  # the date is read by the model, whose message does not name the field
        lambda calls, i: calls.settings.update(
            call_hours={
                "status": "ENABLED",
                "holiday_schedule": [{"date": "2026-02-30", "start_time": "0000", "end_time": "2359"}],
            }
        ),
    ),
    bad(
        "call_hours 21 holidays",
        "call_hours.holiday_schedule",
        lambda calls, i: calls.settings.update(
            call_hours={
                "status": "ENABLED",
                "holiday_schedule": [
                    {"date": f"2026-01-{day:02d}", "start_time": "0000", "end_time": "2359"} for day in range(1, 22)
                ],
            }
        ),
        "at most 20",
    ),
    bad("call_hours not a dict", "call_hours", lambda calls, i: calls.settings.update(call_hours=unchecked("ENABLED"))),
    bad("voicemail not a dict", "voicemail", lambda calls, i: calls.settings.update(voicemail=unchecked("on"))),
]


@flavors
@pytest.mark.parametrize(("invoke", "argument", "says"), BAD_ARGUMENTS)
def test_a_bad_argument_is_refused_naming_it(flavor: Flavor, invoke: Invoke, argument: str, says: str) -> None:
    message = str(refused(flavor, invoke))
    assert argument in message
    assert says in message


# JSON Schema reads `pattern` in the ECMA-262 dialect, where `$` (without the multiline flag) matches only at the end
# of the string; in Python's `re` it also matches before a final newline, which the checker must not allow.


@flavors
@pytest.mark.parametrize(("name", "invoke"), TO_OPERATIONS, ids=[name for name, _ in TO_OPERATIONS])
def test_a_phone_number_with_a_trailing_newline_is_refused(flavor: Flavor, name: str, invoke: Invoke) -> None:
    assert str(refused(flavor, invoke, call_id="5511999999999\n")).startswith("to")


@flavors
def test_an_opening_time_with_a_trailing_newline_is_refused(flavor: Flavor) -> None:
    hours = {
        "status": "ENABLED",
        "weekly_operating_hours": [{"day_of_week": "MONDAY", "open_time": "0900\n", "close_time": "1800"}],
    }
    message = str(refused(flavor, lambda calls, i: calls.settings.update(call_hours=hours)))
    assert "open_time" in message


@pytest.mark.parametrize("client_class", [PilotStatus, AsyncPilotStatus])
@pytest.mark.parametrize("number_id", ["", " 123", "123 ", "12\n3", "número", 123], ids=repr)
def test_a_bad_whatsapp_number_id_is_refused_by_the_client_and_by_with_options(
    client_class: type[PilotStatus] | type[AsyncPilotStatus], number_id: Any
) -> None:
    transport = httpx.MockTransport(never_called)
    with pytest.raises(InvalidInputError, match="whatsapp_number_id") as caught:
        client_class(api_key=KEY, base_url=BASE_URL, transport=transport, whatsapp_number_id=number_id)
    assert isinstance(caught.value, ValueError)
    client = client_class(api_key=KEY, base_url=BASE_URL, transport=transport)
    with pytest.raises(InvalidInputError, match="whatsapp_number_id"):
        client.with_options(whatsapp_number_id=number_id)
    assert client.whatsapp_number_id is None
    closing = client.close()
    if closing is not None:
        asyncio.run(closing)
