"""Steering generated requests where the schema alone cannot say what a valid request is: hooks registered on one
target's schema (never globally), which schemathesis applies in every phase: `map_case` for the cases it generates,
`before_add_examples` for the spec's own examples, and a `filter_case` that keeps the share of the coverage phase's
cases that the target's budget gives each operation.

- The number's kind decides `sdp` (calls-api.md): a Meta number's Start call and accept need one, a web number's
  must not have one. Valid cases get an SDP offer on a Meta target and lose theirs on a web target, so that they
  are valid for the number and reach the operation itself.
- Magic peers: three valid Start calls in four go to a sandbox magic number, the `to` keeping its digits but the
  last four (on a Meta number `0001`, answering, or `0003`, never answering: both hold a permission; on a web number
  `0001`, `0002`, declining, or `0003`), so that calls start, ring, are answered or declined, and the stateful
  phase follows links from them; the fourth keeps its peer, which on a Meta number has no permission (the
  documented META_CALL_PERMISSION_REQUIRED).
- A valid send (`post_messages_send`) is made one the server takes, by the rules its schema cannot say: one
  destination (a phone, which every kind of number takes), a content, no contents that exclude each other, and no
  template (the schema cannot know the number's); the phone stays as generated, so on a Meta number most sends
  fail after their 202 (outside the 24-hour window), as documented.
- A tenant key acting on a number sends `x-whatsapp-number-id` on every request whose headers are not the invalid
  part of it.
- Live, `TO` replaces every phone number of a body, at any depth (`PHONE_FIELDS`: a Start call's or a permission's
  `to`, a message's `destinationNumber`, a button's `phoneNumber` or a template button's `phone_number`), and a
  query's `to`, when it has 7 digits or more (any digits, not only ASCII ones), and every non-blank
  `destinationNumber` (which may name a user by BSUID), whatever the operation (and any operation added later),
  valid request or not: a server lenient enough to read a phone number in an invalid one (`"+55 11 9..."`, a
  trailing newline) still calls or writes to no number but TO. A live send loses its `groupId` and `newsletterId`,
  whatever their value: a run never writes to a group or a channel. A value that becomes valid so turns its case
  valid (schemathesis revalidates a changed case before sending it); a `to` with fewer digits stays as generated,
  so that invalid numbers are still sent.

Otherwise invalid cases keep what made them invalid: only a valid case's body is steered.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable
from typing import Any

from schemathesis.core.parameters import ParameterLocation
from schemathesis.generation import GenerationMode
from schemathesis.generation.meta import TestPhase
from schemathesis.hooks import HookContext
from schemathesis.schemas import BaseSchema

from tests._contract import contract_runner
from tests._contract_targets import Target

__all__ = [
    "NUMBER_HEADER",
    "PHONE",
    "PHONE_FIELDS",
    "SDP_OFFER",
    "dialable",
    "magic_peer",
    "phones_replaced",
    "register_steering",
    "sample_coverage",
    "steer",
]

NUMBER_HEADER = "x-whatsapp-number-id"
PHONE = re.compile(r"\+?[0-9]{7,15}")
"""The spec's pattern of `to` (StartCallRequest, CallPermissionRequest, the `to` query)."""

SDP_OFFER = (
    "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
    "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\na=setup:active\r\na=rtpmap:111 opus/48000/2\r\n"
)
"""A well-formed RFC 8866 audio offer, business side (`a=setup:active`)."""

_PEERS = {"META": ("0001", "0003", "0001", None), "EVO_GO": ("0001", "0002", "0003", None)}
_WITH_SDP = frozenset({"post_calls", "post_calls_callId_accept"})
_SEND = "post_messages_send"
_INTERACTIVE = ("list", "carousel", "flow")
PHONE_FIELDS: frozenset[str] = contract_runner().PHONE_FIELDS


def dialable(text: str) -> bool:
    """Whether `text` holds enough digits (7, the spec's least) to be read as a phone number by a lenient server."""
    return sum(char.isdigit() for char in text) >= 7


def magic_peer(to: str, provider: str) -> str:
    """`to` with its last four digits made a magic peer's, for three numbers in four (chosen by a checksum of `to`,
    so the same `to` always maps alike)."""
    suffix = _PEERS[provider][zlib.crc32(to.encode()) % 4]
    return to if suffix is None else to[:-4] + suffix


_DESTINATIONS = ("destinationNumber", "groupId", "newsletterId")


def _valid_send(body: dict[str, Any]) -> None:
    """Make a send's `body` one the server takes (sandbox/pilotstatus_sandbox/messages/sending.py says its rules):
    to a phone, which every kind of number takes (a group or a newsletter is refused to a Meta number)."""
    for name in _DESTINATIONS[1:]:
        body.pop(name, None)
    body.setdefault("destinationNumber", "+5511999990001")
    body.pop("templateId", None)
    interactive = [name for name in _INTERACTIVE if name in body]
    for name in interactive[1:] + (["buttons", "header", "media"] if interactive else []):
        body.pop(name, None)
    if not any(name in body for name in ("text", "media", *_INTERACTIVE)):
        body["text"] = "Hello"


def phones_replaced(value: Any, to: str) -> Any:
    """`value` (a JSON body) with `to` in place of every phone number it holds, at any depth: each string under a
    name of `PHONE_FIELDS` with 7 digits or more, and every non-blank `destinationNumber` (it may also name a user by
    their BSUID, which has no digits to count)."""
    if isinstance(value, list):
        return [phones_replaced(item, to) for item in value]
    if not isinstance(value, dict):
        return value
    replaced = {}
    for name, item in value.items():
        if name in PHONE_FIELDS and isinstance(item, str) and (dialable(item) or _addresses(name, item)):
            replaced[name] = to
        else:
            replaced[name] = phones_replaced(item, to)
    return replaced


def _addresses(name: str, value: str) -> bool:
    return name == "destinationNumber" and bool(value.strip())


def _operation_id(case: Any) -> str:
    operation_id: str = case.operation.definition.raw.get("operationId", "")
    return operation_id


def steer(target: Target, *, to: str | None = None) -> Callable[[HookContext, Any], Any]:
    """The `map_case` hook for `target`; `to` is the live run's destination number (TO), None in the sandbox."""

    def map_case(context: HookContext, case: Any) -> Any:
        operation_id = _operation_id(case)
        meta = case.meta
        valid = meta is None or meta.generation.mode == GenerationMode.POSITIVE
        if target.number_id is not None and (meta is None or not meta.is_negative_at(ParameterLocation.HEADER)):
            case.headers = {**(case.headers or {}), NUMBER_HEADER: target.number_id}
        body = case.body
        if valid and operation_id in _WITH_SDP and target.provider == "META" and not isinstance(body, dict):
            body, case.media_type = {}, "application/json"  # accept's body is optional, but not its sdp on Meta
        if valid and operation_id == _SEND and not isinstance(body, dict):
            body, case.media_type = {}, "application/json"  # the spec's body is optional, but not its destination
        if isinstance(body, dict):
            body = dict(body)
            peer = body.get("to")
            if valid and operation_id == _SEND:
                _valid_send(body)
            if to is not None:
                body = phones_replaced(body, to)
                if operation_id == _SEND:
                    body.pop("groupId", None)  # never a group or a channel, whatever the case holds
                    body.pop("newsletterId", None)
            elif valid and target.provider is not None and operation_id == "post_calls" and peer:
                body["to"] = magic_peer(str(peer), target.provider)  # valid, so a phone number
            if valid and operation_id in _WITH_SDP:
                if target.provider == "META":
                    body.setdefault("sdp", SDP_OFFER)
                elif target.provider == "EVO_GO":
                    body.pop("sdp", None)
            case.body = body
        query = case.query
        probed = query.get("to") if to is not None and isinstance(query, dict) else None
        if isinstance(probed, str) and dialable(probed):
            case.query = {**query, "to": to}
        return case

    return map_case


def register_steering(schema: BaseSchema, target: Target, *, to: str | None = None) -> None:
    """Register `steer(target, to=to)` on `schema` alone: as `map_case` for the generated cases of every phase, and
    as `before_add_examples` for the spec's own examples, which do not go through `map_case`."""
    map_case = steer(target, to=to)

    def before_add_examples(context: HookContext, examples: list[Any]) -> None:
        examples[:] = [map_case(context, example) for example in examples]

    schema.hooks.register_hook_with_name(map_case, "map_case")
    schema.hooks.register_hook_with_name(before_add_examples, "before_add_examples")
    schema.hooks.register_hook_with_name(sample_coverage(target), "filter_case")


def sample_coverage(target: Target) -> Callable[[HookContext, Any], bool]:
    """A `filter_case` hook keeping one coverage-phase case in the operation's `coverage_share` (chosen by the
    case's content, so the same ones on every run), and every case of the other phases."""

    def filter_case(context: HookContext, case: Any) -> bool:
        if case.meta is None or case.meta.phase.name != TestPhase.COVERAGE:
            return True
        share = target.budget_for(_operation_id(case)).coverage_share
        content = repr((case.method, case.path_parameters, case.query, case.headers, case.body)).encode()
        return share == 1 or zlib.crc32(content) % share == 0

    return filter_case
