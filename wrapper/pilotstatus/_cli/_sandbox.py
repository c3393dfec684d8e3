"""`pilotstatus sandbox`: serve the local sandbox, a stand-in for the API to develop and test against.

It lives in the optional `sandbox` extra (its web server and spec validation are not needed to use the API), so it is
imported only when this command runs.
"""

from __future__ import annotations

import argparse

from ._errors import USAGE, CommandError
from ._parser import Commands

# The sandbox's own floor (`pilotstatus_sandbox._rate_limit.MIN_RATE`), here since the extra may not be installed.
MIN_RATE = 0.001
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
    )
    parser.add_argument("--host", default="127.0.0.1", help="the address to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=_port, default=8080, help="the port to listen on (default: 8080)")
    parser.add_argument(
        "--calls", metavar="N", type=_count, default=5000, help="calls in each number's history (default: 5000)"
    )
    parser.add_argument("--seed", type=_whole, default=7, help="the seed the history is drawn from (default: 7)")
    parser.add_argument(
        "--rate-limit",
        metavar="PER_SECOND",
        type=_rate,
        default=None,
        help="answer 429 beyond this many requests a second per key (default: no limit)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        from pilotstatus_sandbox import ListenError, serve  # the optional extra, needed by this command only
    except ModuleNotFoundError:  # the sandbox or one of its dependencies is not installed
        raise CommandError(EXTRA_MISSING, USAGE) from None
    except ImportError as error:  # installed, but broken
        raise CommandError(f"the sandbox could not be loaded: {error}") from None
    try:
        serve(host=args.host, port=args.port, calls=args.calls, seed=args.seed, rate_limit=args.rate_limit)
    except KeyboardInterrupt:  # Ctrl-C is how a server is stopped
        return 0
    except ListenError as error:  # a port in use, a host not of this machine
        raise CommandError(error.strerror or str(error)) from None
    except SystemExit as stop:  # the server gives up after logging why
        return stop.code if isinstance(stop.code, int) else 1
    return 0


def _whole(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None


def _port(text: str) -> int:
    port = _whole(text)
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{text} is not a port (0..65535)")
    return port


def _count(text: str) -> int:
    count = _whole(text)
    if count < 0:
        raise argparse.ArgumentTypeError(f"{text} is not a count (0 or more)")
    return count


def _rate(text: str) -> float:
    try:
        rate = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not MIN_RATE <= rate < float("inf"):  # also refuses nan
        raise argparse.ArgumentTypeError(f"{text} is not a rate (a number of requests a second, at least {MIN_RATE})")
    return rate
