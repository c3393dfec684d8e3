"""`pilotstatus calls permission --to NUMBER`: whether the business may call a user now (Meta numbers), and the
limits of each action, for people or as the API's JSON."""

from __future__ import annotations

import argparse
from typing import Any

from . import _checks
from ._connection import KEY_HELP, add_connection_options, client_from
from ._formats import json_text
from ._parser import Commands
from ._readable import Row, label, other_rows, render, shown, unix_instant

DESCRIPTION = f"""\
Print whether the business may call the user NUMBER now: the permission (no_permission, temporary or permanent)
and, for a temporary one, when it expires; then each action (starting a call, asking for permission) with whether
it can be performed now and its limits: how much of each is used, over which period (an ISO 8601 duration, P1D for
a day), and when a limit reached resets. Instants are UTC, as the API writes them. With --json, the answer as the
API sent it (instants in Unix seconds). Meta Cloud API numbers only. NUMBER is digits, country code first, with or
without a leading + ({_checks.EXAMPLE_NUMBER})."""


def register(calls: Commands) -> None:
    parser = calls.add_parser(
        "permission", help="print whether the business may call a user", description=DESCRIPTION, epilog=KEY_HELP
    )
    parser.add_argument(
        "--to", metavar="NUMBER", required=True, help=f"the user's phone number (e.g. {_checks.EXAMPLE_NUMBER})"
    )
    parser.add_argument(
        "--json", action="store_true", help="print the permission as JSON, with every field the server sent"
    )
    add_connection_options(parser, after_command=True)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from pilotstatus.resources.call_permissions import RETRIEVE  # with the generated models, for this command only

    to = _checks.phone_number(args.to, RETRIEVE, "--to")
    with client_from(args) as client:
        permission = client.calls.permissions.retrieve(to=to).to_dict()
    print(json_text(permission, indent=2) if args.json else readable(permission), flush=True)
    return 0


def readable(permission: dict[str, Any]) -> str:
    rows: list[Row] = [("permission", state(permission.get("permission")))]
    actions = permission.get("actions")
    if isinstance(actions, list):
        rows.append(("actions", "" if actions else "none"))
        rows += [action_row(action) for action in actions if isinstance(action, dict)]
    rows += other_rows(permission, ("permission", "actions"))
    return render(rows)


def state(value: object) -> str:
    """The permission's status, and when it expires if it does."""
    if not isinstance(value, dict):
        return shown(value)
    text = shown(value.get("status"))
    if value.get("expiration_time") is not None:
        text += f", expires {unix_instant(value['expiration_time'])}"
    return text


def action_row(action: dict[str, Any]) -> Row:
    """An action: whether it can be performed now, then its limits."""
    can = action.get("can_perform_action")
    text = "can" if can is True else "cannot" if can is False else shown(can)
    limits = [limit_text(limit) for limit in action.get("limits") or [] if isinstance(limit, dict)]
    if limits:
        text += f" ({'; '.join(limits)})"
    return label(str(action.get("action_name")), 1), text


def limit_text(limit: dict[str, Any]) -> str:
    """`2 of 5 used per P1D, resets 2026-...Z`: what is known of one limit."""
    used, allowed = limit.get("current_usage"), limit.get("max_allowed")
    if used is not None and allowed is not None:
        text = f"{shown(used)} of {shown(allowed)} used"
    elif allowed is not None:
        text = f"at most {shown(allowed)}"
    elif used is not None:
        text = f"{shown(used)} used"
    else:
        text = "a limit"
    if limit.get("time_period") is not None:
        text += f" per {shown(limit['time_period'])}"
    if limit.get("limit_expiration_time") is not None:
        text += f", resets {unix_instant(limit['limit_expiration_time'])}"
    return text
