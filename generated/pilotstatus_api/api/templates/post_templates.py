from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.template_create_request import TemplateCreateRequest
from ...models.template_detail import TemplateDetail
from ...types import Response


def _get_kwargs(
    *,
    body: TemplateCreateRequest,
    x_whatsapp_number_id: str | None = None,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if x_whatsapp_number_id is not None:
        headers["x-whatsapp-number-id"] = x_whatsapp_number_id

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/templates",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | TemplateDetail | None:
    if response.status_code == 200:
        response_200 = TemplateDetail.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())

        return response_409

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | TemplateDetail]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TemplateCreateRequest,
    x_whatsapp_number_id: str | None = None,
) -> Response[Error | TemplateDetail]:
    """Create template

     Creates a template in the linked number's scope. The body field accepts three shapes: (1) a
    structured OBJECT { header?, body, footer?, buttons? } — recommended; (2) that same JSON as a
    STRING; or (3) PLAIN TEXT, auto-wrapped into { "body": { "text": ... } }. Structure: optional header
    NONE (default) | TEXT (0–1 variable, up to 60 chars) | IMAGE | VIDEO | DOCUMENT — media supplied via
    header.url (http/https) OR header.base64 (data URI data:<mime>;base64,…, re-hosted server-side);
    body.text up to 1024 chars, with named-style variables {{nome}} (must not start or end with a
    variable); footer.text up to 60 chars, no variables; buttons (up to 10 total) of types QUICK_REPLY
    (≤ 10), URL (≤ 2; static or dynamic with a trailing {{1}} in the URL + a resolved example),
    PHONE_NUMBER (≤ 1) and COPY_CODE (≤ 1; the code goes in button.example) — mixing quick-reply with
    CTA buttons is allowed. Buttons may accompany a video or document (PDF) header. The examples field
    is REQUIRED whenever the body/header (or the dynamic URL) uses variables: an object mapping each
    variable to a sample value; missing → 400 { code: "TEMPLATE_EXAMPLES_REQUIRED", details: { missing:
    [...] } }. For Meta numbers the template is submitted to Meta for approval (metaStatus PENDING); 400
    META_TEMPLATE_SUBMIT_FAILED if Meta rejects it. 409 if a template with that name already exists.
    Requires a number-scoped key.

    **Requires a number-scoped key.**

    Args:
        x_whatsapp_number_id (str | None):
        body (TemplateCreateRequest): The body of Create template. `name` and `body` are required
            (the page's own list of fields); `category`, `language` and `examples` are the fields of
            its example, `examples` required whenever the content has a variable.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TemplateDetail]
    """

    kwargs = _get_kwargs(
        body=body,
        x_whatsapp_number_id=x_whatsapp_number_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: TemplateCreateRequest,
    x_whatsapp_number_id: str | None = None,
) -> Error | TemplateDetail | None:
    """Create template

     Creates a template in the linked number's scope. The body field accepts three shapes: (1) a
    structured OBJECT { header?, body, footer?, buttons? } — recommended; (2) that same JSON as a
    STRING; or (3) PLAIN TEXT, auto-wrapped into { "body": { "text": ... } }. Structure: optional header
    NONE (default) | TEXT (0–1 variable, up to 60 chars) | IMAGE | VIDEO | DOCUMENT — media supplied via
    header.url (http/https) OR header.base64 (data URI data:<mime>;base64,…, re-hosted server-side);
    body.text up to 1024 chars, with named-style variables {{nome}} (must not start or end with a
    variable); footer.text up to 60 chars, no variables; buttons (up to 10 total) of types QUICK_REPLY
    (≤ 10), URL (≤ 2; static or dynamic with a trailing {{1}} in the URL + a resolved example),
    PHONE_NUMBER (≤ 1) and COPY_CODE (≤ 1; the code goes in button.example) — mixing quick-reply with
    CTA buttons is allowed. Buttons may accompany a video or document (PDF) header. The examples field
    is REQUIRED whenever the body/header (or the dynamic URL) uses variables: an object mapping each
    variable to a sample value; missing → 400 { code: "TEMPLATE_EXAMPLES_REQUIRED", details: { missing:
    [...] } }. For Meta numbers the template is submitted to Meta for approval (metaStatus PENDING); 400
    META_TEMPLATE_SUBMIT_FAILED if Meta rejects it. 409 if a template with that name already exists.
    Requires a number-scoped key.

    **Requires a number-scoped key.**

    Args:
        x_whatsapp_number_id (str | None):
        body (TemplateCreateRequest): The body of Create template. `name` and `body` are required
            (the page's own list of fields); `category`, `language` and `examples` are the fields of
            its example, `examples` required whenever the content has a variable.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TemplateDetail
    """

    return sync_detailed(
        client=client,
        body=body,
        x_whatsapp_number_id=x_whatsapp_number_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TemplateCreateRequest,
    x_whatsapp_number_id: str | None = None,
) -> Response[Error | TemplateDetail]:
    """Create template

     Creates a template in the linked number's scope. The body field accepts three shapes: (1) a
    structured OBJECT { header?, body, footer?, buttons? } — recommended; (2) that same JSON as a
    STRING; or (3) PLAIN TEXT, auto-wrapped into { "body": { "text": ... } }. Structure: optional header
    NONE (default) | TEXT (0–1 variable, up to 60 chars) | IMAGE | VIDEO | DOCUMENT — media supplied via
    header.url (http/https) OR header.base64 (data URI data:<mime>;base64,…, re-hosted server-side);
    body.text up to 1024 chars, with named-style variables {{nome}} (must not start or end with a
    variable); footer.text up to 60 chars, no variables; buttons (up to 10 total) of types QUICK_REPLY
    (≤ 10), URL (≤ 2; static or dynamic with a trailing {{1}} in the URL + a resolved example),
    PHONE_NUMBER (≤ 1) and COPY_CODE (≤ 1; the code goes in button.example) — mixing quick-reply with
    CTA buttons is allowed. Buttons may accompany a video or document (PDF) header. The examples field
    is REQUIRED whenever the body/header (or the dynamic URL) uses variables: an object mapping each
    variable to a sample value; missing → 400 { code: "TEMPLATE_EXAMPLES_REQUIRED", details: { missing:
    [...] } }. For Meta numbers the template is submitted to Meta for approval (metaStatus PENDING); 400
    META_TEMPLATE_SUBMIT_FAILED if Meta rejects it. 409 if a template with that name already exists.
    Requires a number-scoped key.

    **Requires a number-scoped key.**

    Args:
        x_whatsapp_number_id (str | None):
        body (TemplateCreateRequest): The body of Create template. `name` and `body` are required
            (the page's own list of fields); `category`, `language` and `examples` are the fields of
            its example, `examples` required whenever the content has a variable.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TemplateDetail]
    """

    kwargs = _get_kwargs(
        body=body,
        x_whatsapp_number_id=x_whatsapp_number_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: TemplateCreateRequest,
    x_whatsapp_number_id: str | None = None,
) -> Error | TemplateDetail | None:
    """Create template

     Creates a template in the linked number's scope. The body field accepts three shapes: (1) a
    structured OBJECT { header?, body, footer?, buttons? } — recommended; (2) that same JSON as a
    STRING; or (3) PLAIN TEXT, auto-wrapped into { "body": { "text": ... } }. Structure: optional header
    NONE (default) | TEXT (0–1 variable, up to 60 chars) | IMAGE | VIDEO | DOCUMENT — media supplied via
    header.url (http/https) OR header.base64 (data URI data:<mime>;base64,…, re-hosted server-side);
    body.text up to 1024 chars, with named-style variables {{nome}} (must not start or end with a
    variable); footer.text up to 60 chars, no variables; buttons (up to 10 total) of types QUICK_REPLY
    (≤ 10), URL (≤ 2; static or dynamic with a trailing {{1}} in the URL + a resolved example),
    PHONE_NUMBER (≤ 1) and COPY_CODE (≤ 1; the code goes in button.example) — mixing quick-reply with
    CTA buttons is allowed. Buttons may accompany a video or document (PDF) header. The examples field
    is REQUIRED whenever the body/header (or the dynamic URL) uses variables: an object mapping each
    variable to a sample value; missing → 400 { code: "TEMPLATE_EXAMPLES_REQUIRED", details: { missing:
    [...] } }. For Meta numbers the template is submitted to Meta for approval (metaStatus PENDING); 400
    META_TEMPLATE_SUBMIT_FAILED if Meta rejects it. 409 if a template with that name already exists.
    Requires a number-scoped key.

    **Requires a number-scoped key.**

    Args:
        x_whatsapp_number_id (str | None):
        body (TemplateCreateRequest): The body of Create template. `name` and `body` are required
            (the page's own list of fields); `category`, `language` and `examples` are the fields of
            its example, `examples` required whenever the content has a variable.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TemplateDetail
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            x_whatsapp_number_id=x_whatsapp_number_id,
        )
    ).parsed
