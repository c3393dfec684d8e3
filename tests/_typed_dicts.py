"""Whether a decoded JSON value is what a type hint says: the `TypedDict`s of the official SDK (`pilot-status`) in
particular, which it returns unchecked (its answers are plain dicts, cast).

`type_issues(value, hint)` lists every place where `value` breaks `hint`, each as `<JSON path>: <what is wrong>`:
a missing required key, a value of the wrong type, a string outside a `Literal`. Keys a `TypedDict` does not
declare are allowed (a newer server adds fields). Understood: `TypedDict` (its totality, `Required`,
`NotRequired`), unions and `Optional`, `Literal`, `list`, `dict`, `Any`, `Annotated` and plain classes.

The required keys are worked out from the hints themselves, not from `__required_keys__`: in a module with
`from __future__ import annotations` (the official SDK's `types.py`), Python 3.11 builds a `TypedDict` before its
annotations are evaluated, and so counts a `Required[...]` key of a `total=False` class as not required.
"""

from __future__ import annotations

import functools
import types
import typing
from typing import Any, Literal, NotRequired, Required, Union

from typing_extensions import is_typeddict

__all__ = ["required_keys", "type_issues"]

_JSON_NAMES = {dict: "object", list: "array", str: "string", bool: "boolean", int: "integer", float: "number"}


def type_issues(value: object, hint: object, path: str = "$") -> list[str]:
    """Every way `value` differs from `hint`, each naming its place from `path` (`$.calls[0].status`); empty when
    it matches."""
    origin = typing.get_origin(hint)
    if hint is Any or hint is object:
        return []
    if hint is None or hint is type(None):
        return [] if value is None else [f"{path}: expected null, got {_describe(value)}"]
    if origin is typing.Annotated:
        return type_issues(value, typing.get_args(hint)[0], path)
    if origin in (Required, NotRequired):
        return type_issues(value, typing.get_args(hint)[0], path)
    if origin is Union or origin is types.UnionType:
        return _union_issues(value, typing.get_args(hint), path)
    if origin is Literal:
        allowed = typing.get_args(hint)
        if any(type(value) is type(option) and value == option for option in allowed):
            return []
        return [f"{path}: expected one of {list(allowed)!r}, got {_describe(value)}"]
    if isinstance(hint, type) and is_typeddict(hint):
        return _typed_dict_issues(value, hint, path)
    if hint is list or origin is list:
        if not isinstance(value, list):
            return [f"{path}: expected an array, got {_describe(value)}"]
        (item,) = typing.get_args(hint) or (Any,)
        return [
            issue for index, element in enumerate(value) for issue in type_issues(element, item, f"{path}[{index}]")
        ]
    if hint is dict or origin is dict:
        if not isinstance(value, dict):
            return [f"{path}: expected an object, got {_describe(value)}"]
        _, item = typing.get_args(hint) or (str, Any)
        return [issue for key, element in value.items() for issue in type_issues(element, item, f"{path}.{key}")]
    if isinstance(hint, type):
        return [] if _is_instance(value, hint) else [f"{path}: expected {_name(hint)}, got {_describe(value)}"]
    raise TypeError(f"{path}: cannot check against {hint!r}")


@functools.cache
def required_keys(typed_dict: type) -> frozenset[str]:
    """The keys `typed_dict` requires: those marked `Required`, and the unmarked ones of a total class."""
    required = set()
    for key, hint in _hints(typed_dict).items():
        while typing.get_origin(hint) is typing.Annotated:
            hint = typing.get_args(hint)[0]
        marker = typing.get_origin(hint)
        if marker is Required or (marker is not NotRequired and key in getattr(typed_dict, "__required_keys__", ())):
            required.add(key)
    return frozenset(required)


def _typed_dict_issues(value: object, typed_dict: type, path: str) -> list[str]:
    if not isinstance(value, dict):
        return [f"{path}: expected an object ({typed_dict.__name__}), got {_describe(value)}"]
    hints = _hints(typed_dict)
    issues = [
        f"{path}: {key} is required by {typed_dict.__name__}" for key in sorted(required_keys(typed_dict) - set(value))
    ]
    for key, hint in hints.items():
        if key in value:
            issues += type_issues(value[key], hint, f"{path}.{key}")
    return issues


@functools.cache
def _hints(typed_dict: type) -> dict[str, Any]:
    hints: dict[str, Any] = typing.get_type_hints(typed_dict, include_extras=True)
    return hints


def _union_issues(value: object, options: tuple[object, ...], path: str) -> list[str]:
    tried = [type_issues(value, option, path) for option in options]
    if any(not issues for issues in tried):
        return []
    dicts = [issues for option, issues in zip(options, tried, strict=True) if _is_object_type(option)]
    if isinstance(value, dict) and len(dicts) == 1:  # the one object type it can be: say what is wrong inside
        return dicts[0]
    return [f"{path}: expected {' or '.join(_name(option) for option in options)}, got {_describe(value)}"]


def _is_instance(value: object, cls: type) -> bool:
    if isinstance(value, bool):  # JSON's true is no number, whatever Python's bool says
        return cls is bool or cls is object
    if cls is float:
        return isinstance(value, int | float)
    return isinstance(value, cls)


def _is_object_type(hint: object) -> bool:
    hint = typing.get_args(hint)[0] if typing.get_origin(hint) is typing.Annotated else hint
    return hint is dict or typing.get_origin(hint) is dict or (isinstance(hint, type) and is_typeddict(hint))


def _name(hint: object) -> str:
    if hint is None or hint is type(None):
        return "null"
    if isinstance(hint, type):
        return hint.__name__ if is_typeddict(hint) else _JSON_NAMES.get(hint, hint.__name__)
    return repr(hint).removeprefix("typing.")


def _describe(value: object) -> str:
    if value is None:
        return "null"
    text = repr(value)
    return f"{_JSON_NAMES.get(type(value), type(value).__name__)} {text if len(text) <= 60 else text[:57] + '...'}"
