from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.template_detail import TemplateDetail
from ...models.template_update_request import TemplateUpdateRequest
from ...types import Response


def _get_kwargs(
    id: str,
    *,
    body: TemplateUpdateRequest,
    x_whatsapp_number_id: str | None = None,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if x_whatsapp_number_id is not None:
        headers["x-whatsapp-number-id"] = x_whatsapp_number_id

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/templates/{id}".format(
            id=quote(str(id), safe=""),
        ),
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

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

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
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: TemplateUpdateRequest,
    x_whatsapp_number_id: str | None = None,
) -> Response[Error | TemplateDetail]:
    """Update template

     Updates an existing template (by id or name) in the linked number's scope. The body follows the same
    contract as Create template: body as an OBJECT { header?, body, footer?, buttons? } (recommended),
    the same JSON as a STRING, or PLAIN TEXT; header NONE | TEXT (0–1 variable, up to 60) | IMAGE |
    VIDEO | DOCUMENT (media via header.url OR header.base64, re-hosted); body.text up to 1024 (variables
    {{nome}}, must not start/end with a variable); footer up to 60 with no variables; up to 10 buttons —
    QUICK_REPLY (≤ 10), URL (≤ 2; static or dynamic with {{1}} + example), PHONE_NUMBER (≤ 1), COPY_CODE
    (≤ 1; code in button.example). The examples field is REQUIRED whenever variables exist; missing →
    400 { code: "TEMPLATE_EXAMPLES_REQUIRED", details: { missing: [...] } }. For Meta numbers the new
    version is re-submitted to Meta for approval (metaStatus PENDING); 400 META_TEMPLATE_SUBMIT_FAILED
    if Meta rejects it. 404 TEMPLATE_NOT_FOUND if it doesn't exist in the number's scope. Requires a
    number-scoped key.

    **Requires a number-scoped key.**

    Args:
        id (str):
        x_whatsapp_number_id (str | None):
        body (TemplateUpdateRequest): The body of Update template: the contract of Create
            template, without `name` (a template is found by its id or name in the path; inferred: the
            documentation's example sends no name). The content given replaces the template's.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TemplateDetail]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        x_whatsapp_number_id=x_whatsapp_number_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: TemplateUpdateRequest,
    x_whatsapp_number_id: str | None = None,
) -> Error | TemplateDetail | None:
    """Update template

     Updates an existing template (by id or name) in the linked number's scope. The body follows the same
    contract as Create template: body as an OBJECT { header?, body, footer?, buttons? } (recommended),
    the same JSON as a STRING, or PLAIN TEXT; header NONE | TEXT (0–1 variable, up to 60) | IMAGE |
    VIDEO | DOCUMENT (media via header.url OR header.base64, re-hosted); body.text up to 1024 (variables
    {{nome}}, must not start/end with a variable); footer up to 60 with no variables; up to 10 buttons —
    QUICK_REPLY (≤ 10), URL (≤ 2; static or dynamic with {{1}} + example), PHONE_NUMBER (≤ 1), COPY_CODE
    (≤ 1; code in button.example). The examples field is REQUIRED whenever variables exist; missing →
    400 { code: "TEMPLATE_EXAMPLES_REQUIRED", details: { missing: [...] } }. For Meta numbers the new
    version is re-submitted to Meta for approval (metaStatus PENDING); 400 META_TEMPLATE_SUBMIT_FAILED
    if Meta rejects it. 404 TEMPLATE_NOT_FOUND if it doesn't exist in the number's scope. Requires a
    number-scoped key.

    **Requires a number-scoped key.**

    Args:
        id (str):
        x_whatsapp_number_id (str | None):
        body (TemplateUpdateRequest): The body of Update template: the contract of Create
            template, without `name` (a template is found by its id or name in the path; inferred: the
            documentation's example sends no name). The content given replaces the template's.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TemplateDetail
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
        x_whatsapp_number_id=x_whatsapp_number_id,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: TemplateUpdateRequest,
    x_whatsapp_number_id: str | None = None,
) -> Response[Error | TemplateDetail]:
    """Update template

     Updates an existing template (by id or name) in the linked number's scope. The body follows the same
    contract as Create template: body as an OBJECT { header?, body, footer?, buttons? } (recommended),
    the same JSON as a STRING, or PLAIN TEXT; header NONE | TEXT (0–1 variable, up to 60) | IMAGE |
    VIDEO | DOCUMENT (media via header.url OR header.base64, re-hosted); body.text up to 1024 (variables
    {{nome}}, must not start/end with a variable); footer up to 60 with no variables; up to 10 buttons —
    QUICK_REPLY (≤ 10), URL (≤ 2; static or dynamic with {{1}} + example), PHONE_NUMBER (≤ 1), COPY_CODE
    (≤ 1; code in button.example). The examples field is REQUIRED whenever variables exist; missing →
    400 { code: "TEMPLATE_EXAMPLES_REQUIRED", details: { missing: [...] } }. For Meta numbers the new
    version is re-submitted to Meta for approval (metaStatus PENDING); 400 META_TEMPLATE_SUBMIT_FAILED
    if Meta rejects it. 404 TEMPLATE_NOT_FOUND if it doesn't exist in the number's scope. Requires a
    number-scoped key.

    **Requires a number-scoped key.**

    Args:
        id (str):
        x_whatsapp_number_id (str | None):
        body (TemplateUpdateRequest): The body of Update template: the contract of Create
            template, without `name` (a template is found by its id or name in the path; inferred: the
            documentation's example sends no name). The content given replaces the template's.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TemplateDetail]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        x_whatsapp_number_id=x_whatsapp_number_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: TemplateUpdateRequest,
    x_whatsapp_number_id: str | None = None,
) -> Error | TemplateDetail | None:
    """Update template

     Updates an existing template (by id or name) in the linked number's scope. The body follows the same
    contract as Create template: body as an OBJECT { header?, body, footer?, buttons? } (recommended),
    the same JSON as a STRING, or PLAIN TEXT; header NONE | TEXT (0–1 variable, up to 60) | IMAGE |
    VIDEO | DOCUMENT (media via header.url OR header.base64, re-hosted); body.text up to 1024 (variables
    {{nome}}, must not start/end with a variable); footer up to 60 with no variables; up to 10 buttons —
    QUICK_REPLY (≤ 10), URL (≤ 2; static or dynamic with {{1}} + example), PHONE_NUMBER (≤ 1), COPY_CODE
    (≤ 1; code in button.example). The examples field is REQUIRED whenever variables exist; missing →
    400 { code: "TEMPLATE_EXAMPLES_REQUIRED", details: { missing: [...] } }. For Meta numbers the new
    version is re-submitted to Meta for approval (metaStatus PENDING); 400 META_TEMPLATE_SUBMIT_FAILED
    if Meta rejects it. 404 TEMPLATE_NOT_FOUND if it doesn't exist in the number's scope. Requires a
    number-scoped key.

    **Requires a number-scoped key.**

    Args:
        id (str):
        x_whatsapp_number_id (str | None):
        body (TemplateUpdateRequest): The body of Update template: the contract of Create
            template, without `name` (a template is found by its id or name in the path; inferred: the
            documentation's example sends no name). The content given replaces the template's.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TemplateDetail
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
            x_whatsapp_number_id=x_whatsapp_number_id,
        )
    ).parsed
