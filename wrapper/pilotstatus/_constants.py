"""Defaults and limits of the Pilot Status API that more than one module needs."""

from __future__ import annotations

import httpx

DEFAULT_BASE_URL = "https://pilotstatus.com.br"
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
DEFAULT_MAX_RETRIES = 2

# The environment variables the official Pilot Status tools read.
API_KEY_ENV = "PILOT_STATUS_API_KEY"
API_KEY_ID_ENV = "PILOT_STATUS_API_KEY_ID"
BASE_URL_ENV = "PILOT_STATUS_BASE_URL"
# Read by the `pilotstatus` command (not by the client): the number a tenant key acts on, as --whatsapp-number-id.
WHATSAPP_NUMBER_ID_ENV = "PILOT_STATUS_WHATSAPP_NUMBER_ID"

API_KEY_HEADER = "x-api-key"
API_KEY_ID_HEADER = "x-api-key-id"
API_KEY_PREFIX = "ps_"
# How the local sandbox's demo keys and key ids begin (`pilotstatus_sandbox._scenarios`): no deployment of the API
# knows them, so a client refuses to send one to the production API.
SANDBOX_KEY_PREFIXES = {API_KEY_HEADER: "ps_sandbox_", API_KEY_ID_HEADER: "ck_sandbox_"}

# How a 429 (or a 503) asks for a wait: the header, or in some bodies a number of seconds.
RETRY_AFTER_HEADER = "retry-after"
RETRY_AFTER_BODY_FIELD = "retryAfterSeconds"

# Sent with a request of an operation that honours it (its catalogue row's `idempotency`): the server acts once on
# each key, so a request carrying one may be sent again.
IDEMPOTENCY_KEY_HEADER = "Idempotency-Key"
# The API's limit on a key: 1 to 255 characters, no control characters.
MAX_IDEMPOTENCY_KEY_LENGTH = 255
# Set to `true` on the answer to a request whose key the server had already seen with the same body: the stored 2xx
# answer of the first request, sent again, nothing done again.
IDEMPOTENT_REPLAYED_HEADER = "Idempotent-Replayed"
# The 409 code of a request whose key belongs to a request still running: this one was refused, not acted on.
IDEMPOTENCY_KEY_IN_USE = "IDEMPOTENCY_KEY_IN_USE"

# GET /v1/calls: `limit` is 1..100, default 25.
MIN_PAGE_SIZE = 1
MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 25
