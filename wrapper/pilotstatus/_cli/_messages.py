"""`pilotstatus messages send` and `pilotstatus messages get`: send a text or a template to a number, and look a
message up, for people or as the API's JSON.

A send goes with an `Idempotency-Key` (`--idempotency-key`, or a new one made here), and the key is printed
whatever happens: on stderr after a send, and on the error line of a send that failed or was interrupted. Running
the same command again with `--idempotency-key KEY` can then only get the first send's answer, never a second
message: what a user does after a timeout, when they cannot know whether the message went.
"""

from __future__ import annotations

import argparse
from typing import Any

from pilotstatus._exceptions import (
    IdempotencyKeyReusedError,
    InvalidInputError,
    NotFoundError,
    PilotStatusError,
)
from pilotstatus._validation import check_value

from . import _checks, _history
from ._connection import KEY_HELP, add_connection_options, client_from
from ._errors import INTERRUPTED, USAGE, CommandError, describe, note, printable
from ._formats import api_json, json_text
from ._parser import Commands
from ._readable import Row, label, other_rows, render, shown

# The documented fields of a send's answer and of a message, in the order of the API reference.
ACCEPTED_FIELDS = ("id", "correlationId", "status", "createdAt", "origin", "sourceNumber", "flowToken")
MESSAGE_FIELDS = (
    "id",
    "externalMessageId",
    "status",
    "correlationId",
    "destinationNumber",
    "template",
    "createdAt",
    "sentAt",
    "deliveredAt",
    "readAt",
    "errorCode",
    "errorMessage",
    "origin",
    "metaPricing",
)
TIMESTAMPS = ("createdAt", "sentAt", "deliveredAt", "readAt")
# Shown only when sent: a field the API leaves out rather than sending null.
ABSENT_WHEN_UNSET = ("flowToken", "template")

SEND_DESCRIPTION = """\
Send a message from the key's number to NUMBER: a free-form --text, or a --template with its variables (--var
NAME=VALUE, once for each). It is queued (202): follow it with `pilotstatus messages get ID`. The send goes with an
idempotency key, printed on stderr (and on the error line of a failure or a Ctrl-C): the same command run again with
--idempotency-key KEY cannot send the message twice, whatever happened to the first. Without --idempotency-key a new
key is made. A timeout, a broken connection, a 5xx or a key still in use is retried with the same key
(--max-retries)."""

GET_DESCRIPTION = """\
Print one message the key's number sent, by its id (msg_...), its correlationId or the provider's id (wamid...): a
line for each field, or with --json the message as the API sent it. A field that is null or absent shows as -."""


def register(commands: Commands) -> None:
    messages = commands.add_parser(
        "messages",
        help="send a message, look one up, print the history",
        description="Messages of the key's number: send one, look one up, print every one of a period.",
        epilog=KEY_HELP,
    )
    messages_commands = messages.add_subparsers(
        title="commands", dest="messages_command", required=True, metavar="COMMAND"
    )
    _history.register(messages_commands)

    send = messages_commands.add_parser(
        "send", help="send a text or a template", description=SEND_DESCRIPTION, epilog=KEY_HELP
    )
    send.add_argument(
        "--to", metavar="NUMBER", required=True, help=f"the user's phone number (e.g. {_checks.EXAMPLE_NUMBER})"
    )
    what = send.add_mutually_exclusive_group(required=True)
    what.add_argument("--text", metavar="TEXT", help="a free-form message")
    what.add_argument("--template", metavar="ID", help="a template, by id or name")
    send.add_argument(
        "--var",
        metavar="NAME=VALUE",
        action="append",
        type=variable,
        default=[],
        help="a variable of the --template (repeat it for each)",
    )
    send.add_argument(
        "--idempotency-key",
        metavar="KEY",
        help="the send's idempotency key, to send it again without sending it twice (default: a new one)",
    )
    send.add_argument("--json", action="store_true", help="print the answer as JSON, with every field the server sent")
    add_connection_options(send, after_command=True)
    send.set_defaults(run=run_send)

    get = messages_commands.add_parser("get", help="print one message", description=GET_DESCRIPTION, epilog=KEY_HELP)
    get.add_argument("message_id", metavar="ID", help="the message's id (msg_...), correlationId or wamid")
    get.add_argument("--json", action="store_true", help="print the message as JSON, with every field the server sent")
    add_connection_options(get, after_command=True)
    get.set_defaults(run=run_get)


def variable(text: str) -> tuple[str, str]:
    """A --var NAME=VALUE (an argparse `type`): the name and the value, which may hold `=` itself."""
    name, equals, value = text.partition("=")
    if not equals or not name:
        raise argparse.ArgumentTypeError(f"{text!r} is not NAME=VALUE")
    return name, value


def run_send(args: argparse.Namespace) -> int:
    from pilotstatus._operations import check_idempotency_key  # with the generated models, for this command only

    if not args.to.strip():
        raise CommandError(f"--to is empty: give the user's phone number (as in --to {_checks.EXAMPLE_NUMBER})", USAGE)
    if args.var and args.template is None:
        raise CommandError("--var gives a variable of a --template: give --template ID too", USAGE)
    variables: dict[str, str] = {}
    for name, value in args.var:
        if name in variables:
            raise CommandError(f"--var {printable(name)} is given twice: give each variable once", USAGE)
        variables[name] = value
    key: str | None = args.idempotency_key
    if key is not None:
        try:
            check_idempotency_key(key)
        except InvalidInputError as error:
            raise CommandError(str(error).replace("idempotency_key", "--idempotency-key", 1), USAGE) from None
    else:
        import uuid

        # Made here rather than by the SDK, so that an interrupted send can still name it.
        key = str(uuid.uuid4())
    with client_from(args) as client:
        try:
            sent = client.messages.send(
                destination_number=args.to,
                text=args.text,
                template_id=args.template,
                variables=variables if args.template is not None else None,
                idempotency_key=key,
            )
        except PilotStatusError as error:
            if error.idempotency_key is None:
                raise
            raise CommandError(f"{describe(error)} ({retry_advice(error, error.idempotency_key)})") from None
        except KeyboardInterrupt:  # Ctrl-C, as likely after the request left as before: it may have been sent
            raise CommandError(f"interrupted ({retry_advice(None, key)})", INTERRUPTED) from None
    replay = " (a replay: this message was sent before, and not again)" if sent.replayed else ""
    note(f"idempotency key: {sent.idempotency_key}{replay}")
    fields = api_json(sent, TIMESTAMPS)
    print(json_text(fields, indent=2) if args.json else readable(fields, ACCEPTED_FIELDS), flush=True)
    return 0


def retry_advice(error: PilotStatusError | None, key: str) -> str:
    """What to do with the key of a send that failed (None: that was interrupted)."""
    if isinstance(error, IdempotencyKeyReusedError):
        return f"the idempotency key {key} was used for another message: send this one with another key, or none"
    return f"idempotency key {key}: run the command again with --idempotency-key {key}, which cannot send it twice"


def run_get(args: argparse.Namespace) -> int:
    from pilotstatus.resources.messages import RETRIEVE  # with the generated models, for this command only

    message_id = args.message_id
    try:
        check_value(message_id, _checks.parameter_schema(RETRIEVE, "path", "messageId"), "ID")
    except InvalidInputError as error:
        raise CommandError(
            f"{str(error).rstrip('.')}: give the message's id as a send printed it (msg_...), its correlationId or"
            " its wamid",
            USAGE,
        ) from None
    with client_from(args) as client:
        try:
            message = client.messages.retrieve(message_id)
        except NotFoundError as error:
            raise CommandError(f"no message {message_id!r} on this number ({describe(error)})") from None
    fields = api_json(message, TIMESTAMPS)
    print(json_text(fields, indent=2) if args.json else readable(fields, MESSAGE_FIELDS), flush=True)
    return 0


def readable(fields: dict[str, Any], documented: tuple[str, ...]) -> str:
    """The fields as rows: the documented ones first, in the API reference's order (each, null or absent, shown, but
    those the API leaves out when unset), a nested object's fields indented under it, then any other field."""
    rows: list[Row] = []
    for name in documented:
        if name in ABSENT_WHEN_UNSET and name not in fields:
            continue
        value = fields.get(name)
        if isinstance(value, dict):
            rows.append((name, ""))
            rows += [(label(key, 1), shown(item)) for key, item in value.items()]
        else:
            rows.append((name, shown(value)))
    rows += other_rows(fields, documented)
    return render(rows)
