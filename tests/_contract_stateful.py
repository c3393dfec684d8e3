"""The contract suite's stateful phase: schemathesis's state machine over the OpenAPI links, run as a test.

The spec links Start call's 200 (`$response.body#/id`) to the seven `{callId}` operations: a chain starts a call,
then retrieves it, hangs it up, plays audio into it...; and Send message's 202 to Get message and Cancel (send,
retrieve, cancel). The operations linked to one another make a family (`link_families`: the calls', the messages'),
and each family runs its own chains: every chain starts at an operation with links (a root), so in one machine the
messages' chains would take their share of the steps from the calls', and the calls' chains would reach fewer of the
states only they can reach. Against the sandbox the machine also gets the sandbox's own
`POST /_sandbox/calls/incoming` (a user calls the number; from the sandbox's helpers document, never in
openapi.json), linked the same way to the seven operations and to `POST /_sandbox/calls/{callId}/hangup`: only an
inbound call can be pre-accepted, accepted or rejected, so without it those operations would never succeed in a
chain. Accept's 200 is linked (by its `id`) to what needs an answered call: a realtime session, play, retrieve,
terminate, hang-up; a Start call is answered a second after it rings, later than a chain's next steps. Only these
links are followed: schemathesis's inference of more links is off, so that what runs is what the documents say.

Each step goes through the target's credential and the same checks as the other phases (every built-in check, the
custom ones, `documented_answer`), and is counted (`STEPS`, `LINKS`), so that a test can prove the phase ran and
followed links, not that it was skipped as "not applicable".
"""

from __future__ import annotations

import copy
import itertools
import json
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from importlib import resources
from typing import Any

import hypothesis
import requests
from schemathesis.checks import CheckFunction
from schemathesis.generation.stateful import run_state_machine_as_test
from schemathesis.generation.stateful.state_machine import StepInput, StepOutput
from schemathesis.schemas import BaseSchema

from pilotstatus_api import catalogue
from tests._contract_targets import Target

__all__ = [
    "LINKS",
    "STEPS",
    "STEPS_PER_SCENARIO",
    "chains_for",
    "family_name",
    "link_families",
    "link_sources",
    "links",
    "run_stateful",
    "with_sandbox_helpers",
]

STEPS_PER_SCENARIO = 8

STEPS: Counter[tuple[str, str, int]] = Counter()
"""(target, operation label, status) of every stateful step."""
LINKS: Counter[tuple[str, str, int]] = Counter()
"""(target, link followed, status of the linked request) of every step that used a value a link extracted."""

_INCOMING = "/_sandbox/calls/incoming"
_HANGUP = "/_sandbox/calls/{callId}/hangup"
_LINKED_FROM_INCOMING = {
    "GetCall": "get_calls_callId",
    "PreAcceptCall": "post_calls_callId_pre-accept",
    "AcceptCall": "post_calls_callId_accept",
    "RejectCall": "post_calls_callId_reject",
    "TerminateCall": "post_calls_callId_terminate",
    "PlayAudio": "post_calls_callId_play",
    "RealtimeSession": "post_calls_callId_realtime-session",
    "HangUp": "sandbox_hangup_call",
}
_LINKED_FROM_ACCEPT = {
    name: _LINKED_FROM_INCOMING[name] for name in ("GetCall", "TerminateCall", "PlayAudio", "RealtimeSession", "HangUp")
}
_ACCEPT = "/v1/calls/{callId}/accept"


@cache
def _helpers_document() -> str:
    """The sandbox's helpers document (package data, also served at `GET /_sandbox/openapi.json`)."""
    return resources.files("pilotstatus_sandbox").joinpath("_helpers_openapi.json").read_text(encoding="utf-8")


def _prefixed(node: Any, prefix: str) -> Any:
    """`node` with every local `$ref` to a component pointed at its copy named `prefix` + name."""
    if isinstance(node, dict):
        return {
            key: _prefix_ref(value, prefix) if key == "$ref" and isinstance(value, str) else _prefixed(value, prefix)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_prefixed(item, prefix) for item in node]
    return node


def _prefix_ref(ref: str, prefix: str) -> str:
    parts = ref.split("/")
    if len(parts) == 4 and parts[:2] == ["#", "components"]:
        return f"#/components/{parts[2]}/{prefix}{parts[3]}"
    return ref


def with_sandbox_helpers(spec: Mapping[str, Any]) -> dict[str, Any]:
    """`spec` with the sandbox's `incoming` and `hangup` helpers added (their components renamed `Sandbox...`, so
    that they never replace the spec's), `incoming`'s 200 linked to the call operations and `hangup`, and accept's
    200 linked to what needs an answered call (openapi.json's links start at Start call only)."""
    helpers = json.loads(_helpers_document())
    combined = copy.deepcopy(dict(spec))
    for kind, items in helpers.get("components", {}).items():
        for name, item in items.items():
            combined.setdefault("components", {}).setdefault(kind, {})[f"Sandbox{name}"] = _prefixed(item, "Sandbox")
    incoming = _prefixed(helpers["paths"][_INCOMING], "Sandbox")
    incoming["post"]["responses"]["200"]["links"] = {
        name: {"operationId": operation_id, "parameters": {"callId": "$response.body#/id"}}
        for name, operation_id in _LINKED_FROM_INCOMING.items()
    }
    combined["paths"][_INCOMING] = incoming
    combined["paths"][_HANGUP] = _prefixed(helpers["paths"][_HANGUP], "Sandbox")
    # What only an answered call allows (a realtime session; play, heard at once) follows accept.
    accepted = combined["paths"][_ACCEPT]["post"]["responses"]["200"].setdefault("links", {})
    for name, operation_id in _LINKED_FROM_ACCEPT.items():
        accepted.setdefault(name, {"operationId": operation_id, "parameters": {"callId": "$response.body#/id"}})
    return combined


def links(spec: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    """(source, target) operationIds of each of `spec`'s links."""
    for path in spec["paths"].values():
        for operation in path.values():
            if not isinstance(operation, Mapping) or "operationId" not in operation:
                continue
            for response in operation.get("responses", {}).values():
                for link in response.get("links", {}).values():
                    yield operation["operationId"], link["operationId"]


def link_sources(spec: Mapping[str, Any]) -> frozenset[str]:
    """The operations whose answers `spec` links to others: where a chain can start."""
    return frozenset(source for source, _ in links(spec))


def link_families(spec: Mapping[str, Any]) -> list[frozenset[str]]:
    """The operationIds that `spec`'s links join, by family: each family the operations one link or a chain of
    links joins (a connected component of the links' graph), which its chains never leave. An operation with no link
    is in none (the other phases test it)."""
    family: dict[str, str] = {}

    def root(operation: str) -> str:
        while family.setdefault(operation, operation) != operation:
            operation = family[operation]
        return operation

    for source, target in links(spec):
        family[root(target)] = root(source)
    families: dict[str, set[str]] = {}
    for operation in family:
        families.setdefault(root(operation), set()).add(operation)
    return sorted((frozenset(members) for members in families.values()), key=sorted)


def chains_for(family: frozenset[str], spec: Mapping[str, Any], budget: int) -> int:
    """How many chains a family's stateful phase runs: the target's budget, but no more than one for each of the
    family's links (a send's two links need fewer chains than the calls' twenty to be followed each: a chain follows
    several)."""
    return min(budget, sum(source in family for source, _ in links(spec)))


def family_name(members: frozenset[str]) -> str:
    """A family's name: the catalogue's area of its operations (`calls`, `messages`); the sandbox's helpers have
    none."""
    areas = Counter(catalogue.BY_ID[operation].area for operation in members if operation in catalogue.BY_ID)
    (area, _), *_ = areas.most_common(1)
    return area


def run_stateful(
    schema: BaseSchema,
    target: Target,
    *,
    base_url: str,
    checks: list[CheckFunction],
    on_response: Callable[[Any], None] | None = None,
    scenarios: int | None = None,
) -> None:
    """Run `scenarios` chains (by default `target.budget.scenarios`) of up to STEPS_PER_SCENARIO linked calls against
    `base_url`; raise schemathesis's `FailureGroup` at the first chain that fails a check (hypothesis then shrinks
    it)."""
    session = requests.Session()  # one connection, kept alive, for the whole phase
    session.trust_env = False  # no proxy from the environment (nor reading it on every request)
    turns = itertools.count()

    class Machine(schema.as_state_machine()):  # type: ignore[misc]
        def get_call_kwargs(self, case: Any) -> dict[str, Any]:
            # The target's credentials by turns, step after step.
            header, credential = target.credential(next(turns))
            return {"base_url": base_url, "headers": {header: credential}, "session": session}

        def step(self, input: StepInput) -> StepOutput:
            output: StepOutput = super().step(input)
            status = output.response.status_code
            STEPS[(target.name, input.case.operation.label, status)] += 1
            if input.transition is not None and input.applied_parameters:
                LINKS[(target.name, input.transition.id, status)] += 1
            return output

        def after_call(self, response: Any, case: Any) -> None:
            super().after_call(response, case)
            if on_response is not None:
                on_response(response)

        def validate_response(
            self, response: Any, case: Any, additional_checks: list[CheckFunction] | None = None, **kwargs: Any
        ) -> None:
            super().validate_response(response, case, additional_checks=[*checks, *(additional_checks or [])], **kwargs)

    settings = hypothesis.settings(
        max_examples=target.budget.scenarios if scenarios is None else scenarios,
        stateful_step_count=STEPS_PER_SCENARIO,
        deadline=None,
        derandomize=True,  # the same chains on every run (a link is still followed or not by a coin toss)
        database=None,
        phases=[hypothesis.Phase.generate, hypothesis.Phase.shrink],
        suppress_health_check=list(hypothesis.HealthCheck),
        print_blob=False,
    )
    try:
        run_state_machine_as_test(Machine, settings=settings)
    finally:
        session.close()
