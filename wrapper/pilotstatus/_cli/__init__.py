"""The `pilotstatus` command: list, export and look up calls, read the calling settings and a user's call
permission, list the number's templates, send a message and look one up, and serve the local sandbox. Of what
changes anything, only a send is here (each with an idempotency key, printed, so that running it again cannot send it
twice): nothing that changes a call, a setting or a template.

    pilotstatus calls list --limit 10
    pilotstatus calls export --since 2026-01-01T00:00:00Z --output january.csv
    pilotstatus calls get call_123 --sdp
    pilotstatus calls settings
    pilotstatus calls permission --to +5511999999999
    pilotstatus messages history --since 2026-01-01T00:00:00Z --json
    pilotstatus templates list
    pilotstatus messages send --to +5511999999999 --text "Olá"
    pilotstatus messages get msg_123
    pilotstatus sandbox --port 8080

Every failure ends the command with one line on stderr, `pilotstatus: error: ...`, and a non-zero exit status: 1
for a failure, 2 for a wrong command line or input, 130 after Ctrl-C. The key is never printed.
"""

from __future__ import annotations

import argparse
import os
import sys

from pilotstatus._exceptions import InvalidInputError, PilotStatusError
from pilotstatus._version import __version__

from . import _export, _get, _installed, _list, _messages, _permission, _settings, _templates, _webhooks
from ._connection import KEY_HELP, add_connection_options
from ._errors import BROKEN_PIPE, FAILURE, INTERRUPTED, USAGE, CommandError, describe, report
from ._parser import Parser

__all__ = ["build_parser", "main"]


def build_parser() -> Parser:
    parser = Parser(
        prog="pilotstatus",
        description=(
            "The Pilot Status API from the command line: list, export and look up calls, read the calling settings"
            " and call permissions, list the number's templates, send a message and look one up, serve a local"
            " sandbox."
        ),
        epilog=KEY_HELP,
    )
    parser.add_argument("--version", action="version", version=f"pilotstatus {__version__}")
    add_connection_options(parser, after_command=False)
    commands = parser.add_subparsers(title="commands", dest="command", required=True, metavar="COMMAND")

    calls = commands.add_parser(
        "calls",
        help="the calls of the key's number",
        description="The calls of the key's number, its calling settings, and who it may call.",
        epilog=KEY_HELP,
    )
    calls_commands = calls.add_subparsers(title="commands", dest="calls_command", required=True, metavar="COMMAND")
    _list.register(calls_commands)
    _export.register(calls_commands)
    _get.register(calls_commands)
    _settings.register(calls_commands)
    _permission.register(calls_commands)
    _templates.register(commands)
    _messages.register(commands)

    _installed.register(commands)  # `sandbox`, from the sandbox package
    _webhooks.register(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command `argv` (default: the process's arguments); return its exit status."""
    try:
        try:
            args = build_parser().parse_args(argv)
        except SystemExit as stop:  # --help, --version, or a usage error argparse has already printed
            return stop.code if isinstance(stop.code, int) else (0 if stop.code is None else USAGE)
        return _run(args)
    except BrokenPipeError:
        _silence_stdout()
        return BROKEN_PIPE


def _run(args: argparse.Namespace) -> int:
    try:
        exit_code: int = args.run(args)
        return exit_code
    except CommandError as error:
        report(str(error))
        return error.exit_code
    except InvalidInputError as error:  # a bad argument or setting, or no key
        report(describe(error))
        return USAGE
    except PilotStatusError as error:  # the SDK's messages are one line and never hold the key
        report(describe(error))
        return FAILURE
    except KeyboardInterrupt:
        report("interrupted")
        return INTERRUPTED
    except BrokenPipeError:
        raise
    except Exception as error:  # a failure no one foresaw: still one line, not a traceback
        report(f"unexpected {type(error).__name__}: {error}")
        return FAILURE


def _silence_stdout() -> None:
    """After the reader of stdout has gone (`pilotstatus calls list | head`), point stdout at the null device, so
    that Python's final flush of it does not fail again with a traceback."""
    try:
        stdout = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # stdout is not a file, or is closed: Python will not flush it
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, stdout)
    finally:
        os.close(devnull)
