"""A local, stateful Pilot Status API for development and tests, in the spirit of stripe-mock and moto: a real
HTTP server that behaves like the service, validated by the project's `openapi.json`: every operation of the
catalogue (those of an area with state by its handlers, any other by its spec's example), the call lifecycle on a Meta
and a web number, test helpers under `/_sandbox/` (an incoming call, a hang-up, the clock,
the events, faults; described at `/_sandbox/openapi.json`), and the realtime session's WebSocket. With `--drift`
(`SandboxConfig(drift=True)`), some answers differ from the spec on purpose, to show and test drift reports
(`DRIFT_FIELD`, `DRIFT_STATUS`, `DRIFT_HEADER`; `_drift` says where).

    pilotstatus sandbox --port 8080 --calls 5000 --seed 7

or, from Python, on a free port for as long as a `with` block lasts:

    with Sandbox(SandboxConfig(calls=5000, seed=7)) as sandbox:
        client = PilotStatus(base_url=sandbox.url, api_key="ps_sandbox_meta_number")
        helpers = SandboxHelpers(sandbox.url, api_key="ps_sandbox_meta_number")  # the phone's side, the clock
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._app import SERVED_OPERATIONS, create_app
    from ._config import SandboxConfig
    from ._dataset import CallHistory
    from ._drift import DRIFT_FIELD, DRIFT_HEADER, DRIFT_HEADER_VALUE, DRIFT_STATUS
    from ._helpers_client import SandboxHelperError, SandboxHelpers
    from ._scenarios import SCENARIOS, Answer, Scenario, answer, find_scenario, scenario_of_number
    from ._server import ListenError, Sandbox, key_table, serve

# Where each name loaded on first use lives: importing the package loads nothing, so that the `pilotstatus` command
# can find its `sandbox` command here (`_command`, an entry point) without the web server, or without the extra.
_LAZY = {
    "SERVED_OPERATIONS": "_app",
    "create_app": "_app",
    "SandboxConfig": "_config",
    "CallHistory": "_dataset",
    "DRIFT_FIELD": "_drift",
    "DRIFT_HEADER": "_drift",
    "DRIFT_HEADER_VALUE": "_drift",
    "DRIFT_STATUS": "_drift",
    "SandboxHelperError": "_helpers_client",
    "SandboxHelpers": "_helpers_client",
    "SCENARIOS": "_scenarios",
    "Answer": "_scenarios",
    "Scenario": "_scenarios",
    "answer": "_scenarios",
    "find_scenario": "_scenarios",
    "scenario_of_number": "_scenarios",
    "ListenError": "_server",
    "Sandbox": "_server",
    "key_table": "_server",
    "serve": "_server",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'pilotstatus_sandbox' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # found directly from now on
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


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
