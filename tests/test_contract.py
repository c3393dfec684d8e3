"""The contract suite: schemathesis sends what `openapi.json` allows and forbids, and every built-in check judges
each answer.

Every phase runs (examples, coverage, fuzzing) with every built-in check but `max_response_time` (a timed check, so
never in CI; live runs may switch it on). By default the target is the sandbox, started as a real server by the test
session, once per demo key and per key header: each key has its documented answer to valid requests (200, or its
error), and every key must reject invalid ones. With `PILOTSTATUS_CONTRACT_BASE_URL` set (`make contract`), the same
checks run against that deployment with the key from the environment instead: read-only, throttled, and with no
other method sent to any path.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from schemathesis import Config
from schemathesis.core.failures import Failure
from schemathesis.schemas import BaseSchema

from pilotstatus_sandbox import SCENARIOS, SERVED_OPERATIONS, Sandbox, Scenario
from tests._contract import SPEC_PATH, contract_runner

LIVE_URL_ENV = "PILOTSTATUS_CONTRACT_BASE_URL"
SEED = 20261126


class Secret(str):
    """A key whose repr is masked, so that a traceback or a failure report never shows it."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "'[redacted]'"


@dataclass(frozen=True)
class Target:
    """Where the checks are sent, with which credential, and what a valid and an invalid request must get."""

    name: str
    header: str
    credential: Secret
    positive_statuses: tuple[str, ...]
    negative_statuses: tuple[str, ...]
    scenario: Scenario | None = None


def _sandbox_targets() -> list[Target]:
    targets = []
    for scenario in SCENARIOS:
        # A key refused before its parameters are read (a tenant key, a key over its limit) gets the same answer
        # to invalid requests; any other key gets 400 for them.
        early = scenario.status in (403, 429)
        for header, credential in (("x-api-key", scenario.api_key), ("x-api-key-id", scenario.api_key_id)):
            targets.append(
                Target(
                    name=f"{scenario.name}/{header}",
                    header=header,
                    credential=Secret(credential),
                    positive_statuses=(str(scenario.status),),
                    negative_statuses=(str(scenario.status),) if early else ("400",),
                    scenario=scenario,
                )
            )
    return targets


def _live_target(environ: Mapping[str, str]) -> Target:
    key, key_id = environ.get("PILOT_STATUS_API_KEY"), environ.get("PILOT_STATUS_API_KEY_ID")
    header, credential = ("x-api-key", key) if key else ("x-api-key-id", key_id or "")
    # A real number may be disconnected, rate limited or on a provider without calls: documented answers all.
    return Target(
        name="live",
        header=header,
        credential=Secret(credential),
        positive_statuses=("200", "400", "403", "409", "429"),
        negative_statuses=("400", "401", "403", "409", "429"),
    )


LIVE = bool(os.environ.get(LIVE_URL_ENV))
TARGETS = [_live_target(os.environ)] if LIVE else _sandbox_targets()


def contract_config(target: Target, *, live: bool, environ: Mapping[str, str]) -> dict[str, Any]:
    """schemathesis's configuration for one target (the keys of `schemathesis.toml`)."""
    config: dict[str, Any] = {
        "seed": SEED,
        "generation": {
            "max-examples": int(environ.get("CONTRACT_MAX_EXAMPLES", "20" if live else "25")),
            "database": "none",  # every run sends the same requests: nothing replayed from earlier runs
            "with-security-parameters": False,  # the key comes from the target, not from generated headers
        },
        "phases": {
            "examples": {"enabled": True},
            "coverage": {"enabled": True, "generate-duplicate-query-parameters": True},
            "fuzzing": {"enabled": True},
            # No operation has links to follow between calls yet.
            "stateful": {"enabled": False},
        },
        "checks": {
            "positive_data_acceptance": {"expected-statuses": list(target.positive_statuses)},
            "negative_data_rejection": {"expected-statuses": list(target.negative_statuses)},
        },
    }
    if live:
        config["rate-limit"] = environ.get("CONTRACT_RATE_LIMIT", "2/s")
        config["request-timeout"] = 30
        # Probing other methods would send POST /v1/calls, which starts a real call: never on a live deployment.
        config["phases"]["coverage"]["unexpected-methods"] = []
        # Whole bodies in failure reports: a body cut short could cut an echoed key in two, past any redaction.
        config["output"] = {"truncation": {"enabled": False}}
        if environ.get("CONTRACT_MAX_RESPONSE_TIME"):
            config["checks"]["max_response_time"] = float(environ["CONTRACT_MAX_RESPONSE_TIME"])
    return config


def load_target_schema(
    target: Target, *, live: bool, environ: Mapping[str, str], spec_path: Path = SPEC_PATH
) -> BaseSchema:
    """The spec as schemathesis runs it for `target`: on a live deployment, its GET operations and those named."""
    schema = schemathesis.openapi.from_path(
        spec_path, config=Config.from_dict(contract_config(target, live=live, environ=environ))
    )
    if not live:
        # The sandbox serves part of the API so far; the operations it does not serve answer 501.
        return schema.include(func=lambda ctx: ctx.operation.definition.raw["operationId"] in SERVED_OPERATIONS)
    runner = contract_runner()
    known = runner.operation_ids(spec_path)
    writes = runner.allowed_write_operations(environ, known)
    only = runner.only_operations(environ, known)

    def selected(ctx: Any) -> bool:
        operation_id = ctx.operation.definition.raw["operationId"]
        return (only is None or operation_id in only) and (
            ctx.operation.method.upper() == "GET" or operation_id in writes
        )

    return schema.include(func=selected)


PHASES_SEEN: Counter[tuple[str, str, str]] = Counter()
VALID_ANSWERS: Counter[tuple[str, int]] = Counter()
"""The statuses valid requests got, by target."""
CALLS_CHECKED: Counter[str] = Counter()
"""Responses to valid requests that held calls (which schemathesis checked against the schema), by target."""

# The refusals a valid List calls request may get, each with the code that says why. A 400, 403 or 409 without its
# code would be the deployment refusing a request the spec allows.
DOCUMENTED_REFUSALS = {
    400: "FEATURE_NOT_SUPPORTED",
    403: "TENANT_SCOPE_NOT_ALLOWED",
    409: "WHATSAPP_INSTANCE_NOT_CONNECTED",
}


def documented_answer(target: Target) -> Callable[..., None]:
    """A check beyond schemathesis's own: a valid request refused must carry the code the documentation gives for
    that refusal (for a sandbox key, its scenario's code)."""

    def check(ctx: Any, response: Any, case: Any) -> None:
        if case.meta is None or case.meta.generation.mode.value != "positive":
            return
        VALID_ANSWERS[(target.name, response.status_code)] += 1
        try:
            body = response.json()
        except ValueError:
            return  # not JSON: schemathesis's own checks report that, with the request to reproduce it
        if response.status_code == 200:
            CALLS_CHECKED[target.name] += bool(isinstance(body, dict) and body.get("calls"))
            return
        scenario = target.scenario
        expected = scenario.code if scenario is not None else DOCUMENTED_REFUSALS.get(response.status_code)
        if expected is None:
            return
        if not isinstance(body, dict) or body.get("code") != expected:
            raise Failure(
                operation=case.operation.label,
                title="Refusal without its documented code",
                message=f"a valid request got {response.status_code} without code {expected}",
            )

    return check


@pytest.fixture(scope="module")
def base_url(request: pytest.FixtureRequest) -> str:
    if LIVE:
        return os.environ[LIVE_URL_ENV]
    sandbox: Sandbox = request.getfixturevalue("sandbox")
    return sandbox.url


def _contract_test(target: Target) -> Callable[..., None]:
    schema = load_target_schema(target, live=LIVE, environ=os.environ)
    parametrize: Callable[[Callable[..., None]], Callable[..., None]] = schema.parametrize()

    # The explicit parametrize gives each item its own id (pytest 9.2 drops schemathesis's own suffix).
    @pytest.mark.parametrize("key", [target.name])
    @parametrize
    def test(case: Any, key: str, base_url: str) -> None:
        PHASES_SEEN[(target.name, case.meta.phase.name.value, case.meta.generation.mode.value)] += 1
        case.call_and_validate(
            base_url=base_url,
            headers={target.header: target.credential},
            additional_checks=[documented_answer(target)],
        )

    decorated: Callable[..., None] = test  # pytest's mark returns the function it marks
    return decorated


for _target in TARGETS:
    globals()[f"test_contract_{_target.name.replace('/', '_').replace('-', '_')}"] = _contract_test(_target)


def test_every_phase_and_mode_ran_for_every_key() -> None:
    """Runs after the contract tests above (pytest keeps the file's order): each of them went through the three
    phases, with valid and invalid requests."""
    for target in TARGETS:
        seen = {(phase, mode) for (name, phase, mode) in PHASES_SEEN if name == target.name}
        assert {phase for phase, _ in seen} == {"examples", "coverage", "fuzzing"}, target.name
        assert {mode for _, mode in seen} == {"positive", "negative"}, target.name


if LIVE:

    def test_valid_requests_got_calls_to_check_against_the_schema() -> None:
        """A live run whose valid requests never got a call (all refused, say for a disconnected number, or empty
        lists) checked no call against the schema: it fails, unless CONTRACT_EXPECT_CALLS=0 says that is expected."""
        answers = {status: count for (name, status), count in VALID_ANSWERS.items() if name == "live"}
        if os.environ.get("CONTRACT_EXPECT_CALLS", "1") != "0":
            assert CALLS_CHECKED["live"] > 0, f"no valid request got calls; the statuses they got: {answers}"
