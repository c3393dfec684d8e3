"""`make contract BASE_URL=...`: the contract suite (tests/test_contract.py) against any deployment, the real API
included, with the key from PILOT_STATUS_API_KEY (or PILOT_STATUS_API_KEY_ID).

Only GET operations run, unless CONTRACT_ALLOW_WRITES names others by operationId (CONTRACT_OPERATIONS limits a run
to the operations it names); no other method is sent to any path; requests are throttled (CONTRACT_RATE_LIMIT,
default 2/s). The key never reaches the output: the suite masks it and schemathesis filters it from its reports, and
this runner removes it from every line it passes on and from the JUnit report, in case anything slipped through.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from urllib.parse import urlsplit

from pilotstatus._credentials import MIN_REDACTED, REDACTED

ROOT = Path(__file__).resolve().parents[1]
KEY_ENVS = ("PILOT_STATUS_API_KEY", "PILOT_STATUS_API_KEY_ID")


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
        allowed_write_operations(environ, operation_ids(ROOT / "openapi.json"))
        only_operations(environ, operation_ids(ROOT / "openapi.json"))
    except ValueError as error:
        return str(error)
    return None


def operation_ids(spec_path: Path) -> set[str]:
    """The operationId of every operation of the spec at `spec_path`."""
    paths = json.loads(spec_path.read_text(encoding="utf-8"))["paths"]
    return {
        operation["operationId"] for path in paths.values() for operation in path.values() if "operationId" in operation
    }


def _named_operations(environ: Mapping[str, str], setting: str, known: set[str]) -> set[str]:
    """The operationIds a comma-separated setting names; ValueError for a name that is no operation."""
    named = {name.strip() for name in environ.get(setting, "").split(",") if name.strip()}
    unknown = named - known
    if unknown:
        raise ValueError(f"{setting} names no operation of openapi.json: {', '.join(sorted(unknown))}")
    return named


def allowed_write_operations(environ: Mapping[str, str], known: set[str]) -> set[str]:
    """The operations other than GET that a live run may call: only those named in `CONTRACT_ALLOW_WRITES`."""
    return _named_operations(environ, "CONTRACT_ALLOW_WRITES", known)


def only_operations(environ: Mapping[str, str], known: set[str]) -> set[str] | None:
    """The operations a run is limited to, when `CONTRACT_OPERATIONS` names some (a deployment that serves only
    part of the API, say); None for no limit. A write named here still needs `CONTRACT_ALLOW_WRITES`."""
    return _named_operations(environ, "CONTRACT_OPERATIONS", known) or None


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
    command = [
        sys.executable, "-m", "pytest", "tests/test_contract.py",
        "-p", "no:cacheprovider", "--tb=short", "-q", "-rfE", f"--junitxml={report}",
    ]  # fmt: skip
    env = {**os.environ, "PILOTSTATUS_CONTRACT_BASE_URL": args.base_url.rstrip("/"), "PYTHONUNBUFFERED": "1"}
    print(f"contract: checking {args.base_url} against openapi.json (read-only, throttled)", flush=True)
    with subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace"
    ) as suite:
        assert suite.stdout is not None
        for line in suite.stdout:
            sys.stdout.write(redact(line, pattern))
            sys.stdout.flush()
    if report.exists():
        report.write_text(redact(report.read_text(encoding="utf-8"), pattern), encoding="utf-8")
    print(f"contract: {'passed' if suite.returncode == 0 else 'FAILED'}; JUnit report: {report}", flush=True)
    return suite.returncode


if __name__ == "__main__":
    sys.exit(main())
