"""Written by tools/generate.py from openapi.json; do not edit.

The models `pilotstatus` exports (`pilotstatus.Call`), each loaded on first use from the generated package,
so that `import pilotstatus` loads none of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pilotstatus_api.models.call import Call
    from pilotstatus_api.models.call_action_result import CallActionResult
    from pilotstatus_api.models.call_detail import CallDetail
    from pilotstatus_api.models.call_direction import CallDirection
    from pilotstatus_api.models.call_event import CallEvent
    from pilotstatus_api.models.call_event_name import CallEventName
    from pilotstatus_api.models.call_hours import CallHours
    from pilotstatus_api.models.call_icon_visibility import CallIconVisibility
    from pilotstatus_api.models.call_permission import CallPermission
    from pilotstatus_api.models.call_permission_action import CallPermissionAction
    from pilotstatus_api.models.call_permission_action_name import CallPermissionActionName
    from pilotstatus_api.models.call_permission_event_status import CallPermissionEventStatus
    from pilotstatus_api.models.call_permission_limit import CallPermissionLimit
    from pilotstatus_api.models.call_permission_request_sent import CallPermissionRequestSent
    from pilotstatus_api.models.call_permission_state import CallPermissionState
    from pilotstatus_api.models.call_permission_status import CallPermissionStatus
    from pilotstatus_api.models.call_permission_updated_event import CallPermissionUpdatedEvent
    from pilotstatus_api.models.call_started import CallStarted
    from pilotstatus_api.models.call_status import CallStatus
    from pilotstatus_api.models.calling_feature_status import CallingFeatureStatus
    from pilotstatus_api.models.calling_settings import CallingSettings
    from pilotstatus_api.models.calling_settings_updated import CallingSettingsUpdated
    from pilotstatus_api.models.day_of_week import DayOfWeek
    from pilotstatus_api.models.holiday_schedule import HolidaySchedule
    from pilotstatus_api.models.message_event import MessageEvent
    from pilotstatus_api.models.message_event_data import MessageEventData
    from pilotstatus_api.models.message_event_name import MessageEventName
    from pilotstatus_api.models.message_failed_event import MessageFailedEvent
    from pilotstatus_api.models.message_failed_event_data import MessageFailedEventData
    from pilotstatus_api.models.message_group_event import MessageGroupEvent
    from pilotstatus_api.models.message_group_event_data import MessageGroupEventData
    from pilotstatus_api.models.message_newsletter_event import MessageNewsletterEvent
    from pilotstatus_api.models.message_newsletter_event_data import MessageNewsletterEventData
    from pilotstatus_api.models.message_received_event import MessageReceivedEvent
    from pilotstatus_api.models.message_received_event_data import MessageReceivedEventData
    from pilotstatus_api.models.message_reply_event import MessageReplyEvent
    from pilotstatus_api.models.message_reply_event_data import MessageReplyEventData
    from pilotstatus_api.models.realtime_session import RealtimeSession
    from pilotstatus_api.models.realtime_session_mode import RealtimeSessionMode
    from pilotstatus_api.models.sip_settings import SipSettings
    from pilotstatus_api.models.voicemail import Voicemail
    from pilotstatus_api.models.weekly_operating_hours import WeeklyOperatingHours
    from pilotstatus_api.models.whats_app_message_type import WhatsAppMessageType

__all__ = [
    "Call",
    "CallActionResult",
    "CallDetail",
    "CallDirection",
    "CallEvent",
    "CallEventName",
    "CallHours",
    "CallIconVisibility",
    "CallPermission",
    "CallPermissionAction",
    "CallPermissionActionName",
    "CallPermissionEventStatus",
    "CallPermissionLimit",
    "CallPermissionRequestSent",
    "CallPermissionState",
    "CallPermissionStatus",
    "CallPermissionUpdatedEvent",
    "CallStarted",
    "CallStatus",
    "CallingFeatureStatus",
    "CallingSettings",
    "CallingSettingsUpdated",
    "DayOfWeek",
    "HolidaySchedule",
    "MessageEvent",
    "MessageEventData",
    "MessageEventName",
    "MessageFailedEvent",
    "MessageFailedEventData",
    "MessageGroupEvent",
    "MessageGroupEventData",
    "MessageNewsletterEvent",
    "MessageNewsletterEventData",
    "MessageReceivedEvent",
    "MessageReceivedEventData",
    "MessageReplyEvent",
    "MessageReplyEventData",
    "RealtimeSession",
    "RealtimeSessionMode",
    "SipSettings",
    "Voicemail",
    "WeeklyOperatingHours",
    "WhatsAppMessageType",
]

MODELS: dict[str, str] = {
    "Call": "pilotstatus_api.models.call",
    "CallActionResult": "pilotstatus_api.models.call_action_result",
    "CallDetail": "pilotstatus_api.models.call_detail",
    "CallDirection": "pilotstatus_api.models.call_direction",
    "CallEvent": "pilotstatus_api.models.call_event",
    "CallEventName": "pilotstatus_api.models.call_event_name",
    "CallHours": "pilotstatus_api.models.call_hours",
    "CallIconVisibility": "pilotstatus_api.models.call_icon_visibility",
    "CallPermission": "pilotstatus_api.models.call_permission",
    "CallPermissionAction": "pilotstatus_api.models.call_permission_action",
    "CallPermissionActionName": "pilotstatus_api.models.call_permission_action_name",
    "CallPermissionEventStatus": "pilotstatus_api.models.call_permission_event_status",
    "CallPermissionLimit": "pilotstatus_api.models.call_permission_limit",
    "CallPermissionRequestSent": "pilotstatus_api.models.call_permission_request_sent",
    "CallPermissionState": "pilotstatus_api.models.call_permission_state",
    "CallPermissionStatus": "pilotstatus_api.models.call_permission_status",
    "CallPermissionUpdatedEvent": "pilotstatus_api.models.call_permission_updated_event",
    "CallStarted": "pilotstatus_api.models.call_started",
    "CallStatus": "pilotstatus_api.models.call_status",
    "CallingFeatureStatus": "pilotstatus_api.models.calling_feature_status",
    "CallingSettings": "pilotstatus_api.models.calling_settings",
    "CallingSettingsUpdated": "pilotstatus_api.models.calling_settings_updated",
    "DayOfWeek": "pilotstatus_api.models.day_of_week",
    "HolidaySchedule": "pilotstatus_api.models.holiday_schedule",
    "MessageEvent": "pilotstatus_api.models.message_event",
    "MessageEventData": "pilotstatus_api.models.message_event_data",
    "MessageEventName": "pilotstatus_api.models.message_event_name",
    "MessageFailedEvent": "pilotstatus_api.models.message_failed_event",
    "MessageFailedEventData": "pilotstatus_api.models.message_failed_event_data",
    "MessageGroupEvent": "pilotstatus_api.models.message_group_event",
    "MessageGroupEventData": "pilotstatus_api.models.message_group_event_data",
    "MessageNewsletterEvent": "pilotstatus_api.models.message_newsletter_event",
    "MessageNewsletterEventData": "pilotstatus_api.models.message_newsletter_event_data",
    "MessageReceivedEvent": "pilotstatus_api.models.message_received_event",
    "MessageReceivedEventData": "pilotstatus_api.models.message_received_event_data",
    "MessageReplyEvent": "pilotstatus_api.models.message_reply_event",
    "MessageReplyEventData": "pilotstatus_api.models.message_reply_event_data",
    "RealtimeSession": "pilotstatus_api.models.realtime_session",
    "RealtimeSessionMode": "pilotstatus_api.models.realtime_session_mode",
    "SipSettings": "pilotstatus_api.models.sip_settings",
    "Voicemail": "pilotstatus_api.models.voicemail",
    "WeeklyOperatingHours": "pilotstatus_api.models.weekly_operating_hours",
    "WhatsAppMessageType": "pilotstatus_api.models.whats_app_message_type",
}
"""Each exported model, by name: the module of the generated package it is in."""
