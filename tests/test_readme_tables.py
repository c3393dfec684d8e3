"""The README's tables say what the code does: the error table is the exception mapping, the demo-key table is the
sandbox's scenarios. Each is read from README.md and checked against the code, so neither can drift."""

from __future__ import annotations

import re

import pytest

import pilotstatus
from pilotstatus import _exceptions
from pilotstatus._exceptions import error_class
from pilotstatus_sandbox import SCENARIOS, Scenario
from tests._spec import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def table_after(heading: str, first_column: str) -> list[list[str]]:
    """The rows of the first table after `heading` whose header starts with `first_column`, cells stripped."""
    section = README.split(heading, 1)[1]
    lines = section.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"| {first_column}"))
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in re.split(r"(?<!\\)\|", line.strip())[1:-1]])
    return rows


def names(cell: str) -> list[str]:
    return re.findall(r"`(\w+)`", cell)


ERROR_ROWS = table_after("### Errors", "Status")


def _status_of(cell: str) -> list[int]:
    return {"any": [400, 401, 403, 404, 409, 429, 500], "5xx": [500, 502, 503], "other": [418, 422]}.get(
        cell, [int(cell)] if cell.isdigit() else []
    )


@pytest.mark.parametrize("row", ERROR_ROWS, ids=[row[0] for row in ERROR_ROWS])
def test_each_row_of_the_error_table_is_what_the_mapping_does(row: list[str]) -> None:
    status, classes, subclasses = row
    statuses = _status_of(status)
    assert statuses, f"unknown status cell {status!r}"
    (base,) = names(classes)
    base_class = getattr(pilotstatus, base)
    for code, name in re.findall(r"`(\w+)` \((\w+)\)", subclasses):
        for status_code in statuses:
            assert error_class(status_code, name) is getattr(pilotstatus, code), (status_code, name)
        assert issubclass(getattr(pilotstatus, code), base_class)
    if status != "any":
        for status_code in statuses:
            assert error_class(status_code, None) is base_class


def test_every_code_the_mapping_knows_is_in_the_error_table() -> None:
    table = "\n".join(" ".join(row) for row in ERROR_ROWS)
    codes = set(_exceptions._ERRORS_BY_CODE) | set(_exceptions._ERRORS_BY_CODE_ANY_STATUS)
    for code in codes:
        assert f"({code})" in table, code
    mapped = {cls.__name__ for cls in (*_exceptions._ERRORS_BY_STATUS.values(),)} | {"InternalServerError"}
    for name in mapped:
        assert f"`{name}`" in table, name


KEY_ROWS = table_after("One demo key per situation", "`x-api-key`")


def _scenario_row(scenario: Scenario) -> list[str]:
    (row,) = [row for row in KEY_ROWS if row[0] == f"`{scenario.api_key}`"]
    return row


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[scenario.name for scenario in SCENARIOS])
def test_each_demo_key_is_in_the_key_table_with_its_answer_and_class(scenario: Scenario) -> None:
    _, api_key_id, answer, raises = _scenario_row(scenario)
    assert api_key_id == f"`{scenario.api_key_id}`"
    assert answer.startswith(str(scenario.status))
    if scenario.code is not None:
        assert f"`{scenario.code}`" in answer
    if scenario.status == 200:
        assert raises == ""
    else:
        (name,) = names(raises)
        assert error_class(scenario.status, scenario.code).__name__ == name


def test_the_key_table_has_a_row_per_scenario_and_the_unknown_key_row() -> None:
    assert len(KEY_ROWS) == len(SCENARIOS) + 1
    assert KEY_ROWS[-1][0] == "anything else, or none"
    assert names(KEY_ROWS[-1][3]) == [error_class(401, None).__name__]
