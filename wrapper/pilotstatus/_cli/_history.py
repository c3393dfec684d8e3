"""`pilotstatus messages history`: every message of the key's number in a window, newest first, each exactly once,
printed as the walk fetches its pages: an aligned table for people, or one JSON object a line for programs.

The walk is `messages.iter_history()`: its window ends at the newest message of its first page, so what arrives
while it runs is left out and nothing comes twice or is skipped. Output is flushed after every page, so a reader of
the pipe sees each page as it comes, and an interruption keeps what was printed.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator

from pilotstatus._constants import MAX_PAGE_SIZE, MIN_PAGE_SIZE
from pilotstatus._exceptions import InvalidInputError, PilotStatusError
from pilotstatus._timestamps import format_instant, to_instant
from pilotstatus_api.models.history_message import HistoryMessage

from ._connection import KEY_HELP, add_connection_options, client_from
from ._errors import FAILURE, INTERRUPTED, USAGE, CommandError, describe, note, report
from ._formats import api_json, compact_json
from ._parser import Commands
from ._progress import Progress
from ._table import cell

DESCRIPTION = """\
Print every message of the key's number whose providerTimestamp is in [--since, --until] (both inclusive), newest
first, each exactly once, as the pages come: an aligned table, or with --json one JSON object a line with every field
the server sent. The window ends at the newest message when the command starts: messages that arrive while it runs
are left out, and none comes twice or is skipped however many arrive. When stdout is not a terminal, a count of the
messages printed so far goes to stderr on a long walk."""

# The JSON timestamps of a message, written in the API's spelling.
TIMESTAMPS = ("sentAt", "deliveredAt", "readAt", "providerTimestamp", "createdAt")

# The heading, the width and the value of each column of the table. The widths are those of the values the API
# sends (an instant, an enum), so that every row lines up without waiting for the last page; the text comes last,
# whatever its length.
COLUMNS: tuple[tuple[str, int, Callable[[HistoryMessage], object]], ...] = (
    ("providerTimestamp", 24, lambda message: message.provider_timestamp),
    ("direction", 9, lambda message: message.direction),
    ("status", 9, lambda message: message.status),
    ("messageType", 11, lambda message: message.message_type),
    ("participantPhone", 16, lambda message: message.participant_phone),
    ("id", 30, lambda message: message.id),
    ("text", 0, lambda message: message.text),
)

# How long a walk goes on before its count is shown: a walk of a page or two prints nothing on stderr.
PROGRESS_DELAY = 1.0


def register(messages: Commands) -> None:
    parser = messages.add_parser(
        "history", help="print every message of a period", description=DESCRIPTION, epilog=KEY_HELP
    )
    parser.add_argument("--since", metavar="ISO", help="the oldest providerTimestamp included (default: the first)")
    parser.add_argument("--until", metavar="ISO", help="the newest providerTimestamp included (default: now)")
    parser.add_argument(
        "--json",
        action="store_true",
        help="print one JSON object a line, each message with every field the server sent",
    )
    parser.add_argument(
        "--page-size",
        metavar="N",
        type=int,
        default=MAX_PAGE_SIZE,
        help=f"messages per request, {MIN_PAGE_SIZE}..{MAX_PAGE_SIZE} (default: {MAX_PAGE_SIZE})",
    )
    parser.add_argument("--no-progress", action="store_true", help="do not show the count of messages on stderr")
    add_connection_options(parser, after_command=True)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    since = None if args.since is None else to_instant(args.since, "--since")
    until = None if args.until is None else to_instant(args.until, "--until")
    if since is not None and until is not None and since > until:
        raise CommandError(
            f"--since {format_instant(since, exact=True)} is after --until {format_instant(until, exact=True)}:"
            " no message could match",
            USAGE,
        )
    progress = Progress(
        enabled=not args.no_progress and not _is_terminal(),
        desc="history",
        unit=" messages",
        delay=PROGRESS_DELAY,
    )
    with client_from(args) as client:
        messages = client.messages.iter_history(start_date=since, end_date=until, page_size=args.page_size)

        def notice() -> str | None:
            """Why the walk found nothing, when the API says (`PII_RELAY_ONLY`: the number keeps no messages)."""
            return client.messages.history(start_date=since, end_date=until, page_size=1).notice

        return stream(messages, as_json=args.json, flush_every=args.page_size, progress=progress, notice=notice)


def stream(
    messages: Iterator[HistoryMessage],
    *,
    as_json: bool,
    flush_every: int,
    progress: Progress,
    notice: Callable[[], str | None] | None = None,
) -> int:
    """Print `messages` on stdout as they come, flushing every `flush_every` (a page); report how it ended on
    stderr, with the list's `notice` when there was nothing to print (a walk returns messages, not the pages' notices:
    `notice` asks for one page again)."""
    line = json_line if as_json else table_line
    count = shown = 0
    try:
        for message in messages:
            if not count and not as_json:  # once the first page has come: a failure at once prints its line alone
                sys.stdout.write(heading() + "\n")
            sys.stdout.write(line(message))
            count += 1
            if count - shown == flush_every:
                sys.stdout.flush()
                progress.advance(count - shown)
                shown = count
        if not count and not as_json:
            sys.stdout.write(heading() + "\n")
        sys.stdout.flush()
    except KeyboardInterrupt:
        progress.close()
        report(f"interrupted after {count} messages")
        return INTERRUPTED
    except PilotStatusError as error:
        progress.close()
        if not count:
            raise
        exit_code = USAGE if isinstance(error, InvalidInputError) else FAILURE
        raise CommandError(f"{describe(error)} (after {count} messages printed)", exit_code) from None
    except BaseException:
        progress.close()
        raise
    progress.advance(count - shown)
    progress.close()
    note(f"{count} messages")
    if not count and notice is not None and (said := notice()) is not None:
        note(f"notice: {said}")
    return 0


def heading() -> str:
    return _row([heading for heading, _, _ in COLUMNS])


def table_line(message: HistoryMessage) -> str:
    """One message as a row of the table, with its newline."""
    return _row([cell(value(message)) for _, _, value in COLUMNS]) + "\n"


def json_line(message: HistoryMessage) -> str:
    """One message as the API sent it, on one line, with its newline."""
    return compact_json(api_json(message, TIMESTAMPS)) + "\n"


def _row(texts: list[str]) -> str:
    return "  ".join(text.ljust(width) for text, (_, width, _) in zip(texts, COLUMNS, strict=True)).rstrip()


def _is_terminal() -> bool:
    """Whether stdout is a terminal: there the rows themselves show the progress, and a counter on stderr would be
    drawn among them."""
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):  # no isatty, or closed
        return False
