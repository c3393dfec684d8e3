"""What the sync and async clients share: their settings, how a request is prepared, and how an outcome is judged.

Requests are described by the generated package (see `_operations`: method, path, query, body), checked against the
spec, and sent through one `httpx` client. Only sending and sleeping differ between `PilotStatus` and
`AsyncPilotStatus`.
"""

from __future__ import annotations

import copy
import logging
import os
import ssl
import time
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from typing import Any, Generic, Self, TypeVar

import httpx

from . import _logging
from ._constants import (
    API_KEY_HEADER,
    BASE_URL_ENV,
    DEFAULT_BASE_URL,
    DEFAULT_TIMEOUT,
    IDEMPOTENCY_KEY_HEADER,
    SANDBOX_KEY_PREFIXES,
)
from ._credentials import REDACTED, Credentials, resolve_credentials
from ._drift import DriftRecord
from ._exceptions import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    InvalidInputError,
    PilotStatusError,
    redact_response,
    status_error,
)
from ._operations import Operation, RequestSpec
from ._resource import AsyncAPIResource, SyncAPIResource
from ._retries import RetryPolicy
from ._version import __version__

log = logging.getLogger("pilotstatus")

USER_AGENT = f"pilotstatus-python/{__version__} httpx/{httpx.__version__}"


# The clock an attempt's deadline is measured with (tests set it).
monotonic = time.monotonic

_Http = TypeVar("_Http", httpx.Client, httpx.AsyncClient)
_T = TypeVar("_T")


class BaseClient(Generic[_Http]):
    """Settings and request handling shared by `PilotStatus` (over an `httpx.Client`) and `AsyncPilotStatus` (over an
    `httpx.AsyncClient`)."""

    def __init__(
        self,
        *,
        api_key: str | None,
        api_key_id: str | None,
        base_url: str | None,
        timeout: float | httpx.Timeout | None,
        max_retries: int,
        http_client: _Http | None,
        transport: object | None,
        whatsapp_number_id: str | None,
        drift_warnings: bool,
        build_http: Callable[[ssl.SSLContext | bool], _Http],
    ) -> None:
        self._credentials: Credentials = resolve_credentials(api_key, api_key_id)
        _logging.register(self._credentials)  # kept out of httpx's and httpcore's log lines while it lives
        self.base_url: str = _check_base_url(base_url or os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL)
        """The address requests go to, such as `https://pilotstatus.com.br`."""
        _check_sandbox_key(self._credentials, self.base_url)
        self.timeout: httpx.Timeout = _check_timeout(timeout)
        """The timeout of each attempt of a request: `connect` to open a connection, `read` for each wait for data
        and for the whole attempt (see `PilotStatus`)."""
        self.max_retries: int = _check_max_retries(max_retries)
        """How many times a failed request may be retried (see `pilotstatus._retries` for which ones are)."""
        self.whatsapp_number_id: str | None = _check_number_id(whatsapp_number_id)
        """The number a tenant (account-wide) key acts on, sent as `x-whatsapp-number-id` with every request; None
        for a number-scoped key, which carries its own number."""
        self.drift_warnings: bool = _check_drift_warnings(drift_warnings)
        """Whether a 2xx response that holds a field or an enum value the spec does not know is logged: one WARNING
        on the `pilotstatus` logger for each distinct drift, once per client (see `pilotstatus._drift`)."""
        self._drift_record = DriftRecord()
        """The drift this client has warned about, shared by its `with_options()` copies."""
        self._retry_policy = RetryPolicy()
        if http_client is not None and transport is not None:
            raise InvalidInputError("Give http_client= or transport=, not both: a transport belongs inside the client.")
        self._owns_http = http_client is None
        """Whether `close()` closes the httpx client: only one built here, never one handed in."""
        self._http: _Http = http_client if http_client is not None else build_http(_verify_for(self.base_url))
        # Name this SDK, unless the httpx client handed in names its own application.
        default_agent = self._http.headers.get("user-agent", "").startswith("python-httpx/")
        self._user_agent = {"user-agent": USER_AGENT} if default_agent else {}

    def __repr__(self) -> str:
        number = "" if self.whatsapp_number_id is None else f", whatsapp_number_id={self.whatsapp_number_id!r}"
        return (
            f"{type(self).__name__}(base_url={self.base_url!r}, auth={self._credentials!r},"
            f" max_retries={self.max_retries}{number})"
        )

    def with_options(
        self,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        whatsapp_number_id: str | None = None,
        drift_warnings: bool | None = None,
    ) -> Self:
        """A copy of this client with another timeout, retry count, number or `drift_warnings` (None keeps this
        client's), sharing its connections and key: `client.with_options(max_retries=0).calls.list()`, or, with a
        tenant key, `client.with_options(whatsapp_number_id="...")` for each number it acts on. Closing the copy
        leaves the connections open; closing this client closes them for every copy too. The copy also shares the
        record of drift warned about: a drift this client has logged is not logged again by a copy, nor the other
        way round."""
        clone = copy.copy(self)
        if timeout is not None:
            clone.timeout = _check_timeout(timeout)
        if max_retries is not None:
            clone.max_retries = _check_max_retries(max_retries)
        if whatsapp_number_id is not None:
            clone.whatsapp_number_id = _check_number_id(whatsapp_number_id)
        if drift_warnings is not None:
            clone.drift_warnings = _check_drift_warnings(drift_warnings)
        clone._owns_http = False
        clone._drop_resources()
        return clone

    def _prepare(
        self,
        operation: Operation[Any],
        *path: str,
        body: Any = None,
        query: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
    ) -> RequestSpec:
        """The request of `operation` for these arguments (checked against the spec), for this client's number, with
        the caller's `idempotency_key` (else one of its own, for an operation that honours a key)."""
        if isinstance(idempotency_key, str) and self._credentials.redact(idempotency_key) != idempotency_key:
            raise InvalidInputError(
                "idempotency_key holds the client's API key: a key is sent and kept in the clear (on the result and"
                " on errors), so it must be no secret.",
                argument="idempotency_key",
            )
        return operation.request(
            *path,
            body=body,
            query=query,
            whatsapp_number_id=self.whatsapp_number_id,
            idempotency_key=idempotency_key,
        )

    def _drop_resources(self) -> None:
        """Forget the resources created so far (`self.calls`, ...), which a copy made by `with_options()` shares
        with this client: the copy creates its own, bound to itself, on first use."""
        for name, value in list(vars(self).items()):
            if isinstance(value, (SyncAPIResource, AsyncAPIResource)):
                del self.__dict__[name]

    def _build_request(self, spec: dict[str, Any]) -> httpx.Request:
        """The `httpx.Request` for a generated request description (`method`, `url` path, `params`, ...)."""
        headers = {**self._user_agent, **spec.get("headers", {}), **self._credentials.headers()}
        url, params = self.base_url + spec["url"], spec.get("params")
        if params and not self._http.params:
            # The query encoded here as httpx encodes `params=`, which would parse the whole URL again to add it
            # (about 15 us a request). The path has no `?` or `#`: the generated code quotes each path parameter.
            # (An httpx client with params of its own merges them with ours in its own order: left to httpx.)
            url, params = f"{url}?{httpx.QueryParams(params)}", None
        return self._http.build_request(
            method=spec["method"].upper(),
            url=url,
            params=params,
            json=spec.get("json"),
            headers=headers,
            timeout=self.timeout,
            extensions=spec.get("extensions"),
        )

    def _after_send(self, request: httpx.Request) -> None:
        """Overwrite the key in a sent request, so that a request kept by a response or an exception holds none."""
        request.headers[self._credentials.header] = REDACTED

    def _parsed(
        self, response: httpx.Response, parse: Callable[[httpx.Response], _T], operation_id: str | None = None
    ) -> _T:
        """`parse(response)` for a 2xx response of `operation_id`. A body that does not parse is an
        `APIResponseValidationError`, whatever the parser raised, with the key redacted from its text. A body that
        parses is looked at for drift from the spec (`drift_warnings`), which is logged, never raised."""
        try:
            value = parse(response)
        except APIResponseValidationError as error:
            redact_response(response, self._credentials.redact)
            failure = APIResponseValidationError(self._credentials.redact(str(error)), response=response)
            failure.idempotency_key = response.request.headers.get(IDEMPOTENCY_KEY_HEADER)
            raise failure from None
        except (ValueError, TypeError, KeyError, AttributeError, RecursionError, OverflowError) as error:
            redact_response(response, self._credentials.redact)
            request = response.request
            text = f"{type(error).__name__}: {error}"
            description = self._credentials.redact(text)
            failure = APIResponseValidationError(
                f"The {response.status_code} response of {request.method} {request.url.path} does not parse:"
                f" {description}",
                response=response,
            )
            failure.idempotency_key = request.headers.get(IDEMPOTENCY_KEY_HEADER)
            # The parser's own error explains more, unless its text holds the key.
            raise failure from (error if description == text else None)
        if self.drift_warnings and operation_id is not None:
            self._drift_record.notice(operation_id, value, self._credentials.redact)
        return value

    def _attempt_deadline(self) -> float | None:
        """When an attempt starting now must have received its whole response (see `_BoundedStream`), on the
        `monotonic` clock: `timeout.read` seconds from now, or None when reads have no timeout."""
        read = self.timeout.read
        return None if read is None else monotonic() + read

    def _unreadable(
        self, response: httpx.Response, received: bytearray | None, error: httpx.RequestError
    ) -> tuple[httpx.Response | None, httpx.RequestError]:
        """The outcome of an attempt whose body failed to arrive or to decode. A non-2xx response whose body does
        not decode (a compressed body that does not decompress) is still an answer, judged by its status: it is
        kept, with the bytes as they came. Otherwise there is no usable response."""
        if isinstance(error, httpx.DecodingError) and received is not None:
            headers = [
                (name, value)
                for name, value in response.headers.multi_items()
                if name.lower() not in ("content-encoding", "content-length")
            ]
            kept = httpx.Response(
                response.status_code,
                headers=headers,
                content=bytes(received),
                request=response.request,
                extensions=response.extensions,
            )
            return kept, error
        return None, error

    def _retry_delay(
        self,
        request: httpx.Request,
        retries_done: int,
        response: httpx.Response | None,
        error: Exception | None,
        idempotency: str = "none",
    ) -> float | None:
        """Seconds to wait before sending `request` again, or None when it must not be retried (the rule is
        `_retries.RetryPolicy.retry_delay`, given its operation's `idempotency`); a retry is logged. A write is taken
        as keyed only when its `Idempotency-Key` was really sent: whatever said otherwise, one without it is never
        sent again once it may have arrived."""
        if IDEMPOTENCY_KEY_HEADER not in request.headers:
            idempotency = "none"
        delay = self._retry_policy.retry_delay(
            request.method,
            retries_done=retries_done,
            max_retries=self.max_retries,
            response=response,
            error=error,
            idempotency=idempotency,
        )
        if delay is not None:
            outcome = f"status {response.status_code}" if response is not None else type(error).__name__
            log.info(
                "Retrying %s %s in %.2f s after %s (retry %d of %d)",
                request.method,
                request.url.path,
                delay,
                outcome,
                retries_done + 1,
                self.max_retries,
            )
        return delay

    def _failure(
        self, request: httpx.Request, response: httpx.Response | None, error: Exception | None
    ) -> PilotStatusError:
        """The exception for a final outcome that is not a success, with the `Idempotency-Key` the request was sent
        with, if any (`PilotStatusError.idempotency_key`)."""
        failure = self._outcome_error(request, response, error)
        failure.idempotency_key = request.headers.get(IDEMPOTENCY_KEY_HEADER)
        return failure

    def _outcome_error(
        self, request: httpx.Request, response: httpx.Response | None, error: Exception | None
    ) -> PilotStatusError:
        """The exception for a final outcome that is not a success: its class and message."""
        if response is None:
            text = f"{type(error).__name__}: {error}"
            message = self._credentials.redact(_no_response(request, error, self.timeout))
            failure: APIConnectionError
            if isinstance(error, httpx.TimeoutException):
                failure = APITimeoutError(request, message=message)
            else:
                failure = APIConnectionError(message, request=request)
            # Chained to httpx's error for its traceback, unless that error's text holds the key.
            failure.__cause__ = error if self._credentials.redact(text) == text else None
            failure.__suppress_context__ = True
            return failure
        if error is not None:  # a status with a body that does not decode
            return status_error(
                response, redact=self._credentials.redact, undecodable=f"{type(error).__name__}: {error}"
            )
        redact_response(response, self._credentials.redact)
        if response.has_redirect_location:
            location = self._credentials.redact(response.headers.get("location", ""))
            return APIStatusError(
                response=response,
                body=None,
                text=self._credentials.redact(response.text),
                code=None,
                message=(
                    f"redirect to {location} not followed: the key is only ever sent to base_url ({self.base_url})."
                    " If the API has moved, set base_url to the new address."
                ),
            )
        return status_error(response, redact=self._credentials.redact)


# What each failure to get a response means, checked in this order (a subclass before its base): where it happened,
# with `{where}` for the server's host and port, and for a timeout which of the `httpx.Timeout` values ran out.
_NO_RESPONSE: tuple[tuple[type[Exception], str, str | None], ...] = (
    (httpx.ConnectTimeout, "Timed out connecting to {where}", "connect"),
    (httpx.ReadTimeout, "Timed out reading the response from {where}", "read"),
    (httpx.WriteTimeout, "Timed out sending the request to {where}", "write"),
    (httpx.PoolTimeout, "Timed out waiting for a free connection to {where} from the client's pool", "pool"),
    (httpx.TimeoutException, "Timed out talking to {where}", None),
    (httpx.ConnectError, "Could not connect to {where}", None),
    (httpx.ReadError, "The connection to {where} was closed before the whole response was read", None),
    (httpx.WriteError, "The connection to {where} was closed while the request was being sent", None),
    (httpx.CloseError, "The connection to {where} failed as it was being closed", None),
    (httpx.RemoteProtocolError, "{where} did not send a valid HTTP response", None),
    (httpx.LocalProtocolError, "The request to {where} could not be sent as valid HTTP", None),
    (httpx.ProxyError, "The proxy could not open a connection to {where}", None),
    (httpx.UnsupportedProtocol, "The request to {where} uses a protocol the httpx client cannot send", None),
    (httpx.DecodingError, "The response from {where} could not be read: its body does not decode", None),
    (httpx.TransportError, "The connection to {where} failed or broke", None),
)


def _no_response(request: httpx.Request, error: Exception | None, timeout: httpx.Timeout) -> str:
    """The message of an attempt that got no usable response: what failed and where, which timeout ran out and its
    value, then httpx's own words, when it has any (a connection reset in an async client has none)."""
    url = request.url
    host = f"[{url.host}]" if ":" in url.host else url.host  # an IPv6 address
    port = url.port or (443 if url.scheme == "https" else 80)
    where, kind = f"{host}:{port}", None
    situation = "The response from {where} could not be read"
    for cls, text, timeout_kind in _NO_RESPONSE:
        if isinstance(error, cls):
            situation, kind = text, timeout_kind
            break
    message = situation.format(where=where)
    if kind is not None:
        seconds = getattr(timeout, kind)
        message += f": the {kind} timeout is {seconds:g} s" if seconds is not None else f": the {kind} timeout ran out"
    detail = str(error).strip() if error is not None else ""
    name = type(error).__name__
    return f"{message} ({name}: {detail})" if detail else f"{message} ({name})"


class _BoundedStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A response body that must arrive before `deadline` (on the `monotonic` clock); `received` keeps a copy of the
    bytes as they came, when it is a bytearray.

    A wait for the next chunk is bounded by `timeout.read`, but a server sending a byte every few seconds never lets
    one run out: the deadline bounds the whole body. A chunk that arrives after it raises `httpx.ReadTimeout`, which
    is a timeout like any other (`APITimeoutError`, retried for a read).
    """

    def __init__(
        self,
        stream: httpx.SyncByteStream | httpx.AsyncByteStream,
        *,
        request: httpx.Request,
        deadline: float | None,
        received: bytearray | None,
    ) -> None:
        self._stream = stream
        self._request = request
        self._deadline = deadline
        self.received = received

    def _check(self, chunk: bytes) -> bytes:
        if self._deadline is not None and monotonic() > self._deadline:
            read = self._request.extensions.get("timeout", {}).get("read")
            raise httpx.ReadTimeout(
                f"The response did not arrive in full within the attempt's {read} s", request=self._request
            )
        if self.received is not None:
            self.received += chunk
        return chunk

    def __iter__(self) -> Iterator[bytes]:
        assert isinstance(self._stream, httpx.SyncByteStream)
        for chunk in self._stream:
            yield self._check(chunk)

    async def __aiter__(self) -> AsyncIterator[bytes]:
        assert isinstance(self._stream, httpx.AsyncByteStream)
        async for chunk in self._stream:
            yield self._check(chunk)

    def close(self) -> None:
        assert isinstance(self._stream, httpx.SyncByteStream)
        self._stream.close()

    async def aclose(self) -> None:
        assert isinstance(self._stream, httpx.AsyncByteStream)
        await self._stream.aclose()


def bound_body(response: httpx.Response, deadline: float | None) -> bytearray | None:
    """Make the body of `response` (sent with `stream=True`, not yet read) arrive before `deadline`; return the
    buffer that keeps the bytes as they came, for a non-2xx response (whose body may not decode), else None."""
    received = None if response.is_success else bytearray()
    response.stream = _BoundedStream(response.stream, request=response.request, deadline=deadline, received=received)
    return received


def _verify_for(base_url: str) -> ssl.SSLContext | bool:
    """How the httpx client built for `base_url` verifies TLS: as httpx does by default (True: its CA bundle).

    But for a plain-http base URL (the sandbox, a server on localhost) no request ever uses TLS: the client only
    sends to `base_url` and follows no redirect (a proxy's own TLS has a context of its own). Loading the CA bundle
    would still take tens of milliseconds per client, so it gets a context that trusts nothing: a TLS connection,
    were one ever made, would fail rather than go unverified."""
    if httpx.URL(base_url).scheme == "http":
        return ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)  # certificates required, hostnames checked, none trusted
    return True


def _check_base_url(base_url: str) -> str:
    try:
        url = httpx.URL(base_url.strip()) if isinstance(base_url, str) else None
        valid = url is not None and url.scheme in ("http", "https") and bool(url.host)
    except (httpx.InvalidURL, ValueError):  # ValueError: a host that is not valid IDNA
        url, valid = None, False
    if url is None or not valid:
        raise InvalidInputError(f"base_url must be an http(s) address such as {DEFAULT_BASE_URL!r}, not {base_url!r}.")
    if url.query or url.fragment or url.userinfo:
        raise InvalidInputError("base_url must not have a query, a fragment or credentials in it.")
    return str(url).rstrip("/")


def _check_sandbox_key(credentials: Credentials, base_url: str) -> None:
    """Refuse a sandbox's demo key bound for the production API, before anything is sent: no deployment knows those
    keys, so it could only come back as a 401 naming nothing. The usual cause is a shell or a program that was not
    given the sandbox's address."""
    prefix = SANDBOX_KEY_PREFIXES.get(credentials.header)
    if prefix is None or not credentials.secret.startswith(prefix):
        return
    host, production = httpx.URL(base_url).host, httpx.URL(DEFAULT_BASE_URL).host
    if host != production and not host.endswith("." + production):
        return
    argument = "api_key" if credentials.header == API_KEY_HEADER else "api_key_id"
    raise InvalidInputError(
        f"{argument} is one of the local sandbox's demo keys ({prefix}...), which the production API at {base_url}"
        f" does not know: set {BASE_URL_ENV} (or pass base_url=) to your sandbox's address, such as"
        " http://127.0.0.1:8080 (`pilotstatus sandbox` prints it).",
        argument="base_url",
        problem=InvalidInputError.SANDBOX_KEY,
    )


def _check_number_id(number_id: str | None) -> str | None:
    if number_id is None:
        return None
    if not isinstance(number_id, str) or not number_id or not number_id.isprintable() or not number_id.isascii():
        raise InvalidInputError(
            f"whatsapp_number_id must be the id of a WhatsApp number (printable ASCII), not {number_id!r}."
        )
    if number_id != number_id.strip():
        raise InvalidInputError(f"whatsapp_number_id has spaces around it: {number_id!r}.")
    return number_id


def _check_drift_warnings(drift_warnings: bool) -> bool:
    if not isinstance(drift_warnings, bool):
        raise InvalidInputError(f"drift_warnings must be True or False, not {drift_warnings!r}.")
    return drift_warnings


def _check_max_retries(max_retries: int) -> int:
    if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
        raise InvalidInputError(f"max_retries must be a whole number >= 0, not {max_retries!r}.")
    return max_retries


def _check_timeout(timeout: float | httpx.Timeout | None) -> httpx.Timeout:
    if timeout is None:
        return DEFAULT_TIMEOUT
    if isinstance(timeout, httpx.Timeout):
        values = [timeout.connect, timeout.read, timeout.write, timeout.pool]
        if all(value is None or _is_seconds(value) for value in values):
            return timeout
    elif _is_seconds(timeout):
        return httpx.Timeout(float(timeout))
    raise InvalidInputError(
        f"timeout must be a number of seconds above 0 and at most {_MAX_TIMEOUT:.0f}, or an httpx.Timeout of such"
        f" numbers (or None), not {timeout!r}."
    )


# Longer than any request should take; beyond it, the platform's clock arithmetic can overflow.
_MAX_TIMEOUT = 86_400.0


def _is_seconds(value: object) -> bool:
    return not isinstance(value, bool) and isinstance(value, (int, float)) and 0 < value <= _MAX_TIMEOUT
