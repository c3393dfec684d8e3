"""The Python SDK for the Pilot Status API.

The typed models and one function per operation are generated from `openapi.json` into `pilotstatus_api`.
This package is where the behaviour a generator cannot give is added on top of them (clients, pagination,
typed errors, retries, a command-line tool) and where the public surface is exported from.
"""

from ._version import __version__

__all__ = ["__version__"]
