"""The options that say where and how to reach the API, and the client built from them.

They are accepted before the command (`pilotstatus --base-url URL calls list`) and after it (`pilotstatus calls list
--base-url URL`). The key has no option: it is read from the environment only, because a command line is seen by
every user of the machine (`ps`) and kept in shell history. The number a tenant key acts on is not a secret: it has
an option, --whatsapp-number-id, and an environment variable for scripts that use one number throughout.
"""

from __future__ import annotations

import argparse
import os

from pilotstatus._client import PilotStatus
from pilotstatus._constants import (
    API_KEY_ENV,
    API_KEY_ID_ENV,
    BASE_URL_ENV,
    DEFAULT_BASE_URL,
    DEFAULT_MAX_RETRIES,
    WHATSAPP_NUMBER_ID_ENV,
)

KEY_HELP = (
    f"The API key is read from the environment only: {API_KEY_ENV} (a key, ps_...) or {API_KEY_ID_ENV} (a key id)."
    " There is no option for it, since a command line is visible to other users (ps) and kept in shell history."
)


def add_connection_options(parser: argparse.ArgumentParser, *, after_command: bool) -> None:
    """Add --base-url, --timeout, --max-retries and --whatsapp-number-id to `parser`.

    Given after the command, an option left out must not reset what was given before it, so there it has no
    default (argparse.SUPPRESS leaves the value set by the main parser alone).
    """
    group = parser.add_argument_group("connection")

    def default(value: object) -> object:
        return argparse.SUPPRESS if after_command else value

    group.add_argument(
        "--base-url",
        metavar="URL",
        default=default(None),
        help=f"the API's address (default: ${BASE_URL_ENV}, else {DEFAULT_BASE_URL})",
    )
    group.add_argument(
        "--timeout",
        metavar="SECONDS",
        type=float,
        default=default(None),
        help=(
            "seconds each attempt of a request may take to connect, for each wait for data, and for the whole"
            " response (default: 30, and 10 to connect)"
        ),
    )
    group.add_argument(
        "--max-retries",
        metavar="N",
        type=int,
        default=default(DEFAULT_MAX_RETRIES),
        help=f"retries of a request that failed in a way that is safe to retry (default: {DEFAULT_MAX_RETRIES})",
    )
    group.add_argument(
        "--whatsapp-number-id",
        metavar="ID",
        default=default(None),
        help=(
            f"with a tenant (account-wide) key, the number to act on, sent as x-whatsapp-number-id (default:"
            f" ${WHATSAPP_NUMBER_ID_ENV}); a number's own key needs none"
        ),
    )


def client_from(args: argparse.Namespace) -> PilotStatus:
    """A client with the command line's settings and the environment's key. Raises `InvalidInputError` (naming the
    environment variables) when there is no key, and for a setting out of range."""
    return PilotStatus(
        base_url=args.base_url,
        timeout=args.timeout,
        max_retries=args.max_retries,
        whatsapp_number_id=whatsapp_number_id(args),
    )


def whatsapp_number_id(args: argparse.Namespace) -> str | None:
    """The number a tenant key acts on: --whatsapp-number-id, else the environment's (an empty variable is unset),
    else None."""
    given: str | None = args.whatsapp_number_id
    if given is not None:
        return given
    return os.environ.get(WHATSAPP_NUMBER_ID_ENV) or None
