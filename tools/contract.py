"""`make contract BASE_URL=...`: the contract suite (tests/test_contract.py) against any deployment, the real API
included, with the key from PILOT_STATUS_API_KEY (or PILOT_STATUS_API_KEY_ID).

Only GET operations run, unless CONTRACT_ALLOW_WRITES names others by operationId; no other method is sent to any
path; requests are throttled (CONTRACT_RATE_LIMIT, default 2/s). The key never reaches the output: the suite masks
it and schemathesis filters it from its reports, and this runner removes it from every line it passes on and from
the JUnit report, in case anything slipped through.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
KEY_ENVS = ("PILOT_STATUS_API_KEY", "PILOT_STATUS_API_KEY_ID")
REDACTED = "[redacted]"


def redact(text: str, secrets: Iterable[str]) -> str:
    for secret in secrets:
        text = text.replace(secret, REDACTED)
    return text


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
    report = Path(args.report)
    report.parent.mkdir(parents=True, exist_ok=True)
    command = [
        sys.executable, "-m", "pytest", "tests/test_contract.py",
        "-p", "no:cacheprovider", "--tb=short", "-q", "-rfE", f"--junitxml={report}",
    ]  # fmt: skip
    env = {**os.environ, "PILOTSTATUS_CONTRACT_BASE_URL": args.base_url.rstrip("/")}
    print(f"contract: checking {args.base_url} against openapi.json (read-only, throttled)", flush=True)
    with subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace"
    ) as suite:
        assert suite.stdout is not None
        for line in suite.stdout:
            sys.stdout.write(redact(line, secrets))
            sys.stdout.flush()
    if report.exists():
        report.write_text(redact(report.read_text(encoding="utf-8"), secrets), encoding="utf-8")
    print(f"contract: {'passed' if suite.returncode == 0 else 'FAILED'}; JUnit report: {report}", flush=True)
    return suite.returncode


if __name__ == "__main__":
    sys.exit(main())
