"""The official SDK (`pilot-status` 1.15.0, import name `pilot_status`) through every Calls operation and every
messaging method it has (`messages.send`, `get`, `history`, `cancel`; `templates.list`, `get`; `media.download`;
`analytics.get_dashboard_stats`) against the sandbox, run as `python -m tests._official_sdk` in a process of its
own: our packages never import that SDK, and the tests only read what this prints.

It starts a sandbox on a loopback port (manual clock, so every run is the same) and points the official client at
it through the client's `transport=` hook, the only way that client has to reach another address (its base URL is
fixed). The transport records each request and its answer, and returns the answer, an error status too, to the
SDK, which raises for it the exception its own transport's error leads to. The other side of each call and
message (the phone ringing, the user writing, the clock) is driven with `SandboxHelpers`, whose requests are not the
SDK's and are not recorded.

Four callers, each through every operation: the Meta number's key, the web number's key, and the tenant key acting
on each number through the client's `with_number()` (the `x-whatsapp-number-id` header). An operation the number's
provider lacks is sent too, and expected refused with 400 FEATURE_NOT_SUPPORTED. The sends are the SDK's as it
builds them: `variables: {}` when none are given, `mediaType: "image"` for media without a type, a list of
`messageIds` to cancel, an `Idempotency-Key` sent twice with the same body (the second answer a replay of the first,
the same message), and the dashboard's `tz`.

Printed on stdout, one JSON object:

- `steps`: one per SDK call: the caller, the SDK method, what is expected (`accepted`, or the refusal's code),
  the requests the transport saw (method, path, query, `x-whatsapp-number-id`, `Idempotency-Key`, body sent,
  status, body answered), and the outcome: what the SDK returned checked against the return type of the method
  (`type_issues`), or the exception it raised (class, status, code, message);
- `broken_scenes`: a group of steps that could not go on (an answer a later step needed was refused), with why;
- `events`: each webhook payload `GET /_sandbox/events` holds for the two numbers (`call.*` and `message.*`), with
  what the SDK's `parse_customer_webhook` and its `TypedDict` for that event say of it.
"""

from __future__ import annotations

import functools
import json
import sys
import traceback
import typing
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pilot_status  # type: ignore[import-untyped]
import pilot_status.errors  # type: ignore[import-untyped]
import pilot_status.resources  # type: ignore[import-untyped]
import pilot_status.webhooks  # type: ignore[import-untyped]
import pilot_status.webhooks.parse  # type: ignore[import-untyped]
import pilot_status.webhooks.types  # type: ignore[import-untyped]

from pilotstatus_sandbox import SCENARIOS, Sandbox, SandboxConfig, SandboxHelperError, SandboxHelpers, Scenario
from pilotstatus_sandbox._backend import NUMBERS
from tests._typed_dicts import type_issues

OFFICIAL_BASE_URL = "https://pilotstatus.com.br"  # fixed in the official client
ACCEPTED = "accepted"
REFUSED = "FEATURE_NOT_SUPPORTED"
SDP_OFFER = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=setup:active\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n"
SDP_ANSWER = "v=0\r\no=- 3 4 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=setup:passive\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n"
MEDIA_URL = "https://example.com/hold-music.mp3"
ANSWERING_PEER = "+5511999990001"  # a magic number: answers 1 s after it rings (with a permanent permission on Meta)
CALLER = "5511988887777"
CALL_HOURS = {
    "status": "ENABLED",
    "timezone_id": "America/Sao_Paulo",
    "weekly_operating_hours": [{"day_of_week": "MONDAY", "open_time": "0900", "close_time": "1800"}],
    "holiday_schedule": [{"date": "2026-12-25", "start_time": "0000", "end_time": "2359"}],
}
HISTORY = 40  # seeded calls a number: two pages of List calls show nearly all of them, every status among them
MAGIC_DELAY = 1.2  # seconds: past the magic peer's answer and the permission answer, both 1 s after
READ_DELAY = 3.2  # seconds: past a sent message's READ, 3 s after its answer
LATER = "2099-01-01T12:00:00.000Z"  # a send's deliverAt that keeps it QUEUED, so that it can be cancelled
PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
"""A 1x1 PNG, in base64: the media a user sends."""
FAILING = "0004"  # the last digits of a magic destination: the message FAILED after its 202
TEMPLATE = ("boas_vindas", {"nome": "Maria"})  # approved on every number from the start, with its one variable
GROUP = "120363025246125486@g.us"
RESOURCES: dict[str, type] = {
    name: type(resource)
    for name, resource in vars(pilot_status.PilotStatusClient(api_key="ps_unused")).items()
    if not name.startswith("_")
}
"""The official SDK's resource classes, by the client's attribute (`calls`, `messages`): where a method's return type
is read."""


@dataclass(frozen=True)
class Caller:
    """Who sends the requests: a demo key, and for the tenant key the number it names."""

    name: str
    api_key: str
    provider: str
    number_id: str
    tenant: bool
    peer: str
    """A peer of this caller's own, with no call permission yet (the Meta number's permissions are per peer, and
    two callers act on each number)."""
    correspondent: str
    """A user of this caller's own who writes to the number and gets its messages (on a Meta number a free-form
    message reaches only a user who wrote in the last 24 hours)."""


def callers() -> list[Caller]:
    by_name = {scenario.name: scenario for scenario in SCENARIOS}
    tenant = by_name["tenant"]

    def number(scenario: Scenario) -> tuple[str, str]:
        assert scenario.provider is not None
        assert scenario.number_id is not None
        return scenario.provider, scenario.number_id

    meta, web = number(by_name["meta"]), number(by_name["web"])
    return [
        Caller("Meta number key", by_name["meta"].api_key, *meta, False, "+5511977770015", "+5511966660015"),
        Caller("web number key", by_name["web"].api_key, *web, False, "+5511977770025", "+5511966660025"),
        Caller("tenant key on the Meta number", tenant.api_key, *meta, True, "+5511977770035", "+5511966660035"),
        Caller("tenant key on the web number", tenant.api_key, *web, True, "+5511977770045", "+5511966660045"),
    ]


@dataclass
class Recorder:
    """The official client's transport, sending to the sandbox instead of the fixed address, and keeping each
    request with its answer."""

    base_url: str
    exchanges: list[dict[str, Any]] = field(default_factory=list)

    def __call__(self, request: urllib.request.Request, timeout_s: float) -> tuple[int, dict[str, str], str]:
        url: str = request.full_url
        if not url.startswith(OFFICIAL_BASE_URL + "/"):
            raise AssertionError(f"the official SDK asked for {url}, not an address under {OFFICIAL_BASE_URL}")
        local = urllib.request.Request(
            self.base_url + url.removeprefix(OFFICIAL_BASE_URL),
            data=request.data,
            headers=dict(request.header_items()),
            method=request.get_method(),
        )
        try:
            with urllib.request.urlopen(local, timeout=timeout_s) as response:
                status, headers, raw = int(response.status), dict(response.headers), response.read()
        except urllib.error.HTTPError as error:  # what the SDK's own transport raises; the SDK reads it alike
            status, headers, raw = error.code, dict(error.headers), error.read()
        text = raw.decode("utf-8", errors="replace")
        sent = request.data
        parts = urllib.parse.urlsplit(url)
        self.exchanges.append(
            {
                "method": request.get_method(),
                "path": parts.path,
                "query": dict(urllib.parse.parse_qsl(parts.query, keep_blank_values=True)),
                "number_header": _header(request, "x-whatsapp-number-id"),
                "idempotency_key": _header(request, "idempotency-key"),
                "sent": json.loads(sent) if isinstance(sent, bytes) else None,
                "status": status,
                "answer": _json_or_text(text),
            }
        )
        return status, {name.lower(): value for name, value in headers.items()}, text


class SceneBrokenError(Exception):
    """A step whose answer the rest of its scene needs did not give one."""


@dataclass
class Walk:
    """Every step taken, and the scenes that could not go on."""

    recorder: Recorder
    steps: list[dict[str, Any]] = field(default_factory=list)
    broken_scenes: list[dict[str, str]] = field(default_factory=list)

    def step(self, caller: Caller, method: str, expect: str, send: Callable[[], Any]) -> Any:
        """Make one SDK call (`method`, e.g. `calls.play`) and record it; what it returned, or None when it raised."""
        first = len(self.recorder.exchanges)
        record: dict[str, Any] = {"caller": caller.name, "method": method, "expect": expect}
        result: Any = None
        try:
            result = send()
        except pilot_status.errors.PilotStatusHttpError as error:
            body = error.body if isinstance(error.body, dict) else {}
            record["outcome"] = {
                "raised": type(error).__name__,
                "status": error.status,
                "code": body.get("code"),
                "message": str(error),
            }
        else:
            resource, name = method.split(".")
            returns = typing.get_type_hints(getattr(RESOURCES[resource], name))
            record["outcome"] = {"returned": True, "type_issues": type_issues(result, returns["return"])}
        record["exchanges"] = self.recorder.exchanges[first:]
        self.steps.append(record)
        return result

    def needed(self, caller: Caller, method: str, send: Callable[[], Any]) -> Any:
        """A step expected accepted whose answer the scene goes on with."""
        result = self.step(caller, method, ACCEPTED, send)
        if result is None:
            raise SceneBrokenError(f"{method} was refused, and the scene needs its answer")
        return result

    def scene(self, caller: Caller, name: str, play: Callable[[], None]) -> None:
        """Play one group of steps; when it cannot go on, say why and go on with the next."""
        try:
            play()
        except (SceneBrokenError, SandboxHelperError, pilot_status.errors.PilotStatusError) as error:
            self.broken_scenes.append({"caller": caller.name, "scene": name, "why": f"{type(error).__name__}: {error}"})
        except Exception:
            self.broken_scenes.append({"caller": caller.name, "scene": name, "why": traceback.format_exc()})


def walk_caller(walk: Walk, caller: Caller, base_url: str) -> None:
    """Every Calls operation as `caller`, each in a state where the sandbox serves it."""
    client = pilot_status.PilotStatusClient(api_key=caller.api_key, get_retries=0, transport=walk.recorder)
    if caller.tenant:
        client = client.with_number(caller.number_id)
    helpers = SandboxHelpers(
        base_url, api_key=caller.api_key, whatsapp_number_id=caller.number_id if caller.tenant else None
    )
    calls = client.calls
    meta = caller.provider == "META"
    step, needed = walk.step, walk.needed

    def history() -> None:
        page = needed(caller, "calls.list", lambda: calls.list(limit=HISTORY // 2))
        older = needed(caller, "calls.list", lambda: calls.list(limit=HISTORY, before=page["calls"][-1]["createdAt"]))
        step(caller, "calls.get", ACCEPTED, lambda: calls.get(older["calls"][0]["id"]))
        step(caller, "calls.get", ACCEPTED, lambda: calls.get(older["calls"][0]["id"], include_sdp=True))

    def outbound_call() -> None:
        start: dict[str, str] = {"to": ANSWERING_PEER, "bizOpaqueCallbackData": "order-42"}
        if meta:
            start["sdp"] = SDP_OFFER
        call_id = needed(caller, "calls.initiate", lambda: calls.initiate(start))["id"]
        if not meta:  # before the answer: the audio is queued until the call connects
            step(caller, "calls.play", ACCEPTED, lambda: calls.play(call_id, MEDIA_URL))
        helpers.advance(MAGIC_DELAY)
        step(caller, "calls.get", ACCEPTED, lambda: calls.get(call_id))
        if not meta:
            step(caller, "calls.realtime_session", ACCEPTED, lambda: calls.realtime_session(call_id, "talk"))
        step(caller, "calls.terminate", ACCEPTED, lambda: calls.terminate(call_id))

    def inbound_call_answered() -> None:
        call_id = helpers.incoming_call(from_=CALLER).id
        step(caller, "calls.get", ACCEPTED, lambda: calls.get(call_id, include_sdp=True))
        if meta:
            step(caller, "calls.pre_accept", ACCEPTED, lambda: calls.pre_accept(call_id, SDP_ANSWER))
            step(caller, "calls.accept", ACCEPTED, lambda: calls.accept(call_id, SDP_ANSWER))
        else:
            step(caller, "calls.pre_accept", REFUSED, lambda: calls.pre_accept(call_id, SDP_ANSWER))
            step(caller, "calls.accept", ACCEPTED, lambda: calls.accept(call_id))
            step(caller, "calls.play", ACCEPTED, lambda: calls.play(call_id, MEDIA_URL))
            step(caller, "calls.realtime_session", ACCEPTED, lambda: calls.realtime_session(call_id, "listen"))
        if meta:  # the web-only operations, on a call that is answered
            step(caller, "calls.play", REFUSED, lambda: calls.play(call_id, MEDIA_URL))
            step(caller, "calls.realtime_session", REFUSED, lambda: calls.realtime_session(call_id, "talk"))
        step(caller, "calls.terminate", ACCEPTED, lambda: calls.terminate(call_id))

    def inbound_call_declined() -> None:
        call_id = helpers.incoming_call(from_=CALLER).id
        step(caller, "calls.reject", ACCEPTED, lambda: calls.reject(call_id))

    def inbound_call_missed() -> None:
        call_id = helpers.incoming_call(from_=CALLER).id
        helpers.hangup(call_id)  # the caller gives up before anyone answers
        step(caller, "calls.get", ACCEPTED, lambda: calls.get(call_id))

    def settings() -> None:
        expect = ACCEPTED if meta else REFUSED
        step(caller, "calls.get_settings", expect, lambda: calls.get_settings())
        if meta:  # an update of nothing, as `update_settings({})` sends it
            step(caller, "calls.update_settings", expect, lambda: calls.update_settings({}))
        change = {
            "status": "ENABLED",
            "call_icon_visibility": "DEFAULT",
            "callback_permission_status": "ENABLED",
            "call_hours": CALL_HOURS,
        }
        step(caller, "calls.update_settings", expect, lambda: calls.update_settings(change))
        step(caller, "calls.get_settings", expect, lambda: calls.get_settings())

    def permissions() -> None:
        if not meta:
            step(caller, "calls.get_permissions", REFUSED, lambda: calls.get_permissions(caller.peer))
            step(caller, "calls.request_permission", REFUSED, lambda: calls.request_permission(caller.peer))
            return
        step(caller, "calls.get_permissions", ACCEPTED, lambda: calls.get_permissions(caller.peer))
        needed(caller, "calls.request_permission", lambda: calls.request_permission(caller.peer, "Podemos te ligar?"))
        helpers.advance(MAGIC_DELAY)  # the user grants it
        step(caller, "calls.get_permissions", ACCEPTED, lambda: calls.get_permissions(caller.peer))
        call_id = needed(caller, "calls.initiate", lambda: calls.initiate({"to": caller.peer, "sdp": SDP_OFFER}))["id"]
        step(caller, "calls.terminate", ACCEPTED, lambda: calls.terminate(call_id))

    with helpers:
        for name, play in [
            ("history", history),
            ("outbound call", outbound_call),
            ("inbound call answered", inbound_call_answered),
            ("inbound call declined", inbound_call_declined),
            ("inbound call missed", inbound_call_missed),
            ("settings", settings),
            ("permissions", permissions),
        ]:
            walk.scene(caller, name, play)


def meta_phone_number_id() -> str:
    """The demo Meta number's phone number id at Meta: the `phoneNumberId` its users' media is downloaded with."""
    meta = next(scenario for scenario in SCENARIOS if scenario.name == "meta")
    (found,) = (spec.phone_number_id for spec in NUMBERS if spec.number_id == meta.number_id)
    assert found is not None
    return found


def walk_messaging(walk: Walk, caller: Caller, base_url: str, media: dict[str, str]) -> None:
    """The official SDK's messaging methods as `caller`: sends (text, media without a type, a template, a scheduled
    one cancelled, one with an idempotency key sent twice, one that fails), retrieves, history, templates, the Meta
    number's media and the dashboard, each in a state where the sandbox serves it. `media` is where the Meta number's
    media (the id a user's photo got) is kept for the callers after the first."""
    client = pilot_status.PilotStatusClient(api_key=caller.api_key, get_retries=0, transport=walk.recorder)
    if caller.tenant:
        client = client.with_number(caller.number_id)
    helpers = SandboxHelpers(
        base_url, api_key=caller.api_key, whatsapp_number_id=caller.number_id if caller.tenant else None
    )
    messages, user = client.messages, caller.correspondent
    step, needed = walk.step, walk.needed

    def conversation() -> None:
        helpers.incoming_message(from_=user, text="Oi! Meu pedido já saiu?")  # opens Meta's 24-hour window
        sent = needed(caller, "messages.send", lambda: messages.send({"destinationNumber": user, "text": "Saiu!"}))
        step(caller, "messages.get", ACCEPTED, lambda: messages.get(sent["id"]))
        helpers.advance(READ_DELAY)  # SENT, DELIVERED, READ
        step(caller, "messages.get", ACCEPTED, lambda: messages.get(sent["correlationId"]))
        helpers.incoming_message(from_=user, text="Obrigado!", reply_to=sent["id"])  # message.reply
        if caller.provider != "META":  # groups are for web numbers: message.group
            helpers.incoming_message(from_=user, text="Bom dia!", group_id=GROUP, group_name="Clientes")
        page = needed(caller, "messages.history", lambda: messages.history(page=1, page_size=10))
        since, until = page["messages"][-1]["providerTimestamp"], page["messages"][0]["providerTimestamp"]
        step(caller, "messages.history", ACCEPTED, lambda: messages.history(start_date=since, end_date=until))

    def sends() -> None:
        photo = {"destinationNumber": user, "media": "https://example.com/recibo.png"}  # sent as mediaType "image"
        step(caller, "messages.send", ACCEPTED, lambda: messages.send(photo))
        name, variables = TEMPLATE
        templated = {"destinationNumber": user, "templateId": name, "variables": variables}
        step(caller, "messages.send", ACCEPTED, lambda: messages.send(templated))
        order = {"destinationNumber": user, "text": "Pedido 42 confirmado"}
        key = f"pedido-42-{caller.peer}"
        first = needed(caller, "messages.send", lambda: messages.send(order, idempotency_key=key))
        again = needed(caller, "messages.send", lambda: messages.send(order, idempotency_key=key))  # a replay
        if again["id"] != first["id"]:
            raise SceneBrokenError(f"the same send with the same key made two messages: {first['id']}, {again['id']}")
        failing = {"destinationNumber": caller.peer[:-4] + FAILING, "text": "Oi"}
        failed = needed(caller, "messages.send", lambda: messages.send(failing))
        helpers.advance(READ_DELAY)
        step(caller, "messages.get", ACCEPTED, lambda: messages.get(failed["id"]))

    def scheduled() -> None:
        later = {"destinationNumber": user, "text": "Lembrete: amanhã", "deliverAt": LATER}
        queued = needed(caller, "messages.send", lambda: messages.send(later))
        step(caller, "messages.cancel", ACCEPTED, lambda: messages.cancel([queued["id"]]))
        step(caller, "messages.get", ACCEPTED, lambda: messages.get(queued["id"]))

    def templates() -> None:
        listed = needed(caller, "templates.list", lambda: client.templates.list())
        for template_id in [template["id"] for template in listed]:
            step(caller, "templates.get", ACCEPTED, functools.partial(client.templates.get, template_id))
        step(caller, "templates.get", ACCEPTED, lambda: client.templates.get(TEMPLATE[0]))  # by name

    def media_download() -> None:
        if caller.provider == "META" and "id" not in media:
            photo = {"mimeType": "image/png", "fileName": "recibo.png", "base64": PNG}
            media["id"] = helpers.incoming_message(from_=user, text="O recibo", media=photo)["media"]["id"]
        if "id" not in media:
            raise SceneBrokenError("no caller on the Meta number has received a media yet")
        step(caller, "media.download", ACCEPTED, lambda: client.media.download(media["id"], meta_phone_number_id()))

    def dashboard() -> None:
        step(caller, "analytics.get_dashboard_stats", ACCEPTED, lambda: client.analytics.get_dashboard_stats())
        stats = client.analytics.get_dashboard_stats
        step(caller, "analytics.get_dashboard_stats", ACCEPTED, lambda: stats(tz="America/Sao_Paulo"))

    with helpers:
        for name, play in [
            ("conversation", conversation),
            ("sends", sends),
            ("scheduled send", scheduled),
            ("templates", templates),
            ("media", media_download),
            ("dashboard", dashboard),
        ]:
            walk.scene(caller, name, play)


def event_types() -> dict[str, type]:
    """The official SDK's `TypedDict` for each `call.*` and `message.*` webhook event, by event name (from its union
    of events)."""
    found: dict[str, type] = {}
    for event_type in typing.get_args(pilot_status.webhooks.types.CustomerWebhookEvent):
        (name,) = typing.get_args(typing.get_type_hints(event_type)["event"])
        if name.startswith(("call.", "message.")):
            found[name] = event_type
    return found


def check_events(base_url: str, walked: list[Caller]) -> Iterator[dict[str, Any]]:
    """Each webhook payload the sandbox emitted for the walked numbers, with what the official SDK says of it."""
    types = event_types()
    keys = {caller.number_id: caller.api_key for caller in walked if not caller.tenant}
    for number_id, api_key in keys.items():
        with SandboxHelpers(base_url, api_key=api_key) as helpers:
            events = helpers.events()
        for payload in events:
            try:
                pilot_status.webhooks.parse_customer_webhook(payload, unknown_events="raise")
                parse_issues = []
            except pilot_status.webhooks.parse.WebhookParseError as error:
                parse_issues = [f"{issue.path}: {issue.message}" for issue in error.issues]
            event_type = types.get(payload.get("event", ""))
            yield {
                "number": number_id,
                "event": payload,
                "parse_issues": parse_issues,
                "type_issues": ["not a call or message event the official SDK knows"]
                if event_type is None
                else type_issues(payload, event_type),
            }


def run() -> dict[str, Any]:
    with Sandbox(SandboxConfig(calls=HISTORY, seed=7, manual_clock=True)) as sandbox:
        walk = Walk(Recorder(sandbox.url))
        walked = callers()
        media: dict[str, str] = {}
        for caller in walked:
            walk_caller(walk, caller, sandbox.url)
            walk_messaging(walk, caller, sandbox.url, media)
        events = list(check_events(sandbox.url, walked))
    return {"steps": walk.steps, "broken_scenes": walk.broken_scenes, "events": events}


def _header(request: urllib.request.Request, name: str) -> str | None:
    """A header of the SDK's request (urllib keeps the names capitalized: `X-whatsapp-number-id`)."""
    value: str | None = request.get_header(name.capitalize())
    return value


def _json_or_text(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return text


def main() -> None:
    json.dump(run(), sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
