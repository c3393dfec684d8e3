"""A local, stateful Pilot Status API for development and tests, in the spirit of stripe-mock and moto: a real
HTTP server that behaves like the service, validated by the project's `openapi.json`.

    pilotstatus sandbox --port 8080 --calls 5000 --seed 7

or, from Python, on a free port for as long as a `with` block lasts:

    with Sandbox(SandboxConfig(calls=5000, seed=7)) as sandbox:
        client = PilotStatus(base_url=sandbox.url, api_key="ps_sandbox_meta_number")
        helpers = SandboxHelpers(sandbox.url, api_key="ps_sandbox_meta_number")  # the phone's side, the clock
"""

from ._app import SERVED_OPERATIONS, create_app
from ._config import SandboxConfig
from ._dataset import CallHistory
from ._helpers_client import SandboxHelperError, SandboxHelpers
from ._scenarios import SCENARIOS, Scenario, find_scenario
from ._server import ListenError, Sandbox, key_table, serve

__all__ = [
    "SCENARIOS",
    "SERVED_OPERATIONS",
    "CallHistory",
    "ListenError",
    "Sandbox",
    "SandboxConfig",
    "SandboxHelperError",
    "SandboxHelpers",
    "Scenario",
    "create_app",
    "find_scenario",
    "key_table",
    "serve",
]
