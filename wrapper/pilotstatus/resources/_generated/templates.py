"""Written by tools/generate.py from openapi.json; do not edit.

`templates`: the resource's generated methods, sync and async.
"""

from __future__ import annotations

import builtins

from pilotstatus._operations import Operation
from pilotstatus.resources._handwritten.templates import AsyncTemplatesMixin, TemplatesMixin
from pilotstatus_api.api.templates import delete_templates_id, get_templates, get_templates_id
from pilotstatus_api.models.template_deleted import TemplateDeleted
from pilotstatus_api.models.template_detail import TemplateDetail
from pilotstatus_api.models.template_list_item import TemplateListItem

__all__ = ["AsyncTemplates", "Templates"]

LIST = Operation(get_templates, lambda body: [TemplateListItem.from_dict(item) for item in body])
RETRIEVE = Operation(get_templates_id, TemplateDetail.from_dict)
DELETE = Operation(delete_templates_id, TemplateDeleted.from_dict)


class Templates(TemplatesMixin):
    """Message templates of the number, by id or name: sendable once Meta approves them on a Meta Cloud API number, at
    once on others.

    `templates`: `create()`, `delete()`, `list()`, `retrieve()`, `update()`.

    Written by hand (`resources/_handwritten/templates.py`): `create()`, `update()`.
    """

    def list(self) -> builtins.list[TemplateListItem]:
        """List templates.

        Lists templates available for the linked number (scoped by number; WABA-shared for Meta). Each item has id,
        name, category, body, variables, plus source ("META" | "PILOT_STATUS"), metaStatus ("APPROVED" | "PENDING" |
        "REJECTED" | "DISABLED" | null), metaLanguage and sendable (boolean). On a Meta Cloud API number only
        source=META + metaStatus=APPROVED templates are sendable; non-Meta templates are not sendable on a Meta number.
        Requires a number-scoped key.

        **Requires a number-scoped key.**

        Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number (else
        `TenantScopeNotAllowedError`).
        """
        return self._call(LIST)

    def retrieve(self, template_id: str) -> TemplateDetail:
        """Get template.

        Returns a template by id (or name), with body and variables. Also includes source ("META" | "PILOT_STATUS"),
        metaStatus ("APPROVED" | "PENDING" | "REJECTED" | "DISABLED" | null), metaLanguage and sendable — on a Meta
        Cloud API number only source=META + metaStatus=APPROVED templates are sendable. 404 TEMPLATE_NOT_FOUND if it
        doesn't exist in the number's scope. Requires a number-scoped key.

        **Requires a number-scoped key.**

        `TemplateNotFoundError` when no template of the number has that id or name.

        Args:
            template_id: Template id or name. Stricter than upstream (our assumption): at most 512 characters (Meta's
                limit on a template's name), not blank, and not `.` or `..` (which a URL resolves away).

        Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number (else
        `TenantScopeNotAllowedError`).
        """
        return self._call(RETRIEVE, template_id)

    def delete(self, template_id: str) -> TemplateDeleted:
        """Delete template.

        Removes the template by id (or name) in the linked number's scope. For Meta templates it also removes the
        template from Meta (WABA). 404 TEMPLATE_NOT_FOUND if it doesn't exist or isn't owned by the number. Returns {
        deleted: true, id }. Requires a number-scoped key. Real and irreversible side effect.

        **Requires a number-scoped key.**

        `TemplateNotFoundError` when no template of the number has that id or name.

        Args:
            template_id: Id or name of the template to remove. Stricter than upstream (our assumption): at most 512
                characters (Meta's limit on a template's name), not blank, and not `.` or `..` (which a URL resolves
                away).

        Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number (else
        `TenantScopeNotAllowedError`).

        Sent once: not sent again once it may have reached the server (only after a 429, or a connection that never
        opened).
        """
        return self._call(DELETE, template_id)


class AsyncTemplates(AsyncTemplatesMixin):
    """Message templates of the number, by id or name: sendable once Meta approves them on a Meta Cloud API number, at
    once on others.

    `templates`: `create()`, `delete()`, `list()`, `retrieve()`, `update()`.

    Written by hand (`resources/_handwritten/templates.py`): `create()`, `update()`.

    The async twin of `Templates`: the same methods, awaited.
    """

    async def list(self) -> builtins.list[TemplateListItem]:
        """List templates.

        Lists templates available for the linked number (scoped by number; WABA-shared for Meta). Each item has id,
        name, category, body, variables, plus source ("META" | "PILOT_STATUS"), metaStatus ("APPROVED" | "PENDING" |
        "REJECTED" | "DISABLED" | null), metaLanguage and sendable (boolean). On a Meta Cloud API number only
        source=META + metaStatus=APPROVED templates are sendable; non-Meta templates are not sendable on a Meta number.
        Requires a number-scoped key.

        **Requires a number-scoped key.**

        Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number (else
        `TenantScopeNotAllowedError`).
        """
        return await self._call(LIST)

    async def retrieve(self, template_id: str) -> TemplateDetail:
        """Get template.

        Returns a template by id (or name), with body and variables. Also includes source ("META" | "PILOT_STATUS"),
        metaStatus ("APPROVED" | "PENDING" | "REJECTED" | "DISABLED" | null), metaLanguage and sendable — on a Meta
        Cloud API number only source=META + metaStatus=APPROVED templates are sendable. 404 TEMPLATE_NOT_FOUND if it
        doesn't exist in the number's scope. Requires a number-scoped key.

        **Requires a number-scoped key.**

        `TemplateNotFoundError` when no template of the number has that id or name.

        Args:
            template_id: Template id or name. Stricter than upstream (our assumption): at most 512 characters (Meta's
                limit on a template's name), not blank, and not `.` or `..` (which a URL resolves away).

        Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number (else
        `TenantScopeNotAllowedError`).
        """
        return await self._call(RETRIEVE, template_id)

    async def delete(self, template_id: str) -> TemplateDeleted:
        """Delete template.

        Removes the template by id (or name) in the linked number's scope. For Meta templates it also removes the
        template from Meta (WABA). 404 TEMPLATE_NOT_FOUND if it doesn't exist or isn't owned by the number. Returns {
        deleted: true, id }. Requires a number-scoped key. Real and irreversible side effect.

        **Requires a number-scoped key.**

        `TemplateNotFoundError` when no template of the number has that id or name.

        Args:
            template_id: Id or name of the template to remove. Stricter than upstream (our assumption): at most 512
                characters (Meta's limit on a template's name), not blank, and not `.` or `..` (which a URL resolves
                away).

        Keys: a number's own key, or a tenant key with `whatsapp_number_id` naming the number (else
        `TenantScopeNotAllowedError`).

        Sent once: not sent again once it may have reached the server (only after a 429, or a connection that never
        opened).
        """
        return await self._call(DELETE, template_id)
