"""Where the contract suite sends its requests, with which credential, and what each operation may answer there.

A target is a credential (one demo key and one key header, or the live key), optionally the `x-whatsapp-number-id`
it sends, and for each operation the documented refusals a valid request may get: (status, code) pairs, the code
None for a refusal without one. A valid request gets its success (200, or the operation's own 2xx) where the number
serves the operation, else one of those refusals; `documented_answer` (tests/test_contract.py) holds every refusal to
its code, and `positive_data_acceptance` gets the statuses.

What a sandbox number answers follows the catalogue (`pilotstatus_api.catalogue`): a number serves the operations
whose `providers` name its kind (or name none), and any other operation is 400 FEATURE_NOT_SUPPORTED; the Calls
helpers serve the kinds that serve some Calls operation (not the Evolution v2 number). What a valid request to an
operation served may be refused with is what the spec documents for that operation (`documented_refusals`: the
status and code of each example of its error responses, such as 404 MESSAGE_NOT_FOUND or TEMPLATE_NOT_FOUND, 409
IDEMPOTENCY_KEY_REUSED or 400 INVALID_DATE_RANGE), a code that names Meta (NOT_SUPPORTED_FOR_META,
META_CALL_PERMISSION_REQUIRED...) on a Meta number only; and the few refusals the spec's examples cannot say,
written here: 409 INVALID_CALL_STATE (the sandbox's own code) for an action the call's state forbids, and a plain
400 where an operation's rules go beyond its schema. The fixed answers of the keys that reach no number (403, 429)
and of the disconnected number (409) come before any of that.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from pilotstatus_api import catalogue
from pilotstatus_sandbox import SCENARIOS, Scenario
from pilotstatus_sandbox._backend import NUMBERS
from tests._spec import load_spec

__all__ = [
    "ANY_CODE",
    "FIXED",
    "FULL",
    "HELPER_OPERATIONS",
    "LESSER",
    "LISTS",
    "OPERATIONS",
    "PROVIDERS",
    "Budget",
    "Credential",
    "Refusal",
    "Refusals",
    "Secret",
    "Target",
    "documented_refusals",
    "live_target",
    "sandbox_targets",
]


class Secret(str):
    """A key whose repr is masked, so that a traceback or a failure report never shows it."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "'[redacted]'"


Provider = Literal["META", "EVO_GO", "EVOLUTION_V2"]
Refusal = tuple[int, str | None]
Refusals = Mapping[str, frozenset[Refusal]]

ANY_CODE = "*"
"""In a refusal, any code or none (a live 429 may say RATE_LIMITED, or nothing)."""

KINDS: tuple[Provider, ...] = ("META", "EVO_GO", "EVOLUTION_V2")
"""The kinds of number the sandbox has, as the catalogue's `providers` names them."""

PROVIDERS: tuple[Provider, ...] = KINDS
"""The kinds of number that serve operations and have a target of their own: the Meta and web numbers, which can
call, and the Evolution v2 number, which serves the operations that name no `providers` (messages, templates...)."""

OPERATIONS = frozenset(entry.operation_id for entry in catalogue.OPERATIONS)
"""Every operationId of openapi.json."""

HELPER_OPERATIONS = frozenset({"sandbox_incoming_call", "sandbox_hangup_call"})
"""The sandbox's helpers that the stateful phase uses (a user calls the number; the user hangs up)."""

LISTS = frozenset(entry.operation_id for entry in catalogue.OPERATIONS if entry.pagination is not None)
"""The operations that list (calls, messages, conversations): all that a number's PII mode changes."""


def _served(kind: Provider) -> frozenset[str]:
    operations = frozenset(
        entry.operation_id for entry in catalogue.OPERATIONS if entry.providers is None or kind in entry.providers
    )
    calls = any(catalogue.BY_ID[operation].area == "calls" for operation in operations)
    return operations | (HELPER_OPERATIONS if calls else frozenset())


_SERVED: Mapping[Provider, frozenset[str]] = {kind: _served(kind) for kind in KINDS}
"""The operations each kind of number serves (the catalogue's `providers`), and the helpers, where it serves some
Calls operation."""

_BAD_STATE: Refusal = (409, "INVALID_CALL_STATE")
_UNSUPPORTED: Refusal = (400, "FEATURE_NOT_SUPPORTED")
_DISCONNECTED: Refusal = (409, "WHATSAPP_INSTANCE_NOT_CONNECTED")
_PLAIN: Refusal = (400, None)

_BY_THE_TARGET = frozenset({_UNSUPPORTED, _DISCONNECTED})
"""Refusals the spec documents for most operations that depend on the key's number, not on the request: each target
gives them itself (an operation its number's kind lacks; the disconnected number). The key's own answers (401, 403,
429) are the target's too."""


def _resolved(spec: Mapping[str, Any], node: Any) -> Any:
    """`node` with its local `$ref` followed (a response or an example of `components`)."""
    while isinstance(node, Mapping) and isinstance(node.get("$ref"), str):
        found: Any = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            found = found[part]
        node = found
    return node


def _error_examples(spec: Mapping[str, Any], response: Any) -> Iterator[Any]:
    for media in _resolved(spec, response).get("content", {}).values():
        if "example" in media:
            yield media["example"]
        for example in media.get("examples", {}).values():
            yield _resolved(spec, example).get("value")


def documented_refusals(spec: Mapping[str, Any]) -> dict[str, frozenset[Refusal]]:
    """By operationId, what the spec documents that a valid request may be refused with: the status and code of each
    example of the operation's 4xx responses, but a plain validation error (the example of the shared `BadRequest`,
    which says the request is invalid) and what the key or its number decides (401, 403, 429, `_BY_THE_TARGET`)."""
    invalid = list(_error_examples(spec, spec["components"]["responses"]["BadRequest"]))
    found: dict[str, frozenset[Refusal]] = {}
    for path in spec["paths"].values():
        for operation in path.values():
            if not isinstance(operation, Mapping) or "operationId" not in operation:
                continue
            refusals = set()
            for status, response in operation.get("responses", {}).items():
                if not (status.isdigit() and 400 <= int(status) < 500) or int(status) in (401, 403, 429):
                    continue
                for example in _error_examples(spec, response):
                    if isinstance(example, Mapping) and "error" in example and example not in invalid:
                        code = example.get("code")
                        refusals.add((int(status), code if isinstance(code, str) else None))
            found[operation["operationId"]] = frozenset(refusals - _BY_THE_TARGET)
    return found


def _meta_only(code: str | None) -> bool:
    """Whether a code says that it is a Meta number's (META_CALL_PERMISSION_REQUIRED, NOT_SUPPORTED_FOR_META): no other
    kind of number gives it."""
    return code is not None and "META" in code.split("_")


_DOCUMENTED = documented_refusals(load_spec())

# What the spec's examples cannot say: the refusals below, each for the reason given.
_PARTICULAR_REFUSALS: Mapping[str, frozenset[Refusal]] = {
    # A user calling in who hangs up on a call that is not ringing or answered, or on no call at all.
    "sandbox_hangup_call": frozenset({(404, "CALL_NOT_FOUND"), _BAD_STATE}),
    # Meta's rules on call_hours that its schema cannot say (open before close, no past holiday...): a plain
    # validation error, without a code.
    "put_calls_settings": frozenset({_PLAIN}),
    # The rules of a send that its schema cannot say: exactly one destination, some content, and the contents that
    # exclude each other (README, "Sending messages"): a plain validation error, without a code.
    "post_messages_send": frozenset({_PLAIN}),
    # A template's rules that its schema cannot say (README, "Templates"): a validation error without a code.
    "post_templates": frozenset({_PLAIN}),
    "put_templates_id": frozenset({_PLAIN}),
    # A `timezone` (or `tz`) that names no IANA time zone: its schema is any string.
    "get_analytics_dashboard": frozenset({_PLAIN}),
}


def _served_refusals(operation: str, kind: Provider) -> frozenset[Refusal]:
    """The refusals of an operation a number of `kind` serves, beyond its success."""
    documented = frozenset(
        refusal for refusal in _DOCUMENTED.get(operation, frozenset()) if kind == "META" or not _meta_only(refusal[1])
    )
    entry = catalogue.BY_ID.get(operation)
    if entry is not None and "callId" in entry.path_parameters and entry.http_method != "GET":
        documented |= {_BAD_STATE}  # a change that the call's state forbids (the sandbox's own code)
    return documented | _PARTICULAR_REFUSALS.get(operation, frozenset())


def _number_refusals(provider: Provider) -> dict[str, frozenset[Refusal]]:
    served = _SERVED[provider]
    return {
        operation: _served_refusals(operation, provider) if operation in served else frozenset({_UNSUPPORTED})
        for operation in OPERATIONS | HELPER_OPERATIONS
    }


_NEVER_SUCCEEDS: Mapping[Provider, frozenset[str]] = {
    # Groups are for web numbers: a Meta number refuses every valid request for its group messages (400
    # NOT_SUPPORTED_FOR_META, documented), by the handler's rule, since the catalogue's Messages area has no
    # `providers`.
    "META": frozenset({"get_messages_group"}),
}
"""The operations a kind of number serves (no 400 FEATURE_NOT_SUPPORTED) but never with a success."""
_SUCCEEDS: Mapping[Provider, frozenset[str]] = {
    kind: _SERVED[kind] - _NEVER_SUCCEEDS.get(kind, frozenset()) for kind in KINDS
}
"""The operations a valid request to a number of each kind may get its success from."""

_NUMBER_REFUSALS: Mapping[Provider, Mapping[str, frozenset[Refusal]]] = {
    provider: _number_refusals(provider) for provider in KINDS
}


@dataclass(frozen=True)
class Budget:
    """How much of each phase a target gets (see tests/test_contract.py's docstring for why)."""

    examples: int
    """Fuzzed examples per operation and mode (the examples phase sends the spec's examples, all of them)."""
    scenarios: int
    """Stateful scenarios: chains of up to `STEPS_PER_SCENARIO` linked calls."""
    coverage_share: int = 1
    """The coverage phase sends one of its cases in `coverage_share` (1: all of them)."""
    unexpected_methods: bool = True
    """Whether the coverage phase also sends each path the methods it lacks (answered 405 whatever the key)."""


FULL = Budget(examples=4, scenarios=5)
"""The keys whose answers depend on the request (bodies, call states, links)."""
LESSER = Budget(examples=3, scenarios=3, coverage_share=3, unexpected_methods=False)
"""The relay-only and STORE_X_DAYS numbers, and the tenant key acting on the Meta number: Meta numbers too, which the
Meta key covers in full; and the Evolution v2 number, whose answers depend on the request where it serves the
operation (messages, templates: handled as a web number's, which the web key covers in full)."""
FIXED = Budget(examples=2, scenarios=2, coverage_share=6, unexpected_methods=False)
"""The keys whose every answer is fixed whatever the request (429, 403, 409), and any operation a number does not
serve (400: the Evolution v2 number's Calls operations)."""

Credential = tuple[str, Secret]
"""A key header and its value."""


@dataclass(frozen=True)
class Target:
    """Where the checks are sent, with which credentials, and what a valid and an invalid request must get.

    A target with two credentials (a demo key's `x-api-key` and `x-api-key-id`) sends them by turns, request after
    request of each operation and phase, so that both headers meet every operation and phase."""

    name: str
    credentials: tuple[Credential, ...]
    refusals: Refusals
    """By operationId, the documented refusals of a valid request."""
    serves: frozenset[str]
    """The operations a valid request may get their success from (200, or the operation's own 2xx)."""
    negative_statuses: tuple[str, ...]
    budget: Budget
    provider: Provider | None = None
    """The kind of number the requests act on, which steers valid bodies (`sdp`, magic peers); None where no call
    can be placed (no number, a number not connected, a number on a provider that cannot call)."""
    number_id: str | None = None
    """The `x-whatsapp-number-id` sent with every request (a tenant key acting on a number)."""
    scenario: Scenario | None = None
    runs: frozenset[str] | None = None
    """The operations the suite sends it, when its answers differ from another target's only there (a number's PII
    mode decides only its lists: the Meta key covers the rest in full); None: every operation."""

    @property
    def starts_calls(self) -> bool:
        """Whether Start call (or a user calling in) can succeed, so that the stateful phase follows links."""
        return self.provider is not None

    def budget_for(self, operation_id: str) -> Budget:
        """The budget of one operation: the target's, or FIXED where a valid request's answer is fixed (an
        operation the number does not serve)."""
        return self.budget if operation_id in self.serves else FIXED

    def credential(self, turn: int) -> Credential:
        """The credential of request number `turn`."""
        return self.credentials[turn % len(self.credentials)]

    def positive_statuses(self, operation_id: str) -> list[str]:
        """The statuses a valid request to `operation_id` may get, for `positive_data_acceptance`."""
        statuses = {status for status, _ in self.refusals.get(operation_id, frozenset())}
        if operation_id in self.serves:
            entry = catalogue.BY_ID.get(operation_id)  # None: a helper of the sandbox, which answers 200
            statuses.add(200 if entry is None else entry.success_status)
        return [str(status) for status in sorted(statuses)]

    def documented(self, operation_id: str, status: int, code: str | None) -> bool:
        """Whether a valid request to `operation_id` may be refused with `status` and `code`."""
        refusals = self.refusals.get(operation_id, frozenset())
        return (status, code) in refusals or (status, ANY_CODE) in refusals


def _demo_credentials(scenario: Scenario) -> tuple[Credential, ...]:
    return (("x-api-key", Secret(scenario.api_key)), ("x-api-key-id", Secret(scenario.api_key_id)))


def _scenario_target(scenario: Scenario, budget: Budget) -> Target:
    name, credentials = scenario.name, _demo_credentials(scenario)
    operations = OPERATIONS | HELPER_OPERATIONS
    if scenario.number_id is None:
        # A key refused before its number is reached (403, 429): the same answer for every operation, valid or not.
        refusal: Refusal = (scenario.status, scenario.code)
        refusals = {op: frozenset({refusal}) for op in operations}
        return Target(name, credentials, refusals, frozenset(), (str(scenario.status),), budget, scenario=scenario)
    if scenario.code == "WHATSAPP_INSTANCE_NOT_CONNECTED":
        # A web number not connected: 409 where a web number serves the operation (the provider is checked first).
        served = _SERVED["EVO_GO"]
        refusals = {op: frozenset({(409, scenario.code) if op in served else _UNSUPPORTED}) for op in operations}
        return Target(name, credentials, refusals, frozenset(), ("400",), budget, scenario=scenario)
    if scenario.provider == "EVOLUTION_V2":
        # A number that cannot call: what its kind serves (an operation without providers), and 400 for the rest.
        kind: Provider = scenario.provider
        return Target(name, credentials, _NUMBER_REFUSALS[kind], _SUCCEEDS[kind], ("400",), budget, scenario=scenario)
    provider: Provider = "EVO_GO" if scenario.provider == "EVO_GO" else "META"  # relay-only is a Meta number
    spec = next(spec for spec in NUMBERS if spec.number_id == scenario.number_id)
    return Target(
        name, credentials, _NUMBER_REFUSALS[provider], _SUCCEEDS[provider], ("400",), budget,
        provider=provider, scenario=scenario, runs=None if spec.pii_mode == "STORE_INDEFINITE" else LISTS,
    )  # fmt: skip


def sandbox_targets() -> list[Target]:
    """Every demo key (with both key headers), and the tenant key acting on the Meta number through
    `x-whatsapp-number-id`."""
    targets = []
    for scenario in SCENARIOS:
        if scenario.name in ("meta", "web"):
            budget = FULL
        elif scenario.name in ("relay-only", "store-days", "unsupported-provider"):
            budget = LESSER
        else:
            budget = FIXED
        targets.append(_scenario_target(scenario, budget))
    tenant = next(scenario for scenario in SCENARIOS if scenario.name == "tenant")
    targets.append(
        Target(
            "tenant+num_sandbox_meta",
            _demo_credentials(tenant),
            _NUMBER_REFUSALS["META"],
            _SUCCEEDS["META"],
            # An invalid request whose x-whatsapp-number-id names no number is refused for its scope first.
            ("400", "403"),
            LESSER,
            provider="META",
            number_id="num_sandbox_meta",
            scenario=tenant,
        )
    )
    return targets


def _live_refusals() -> dict[str, frozenset[Refusal]]:
    """A real number may be of either kind, disconnected, on a provider without calls, rate limited, or the key a
    tenant's: every documented answer of any of them."""
    everywhere = frozenset({_UNSUPPORTED, (403, "TENANT_SCOPE_NOT_ALLOWED"), (429, ANY_CODE)})
    refusals = {
        operation: _NUMBER_REFUSALS["META"][operation]
        | _NUMBER_REFUSALS["EVO_GO"][operation]
        | everywhere
        | ({_DISCONNECTED} if operation in _SERVED["EVO_GO"] else frozenset())
        for operation in OPERATIONS
    }
    # Valid bodies are not steered by the kind of number, which is not known: `sdp` is required on a Meta number's
    # Start call and accept and refused on a web number's, a plain validation error either way.
    for operation in ("post_calls", "post_calls_callId_accept"):
        refusals[operation] |= {(400, None)}
    return refusals


_LIVE_NEGATIVE = ("400", "401", "403", "409", "429")


def live_target(environ: Mapping[str, str], *, examples: int) -> Target:
    """The deployment's key, from the environment (PILOT_STATUS_API_KEY, else PILOT_STATUS_API_KEY_ID)."""
    key, key_id = environ.get("PILOT_STATUS_API_KEY"), environ.get("PILOT_STATUS_API_KEY_ID")
    header, credential = ("x-api-key", key) if key else ("x-api-key-id", key_id or "")
    # Which kind of number the key has is not known: valid bodies are not steered by kind (only `to` is). Other
    # methods are never probed: one sent to /v1/calls would be a POST, which starts a real call.
    budget = Budget(examples=examples, scenarios=examples, unexpected_methods=False)
    credentials = ((header, Secret(credential)),)
    return Target("live", credentials, _live_refusals(), OPERATIONS, _LIVE_NEGATIVE, budget)
