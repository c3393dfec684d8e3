"""`pilotstatus calls list`: one page of calls, as a table for people or as the API's JSON for programs."""

from __future__ import annotations

import argparse

from pilotstatus._constants import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, MIN_PAGE_SIZE
from pilotstatus._exceptions import PaginationError
from pilotstatus._timestamps import format_instant
from pilotstatus.pagination import CallPage

from ._connection import KEY_HELP, add_connection_options, client_from
from ._errors import note
from ._formats import api_json, json_text
from ._parser import Commands
from ._table import table

DESCRIPTION = """\
Print one page of calls, newest first: an aligned table, or with --json the API's own fields.
When more calls follow, a last line on stderr gives the --before of the next page. That page starts again at the
millisecond of the last call shown, so it repeats the calls shown here that share it: the API orders the calls of
one millisecond arbitrarily, and --before cannot say which were seen. (When a whole page shares one millisecond, the
hint moves past it instead, and says so.) `pilotstatus calls export` fetches every call exactly once."""


def register(calls: Commands) -> None:
    parser = calls.add_parser("list", help="print one page of calls", description=DESCRIPTION, epilog=KEY_HELP)
    parser.add_argument(
        "--limit",
        metavar="N",
        type=int,
        default=DEFAULT_PAGE_SIZE,
        help=f"calls on the page, {MIN_PAGE_SIZE}..{MAX_PAGE_SIZE} (default: {DEFAULT_PAGE_SIZE})",
    )
    parser.add_argument(
        "--before",
        metavar="ISO",
        help="only calls created strictly before this ISO 8601 instant, with a zone (e.g. 2026-01-29T12:00:00.000Z)",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help='print the page as JSON, {"calls": [...], "notice": ...}, with every field the server sent',
    )
    add_connection_options(parser, after_command=True)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with client_from(args) as client:
        page = client.calls.list(limit=args.limit, before=args.before)
    if args.json:
        print(as_json(page), flush=True)
    else:
        print(table(page.items), flush=True)
        if page.notice is not None:
            note(f"notice: {page.notice}")
    hint = next_page_hint(page)
    if hint is not None:
        note(hint)
    return 0


def as_json(page: CallPage) -> str:
    """The page as the API's JSON: each call as the API sent it, fields this SDK does not know included."""
    body: dict[str, object] = {"calls": [api_json(call) for call in page.items]}
    if page.notice is not None:
        body["notice"] = page.notice
    return json_text(body, indent=2)


def next_page_hint(page: CallPage) -> str | None:
    """The line that says how to get the next page, or None after the last page.

    The exact cursor (`next_cursor()`) is `before` one millisecond after the oldest call, with the ids already shown
    at that millisecond, and ids cannot be given on the command line. The hint gives that `before` alone, so the
    calls of that millisecond shown here come again rather than any being skipped. When the whole page falls in one
    millisecond, that `before` would give the same page again, so the hint moves past the millisecond instead, and
    says so.
    """
    try:
        cursor = page.next_cursor()
    except PaginationError as error:  # the page itself is fine; only what follows it is out of reach
        return f"no next page: {error}"
    if cursor is None:
        return None
    export = "`pilotstatus calls export` gets every call exactly once"
    crowded = page.single_millisecond()
    if crowded is not None:
        return (
            f"more calls: add --before {format_instant(crowded)} (this whole page is calls of that millisecond, and"
            f" any more of them are skipped that way; a larger --limit shows them, and {export})"
        )
    repeated = len(cursor.seen_ids)
    which = "the last call shown here comes" if repeated == 1 else f"the last {repeated} calls shown here come"
    return f"more calls: add --before {format_instant(cursor.before)} ({which} again on that page; {export})"
