"""The command-line parser: argparse's, with its usage errors made as safe to print as the command's own."""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn, TypeAlias

from ._errors import USAGE, printable, redacted


class Parser(argparse.ArgumentParser):
    """argparse quotes back the arguments it cannot read, and one could be a key typed where it does not belong:
    its error line is made safe like every other (see `_errors.redacted`)."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(USAGE, f"{self.prog}: error: {redacted(printable(message))}\n")


Commands: TypeAlias = "argparse._SubParsersAction[Parser]"  # a string: the class is not generic at run time
"""What `add_subparsers()` returns: the group each command module adds its command to."""


def whole(text: str) -> int:
    """An option's whole number (an argparse `type`)."""
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None


def port(text: str) -> int:
    """An option's TCP port, 0 to 65535 (an argparse `type`)."""
    number = whole(text)
    if not 0 <= number <= 65535:
        raise argparse.ArgumentTypeError(f"{text} is not a port (0..65535)")
    return number
