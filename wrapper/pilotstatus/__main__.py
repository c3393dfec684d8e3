"""`python -m pilotstatus`: the `pilotstatus` command."""

import sys

from pilotstatus._cli import main

if __name__ == "__main__":
    sys.exit(main())
