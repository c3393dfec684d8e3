"""The pipeline: `openapi.json` regenerates `generated/` byte for byte, a spec change shows up in the models and
as drift until it is regenerated, and a generator warning fails the build instead of dropping an endpoint."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests._spec import JSON, ROOT, documented_call, load_spec

GENERATE = ROOT / "tools" / "generate.py"

pytestmark = pytest.mark.proof  # each test runs the generator on a copy of the spec: in `make test-slow`


def generate(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, GENERATE, *map(str, args)], capture_output=True, text=True, check=False)


def write_spec(folder: Path, spec: JSON) -> Path:
    path = folder / "openapi.json"
    path.write_text(json.dumps(spec, indent=2, ensure_ascii=False))
    return path


def test_the_committed_package_is_what_openapi_json_generates() -> None:
    result = generate("--check")
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_field_added_to_call_reaches_the_model_and_is_drift_until_regenerated(tmp_path: Path) -> None:
    spec = load_spec()
    spec["components"]["schemas"]["Call"]["properties"]["recordingUrl"] = {"type": "string", "format": "uri"}
    changed = write_spec(tmp_path, spec)

    drift = generate("--check", "--spec", changed)
    assert drift.returncode == 1
    assert "+    recording_url: str | None = None" in drift.stdout
    assert "make generate" in drift.stderr

    regenerated = tmp_path / "out" / "pilotstatus_api"
    assert generate("--spec", changed, "--target", regenerated).returncode == 0
    parse = (
        "from pilotstatus_api.models import Call;"
        "import json, sys;"
        "print(Call.from_dict(json.loads(sys.argv[1])).recording_url)"
    )
    call = {**documented_call(), "recordingUrl": "https://example.test/r.mp3"}
    env = {"PYTHONPATH": str(regenerated.parent), "PATH": ""}
    parsed = subprocess.run(
        [sys.executable, "-c", parse, json.dumps(call)], capture_output=True, text=True, env=env, check=False
    )
    assert parsed.stdout.strip() == call["recordingUrl"], parsed.stderr
    assert generate("--check", "--spec", changed, "--target", regenerated).returncode == 0


def test_a_stale_file_in_the_package_is_reported_as_drift(tmp_path: Path) -> None:
    # The committed package (what openapi.json generates, as the first test proves), copied: one generation fewer.
    target = tmp_path / "pilotstatus_api"
    shutil.copytree(ROOT / "generated" / "pilotstatus_api", target, ignore=shutil.ignore_patterns("__pycache__"))
    (target / "models" / "removed_model.py").write_text("class Removed: ...\n")

    drift = generate("--check", "--target", target)
    assert drift.returncode == 1
    assert "removed_model.py" in drift.stdout


def test_a_response_the_generator_would_leave_out_fails_generation(tmp_path: Path) -> None:
    spec = load_spec()
    spec["paths"]["/v1/calls"]["get"]["responses"]["200"]["content"] = {
        "application/xml": {"schema": {"type": "string"}}
    }
    target = tmp_path / "pilotstatus_api"

    result = generate("--spec", write_spec(tmp_path, spec), "--target", target)
    assert result.returncode == 1
    assert "Unsupported content_type application/xml" in result.stderr
    assert not target.exists()
