"""Every operation of `openapi.json` and its traits: the one list of operations the project reads.

Written by `tools/generate.py` from `openapi.json` (each operation's `x-pilotstatus` object); do not edit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Scope = Literal["number", "tenant", "any", "none"]
Idempotency = Literal["none", "optional", "required"]


@dataclass(frozen=True)
class Entry:
    """One operation, and the traits its `x-pilotstatus` object states."""

    operation_id: str
    """As `openapi.json` spells it (`post_calls_callId_accept`)."""
    module: str
    """The generated module under `pilotstatus_api.api.<area>` (`post_calls_call_id_accept`)."""
    area: str
    """The API area, from the operation's first tag in snake case (`calls`): its package in the sandbox."""
    http_method: str
    path: str
    sdk_method: str | None
    """Where the SDK exposes it, from the client (`calls.settings.retrieve`); None when it does not."""
    scope: Scope
    """Which keys may call it: `number` (a number key, or a tenant key naming the number in `x-whatsapp-number-id`),
    `tenant`, `any`, or `none`."""
    providers: tuple[str, ...] | None
    """The kinds of number that serve it; None: all of them."""
    idempotency: Idempotency
    """Whether it honours an `Idempotency-Key`: `none`, `optional` or `required`."""
    body_limit: int | None
    """The most bytes its request body may hold, where that is not the default."""
    path_parameters: tuple[str, ...]
    """Its path parameters, as the spec names them, in the path's order."""
    query_parameters: tuple[str, ...]
    number_header: bool
    """Whether it takes `x-whatsapp-number-id`."""
    body: str | None
    """The schema (component name) of its JSON request body, if it takes one."""
    body_required: bool
    success_status: int
    model: str | None
    """The component schema its 2xx body parses into (`CallActionResult`), or each item of it when the body is an
    array, as the generated model's class is named."""
    model_module: str | None
    """That model's module under `pilotstatus_api.models` (`call_action_result`)."""
    returns: Literal["object", "list"]
    """`list` when the 2xx body is a bare array of `model`, `object` when it is one (a page of a paginated list, an
    envelope, a `CallList`, is an object)."""
    pagination: str | None
    """How a list is paged, when it is (`cursor`, `page`)."""
    handwritten: bool
    """Its SDK method is written by hand (behaviour the generator cannot give), not generated."""
    hide: tuple[str, ...]
    """Request properties and parameters the SDK method does not expose: left out of the request, so that the API's
    default applies."""
    flags: tuple[str, ...]
    """Query parameters the SDK takes as `bool` (sent as their one value when True, left out when False)."""
    unwrap: str | None
    """The property of the 2xx body the SDK method returns, when the body is an envelope."""
    has_example: bool
    """Whether its 2xx response has an example (what the sandbox answers an operation with no handler)."""


OPERATIONS: tuple[Entry, ...] = (
    Entry(
        operation_id="get_calls",
        module="get_calls",
        area="calls",
        http_method="GET",
        path="/v1/calls",
        sdk_method="calls.list",
        scope="number",
        providers=("META", "EVO_GO"),
        idempotency="none",
        body_limit=None,
        path_parameters=(),
        query_parameters=("limit", "before"),
        number_header=True,
        body=None,
        body_required=False,
        success_status=200,
        model="CallList",
        model_module="call_list",
        returns="object",
        pagination="cursor",
        handwritten=True,
        hide=(),
        flags=(),
        unwrap=None,
        has_example=True,
    ),
    Entry(
        operation_id="post_calls",
        module="post_calls",
        area="calls",
        http_method="POST",
        path="/v1/calls",
        sdk_method="calls.create",
        scope="number",
        providers=("META", "EVO_GO"),
        idempotency="none",
        body_limit=None,
        path_parameters=(),
        query_parameters=(),
        number_header=True,
        body="StartCallRequest",
        body_required=True,
        success_status=200,
        model="CallStarted",
        model_module="call_started",
        returns="object",
        pagination=None,
        handwritten=False,
        hide=("sdpType",),
        flags=(),
        unwrap=None,
        has_example=True,
    ),
    Entry(
        operation_id="get_calls_callId",
        module="get_calls_call_id",
        area="calls",
        http_method="GET",
        path="/v1/calls/{callId}",
        sdk_method="calls.retrieve",
        scope="number",
        providers=("META", "EVO_GO"),
        idempotency="none",
        body_limit=None,
        path_parameters=("callId",),
        query_parameters=("includeSdp",),
        number_header=True,
        body=None,
        body_required=False,
        success_status=200,
        model="CallDetail",
        model_module="call_detail",
        returns="object",
        pagination=None,
        handwritten=False,
        hide=(),
        flags=("includeSdp",),
        unwrap=None,
        has_example=True,
    ),
    Entry(
        operation_id="post_calls_callId_pre-accept",
        module="post_calls_call_id_pre_accept",
        area="calls",
        http_method="POST",
        path="/v1/calls/{callId}/pre-accept",
        sdk_method="calls.pre_accept",
        scope="number",
        providers=("META",),
        idempotency="none",
        body_limit=None,
        path_parameters=("callId",),
        query_parameters=(),
        number_header=True,
        body="SdpAnswer",
        body_required=True,
        success_status=200,
        model="CallActionResult",
        model_module="call_action_result",
        returns="object",
        pagination=None,
        handwritten=False,
        hide=("sdpType",),
        flags=(),
        unwrap=None,
        has_example=True,
    ),
    Entry(
        operation_id="post_calls_callId_accept",
        module="post_calls_call_id_accept",
        area="calls",
        http_method="POST",
        path="/v1/calls/{callId}/accept",
        sdk_method="calls.accept",
        scope="number",
        providers=("META", "EVO_GO"),
        idempotency="none",
        body_limit=None,
        path_parameters=("callId",),
        query_parameters=(),
        number_header=True,
        body="AcceptCallRequest",
        body_required=False,
        success_status=200,
        model="CallActionResult",
        model_module="call_action_result",
        returns="object",
        pagination=None,
        handwritten=False,
        hide=("sdpType",),
        flags=(),
        unwrap=None,
        has_example=True,
    ),
    Entry(
        operation_id="post_calls_callId_reject",
        module="post_calls_call_id_reject",
        area="calls",
        http_method="POST",
        path="/v1/calls/{callId}/reject",
        sdk_method="calls.reject",
        scope="number",
        providers=("META", "EVO_GO"),
        idempotency="none",
        body_limit=None,
        path_parameters=("callId",),
        query_parameters=(),
        number_header=True,
        body=None,
        body_required=False,
        success_status=200,
        model="CallActionResult",
        model_module="call_action_result",
        returns="object",
        pagination=None,
        handwritten=False,
        hide=(),
        flags=(),
        unwrap=None,
        has_example=True,
    ),
    Entry(
        operation_id="post_calls_callId_terminate",
        module="post_calls_call_id_terminate",
        area="calls",
        http_method="POST",
        path="/v1/calls/{callId}/terminate",
        sdk_method="calls.terminate",
        scope="number",
        providers=("META", "EVO_GO"),
        idempotency="none",
        body_limit=None,
        path_parameters=("callId",),
        query_parameters=(),
        number_header=True,
        body=None,
        body_required=False,
        success_status=200,
        model="CallActionResult",
        model_module="call_action_result",
        returns="object",
        pagination=None,
        handwritten=False,
        hide=(),
        flags=(),
        unwrap=None,
        has_example=True,
    ),
    Entry(
        operation_id="post_calls_callId_play",
        module="post_calls_call_id_play",
        area="calls",
        http_method="POST",
        path="/v1/calls/{callId}/play",
        sdk_method="calls.play",
        scope="number",
        providers=("EVO_GO",),
        idempotency="none",
        body_limit=None,
        path_parameters=("callId",),
        query_parameters=(),
        number_header=True,
        body="PlayAudioRequest",
        body_required=True,
        success_status=200,
        model="CallActionResult",
        model_module="call_action_result",
        returns="object",
        pagination=None,
        handwritten=False,
        hide=(),
        flags=(),
        unwrap=None,
        has_example=True,
    ),
    Entry(
        operation_id="post_calls_callId_realtime-session",
        module="post_calls_call_id_realtime_session",
        area="calls",
        http_method="POST",
        path="/v1/calls/{callId}/realtime-session",
        sdk_method="calls.realtime_session",
        scope="number",
        providers=("EVO_GO",),
        idempotency="none",
        body_limit=None,
        path_parameters=("callId",),
        query_parameters=(),
        number_header=True,
        body="RealtimeSessionRequest",
        body_required=True,
        success_status=200,
        model="RealtimeSession",
        model_module="realtime_session",
        returns="object",
        pagination=None,
        handwritten=False,
        hide=(),
        flags=(),
        unwrap=None,
        has_example=True,
    ),
    Entry(
        operation_id="get_calls_settings",
        module="get_calls_settings",
        area="calls",
        http_method="GET",
        path="/v1/calls/settings",
        sdk_method="calls.settings.retrieve",
        scope="number",
        providers=("META",),
        idempotency="none",
        body_limit=None,
        path_parameters=(),
        query_parameters=(),
        number_header=True,
        body=None,
        body_required=False,
        success_status=200,
        model="CallingSettingsEnvelope",
        model_module="calling_settings_envelope",
        returns="object",
        pagination=None,
        handwritten=False,
        hide=(),
        flags=(),
        unwrap="calling",
        has_example=True,
    ),
    Entry(
        operation_id="put_calls_settings",
        module="put_calls_settings",
        area="calls",
        http_method="PUT",
        path="/v1/calls/settings",
        sdk_method="calls.settings.update",
        scope="number",
        providers=("META",),
        idempotency="none",
        body_limit=None,
        path_parameters=(),
        query_parameters=(),
        number_header=True,
        body="CallingSettingsUpdate",
        body_required=False,
        success_status=200,
        model="CallingSettingsUpdated",
        model_module="calling_settings_updated",
        returns="object",
        pagination=None,
        handwritten=True,
        hide=(),
        flags=(),
        unwrap=None,
        has_example=True,
    ),
    Entry(
        operation_id="get_calls_permissions",
        module="get_calls_permissions",
        area="calls",
        http_method="GET",
        path="/v1/calls/permissions",
        sdk_method="calls.permissions.retrieve",
        scope="number",
        providers=("META",),
        idempotency="none",
        body_limit=None,
        path_parameters=(),
        query_parameters=("to",),
        number_header=True,
        body=None,
        body_required=False,
        success_status=200,
        model="CallPermission",
        model_module="call_permission",
        returns="object",
        pagination=None,
        handwritten=False,
        hide=(),
        flags=(),
        unwrap=None,
        has_example=True,
    ),
    Entry(
        operation_id="post_calls_permissions_request",
        module="post_calls_permissions_request",
        area="calls",
        http_method="POST",
        path="/v1/calls/permissions/request",
        sdk_method="calls.permissions.request",
        scope="number",
        providers=("META",),
        idempotency="none",
        body_limit=None,
        path_parameters=(),
        query_parameters=(),
        number_header=True,
        body="CallPermissionRequest",
        body_required=True,
        success_status=200,
        model="CallPermissionRequestSent",
        model_module="call_permission_request_sent",
        returns="object",
        pagination=None,
        handwritten=False,
        hide=(),
        flags=(),
        unwrap=None,
        has_example=True,
    ),
)
"""Every operation, in the spec's order."""

BY_ID: dict[str, Entry] = {entry.operation_id: entry for entry in OPERATIONS}
"""Each operation by its operationId."""

BY_MODULE: dict[str, Entry] = {entry.module: entry for entry in OPERATIONS}
"""Each operation by the name of its generated module."""

BY_SDK_METHOD: dict[str, Entry] = {entry.sdk_method: entry for entry in OPERATIONS if entry.sdk_method is not None}
"""Each operation the SDK exposes, by its SDK name (`calls.settings.retrieve`)."""
