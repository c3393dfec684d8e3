"""The sandbox's templates: each number's first two, Meta's review of a template on a Meta number on the sandbox clock
(approved 5 s later, rejected for a name starting with `reject`), a template on any other number sendable at once,
the documented rules of a content (a property over random templates: accepted exactly when they hold), examples for
every variable, names taken, lookup by id or name, and `Templates.sendable` for a send. The HTTP tests go through a
real sandbox whose every answer is checked against the spec."""

from __future__ import annotations

import itertools
import json
import re
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pilotstatus_sandbox import SandboxConfig
from pilotstatus_sandbox._backend import Backend
from pilotstatus_sandbox._errors import ApiError
from pilotstatus_sandbox.templates.models import Templates
from tests._sandbox_client import NUMBER_IDS, SandboxClient, manual_sandbox

GREETING = {"body": {"text": "Oi {{nome}}, tudo bem?"}}


@pytest.fixture(scope="module")
def client() -> Iterator[SandboxClient]:
    with manual_sandbox(calls=10) as sandbox_client:
        yield sandbox_client


def names() -> Iterator[str]:
    for count in itertools.count():
        yield f"template_{count}"


NAMES = names()


def create(client: SandboxClient, key: str = "meta", **body: Any) -> Any:
    body = {"name": next(NAMES), "body": GREETING, "examples": {"nome": "Maria"}, **body}
    return client.ok("POST", "/v1/templates", key=key, json=body)


def refused(client: SandboxClient, method: str, path: str, **kwargs: Any) -> tuple[int, Any]:
    response = client.request(method, path, **kwargs)
    assert response.status_code >= 400, response.text
    return response.status_code, response.json()


# --- what each number starts with -----------------------------------------------------------------------------------


def test_a_meta_number_starts_with_one_approved_template_and_one_meta_rejected(client: SandboxClient) -> None:
    listed = {template["name"]: template for template in client.ok("GET", "/v1/templates", key="meta")}
    assert {name: (t["source"], t["metaStatus"], t["sendable"]) for name, t in listed.items()} == {
        "boas_vindas": ("META", "APPROVED", True),
        "promocao": ("META", "REJECTED", False),
    }
    assert listed["boas_vindas"]["variables"] == ["nome"]
    assert listed["boas_vindas"]["metaLanguage"] == "pt_BR"


@pytest.mark.parametrize("key", ["web", "unsupported-provider"])
def test_any_other_number_starts_with_two_templates_of_its_own_both_sendable(client: SandboxClient, key: str) -> None:
    listed = client.ok("GET", "/v1/templates", key=key)
    assert [(t["name"], t["source"], t["metaStatus"], t["metaLanguage"], t["sendable"]) for t in listed] == [
        ("boas_vindas", "PILOT_STATUS", None, None, True),
        ("promocao", "PILOT_STATUS", None, None, True),
    ]


# --- Meta's review ----------------------------------------------------------------------------------------------


def test_on_a_meta_number_a_new_template_is_pending_then_approved_five_seconds_later(client: SandboxClient) -> None:
    created = create(client)
    assert (created["source"], created["metaStatus"], created["sendable"]) == ("META", "PENDING", False)
    client.advance(4.9)
    assert client.ok("GET", f"/v1/templates/{created['id']}")["metaStatus"] == "PENDING"
    client.advance(0.1)
    approved = client.ok("GET", f"/v1/templates/{created['id']}")
    assert (approved["metaStatus"], approved["sendable"]) == ("APPROVED", True)


def test_on_a_meta_number_a_template_named_reject_something_is_rejected(client: SandboxClient) -> None:
    created = create(client, name="reject_me_please")
    client.advance(5)
    rejected = client.ok("GET", "/v1/templates/reject_me_please")
    assert (rejected["id"], rejected["metaStatus"], rejected["sendable"]) == (created["id"], "REJECTED", False)


def test_on_a_web_number_a_new_template_is_sendable_at_once(client: SandboxClient) -> None:
    created = create(client, key="web", name="reject_nothing")
    assert (created["source"], created["metaStatus"], created["sendable"]) == ("PILOT_STATUS", None, True)


def test_an_update_is_reviewed_again_and_the_review_of_the_version_before_is_dropped(client: SandboxClient) -> None:
    created = create(client)
    client.advance(3)
    body = {"body": "Nova versão para {{nome}} hoje.", "examples": {"nome": "Ana"}}
    updated = client.ok("PUT", f"/v1/templates/{created['name']}", json=body)
    assert (updated["body"], updated["metaStatus"]) == ("Nova versão para {{nome}} hoje.", "PENDING")
    client.advance(2)  # the first version's review comes due: it is dropped
    assert client.ok("GET", f"/v1/templates/{created['id']}")["metaStatus"] == "PENDING"
    client.advance(3)
    assert client.ok("GET", f"/v1/templates/{created['id']}")["metaStatus"] == "APPROVED"


def test_a_template_deleted_before_its_review_stays_deleted(client: SandboxClient) -> None:
    created = create(client)
    client.ok("DELETE", f"/v1/templates/{created['id']}")
    client.advance(5)
    assert refused(client, "GET", f"/v1/templates/{created['id']}")[0] == 404


# --- by id or name, and names -----------------------------------------------------------------------------------


def test_a_template_is_found_by_its_id_or_its_name(client: SandboxClient) -> None:
    created = create(client, key="web")
    assert client.ok("GET", f"/v1/templates/{created['id']}", key="web") == created
    assert client.ok("GET", f"/v1/templates/{created['name']}", key="web") == created


def test_a_template_of_another_number_is_not_found(client: SandboxClient) -> None:
    created = create(client, key="web")
    status, body = refused(client, "GET", f"/v1/templates/{created['id']}", key="meta")
    assert (status, body["code"]) == (404, "TEMPLATE_NOT_FOUND")


def test_a_name_is_saved_with_its_separators_made_underscores(client: SandboxClient) -> None:
    created = create(client, key="web", name="  Promo de Natal -- 2026! ")
    assert created["name"] == "Promo_de_Natal_2026"


def test_a_name_another_template_has_is_a_conflict(client: SandboxClient) -> None:
    status, body = refused(client, "POST", "/v1/templates", json={"name": "boas vindas", "body": "Olá a todos!"})
    assert (status, body["code"]) == (409, "TEMPLATE_NAME_TAKEN")


def test_a_deleted_template_is_gone_and_its_name_free_again(client: SandboxClient) -> None:
    created = create(client, key="web")
    assert client.ok("DELETE", f"/v1/templates/{created['name']}", key="web") == {"deleted": True, "id": created["id"]}
    assert refused(client, "DELETE", f"/v1/templates/{created['id']}", key="web")[1]["code"] == "TEMPLATE_NOT_FOUND"
    assert created["id"] not in {t["id"] for t in client.ok("GET", "/v1/templates", key="web")}
    assert create(client, key="web", name=created["name"])["id"] != created["id"]


def test_a_templates_category_cannot_be_changed(client: SandboxClient) -> None:
    body = {"body": "Olá, tudo certo por aí?", "category": "MARKETING"}
    status, refusal = refused(client, "PUT", "/v1/templates/boas_vindas", key="web", json=body)
    assert (status, refusal) == (400, {"error": "Validation error: category cannot be changed: boas_vindas is UTILITY"})


# --- the content: three shapes, and the rules -------------------------------------------------------------------


def test_the_content_may_be_its_json_as_a_string_or_plain_text(client: SandboxClient) -> None:
    as_string = create(client, key="web", body=json.dumps(GREETING))
    assert (as_string["body"], as_string["variables"]) == ("Oi {{nome}}, tudo bem?", ["nome"])
    plain = create(client, key="web", body="Oi {{nome}}, texto simples.")
    assert (plain["body"], plain["variables"]) == ("Oi {{nome}}, texto simples.", ["nome"])
    json_but_no_object = create(client, key="web", body="[1, 2]", examples={})
    assert json_but_no_object["body"] == "[1, 2]"


def test_a_content_sent_as_a_string_is_held_to_the_specs_shape_too(client: SandboxClient) -> None:
    content = {"body": {"text": "x" * 1025}}
    status, body = refused(client, "POST", "/v1/templates", json={"name": "long", "body": json.dumps(content)})
    assert (status, body) == (400, {"error": "Validation error: body.body.text must be at most 1024 characters long"})


def test_a_kind_of_header_the_spec_does_not_list_is_refused_naming_it(client: SandboxClient) -> None:
    content = {"header": {"type": "LOCATION"}, **GREETING}
    _, body = refused(client, "POST", "/v1/templates", json={"name": "where", "body": content})
    assert body["error"].startswith("Validation error: body.header.type='LOCATION' must be one of 'NONE', 'TEXT'")


def test_a_variable_without_an_example_is_named_in_details_missing(client: SandboxClient) -> None:
    content = {
        "header": {"type": "TEXT", "text": "Para {{cliente}}"},
        "body": {"text": "Oi {{nome}}, seu código é {{codigo}}. Até {{nome}}!"},
        "buttons": [{"type": "URL", "text": "Ver", "url": "https://loja.com/p/{{link}}"}],
    }
    status, body = refused(
        client, "POST", "/v1/templates", json={"name": "tpl", "body": content, "examples": {"nome": "A", "codigo": ""}}
    )
    assert (status, body["code"], body["details"]) == (
        400,
        "TEMPLATE_EXAMPLES_REQUIRED",
        {"missing": ["cliente", "codigo", "link"]},
    )


# --- the rules, as a property -----------------------------------------------------------------------------------

VAR = r"\{\{[A-Za-z0-9_]+\}\}"
LIMITS = {"QUICK_REPLY": 10, "URL": 2, "PHONE_NUMBER": 1, "COPY_CODE": 1}

# A template the rules allow, then, more often than not, one way of breaking one rule: a template that breaks exactly
# one rule is what tells each rule apart, and the verdict is still the oracle's (`expected`), whatever was done.
words = st.sampled_from(["Oi", "olá", "até", "hoje", "R$ 10", ":)", "{{", "}}", "{x}", "\n"])
variables = st.sampled_from(["{{nome}}", "{{pedido_1}}", "{{2}}", "{{link}}"])
plain = st.lists(words, min_size=1, max_size=3).map(" ".join)


@st.composite
def sentences(draw: st.DrawFn) -> str:
    """Text that neither starts nor ends with a variable, with up to two in between."""
    middle = draw(st.lists(st.one_of(words, variables), max_size=3))
    return " ".join(["Oi", *middle, "até logo."])


headers = st.one_of(
    st.none(),
    st.just({"type": "NONE"}),
    st.builds(
        lambda text, variable: {"type": "TEXT", "text": f"{text} {variable}"}, plain, st.sampled_from(["", "{{mes}}"])
    ),
    st.builds(
        lambda kind, media: {"type": kind, **media},
        st.sampled_from(["IMAGE", "VIDEO", "DOCUMENT"]),
        st.sampled_from([{"url": "https://cdn.example.com/a.png"}, {"base64": "data:image/png;base64,AAAA"}]),
    ),
)
valid_buttons: st.SearchStrategy[dict[str, Any]] = st.sampled_from(
    [
        {"type": "QUICK_REPLY", "text": "Sim"},
        {"type": "URL", "text": "Ver", "url": "https://loja.com/promo"},
        {"type": "URL", "text": "Ver", "url": "https://loja.com/p/{{link}}"},
        {"type": "PHONE_NUMBER", "text": "Ligar", "phone_number": "+5511999998888"},
        {"type": "COPY_CODE", "example": ["PROMO10"]},
        {"type": "COPY_CODE", "example": "PROMO10"},
    ]
)


@st.composite
def valid_contents(draw: st.DrawFn) -> dict[str, Any]:
    content: dict[str, Any] = {"body": {"text": draw(sentences())}}
    header = draw(headers)
    if header is not None:
        content["header"] = header
    if draw(st.booleans()):
        content["footer"] = {"text": draw(plain)}
    chosen: list[dict[str, Any]] = draw(st.lists(valid_buttons, max_size=3))
    if chosen:  # within each kind's limit: the first of each kind up to it
        kept = [b for i, b in enumerate(chosen) if [c["type"] for c in chosen[: i + 1]].count(b["type"]) <= 1]
        content["buttons"] = kept
    return content


Break = Callable[[dict[str, Any]], None]


def _set(part: str, value: Any) -> Break:
    return lambda content: content.update({part: value})


def _text(change: Callable[[str], str]) -> Break:
    return lambda content: content["body"].update(text=change(content["body"]["text"]))


def _buttons(*added: dict[str, Any]) -> Break:
    return lambda content: content.update(buttons=[*content.get("buttons", []), *added])


BREAKS: list[Break] = [
    _text(lambda text: "{{nome}} " + text),  # starts with a variable
    _text(lambda text: text + " {{nome}}"),  # ends with one
    _text(lambda text: " \n "),  # blank
    _text(lambda text: text + "a" * (1025 - len(text))),  # 1025 characters
    _set("header", {"type": "TEXT", "text": "{{a}} e {{b}}"}),
    _set("header", {"type": "TEXT"}),
    _set("header", {"type": "TEXT", "text": "c" * 61}),
    _set("header", {"type": "IMAGE"}),
    _set("header", {"type": "VIDEO", "url": "https://a.com/v.mp4", "base64": "data:video/mp4;base64,AA"}),
    _set("footer", {"text": "Até {{nome}}"}),
    _set("footer", {"text": "f" * 61}),
    _set("buttons", [{"type": "URL", "text": "Ver", "url": "https://a.com"}] * 3),
    _set("buttons", [{"type": "PHONE_NUMBER", "text": "Ligar", "phone_number": "+5511999998888"}] * 2),
    _set("buttons", [{"type": "COPY_CODE", "example": "X1"}] * 2),
    _set("buttons", [{"type": "QUICK_REPLY", "text": "Sim"}] * 11),
    _buttons({"type": "QUICK_REPLY"}),
    _buttons({"type": "QUICK_REPLY", "text": " "}),
    _buttons({"type": "URL", "url": "https://loja.com/promo"}),
    _buttons({"type": "URL", "text": "Ver"}),
    _buttons({"type": "URL", "text": "Ver", "url": "https://loja.com/{{link}}/promo"}),
    _buttons({"type": "URL", "text": "Ver", "url": "https://loja.com/{{a}}/{{link}}"}),
    _buttons({"type": "PHONE_NUMBER", "text": "Ligar"}),
    _buttons({"type": "COPY_CODE"}),
    _buttons({"type": "COPY_CODE", "example": []}),
    _buttons({"type": "COPY_CODE", "example": [""]}),
]
"""Each a way of breaking one rule of the documentation (it may break another too, or, with what is there already,
none: the oracle judges the result)."""


@st.composite
def templates(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, str]]:
    content = draw(valid_contents())
    if draw(st.integers(0, 2)):
        draw(st.sampled_from(BREAKS))(content)
    named = set(re.findall(r"\{\{([A-Za-z0-9_]+)\}\}", json.dumps(content))) | {"extra"}
    every = st.just(dict.fromkeys(named, "Maria"))
    some = st.dictionaries(st.sampled_from(sorted(named)), st.sampled_from(["Maria", ""]))
    examples = draw(st.one_of(every, every, some))
    return content, examples


def expected(content: dict[str, Any], examples: dict[str, str]) -> tuple[str, list[str]]:
    """What the documentation says of a template: ("invalid", []), ("examples", the variables missing an example, in
    order), or ("ok", its variables)."""
    header = content.get("header") or {}
    header_text = header.get("text", "")
    body = content["body"]["text"]
    footer = content.get("footer", {}).get("text", "")
    buttons = content.get("buttons", [])
    kinds = Counter(button["type"] for button in buttons)
    urls = [button.get("url", "") for button in buttons if button["type"] == "URL"]
    broken = [
        len(header_text) > 60,
        header.get("type") == "TEXT" and not header_text.strip(),
        header.get("type") == "TEXT" and len(re.findall(VAR, header_text)) > 1,
        header.get("type") in ("IMAGE", "VIDEO", "DOCUMENT") and ("url" in header) == ("base64" in header),
        len(body) > 1024,
        not body.strip(),
        re.match(VAR, body.strip()) is not None,
        re.search(VAR + r"$", body.strip()) is not None,
        len(footer) > 60,
        re.search(VAR, footer) is not None,
        len(buttons) > 10,
        any(kinds[kind] > most for kind, most in LIMITS.items()),
        any(b["type"] != "COPY_CODE" and not b.get("text", "").strip() for b in buttons),
        any(not url for url in urls),
        any(len(re.findall(VAR, url)) > 1 or re.search(VAR + r".", url) for url in urls),
        any(b["type"] == "PHONE_NUMBER" and "phone_number" not in b for b in buttons),
        any(b["type"] == "COPY_CODE" and b.get("example") in (None, [], [""]) for b in buttons),
    ]
    if any(broken):
        return "invalid", []
    sources = ([header_text] if header.get("type") == "TEXT" else []) + [body, *urls]
    found = list(dict.fromkeys(re.findall(r"\{\{([A-Za-z0-9_]+)\}\}", " ".join(sources))))
    missing = [name for name in found if not examples.get(name)]
    return ("examples", missing) if missing else ("ok", found)


BACKEND = Backend(SandboxConfig(calls=0, manual_clock=True))


def templates_of(number_id: str) -> Templates:
    number = BACKEND.number(number_id)
    assert number is not None
    return number.templates


@given(templates(), st.sampled_from(["meta", "web"]))
def test_a_template_is_accepted_exactly_when_it_follows_the_documented_rules(
    template: tuple[dict[str, Any], dict[str, str]], key: str
) -> None:
    content, examples = template
    verdict, detail = expected(content, examples)
    body = {"name": next(NAMES), "body": content, "examples": examples}
    if verdict == "ok":
        saved = templates_of(NUMBER_IDS[key]).create(body)
        assert (saved["body"], saved["variables"]) == (content["body"]["text"], detail)
        return
    with pytest.raises(ApiError) as caught:
        templates_of(NUMBER_IDS[key]).create(body)
    assert caught.value.status == 400
    if verdict == "examples":
        assert (caught.value.code, caught.value.details) == ("TEMPLATE_EXAMPLES_REQUIRED", {"missing": detail})
    else:
        assert (caught.value.code, caught.value.details) == (None, None)
        assert caught.value.message.startswith("Validation error: ")


@pytest.mark.parametrize("index", range(len(BREAKS)))
def test_each_documented_rule_broken_alone_is_refused(index: int) -> None:
    content: dict[str, Any] = {
        "header": {"type": "TEXT", "text": "Para {{cliente}}"},
        "body": {"text": "Oi {{nome}}, até logo."},
        "buttons": [{"type": "QUICK_REPLY", "text": "Sim"}],
    }
    BREAKS[index](content)
    examples = dict.fromkeys(re.findall(r"\{\{([A-Za-z0-9_]+)\}\}", json.dumps(content)), "Maria")
    assert expected(content, examples) == ("invalid", [])
    with pytest.raises(ApiError) as caught:
        templates_of(NUMBER_IDS["web"]).create({"name": next(NAMES), "body": content, "examples": examples})
    assert (caught.value.status, caught.value.code) == (400, None)


# --- for a send ---------------------------------------------------------------------------------------------------


def test_sendable_gives_a_template_a_send_may_use_by_its_id_or_name_and_none_otherwise() -> None:
    meta, web = templates_of(NUMBER_IDS["meta"]), templates_of(NUMBER_IDS["web"])
    greeting = meta.sendable("boas_vindas")
    assert greeting is not None
    assert (greeting.name, greeting.body, greeting.variables) == (
        "boas_vindas",
        "Olá {{nome}}, seja bem-vindo!",
        ["nome"],
    )
    assert meta.sendable(greeting.id) == greeting
    assert meta.sendable("promocao") is None  # rejected by Meta
    assert meta.sendable("no_such_template") is None
    assert web.sendable("promocao") is not None  # a web number's own: no review
    pending = meta.create({"name": next(NAMES), "body": GREETING, "examples": {"nome": "Maria"}})
    assert meta.sendable(pending["id"]) is None
    BACKEND.advance(5)
    approved = meta.sendable(pending["name"])
    assert approved is not None
    assert (approved.meta_status, approved.sendable) == ("APPROVED", True)
