from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.message_direction import MessageDirection
from ..types import UNSET, Unset

T = TypeVar("T", bound="GroupMessage")

_KNOWN_KEYS = frozenset(
    (
        "id",
        "conversationId",
        "direction",
        "providerKind",
        "externalMessageId",
        "status",
        "messageType",
        "origin",
        "text",
        "participantName",
        "participantPhone",
        "participantUserId",
        "repliedToExternalId",
        "media",
        "sentAt",
        "deliveredAt",
        "readAt",
        "providerTimestamp",
        "createdAt",
        "referral",
        "redacted",
        "groupId",
        "groupName",
    )
)
""" The JSON keys GroupMessage declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class GroupMessage:
    """A message of a group conversation: a `HistoryMessage`, with its group. `groupId` and `groupName` are inferred (the
    item's fields are not documented; the `message.group` webhook carries these two).

    """

    id: str
    conversation_id: str | None = None
    direction: MessageDirection | str | None = None
    provider_kind: str | None = None
    """ The kind of number it went through: META or PILOT_STATUS (an open set). """
    external_message_id: str | None = None
    """ The provider's message id (wamid...). """
    status: str | None = None
    """ Its delivery status (an open set). """
    message_type: str | None = None
    """ text, image, audio, video, document, location, contacts, sticker, reaction... (an open set). """
    origin: str | None = None
    """ On an outbound message, the rail it left by: API (Pilot Status), APP (the WhatsApp Business app or another
    tool on the same WABA), CHATWOOT, LAYER; null on inbound ones and when unknown. An open set: a value not known
    here is an outbound message, not an error. """
    text: str | None = None
    participant_name: str | None = None
    participant_phone: str | None = None
    participant_user_id: str | None = None
    """ The user's BSUID (stable id). """
    replied_to_external_id: str | None = None
    """ The provider id of the message this one replies to. """
    media: ChatMessageMedia | None = None
    sent_at: datetime.datetime | None = None
    delivered_at: datetime.datetime | None = None
    read_at: datetime.datetime | None = None
    provider_timestamp: datetime.datetime | None = None
    """ When the message happened, by the provider: the history's order and what its startDate/endDate filter. """
    created_at: datetime.datetime | None = None
    """ When Pilot Status stored it. """
    referral: ChatReferral | None = None
    redacted: bool | None = None
    """ Present, and true, only on a row the number's PII policy hides. """
    group_id: str | None = None
    group_name: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _explicit_nulls: frozenset[str] = _attrs_field(init=False, factory=frozenset, repr=False, eq=False)
    """ The keys of the optional nullable fields that from_dict() read as null, so that to_dict() writes them back as
    null. Any other optional field that is None is left out of to_dict(). """

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        conversation_id: str | Unset = UNSET if self.conversation_id is None else self.conversation_id

        _direction: MessageDirection | str | Unset = UNSET if self.direction is None else self.direction
        direction: str | Unset
        if isinstance(_direction, Unset):
            direction = UNSET
        elif isinstance(_direction, str):
            direction = _direction
        else:
            direction = _direction

        provider_kind: str | Unset = UNSET if self.provider_kind is None else self.provider_kind

        _external_message_id: None | str | Unset = (
            UNSET
            if self.external_message_id is None and "externalMessageId" not in self._explicit_nulls
            else self.external_message_id
        )
        external_message_id: None | str | Unset
        if isinstance(_external_message_id, Unset):
            external_message_id = UNSET
        else:
            external_message_id = _external_message_id

        status: str | Unset = UNSET if self.status is None else self.status

        message_type: str | Unset = UNSET if self.message_type is None else self.message_type

        _origin: None | str | Unset = (
            UNSET if self.origin is None and "origin" not in self._explicit_nulls else self.origin
        )
        origin: None | str | Unset
        if isinstance(_origin, Unset):
            origin = UNSET
        else:
            origin = _origin

        _text: None | str | Unset = UNSET if self.text is None and "text" not in self._explicit_nulls else self.text
        text: None | str | Unset
        if isinstance(_text, Unset):
            text = UNSET
        else:
            text = _text

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

        _participant_phone: None | str | Unset = (
            UNSET
            if self.participant_phone is None and "participantPhone" not in self._explicit_nulls
            else self.participant_phone
        )
        participant_phone: None | str | Unset
        if isinstance(_participant_phone, Unset):
            participant_phone = UNSET
        else:
            participant_phone = _participant_phone

        _participant_user_id: None | str | Unset = (
            UNSET
            if self.participant_user_id is None and "participantUserId" not in self._explicit_nulls
            else self.participant_user_id
        )
        participant_user_id: None | str | Unset
        if isinstance(_participant_user_id, Unset):
            participant_user_id = UNSET
        else:
            participant_user_id = _participant_user_id

        _replied_to_external_id: None | str | Unset = (
            UNSET
            if self.replied_to_external_id is None and "repliedToExternalId" not in self._explicit_nulls
            else self.replied_to_external_id
        )
        replied_to_external_id: None | str | Unset
        if isinstance(_replied_to_external_id, Unset):
            replied_to_external_id = UNSET
        else:
            replied_to_external_id = _replied_to_external_id

        _media: ChatMessageMedia | None | Unset = (
            UNSET if self.media is None and "media" not in self._explicit_nulls else self.media
        )
        media: dict[str, Any] | None | Unset
        if isinstance(_media, Unset):
            media = UNSET
        elif isinstance(_media, ChatMessageMedia):
            media = _media.to_dict()
        else:
            media = _media

        _sent_at: datetime.datetime | None | Unset = (
            UNSET if self.sent_at is None and "sentAt" not in self._explicit_nulls else self.sent_at
        )
        sent_at: None | str | Unset
        if isinstance(_sent_at, Unset):
            sent_at = UNSET
        elif isinstance(_sent_at, datetime.datetime):
            sent_at = _sent_at.isoformat()
        else:
            sent_at = _sent_at

        _delivered_at: datetime.datetime | None | Unset = (
            UNSET if self.delivered_at is None and "deliveredAt" not in self._explicit_nulls else self.delivered_at
        )
        delivered_at: None | str | Unset
        if isinstance(_delivered_at, Unset):
            delivered_at = UNSET
        elif isinstance(_delivered_at, datetime.datetime):
            delivered_at = _delivered_at.isoformat()
        else:
            delivered_at = _delivered_at

        _read_at: datetime.datetime | None | Unset = (
            UNSET if self.read_at is None and "readAt" not in self._explicit_nulls else self.read_at
        )
        read_at: None | str | Unset
        if isinstance(_read_at, Unset):
            read_at = UNSET
        elif isinstance(_read_at, datetime.datetime):
            read_at = _read_at.isoformat()
        else:
            read_at = _read_at

        _provider_timestamp: datetime.datetime | Unset = (
            UNSET if self.provider_timestamp is None else self.provider_timestamp
        )
        provider_timestamp: str | Unset = UNSET
        if not isinstance(_provider_timestamp, Unset):
            provider_timestamp = _provider_timestamp.isoformat()

        _created_at: datetime.datetime | Unset = UNSET if self.created_at is None else self.created_at
        created_at: str | Unset = UNSET
        if not isinstance(_created_at, Unset):
            created_at = _created_at.isoformat()

        _referral: ChatReferral | None | Unset = (
            UNSET if self.referral is None and "referral" not in self._explicit_nulls else self.referral
        )
        referral: dict[str, Any] | None | Unset
        if isinstance(_referral, Unset):
            referral = UNSET
        elif isinstance(_referral, ChatReferral):
            referral = _referral.to_dict()
        else:
            referral = _referral

        redacted: bool | Unset = UNSET if self.redacted is None else self.redacted

        group_id: str | Unset = UNSET if self.group_id is None else self.group_id

        _group_name: None | str | Unset = (
            UNSET if self.group_name is None and "groupName" not in self._explicit_nulls else self.group_name
        )
        group_name: None | str | Unset
        if isinstance(_group_name, Unset):
            group_name = UNSET
        else:
            group_name = _group_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if conversation_id is not UNSET:
            field_dict["conversationId"] = conversation_id
        if direction is not UNSET:
            field_dict["direction"] = direction
        if provider_kind is not UNSET:
            field_dict["providerKind"] = provider_kind
        if external_message_id is not UNSET:
            field_dict["externalMessageId"] = external_message_id
        if status is not UNSET:
            field_dict["status"] = status
        if message_type is not UNSET:
            field_dict["messageType"] = message_type
        if origin is not UNSET:
            field_dict["origin"] = origin
        if text is not UNSET:
            field_dict["text"] = text
        if participant_name is not UNSET:
            field_dict["participantName"] = participant_name
        if participant_phone is not UNSET:
            field_dict["participantPhone"] = participant_phone
        if participant_user_id is not UNSET:
            field_dict["participantUserId"] = participant_user_id
        if replied_to_external_id is not UNSET:
            field_dict["repliedToExternalId"] = replied_to_external_id
        if media is not UNSET:
            field_dict["media"] = media
        if sent_at is not UNSET:
            field_dict["sentAt"] = sent_at
        if delivered_at is not UNSET:
            field_dict["deliveredAt"] = delivered_at
        if read_at is not UNSET:
            field_dict["readAt"] = read_at
        if provider_timestamp is not UNSET:
            field_dict["providerTimestamp"] = provider_timestamp
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if referral is not UNSET:
            field_dict["referral"] = referral
        if redacted is not UNSET:
            field_dict["redacted"] = redacted
        if group_id is not UNSET:
            field_dict["groupId"] = group_id
        if group_name is not UNSET:
            field_dict["groupName"] = group_name

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        get_ = src_dict.get
        last_text_: object = None  # the date-time text parsed last, and its value (see templates/from_dict.jinja)
        last_instant_: Any = None
        id = src_dict["id"]

        conversation_id = get_("conversationId")

        direction = get_("direction")

        provider_kind = get_("providerKind")

        external_message_id = get_("externalMessageId")

        status = get_("status")

        message_type = get_("messageType")

        origin = get_("origin")

        text = get_("text")

        participant_name = get_("participantName")

        participant_phone = get_("participantPhone")

        participant_user_id = get_("participantUserId")

        replied_to_external_id = get_("repliedToExternalId")

        media: Any = get_("media")
        if isinstance(media, dict):
            try:
                media = ChatMessageMedia.from_dict(media)
            except (TypeError, ValueError, AttributeError, KeyError):
                pass  # kept as it came, as the union's other types take it

        sent_at: Any = get_("sentAt")
        if isinstance(sent_at, str):
            if sent_at == last_text_:
                sent_at = last_instant_
            else:
                try:
                    last_instant_ = datetime.datetime.fromisoformat(sent_at)
                    last_text_, sent_at = sent_at, last_instant_
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass  # kept as it came, as the union's other types take it

        delivered_at: Any = get_("deliveredAt")
        if isinstance(delivered_at, str):
            if delivered_at == last_text_:
                delivered_at = last_instant_
            else:
                try:
                    last_instant_ = datetime.datetime.fromisoformat(delivered_at)
                    last_text_, delivered_at = delivered_at, last_instant_
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass  # kept as it came, as the union's other types take it

        read_at: Any = get_("readAt")
        if isinstance(read_at, str):
            if read_at == last_text_:
                read_at = last_instant_
            else:
                try:
                    last_instant_ = datetime.datetime.fromisoformat(read_at)
                    last_text_, read_at = read_at, last_instant_
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass  # kept as it came, as the union's other types take it

        provider_timestamp: Any = get_("providerTimestamp", UNSET)
        if isinstance(provider_timestamp, Unset):
            provider_timestamp = None
        else:
            last_text_ = provider_timestamp
            provider_timestamp = last_instant_ = datetime.datetime.fromisoformat(provider_timestamp)

        created_at: Any = get_("createdAt", UNSET)
        if isinstance(created_at, Unset):
            created_at = None
        else:
            last_text_ = created_at
            created_at = last_instant_ = datetime.datetime.fromisoformat(created_at)

        referral: Any = get_("referral")
        if isinstance(referral, dict):
            try:
                referral = ChatReferral.from_dict(referral)
            except (TypeError, ValueError, AttributeError, KeyError):
                pass  # kept as it came, as the union's other types take it

        redacted = get_("redacted")

        group_id = get_("groupId")

        group_name = get_("groupName")

        group_message = cls(
            id,
            conversation_id,
            direction,
            provider_kind,
            external_message_id,
            status,
            message_type,
            origin,
            text,
            participant_name,
            participant_phone,
            participant_user_id,
            replied_to_external_id,
            media,
            sent_at,
            delivered_at,
            read_at,
            provider_timestamp,
            created_at,
            referral,
            redacted,
            group_id,
            group_name,
        )
        explicit_nulls: list[str] = []
        if external_message_id is None and "externalMessageId" in src_dict:
            explicit_nulls.append("externalMessageId")
        if origin is None and "origin" in src_dict:
            explicit_nulls.append("origin")
        if text is None and "text" in src_dict:
            explicit_nulls.append("text")
        if participant_name is None and "participantName" in src_dict:
            explicit_nulls.append("participantName")
        if participant_phone is None and "participantPhone" in src_dict:
            explicit_nulls.append("participantPhone")
        if participant_user_id is None and "participantUserId" in src_dict:
            explicit_nulls.append("participantUserId")
        if replied_to_external_id is None and "repliedToExternalId" in src_dict:
            explicit_nulls.append("repliedToExternalId")
        if media is None and "media" in src_dict:
            explicit_nulls.append("media")
        if sent_at is None and "sentAt" in src_dict:
            explicit_nulls.append("sentAt")
        if delivered_at is None and "deliveredAt" in src_dict:
            explicit_nulls.append("deliveredAt")
        if read_at is None and "readAt" in src_dict:
            explicit_nulls.append("readAt")
        if referral is None and "referral" in src_dict:
            explicit_nulls.append("referral")
        if group_name is None and "groupName" in src_dict:
            explicit_nulls.append("groupName")
        if explicit_nulls:
            group_message._explicit_nulls = frozenset(explicit_nulls)

        if not _KNOWN_KEYS.issuperset(src_dict):
            group_message.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return group_message

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


from ..models.chat_message_media import ChatMessageMedia
from ..models.chat_referral import ChatReferral
