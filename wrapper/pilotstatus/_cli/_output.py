"""Where an export goes: a file, or stdout for `--output -`.

A file is opened at the first call written, so that a command that fails before any call (a wrong key, say) leaves
no file behind to refuse the next run. A failure to write is reported as one line naming the file.
"""

from __future__ import annotations

import contextlib
import sys
from typing import TextIO

from pilotstatus_api.models.call import Call

from ._errors import USAGE, CommandError
from ._formats import Format
from ._resume import Written

STDOUT = "-"


class Output:
    """The export's destination, in `export_format`; `written` is what a file being resumed already holds."""

    def __init__(self, path: str, export_format: Format, *, written: Written | None = None) -> None:
        self.path = path
        self._format = export_format
        self.written = written
        """What the file held before this run, when it continues an export; None for a new export."""
        self._stream: TextIO | None = None

    @property
    def name(self) -> str:
        """The destination, as the messages name it."""
        return "stdout" if self.path == STDOUT else self.path

    @property
    def resumable(self) -> bool:
        """Whether an interrupted export can be continued: a file can be read back, stdout cannot."""
        return self.path != STDOUT

    @property
    def opened(self) -> bool:
        """Whether this run has opened the destination (to write a call, or a header)."""
        return self._stream is not None

    @property
    def calls_before(self) -> int:
        """How many calls the file held before this run."""
        return self.written.calls if self.written is not None else 0

    def write(self, call: Call) -> None:
        line = self._format.line(call)
        try:
            (self._stream or self._open()).write(line)
        except OSError as error:
            raise self._failure(error) from None

    def flush(self) -> None:
        """Hand what is written to the operating system, so that an interruption loses at most the line being
        written."""
        if self._stream is None:
            return
        try:
            self._stream.flush()
        except OSError as error:
            raise self._failure(error) from None

    def close(self) -> None:
        """Flush and close. A new export that wrote no call still gets its file (with the CSV header)."""
        try:
            stream = self._stream or self._open()
            stream.flush()
            if stream is not sys.stdout:
                stream.close()
        except OSError as error:
            raise self._failure(error) from None

    def abandon(self) -> None:
        """Flush and close after an interruption or a failure: keep what is written, create nothing new. What went
        wrong first is what is reported, so a failure here is not (a line it cuts short is dropped on resuming)."""
        if self._stream is None:
            return
        with contextlib.suppress(OSError):
            self._stream.flush()
        if self._stream is not sys.stdout:
            with contextlib.suppress(OSError):
                self._stream.close()

    def _open(self) -> TextIO:
        # newline="": lines end with "\n" on every platform, so that an export and its resumed copy are the same
        # bytes, and as the csv module requires.
        stream: TextIO
        if self.path == STDOUT:
            stream = sys.stdout
        elif self.written is None:
            stream = _create(self.path)
        else:
            stream = open(self.path, "a", encoding="utf-8", newline="")  # noqa: SIM115
        self._stream = stream
        if self.written is None:
            stream.write(self._format.header())
        return stream

    def _failure(self, error: OSError) -> BaseException:
        if isinstance(error, BrokenPipeError) and self.path == STDOUT:
            return error  # the reader of the pipe has gone: not a failure to report (see `main`)
        return CommandError(f"cannot write {self.name}: {error.strerror or error}")


def _create(path: str) -> TextIO:
    """Open a new export file: an empty one may be reused, but a file that gained content since the command checked
    it (another export, say) is neither overwritten nor appended to. Opened for appending, so nothing is ever
    truncated."""
    stream = open(path, "a", encoding="utf-8", newline="")  # noqa: SIM115  # closed by close()
    if stream.tell() != 0:
        stream.close()
        raise CommandError(f"{path} was written to meanwhile; run the command again to see what to do", USAGE)
    return stream
