"""The commands other packages of the distribution add to `pilotstatus` (the sandbox's `pilotstatus sandbox`), found
by their entry points (group `pilotstatus.commands`) when the parser is built: the CLI never imports them by name.

An entry point is `name = "module:register"`, `register(commands)` adding the command `name`. One that cannot be
loaded still gets its command, which says in one line what is missing (its extra, named as the command) and exits
2, rather than vanishing from the help or failing with a traceback.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from importlib.metadata import EntryPoint, PackageNotFoundError, distribution

from ._errors import FAILURE, USAGE, CommandError
from ._parser import Commands

__all__ = ["GROUP", "register"]

GROUP = "pilotstatus.commands"


def entry_points() -> Iterable[EntryPoint]:
    """The entry points of `GROUP` of this distribution: its own metadata is read, not every installed package's
    (ten times quicker, on every run of the command)."""
    try:
        return distribution("pilotstatus").entry_points.select(group=GROUP)
    except PackageNotFoundError:  # run from a checkout that is not installed: no command of another package
        return ()


def register(commands: Commands) -> None:
    """Add every installed command of `GROUP`, in the order of their names."""
    for entry_point in sorted(entry_points(), key=lambda found: found.name):
        try:
            add = entry_point.load()
        except ImportError as error:  # its package or a dependency is missing, or broken
            _unavailable(commands, entry_point, error)
            continue
        add(commands)


def _unavailable(commands: Commands, entry_point: EntryPoint, error: ImportError) -> None:
    name = entry_point.name
    if isinstance(error, ModuleNotFoundError):
        problem = CommandError(f"the {name} needs its extra: pip install 'pilotstatus[{name}]'", USAGE)
    else:
        problem = CommandError(f"the {name} command could not be loaded: {error}", FAILURE)
    # Whatever follows the command is taken as it is (no prefix character marks an option), `--help` included: the
    # one answer is what is missing.
    parser = commands.add_parser(name, help=f"(not installed: {problem})", add_help=False, prefix_chars="\0")
    parser.add_argument("arguments", nargs="*", help=argparse.SUPPRESS)

    def run(args: argparse.Namespace) -> int:
        raise problem

    parser.set_defaults(run=run)
