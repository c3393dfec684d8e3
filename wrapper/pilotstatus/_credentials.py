"""The API key: where it comes from, how it is checked, and how it is kept out of sight.

A key is either a raw key (`ps_...`, sent as `x-api-key`) or a key id (sent as `x-api-key-id`). It is held by a
`Credentials` object whose repr masks it, and it is only ever written into the headers of a request being sent.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field

from ._constants import API_KEY_ENV, API_KEY_HEADER, API_KEY_ID_ENV, API_KEY_ID_HEADER, API_KEY_PREFIX
from ._exceptions import InvalidInputError

# What stands in for the secret wherever it has been removed.
REDACTED = "[redacted]"
MIN_REDACTED = 8

# Characters a key cannot hold: besides whitespace, control and non-ASCII characters, quotes and backslashes, which
# every repr() would escape, so that the escaped key could no longer be found and redacted.
_QUOTING = frozenset("'\"\\")


@dataclass(frozen=True, eq=False)
class Credentials:
    """A secret and the header it is sent in. Its repr shows the header and a mask, never the secret.

    Compared and hashed by identity: the log filter (`_logging`) holds the credentials of live clients weakly, and
    two clients with the same key must not count as one."""

    header: str
    secret: str = field(repr=False)

    def __repr__(self) -> str:
        return f"Credentials(header={self.header!r}, secret={mask(self.secret)!r})"

    def headers(self) -> dict[str, str]:
        return {self.header: self.secret}

    def redact(self, text: str) -> str:
        """`text` with the secret replaced, as written plainly or escaped inside a JSON string. A secret shorter than
        `MIN_REDACTED` characters is left alone: replacing it would garble ordinary text (a key id `30` would eat
        `Retry-After: 300`)."""
        if len(self.secret) < MIN_REDACTED:
            return text
        for form in {self.secret, json.dumps(self.secret)[1:-1], self.secret.replace("/", "\\/")}:
            text = text.replace(form, REDACTED)
        return text


def mask(secret: str) -> str:
    """A recognisable, harmless form of a secret: its `ps_` prefix and last four characters, as the Pilot Status
    dashboard shows keys. Short secrets are masked whole."""
    if len(secret) < 16:
        return "****"
    prefix = API_KEY_PREFIX if secret.startswith(API_KEY_PREFIX) else ""
    return f"{prefix}****{secret[-4:]}"


def resolve_credentials(
    api_key: str | None, api_key_id: str | None, environ: Mapping[str, str] | None = None
) -> Credentials:
    """The credentials from the arguments, else from the environment. Exactly one of key and key id must be given."""
    if api_key is None and api_key_id is None:
        env = os.environ if environ is None else environ
        api_key, api_key_id = env.get(API_KEY_ENV) or None, env.get(API_KEY_ID_ENV) or None
        source = f"the environment ({API_KEY_ENV} and {API_KEY_ID_ENV})"
        if api_key is None and api_key_id is None:
            raise InvalidInputError(
                f"No API key: pass api_key='ps_...' (or api_key_id=...), or set {API_KEY_ENV} (or {API_KEY_ID_ENV}).",
                argument="api_key",
                problem=InvalidInputError.MISSING,
            )
    else:
        source = "the arguments (api_key= and api_key_id=)"
    if api_key is not None and api_key_id is not None:
        raise InvalidInputError(f"Both an API key and an API key id are given in {source}; give one.")
    if api_key is not None:
        _check(api_key, "api_key")
        if not api_key.startswith(API_KEY_PREFIX):
            raise InvalidInputError(f"api_key must start with {API_KEY_PREFIX!r}, as every Pilot Status key does.")
        return Credentials(API_KEY_HEADER, api_key)
    assert api_key_id is not None
    _check(api_key_id, "api_key_id")
    return Credentials(API_KEY_ID_HEADER, api_key_id)


def _check(secret: object, name: str) -> None:
    if not isinstance(secret, str):
        raise InvalidInputError(f"{name} must be a string, not {type(secret).__name__}.")
    if not secret:
        raise InvalidInputError(f"{name} is empty.")
    if not secret.isascii() or any(char.isspace() or not char.isprintable() or char in _QUOTING for char in secret):
        raise InvalidInputError(
            f"{name} contains whitespace, quotes, control or non-ASCII characters; check how it was copied."
        )
