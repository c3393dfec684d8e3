"""Noticing, in a response that parsed, what the spec does not know: an unknown field or an unknown enum value.

The spec is open: a model keeps the fields it does not declare in `additional_properties`, and an enum field is typed
`SomeLiteral | str`, so that a value added by the API later is kept as it came. Both keep a call working when the API
gets ahead of `openapi.json`, but silently. Here the client looks at the models a 2xx body parsed into and logs ONE
WARNING per client for each distinct drift, on the `pilotstatus` logger:

    get_calls: the response has a field the SDK does not know, Call.recordingUrl (str); kept in additional_properties
    get_calls: the response has an enum value the SDK does not know, Call.status = 'ON_HOLD' (str); kept as it came

It names the operation (its operationId in `openapi.json`), the model and field (a field's JSON key as received; an enum
field's JSON key too, `TemplateListItem.metaStatus`, not its attribute `meta_status`: `make generate` writes the keys of
the attributes named otherwise beside the models, in `pilotstatus_api.json_keys`, read with the first plan) and the
value's Python type. An unknown enum value is named too, since it is the vocabulary of the API, not data (what the user
must add to the spec), and each distinct one is its own drift: two new statuses are two warnings. It is shown as its
repr (control characters escaped, cut short), and a list or an object there as `[...]` or `{...}`. The value of an
unknown field is never shown: a field may hold personal data. The client's key is redacted from the field name and the
value, as from every log line.

What the spec knows is read from the generated package (its models and their JSON keys), not from a spec file: once per
model class, a small `Plan` is made from its attrs fields and their type hints (which fields are open enums, with their
allowed values; which may hold nested models), with one list comprehension that picks out of a list of models those
worth a closer look. A page of calls is read in one pass, each call once: a page of 1,000 parsed calls is checked in
about 3% of the time `CallList.from_dict` takes to parse it, and only the calls picked out (those with drift) are looked
at again. A model that declares no field at all (`Voicemail`, `SipSettings`: "whatever Meta returns") is a free-form
object: what it holds is not drift.

`pilotstatus.webhooks` does the same with each known event it reads (`call.ended: the webhook has ...`), with one
record for the process.

Only what the parsed value holds is seen: an envelope that the resource drops before returning (`{"calling": ...}`
of `calls.settings.retrieve()`, the `CallList` around a page's calls) is not checked itself; what it held is.

Nothing here raises into a call: the walk only reads attributes that the plan found on the class, and the one
operation that can fail on an odd value (hashing an unhashable value of an enum field) is caught where it happens.
"""

from __future__ import annotations

import contextlib
import dataclasses
import importlib
import keyword
import logging
import operator
import re
import sys
import threading
import types
import typing
from collections.abc import Callable
from typing import Any, Final, Literal

__all__ = ["DriftRecord", "Finding", "find_drift", "plan"]

log = logging.getLogger("pilotstatus")

UNKNOWN_FIELD: Final = "unknown-field"
UNKNOWN_ENUM_VALUE: Final = "unknown-enum-value"
Kind = Literal["unknown-field", "unknown-enum-value"]

MAX_WARNINGS = 100
"""Distinct drifts a client warns about; beyond them one last warning says that the rest are not logged (a server
that sent a new key on every object must not grow a client's record without end)."""

_MESSAGES: Final[dict[str, str]] = {
    UNKNOWN_FIELD: "%s: the %s has a field the SDK does not know, %s (%s); kept in additional_properties",
    UNKNOWN_ENUM_VALUE: "%s: the %s has an enum value the SDK does not know, %s = %s (%s); kept as it came",
}
_PLAIN_KEY = re.compile(r"[A-Za-z0-9_-]{1,64}")
_SHOWN_KEY = 64  # characters of an odd key's escaped form shown
_SHOWN_VALUE = 64  # characters of an unknown enum value's repr shown
_CONTAINERS: Final[dict[type, str]] = {list: "[...]", dict: "{...}"}


@dataclasses.dataclass(frozen=True, slots=True)
class Finding:
    """One drift in one response: `model.name` holds a value of type `value_type` that the spec does not know.
    `name` is the field's JSON key, as received (an unknown field) or as the spec names it (an enum field). `value` is,
    for an enum field, the unknown value's repr (`[...]` or `{...}` for a list or an object); for a field, empty."""

    kind: Kind
    model: str
    name: str
    value_type: str
    value: str = ""


@dataclasses.dataclass(frozen=True, slots=True)
class Plan:
    """What one generated model class declares, as the check needs it."""

    enums: tuple[tuple[operator.attrgetter[Any], str, str, frozenset[object]], ...]
    """The open enum fields (`Literal[...] | str`): a getter, the attribute's name, the field's JSON key, and the
    values allowed (None among them when the field is optional)."""
    nested: tuple[operator.attrgetter[Any], ...]
    """Getters of the fields that may hold a nested model, or a list of them."""
    free_form: bool
    """The model declares no field: it stands for an object of any shape, so its `additional_properties` is not
    drift."""
    select: Callable[[list[Any]], list[Any]]
    """Of a list of objects, those worth a closer look: of another class, with a field not declared (unless
    free-form) or with a value not allowed in an enum field. Raises TypeError for an unhashable value in an enum
    field."""


_plans: dict[type, Plan | None] = {}
"""One plan a class, for the life of the process: the generated classes do not change. (Two threads that plan one
class at once make the same plan twice; either is kept.)"""


def plan(cls: type) -> Plan | None:
    """The `Plan` of an attrs class that keeps `additional_properties` (a generated model), else None."""
    try:
        return _plans[cls]
    except KeyError:
        made = _plans[cls] = _make_plan(cls)
        return made


def _make_plan(cls: type) -> Plan | None:
    import attrs  # on the first response, with the models: `import pilotstatus` loads neither

    if not attrs.has(cls):
        return None
    fields = [field for field in attrs.fields(cls) if not field.name.startswith("_")]
    if not any(field.name == "additional_properties" for field in fields):
        return None
    declared = [field for field in fields if field.name != "additional_properties"]
    hints = _type_hints(cls)
    keys = _json_keys(cls)
    enums: list[tuple[operator.attrgetter[Any], str, str, frozenset[object]]] = []
    nested: list[operator.attrgetter[Any]] = []
    for field in declared:
        hint = hints.get(field.name)
        if hint is None:
            continue
        allowed = _open_enum(hint)
        if allowed is not None:
            enums.append((operator.attrgetter(field.name), field.name, keys.get(field.name, field.name), allowed))
        elif _may_hold_a_model(hint):
            nested.append(operator.attrgetter(field.name))
    free_form = not declared
    return Plan(tuple(enums), tuple(nested), free_form, _compile_select(cls, enums, free_form))


def _compile_select(
    cls: type, enums: list[tuple[operator.attrgetter[Any], str, str, frozenset[object]]], free_form: bool
) -> Callable[[list[Any]], list[Any]]:
    """`Plan.select` for `cls`, as ONE list comprehension that names each attribute: `item.status not in allowed_1`.

    Compiled from source, as `dataclasses` and attrs write `__init__`, because CPython reads a named attribute of a
    slotted class far faster than `getattr` or `operator.attrgetter` can: one pass over a page that reads each call
    once takes about half the time of a `set(map(attrgetter(...), page))` a field. The source holds only attribute
    names, which attrs guarantees are identifiers (a name that were not would be left out of the check)."""
    tests = ["type(item) is not cls"]
    if not free_form:
        tests.append("item.additional_properties")
    allowed_sets: dict[str, frozenset[object]] = {}
    for index, (_, name, _, allowed) in enumerate(enums):
        if name.isidentifier() and not keyword.iskeyword(name):
            allowed_sets[f"allowed_{index}"] = allowed
            tests.append(f"item.{name} not in allowed_{index}")
    source = (
        f"def make({', '.join(['cls', *allowed_sets])}):\n"
        f"    def select(items):\n"
        f"        return [item for item in items if {' or '.join(tests)}]\n"
        f"    return select\n"
    )
    namespace: dict[str, Any] = {}
    exec(compile(source, f"<drift check of {cls.__qualname__}>", "exec"), namespace)
    select: Callable[[list[Any]], list[Any]] = namespace["make"](cls, **allowed_sets)
    return select


def _type_hints(cls: type) -> dict[str, Any]:
    """The resolved type hints of `cls`. A generated model imports the models it nests only for type checkers, so
    its hints are resolved in its package's namespace (`pilotstatus_api.models`, which holds every model)."""
    module = sys.modules.get(cls.__module__)
    package = sys.modules.get(cls.__module__.rpartition(".")[0])
    namespace = {**vars(package), **vars(module)} if module is not None and package is not None else None
    try:
        return typing.get_type_hints(cls, globalns=namespace)
    except (NameError, TypeError, AttributeError, SyntaxError):
        return {}  # a hint that does not resolve: the class is checked without hints (its unknown fields still are)


def _json_keys(cls: type) -> dict[str, str]:
    """The JSON key of each attribute of `cls` not named as its key: a generated model's, from the `json_keys` module
    of its package (`pilotstatus_api.json_keys` for `pilotstatus_api.models.call`); none for any other class."""
    package, _, models = cls.__module__.rpartition(".")[0].rpartition(".")
    if models != "models" or not package:
        return {}
    try:
        module = importlib.import_module(f"{package}.json_keys")
    except ImportError:  # a package generated without it: its attributes' names stand for their keys
        return {}
    keys: dict[str, str] = getattr(module, "JSON_KEYS", {}).get(cls.__name__, {})
    return keys


def _members(hint: Any) -> tuple[Any, ...]:
    """The members of a union (`A | B`, `Union[A, B]`, `Optional[A]`), or the hint itself."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        return typing.get_args(hint)
    return (hint,)


def _open_enum(hint: Any) -> frozenset[object] | None:
    """The values allowed in a field typed `Literal[...] | str` (None among them if it is optional), else None."""
    members = _members(hint)
    literals = [member for member in members if typing.get_origin(member) is Literal]
    if not literals or str not in members:
        return None
    allowed: set[object] = {value for literal in literals for value in typing.get_args(literal)}
    if type(None) in members:
        allowed.add(None)
    return frozenset(allowed)


def _may_hold_a_model(hint: Any) -> bool:
    import attrs

    for member in _members(hint):
        if typing.get_origin(member) is list:
            if any(_may_hold_a_model(item) for item in typing.get_args(member)):
                return True
        elif isinstance(member, type) and attrs.has(member):
            return True
    return False


def find_drift(value: object) -> set[Finding]:
    """What the models in `value` hold that their classes do not declare. `value` is what a response parsed into:
    a model, a list of models, or a mapping of such (the fields of a page of calls); anything else is skipped."""
    found: set[Finding] = set()
    items = value.values() if isinstance(value, dict) else (value,)
    for item in items:
        if isinstance(item, list):
            _scan(item, found)
        elif item is not None and plan(type(item)) is not None:
            _scan([item], found)
    return found


def _scan(objects: list[Any], found: set[Finding]) -> None:
    """Add to `found` the drift of the models among `objects`, checked a class at a time (the objects of one list are
    nearly always of one class: a page of calls)."""
    if not objects:
        return
    cls = type(objects[0])
    model_plan = plan(cls)
    if model_plan is None:
        _scan_mixed(objects, found)
        return
    try:
        odd = model_plan.select(objects)
    except TypeError:  # an unhashable value (a list, an object) in an enum field: each object looked at
        odd = objects
    group = objects
    if odd:
        others = [item for item in odd if type(item) is not cls]
        if others:
            group = [item for item in objects if type(item) is cls]
            odd = [item for item in odd if type(item) is cls]
            _scan_mixed(others, found)
        _examine(cls, model_plan, odd, found)
    if model_plan.nested:
        inner: list[Any] = []
        for getter in model_plan.nested:
            for item in map(getter, group):
                if isinstance(item, list):
                    inner.extend(item)
                elif item is not None:
                    inner.append(item)
        _scan(inner, found)


def _examine(cls: type, model_plan: Plan, models: list[Any], found: set[Finding]) -> None:
    """Add to `found` the drift of `models` (of class `cls`), which `Plan.select` picked out: few, if any."""
    if not model_plan.free_form:
        # Distinct (key, type) pairs first: a page may carry the same new field on many calls.
        pairs = {(key, type(extra)) for item in models for key, extra in item.additional_properties.items()}
        for key, extra_type in pairs:
            found.add(Finding(UNKNOWN_FIELD, cls.__name__, str(key), _type_name(extra_type)))
    for getter, _, key, allowed in model_plan.enums:
        values = list(map(getter, models))
        # Each distinct value once (by type too: True is not 1) before any is shown; with an unhashable value (a list,
        # an object) each one is looked at, and `found` keeps one of each.
        with contextlib.suppress(TypeError):
            values = [value for _, value in {(type(value), value) for value in values}]
        for value in values:
            if not _is_allowed(value, allowed):
                found.add(Finding(UNKNOWN_ENUM_VALUE, cls.__name__, key, _type_name(type(value)), _repr(value)))


def _scan_mixed(objects: list[Any], found: set[Finding]) -> None:
    """`_scan` for objects of several classes (or of none that is a model): a class at a time."""
    for cls in set(map(type, objects)):
        if plan(cls) is not None:
            _scan([item for item in objects if type(item) is cls], found)


def _repr(value: object) -> str:
    """An unknown enum value as its repr (`'ON_HOLD'`, `7`, `None`), a list or an object as `[...]` or `{...}`: what
    they hold is no vocabulary, and may be anything."""
    shown = _CONTAINERS.get(type(value))
    if shown is not None:
        return shown
    try:
        return repr(value)
    except ValueError:  # an int of more digits than Python converts (a model built by hand: no JSON parser makes one)
        return f"<{type(value).__name__}>"


def _is_allowed(value: object, allowed: frozenset[object]) -> bool:
    try:
        return value in allowed
    except TypeError:  # unhashable: not one of the allowed values, which are strings (or None)
        return False


_TYPE_NAMES: Final[dict[type, str]] = {type(None): "None"}


def _type_name(value_type: type) -> str:
    """The name of the Python type of a value decoded from JSON: str, int, float, bool, None, dict, list."""
    return _TYPE_NAMES.get(value_type) or value_type.__name__


def _shown(finding: Finding, redact: Callable[[str], str]) -> str:
    """An unknown enum value for a log line: its repr, which escapes line breaks and every other character that is not
    printable, with the client's key redacted, then cut short (a key cut in two could no longer be found)."""
    shown = redact(finding.value)
    return shown if len(shown) <= _SHOWN_VALUE else shown[: _SHOWN_VALUE - 3] + "..."


def _where(finding: Finding, redact: Callable[[str], str]) -> str:
    """`Model.name` for a log line: a key of letters, digits, `_` and `-` as it came, any other quoted, escaped
    and cut short (`Model['a key']`), so that a key can neither forge a line of the log nor fill it; the client's key
    is redacted either way."""
    name = redact(finding.name)
    if _PLAIN_KEY.fullmatch(name):
        return f"{finding.model}.{name}"
    shown = repr(name)  # escapes line breaks and every other character that is not printable
    if len(shown) > _SHOWN_KEY:
        shown = shown[: _SHOWN_KEY - 4] + "...'"
    return f"{finding.model}[{shown}]"


class DriftRecord:
    """The drift one client has warned about: each distinct (operation, kind, where, value type, value) once. Shared
    by the copies `with_options()` makes (the same client to the application, over the same connections), and by the
    threads and tasks that use them: the record is locked while it is read and added to."""

    def __init__(self) -> None:
        self._warned: set[tuple[str, str, str, str, str]] = set()
        self._lock = threading.Lock()
        self._full = False

    def notice(self, operation_id: str, value: object, redact: Callable[[str], str], source: str = "response") -> None:
        """Warn about each drift in `value` (what a 2xx response of `operation_id` parsed into) not warned about
        before. `source` names what `value` was read from in the warning: the response, or a webhook."""
        findings = find_drift(value)
        if not findings:
            return
        lines: list[tuple[str, str, str, str, str]] = []
        stop = False
        with self._lock:
            for finding in sorted(findings, key=_order):
                shown = _shown(finding, redact) if finding.kind == UNKNOWN_ENUM_VALUE else ""
                key = (operation_id, finding.kind, _where(finding, redact), finding.value_type, shown)
                if key in self._warned:
                    continue
                if len(self._warned) >= MAX_WARNINGS:
                    stop, self._full = not self._full, True
                    break
                self._warned.add(key)
                lines.append(key)
        for operation, kind, where, value_type, shown in lines:  # logged outside the lock: a handler may be slow
            if kind == UNKNOWN_ENUM_VALUE:
                log.warning(_MESSAGES[kind], operation, source, where, shown, value_type)
            else:
                log.warning(_MESSAGES[kind], operation, source, where, value_type)
        if stop:
            log.warning(
                "%s: the %ss hold more than %d kinds of drift from the spec; further ones are not logged",
                operation_id,
                source,
                MAX_WARNINGS,
            )


def _order(finding: Finding) -> tuple[str, str, str, str, str]:
    return (finding.model, finding.name, finding.kind, finding.value_type, finding.value)
