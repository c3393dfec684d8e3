"""The Templates area's state (moto's `models.py`): each sandbox number's message templates, the rules a template's
content must follow, and Meta's review of a template on a Meta number, on the sandbox clock. The clock, the timers and
the lock are the backend's (`_backend`).

What the spec states of a content (types, lengths, the kinds of header and button) is checked against the spec's own
schema of the request (`pilotstatus_api.request_schemas`), so that a content sent as a JSON string is held to what
an object is; the rules JSON Schema cannot state are checked here (`content_problem`), and a variable without an
example is 400 TEMPLATE_EXAMPLES_REQUIRED with `details.missing`. A send asks `sendable(ref)` for the template it
names.

Sandbox behaviour, not documented upstream (the README's sandbox section repeats it):
- each number starts with two templates, `boas_vindas` (UTILITY) and `promocao` (MARKETING): on a Meta number both
  are Meta's (source META, `pt_BR`), `boas_vindas` APPROVED and `promocao` REJECTED; on any other number both are the
  number's own (source PILOT_STATUS, no metaStatus) and sendable;
- on a Meta number a template created or updated is PENDING (not sendable), and Meta's review comes 5 s later on the
  sandbox clock: APPROVED, or REJECTED when the template's name starts with `reject`. On any other number a template
  is sendable as soon as it is saved;
- a variable is `{{name}}`, the name made of letters, digits and `_`; the variables are those of a TEXT header, the
  body and URL buttons, each named once, in that order;
- a name is saved with each run of characters other than ASCII letters and digits made one `_` (and none at its
  ends); a name another template of the number has is 409 TEMPLATE_NAME_TAKEN (the code is inferred); a category or
  language left out is UTILITY and `pt_BR`; a category other than the template's on update is 400;
- a media header takes one of `url` and `base64`, not both; a COPY_CODE button's `example` is the code, a string or
  a list whose first item it is; an example that is empty counts as missing;
- a refusal names the first rule broken, in this order: the name, the category, the content, the examples, then the
  name taken;
- templates are listed in the order they were created; `latestVersion` is always null.
"""

from __future__ import annotations

import dataclasses
import json
import random
import re
import zlib
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from pilotstatus._exceptions import InvalidInputError
from pilotstatus._validation import check_value
from pilotstatus_sandbox._errors import ApiError

if TYPE_CHECKING:
    from pilotstatus_sandbox._backend import Backend, Number

__all__ = ["REVIEW_DELAY_MS", "VARIABLE", "Template", "Templates", "content_problem", "variables_of"]

REVIEW_DELAY_MS = 5_000
"""How long Meta takes to review a template submitted on a Meta number, on the sandbox clock."""

VARIABLE = re.compile(r"\{\{([A-Za-z0-9_]+)\}\}")
"""A variable, `{{nome}}`: its name is the group."""

_ENDS_WITH_VARIABLE = re.compile(r"\{\{[A-Za-z0-9_]+\}\}\Z")
_BUTTON_LIMITS = {"QUICK_REPLY": 10, "URL": 2, "PHONE_NUMBER": 1, "COPY_CODE": 1}
_LABELLED = ("QUICK_REPLY", "URL", "PHONE_NUMBER")
_MEDIA = ("IMAGE", "VIDEO", "DOCUMENT")
_REJECTED = "reject"
_DEFAULT_CATEGORY = "UTILITY"
_DEFAULT_LANGUAGE = "pt_BR"
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

_SEEDS = (
    ("boas_vindas", "UTILITY", "Olá {{nome}}, seja bem-vindo!", {"nome": "Maria"}, "APPROVED"),
    ("promocao", "MARKETING", "Oferta de {{produto}} só hoje: aproveite!", {"produto": "café"}, "REJECTED"),
)
"""Each number's first templates: name, category, body, examples, and Meta's review of it on a Meta number."""


@dataclass(frozen=True)
class Template:
    """One template as saved. A change saves a new `Template`, so one handed out (`Templates.sendable`) never changes
    under its holder; its `content` and `examples` are not to be changed either."""

    id: str
    name: str
    category: str
    language: str
    content: Mapping[str, Any]
    """What it says, as the API takes it: `{"header"?, "body": {"text"}, "footer"?, "buttons"?}`."""
    examples: Mapping[str, str]
    source: str
    """META (a template of a Meta number, reviewed by Meta) or PILOT_STATUS (the number's own)."""
    meta_status: str | None
    """Meta's review of its latest version (PENDING, APPROVED, REJECTED); None when it is not Meta's."""
    sendable: bool
    """Whether a send may use it now: on a Meta number, once APPROVED; on any other, always."""
    version: int
    """1 when created, one more on each update (Meta's review of an older version is dropped)."""

    @property
    def body(self) -> str:
        """The body's text, its variables written `{{nome}}`."""
        text: str = self.content["body"]["text"]
        return text

    @property
    def variables(self) -> list[str]:
        """The names of its variables, each once, in order: what a send must give a value for."""
        return variables_of(self.content)

    def to_json(self) -> dict[str, Any]:
        """As List and Get template show it."""
        meta = self.source == "META"
        return {
            "id": self.id,
            "name": self.name,
            "category": self.category,
            "body": self.body,
            "variables": self.variables,
            "source": self.source,
            "metaStatus": self.meta_status,
            "metaLanguage": self.language if meta else None,
            "sendable": self.sendable,
            "latestVersion": None,
        }


def variables_of(content: Mapping[str, Any]) -> list[str]:
    """The variables of a content, each once, in order: a TEXT header's, the body's, then the URL buttons'."""
    texts = []
    header = content.get("header")
    if header is not None and header.get("type") == "TEXT":
        texts.append(header.get("text") or "")
    texts.append(content["body"]["text"])
    texts += [button.get("url") or "" for button in content.get("buttons") or () if button.get("type") == "URL"]
    return list(dict.fromkeys(name for text in texts for name in VARIABLE.findall(text)))


def content_problem(content: Mapping[str, Any]) -> str | None:
    """The first rule of the documentation that `content` (already of the spec's shape) breaks, in words, or None:
    what JSON Schema cannot say of a header, a body, a footer and buttons."""
    header = content.get("header")
    if header is not None:
        kind = header["type"]
        if kind == "TEXT":
            if not (header.get("text") or "").strip():
                return "body.header.text is required when body.header.type is TEXT"
            if len(VARIABLE.findall(header["text"])) > 1:
                return "body.header.text may hold one variable at most"
        elif kind in _MEDIA and len([key for key in ("url", "base64") if header.get(key)]) != 1:
            return f"body.header of type {kind} takes its media as url or as base64: one of them"
    text = content["body"]["text"].strip()
    if not text:
        return "body.body.text must not be blank"
    if VARIABLE.match(text):
        return "body.body.text must not start with a variable"
    if _ENDS_WITH_VARIABLE.search(text):
        return "body.body.text must not end with a variable"
    footer = content.get("footer")
    if footer is not None and VARIABLE.search(footer["text"]):
        return "body.footer.text must not hold a variable"
    buttons = content.get("buttons") or []
    kinds = Counter(button["type"] for button in buttons)
    for kind, most in _BUTTON_LIMITS.items():
        if kinds[kind] > most:
            return f"body.buttons has {kinds[kind]} {kind} buttons; at most {most}"
    for index, button in enumerate(buttons):
        problem = _button_problem(button)
        if problem is not None:
            return f"body.buttons[{index}] {problem}"
    return None


def _button_problem(button: Mapping[str, Any]) -> str | None:
    kind = button["type"]
    if kind in _LABELLED and not (button.get("text") or "").strip():
        return f"needs a text: it is a {kind} button"
    if kind == "URL":
        url = button.get("url") or ""
        if not url.strip():
            return "needs a url: it is a URL button"
        found = VARIABLE.findall(url)
        if len(found) > 1 or (found and not _ENDS_WITH_VARIABLE.search(url)):
            return "url may hold one variable, at its very end (a dynamic URL)"
    if kind == "PHONE_NUMBER" and not (button.get("phone_number") or "").strip():
        return "needs a phone_number: it is a PHONE_NUMBER button"
    if kind == "COPY_CODE":
        example = button.get("example")
        code = example[0] if isinstance(example, list) and example else example
        if not isinstance(code, str) or not code.strip():
            return "needs its code in example: it is a COPY_CODE button"
    return None


@cache
def _write_schema() -> Mapping[str, Any]:
    """The spec's constraints on Create template's body, as the SDK checks them (enums closed)."""
    from pilotstatus_api.request_schemas import REQUEST_SCHEMAS

    schema: Mapping[str, Any] = REQUEST_SCHEMAS["post_templates"]["body"]
    return schema


def _validation(message: str) -> ApiError:
    return ApiError(400, f"Validation error: {message}")


def _checked(value: Any, field: str) -> None:
    """`value` held to what the spec says of the field `field` of a write (`body` the content, as an object)."""
    schema = _write_schema()["properties"][field]
    if field == "body":
        schema = next(member for member in schema["anyOf"] if member.get("type") == "object")
    try:
        check_value(value, schema, field)
    except InvalidInputError as refused:
        raise _validation(str(refused).rstrip(".")) from None


def parse_content(value: Any) -> dict[str, Any]:
    """The `body` field of a write as a template's content: an object as it is, a string that is a JSON object as
    that object, any other string as the body's text; then held to the spec's shape and to `content_problem`."""
    if isinstance(value, str):
        try:
            parsed = json.loads(value)
        except ValueError:
            parsed = None
        value = parsed if isinstance(parsed, dict) else {"body": {"text": value}}
    _checked(value, "body")
    content: dict[str, Any] = json.loads(json.dumps(value))  # a copy of its own
    problem = content_problem(content)
    if problem is not None:
        raise _validation(problem)
    return content


def _saved_name(name: str) -> str:
    saved = re.sub(r"[^A-Za-z0-9]+", "_", name).strip("_")
    if not saved:
        raise _validation(f"name ({name[:40]!r}) must hold a letter or a digit")
    return saved


def _require_examples(content: Mapping[str, Any], examples: Mapping[str, str]) -> None:
    missing = [name for name in variables_of(content) if not examples.get(name)]
    if missing:
        raise ApiError(
            400,
            f"Every variable needs an example: add {', '.join(missing)} to examples",
            "TEMPLATE_EXAMPLES_REQUIRED",
            details={"missing": missing},
        )


def _not_found(ref: str) -> ApiError:
    return ApiError(404, f"Template not found: {ref[:80]!r} is no template of this number", "TEMPLATE_NOT_FOUND")


class Templates:
    """One sandbox number's templates."""

    def __init__(self, backend: Backend, number: Number) -> None:
        self._backend = backend
        self._meta = number.provider == "META"
        config = backend.config
        self._random = random.Random(zlib.crc32(f"templates:{number.number_id}".encode()) ^ config.seed)
        self._templates: dict[str, Template] = {}  # by id, in the order they were created
        self._by_name: dict[str, str] = {}
        for name, category, body, examples, review in _SEEDS:
            self._save(
                Template(
                    id=self._new_id(config.newest_ms),
                    name=name,
                    category=category,
                    language=_DEFAULT_LANGUAGE,
                    content={"body": {"text": body}},
                    examples=examples,
                    source="META" if self._meta else "PILOT_STATUS",
                    meta_status=review if self._meta else None,
                    sendable=review == "APPROVED" or not self._meta,
                    version=1,
                )
            )

    # -- the API's operations --------------------------------------------------------------------------------

    def list(self) -> list[dict[str, Any]]:
        with self._backend.locked():
            return [template.to_json() for template in self._templates.values()]

    def retrieve(self, ref: str) -> dict[str, Any]:
        with self._backend.locked():
            return self._find(ref).to_json()

    def create(self, body: Mapping[str, Any]) -> dict[str, Any]:
        with self._backend.locked() as now:
            name = _saved_name(body["name"])
            category = body.get("category", _DEFAULT_CATEGORY)
            _checked(category, "category")
            content = parse_content(body["body"])
            examples = dict(body.get("examples") or {})
            _require_examples(content, examples)
            if name in self._by_name:
                raise ApiError(409, f"A template named {name} exists already", "TEMPLATE_NAME_TAKEN")
            template = Template(
                id=self._new_id(now),
                name=name,
                category=category,
                language=body.get("language", _DEFAULT_LANGUAGE),
                content=content,
                examples=examples,
                source="META" if self._meta else "PILOT_STATUS",
                meta_status=None,
                sendable=True,
                version=1,
            )
            return self._submit(template, now).to_json()

    def update(self, ref: str, body: Mapping[str, Any]) -> dict[str, Any]:
        with self._backend.locked() as now:
            template = self._find(ref)
            category = body.get("category", template.category)
            if category != template.category:
                raise _validation(f"category cannot be changed: {template.name} is {template.category}")
            content = parse_content(body["body"])
            examples = dict(body.get("examples") or {})
            _require_examples(content, examples)
            changed = dataclasses.replace(
                template,
                language=body.get("language", template.language),
                content=content,
                examples=examples,
                version=template.version + 1,
            )
            return self._submit(changed, now).to_json()

    def delete(self, ref: str) -> dict[str, Any]:
        with self._backend.locked():
            template = self._find(ref)
            del self._templates[template.id]
            del self._by_name[template.name]
            return {"deleted": True, "id": template.id}

    # -- for the other areas ---------------------------------------------------------------------------------

    def sendable(self, ref: str) -> Template | None:
        """The template a send names by `ref` (its id or its name), when a send may use it now; None when the number
        has no such template, or (on a Meta number) Meta has not approved it."""
        with self._backend.locked():
            template = self._templates.get(ref) or self._templates.get(self._by_name.get(ref, ""))
            return template if template is not None and template.sendable else None

    # -- saving and Meta's review ----------------------------------------------------------------------------

    def _find(self, ref: str) -> Template:
        template = self._templates.get(ref) or self._templates.get(self._by_name.get(ref, ""))
        if template is None:
            raise _not_found(ref)
        return template

    def _save(self, template: Template) -> Template:
        self._templates[template.id] = template
        self._by_name[template.name] = template.id
        return template

    def _submit(self, template: Template, now: int) -> Template:
        """Save a new template or version: on a Meta number submitted to Meta (PENDING until its review), on any
        other sendable at once."""
        if not self._meta:
            return self._save(dataclasses.replace(template, meta_status=None, sendable=True))
        saved = self._save(dataclasses.replace(template, meta_status="PENDING", sendable=False))
        self._backend.schedule(now + REVIEW_DELAY_MS, lambda at: self._review(saved.id, saved.version))
        return saved

    def _review(self, template_id: str, version: int) -> None:
        """Meta's answer to a submission: APPROVED, or REJECTED for a name starting with `reject`; dropped when the
        template was deleted or changed since."""
        template = self._templates.get(template_id)
        if template is None or template.version != version:
            return
        status = "REJECTED" if template.name.lower().startswith(_REJECTED) else "APPROVED"
        self._save(dataclasses.replace(template, meta_status=status, sendable=status == "APPROVED"))

    def _new_id(self, now: int) -> str:
        """A `tpl_` id after Meta's and the calls' style: a ULID (the time, then 80 random bits, Crockford base 32)."""
        ulid = (now % (1 << 48)) << 80 | self._random.getrandbits(80)
        return "tpl_" + "".join(_CROCKFORD[(ulid >> shift) & 31] for shift in range(125, -1, -5))
