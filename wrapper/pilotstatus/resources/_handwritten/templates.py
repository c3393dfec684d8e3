"""The hand-written methods of `templates`: `create()` and `update()`, whose `body` and `examples` may be given as the
API's JSON (a dict), which is how templates are written, as well as the generated models.

The generated `Templates` and `AsyncTemplates` (`resources/_generated/templates.py`) extend these classes; `list()`,
`retrieve()` and `delete()` are generated. A generated method takes an object only as its model; these take the model,
the API's JSON object or, for `body`, a string (the same JSON as a string, or plain text: the API takes all three).
A dict is checked against the spec field by field before it is parsed, so that a mistake deep inside it is named
where it is (`body.buttons[2].type`); what only the server knows (the variables' examples, the number of buttons of
each kind, a name already taken) is the server's to refuse.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pilotstatus._exceptions import InvalidInputError
from pilotstatus._operations import Operation
from pilotstatus._resource import AsyncAPIResource, SyncAPIResource
from pilotstatus._validation import check_body_field
from pilotstatus.resources._models import as_model
from pilotstatus_api.api.templates import post_templates, put_templates_id
from pilotstatus_api.models.template_category import TemplateCategory
from pilotstatus_api.models.template_content import TemplateContent
from pilotstatus_api.models.template_create_request import TemplateCreateRequest
from pilotstatus_api.models.template_detail import TemplateDetail
from pilotstatus_api.models.template_examples import TemplateExamples
from pilotstatus_api.models.template_update_request import TemplateUpdateRequest

__all__ = ["CREATE", "UPDATE", "AsyncTemplatesMixin", "TemplatesMixin"]

CREATE = Operation(post_templates, TemplateDetail.from_dict)
UPDATE = Operation(put_templates_id, TemplateDetail.from_dict)

Content = TemplateContent | Mapping[str, Any] | str
"""A template's content: a `TemplateContent`, its JSON (`{"body": {"text": ...}, "header": ..., "footer": ...,
"buttons": [...]}`), or a string (that JSON as a string, or plain text, which the API makes the body's text)."""

Examples = TemplateExamples | Mapping[str, str]
"""A sample value for each variable of the template, by the variable's name (`{"nome": "Maria"}`)."""


def _content(operation: Operation[Any], body: Content) -> TemplateContent | str:
    """`body` as the request model takes it: the JSON object checked (a failure names the field inside it) and parsed,
    anything else as it is (a value of no type the API takes is refused by the body's own check, naming `body`)."""
    if isinstance(body, Mapping):
        check_body_field(operation.name, "body", body)
        content = as_model(TemplateContent, body, "body")
        assert content is not None
        return content
    return body


def _examples(examples: Examples | None) -> TemplateExamples | None:
    """`examples` as the request model takes it. Its values are checked here: the spec says they are strings, in a
    keyword (`additionalProperties`) the SDK's checker does not apply."""
    if examples is None or isinstance(examples, TemplateExamples):
        return examples
    if not isinstance(examples, Mapping):
        raise InvalidInputError(f"examples must be a TemplateExamples or a dict, not {type(examples).__name__}.")
    for variable, value in examples.items():
        if not isinstance(variable, str):
            raise InvalidInputError(f"examples has a key that is not a string: {variable!r}.")
        if not isinstance(value, str):
            raise InvalidInputError(f"examples[{variable!r}] must be a string, not {type(value).__name__}.")
    return TemplateExamples.from_dict(examples)


def _create_body(
    name: str,
    body: Content,
    category: TemplateCategory | str | None,
    language: str | None,
    examples: Examples | None,
) -> TemplateCreateRequest:
    return TemplateCreateRequest(
        name=name,
        body=_content(CREATE, body),
        category=category,
        language=language,
        examples=_examples(examples),
    )


def _update_body(
    body: Content, category: TemplateCategory | str | None, language: str | None, examples: Examples | None
) -> TemplateUpdateRequest:
    return TemplateUpdateRequest(
        body=_content(UPDATE, body), category=category, language=language, examples=_examples(examples)
    )


class TemplatesMixin(SyncAPIResource):
    """`templates.create()` and `templates.update()`, of `Templates`."""

    def create(
        self,
        *,
        name: str,
        body: TemplateContent | Mapping[str, Any] | str,
        category: TemplateCategory | str | None = None,
        language: str | None = None,
        examples: TemplateExamples | Mapping[str, str] | None = None,
    ) -> TemplateDetail:
        """Create a template (Create template). On a Meta Cloud API number it is submitted to Meta for approval
        (`meta_status` PENDING, not `sendable` until APPROVED); on any other number it can be sent at once.

        Args:
            name: its name: letters and digits (separators become `_`).
            body: its content: a `TemplateContent` or its JSON (`{"body": {"text": "Oi {{nome}}!"}, "footer":
                {"text": ...}, "buttons": [{"type": "QUICK_REPLY", "text": "Sim"}]}`), or a string (plain text
                becomes the body's text).
            category: `MARKETING`, `UTILITY` or `OTP`; it cannot be changed later.
            language: its language for Meta, such as `pt_BR`.
            examples: a sample value for each variable (`{"nome": "Maria"}`): required as soon as the header, the
                body or a URL button has one, else `TemplateExamplesRequiredError` (its `missing` names them).

        A template of that name already: `TemplateNameTakenError`. Sent once: never sent again once it may have
        reached the server.
        """
        return self._call(CREATE, body=_create_body(name, body, category, language, examples))

    def update(
        self,
        template_id: str,
        *,
        body: TemplateContent | Mapping[str, Any] | str,
        category: TemplateCategory | str | None = None,
        language: str | None = None,
        examples: TemplateExamples | Mapping[str, str] | None = None,
    ) -> TemplateDetail:
        """Replace a template's content (Update template), found by its id or its name. On a Meta Cloud API number
        the new version is submitted to Meta again (PENDING until approved).

        Args:
            template_id: the template's id or name.
            body, category, language, examples: as `create()` takes them.

        No template of the number with that id or name: `TemplateNotFoundError`. Sent once: a PUT is never sent again
        once it may have reached the server.
        """
        return self._call(UPDATE, template_id, body=_update_body(body, category, language, examples))


class AsyncTemplatesMixin(AsyncAPIResource):
    """`templates.create()` and `templates.update()`, of `AsyncTemplates`: the same, awaited."""

    async def create(
        self,
        *,
        name: str,
        body: TemplateContent | Mapping[str, Any] | str,
        category: TemplateCategory | str | None = None,
        language: str | None = None,
        examples: TemplateExamples | Mapping[str, str] | None = None,
    ) -> TemplateDetail:
        """Create a template; see `Templates.create()`."""
        return await self._call(CREATE, body=_create_body(name, body, category, language, examples))

    async def update(
        self,
        template_id: str,
        *,
        body: TemplateContent | Mapping[str, Any] | str,
        category: TemplateCategory | str | None = None,
        language: str | None = None,
        examples: TemplateExamples | Mapping[str, str] | None = None,
    ) -> TemplateDetail:
        """Replace a template's content; see `Templates.update()`."""
        return await self._call(UPDATE, template_id, body=_update_body(body, category, language, examples))
