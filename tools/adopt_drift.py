"""Adopt a drift patch: apply `reports/drift.patch.json` to `openapi.json`, label each added item, regenerate the
client and print the diffs of both for review.

`make contract` writes the patch (an RFC 6902 JSON Patch of `add` operations) for the additive differences it saw
between a deployment and the spec. `make adopt-drift` runs this script, which makes that patch a reviewed change:

- it only ever adds. Anything else is refused before a byte is written, with one line on stderr naming the problem
  and the operation's index in the patch (from 0), and exit code 2: a missing, unreadable or malformed patch, an
  operation other than `add`, an `add` whose target exists (it would replace something; the one exception is an
  array append, `.../-`), an `add` whose parent does not exist, an enum value the enum already lists, and an `add`
  of something it cannot label (see `LABELLED`: a keyword added to an existing schema, such as `format`, would
  tighten the spec, not extend it). An empty patch is not an error: it says there is nothing to adopt and exits 0;
- each added item says where it comes from, "Observed on <date>, not documented upstream.", where the patch did not
  already say it: an added object (property, schema, response, header, parameter) gets that `description` if it has
  none and `x-pilotstatus-observed: <date>`; an enum value gets an entry in its enum schema's
  `x-pilotstatus-observed` map (value -> sentence). The date is the operation's own `x-pilotstatus-observed` member,
  else `--date`, else today (UTC);
- the result must be a valid OpenAPI document (openapi-spec-validator) and must generate (`tools/generate.py`, into
  a scratch folder) before anything is written; a generation failure exits 1 with the generator's output;
- `openapi.json` is written in its own formatting (`dump_spec`), so its diff shows only what was added; the
  generated package is replaced whole; then the unified diffs of both are printed, and what to do next.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import difflib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonpatch
import jsonpointer
from openapi_spec_validator import validate
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError
from referencing.exceptions import Unresolvable

ROOT = Path(__file__).resolve().parent.parent
GENERATE = Path(__file__).resolve().parent / "generate.py"
DEFAULT_PATCH = ROOT / "reports" / "drift.patch.json"
DEFAULT_SPEC = ROOT / "openapi.json"
DEFAULT_GENERATED = ROOT / "generated" / "pilotstatus_api"

OBSERVED = "x-pilotstatus-observed"
"""The extension that dates an observed item: a date on an added object, a map (value -> sentence) on an enum schema."""
REFUSED = 2
GENERATION_FAILED = 1
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

MEMBER_KINDS = {
    "properties": "schema",
    "schemas": "schema",
    "headers": "header",
    "parameters": "parameter",
    "responses": "response",
    "content": "media type",
}
"""What an item added under each of these keys is, and so how it is labelled."""
LABELLED = ", ".join(sorted({f"{kind}s" for kind in MEMBER_KINDS.values()} | {"enum values"}))
"""What adoption can label, for the message that refuses anything else."""
IGNORED = {"__pycache__", ".ruff_cache", ".mypy_cache"}
"""What is not part of the generated package (as `tools/generate.py` compares it)."""


class AdoptionError(Exception):
    """The patch is refused and nothing is written; the message is the one line that says why."""


def observed_sentence(date: str) -> str:
    return f"Observed on {date}, not documented upstream."


def dump_spec(spec: Any) -> str:
    """`openapi.json` as the file itself is written: loading the committed file and dumping it with these arguments
    gives its exact bytes back, so that the diff of an adoption shows only what the adoption added."""
    return json.dumps(spec, indent=2, ensure_ascii=False) + "\n"


# --- the patch ------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Addition:
    """One applied `add`: its index in the patch, where the added item now stands (an append's `-` replaced by the
    index it got), and the date it was observed on."""

    index: int
    tokens: tuple[str, ...]
    date: str


def read_patch(path: Path) -> list[dict[str, Any]]:
    """The patch's operations, or an `AdoptionError` when there is no patch or it is not a JSON array of objects."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise AdoptionError(
            f"{path}: no such patch; run `make contract` first, which writes it beside its report"
        ) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise AdoptionError(
            f"{path}: not a readable JSON patch ({error}); run `make contract` to write it again"
        ) from None
    if not isinstance(document, list):
        raise AdoptionError(
            f"{path}: not a JSON Patch: expected a JSON array of operations, found {type(document).__name__}"
        )
    for index, operation in enumerate(document):
        if not isinstance(operation, dict):
            raise AdoptionError(f"{path}: operation {index} is not a JSON object")
    return document


def pointer_of(tokens: tuple[str, ...]) -> str:
    return str(jsonpointer.JsonPointer.from_parts(list(tokens)).path)


def _operation_date(operation: Mapping[str, Any], index: int, default: str) -> str:
    date = operation.get(OBSERVED, default)
    if not isinstance(date, str) or not DATE.fullmatch(date):
        raise AdoptionError(f"operation {index}: `{OBSERVED}` is {date!r}, not a date (YYYY-MM-DD)")
    try:
        dt.date.fromisoformat(date)
    except ValueError:
        raise AdoptionError(f"operation {index}: `{OBSERVED}` is {date!r}, not a date (YYYY-MM-DD)") from None
    return date


def _resolve(document: Any, tokens: tuple[str, ...]) -> Any:
    """The node at `tokens`, or `KeyError` when there is none."""
    try:
        return jsonpointer.JsonPointer.from_parts(list(tokens)).resolve(document)
    except jsonpointer.JsonPointerException:
        raise KeyError(pointer_of(tokens)) from None


def _added_at(document: Any, operation: Mapping[str, Any], index: int) -> tuple[str, ...]:
    """Where `operation` adds its value in `document` (an append's `-` replaced by the index it will get), or a
    `AdoptionError` when it is not an addition that replaces nothing."""
    if operation.get("op") != "add":
        raise AdoptionError(f"operation {index}: `op` is {operation.get('op')!r}; adoption only ever adds (`add`)")
    path = operation.get("path")
    if not isinstance(path, str):
        raise AdoptionError(f"operation {index}: `path` is {path!r}, not a JSON pointer")
    if "value" not in operation:
        raise AdoptionError(f"operation {index}: an `add` without a `value`")
    try:
        tokens = tuple(jsonpointer.JsonPointer(path).parts)
    except jsonpointer.JsonPointerException as error:
        raise AdoptionError(f"operation {index}: `path` {path!r} is not a JSON pointer ({error})") from None
    if not tokens:
        raise AdoptionError(f"operation {index}: adds at the document's root, which would replace the whole spec")
    *parent_tokens, key = tokens
    try:
        parent = _resolve(document, tuple(parent_tokens))
    except KeyError:
        raise AdoptionError(f"operation {index}: adds at {path}, whose parent does not exist in the spec") from None
    if isinstance(parent, dict):
        if key in parent:
            raise AdoptionError(f"operation {index}: {path} already exists; adding it would replace it")
        return tokens
    if not isinstance(parent, list):
        raise AdoptionError(f"operation {index}: adds at {path}, whose parent is neither an object nor an array")
    if key != "-" and not key.isdigit():
        raise AdoptionError(f"operation {index}: {path} names no element of its array (an index or `-`)")
    if key != "-" and int(key) < len(parent):
        raise AdoptionError(f"operation {index}: {path} already exists; only an append (`/-`) may add to an array")
    if key != "-" and int(key) > len(parent):
        raise AdoptionError(f"operation {index}: {path} is past the end of its array")
    if parent_tokens and parent_tokens[-1] == "enum" and operation["value"] in parent:
        raise AdoptionError(
            f"operation {index}: {pointer_of(tuple(parent_tokens))} already lists {operation['value']!r}"
        )
    return (*parent_tokens, str(len(parent)))


def apply_patch(spec: Any, operations: list[dict[str, Any]], default_date: str) -> list[Addition]:
    """Apply `operations` to `spec` in place, one at a time, each checked against the spec as the ones before it left
    it; every one must be an `add` that replaces nothing."""
    additions = []
    for index, operation in enumerate(operations):
        date = _operation_date(operation, index, default_date)
        tokens = _added_at(spec, operation, index)
        try:
            jsonpatch.JsonPatch([operation]).apply(spec, in_place=True)
        except (jsonpatch.JsonPatchException, jsonpointer.JsonPointerException) as error:
            raise AdoptionError(f"operation {index}: {error}") from None
        additions.append(Addition(index, tokens, date))
    return additions


# --- the labels -----------------------------------------------------------------------------------------------------


def _label_object(item: Any, kind: str, addition: Addition) -> None:
    """Date an added object and, where its kind has a description, say in it where it comes from."""
    if not isinstance(item, dict):
        raise AdoptionError(
            f"operation {addition.index}: adds a {kind} that is not a JSON object, which cannot be labelled"
        )
    sentence = observed_sentence(addition.date)
    if kind == "media type":
        # A media type has no description of its own: its inline schema says it.
        schema = item.get("schema")
        if isinstance(schema, dict) and "$ref" not in schema:
            schema.setdefault("description", sentence)
    else:
        item.setdefault("description", sentence)
    item.setdefault(OBSERVED, addition.date)


def _label_enum_value(spec: Any, addition: Addition) -> None:
    value = _resolve(spec, addition.tokens)
    schema_tokens = addition.tokens[:-2]
    schema = _resolve(spec, schema_tokens)
    labels = schema.setdefault(OBSERVED, {})
    if not isinstance(labels, dict):
        raise AdoptionError(
            f"operation {addition.index}: {pointer_of(schema_tokens)}/{OBSERVED} is not a map of enum values "
            "to labels, so the added value cannot be labelled"
        )
    labels.setdefault(value if isinstance(value, str) else json.dumps(value), observed_sentence(addition.date))


def label(spec: Any, additions: list[Addition]) -> None:
    """Label each addition in `spec` where the patch did not already (see the module's docstring), or an `AdoptionError`
    for an addition that is none of the things adoption knows how to label."""
    for addition in additions:
        tokens = addition.tokens
        if OBSERVED in tokens:
            continue  # a label the patch itself adds
        parent_key = tokens[-2] if len(tokens) >= 2 else ""
        if parent_key == "enum" and isinstance(_resolve(spec, tokens[:-1]), list):
            _label_enum_value(spec, addition)
        elif parent_key in MEMBER_KINDS:
            _label_object(_resolve(spec, tokens), MEMBER_KINDS[parent_key], addition)
        elif tokens[-1] in MEMBER_KINDS and isinstance(members := _resolve(spec, tokens), dict):
            for member in members.values():
                _label_object(member, MEMBER_KINDS[tokens[-1]], addition)
        else:
            raise AdoptionError(
                f"operation {addition.index}: adds at {pointer_of(tokens)}, which adoption cannot label "
                f"(it adopts {LABELLED})"
            )


def _mentions(node: Any, ref: str) -> bool:
    if isinstance(node, dict):
        return node.get("$ref") == ref or any(_mentions(value, ref) for value in node.values())
    return isinstance(node, list) and any(_mentions(item, ref) for item in node)


def check_valid(spec: Any, additions: list[Addition]) -> None:
    """A `AdoptionError` naming the addition that makes `spec` an invalid OpenAPI document, when it is one."""
    try:
        validate(spec)
    except OpenAPIValidationError as error:
        where = tuple(str(part) for part in error.absolute_path)
        culprit = next((a for a in additions if where[: len(a.tokens)] == a.tokens), None)
        first_line = error.message.splitlines()[0] if error.message else "invalid"
        reading = first_line if len(first_line) <= 200 else first_line[:200] + "..."
        subject = f"operation {culprit.index}" if culprit else "the patched spec"
        raise AdoptionError(f"{subject}: not a valid OpenAPI document at {pointer_of(where)}: {reading}") from None
    except Unresolvable as error:
        culprit = next((a for a in additions if _mentions(_resolve(spec, a.tokens), str(error.ref))), None)
        subject = f"operation {culprit.index}" if culprit else "the patched spec"
        raise AdoptionError(f"{subject}: a $ref leads nowhere: {error.ref}") from None


@dataclass(frozen=True)
class Adoption:
    """What adopting a patch changes in the spec: its text before and after, and what was added."""

    before: str
    after: str
    additions: list[Addition]


def adopt(patch: Path, spec_path: Path, default_date: str) -> Adoption | None:
    """The spec with `patch` applied, labelled and validated, or None for an empty patch; an `AdoptionError` otherwise.
    Writes nothing."""
    operations = read_patch(patch)
    if not operations:
        return None
    try:
        before = spec_path.read_text(encoding="utf-8")
        spec = json.loads(before)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise AdoptionError(f"{spec_path}: not a readable JSON document ({error})") from None
    if dump_spec(spec) != before:
        raise AdoptionError(
            f"{spec_path} is not in its own formatting (json.dumps, indent 2, non-ASCII kept, a final newline): "
            "reformat it in a commit of its own first, so that the adoption's diff shows only what it adds"
        )
    patched = copy.deepcopy(spec)
    additions = apply_patch(patched, operations, default_date)
    label(patched, additions)
    check_valid(patched, additions)
    return Adoption(before, dump_spec(patched), additions)


# --- writing and showing it ------------------------------------------------------------------------------------------


def files_below(folder: Path) -> Iterator[Path]:
    """Every file of a package, relative to it, caches left out."""
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if path.is_file() and not IGNORED.intersection(relative.parts) and path.suffix != ".pyc":
            yield relative


def unified_diff(before: str, after: str, name: str) -> list[str]:
    lines = list(
        difflib.unified_diff(
            before.splitlines(keepends=True), after.splitlines(keepends=True), f"{name} (before)", f"{name} (adopted)"
        )
    )
    return [line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines]


def package_diffs(before: Path, after: Path, name: str) -> list[str]:
    """The unified diff of every file changed, added or removed between two copies of a package."""
    before_files = set(files_below(before)) if before.is_dir() else set()
    after_files = set(files_below(after)) if after.is_dir() else set()
    report: list[str] = []
    for relative in sorted(before_files | after_files):
        old = (before / relative).read_bytes() if relative in before_files else None
        new = (after / relative).read_bytes() if relative in after_files else None
        if old == new:
            continue
        label = f"{name}/{relative.as_posix()}"
        diff = unified_diff((old or b"").decode("utf-8", "replace"), (new or b"").decode("utf-8", "replace"), label)
        if old is None:
            report.append(f"new file: {label}\n")
        elif new is None:
            report.append(f"removed file: {label}\n")
        report.extend(diff or [f"{label}: the bytes differ (line endings or encoding)\n"])
    return report


def write_atomically(path: Path, text: str) -> None:
    scratch = path.with_name(f".{path.name}.adopting")
    scratch.write_text(text, encoding="utf-8")
    os.replace(scratch, path)


def regenerate(spec_text: str, scratch: Path, package_name: str) -> Path | str:
    """The package `tools/generate.py` makes from `spec_text`, in `scratch`; or the generator's output if it fails."""
    spec = scratch / "openapi.json"
    spec.write_text(spec_text, encoding="utf-8")
    target = scratch / "generated" / package_name
    command = [sys.executable, str(GENERATE), "--spec", str(spec), "--target", str(target)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    return target if result.returncode == 0 else result.stdout + result.stderr


def shown(path: Path) -> str:
    """`path` as a person reads it in the output: relative to the working directory when it lies below it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def today_utc() -> str:
    return dt.datetime.now(dt.UTC).date().isoformat()


def a_date(text: str) -> str:
    """`--date`: a YYYY-MM-DD date."""
    if not DATE.fullmatch(text):
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)")
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--patch", type=Path, default=DEFAULT_PATCH, help="the JSON Patch (default: %(default)s)")
    parser.add_argument("--spec", type=Path, default=DEFAULT_SPEC, help="the spec to extend (default: %(default)s)")
    parser.add_argument(
        "--generated", type=Path, default=DEFAULT_GENERATED, help="the package to regenerate (default: %(default)s)"
    )
    parser.add_argument(
        "--date", type=a_date, help="the observation date of operations that carry none (default: today, UTC)"
    )
    args = parser.parse_args(argv)
    spec_path: Path = args.spec
    generated: Path = args.generated

    try:
        adoption = adopt(args.patch, spec_path, args.date or today_utc())
    except AdoptionError as refusal:
        one_line = " ".join(str(refusal).splitlines())
        print(f"adopt-drift: refused, nothing written: {one_line}", file=sys.stderr)
        return REFUSED
    if adoption is None:
        print(f"adopt-drift: {args.patch} has no operations: nothing to adopt, nothing written.")
        return 0

    with tempfile.TemporaryDirectory(prefix="pilotstatus-adopt-") as scratch_name:
        scratch = Path(scratch_name)
        fresh = regenerate(adoption.after, scratch, generated.name)
        if isinstance(fresh, str):
            print(f"adopt-drift: nothing written: the patched spec does not generate:\n{fresh}", file=sys.stderr)
            return GENERATION_FAILED
        before = scratch / "before" / generated.name
        if generated.is_dir():
            shutil.copytree(generated, before, ignore=shutil.ignore_patterns(*IGNORED, "*.pyc"))
        write_atomically(spec_path, adoption.after)
        if generated.exists():
            shutil.rmtree(generated)
        generated.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(fresh, generated)
        sys.stdout.writelines(unified_diff(adoption.before, adoption.after, shown(spec_path)))
        sys.stdout.writelines(package_diffs(before, generated, shown(generated)))

    print(
        f"\nadopt-drift: {len(adoption.additions)} operations of {shown(args.patch)} applied to {shown(spec_path)} "
        f"and {shown(generated)} regenerated. Review the diffs above, run `make test`, then commit both together."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
