"""`pilotstatus calls settings`: the number's calling settings (Meta numbers), for people or as the API's JSON."""

from __future__ import annotations

import argparse
from typing import Any

from ._connection import KEY_HELP, add_connection_options, client_from
from ._formats import json_text
from ._parser import Commands
from ._readable import Row, clock, label, other_rows, render, shown

# The settings shown first, in this order; any other field follows them.
SETTINGS = ("status", "call_icon_visibility", "callback_permission_status", "call_hours")
CALL_HOURS = ("status", "timezone_id", "weekly_operating_hours", "holiday_schedule")

DESCRIPTION = """\
Print the number's calling settings, as Meta keeps them: whether calling is enabled, the call icon, whether users
may ask to be called back, and the call hours (the time zone, each day's opening windows, the holidays), then any
other field Meta sent; or with --json the `calling` object as the API sent it. Meta Cloud API numbers only."""


def register(calls: Commands) -> None:
    parser = calls.add_parser(
        "settings", help="print the number's calling settings", description=DESCRIPTION, epilog=KEY_HELP
    )
    parser.add_argument(
        "--json", action="store_true", help="print the `calling` object as JSON, with every field the server sent"
    )
    add_connection_options(parser, after_command=True)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with client_from(args) as client:
        calling = client.calls.settings.retrieve().to_dict()
    print(json_text(calling, indent=2) if args.json else readable(calling), flush=True)
    return 0


def readable(calling: dict[str, Any]) -> str:
    rows: list[Row] = []
    for name in SETTINGS:
        value = calling.get(name)
        if name == "call_hours" and isinstance(value, dict):
            rows += call_hours_rows(value)
        else:
            rows.append((name, shown(value)))
    rows += other_rows(calling, SETTINGS)
    return render(rows)


def call_hours_rows(hours: dict[str, Any]) -> list[Row]:
    """The call hours: their status and time zone, then a row for each day with opening windows (in the order sent),
    one for each holiday, and one for any other field."""
    status = shown(hours.get("status"))
    if hours.get("status") == "DISABLED":
        status += " (calls at any hour)"
    if hours.get("timezone_id") is not None:
        status += f", time zone {shown(hours['timezone_id'])}"
    rows: list[Row] = [("call_hours", status)]
    days: dict[str, list[str]] = {}
    for window in _objects(hours.get("weekly_operating_hours")):
        day = shown(window.get("day_of_week"))
        days.setdefault(day, []).append(f"{clock(window.get('open_time'))}-{clock(window.get('close_time'))}")
    rows += [(label(day, 1), ", ".join(windows)) for day, windows in days.items()]
    for holiday in _objects(hours.get("holiday_schedule")):
        rows.append(
            (
                label(f"holiday {shown(holiday.get('date'))}", 1),
                f"{clock(holiday.get('start_time'))}-{clock(holiday.get('end_time'))}",
            )
        )
    rows += other_rows(hours, CALL_HOURS, depth=1)
    return rows


def _objects(value: object) -> list[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []
