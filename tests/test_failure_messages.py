"""What a failure says: a request that got no response names the address it tried, which timeout ran out and its
value, and what happened even when httpx's error has no text; a sandbox's demo key is refused before it is sent to
the production API, with the setting to change."""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import socket
import struct
import threading
from collections.abc import Callable, Iterator

import httpx
import pytest

from pilotstatus import APIConnectionError, APITimeoutError, AsyncPilotStatus, InvalidInputError, PilotStatus
from pilotstatus._constants import API_KEY_HEADER, API_KEY_ID_HEADER, BASE_URL_ENV, SANDBOX_KEY_PREFIXES
from pilotstatus_sandbox._scenarios import SCENARIOS
from tests._clients import KEY

Flavor = Callable[..., APIConnectionError]
"""Make one `calls.list()` with a client of these settings and return the error it raised."""

TIMEOUT = httpx.Timeout(30.0, connect=3.0, write=5.0, pool=2.5)


def sync_failure(**settings: object) -> APIConnectionError:
    client = PilotStatus(api_key=KEY, max_retries=0, **settings)  # type: ignore[arg-type]
    with client, pytest.raises(APIConnectionError) as caught:
        client.calls.list()
    return caught.value


def async_failure(**settings: object) -> APIConnectionError:
    async def main() -> APIConnectionError:
        async with AsyncPilotStatus(api_key=KEY, max_retries=0, **settings) as client:  # type: ignore[arg-type]
            with pytest.raises(APIConnectionError) as caught:
                await client.calls.list()
        return caught.value

    return asyncio.run(main())


FLAVORS = [sync_failure, async_failure]
FLAVOR_IDS = ["sync", "async"]


def raising(error: Exception) -> Callable[[httpx.Request], httpx.Response]:
    def handler(request: httpx.Request) -> httpx.Response:
        raise error

    return handler


def failing(error: Exception) -> httpx.MockTransport:
    """A transport that fails every request with `error` (a MockTransport serves sync and async clients alike)."""
    return httpx.MockTransport(raising(error))


@pytest.fixture(autouse=True)
def no_base_url_in_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(BASE_URL_ENV, raising=False)


# --- where the request went -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("flavor", FLAVORS, ids=FLAVOR_IDS)
@pytest.mark.parametrize(
    ("base_url", "where"),
    [
        (None, "pilotstatus.com.br:443"),
        ("https://api.test", "api.test:443"),
        ("http://api.test", "api.test:80"),
        ("http://127.0.0.1:8123/prefix", "127.0.0.1:8123"),
        ("http://[::1]:8000", "[::1]:8000"),
    ],
    ids=["default", "https", "http", "port", "ipv6"],
)
def test_a_connection_failure_names_the_host_and_port_it_tried(
    flavor: Flavor, base_url: str | None, where: str
) -> None:
    failure = httpx.ConnectError("[Errno -2] Name or service not known")
    error = flavor(base_url=base_url, transport=failing(failure))
    assert type(error) is APIConnectionError
    assert str(error) == f"Could not connect to {where} (ConnectError: [Errno -2] Name or service not known)"


@contextlib.contextmanager
def closed_port() -> Iterator[str]:
    """The address of a loopback port nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    yield f"127.0.0.1:{port}"


@pytest.mark.parametrize("flavor", FLAVORS, ids=FLAVOR_IDS)
def test_a_refused_connection_over_real_sockets_names_the_address(flavor: Flavor) -> None:
    with closed_port() as address:
        error = flavor(base_url=f"http://{address}")
    assert str(error).startswith(f"Could not connect to {address} (ConnectError: ")


# --- which timeout ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("flavor", FLAVORS, ids=FLAVOR_IDS)
@pytest.mark.parametrize(
    ("failure", "expected"),
    [
        (httpx.ConnectTimeout("timed out"), "Timed out connecting to api.test:443: the connect timeout is 3 s"),
        (httpx.ReadTimeout("timed out"), "Timed out reading the response from api.test:443: the read timeout is 30 s"),
        (httpx.WriteTimeout("timed out"), "Timed out sending the request to api.test:443: the write timeout is 5 s"),
        (
            httpx.PoolTimeout("timed out"),
            "Timed out waiting for a free connection to api.test:443 from the client's pool: the pool timeout is 2.5 s",
        ),
    ],
    ids=["connect", "read", "write", "pool"],
)
def test_a_timeout_names_which_timeout_ran_out_and_its_value(
    flavor: Flavor, failure: httpx.TimeoutException, expected: str
) -> None:
    error = flavor(base_url="https://api.test", timeout=TIMEOUT, transport=failing(failure))
    assert type(error) is APITimeoutError
    assert str(error) == f"{expected} ({type(failure).__name__}: timed out)"


def test_a_timeout_of_a_copy_with_another_timeout_names_the_copy_s_value() -> None:
    client = PilotStatus(api_key=KEY, base_url="https://api.test", transport=failing(httpx.ConnectTimeout("")))
    with client, pytest.raises(APITimeoutError) as caught:
        client.with_options(timeout=httpx.Timeout(8.0, connect=0.25), max_retries=0).calls.list()
    assert str(caught.value) == "Timed out connecting to api.test:443: the connect timeout is 0.25 s (ConnectTimeout)"


@contextlib.contextmanager
def fault_server(answer: Callable[[socket.socket], None]) -> Iterator[str]:
    """A loopback server that reads each request and then does `answer` with its connection (which is then
    closed); yields its address."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    connections: list[socket.socket] = []

    def serve() -> None:
        while True:
            try:
                connection, _ = listener.accept()
            except OSError:  # the listener was closed: the test is over
                return
            connections.append(connection)
            connection.recv(65536)
            answer(connection)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"127.0.0.1:{listener.getsockname()[1]}"
    finally:
        listener.shutdown(socket.SHUT_RDWR)  # wakes the accept() in progress
        listener.close()
        for connection in connections:
            connection.close()
        thread.join()


def reset(connection: socket.socket) -> None:
    """Close with a TCP reset instead of a clean close (SO_LINGER with a zero timeout)."""
    connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    connection.close()


def stay_silent(connection: socket.socket) -> None:
    """Keep the connection open and never answer (the test closes it at the end)."""


@pytest.mark.parametrize("flavor", FLAVORS, ids=FLAVOR_IDS)
def test_a_server_that_never_answers_is_a_read_timeout_named_with_its_value(flavor: Flavor) -> None:
    with fault_server(stay_silent) as address:
        error = flavor(base_url=f"http://{address}", timeout=httpx.Timeout(0.05, connect=10.0))
    assert type(error) is APITimeoutError
    assert str(error).startswith(f"Timed out reading the response from {address}: the read timeout is 0.05 s")


# --- an error without text ------------------------------------------------------------------------------------------


def test_a_connection_reset_under_the_async_client_says_what_happened_though_httpx_says_nothing() -> None:
    with fault_server(reset) as address:
        error = async_failure(base_url=f"http://{address}")
    assert isinstance(error.__cause__, httpx.ReadError)
    assert str(error.__cause__) == ""  # what made the message say nothing more than "ReadError: "
    assert str(error) == f"The connection to {address} was closed before the whole response was read (ReadError)"


def test_a_connection_reset_under_the_sync_client_says_the_same_with_the_system_s_words() -> None:
    with fault_server(reset) as address:
        error = sync_failure(base_url=f"http://{address}")
    assert str(error).startswith(f"The connection to {address} was closed before the whole response was read (")
    assert "ReadError: " in str(error)


REQUEST_ERRORS = sorted(
    (
        value
        for value in vars(httpx).values()
        if inspect.isclass(value) and issubclass(value, httpx.RequestError) and value is not httpx.RequestError
    ),
    key=lambda cls: cls.__name__,
)


@pytest.mark.parametrize("flavor", FLAVORS, ids=FLAVOR_IDS)
@pytest.mark.parametrize("cls", REQUEST_ERRORS, ids=[cls.__name__ for cls in REQUEST_ERRORS])
def test_every_httpx_error_without_text_still_says_what_happened_and_where(
    flavor: Flavor, cls: type[httpx.RequestError]
) -> None:
    error = flavor(base_url="http://api.test:8000", timeout=TIMEOUT, transport=failing(cls("")))
    message = str(error)
    assert isinstance(error, APITimeoutError) == issubclass(cls, httpx.TimeoutException)
    assert "api.test:8000" in message
    assert message.endswith(f" ({cls.__name__})")
    situation = message.removesuffix(f" ({cls.__name__})")
    assert not situation.endswith(":")
    assert len(situation.split()) >= 5  # a sentence, not a bare class name


@pytest.mark.parametrize("flavor", FLAVORS, ids=FLAVOR_IDS)
def test_a_body_that_does_not_decode_names_the_server_and_says_the_response_could_not_be_read(flavor: Flavor) -> None:
    def corrupt(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, stream=httpx.ByteStream(b"not gzip"), headers={"content-encoding": "gzip"})

    error = flavor(base_url="https://api.test", transport=httpx.MockTransport(corrupt))
    assert str(error).startswith(
        "The response from api.test:443 could not be read: its body does not decode (DecodingError: "
    )


@pytest.mark.parametrize("flavor", FLAVORS, ids=FLAVOR_IDS)
@pytest.mark.parametrize("failure", [httpx.ReadTimeout, httpx.ConnectError, httpx.RemoteProtocolError])
def test_the_key_is_in_no_message_even_when_httpx_s_text_holds_it(
    flavor: Flavor, failure: type[httpx.TransportError]
) -> None:
    error = flavor(base_url="https://api.test", transport=failing(failure(f"echoing {KEY}")))
    assert KEY not in str(error)
    assert "echoing [redacted]" in str(error)
    assert error.__cause__ is None  # httpx's error holds the key: not chained


# --- a sandbox's demo key -------------------------------------------------------------------------------------------


def test_every_demo_key_of_the_sandbox_starts_with_the_prefix_the_clients_refuse_for_production() -> None:
    assert all(scenario.api_key.startswith(SANDBOX_KEY_PREFIXES[API_KEY_HEADER]) for scenario in SCENARIOS)
    assert all(scenario.api_key_id.startswith(SANDBOX_KEY_PREFIXES[API_KEY_ID_HEADER]) for scenario in SCENARIOS)


CLIENTS = [PilotStatus, AsyncPilotStatus]
PRODUCTION_URLS = [None, "https://pilotstatus.com.br", "https://PilotStatus.com.br/", "https://api.pilotstatus.com.br"]


@pytest.mark.parametrize("client_class", CLIENTS)
@pytest.mark.parametrize("base_url", PRODUCTION_URLS)
@pytest.mark.parametrize(
    ("credential", "argument"),
    [
        *[({"api_key": scenario.api_key}, "api_key") for scenario in SCENARIOS],
        ({"api_key_id": SCENARIOS[0].api_key_id}, "api_key_id"),
    ],
)
def test_a_demo_key_with_the_production_base_url_is_refused_by_the_constructor(
    client_class: type[PilotStatus | AsyncPilotStatus], base_url: str | None, credential: dict[str, str], argument: str
) -> None:
    sent: list[httpx.Request] = []
    with pytest.raises(InvalidInputError) as caught:
        client_class(base_url=base_url, transport=answer_empty_page(sent), **credential)  # type: ignore[arg-type]
    message = str(caught.value)
    assert message.startswith(f"{argument} is one of the local sandbox's demo keys")
    assert f"set {BASE_URL_ENV} (or pass base_url=) to your sandbox's address" in message
    assert (caught.value.argument, caught.value.problem) == ("base_url", InvalidInputError.SANDBOX_KEY)
    assert next(iter(credential.values())) not in message
    assert sent == []


@pytest.mark.parametrize("client_class", CLIENTS)
def test_a_demo_key_from_the_environment_without_a_base_url_is_refused(
    client_class: type[PilotStatus | AsyncPilotStatus], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PILOT_STATUS_API_KEY", "ps_sandbox_meta_number")
    monkeypatch.delenv("PILOT_STATUS_API_KEY_ID", raising=False)
    with pytest.raises(InvalidInputError, match=BASE_URL_ENV):
        client_class()


def answer_empty_page(sent: list[httpx.Request]) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"calls": []})

    return httpx.MockTransport(handler)


@pytest.mark.parametrize(
    "base_url", ["http://127.0.0.1:8080", "https://sandbox.example.com", "https://pilotstatus.com.br.example.com"]
)
def test_a_demo_key_with_another_base_url_works_and_so_do_its_copies(base_url: str) -> None:
    sent: list[httpx.Request] = []
    with PilotStatus(api_key="ps_sandbox_meta_number", base_url=base_url, transport=answer_empty_page(sent)) as client:
        client.calls.list()
        client.with_options(timeout=5.0, max_retries=0, whatsapp_number_id="num_sandbox_meta").calls.list()
    assert [str(request.url.copy_with(query=None)) for request in sent] == [f"{base_url}/v1/calls"] * 2


def test_a_demo_key_reaches_the_sandbox_named_in_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(BASE_URL_ENV, "http://127.0.0.1:8080")
    sent: list[httpx.Request] = []

    async def main() -> None:
        async with AsyncPilotStatus(api_key="ps_sandbox_meta_number", transport=answer_empty_page(sent)) as client:
            await client.with_options(max_retries=0).calls.list()

    asyncio.run(main())
    assert [request.url.host for request in sent] == ["127.0.0.1"]


@pytest.mark.parametrize("credential", [{"api_key": KEY}, {"api_key": "ps_sandboxed_key_0123"}, {"api_key_id": "ck_1"}])
def test_a_key_that_is_not_a_demo_key_is_sent_to_the_production_api(credential: dict[str, str]) -> None:
    sent: list[httpx.Request] = []
    with PilotStatus(transport=answer_empty_page(sent), **credential) as client:  # type: ignore[arg-type]
        client.calls.list()
    assert [request.url.host for request in sent] == ["pilotstatus.com.br"]
