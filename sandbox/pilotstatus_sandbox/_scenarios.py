"""The sandbox's demo keys: one per situation the List calls documentation describes.

Every scenario answers to an `x-api-key` (`ps_...`) and to an `x-api-key-id` (`ck_...`). Any other key gets 401.
"""

from __future__ import annotations

from dataclasses import dataclass

from ._dataset import Provider

__all__ = ["SCENARIOS", "Scenario", "find_scenario"]


@dataclass(frozen=True)
class Scenario:
    """What the sandbox does for one demo key."""

    name: str
    api_key: str
    api_key_id: str
    description: str
    status: int
    """The status of every valid request made with this key."""
    code: str | None = None
    """The `code` of the error body, for an error scenario."""
    error: str | None = None
    """The `error` message of the error body, for an error scenario."""
    provider: Provider | None = None
    """The number's calling provider, for a scenario that lists calls."""
    notice: str | None = None
    retry_after: int | None = None


SCENARIOS = (
    Scenario(
        name="meta",
        api_key="ps_sandbox_meta_number",
        api_key_id="ck_sandbox_meta_number",
        description="a Meta Cloud API number: its calls",
        status=200,
        provider="META",
    ),
    Scenario(
        name="web",
        api_key="ps_sandbox_web_number",
        api_key_id="ck_sandbox_web_number",
        description="a connected Pilot Status web (EVO_GO) number: its calls",
        status=200,
        provider="EVO_GO",
    ),
    Scenario(
        name="web-disconnected",
        api_key="ps_sandbox_web_disconnected",
        api_key_id="ck_sandbox_web_disconnected",
        description="a web number whose WhatsApp session is not connected",
        status=409,
        code="WHATSAPP_INSTANCE_NOT_CONNECTED",
        error="WhatsApp instance not connected",
    ),
    Scenario(
        name="unsupported-provider",
        api_key="ps_sandbox_evolution_v2",
        api_key_id="ck_sandbox_evolution_v2",
        description="a number on a provider that cannot place calls (Evolution v2)",
        status=400,
        code="FEATURE_NOT_SUPPORTED",
        error="Calling is only supported for Meta Cloud API and Pilot Status (web) numbers.",
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
        notice="PII_RELAY_ONLY",
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


def find_scenario(header: str, value: str) -> Scenario | None:
    """The scenario of a credential (`x-api-key` or `x-api-key-id` and its value), or None for an unknown one."""
    return _BY_CREDENTIAL.get((header, value))
