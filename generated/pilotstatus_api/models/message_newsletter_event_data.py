from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.whats_app_message_type import WhatsAppMessageType
from ..types import UNSET, Unset

T = TypeVar("T", bound="MessageNewsletterEventData")

_KNOWN_KEYS = frozenset(
    (
        "numberId",
        "messageId",
        "id",
        "fromMe",
        "createdAt",
        "to",
        "from",
        "type",
        "content",
        "correlationId",
        "mediaLink",
        "mediaType",
        "mediaCaption",
        "mediaFilename",
        "participantName",
        "newsletterId",
        "newsletterName",
    )
)
""" The JSON keys MessageNewsletterEventData declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class MessageNewsletterEventData:
    """The `data` of message.newsletter: `MessageReceivedEventData` with `newsletterId` and `newsletterName`, both
    optional, as the official Python SDK (`pilot-status` 1.15.0) declares them. Fields the server adds later are kept,
    not rejected.

    """

    number_id: str
    """ The id of the number that handled the message, the same id `/v1/numbers` gives. From the official Python SDK
    (`pilot-status` 1.15.0). """
    message_id: None | str
    """ The provider's message id (Meta `wamid...`): null for a failure before the provider answered. Required but
    nullable, as the official Python SDK (`pilot-status` 1.15.0) declares it. """
    id: str
    """ The Pilot Status message id: the `id` of the send's 202 for a message sent through the API (the send guide
    calls it `internalMessageId`; the official Python SDK (`pilot-status` 1.15.0) names it `id`). One message's
    sent, delivered and read events share it. """
    from_me: bool
    """ True when the number sent the message, false when a user did. From the official Python SDK (`pilot-status`
    1.15.0). """
    created_at: datetime.datetime
    """ When the event happened (ISO 8601; documented). Parsed as an instant: a value with no time zone is refused.
    """
    to: str
    """ Who the message is for: E.164 with `+` (documented convention); on the events of a message the number sent,
    the recipient. Required, as the official Python SDK (`pilot-status` 1.15.0) declares it. """
    from_: str
    """ The user who wrote: E.164 with `+` (documented convention). Required, as the official Python SDK (`pilot-
    status` 1.15.0) declares it. """
    type_: str | WhatsAppMessageType | None = None
    """ What the message holds (`text`, `image`, ...). Optional, as the official Python SDK (`pilot-status` 1.15.0)
    declares it. """
    content: str | None = None
    """ The message's text (or a media message's caption). Optional, as the official Python SDK (`pilot-status`
    1.15.0) declares it. """
    correlation_id: str | None = None
    """ The `correlationId` of the send's 202, when the message is one the API sent. Optional, as the official
    Python SDK (`pilot-status` 1.15.0) declares it. """
    media_link: str | None = None
    """ Where the message's media can be fetched. Optional, as the official Python SDK (`pilot-status` 1.15.0)
    declares it. """
    media_type: str | None = None
    """ The media's MIME type (as the official SDK's test fixtures show it). Optional, as the official Python SDK
    (`pilot-status` 1.15.0) declares it. """
    media_caption: str | None = None
    """ The media's caption. Optional, as the official Python SDK (`pilot-status` 1.15.0) declares it. """
    media_filename: str | None = None
    """ The media's file name (documents). Optional, as the official Python SDK (`pilot-status` 1.15.0) declares it.
    """
    participant_name: str | None = None
    """ The user's WhatsApp profile name, when known. Optional and nullable, as the official Python SDK (`pilot-
    status` 1.15.0) declares it. """
    newsletter_id: str | None = None
    """ The channel's WhatsApp id (`...@newsletter`). Optional, as the official Python SDK (`pilot-status` 1.15.0)
    declares it. """
    newsletter_name: str | None = None
    """ The channel's name, when known. Optional and nullable, as the official Python SDK (`pilot-status` 1.15.0)
    declares it. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _explicit_nulls: frozenset[str] = _attrs_field(init=False, factory=frozenset, repr=False, eq=False)
    """ The keys of the optional nullable fields that from_dict() read as null, so that to_dict() writes them back as
    null. Any other optional field that is None is left out of to_dict(). """

    def to_dict(self) -> dict[str, Any]:
        number_id = self.number_id

        message_id: None | str
        message_id = self.message_id

        id = self.id

        from_me = self.from_me

        created_at = self.created_at.isoformat()

        to = self.to

        from_ = self.from_

        _type_: str | Unset | WhatsAppMessageType = UNSET if self.type_ is None else self.type_
        type_: str | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        elif isinstance(_type_, str):
            type_ = _type_
        else:
            type_ = _type_

        content: str | Unset = UNSET if self.content is None else self.content

        correlation_id: str | Unset = UNSET if self.correlation_id is None else self.correlation_id

        media_link: str | Unset = UNSET if self.media_link is None else self.media_link

        media_type: str | Unset = UNSET if self.media_type is None else self.media_type

        media_caption: str | Unset = UNSET if self.media_caption is None else self.media_caption

        media_filename: str | Unset = UNSET if self.media_filename is None else self.media_filename

        _participant_name: None | str | Unset = (
            UNSET
            if self.participant_name is None and "participantName" not in self._explicit_nulls
            else self.participant_name
        )
        participant_name: None | str | Unset
        if isinstance(_participant_name, Unset):
            participant_name = UNSET
        else:
            participant_name = _participant_name

        newsletter_id: str | Unset = UNSET if self.newsletter_id is None else self.newsletter_id

        _newsletter_name: None | str | Unset = (
            UNSET
            if self.newsletter_name is None and "newsletterName" not in self._explicit_nulls
            else self.newsletter_name
        )
        newsletter_name: None | str | Unset
        if isinstance(_newsletter_name, Unset):
            newsletter_name = UNSET
        else:
            newsletter_name = _newsletter_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "numberId": number_id,
                "messageId": message_id,
                "id": id,
                "fromMe": from_me,
                "createdAt": created_at,
                "to": to,
                "from": from_,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_
        if content is not UNSET:
            field_dict["content"] = content
        if correlation_id is not UNSET:
            field_dict["correlationId"] = correlation_id
        if media_link is not UNSET:
            field_dict["mediaLink"] = media_link
        if media_type is not UNSET:
            field_dict["mediaType"] = media_type
        if media_caption is not UNSET:
            field_dict["mediaCaption"] = media_caption
        if media_filename is not UNSET:
            field_dict["mediaFilename"] = media_filename
        if participant_name is not UNSET:
            field_dict["participantName"] = participant_name
        if newsletter_id is not UNSET:
            field_dict["newsletterId"] = newsletter_id
        if newsletter_name is not UNSET:
            field_dict["newsletterName"] = newsletter_name

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        get_ = src_dict.get
        number_id = src_dict["numberId"]

        message_id = src_dict["messageId"]

        id = src_dict["id"]

        from_me = src_dict["fromMe"]

        created_at = datetime.datetime.fromisoformat(src_dict["createdAt"])

        to = src_dict["to"]

        from_ = src_dict["from"]

        type_ = get_("type")

        content = get_("content")

        correlation_id = get_("correlationId")

        media_link = get_("mediaLink")

        media_type = get_("mediaType")

        media_caption = get_("mediaCaption")

        media_filename = get_("mediaFilename")

        participant_name = get_("participantName")

        newsletter_id = get_("newsletterId")

        newsletter_name = get_("newsletterName")

        message_newsletter_event_data = cls(
            number_id,
            message_id,
            id,
            from_me,
            created_at,
            to,
            from_,
            type_,
            content,
            correlation_id,
            media_link,
            media_type,
            media_caption,
            media_filename,
            participant_name,
            newsletter_id,
            newsletter_name,
        )
        explicit_nulls: list[str] = []
        if participant_name is None and "participantName" in src_dict:
            explicit_nulls.append("participantName")
        if newsletter_name is None and "newsletterName" in src_dict:
            explicit_nulls.append("newsletterName")
        if explicit_nulls:
            message_newsletter_event_data._explicit_nulls = frozenset(explicit_nulls)

        if not _KNOWN_KEYS.issuperset(src_dict):
            message_newsletter_event_data.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return message_newsletter_event_data

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
