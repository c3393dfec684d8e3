"""`pilotstatus calls export`: every call of a period to a JSON Lines or CSV file, newest first, each exactly once.

The file is flushed after every page, so an interruption loses at most a partial last line, and `--resume` goes on
from the last call written (see `_resume`): the result is the file an uninterrupted export would have written. An
export holds a lock on its file while it runs (see `_lock`), so a second one never writes into it.
"""

from __future__ import annotations

import argparse
import datetime
import os
from collections.abc import Iterator

from pilotstatus._constants import MAX_PAGE_SIZE, MIN_PAGE_SIZE
from pilotstatus._exceptions import InvalidInputError, PaginationError, PilotStatusError
from pilotstatus._timestamps import format_instant, to_instant
from pilotstatus_api.models.call import Call

from ._connection import KEY_HELP, add_connection_options, client_from
from ._errors import FAILURE, INTERRUPTED, USAGE, CommandError, describe, note, report
from ._formats import CSV_HEADER, FORMATS, Format, NotAnExportError, format_for
from ._lock import ExportLock
from ._output import STDOUT, Output
from ._parser import Commands
from ._progress import Progress
from ._resume import Written, read_export

DESCRIPTION = f"""\
Write every call created in [--since, --until) to a file, newest first, each exactly once, one call a line.
jsonl: one JSON object a line, with every field the server sent. csv: a header, then one row a call with the documented
fields ({", ".join(CSV_HEADER[:-1])}) and `extra`, a JSON object of any other fields the server sent.
The file is flushed after every page. An interrupted export (Ctrl-C, a lost connection) is continued by running the
same command with --resume, which gives the same file an uninterrupted export would have written."""


def register(calls: Commands) -> None:
    parser = calls.add_parser(
        "export", help="write every call of a period to a file", description=DESCRIPTION, epilog=KEY_HELP
    )
    parser.add_argument("--since", metavar="ISO", help="the oldest instant included (default: from the first call)")
    parser.add_argument("--until", metavar="ISO", help="the instant after the newest call included (default: now)")
    parser.add_argument(
        "--format",
        choices=sorted(FORMATS),
        help="the file format (default: csv for an --output ending in .csv, else jsonl)",
    )
    parser.add_argument(
        "--output",
        metavar="FILE",
        required=True,
        help="the file to write; an existing file is never overwritten (see --resume). '-' writes to stdout",
    )
    parser.add_argument(
        "--resume",
        action="store_true",
        help="continue the export in FILE after its last complete line (starting afresh if it is empty or missing)",
    )
    parser.add_argument(
        "--page-size",
        metavar="N",
        type=int,
        default=MAX_PAGE_SIZE,
        help=f"calls per request, {MIN_PAGE_SIZE}..{MAX_PAGE_SIZE} (default: {MAX_PAGE_SIZE})",
    )
    parser.add_argument("--no-progress", action="store_true", help="do not show the count of calls on stderr")
    add_connection_options(parser, after_command=True)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    export_format = format_for(args.format, args.output)
    if args.output == STDOUT and args.resume:
        raise CommandError("--resume needs --output FILE: what went to stdout cannot be read back", USAGE)
    since = None if args.since is None else to_instant(args.since, "--since")
    until = None if args.until is None else to_instant(args.until, "--until")
    with client_from(args) as client, ExportLock(None if args.output == STDOUT else args.output) as lock:
        output = prepare(args.output, export_format, resume=args.resume, since=since, until=until)
        try:
            cursor = output.written.cursor() if output.written is not None else None
            calls = client.calls.iter(since=since, until=cursor or until, page_size=args.page_size)
            return export(calls, output, flush_every=args.page_size, progress=Progress(enabled=not args.no_progress))
        finally:
            lock.keep = output.opened


def prepare(
    path: str,
    export_format: Format,
    *,
    resume: bool,
    since: datetime.datetime | None,
    until: datetime.datetime | None,
) -> Output:
    """The output for `path`: refuse to overwrite a file that holds something, unless resuming; when resuming, read
    the file back, check it belongs to this export, and drop a partial last line."""
    if path == STDOUT:
        return Output(path, export_format)
    if os.path.isdir(path):
        raise CommandError(f"{path} is a directory; --output takes a file", USAGE)
    try:
        size = os.path.getsize(path)
    except FileNotFoundError:
        size = 0
    except OSError as error:
        raise CommandError(f"cannot read {path}: {error.strerror or error}") from None
    if size and not resume:
        raise CommandError(f"{path} exists; pass --resume to continue it, or choose another --output", USAGE)
    if not size:
        return Output(path, export_format)
    try:
        with open(path, "r+b") as stream:
            try:
                written = read_export(stream, export_format)
            except NotAnExportError as error:
                raise CommandError(
                    f"{path} is not a {export_format.name} export of calls ({error}), so it cannot be resumed",
                    USAGE,
                ) from None
            check_window(path, written, since, until)
            if written.end < size:  # a line cut short by the interruption: it is written again
                stream.truncate(written.end)
    except OSError as error:
        raise CommandError(f"cannot resume {path}: {error.strerror or error}") from None
    if written.end == 0:  # nothing complete, not even a header: start afresh
        return Output(path, export_format)
    return Output(path, export_format, written=written)


def check_window(path: str, written: Written, since: datetime.datetime | None, until: datetime.datetime | None) -> None:
    """Refuse to resume a file whose last call is outside [since, until): it was written by another export."""
    last = written.last_created_at
    if last is None:
        return
    if (since is not None and last < since) or (until is not None and last >= until):
        raise CommandError(
            f"{path} ends with a call created at {format_instant(last)}, outside [--since, --until) of this command;"
            " resume it with the --since and --until it was written with",
            USAGE,
        )


def export(calls: Iterator[Call], output: Output, *, flush_every: int, progress: Progress) -> int:
    """Write `calls` to `output`, flushing every `flush_every` calls (a page); report how it ended on stderr."""
    count = shown = 0
    try:
        for call in calls:
            output.write(call)
            count += 1
            if count - shown == flush_every:
                output.flush()
                progress.advance(count - shown)
                shown = count
        output.close()
    except KeyboardInterrupt:
        output.abandon()
        progress.close()
        report(f"interrupted after {count} calls{_resume_hint(output)}")
        return INTERRUPTED
    except PilotStatusError as error:
        output.abandon()
        progress.close()
        if not count:
            raise
        # Resuming would meet a PaginationError again: only a smaller window (an earlier --until) gets past it.
        hint = "" if isinstance(error, PaginationError) else _resume_hint(output)
        exit_code = USAGE if isinstance(error, InvalidInputError) else FAILURE
        raise CommandError(f"{describe(error)} (after {count} calls written{hint})", exit_code) from None
    except BaseException:
        output.abandon()
        progress.close()
        raise
    progress.advance(count - shown)
    progress.close()
    total = f" ({output.calls_before + count} in all)" if output.calls_before else ""
    note(f"wrote {count} calls to {output.name}{total}")
    return 0


def _resume_hint(output: Output) -> str:
    return "; run the same command with --resume to continue" if output.resumable else ""
