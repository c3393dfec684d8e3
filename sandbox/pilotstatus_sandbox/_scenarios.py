"""The sandbox's demo keys: one per situation the Calls documentation describes, and what each gets for each
operation.

Every scenario answers to an `x-api-key` (`ps_...`) and to an `x-api-key-id` (`ck_...`). Any other key gets 401.
A key's answer is looked up by (key, operation), not by key alone (`answer`): the tenant and rate-limited keys reach
no number and are refused whatever the operation; every other key acts on a number of its own, whose kind decides
from the catalogue's `providers` which operations it serves, as for any number (`_providers`). So the relay-only
key acts on its Meta number, whose privacy mode (RELAY_ONLY) its lists apply; the disconnected web number answers 409
where a web number serves the operation, and 400 FEATURE_NOT_SUPPORTED where it does not (the provider is checked
before the connection); the Evolution v2 number, a kind that serves no Calls operation, is refused each of them
with the Calls area's documented message, and is served any operation that names no `providers` (every kind); the
tenant key acts on the number its `x-whatsapp-number-id` header names (`scenario_of_number`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from ._providers import Provider

__all__ = ["SCENARIOS", "Answer", "Scenario", "answer", "find_scenario", "scenario_of_number"]


@dataclass(frozen=True)
class Scenario:
    """What the sandbox does for one demo key."""

    name: str
    api_key: str
    api_key_id: str
    description: str
    status: int
    """The status of a valid Calls request made with this key (what the README's table of demo keys says; an
    operation its number's kind lacks is 400 FEATURE_NOT_SUPPORTED whatever the key)."""
    code: str | None = None
    """The `code` of the error body, for an error scenario."""
    error: str | None = None
    """The `error` message of the error body, for an error scenario."""
    provider: Provider | None = None
    """The kind of its number, for a scenario that is its kind's own (the Meta, web and Evolution v2 numbers); None
    for the others (the relay-only number is a Meta number, the disconnected one a web number)."""
    retry_after: int | None = None
    number_id: str | None = None
    """The sandbox number the key acts on (`x-whatsapp-number-id` names it for a tenant key), or None for a key
    that reaches no number (its refusal comes first: the tenant and rate-limited keys)."""


SCENARIOS = (
    Scenario(
        name="meta",
        api_key="ps_sandbox_meta_number",
        api_key_id="ck_sandbox_meta_number",
        description="a Meta Cloud API number: its calls",
        status=200,
        provider="META",
        number_id="num_sandbox_meta",
    ),
    Scenario(
        name="web",
        api_key="ps_sandbox_web_number",
        api_key_id="ck_sandbox_web_number",
        description="a connected Pilot Status web (EVO_GO) number: its calls",
        status=200,
        provider="EVO_GO",
        number_id="num_sandbox_web",
    ),
    Scenario(
        name="web-disconnected",
        api_key="ps_sandbox_web_disconnected",
        api_key_id="ck_sandbox_web_disconnected",
        description="a web number whose WhatsApp session is not connected",
        status=409,
        code="WHATSAPP_INSTANCE_NOT_CONNECTED",
        error="WhatsApp instance not connected",
        number_id="num_sandbox_web_disconnected",
    ),
    Scenario(
        name="unsupported-provider",
        api_key="ps_sandbox_evolution_v2",
        api_key_id="ck_sandbox_evolution_v2",
        description="a number on a provider that cannot place calls (Evolution v2)",
        status=400,
        code="FEATURE_NOT_SUPPORTED",
        error="Calling is only supported for Meta Cloud API and Pilot Status (web) numbers.",
        provider="EVOLUTION_V2",
        number_id="num_sandbox_evolution_v2",
    ),
    Scenario(
        name="tenant",
        api_key="ps_sandbox_tenant",
        api_key_id="ck_sandbox_tenant",
        description="a tenant-scoped key, which number endpoints refuse",
        status=403,
        code="TENANT_SCOPE_NOT_ALLOWED",
        error="Tenant-scoped keys cannot call number endpoints",
    ),
    Scenario(
        name="relay-only",
        api_key="ps_sandbox_relay_only",
        api_key_id="ck_sandbox_relay_only",
        description="a number in PII mode RELAY_ONLY: an empty list with a notice",
        status=200,
        number_id="num_sandbox_relay_only",
    ),
    Scenario(
        name="store-days",
        api_key="ps_sandbox_store_days",
        api_key_id="ck_sandbox_store_days",
        description="a Meta number in PII mode STORE_X_DAYS (7 days): older messages listed redacted",
        status=200,
        number_id="num_sandbox_store_days",
    ),
    Scenario(
        name="rate-limited",
        api_key="ps_sandbox_rate_limited",
        api_key_id="ck_sandbox_rate_limited",
        description="a key over its rate limit for the next hour",
        status=429,
        error="Too many requests",
        retry_after=3600,
    ),
)

_BY_CREDENTIAL = {
    **{("x-api-key", scenario.api_key): scenario for scenario in SCENARIOS},
    **{("x-api-key-id", scenario.api_key_id): scenario for scenario in SCENARIOS},
}


_BY_NUMBER = {scenario.number_id: scenario for scenario in SCENARIOS if scenario.number_id is not None}


def find_scenario(header: str, value: str) -> Scenario | None:
    """The scenario of a credential (`x-api-key` or `x-api-key-id` and its value), or None for an unknown one."""
    return _BY_CREDENTIAL.get((header, value))


def scenario_of_number(number_id: str) -> Scenario | None:
    """The scenario whose number has this id (what a tenant key naming it acts as), or None for an unknown id."""
    return _BY_NUMBER.get(number_id)


Step = Literal["scope", "number"]


@dataclass(frozen=True)
class Answer:
    """What a request with one demo key gets for one operation, where the key decides it.

    `step` says when: "scope" (a fixed refusal before the request is validated: a tenant key without a number, a
    key over its limit), or "number" (the request acts on `number_id`, or on no number when None: its provider,
    connection and state decide).
    """

    step: Step
    status: int = 200
    code: str | None = None
    error: str | None = None
    retry_after: int | None = None
    number_id: str | None = None


def answer(scenario: Scenario, operation_id: str) -> Answer:
    """What `scenario`'s key gets for the operation `operation_id` (an operationId of `openapi.json` or of the
    sandbox's helpers), as far as the key decides it."""
    if scenario.number_id is None:
        return Answer("scope", scenario.status, scenario.code, scenario.error, scenario.retry_after)
    return Answer("number", number_id=scenario.number_id)
