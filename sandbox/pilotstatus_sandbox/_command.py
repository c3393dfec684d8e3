"""`pilotstatus sandbox`: serve the local sandbox, a stand-in for the API to develop and test against.

The command is the sandbox package's own: the `pilotstatus` command finds it through its entry point (group
`pilotstatus.commands`, pyproject.toml) when it builds its parser, and never imports the sandbox itself. This module
loads nothing of the optional `sandbox` extra (the web server, the spec validation are not needed to use the API):
the server is imported only when the command runs, and without the extra the command says in one line how to
install it. Its help lists the example-only operations (answered from their spec's example, with no state), read
when the help is asked for.
"""

from __future__ import annotations

import argparse
import math
import os
from typing import Any
from urllib.parse import urlsplit

from pilotstatus._cli._errors import USAGE, CommandError
from pilotstatus._cli._parser import Commands, port, whole
from pilotstatus._cli._webhooks import SECRET_ENV as WEBHOOK_SECRET_ENV

from ._config import DEFAULT_MESSAGES, DEFAULT_RING_TIMEOUT, MAX_CALLS, MAX_MESSAGES
from ._rate_limit import MIN_RATE

__all__ = ["EXTRA_MISSING", "WEBHOOK_SECRET_ENV", "example_only_help", "register", "run"]

EXTRA_MISSING = "the sandbox needs its extra: pip install 'pilotstatus[sandbox]'"


def register(commands: Commands) -> None:
    parser = commands.add_parser(
        "sandbox",
        help="serve a local sandbox of the API",
        description=(
            "Serve a local sandbox of the Pilot Status API, with a generated call history and the documented"
            " scenarios, until Ctrl-C. It prints its address and the demo keys to use with it. Needs the extra:"
            " pip install 'pilotstatus[sandbox]'."
        ),
        add_help=False,
    )
    parser.add_argument("-h", "--help", action=_Help, help="show this help message and exit")
    parser.add_argument("--host", default="127.0.0.1", help="the address to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=port, default=8080, help="the port to listen on (default: 8080)")
    parser.add_argument(
        "--calls",
        metavar="N",
        type=_count,
        default=5000,
        help=f"calls in each number's history (default: 5000, at most {MAX_CALLS:,})",
    )
    parser.add_argument(
        "--messages",
        metavar="N",
        type=_messages,
        default=DEFAULT_MESSAGES,
        help=(
            f"messages seeded on each number that has them, sent and received, over 30 days (default:"
            f" {DEFAULT_MESSAGES}, at most {MAX_MESSAGES:,})"
        ),
    )
    parser.add_argument(
        "--seed", type=whole, default=7, help="the seed the calls and messages are drawn from (default: 7)"
    )
    parser.add_argument(
        "--rate-limit",
        metavar="PER_SECOND",
        type=_rate,
        default=None,
        help="answer 429 beyond this many requests a second per key (default: no limit)",
    )
    parser.add_argument(
        "--ring-timeout",
        metavar="SECONDS",
        type=_ring_timeout,
        default=None,
        help=f"how long a call rings before nobody answering ends it (default: {DEFAULT_RING_TIMEOUT:g})",
    )
    parser.add_argument(
        "--manual-clock",
        action="store_true",
        help="time moves only when a test advances it (POST /_sandbox/clock/advance): the same answers every run",
    )
    parser.add_argument(
        "--drift",
        action="store_true",
        help=(
            "differ from openapi.json on purpose, the same way every time: an unknown Call field, an unknown status,"
            " an undocumented header of List calls (to try drift reports; default: off)"
        ),
    )
    parser.add_argument(
        "--access-log",
        action="store_true",
        help="log a line for each request answered (default: off, only the start and the stop)",
    )
    parser.add_argument(
        "--webhook-url",
        metavar="URL",
        type=_webhook_url,
        default=None,
        help="POST the signed call.* webhooks to this http(s) URL (default: none sent)",
    )
    parser.add_argument(
        "--webhook-secret",
        metavar="SECRET",
        type=_secret,
        default=None,
        help=(
            "the secret the webhooks are signed with (x-pilot-status-signature, hex HMAC-SHA256 of the body);"
            f" needs --webhook-url. Better in the environment, {WEBHOOK_SECRET_ENV}, out of the shell's history"
            " and of the process list"
        ),
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    options = _serve_options(args)  # refused before the extra is loaded: a wrong command line is said first
    try:
        from ._server import ListenError, serve  # the optional extra, needed by this command only
    except ModuleNotFoundError:  # the sandbox or one of its dependencies is not installed
        raise CommandError(EXTRA_MISSING, USAGE) from None
    except ImportError as error:  # installed, but broken
        raise CommandError(f"the sandbox could not be loaded: {error}") from None
    try:
        serve(**options)
    except KeyboardInterrupt:  # Ctrl-C is how a server is stopped
        return 0
    except ListenError as error:  # a port in use, a host not of this machine
        raise CommandError(error.strerror or str(error)) from None
    except SystemExit as stop:  # the server gives up after logging why
        return stop.code if isinstance(stop.code, int) else 1
    return 0


class _Help(argparse.Action):
    """argparse's `--help`, with the example-only operations listed after the options: read when asked for, so that
    every other command of `pilotstatus` pays nothing for them."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, **kwargs: Any) -> None:
        super().__init__(option_strings, dest=dest, default=argparse.SUPPRESS, nargs=0, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_: object, **__: object) -> None:
        parser.epilog = example_only_help()
        parser.print_help()
        parser.exit()


def example_only_help() -> str:
    """The help's last paragraph: the operations the sandbox answers from their 2xx example, with no state."""
    from ._areas import example_only  # the catalogue and the areas' handler tables: no web server

    entries = example_only()
    if not entries:
        return "Every operation of openapi.json has state in the sandbox: none is example-only."
    listed = ", ".join(f"{entry.http_method} {entry.path} ({entry.operation_id})" for entry in entries)
    return (
        f"Example-only operations ({len(entries)}), answered with their 2xx example from openapi.json after the"
        f" usual checks (key, scope, provider, body), without state: {listed}."
    )


def _serve_options(args: argparse.Namespace) -> dict[str, Any]:
    """What `serve` is given. The options left out are left to the sandbox's own defaults. The secret from the
    environment counts only with a URL: it may be set for other commands too."""
    options: dict[str, Any] = {
        "host": args.host,
        "port": args.port,
        "calls": args.calls,
        "messages": args.messages,
        "seed": args.seed,
        "rate_limit": args.rate_limit,
    }
    if args.ring_timeout is not None:
        options["ring_timeout"] = args.ring_timeout
    if args.manual_clock:
        options["manual_clock"] = True
    if args.drift:
        options["drift"] = True
    if args.access_log:
        options["access_log"] = True
    secret = args.webhook_secret
    if args.webhook_url is None:
        if secret is not None:
            raise CommandError("--webhook-secret needs --webhook-url, the address to send the webhooks to", USAGE)
        return options
    secret = secret or os.environ.get(WEBHOOK_SECRET_ENV) or None
    if secret is None:
        raise CommandError(
            f"--webhook-url needs a secret to sign the webhooks with: --webhook-secret or {WEBHOOK_SECRET_ENV}", USAGE
        )
    options.update(webhook_url=args.webhook_url, webhook_secret=secret)
    return options


def _count(text: str) -> int:
    count = whole(text)
    if count < 0:
        raise argparse.ArgumentTypeError(f"{text} is not a count (0 or more)")
    if count > MAX_CALLS:
        raise argparse.ArgumentTypeError(
            f"{text} is more calls than the sandbox holds (at most {MAX_CALLS:,} a number)"
        )
    return count


def _messages(text: str) -> int:
    count = whole(text)
    if count < 0:
        raise argparse.ArgumentTypeError(f"{text} is not a count (0 or more)")
    if count > MAX_MESSAGES:
        raise argparse.ArgumentTypeError(
            f"{text} is more messages than the sandbox seeds (at most {MAX_MESSAGES:,} a number)"
        )
    return count


def _rate(text: str) -> float:
    try:
        rate = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not MIN_RATE <= rate < float("inf"):  # also refuses nan
        raise argparse.ArgumentTypeError(f"{text} is not a rate (a number of requests a second, at least {MIN_RATE})")
    return rate


def _ring_timeout(text: str) -> float:
    try:
        seconds = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not (math.isfinite(seconds) and seconds > 0):  # also refuses nan
        raise argparse.ArgumentTypeError(f"{text} is not a ring timeout (a number of seconds above 0)")
    return seconds


def _webhook_url(text: str) -> str:
    try:
        url = urlsplit(text)
        url.port  # noqa: B018 (reading it checks it: a port that is not a number raises)
    except ValueError as error:  # a port out of range or not a number, a malformed IPv6 address
        raise argparse.ArgumentTypeError(f"{text!r} is not a URL ({error})") from None
    if url.scheme not in ("http", "https") or not url.hostname:
        raise argparse.ArgumentTypeError(f"{text!r} is not an http(s) URL (such as http://127.0.0.1:9000/webhooks)")
    return text


def _secret(text: str) -> str:
    if not text:  # the secret itself is never quoted back
        raise argparse.ArgumentTypeError("the secret must not be empty")
    return text
