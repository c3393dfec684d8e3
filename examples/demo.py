"""`make demo`: the SDK's main job, end to end, on the embedded sandbox (no account, no network).

1. Start the sandbox on a free loopback port: a real HTTP server with 5,000 calls per number.
2. List the first page as a table, with the command-line tool.
3. Page through every call with `calls.iter()`: each exactly once, runs of equal timestamps included.
4. Catch a typed error: a web number that is not connected, and a tenant-scoped key.
5. Stop the sandbox.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter

from pilotstatus import (
    InstanceNotConnectedError,
    InvalidInputError,
    PilotStatus,
    PilotStatusError,
    TenantScopeNotAllowedError,
)
from pilotstatus_sandbox import Sandbox, SandboxConfig

META_KEY = "ps_sandbox_meta_number"


def heading(text: str) -> None:
    print(f"\n== {text}", flush=True)


def main() -> int:
    config = SandboxConfig(calls=5000, seed=7)
    with Sandbox(config) as sandbox:
        heading(f"Sandbox running at {sandbox.url} ({config.calls:,} calls per number, seed {config.seed})")

        heading("The first page, as a table: pilotstatus calls list --limit 10")
        # The sandbox's address and key, in place of any real ones the environment holds.
        env = {name: value for name, value in os.environ.items() if not name.startswith("PILOT_STATUS_")}
        env.update(PILOT_STATUS_BASE_URL=sandbox.url, PILOT_STATUS_API_KEY=META_KEY)
        listing = subprocess.run(
            [sys.executable, "-m", "pilotstatus", "calls", "list", "--limit", "10"], env=env, check=False
        )
        if listing.returncode != 0:
            return listing.returncode

        heading("Every call, page by page: client.calls.iter()")
        with PilotStatus(base_url=sandbox.url, api_key=META_KEY) as client:
            calls = list(client.calls.iter())
        ids = Counter(call.id for call in calls)
        shared = Counter(call.created_at for call in calls)
        ties = sum(count for count in shared.values() if count > 1)
        print(f"{len(calls):,} calls, {len(ids):,} distinct ids, newest {calls[0].created_at:%Y-%m-%d %H:%M:%S}")
        print(f"{ties:,} of them share their createdAt millisecond with another call; none lost, none repeated")
        print(
            "by status:", ", ".join(f"{status} {count:,}" for status, count in Counter(c.status for c in calls).items())
        )
        if len(ids) != config.calls or len(calls) != config.calls:
            print(f"expected {config.calls:,} calls, each once", file=sys.stderr)
            return 1

        heading("Typed errors, caught by class")
        with PilotStatus(base_url=sandbox.url, api_key="ps_sandbox_web_disconnected") as client:
            try:
                client.calls.list()
            except InstanceNotConnectedError as error:
                print(f"InstanceNotConnectedError: {error}  (code {error.code}, status {error.status_code})")
        with PilotStatus(base_url=sandbox.url, api_key_id="ck_sandbox_tenant") as client:
            try:
                client.calls.list()
            except TenantScopeNotAllowedError as error:
                print(f"TenantScopeNotAllowedError: {error}")
            except PilotStatusError as error:  # pragma: no cover - the sandbox always answers 403 here
                print(f"unexpected: {error!r}", file=sys.stderr)
                return 1

        heading("Bad input refused before any request, by the spec's own constraints")
        with PilotStatus(base_url=sandbox.url, api_key=META_KEY) as client:
            for attempt, start in (
                ("calls.create(to='call me')", lambda: client.calls.create(to="call me")),
                ("calls.play(..., media_url='ftp://...')", lambda: client.calls.play("call_1", media_url="ftp://x")),
            ):
                try:
                    start()
                except InvalidInputError as error:
                    print(f"{attempt}: InvalidInputError: {error}")
                else:  # pragma: no cover - both are refused before sending
                    print(f"{attempt} was sent", file=sys.stderr)
                    return 1

        heading("Sandbox stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
