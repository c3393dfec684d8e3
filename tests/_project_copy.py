"""A copy of the project in a temporary folder, for the proofs that change the spec and regenerate: `make` runs
there with the checkout's `.venv`, and Python imports the copy's packages first."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from tests._spec import ROOT

__all__ = ["COPIED", "IMPORTED_FROM", "copy_env", "copy_project", "make", "python_in"]

COPIED = (
    "Makefile",
    "README.md",
    "api.md",
    "openapi.json",
    "generator-config.yaml",
    "pyproject.toml",
    "requirements",
    "generated",
    "sandbox",
    "spec",
    "templates",
    "tests",
    "tools",
    "wrapper",
)
"""What the pipeline and its tests need of the checkout (a name the checkout lacks is skipped)."""

IMPORTED_FROM = (
    "import pilotstatus_api, pilotstatus, pilotstatus_sandbox;"
    "print(pilotstatus_api.__file__, pilotstatus.__file__, pilotstatus_sandbox.__file__)"
)
"""Prints where the three packages are imported from."""

VENV = ROOT / ".venv"


def copy_project(destination: Path) -> Path:
    """A copy of what the pipeline needs, at `destination/<checkout's name>`, with `shared/` beside it as the
    checkout has it (the spec tests read the published pages there). Modification times are kept, so that `make`
    sees the copy's install as current."""
    root = destination / ROOT.name
    root.mkdir(parents=True)
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, root / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        elif source.is_file():
            shutil.copy2(source, root / name)
    shared = ROOT.parent / "shared"
    if shared.exists():
        (destination / "shared").symlink_to(shared)
    return root


def copy_env(root: Path) -> dict[str, str]:
    """The environment that imports the copy's packages: the checkout's `.venv` has the original ones installed
    (editable), so the copy's come first. pytest's own variables are left out, so that a run in the copy is its own."""
    env = {name: value for name, value in os.environ.items() if not name.startswith("PYTEST_")}
    env["PYTHONPATH"] = os.pathsep.join(str(root / folder) for folder in ("wrapper", "generated", "sandbox", "."))
    return env


def make(root: Path, target: str, *variables: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """`make target` in the copy, with the checkout's `.venv` taken as installed (`--assume-old`)."""
    command = [
        "make", "--no-print-directory", "-C", str(root), f"--assume-old={VENV / '.installed-stamp'}",
        target, f"VENV={VENV}", *variables,
    ]  # fmt: skip
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=timeout, env=copy_env(root))


def python_in(
    root: Path, *arguments: str, timeout: float = 900, env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`python arguments...` in the copy, importing the copy's packages."""
    return subprocess.run(
        [sys.executable, *arguments],
        cwd=root, env={**copy_env(root), **(env or {})}, capture_output=True, text=True, check=False, timeout=timeout,
    )  # fmt: skip
