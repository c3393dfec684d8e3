"""Arguments that go into a request path or query, checked before anything is sent.

The rules are the spec's, as the SDK applies them (`pilotstatus._validation`, reading the constraints generated
from `openapi.json`): nothing is written twice. Only the words differ: the SDK names a Python argument (`call_id`,
`to='abc' must match ...`), and a shell user typed `CALL_ID` or `--to`, so a refusal is worded for them, with
what to type instead. A refusal exits 2, as any bad input does.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from pilotstatus._exceptions import InvalidInputError
from pilotstatus._operations import Operation
from pilotstatus._validation import check_value

from ._errors import USAGE, CommandError

# A phone number as the API takes it, for the advice of a refusal.
EXAMPLE_NUMBER = "+5511999999999"


def parameter_schema(operation: Operation[Any], location: Literal["path", "query"], name: str) -> Mapping[str, Any]:
    """The spec's schema of the parameter `name` (as the API spells it) of `operation`."""
    from pilotstatus_api.request_schemas import REQUEST_SCHEMAS  # generated beside the client; read when needed

    for parameter in REQUEST_SCHEMAS[operation.name][location]:
        if parameter["name"] == name:
            schema: Mapping[str, Any] = parameter["schema"]
            return schema
    raise LookupError(f"{operation.name} has no {location} parameter {name}")


def call_id(text: str, operation: Operation[Any]) -> str:
    """`text`, the CALL_ID of a command, if `operation` takes it as its `callId`; else a `CommandError` that says
    what a call id is."""
    try:
        check_value(text, parameter_schema(operation, "path", "callId"), "CALL_ID")
    except InvalidInputError as error:
        raise CommandError(
            f"{str(error).rstrip('.')}: give the call's id as `pilotstatus calls list` shows it (call_...), or its"
            " provider's id (wacid...)",
            USAGE,
        ) from None
    return text


def phone_number(text: str, operation: Operation[Any], flag: str) -> str:
    """`text`, given as `flag`, if `operation` takes it as its `to`; else a `CommandError` that says how a phone
    number is written."""
    schema = parameter_schema(operation, "query", "to")
    try:
        check_value(text, schema, "to")
    except InvalidInputError:
        rule = f"; the API's rule is {schema['pattern']}" if "pattern" in schema else ""
        raise CommandError(
            f"{flag} {text!r} is not a phone number: give its digits, country code first, with or without a leading +"
            f" (as in {flag} {EXAMPLE_NUMBER}{rule})",
            USAGE,
        ) from None
    return text
