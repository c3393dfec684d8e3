"""How a command fails: one line on stderr, `pilotstatus: error: ...`, and an exit status; never a traceback.

The line is made safe to print: on one line, without terminal control characters a server could have put in an
error message, and without the key, should some text ever hold it.
"""

from __future__ import annotations

import os
import re
import sys

import httpx

from pilotstatus._constants import (
    API_KEY_ENV,
    API_KEY_ID_ENV,
    API_KEY_PREFIX,
    BASE_URL_ENV,
    DEFAULT_BASE_URL,
    WHATSAPP_NUMBER_ID_ENV,
)
from pilotstatus._credentials import MIN_REDACTED, REDACTED, mask
from pilotstatus._exceptions import (
    AuthenticationError,
    InvalidInputError,
    PermissionDeniedError,
    PilotStatusError,
    RateLimitError,
    TenantScopeNotAllowedError,
)

# A word that starts like every Pilot Status key.
_KEY_SHAPED = re.compile(re.escape(API_KEY_PREFIX) + r"[^\s'\"]+")

PREFIX = "pilotstatus: error: "

# Exit statuses: 1 for a failure, 2 for a wrong command line or input (as argparse uses), 130 for Ctrl-C (128 +
# SIGINT, as shells report it) and 141 for a closed pipe (128 + SIGPIPE).
FAILURE = 1
USAGE = 2
INTERRUPTED = 130
BROKEN_PIPE = 141


class CommandError(Exception):
    """A failure already worded for the user, with the exit status it ends the command with."""

    def __init__(self, message: str, exit_code: int = FAILURE) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def printable(text: str) -> str:
    """`text` on one line, with control characters (escape sequences, carriage returns) shown as escapes."""
    line = " ".join(text.split())
    return "".join(char if char.isprintable() else ascii(char)[1:-1] for char in line)


def redacted(text: str) -> str:
    """`text` without the key or key id of the environment, and with anything shaped like a key masked (a key typed
    as an argument, which argparse would quote back). The SDK keeps the key out of its messages already; this holds
    for any other text as well."""
    for name in (API_KEY_ENV, API_KEY_ID_ENV):
        secret = os.environ.get(name, "").strip()
        if len(secret) >= MIN_REDACTED:
            text = text.replace(secret, REDACTED)
    return _KEY_SHAPED.sub(lambda match: mask(match.group()), text)


# An instant with a zone, as the command's options take them.
EXAMPLE_INSTANT = "2026-01-01T00:00:00Z"


def describe(error: PilotStatusError) -> str:
    """What to tell a shell user about `error`: the SDK's message, except where its advice is for Python code (pass
    an argument, give an aware datetime), which is worded for the command line instead; for a rate limit, how long
    the server asks to wait; for a key refused (401) or not allowed (403), what to check in the environment and the
    options; and for a tenant key used without a number, how to name one."""
    if isinstance(error, InvalidInputError):
        if error.problem == InvalidInputError.MISSING and error.argument in ("api_key", "api_key_id"):
            # ('ps_' quoted: a bare ps_ word would be masked as key-shaped by `redacted`.)
            return (
                f"No API key: set {API_KEY_ENV} in the environment to your key (the one starting with"
                f" '{API_KEY_PREFIX}'), or {API_KEY_ID_ENV} to a key id"
            )
        if error.problem == InvalidInputError.NO_TIME_ZONE and error.argument is not None:
            flag = option(error.argument)
            return (
                f"{flag} has no time zone: add one, as in {flag} {EXAMPLE_INSTANT} (Z for UTC, or an offset such as"
                " -03:00)"
            )
        if error.problem == InvalidInputError.SANDBOX_KEY:
            return (
                f"{key_variable()} holds one of the sandbox's demo keys, but the base URL is the production API's,"
                f" which does not know them: set {BASE_URL_ENV} (or --base-url) to your sandbox's address, such as"
                " http://127.0.0.1:8080 (`pilotstatus sandbox` prints it)"
            )
    if isinstance(error, RateLimitError) and error.retry_after is not None:
        return f"{error} (retry after {seconds(error.retry_after)} s)"
    if isinstance(error, TenantScopeNotAllowedError):
        where = f"--whatsapp-number-id ID, or ${WHATSAPP_NUMBER_ID_ENV}"
        return f"{error} (a tenant key acts on the number given with {where})"
    if isinstance(error, AuthenticationError):
        return (
            f"{error} (the API at {origin(error.response.request.url)} refused the key in {key_variable()}: check"
            " that it is whole and still valid, and that it belongs to that deployment, a sandbox's demo key to the"
            f" sandbox and a real key to {DEFAULT_BASE_URL}; {BASE_URL_ENV} or --base-url says where requests go)"
        )
    if isinstance(error, PermissionDeniedError):
        number = error.response.request.headers.get("x-whatsapp-number-id")
        named = (
            f"the number named with --whatsapp-number-id ID or ${WHATSAPP_NUMBER_ID_ENV}, which must be one of its"
            " account's"
            if number is None
            else f"a number of its account, here {number} (from --whatsapp-number-id or ${WHATSAPP_NUMBER_ID_ENV})"
        )
        return (
            f"{error} (the key in {key_variable()} is valid but may not do this: check its scope; a number's key acts"
            f" on its own number only, a tenant key on {named})"
        )
    return str(error)


def key_variable() -> str:
    """The environment variable the command's key came from: the key's, unless only a key id is set."""
    return API_KEY_ENV if os.environ.get(API_KEY_ENV) else API_KEY_ID_ENV


def origin(url: httpx.URL) -> str:
    """The scheme, host and port of `url`: the deployment a request went to."""
    return f"{url.scheme}://{url.netloc.decode('ascii')}"


def option(argument: str) -> str:
    """The command-line option of an SDK argument: `page_size` is `--page-size`."""
    return argument if argument.startswith("-") else "--" + argument.replace("_", "-")


def seconds(value: float) -> str:
    """A number of seconds, without a needless fraction: `3600`, `1.5`."""
    return str(int(value)) if value.is_integer() else f"{value:.1f}"


def report(message: str) -> None:
    """Print `message` as the one error line."""
    print(PREFIX + redacted(printable(message)), file=sys.stderr, flush=True)


def note(message: str) -> None:
    """Print a line of information (not an error) on stderr, made safe like an error line."""
    print(redacted(printable(message)), file=sys.stderr, flush=True)
