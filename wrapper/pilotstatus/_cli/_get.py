"""`pilotstatus calls get CALL_ID`: one call, as `name: value` lines for people or as the API's JSON for programs."""

from __future__ import annotations

import argparse
from typing import Any

from pilotstatus._exceptions import CallNotFoundError

from . import _checks
from ._connection import KEY_HELP, add_connection_options, client_from
from ._errors import CommandError, describe
from ._formats import FIELDS, api_json, json_text
from ._parser import Commands
from ._readable import Row, label, other_rows, render, shown, text_rows

SDP_FIELDS = ("sdpOffer", "sdpAnswer")

DESCRIPTION = """\
Print one call, by its id (call_...) or its provider's id (wacid...): a line for each field, or with --json the
call as the API sent it, with every field the server sent. A field that is null or absent shows as -.
With --sdp the call's SDP offer and answer are fetched too (what answering an inbound Meta call needs; always
null on web numbers): each is shown with its count of lines and characters, then its lines, control characters
escaped; with --json, as the sdpOffer and sdpAnswer strings, exactly."""


def register(calls: Commands) -> None:
    parser = calls.add_parser("get", help="print one call", description=DESCRIPTION, epilog=KEY_HELP)
    parser.add_argument("call_id", metavar="CALL_ID", help="the call's id (call_...) or its provider's id (wacid...)")
    parser.add_argument("--sdp", action="store_true", help="also fetch and print the call's SDP offer and answer")
    parser.add_argument("--json", action="store_true", help="print the call as JSON, with every field the server sent")
    add_connection_options(parser, after_command=True)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from pilotstatus.resources.calls import RETRIEVE  # with the generated models, for this command only

    call_id = _checks.call_id(args.call_id, RETRIEVE)
    with client_from(args) as client:
        try:
            call = client.calls.retrieve(call_id, include_sdp=args.sdp)
        except CallNotFoundError as error:
            raise CommandError(f"no call {call_id!r} on this number ({describe(error)})") from None
    fields = api_json(call)
    print(json_text(fields, indent=2) if args.json else readable(fields, sdp=args.sdp), flush=True)
    return 0


def readable(fields: dict[str, Any], *, sdp: bool) -> str:
    """The call's fields as rows: the documented ones first, in the API reference's order (each, null or absent,
    shown), then any other the server sent, then the SDPs when asked for or sent."""
    rows: list[Row] = [(name, shown(fields.get(name))) for name in FIELDS]
    rows += other_rows(fields, (*FIELDS, *SDP_FIELDS))
    for name in SDP_FIELDS:
        if sdp or name in fields:
            rows += sdp_rows(name, fields.get(name))
    return render(rows)


def sdp_rows(name: str, value: object) -> list[Row]:
    """An SDP: its size on the row of its name, then its lines."""
    if not isinstance(value, str):
        return [(label(name), shown(value))]
    lines = text_rows(value)
    count = "1 line" if len(lines) == 1 else f"{len(lines)} lines"
    return [(label(name), f"{count}, {len(value)} characters"), *lines]
