"""Keeping the key out of the transport's log lines.

At DEBUG level httpcore logs the response headers it receives, and httpx logs each response's reason phrase at INFO:
a server that echoes the key in a header or a reason phrase would put it in a log line. A `logging.Filter` on the
loggers of httpx and httpcore replaces the secret of every live client in each record they create.

Filters of a logger only apply to the records created by that very logger, not to those its children pass up, so the
filter is attached to each logger that creates records (httpcore logs through `httpcore.http11`,
`httpcore.connection`...), whatever handlers the application has. It is installed once, by the first client, and
stays; the secrets are held in a weak registry, so a client that is gone is no longer searched for, and with no
client alive the filter lets every record through untouched.
"""

from __future__ import annotations

import logging
import threading
import weakref

from ._credentials import Credentials

# The loggers the transport creates records with (httpx 0.28, httpcore 1.0), and the SDK's own. Loggers of theirs
# that exist when the filter is installed are covered too.
LOGGERS = (
    "httpx",
    "httpcore",
    "httpcore.connection",
    "httpcore.http11",
    "httpcore.http2",
    "httpcore.proxy",
    "httpcore.socks",
    "pilotstatus",
)

_live: weakref.WeakSet[Credentials] = weakref.WeakSet()
_lock = threading.Lock()
_installed = False


class RedactSecrets(logging.Filter):
    """Replaces the secret of every live client in a record's message (and its traceback text, if any)."""

    def filter(self, record: logging.LogRecord) -> bool:
        secrets = list(_live)
        if not secrets:
            return True
        try:
            message = record.getMessage()
        except Exception:  # a record whose arguments do not fit its format: logging reports that itself
            return True
        redacted = _redact(message, secrets)
        if redacted != message:
            record.msg, record.args = redacted, None
        if record.exc_info and not record.exc_text:
            # The traceback is formatted here only when it holds a secret: otherwise the handler's formatter does it.
            text = logging.Formatter().formatException(record.exc_info)
            if _redact(text, secrets) != text:
                record.exc_text = text
        if record.exc_text:
            record.exc_text = _redact(record.exc_text, secrets)
        if record.stack_info:
            record.stack_info = _redact(record.stack_info, secrets)
        return True


_FILTER = RedactSecrets()


def register(credentials: Credentials) -> None:
    """Keep `credentials`' secret out of log lines for as long as `credentials` is alive; install the filter on the
    first call."""
    global _installed
    with _lock:
        _live.add(credentials)
        if _installed:
            return
        names = set(LOGGERS)
        names.update(
            name for name in list(logging.root.manager.loggerDict) if name.split(".")[0] in ("httpx", "httpcore")
        )
        for name in sorted(names):
            logger = logging.getLogger(name)
            if _FILTER not in logger.filters:
                logger.addFilter(_FILTER)
        _installed = True


def live_secrets() -> int:
    """How many clients' secrets are being kept out of log lines."""
    return len(_live)


def _redact(text: str, secrets: list[Credentials]) -> str:
    for credentials in secrets:
        text = credentials.redact(text)
    return text
