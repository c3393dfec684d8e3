"""Client settings: the key and base URL from arguments or the environment, and every bad setting or argument
refused with an error that names it, before any request."""

from __future__ import annotations

import asyncio
import datetime
import importlib
import ssl
import urllib.parse
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pilotstatus
from pilotstatus import AsyncPilotStatus, Cursor, InvalidInputError, PilotStatus
from pilotstatus._retries import RetryPolicy
from tests._clients import BASE_URL, KEY, json_response

ENV_NAMES = ("PILOT_STATUS_API_KEY", "PILOT_STATUS_API_KEY_ID", "PILOT_STATUS_BASE_URL")


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ENV_NAMES:
        monkeypatch.delenv(name, raising=False)


class Recorder:
    """Answers an empty page, and keeps a copy of each request as it was sent (the client redacts the key from the
    request object once it is sent)."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        sent = httpx.Request(request.method, request.url, headers=request.headers.copy())
        sent.extensions = dict(request.extensions)
        self.requests.append(sent)
        return json_response(200, {"calls": []})


def sent_by(**options: Any) -> httpx.Request:
    """The request `calls.list()` sends from a client built with `options`."""
    recorder = Recorder()
    with PilotStatus(transport=httpx.MockTransport(recorder), **options) as client:
        client.calls.list()
    (request,) = recorder.requests
    return request


def test_the_key_is_sent_as_x_api_key() -> None:
    request = sent_by(api_key=KEY, base_url=BASE_URL)
    assert request.headers["x-api-key"] == KEY
    assert "x-api-key-id" not in request.headers
    assert "authorization" not in request.headers
    assert str(request.url) == f"{BASE_URL}/v1/calls?limit=25"


def test_requests_say_which_sdk_sent_them() -> None:
    user_agent = sent_by(api_key=KEY, base_url=BASE_URL).headers["user-agent"]
    assert user_agent == f"pilotstatus-python/{pilotstatus.__version__} httpx/{httpx.__version__}"


def test_a_key_id_is_sent_as_x_api_key_id() -> None:
    request = sent_by(api_key_id="ck_123", base_url=BASE_URL)
    assert request.headers["x-api-key-id"] == "ck_123"
    assert "x-api-key" not in request.headers


def test_the_key_and_base_url_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PILOT_STATUS_API_KEY", KEY)
    monkeypatch.setenv("PILOT_STATUS_BASE_URL", "http://127.0.0.1:8080/")
    request = sent_by()
    assert request.headers["x-api-key"] == KEY
    assert str(request.url) == "http://127.0.0.1:8080/v1/calls?limit=25"


def test_the_key_id_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PILOT_STATUS_API_KEY_ID", "ck_from_env")
    assert sent_by(base_url=BASE_URL).headers["x-api-key-id"] == "ck_from_env"


def test_arguments_win_over_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PILOT_STATUS_API_KEY", "ps_from_environment_0000")
    monkeypatch.setenv("PILOT_STATUS_BASE_URL", "https://environment.test")
    request = sent_by(api_key_id="ck_argument", base_url=BASE_URL)
    assert request.headers["x-api-key-id"] == "ck_argument"
    assert "x-api-key" not in request.headers
    assert request.url.host == "api.test"


def test_the_default_base_url_is_pilot_status() -> None:
    assert PilotStatus(api_key=KEY).base_url == "https://pilotstatus.com.br"


def test_a_base_url_with_a_path_keeps_it() -> None:
    assert sent_by(api_key=KEY, base_url="https://proxy.test/pilot/").url.path == "/pilot/v1/calls"


def test_no_key_anywhere_is_a_clear_error() -> None:
    with pytest.raises(InvalidInputError, match="PILOT_STATUS_API_KEY") as caught:
        PilotStatus()
    assert "api_key=" in str(caught.value)
    assert caught.value.argument == "api_key"
    assert caught.value.problem == InvalidInputError.MISSING


def test_a_date_time_without_a_zone_says_which_argument_and_what_is_wrong() -> None:
    with PilotStatus(api_key=KEY, base_url=BASE_URL) as client, pytest.raises(InvalidInputError) as caught:
        client.calls.iter(since=datetime.datetime(2026, 1, 1))  # naive on purpose
    assert caught.value.argument == "since"
    assert caught.value.problem == InvalidInputError.NO_TIME_ZONE
    assert "tzinfo=datetime.UTC" in str(caught.value)  # advice for Python code, where it is raised


def test_an_empty_environment_variable_counts_as_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PILOT_STATUS_API_KEY", "")
    with pytest.raises(InvalidInputError, match="No API key"):
        PilotStatus()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"api_key": ""}, "api_key is empty"),
        ({"api_key": "sk_not_a_pilot_status_key"}, "must start with 'ps_'"),
        ({"api_key": "ps_key with space"}, "whitespace"),
        ({"api_key": "ps_key\n"}, "whitespace"),
        ({"api_key": "ps_live_clé_0123456789"}, "non-ASCII"),
        ({"api_key": "ps_live_quote'and\"double"}, "quotes"),
        ({"api_key": 12345}, "must be a string"),
        ({"api_key_id": ""}, "api_key_id is empty"),
        ({"api_key": KEY, "api_key_id": "ck_1"}, "give one"),
        ({"api_key": KEY, "base_url": "ftp://files.test"}, "base_url must be an http"),
        ({"api_key": KEY, "base_url": "pilotstatus.com.br"}, "base_url must be an http"),
        ({"api_key": KEY, "base_url": "https://"}, "base_url must be an http"),
        ({"api_key": KEY, "base_url": "https://api.test/?x=1"}, "query"),
        ({"api_key": KEY, "base_url": "https://user:password@api.test"}, "credentials"),
        ({"api_key": KEY, "timeout": 0}, "timeout must be"),
        ({"api_key": KEY, "timeout": "30"}, "timeout must be"),
        ({"api_key": KEY, "timeout": float("inf")}, "timeout must be"),
        ({"api_key": KEY, "timeout": 1e300}, "timeout must be"),
        ({"api_key": KEY, "timeout": httpx.Timeout(-1.0)}, "timeout must be"),
        ({"api_key": KEY, "base_url": "http://xn--.com"}, "base_url must be an http"),
        ({"api_key": KEY, "max_retries": -1}, "max_retries must be"),
        ({"api_key": KEY, "max_retries": True}, "max_retries must be"),
        ({"api_key": KEY, "http_client": httpx.Client(), "transport": httpx.MockTransport(Recorder())}, "not both"),
    ],
)
def test_a_bad_setting_is_refused_by_name(options: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidInputError, match=message) as caught:
        PilotStatus(**options)
    assert isinstance(caught.value, ValueError)


def test_both_keys_in_the_environment_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PILOT_STATUS_API_KEY", KEY)
    monkeypatch.setenv("PILOT_STATUS_API_KEY_ID", "ck_1")
    with pytest.raises(InvalidInputError, match="environment"):
        PilotStatus()


def test_the_timeout_applies_to_every_attempt() -> None:
    request = sent_by(api_key=KEY, base_url=BASE_URL, timeout=4.5)
    assert request.extensions["timeout"] == httpx.Timeout(4.5).as_dict()


def test_an_injected_http_client_is_used_and_left_open() -> None:
    recorder = Recorder()
    http = httpx.Client(transport=httpx.MockTransport(recorder), follow_redirects=True)
    with PilotStatus(api_key=KEY, base_url=BASE_URL, http_client=http) as client:
        client.calls.list()
    assert len(recorder.requests) == 1
    assert not http.is_closed
    http.close()


def test_a_client_built_here_is_closed_on_exit() -> None:
    with PilotStatus(api_key=KEY, transport=httpx.MockTransport(Recorder())) as client:
        pass
    assert client._http.is_closed


QUERY_VALUES = st.one_of(st.text(), st.integers(), st.booleans(), st.floats(allow_nan=False, allow_infinity=False))


@settings(max_examples=300)
@given(
    base_url=st.sampled_from([BASE_URL, "http://127.0.0.1:8080", "https://api.test/prefix/"]),
    segments=st.lists(st.text(min_size=1), max_size=3),
    params=st.dictionaries(st.text(min_size=1), QUERY_VALUES | st.lists(QUERY_VALUES, max_size=2), max_size=4),
)
def test_the_query_of_a_request_is_the_one_httpx_makes_of_its_params(
    base_url: str, segments: list[str], params: dict[str, Any]
) -> None:
    """The client encodes the query itself, so that httpx parses each URL once: it must be httpx's own encoding."""
    path = "/v1/calls" + "".join(f"/{urllib.parse.quote(segment, safe='')}" for segment in segments)
    with PilotStatus(api_key=KEY, base_url=base_url, transport=httpx.MockTransport(Recorder())) as client:
        built = client._build_request({"method": "get", "url": path, "params": params})
        expected = httpx.Request("GET", client.base_url + path, params=params).url
    assert built.url == expected
    assert built.url.raw_path == expected.raw_path


def test_the_params_of_an_injected_http_client_are_merged_with_the_query_as_httpx_merges_them() -> None:
    recorder = Recorder()
    with (
        httpx.Client(transport=httpx.MockTransport(recorder), params={"trace": "1", "limit": "7"}) as http,
        PilotStatus(api_key=KEY, base_url=BASE_URL, http_client=http) as client,
    ):
        client.calls.list(limit=3)
    assert str(recorder.requests[0].url) == f"{BASE_URL}/v1/calls?trace=1&limit=3"


@pytest.mark.parametrize("http_class", [httpx.Client, httpx.AsyncClient])
def test_a_client_built_for_plain_http_loads_no_ca_bundle_and_one_for_https_verifies_as_httpx_does(
    monkeypatch: pytest.MonkeyPatch, http_class: type[httpx.Client | httpx.AsyncClient]
) -> None:
    """A plain-http base URL never uses TLS, so its client is built without loading the CA bundle (which takes tens
    of milliseconds); its context still requires a trusted certificate, so a TLS connection would fail, not go
    unverified. An https base URL gets httpx's own verification."""
    verify: list[object] = []

    def recording(**kwargs: Any) -> httpx.Client | httpx.AsyncClient:
        verify.append(kwargs["verify"])
        return http_class(**kwargs)

    sdk_class = PilotStatus if http_class is httpx.Client else AsyncPilotStatus
    importlib.import_module("pilotstatus.resources.calls")  # first: the generated client's annotations name httpx's
    monkeypatch.setattr(httpx, http_class.__name__, recording)
    for base_url in ("http://127.0.0.1:8080", "HTTP://localhost", "https://pilotstatus.com.br", BASE_URL):
        client = sdk_class(api_key=KEY, base_url=base_url)
        if isinstance(client, PilotStatus):
            client.close()
        else:
            asyncio.run(client.close())
    plain, other_plain, tls, other_tls = verify
    assert isinstance(plain, ssl.SSLContext)
    assert isinstance(other_plain, ssl.SSLContext)
    assert (plain.verify_mode, plain.check_hostname) == (ssl.CERT_REQUIRED, True)
    assert plain.cert_store_stats()["x509_ca"] == 0
    assert tls is True
    assert other_tls is True


def test_the_async_client_takes_the_same_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PILOT_STATUS_API_KEY_ID", "ck_async")
    recorder = Recorder()

    async def main() -> AsyncPilotStatus:
        async with AsyncPilotStatus(base_url=BASE_URL, transport=httpx.MockTransport(recorder)) as client:
            await client.calls.list(limit=3)
        return client

    client = asyncio.run(main())
    assert client._http.is_closed
    assert recorder.requests[0].headers["x-api-key-id"] == "ck_async"
    with pytest.raises(InvalidInputError, match="must start with 'ps_'"):
        AsyncPilotStatus(api_key="nope")


NAIVE = datetime.datetime(2026, 1, 29, 12, 0)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"limit": 0}, r"limit=0 is outside 1\.\.100"),
        ({"limit": 101}, r"limit=101 is outside 1\.\.100"),
        ({"limit": -5}, "outside"),
        ({"limit": True}, "whole number"),
        ({"limit": "25"}, "whole number"),
        ({"limit": 2.5}, "whole number"),
        ({"before": NAIVE}, "has no time zone"),
        ({"before": "2026-01-29T12:00:00"}, "has no time zone"),
        ({"before": "2026-01-29"}, "has no time zone"),
        ({"before": "yesterday"}, "not an ISO 8601"),
        ({"before": "2026-13-01T00:00:00Z"}, "not an ISO 8601"),
        ({"before": ""}, "not an ISO 8601"),
        ({"before": 1769688000}, "must be a datetime"),
    ],
)
def test_bad_list_arguments_are_refused_before_any_request(arguments: dict[str, Any], message: str) -> None:
    recorder = Recorder()
    client = PilotStatus(api_key=KEY, transport=httpx.MockTransport(recorder))
    with client, pytest.raises(InvalidInputError, match=message):
        client.calls.list(**arguments)
    assert recorder.requests == []


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"page_size": 0}, "page_size=0 is outside"),
        ({"page_size": 500}, "page_size=500 is outside"),
        ({"since": NAIVE}, "since=.* has no time zone"),
        ({"until": "soon"}, "until='soon' is not an ISO 8601"),
        ({"since": "2026-02-01T00:00:00Z", "until": "2026-01-01T00:00:00Z"}, "since .* is after until"),
        ({"since": datetime.datetime.min.replace(tzinfo=datetime.timezone(datetime.timedelta(hours=1)))}, "range"),
    ],
)
def test_bad_iter_arguments_are_refused_before_any_request(arguments: dict[str, Any], message: str) -> None:
    recorder = Recorder()
    client = PilotStatus(api_key=KEY, transport=httpx.MockTransport(recorder))
    with client, pytest.raises(InvalidInputError, match=message):
        client.calls.iter(**arguments)  # refused at the call, not at the first step of the loop
    assert recorder.requests == []


def test_the_async_iterator_checks_its_arguments_at_the_call() -> None:
    client = AsyncPilotStatus(api_key=KEY, transport=httpx.MockTransport(Recorder()))
    with pytest.raises(InvalidInputError, match="page_size=0"):
        client.calls.iter(page_size=0)


def test_a_hand_made_cursor_is_checked_and_rounded_like_any_before() -> None:
    with pytest.raises(InvalidInputError, match=r"Cursor\.before=.* has no time zone"):
        Cursor(before=NAIVE)
    cursor = Cursor(before="2026-01-29T09:00:00.0005-03:00", seen_ids=["call_1"])  # type: ignore[arg-type]
    assert cursor.before == datetime.datetime(2026, 1, 29, 12, 0, 0, 1000, tzinfo=datetime.UTC)
    assert cursor.seen_ids == frozenset({"call_1"})
    for seen_ids in (None, "call_1", [1]):
        with pytest.raises(InvalidInputError, match="seen_ids"):
            Cursor(before=cursor.before, seen_ids=seen_ids)  # type: ignore[arg-type]


def test_until_at_the_end_of_time_means_no_upper_bound() -> None:
    recorder = Recorder()
    with PilotStatus(api_key=KEY, base_url=BASE_URL, transport=httpx.MockTransport(recorder)) as client:
        assert list(client.calls.iter(until=datetime.datetime.max.replace(tzinfo=datetime.UTC))) == []
    assert recorder.requests[0].url.params["before"] == "9999-12-31T23:59:59.999Z"


def test_with_options_changes_retries_and_timeout_for_the_copy_only() -> None:
    attempts: list[httpx.Request] = []

    def unavailable(request: httpx.Request) -> httpx.Response:
        attempts.append(request)
        return json_response(503, {"error": "down"})

    with PilotStatus(api_key=KEY, base_url=BASE_URL, transport=httpx.MockTransport(unavailable)) as client:
        hasty = client.with_options(max_retries=0, timeout=2.0)
        with pytest.raises(pilotstatus.InternalServerError):
            hasty.calls.list()
        assert len(attempts) == 1
        assert attempts[0].extensions["timeout"] == httpx.Timeout(2.0).as_dict()
        hasty.close()
        assert not client._http.is_closed  # the copy shares the connections and does not close them
        with pytest.raises(pilotstatus.InternalServerError):
            client.calls.list()
        assert len(attempts) == 4  # the original still retries twice
    assert (client.max_retries, hasty.max_retries) == (2, 0)
    with pytest.raises(InvalidInputError, match="max_retries"):
        client.with_options(max_retries=-1)


def test_the_user_agent_of_an_injected_client_is_kept() -> None:
    recorder = Recorder()
    http = httpx.Client(transport=httpx.MockTransport(recorder), headers={"user-agent": "acme-crm/3.1"})
    with PilotStatus(api_key=KEY, base_url=BASE_URL, http_client=http) as client:
        client.calls.list()
    assert recorder.requests[0].headers["user-agent"] == "acme-crm/3.1"
    http.close()


def test_a_short_key_id_is_not_redacted_out_of_ordinary_text() -> None:
    def limited(request: httpx.Request) -> httpx.Response:
        headers = [("retry-after", "300"), ("set-cookie", "a=1"), ("set-cookie", "b=2")]
        return httpx.Response(429, json={"error": "limit 30 per minute"}, headers=headers)

    client = PilotStatus(api_key_id="30", base_url=BASE_URL, transport=httpx.MockTransport(limited))
    with client, pytest.raises(pilotstatus.RateLimitError) as caught:
        client.calls.list()
    assert caught.value.retry_after == 300.0
    assert str(caught.value) == "429 limit 30 per minute"
    assert caught.value.headers.get_list("set-cookie") == ["a=1", "b=2"]


def test_the_retry_backoff_stays_bounded_however_many_retries() -> None:
    assert RetryPolicy().delay(5000) is not None
    assert 0 < (RetryPolicy().delay(5000) or 0) <= 8.0
