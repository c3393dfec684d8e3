"""Contains all the data models used in inputs/outputs"""

from .accept_call_request import AcceptCallRequest
from .accept_call_request_sdp_type import AcceptCallRequestSdpType
from .analytics_period import AnalyticsPeriod
from .button import Button
from .button_type import ButtonType
from .call import Call
from .call_action_result import CallActionResult
from .call_detail import CallDetail
from .call_direction import CallDirection
from .call_event import CallEvent
from .call_event_name import CallEventName
from .call_hours import CallHours
from .call_icon_visibility import CallIconVisibility
from .call_list import CallList
from .call_permission import CallPermission
from .call_permission_action import CallPermissionAction
from .call_permission_action_name import CallPermissionActionName
from .call_permission_event_status import CallPermissionEventStatus
from .call_permission_limit import CallPermissionLimit
from .call_permission_request import CallPermissionRequest
from .call_permission_request_sent import CallPermissionRequestSent
from .call_permission_state import CallPermissionState
from .call_permission_status import CallPermissionStatus
from .call_permission_updated_event import CallPermissionUpdatedEvent
from .call_started import CallStarted
from .call_status import CallStatus
from .calling_feature_status import CallingFeatureStatus
from .calling_settings import CallingSettings
from .calling_settings_envelope import CallingSettingsEnvelope
from .calling_settings_update import CallingSettingsUpdate
from .calling_settings_update_call_icon_visibility import CallingSettingsUpdateCallIconVisibility
from .calling_settings_update_callback_permission_status import CallingSettingsUpdateCallbackPermissionStatus
from .calling_settings_update_status import CallingSettingsUpdateStatus
from .calling_settings_updated import CallingSettingsUpdated
from .cancel_message_failure import CancelMessageFailure
from .cancel_messages_counts import CancelMessagesCounts
from .cancel_messages_request import CancelMessagesRequest
from .cancel_messages_result import CancelMessagesResult
from .carousel import Carousel
from .carousel_button import CarouselButton
from .carousel_button_type import CarouselButtonType
from .carousel_card import CarouselCard
from .carousel_card_media import CarouselCardMedia
from .carousel_card_template import CarouselCardTemplate
from .chat_message_media import ChatMessageMedia
from .chat_referral import ChatReferral
from .conversation import Conversation
from .conversation_type import ConversationType
from .conversations_page import ConversationsPage
from .dashboard_daily_messages import DashboardDailyMessages
from .dashboard_stats import DashboardStats
from .dashboard_status_distribution import DashboardStatusDistribution
from .day_of_week import DayOfWeek
from .error import Error
from .error_code import ErrorCode
from .error_details import ErrorDetails
from .flow import Flow
from .flow_action import FlowAction
from .flow_data import FlowData
from .flow_mode import FlowMode
from .get_calls_call_id_include_sdp import GetCallsCallIdIncludeSdp
from .group_message import GroupMessage
from .group_messages_page import GroupMessagesPage
from .history_message import HistoryMessage
from .holiday_schedule import HolidaySchedule
from .interactive_list import InteractiveList
from .list_row import ListRow
from .list_section import ListSection
from .marketing_options import MarketingOptions
from .media_download import MediaDownload
from .message_details import MessageDetails
from .message_direction import MessageDirection
from .message_event import MessageEvent
from .message_event_data import MessageEventData
from .message_event_name import MessageEventName
from .message_failed_event import MessageFailedEvent
from .message_failed_event_data import MessageFailedEventData
from .message_group_event import MessageGroupEvent
from .message_group_event_data import MessageGroupEventData
from .message_header import MessageHeader
from .message_header_type import MessageHeaderType
from .message_history_page import MessageHistoryPage
from .message_media_type import MessageMediaType
from .message_meta_pricing import MessageMetaPricing
from .message_newsletter_event import MessageNewsletterEvent
from .message_newsletter_event_data import MessageNewsletterEventData
from .message_received_event import MessageReceivedEvent
from .message_received_event_data import MessageReceivedEventData
from .message_reply_event import MessageReplyEvent
from .message_reply_event_data import MessageReplyEventData
from .message_status import MessageStatus
from .play_audio_request import PlayAudioRequest
from .realtime_session import RealtimeSession
from .realtime_session_mode import RealtimeSessionMode
from .realtime_session_request import RealtimeSessionRequest
from .sdp_answer import SdpAnswer
from .sdp_answer_sdp_type import SdpAnswerSdpType
from .send_message_accepted import SendMessageAccepted
from .send_message_request import SendMessageRequest
from .send_message_request_variables import SendMessageRequestVariables
from .sip_settings import SipSettings
from .start_call_request import StartCallRequest
from .start_call_request_sdp_type import StartCallRequestSdpType
from .template_body import TemplateBody
from .template_button import TemplateButton
from .template_button_type import TemplateButtonType
from .template_category import TemplateCategory
from .template_content import TemplateContent
from .template_create_request import TemplateCreateRequest
from .template_deleted import TemplateDeleted
from .template_detail import TemplateDetail
from .template_examples import TemplateExamples
from .template_footer import TemplateFooter
from .template_header import TemplateHeader
from .template_header_type import TemplateHeaderType
from .template_list_item import TemplateListItem
from .template_meta_status import TemplateMetaStatus
from .template_source import TemplateSource
from .template_update_request import TemplateUpdateRequest
from .template_version import TemplateVersion
from .unread_message import UnreadMessage
from .unread_messages_page import UnreadMessagesPage
from .voicemail import Voicemail
from .weekly_operating_hours import WeeklyOperatingHours
from .whats_app_message_type import WhatsAppMessageType

__all__ = (
    "AcceptCallRequest",
    "AcceptCallRequestSdpType",
    "AnalyticsPeriod",
    "Button",
    "ButtonType",
    "Call",
    "CallActionResult",
    "CallDetail",
    "CallDirection",
    "CallEvent",
    "CallEventName",
    "CallHours",
    "CallIconVisibility",
    "CallList",
    "CallPermission",
    "CallPermissionAction",
    "CallPermissionActionName",
    "CallPermissionEventStatus",
    "CallPermissionLimit",
    "CallPermissionRequest",
    "CallPermissionRequestSent",
    "CallPermissionState",
    "CallPermissionStatus",
    "CallPermissionUpdatedEvent",
    "CallStarted",
    "CallStatus",
    "CallingFeatureStatus",
    "CallingSettings",
    "CallingSettingsEnvelope",
    "CallingSettingsUpdate",
    "CallingSettingsUpdateCallIconVisibility",
    "CallingSettingsUpdateCallbackPermissionStatus",
    "CallingSettingsUpdateStatus",
    "CallingSettingsUpdated",
    "CancelMessageFailure",
    "CancelMessagesCounts",
    "CancelMessagesRequest",
    "CancelMessagesResult",
    "Carousel",
    "CarouselButton",
    "CarouselButtonType",
    "CarouselCard",
    "CarouselCardMedia",
    "CarouselCardTemplate",
    "ChatMessageMedia",
    "ChatReferral",
    "Conversation",
    "ConversationType",
    "ConversationsPage",
    "DashboardDailyMessages",
    "DashboardStats",
    "DashboardStatusDistribution",
    "DayOfWeek",
    "Error",
    "ErrorCode",
    "ErrorDetails",
    "Flow",
    "FlowAction",
    "FlowData",
    "FlowMode",
    "GetCallsCallIdIncludeSdp",
    "GroupMessage",
    "GroupMessagesPage",
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
    "MessageHeaderType",
    "MessageHistoryPage",
    "MessageMediaType",
    "MessageMetaPricing",
    "MessageNewsletterEvent",
    "MessageNewsletterEventData",
    "MessageReceivedEvent",
    "MessageReceivedEventData",
    "MessageReplyEvent",
    "MessageReplyEventData",
    "MessageStatus",
    "PlayAudioRequest",
    "RealtimeSession",
    "RealtimeSessionMode",
    "RealtimeSessionRequest",
    "SdpAnswer",
    "SdpAnswerSdpType",
    "SendMessageAccepted",
    "SendMessageRequest",
    "SendMessageRequestVariables",
    "SipSettings",
    "StartCallRequest",
    "StartCallRequestSdpType",
    "TemplateBody",
    "TemplateButton",
    "TemplateButtonType",
    "TemplateCategory",
    "TemplateContent",
    "TemplateCreateRequest",
    "TemplateDeleted",
    "TemplateDetail",
    "TemplateExamples",
    "TemplateFooter",
    "TemplateHeader",
    "TemplateHeaderType",
    "TemplateListItem",
    "TemplateMetaStatus",
    "TemplateSource",
    "TemplateUpdateRequest",
    "TemplateVersion",
    "UnreadMessage",
    "UnreadMessagesPage",
    "Voicemail",
    "WeeklyOperatingHours",
    "WhatsAppMessageType",
)
