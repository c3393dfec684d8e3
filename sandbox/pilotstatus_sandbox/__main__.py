"""`python -m pilotstatus_sandbox`: serve the sandbox; the same as `pilotstatus sandbox`, with the same options."""

from __future__ import annotations

import sys

from pilotstatus._cli import main

if __name__ == "__main__":
    sys.exit(main(["sandbox", *sys.argv[1:]]))
