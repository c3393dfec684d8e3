"""`make bench`'s yardstick for the sandbox: a bare Starlette app with one route, `GET /v1/calls`, answering every
request with the same page of 100 calls, encoded once at start-up, in the JSON shape of the sandbox's List calls
(the sandbox's own calls: the first page of a seeded history). No key, no validation, no state: what the web stack
alone costs for a page of that size.

It runs in a process of its own on the very uvicorn server the command-line sandbox runs on
(`pilotstatus_sandbox._server.command_line_server`, the same options), listening as the sandbox does, and prints
`Base URL: http://...` on stderr as the sandbox's banner does, so that `bench_sandbox` starts and finds both alike:

    python tools/bench_bare_app.py --port 0
"""

from __future__ import annotations

import argparse
import sys

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from pilotstatus_sandbox._dataset import CallHistory
from pilotstatus_sandbox._encoded import encode_json
from pilotstatus_sandbox._server import _base_url, _listen, command_line_server

PAGE_SIZE = 100


def page_body(calls: int = PAGE_SIZE, seed: int = 7) -> bytes:
    """The body every request gets: `{"calls": [...]}` with the newest `calls` calls of a seeded Meta history,
    encoded as the sandbox encodes its answers (Starlette's JSONResponse: compact, UTF-8)."""
    page = CallHistory(count=calls, seed=seed, provider="META").page(limit=calls, before_ms=None)
    return encode_json({"calls": page})


def create_bare_app(body: bytes) -> Starlette:
    """The app: `GET /v1/calls` answers `body` as JSON, whatever the query."""

    async def list_calls(request: Request) -> Response:
        return Response(body, media_type="application/json")

    return Starlette(routes=[Route("/v1/calls", list_calls, methods=["GET"])])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default="127.0.0.1", help="the address to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=0, help="the port to listen on (default: 0, a free one)")
    args = parser.parse_args()
    app = create_bare_app(page_body())
    with _listen(args.host, args.port) as listening:
        print(f"Base URL: {_base_url(args.host, listening)}", file=sys.stderr, flush=True)
        command_line_server(app).run(sockets=[listening])


if __name__ == "__main__":
    main()
