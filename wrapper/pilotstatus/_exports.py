"""Written by tools/generate.py from openapi.json; do not edit.

The models `pilotstatus` exports (`pilotstatus.Call`), each loaded on first use from the generated package,
so that `import pilotstatus` loads none of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pilotstatus_api.models.analytics_period import AnalyticsPeriod
    from pilotstatus_api.models.button import Button
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
    from pilotstatus_api.models.cancel_message_failure import CancelMessageFailure
    from pilotstatus_api.models.cancel_messages_counts import CancelMessagesCounts
    from pilotstatus_api.models.cancel_messages_result import CancelMessagesResult
    from pilotstatus_api.models.carousel import Carousel
    from pilotstatus_api.models.carousel_button import CarouselButton
    from pilotstatus_api.models.carousel_card import CarouselCard
    from pilotstatus_api.models.chat_message_media import ChatMessageMedia
    from pilotstatus_api.models.chat_referral import ChatReferral
    from pilotstatus_api.models.conversation import Conversation
    from pilotstatus_api.models.conversation_type import ConversationType
    from pilotstatus_api.models.dashboard_daily_messages import DashboardDailyMessages
    from pilotstatus_api.models.dashboard_stats import DashboardStats
    from pilotstatus_api.models.dashboard_status_distribution import DashboardStatusDistribution
    from pilotstatus_api.models.day_of_week import DayOfWeek
    from pilotstatus_api.models.flow import Flow
    from pilotstatus_api.models.group_message import GroupMessage
    from pilotstatus_api.models.history_message import HistoryMessage
    from pilotstatus_api.models.holiday_schedule import HolidaySchedule
    from pilotstatus_api.models.interactive_list import InteractiveList
    from pilotstatus_api.models.list_row import ListRow
    from pilotstatus_api.models.list_section import ListSection
    from pilotstatus_api.models.marketing_options import MarketingOptions
    from pilotstatus_api.models.media_download import MediaDownload
    from pilotstatus_api.models.message_details import MessageDetails
    from pilotstatus_api.models.message_direction import MessageDirection
    from pilotstatus_api.models.message_event import MessageEvent
    from pilotstatus_api.models.message_event_data import MessageEventData
    from pilotstatus_api.models.message_event_name import MessageEventName
    from pilotstatus_api.models.message_failed_event import MessageFailedEvent
    from pilotstatus_api.models.message_failed_event_data import MessageFailedEventData
    from pilotstatus_api.models.message_group_event import MessageGroupEvent
    from pilotstatus_api.models.message_group_event_data import MessageGroupEventData
    from pilotstatus_api.models.message_header import MessageHeader
    from pilotstatus_api.models.message_media_type import MessageMediaType
    from pilotstatus_api.models.message_meta_pricing import MessageMetaPricing
    from pilotstatus_api.models.message_newsletter_event import MessageNewsletterEvent
    from pilotstatus_api.models.message_newsletter_event_data import MessageNewsletterEventData
    from pilotstatus_api.models.message_received_event import MessageReceivedEvent
    from pilotstatus_api.models.message_received_event_data import MessageReceivedEventData
    from pilotstatus_api.models.message_reply_event import MessageReplyEvent
    from pilotstatus_api.models.message_reply_event_data import MessageReplyEventData
    from pilotstatus_api.models.message_status import MessageStatus
    from pilotstatus_api.models.realtime_session import RealtimeSession
    from pilotstatus_api.models.realtime_session_mode import RealtimeSessionMode
    from pilotstatus_api.models.send_message_accepted import SendMessageAccepted
    from pilotstatus_api.models.sip_settings import SipSettings
    from pilotstatus_api.models.template_body import TemplateBody
    from pilotstatus_api.models.template_button import TemplateButton
    from pilotstatus_api.models.template_button_type import TemplateButtonType
    from pilotstatus_api.models.template_category import TemplateCategory
    from pilotstatus_api.models.template_content import TemplateContent
    from pilotstatus_api.models.template_deleted import TemplateDeleted
    from pilotstatus_api.models.template_detail import TemplateDetail
    from pilotstatus_api.models.template_examples import TemplateExamples
    from pilotstatus_api.models.template_footer import TemplateFooter
    from pilotstatus_api.models.template_header import TemplateHeader
    from pilotstatus_api.models.template_header_type import TemplateHeaderType
    from pilotstatus_api.models.template_list_item import TemplateListItem
    from pilotstatus_api.models.template_meta_status import TemplateMetaStatus
    from pilotstatus_api.models.template_source import TemplateSource
    from pilotstatus_api.models.template_version import TemplateVersion
    from pilotstatus_api.models.unread_message import UnreadMessage
    from pilotstatus_api.models.voicemail import Voicemail
    from pilotstatus_api.models.weekly_operating_hours import WeeklyOperatingHours
    from pilotstatus_api.models.whats_app_message_type import WhatsAppMessageType

__all__ = [
    "AnalyticsPeriod",
    "Button",
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
    "CancelMessageFailure",
    "CancelMessagesCounts",
    "CancelMessagesResult",
    "Carousel",
    "CarouselButton",
    "CarouselCard",
    "ChatMessageMedia",
    "ChatReferral",
    "Conversation",
    "ConversationType",
    "DashboardDailyMessages",
    "DashboardStats",
    "DashboardStatusDistribution",
    "DayOfWeek",
    "Flow",
    "GroupMessage",
    "HistoryMessage",
    "HolidaySchedule",
    "InteractiveList",
    "ListRow",
    "ListSection",
    "MarketingOptions",
    "MediaDownload",
    "MessageDetails",
    "MessageDirection",
    "MessageEvent",
    "MessageEventData",
    "MessageEventName",
    "MessageFailedEvent",
    "MessageFailedEventData",
    "MessageGroupEvent",
    "MessageGroupEventData",
    "MessageHeader",
    "MessageMediaType",
    "MessageMetaPricing",
    "MessageNewsletterEvent",
    "MessageNewsletterEventData",
    "MessageReceivedEvent",
    "MessageReceivedEventData",
    "MessageReplyEvent",
    "MessageReplyEventData",
    "MessageStatus",
    "RealtimeSession",
    "RealtimeSessionMode",
    "SendMessageAccepted",
    "SipSettings",
    "TemplateBody",
    "TemplateButton",
    "TemplateButtonType",
    "TemplateCategory",
    "TemplateContent",
    "TemplateDeleted",
    "TemplateDetail",
    "TemplateExamples",
    "TemplateFooter",
    "TemplateHeader",
    "TemplateHeaderType",
    "TemplateListItem",
    "TemplateMetaStatus",
    "TemplateSource",
    "TemplateVersion",
    "UnreadMessage",
    "Voicemail",
    "WeeklyOperatingHours",
    "WhatsAppMessageType",
]

MODELS: dict[str, str] = {
    "AnalyticsPeriod": "pilotstatus_api.models.analytics_period",
    "Button": "pilotstatus_api.models.button",
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
    "CancelMessageFailure": "pilotstatus_api.models.cancel_message_failure",
    "CancelMessagesCounts": "pilotstatus_api.models.cancel_messages_counts",
    "CancelMessagesResult": "pilotstatus_api.models.cancel_messages_result",
    "Carousel": "pilotstatus_api.models.carousel",
    "CarouselButton": "pilotstatus_api.models.carousel_button",
    "CarouselCard": "pilotstatus_api.models.carousel_card",
    "ChatMessageMedia": "pilotstatus_api.models.chat_message_media",
    "ChatReferral": "pilotstatus_api.models.chat_referral",
    "Conversation": "pilotstatus_api.models.conversation",
    "ConversationType": "pilotstatus_api.models.conversation_type",
    "DashboardDailyMessages": "pilotstatus_api.models.dashboard_daily_messages",
    "DashboardStats": "pilotstatus_api.models.dashboard_stats",
    "DashboardStatusDistribution": "pilotstatus_api.models.dashboard_status_distribution",
    "DayOfWeek": "pilotstatus_api.models.day_of_week",
    "Flow": "pilotstatus_api.models.flow",
    "GroupMessage": "pilotstatus_api.models.group_message",
    "HistoryMessage": "pilotstatus_api.models.history_message",
    "HolidaySchedule": "pilotstatus_api.models.holiday_schedule",
    "InteractiveList": "pilotstatus_api.models.interactive_list",
    "ListRow": "pilotstatus_api.models.list_row",
    "ListSection": "pilotstatus_api.models.list_section",
    "MarketingOptions": "pilotstatus_api.models.marketing_options",
    "MediaDownload": "pilotstatus_api.models.media_download",
    "MessageDetails": "pilotstatus_api.models.message_details",
    "MessageDirection": "pilotstatus_api.models.message_direction",
    "MessageEvent": "pilotstatus_api.models.message_event",
    "MessageEventData": "pilotstatus_api.models.message_event_data",
    "MessageEventName": "pilotstatus_api.models.message_event_name",
    "MessageFailedEvent": "pilotstatus_api.models.message_failed_event",
    "MessageFailedEventData": "pilotstatus_api.models.message_failed_event_data",
    "MessageGroupEvent": "pilotstatus_api.models.message_group_event",
    "MessageGroupEventData": "pilotstatus_api.models.message_group_event_data",
    "MessageHeader": "pilotstatus_api.models.message_header",
    "MessageMediaType": "pilotstatus_api.models.message_media_type",
    "MessageMetaPricing": "pilotstatus_api.models.message_meta_pricing",
    "MessageNewsletterEvent": "pilotstatus_api.models.message_newsletter_event",
    "MessageNewsletterEventData": "pilotstatus_api.models.message_newsletter_event_data",
    "MessageReceivedEvent": "pilotstatus_api.models.message_received_event",
    "MessageReceivedEventData": "pilotstatus_api.models.message_received_event_data",
    "MessageReplyEvent": "pilotstatus_api.models.message_reply_event",
    "MessageReplyEventData": "pilotstatus_api.models.message_reply_event_data",
    "MessageStatus": "pilotstatus_api.models.message_status",
    "RealtimeSession": "pilotstatus_api.models.realtime_session",
    "RealtimeSessionMode": "pilotstatus_api.models.realtime_session_mode",
    "SendMessageAccepted": "pilotstatus_api.models.send_message_accepted",
    "SipSettings": "pilotstatus_api.models.sip_settings",
    "TemplateBody": "pilotstatus_api.models.template_body",
    "TemplateButton": "pilotstatus_api.models.template_button",
    "TemplateButtonType": "pilotstatus_api.models.template_button_type",
    "TemplateCategory": "pilotstatus_api.models.template_category",
    "TemplateContent": "pilotstatus_api.models.template_content",
    "TemplateDeleted": "pilotstatus_api.models.template_deleted",
    "TemplateDetail": "pilotstatus_api.models.template_detail",
    "TemplateExamples": "pilotstatus_api.models.template_examples",
    "TemplateFooter": "pilotstatus_api.models.template_footer",
    "TemplateHeader": "pilotstatus_api.models.template_header",
    "TemplateHeaderType": "pilotstatus_api.models.template_header_type",
    "TemplateListItem": "pilotstatus_api.models.template_list_item",
    "TemplateMetaStatus": "pilotstatus_api.models.template_meta_status",
    "TemplateSource": "pilotstatus_api.models.template_source",
    "TemplateVersion": "pilotstatus_api.models.template_version",
    "UnreadMessage": "pilotstatus_api.models.unread_message",
    "Voicemail": "pilotstatus_api.models.voicemail",
    "WeeklyOperatingHours": "pilotstatus_api.models.weekly_operating_hours",
    "WhatsAppMessageType": "pilotstatus_api.models.whats_app_message_type",
}
"""Each exported model, by name: the module of the generated package it is in."""
