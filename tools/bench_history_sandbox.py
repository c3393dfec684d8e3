"""`make bench`'s sandbox for the history walk: the sandbox seeded with `--messages` messages a number (the calls
left out: the walk reads messages only), on the command-line sandbox's uvicorn server with its options
(`pilotstatus_sandbox._server.command_line_server`), over plain HTTP or, with `--cert`, over TLS, which the
`pilotstatus sandbox` command does not offer. It prints `Base URL: http(s)://...` on stderr once it listens and the
messages are drawn, as the sandbox's banner does, so that `bench_sandbox.server_process` starts and finds it:

    python tools/bench_history_sandbox.py --messages 10000 [--cert key-and-chain.pem]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pilotstatus_sandbox import SandboxConfig, create_app
from pilotstatus_sandbox._server import _base_url, _listen, command_line_server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--messages", type=int, default=10_000, help="messages a number (default 10,000)")
    parser.add_argument("--seed", type=int, default=7, help="the seed they are drawn from (default 7)")
    parser.add_argument("--cert", type=Path, help="PEM file with the key and certificate chain: serve over TLS")
    parser.add_argument("--host", default="127.0.0.1", help="the address to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=0, help="the port to listen on (default: 0, a free one)")
    args = parser.parse_args()
    app = create_app(SandboxConfig(calls=0, messages=args.messages, seed=args.seed))
    server = command_line_server(app)
    if args.cert is not None:
        # uvicorn makes its TLS context from these when it starts (its config is loaded then, not when built).
        server.config.ssl_certfile = str(args.cert)
    with _listen(args.host, args.port) as listening:
        url = _base_url(args.host, listening)
        if args.cert is not None:
            url = "https://" + url.removeprefix("http://")
        print(f"Base URL: {url}", file=sys.stderr, flush=True)
        server.run(sockets=[listening])


if __name__ == "__main__":
    main()
