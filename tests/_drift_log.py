"""The drift of a contract run, gathered and written down: `reports/drift.json` (one entry per distinct difference),
`reports/drift.md` (the same for a person, by operation) and `reports/drift.patch.json` (an RFC 6902 JSON Patch that
adds to `openapi.json` what the additive differences show, for `make adopt-drift`).

A difference is distinct by (operation, kind, pointer, detail): a new field seen on 7 calls of 120 is one entry with
`count` 7 and `of` 120, however many responses carried it. Each entry keeps the first value seen (its `sample`) and
the first request that showed it, as a curl line whose key is `$PILOT_STATUS_API_KEY`, never the key: every text
written goes through the run's redaction as well, in case a server echoes the key in a body or a header.
"""

from __future__ import annotations

import datetime
import json
import re
import shlex
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonpointer

from tests._drift import ADDITIVE, Analysis, Finding, SpecIndex, escape, json_type, node_at

__all__ = ["KEY_VARIABLES", "DriftLog", "label", "observed_schema"]

KEY_VARIABLES = {"x-api-key": "PILOT_STATUS_API_KEY", "x-api-key-id": "PILOT_STATUS_API_KEY_ID"}
"""The key headers, and the environment variable a curl line names instead of the key."""

_UNSHOWN_HEADERS = frozenset({"accept", "accept-encoding", "connection", "content-length", "user-agent"})
_SAMPLE_CHARACTERS = 300
_OBSERVED = "x-pilotstatus-observed"


def label(date: str) -> str:
    """The words that mark an item of the spec as adopted from what a deployment sent."""
    return f"Observed on {date}, not documented upstream."


def observed_schema(types: Iterable[str]) -> dict[str, Any] | None:
    """The schema of a new property from the JSON types its values had: the type seen (an integer seen beside a
    number is a number), nullable when null was seen too; None when only null was seen (no type to propose)."""
    seen = set(types)
    if "integer" in seen and "number" in seen:
        seen.discard("integer")
    kinds = sorted(seen - {"null"})
    if not kinds:
        return None
    if "null" in seen:
        kinds.append("null")
    return {"type": kinds[0] if len(kinds) == 1 else kinds}


@dataclass
class _Entry:
    finding: Finding
    operation: str
    first_request: str
    count: int = 0
    types: Counter[str] = field(default_factory=Counter)
    value: Any = None
    """The first value seen that is not null (null when none was), before redaction: for the patch only."""


def curl(request: Any, redact: Callable[[str], str]) -> str:
    """`request` (a `requests.PreparedRequest`) as a curl command, its key replaced by the variable that holds it."""
    parts = ["curl", "-X", str(request.method), shlex.quote(str(request.url))]
    for name, value in request.headers.items():
        lower = name.lower()
        if lower in KEY_VARIABLES:
            parts += ["-H", f'"{lower}: ${KEY_VARIABLES[lower]}"']
        elif lower not in _UNSHOWN_HEADERS and not lower.startswith("x-schemathesis-"):
            parts += ["-H", shlex.quote(f"{name}: {value}")]
    body = request.body
    if body:
        text = body.decode("utf-8", "replace") if isinstance(body, bytes) else str(body)
        parts += ["--data-raw", shlex.quote(text)]
    return redact(" ".join(parts))


class DriftLog:
    """Every difference a run found, counted, with what each was counted among; thread-safe."""

    def __init__(self, index: SpecIndex, *, target: str, redact: Callable[[str], str] = lambda text: text) -> None:
        self.index = index
        self.target = target
        self._redact = redact
        self.observed_on = datetime.datetime.now(datetime.UTC).date().isoformat()
        self.responses = 0
        self._entries: dict[tuple[str, str, str, str], _Entry] = {}
        self._visits: Counter[tuple[str, str]] = Counter()
        self._written: set[str] = set()
        self._lock = threading.Lock()

    def wrote(self, body: Any) -> None:
        """Remember the strings of a request body the run sent, so that an echo of one is known as the run's own."""
        strings = set(_strings(body))
        if strings:
            with self._lock:
                self._written |= strings

    def was_written(self, value: Any) -> bool:
        """Whether `value` is a string that a request of the run carried in its body."""
        with self._lock:
            return isinstance(value, str) and value in self._written

    def record(self, operation_id: str, analysis: Analysis, request: Any) -> None:
        """Add one response's analysis (`request`: the request it answered, shown with the first of each entry)."""
        with self._lock:
            self.responses += 1
            for scope, visits in analysis.visits.items():
                self._visits[(operation_id, scope)] += visits
            for finding in analysis.findings:
                key = (operation_id, finding.kind, finding.pointer, finding.detail)
                entry = self._entries.get(key)
                if entry is None:
                    entry = self._entries[key] = _Entry(finding, operation_id, curl(request, self._redact))
                entry.count += 1
                entry.types[json_type(finding.value)] += 1
                if entry.value is None:
                    entry.value = finding.value

    def __len__(self) -> int:
        return len(self._entries)

    def entries(self) -> list[dict[str, Any]]:
        """The entries of `drift.json`, by operation, kind, pointer and detail."""
        with self._lock:
            chosen = [self._entries[key] for key in sorted(self._entries)]
            return [self._entry(entry) for entry in chosen]

    def _entry(self, entry: _Entry) -> dict[str, Any]:
        finding = entry.finding
        of = self._visits[(entry.operation, finding.scope)]
        data: dict[str, Any] = {
            "operation": entry.operation,
            "kind": finding.kind,
            "pointer": finding.pointer,
            "where": finding.where,
            "detail": finding.detail,
            "types": dict(sorted(entry.types.items())),
            "sample": self._sample(entry.value if entry.value is not None else finding.value),
            "count": entry.count,
            "of": of,
            "breaks_sdk": finding.breaks_sdk,
            "first_request": entry.first_request,
            "reading": self._redact(_reading(finding, entry, of)),
        }
        if finding.expected:
            data["expected"] = finding.expected
        data["in_patch"] = finding.kind in ADDITIVE and self._proposal(entry) is not None
        return data

    def _sample(self, value: Any) -> Any:
        """`value` with the run's secrets redacted, cut to a few hundred characters (after the redaction, so that
        no cut can leave a piece of a key that the redaction would not recognise)."""
        text = self._redact(json.dumps(value, ensure_ascii=False))
        if len(text) > _SAMPLE_CHARACTERS:
            return text[:_SAMPLE_CHARACTERS] + "..."
        try:
            return json.loads(text)
        except ValueError:
            return text

    # --- the patch ------------------------------------------------------------------------------------------------

    def _proposal(self, entry: _Entry) -> Any:
        """What a patch adds for an additive entry (before labelling), or None when there is nothing to add."""
        finding = entry.finding
        if finding.kind == "unknown-field":
            return observed_schema(entry.types)
        if finding.kind == "unknown-enum-value":
            return finding.value
        if finding.kind == "undocumented-header":
            return {"schema": {"type": "string"}}
        if finding.kind == "undocumented-status":
            response: dict[str, Any] = {}
            if entry.value is not None and finding.media_type:
                error = "/components/schemas/Error"
                known = _has(self.index.spec, error) and self.index.is_valid(entry.value, error)
                body = {"$ref": f"#{error}"} if known else {"type": json_type(entry.value)}
                response["content"] = {finding.media_type: {"schema": body}}
            return response
        return None

    def patch(self) -> list[dict[str, Any]]:
        """The RFC 6902 operations that add the additive entries to `openapi.json`, each item labelled, in a stable
        order. Entries at one pointer (a field seen by two operations) are one addition, with every type seen."""
        spec = self.index.spec
        note = label(self.observed_on)
        with self._lock:
            additive = [self._entries[key] for key in sorted(self._entries) if key[1] in ADDITIVE]
        by_pointer: dict[str, list[_Entry]] = {}
        for entry in additive:
            by_pointer.setdefault(entry.finding.pointer, []).append(entry)
        objects: dict[str, Any] = {}  # pointer -> labelled object to add
        enum_values: dict[str, list[Any]] = {}  # enum pointer -> new values
        for pointer, entries in by_pointer.items():
            merged = _Entry(
                entries[0].finding, entries[0].operation, "", types=sum((e.types for e in entries), Counter())
            )
            merged.value = next((e.value for e in entries if e.value is not None), None)
            proposal = self._proposal(merged)
            if merged.finding.kind == "unknown-enum-value":
                values = enum_values.setdefault(pointer, [])
                for entry in entries:
                    if entry.finding.value not in values:
                        values.append(entry.finding.value)
            elif proposal is not None and not _has(spec, pointer):
                objects[pointer] = {**proposal, "description": note, _OBSERVED: self.observed_on}
        operations: list[dict[str, Any]] = []
        for pointer, value in _grouped_under_missing_parents(spec, objects).items():
            operations.append({"op": "add", "path": pointer, "value": value, _OBSERVED: self.observed_on})
        for pointer, values in sorted(enum_values.items()):
            listed = node_at(spec, pointer) if _has(spec, pointer) else []
            new = [value for value in values if value not in listed]
            if not new:
                continue
            operations += [{"op": "add", "path": f"{pointer}/-", "value": v, _OBSERVED: self.observed_on} for v in new]
            schema_pointer = pointer.rsplit("/", 1)[0]
            labels = f"{schema_pointer}/{_OBSERVED}"
            if _has(spec, labels):
                operations += [
                    {"op": "add", "path": f"{labels}/{escape(str(v))}", "value": note, _OBSERVED: self.observed_on}
                    for v in new
                ]
            else:
                value_labels = {str(v): note for v in new}
                operations.append({"op": "add", "path": labels, "value": value_labels, _OBSERVED: self.observed_on})
        return operations

    # --- writing --------------------------------------------------------------------------------------------------

    def report(self) -> dict[str, Any]:
        """`drift.json`'s content."""
        entries = self.entries()
        return {
            "spec": "openapi.json",
            "target": self._redact(self.target),
            "observed_on": self.observed_on,
            "responses": self.responses,
            "breaking": sum(entry["breaks_sdk"] for entry in entries),
            "entries": entries,
        }

    def write(self, directory: Path) -> list[Path]:
        """Write the three reports into `directory` (created if need be); their paths."""
        directory.mkdir(parents=True, exist_ok=True)
        report = self.report()
        files = {
            "drift.json": json.dumps(report, indent=2, ensure_ascii=False) + "\n",
            "drift.md": markdown(report, self.index),
            "drift.patch.json": json.dumps(self.patch(), indent=2, ensure_ascii=False) + "\n",
        }
        paths = []
        for name, text in files.items():
            path = directory / name
            path.write_text(self._redact(text), encoding="utf-8")
            paths.append(path)
        return paths


def _strings(value: Any) -> Iterator[str]:
    """Every string in a JSON value: its keys and its leaves."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _has(spec: Mapping[str, Any], pointer: str) -> bool:
    try:
        node_at(spec, pointer)
    except jsonpointer.JsonPointerException:
        return False
    return True


def _grouped_under_missing_parents(spec: Mapping[str, Any], objects: dict[str, Any]) -> dict[str, Any]:
    """The additions as patch targets: an item whose parent map is missing (the first header of a response that has
    no `headers`) is added with its siblings as that map, so that every target's parent exists."""
    targets: dict[str, Any] = {}
    for pointer in sorted(objects):
        parent, _, token = pointer.rpartition("/")
        if _has(spec, parent):
            targets[pointer] = objects[pointer]
        else:
            targets.setdefault(parent, {})[token.replace("~1", "/").replace("~0", "~")] = objects[pointer]
    return targets


# --- for a person ---------------------------------------------------------------------------------------------------


def _plural(name: str) -> str:
    """What a count of `name` objects reads as: `Call` -> `calls`, `CallDetail` -> `call details`."""
    if "/" in name:
        return "objects"
    words = [word.lower() for word in re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+", name)] or [name]
    last = words[-1]
    words[-1] = last if last.endswith("s") else f"{last}s"
    return " ".join(words)


def _types_text(types: Mapping[str, int]) -> str:
    return " or ".join(sorted(types, key=lambda kind: (kind == "null", kind)))


def _reading(finding: Finding, entry: _Entry, of: int) -> str:
    """One line that says what an entry means."""
    counted = f"{entry.count} of {of}"
    scope_name = finding.scope.rsplit("/", 1)[-1]
    types = _types_text(entry.types)
    if finding.kind == "unknown-field":
        return f"the API now sends `{finding.where}` ({types}, {counted} {_plural(scope_name)})"
    if finding.kind == "unknown-enum-value":
        refused = "; the SDK refuses it" if finding.breaks_sdk else ""
        return (
            f"`{finding.where}` now takes the value `{finding.detail}`, which `{finding.expected}` does not list "
            f"({counted} values){refused}"
        )
    if finding.kind == "missing-required":
        return (
            f"`{finding.where}` is missing, which the spec requires ({counted} {_plural(scope_name)}); breaks the SDK"
        )
    if finding.kind == "type-mismatch":
        expected = finding.expected
        return f"`{finding.where}` is {types} where the spec says {expected} ({counted} values); breaks the SDK"
    if finding.kind == "undocumented-status":
        return f"the API answers {finding.detail}, a status the spec does not document here ({counted} responses)"
    if finding.kind == "undocumented-content-type":
        breaking = "; breaks the SDK" if finding.breaks_sdk else ""
        return (
            f"the API answers with `{finding.detail}`, where the spec documents {finding.expected or 'no body'} "
            f"({counted} responses){breaking}"
        )
    if finding.kind == "undocumented-header":
        return f"the API now sends the header `{finding.where.split(' ', 1)[1]}` ({counted} responses)"
    return f"the API does not enforce {finding.expected} on {finding.where} ({counted} requests or values)"


def markdown(report: Mapping[str, Any], index: SpecIndex) -> str:
    """`drift.md`: the report for a person, grouped by operation."""
    entries = report["entries"]
    lines = [
        "# Drift from openapi.json",
        "",
        f"Target: {report['target']}. Observed on {report['observed_on']}, over {report['responses']} responses.",
        "",
    ]
    if not entries:
        lines += ["No drift: every response was what openapi.json says.", ""]
        return "\n".join(lines)
    proposed = sum(entry["in_patch"] for entry in entries)
    lines += [
        f"{len(entries)} differences, {report['breaking']} of them breaking the SDK; {proposed} proposed in "
        "`drift.patch.json` (`make adopt-drift` adds them to openapi.json and regenerates the client).",
        "",
    ]
    by_operation: dict[str, list[Mapping[str, Any]]] = {}
    for entry in entries:
        by_operation.setdefault(entry["operation"], []).append(entry)
    for operation_id, listed in by_operation.items():
        method, path, _ = index.operations[operation_id]
        lines += [f"## {operation_id} ({method.upper()} {path})", ""]
        for entry in listed:
            mark = " **Breaks the SDK.**" if entry["breaks_sdk"] else ""
            patch = " Proposed in the patch." if entry["in_patch"] else ""
            lines += [
                f"- {entry['reading']}.{mark}{patch}",
                f"  - kind `{entry['kind']}`, at `{entry['pointer']}`; sample: `{json.dumps(entry['sample'])}`",
                f"  - first seen: `{entry['first_request']}`",
            ]
        lines.append("")
    return "\n".join(lines)
