"""`pilotstatus webhooks listen`: a local receiver of call and message webhooks, which verifies each delivery and
prints it on one line, as `stripe listen` does.

    pilotstatus webhooks listen --port 8090        # the secret from PILOT_STATUS_WEBHOOK_SECRET
    pilotstatus sandbox --webhook-url http://127.0.0.1:8090/ --webhook-secret ...

Each POST, whatever its path, is checked with `pilotstatus.webhooks.unwrap`: a verified event is answered 200 and
printed on stdout; a delivery whose signature is missing or wrong, or whose signed body is not an event (or is a known
event its schema refuses), is answered 400, and one line on stderr says it was refused and why; a drift warning (a
field or a value the SDK does not know, kept) goes to stderr too. Any other method is answered 405. The line it
starts with (on stderr, so that stdout holds only events) says where it listens; with `--port 0` that is the port the
system chose. Ctrl-C stops it (exit 0); an address it cannot listen on is one error line (exit 1).

The web server is the standard library's `ThreadingHTTPServer`: the SDK has no web server dependency, and a local
receiver for development needs none (`_receiver`). The secret is never printed: every line is scrubbed of it.
"""

from __future__ import annotations

import argparse
import contextlib
import os

from pilotstatus._credentials import Credentials

from ._errors import USAGE, CommandError, note
from ._parser import Commands, port

SECRET_ENV = "PILOT_STATUS_WEBHOOK_SECRET"
"""Where the webhook's signing secret is read from: by this command, and by `pilotstatus sandbox`, which signs with
the secret of the same variable."""

DESCRIPTION = f"""\
Receive call and message webhooks on a local port until Ctrl-C: each POST is verified with the webhook's signing
secret (header x-pilot-status-signature) and printed on one line: the event's time, its name, the call id, the
status, and who called whom (with the duration on call.ended); for a message, the message id, who wrote to whom,
and what the event adds (the error code and reason of message.failed, the text a user wrote); with --json, the
event's JSON as received. A delivery whose signature is missing or wrong is answered 400 and reported on stderr;
any method but POST, 405. The secret is read from ${SECRET_ENV}, or from --secret (which other users of this
machine may see in the process list)."""


def register(commands: Commands) -> None:
    webhooks = commands.add_parser(
        "webhooks",
        help="receive and verify call and message webhooks locally",
        description="Call and message webhooks: receive, verify and print them locally.",
    )
    webhooks_commands = webhooks.add_subparsers(
        title="commands", dest="webhooks_command", required=True, metavar="COMMAND"
    )
    listen = webhooks_commands.add_parser("listen", help="receive, verify and print webhooks", description=DESCRIPTION)
    listen.add_argument("--host", default="127.0.0.1", help="the address to listen on (default: 127.0.0.1)")
    listen.add_argument(
        "--port", type=port, default=8090, help="the port to listen on; 0 for any free one (default: 8090)"
    )
    listen.add_argument("--secret", default=None, help=f"the webhook's signing secret (default: ${SECRET_ENV})")
    listen.add_argument("--json", action="store_true", help="print each event's JSON on one line, as received")
    listen.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    secret = args.secret if args.secret is not None else os.environ.get(SECRET_ENV, "")
    if not secret:
        raise CommandError(f"no webhook secret: set {SECRET_ENV}, or pass --secret", USAGE)
    from ._receiver import Receiver, sdk_warnings  # the standard library's web server, for this command only

    scrub = Credentials(header="webhook secret", secret=secret).redact
    try:
        server = Receiver((args.host, args.port), secret=secret, as_json=args.json, scrub=scrub)
    except OSError as error:  # a port in use, a host not of this machine
        raise CommandError(f"cannot listen on {args.host}:{args.port}: {error.strerror or error}") from None
    with server, sdk_warnings(server):
        port = server.server_address[1]  # the port the system chose, for --port 0
        host = f"[{args.host}]" if ":" in args.host else args.host
        note(f"Listening for webhooks on http://{host}:{port}/ (POST; Ctrl-C to stop)")
        with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C is how a server is stopped
            server.serve_forever()
    return 0
