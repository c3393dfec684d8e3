"""Ctrl-C for the processes the tests start, however the suite itself was started.

A command that a non-interactive shell starts in the background (`make test &`, a CI runner's job, a loop in a
script) begins with SIGINT and SIGQUIT ignored (POSIX), and an ignored signal stays ignored across `fork` and
`exec`: every process the tests then start (`pilotstatus webhooks listen`, `calls export`, a sandbox) ignores the
Ctrl-C the tests send it, hangs until the test's guard runs out, and is left running. A handled signal, by
contrast, is reset to its default by `exec`, which a Python child turns back into `KeyboardInterrupt`.
"""

from __future__ import annotations

import signal


def restore_interrupt() -> None:
    """Handle SIGINT in this process as Python does by default (`KeyboardInterrupt`) when it arrived ignored, so
    that the processes it starts can be interrupted."""
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)
