"""Every bad argument of a Calls operation, sync and async, is refused before any request is sent.

The refusal is an `InvalidInputError` (also a `ValueError`) whose message names the argument; the transport fails
the test if it is called at all.
"""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pilotstatus import AsyncPilotStatus, InvalidInputError, PilotStatus
from pilotstatus_api.models.call_hours import CallHours
from pilotstatus_api.models.weekly_operating_hours import WeeklyOperatingHours
from tests._clients import BASE_URL, KEY
from tests._operations import (
    CALL_ID,
    CALL_OPERATIONS,
    FLAVORS,
    MEDIA_URL,
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


@flavors
@pytest.mark.parametrize("op", CALL_OPERATIONS, ids=str)
@pytest.mark.parametrize(
    ("call_id", "says"),
    [
        pytest.param("x" * 257, "call_id must be at most 256 characters long", id="257 characters"),
        pytest.param("x" * 70_000, "call_id must be at most 256 characters long", id="70000 characters"),
        pytest.param("   ", "call_id must not be blank", id="spaces"),
        pytest.param("\t\n", "call_id must not be blank", id="tab and newline"),
        pytest.param("call_\ud800", "call_id holds a lone surrogate ('\\ud800' at position 5)", id="lone surrogate"),
        pytest.param("\udcff", "call_id holds a lone surrogate ('\\udcff' at position 0)", id="undecodable byte"),
    ],
)
def test_a_call_id_too_long_blank_or_not_unicode_is_refused_naming_it(
    flavor: Flavor, op: Op, call_id: str, says: str
) -> None:
    assert str(refused(flavor, op, call_id=call_id)).startswith(says)


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


def nested(depth: int) -> dict[str, Any]:
    """An object holding an object, and so on, `depth` times: deeper than any JSON encoder goes."""
    value: dict[str, Any] = {}
    for _ in range(depth):
        value = {"inner": value}
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
    # Nested enums are open on read (a value Meta adds later still parses) but closed on write.
    bad(
        "call_hours status MAYBE",
        "call_hours.status='MAYBE'",
        lambda calls, i: calls.settings.update(call_hours={"status": "MAYBE"}),
        "must be one of 'ENABLED', 'DISABLED'",
    ),
    bad(
        "call_hours status lower",
        "call_hours.status='enabled'",
        lambda calls, i: calls.settings.update(call_hours={"status": "enabled", "timezone_id": "America/Sao_Paulo"}),
        "must be one of",
    ),
    bad(
        "call_hours model status MAYBE",
        "call_hours.status='MAYBE'",
        lambda calls, i: calls.settings.update(call_hours=CallHours(status="MAYBE")),
        "must be one of 'ENABLED', 'DISABLED'",
    ),
    bad(
        "call_hours day FUNDAY",
        "call_hours.weekly_operating_hours[1].day_of_week='FUNDAY'",
        lambda calls, i: calls.settings.update(
            call_hours={
                "status": "ENABLED",
                "weekly_operating_hours": [
                    {"day_of_week": "MONDAY", "open_time": "0900", "close_time": "1800"},
                    {"day_of_week": "FUNDAY", "open_time": "0900", "close_time": "1800"},
                ],
            }
        ),
        "must be one of 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'",
    ),
    bad(
        "call_hours day lower",
        "call_hours.weekly_operating_hours[0].day_of_week='monday'",
        lambda calls, i: calls.settings.update(
            call_hours={
                "status": "ENABLED",
                "weekly_operating_hours": [{"day_of_week": "monday", "open_time": "0900", "close_time": "1800"}],
            }
        ),
        "must be one of 'MONDAY'",
    ),
    bad(
        "call_hours model day FUNDAY",
        "call_hours.weekly_operating_hours[0].day_of_week='FUNDAY'",
        lambda calls, i: calls.settings.update(
            call_hours=CallHours(
                status="ENABLED",
                weekly_operating_hours=[
                    WeeklyOperatingHours(day_of_week="FUNDAY", open_time="0900", close_time="1800")
                ],
            )
        ),
        "must be one of 'MONDAY'",
    ),
    bad("voicemail not a dict", "voicemail", lambda calls, i: calls.settings.update(voicemail=unchecked("on"))),
    bad(
        "voicemail nested too deeply",
        "voicemail",
        lambda calls, i: calls.settings.update(voicemail=nested(5000)),
        "nested too deeply",
    ),
]


@flavors
@pytest.mark.parametrize(("invoke", "argument", "says"), BAD_ARGUMENTS)
def test_a_bad_argument_is_refused_naming_it(flavor: Flavor, invoke: Invoke, argument: str, says: str) -> None:
    message = str(refused(flavor, invoke))
    assert argument in message
    assert says in message


# --- a lone surrogate, in any string argument ---------------------------------------------------------------------


def _hours(field: str, text: str) -> dict[str, Any]:
    """Valid call hours, with one weekly window and one holiday, but for `text` as their `field`."""
    weekly = {"day_of_week": "MONDAY", "open_time": "0900", "close_time": "1800"}
    holiday = {"date": "2026-12-25", "start_time": "0000", "end_time": "2359"}
    hours: dict[str, Any] = {"status": "ENABLED", "timezone_id": "America/Sao_Paulo"}
    for fields in (weekly, holiday, hours):
        if field in fields:
            fields[field] = text
    return {**hours, "weekly_operating_hours": [weekly], "holiday_schedule": [holiday]}


def _updating_hours(field: str) -> Invoke:
    """Calls `settings.update()` with valid call hours, but for the text as their `field`."""
    return lambda calls, text: calls.settings.update(call_hours=_hours(field, text))


def string_argument(argument: str, operation: str, invoke: Invoke, variant: str = "") -> Any:
    """A string `argument` of `operation` (as a refusal names it), given the text by `invoke` (as its call id)."""
    return pytest.param(invoke, argument, id=f"{argument}{variant} of {operation}")


HOURS_FIELDS = [
    ("status", "call_hours.status"),
    ("timezone_id", "call_hours.timezone_id"),
    ("day_of_week", "call_hours.weekly_operating_hours[0].day_of_week"),
    ("open_time", "call_hours.weekly_operating_hours[0].open_time"),
    ("close_time", "call_hours.weekly_operating_hours[0].close_time"),
    ("date", "call_hours.holiday_schedule[0].date"),
    ("start_time", "call_hours.holiday_schedule[0].start_time"),
    ("end_time", "call_hours.holiday_schedule[0].end_time"),
]

STRING_ARGUMENTS = [
    *(string_argument("call_id", op.name, op.invoke) for op in CALL_OPERATIONS),
    string_argument("to", "create", lambda calls, text: calls.create(to=text)),
    string_argument("sdp", "create", lambda calls, text: calls.create(to=PHONE, sdp=text)),
    string_argument(
        "biz_opaque_callback_data", "create", lambda calls, text: calls.create(to=PHONE, biz_opaque_callback_data=text)
    ),
    string_argument("sdp", "pre_accept", lambda calls, text: calls.pre_accept(CALL_ID, sdp=text)),
    string_argument("sdp", "accept", lambda calls, text: calls.accept(CALL_ID, sdp=text)),
    string_argument("media_url", "play", lambda calls, text: calls.play(CALL_ID, media_url=MEDIA_URL + text)),
    string_argument(
        "mode", "realtime_session", lambda calls, text: calls.realtime_session(CALL_ID, mode=unchecked(text))
    ),
    string_argument("before", "list", lambda calls, text: calls.list(before="2026-01-01T00:00:00Z" + text)),
    string_argument("status", "settings.update", lambda calls, text: calls.settings.update(status=unchecked(text))),
    string_argument(
        "call_icon_visibility",
        "settings.update",
        lambda calls, text: calls.settings.update(call_icon_visibility=unchecked(text)),
    ),
    string_argument(
        "callback_permission_status",
        "settings.update",
        lambda calls, text: calls.settings.update(callback_permission_status=unchecked(text)),
    ),
    *(
        string_argument(
            where,
            "settings.update",
            _updating_hours(field),
        )
        for field, where in HOURS_FIELDS
    ),
    string_argument(
        "call_hours.timezone_id",
        "settings.update",
        lambda calls, text: calls.settings.update(call_hours=CallHours(status="ENABLED", timezone_id=text)),
        variant=" (a model)",
    ),
    string_argument(
        "voicemail.status", "settings.update", lambda calls, text: calls.settings.update(voicemail={"status": text})
    ),
    string_argument(
        "voicemail has a key",
        "settings.update",
        lambda calls, text: calls.settings.update(voicemail={"status": "ENABLED", text: "x"}),
    ),
    string_argument("to", "permissions.retrieve", lambda calls, text: calls.permissions.retrieve(to=text)),
    string_argument("to", "permissions.request", lambda calls, text: calls.permissions.request(to=text)),
    string_argument("text", "permissions.request", lambda calls, text: calls.permissions.request(to=PHONE, text=text)),
]

NOT_UNICODE = st.builds(
    lambda before, surrogate, after: before + surrogate + after,
    st.text(max_size=8),
    st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF),  # each one alone in a `str`, even a pair
    st.text(max_size=8),
)


@flavors
@pytest.mark.parametrize(("invoke", "argument"), STRING_ARGUMENTS)
@settings(max_examples=8)
@given(text=NOT_UNICODE)
def test_a_lone_surrogate_in_any_string_argument_is_refused_naming_it(
    flavor: Flavor, invoke: Invoke, argument: str, text: str
) -> None:
    message = str(refused(flavor, invoke, call_id=text))
    assert message.startswith(argument)
    message.encode("utf-8")  # the message can be printed and logged: it quotes the character escaped


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
