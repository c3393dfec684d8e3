"""`make demo` does what the README says: on the embedded sandbox, a page as a table, every call once, the call
lifecycle and a message's life with their signed webhooks verified, typed errors caught, and the sandbox stopped (the
process ends, exit 0)."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from tests._spec import ROOT


def test_the_demo_lists_pages_walks_a_call_and_a_message_lifecycle_with_verified_webhooks_and_catches_errors() -> None:
    # A user's real settings, which the demo must not use (nor trip over: a key and a key id together are refused).
    env = {**os.environ, "PILOT_STATUS_API_KEY_ID": "ck_real", "PILOT_STATUS_BASE_URL": "https://pilotstatus.invalid"}
    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "demo.py")],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "createdAt" in out
    assert "durationSeconds" in out
    assert len([line for line in out.splitlines() if line.startswith("2026-")]) == 10  # the table's ten rows
    assert "5,000 calls, 5,000 distinct ids" in out
    assert "InstanceNotConnectedError: 409 WHATSAPP_INSTANCE_NOT_CONNECTED" in out
    assert "TenantScopeNotAllowedError: 403 TENANT_SCOPE_NOT_ALLOWED" in out
    # The lifecycle: a business-initiated call answered, played into, talked over a WebSocket, ended; an inbound
    # call accepted and ended by the user; their six webhooks verified, in order; a tampered one refused.
    assert "calls.terminate(...) -> COMPLETED, durationSeconds 42" in out
    assert "got 640 back" in out
    assert "helpers.hangup(...) -> COMPLETED" in out
    # The message: sent to the magic number whose user reads, READ once the clock moved 3 s, the user's reply; the
    # conversation newest first; its four webhooks verified, after the calls' and in order.
    sent = re.search(r"messages\.send\(destination_number='\+5511999990001', text=\.\.\.\) -> (msg_\w+) QUEUED", out)
    assert sent is not None
    assert re.search(r"sent with Idempotency-Key [0-9a-f-]{36} \(the SDK's own\)", out)
    assert re.search(r"messages\.retrieve\(\.\.\.\)\.status -> READ \(sent \S+, delivered \S+, read \S+\)", out)
    reply = re.search(r"helpers\.incoming_message\(.*\) -> (msg_\w+) \(the user replied\)", out)
    assert reply is not None
    conversation = out.split("client.messages.history(page_size=2)\n", 1)[1].splitlines()[:2]
    assert [line.split()[1:3] for line in conversation] == [["INBOUND", "DELIVERED"], ["OUTBOUND", "READ"]]
    assert conversation[0].endswith("Chegou, obrigado!")
    timeline = [line.lstrip("+ ").split()[1:4] for line in out.splitlines() if line.startswith("+")]
    calls = [[event, status] for event, _, status in timeline[:6]]
    assert calls == [
        ["call.ringing", "RINGING"],
        ["call.connected", "ACCEPTED"],
        ["call.ended", "COMPLETED"],
        ["call.ringing", "RINGING"],
        ["call.connected", "ACCEPTED"],
        ["call.ended", "COMPLETED"],
    ]
    assert timeline[6:] == [
        ["message.sent", sent[1], "SENT"],
        ["message.delivered", sent[1], "DELIVERED"],
        ["message.read", sent[1], "READ"],
        ["message.reply", reply[1], "INBOUND"],
    ]
    assert "duration 42 s" in out
    assert "duration 95 s" in out
    assert "a tampered delivery: WebhookVerificationError" in out
    assert "calls.create(to='call me'): InvalidInputError: to='call me' must match" in out
    assert out.rstrip().endswith("== Sandbox stopped")
    assert "Traceback" not in result.stderr
