"""The progress of an export on stderr: how many calls are written, and how fast (and, with its own words, how many
calls the sandbox has drawn while it starts).

On a terminal it is a tqdm counter updated in place. Elsewhere (a log file, CI) a line redrawn with carriage returns
would pile up into one unreadable line, so the same counter is written as a plain line now and then. It appears with
the first calls, so that a command that fails at once prints its error line alone.
"""

from __future__ import annotations

import sys
from typing import NoReturn, TextIO

from tqdm import tqdm

# How often the counter is written when stderr is not a terminal, in seconds: a line every so often, not a flood.
LOG_INTERVAL = 10.0


class _AsLines:
    """A stream for tqdm that turns each redraw into a line of its own."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        line = text.replace("\r", "").rstrip()
        if line:
            self._stream.write(line + "\n")
        return len(text)

    def flush(self) -> None:
        self._stream.flush()


class Progress:
    """A counter of calls written; `enabled=False` (`--no-progress`) shows nothing. Others count with it too: what
    `desc` names, in `unit`s, out of `total` when known, on `stream` (stderr by default), shown only once `delay`
    seconds have passed since the first calls (so that a quick task prints nothing)."""

    def __init__(
        self,
        *,
        enabled: bool,
        desc: str = "export",
        unit: str = " calls",
        total: int | None = None,
        delay: float = 0.0,
        stream: TextIO | None = None,
    ) -> None:
        self._enabled = enabled
        self._bar: tqdm[NoReturn] | None = None
        self._desc, self._unit, self._total, self._delay, self._stream = desc, unit, total, delay, stream

    def advance(self, calls: int) -> None:
        if not self._enabled or calls <= 0:
            return
        if self._bar is None:
            # Counted from the first page: the wait for it is the request's latency, not the rate of the export.
            self._bar = self._start(calls)
        else:
            self._bar.update(calls)

    def close(self) -> None:
        """Show the final count and end the line, so that what follows on stderr starts a line of its own."""
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def _start(self, initial: int) -> tqdm[NoReturn]:
        stream = self._stream or sys.stderr
        if _is_terminal(stream):
            return tqdm(
                file=stream,
                initial=initial,
                total=self._total,
                unit=self._unit,
                desc=self._desc,
                leave=True,
                delay=self._delay,
            )
        return tqdm(
            file=_AsLines(stream),
            initial=initial,
            total=self._total,
            unit=self._unit,
            desc=self._desc,
            leave=True,
            ascii=True,
            mininterval=LOG_INTERVAL,
            delay=self._delay,
        )


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # no isatty, or closed
        return False
