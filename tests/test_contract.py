"""The contract suite: schemathesis sends what `openapi.json` allows and forbids to every operation, follows its
links (from call to call, from a sent message, from a saved template), and every built-in check judges each answer,
with the checks of what JSON Schema cannot say (`tests/_contract_checks.py`) and `documented_answer`.

Every phase runs: examples, coverage and fuzzing for each operation of the catalogue, then the stateful phase,
chains of linked operations, each family of them (the calls', the messages', the templates') in chains of its own
(`tests/_contract_stateful.py`), with every built-in check but `max_response_time` (a timed
check, so never in CI; live runs may switch it on). Generated security parameters are off in every phase: the key is the
target's, never a generated `x-api-key` beside an `x-api-key-id` (`one_credential` fails any request that carries
another).

By default the targets are a sandbox of the suite's own (started as a real server for this module, so that the calls
the suite starts never show in the lists other tests read): each demo key, its `x-api-key` and its `x-api-key-id`
sent by turns (request after request of every operation and phase, so that both headers meet everything), and the
tenant key acting on the Meta number through `x-whatsapp-number-id` (`tests/_contract_targets.py`). A valid request
must get its success or one of its documented refusals for that key and operation, each with its code; an invalid
one must get 400 (or the key's 403/429, which come first). Valid bodies are steered to what the number needs (`sdp`
on Meta, none on web, magic peers, sends the sandbox queues: `tests/_contract_steering.py`), so that calls really
start, messages are queued and the stateful phase follows links on both kinds of number; scripted lifecycles on each
(`_LIFECYCLES`, `_user_messages_test`) make every operation the number serves succeed once, under the same
checks.

Budget (`make test` must stay within 180 s on 2 cores, and other tests take most of it; this module takes about
60 s of CPU on a quiet machine, a sixth of it the stateful phase, and 6 s more in each worker to collect):
- full (4 fuzzed examples an operation and mode, all the coverage phase's cases, 5 stateful chains of up to 8 steps,
  or one a link where a family has fewer links: two for the messages', six for the templates'): `meta` and `web`.
  These are the keys whose answers depend on the request: bodies, call states, links;
- less (3 and 3, one coverage case in 3): `relay-only` and `store-days`, on the lists alone (their PII mode changes
  nothing else; Meta numbers, which `meta` covers in full), the tenant key acting on the Meta number, and
  `unsupported-provider` (the Evolution v2 number), whose sends, reads and templates are handled as a web number's,
  which `web` covers in full;
- fixed (2 and 2, one coverage case in 6, no probing of other methods): the keys whose every answer is fixed whatever
  the request (429, 403, 409 disconnected), and, on any key, an operation its number does
  not serve (400 FEATURE_NOT_SUPPORTED): more requests would get the same answer. What is left still holds every
  kind of invalid request the coverage phase makes, which is where the 400-versus-early-refusal order is proven.
Other methods (405, whatever the key) are probed on the full keys only, and so are the chains of the messages' and
the templates' links (the other keys run the calls' chains only). The examples phase sends all the spec's examples
everywhere.

With `PILOTSTATUS_CONTRACT_BASE_URL` set (`make contract`, tools/contract.py), the same checks run against that
deployment with the key from the environment instead: only GET operations and the writes named in `ALLOW`, `TO`
as the only number called or sent a message, throttled, and with no other method sent to any path.
"""

from __future__ import annotations

import itertools
import os
import zlib
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
import requests
import schemathesis
from schemathesis import Config
from schemathesis.checks import CheckFunction
from schemathesis.core import NOT_SET
from schemathesis.schemas import BaseSchema

from pilotstatus_api import catalogue
from pilotstatus_sandbox import SCENARIOS, Sandbox, SandboxConfig
from pilotstatus_sandbox._backend import NUMBERS
from tests._contract import SPEC_PATH, contract_runner, load_spec_dict
from tests._contract_checks import (
    CallStore,
    documented_answer,
    drift_observed,
    message_status_moves_forward,
    one_credential,
)
from tests._contract_stateful import (
    LINKS,
    STEPS,
    STEPS_PER_SCENARIO,
    chains_for,
    family_name,
    link_families,
    link_sources,
    links,
    run_stateful,
    with_sandbox_helpers,
)
from tests._contract_steering import NUMBER_HEADER, SDP_OFFER, register_steering
from tests._contract_targets import FULL, HELPER_OPERATIONS, OPERATIONS, Secret, Target, live_target, sandbox_targets
from tests._drift import SpecIndex
from tests._drift_log import DriftLog

pytestmark = pytest.mark.long  # schemathesis against the sandbox, operation by operation and stateful: started first

__all__ = ["Secret", "Target", "contract_config", "load_target_schema"]

LIVE_URL_ENV = "PILOTSTATUS_CONTRACT_BASE_URL"
DRIFT_REPORTS_ENV: str = contract_runner().DRIFT_REPORTS_ENV
RESTORES_SETTINGS_ENV = "PILOTSTATUS_CONTRACT_RESTORES_SETTINGS"
SEED = 20261126

LIVE = bool(os.environ.get(LIVE_URL_ENV))
TARGETS = (
    [live_target(os.environ, examples=int(os.environ.get("CONTRACT_MAX_EXAMPLES", "20")))]
    if LIVE
    else sandbox_targets()
)


LIVE_DRIFT_CHECKS = (
    "status_code_conformance",
    "content_type_conformance",
    "response_schema_conformance",
    "negative_data_rejection",
    "positive_data_acceptance",
)
"""The built-in checks a live run leaves to `drift_observed`, which reports what they would fail on and fails only
what breaks the SDK (`documented_answer` still judges each refusal of a valid request that the spec documents)."""


def contract_config(target: Target, *, live: bool, environ: Mapping[str, str]) -> dict[str, Any]:
    """schemathesis's configuration for one target (the keys of `schemathesis.toml`)."""
    config: dict[str, Any] = {
        "seed": SEED ^ zlib.crc32(target.name.encode()),  # fixed, and each target its own requests
        "generation": {
            "max-examples": target.budget.examples,
            "database": "none",  # every run sends the same requests: nothing replayed from earlier runs
            "with-security-parameters": False,  # the key comes from the target, not from generated headers
        },
        "phases": {
            "examples": {"enabled": True},
            "coverage": {"enabled": True, "generate-duplicate-query-parameters": True},
            "fuzzing": {"enabled": True},
            # Only the documents' links: no inferred ones.
            "stateful": {"enabled": True, "max-steps": STEPS_PER_SCENARIO, "inference": {"algorithms": []}},
        },
        "checks": {"negative_data_rejection": {"expected-statuses": list(target.negative_statuses)}},
        # A valid request gets 200, or one of the refusals documented for this key and operation.
        "operations": _operations_config(target),
    }
    if live:
        # Against a deployment the verdict on what a response holds is `drift_observed`'s: only what breaks the SDK
        # fails, and the rest (a new field, status code or header, a constraint of ours not kept) is reported.
        for check in LIVE_DRIFT_CHECKS:
            config["checks"].setdefault(check, {})["enabled"] = False
        config["rate-limit"] = environ.get("CONTRACT_RATE_LIMIT", "2/s")
        config["request-timeout"] = 30
        # Whole bodies in failure reports: a body cut short could cut an echoed key in two, past any redaction.
        config["output"] = {"truncation": {"enabled": False}}
        if environ.get("CONTRACT_MAX_RESPONSE_TIME"):
            config["checks"]["max_response_time"] = float(environ["CONTRACT_MAX_RESPONSE_TIME"])
    return config


def _operations_config(target: Target) -> list[dict[str, Any]]:
    """Per operation: its budget, and the statuses of a valid request. Operations alike share one entry (each
    entry is matched against every case, so fewer entries cost less)."""
    alike: dict[tuple[Any, ...], list[str]] = {}
    for operation_id in sorted(OPERATIONS | HELPER_OPERATIONS):
        budget = target.budget_for(operation_id)
        key = (budget.examples, budget.unexpected_methods, tuple(target.positive_statuses(operation_id)))
        alike.setdefault(key, []).append(operation_id)
    entries = []
    for (examples, unexpected_methods, statuses), operations in alike.items():
        entry: dict[str, Any] = {
            "include-operation-id": operations,
            "generation": {"max-examples": examples},
            "checks": {"positive_data_acceptance": {"expected-statuses": list(statuses)}},
        }
        if not unexpected_methods:
            entry["phases"] = {"coverage": {"unexpected-methods": []}}
        entries.append(entry)
    return entries


def _operation_id(operation: Any) -> str:
    operation_id: str = operation.definition.raw["operationId"]
    return operation_id


def _success_status(operation_id: str) -> int:
    """The status a valid request to the operation succeeds with: its catalogue's (200 for a sandbox helper)."""
    entry = catalogue.BY_ID.get(operation_id)
    return 200 if entry is None else entry.success_status


def live_operations(environ: Mapping[str, str], spec_path: Path = SPEC_PATH) -> set[str]:
    """The operations a live run sends: the GET operations and the writes `ALLOW` names, within
    `CONTRACT_OPERATIONS` when it names some."""
    runner = contract_runner()
    known = runner.operation_ids(spec_path)
    writes = runner.allowed_write_operations(environ, known)
    if "put_calls_settings" in writes and environ.get(RESTORES_SETTINGS_ENV) != "1":
        raise RuntimeError("put_calls_settings runs only under tools/contract.py, which restores the settings")
    only = runner.only_operations(environ, known)
    kept: set[str] = (runner.read_operations(spec_path) | writes) & (known if only is None else only)
    return kept


def load_target_schema(
    target: Target,
    *,
    live: bool,
    environ: Mapping[str, str],
    spec_path: Path = SPEC_PATH,
    stateful: bool = False,
    family: frozenset[str] | None = None,
) -> BaseSchema:
    """The spec as schemathesis runs it for `target`, its valid cases steered (`_contract_steering`). In the sandbox
    the stateful schema has the sandbox's call helpers too; on a live deployment only GET operations and the writes
    `ALLOW` names are kept; with `family` (the stateful phase of one family of linked operations), only its
    operations."""
    config = contract_config(target, live=live, environ=environ)
    to = None
    left_out: set[str] = set()
    if live:
        runner = contract_runner()
        to = runner.destination(environ, runner.allowed_write_operations(environ, runner.operation_ids(spec_path)))
        left_out |= OPERATIONS - live_operations(environ, spec_path)
    if family is not None:
        left_out |= (OPERATIONS | HELPER_OPERATIONS) - family
    elif target.runs is not None:
        left_out |= OPERATIONS - target.runs
    if left_out:
        # Turned off in the configuration: `schema.include()` is not applied once the configuration has
        # `operations` entries (schemathesis 4.32).
        config["operations"].append({"include-operation-id": sorted(left_out), "enabled": False})
    if stateful and not live:
        spec = with_sandbox_helpers(load_spec_dict(spec_path))
        schema = schemathesis.openapi.from_dict(spec, config=Config.from_dict(config))
    else:
        schema = schemathesis.openapi.from_path(spec_path, config=Config.from_dict(config))
    register_steering(schema, target, to=to)
    return schema


RUN_OPERATIONS = live_operations(os.environ) if LIVE else OPERATIONS
"""The operations of this run (live: the GET operations and the writes ALLOW names)."""
_LINKED = load_spec_dict() if LIVE else with_sandbox_helpers(load_spec_dict())
FAMILIES = {
    family_name(family): family
    for family in link_families(_LINKED)
    if not LIVE or family & RUN_OPERATIONS & link_sources(_LINKED)
}
"""The families of linked operations whose chains the stateful phase runs, by name (`calls`, `messages`); live, those
whose chains can start (Start call, Send message: a write ALLOW names)."""
FAMILY_OF = {operation: name for name, family in FAMILIES.items() for operation in family}

PHASES_SEEN: Counter[tuple[str, str, str]] = Counter()
"""(target, phase, mode) of every case of the examples, coverage and fuzzing phases."""
VALID_ANSWERS: Counter[tuple[str, str, int]] = Counter()
"""(target, operationId, status) of the answers to valid requests, every phase."""
CALLS_CHECKED: Counter[str] = Counter()
"""Responses to valid requests that held calls (which schemathesis checked against the schema), by target."""
CREDENTIALS_SENT: Counter[tuple[str, str, str]] = Counter()
"""(target, operationId, key header) of every request that `one_credential` passed."""
MESSAGE_STATUSES = CallStore()
"""What each message was last seen as, by (target, message id): `message_status_moves_forward`'s memory."""
MESSAGE_STATUSES_SEEN: Counter[tuple[str, str]] = Counter()
"""(target, status) of every message status the responses showed, known or not."""
MESSAGES_MOVED: Counter[tuple[str, str, str]] = Counter()
"""(target, status before, status after) of each response that showed a message at another status than the one it
was last seen at."""
_TURNS: Counter[tuple[str, str]] = Counter()
"""Requests sent so far, by (target, operationId): whose turn it is among a target's credentials."""


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    """The live deployment, or a sandbox of this module's own: 1,000 seeded calls a number, on a clock that moves only
    when a test moves it (`/_sandbox/clock/advance`, as the scripted lifecycles do). On the wall clock, a call would
    ring out while a busy machine ran the steps of a chain (an incoming call MISSED before its hang-up or accept),
    and what the run reached would depend on the machine's load."""
    if LIVE:
        yield os.environ[LIVE_URL_ENV]
        return
    with Sandbox(SandboxConfig(calls=1000, seed=7, manual_clock=True)) as sandbox:
        yield sandbox.url


@pytest.fixture(scope="module")
def http_session() -> Iterator[requests.Session]:
    """One kept-alive connection for the examples, coverage and fuzzing phases."""
    with requests.Session() as session:
        session.trust_env = False  # no proxy from the environment (nor reading it on every request)
        yield session


def _secrets() -> list[str]:
    """Every key of the run, for the drift reports' redaction."""
    return sorted({str(credential) for target in TARGETS for _, credential in target.credentials})


_SECRETS = contract_runner().redaction(_secrets())


def _redact(text: str) -> str:
    redacted: str = contract_runner().redact(text, _SECRETS)
    return redacted


DRIFT = DriftLog(
    SpecIndex(load_spec_dict()), target=os.environ.get(LIVE_URL_ENV, "the contract suite's sandbox"), redact=_redact
)
"""What every response of the run held that openapi.json does not say: written to the drift reports at the end."""


@pytest.fixture(scope="module", autouse=True)
def drift_reports() -> Iterator[None]:
    """Write the drift reports once the module's tests have run (beside the JUnit report: `DRIFT_REPORTS_ENV`)."""
    yield
    directory = Path(os.environ.get(DRIFT_REPORTS_ENV) or SPEC_PATH.parent / "reports")
    DRIFT.write(directory)


_SPEC_STATUSES = {
    operation_id: frozenset(int(code) for code in operation["responses"] if code.isdigit())
    for operation_id, (_, _, operation) in DRIFT.index.operations.items()
}
"""The statuses the spec documents for each operation: live, any other is drift, reported rather than judged."""


def _checks(target: Target) -> list[CheckFunction]:
    return [
        documented_answer(
            target, answers=VALID_ANSWERS, calls=CALLS_CHECKED, reported=_SPEC_STATUSES if LIVE else None
        ),
        one_credential(target, sent=CREDENTIALS_SENT),
        drift_observed(DRIFT, strict=not LIVE),
        message_status_moves_forward(target, store=MESSAGE_STATUSES, seen=MESSAGE_STATUSES_SEEN, moved=MESSAGES_MOVED),
    ]


def _stateful_test(target: Target, family: str) -> Callable[..., None]:
    def test(base_url: str) -> None:
        schema = load_target_schema(target, live=LIVE, environ=os.environ, stateful=True, family=FAMILIES[family])
        chains = chains_for(FAMILIES[family], _LINKED, target.budget.scenarios)
        run_stateful(schema, target, base_url=base_url, checks=_checks(target), scenarios=chains)

    test.__doc__ = (
        f"The stateful phase of the {family} for {target.name}: chains along their links, every check on each step."
    )
    return test


def _contract_test(target: Target) -> Callable[..., None]:
    schema = load_target_schema(target, live=LIVE, environ=os.environ)
    parametrize: Callable[[Callable[..., None]], Callable[..., None]] = schema.parametrize()

    # The explicit parametrize gives each item its own id (pytest 9.2 drops schemathesis's own suffix).
    @pytest.mark.parametrize("key", [target.name])
    @parametrize
    def test(case: Any, key: str, base_url: str, http_session: requests.Session) -> None:
        PHASES_SEEN[(target.name, case.meta.phase.name.value, case.meta.generation.mode.value)] += 1
        turn = (target.name, _operation_id(case.operation))
        header, credential = target.credential(_TURNS[turn])
        _TURNS[turn] += 1
        case.call_and_validate(
            base_url=base_url, session=http_session, headers={header: credential}, additional_checks=_checks(target)
        )

    decorated: Callable[..., None] = test  # pytest's mark returns the function it marks
    return decorated


_TEMPLATE_LIFE = [
    (
        "template",
        "POST",
        "/v1/templates",
        {"name": "{name}", "body": {"body": {"text": "Oi {{nome}}, pedido confirmado."}}, "examples": {"nome": "Ana"}},
        None,
    ),
    ("template", "GET", "/v1/templates/{id}", None, None),
    ("template", "PUT", "/v1/templates/{id}", {"body": "Pedido confirmado, obrigado!"}, None),
    ("template", "DELETE", "/v1/templates/{id}", None, None),
    (None, "GET", "/v1/templates", None, None),
]
"""A template of the target's own created, read, changed and deleted: the examples phase may have deleted the one its
examples name (`boas_vindas`) before another target on the same number reads it."""

_MESSAGE_LIFE = [
    (
        "message",
        "POST",
        "/v1/messages/send",
        {"destinationNumber": "+5511999990001", "text": "Pedido confirmado", "deliverAt": "2100-01-01T00:00:00Z"},
        "QUEUED",
    ),
    ("message", "GET", "/v1/messages/{messageId}", None, "QUEUED"),
    ("message", "DELETE", "/v1/messages/cancel", {"messageIds": ["{message}"]}, None),
    ("message", "GET", "/v1/messages/{messageId}", None, "CANCELED"),
    (
        "sent",
        "POST",
        "/v1/messages/send",
        {"destinationNumber": "+5511999990001", "text": "Saiu para entrega"},
        "QUEUED",
    ),
    ("sent", "GET", "/v1/messages/{messageId}", None, "DELIVERED"),  # the clock is moved on first
]
"""A message scheduled far ahead (so that it stays QUEUED), read, cancelled and read again; then one sent at once
(to a magic number whose window is always open), read again once the clock has moved on, so that
`message_status_moves_forward` follows a message along its statuses."""

_MOVED_ON = frozenset({("outbound", "/v1/calls/{callId}"), ("sent", "/v1/messages/{messageId}")})
"""The retrieves of a lifecycle that come after the sandbox's clock is moved on: a call's peer has answered or
declined, a message has gone out and been delivered."""

_LIFECYCLES = {
    # A user calls in; the business answers (on Meta after a pre-accept), opens media, plays audio, hangs up; a
    # second user call is rejected; a third is hung up by the user (the sandbox's helper), so that every operation a
    # number serves answers 200 here, whatever the stateful phase's chains happened to reach; a Start call to a peer
    # that answers is answered, then hung up; then a template's life, and a scheduled message's.
    "META": [
        ("incoming", "POST", "/_sandbox/calls/incoming", {"from": "5511988887701"}, "RINGING"),
        ("inbound", "POST", "/v1/calls/{callId}/pre-accept", {"sdp": SDP_OFFER}, "RINGING"),
        ("inbound", "POST", "/v1/calls/{callId}/accept", {"sdp": SDP_OFFER}, "ACCEPTED"),
        ("inbound", "GET", "/v1/calls/{callId}", None, "ACCEPTED"),
        ("inbound", "POST", "/v1/calls/{callId}/terminate", None, "COMPLETED"),
        ("inbound", "GET", "/v1/calls/{callId}", None, "COMPLETED"),
        ("incoming", "POST", "/_sandbox/calls/incoming", {"from": "5511988887702"}, "RINGING"),
        ("inbound", "POST", "/v1/calls/{callId}/reject", None, "REJECTED"),
        ("inbound", "GET", "/v1/calls/{callId}", None, "REJECTED"),
        ("incoming", "POST", "/_sandbox/calls/incoming", {"from": "5511988887705"}, "RINGING"),
        ("inbound", "POST", "/_sandbox/calls/{callId}/hangup", None, "MISSED"),  # the user gives up
        ("outbound", "POST", "/v1/calls", {"to": "+5511988880001", "sdp": SDP_OFFER}, "INITIATED"),
        ("outbound", "GET", "/v1/calls/{callId}", None, "ACCEPTED"),  # the clock is moved on first
        ("outbound", "POST", "/v1/calls/{callId}/terminate", None, "COMPLETED"),
        (None, "GET", "/v1/calls/permissions", {"to": "{peer}"}, None),
        (None, "POST", "/v1/calls/permissions/request", {"to": "{peer}"}, None),
        (None, "GET", "/v1/calls/settings", None, None),
        (None, "PUT", "/v1/calls/settings", {"callback_permission_status": "ENABLED"}, None),
        (None, "GET", "/v1/calls", {"limit": 5}, None),
        *_TEMPLATE_LIFE,
        *_MESSAGE_LIFE,
    ],
    "EVO_GO": [
        ("incoming", "POST", "/_sandbox/calls/incoming", {"from": "5511988887703"}, "RINGING"),
        ("inbound", "POST", "/v1/calls/{callId}/accept", {}, "ACCEPTED"),
        ("inbound", "POST", "/v1/calls/{callId}/realtime-session", {"mode": "talk"}, None),
        ("inbound", "POST", "/v1/calls/{callId}/play", {"mediaUrl": "https://example.com/greeting.mp3"}, "ACCEPTED"),
        ("inbound", "GET", "/v1/calls/{callId}", None, "ACCEPTED"),
        ("inbound", "POST", "/v1/calls/{callId}/terminate", None, "COMPLETED"),
        ("inbound", "GET", "/v1/calls/{callId}", None, "COMPLETED"),
        ("incoming", "POST", "/_sandbox/calls/incoming", {"from": "5511988887704"}, "RINGING"),
        ("inbound", "POST", "/v1/calls/{callId}/reject", None, "REJECTED"),
        ("incoming", "POST", "/_sandbox/calls/incoming", {"from": "5511988887706"}, "RINGING"),
        ("inbound", "POST", "/v1/calls/{callId}/accept", {}, "ACCEPTED"),
        ("inbound", "POST", "/_sandbox/calls/{callId}/hangup", None, "COMPLETED"),  # the user hangs up
        ("outbound", "POST", "/v1/calls", {"to": "+5511988880001"}, "INITIATED"),
        ("outbound", "POST", "/v1/calls/{callId}/play", {"mediaUrl": "https://example.com/queued.mp3"}, "INITIATED"),
        ("outbound", "GET", "/v1/calls/{callId}", None, "ACCEPTED"),  # the clock is moved on first
        ("outbound", "POST", "/v1/calls/{callId}/terminate", None, "COMPLETED"),
        ("outbound", "POST", "/v1/calls", {"to": "+5511988880002"}, "INITIATED"),
        ("outbound", "GET", "/v1/calls/{callId}", None, "REJECTED"),  # the clock is moved on first
        (None, "GET", "/v1/calls", {"limit": 5}, None),
        *_TEMPLATE_LIFE,
        *_MESSAGE_LIFE,
    ],
}


def _own(value: Any, own: Mapping[str, str]) -> Any:
    """A lifecycle's value with each placeholder of `own` (`{peer}`, `{name}`, `{message}`) replaced, in a list too."""
    if isinstance(value, list):
        return [_own(item, own) for item in value]
    return own.get(value, value) if isinstance(value, str) else value


def _lifecycle_test(target: Target) -> Callable[..., None]:
    provider = target.provider
    assert provider is not None

    def test(base_url: str, http_session: requests.Session) -> None:
        schema = load_target_schema(target, live=False, environ=os.environ, stateful=True)
        number = {NUMBER_HEADER: target.number_id} if target.number_id else {}
        # A peer of this target's own: Meta allows one permission request a day to a user.
        peer = f"+55119777{zlib.crc32(target.name.encode()) % 10_000:04d}5"
        own = {"{peer}": peer, "{name}": f"lifecycle_{zlib.crc32(target.name.encode()):08x}"}  # a name of its own
        calls: dict[str, str] = {}
        for turn, (call, method, path, template, status) in enumerate(_LIFECYCLES[provider]):
            mine = {**own, "{message}": calls.get("message", "")}
            data: Any = {key: _own(value, mine) for key, value in template.items()} if template else None
            if method == "GET" and (call, path) in _MOVED_ON and status != "INITIATED":
                # The peer answers (or declines) a second after the call rings, a message is delivered a second after
                # it is sent: move the sandbox's clock on.
                advanced = http_session.post(
                    f"{base_url}/_sandbox/clock/advance",
                    json={"seconds": 2},
                    headers={**dict([target.credential(0)]), **number},
                )
                assert advanced.status_code == 200, advanced.text
            operation = schema[path][method]
            parameter = next((name for name in ("callId", "id", "messageId") if f"{{{name}}}" in path), None)
            case = operation.Case(
                path_parameters={parameter: calls[call]} if call in calls and parameter else None,
                query=data if method == "GET" else None,
                body=data if method != "GET" and data is not None else NOT_SET,
                media_type="application/json" if method != "GET" and data is not None else None,
                headers=number or None,
            )
            header, credential = target.credential(turn)
            response = case.call_and_validate(
                base_url=base_url, session=http_session, headers={header: credential}, additional_checks=_checks(target)
            )
            assert response.status_code == _success_status(_operation_id(operation)), (method, path, response.text)
            VALID_ANSWERS[(target.name, _operation_id(operation), response.status_code)] += 1
            body = response.json()
            if call in ("incoming", "outbound", "template", "message", "sent") and method == "POST" and "{" not in path:
                calls["inbound" if call == "incoming" else call] = body["id"]
            if status is not None:
                assert body["status"] == status, (method, path, body)

    test.__doc__ = (
        f"A scripted lifecycle on {target.name}'s number, each answer judged by every check: every operation it "
        "serves succeeds once, with the statuses of the documented lifecycle."
    )
    return test


PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
"""A 1x1 PNG, in base64: the photo a user sends."""
GROUP = "120363025246125486@g.us"
META = next(scenario for scenario in SCENARIOS if scenario.name == "meta")
(META_PHONE_NUMBER_ID,) = (spec.phone_number_id for spec in NUMBERS if spec.number_id == META.number_id)


def _user_messages_test(target: Target) -> Callable[..., None]:
    def test(base_url: str, http_session: requests.Session) -> None:
        schema = load_target_schema(target, live=False, environ=os.environ)
        number = {NUMBER_HEADER: target.number_id} if target.number_id else {}
        user = f"55119666{zlib.crc32(target.name.encode()) % 10_000:04d}5"  # a user of this target's own
        turns = itertools.count()

        def checked(method: str, path: str, *, body: Any = NOT_SET, **parts: Any) -> Any:
            operation = schema[path][method]
            media_type = None if body is NOT_SET else "application/json"
            case = operation.Case(body=body, media_type=media_type, headers=number or None, **parts)
            header, credential = target.credential(next(turns))
            response = case.call_and_validate(
                base_url=base_url, session=http_session, headers={header: credential}, additional_checks=_checks(target)
            )
            operation_id = _operation_id(operation)
            assert response.status_code == _success_status(operation_id), (method, path, response.text)
            VALID_ANSWERS[(target.name, operation_id, response.status_code)] += 1
            return response.json()

        def user_writes(body: dict[str, Any], *, to_meta: bool = False) -> Any:
            """The sandbox's helper (not the API's: not judged here): the user writes to the target's number, or to
            the demo Meta number."""
            headers = {"x-api-key": META.api_key} if to_meta else {**dict([target.credential(0)]), **number}
            written = http_session.post(f"{base_url}/_sandbox/messages/incoming", json=body, headers=headers)
            assert written.status_code == 200, written.text
            return written.json()

        user_writes({"from": user, "text": "Oi! Meu pedido já saiu?"})
        for path in ("/v1/messages/history", "/v1/messages/unread", "/v1/conversations"):
            assert checked("GET", path, query={"pageSize": 5})["total"] > 0, path
        checked("GET", "/v1/analytics/dashboard", query={"tz": "America/Sao_Paulo"})
        if target.provider == "EVO_GO":  # groups are for web numbers
            user_writes({"from": user, "text": "Bom dia!", "groupId": GROUP, "groupName": "Clientes"})
            assert checked("GET", "/v1/messages/group", query={"pageSize": 5})["messages"][0]["groupId"] == GROUP
        # The media a user sent to the Meta number, downloaded with its phoneNumberId whichever number the key is.
        photo = {"mimeType": "image/png", "fileName": "recibo.png", "base64": PNG}
        media_id = user_writes({"from": user, "media": photo}, to_meta=True)["media"]["id"]
        downloaded = checked(
            "GET",
            "/v1/media/{mediaId}",
            path_parameters={"mediaId": media_id},
            query={"phoneNumberId": META_PHONE_NUMBER_ID},
        )
        assert downloaded["base64"] == f"data:image/png;base64,{PNG}"

    test.__doc__ = (
        f"A user writes to {target.name}'s number (in a group too, on a web number), the reads see it, and a user's "
        "photo to the Meta number is downloaded: what only a user's messages make succeed (group messages, media) "
        "succeeds once, each answer judged by every check (the scripted lifecycle sends, reads and cancels)."
    )
    return test


def _test_name(target: Target) -> str:
    return "".join(char if char.isalnum() else "_" for char in target.name)


for _target in TARGETS:
    # The stateful phase first: the calls it starts and changes then show in the lists the other phases fetch.
    for _family in FAMILIES:
        # A key with less than the full budget runs the calls' chains only: every answer of its is fixed (429, 403,
        # 409, 400), or it is a Meta number whose sends and templates the Meta key's chains cover (a PII mode changes
        # what the reads show, not what a chain does), or the Evolution v2 number, handled as the web key's.
        if LIVE or _target.budget == FULL or _family == "calls":
            globals()[f"test_stateful_{_family}_{_test_name(_target)}"] = _stateful_test(_target, _family)
    globals()[f"test_contract_{_test_name(_target)}"] = _contract_test(_target)
    if not LIVE and _target.starts_calls and _target.budget == FULL:
        globals()[f"test_lifecycle_{_test_name(_target)}"] = _lifecycle_test(_target)
        globals()[f"test_user_messages_{_test_name(_target)}"] = _user_messages_test(_target)


def test_every_phase_and_mode_ran_for_every_key() -> None:
    """Runs after the contract tests above (pytest keeps the file's order): each target went through the four
    phases, with valid and invalid requests, and every request's credential was checked."""
    for target in TARGETS:
        seen = {(phase, mode) for (name, phase, mode) in PHASES_SEEN if name == target.name}
        assert {phase for phase, _ in seen} == {"examples", "coverage", "fuzzing"}, target.name
        assert {mode for _, mode in seen} == {"positive", "negative"}, target.name
        if FAMILIES:
            assert sum(count for (name, _, _), count in STEPS.items() if name == target.name) > 0, target.name


def test_every_key_header_met_every_operation() -> None:
    """Each of a target's credentials (a demo key's `x-api-key` and `x-api-key-id`) was sent to every operation,
    and `one_credential` passed every request (it fails a request with a generated key, or with both headers)."""
    for target in TARGETS:
        for operation in RUN_OPERATIONS if target.runs is None else RUN_OPERATIONS & target.runs:
            sent = {header for (name, op, header) in CREDENTIALS_SENT if name == target.name and op == operation}
            assert sent == {header for header, _ in target.credentials}, (target.name, operation)


if LIVE:

    def test_valid_requests_got_calls_to_check_against_the_schema() -> None:
        """A live run whose valid requests never got a call (all refused, say for a disconnected number, or empty
        lists) checked no call against the schema: it fails, unless CONTRACT_EXPECT_CALLS=0 says that is expected."""
        answers = {
            status: count for (name, operation, status), count in VALID_ANSWERS.items() if operation == "get_calls"
        }
        if os.environ.get("CONTRACT_EXPECT_CALLS", "1") != "0":
            assert CALLS_CHECKED["live"] > 0, f"no valid request got calls; the statuses they got: {answers}"

else:

    def test_the_stateful_phase_followed_links_on_both_kinds_of_number() -> None:
        """The stateful phase did not just run: on the Meta and the web number it started calls and followed the
        links from them, and a linked action succeeded on each; and every link of the other families (a sent
        message's, a saved template's) was followed, and each retrieve they lead to found what its source made."""
        labels = {
            operation["operationId"]: f"{method.upper()} {path}"
            for path, item in _LINKED["paths"].items()
            for method, operation in item.items()
            if isinstance(operation, dict) and "operationId" in operation
        }
        for target in TARGETS:
            if not target.starts_calls or target.budget.scenarios < FULL.scenarios:
                continue
            followed = {(link, status) for (name, link, status), _ in LINKS.items() if name == target.name}
            sources = {link.split(" -> ")[0] for link, _ in followed}
            assert {"POST /v1/calls", "POST /_sandbox/calls/incoming"} <= sources, (target.name, followed)
            succeeded = {link.rsplit(" -> ", 1)[1] for link, status in followed if 200 <= status < 300}
            assert "GET /v1/calls/{callId}" in succeeded, (target.name, followed)
            assert "POST /v1/calls/{callId}/terminate" in succeeded or "POST /v1/calls/{callId}/accept" in succeeded
            others = {labels[linked] for source, linked in links(_LINKED) if FAMILY_OF[source] != "calls"}
            assert others - {link.rsplit(" -> ", 1)[1] for link, _ in followed} == set(), (target.name, followed)
            retrieves = {label for label in others if label.startswith("GET ")}
            assert retrieves - succeeded == set(), (target.name, followed)

    def test_the_message_status_check_followed_messages_through_their_statuses_on_the_full_keys() -> None:
        """`message_status_moves_forward` did not check nothing: on the Meta and the web number it saw messages at
        each of QUEUED, DELIVERED and CANCELED, and compared a message's later status with its earlier one, both
        along the way (a send, then its retrieve once the clock has moved on) and to an end (a cancel)."""
        for target in TARGETS:
            if target.budget != FULL:
                continue
            statuses = {status for (name, status) in MESSAGE_STATUSES_SEEN if name == target.name}
            assert {"QUEUED", "DELIVERED", "CANCELED"} <= statuses, (target.name, statuses)
            moves = {(before, after) for (name, before, after) in MESSAGES_MOVED if name == target.name}
            assert {("QUEUED", "DELIVERED"), ("QUEUED", "CANCELED")} <= moves, (target.name, moves)

    def test_the_sandbox_sent_nothing_that_openapi_json_does_not_say() -> None:
        """The drift report of a run against the sandbox is empty: every response, of every phase and key, was
        exactly what the spec says (no field, enum value, status, content type or header it does not list)."""
        assert DRIFT.responses > 0
        assert DRIFT.entries() == [], "see reports/drift.md"

    def test_every_operation_a_number_serves_answered_a_valid_request() -> None:
        """On the Meta and the web number, every operation the number serves answered its success (200, or its own
        2xx: 202 for Send message) to a valid request in some phase: the suite reached each operation itself, past
        its refusals."""
        for target in TARGETS:
            if not target.starts_calls or target.budget.scenarios < FULL.scenarios:
                continue
            answered = {
                operation
                for (name, operation, status) in VALID_ANSWERS
                if name == target.name and status == _success_status(operation)
            }
            assert target.serves - answered == set(), target.name
