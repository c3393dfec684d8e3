"""The distribution: one wheel with the three packages, the `pilotstatus` command, the sandbox's extra, and the spec
inside the sandbox package, so that an installed sandbox validates requests without the checkout."""

from __future__ import annotations

import email
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests._spec import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation", "-q", "-w", str(out)],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("pilotstatus-*.whl")
    return built


def test_the_wheel_carries_the_three_packages_and_the_spec_for_the_sandbox(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        packaged_spec = json.loads(archive.read("pilotstatus_sandbox/openapi.json"))
    assert {"pilotstatus/__init__.py", "pilotstatus_api/__init__.py", "pilotstatus_sandbox/__init__.py"} <= names
    assert {"pilotstatus/py.typed", "pilotstatus_sandbox/py.typed"} <= names
    assert packaged_spec == json.loads((ROOT / "openapi.json").read_text(encoding="utf-8"))


def test_the_wheel_declares_the_command_and_the_sandbox_extra(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        info = next(name for name in archive.namelist() if name.endswith(".dist-info/METADATA"))
        metadata = email.message_from_bytes(archive.read(info))
        entry_points = archive.read(info.replace("METADATA", "entry_points.txt")).decode()
    assert "pilotstatus = pilotstatus._cli:main" in entry_points
    assert "sandbox" in metadata.get_all("Provides-Extra", [])
    requires = metadata.get_all("Requires-Dist", [])
    assert any(line.startswith("openapi-core") and "extra == 'sandbox'" in line for line in requires)
    assert not any(line.startswith(("starlette", "uvicorn")) and "extra" not in line for line in requires)


def test_an_unpacked_wheel_serves_the_sandbox_from_its_own_copy_of_the_spec(wheel: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(tmp_path)
    probe = (
        "import pilotstatus_sandbox._spec as spec, sys; "
        "assert spec.__file__.startswith(sys.argv[1]), spec.__file__; "
        "assert not spec._SOURCE_SPEC.exists(); "
        "print(spec.load_spec()['paths']['/v1/calls']['get']['operationId'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, str(tmp_path)],
        env={"PYTHONPATH": str(tmp_path)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "get_calls\n"
