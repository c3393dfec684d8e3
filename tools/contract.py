"""`make contract BASE_URL=...`: the contract suite (tests/test_contract.py) against any deployment, the real API
included, with the key from PILOT_STATUS_API_KEY (or PILOT_STATUS_API_KEY_ID).

Only GET operations run, unless `ALLOW` (or its older name `CONTRACT_ALLOW_WRITES`) names others one by one, by
operationId (`post_calls`) or by the SDK's method (`calls.create`), both as the catalogue has them:

    make contract BASE_URL=https://pilotstatus.com.br ALLOW=calls.create,calls.terminate TO=+5511999990001

`TO` is the only number a Start call, a permission request or a message of the run goes to, and the only one it
writes (a button's number, in a message or a template); it is required when an operation whose body has a phone
number is allowed (`calls.create`, `calls.permissions.request`, `messages.send`, a template's writes). A message to
a group or a channel is never sent: a live send loses its `groupId` and `newsletterId`. An allowed settings update
(`calls.settings.update`) is preceded by a read of the settings, which are written back at the end of the run,
failed or not. CONTRACT_OPERATIONS limits a run to the operations it names; no other method is sent to any path;
requests are throttled (CONTRACT_RATE_LIMIT, default 2/s). The key never reaches the output: the suite masks it and
schemathesis filters it from its reports, and this runner removes it from every line it passes on and from the
JUnit and drift reports, in case anything slipped through.

Beside the JUnit report the suite writes the drift reports: `drift.json`, `drift.md` (what the deployment sends
that openapi.json does not say) and `drift.patch.json` (the additive part, as a JSON Patch for `make adopt-drift`).
A live run fails only on drift that breaks the SDK (a missing required field, a type mismatch); the rest is reported.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

from pilotstatus._credentials import MIN_REDACTED, REDACTED
from pilotstatus_api import catalogue

ROOT = Path(__file__).resolve().parents[1]
KEY_ENVS = ("PILOT_STATUS_API_KEY", "PILOT_STATUS_API_KEY_ID")
ALLOW_ENVS = ("ALLOW", "CONTRACT_ALLOW_WRITES")
RESTORES_SETTINGS_ENV = "PILOTSTATUS_CONTRACT_RESTORES_SETTINGS"
DRIFT_REPORTS_ENV = "PILOTSTATUS_DRIFT_REPORTS"
DRIFT_REPORTS = ("drift.json", "drift.md", "drift.patch.json")
"""The drift reports the suite writes beside the JUnit report (tests/_drift_log.py)."""

SDK_METHODS: dict[str, str] = {
    entry.operation_id: entry.sdk_method for entry in catalogue.OPERATIONS if entry.sdk_method is not None
}
"""The SDK method (on a `PilotStatus` client) that `ALLOW` may name an operation by, from the catalogue."""


PHONE_FIELDS = frozenset({"to", "destinationNumber", "phoneNumber", "phone_number"})
"""The names of a phone number in a request body of the spec, at any depth: who is called (`to`), who a message goes
to (`destinationNumber`), the number a button calls (`phoneNumber` in a message, `phone_number` in a template). A live
run replaces each with `TO`."""


def _phone_fields(schemas: Mapping[str, Any], node: Any, seen: frozenset[str] = frozenset()) -> Iterator[str]:
    """The PHONE_FIELDS that a schema's objects have as properties, at any depth (through `$ref`, items, unions)."""
    if isinstance(node, list):
        for item in node:
            yield from _phone_fields(schemas, item, seen)
        return
    if not isinstance(node, Mapping):
        return
    ref = node.get("$ref")
    if isinstance(ref, str):
        name = ref.rsplit("/", 1)[-1]
        if name not in seen:
            yield from _phone_fields(schemas, schemas.get(name), seen | {name})
        return
    properties = node.get("properties", {})
    yield from (name for name in properties if name in PHONE_FIELDS)
    yield from _phone_fields(schemas, list(properties.values()), seen)
    for key in ("items", "anyOf", "oneOf", "allOf", "additionalProperties"):
        yield from _phone_fields(schemas, node.get(key), seen)


def dialling_operations(spec_path: Path = ROOT / "openapi.json") -> frozenset[str]:
    """The operations that reach a phone number, or write one: the writes whose request body has a phone number
    (`PHONE_FIELDS`) at any depth, such as Start call, Send message or Create template. Allowed only with `TO`."""
    schemas = json.loads(spec_path.read_text(encoding="utf-8"))["components"]["schemas"]
    return frozenset(
        entry.operation_id
        for entry in catalogue.OPERATIONS
        if entry.http_method != "GET"
        and entry.body is not None
        and next(_phone_fields(schemas, {"$ref": entry.body}), None) is not None
    )


DIALLING = dialling_operations()
PHONE = re.compile(r"\+?[0-9]{7,15}")
"""The spec's pattern of a `to`."""


def redaction(secrets: Iterable[str]) -> re.Pattern[str] | None:
    """What to remove from the output: each secret, and any part of one of at least MIN_REDACTED characters that
    starts or ends it, in case a report cut the secret short; written plainly or escaped inside a JSON string. A
    secret shorter than MIN_REDACTED is not searched for, as in the SDK: replacing it would garble ordinary text."""
    parts: set[str] = set()
    for secret in secrets:
        if len(secret) < MIN_REDACTED:
            continue
        for form in {secret, json.dumps(secret)[1:-1], secret.replace("/", "\\/")}:
            parts.update(form[:size] for size in range(MIN_REDACTED, len(form) + 1))
            parts.update(form[-size:] for size in range(MIN_REDACTED, len(form) + 1))
    if not parts:
        return None
    return re.compile("|".join(re.escape(part) for part in sorted(parts, key=len, reverse=True)))


def redact(text: str, pattern: re.Pattern[str] | None) -> str:
    return text if pattern is None else pattern.sub(REDACTED, text)


def settings_problem(environ: Mapping[str, str]) -> str | None:
    """What is wrong with the CONTRACT_* settings, before the suite starts (a bad value would otherwise surface as a
    collection error with a traceback)."""
    expect_calls = environ.get("CONTRACT_EXPECT_CALLS", "1")
    if expect_calls not in ("0", "1"):
        return f"CONTRACT_EXPECT_CALLS must be 0 or 1 (got {expect_calls!r})"
    examples = environ.get("CONTRACT_MAX_EXAMPLES", "20")
    if not (examples.isascii() and examples.isdigit() and int(examples) > 0):
        return f"CONTRACT_MAX_EXAMPLES must be a whole number above 0 (got {examples!r})"
    rate = environ.get("CONTRACT_RATE_LIMIT", "2/s")
    if not re.fullmatch(r"[1-9][0-9]*/[smhd]", rate):
        return f"CONTRACT_RATE_LIMIT must be requests per s, m, h or d, such as 2/s (got {rate!r})"
    timing = environ.get("CONTRACT_MAX_RESPONSE_TIME")
    if timing and not re.fullmatch(r"[0-9]+(\.[0-9]+)?", timing):
        return f"CONTRACT_MAX_RESPONSE_TIME must be seconds, such as 2 or 0.5 (got {timing!r})"
    try:
        known = operation_ids(ROOT / "openapi.json")
        destination(environ, allowed_write_operations(environ, known))
        only_operations(environ, known)
    except ValueError as error:
        return str(error)
    return None


def operation_ids(spec_path: Path) -> set[str]:
    """The operationId of every operation of the spec at `spec_path`."""
    paths = json.loads(spec_path.read_text(encoding="utf-8"))["paths"]
    return {
        operation["operationId"] for path in paths.values() for operation in path.values() if "operationId" in operation
    }


def read_operations(spec_path: Path) -> set[str]:
    """The operationIds of the spec's GET operations, which every live run may send."""
    paths = json.loads(spec_path.read_text(encoding="utf-8"))["paths"]
    return {path["get"]["operationId"] for path in paths.values() if "get" in path}


def operation_id_of(name: str, known: set[str]) -> str | None:
    """The operationId that `name` names: itself, or by its SDK method (`SDK_METHODS`)."""
    if name in known:
        return name
    return next((op for op, method in SDK_METHODS.items() if name == method and op in known), None)


def _named_operations(environ: Mapping[str, str], setting: str, known: set[str]) -> set[str]:
    """The operationIds a comma-separated setting names; ValueError for a name that is no operation."""
    named = {name.strip() for name in environ.get(setting, "").split(",") if name.strip()}
    resolved = {name: operation_id_of(name, known) for name in named}
    unknown = sorted(name for name, operation_id in resolved.items() if operation_id is None)
    if unknown:
        raise ValueError(
            f"{setting} names no operation of openapi.json: {', '.join(unknown)} (an operationId such as "
            "post_calls, or an SDK method such as calls.create)"
        )
    return {operation_id for operation_id in resolved.values() if operation_id is not None}


def allowed_write_operations(environ: Mapping[str, str], known: set[str]) -> set[str]:
    """The operations other than GET that a live run may call: only those named, one by one, in `ALLOW` (or
    `CONTRACT_ALLOW_WRITES`, its older name; both are read)."""
    return set().union(*(_named_operations(environ, setting, known) for setting in ALLOW_ENVS))


def destination(environ: Mapping[str, str], writes: set[str]) -> str | None:
    """`TO`, the one number a run's Start calls, permission requests and messages go to, and the only one it writes
    (a button's number); ValueError when an allowed operation needs it and it is missing, or when it is not a phone
    number."""
    to = environ.get("TO", "").strip()
    dialling = sorted(writes & DIALLING)
    if not to:
        if dialling:
            names = ", ".join(SDK_METHODS.get(op, op) for op in dialling)
            raise ValueError(
                f"TO must name the one phone number the run may call, send messages to or write (in a template's "
                f"button, say) when ALLOW has {names} (such as TO=+5511999990001)"
            )
        return None
    if not PHONE.fullmatch(to):
        raise ValueError(f"TO must be a phone number: an optional + and 7 to 15 digits (got {to!r})")
    return to


def only_operations(environ: Mapping[str, str], known: set[str]) -> set[str] | None:
    """The operations a run is limited to, when `CONTRACT_OPERATIONS` names some (a deployment that serves only
    part of the API, say); None for no limit. A write named here still needs `CONTRACT_ALLOW_WRITES`."""
    return _named_operations(environ, "CONTRACT_OPERATIONS", known) or None


class SettingsGuard:
    """Reads the calling settings before a run that may update them and writes them back after it: `save()` reads
    `GET /v1/calls/settings`, `restore()` sends what was read to `PUT /v1/calls/settings` (the keys an update takes:
    `sip` is read-only) and reads them again to say which keys still differ (a partial update cannot remove a key
    that the run added)."""

    def __init__(self, base_url: str, header: str, key: str, spec_path: Path = ROOT / "openapi.json") -> None:
        self._client = httpx.Client(base_url=base_url, headers={header: key}, timeout=30)
        spec = json.loads(spec_path.read_text(encoding="utf-8"))
        self._updatable = set(spec["components"]["schemas"]["CallingSettingsUpdate"]["properties"])
        self.saved: dict[str, object] | None = None

    def _read(self) -> dict[str, object]:
        response = self._client.get("/v1/calls/settings")
        if response.status_code != 200:
            raise RuntimeError(f"GET /v1/calls/settings answered {response.status_code}")
        calling = response.json().get("calling")
        if not isinstance(calling, dict):
            raise RuntimeError("GET /v1/calls/settings answered without a calling object")
        return {key: value for key, value in calling.items() if key in self._updatable}

    def save(self) -> None:
        self.saved = self._read()

    def restore(self) -> list[str]:
        """Write the saved settings back; the keys that still differ afterwards."""
        assert self.saved is not None, "restore() follows save()"
        if self.saved:
            response = self._client.put("/v1/calls/settings", json=self.saved)
            if response.status_code != 200:
                raise RuntimeError(f"PUT /v1/calls/settings answered {response.status_code}")
        now = self._read()
        return sorted(key for key in self.saved.keys() | now.keys() if self.saved.get(key) != now.get(key))

    def close(self) -> None:
        self._client.close()


def fail(message: str) -> int:
    print(f"contract: error: {message}", file=sys.stderr)
    return 2


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make contract", description=__doc__)
    parser.add_argument(
        "--base-url", default=os.environ.get("BASE_URL", ""), help="the deployment (default: $BASE_URL)"
    )
    parser.add_argument(
        "--report", default=str(ROOT / "reports" / "contract-junit.xml"), help="where to write the JUnit report"
    )
    args = parser.parse_args(argv)
    url = urlsplit(args.base_url)
    if url.scheme not in ("http", "https") or not url.hostname:
        return fail(f"BASE_URL must be an http(s) URL, such as https://pilotstatus.com.br (got {args.base_url!r})")
    secrets = [os.environ[name] for name in KEY_ENVS if os.environ.get(name)]
    if not secrets:
        return fail(f"set {KEY_ENVS[0]} (or {KEY_ENVS[1]}) to the key to test with")
    if len(secrets) > 1:
        return fail(f"both {KEY_ENVS[0]} and {KEY_ENVS[1]} are set: keep the one to test with")
    problem = settings_problem(os.environ)
    if problem is not None:
        return fail(problem)
    pattern = redaction(secrets)
    if pattern is None:
        print(f"contract: note: a key shorter than {MIN_REDACTED} characters is not masked in the output", flush=True)
    report = Path(args.report)
    report.parent.mkdir(parents=True, exist_ok=True)
    base_url = args.base_url.rstrip("/")
    env = {
        **os.environ,
        "PILOTSTATUS_CONTRACT_BASE_URL": base_url,
        DRIFT_REPORTS_ENV: str(report.parent),
        "PYTHONUNBUFFERED": "1",
    }
    writes = allowed_write_operations(os.environ, operation_ids(ROOT / "openapi.json"))
    guard = None
    if "put_calls_settings" in writes:
        header = "x-api-key" if os.environ.get(KEY_ENVS[0]) else "x-api-key-id"
        guard = SettingsGuard(base_url, header, secrets[0])
        try:
            guard.save()
        except (httpx.HTTPError, RuntimeError, ValueError) as error:
            guard.close()
            return fail(redact(f"cannot read the calling settings to restore them after the run: {error}", pattern))
        env[RESTORES_SETTINGS_ENV] = "1"
        print("contract: calling settings read; they are written back at the end of the run", flush=True)
    returncode = 1
    try:
        returncode = _run_suite(report, env, pattern, base_url, writes)
    finally:
        if guard is not None:  # after a failure too, and when the run is interrupted
            returncode = _restore(guard, pattern, returncode)
    print(f"contract: {'passed' if returncode == 0 else 'FAILED'}; JUnit report: {report}", flush=True)
    return returncode


def _restore(guard: SettingsGuard, pattern: re.Pattern[str] | None, returncode: int) -> int:
    try:
        differing = guard.restore()
    except (httpx.HTTPError, RuntimeError, ValueError) as error:
        print(redact(f"contract: error: the calling settings could not be written back: {error}", pattern), flush=True)
        return 1
    finally:
        guard.close()
    if differing:
        print(f"contract: error: calling settings written back, but these still differ: {', '.join(differing)}")
        return 1
    print("contract: calling settings written back as they were read", flush=True)
    return returncode


def _run_suite(
    report: Path, env: dict[str, str], pattern: re.Pattern[str] | None, base_url: str, writes: set[str]
) -> int:
    command = [
        sys.executable, "-m", "pytest", "tests/test_contract.py",
        "-p", "no:cacheprovider", "--tb=short", "-q", "-rfE", f"--junitxml={report}",
    ]  # fmt: skip
    reads = read_operations(ROOT / "openapi.json")
    allowed = ", ".join(sorted(SDK_METHODS.get(op, op) for op in writes - reads)) or "none: read-only"
    print(f"contract: checking {base_url} against openapi.json (writes allowed: {allowed}; throttled)", flush=True)
    with subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace"
    ) as suite:
        assert suite.stdout is not None
        for line in suite.stdout:
            sys.stdout.write(redact(line, pattern))
            sys.stdout.flush()
    for written in (report, *(report.parent / name for name in DRIFT_REPORTS)):
        if written.exists():
            written.write_text(redact(written.read_text(encoding="utf-8"), pattern), encoding="utf-8")
    print(drift_summary(report.parent), flush=True)
    return suite.returncode


def drift_summary(directory: Path) -> str:
    """One line on the run's drift report: how many differences, how many break the SDK, where to read them."""
    try:
        drift = json.loads((directory / "drift.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "contract: no drift report was written"
    entries = drift.get("entries", [])
    if not entries:
        return f"contract: no drift from openapi.json ({directory / 'drift.md'})"
    proposed = sum(bool(entry.get("in_patch")) for entry in entries)
    return (
        f"contract: drift from openapi.json: {len(entries)} differences, {drift.get('breaking', 0)} breaking the SDK;"
        f" read {directory / 'drift.md'}; {proposed} proposed in {directory / 'drift.patch.json'} (make adopt-drift)"
    )


if __name__ == "__main__":
    sys.exit(main())
