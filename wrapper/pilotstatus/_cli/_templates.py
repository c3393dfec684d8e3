"""`pilotstatus templates list`: the number's message templates, as a table for people or as the API's JSON for
programs. It only reads: templates are created and changed by programs, through the SDK."""

from __future__ import annotations

import argparse

from pilotstatus_api.models.template_list_item import TemplateListItem

from ._connection import KEY_HELP, add_connection_options, client_from
from ._formats import api_json, json_text
from ._parser import Commands
from ._table import Columns, table

DESCRIPTION = """\
Print every template of the key's number (the API does not page them), in the order the API lists them: an aligned
table of what a send needs to know (whether the template is sendable now, Meta's review on a Meta number, its
variables), or with --json the API's own fields."""


def _yes_no(value: bool | None) -> str | None:
    return None if value is None else ("yes" if value else "no")


# What a send needs to know of a template at a glance.
COLUMNS: Columns = (
    ("name", lambda template: template.name),
    ("id", lambda template: template.id),
    ("category", lambda template: template.category),
    ("source", lambda template: template.source),
    ("metaStatus", lambda template: template.meta_status),
    ("sendable", lambda template: _yes_no(template.sendable)),
    ("variables", lambda template: None if template.variables is None else " ".join(template.variables)),
)


def register(commands: Commands) -> None:
    templates = commands.add_parser(
        "templates",
        help="the message templates of the key's number",
        description="The message templates of the key's number, and which of them can be sent now.",
        epilog=KEY_HELP,
    )
    templates_commands = templates.add_subparsers(
        title="commands", dest="templates_command", required=True, metavar="COMMAND"
    )
    parser = templates_commands.add_parser(
        "list", help="print the number's templates", description=DESCRIPTION, epilog=KEY_HELP
    )
    parser.add_argument(
        "--json", action="store_true", help="print the templates as JSON, [...], with every field the server sent"
    )
    add_connection_options(parser, after_command=True)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with client_from(args) as client:
        templates = client.templates.list()
    print(as_json(templates) if args.json else table(templates, COLUMNS), flush=True)
    return 0


def as_json(templates: list[TemplateListItem]) -> str:
    """The templates as the API's JSON: each as the API sent it, fields this SDK does not know included."""
    return json_text([api_json(template) for template in templates], indent=2)
