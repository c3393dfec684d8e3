"""The reads of messaging over HTTP, each answer checked against `openapi.json`: history, unread, group messages and
conversations (pages, order, dates, what reads a message), the PII modes of the relay-only and STORE_X_DAYS numbers,
the Meta media download and the analytics dashboard, computed from what happened on the sandbox (messages written
by the user-writes helper, sent through the send's own code, and seeded)."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from typing import Any

import pytest

from pilotstatus_sandbox._backend import Number
from pilotstatus_sandbox._instants import format_ms, parse_before_ms
from pilotstatus_sandbox.messages.sending import cancel, send
from tests._sandbox_client import NUMBER_IDS, SandboxClient, manual_sandbox

USER, OTHER = "+5511988881234", "+5511977774321"
GROUP = "120363041700000009@g.us"
DAY = 86_400


@pytest.fixture
def api() -> Iterator[SandboxClient]:
    """A sandbox without seeded messages: what a test lists is what it made."""
    with manual_sandbox(calls=0, messages=0) as client:
        yield client


@pytest.fixture(scope="module")
def shared() -> Iterator[SandboxClient]:
    """A sandbox for the tests whose answers do not depend on what else the number holds (refusals, empty lists)."""
    with manual_sandbox(calls=0, messages=0) as client:
        yield client


@pytest.fixture(scope="module")
def seeded() -> Iterator[SandboxClient]:
    with manual_sandbox(calls=0, messages=300) as client:
        yield client


def number(api: SandboxClient, key: str) -> Number:
    found: Number | None = api.sandbox.app.state.backend.number(NUMBER_IDS[key])
    assert found is not None
    return found


def writes(api: SandboxClient, key: str = "meta", user: str = USER, **body: Any) -> dict[str, Any]:
    written: dict[str, Any] = api.ok(
        "POST", "/_sandbox/messages/incoming", key=key, json={"from": user, "text": "Oi", **body}
    )
    return written


def sends(api: SandboxClient, key: str = "meta", user: str = USER, **body: Any) -> str:
    """The number sends a message (through the send's own code): its id."""
    message = {"destinationNumber": user, "text": "Olá", **body}
    sent_id: str = send(api.sandbox.app.state.backend, number(api, key), message)["id"]
    return sent_id


def listed(api: SandboxClient, path: str, key: str = "meta", **params: Any) -> dict[str, Any]:
    page: dict[str, Any] = api.ok("GET", path, key=key, params=params)
    return page


def ids(page: dict[str, Any], name: str = "messages") -> list[str]:
    return [item["id"] for item in page[name]]


def ms(instant: str) -> int:
    value = parse_before_ms(instant)
    assert value is not None
    return value


# -- history -------------------------------------------------------------------------------------------------------


def test_history_lists_every_message_newest_first_ties_by_id_in_the_documented_envelope(api: SandboxClient) -> None:
    first = writes(api)["id"]
    api.advance(1)
    same_instant = [writes(api, user=OTHER)["id"] for _ in range(3)]  # the clock does not move: one millisecond
    api.advance(5)
    sent = sends(api)
    page = listed(api, "/v1/messages/history")
    assert ids(page) == [sent, *sorted(same_instant, reverse=True), first]
    assert (page["total"], page["page"], page["pageSize"], page["totalPages"]) == (5, 1, 30, 1)
    assert "notice" not in page
    row = page["messages"][0]
    assert (row["direction"], row["status"], row["origin"], row["participantPhone"]) == (
        "OUTBOUND",
        "QUEUED",
        "API",
        USER,
    )
    assert row["providerTimestamp"] == row["createdAt"]  # not yet sent


def test_a_sent_message_moves_in_history_to_the_moment_it_is_sent(api: SandboxClient) -> None:
    sent = sends(api, "web")
    api.advance(0.1)
    received = writes(api, "web", user=OTHER)["id"]
    assert ids(listed(api, "/v1/messages/history", key="web")) == [received, sent]
    api.advance(1)
    page = listed(api, "/v1/messages/history", key="web")
    assert ids(page) == [sent, received]
    assert page["messages"][0]["providerTimestamp"] == page["messages"][0]["sentAt"]


def test_pages_split_the_list_and_a_page_past_the_last_is_empty_with_the_totals(api: SandboxClient) -> None:
    made = []
    for _ in range(7):
        made.append(writes(api)["id"])
        api.advance(0.001)
    pages = [listed(api, "/v1/messages/history", page=page, pageSize=3) for page in (1, 2, 3, 4)]
    assert [ids(page) for page in pages] == [made[6:3:-1], made[3:0:-1], made[:1], []]
    assert {(page["total"], page["pageSize"], page["totalPages"]) for page in pages} == {(7, 3, 3)}
    assert [page["page"] for page in pages] == [1, 2, 3, 4]


@pytest.mark.parametrize("params", [{"pageSize": 0}, {"pageSize": 101}, {"page": 0}])
def test_a_page_or_page_size_out_of_range_is_a_validation_error(shared: SandboxClient, params: dict[str, int]) -> None:
    response = shared.get("/v1/messages/history", params=params)
    assert response.status_code == 400
    assert response.json()["error"].startswith("Validation error")


def test_start_and_end_dates_are_both_inclusive_over_the_provider_timestamp(api: SandboxClient) -> None:
    times = []
    for _ in range(3):
        times.append(writes(api)["providerTimestamp"])
        api.advance(1)
    middle = ids(listed(api, "/v1/messages/history", startDate=times[1], endDate=times[1]))
    assert len(middle) == 1
    assert len(listed(api, "/v1/messages/history", startDate=times[1])["messages"]) == 2
    assert len(listed(api, "/v1/messages/history", endDate=times[1])["messages"]) == 2
    just_after = times[1].replace("Z", "0001Z")  # a tenth of a microsecond later: the message is before it
    assert listed(api, "/v1/messages/history", startDate=just_after, endDate=times[2])["total"] == 1


@pytest.mark.parametrize(
    ("start", "end"),
    [
        ("2026-11-02T00:00:01Z", "2026-11-02T00:00:00Z"),
        ("2026-11-02T00:00:00.0005Z", "2026-11-02T00:00:00.0004Z"),
        ("2026-11-02T03:00:00Z", "2026-11-01T23:00:00-03:00"),
    ],
)
@pytest.mark.parametrize("path", ["/v1/messages/history", "/v1/messages/group", "/v1/conversations"])
def test_a_start_after_the_end_is_400_invalid_date_range(
    shared: SandboxClient, path: str, start: str, end: str
) -> None:
    response = shared.get(path, key="web", params={"startDate": start, "endDate": end})
    assert response.status_code == 400
    assert response.json()["code"] == "INVALID_DATE_RANGE"


@pytest.mark.parametrize(
    ("start", "end"),
    [
        ("2026-11-02T00:00:00.0004Z", "2026-11-02T00:00:00.0005Z"),  # within one millisecond, in order
        ("2026-11-02T00:00:00Z", "2026-11-01T23:00:00-03:00"),  # 02:00 UTC: after the start
        ("2026-11-02T00:00:00Z", "2026-11-02T00:00:00.000Z"),  # the same instant
    ],
)
def test_a_start_not_after_the_end_is_a_range_compared_as_instants(shared: SandboxClient, start: str, end: str) -> None:
    assert listed(shared, "/v1/messages/history", startDate=start, endDate=end)["total"] == 0


# -- unread, and what reads a message ----------------------------------------------------------------------------


def test_a_users_messages_are_unread_until_the_number_writes_to_them(api: SandboxClient) -> None:
    mine = [writes(api)["id"], writes(api)["id"]]
    theirs = writes(api, user=OTHER)["id"]
    page = listed(api, "/v1/messages/unread")
    assert set(ids(page)) == {*mine, theirs}
    assert page["total"] == 3
    counts = {row["id"]: row["conversationUnreadCount"] for row in page["messages"]}
    assert counts == {mine[0]: 2, mine[1]: 2, theirs: 1}
    api.advance(2)
    sent = sends(api)
    page = listed(api, "/v1/messages/unread")
    assert (ids(page), page["total"]) == ([theirs], 1)
    history = {row["id"]: row for row in listed(api, "/v1/messages/history")["messages"]}
    assert {history[message]["status"] for message in mine} == {"READ"}
    assert {history[message]["readAt"] for message in mine} == {history[sent]["createdAt"]}


def test_a_send_with_mark_read_false_leaves_the_users_messages_unread(api: SandboxClient) -> None:
    written = writes(api)["id"]
    sends(api, markRead=False)
    assert ids(listed(api, "/v1/messages/unread")) == [written]
    sends(api, markRead=True)
    assert ids(listed(api, "/v1/messages/unread")) == []


def test_a_send_to_a_group_reads_the_groups_messages_only(api: SandboxClient) -> None:
    in_group = writes(api, "web", groupId=GROUP)["id"]
    direct = writes(api, "web")["id"]
    send(api.sandbox.app.state.backend, number(api, "web"), {"groupId": GROUP, "text": "Bom dia"})
    assert ids(listed(api, "/v1/messages/unread", key="web")) == [direct]
    assert in_group not in ids(listed(api, "/v1/messages/unread", key="web"))


# -- group messages --------------------------------------------------------------------------------------------------


def test_group_messages_are_a_web_numbers_group_conversations_newest_by_creation(api: SandboxClient) -> None:
    first = writes(api, "web", groupId=GROUP, groupName="Loja")["id"]
    writes(api, "web")  # a direct message: not listed
    api.advance(1)
    second = writes(api, "web", user=OTHER, groupId=GROUP)["id"]
    page = listed(api, "/v1/messages/group", key="web")
    assert (ids(page), page["total"]) == ([second, first], 2)
    assert {(row["groupId"], row["direction"]) for row in page["messages"]} == {(GROUP, "INBOUND")}
    assert page["messages"][1]["groupName"] == "Loja"
    created = page["messages"][0]["createdAt"]
    assert ids(listed(api, "/v1/messages/group", key="web", startDate=created)) == [second]


def test_group_messages_on_a_meta_number_are_not_supported(shared: SandboxClient) -> None:
    response = shared.get("/v1/messages/group")
    assert response.status_code == 400
    assert response.json()["code"] == "NOT_SUPPORTED_FOR_META"


# -- conversations -------------------------------------------------------------------------------------------------


def test_a_conversation_a_user_or_group_by_its_newest_message_with_its_unread_count(api: SandboxClient) -> None:
    writes(api, "web")
    api.advance(1)
    writes(api, "web", user=OTHER, groupId=GROUP)
    api.advance(1)
    writes(api, "web", user=OTHER)
    writes(api, "web", user=OTHER)
    page = listed(api, "/v1/conversations", key="web")
    rows = page["conversations"]
    assert [(row["type"], row["from"], row["unreadCount"]) for row in rows] == [
        ("DIRECT", OTHER, 2),
        ("GROUP", None, 1),
        ("DIRECT", USER, 1),
    ]
    assert page["total"] == 3
    history = listed(api, "/v1/messages/history", key="web")["messages"]
    assert rows[0]["lastMessageAt"] == history[0]["providerTimestamp"]
    api.advance(1)
    send(api.sandbox.app.state.backend, number(api, "web"), {"destinationNumber": USER, "text": "Olá"})
    rows = listed(api, "/v1/conversations", key="web")["conversations"]
    assert (rows[0]["from"], rows[0]["unreadCount"]) == (USER, 0)  # it moved to the top
    newest = rows[0]["lastMessageAt"]
    only = listed(api, "/v1/conversations", key="web", startDate=newest, endDate=newest)
    assert [row["from"] for row in only["conversations"]] == [USER]


# -- PII modes -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "name"),
    [("/v1/messages/history", "messages"), ("/v1/messages/unread", "messages"), ("/v1/conversations", "conversations")],
)
def test_a_relay_only_number_lists_nothing_with_its_notice_though_its_users_wrote(
    shared: SandboxClient, path: str, name: str
) -> None:
    writes(shared, "relay-only")
    page = listed(shared, path, key="relay-only", page=2, pageSize=5)
    assert page == {name: [], "total": 0, "page": 2, "pageSize": 5, "totalPages": 0, "notice": "PII_RELAY_ONLY"}


def test_a_store_x_days_numbers_history_shows_older_messages_redacted(api: SandboxClient) -> None:
    old = writes(api, "store-days", participantName="Ana", media={"mimeType": "image/jpeg", "size": 10})["id"]
    api.advance(7 * DAY - 1)
    recent = writes(api, "store-days")["id"]
    rows = {row["id"]: row for row in listed(api, "/v1/messages/history", key="store-days")["messages"]}
    assert "redacted" not in rows[old]
    api.advance(2)  # the first message is now older than 7 days
    rows = {row["id"]: row for row in listed(api, "/v1/messages/history", key="store-days")["messages"]}
    assert rows[old]["redacted"] is True
    hidden = ("text", "media", "participantName", "participantPhone", "participantUserId", "referral")
    assert {name: rows[old][name] for name in hidden} == dict.fromkeys(hidden)
    assert rows[old]["externalMessageId"] is not None  # the envelope is kept
    assert "redacted" not in rows[recent]
    assert rows[recent]["text"] == "Oi"


def test_a_store_x_days_number_clamps_unread_and_conversations_to_its_window(api: SandboxClient) -> None:
    writes(api, "store-days")
    writes(api, "meta")
    api.advance(7 * DAY + 1)
    fresh = writes(api, "store-days", user=OTHER)["id"]
    unread = listed(api, "/v1/messages/unread", key="store-days")
    assert (ids(unread), unread["total"]) == ([fresh], 1)
    conversations = listed(api, "/v1/conversations", key="store-days")
    assert [(row["from"], row["unreadCount"]) for row in conversations["conversations"]] == [(OTHER, 1)]
    assert listed(api, "/v1/messages/unread")["total"] == 1  # a number that keeps everything
    assert listed(api, "/v1/messages/history", key="store-days")["total"] == 2  # history shows both


def test_the_seeded_store_x_days_number_shows_both_sides_of_its_window(seeded: SandboxClient) -> None:
    now = ms(seeded.advance(0))
    rows = []
    for page in range(1, 4):
        rows += listed(seeded, "/v1/messages/history", key="store-days", page=page, pageSize=100)["messages"]
    assert len(rows) == 300
    for row in rows:
        assert row.get("redacted", False) == (ms(row["providerTimestamp"]) < now - 7 * DAY * 1000)
    assert any(row.get("redacted") for row in rows)
    assert not all(row.get("redacted") for row in rows)


# -- media ---------------------------------------------------------------------------------------------------------


def test_a_users_media_downloads_with_the_meta_numbers_phone_number_id(api: SandboxClient) -> None:
    content = bytes(range(256)) * 3
    media = {"mimeType": "image/png", "fileName": "foto.png", "base64": base64.b64encode(content).decode()}
    media_id = writes(api, media=media)["media"]["id"]
    downloaded = api.ok("GET", f"/v1/media/{media_id}", params={"phoneNumberId": "100000000000100"})
    assert downloaded == {
        "base64": "data:image/png;base64," + base64.b64encode(content).decode(),
        "mimeType": "image/png",
        "fileName": "foto.png",
        "mediaId": media_id,
    }
    assert base64.b64decode(downloaded["base64"].split(",", 1)[1]) == content


def test_a_seeded_media_downloads_too(seeded: SandboxClient) -> None:
    rows = listed(seeded, "/v1/messages/history", pageSize=100)["messages"]
    row = next(row for row in rows if row["media"] is not None)
    downloaded = seeded.ok("GET", f"/v1/media/{row['media']['id']}", params={"phoneNumberId": "100000000000100"})
    assert downloaded["mimeType"] == row["media"]["mimeType"]
    assert downloaded["base64"].startswith(f"data:{row['media']['mimeType']};base64,")


def test_an_unknown_media_is_404_and_a_wrong_or_missing_phone_number_id_is_400(api: SandboxClient) -> None:
    media_id = writes(api, media={"mimeType": "image/png", "size": 4})["media"]["id"]
    assert api.get("/v1/media/1234567890123456", params={"phoneNumberId": "100000000000100"}).status_code == 404
    for params in ({"phoneNumberId": "999"}, {}, {"phoneNumberId": "100000000000300"}):
        response = api.get(f"/v1/media/{media_id}", params=params)
        expected = 404 if params.get("phoneNumberId") == "100000000000300" else 400  # another Meta number's media
        assert response.status_code == expected, params
    assert "100000000000100" in api.get(f"/v1/media/{media_id}", params={"phoneNumberId": "999"}).json()["error"]


# -- analytics -----------------------------------------------------------------------------------------------------


def dashboard(api: SandboxClient, **params: str) -> dict[str, Any]:
    stats: dict[str, Any] = api.ok("GET", "/v1/analytics/dashboard", params=params)
    return stats


def test_the_dashboard_counts_the_numbers_sent_messages_of_the_period(api: SandboxClient) -> None:
    writes(api)  # received: not counted
    for user in (USER, "+5511999990004", "+5511999990005"):  # read, failed, delivered and never read
        sends(api, user=user)
    scheduled = sends(api, user=OTHER, deliverAt=format_ms(ms(api.advance(0)) + 3_600_000))
    sends(api, user=OTHER, deliverAt=format_ms(ms(api.advance(0)) + 3_600_000))
    send(api.sandbox.app.state.backend, number(api, "meta"), {"destinationNumber": OTHER, "text": "x"})
    cancel(api.sandbox.app.state.backend, number(api, "meta"), [scheduled])
    api.advance(5)
    stats = dashboard(api)
    assert (stats["totalSent"], stats["totalFailed"], stats["failureRate"]) == (5, 2, 40.0)
    assert stats["statusDistribution"] == {"queued": 1, "sent": 0, "delivered": 1, "failed": 2, "read": 1}
    assert (stats["sentPercentChange"], stats["failedPercentChange"]) == (100.0, 100.0)
    days = stats["dailyMessages"]
    assert len(days) == 30
    assert days[-1] == {"date": api.advance(0)[:10], "count": 5}
    assert sum(day["count"] for day in days) == 5
    assert [day["date"] for day in days] == sorted(day["date"] for day in days)
    api.advance(30 * DAY)
    for _ in range(10):
        sends(api, user="+5511999990001")
    api.advance(5)
    later = dashboard(api)
    assert (later["totalSent"], later["sentPercentChange"], later["failedPercentChange"]) == (10, 100.0, -100.0)
    assert len(dashboard(api, period="7d")["dailyMessages"]) == 7
    assert len(dashboard(api, period="90d")["dailyMessages"]) == 90


def test_the_dashboards_days_are_those_of_its_time_zone_and_tz_is_its_alias(api: SandboxClient) -> None:
    now = api.advance(0)  # 12:00 UTC: 09:00 in São Paulo, 21:00 in Tokyo, the same day
    assert now.endswith("T12:00:00.000Z")
    api.advance(13 * 3600)  # 01:00 UTC the next day: still the day before in São Paulo
    sends(api, user="+5511999990001")
    utc = dashboard(api)["dailyMessages"]
    sao_paulo = dashboard(api, timezone="America/Sao_Paulo")["dailyMessages"]
    assert utc[-1]["count"] == 1
    assert sao_paulo[-1]["count"] == 1
    assert sao_paulo[-1]["date"] < utc[-1]["date"]
    assert dashboard(api, tz="America/Sao_Paulo") == dashboard(api, timezone="America/Sao_Paulo")
    response = api.get("/v1/analytics/dashboard", params={"timezone": "Mars/Olympus_Mons"})
    assert response.status_code == 400
    assert "Mars/Olympus_Mons" in response.json()["error"]
