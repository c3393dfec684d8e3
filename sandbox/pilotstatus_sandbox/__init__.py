"""A local, stateful Pilot Status API for development and tests, in the spirit of stripe-mock and moto: a real
HTTP server that behaves like the service, validated by the project's `openapi.json`: every Calls operation, the
call lifecycle on a Meta and a web number, test helpers under `/_sandbox/` (an incoming call, a hang-up, the clock,
the events; described at `/_sandbox/openapi.json`), and the realtime session's WebSocket. With `--drift`
(`SandboxConfig(drift=True)`), some answers differ from the spec on purpose, to show and test drift reports
(`DRIFT_FIELD`, `DRIFT_STATUS`, `DRIFT_HEADER`; `_drift` says where).

    pilotstatus sandbox --port 8080 --calls 5000 --seed 7

or, from Python, on a free port for as long as a `with` block lasts:

    with Sandbox(SandboxConfig(calls=5000, seed=7)) as sandbox:
        client = PilotStatus(base_url=sandbox.url, api_key="ps_sandbox_meta_number")
        helpers = SandboxHelpers(sandbox.url, api_key="ps_sandbox_meta_number")  # the phone's side, the clock
"""

from ._app import SERVED_OPERATIONS, create_app
from ._config import SandboxConfig
from ._dataset import CallHistory
from ._drift import DRIFT_FIELD, DRIFT_HEADER, DRIFT_HEADER_VALUE, DRIFT_STATUS
from ._helpers_client import SandboxHelperError, SandboxHelpers
from ._scenarios import SCENARIOS, Answer, Scenario, answer, find_scenario, scenario_of_number
from ._server import ListenError, Sandbox, key_table, serve

__all__ = [
    "DRIFT_FIELD",
    "DRIFT_HEADER",
    "DRIFT_HEADER_VALUE",
    "DRIFT_STATUS",
    "SCENARIOS",
    "SERVED_OPERATIONS",
    "Answer",
    "CallHistory",
    "ListenError",
    "Sandbox",
    "SandboxConfig",
    "SandboxHelperError",
    "SandboxHelpers",
    "Scenario",
    "answer",
    "create_app",
    "find_scenario",
    "key_table",
    "scenario_of_number",
    "serve",
]
