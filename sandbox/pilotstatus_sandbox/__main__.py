"""`python -m pilotstatus_sandbox`: serve the sandbox (the same as `pilotstatus sandbox`)."""

from __future__ import annotations

import argparse

from ._server import serve


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m pilotstatus_sandbox", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--calls", type=int, default=5000, help="calls per number (default 5000)")
    parser.add_argument("--seed", type=int, default=7, help="the seed the calls are drawn from (default 7)")
    parser.add_argument("--rate-limit", type=float, default=None, help="requests a second per key (default: none)")
    args = parser.parse_args(argv)
    serve(host=args.host, port=args.port, calls=args.calls, seed=args.seed, rate_limit=args.rate_limit)


if __name__ == "__main__":
    main()
