"""Generate the `pilotstatus_api` package from `openapi.json`, or check that the committed copy is current.

`make generate` and `make check-generated` both run this script, so a regeneration and its check can never drift
apart. The generator always writes into a fresh temporary folder first:

- without `--check`, that folder then replaces the target package whole, so a model or an endpoint removed from
  the spec leaves no stale module behind;
- with `--check`, it is compared with the target and every difference is printed as a unified diff.

The generator and ruff (its post-hooks) are taken from the environment running this script, which `make` points at
the project's `.venv`, where both are pinned: the same spec gives the same bytes on every machine. The generator runs
with the project's template overrides, `templates/` (see its README), so both commands use them.
"""

from __future__ import annotations

import argparse
import difflib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

PACKAGE = "pilotstatus_api"
ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "templates"
IGNORED = {"__pycache__", ".ruff_cache", ".mypy_cache"}


class GenerationError(Exception):
    """The generator failed or warned; its output is in the message."""


def generate(spec: Path, config: Path, output: Path) -> None:
    """Run openapi-python-client into `output` (which must not exist), failing on any warning.

    Without `--fail-on-warning` the generator silently leaves out an endpoint or a response it cannot parse.
    """
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    command = [
        str(bin_dir / "openapi-python-client"),
        "generate",
        "--path",
        str(spec),
        "--config",
        str(config),
        "--output-path",
        str(output),
        "--meta",
        "none",
        "--custom-template-path",
        str(TEMPLATES),
        "--fail-on-warning",
    ]
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise GenerationError(
            f"openapi-python-client failed (exit {result.returncode}):\n{result.stdout}{result.stderr}"
        )
    # With `--meta none` the generator writes no py.typed; the package is typed, so the pipeline adds it.
    (output / "py.typed").write_text("")


def files_below(folder: Path) -> Iterator[Path]:
    """Every file below `folder`, relative to it, skipping caches."""
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if path.is_file() and not IGNORED.intersection(relative.parts) and path.suffix != ".pyc":
            yield relative


def read(folder: Path, relative: Path, present: set[Path]) -> bytes:
    return (folder / relative).read_bytes() if relative in present else b""


def lines(content: bytes) -> list[str]:
    return content.decode("utf-8", errors="replace").splitlines(keepends=True)


def differences(expected: Path, actual: Path) -> list[str]:
    """Unified diffs (and missing or extra files) that turn `actual` into `expected`, compared byte for byte."""
    expected_files = set(files_below(expected)) if expected.is_dir() else set()
    actual_files = set(files_below(actual)) if actual.is_dir() else set()
    report: list[str] = []
    for relative in sorted(expected_files | actual_files):
        before, after = read(actual, relative, actual_files), read(expected, relative, expected_files)
        if before != after:
            label = f"{actual.name}/{relative}"
            diff = list(
                difflib.unified_diff(lines(before), lines(after), f"committed: {label}", f"regenerated: {label}")
            )
            report.extend(diff or [f"{label}: the bytes differ (line endings or encoding)\n"])
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", type=Path, default=ROOT / "openapi.json")
    parser.add_argument("--config", type=Path, default=ROOT / "generator-config.yaml")
    parser.add_argument("--target", type=Path, default=ROOT / "generated" / PACKAGE)
    parser.add_argument("--check", action="store_true", help="compare with --target instead of replacing it")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="pilotstatus-generate-") as scratch:
        fresh = Path(scratch) / PACKAGE
        try:
            generate(args.spec.resolve(), args.config.resolve(), fresh)
        except GenerationError as error:
            print(error, file=sys.stderr)
            return 1
        if args.check:
            report = differences(expected=fresh, actual=args.target)
            if report:
                sys.stdout.writelines(report)
                print(
                    f"\n{args.target} does not match {args.spec.name}: run `make generate` and commit both.",
                    file=sys.stderr,
                )
                return 1
            print(f"{args.target} matches {args.spec.name}.")
            return 0
        if args.target.exists():
            shutil.rmtree(args.target)
        args.target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(fresh, args.target)
        print(f"Regenerated {args.target} from {args.spec.name}.")
        return 0


if __name__ == "__main__":
    sys.exit(main())
